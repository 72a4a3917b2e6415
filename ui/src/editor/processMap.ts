// The Peta Proses Bisnis (level 0 and sub-process maps) and the Peta Relasi:
// the map's layout, processes added, changed, moved and deleted, owners,
// and the tree nodes a process serves (picked in the tree).

import * as api from "../api";
import { asDecision } from "../ops";
import { errorText } from "../format";
import { addedId, indexView, shorten } from "../model";
import {
  addProcessOp,
  allFlows,
  allProcesses,
  dropProcessOp,
  moveProcessOp,
  processById,
  updateMapOp,
  updateProcessOp,
  withNodeLinked,
  withNodeUnlinked,
  withOwnerToggled,
} from "../processes";
import type { DocumentView, Process, ProcessCategory } from "../types";
import type { Editor } from "./editor";
import { MAP_SCALE } from "./state";

export const PROCESS_MAP_API = [
  "refreshMapLayout",
  "setMapSize",
  "openProcessMap",
  "selectProcess",
  "revealProcess",
  "patchProcess",
  "toggleOwner",
  "linkProcessToNode",
  "unlinkProcessFromNode",
  "startPickNode",
  "pickNode",
  "cancelPick",
  "updateMap",
  "requestAddProcess",
  "addProcess",
  "addProcessNext",
  "addSubProcess",
  "requestDeleteProcess",
  "moveProcess",
  "dropProcess",
  "navigateProcess",
] as const;

export class ProcessMap {
  constructor(private readonly ed: Editor) {}

  refreshMapLayout(): Promise<void> {
    const s = this.ed.state;
    if (!s.view) return Promise.resolve();
    const { width, height } = s.mapSize;
    return this.ed.edits.latest.map.run(
      () => api.processMapLayout(s.mapParent, width / MAP_SCALE, height / MAP_SCALE),
      (mapLayout) => this.ed.set({ mapLayout }),
      (e) => this.ed.toast(errorText(e)),
    );
  }

  /** The map's room on screen changed (window resized): lay it out again for the new size. */
  setMapSize(width: number, height: number): void {
    const old = this.ed.state.mapSize;
    if (Math.abs(old.width - width) < 8 && Math.abs(old.height - height) < 8) return;
    this.ed.set({ mapSize: { width, height } });
    if (this.ed.state.mode === "map") void this.refreshMapLayout();
  }

  /** Shows the level-0 map (null) or the Peta Sub Proses Bisnis of a process. */
  openProcessMap(parent: string | null, select: string | null = null): void {
    const s = this.ed.state;
    this.ed.set({ mode: "map", mapParent: parent, process: select, mapLayout: s.mapParent === parent ? s.mapLayout : null });
    void this.refreshMapLayout();
  }

  selectProcess(id: string | null): void {
    if (id !== this.ed.state.process) this.ed.set({ process: id });
  }

  /** Shows a process where it lives: its map (the parent's sub-process map for a sub-process), selected. */
  revealProcess(id: string): void {
    const doc = this.ed.state.view?.document;
    const p = doc && processById(doc, id);
    if (!p) return;
    if (this.ed.state.mode === "relations") return this.selectProcess(id);
    this.openProcessMap(p.parent ?? null, id);
  }

