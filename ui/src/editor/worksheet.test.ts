import { vi } from "vitest";
import { m, opened, resetApi } from "../test/editor";
import { sampleView } from "../test/fixtures";
import type { Op } from "../types";
import { row2, sheet1, sheet2 } from "../test/worksheets";
import { compactPath, groupRows, nextMark, percentText, sheetAction, type SheetKey } from "./worksheet";

vi.mock("../api", () => import("../test/apiMock"));
(globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }).requestAnimationFrame ??= (cb) => setTimeout(cb, 0);

const key = (k: string, more: Partial<SheetKey> = {}): SheetKey => ({ key: k, ...more });

describe("pure parts", () => {
  test("percentages as the forms print them", () => {
    expect(percentText(87.5)).toBe("87,5 %");
    expect(percentText(100)).toBe("100 %");
    expect(percentText(33.333333)).toBe("33,33 %");
    expect(percentText(-0)).toBe("0 %");
    expect(percentText(0)).toBe("0 %");
  });
  test("keys: arrows, pages, Home/End, Y/K/T in either case, Delete, Enter and N; Ctrl combinations stay the app's", () => {
    expect(sheetAction(key("ArrowDown"))).toEqual({ type: "move", rows: 1, cols: 0 });
    expect(sheetAction(key("ArrowLeft"))).toEqual({ type: "move", rows: 0, cols: -1 });
    expect(sheetAction(key("PageDown"))).toEqual({ type: "move", rows: 10, cols: 0 });
    expect(sheetAction(key("Home"))).toEqual({ type: "home" });
    expect(sheetAction(key("End"))).toEqual({ type: "end" });
    expect(sheetAction(key("y"))).toEqual({ type: "mark", mark: "Y" });
    expect(sheetAction(key("K", { shiftKey: true }))).toEqual({ type: "mark", mark: "K" });
    expect(sheetAction(key("t"))).toEqual({ type: "mark", mark: "T" });
    expect(sheetAction(key("Delete"))).toEqual({ type: "clear" });
    expect(sheetAction(key("Backspace"))).toEqual({ type: "clear" });
    expect(sheetAction(key("Enter"))).toEqual({ type: "note" });
    expect(sheetAction(key("n"))).toEqual({ type: "note" });
    expect(sheetAction(key("z", { ctrlKey: true }))).toBeNull();
    expect(sheetAction(key("5", { ctrlKey: true }))).toBeNull();
    expect(sheetAction(key("y", { altKey: true }))).toBeNull();
    expect(sheetAction(key("Tab"))).toBeNull();
    expect(sheetAction(key("x"))).toBeNull();
  });
  test("a repeated click goes round the marks; K only on Format 2", () => {
    expect(nextMark(1, { auto: true, mark: "T" })).toBe("Y");
    expect(nextMark(1, { auto: false })).toBe("Y");
    expect(nextMark(1, { auto: false, mark: "Y" })).toBe("T");
    expect(nextMark(1, { auto: false, mark: "T" })).toBeNull();
    expect(nextMark(2, { auto: false, mark: "Y" })).toBe("K");
    expect(nextMark(2, { auto: false, mark: "K" })).toBe("T");
  });
  test("Format 2 rows grouped under the Sasaran Strategis (path[1]), the top rows under their own", () => {
    const groups = groupRows(sheet2().rows);
    expect(groups.map((g) => [g.title, g.rows.map((r) => r.index)])).toEqual([
      ["Tujuan", [0]],
      ["Sasaran A", [1, 2]],
      ["Sasaran B", [3]],
    ]);
    // Between the group heading (path[1]) and the parent (the last): those are shown on the row already.
    expect(compactPath(row2("n9", ["Top", "Sasaran", "Meningkatnya Manajemen ASN melalui Sistem Merit", "Pengadaan PNS", "Induk"]))).toBe("Meningkatnya Manajemen ASN… › Pengadaan PNS");
    expect(compactPath(row2("n8", ["Top", "Sasaran", "Induk"]))).toBe("");
    expect(compactPath(row2("n7", ["Top"]))).toBe("");
  });
});

