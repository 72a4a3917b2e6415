import { vi, type Mock } from "vitest";
import * as api from "./api";
import { Editor } from "./editor";
import { sampleDoc, sampleLayout, sampleProcesses, sampleView } from "./test/fixtures";
import type { Document, DocumentView, Op } from "./types";

vi.mock("./api", () => ({
  currentDocument: vi.fn(),
  listSamples: vi.fn(),
  openSample: vi.fn(),
  openDocument: vi.fn(),
  newDocument: vi.fn(),
  recentFiles: vi.fn(),
  saveAs: vi.fn(),
  markFinal: vi.fn(),
  newDraft: vi.fn(),
  applyOp: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
  createSnapshot: vi.fn(),
  listSnapshots: vi.fn(),
  treeLayout: vi.fn(),
  processMapLayout: vi.fn(),
  flowLayout: vi.fn(),
  pickOpenPath: vi.fn(),
  pickSavePath: vi.fn(),
  pickPdfPath: vi.fn(),
  printPreview: vi.fn(),
  printPdf: vi.fn(),
  setWindowTitle: vi.fn(),
}));

const m = api as unknown as Record<keyof typeof api, Mock>;

/** A view whose document is `doc` changed by `change`. */
function viewWith(change: (d: Document) => void, patch: Partial<DocumentView> = {}): DocumentView {
  const doc = sampleDoc();
  change(doc);
  return sampleView(doc, patch);
}

async function opened(view = sampleView()): Promise<Editor> {
  const e = new Editor();
  m.openSample.mockResolvedValueOnce(view);
  await e.openSample("lumajang-bkd");
  return e;
}

beforeEach(() => {
  vi.clearAllMocks();
  m.treeLayout.mockResolvedValue(sampleLayout());
  m.recentFiles.mockResolvedValue(["/a.pokin"]);
  m.listSamples.mockResolvedValue([{ key: "lumajang-bkd", title: "T", agency: "A", government: "G" }]);
  m.setWindowTitle.mockResolvedValue(undefined);
});

describe("opening", () => {
  test("at launch: the document given on the command line, the samples and the recent files", async () => {
    m.currentDocument.mockResolvedValue(sampleView());
    const e = new Editor();
    await e.init();
    expect(e.state.screen).toBe("main");
    expect(e.state.samples).toHaveLength(1);
    expect(e.state.layout).toEqual(sampleLayout());
    expect(e.state.selection).toBe("n0");
    expect(m.treeLayout).toHaveBeenCalledWith([]);
    expect(m.setWindowTitle).toHaveBeenLastCalledWith("uji.pokin — Pokin Studio");
  });
  test("a launch file that could not be opened: its message on the start screen", async () => {
    m.currentDocument.mockRejectedValue("lumajang.pokin: berkas rusak");
    const e = new Editor();
    await e.init();
    expect(e.state.screen).toBe("start");
    expect(e.state.startError).toBe("lumajang.pokin: berkas rusak");
    expect(e.state.samples).toHaveLength(1);
  });
  test("nothing at launch: the start screen", async () => {
    m.currentDocument.mockResolvedValue(null);
    const e = new Editor();
    await e.init();
    expect(e.state.screen).toBe("start");
    expect(m.setWindowTitle).toHaveBeenCalledWith("Pokin Studio");
  });
  test("a read-only file says so in the title", async () => {
    await opened(sampleView(undefined, { read_only: "dibuat versi lebih baru" }));
    expect(m.setWindowTitle).toHaveBeenLastCalledWith("uji.pokin (hanya-baca) — Pokin Studio");
  });
  test("open from the native dialog; cancel does nothing", async () => {
    const e = new Editor();
    m.pickOpenPath.mockResolvedValueOnce(null);
    expect(await e.openWithDialog()).toBe(false);
    expect(m.openDocument).not.toHaveBeenCalled();
    m.pickOpenPath.mockResolvedValueOnce("/x/bkd.pokin");
    m.openDocument.mockResolvedValueOnce(sampleView());
    expect(await e.openWithDialog()).toBe(true);
    expect(m.openDocument).toHaveBeenCalledWith("/x/bkd.pokin");
  });
  test("a file that will not open: the message on the start screen, or as a toast from the main screen", async () => {
    const e = new Editor();
    m.openDocument.mockRejectedValueOnce("bukan berkas Pokin");
    await e.openPath("/x.pokin");
    expect(e.state.startError).toBe("bukan berkas Pokin");
    const f = await opened();
    m.openDocument.mockRejectedValueOnce("terkunci");
    await f.openPath("/y.pokin");
    expect(f.state.toasts.map((t) => t.text)).toEqual(["terkunci"]);
    expect(f.state.screen).toBe("main");
  });
  test("new document: fields, then the save dialog for the path", async () => {
    const e = new Editor();
    m.pickSavePath.mockResolvedValueOnce("/d/bkd.pokin");
    m.newDocument.mockResolvedValueOnce(sampleView());
    await e.createDocument({ title: "Pohon Kinerja BKD", agency: "BKD", government: "Kab", from: 2025, to: 2029 });
    expect(m.pickSavePath).toHaveBeenCalledWith("pohon-kinerja-bkd.pokin");
    expect(m.newDocument).toHaveBeenCalledWith({ path: "/d/bkd.pokin", title: "Pohon Kinerja BKD", agency: "BKD", government: "Kab", from: 2025, to: 2029 });
    expect(e.state.screen).toBe("main");
  });
  test("save as", async () => {
    const e = await opened();
    m.pickSavePath.mockResolvedValueOnce("/d/salinan.pokin");
    m.saveAs.mockResolvedValueOnce(sampleView(undefined, { path: "/d/salinan.pokin" }));
    expect(await e.saveAsWithDialog()).toBe(true);
    expect(m.saveAs).toHaveBeenCalledWith("/d/salinan.pokin");
    expect(e.state.view!.path).toBe("/d/salinan.pokin");
    expect(m.setWindowTitle).toHaveBeenLastCalledWith("salinan.pokin — Pokin Studio");
  });
});

