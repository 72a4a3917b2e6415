// Monitoring (issue #14): the tree's capaian view of a year and the Tabel
// monitoring, where realisasi (yearly and TW I–IV), their notes and the
// realisasi anggaran are typed like in a spreadsheet. Every figure is the
// core's: the report (`capaian_report`, and with every edit's reply while
// the capaian view is on), the capaian a typed value would give
// (`capaian_preview`), the numbers as typed ("97,81" is read by the core).
// One cell committed is one op (`set_realisasi`, `set_realisasi_note`,
// `set_budget_spent`), so undo and redo work as for every edit. The core
// takes these ops on a final document too (monitoring data is not plan).

import { gridMove, type Cursor, type KeyLike } from "./grid";
import { useSyncExternalStore } from "react";
import * as api from "../api";
import { errorText, formatValue, parseRupiah } from "../format";
import type { BudgetSum, CapaianReport, Document, DocumentView, Indicator, IndicatorCapaian, Node, Op, Value } from "../types";
import type { Editor } from "./editor";

// ---- pure: rows, cells, keys, ops -------------------------------------------------

/** The editable columns of the indicator table: the year's realisasi, TW I–IV, the note. */
export const INDICATOR_COLUMNS = ["actual", "q1", "q2", "q3", "q4", "note"] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
export const COLUMN_LABEL: Record<IndicatorColumn, string> = { actual: "Realisasi tahunan", q1: "TW I", q2: "TW II", q3: "TW III", q4: "TW IV", note: "Catatan" };

export type Section = "indicators" | "budget";

/** The quarter (1–4) of a TW column; null for the others. */
export function quarterOf(col: IndicatorColumn): number | null {
  return col === "q1" ? 1 : col === "q2" ? 2 : col === "q3" ? 3 : col === "q4" ? 4 : null;
}

export interface IndicatorRow {
  /** `node/indicator`. */
  key: string;
  node: string;
  indicator: string;
  /** The node's statement: the group's heading (content from the document). */
  statement: string;
  /** The first row of its node (the heading goes above it). */
  first: boolean;
  name: string;
  unit: string;
  /** The core's capaian of the year (target, its source, realisasi, capaian, category, reason). */
  capaian: IndicatorCapaian;
  /** As recorded: the year's realisasi, the quarters', the note. */
  actual: Value | undefined;
  quarters: (Value | null)[];
  note: string;
}

export interface BudgetRow {
  node: string;
  statement: string;
  /** The budget's code and nomenklatur, where recorded. */
  name: string;
  budget: BudgetSum;
  /** The realisasi as recorded (undefined: none). */
  spent: number | undefined;
}

function nodesById(doc: Document): Map<string, Node> {
  return new Map((doc.tree.nodes ?? []).map((n) => [n.id, n]));
}

/** The table's rows: the report's indicators (the core's choice and order: those with a target or a realisasi in the year, in the tree's reading order), grouped by node. */
export function indicatorRows(doc: Document, report: CapaianReport): IndicatorRow[] {
  const nodes = nodesById(doc);
  const year = String(report.year);
  let last: string | null = null;
  return report.indicators.map((c) => {
    const node = nodes.get(c.node);
    const ind: Indicator | undefined = node?.indicators?.find((i) => i.id === c.indicator);
    const first = c.node !== last;
    last = c.node;
    const quarters = ind?.quarters?.[year] ?? [];
    return {
      key: `${c.node}/${c.indicator}`,
      node: c.node,
      indicator: c.indicator,
      statement: node?.statement ?? c.node,
      first,
      name: ind?.name ?? c.indicator,
      unit: ind?.unit ?? "",
      capaian: c,
      actual: ind?.actuals?.[year],
      quarters: [0, 1, 2, 3].map((q) => quarters[q] ?? null),
      note: ind?.actual_notes?.[year] ?? "",
    };
  });
}

/** The budget rows: each node with a budget of its own (the report's nodes, in reading order). */
export function budgetRows(doc: Document, report: CapaianReport): BudgetRow[] {
  const nodes = nodesById(doc);
  return report.nodes
    .filter((n) => n.own_budget && n.budget)
    .map((n) => {
      const node = nodes.get(n.node);
      const b = node?.budget ?? {};
      return {
        node: n.node,
        statement: node?.statement ?? n.node,
        name: [b.code, b.name].filter(Boolean).join(" "),
        budget: n.budget!,
        spent: b.spent,
      };
    });
}

