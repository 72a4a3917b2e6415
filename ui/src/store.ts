// The editor store (one per window, like tldraw's Editor): the open
// document as the core last returned it, its layout, the selection, the
// collapsed subtrees, and what the screen shows around them (dialogs,
// messages). Views read it through `useEditor` and call its methods; every
// change to the document is an Op sent through api.ts, and the returned
// DocumentView replaces the state before the layout is asked for again.

import { useSyncExternalStore } from "react";
import * as api from "./api";
import { errorText, fileName, suggestFileName } from "./format";
import { ancestors, descendantCount, indexDocument, shorten } from "./model";
import { navigate, firstBox, type NavDirection } from "./navigation";
import {
  acceptFindingOp,
  addChildOp,
  addRootOp,
  addSiblingOp,
  deleteNodeOp,
  dropOp,
  reorderOp,
  ruleOffOp,
  selectionAfterDelete,
  unacceptFindingOp,
  updateNodeOp,
  type Decision,
} from "./ops";
import { targetNode } from "./findings";
import { finalWarning } from "./editor/final";
import { PREVIEW_DELAY, defaultPrintForm, formWithYearToggled, optionsFromForm, pdfFileName, type PrintForm } from "./print";
import type {
  DocumentView,
  Finding,
  Flow,
  FlowLayout,
  NewDocumentArgs,
  Node,
  Op,
  PrintOptions,
  PrintPreview,
  Process,
  ProcessCategory,
  ProcessMapLayout,
  SampleInfo,
  Shape,
  Step,
  TreeLayout,
} from "./types";
import {
  addLaneOp,
  addProcessOp,
  deleteProcessDecision,
  deleteStepOp,
  dragStepOp,
  dropProcessOp,
  dropStepOp,
  flowById,
  insertStepOp,
  moveLaneOp,
  moveProcessOp,
  moveStepOp,
  newFlowOp,
  processById,
  removeLaneOp,
  shiftLaneOp,
  stepLaneOp,
  updateFlowOp,
  updateMapOp,
  updateProcessOp,
  updateStepOp,
  withNodeLinked,
  withNodeUnlinked,
  withOwnerToggled,
  withShape,
  allFlows,
  type NewStepKind,
} from "./processes";

export interface Toast {
  id: number;
  kind: "error" | "info";
  text: string;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  /** Lines listed under the message (e.g. the errors that stand against a final version). */
  details?: string[];
  yes: string;
  onYes: () => void;
}

export interface PromptRequest {
  title: string;
  message: string;
  /** Said above the message, as a warning (e.g. errors still in the report), with `details` listed under it. */
  warning?: string;
  details?: string[];
  label: string;
  initial: string;
  ok: string;
  onOk: (value: string) => void;
}

export type DialogName = "new" | "units" | "snapshots" | "link" | "print" | "document" | "rules";

/** What the workspace shows: the tree, or one of the business-process maps. */
export type Mode = "tree" | "map" | "relations" | "flow";
export const MODE_LABEL: Record<Mode, string> = {
  tree: "Pohon Kinerja",
  map: "Peta Proses Bisnis",
  relations: "Peta Relasi",
  flow: "Peta Lintas Fungsi",
};
/** Which text of a step is being edited in place in the SOP table. */
export type StepField = "text" | "requirements" | "duration" | "output" | "note";

/** Screen pixels per layout point in the process views (the layout is in points, the PDF's unit). */
export const MAP_SCALE = 1.45;
export const FLOW_SCALE = 1.35;
/** The SOP table is never laid out narrower than this (points): a small window scrolls instead. */
export const FLOW_MIN_WIDTH = 540;

/** The print dialog: its fields, the last preview, and what is under way. */
export interface PrintState {
  form: PrintForm;
  /** The last preview the core drew (kept while the next one is prepared). */
  preview: PrintPreview | null;
  /** A preview is asked for or waiting for its debounce. */
  loading: boolean;
  /** Why the last preview could not be made (also shown as a toast). */
  error: string | null;
  /** The PDF is being written. */
  saving: boolean;
}

export function initialPrintState(): PrintState {
  return { form: defaultPrintForm(), preview: null, loading: false, error: null, saving: false };
}

export interface EditorState {
  screen: "start" | "main";
  view: DocumentView | null;
  layout: TreeLayout | null;
  selection: string | null;
  /** Node ids whose subtrees are folded away (sent to tree_layout). */
  collapsed: string[];
  /** The node whose statement is being edited in place. */
  editing: string | null;
  toasts: Toast[];
  /** Why the file given at launch (or the last one tried from the start screen) did not open. */
  startError: string | null;
  samples: SampleInfo[];
  recent: string[];
  /** Edits sent and not yet answered. */
  pending: number;
  /** Why the last edit, undo or redo was not saved (refused, or the file could not be written); null once one is. */
  saveError: string | null;
  /** Ask the canvas to centre a node (seq changes on every request). */
  center: { id: string; seq: number } | null;
  /** Ask the canvas to fit the whole tree. */
  fitSeq: number;
  /** Ask the canvas to zoom: +1 in, -1 out (seq changes on every request). */
  zoom: { dir: 1 | -1; seq: number } | null;
  search: { open: boolean; query: string; index: number };
  confirm: ConfirmRequest | null;
  prompt: PromptRequest | null;
  dialog: DialogName | null;
  print: PrintState;
  mode: Mode;
  /** Peta Proses Bisnis: the process whose Peta Sub Proses Bisnis is shown (null: level 0). */
  mapParent: string | null;
  mapLayout: ProcessMapLayout | null;
  /** The room the map has on screen, in pixels. */
  mapSize: { width: number; height: number };
  /** The process selected on the map or in the Peta Relasi. */
  process: string | null;
  /** The Peta Lintas Fungsi shown. */
  flow: string | null;
  flowLayout: FlowLayout | null;
  flowWidth: number;
  step: string | null;
  stepEditing: { step: string; field: StepField } | null;
  /** Picking in the tree the node a process serves: the tree is shown, a click links. */
  picking: { process: string } | null;
}