describe("edits", () => {
  test("an op is sent, the returned view replaces the state, the layout is asked again", async () => {
    const e = await opened();
    const next = viewWith((d) => (d.tree.nodes![1].statement = "Baru"));
    m.applyOp.mockResolvedValueOnce(next);
    m.treeLayout.mockClear();
    await e.apply({ op: "delete_node", id: "n6" });
    expect(e.state.view).toBe(next);
    await Promise.resolve();
    expect(m.treeLayout).toHaveBeenCalledTimes(1);
  });
  test("a refusal is shown, never swallowed, and the document stays", async () => {
    const e = await opened();
    const before = e.state.view;
    m.applyOp.mockRejectedValueOnce("\"Seleksi\" ada di Output, jadi induknya harus di level 1.");
    expect(await e.drop("n3", "n0")).toBeNull();
    expect(m.applyOp).toHaveBeenCalledWith({ op: "move_node", id: "n3", parent: "n0" }, expect.anything());
    expect(e.state.toasts.at(-1)).toMatchObject({ kind: "error", text: expect.stringContaining("induknya harus di level 1") });
    expect(e.state.view).toBe(before);
  });
  test("edits reach the core in order; a patch sees the previous edit's result", async () => {
    const e = await opened();
    const first = viewWith((d) => (d.tree.nodes![1].statement = "Satu"));
    let release!: () => void;
    m.applyOp.mockImplementationOnce(() => new Promise((r) => (release = () => r(first))));
    m.applyOp.mockImplementationOnce(async (op: Op) => viewWith((d) => (d.tree.nodes![1] = (op as Op & { op: "update_node" }).node)));
    const a = e.patchNode("n1", (n) => ({ ...n, statement: "Satu" }));
    const b = e.patchNode("n1", (n) => ({ ...n, phenomenon: n.statement + " fenomena" }));
    await Promise.resolve();
    release();
    await a;
    await b;
    const second = m.applyOp.mock.calls[1][0] as Op & { op: "update_node" };
    expect(second.node.statement).toBe("Satu");
    expect(second.node.phenomenon).toBe("Satu fenomena");
    expect(e.state.pending).toBe(0);
  });
  test("a patch that changes nothing sends nothing", async () => {
    const e = await opened();
    await e.patchNode("n1", (n) => ({ ...n }));
    await e.patchNode("n1", () => null);
    await e.patchNode("zz", (n) => n);
    expect(m.applyOp).not.toHaveBeenCalled();
  });
  test("add child: the new node (found by diff) is selected and opened for typing", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockResolvedValueOnce(viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "" })));
    expect(await e.addChild()).toBe("n7");
    expect(m.applyOp).toHaveBeenCalledWith({ op: "add_node", node: { id: "", level: 2, statement: "" }, parent: "n1" }, expect.anything());
    expect(e.state.selection).toBe("n7");
    expect(e.state.editing).toBe("n7");
    expect(e.state.center?.id).toBe("n7");
  });
  test("add child of a collapsed node unfolds it first", async () => {
    const e = await opened();
    await e.toggleCollapse("n1");
    expect(e.state.collapsed).toEqual(["n1"]);
    m.applyOp.mockResolvedValueOnce(viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "" })));
    await e.addChild("n1");
    expect(e.state.collapsed).toEqual([]);
  });
  test("add below the lowest level: the reason, no op", async () => {
    const e = await opened();
    expect(await e.addChild("n3")).toBeNull();
    expect(m.applyOp).not.toHaveBeenCalled();
    expect(e.state.toasts.at(-1)!.text).toContain("level terbawah");
  });
  test("add sibling; in an empty tree, a level-0 root", async () => {
    const e = await opened();
    m.applyOp.mockResolvedValueOnce(viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "" })));
    await e.addSibling("n3");
    expect(m.applyOp).toHaveBeenLastCalledWith({ op: "add_node", node: { id: "", level: 2, statement: "" }, parent: "n1", before: "n2" }, expect.anything());
    const empty = await opened(viewWith((d) => (d.tree.nodes = [])));
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.tree.nodes = [{ id: "n1", level: 0, statement: "" }])));
    expect(await empty.addSibling(null)).toBe("n1");
    expect(m.applyOp).toHaveBeenLastCalledWith({ op: "add_node", node: { id: "", level: 0, statement: "" } }, expect.anything());
  });
  test("delete asks first (mentioning undo), then selects a neighbour", async () => {
    const e = await opened();
    e.select("n1");
    e.requestDelete();
    expect(m.applyOp).not.toHaveBeenCalled();
    expect(e.state.confirm?.message).toContain("2 simpul di bawahnya");
    expect(e.state.confirm?.message).toContain("Urungkan");
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.tree.nodes = d.tree.nodes!.filter((n) => !["n1", "n3", "n4"].includes(n.id)))));
    e.answerConfirm(true);
    await vi.waitFor(() => expect(e.state.selection).toBe("n2"));
    expect(m.applyOp).toHaveBeenCalledWith({ op: "delete_node", id: "n1" }, expect.anything());
    expect(e.state.confirm).toBeNull();
  });
  test("delete declined: nothing sent", async () => {
    const e = await opened();
    e.requestDelete("n5");
    e.answerConfirm(false);
    expect(m.applyOp).not.toHaveBeenCalled();
  });
  test("read-only: no edits from the keyboard", async () => {
    const e = await opened(sampleView(undefined, { read_only: "versi baru" }));
    e.select("n1");
    await e.addChild();
    await e.addSibling();
    e.requestDelete();
    e.startEdit();
    expect(m.applyOp).not.toHaveBeenCalled();
    expect(e.state.confirm).toBeNull();
    expect(e.state.editing).toBeNull();
  });
  test("statement edited in place is one update_node", async () => {
    const e = await opened();
    e.startEdit("n3");
    expect(e.state.editing).toBe("n3");
    m.applyOp.mockResolvedValueOnce(sampleView());
    await e.commitEdit("n3", "  Terlaksananya\nseleksi ASN ");
    expect(e.state.editing).toBeNull();
    expect(m.applyOp).toHaveBeenCalledWith({ op: "update_node", node: { id: "n3", level: 2, statement: "Terlaksananya seleksi ASN" } }, expect.anything());
  });
  test("undo and redo go through the core; their refusal is shown", async () => {
    const e = await opened();
    const undone = viewWith((d) => (d.tree.nodes = d.tree.nodes!.slice(0, 3)), { can_redo: true });
    m.undo.mockResolvedValueOnce(undone);
    e.select("n6");
    await e.undo();
    expect(e.state.view).toBe(undone);
    expect(e.state.selection).toBeNull();
    m.redo.mockRejectedValueOnce("Tidak ada yang dapat diulangi");
    await e.redo();
    expect(e.state.toasts.at(-1)!.text).toBe("Tidak ada yang dapat diulangi");
  });
  test("reorder sends move_node", async () => {
    const e = await opened();
    m.applyOp.mockResolvedValueOnce(sampleView());
    await e.reorder(-1, "n4");
    expect(m.applyOp).toHaveBeenCalledWith({ op: "move_node", id: "n4", before: "n3" }, expect.anything());
  });
  test("accept a finding asks for a reason; switching a rule off asks to confirm", async () => {
    const e = await opened();
    const f = e.state.view!.report.findings[1];
    e.requestAccept(f);
    expect(e.state.prompt?.title).toBe("Terima temuan P014");
    m.applyOp.mockResolvedValueOnce(sampleView());
    e.answerPrompt("Dikerjakan bersama");
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalled());
    const op = m.applyOp.mock.calls[0][0];
    expect(op).toMatchObject({ op: "accept_finding", accepted: { rule: "P014", target: { node: "n3" }, reason: "Dikerjakan bersama" } });
    e.switchRuleOff("P016");
    m.applyOp.mockResolvedValueOnce(sampleView());
    e.answerConfirm(true);
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenLastCalledWith({ op: "set_rule", rule: "P016", setting: "off" }, expect.anything()));
  });
});

