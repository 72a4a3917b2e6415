// The edit pipeline: every change to the document is one Op sent through
// api.ts, in order. The shell answers an edit, undo or redo with the document
// view AND the layout of the view on screen (it is told what the screen
// shows), so the state is patched once: one round trip, one canvas rebuild
// with the new geometry. Also the mode (what the screen shows) and asking
// for its layout.

import * as api from "../api";
import { errorText } from "../format";
import { indexView } from "../model";
import type { Decision } from "../ops";
import { allFlows, flowById, processById } from "../processes";
import type { DocumentView, EditedView, Op, Screen, Shown } from "../types";
import type { Editor } from "./editor";
import { patchDocument, patchParents, patchReport, patchTreeLayout } from "./delta";
import { Latest } from "./latest";
import { FLOW_MIN_WIDTH, FLOW_SCALE, MAP_SCALE, type EditorState, type Mode } from "./state";

export const EDITS_API = ["apply", "decide", "undo", "redo", "refreshLayout", "setMode"] as const;

/** What an edit's reply adds to the state besides the view (e.g. the node it made, selected). */
export type After = (view: DocumentView) => Partial<EditorState> | null;

/** The tree as the screen shows it: folded subtrees, wide or compact, and the capaian view's year (then the reply carries that year's report). */
function treeScreen(s: EditorState): Screen {
  return s.capaianYear === null ? { mode: "tree", collapsed: s.collapsed, compact: s.compactTree } : { mode: "tree", collapsed: s.collapsed, compact: s.compactTree, capaian: s.capaianYear };
}

/** The flow's width in layout points for a room of `pixels`. */
export function flowWidthPoints(pixels: number): number {
  return Math.max(FLOW_MIN_WIDTH, pixels / FLOW_SCALE);
}

export class Edits {
  /** The latest layout request of each view wins (an edit's reply is one of them). */
  readonly latest = { tree: new Latest(), map: new Latest(), flow: new Latest(), relations: new Latest() };

  constructor(private readonly ed: Editor) {}

  /** What the screen shows, as the shell lays it out. */
  screen(s: EditorState = this.ed.state): Screen {
    switch (s.mode) {
      case "tree":
        return treeScreen(s);
      case "map":
        return { mode: "map", parent: s.mapParent, width: s.mapSize.width / MAP_SCALE, height: s.mapSize.height / MAP_SCALE };
      case "flow":
        return { mode: "flow", flow: s.flow, width: flowWidthPoints(s.flowWidth) };
      case "relations":
        return { mode: "relations" };
      case "worksheet":
        // The worksheet has no layout: its sheet is asked for after the reply (refreshLayout).
        return treeScreen(s);
    }
  }

  /** Starts a layout request for `screen`'s view; says whether it is still the latest. */
  private begin(screen: Screen): () => boolean {
    return this.latest[screen.mode].begin();
  }

  /** The state for a view the core returned: the selection kept where it still exists. */
  viewPatch(view: DocumentView, s: EditorState = this.ed.state): Partial<EditorState> {
    const ix = indexView(view);
    const alive = (id: string) => ix.nodes.has(id) || id.startsWith("ext:");
    const doc = view.document;
    const flowId = s.flow !== null && flowById(doc, s.flow) ? s.flow : (allFlows(doc)[0]?.id ?? null);
    const flow = flowId !== null ? flowById(doc, flowId) : undefined;
    const stepAlive = (id: string | null) => id !== null && !!flow?.steps.some((x) => x.id === id);
    const collapsed = s.collapsed.filter((id) => ix.children.has(id));
    return {
      view,
      selection: s.selection !== null && alive(s.selection) ? s.selection : null,
      editing: s.editing !== null && ix.nodes.has(s.editing) ? s.editing : null,
      collapsed: collapsed.length === s.collapsed.length ? s.collapsed : collapsed,
      mapParent: s.mapParent !== null && processById(doc, s.mapParent) ? s.mapParent : null,
      process: s.process !== null && processById(doc, s.process) ? s.process : null,
      flow: flowId,
      step: stepAlive(s.step) ? s.step : null,
      stepEditing: s.stepEditing !== null && stepAlive(s.stepEditing.step) ? s.stepEditing : null,
    };
  }

  /** Replaces the document with what the core returned; keeps the selection where it still exists. */
  setView(view: DocumentView): void {
    this.ed.set(this.viewPatch(view));
  }

  /** The layout part of a reply, when it is the layout of what the screen shows now (else null: ask again). */
  private layoutPatch(shown: Shown | undefined, sent: Screen, next: EditorState): Partial<EditorState> | null {
    if (!shown || next.mode !== sent.mode) return null;
    switch (sent.mode) {
      case "tree": {
        // The capaian view's report comes with its layout: both of the view in this reply.
        const capaian = sent.capaian !== undefined && shown.capaian && next.capaianYear === sent.capaian ? { capaian: shown.capaian, capaianView: next.view } : {};
        if (shown.tree) return { layout: shown.tree, ...capaian };
        // The changes since the layout on screen (when it is the one they are against).
        if (shown.tree_delta && next.layout && next.layout.seq === shown.tree_delta.base) return { layout: patchTreeLayout(next.layout, shown.tree_delta), ...capaian };
        return null;
      }
      case "map":
        return shown.map && next.mapParent === sent.parent ? { mapLayout: shown.map } : null;
      case "flow":
        if (next.flow === null) return { flowLayout: null };
        return shown.flow && shown.flow.id === next.flow ? { flowLayout: shown.flow.layout } : null;
      case "relations":
        return shown.relations ? { relationsLayout: shown.relations } : null;
    }
  }

