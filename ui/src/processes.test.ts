import { describe, expect, test } from "vitest";
import { sampleDoc, sampleFlow, sampleProcesses } from "./test/fixtures";
import {
  addLaneOp,
  addProcessOp,
  deleteStepOp,
  dragStepOp,
  dropProcessOp,
  dropStepOp,
  insertStepOp,
  moveLaneOp,
  moveProcessOp,
  moveStepOp,
  newFlowOp,
  processesServing,
  removeLaneOp,
  shiftLaneOp,
  updateMapOp,
  withOwnerToggled,
  stepShapeOp,
  withWay,
} from "./processes";
import type { Document } from "./types";

const flow = sampleFlow;

function doc(): Document {
  const d = sampleDoc();
  d.processes = sampleProcesses();
  return d;
}

describe("flow actions: one core op each (what they do and refuse is the core's)", () => {
  test("a step or decision spliced in after or before a step (the core chooses its id)", () => {
    expect(insertStepOp(flow(), "process", { after: "s1" })).toEqual({ op: "insert_step", flow: "f1", kind: "process", after: "s1" });
    expect(insertStepOp(flow(), "decision", { before: "s2" })).toEqual({ op: "insert_step", flow: "f1", kind: "decision", before: "s2" });
  });

  test("delete, move, drop and drag", () => {
    expect(deleteStepOp(flow(), "s2")).toEqual({ op: "delete_step", flow: "f1", id: "s2" });
    expect(moveStepOp(flow(), "s2", -1)).toEqual({ op: "shift_step", flow: "f1", id: "s2", delta: -1 });
    expect(dropStepOp(flow(), "s3", "s1")).toEqual({ op: "place_step", flow: "f1", id: "s3", row: "s1" });
    expect(dropStepOp(flow(), "s3", "s3")).toBeNull();
    const lane = flow().lanes.find((l) => l !== flow().steps[0].lane)!;
    expect(dragStepOp(flow(), "s1", lane, "s3")).toEqual({ op: "place_step", flow: "f1", id: "s1", lane, row: "s3" });
    expect(dragStepOp(flow(), "s1", flow().steps[0].lane, null)).toBeNull();
    expect(shiftLaneOp(flow(), "s1", 1)).toEqual({ op: "shift_step_lane", flow: "f1", id: "s1", delta: 1 });
  });

  test("shapes and lanes", () => {
    expect(stepShapeOp(flow(), "s2", "decision")).toEqual({ op: "set_step_shape", flow: "f1", id: "s2", shape: "decision" });
    expect(stepShapeOp(flow(), "s2", flow().steps[1].shape)).toBeNull();
    expect(addLaneOp(flow(), "u9")).toEqual({ op: "add_lane", flow: "f1", unit: "u9" });
    expect(removeLaneOp(flow(), "u9")).toEqual({ op: "remove_lane", flow: "f1", unit: "u9" });
    expect(moveLaneOp(flow(), "u9", -1)).toEqual({ op: "shift_lane", flow: "f1", unit: "u9", delta: -1 });
  });

  test("ways on: set, add a parallel one, remove, never twice the same", () => {
    expect(withWay(["s2"], 0, "s3")).toEqual(["s3"]);
    expect(withWay(["s2"], 1, "s3")).toEqual(["s2", "s3"]);
    expect(withWay(["s2", "s3"], 0, undefined)).toEqual(["s3"]);
    expect(withWay(["s2", "s3"], 1, "s2")).toEqual(["s2"]);
  });
});

describe("processes", () => {
  test("a new process lands after the selected one; its id is the core's", () => {
    const d = doc();
    expect(addProcessOp(d, "  Layanan arsip ", "core", null, "p1")).toEqual({ op: "add_process", process: { id: "", category: "core", name: "Layanan arsip" }, before: "p3" });
    expect(addProcessOp(d, "Sub", "core", "p1")).toMatchObject({ process: { parent: "p1" } });
    // An empty name or a missing parent goes too: the core refuses it with the reason.
    expect(addProcessOp(d, " ", "core", null)).toEqual({ op: "add_process", process: { id: "", category: "core", name: "" } });
  });

  test("reorder within the band and drops on the map: one core op each", () => {
    expect(moveProcessOp("p3", -1)).toEqual({ op: "shift_process", id: "p3", delta: -1 });
    const d = doc();
    expect(dropProcessOp(d, "p3", { process: "p1" })).toEqual({ op: "drop_process", id: "p3", onto: "p1" });
    expect(dropProcessOp(d, "p3", { band: "support" })).toEqual({ op: "drop_process", id: "p3", band: "support" });
    expect(dropProcessOp(d, "p3", { band: "core" })).toBeNull();
    expect(dropProcessOp(d, "p3", { process: "p3" })).toBeNull();
  });

  test("both ways: the processes serving a node", () => {
    expect(processesServing(doc(), "n1").map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(processesServing(doc(), "n5")).toEqual([]);
  });

  test("Peta Relasi: toggling an owner (rows and columns are the core's layout::relations)", () => {
    expect(withOwnerToggled({ id: "p", category: "core", name: "x", owners: ["a"] }, "b").owners).toEqual(["a", "b"]);
    expect(withOwnerToggled({ id: "p", category: "core", name: "x", owners: ["a"] }, "a").owners).toEqual([]);
  });

  test("a new flow for a process: the core's add_flow_for (the core chooses its id)", () => {
    expect(newFlowOp("p1")).toEqual({ op: "add_flow_for", process: "p1" });
  });

  test("the map's goal, inputs and outputs are sent whole", () => {
    expect(updateMapOp(doc(), { inputs: ["SDM", "Anggaran"] })).toEqual({
      op: "update_process_map",
      goal: "Meningkatnya Reformasi Birokrasi",
      inputs: ["SDM", "Anggaran"],
      outputs: ["IKM"],
    });
  });
});
