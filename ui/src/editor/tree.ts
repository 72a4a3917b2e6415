// The tree: adding, deleting, moving nodes; the statement typed in place;
// selection, collapsed subtrees, arrow navigation, zoom requests and search.

import { addedId, ancestors, descendantCount, indexView, shorten } from "../model";
import { navigate, type NavDirection } from "../navigation";
import {
  addChildOp,
  asDecision,
  addRootOp,
  addSiblingOp,
  deleteNodeOp,
  dropOp,
  reorderOp,
  selectionAfterDelete,
  updateNodeOp,
  type Decision,
} from "../ops";
import type { DocumentView, Node } from "../types";
import type { Editor } from "./editor";

export const TREE_API = [
  "addChild",
  "addSibling",
  "requestDelete",
  "deleteNode",
  "reorder",
  "drop",
  "patchNode",
  "startEdit",
  "cancelEdit",
  "commitEdit",
  "select",
  "navigate",
  "toggleCollapse",
  "expandAll",
  "setCompactLayout",
  "collapseToLevel",
  "reveal",
  "fit",
  "zoomBy",
  "openSearch",
  "closeSearch",
  "setSearchQuery",
  "jumpToResult",
] as const;

/** A node just added (Tab, Enter) and opened for typing: gone again if nothing is typed into it. */
interface Fresh {
  id: string;
  view: DocumentView;
  before: string | null;
}

export class Tree {
  private fresh: Fresh | null = null;

  constructor(private readonly ed: Editor) {}

  // ---- edits -------------------------------------------------------------------

  /** Changes a node: `change` gets the node as the core last returned it. */
  patchNode(id: string, change: (node: Node) => Node | null): Promise<DocumentView | null> {
    return this.ed.apply(() => {
      const view = this.ed.state.view;
      const node = view && indexView(view).nodes.get(id);
      if (!node) return null;
      const next = change(node);
      if (!next) return null;
      if (JSON.stringify(updateNodeOp(next)) === JSON.stringify(updateNodeOp(node))) return null;
      return updateNodeOp(next);
    });
  }

  /** A new node from `decide`; selects it and opens its statement for typing (in the same state change as the edit's reply). */
  private async addNode(decision: Decision): Promise<string | null> {
    if ("refused" in decision) {
      this.ed.toast(decision.refused);
      return null;
    }
    const before = new Set(this.ed.state.view?.document.tree.nodes?.map((n) => n.id) ?? []);
    const selected = this.ed.state.selection;
    let added: string | null = null;
    await this.ed.apply(decision.op, (view) => {
      added = addedId(before, view.document.tree.nodes);
      if (added === null) return null;
      this.fresh = { id: added, view, before: selected };
      // The canvas centres it (the layout that holds it comes in the same reply).
      return { selection: added, editing: added, center: { id: added, seq: this.ed.nextSeq() } };
    });
    return added;
  }

  addChild(id = this.ed.state.selection): Promise<string | null> {
    const view = this.ed.state.view;
    if (!view || this.ed.readOnly) return Promise.resolve(null);
    if (id === null) {
      if ((view.document.tree.nodes ?? []).length === 0) return this.addNode({ op: addRootOp() });
      this.ed.toast("Pilih dulu simpul induknya.");
      return Promise.resolve(null);
    }
    const collapsed = this.ed.state.collapsed;
    if (collapsed.includes(id)) this.ed.set({ collapsed: collapsed.filter((c) => c !== id) });
    return this.addNode({ op: addChildOp(id) });
  }

  addSibling(id = this.ed.state.selection): Promise<string | null> {
    const view = this.ed.state.view;
    if (!view || this.ed.readOnly) return Promise.resolve(null);
    if (id === null) {
      if ((view.document.tree.nodes ?? []).length === 0) return this.addNode({ op: addRootOp() });
      this.ed.toast("Pilih dulu simpul yang akan diberi saudara.");
      return Promise.resolve(null);
    }
    return this.addNode({ op: addSiblingOp(id) });
  }

  /** Asks for confirmation, then deletes the node with its subtree. */
  requestDelete(id = this.ed.state.selection): void {
    const view = this.ed.state.view;
    if (!view || id === null || this.ed.readOnly) return;
    const ix = indexView(view);
    const node = ix.nodes.get(id);
    if (!node) {
      if (id.startsWith("ext:")) this.ed.toast("Simpul luar hilang bila keterkaitan crosscutting ke sana dihapus (di panel simpul asalnya).");
      return;
    }
    const below = descendantCount(ix, id);
    const message =
      `Hapus simpul "${shorten(node.statement, 80)}"` +
      (below > 0 ? ` beserta ${below} simpul di bawahnya` : "") +
      "? Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).";
    this.ed.set({ confirm: { title: "Hapus simpul", message, yes: "Hapus", onYes: () => void this.deleteNode(id) } });
  }

  async deleteNode(id: string): Promise<void> {
    const view = this.ed.state.view;
    if (!view) return;
    const next = selectionAfterDelete(view, id);
    await this.ed.apply(deleteNodeOp(id), () => ({ selection: next }));
  }

  reorder(delta: -1 | 1, id = this.ed.state.selection): Promise<DocumentView | null> {
    const view = this.ed.state.view;
    if (!view || id === null) return Promise.resolve(null);
    return this.ed.decide({ op: reorderOp(id, delta) });
  }

  /** A node dragged onto another. */
  drop(dragged: string, target: string): Promise<DocumentView | null> {
    const view = this.ed.state.view;
    if (!view || this.ed.readOnly) return Promise.resolve(null);
    return this.ed.decide(asDecision(dropOp(dragged, target)));
  }

  // ---- statement editing in place ------------------------------------------

