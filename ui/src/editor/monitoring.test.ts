import { vi } from "vitest";
import { m, opened, resetApi, viewWith } from "../test/editor";
import { sampleDoc, sampleView } from "../test/fixtures";
import { capaianReport } from "../test/monitoring";
import type { Op } from "../types";
import { cellOp, cellText, editAction, gridAction, indicatorRows, budgetRows, movedCursor, PREVIEW_DELAY, spentOp } from "./monitoring";

vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

/** sampleDoc with realisasi for n1/i1 (2025: 80 and TW I 20) and a budget on n3. */
function monitoredDoc() {
  const doc = sampleDoc();
  const n1 = doc.tree.nodes!.find((n) => n.id === "n1")!;
  n1.indicators = [
    { id: "i1", name: "Indeks Profesionalitas ASN", unit: "Poin", targets: { "2025": 64 }, actuals: { "2025": 80 }, quarters: { "2025": [20, null, null, null] }, actual_notes: { "2025": "data BKN" } },
    { id: "i2", name: "Indeks Merit", unit: "Poin", targets: { "2025": 210 }, pk_targets: { "2025": 200 } },
  ];
  doc.tree.nodes!.find((n) => n.id === "n3")!.budget = { code: "5.01", name: "Seleksi", ceiling: 1_000_000, spent: 900_000 };
  return doc;
}

describe("rows and cells", () => {
  test("the rows are the report's indicators, grouped by node, with what the document records", () => {
    const rows = indicatorRows(monitoredDoc(), capaianReport());
    expect(rows.map((r) => r.key)).toEqual(["n1/i1", "n1/i2"]);
    expect(rows.map((r) => r.first)).toEqual([true, false]);
    expect(rows[0]).toMatchObject({ statement: "Meningkatnya Profesionalitas ASN", name: "Indeks Profesionalitas ASN", unit: "Poin", actual: 80, note: "data BKN" });
    expect(rows[0].quarters).toEqual([20, null, null, null]);
    expect(rows[1].quarters).toEqual([null, null, null, null]);
    expect(rows[1].capaian.target_source).toBe("pk");
  });

  test("the budget rows are the nodes with a budget of their own", () => {
    const rows = budgetRows(monitoredDoc(), capaianReport());
    expect(rows.map((r) => r.node)).toEqual(["n3"]);
    expect(rows[0]).toMatchObject({ name: "5.01 Seleksi", spent: 900_000, budget: { ceiling: 1_000_000 } });
  });

  test("a cell's text is the value as recorded, in Indonesian", () => {
    const doc = monitoredDoc();
    doc.tree.nodes!.find((n) => n.id === "n1")!.indicators![0].actuals = { "2025": 97.81 };
    const [row] = indicatorRows(doc, capaianReport());
    expect(cellText(row, "actual")).toBe("97,81");
    expect(cellText(row, "q1")).toBe("20");
    expect(cellText(row, "q2")).toBe("");
    expect(cellText(row, "note")).toBe("data BKN");
  });

  test("a cell typed is one op, the text as typed (the core reads it); empty clears; unchanged sends nothing", () => {
    const [row] = indicatorRows(monitoredDoc(), capaianReport());
    expect(cellOp(row, "actual", 2025, "97,81")).toEqual({ op: "set_realisasi", node: "n1", indicator: "i1", year: 2025, value: "97,81" });
    expect(cellOp(row, "q2", 2025, " 30 ")).toEqual({ op: "set_realisasi", node: "n1", indicator: "i1", year: 2025, quarter: 2, value: "30" });
    expect(cellOp(row, "q1", 2025, "")).toEqual({ op: "set_realisasi", node: "n1", indicator: "i1", year: 2025, quarter: 1, value: null });
    expect(cellOp(row, "note", 2025, "terlambat")).toEqual({ op: "set_realisasi_note", node: "n1", indicator: "i1", year: 2025, note: "terlambat" });
    expect(cellOp(row, "actual", 2025, "80")).toBeNull();
    expect(cellOp(row, "q3", 2025, "")).toBeNull();
  });

  test("the realisasi anggaran is read as money; a word is refused with the reason", () => {
    const [row] = budgetRows(monitoredDoc(), capaianReport());
    expect(spentOp(row, "950.000")).toEqual({ op: { op: "set_budget_spent", node: "n3", spent: 950_000 } });
    expect(spentOp(row, "")).toEqual({ op: { op: "set_budget_spent", node: "n3", spent: null } });
    expect(spentOp(row, "900.000")).toBeNull();
    expect(spentOp(row, "banyak")).toEqual({ refused: expect.stringContaining("bukan jumlah rupiah") });
  });
});

