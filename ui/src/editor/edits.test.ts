import { vi } from "vitest";
import { m, opened, resetApi, viewWith } from "../test/editor";
import { sampleDoc, sampleLayout, sampleProcesses, sampleView } from "../test/fixtures";
import type { Op } from "../types";
import { FLOW_MIN_WIDTH, FLOW_SCALE, MAP_SCALE } from "./state";

// The shell, mocked: every command of api.ts is a vi.fn().
vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

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
    expect(m.applyOp).toHaveBeenCalledWith({ op: "drop_node", id: "n3", onto: "n0" }, expect.anything());
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
    expect(m.applyOp).toHaveBeenCalledWith({ op: "add_node", node: { id: "", level: 0, statement: "" }, parent: "n1" }, expect.anything());
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
  test("add below the lowest level: the core's reason, nothing added", async () => {
    const e = await opened();
    const before = e.state.view;
    m.applyOp.mockRejectedValueOnce('"Seleksi" ada di level terbawah (Output); simpul di bawahnya tidak punya level.');
    expect(await e.addChild("n3")).toBeNull();
    expect(e.state.toasts.at(-1)!.text).toContain("level terbawah");
    expect(e.state.view).toBe(before);
  });
  test("add sibling; in an empty tree, a level-0 root", async () => {
    const e = await opened();
    m.applyOp.mockResolvedValueOnce(viewWith((d) => d.tree.nodes!.push({ id: "n7", level: 2, statement: "" })));
    await e.addSibling("n3");
    expect(m.applyOp).toHaveBeenLastCalledWith({ op: "add_sibling", of: "n3" }, expect.anything());
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
  test("reorder sends shift_node", async () => {
    const e = await opened();
    m.applyOp.mockResolvedValueOnce(sampleView());
    await e.reorder(-1, "n4");
    expect(m.applyOp).toHaveBeenCalledWith({ op: "shift_node", id: "n4", delta: -1 }, expect.anything());
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

describe("one round trip per edit", () => {
  test("the reply carries the layout on screen: no second request, one state change", async () => {
    const e = await opened();
    const layout = { ...sampleLayout(), width: 4321 };
    const next = { ...viewWith((d) => (d.tree.nodes![1].statement = "Baru")), shown: { tree: layout } };
    m.applyOp.mockResolvedValueOnce(next);
    m.treeLayout.mockClear();
    let changes = 0;
    e.subscribe(() => changes++);
    await e.apply({ op: "update_node", node: { id: "n1", level: 1, statement: "Baru" } });
    expect(m.applyOp).toHaveBeenCalledWith({ op: "update_node", node: { id: "n1", level: 1, statement: "Baru" } }, { mode: "tree", collapsed: [], compact: false });
    expect(e.state.layout).toBe(layout);
    expect(e.state.view?.document.tree.nodes![1].statement).toBe("Baru");
    expect(m.treeLayout).not.toHaveBeenCalled();
    // The pending count going up when sent, then the reply: view, layout and the count in one.
    expect(changes).toBe(2);
  });

  test("undo and redo name the screen too, and take the layout from the reply", async () => {
    const e = await opened();
    await e.toggleCollapse("n1");
    m.treeLayout.mockClear();
    const layout = { ...sampleLayout(), width: 99 };
    m.undo.mockResolvedValueOnce({ ...sampleView(undefined, { can_redo: true }), shown: { tree: layout } });
    await e.undo();
    expect(m.undo).toHaveBeenCalledWith({ mode: "tree", collapsed: ["n1"], compact: false });
    expect(e.state.layout).toBe(layout);
    expect(m.treeLayout).not.toHaveBeenCalled();
  });

  test("the changes since the copy on screen: patched (unchanged nodes keep their objects), the report kept when not sent", async () => {
    const e = await opened(sampleView(undefined, { doc_seq: 7 }));
    e.state = { ...e.state, layout: { ...sampleLayout(), seq: 3 } };
    const before = e.state.view!;
    const box = { ...sampleLayout().boxes[1], lines: ["Baru"] };
    const { document: _whole, report: _report, ...rest } = sampleView();
    const skeleton = { ...sampleDoc(), tree: { levels: sampleDoc().tree.levels } };
    const n1 = { ...sampleDoc().tree.nodes![1], statement: "Baru" };
    m.applyOp.mockResolvedValueOnce({
      ...rest,
      document_delta: { base: 7, seq: 8, skeleton, nodes: { items: [["n1", n1]] }, links: { items: [] }, parents: {} },
      shown: { tree_delta: { base: 3, seq: 4, width: 500, height: 300, bands: sampleLayout().bands, boxes: { items: [["n1", box]] }, edges: { items: [] } } },
    });
    m.treeLayout.mockClear();
    await e.apply({ op: "update_node", node: n1 });
    const view = e.state.view!;
    expect(view.doc_seq).toBe(8);
    expect(view.report).toBe(before.report);
    expect(view.document.tree.nodes![1]).toEqual(n1);
    expect(view.document.tree.nodes![0]).toBe(before.document.tree.nodes![0]);
    expect(view.document.tree.links).toBe(before.document.tree.links);
    expect(e.state.layout?.seq).toBe(4);
    expect(e.state.layout?.boxes[1]).toBe(box);
    expect(m.treeLayout).not.toHaveBeenCalled();
    expect(m.currentDocument).not.toHaveBeenCalled();
  });

  test("changes against a copy the page does not hold: the whole document and layout are asked for", async () => {
    const e = await opened(sampleView(undefined, { doc_seq: 7 }));
    const { document: _whole, ...rest } = sampleView();
    m.applyOp.mockResolvedValueOnce({
      ...rest,
      document_delta: { base: 5, seq: 8, skeleton: sampleDoc(), nodes: { items: [] }, links: { items: [] }, parents: {} },
      shown: { tree_delta: { base: 99, seq: 100, width: 1, height: 1, bands: [], boxes: { items: [] }, edges: { items: [] } } },
    });
    const whole = sampleView(undefined, { doc_seq: 9 });
    m.currentDocument.mockResolvedValueOnce(whole);
    m.treeLayout.mockClear();
    await e.apply({ op: "delete_node", id: "n6" });
    expect(e.state.view).toBe(whole);
    await vi.waitFor(() => expect(m.treeLayout).toHaveBeenCalledTimes(1));
  });

  test("a layout asked for after the edit was sent wins over the reply's", async () => {
    const e = await opened();
    let release!: (v: unknown) => void;
    m.applyOp.mockImplementationOnce(() => new Promise((r) => (release = r)));
    const sent = e.apply({ op: "delete_node", id: "n6" });
    await vi.waitFor(() => expect(m.applyOp).toHaveBeenCalled());
    const later = { ...sampleLayout(), width: 777 };
    m.treeLayout.mockResolvedValueOnce(later);
    const asked = e.toggleCollapse("n1");
    release({ ...sampleView(), shown: { tree: { ...sampleLayout(), width: 1 } } });
    await sent;
    await asked;
    expect(e.state.layout?.width).toBe(777);
  });

  test("the screen sent: the map's parent and size in points, the flow and its width", async () => {
    const e = await opened(viewWith((d) => (d.processes = sampleProcesses())));
    m.processMapLayout.mockResolvedValue({ width: 1, height: 1, parent: null, goal: { x: 0, y: 0, width: 1, height: 1 }, goal_text: { x: 0, y: 0, width: 1, lines: [], size: 8, bold: true, centred: true }, inputs: null, outputs: null, arrows: [], bands: [], boxes: [] });
    e.openProcessMap(null);
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.processes = sampleProcesses())));
    await e.apply({ op: "delete_process", id: "p9" });
    expect(m.applyOp.mock.calls.at(-1)![1]).toEqual({ mode: "map", parent: null, width: 1000 / MAP_SCALE, height: 640 / MAP_SCALE });
    e.setMode("flow");
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.processes = sampleProcesses())));
    await e.apply({ op: "delete_flow", id: "f9" });
    expect(m.applyOp.mock.calls.at(-1)![1]).toEqual({ mode: "flow", flow: "f1", width: Math.max(FLOW_MIN_WIDTH, 900 / FLOW_SCALE) });
  });
});