describe("view state", () => {
  test("arrows move the selection over the layout", async () => {
    const e = await opened();
    e.select("n1");
    e.navigate("down");
    expect(e.state.selection).toBe("n3");
    e.navigate("right");
    expect(e.state.selection).toBe("n4");
    e.navigate("up");
    expect(e.state.selection).toBe("n1");
  });
  test("collapse and expand ask for a new layout with the collapsed set", async () => {
    const e = await opened();
    await e.toggleCollapse("n1");
    expect(m.treeLayout).toHaveBeenLastCalledWith(["n1"]);
    await e.toggleCollapse("n5");
    expect(e.state.collapsed).toEqual(["n1"]);
    await e.toggleCollapse("n1");
    expect(m.treeLayout).toHaveBeenLastCalledWith([]);
  });
  test("collapse to a level", async () => {
    const e = await opened();
    await e.collapseToLevel(1);
    expect(e.state.collapsed).toEqual(["n1", "n2"]);
    await e.expandAll();
    expect(e.state.collapsed).toEqual([]);
  });
  test("reveal unfolds the ancestors, selects and asks to centre", async () => {
    const e = await opened();
    await e.collapseToLevel(0);
    await e.collapseToLevel(1);
    expect(e.state.collapsed).toEqual(["n1", "n2"]);
    await e.reveal("n4");
    expect(e.state.collapsed).toEqual(["n2"]);
    expect(e.state.selection).toBe("n4");
    expect(e.state.center?.id).toBe("n4");
  });
  test("a finding's node is revealed; a unit finding opens the units editor", async () => {
    const e = await opened();
    e.showFinding(e.state.view!.report.findings[2]);
    await vi.waitFor(() => expect(e.state.selection).toBe("n1"));
    e.showFinding(e.state.view!.report.findings[6]);
    expect(e.state.dialog).toBe("units");
  });
  test("a later layout request wins over an earlier slower one", async () => {
    const e = await opened();
    let slow!: (l: unknown) => void;
    const old = { ...sampleLayout(), width: 1 };
    const fresh = { ...sampleLayout(), width: 2 };
    m.treeLayout.mockImplementationOnce(() => new Promise((r) => (slow = r)));
    m.treeLayout.mockResolvedValueOnce(fresh);
    const a = e.refreshLayout();
    const b = e.refreshLayout();
    await b;
    slow(old);
    await a;
    expect(e.state.layout).toBe(fresh);
  });
  test("the selection survives edits where its node still exists, and collapsed ids of deleted nodes go", async () => {
    const e = await opened();
    e.select("n4");
    await e.toggleCollapse("n1");
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.tree.nodes = d.tree.nodes!.filter((n) => !["n1", "n3", "n4"].includes(n.id)))));
    await e.apply({ op: "delete_node", id: "n1" });
    expect(e.state.selection).toBeNull();
    expect(e.state.collapsed).toEqual([]);
  });
  test("search results are jumped to in turn, wrapping", async () => {
    const e = await opened();
    e.setSearchQuery("meningkatnya");
    e.jumpToResult(["n0", "n1"], 2);
    expect(e.state.search.index).toBe(0);
    e.jumpToResult(["n0", "n1"], -1);
    expect(e.state.search.index).toBe(1);
    await vi.waitFor(() => expect(e.state.selection).toBe("n1"));
    e.closeSearch();
    expect(e.state.search.open).toBe(false);
  });
  test("notices go away by themselves; errors stay until closed; at most four kept", async () => {
    vi.useFakeTimers();
    const e = new Editor();
    e.toast("Disimpan", "info");
    e.toast("Galat");
    vi.advanceTimersByTime(5000);
    expect(e.state.toasts.map((t) => t.text)).toEqual(["Galat"]);
    for (let i = 0; i < 5; i++) e.toast(`g${i}`);
    expect(e.state.toasts).toHaveLength(4);
    e.dismiss(e.state.toasts[0].id);
    expect(e.state.toasts).toHaveLength(3);
    vi.useRealTimers();
  });
});

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

