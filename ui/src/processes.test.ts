import { describe, expect, test } from "vitest";
import { sampleDoc, sampleFlow, sampleProcesses } from "./test/fixtures";
import {
  addLaneOp,
  addProcessOp,
  deleteProcessDecision,
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
  relationRows,
  removeLaneOp,
  shiftLaneOp,
  updateMapOp,
  withOwnerToggled,
  withShape,
  withWay,
} from "./processes";
import type { Document, Op, Step } from "./types";

const flow = sampleFlow;

function doc(): Document {
  const d = sampleDoc();
  d.processes = sampleProcesses();
  return d;
}

/** The ops of a batch (or the op itself). */
function ops(op: Op): Op[] {
  return op.op === "batch" ? op.ops : [op];
}

function stepsAfter(op: Op, f = flow()): Step[] {
  // Applies add/update/delete/move step ops the way the core does, to read the resulting flow.
  let steps = [...f.steps];
  for (const o of ops(op)) {
    if (o.op === "add_step") {
      const i = o.before ? steps.findIndex((s) => s.id === o.before) : steps.length;
      steps.splice(i, 0, o.step);
    } else if (o.op === "update_step") steps = steps.map((s) => (s.id === o.step.id ? o.step : s));
    else if (o.op === "delete_step") steps = steps.filter((s) => s.id !== o.id);
  }
  return steps;
}

const byId = (steps: Step[], id: string) => steps.find((s) => s.id === id)!;

describe("inserting steps", () => {
  test("a step after s1 is spliced in: s1 → new → s2, in the lane of s1", () => {
    const made = insertStepOp(flow(), "process", { after: "s1" });
    if ("refused" in made) throw new Error(made.refused);
    expect(made.id).toBe("s4");
    const steps = stepsAfter(made.op);
    expect(steps.map((s) => s.id)).toEqual(["s1", "s4", "s2", "s3"]);
    expect(byId(steps, "s1").next).toEqual(["s4"]);
    expect(byId(steps, "s4")).toMatchObject({ lane: "kaban", shape: "process", next: ["s2"] });
  });

  test("a decision after s2 has both branches: Ya on to s3, Tidak back to s2", () => {
    const made = insertStepOp(flow(), "decision", { after: "s2" });
    if ("refused" in made) throw new Error(made.refused);
    const steps = stepsAfter(made.op);
    expect(byId(steps, "s2").next).toEqual(["s4"]);
    expect(byId(steps, "s4")).toMatchObject({ shape: "decision", yes: "s3", no: "s2" });
    expect(byId(steps, "s4").next).toBeUndefined();
    expect((made.op as Op & { op: "batch" }).label).toBe("Tambah keputusan");
  });

  test("after the end step: the new step becomes the end", () => {
    const made = insertStepOp(flow(), "process", { after: "s3" });
    if ("refused" in made) throw new Error(made.refused);
    const steps = stepsAfter(made.op);
    expect(byId(steps, "s3")).toMatchObject({ shape: "process", next: ["s4"] });
    expect(byId(steps, "s4").shape).toBe("end");
    expect(insertStepOp(flow(), "decision", { after: "s3" })).toEqual({ refused: expect.stringContaining("Keputusan tidak dapat menjadi langkah terakhir") });
  });

  test("before s2: every way into s2 now enters the new step", () => {
    const made = insertStepOp(flow(), "process", { before: "s2" });
    if ("refused" in made) throw new Error(made.refused);
    const steps = stepsAfter(made.op);
    expect(steps.map((s) => s.id)).toEqual(["s1", "s4", "s2", "s3"]);
    expect(byId(steps, "s1").next).toEqual(["s4"]);
    expect(byId(steps, "s4").next).toEqual(["s2"]);
  });

  test("before the start step: the new step becomes the start", () => {
    const made = insertStepOp(flow(), "process", { before: "s1" });
    if ("refused" in made) throw new Error(made.refused);
    const steps = stepsAfter(made.op);
    expect(steps[0]).toMatchObject({ id: "s4", shape: "start", next: ["s1"] });
    expect(byId(steps, "s1").shape).toBe("process");
  });

  test("after a decision: on its Ya branch", () => {
    const f = flow();
    f.steps[1] = { ...f.steps[1], shape: "decision", next: undefined, yes: "s3", no: "s1" };
    const made = insertStepOp(f, "process", { after: "s2" });
    if ("refused" in made) throw new Error(made.refused);
    const steps = stepsAfter(made.op, f);
    expect(byId(steps, "s2")).toMatchObject({ yes: "s4", no: "s1" });
    expect(byId(steps, "s4").next).toEqual(["s3"]);
  });
});