  /** Changes a process: `change` gets the process as the core last returned it. */
  patchProcess(id: string, change: (p: Process) => Process | null): Promise<DocumentView | null> {
    return this.ed.apply(() => {
      const doc = this.ed.state.view?.document;
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
    if (this.ed.readOnly || !this.ed.state.view || !processById(this.ed.state.view.document, process)) return;
    this.ed.set({ picking: { process } });
    this.ed.setMode("tree");
    // The whole tree, so that any node can be picked (search works too).
    this.ed.fit();
  }

  async pickNode(id: string | null): Promise<void> {
    const picking = this.ed.state.picking;
    const view = this.ed.state.view;
    if (!picking || !view) return;
    const node = id !== null ? indexView(view).nodes.get(id) : undefined;
    if (!node) {
      this.ed.toast(id?.startsWith("ext:") ? "Simpul instansi lain tidak dapat dilayani proses di dokumen ini. Pilih simpul pohon ini." : "Pilih dulu simpul pohon kinerja.");
      return;
    }
    this.ed.set({ picking: null });
    const process = processById(view.document, picking.process);
    const done = await this.linkProcessToNode(picking.process, node.id);
    if (done && process) this.ed.toast(`Proses "${shorten(process.name, 50)}" melayani "${shorten(node.statement, 50)}".`, "info");
    this.revealProcess(picking.process);
  }

  cancelPick(): void {
    const picking = this.ed.state.picking;
    if (!picking) return;
    this.ed.set({ picking: null });
    this.revealProcess(picking.process);
  }

  updateMap(change: { goal?: string; inputs?: string[]; outputs?: string[] }): Promise<DocumentView | null> {
    return this.ed.apply(() => (this.ed.state.view ? updateMapOp(this.ed.state.view.document, change) : null));
  }

  /** Asks for the new process's name, then adds it (after the selected one when it is in the same band). */
  requestAddProcess(category: ProcessCategory, parent: string | null = this.ed.state.mapParent): void {
    const view = this.ed.state.view;
    if (!view || this.ed.readOnly) return;
    const sel = this.ed.state.process !== null ? processById(view.document, this.ed.state.process) : undefined;
    const after = sel && sel.category === category && (sel.parent ?? null) === parent ? sel.id : null;
    const label = { management: "manajerial", core: "utama", support: "pendukung" }[category];
    this.ed.set({
      prompt: {
        title: parent === null ? `Tambah proses ${label}` : `Tambah sub proses ${label}`,
        message: parent === null ? "Proses ini masuk ke Peta Proses Bisnis level 0." : `Sub proses dari "${shorten(processById(view.document, parent)?.name ?? parent, 60)}".`,
        label: "Nama proses",
        initial: "",
        ok: "Tambah",
        onOk: (name) => void this.addProcess(name, category, parent, after),
      },
    });
  }

  async addProcess(name: string, category: ProcessCategory, parent: string | null, after: string | null = null): Promise<string | null> {
    const view = this.ed.state.view;
    if (!view) return null;
    const before = allProcesses(view.document).map((p) => p.id);
    let added: string | null = null;
    await this.ed.apply(addProcessOp(view.document, name, category, parent, after), (now) => {
      added = addedId(before, allProcesses(now.document));
      return added === null ? null : { process: added };
    });
    return added;
  }

  /** Enter on the map: a new process in the selected one's band, right after it. */
  addProcessNext(): void {
    const doc = this.ed.state.view?.document;
    const sel = doc && this.ed.state.process !== null ? processById(doc, this.ed.state.process) : undefined;
    this.requestAddProcess(sel?.category ?? "core", sel ? (sel.parent ?? null) : this.ed.state.mapParent);
  }

  /** Tab on the map: a sub-process of the selected process. */
  addSubProcess(): void {
    const doc = this.ed.state.view?.document;
    const sel = doc && this.ed.state.process !== null ? processById(doc, this.ed.state.process) : undefined;
    if (!sel) return this.ed.toast("Pilih dulu proses yang akan dirinci.");
    this.requestAddProcess(sel.category, sel.id);
  }

  requestDeleteProcess(id = this.ed.state.process): void {
    const doc = this.ed.state.view?.document;
    if (!doc || id === null || this.ed.readOnly) return;
    const p = processById(doc, id);
    if (!p) return;
    const flows = allFlows(doc).filter((f) => f.process === id).length;
    this.ed.set({
      confirm: {
        title: "Hapus proses",
        message:
          `Hapus proses "${shorten(p.name, 80)}"?` +
          (flows > 0 ? ` ${flows} peta lintas fungsinya tetap ada, tanpa proses.` : "") +
          " Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).",
        yes: "Hapus",
        // The core refuses while the process still has sub-processes, and says so.
        onYes: () => void this.ed.apply({ op: "delete_process", id }, () => ({ process: null })),
      },
    });
  }

  moveProcess(delta: -1 | 1, id = this.ed.state.process): Promise<DocumentView | null> {
    const doc = this.ed.state.view?.document;
    if (!doc || id === null) return Promise.resolve(null);
    return this.ed.decide(asDecision(moveProcessOp(id, delta)));
  }

  /** A process dragged on the map onto another process or onto a band. */
  dropProcess(id: string, target: { process: string } | { band: ProcessCategory }): Promise<DocumentView | null> {
    const doc = this.ed.state.view?.document;
    if (!doc || this.ed.readOnly) return Promise.resolve(null);
    return this.ed.decide(asDecision(dropProcessOp(doc, id, target)));
  }

  /** Arrow keys on the map: the previous or next process in reading order. */
  navigateProcess(delta: -1 | 1): void {
    const boxes = this.ed.state.mapLayout?.boxes ?? [];
    if (boxes.length === 0) return;
    const i = boxes.findIndex((b) => b.id === this.ed.state.process);
    const j = i < 0 ? 0 : Math.min(boxes.length - 1, Math.max(0, i + delta));
    this.ed.set({ process: boxes[j].id });
  }
}