export function initialState(): EditorState {
  return {
    screen: "start",
    view: null,
    layout: null,
    selection: null,
    collapsed: [],
    editing: null,
    toasts: [],
    startError: null,
    samples: [],
    recent: [],
    pending: 0,
    saveError: null,
    center: null,
    fitSeq: 0,
    zoom: null,
    search: { open: false, query: "", index: 0 },
    confirm: null,
    prompt: null,
    dialog: null,
    print: initialPrintState(),
    mode: "tree",
    mapParent: null,
    mapLayout: null,
    mapSize: { width: 1000, height: 640 },
    process: null,
    flow: null,
    flowLayout: null,
    flowWidth: 900,
    step: null,
    stepEditing: null,
    picking: null,
  };
}

type Listener = () => void;

export class Editor {
  state: EditorState = initialState();
  private listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private layoutToken = 0;
  private mapToken = 0;
  private flowToken = 0;
  private seq = 0;
  private printToken = 0;
  private printTimer: ReturnType<typeof setTimeout> | null = null;
  /** A node just added (Tab, Enter) and opened for typing: gone again if nothing is typed into it. */
  private fresh: { id: string; view: DocumentView; before: string | null } | null = null;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getState = (): EditorState => this.state;

  set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- messages ----------------------------------------------------------

  toast(text: string, kind: Toast["kind"] = "error"): void {
    const id = ++this.seq;
    // Keep the last few; errors stay until closed, notices go by themselves.
    this.set({ toasts: [...this.state.toasts.slice(-3), { id, kind, text }] });
    if (kind === "info") setTimeout(() => this.dismiss(id), 4000);
  }

  dismiss(id: number): void {
    if (this.state.toasts.some((t) => t.id === id)) this.set({ toasts: this.state.toasts.filter((t) => t.id !== id) });
  }

  /** Runs `task` after every edit sent before it (edits reach the core in the order made). */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- opening -------------------------------------------------------------

  /** At launch: the document given on the command line (or its error), the samples, the recent files. */
  private started = false;

