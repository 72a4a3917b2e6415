// The import wizard (issue #15): its words, what it sends the core, the
// debounced live preview, both ways to import, refusals shown in the dialog.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { m, opened, resetApi } from "../../test/editor";
import { sampleView } from "../../test/fixtures";
import type { ImportSummary, Inspection, Mapping } from "../../generated";
import type { Editor } from "../../editor";
import {
  columnLetter,
  hiddenRowsText,
  ImportWizard as Wizard,
  levelNames,
  messageText,
  roleFromKey,
  roleKey,
  roleLabel,
  roleOptions,
  roleYears,
  summaryLines,
} from "./importWizard";
import { ImportWizard } from "./ImportWizard";

vi.mock("../../api", () => import("../../test/apiMock"));

const mapping = (): Mapping => ({
  layout: "iku",
  header_start: 2,
  header_rows: 2,
  columns: [{ role: "statement", level: 0 }, { role: "statement", level: 1 }, { role: "indicator" }, { role: "unit" }, { role: "target", year: 2025 }, { role: "ignore" }],
  hierarchy: { by: "columns" },
  levels: [],
});

const inspection = (): Inspection => ({
  sheets: [
    { name: "IKU", hidden: false, rows: 40, columns: 6 },
    { name: "Lama", hidden: true, rows: 12, columns: 4 },
  ],
  sheet: "IKU",
  headers: ["Tujuan", "Sasaran", "Indikator", "Satuan", "Target › 2025", "Ket"],
  sample: [
    ["Meningkatnya kualitas infrastruktur", "Meningkatnya jalan mantap", "Persentase jalan mantap", "%", "97,81", ""],
    ["", "", "Panjang jalan", "km", "1.234,5", ""],
  ],
  sample_rows: [5, 6],
  mapping: mapping(),
  messages: [],
});

const summary = (patch: Partial<ImportSummary> = {}): ImportSummary => ({
  sheet: "IKU",
  mapping_used: mapping(),
  nodes_per_level: [
    ["Tujuan", 1],
    ["Sasaran", 2],
    ["Program", 0],
  ],
  indicators: 3,
  targets: 3,
  realisasi: 0,
  pagu: 6850200218,
  spent: 0,
  hidden_rows: [14, 15],
  rows: 5,
  messages: [{ sheet: "IKU", row: 14, column: "H", text: "nilai #REF! dilewati" }],
  outline: [
    { depth: 0, level: "Tujuan", statement: "Meningkatnya kualitas infrastruktur", indicators: 0 },
    { depth: 1, level: "Sasaran", statement: "Meningkatnya jalan mantap", indicators: 2 },
  ],
  ...patch,
});