describe("the worksheet manager: keys → one op each, the sheet asked again", () => {
  beforeEach(() => {
    resetApi();
    m.reviewState.mockResolvedValue({ review: null, suggestions: [], problem: null, fixed_threads: [], max_round: 0, notes_writable: true });
    m.getPreferences.mockResolvedValue({ name: "Rina", role: "Inspektorat", round: 0 });
  });

  async function openSheet(kke: 1 | 2) {
    const e = await opened();
    await e.review.loadPreferences();
    m.worksheet.mockResolvedValue(kke === 1 ? sheet1() : sheet2());
    e.worksheets.open(kke);
    await e.worksheets.ensure();
    return e;
  }

  test("Ctrl+6's open: the mode, the core's sheet of Format 2", async () => {
    const e = await openSheet(2);
    expect(e.state.mode).toBe("worksheet");
    expect(m.worksheet).toHaveBeenLastCalledWith(2);
    expect(e.worksheets.state.sheet?.rows).toHaveLength(4);
  });

  test("arrows move the cursor (kept inside), the row's node becomes the selection", async () => {
    const e = await openSheet(1);
    const w = e.worksheets;
    w.handle(sheetAction(key("ArrowDown"))!);
    w.handle(sheetAction(key("ArrowRight"))!);
    expect(w.state.cursor).toEqual({ row: 1, col: 1 });
    expect(e.state.selection).toBe("n1");
    w.handle(sheetAction(key("PageDown"))!);
    expect(w.state.cursor.row).toBe(2);
    w.handle(sheetAction(key("Home"))!);
    expect(w.state.cursor.row).toBe(0);
    for (let i = 0; i < 9; i++) w.handle(sheetAction(key("ArrowRight"))!);
    expect(w.state.cursor.col).toBe(5);
  });

  test("Y on a cell: one set_verdict_mark with the row's target, the criterion and the author; then the sheet again", async () => {
    const e = await openSheet(1);
    const w = e.worksheets;
    w.handle(sheetAction(key("ArrowRight"))!); // measurable of row 0
    const after = { ...sheet1(), percentage: 10 };
    m.worksheet.mockResolvedValue(after);
    m.applyOp.mockResolvedValueOnce({ ...sampleView(), doc_seq: 99 });
    const asked = m.worksheet.mock.calls.length;
    w.handle(sheetAction(key("y"))!);
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalledTimes(1));
    const op = m.applyOp.mock.calls[0][0] as Op;
    expect(op).toEqual({ op: "set_verdict_mark", kke: 1, on: { indicator: ["n0", "i0"] }, criterion: "measurable", mark: "Y", author: "Rina", role: "Inspektorat" });
    await vi.waitFor(() => expect(w.state.sheet?.percentage).toBe(10));
    expect(m.worksheet.mock.calls.length).toBeGreaterThan(asked);
  });

  test("Delete puts an entered mark back to otomatis (mark null); on an automatic cell it sends nothing", async () => {
    const e = await openSheet(1);
    const w = e.worksheets;
    w.select(0, 1); // automatic T
    w.handle(sheetAction(key("Delete"))!);
    w.select(1, 0); // entered Y
    m.applyOp.mockResolvedValueOnce(sampleView());
    w.handle(sheetAction(key("Backspace"))!);
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalledTimes(1));
    expect(m.applyOp.mock.calls[0][0]).toMatchObject({ op: "set_verdict_mark", on: { indicator: ["n1", "i1"] }, criterion: "specific", mark: null });
  });

  test("K on Format 1 is refused here (said why), sent on Format 2", async () => {
    const e = await openSheet(1);
    e.worksheets.handle(sheetAction(key("k"))!);
    await Promise.resolve();
    expect(m.applyOp).not.toHaveBeenCalled();
    expect(e.state.toasts.at(-1)?.text).toMatch(/Format 2/);
    m.worksheet.mockResolvedValue(sheet2());
    e.worksheets.open(2);
    await e.worksheets.ensure();
    e.worksheets.select(1, 0);
    m.applyOp.mockResolvedValueOnce(sampleView());
    e.worksheets.handle(sheetAction(key("k"))!);
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalledTimes(1));
    expect(m.applyOp.mock.calls[0][0]).toMatchObject({ op: "set_verdict_mark", kke: 2, on: { node: "n2" }, criterion: "logical", mark: "K" });
  });

  test("Enter opens the row's note; Enter saves it as one set_verdict_note; Escape cancels; unchanged sends nothing", async () => {
    const e = await openSheet(2);
    const w = e.worksheets;
    w.select(2);
    w.handle(sheetAction(key("Enter"))!);
    expect(w.state.note).toEqual({ row: "2:n3", text: "" });
    w.typeNote("Rumuskan sebagai kondisi ");
    m.applyOp.mockResolvedValueOnce(sampleView());
    await w.saveNote();
    expect(w.state.note).toBeNull();
    expect(m.applyOp).toHaveBeenCalledTimes(1);
    expect(m.applyOp.mock.calls[0][0]).toEqual({ op: "set_verdict_note", kke: 2, on: { node: "n3" }, note: "Rumuskan sebagai kondisi", author: "Rina", role: "Inspektorat" });
    // A blur after Enter finds nothing to save.
    await w.saveNote();
    w.handle(sheetAction(key("n"))!);
    w.typeNote("batal");
    w.cancelNote();
    expect(w.state.note).toBeNull();
    w.startNote();
    await w.saveNote();
    expect(m.applyOp).toHaveBeenCalledTimes(1);
  });

  test("a click on the selected cell goes to the next mark; a final document still takes verdicts", async () => {
    const view = sampleView();
    view.document.document.status = "final";
    view.read_only = "Dokumen ini sudah final.";
    const e = await opened(view);
    m.reviewState.mockResolvedValue({ review: null, suggestions: [], problem: null, fixed_threads: [], max_round: 0, notes_writable: true });
    await e.review.refresh();
    m.worksheet.mockResolvedValue(sheet2());
    e.worksheets.open(2);
    await e.worksheets.ensure();
    expect(e.worksheets.writable()).toBe(true);
    e.worksheets.clickCell(3, 0); // selects
    expect(m.applyOp).not.toHaveBeenCalled();
    m.applyOp.mockResolvedValueOnce(view);
    e.worksheets.clickCell(3, 0); // K → T
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalledTimes(1));
    expect(m.applyOp.mock.calls[0][0]).toMatchObject({ on: { node: "n4" }, mark: "T" });
  });
});
