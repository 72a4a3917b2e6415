import { vi } from "vitest";
import { m, opened, resetApi, viewWith } from "../test/editor";
import { Editor } from "./editor";
import { sampleLayout } from "../test/fixtures";

// The shell, mocked: every command of api.ts is a vi.fn().
vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

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
    expect(m.treeLayout).toHaveBeenLastCalledWith(["n1"], false);
    await e.toggleCollapse("n5");
    expect(e.state.collapsed).toEqual(["n1"]);
    await e.toggleCollapse("n1");
    expect(m.treeLayout).toHaveBeenLastCalledWith([], false);
  });
  test("Tata letak: ringkas asks for the compact layout, and lebar for the wide one again", async () => {
    const e = await opened();
    await e.setCompactLayout(true);
    expect(e.state.compactTree).toBe(true);
    expect(m.treeLayout).toHaveBeenLastCalledWith([], true);
    m.treeLayout.mockClear();
    await e.setCompactLayout(true);
    expect(m.treeLayout).not.toHaveBeenCalled();
    await e.setCompactLayout(false);
    expect(m.treeLayout).toHaveBeenLastCalledWith([], false);
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
    e.toast("Kesalahan");
    vi.advanceTimersByTime(5000);
    expect(e.state.toasts.map((t) => t.text)).toEqual(["Kesalahan"]);
    for (let i = 0; i < 5; i++) e.toast(`g${i}`);
    expect(e.state.toasts).toHaveLength(4);
    e.dismiss(e.state.toasts[0].id);
    expect(e.state.toasts).toHaveLength(3);
    vi.useRealTimers();
  });
});