  startEdit(id = this.ed.state.selection): void {
    if (id === null || this.ed.readOnly || !this.ed.state.view) return;
    if (!indexView(this.ed.state.view).nodes.has(id)) return;
    this.ed.set({ selection: id, editing: id, center: { id, seq: this.ed.nextSeq() } });
  }

  /** Escape, or done without typing. A node just added and left empty goes away again (one step: its add is undone). */
  cancelEdit(id: string | null = this.ed.state.editing): Promise<void> {
    if (this.ed.state.editing !== null && (id === null || this.ed.state.editing === id)) this.ed.set({ editing: null });
    const fresh = this.fresh;
    this.fresh = null;
    if (!fresh || fresh.id !== id) return Promise.resolve();
    return this.dropFresh(fresh);
  }

  private async dropFresh(fresh: Fresh): Promise<void> {
    const view = this.ed.state.view;
    const node = view && indexView(view).nodes.get(fresh.id);
    if (!view || !node || node.statement.trim() !== "") return;
    // Nothing else happened since the add: undo it (no trace in the history); else delete the node.
    if (view === fresh.view && view.can_undo) await this.ed.undo();
    else await this.ed.apply(deleteNodeOp(fresh.id));
    const now = this.ed.state.view;
    if (now && !indexView(now).nodes.has(fresh.id)) {
      const back = fresh.before !== null && indexView(now).nodes.has(fresh.before) ? fresh.before : null;
      this.ed.set({ selection: back, center: back !== null ? { id: back, seq: this.ed.nextSeq() } : this.ed.state.center });
    }
  }

  commitEdit(id: string, statement: string): Promise<DocumentView | null> {
    const text = statement.replace(/\s*\n\s*/g, " ").trim();
    // Only spaces typed into a node just added: as Escape.
    if (text === "" && this.fresh?.id === id) return this.cancelEdit(id).then(() => null);
    if (this.fresh?.id === id) this.fresh = null;
    if (this.ed.state.editing === id) this.ed.set({ editing: null });
    return this.patchNode(id, (n) => ({ ...n, statement: text }));
  }

  // ---- selection and view --------------------------------------------------

  select(id: string | null): void {
    if (id !== this.ed.state.selection) this.ed.set({ selection: id, editing: null });
  }

  navigate(dir: NavDirection): void {
    const layout = this.ed.state.layout;
    if (!layout) return;
    const next = navigate(layout, this.ed.state.selection, dir);
    if (next !== null && next !== this.ed.state.selection) this.ed.set({ selection: next, editing: null, center: { id: next, seq: this.ed.nextSeq() } });
  }

  toggleCollapse(id = this.ed.state.selection): Promise<void> {
    const view = this.ed.state.view;
    if (!view || id === null) return Promise.resolve();
    const now = this.ed.state.collapsed;
    const collapsed = now.includes(id) ? now.filter((c) => c !== id) : indexView(view).children.has(id) ? [...now, id].sort() : now;
    if (collapsed === now) return Promise.resolve();
    this.ed.set({ collapsed });
    return this.ed.refreshLayout();
  }

  expandAll(): Promise<void> {
    if (this.ed.state.collapsed.length === 0) return Promise.resolve();
    this.ed.set({ collapsed: [] });
    return this.ed.refreshLayout();
  }

  /** Tampilan › Tata letak: lebar (false) or ringkas (true), from the same core layout as the printout. */
  setCompactLayout(compact: boolean): Promise<void> {
    if (this.ed.state.compactTree === compact) return Promise.resolve();
    this.ed.set({ compactTree: compact });
    return this.ed.refreshLayout();
  }

  /** Collapses every node of `level` that has children (shows levels 0…level). */
  collapseToLevel(level: number): Promise<void> {
    const view = this.ed.state.view;
    if (!view) return Promise.resolve();
    const ix = indexView(view);
    const collapsed = [...ix.children.keys()].filter((id) => ix.nodes.get(id)?.level === level).sort();
    this.ed.set({ collapsed });
    return this.ed.refreshLayout();
  }

  /** Selects a node and centres it, unfolding the collapsed subtrees it is hidden in. */
  async reveal(id: string): Promise<void> {
    const view = this.ed.state.view;
    if (!view) return;
    if (this.ed.state.mode !== "tree") {
      this.ed.set({ mode: "tree" });
      await this.ed.refreshLayout();
    }
    const up = new Set(ancestors(indexView(view), id));
    const collapsed = this.ed.state.collapsed.filter((c) => !up.has(c));
    if (collapsed.length !== this.ed.state.collapsed.length) {
      this.ed.set({ collapsed });
      await this.ed.refreshLayout();
    }
    this.ed.set({ selection: id, editing: null, center: { id, seq: this.ed.nextSeq() } });
  }

  fit(): void {
    this.ed.set({ fitSeq: this.ed.state.fitSeq + 1 });
  }

  zoomBy(dir: 1 | -1): void {
    this.ed.set({ zoom: { dir, seq: this.ed.nextSeq() } });
  }

  // ---- search ----------------------------------------------------------------

  openSearch(): void {
    this.ed.set({ search: { ...this.ed.state.search, open: true } });
  }

  closeSearch(): void {
    this.ed.set({ search: { open: false, query: this.ed.state.search.query, index: 0 } });
  }

  setSearchQuery(query: string): void {
    this.ed.set({ search: { open: true, query, index: 0 } });
  }

  /** Jumps to the result at `index` (wrapping) of `results`. */
  jumpToResult(results: string[], index: number): void {
    if (results.length === 0) return;
    const i = ((index % results.length) + results.length) % results.length;
    this.ed.set({ search: { ...this.ed.state.search, index: i } });
    void this.reveal(results[i]);
  }
}
