// Issue 9, "basics a planner expects": F2 seeds the document's text, a failed
// save is never "Tersimpan", Tab then Escape leaves no empty node, final with
// errors asks, document properties and rule settings in the app.
import { vi, type Mock } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import * as api from "./api";
import { Editor, editor, initialState } from "./editor";
import { TreeBox, buildNodes, type BoxNode } from "./components/TreeCanvas";
import { saveStateText, MainScreen } from "./components/MainScreen";
import { PromptDialog } from "./components/Overlays";
import { DocumentDialog } from "./components/DocumentDialog";
import { RulesDialog, RulesButton, forgetRules } from "./components/RulesDialog";
import { stepLabel } from "./components/FlowView";
import { blockContextMenu, keepsContextMenu } from "./contextMenu";
import { sampleDoc, sampleLayout, sampleView } from "./test/fixtures";
import type { Document, DocumentView, LayoutBox, TreeLayout } from "./types";
import { ReactFlowProvider, type NodeProps } from "@xyflow/react";

vi.mock("./api", () => ({
  currentDocument: vi.fn(),
  listSamples: vi.fn(),
  openSample: vi.fn(),
  recentFiles: vi.fn(),
  applyOp: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
  treeLayout: vi.fn(),
  listRules: vi.fn(),
  markFinal: vi.fn(),
  setWindowTitle: vi.fn(),
}));
const m = api as unknown as Record<keyof typeof api, Mock>;

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
  editor.state = initialState();
  forgetRules();
  m.treeLayout.mockResolvedValue(sampleLayout());
  m.recentFiles.mockResolvedValue([]);
  m.setWindowTitle.mockResolvedValue(undefined);
});

describe("F2 seeds the statement from the document, not from the wrapped lines", () => {
  const STATEMENTS = {
    n1: "Meningkatnya Rehabilitasi/Renovasi Gedung Kantor",
    n2: "Terwujudnya Pembangunan berkelanjutan di Daerah",
  };
  function wrapped(): { doc: Document; layout: TreeLayout } {
    const doc = sampleDoc();
    doc.tree.nodes![1].statement = STATEMENTS.n1;
    doc.tree.nodes![3].statement = STATEMENTS.n2;
    const layout = sampleLayout();
    // As the core wraps them in a narrow box: after the slash, and a hyphenated syllable break.
    layout.boxes.find((b) => b.id === "n1")!.lines = ["Meningkatnya", "Rehabilitasi/", "Renovasi Gedung", "Kantor"];
    layout.boxes.find((b) => b.id === "n2")!.lines = ["Terwujudnya", "Pembangunan ber-", "kelanjutan di Daerah"];
    return { doc, layout };
  }
  function nodeFor(id: string): BoxNode {
    const { doc, layout } = wrapped();
    const statements = new Map(doc.tree.nodes!.map((n) => [n.id, n.statement]));
    return buildNodes(layout, new Map(), (x) => statements.get(x), () => false, [], new Set(), false).find((n) => n.id === id)!;
  }
  function editorText(id: string): string {
    const node = nodeFor(id);
    const props = { id, data: { ...node.data, editing: true }, selected: true } as unknown as NodeProps<BoxNode>;
    const html = renderToStaticMarkup(
      <ReactFlowProvider>
        <TreeBox {...props} />
      </ReactFlowProvider>,
    );
    const match = /<textarea[^>]*data-testid="edit-[^"]+"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
    return match ? match[1] : "(no editor)";
  }

  test("a slash-wrapped and a hyphen-wrapped statement are seeded byte-identical", () => {
    expect(nodeFor("n1").data.statement).toBe(STATEMENTS.n1);
    expect(nodeFor("n2").data.statement).toBe(STATEMENTS.n2);
    expect(editorText("n1")).toBe(STATEMENTS.n1);
    expect(editorText("n2")).toBe(STATEMENTS.n2);
  });
  test("the box still shows the core's lines; its tooltip is the statement", () => {
    const node = nodeFor("n2");
    const html = renderToStaticMarkup(
      <ReactFlowProvider>
        <TreeBox {...({ id: "n2", data: node.data, selected: false } as unknown as NodeProps<BoxNode>)} />
      </ReactFlowProvider>,
    );
    expect(html).toContain("Pembangunan ber-\nkelanjutan di Daerah");
    expect(html).toContain(`title="${STATEMENTS.n2}"`);
  });
  test("F2 then Enter without typing sends nothing", async () => {
    const { doc } = wrapped();
    const e = await opened(sampleView(doc));
    e.startEdit("n2");
    await e.commitEdit("n2", nodeFor("n2").data.statement);
    expect(m.applyOp).not.toHaveBeenCalled();
  });
  test("a flow row's name is the step's text, not its wrapped cell", () => {
    expect(stepLabel({ id: "s1", number: 3, text: "Rehabilitasi/Renovasi berkas", lane: "a", shape: "process" }, "3")).toBe("Langkah 3: Rehabilitasi/Renovasi berkas");
  });
});