describe("deleting, moving, lanes", () => {
  test("deleting s2 joins s1 straight to s3", () => {
    const d = deleteStepOp(flow(), "s2");
    if ("refused" in d) throw new Error(d.refused);
    const steps = stepsAfter(d.op);
    expect(steps.map((s) => s.id)).toEqual(["s1", "s3"]);
    expect(byId(steps, "s1").next).toEqual(["s3"]);
  });

  test("the last step of a flow is not deleted", () => {
    const f = flow();
    f.steps = [f.steps[0]];
    expect(deleteStepOp(f, "s1")).toEqual({ refused: expect.stringContaining("paling sedikit satu langkah") });
  });

  test("order: up and down, with the ends refused", () => {
    expect(moveStepOp(flow(), "s2", -1)).toEqual({ op: { op: "move_step", flow: "f1", id: "s2", before: "s1" } });
    expect(moveStepOp(flow(), "s1", 1)).toEqual({ op: { op: "move_step", flow: "f1", id: "s1", before: "s3" } });
    expect(moveStepOp(flow(), "s2", 1)).toEqual({ op: { op: "move_step", flow: "f1", id: "s2" } });
    expect(moveStepOp(flow(), "s1", -1)).toEqual({ refused: "Langkah ini sudah paling atas." });
    expect(moveStepOp(flow(), "s3", 1)).toEqual({ refused: "Langkah ini sudah paling bawah." });
  });

  test("dropping a step on a row takes that row's place", () => {
    expect(dropStepOp(flow(), "s3", "s1")).toEqual({ op: { op: "move_step", flow: "f1", id: "s3", before: "s1" } });
    expect(dropStepOp(flow(), "s1", "s2")).toEqual({ op: { op: "move_step", flow: "f1", id: "s1", before: "s3" } });
    expect(dropStepOp(flow(), "s1", "s1")).toBeNull();
  });

  test("a symbol dragged to another lane and row: one edit", () => {
    expect(dragStepOp(flow(), "s3", "kaban", "s1")).toEqual({
      op: {
        op: "batch",
        label: "Pindah langkah 3",
        ops: [
          { op: "update_step", flow: "f1", step: { id: "s3", number: 3, text: "Menerbitkan surat cuti", lane: "kaban", shape: "end" } },
          { op: "move_step", flow: "f1", id: "s3", before: "s1" },
        ],
      },
    });
    expect(dragStepOp(flow(), "s3", "kaban", null)).toMatchObject({ op: { op: "update_step" } });
    expect(dragStepOp(flow(), "s3", null, null)).toBeNull();
  });

  test("Alt+arrows move a step between lanes, not past the edges", () => {
    const right = shiftLaneOp(flow(), "s1", 1);
    expect(right).toMatchObject({ op: { op: "update_step", flow: "f1", step: { id: "s1", lane: "sek" } } });
    expect(shiftLaneOp(flow(), "s1", -1)).toEqual({ refused: "Langkah ini sudah di pelaksana paling kiri." });
    expect(shiftLaneOp(flow(), "s2", 1)).toEqual({ refused: "Langkah ini sudah di pelaksana paling kanan." });
  });

  test("lanes: add a unit, refuse one in use, swap places", () => {
    const d = doc();
    expect(addLaneOp(d, flow(), "kaban")).toEqual({ refused: "Kaban sudah menjadi pelaksana di peta ini." });
    expect(addLaneOp(d, flow(), "x")).toEqual({ refused: "Unit kerja x tidak ada." });
    expect(removeLaneOp(d, flow(), "sek")).toEqual({ refused: expect.stringContaining("Sekretariat masih melaksanakan langkah 2. Memverifikasi") });
    expect(moveLaneOp(d, flow(), "sek", -1)).toMatchObject({ op: { op: "update_flow", flow: { lanes: ["sek", "kaban"], steps: [] } } });
  });

  test("ways on: set, add a parallel one, remove, never twice the same", () => {
    expect(withWay(["s2"], 0, "s3")).toEqual(["s3"]);
    expect(withWay(["s2"], 1, "s3")).toEqual(["s2", "s3"]);
    expect(withWay(["s2", "s3"], 0, undefined)).toEqual(["s3"]);
    expect(withWay(["s2", "s3"], 1, "s2")).toEqual(["s2"]);
  });

  test("a new shape keeps the ways on: next ↔ yes/no, none for an end", () => {
    const s: Step = { id: "s9", text: "x", lane: "a", shape: "process", next: ["s1", "s2"] };
    expect(withShape(s, "decision")).toMatchObject({ shape: "decision", next: [], yes: "s1", no: "s2" });
    expect(withShape(withShape(s, "decision"), "process")).toMatchObject({ next: ["s1", "s2"] });
    expect(withShape(s, "end")).toMatchObject({ shape: "end", next: [] });
  });
});

