import { vi } from "vitest";
import { m, opened, resetApi, viewWith } from "../test/editor";
import { sampleProcesses } from "../test/fixtures";
import type { Document, Op } from "../types";

// The shell, mocked: every command of api.ts is a vi.fn().
vi.mock("../api", () => import("../test/apiMock"));

beforeEach(resetApi);

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
    // The core chose the new step's id: the page selects the step that was not there before.
    m.applyOp.mockResolvedValueOnce(
      viewWith((d) => {
        withProcesses(d);
        d.processes!.flows![0].steps.splice(2, 0, { id: "s9", text: "", lane: "sek", shape: "decision" });
      }),
    );
    const id = await e.insertStep("decision");
    expect(id).toBe("s9");
    expect(e.state.stepEditing).toEqual({ step: "s9", field: "text" });
    const sent = m.applyOp.mock.calls[0][0] as Op;
    expect(sent).toEqual({ op: "insert_step", flow: "f1", kind: "decision", after: "s2" });
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