describe("a save that fails is never shown as saved", () => {
  const DISK_FULL = "Perubahan tidak dapat disimpan ke lumajang.pokin: disk penuh. Kosongkan ruang penyimpanan lalu coba lagi.";
  test("apply rejected: the error, 'Gagal menyimpan', the document as the core last returned it", async () => {
    const e = await opened();
    const before = e.state.view;
    m.applyOp.mockRejectedValueOnce(DISK_FULL);
    expect(await e.patchNode("n1", (n) => ({ ...n, statement: "Baru" }))).toBeNull();
    expect(e.state.view).toBe(before);
    expect(e.state.saveError).toBe(DISK_FULL);
    expect(e.state.toasts.at(-1)).toMatchObject({ kind: "error", text: DISK_FULL });
    expect(saveStateText(false, e.state.pending, e.state.saveError)).toBe("Gagal menyimpan");
    // The header says so.
    editor.state = e.state;
    const html = renderToStaticMarkup(<MainScreen />);
    expect(html).toMatch(/data-testid="save-state"[^>]*data-state="failed"|data-state="failed"[^>]*data-testid="save-state"/);
    expect(html).toContain(">Gagal menyimpan<");
    expect(html).not.toContain(">Tersimpan<");
    // The next edit that is saved clears it.
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.tree.nodes![1].statement = "Baru")));
    await e.patchNode("n1", (n) => ({ ...n, statement: "Baru" }));
    expect(e.state.saveError).toBeNull();
    expect(saveStateText(false, 0, e.state.saveError)).toBe("Tersimpan");
  });
  test("undo and redo rejected: the same", async () => {
    const e = await opened(sampleView(undefined, { can_undo: true, can_redo: true }));
    const before = e.state.view;
    m.undo.mockRejectedValueOnce(DISK_FULL);
    await e.undo();
    expect(e.state.view).toBe(before);
    expect(e.state.saveError).toBe(DISK_FULL);
    m.redo.mockRejectedValueOnce("Tidak ada yang dapat diulangi.");
    await e.redo();
    expect(e.state.saveError).toBe("Tidak ada yang dapat diulangi.");
    expect(saveStateText(false, 0, e.state.saveError)).toBe("Gagal menyimpan");
    expect(saveStateText(true, 0, e.state.saveError)).toBe("Tidak dapat diubah");
    expect(saveStateText(false, 1, e.state.saveError)).toBe("Menyimpan…");
  });
  test("a node added and not saved is not selected or opened for typing", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockRejectedValueOnce(DISK_FULL);
    expect(await e.addChild()).toBeNull();
    expect(e.state.editing).toBeNull();
    expect(e.state.selection).toBe("n1");
  });
});

describe("Tab then Escape leaves no empty node", () => {
  const added = () => viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "" }), { can_undo: true });
  test("Escape right after the add undoes it (one step), the parent selected again", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockResolvedValueOnce(added());
    await e.addChild();
    expect(e.state.editing).toBe("n7");
    m.undo.mockResolvedValueOnce(sampleView());
    await e.cancelEdit("n7");
    expect(m.undo).toHaveBeenCalledTimes(1);
    expect(m.applyOp).toHaveBeenCalledTimes(1);
    expect(e.state.editing).toBeNull();
    expect(e.state.selection).toBe("n1");
  });
  test("only spaces typed: as Escape", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockResolvedValueOnce(added());
    await e.addSibling("n3");
    m.undo.mockResolvedValueOnce(sampleView());
    expect(await e.commitEdit("n7", "   \n ")).toBeNull();
    expect(m.undo).toHaveBeenCalledTimes(1);
  });
  test("something else happened since the add: the empty node is deleted instead of undoing that", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockResolvedValueOnce(added());
    await e.addChild();
    m.applyOp.mockResolvedValueOnce(viewWith((d) => {
      d.tree.nodes!.push({ id: "n7", level: 2, statement: "" });
      d.tree.nodes![0].statement = "Lain";
    }));
    await e.patchNode("n0", (n) => ({ ...n, statement: "Lain" }));
    m.applyOp.mockResolvedValueOnce(sampleView());
    await e.cancelEdit("n7");
    expect(m.undo).not.toHaveBeenCalled();
    expect(m.applyOp).toHaveBeenLastCalledWith({ op: "delete_node", id: "n7" }, expect.anything());
  });
  test("typed text keeps the node; Escape on an existing node deletes nothing", async () => {
    const e = await opened();
    e.select("n1");
    m.applyOp.mockResolvedValueOnce(added());
    await e.addChild();
    m.applyOp.mockResolvedValueOnce(viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "Baru" })));
    await e.commitEdit("n7", "Baru");
    expect(m.applyOp).toHaveBeenLastCalledWith({ op: "update_node", node: { id: "n7", level: 2, statement: "Baru" } }, expect.anything());
    e.startEdit("n3");
    await e.cancelEdit("n3");
    expect(m.undo).not.toHaveBeenCalled();
    expect(m.applyOp).toHaveBeenCalledTimes(2);
  });
});

