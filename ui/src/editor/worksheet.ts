// The reviewer's worksheets (Kertas Kerja Evaluasi, issue #12): Format 1
// (each indicator S/M/A/R/T + Menantang) and Format 2 (each node's link to
// its parent: logis Y/K/T). The rows, the automatic marks and the
// percentages are the core's (`worksheet` command); the page keeps a cell
// cursor and a note being typed, and sends one op per mark or note. The
// sheet is asked for again after every change of the document, so the
// percentages shown are always the core's.

import { gridMove, PAGE_ROWS, type Cursor, type KeyLike } from "./grid";
import { useSyncExternalStore } from "react";
import * as api from "../api";
import { errorText, formatPercent } from "../format";
import type { Criterion, Kke, Mark, Op, Worksheet, WorksheetRow } from "../generated";
import type { DocumentView } from "../types";
import type { Editor } from "./editor";

// ---- pure: formatting, grouping, keys, ops ---------------------------------------

/** A percentage as the forms print it (the core's `percent_text`): "87,5 %", "100 %", "33,33 %". */
export function percentText(x: number): string {
  return formatPercent(x, 2);
}

/** The marks a worksheet takes: K (kurang logis) only on Format 2. */
export function marksFor(kke: Kke): Mark[] {
  return kke === 2 ? ["Y", "K", "T"] : ["Y", "T"];
}

export const MARK_LABEL: Record<Mark, string> = { Y: "Ya", K: "Kurang", T: "Tidak" };
export const MARK_LABEL_2: Record<Mark, string> = { Y: "Logis", K: "Kurang logis", T: "Tidak logis" };

/** Format 2: the heading a row is grouped under — the Sasaran Strategis / Ultimate Outcome (path[1]), else the top. */
export function groupOf(row: WorksheetRow): string {
  return row.path[1] ?? row.path[0] ?? row.statement;
}

/** Format 2: the rows in their order, cut where the group changes. */
export function groupRows(rows: WorksheetRow[]): { title: string; rows: { row: WorksheetRow; index: number }[] }[] {
  const groups: { title: string; rows: { row: WorksheetRow; index: number }[] }[] = [];
  rows.forEach((row, index) => {
    const title = groupOf(row);
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.rows.push({ row, index });
    else groups.push({ title, rows: [{ row, index }] });
  });
  return groups;
}

/**
 * A row's path shown compactly: the statements between its group heading and
 * its parent (both shown elsewhere on the row), each shortened; "" when none.
 */
export function compactPath(row: WorksheetRow, max = 32): string {
  const shorten = (t: string) => (t.length <= max ? t : `${t.slice(0, t.lastIndexOf(" ", max) > max / 2 ? t.lastIndexOf(" ", max) : max)}…`);
  const from = row.path.length >= 2 ? 2 : 1;
  return row.path.slice(from, -1).map(shorten).join(" › ");
}

/** What a key does on the worksheet (null: not a worksheet key). */
export type SheetAction =
  | { type: "move"; rows: number; cols: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "mark"; mark: Mark }
  | { type: "clear" }
  | { type: "note" };

export type SheetKey = KeyLike;

export function sheetAction(e: SheetKey): SheetAction | null {
  const move = gridMove(e);
  if (move) return move;
  // Ctrl/Alt combinations stay the app's (Ctrl+1…6, Ctrl+Z, the review keys).
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "Delete":
    case "Backspace":
      return { type: "clear" };
    case "Enter":
      return e.shiftKey ? null : { type: "note" };
  }
  if (e.key.length !== 1) return null;
  const k = e.key.toUpperCase();
  if (k === "Y" || k === "K" || k === "T") return { type: "mark", mark: k };
  if (k === "N") return { type: "note" };
  return null;
}

export { PAGE_ROWS };
export type { Cursor };

/** The cursor kept inside the sheet. */
export function clampCursor(c: Cursor, sheet: Worksheet | null): Cursor {
  const rows = sheet?.rows.length ?? 0;
  const cols = sheet?.criteria.length ?? 1;
  return { row: Math.max(0, Math.min(rows - 1, c.row)), col: Math.max(0, Math.min(cols - 1, c.col)) };
}

export function movedCursor(c: Cursor, a: SheetAction, sheet: Worksheet): Cursor {
  if (a.type === "move") return clampCursor({ row: c.row + a.rows, col: c.col + a.cols }, sheet);
  if (a.type === "home") return clampCursor({ row: 0, col: c.col }, sheet);
  if (a.type === "end") return clampCursor({ row: sheet.rows.length - 1, col: c.col }, sheet);
  return c;
}