/** A cell's text as recorded (what editing starts from). */
export function cellText(row: IndicatorRow, col: IndicatorColumn): string {
  if (col === "note") return row.note;
  const q = quarterOf(col);
  return formatValue(q === null ? row.actual : row.quarters[q - 1]);
}

/** The op that sets a cell to `text` as typed (the core reads the number); empty text clears it. Null when nothing changes. */
export function cellOp(row: IndicatorRow, col: IndicatorColumn, year: number, text: string): Op | null {
  const typed = text.trim();
  if (typed === cellText(row, col).trim()) return null;
  if (col === "note") return { op: "set_realisasi_note", node: row.node, indicator: row.indicator, year, note: typed };
  const q = quarterOf(col);
  const value = typed === "" ? null : typed;
  return q === null ? { op: "set_realisasi", node: row.node, indicator: row.indicator, year, value } : { op: "set_realisasi", node: row.node, indicator: row.indicator, year, quarter: q, value };
}

/** The op that sets a node's realisasi anggaran from money as typed ("6.850.200.218"); empty clears it. */
export function spentOp(row: BudgetRow, text: string): { op: Op } | { refused: string } | null {
  const typed = text.trim();
  if (typed === "") return row.spent === undefined ? null : { op: { op: "set_budget_spent", node: row.node, spent: null } };
  const n = parseRupiah(typed);
  if (n === null) return { refused: `"${typed}" bukan jumlah rupiah. Tulis angka bulat, misalnya 6.850.200.218.` };
  return n === row.spent ? null : { op: { op: "set_budget_spent", node: row.node, spent: n } };
}

/** What a key does on the table while no cell is being typed (null: not the table's). */
export type GridAction =
  | { type: "move"; rows: number; cols: number }
  /** Tab / Shift+Tab: the next or previous cell, on to the next or previous row. */
  | { type: "step"; dir: 1 | -1 }
  | { type: "home" }
  | { type: "end" }
  /** Start typing: with the key typed (replacing the cell), or the cell's text (Enter, F2). */
  | { type: "edit"; text: string | null }
  | { type: "clear" };

export type { Cursor, KeyLike };

export function gridAction(e: KeyLike): GridAction | null {
  const move = gridMove(e);
  if (move) return move;
  // Ctrl/Alt combinations stay the app's (Ctrl+Z, Ctrl+Y, Ctrl+1…6).
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "Tab":
      return { type: "step", dir: e.shiftKey ? -1 : 1 };
    case "Enter":
    case "F2":
      return { type: "edit", text: null };
    case "Delete":
    case "Backspace":
      return { type: "clear" };
  }
  return e.key.length === 1 && e.key !== " " ? { type: "edit", text: e.key } : null;
}

/** What a key does while a cell is typed: commit and move, or cancel (null: the field's own). */
export type EditAction = { type: "commit"; rows: number; step: 0 | 1 | -1 } | { type: "cancel" };

export function editAction(e: KeyLike): EditAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "Enter":
      return { type: "commit", rows: e.shiftKey ? -1 : 1, step: 0 };
    case "Tab":
      return { type: "commit", rows: 0, step: e.shiftKey ? -1 : 1 };
    case "ArrowUp":
      return { type: "commit", rows: -1, step: 0 };
    case "ArrowDown":
      return { type: "commit", rows: 1, step: 0 };
    case "Escape":
      return { type: "cancel" };
  }
  return null;
}

/** The cursor after a move on a table of `rows` × `cols` (Tab goes on to the next row). */
export function movedCursor(c: Cursor, a: GridAction | { type: "commit"; rows: number; step: 0 | 1 | -1 }, rows: number, cols: number): Cursor {
  const clamp = (x: Cursor): Cursor => ({ row: Math.max(0, Math.min(rows - 1, x.row)), col: Math.max(0, Math.min(cols - 1, x.col)) });
  if (rows === 0) return { row: 0, col: 0 };
  switch (a.type) {
    case "move":
      return clamp({ row: c.row + a.rows, col: c.col + a.cols });
    case "home":
      return clamp({ row: 0, col: c.col });
    case "end":
      return clamp({ row: rows - 1, col: c.col });
    case "step":
    case "commit": {
      const dir = a.type === "step" ? a.dir : a.step;
      if (dir === 0) return clamp({ row: c.row + (a.type === "commit" ? a.rows : 0), col: c.col });
      const at = c.row * cols + c.col + dir;
      return at < 0 || at >= rows * cols ? c : { row: Math.floor(at / cols), col: at % cols };
    }
  }
  return c;
}