describe("the wizard's words", () => {
  test("column letters as Excel writes them", () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "H", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  test("a role and its select value are one another's", () => {
    const roles = roleOptions(["Tujuan", "Sasaran"], [2025, 2026]).map((o) => roleFromKey(o.value));
    for (const r of roles) expect(roleFromKey(roleKey(r))).toEqual(r);
    expect(roleFromKey("realisasi:2025:2")).toEqual({ role: "realisasi", year: 2025, quarter: 2 });
    expect(roleFromKey("spent")).toEqual({ role: "spent" });
    expect(roleFromKey("nonsense")).toEqual({ role: "ignore" });
  });

  test("roles in Indonesian, statements with their level's name", () => {
    const levels = ["Tujuan", "Sasaran"];
    expect(roleLabel({ role: "statement", level: 1 }, levels)).toBe("Pernyataan level 2 – Sasaran");
    expect(roleLabel({ role: "statement", level: 4 }, levels)).toBe("Pernyataan level 5");
    expect(roleLabel({ role: "realisasi", year: 2025, quarter: 3 }, levels)).toBe("Realisasi tahun 2025 TW III");
    expect(roleLabel({ role: "pk_target", year: 2026 }, levels)).toBe("Target PK tahun 2026");
    expect(roleLabel({ role: "spent" }, levels)).toBe("Realisasi anggaran");
    const labels = roleOptions(levels, [2025]).map((o) => o.label);
    for (const want of ["Abaikan", "Nama/uraian", "Kode", "Nama level", "Indikator", "Satuan", "Baseline", "Target tahun 2025", "Realisasi tahun 2025", "Pagu", "Penanggung jawab"]) {
      expect(labels).toContain(want);
    }
  });

  test("a column's role outside the offered years stays selectable", () => {
    const options = roleOptions(["Tujuan"], [2025], [{ role: "target", year: 2031 }]);
    expect(options.find((o) => o.value === "target:2031")?.label).toBe("Target tahun 2031");
  });

  test("messages name the row and the column", () => {
    expect(messageText({ sheet: "S", row: 14, column: "H", text: "bukan angka" })).toBe("Baris 14, kolom H: bukan angka");
    expect(messageText({ sheet: "S", row: 3, text: "baris kosong" })).toBe("Baris 3: baris kosong");
    // The core writes an absent place as null.
    expect(messageText(JSON.parse('{"sheet":"S","row":null,"column":null,"text":"lembar kosong"}'))).toBe("lembar kosong");
  });

  test("the counts, pagu as Indonesian rupiah, the hidden rows", () => {
    const lines = summaryLines(summary());
    expect(lines[0]).toBe("Simpul: 1 Tujuan, 2 Sasaran");
    expect(lines).toContain("Indikator: 3");
    expect(lines).toContain("Pagu: Rp 6.850.200.218");
    expect(hiddenRowsText(summary(), false)).toBe("Baris tersembunyi dilewati: 14, 15");
    expect(hiddenRowsText(summary(), true)).toBe("Baris tersembunyi ikut diimpor: 14, 15");
    expect(hiddenRowsText(summary({ hidden_rows: [] }), false)).toBeNull();
  });

  test("years from the period and the mapping; level names from the document, else the preview's", () => {
    expect(roleYears({ from: 2025, to: 2027 }, mapping(), null)).toEqual([2025, 2026, 2027]);
    expect(roleYears(null, { ...mapping(), columns: [{ role: "target", year: 2030 }] }, 2024)).toEqual([2024, 2030]);
    expect(roleYears(null, null, null, 2026)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(levelNames(["Tujuan", "Sasaran", "Output"], null, mapping())).toEqual(["Tujuan", "Sasaran", "Output"]);
    expect(levelNames(null, summary(), mapping())).toEqual(["Tujuan", "Sasaran", "Program", "", ""]);
    // The sheet's own level names come first: a statement's level indexes into them.
    expect(levelNames(["Dampak", "Sasaran Strategis"], null, { ...mapping(), levels: ["Tujuan", "Sasaran", "Program"] })).toEqual(["Tujuan", "Sasaran", "Program"]);
  });
});

describe("the wizard", () => {
  let ed: Editor;
  let w: Wizard;

  beforeEach(async () => {
    resetApi();
    vi.useFakeTimers();
    ed = await opened();
    w = new Wizard(ed, 250);
    m.pickSpreadsheetPath.mockResolvedValue("/data/iku.xlsx");
    m.sheetInspect.mockResolvedValue(inspection());
    m.sheetPreview.mockResolvedValue(summary());
    m.listMappingPresets.mockResolvedValue([]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function started() {
    expect(await w.start()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    return w;
  }

  test("Berkas › Impor: the native dialog, the inspection, the detected layout, the first preview", async () => {
    await started();
    expect(ed.state.dialog).toBe("import-sheet");
    expect(m.sheetInspect).toHaveBeenCalledWith("/data/iku.xlsx", null);
    expect(w.state.layout).toBe("iku");
    expect(w.state.headerRows).toBe(2);
    expect(w.state.target).toBe("current");
    expect(m.sheetPreview).toHaveBeenCalledTimes(1);
    // Nothing edited: the core detects the mapping for the layout.
    expect(m.sheetPreview.mock.calls[0]).toEqual(["/data/iku.xlsx", { layout: "iku", include_hidden: false, sheet: "IKU", header_rows: 2 }, "current"]);
    expect(w.state.preview?.outline).toHaveLength(2);
  });

  test("a cancelled dialog opens nothing", async () => {
    m.pickSpreadsheetPath.mockResolvedValueOnce(null);
    expect(await w.start()).toBe(false);
    expect(ed.state.dialog).toBeNull();
    expect(m.sheetInspect).not.toHaveBeenCalled();
  });

  test("a refused workbook: the reason in the dialog", async () => {
    m.sheetInspect.mockRejectedValueOnce("Sheet 'IKU': grafik dalam sel tidak dapat diimpor");
    await started();
    expect(w.state.error).toMatch(/grafik dalam sel/);
    expect(renderToStaticMarkup(<ImportWizard wizard={w} />)).toContain('data-testid="sheet-error"');
  });

  test("role changes are previewed once, 250 ms after the last, with the edited mapping", async () => {
    await started();
    m.sheetPreview.mockClear();
    w.setRole(5, { role: "baseline" });
    await vi.advanceTimersByTimeAsync(100);
    w.setRole(4, { role: "target", year: 2026 });
    await vi.advanceTimersByTimeAsync(200);
    expect(m.sheetPreview).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(m.sheetPreview).toHaveBeenCalledTimes(1);
    const sent = m.sheetPreview.mock.calls[0][1];
    expect(sent.mapping.columns[4]).toEqual({ role: "target", year: 2026 });
    expect(sent.mapping.columns[5]).toEqual({ role: "baseline" });
    expect(sent.mapping.layout).toBe("iku");
    // The core's mapping_used no longer replaces the planner's.
    expect(w.state.mapping?.columns[5]).toEqual({ role: "baseline" });
  });

  test("a sheet with no recognised layout: a mapping made from Abaikan columns", async () => {
    m.sheetInspect.mockResolvedValueOnce({ ...inspection(), mapping: null, messages: [{ sheet: "IKU", text: "tata letak tidak dikenali" }] });
    m.sheetPreview.mockRejectedValue("pilih peran kolom");
    await started();
    expect(w.state.layout).toBe("generic");
    w.setRole(2, { role: "indicator" });
    await vi.advanceTimersByTimeAsync(300);
    const sent = m.sheetPreview.mock.calls.at(-1)![1];
    expect(sent.mapping.columns).toHaveLength(6);
    expect(sent.mapping.columns[2]).toEqual({ role: "indicator" });
    expect(sent.mapping.columns[0]).toEqual({ role: "ignore" });
    expect(w.state.previewError).toBe("pilih peran kolom");
  });

  test("presets: saved with the layout, picked back", async () => {
    await started();
    const saved = { name: "Renstra DPUPR", mapping: { ...mapping(), header_rows: 3 } };
    m.saveMappingPreset.mockResolvedValueOnce([saved]);
    expect(await w.savePreset("Renstra DPUPR")).toBe(true);
    expect(m.saveMappingPreset).toHaveBeenCalledWith("Renstra DPUPR", expect.objectContaining({ layout: "iku" }));
    w.usePreset("Renstra DPUPR");
    expect(w.state.headerRows).toBe(3);
    expect(w.options().mapping?.header_rows).toBe(3);
  });

  test("into this document: one core call, the view taken, the wizard closed", async () => {
    await started();
    const view = sampleView(undefined, { can_undo: true });
    m.sheetImport.mockResolvedValueOnce(view);
    expect(await w.importTo("current")).toBe(true);
    expect(m.sheetImport).toHaveBeenCalledWith("/data/iku.xlsx", expect.objectContaining({ layout: "iku" }), "current", null);
    expect(ed.state.view).toBe(view);
    expect(ed.state.dialog).toBeNull();
    expect(ed.state.toasts.at(-1)?.text).toMatch(/Impor dari iku\.xlsx selesai.*Ctrl\+Z/);
  });

  test("as a new document: the save dialog, then the new file opens", async () => {
    await started();
    m.pickSavePath.mockResolvedValueOnce("/data/iku.pokin");
    const view = sampleView(undefined, { path: "/data/iku.pokin" });
    m.sheetImport.mockResolvedValueOnce(view);
    expect(await w.importTo("new")).toBe(true);
    expect(m.pickSavePath).toHaveBeenCalledWith("iku.pokin");
    expect(m.sheetImport).toHaveBeenCalledWith("/data/iku.xlsx", expect.anything(), "new", "/data/iku.pokin");
    expect(ed.state.view?.path).toBe("/data/iku.pokin");
    expect(ed.state.dialog).toBeNull();
  });

  test("a refused import stays in the wizard with the reason; the document is the same", async () => {
    await started();
    const before = ed.state.view;
    m.sheetImport.mockRejectedValueOnce("Sheet 'IKU', baris 14, kolom H: target bukan angka");
    expect(await w.importTo("current")).toBe(false);
    expect(ed.state.dialog).toBe("import-sheet");
    expect(w.state.error).toMatch(/baris 14, kolom H/);
    expect(ed.state.view).toBe(before);
  });

  test("a read-only document takes no import: only as a new document", async () => {
    ed.set({ view: sampleView(undefined, { read_only: "berkas dari versi lebih baru" }) });
    await started();
    expect(w.state.target).toBe("new");
    expect(await w.importTo("current")).toBe(false);
    expect(m.sheetImport).not.toHaveBeenCalled();
    const html = renderToStaticMarkup(<ImportWizard wizard={w} />);
    expect(html).not.toContain("sheet-import-current");
    expect(html).toContain("sheet-import-new");
  });

  test("the dialog: sheets with hidden ones marked, the mapping table, the outline, counts and messages", async () => {
    await started();
    ed.set({ dialog: "import-sheet" });
    const html = renderToStaticMarkup(<ImportWizard wizard={w} />);
    expect(html).toContain("Lama (tersembunyi)");
    expect(html).toContain('data-testid="sheet-col-E"');
    expect(html).toContain("97,81");
    // The role select shows the column's role; statement options carry the document's level names.
    expect(html).toMatch(/data-testid="sheet-role-E"[^]*?<option value="target:2025" selected="">Target tahun 2025<\/option>/);
    expect(html).toContain("Pernyataan level 2 – Sasaran");
    expect(html).toContain("Meningkatnya jalan mantap");
    expect(html).toContain("2 indikator");
    expect(html).toContain("Pagu: Rp 6.850.200.218");
    expect(html).toContain("Baris tersembunyi dilewati: 14, 15");
    expect(html).toContain("Baris 14, kolom H: nilai #REF! dilewati");
    expect(html).toContain("Impor ke dokumen ini");
    expect(html).toContain("Impor sebagai dokumen baru…");
  });
});