export interface Author {
  name: string;
  role: string;
}

function signed(author: Author): { author?: string; role?: string } {
  const out: { author?: string; role?: string } = {};
  if (author.name.trim()) out.author = author.name.trim();
  if (author.role.trim()) out.role = author.role.trim();
  return out;
}

/** The op that sets (or, with null, takes back to otomatis) one cell's mark. */
export function markOp(kke: Kke, row: WorksheetRow, criterion: Criterion, mark: Mark | null, author: Author): Op {
  return { op: "set_verdict_mark", kke, on: row.on, criterion, mark, ...signed(author) };
}

export function noteOp(kke: Kke, row: WorksheetRow, note: string, author: Author): Op {
  return { op: "set_verdict_note", kke, on: row.on, note, ...signed(author) };
}

/** A repeated click's next mark: entered marks go round Y → (K →) T → otomatis; an automatic or empty cell starts at Y. */
export function nextMark(kke: Kke, cell: { mark?: Mark | null; auto: boolean }): Mark | null {
  if (cell.auto || !cell.mark) return "Y";
  const order = marksFor(kke);
  const i = order.indexOf(cell.mark);
  return i < 0 || i === order.length - 1 ? null : order[i + 1];
}

// ---- the manager ---------------------------------------------------------------

export interface WorksheetUi {
  kke: Kke;
  /** The core's sheet of `kke` (null until it came). */
  sheet: Worksheet | null;
  /** Why the last sheet could not be had. */
  error: string | null;
  cursor: Cursor;
  /** The row whose note is being typed, and the text so far. */
  note: { row: string; text: string } | null;
  /** Ask the view to focus the table (changes on every request). */
  focusSeq: number;
}

export function initialWorksheet(): WorksheetUi {
  return { kke: 1, sheet: null, error: null, cursor: { row: 0, col: 0 }, note: null, focusSeq: 0 };
}

type Listener = () => void;

export class Worksheets {
  state: WorksheetUi = initialWorksheet();
  private listeners = new Set<Listener>();
  /** What the sheet on screen (or on its way) was asked for: the view and the format. */
  private asked: { view: DocumentView | null; kke: Kke } | null = null;
  private seq = 0;
  private seenPath: string | null = null;
  private inflight: Promise<void> = Promise.resolve();
  /** Cursor per format, kept while switching. */
  private cursors: Record<Kke, Cursor> = { 1: { row: 0, col: 0 }, 2: { row: 0, col: 0 } };