describe("process maps", () => {
  function withProcesses(d: Document): void {
    d.processes = sampleProcesses();
  }
  const emptyMap = { width: 100, height: 100, parent: null, goal: { x: 0, y: 0, width: 1, height: 1 }, goal_text: { x: 0, y: 0, width: 1, lines: [], size: 8, bold: true, centred: true }, inputs: null, outputs: null, arrows: [], bands: [], boxes: [] };
  const emptyFlow = { columns: [], header_height: 10, rows: [], symbols: [], arrows: [], pages: 1, font_size: 7, line_height: 8.75 };

  beforeEach(() => {
    m.processMapLayout.mockResolvedValue(emptyMap);
    m.flowLayout.mockResolvedValue(emptyFlow);
  });

  test("switching to the map asks the core for its layout at the room on screen; edits then refresh the map, not the tree", async () => {
    const e = await opened(viewWith(withProcesses));
    e.setMode("map");
    await vi.waitFor(() => expect(e.state.mapLayout).toEqual(emptyMap));
    expect(m.processMapLayout).toHaveBeenCalledWith(null, expect.any(Number), expect.any(Number));
    m.treeLayout.mockClear();
    m.applyOp.mockResolvedValueOnce(viewWith(withProcesses));
    await e.toggleOwner("p1", "sek");
    expect(m.applyOp).toHaveBeenCalledWith({ op: "update_process", process: { id: "p1", category: "core", name: "Manajemen ASN", owners: ["kaban", "sek"], nodes: ["n1"] } }, expect.anything());
    await vi.waitFor(() => expect(m.processMapLayout).toHaveBeenCalledTimes(2));
    expect(m.treeLayout).not.toHaveBeenCalled();
  });

  test("a finding on a step opens its flow with the step selected; one on a sub-process opens its parent's map", async () => {
    const e = await opened(viewWith(withProcesses));
    e.showFinding({ rule: "B009", severity: "warning", target: { step: ["f1", "s2"] }, message: "m" });
    expect(e.state.mode).toBe("flow");
    expect(e.state.flow).toBe("f1");
    expect(e.state.step).toBe("s2");
    await vi.waitFor(() => expect(m.flowLayout).toHaveBeenCalledWith("f1", expect.any(Number)));
    e.showFinding({ rule: "B001", severity: "warning", target: { process: "p2" }, message: "m" });
    expect(e.state.mode).toBe("map");
    expect(e.state.mapParent).toBe("p1");
    expect(e.state.process).toBe("p2");
  });

  test("a new decision is selected and opened for typing; its text goes into the step", async () => {
    const e = await opened(viewWith(withProcesses));
    e.openFlow("f1", "s2");
    m.applyOp.mockResolvedValueOnce(viewWith(withProcesses));
    const id = await e.insertStep("decision");
    expect(id).toBe("s4");
    expect(e.state.stepEditing).toEqual({ step: "s4", field: "text" });
    const sent = m.applyOp.mock.calls[0][0] as Op;
    expect(sent).toMatchObject({ op: "batch", label: "Tambah keputusan" });
  });

  test("a selection that no longer exists is dropped when the core answers", async () => {
    const e = await opened(viewWith(withProcesses));
    e.openFlow("f1", "s3");
    e.selectProcess("p2");
    m.applyOp.mockResolvedValueOnce(
      viewWith((d) => {
        withProcesses(d);
        d.processes!.flows![0].steps.pop();
        d.processes!.map!.processes!.pop();
      }),
    );
    await e.apply({ op: "delete_step", flow: "f1", id: "s3" });
    expect(e.state.step).toBeNull();
    expect(e.state.process).toBeNull();
    expect(e.state.flow).toBe("f1");
  });

  test("picking in the tree: the node clicked is linked to the process, then the process is shown again", async () => {
    const e = await opened(viewWith(withProcesses));
    e.openProcessMap(null, "p3");
    e.startPickNode("p3");
    expect(e.state.mode).toBe("tree");
    expect(e.state.picking).toEqual({ process: "p3" });
    m.applyOp.mockResolvedValueOnce(viewWith(withProcesses));
    await e.pickNode("n5");
    expect(m.applyOp).toHaveBeenCalledWith({ op: "update_process", process: { id: "p3", category: "core", name: "Penilaian kinerja", nodes: ["n1", "n2", "n5"] } }, expect.anything());
    expect(e.state.picking).toBeNull();
    expect(e.state.mode).toBe("map");
    expect(e.state.process).toBe("p3");
    expect(e.state.toasts.at(-1)?.text).toBe('Proses "Penilaian kinerja" melayani "Terkelolanya Arsip".');
  });

  test("a pick is refused on an outside node, and cancelled by leaving the tree", async () => {
    const e = await opened(viewWith(withProcesses));
    e.startPickNode("p3");
    await e.pickNode("ext:X/n9");
    expect(m.applyOp).not.toHaveBeenCalled();
    expect(e.state.picking).toEqual({ process: "p3" });
    e.setMode("flow");
    expect(e.state.picking).toBeNull();
  });
});

