// Berkas › Ekspor ke Excel… (issue #15): the tables, what each sends, the save dialog.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { editor, initialState } from "../../editor";
import { m, resetApi } from "../../test/editor";
import { sampleDoc, sampleView } from "../../test/fixtures";
import { defaultYear, exportOptions, exportProblem, ExportXlsxDialog, exportWithDialog, initialExportForm, suggestedXlsxName, XLSX_TABLES } from "./ExportXlsxDialog";

vi.mock("../../api", () => import("../../test/apiMock"));

beforeEach(() => resetApi());
afterEach(() => {
  editor.state = initialState();
});

describe("the Excel export", () => {
  test("every table the core writes, in Indonesian", () => {
    expect(XLSX_TABLES.map((t) => t.label)).toEqual([
      "Matriks Cascading",
      "IKU Renstra",
      "Perjanjian Kinerja",
      "KKE Format 1",
      "KKE Format 2",
      "SOP",
      "Tabel capaian",
      "Tabel anggaran",
    ]);
  });

  test("only the fields a table uses are sent", () => {
    const form = { ...initialExportForm(sampleDoc()), year: 2026 };
    expect(exportOptions(form)).toEqual({ table: "cascading", paper: "F4" });
    expect(exportOptions({ ...form, table: "pk" })).toEqual({ table: "pk", paper: "F4", year: 2026, unit: "kaban" });
    expect(exportOptions({ ...form, table: "capaian", paper: "A3" })).toEqual({ table: "capaian", paper: "A3", year: 2026 });
    expect(exportOptions({ ...form, table: "sop", flow: "f1" })).toEqual({ table: "sop", paper: "F4", flow: "f1" });
  });

  test("the year: this one inside the period, else its nearest end", () => {
    const doc = sampleDoc(); // 2025–2027
    expect(defaultYear(doc, 2026)).toBe(2026);
    expect(defaultYear(doc, 2030)).toBe(2027);
    expect(defaultYear(doc, 2020)).toBe(2025);
  });

  test("a SOP without flows, a PK without units: said, not sent", () => {
    const doc = sampleDoc();
    const form = initialExportForm(doc);
    expect(exportProblem(doc, { ...form, table: "sop" })).toMatch(/belum punya peta lintas fungsi/);
    expect(exportProblem({ ...doc, units: [] }, { ...form, table: "pk", unit: "" })).toMatch(/belum punya unit kerja/);
    expect(exportProblem(doc, form)).toBeNull();
  });

  test("the save dialog, then the workbook at the path chosen", async () => {
    m.pickXlsxPath.mockResolvedValueOnce("/data/uji-iku.xlsx");
    m.exportXlsx.mockResolvedValueOnce("/data/uji-iku.xlsx");
    const onError = vi.fn();
    const form = { ...initialExportForm(sampleDoc()), table: "iku" as const };
    expect(await exportWithDialog("/data/uji.pokin", form, onError)).toBe("/data/uji-iku.xlsx");
    expect(m.pickXlsxPath).toHaveBeenCalledWith("uji-iku.xlsx");
    expect(m.exportXlsx).toHaveBeenCalledWith({ table: "iku", paper: "F4" }, "/data/uji-iku.xlsx");
    expect(onError).not.toHaveBeenCalled();
  });

  test("cancelled: nothing written; refused: the reason", async () => {
    const form = initialExportForm(sampleDoc());
    m.pickXlsxPath.mockResolvedValueOnce(null);
    expect(await exportWithDialog("/d/x.pokin", form, vi.fn())).toBeNull();
    expect(m.exportXlsx).not.toHaveBeenCalled();
    m.pickXlsxPath.mockResolvedValueOnce("/d/x.xlsx");
    m.exportXlsx.mockRejectedValueOnce("ekspor Excel belum tersedia");
    const onError = vi.fn();
    expect(await exportWithDialog("/d/x.pokin", form, onError)).toBeNull();
    expect(onError).toHaveBeenCalledWith("ekspor Excel belum tersedia");
  });

  test("the suggested name", () => {
    expect(suggestedXlsxName("/a/Renstra BKD.pokin", "kke1")).toBe("Renstra BKD-kke1.xlsx");
  });

  test("the dialog: table select, paper F4 or A3, Ekspor…", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), dialog: "export-xlsx" };
    const html = renderToStaticMarkup(<ExportXlsxDialog />);
    expect(html).toContain('data-testid="xlsx-table"');
    expect(html).toContain("Matriks Cascading");
    expect(html).toContain("F4 (Folio)");
    expect(html).toContain("A3 melintang");
    expect(html).toContain("Ekspor…");
  });
});