describe("Tetapkan sebagai final with errors", () => {
  test("the dialog says how many errors and which, and asks to confirm", async () => {
    const e = await opened();
    e.requestMarkFinal();
    const p = e.state.prompt!;
    expect(p.warning).toContain("1 kesalahan");
    expect(p.details).toEqual(["P007 — Simpul n3 belum punya indikator."]);
    expect(p.ok).toBe("Tetap tetapkan");
    editor.state = e.state;
    const html = renderToStaticMarkup(<PromptDialog />);
    expect(html).toContain('data-testid="prompt-warning"');
    expect(html).toContain("P007 — Simpul n3 belum punya indikator.");
  });
  test("without errors: no warning", async () => {
    const e = await opened(sampleView(undefined, { report: { findings: [], summary: { error: 0, warning: 0, info: 0 } } }));
    e.requestMarkFinal();
    expect(e.state.prompt!.warning).toBeUndefined();
    expect(e.state.prompt!.ok).toBe("Tetapkan");
  });
});

describe("document properties and rule settings in the app", () => {
  test("Berkas › Properti dokumen: the fields of the header and the signatory", () => {
    const doc = sampleDoc();
    doc.document.signatory = { place: "Lumajang", date: "2025-01-15", nip: "1970" };
    editor.state = { ...initialState(), screen: "main", view: sampleView(doc), dialog: "document" };
    const html = renderToStaticMarkup(<DocumentDialog />);
    for (const id of ["doc-title", "doc-agency", "doc-government", "doc-from", "doc-to", "doc-place", "doc-date", "doc-position", "doc-name", "doc-rank", "doc-nip", "doc-save"]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('value="15-01-2025"');
    expect(html).toContain("15 Januari 2025");
    expect(renderToStaticMarkup(<MainScreen />)).toContain('data-testid="document-dialog"');
  });
  test("a save sends one update_document; the core's refusal is shown as it comes", async () => {
    const e = await opened();
    const meta = { ...e.state.view!.document.document, title: "Baru" };
    m.applyOp.mockRejectedValueOnce("Status dokumen tidak diubah di sini: gunakan Berkas › Tetapkan sebagai final");
    expect(await e.apply({ op: "update_document", document: meta })).toBeNull();
    expect(m.applyOp).toHaveBeenCalledWith({ op: "update_document", document: meta }, expect.anything());
    expect(e.state.toasts.at(-1)!.text).toBe("Status dokumen tidak diubah di sini: gunakan Berkas › Tetapkan sebagai final");
  });
  test("the rules button counts the rules changed; the panel lists every rule", async () => {
    const doc = sampleDoc();
    doc.validation = { rules: { P007: "off", P014: "info" } };
    editor.state = { ...initialState(), screen: "main", view: sampleView(doc), dialog: "rules" };
    expect(renderToStaticMarkup(<RulesButton />)).toContain("Aturan (2 diubah)");
    const html = renderToStaticMarkup(<RulesDialog />);
    expect(html).toContain('data-testid="rule-row-P007"');
    expect(html).toContain('data-testid="rule-setting-P014"');
    expect(html).toContain("Hanya aturan yang diubah (2)");
    const list = [{ id: "P001", title: "Keterkaitan membentuk lingkaran", group: "lingkaran keterkaitan", default: "error" }];
    m.listRules.mockResolvedValueOnce(list);
    const { loadRules } = await import("./components/RulesDialog");
    expect(await loadRules()).toEqual(list);
    expect(await loadRules()).toEqual(list);
    expect(m.listRules).toHaveBeenCalledTimes(1);
    const withList = renderToStaticMarkup(<RulesDialog />);
    expect(withList).toContain("Keterkaitan membentuk lingkaran");
    expect(withList).toContain("Bawaan (kesalahan)");
  });
});

describe("no browser context menu in the app", () => {
  test("text fields keep theirs; everything else is blocked", () => {
    expect(keepsContextMenu({ tagName: "TEXTAREA" })).toBe(true);
    expect(keepsContextMenu({ tagName: "INPUT", getAttribute: () => "search" })).toBe(true);
    expect(keepsContextMenu({ tagName: "INPUT", getAttribute: () => "checkbox" })).toBe(false);
    expect(keepsContextMenu({ tagName: "DIV", isContentEditable: false })).toBe(false);
    const listeners: ((e: Event) => void)[] = [];
    const target = { addEventListener: (_: string, l: (e: Event) => void) => listeners.push(l), removeEventListener: vi.fn() };
    blockContextMenu(target as unknown as Window);
    const event = (tagName: string) => ({ target: { tagName, getAttribute: () => null }, preventDefault: vi.fn() });
    const onCanvas = event("DIV");
    const inField = event("TEXTAREA");
    listeners[0](onCanvas as unknown as Event);
    listeners[0](inField as unknown as Event);
    expect(onCanvas.preventDefault).toHaveBeenCalled();
    expect(inField.preventDefault).not.toHaveBeenCalled();
  });
});

// A helper type check: LayoutBox lines stay geometry only.
export type _Lines = LayoutBox["lines"];