describe("keys", () => {
  test("arrows, Tab and Shift+Tab move; a character starts typing with it; Enter and F2 open the cell; Delete clears", () => {
    expect(gridAction({ key: "ArrowDown" })).toEqual({ type: "move", rows: 1, cols: 0 });
    expect(gridAction({ key: "Tab" })).toEqual({ type: "step", dir: 1 });
    expect(gridAction({ key: "Tab", shiftKey: true })).toEqual({ type: "step", dir: -1 });
    expect(gridAction({ key: "8" })).toEqual({ type: "edit", text: "8" });
    expect(gridAction({ key: "," })).toEqual({ type: "edit", text: "," });
    expect(gridAction({ key: "Enter" })).toEqual({ type: "edit", text: null });
    expect(gridAction({ key: "F2" })).toEqual({ type: "edit", text: null });
    expect(gridAction({ key: "Delete" })).toEqual({ type: "clear" });
    // Ctrl+Z and Ctrl+Y stay the app's: undo and redo.
    expect(gridAction({ key: "z", ctrlKey: true })).toBeNull();
    expect(gridAction({ key: "y", ctrlKey: true })).toBeNull();
  });

  test("typing a cell: Enter commits and goes down, Tab on, Esc cancels; other keys are the field's", () => {
    expect(editAction({ key: "Enter" })).toEqual({ type: "commit", rows: 1, step: 0 });
    expect(editAction({ key: "Tab", shiftKey: true })).toEqual({ type: "commit", rows: 0, step: -1 });
    expect(editAction({ key: "Escape" })).toEqual({ type: "cancel" });
    expect(editAction({ key: "ArrowLeft" })).toBeNull();
    expect(editAction({ key: "8" })).toBeNull();
  });

  test("the cursor stays in the table; Tab goes on to the next row", () => {
    expect(movedCursor({ row: 0, col: 0 }, { type: "move", rows: -1, cols: -1 }, 3, 6)).toEqual({ row: 0, col: 0 });
    expect(movedCursor({ row: 0, col: 5 }, { type: "step", dir: 1 }, 3, 6)).toEqual({ row: 1, col: 0 });
    expect(movedCursor({ row: 1, col: 0 }, { type: "step", dir: -1 }, 3, 6)).toEqual({ row: 0, col: 5 });
    expect(movedCursor({ row: 2, col: 5 }, { type: "step", dir: 1 }, 3, 6)).toEqual({ row: 2, col: 5 });
    expect(movedCursor({ row: 1, col: 2 }, { type: "commit", rows: 1, step: 0 }, 3, 6)).toEqual({ row: 2, col: 2 });
    expect(movedCursor({ row: 1, col: 2 }, { type: "end" }, 3, 6)).toEqual({ row: 2, col: 2 });
  });
});