  /**
   * A reply to an edit, undo or redo: the view, the layout on screen and
   * `extra` in ONE state change. Resolves once the layout is there (asked
   * again only when the reply has none for what is on screen now).
   */
  private received(view: DocumentView, shown: Shown | undefined, sent: Screen, current: () => boolean, extra: After | null, more: Partial<EditorState>): Promise<void> {
    const patch: Partial<EditorState> = { ...this.viewPatch(view), saveError: null, ...more };
    Object.assign(patch, extra?.(view) ?? {});
    // Not the latest: a layout asked for after this edit was sent is on its way.
    const latest = current();
    const layout = latest ? this.layoutPatch(shown, sent, { ...this.ed.state, ...patch }) : null;
    this.ed.set(layout ? { ...patch, ...layout } : patch);
    return layout || !latest ? Promise.resolve() : this.refreshLayout();
  }

  /**
   * The view a reply stands for: its document whole, or the changes applied
   * to the copy on screen — when that copy is the one they are against; else
   * the whole document is asked for (the page missed a reply).
   */
  private async documentOf(reply: EditedView): Promise<DocumentView> {
    if (reply.document) return reply as DocumentView;
    const delta = reply.document_delta;
    const held = this.ed.state.view;
    if (delta && held && held.doc_seq === delta.base) {
      const { document_delta: _changes, report_delta: reportChanges, shown: _shown, parents: _parents, ...rest } = reply;
      // No report: the one on screen still holds.
      const report = reply.report ?? (reportChanges ? patchReport(held.report, reportChanges) : held.report);
      return { ...rest, report, document: patchDocument(held.document, delta), parents: patchParents(held.parents, delta.parents), doc_seq: delta.seq };
    }
    const whole = await api.currentDocument();
    if (!whole) throw new Error("Belum ada dokumen yang dibuka");
    return whole;
  }

  /** Sends one request of the edit pipeline with the screen; on failure a layout asked meanwhile is asked again. */
  private async send(call: (screen: Screen) => Promise<EditedView>, after: After | null, more: () => Partial<EditorState>): Promise<{ view: DocumentView; laid: Promise<void> }> {
    const screen = this.screen();
    const current = this.begin(screen);
    try {
      const reply = await call(screen);
      const view = await this.documentOf(reply);
      return { view, laid: this.received(view, reply.shown, screen, current, after, more()) };
    } catch (e) {
      // This request had taken over from a layout asked for before it: ask again.
      if (current()) void this.refreshLayout();
      throw e;
    }
  }

  /**
   * Sends one edit. Resolves to the new view, or null when the core refused
   * it (its message is shown). The reply carries the layout on screen.
   */
  apply(op: Op | (() => Op | null), after: After | null = null): Promise<DocumentView | null> {
    this.ed.set({ pending: this.ed.state.pending + 1 });
    return this.ed.enqueue(async () => {
      let counted = false;
      try {
        // A function is evaluated in turn, against the document as the previous edit left it.
        const resolved = typeof op === "function" ? op() : op;
        if (!resolved) return null;
        const { view } = await this.send((screen) => api.applyOp(resolved, screen), after, () => {
          counted = true;
          return { pending: this.ed.state.pending - 1 };
        });
        return view;
      } catch (e) {
        // The document stays as the core last returned it: the edit is not shown as done.
        this.ed.messages.failed(e);
        return null;
      } finally {
        if (!counted) this.ed.set({ pending: this.ed.state.pending - 1 });
      }
    });
  }

  /** Sends the op of a decision, or shows why there is none. */
  decide(decision: Decision | null): Promise<DocumentView | null> {
    if (!decision) return Promise.resolve(null);
    if ("refused" in decision) {
      this.ed.toast(decision.refused);
      return Promise.resolve(null);
    }
    return this.apply(decision.op);
  }

  async undo(): Promise<void> {
    await this.history(api.undo);
  }

  async redo(): Promise<void> {
    await this.history(api.redo);
  }

  private async history(call: (screen: Screen) => Promise<EditedView>): Promise<void> {
    if (this.ed.state.editing !== null) this.ed.set({ editing: null });
    try {
      const { laid } = await this.ed.enqueue(() => this.send(call, null, () => ({})));
      await laid;
    } catch (e) {
      this.ed.messages.failed(e);
    }
  }

  /** Asks the core for the layout of what the screen shows; a later request wins over an earlier one. */
  refreshLayout(): Promise<void> {
    const s = this.ed.state;
    if (!s.view) return Promise.resolve();
    if (s.mode === "map") return this.ed.maps.refreshMapLayout();
    if (s.mode === "flow") return this.ed.flows.refreshFlowLayout();
    if (s.mode === "worksheet") return this.ed.worksheets.ensure();
    if (s.mode === "relations") {
      return this.latest.relations.run(
        () => api.relationsLayout(),
        (relationsLayout) => this.ed.set({ relationsLayout }),
        (e) => this.ed.toast(errorText(e)),
      );
    }
    return this.latest.tree.run(
      () => (s.capaianYear === null ? api.treeLayout(s.collapsed, s.compactTree) : api.treeLayout(s.collapsed, s.compactTree, s.capaianYear)),
      (layout) => this.ed.set({ layout }),
      (e) => this.ed.toast(errorText(e)),
    );
  }

  /** Switches the workspace between the tree and the process maps. */
  setMode(mode: Mode): void {
    const s = this.ed.state;
    if (mode === s.mode) return;
    // Leaving the tree ends a pick in it.
    this.ed.set({ mode, editing: null, stepEditing: null, picking: mode === "tree" ? s.picking : null });
    if (mode === "flow" && this.ed.state.flow === null && s.view) {
      this.ed.set({ flow: allFlows(s.view.document)[0]?.id ?? null });
    }
    void this.refreshLayout();
  }
}