// ---- the manager ---------------------------------------------------------------

export interface Editing {
  section: Section;
  /** The row's key (indicators) or node (budget). */
  row: string;
  col: IndicatorColumn | "spent";
  text: string;
}

export interface Preview {
  row: string;
  col: IndicatorColumn;
  text: string;
  /** The core's capaian with the typed value (null: none to show). */
  result: IndicatorCapaian | null;
}

export interface MonitoringUi {
  /** The Tabel monitoring is shown (under the tree). */
  open: boolean;
  section: Section;
  cursor: Cursor;
  budgetCursor: Cursor;
  editing: Editing | null;
  preview: Preview | null;
  /** Ask the view to focus the table (changes on every request). */
  focusSeq: number;
}

export function initialMonitoring(): MonitoringUi {
  return { open: false, section: "indicators", cursor: { row: 0, col: 0 }, budgetCursor: { row: 0, col: 0 }, editing: null, preview: null, focusSeq: 0 };
}

/** Debounce of the capaian shown while a cell is typed. */
export const PREVIEW_DELAY = 100;

type Listener = () => void;

export class Monitoring {
  state: MonitoringUi = initialMonitoring();
  private listeners = new Set<Listener>();
  /** The report asked for: the view and year it is for. */
  private asked: { view: DocumentView; year: number } | null = null;
  private askSeq = 0;
  private previewSeq = 0;
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private seenPath: string | null = null;