describe("the manager", () => {
  async function withTable() {
    const doc = monitoredDoc();
    const e = await opened(sampleView(doc));
    m.capaianReport.mockResolvedValue(capaianReport());
    await e.monitoring.openTable(2025);
    await vi.waitFor(() => expect(e.state.capaian).not.toBeNull());
    return e;
  }

  test("the table opens the capaian view of its year: the layout and the report are asked for that year", async () => {
    const e = await withTable();
    expect(e.state.capaianYear).toBe(2025);
    expect(e.monitoring.state.open).toBe(true);
    expect(m.treeLayout).toHaveBeenLastCalledWith([], false, 2025);
    expect(m.capaianReport).toHaveBeenCalledWith(2025);
    // Every edit names the year: its reply carries the report with the layout.
    m.applyOp.mockResolvedValueOnce({ ...e.state.view!, shown: { capaian: { ...capaianReport(), budget: { ceiling: 1, spent: 1, serapan: 100 } } } });
    await e.apply({ op: "set_budget_spent", node: "n3", spent: 1 });
    expect(m.applyOp.mock.calls[0][1]).toEqual({ mode: "tree", collapsed: [], compact: false, capaian: 2025 });
  });

  test("an edit's reply in the capaian view brings the report with the layout, in one state change", async () => {
    const e = await withTable();
    m.capaianReport.mockClear();
    const report = { ...capaianReport(), budget: { ceiling: 5, spent: 4, serapan: 80 } };
    const next = viewWith(() => undefined);
    m.applyOp.mockResolvedValueOnce({ ...next, shown: { tree: { seq: 9, width: 1, height: 1, bands: [], boxes: [], edges: [] }, capaian: report } });
    await e.apply({ op: "set_budget_spent", node: "n3", spent: 4 });
    expect(e.state.capaian).toBe(report);
    expect(e.state.capaianView).toBe(e.state.view);
    expect(m.capaianReport).not.toHaveBeenCalled();
  });

  test("typing 80 + Enter: one set_realisasi op with the text, the cursor goes down; the capaian shown while typing is the core's", async () => {
    vi.useFakeTimers();
    try {
      const e = await withTable();
      e.monitoring.select(0, 0);
      m.capaianPreview.mockResolvedValue({ node: "n1", indicator: "i1", capaian: 125, category: 0, quarters: [] });
      e.monitoring.handle(gridAction({ key: "8" })!);
      e.monitoring.type("80");
      expect(m.capaianPreview).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(PREVIEW_DELAY + 5);
      expect(m.capaianPreview).toHaveBeenCalledTimes(1);
      expect(m.capaianPreview).toHaveBeenCalledWith("n1", "i1", 2025, null, "80");
      expect(e.monitoring.state.preview).toMatchObject({ row: "n1/i1", result: { capaian: 125 } });
      m.applyOp.mockResolvedValueOnce(e.state.view);
      // 80 is what is recorded: nothing to send. Type 81 instead.
      e.monitoring.type("81");
      await e.monitoring.commitEdit({ rows: 1, step: 0 });
      expect(m.applyOp).toHaveBeenCalledTimes(1);
      expect(m.applyOp.mock.calls[0][0]).toEqual({ op: "set_realisasi", node: "n1", indicator: "i1", year: 2025, value: "81" } satisfies Op);
      expect(e.monitoring.state.editing).toBeNull();
      expect(e.monitoring.state.preview).toBeNull();
      expect(e.monitoring.state.cursor).toEqual({ row: 1, col: 0 });
      expect(e.state.selection).toBe("n1");
    } finally {
      vi.useRealTimers();
    }
  });

  test("Delete on a TW cell clears it with value null; Esc takes the typing back", async () => {
    const e = await withTable();
    e.monitoring.select(0, 1);
    m.applyOp.mockResolvedValueOnce(e.state.view);
    e.monitoring.handle({ type: "clear" });
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalledTimes(1));
    expect(m.applyOp.mock.calls[0][0]).toEqual({ op: "set_realisasi", node: "n1", indicator: "i1", year: 2025, quarter: 1, value: null });
    e.monitoring.startEdit("5");
    e.monitoring.cancelEdit();
    expect(e.monitoring.state.editing).toBeNull();
    expect(m.applyOp).toHaveBeenCalledTimes(1);
  });

  test("the budget tab: Realisasi typed as money is one set_budget_spent", async () => {
    const e = await withTable();
    e.monitoring.setSection("budget");
    e.monitoring.handle(gridAction({ key: "9" })!);
    e.monitoring.type("950.000");
    m.applyOp.mockResolvedValueOnce(e.state.view);
    await e.monitoring.commitEdit();
    expect(m.applyOp.mock.calls[0][0]).toEqual({ op: "set_budget_spent", node: "n3", spent: 950000 });
  });

  test("a final document still takes realisasi; a read-only file does not", async () => {
    const doc = monitoredDoc();
    doc.document.status = "final";
    const e = await opened(sampleView(doc, { read_only: "dokumen ini sudah ditetapkan (final)" }));
    expect(e.monitoring.writable()).toBe(true);
    const ro = await opened(sampleView(monitoredDoc(), { read_only: "berkas hanya-baca" }));
    expect(ro.monitoring.writable()).toBe(false);
    m.capaianReport.mockResolvedValue(capaianReport());
    ro.monitoring.openTable(2025);
    await vi.waitFor(() => expect(ro.state.capaian).not.toBeNull());
    ro.monitoring.startEdit("1");
    expect(ro.monitoring.state.editing).toBeNull();
    expect(ro.state.toasts.at(-1)?.text).toContain("hanya-baca");
  });

  test("without a year: the one the core chooses (its report says which), then the layout of that year", async () => {
    const e = await opened(sampleView(monitoredDoc()));
    m.capaianReport.mockResolvedValue(capaianReport());
    await e.monitoring.toggleCapaian();
    expect(m.capaianReport).toHaveBeenCalledTimes(1);
    expect(m.capaianReport).toHaveBeenCalledWith(null);
    expect(e.state.capaianYear).toBe(2025);
    expect(e.state.capaian?.year).toBe(2025);
    expect(m.treeLayout).toHaveBeenLastCalledWith([], false, 2025);
    await e.monitoring.toggleCapaian();
    expect(e.state.capaianYear).toBeNull();
  });

  test("another file opens in the ordinary view, the table closed", async () => {
    const e = await withTable();
    m.openSample.mockResolvedValueOnce(sampleView(sampleDoc(), { path: "/lain.pokin" }));
    await e.openSample("lain");
    expect(e.state.capaianYear).toBeNull();
    expect(e.state.capaian).toBeNull();
    expect(e.monitoring.state.open).toBe(false);
  });

  test("the ordinary view again: the table closes, the layout is asked without a year", async () => {
    const e = await withTable();
    await e.monitoring.showCapaian(null);
    expect(e.state.capaianYear).toBeNull();
    expect(e.state.capaian).toBeNull();
    expect(e.monitoring.state.open).toBe(false);
    expect(m.treeLayout).toHaveBeenLastCalledWith([], false);
  });
});