  constructor(private readonly ed: Editor) {
    // Any change of the document (an op, undo, redo, a merge) asks for the sheet again while it is shown.
    ed.subscribe(() => {
      const path = this.ed.state.view?.path ?? null;
      if (path !== this.seenPath) {
        // Another file: its own sheets and cursors.
        this.seenPath = path;
        if (this.state.sheet !== null || this.asked !== null) this.reset();
      }
      if (this.ed.state.mode === "worksheet") void this.ensure();
    });
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<WorksheetUi>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Shows the worksheet of format `kke` (Ctrl+5 / Ctrl+6, the Tampilan menu, the tab). */
  open(kke: Kke = this.state.kke): void {
    if (kke !== this.state.kke) {
      this.cursors[this.state.kke] = this.state.cursor;
      this.set({ kke, sheet: null, error: null, note: null, cursor: this.cursors[kke] });
    }
    this.ed.setMode("worksheet");
    this.set({ focusSeq: this.state.focusSeq + 1 });
    void this.ensure();
  }

  /** Asks for the sheet when the one on screen is not of this document and format (the latest request wins). */
  ensure(): Promise<void> {
    const view = this.ed.state.view;
    const kke = this.state.kke;
    if (!view) return Promise.resolve();
    if (this.asked && this.asked.view === view && this.asked.kke === kke) return this.inflight;
    this.asked = { view, kke };
    const ask = ++this.seq;
    this.inflight = (async () => {
      try {
        const sheet = await api.worksheet(kke);
        if (ask !== this.seq) return;
        this.set({ sheet, error: null, cursor: clampCursor(this.state.cursor, sheet) });
      } catch (e) {
        if (ask !== this.seq) return;
        this.asked = null;
        this.set({ error: errorText(e) });
      }
    })();
    return this.inflight;
  }

  /** Forgets the sheet (another file was opened). */
  reset(): void {
    this.asked = null;
    this.seq++;
    this.cursors = { 1: { row: 0, col: 0 }, 2: { row: 0, col: 0 } };
    this.set(initialWorksheet());
  }

  private author(): Author {
    const p = this.ed.review.state.prefs;
    return { name: p.name ?? "", role: p.role ?? "" };
  }

  /** Marks and notes can be written: review data, so a final document takes them; a read-only file does not. */
  writable(): boolean {
    return this.ed.review.notesWritable();
  }

  selectedRow(): WorksheetRow | null {
    return this.state.sheet?.rows[this.state.cursor.row] ?? null;
  }

  /** Moves the cursor to a cell; the row's node becomes the tree's selection. */
  select(row: number, col: number = this.state.cursor.col): void {
    const cursor = clampCursor({ row, col }, this.state.sheet);
    this.set({ cursor });
    const node = this.state.sheet?.rows[cursor.row]?.node;
    if (node && this.ed.state.selection !== node) this.ed.set({ selection: node });
  }

  /** Runs what a key means; says whether the key was the worksheet's. */
  handle(a: SheetAction): boolean {
    const sheet = this.state.sheet;
    if (!sheet || sheet.rows.length === 0) return false;
    switch (a.type) {
      case "move":
      case "home":
      case "end": {
        const c = movedCursor(this.state.cursor, a, sheet);
        this.select(c.row, c.col);
        return true;
      }
      case "mark":
        void this.setMark(a.mark);
        return true;
      case "clear":
        void this.setMark(null);
        return true;
      case "note":
        this.startNote();
        return true;
    }
  }

  /** Sets the cursor cell's mark (null: back to otomatis): one op, then the sheet again. */
  async setMark(mark: Mark | null, row = this.state.cursor.row, col = this.state.cursor.col): Promise<boolean> {
    const sheet = this.state.sheet;
    const r = sheet?.rows[row];
    const column = sheet?.criteria[col];
    if (!sheet || !r || !column) return false;
    if (!this.writable()) {
      this.ed.toast("Berkas ini dibuka hanya-baca: kertas kerja tidak dapat diisi.");
      return false;
    }
    if (mark === "K" && sheet.kke !== 2) {
      this.ed.toast("K (kurang logis) hanya dipakai di KKE Format 2; di Format 1 isi Y atau T.");
      return false;
    }
    const cell = r.cells[col];
    // Nothing to change: no op (one op = one undo step that does something).
    if (cell && ((mark === null && cell.auto) || (mark === null && !cell.mark) || (mark !== null && !cell.auto && cell.mark === mark))) return true;
    const view = await this.ed.apply(markOp(sheet.kke, r, column.criterion, mark, this.author()));
    return view !== null;
  }

  /** A click on a cell: selects it; a click on the selected cell goes to its next mark. */
  clickCell(row: number, col: number): void {
    const c = this.state.cursor;
    if (c.row === row && c.col === col && this.state.note === null) {
      const cell = this.state.sheet?.rows[row]?.cells[col];
      if (cell && this.state.sheet) void this.setMark(nextMark(this.state.sheet.kke, cell), row, col);
      return;
    }
    this.select(row, col);
  }

  startNote(row = this.state.cursor.row): void {
    const r = this.state.sheet?.rows[row];
    if (!r) return;
    if (!this.writable()) {
      this.ed.toast("Berkas ini dibuka hanya-baca: kertas kerja tidak dapat diisi.");
      return;
    }
    if (row !== this.state.cursor.row) this.select(row);
    this.set({ note: { row: r.id, text: r.note } });
  }

  typeNote(text: string): void {
    if (this.state.note) this.set({ note: { ...this.state.note, text } });
  }

  cancelNote(): void {
    if (!this.state.note) return;
    this.set({ note: null, focusSeq: this.state.focusSeq + 1 });
  }

  /** Sends the note typed (one op; nothing when unchanged) and goes back to the table. */
  async saveNote(): Promise<boolean> {
    const n = this.state.note;
    const sheet = this.state.sheet;
    if (!n || !sheet) return false;
    // Closed first: a blur after Enter finds nothing left to save.
    this.set({ note: null, focusSeq: this.state.focusSeq + 1 });
    const r = sheet.rows.find((x) => x.id === n.row);
    if (!r || n.text.trim() === r.note.trim()) return true;
    return (await this.ed.apply(noteOp(sheet.kke, r, n.text.trim(), this.author()))) !== null;
  }
}

export function useWorksheet<T>(store: Worksheets, select: (s: WorksheetUi) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.state), () => select(store.state));
}
