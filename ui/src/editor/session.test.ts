import { vi } from "vitest";
import { m, opened, resetApi } from "../test/editor";
import { Editor } from "./editor";
import { sampleLayout, sampleView } from "../test/fixtures";

// The shell, mocked: every command of api.ts is a vi.fn().
vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

describe("opening", () => {
  test("at launch: the document given on the command line, the samples and the recent files", async () => {
    m.currentDocument.mockResolvedValue(sampleView());
    const e = new Editor();
    await e.init();
    expect(e.state.screen).toBe("main");
    expect(e.state.samples).toHaveLength(1);
    expect(e.state.layout).toEqual(sampleLayout());
    expect(e.state.selection).toBe("n0");
    expect(m.treeLayout).toHaveBeenCalledWith([], false);
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