  async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const [current, samples, recent] = await Promise.allSettled([api.currentDocument(), api.listSamples(), api.recentFiles()]);
    const patch: Partial<EditorState> = {};
    if (samples.status === "fulfilled") patch.samples = samples.value;
    else this.toast(errorText(samples.reason));
    if (recent.status === "fulfilled") patch.recent = recent.value;
    else this.toast(errorText(recent.reason));
    this.set(patch);
    if (current.status === "rejected") this.set({ startError: errorText(current.reason), screen: "start" });
    else if (current.value) await this.show(current.value);
    else this.updateTitle();
  }

  private async refreshRecent(): Promise<void> {
    try {
      this.set({ recent: await api.recentFiles() });
    } catch (e) {
      this.toast(errorText(e));
    }
  }

  /** Shows a freshly opened document: new selection, nothing collapsed, the whole tree fitted. */
  async show(view: DocumentView): Promise<void> {
    this.set({
      view,
      screen: "main",
      startError: null,
      saveError: null,
      selection: null,
      collapsed: [],
      editing: null,
      layout: null,
      dialog: null,
      search: { open: false, query: "", index: 0 },
      mode: "tree",
      mapParent: null,
      mapLayout: null,
      process: null,
      flow: allFlows(view.document)[0]?.id ?? null,
      flowLayout: null,
      step: null,
      stepEditing: null,
      picking: null,
    });
    this.stopPreview();
    this.set({ print: initialPrintState() });
    this.updateTitle();
    await this.refreshLayout();
    const layout = this.state.layout;
    if (layout) this.set({ selection: firstBox(layout) });
    void this.refreshRecent();
  }

  private async opening(what: () => Promise<DocumentView>): Promise<boolean> {
    try {
      const view = await this.enqueue(what);
      await this.show(view);
      return true;
    } catch (e) {
      const text = errorText(e);
      if (this.state.screen === "start") this.set({ startError: text });
      else this.toast(text);
      return false;
    }
  }

  openPath(path: string): Promise<boolean> {
    return this.opening(() => api.openDocument(path));
  }

  openSample(key: string): Promise<boolean> {
    return this.opening(() => api.openSample(key));
  }

  /** Berkas › Buka: the native dialog, then the file. */
  async openWithDialog(): Promise<boolean> {
    let path: string | null;
    try {
      path = await api.pickOpenPath();
    } catch (e) {
      this.toast(errorText(e));
      return false;
    }
    return path ? this.openPath(path) : false;
  }

  /** The native save dialog for a .pokin path; null when cancelled or when it failed (said in a toast). */
  private async askPokinPath(suggested: string): Promise<string | null> {
    try {
      return await api.pickSavePath(suggested);
    } catch (e) {
      this.toast(errorText(e));
      return null;
    }
  }

  /** The open file's name with a suffix, for the save dialog: "bkd.pokin" → "bkd-draf.pokin". */
  private siblingName(suffix: string): string {
    return fileName(this.state.view?.path ?? "dokumen").replace(/\.(pokin|json)$/i, "") + `-${suffix}.pokin`;
  }

  /** Dokumen baru: the form's fields, then the native save dialog for the path. */
  async createDocument(fields: Omit<NewDocumentArgs, "path">): Promise<boolean> {
    const path = await this.askPokinPath(suggestFileName(fields.title));
    if (!path) return false;
    const ok = await this.opening(() => api.newDocument({ ...fields, path }));
    if (ok) this.set({ dialog: null });
    return ok;
  }

  async saveAsWithDialog(): Promise<boolean> {
    if (!this.state.view) return false;
    const path = await this.askPokinPath(this.siblingName("salinan"));
    if (!path) return false;
    try {
      const next = await this.enqueue(() => api.saveAs(path));
      this.setView(next);
      this.updateTitle();
      this.toast(`Disimpan sebagai ${fileName(next.path)}`, "info");
      void this.refreshRecent();
      return true;
    } catch (e) {
      this.toast(errorText(e));
      return false;
    }
  }

  /** Berkas › Tetapkan sebagai final…: asks for the version's name, says what it means, then marks the document final. */
  requestMarkFinal(): void {
    const view = this.state.view;
    if (!view || this.readOnly) return;
    // Errors in the report: the same dialog says how many and which, and asks to confirm.
    const warning = finalWarning(view.report);
    this.set({
      prompt: {
        title: "Tetapkan sebagai final",
        message:
          "Dokumen ini akan ditetapkan (final): disimpan sebagai versi bernama dengan sidiknya, dan tidak dapat diubah lagi. " +
          "Cetakan dari versi ini dapat diperiksa keasliannya. Perubahan berikutnya dibuat di draf baru (Berkas › Draf baru dari versi final).",
        label: "Nama versi final",
        initial: `Ditetapkan ${new Date().toISOString().slice(0, 10)}`,
        ok: warning ? "Tetap tetapkan" : "Tetapkan",
        ...(warning ? { warning: warning.message, details: warning.details } : {}),
        onOk: (name) => void this.markFinal(name),
      },
    });
  }

  async markFinal(name: string): Promise<boolean> {
    try {
      const next = await this.enqueue(() => api.markFinal(name.trim()));
      this.setView(next);
      this.updateTitle();
      this.toast(`Ditetapkan sebagai versi final "${name.trim()}". Dokumen ini tidak dapat diubah lagi.`, "info");
      return true;
    } catch (e) {
      this.toast(errorText(e));
      return false;
    }
  }

  /** Berkas › Draf baru dari versi final…: the native save dialog, then the new draft opens in place of this one. */
  async newDraftWithDialog(): Promise<boolean> {
    if (!this.state.view) return false;
    const path = await this.askPokinPath(this.siblingName("draf"));
    if (!path) return false;
    const ok = await this.opening(() => api.newDraft(path));
    if (ok) this.toast(`Draf baru dibuka: ${fileName(path)}`, "info");
    return ok;
  }

  /** Berkas › Keluar: after the edits under way, the app quits and closes the file. */
  async quit(): Promise<void> {
    await this.enqueue(() => api.quitApp()).catch((e) => this.toast(errorText(e)));
  }

  goHome(): void {
    this.stopPreview();
    this.set({ screen: "start", dialog: null });
    void this.refreshRecent();
  }

  backToDocument(): void {
    if (this.state.view) this.set({ screen: "main" });
  }

  updateTitle(): void {
    const view = this.state.view;
    const title = view ? `${fileName(view.path)}${view.read_only !== null && view.read_only !== undefined ? " (hanya-baca)" : ""} — Pokin Studio` : "Pokin Studio";
    api.setWindowTitle(title).catch((e) => console.warn("Judul jendela tidak dapat diubah:", errorText(e)));
  }

  // ---- edits ---------------------------------------------------------------

  get readOnly(): boolean {
    const r = this.state.view?.read_only;
    return r !== null && r !== undefined;
  }

  /** Replaces the document with what the core returned; keeps the selection where it still exists. */
  private setView(view: DocumentView): void {
    const ix = indexDocument(view.document);
    const alive = (id: string) => ix.nodes.has(id) || id.startsWith("ext:");
    const sel = this.state.selection;
    const doc = view.document;
    const s = this.state;
    const flowId = s.flow !== null && flowById(doc, s.flow) ? s.flow : (allFlows(doc)[0]?.id ?? null);
    const flow = flowId !== null ? flowById(doc, flowId) : undefined;
    const stepAlive = (id: string | null) => id !== null && !!flow?.steps.some((x) => x.id === id);
    this.set({
      view,
      selection: sel !== null && alive(sel) ? sel : null,
      editing: s.editing !== null && ix.nodes.has(s.editing) ? s.editing : null,
      collapsed: s.collapsed.filter((id) => ix.children.has(id)),
      mapParent: s.mapParent !== null && processById(doc, s.mapParent) ? s.mapParent : null,
      process: s.process !== null && processById(doc, s.process) ? s.process : null,
      flow: flowId,
      step: stepAlive(s.step) ? s.step : null,
      stepEditing: s.stepEditing !== null && stepAlive(s.stepEditing.step) ? s.stepEditing : null,
    });
  }

  /** Asks the core for the layout of the current document; a later request wins over an earlier one. */
  async refreshLayout(): Promise<void> {
    if (!this.state.view) return;
    if (this.state.mode === "map") return this.refreshMapLayout();
    if (this.state.mode === "flow") return this.refreshFlowLayout();
    if (this.state.mode === "relations") return;
    const token = ++this.layoutToken;
    try {
      const layout = await api.treeLayout(this.state.collapsed);
      if (token === this.layoutToken) this.set({ layout });
    } catch (e) {
      if (token === this.layoutToken) this.toast(errorText(e));
    }
  }

  /**
   * Sends one edit. Resolves to the new view, or null when the core refused
   * it (its message is shown). The layout is asked for again afterwards.
   */
  apply(op: Op | (() => Op | null)): Promise<DocumentView | null> {
    this.set({ pending: this.state.pending + 1 });
    return this.enqueue(async () => {
      try {
        // A function is evaluated in turn, against the document as the previous edit left it.
        const resolved = typeof op === "function" ? op() : op;
        if (!resolved) return null;
        const view = await api.applyOp(resolved);
        this.setView(view);
        this.set({ saveError: null });
        void this.refreshLayout();
        return view;
      } catch (e) {
        // The document stays as the core last returned it: the edit is not shown as done.
        this.failed(e);
        return null;
      } finally {
        this.set({ pending: this.state.pending - 1 });
      }
    });
  }

  /** Sends the op of a decision, or shows why there is none. */
  decide(decision: Decision | null): Promise<DocumentView | null> {
    if (!decision) return Promise.resolve(null);
    if ("refused" in decision) {
      this.toast(decision.refused);
      return Promise.resolve(null);
    }
    return this.apply(decision.op);
  }

  /** Changes a node: `change` gets the node as the core last returned it. */
  patchNode(id: string, change: (node: Node) => Node | null): Promise<DocumentView | null> {
    return this.apply(() => {
      const node = this.state.view && indexDocument(this.state.view.document).nodes.get(id);
      if (!node) return null;
      const next = change(node);
      if (!next) return null;
      if (JSON.stringify(updateNodeOp(next)) === JSON.stringify(updateNodeOp(node))) return null;
      return updateNodeOp(next);
    });
  }

  async undo(): Promise<void> {
    await this.history(api.undo);
  }

  async redo(): Promise<void> {
    await this.history(api.redo);
  }

  private async history(call: () => Promise<DocumentView>): Promise<void> {
    this.set({ editing: null });
    try {
      const view = await this.enqueue(call);
      this.setView(view);
      this.set({ saveError: null });
      await this.refreshLayout();
    } catch (e) {
      this.failed(e);
    }
  }

  /** An edit, undo or redo that was refused or could not be written: said in the header and as a message. */
  private failed(e: unknown): void {
    const text = errorText(e);
    this.set({ saveError: text });
    this.toast(text);
  }

  /** A new node from `decide`; selects it and opens its statement for typing. */
  private async addNode(decision: Decision): Promise<string | null> {
    if ("refused" in decision) {
      this.toast(decision.refused);
      return null;
    }
    const before = new Set(this.state.view?.document.tree.nodes?.map((n) => n.id) ?? []);
    const selected = this.state.selection;
    const view = await this.apply(decision.op);
    if (!view) return null;
    const added = view.document.tree.nodes?.find((n) => !before.has(n.id))?.id ?? null;
    // The canvas centres it once the layout that holds it arrives.
    if (added) {
      this.fresh = { id: added, view, before: selected };
      this.set({ selection: added, editing: added, center: { id: added, seq: ++this.seq } });
    }
    return added;
  }

  addChild(id = this.state.selection): Promise<string | null> {
    const view = this.state.view;
    if (!view || this.readOnly) return Promise.resolve(null);
    if (id === null) {
      if ((view.document.tree.nodes ?? []).length === 0) return this.addNode({ op: addRootOp() });
      this.toast("Pilih dulu simpul induknya.");
      return Promise.resolve(null);
    }
    if (this.state.collapsed.includes(id)) this.set({ collapsed: this.state.collapsed.filter((c) => c !== id) });
    return this.addNode(addChildOp(view.document, id));
  }

  addSibling(id = this.state.selection): Promise<string | null> {
    const view = this.state.view;
    if (!view || this.readOnly) return Promise.resolve(null);
    if (id === null) {
      if ((view.document.tree.nodes ?? []).length === 0) return this.addNode({ op: addRootOp() });
      this.toast("Pilih dulu simpul yang akan diberi saudara.");
      return Promise.resolve(null);
    }
    return this.addNode(addSiblingOp(view.document, id));
  }

  /** Asks for confirmation, then deletes the node with its subtree. */
  requestDelete(id = this.state.selection): void {
    const view = this.state.view;
    if (!view || id === null || this.readOnly) return;
    const ix = indexDocument(view.document);
    const node = ix.nodes.get(id);
    if (!node) {
      if (id.startsWith("ext:")) this.toast("Simpul luar hilang bila keterkaitan crosscutting ke sana dihapus (di panel simpul asalnya).");
      return;
    }
    const below = descendantCount(ix, id);
    const message =
      `Hapus simpul "${shorten(node.statement, 80)}"` +
      (below > 0 ? ` beserta ${below} simpul di bawahnya` : "") +
      "? Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).";
    this.set({
      confirm: {
        title: "Hapus simpul",
        message,
        yes: "Hapus",
        onYes: () => void this.deleteNode(id),
      },
    });
  }

  async deleteNode(id: string): Promise<void> {
    const view = this.state.view;
    if (!view) return;
    const next = selectionAfterDelete(view.document, id);
    const done = await this.apply(deleteNodeOp(id));
    if (done) this.set({ selection: next });
  }

  answerConfirm(yes: boolean): void {
    const c = this.state.confirm;
    this.set({ confirm: null });
    if (yes && c) c.onYes();
  }

  answerPrompt(value: string | null): void {
    const p = this.state.prompt;
    this.set({ prompt: null });
    if (value !== null && p) p.onOk(value);
  }

  reorder(delta: -1 | 1, id = this.state.selection): Promise<DocumentView | null> {
    const view = this.state.view;
    if (!view || id === null) return Promise.resolve(null);
    return this.decide(reorderOp(view.document, id, delta));
  }

  /** A node dragged onto another. */
  drop(dragged: string, target: string): Promise<DocumentView | null> {
    const view = this.state.view;
    if (!view || this.readOnly) return Promise.resolve(null);
    return this.decide(dropOp(view.document, dragged, target));
  }

  // ---- statement editing in place ------------------------------------------

  startEdit(id = this.state.selection): void {
    if (id === null || this.readOnly || !this.state.view) return;
    if (!indexDocument(this.state.view.document).nodes.has(id)) return;
    this.set({ selection: id, editing: id, center: { id, seq: ++this.seq } });
  }

  /** Escape, or done without typing. A node just added and left empty goes away again (one step: its add is undone). */
  cancelEdit(id: string | null = this.state.editing): Promise<void> {
    if (this.state.editing !== null && (id === null || this.state.editing === id)) this.set({ editing: null });
    const fresh = this.fresh;
    this.fresh = null;
    if (!fresh || fresh.id !== id) return Promise.resolve();
    return this.dropFresh(fresh);
  }

  private async dropFresh(fresh: { id: string; view: DocumentView; before: string | null }): Promise<void> {
    const view = this.state.view;
    const node = view && indexDocument(view.document).nodes.get(fresh.id);
    if (!view || !node || node.statement.trim() !== "") return;
    // Nothing else happened since the add: undo it (no trace in the history); else delete the node.
    if (view === fresh.view && view.can_undo) await this.undo();
    else await this.apply(deleteNodeOp(fresh.id));
    const now = this.state.view;
    if (now && !indexDocument(now.document).nodes.has(fresh.id)) {
      const back = fresh.before !== null && indexDocument(now.document).nodes.has(fresh.before) ? fresh.before : null;
      this.set({ selection: back, center: back !== null ? { id: back, seq: ++this.seq } : this.state.center });
    }
  }

  commitEdit(id: string, statement: string): Promise<DocumentView | null> {
    const text = statement.replace(/\s*\n\s*/g, " ").trim();
    // Only spaces typed into a node just added: as Escape.
    if (text === "" && this.fresh?.id === id) return this.cancelEdit(id).then(() => null);
    if (this.fresh?.id === id) this.fresh = null;
    if (this.state.editing === id) this.set({ editing: null });
    return this.patchNode(id, (n) => ({ ...n, statement: text }));
  }

  // ---- selection and view --------------------------------------------------

  select(id: string | null): void {
    if (id !== this.state.selection) this.set({ selection: id, editing: null });
  }

  navigate(dir: NavDirection): void {
    const layout = this.state.layout;
    if (!layout) return;
    const next = navigate(layout, this.state.selection, dir);
    if (next !== null && next !== this.state.selection) this.set({ selection: next, editing: null, center: { id: next, seq: ++this.seq } });
  }

  toggleCollapse(id = this.state.selection): Promise<void> {
    const view = this.state.view;
    if (!view || id === null) return Promise.resolve();
    const collapsed = this.state.collapsed.includes(id)
      ? this.state.collapsed.filter((c) => c !== id)
      : indexDocument(view.document).children.has(id)
        ? [...this.state.collapsed, id].sort()
        : this.state.collapsed;
    if (collapsed === this.state.collapsed) return Promise.resolve();
    this.set({ collapsed });
    return this.refreshLayout();
  }

  expandAll(): Promise<void> {
    if (this.state.collapsed.length === 0) return Promise.resolve();
    this.set({ collapsed: [] });
    return this.refreshLayout();
  }

  /** Collapses every node of `level` that has children (shows levels 0…level). */
  collapseToLevel(level: number): Promise<void> {
    const view = this.state.view;
    if (!view) return Promise.resolve();
    const ix = indexDocument(view.document);
    const collapsed = [...ix.children.keys()].filter((id) => ix.nodes.get(id)?.level === level).sort();
    this.set({ collapsed });
    return this.refreshLayout();
  }

  /** Selects a node and centres it, unfolding the collapsed subtrees it is hidden in. */
  async reveal(id: string): Promise<void> {
    const view = this.state.view;
    if (!view) return;
    if (this.state.mode !== "tree") {
      this.set({ mode: "tree" });
      await this.refreshLayout();
    }
    const up = new Set(ancestors(indexDocument(view.document), id));
    const collapsed = this.state.collapsed.filter((c) => !up.has(c));
    if (collapsed.length !== this.state.collapsed.length) {
      this.set({ collapsed });
      await this.refreshLayout();
    }
    this.set({ selection: id, editing: null, center: { id, seq: ++this.seq } });
  }

  fit(): void {
    this.set({ fitSeq: this.state.fitSeq + 1 });
  }

  zoomBy(dir: 1 | -1): void {
    this.set({ zoom: { dir, seq: ++this.seq } });
  }

  // ---- search ----------------------------------------------------------------

  openSearch(): void {
    this.set({ search: { ...this.state.search, open: true } });
  }

  closeSearch(): void {
    this.set({ search: { open: false, query: this.state.search.query, index: 0 } });
  }

  setSearchQuery(query: string): void {
    this.set({ search: { open: true, query, index: 0 } });
  }

  /** Jumps to the result at `index` (wrapping) of `results`. */
  jumpToResult(results: string[], index: number): void {
    if (results.length === 0) return;
    const i = ((index % results.length) + results.length) % results.length;
    this.set({ search: { ...this.state.search, index: i } });
    void this.reveal(results[i]);
  }

  // ---- business-process maps -------------------------------------------------

  /** Switches the workspace between the tree and the process maps. */
  setMode(mode: Mode): void {
    if (mode === this.state.mode) return;
    // Leaving the tree ends a pick in it.
    this.set({ mode, editing: null, stepEditing: null, picking: mode === "tree" ? this.state.picking : null });
    if (mode === "flow" && this.state.flow === null && this.state.view) {
      this.set({ flow: allFlows(this.state.view.document)[0]?.id ?? null });
    }
    void this.refreshLayout();
  }

  async refreshMapLayout(): Promise<void> {
    if (!this.state.view) return;
    const token = ++this.mapToken;
    const { width, height } = this.state.mapSize;
    try {
      const layout = await api.processMapLayout(this.state.mapParent, width / MAP_SCALE, height / MAP_SCALE);
      if (token === this.mapToken) this.set({ mapLayout: layout });
    } catch (e) {
      if (token === this.mapToken) this.toast(errorText(e));
    }
  }

  async refreshFlowLayout(): Promise<void> {
    if (!this.state.view) return;
    const token = ++this.flowToken;
    const id = this.state.flow;
    if (id === null) {
      this.set({ flowLayout: null });
      return;
    }
    try {
      const layout = await api.flowLayout(id, Math.max(FLOW_MIN_WIDTH, this.state.flowWidth / FLOW_SCALE));
      if (token === this.flowToken) this.set({ flowLayout: layout });
    } catch (e) {
      if (token === this.flowToken) this.toast(errorText(e));
    }
  }

  /** The map's room on screen changed (window resized): lay it out again for the new size. */
  setMapSize(width: number, height: number): void {
    const old = this.state.mapSize;
    if (Math.abs(old.width - width) < 8 && Math.abs(old.height - height) < 8) return;
    this.set({ mapSize: { width, height } });
    if (this.state.mode === "map") void this.refreshMapLayout();
  }

  setFlowWidth(width: number): void {
    if (Math.abs(this.state.flowWidth - width) < 8) return;
    this.set({ flowWidth: width });
    if (this.state.mode === "flow") void this.refreshFlowLayout();
  }

  /** Shows the level-0 map (null) or the Peta Sub Proses Bisnis of a process. */
  openProcessMap(parent: string | null, select: string | null = null): void {
    this.set({ mode: "map", mapParent: parent, process: select, mapLayout: this.state.mapParent === parent ? this.state.mapLayout : null });
    void this.refreshMapLayout();
  }

  selectProcess(id: string | null): void {
    if (id !== this.state.process) this.set({ process: id });
  }

  /** Shows a process where it lives: its map (the parent's sub-process map for a sub-process), selected. */
  revealProcess(id: string): void {
    const doc = this.state.view?.document;
    const p = doc && processById(doc, id);
    if (!p) return;
    if (this.state.mode === "relations") return this.selectProcess(id);
    this.openProcessMap(p.parent ?? null, id);
  }

  /** Changes a process: `change` gets the process as the core last returned it. */
  patchProcess(id: string, change: (p: Process) => Process | null): Promise<DocumentView | null> {
    return this.apply(() => {
      const doc = this.state.view?.document;
      const p = doc && processById(doc, id);
      if (!p) return null;
      const next = change(p);
      if (!next) return null;
      const op = updateProcessOp(next);
      return JSON.stringify(op) === JSON.stringify(updateProcessOp(p)) ? null : op;
    });
  }

  toggleOwner(process: string, unit: string): Promise<DocumentView | null> {
    return this.patchProcess(process, (p) => withOwnerToggled(p, unit));
  }

  linkProcessToNode(process: string, node: string): Promise<DocumentView | null> {
    return this.patchProcess(process, (p) => withNodeLinked(p, node));
  }

  unlinkProcessFromNode(process: string, node: string): Promise<DocumentView | null> {
    return this.patchProcess(process, (p) => withNodeUnlinked(p, node));
  }

  /** "Pilih di pohon": shows the tree; the next node clicked (or Enter) is linked to the process. */
  startPickNode(process: string): void {
    if (this.readOnly || !this.state.view || !processById(this.state.view.document, process)) return;
    this.set({ picking: { process } });
    this.setMode("tree");
    // The whole tree, so that any node can be picked (search works too).
    this.fit();
  }

  async pickNode(id: string | null): Promise<void> {
    const picking = this.state.picking;
    const doc = this.state.view?.document;
    if (!picking || !doc) return;
    const node = id !== null ? indexDocument(doc).nodes.get(id) : undefined;
    if (!node) {
      this.toast(id?.startsWith("ext:") ? "Simpul instansi lain tidak dapat dilayani proses di dokumen ini. Pilih simpul pohon ini." : "Pilih dulu simpul pohon kinerja.");
      return;
    }
    this.set({ picking: null });
    const process = processById(doc, picking.process);
    const done = await this.linkProcessToNode(picking.process, node.id);
    if (done && process) this.toast(`Proses "${shorten(process.name, 50)}" melayani "${shorten(node.statement, 50)}".`, "info");
    this.revealProcess(picking.process);
  }

  cancelPick(): void {
    const picking = this.state.picking;
    if (!picking) return;
    this.set({ picking: null });
    this.revealProcess(picking.process);
  }

  updateMap(change: { goal?: string; inputs?: string[]; outputs?: string[] }): Promise<DocumentView | null> {
    return this.apply(() => (this.state.view ? updateMapOp(this.state.view.document, change) : null));
  }

  /** Asks for the new process's name, then adds it (after the selected one when it is in the same band). */
  requestAddProcess(category: ProcessCategory, parent: string | null = this.state.mapParent): void {
    if (!this.state.view || this.readOnly) return;
    const sel = this.state.process !== null ? processById(this.state.view.document, this.state.process) : undefined;
    const after = sel && sel.category === category && (sel.parent ?? null) === parent ? sel.id : null;
    const label = { management: "manajerial", core: "utama", support: "pendukung" }[category];
    this.set({
      prompt: {
        title: parent === null ? `Tambah proses ${label}` : `Tambah sub proses ${label}`,
        message: parent === null ? "Proses ini masuk ke Peta Proses Bisnis level 0." : `Sub proses dari "${shorten(processById(this.state.view.document, parent)?.name ?? parent, 60)}".`,
        label: "Nama proses",
        initial: "",
        ok: "Tambah",
        onOk: (name) => void this.addProcess(name, category, parent, after),
      },
    });
  }

  async addProcess(name: string, category: ProcessCategory, parent: string | null, after: string | null = null): Promise<string | null> {
    const view = this.state.view;
    if (!view) return null;
    const decision = addProcessOp(view.document, name, category, parent, after);
    if ("refused" in decision) {
      this.toast(decision.refused);
      return null;
    }
    const done = await this.apply(decision.op);
    if (!done || decision.op.op !== "add_process") return null;
    const id = decision.op.process.id;
    this.set({ process: id });
    return id;
  }

  /** Enter on the map: a new process in the selected one's band, right after it. */
  addProcessNext(): void {
    const doc = this.state.view?.document;
    const sel = doc && this.state.process !== null ? processById(doc, this.state.process) : undefined;
    this.requestAddProcess(sel?.category ?? "core", sel ? (sel.parent ?? null) : this.state.mapParent);
  }

  /** Tab on the map: a sub-process of the selected process. */
  addSubProcess(): void {
    const doc = this.state.view?.document;
    const sel = doc && this.state.process !== null ? processById(doc, this.state.process) : undefined;
    if (!sel) return this.toast("Pilih dulu proses yang akan dirinci.");
    this.requestAddProcess(sel.category, sel.id);
  }

  requestDeleteProcess(id = this.state.process): void {
    const doc = this.state.view?.document;
    if (!doc || id === null || this.readOnly) return;
    const decision = deleteProcessDecision(doc, id);
    if ("refused" in decision) return this.toast(decision.refused);
    const p = processById(doc, id)!;
    const flows = allFlows(doc).filter((f) => f.process === id).length;
    this.set({
      confirm: {
        title: "Hapus proses",
        message:
          `Hapus proses "${shorten(p.name, 80)}"?` +
          (flows > 0 ? ` ${flows} peta lintas fungsinya tetap ada, tanpa proses.` : "") +
          " Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).",
        yes: "Hapus",
        onYes: () => void this.apply(decision.op).then((v) => v && this.set({ process: null })),
      },
    });
  }

  moveProcess(delta: -1 | 1, id = this.state.process): Promise<DocumentView | null> {
    const doc = this.state.view?.document;
    if (!doc || id === null) return Promise.resolve(null);
    return this.decide(moveProcessOp(doc, id, delta));
  }

  /** A process dragged on the map onto another process or onto a band. */
  dropProcess(id: string, target: { process: string } | { band: ProcessCategory }): Promise<DocumentView | null> {
    const doc = this.state.view?.document;
    if (!doc || this.readOnly) return Promise.resolve(null);
    return this.decide(dropProcessOp(doc, id, target));
  }

  /** Arrow keys on the map: the previous or next process in reading order. */
  navigateProcess(delta: -1 | 1): void {
    const boxes = this.state.mapLayout?.boxes ?? [];
    if (boxes.length === 0) return;
    const i = boxes.findIndex((b) => b.id === this.state.process);
    const j = i < 0 ? 0 : Math.min(boxes.length - 1, Math.max(0, i + delta));
    this.set({ process: boxes[j].id });
  }

  // ---- the Peta Lintas Fungsi --------------------------------------------------

  currentFlow(): Flow | undefined {
    const doc = this.state.view?.document;
    return doc && this.state.flow !== null ? flowById(doc, this.state.flow) : undefined;
  }

  openFlow(id: string, step: string | null = null): void {
    this.set({ mode: "flow", flow: id, step, stepEditing: null, flowLayout: this.state.flow === id ? this.state.flowLayout : null });
    void this.refreshFlowLayout();
  }

  async addFlow(process: string): Promise<void> {
    const doc = this.state.view?.document;
    if (!doc || this.readOnly) return;
    const decision = newFlowOp(doc, process);
    if ("refused" in decision) return this.toast(decision.refused);
    const done = await this.apply(decision.op);
    if (done && decision.op.op === "add_flow") this.openFlow(decision.op.flow.id, decision.op.flow.steps[0].id);
  }

  requestDeleteFlow(id = this.state.flow): void {
    const flow = id !== null ? this.currentFlow() : undefined;
    if (!flow || this.readOnly) return;
    this.set({
      confirm: {
        title: "Hapus peta lintas fungsi",
        message: `Hapus peta lintas fungsi "${shorten(flow.name, 80)}" beserta ${flow.steps.length} langkahnya? Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).`,
        yes: "Hapus",
        onYes: () => void this.apply({ op: "delete_flow", id: flow.id }),
      },
    });
  }

  patchFlow(change: (f: Flow) => Flow): Promise<DocumentView | null> {
    return this.apply(() => {
      const flow = this.currentFlow();
      if (!flow) return null;
      const op = updateFlowOp(change(flow));
      return JSON.stringify(op) === JSON.stringify(updateFlowOp(flow)) ? null : op;
    });
  }

  selectStep(id: string | null): void {
    if (id !== this.state.step) this.set({ step: id, stepEditing: null });
  }

  navigateStep(delta: -1 | 1): void {
    const flow = this.currentFlow();
    if (!flow || flow.steps.length === 0) return;
    const i = flow.steps.findIndex((s) => s.id === this.state.step);
    const j = i < 0 ? 0 : Math.min(flow.steps.length - 1, Math.max(0, i + delta));
    this.set({ step: flow.steps[j].id, stepEditing: null });
  }

  /** Changes a step of the shown flow: `change` gets the step as the core last returned it. */
  patchStep(id: string, change: (s: Step) => Step | null): Promise<DocumentView | null> {
    return this.apply(() => {
      const flow = this.currentFlow();
      const step = flow?.steps.find((s) => s.id === id);
      if (!flow || !step) return null;
      const next = change(step);
      if (!next) return null;
      const op = updateStepOp(flow.id, next);
      return JSON.stringify(op) === JSON.stringify(updateStepOp(flow.id, step)) ? null : op;
    });
  }

  setStepShape(id: string, shape: Shape): Promise<DocumentView | null> {
    return this.patchStep(id, (s) => withShape(s, shape));
  }

  /** A new step (or decision) after the selected step, or before it; selected and opened for typing. */
  async insertStep(kind: NewStepKind, before = false): Promise<string | null> {
    const flow = this.currentFlow();
    if (!flow || this.readOnly) return null;
    const anchor = this.state.step ?? flow.steps[flow.steps.length - 1]?.id;
    if (!anchor) return null;
    const made = insertStepOp(flow, kind, before ? { before: anchor } : { after: anchor });
    if ("refused" in made) {
      this.toast(made.refused);
      return null;
    }
    const done = await this.apply(made.op);
    if (!done) return null;
    this.set({ step: made.id, stepEditing: { step: made.id, field: "text" } });
    return made.id;
  }

  requestDeleteStep(id = this.state.step): void {
    const flow = this.currentFlow();
    if (!flow || id === null || this.readOnly) return;
    const decision = deleteStepOp(flow, id);
    if ("refused" in decision) return this.toast(decision.refused);
    const i = flow.steps.findIndex((s) => s.id === id);
    const nextSel = flow.steps[i + 1]?.id ?? flow.steps[i - 1]?.id ?? null;
    void this.apply(decision.op).then((v) => v && this.set({ step: nextSel }));
  }

  moveStep(delta: -1 | 1, id = this.state.step): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || id === null) return Promise.resolve(null);
    return this.decide(moveStepOp(flow, id, delta));
  }

  /** A symbol dragged in the flow: to `lane` and/or the place of `row`, as one edit. */
  dragStep(id: string, lane: string | null, row: string | null): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || this.readOnly) return Promise.resolve(null);
    return this.decide(dragStepOp(flow, id, lane, row));
  }

  dropStep(id: string, target: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow) return Promise.resolve(null);
    return this.decide(dropStepOp(flow, id, target));
  }

  shiftLane(delta: -1 | 1, id = this.state.step): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || id === null) return Promise.resolve(null);
    return this.decide(shiftLaneOp(flow, id, delta));
  }

  setStepLane(id: string, lane: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow) return Promise.resolve(null);
    return this.decide(stepLaneOp(flow, id, lane));
  }

  addLane(unit: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.decide(addLaneOp(doc, flow, unit));
  }

  removeLane(unit: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.decide(removeLaneOp(doc, flow, unit));
  }

  moveLane(unit: string, delta: -1 | 1): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.decide(moveLaneOp(doc, flow, unit, delta));
  }

  startStepEdit(field: StepField = "text", id = this.state.step): void {
    if (id === null || this.readOnly || !this.currentFlow()?.steps.some((s) => s.id === id)) return;
    this.set({ step: id, stepEditing: { step: id, field } });
  }

  cancelStepEdit(): void {
    if (this.state.stepEditing !== null) this.set({ stepEditing: null });
  }

  commitStepEdit(id: string, field: StepField, value: string): Promise<DocumentView | null> {
    if (this.state.stepEditing?.step === id) this.set({ stepEditing: null });
    const text = value.replace(/\s*\n\s*/g, " ").trim();
    return this.patchStep(id, (s) => ({ ...s, [field]: text }));
  }

  // ---- findings ----------------------------------------------------------------

  showFinding(f: Finding): void {
    const t = f.target;
    if ("process" in t) return this.revealProcess(t.process);
    if ("flow" in t) return this.openFlow(t.flow);
    if ("step" in t) return this.openFlow(t.step[0], t.step[1]);
    const id = targetNode(t);
    if (id === null) {
      if ("unit" in t) this.set({ dialog: "units" });
      return;
    }
    if (this.state.mode !== "tree") this.setMode("tree");
    if (this.state.view && indexDocument(this.state.view.document).nodes.has(id)) void this.reveal(id);
  }

  switchRuleOff(rule: string): void {
    this.set({
      confirm: {
        title: "Matikan aturan",
        message: `Matikan aturan ${rule} untuk dokumen ini? Semua temuannya tidak akan ditampilkan lagi. Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).`,
        yes: "Matikan",
        onYes: () => void this.apply(ruleOffOp(rule)),
      },
    });
  }

  requestAccept(f: Finding): void {
    this.set({
      prompt: {
        title: `Terima temuan ${f.rule}`,
        message: f.message,
        label: "Alasan menerima temuan ini",
        initial: "",
        ok: "Terima",
        onOk: (reason) => void this.decide(acceptFindingOp(f, reason, new Date().toISOString())),
      },
    });
  }

  unaccept(f: Finding): Promise<DocumentView | null> {
    return this.apply(unacceptFindingOp(f));
  }

  // ---- dialogs -------------------------------------------------------------------

  openDialog(dialog: DialogName | null): void {
    if (dialog === "print") return this.openPrint();
    if (this.state.dialog === "print") this.stopPreview();
    this.set({ dialog });
  }

  // ---- printing -------------------------------------------------------------------

  private setPrint(patch: Partial<PrintState>): void {
    this.set({ print: { ...this.state.print, ...patch } });
  }

  /** The options the print form stands for (null while a field is wrong). */
  printOptions(): PrintOptions | null {
    const built = optionsFromForm(this.state.print.form, this.state.view?.document.document.period);
    return built.ok ? built.options : null;
  }

  /** Berkas › Cetak (Ctrl+P): the dialog with the last options used for this document, and its preview at once. */
  openPrint(): void {
    if (!this.state.view) return;
    // Ctrl+P prints what is on screen; the other options stay as last used.
    const s = this.state;
    const view =
      s.mode === "map" ? (s.mapParent !== null ? `processes:${s.mapParent}` : "processes") : s.mode === "relations" ? "relations" : s.mode === "flow" && s.flow !== null ? `flow:${s.flow}` : "tree";
    if (view !== s.print.form.view) this.setPrint({ form: { ...s.print.form, view } });
    this.set({ dialog: "print" });
    this.setPrint({ error: null, saving: false });
    this.schedulePreview(0);
  }

  closePrint(): void {
    this.stopPreview();
    if (this.state.dialog === "print") this.set({ dialog: null });
  }

  /** Changes fields of the print form; the preview follows after a pause in typing. */
  setPrintForm(patch: Partial<PrintForm>): void {
    this.setPrint({ form: { ...this.state.print.form, ...patch } });
    this.schedulePreview();
  }

  togglePrintYear(year: number): void {
    this.setPrint({ form: formWithYearToggled(this.state.print.form, year) });
    this.schedulePreview();
  }

  /** Forgets the preview waiting for its pause or under way (its answer is dropped). */
  private stopPreview(): void {
    if (this.printTimer !== null) clearTimeout(this.printTimer);
    this.printTimer = null;
    this.printToken++;
    if (this.state.print.loading) this.setPrint({ loading: false });
  }

  /** Asks for the preview `delay` ms from now; a later change restarts the wait, and a later answer wins. */
  schedulePreview(delay = PREVIEW_DELAY): void {
    this.stopPreview();
    const options = this.printOptions();
    // A wrong field is shown beside it; there is nothing to preview until it is put right.
    if (!options) return;
    const token = this.printToken;
    this.setPrint({ loading: true });
    this.printTimer = setTimeout(() => {
      this.printTimer = null;
      void this.loadPreview(options, token);
    }, delay);
  }

  private async loadPreview(options: PrintOptions, token: number): Promise<void> {
    try {
      // After the edits sent before it, and not at all when a newer request came meanwhile.
      const preview = await this.enqueue(() => (token === this.printToken ? api.printPreview(options) : Promise.resolve(null)));
      if (token !== this.printToken || !preview) return;
      this.setPrint({ preview, loading: false, error: null });
    } catch (e) {
      if (token !== this.printToken) return;
      const text = errorText(e);
      this.setPrint({ preview: null, loading: false, error: text });
      this.toast(text);
    }
  }

  /** Simpan PDF: the native save dialog, then print_pdf; closes the dialog when written. */
  async savePdf(): Promise<boolean> {
    const view = this.state.view;
    if (!view || this.state.print.saving) return false;
    const built = optionsFromForm(this.state.print.form, view.document.document.period);
    if (!built.ok) {
      this.toast(Object.values(built.errors).join(" "));
      return false;
    }
    let path: string | null;
    try {
      path = await api.pickPdfPath(pdfFileName(view.document.document));
    } catch (e) {
      this.toast(errorText(e));
      return false;
    }
    if (!path) return false;
    this.setPrint({ saving: true });
    try {
      const done = await this.enqueue(() => api.printPdf(built.options, path!));
      this.closePrint();
      this.toast(`PDF tersimpan: ${done.path} (${done.pages} halaman)`, "info");
      return true;
    } catch (e) {
      this.toast(errorText(e));
      return false;
    } finally {
      this.setPrint({ saving: false });
    }
  }
}

export const editor = new Editor();

/** Reads a slice of the editor's state; re-renders only when that slice changes (by ===). */
export function useEditor<T>(select: (s: EditorState) => T, store: Editor = editor): T {
  return useSyncExternalStore(store.subscribe, () => select(store.state), () => select(store.state));
}