describe("final versions", () => {
  test("Tetapkan sebagai final: a name is asked, the core marks it, the view becomes read-only", async () => {
    const e = await opened();
    e.requestMarkFinal();
    expect(e.state.prompt?.title).toBe("Tetapkan sebagai final");
    expect(e.state.prompt?.initial).toMatch(/^Ditetapkan \d{4}-\d{2}-\d{2}$/);
    m.markFinal.mockResolvedValueOnce(sampleView(undefined, { read_only: "dokumen ini sudah ditetapkan (final)" }));
    e.answerPrompt(" Renstra ditetapkan ");
    await vi.waitFor(() => expect(e.readOnly).toBe(true));
    expect(m.markFinal).toHaveBeenCalledWith("Renstra ditetapkan");
    expect(e.state.toasts.at(-1)?.text).toBe('Ditetapkan sebagai versi final "Renstra ditetapkan". Dokumen ini tidak dapat diubah lagi.');
  });

  test("Draf baru: the save dialog names it after the file, and the draft opens", async () => {
    const e = await opened(sampleView(undefined, { path: "/d/bkd.pokin" }));
    m.pickSavePath.mockResolvedValueOnce("/d/bkd-draf.pokin");
    m.newDraft.mockResolvedValueOnce(sampleView(undefined, { path: "/d/bkd-draf.pokin" }));
    expect(await e.newDraftWithDialog()).toBe(true);
    expect(m.pickSavePath).toHaveBeenCalledWith("bkd-draf.pokin");
    expect(m.newDraft).toHaveBeenCalledWith("/d/bkd-draf.pokin");
    expect(e.state.view?.path).toBe("/d/bkd-draf.pokin");
  });
});