  constructor(private readonly ed: Editor) {
    // The report of the view on screen: asked again when the document changed other than by an edit's reply (which carries it).
    ed.subscribe(() => {
      const path = this.ed.state.view?.path ?? null;
      if (path !== this.seenPath) {
        this.seenPath = path;
        // Another file (or the start screen): the ordinary view, the table closed.
        if (this.ed.state.capaianYear !== null || this.state.open) this.reset();
      }
      void this.ensureReport();
    });
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<MonitoringUi>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private reset(): void {
    this.clearPreview();
    this.asked = null;
    this.set(initialMonitoring());
    this.ed.set({ capaianYear: null, capaian: null, capaianView: null });
  }

  /** Asks for the year's report when the one held is not of the view on screen (the latest request wins). */
  ensureReport(): Promise<void> {
    const s = this.ed.state;
    const year = s.capaianYear;
    const view = s.view;
    if (year === null || !view || s.mode !== "tree") return Promise.resolve();
    if (s.capaianView === view && s.capaian?.year === year) return Promise.resolve();
    if (this.asked && this.asked.view === view && this.asked.year === year) return Promise.resolve();
    this.asked = { view, year };
    const ask = ++this.askSeq;
    return api.capaianReport(year).then(
      (capaian) => {
        if (ask !== this.askSeq) return;
        this.asked = null;
        const now = this.ed.state;
        if (now.capaianYear === year && now.view === view) this.ed.set({ capaian, capaianView: view });
      },
      (e) => {
        if (ask !== this.askSeq) return;
        this.asked = null;
        this.ed.toast(errorText(e));
      },
    );
  }

  /** Tampilan › Capaian tahun …: the tree's capaian view of `year` (null: the ordinary view; the table closes with it). */
  showCapaian(year: number | null): Promise<void> {
    const s = this.ed.state;
    if (year === null && this.state.open) this.set({ open: false, editing: null });
    if (year === s.capaianYear) return Promise.resolve();
    this.clearPreview();
    this.ed.set({ capaianYear: year, editing: null, ...(year === null ? { capaian: null, capaianView: null } : {}) });
    if (this.state.editing) this.set({ editing: null });
    if (s.mode !== "tree") {
      this.ed.setMode("tree");
      return Promise.resolve();
    }
    void this.ensureReport();
    return this.ed.refreshLayout();
  }

  /** The capaian view of the year monitoring opens on — the core's choice (the latest with a realisasi): its report first, then the layout. */
  async showDefault(): Promise<void> {
    const view = this.ed.state.view;
    if (!view) return;
    try {
      const report = await api.capaianReport(null);
      // Kept with the view it is of: not asked again for the same year.
      if (this.ed.state.view === view) this.ed.set({ capaian: report, capaianView: view });
      await this.showCapaian(report.year);
    } catch (e) {
      this.ed.toast(errorText(e));
    }
  }

  /** The capaian view on (the year monitoring opens on) or off. */
  toggleCapaian(): Promise<void> {
    if (!this.ed.state.view) return Promise.resolve();
    return this.ed.state.capaianYear === null ? this.showDefault() : this.showCapaian(null);
  }

  /** Tampilan › Tabel monitoring…: the table under the tree, the tree in the capaian view of the table's year. */
  openTable(year: number | null = null): Promise<void> {
    const s = this.ed.state;
    if (!s.view) return Promise.resolve();
    if (s.mode !== "tree") this.ed.setMode("tree");
    this.set({ open: true, focusSeq: this.state.focusSeq + 1 });
    const y = year ?? s.capaianYear;
    return y === null ? this.showDefault() : this.showCapaian(y);
  }

  closeTable(): void {
    this.clearPreview();
    this.set({ open: false, editing: null });
  }

  setSection(section: Section): void {
    if (section === this.state.section) return;
    this.clearPreview();
    this.set({ section, editing: null, focusSeq: this.state.focusSeq + 1 });
  }

  /** Realisasi can be typed: monitoring data, so a final document takes it; a read-only file does not (as review notes). */
  writable(): boolean {
    return this.ed.review.notesWritable();
  }

  indicatorRows(): IndicatorRow[] {
    const s = this.ed.state;
    return s.view && s.capaian ? indicatorRows(s.view.document, s.capaian) : [];
  }

  budgetRows(): BudgetRow[] {
    const s = this.ed.state;
    return s.view && s.capaian ? budgetRows(s.view.document, s.capaian) : [];
  }

  private size(section: Section = this.state.section): { rows: number; cols: number } {
    return section === "indicators" ? { rows: this.indicatorRows().length, cols: INDICATOR_COLUMNS.length } : { rows: this.budgetRows().length, cols: 1 };
  }

  private cursorOf(section: Section = this.state.section): Cursor {
    return section === "indicators" ? this.state.cursor : this.state.budgetCursor;
  }

  /** Moves the cursor (kept inside the table); the row's node becomes the tree's selection, on screen. */
  select(row: number, col: number, section: Section = this.state.section): void {
    const { rows, cols } = this.size(section);
    const c = movedCursor({ row, col }, { type: "move", rows: 0, cols: 0 }, rows, cols);
    this.set(section === "indicators" ? { cursor: c, section } : { budgetCursor: c, section });
    // The row's node selected in the tree, and brought into view there (its colour and lines follow what is typed).
    const node = section === "indicators" ? this.indicatorRows()[c.row]?.node : this.budgetRows()[c.row]?.node;
    if (node && this.ed.state.selection !== node) this.ed.set({ selection: node, editing: null, center: { id: node, seq: this.ed.nextSeq() } });
  }

  /** Runs a key of the table (no cell being typed); says whether it was the table's. */
  handle(a: GridAction): boolean {
    const { rows, cols } = this.size();
    if (rows === 0) return false;
    switch (a.type) {
      case "move":
      case "step":
      case "home":
      case "end": {
        const c = movedCursor(this.cursorOf(), a, rows, cols);
        this.select(c.row, c.col);
        return true;
      }
      case "edit":
        this.startEdit(a.text);
        return true;
      case "clear":
        void this.clearCell();
        return true;
    }
  }

  /** Starts typing the cursor's cell: with `text` (a key typed) or the cell's own text. */
  startEdit(text: string | null = null): void {
    if (!this.writable()) {
      this.ed.toast("Berkas ini dibuka hanya-baca: realisasi tidak dapat diisi.");
      return;
    }
    if (this.state.section === "indicators") {
      const row = this.indicatorRows()[this.state.cursor.row];
      if (!row) return;
      const col = INDICATOR_COLUMNS[this.state.cursor.col];
      this.set({ editing: { section: "indicators", row: row.key, col, text: text ?? cellText(row, col) } });
      if (text !== null) this.schedulePreview();
    } else {
      const row = this.budgetRows()[this.state.budgetCursor.row];
      if (!row) return;
      this.set({ editing: { section: "budget", row: row.node, col: "spent", text: text ?? (row.spent === undefined ? "" : formatValue(row.spent)) } });
    }
  }

  /** The text of the cell being typed changed. */
  type(text: string): void {
    const e = this.state.editing;
    if (!e || e.text === text) return;
    this.set({ editing: { ...e, text } });
    this.schedulePreview();
  }

  cancelEdit(): void {
    if (!this.state.editing) return;
    this.clearPreview();
    this.set({ editing: null, focusSeq: this.state.focusSeq + 1 });
  }

  /** Sends the cell typed (one op; none when unchanged) and moves the cursor as the key says. */
  async commitEdit(move: { rows: number; step: 0 | 1 | -1 } = { rows: 0, step: 0 }): Promise<boolean> {
    const e = this.state.editing;
    if (!e) return false;
    const year = this.ed.state.capaianYear;
    // Closed first: a blur after Enter finds nothing left to send.
    this.clearPreview();
    this.set({ editing: null, focusSeq: this.state.focusSeq + 1 });
    let op: Op | null = null;
    if (e.section === "indicators" && e.col !== "spent" && year !== null) {
      const row = this.indicatorRows().find((r) => r.key === e.row);
      if (row) op = cellOp(row, e.col, year, e.text);
    } else if (e.section === "budget") {
      const row = this.budgetRows().find((r) => r.node === e.row);
      const decided = row ? spentOp(row, e.text) : null;
      if (decided && "refused" in decided) {
        this.ed.toast(decided.refused);
        return false;
      }
      op = decided?.op ?? null;
    }
    const { rows, cols } = this.size(e.section);
    const c = movedCursor(this.cursorOf(e.section), { type: "commit", ...move }, rows, cols);
    this.select(c.row, c.col, e.section);
    if (!op) return true;
    return (await this.ed.apply(op)) !== null;
  }

  /** Delete: empties the cursor's cell (one op). */
  async clearCell(): Promise<boolean> {
    if (!this.writable()) {
      this.ed.toast("Berkas ini dibuka hanya-baca: realisasi tidak dapat diisi.");
      return false;
    }
    const year = this.ed.state.capaianYear;
    let op: Op | null = null;
    if (this.state.section === "indicators") {
      const row = this.indicatorRows()[this.state.cursor.row];
      if (row && year !== null) op = cellOp(row, INDICATOR_COLUMNS[this.state.cursor.col], year, "");
    } else {
      const row = this.budgetRows()[this.state.budgetCursor.row];
      const decided = row ? spentOp(row, "") : null;
      op = decided && "op" in decided ? decided.op : null;
    }
    if (!op) return true;
    return (await this.ed.apply(op)) !== null;
  }

  private clearPreview(): void {
    if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    this.previewTimer = null;
    this.previewSeq++;
    if (this.state.preview) this.set({ preview: null });
  }

  /** The capaian of the value being typed, from the core after a short pause (the latest wins). */
  private schedulePreview(): void {
    const e = this.state.editing;
    const year = this.ed.state.capaianYear;
    if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    this.previewTimer = null;
    if (!e || e.section !== "indicators" || e.col === "note" || e.col === "spent" || year === null) return;
    const col = e.col;
    const ask = ++this.previewSeq;
    this.previewTimer = setTimeout(() => {
      this.previewTimer = null;
      const row = this.indicatorRows().find((r) => r.key === e.row);
      const now = this.state.editing;
      if (!row || !now) return;
      const text = now.text;
      const value = text.trim() === "" ? null : text.trim();
      api.capaianPreview(row.node, row.indicator, year, quarterOf(col), value).then(
        (result) => {
          if (ask !== this.previewSeq) return;
          this.set({ preview: { row: row.key, col, text, result } });
        },
        () => {
          if (ask === this.previewSeq) this.set({ preview: { row: row.key, col, text, result: null } });
        },
      );
    }, PREVIEW_DELAY);
  }
}

export function useMonitoring<T>(store: Monitoring, select: (s: MonitoringUi) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.state), () => select(store.state));
}
