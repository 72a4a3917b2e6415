import { vi } from "vitest";
import { m, opened, resetApi } from "../test/editor";
import { Editor } from "./editor";
import { sampleView } from "../test/fixtures";

// The shell, mocked: every command of api.ts is a vi.fn().
vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

describe("printing", () => {
  const preview = (pages = 1, warnings: string[] = []) => ({ pages: Array.from({ length: pages }, (_, i) => `<svg viewBox="0 0 1190 842"><text>Lembar ${i + 1}</text></svg>`), warnings, width_pt: 1190.6, height_pt: 841.9 });
  const defaults = { view: "tree", paper: "A3", landscape: true, mode: "fit", scale: 1, margin_mm: 10, years: [], indicators: false, owners: false, numbering: false, findings: false, legend: true };

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("opening asks for the preview at once, with the default options", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview(2, ["Teks terkecil 4,2 pt (di bawah 6 pt): pakai kertas lebih besar atau mode poster."]));
    e.openPrint();
    expect(e.state.dialog).toBe("print");
    expect(e.state.print.loading).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(m.printPreview).toHaveBeenCalledTimes(1);
    expect(m.printPreview).toHaveBeenCalledWith(defaults);
    expect(e.state.print.loading).toBe(false);
    expect(e.state.print.preview?.pages).toHaveLength(2);
    expect(e.state.print.preview?.warnings[0]).toContain("di bawah 6 pt");
  });

  test("changes are debounced: one request 250 ms after the last change, with the form as it then is", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    m.printPreview.mockClear();
    e.setPrintForm({ paper: "A0" });
    await vi.advanceTimersByTimeAsync(200);
    e.setPrintForm({ mode: "poster", scale: "0,5" });
    e.togglePrintYear(2026);
    e.setPrintForm({ owners: true, margin: "5" });
    expect(e.state.print.loading).toBe(true);
    await vi.advanceTimersByTimeAsync(249);
    expect(m.printPreview).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(m.printPreview).toHaveBeenCalledTimes(1);
    expect(m.printPreview).toHaveBeenCalledWith({ ...defaults, paper: "A0", mode: "poster", scale: 0.5, margin_mm: 5, years: [2026], indicators: true, owners: true });
    expect(e.state.print.loading).toBe(false);
  });

  test("a later preview wins over an earlier one still under way", async () => {
    const e = await opened();
    let releaseFirst!: () => void;
    const first = preview(1);
    const second = preview(3);
    m.printPreview.mockImplementationOnce(() => new Promise((r) => (releaseFirst = () => r(first))));
    m.printPreview.mockResolvedValueOnce(second);
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    e.setPrintForm({ landscape: false });
    await vi.advanceTimersByTimeAsync(250);
    releaseFirst();
    await vi.advanceTimersByTimeAsync(0);
    expect(e.state.print.preview).toBe(second);
    expect(e.state.print.loading).toBe(false);
  });

  test("a wrong field asks for nothing; the save button's path refuses it too", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    m.printPreview.mockClear();
    e.setPrintForm({ margin: "abc" });
    expect(e.state.print.loading).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.printPreview).not.toHaveBeenCalled();
    expect(e.printOptions()).toBeNull();
    expect(await e.savePdf()).toBe(false);
    expect(m.pickPdfPath).not.toHaveBeenCalled();
    expect(e.state.toasts.at(-1)?.text).toContain("Margin harus angka");
  });

  test("a preview the core cannot make: its message as a toast, never swallowed", async () => {
    const e = await opened();
    m.printPreview.mockRejectedValueOnce("Kertas `B5` tidak dikenal");
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    expect(e.state.toasts.at(-1)).toMatchObject({ kind: "error", text: "Kertas `B5` tidak dikenal" });
    expect(e.state.print).toMatchObject({ loading: false, error: "Kertas `B5` tidak dikenal", preview: null });
    expect(e.state.dialog).toBe("print");
  });

  test("closing drops the preview waiting for its pause and the one under way", async () => {
    const e = await opened();
    let release!: () => void;
    m.printPreview.mockImplementationOnce(() => new Promise((r) => (release = () => r(preview()))));
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    e.closePrint();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(e.state.dialog).toBeNull();
    expect(e.state.print.preview).toBeNull();
    e.openPrint();
    e.setPrintForm({ legend: false });
    e.closePrint();
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.printPreview).toHaveBeenCalledTimes(1);
    expect(e.state.print.loading).toBe(false);
  });

  test("the options stay while the document is open, and start again for the next one", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    e.setPrintForm({ paper: "A1" });
    e.closePrint();
    e.openPrint();
    await vi.advanceTimersByTimeAsync(0);
    expect(m.printPreview).toHaveBeenLastCalledWith({ ...defaults, paper: "A1" });
    m.openSample.mockResolvedValueOnce(sampleView());
    await e.openSample("lain");
    expect(e.state.dialog).toBeNull();
    expect(e.state.print.form.paper).toBe("A3");
  });

  test("Simpan PDF: the save dialog named after the title, print_pdf, the dialog closes with a notice", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    e.setPrintForm({ paper: "A2", numbering: true });
    m.pickPdfPath.mockResolvedValueOnce("/home/p/Pohon Kinerja Uji.pdf");
    m.printPdf.mockResolvedValueOnce({ path: "/home/p/Pohon Kinerja Uji.pdf", pages: 4, warnings: [] });
    expect(await e.savePdf()).toBe(true);
    expect(m.pickPdfPath).toHaveBeenCalledWith("Pohon Kinerja Uji.pdf");
    expect(m.printPdf).toHaveBeenCalledWith({ ...defaults, paper: "A2", numbering: true }, "/home/p/Pohon Kinerja Uji.pdf");
    expect(e.state.dialog).toBeNull();
    expect(e.state.print.saving).toBe(false);
    expect(e.state.toasts.at(-1)).toMatchObject({ kind: "info", text: "PDF tersimpan: /home/p/Pohon Kinerja Uji.pdf (4 halaman)" });
    // The debounced preview of the closed dialog is not asked for.
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.printPreview).not.toHaveBeenCalled();
  });

  test("Simpan PDF cancelled in the save dialog: nothing written, the dialog stays", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    m.pickPdfPath.mockResolvedValueOnce(null);
    expect(await e.savePdf()).toBe(false);
    expect(m.printPdf).not.toHaveBeenCalled();
    expect(e.state.dialog).toBe("print");
  });

  test("a PDF that cannot be written: the message as a toast, the dialog stays open", async () => {
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openPrint();
    m.pickPdfPath.mockResolvedValueOnce("/ro/x.pdf");
    m.printPdf.mockRejectedValueOnce("/ro/x.pdf: Permission denied (os error 13)");
    expect(await e.savePdf()).toBe(false);
    expect(e.state.toasts.at(-1)).toMatchObject({ kind: "error", text: "/ro/x.pdf: Permission denied (os error 13)" });
    expect(e.state.dialog).toBe("print");
    expect(e.state.print.saving).toBe(false);
  });

  test("the save dialog itself failing is shown too", async () => {
    const e = await opened();
    e.openPrint();
    m.pickPdfPath.mockRejectedValueOnce("dialog tidak tersedia");
    expect(await e.savePdf()).toBe(false);
    expect(e.state.toasts.at(-1)?.text).toBe("dialog tidak tersedia");
  });

  test("openDialog(\"print\") goes the same way; nothing to print without a document", async () => {
    const none = new Editor();
    none.openPrint();
    expect(none.state.dialog).toBeNull();
    const e = await opened();
    m.printPreview.mockResolvedValue(preview());
    e.openDialog("print");
    await vi.advanceTimersByTimeAsync(0);
    expect(m.printPreview).toHaveBeenCalledTimes(1);
  });
});