describe("processes", () => {
  test("a new process gets a fresh id and lands after the selected one", () => {
    const d = doc();
    expect(addProcessOp(d, "  Layanan arsip ", "core", null, "p1")).toEqual({
      op: { op: "add_process", process: { id: "p5", category: "core", name: "Layanan arsip" }, before: "p3" },
    });
    expect(addProcessOp(d, "Sub", "core", "p1")).toMatchObject({ op: { process: { parent: "p1" } } });
    expect(addProcessOp(d, " ", "core", null)).toEqual({ refused: "Nama proses belum diisi." });
  });

  test("reorder within the band: p3 before p1; p1 already first", () => {
    expect(moveProcessOp(doc(), "p3", -1)).toEqual({ op: { op: "move_process", id: "p3", before: "p1" } });
    expect(moveProcessOp(doc(), "p1", 1)).toEqual({ op: { op: "move_process", id: "p1", before: "p2" } });
    expect(moveProcessOp(doc(), "p1", -1)).toEqual({ refused: "Proses ini sudah paling depan di kelompoknya." });
  });

  test("dragged with the mouse: reorder in the band, or join another band", () => {
    const d = doc();
    expect(dropProcessOp(d, "p3", { process: "p1" })).toEqual({ op: { op: "move_process", id: "p3", before: "p1" } });
    expect(dropProcessOp(d, "p1", { process: "p3" })).toEqual({ op: { op: "move_process", id: "p1", before: "p2" } });
    expect(dropProcessOp(d, "p3", { process: "p4" })).toEqual({
      op: {
        op: "batch",
        label: "Pindah proses ke kelompok manajerial",
        ops: [
          { op: "update_process", process: { id: "p3", category: "management", name: "Penilaian kinerja", nodes: ["n1", "n2"] } },
          { op: "move_process", id: "p3", before: "p4" },
        ],
      },
    });
    expect(dropProcessOp(d, "p3", { band: "support" })).toMatchObject({ op: { op: "batch", ops: [{ process: { category: "support" } }, { op: "move_process", id: "p3" }] } });
    expect(dropProcessOp(d, "p3", { band: "core" })).toBeNull();
    expect(dropProcessOp(d, "p3", { process: "p3" })).toBeNull();
  });

  test("a process with sub-processes is not deleted", () => {
    expect(deleteProcessDecision(doc(), "p1")).toEqual({ refused: expect.stringContaining('masih punya sub proses "Seleksi ASN"') });
    expect(deleteProcessDecision(doc(), "p3")).toEqual({ op: { op: "delete_process", id: "p3" } });
  });

  test("both ways: the processes serving a node", () => {
    expect(processesServing(doc(), "n1").map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(processesServing(doc(), "n5")).toEqual([]);
  });

  test("Peta Relasi: toggling an owner, rows with sub-processes under their parent", () => {
    expect(withOwnerToggled({ id: "p", category: "core", name: "x", owners: ["a"] }, "b").owners).toEqual(["a", "b"]);
    expect(withOwnerToggled({ id: "p", category: "core", name: "x", owners: ["a"] }, "a").owners).toEqual([]);
    expect(relationRows(doc().processes!.map!.processes!).map((r) => `${r.process.id}:${r.depth}`)).toEqual(["p4:0", "p1:0", "p2:1", "p3:0"]);
  });

  test("a new flow for a process: its owners as lanes, a start and an end", () => {
    const d = newFlowOp(doc(), "p1");
    if ("refused" in d || d.op.op !== "add_flow") throw new Error("no flow");
    expect(d.op.flow).toMatchObject({ id: "f2", process: "p1", lanes: ["kaban"] });
    expect(d.op.flow.steps.map((s) => s.shape)).toEqual(["start", "end"]);
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
