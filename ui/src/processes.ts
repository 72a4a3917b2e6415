// What the planner's actions on the Peta Proses Bisnis, Peta Relasi and
// Peta Lintas Fungsi send to the core: pure functions from the document
// to one Op (a batch where one action touches several steps), or to a
// message saying why nothing is sent. No I/O here.

import type { Document, Flow, Op, Process, ProcessCategory, Shape, Step } from "./types";
import { shorten } from "./model";

export const CATEGORIES: ProcessCategory[] = ["management", "core", "support"];
export const CATEGORY_LABEL: Record<ProcessCategory, string> = { management: "Manajerial", core: "Utama", support: "Pendukung" };
export const SHAPES: Shape[] = ["start", "process", "decision", "end"];
export const SHAPE_LABEL: Record<Shape, string> = { start: "Mulai", process: "Kegiatan", decision: "Keputusan", end: "Selesai" };

// ---- lookups ----------------------------------------------------------------

export function allProcesses(doc: Document): Process[] {
  return doc.processes?.map?.processes ?? [];
}

export function allFlows(doc: Document): Flow[] {
  return doc.processes?.flows ?? [];
}

export function processById(doc: Document, id: string): Process | undefined {
  return allProcesses(doc).find((p) => p.id === id);
}

export function flowById(doc: Document, id: string): Flow | undefined {
  return allFlows(doc).find((f) => f.id === id);
}

/** The processes of one map: top level (parent null) or the sub-processes of `parent`, in order. */
export function processesAt(doc: Document, parent: string | null): Process[] {
  return allProcesses(doc).filter((p) => (p.parent ?? null) === parent);
}

/** The processes that serve a tree node ("shown both ways"). */
export function processesServing(doc: Document, nodeId: string): Process[] {
  return allProcesses(doc).filter((p) => (p.nodes ?? []).includes(nodeId));
}

export function flowsOf(doc: Document, processId: string): Flow[] {
  return allFlows(doc).filter((f) => f.process === processId);
}

export function unitName(doc: Document, id: string): string {
  const u = doc.units?.find((x) => x.id === id);
  return u ? u.short || u.name : id;
}

/** Where the step sits, 1-based, as printed (its number, else its place). */
export function stepNumber(flow: Flow, id: string): number {
  const i = flow.steps.findIndex((s) => s.id === id);
  return flow.steps[i]?.number ?? i + 1;
}

export function stepLabel(flow: Flow, id: string): string {
  const s = flow.steps.find((x) => x.id === id);
  return s ? `${stepNumber(flow, id)}. ${shorten(s.text || "(tanpa uraian)", 50)}` : id;
}

/** `next` with way `index` set to `target` (appended past the end), or removed when `target` is empty; no repeats. */
export function withWay(next: string[], index: number, target: string | undefined): string[] {
  const out = [...next];
  if (target) out[index] = target;
  else out.splice(index, 1);
  return [...new Set(out.filter(Boolean))];
}

/** Every step this one leads to: next, yes, no. */
export function successors(step: Step): string[] {
  return [...(step.next ?? []), ...(step.yes ? [step.yes] : []), ...(step.no ? [step.no] : [])];
}

/** Top-level processes, each followed by its sub-processes (depth first), as the Peta Relasi lists them. */
// ---- the map ----------------------------------------------------------------

/** Lines of a textarea → the list (blank lines dropped). */
export function linesToList(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function updateMapOp(doc: Document, change: { goal?: string; inputs?: string[]; outputs?: string[] }): Op {
  const map = doc.processes?.map ?? {};
  return {
    op: "update_process_map",
    goal: change.goal ?? map.goal ?? "",
    inputs: change.inputs ?? map.inputs ?? [],
    outputs: change.outputs ?? map.outputs ?? [],
  };
}

/**
 * A new process in `category`, at the end of its map's band or right after
 * `after`; the core chooses its id and refuses an empty name or a missing
 * parent with the reason.
 */
export function addProcessOp(doc: Document, name: string, category: ProcessCategory, parent: string | null, after?: string | null): Op {
  const process: Process = { id: "", category, name: name.trim() };
  if (parent !== null) process.parent = parent;
  const op: Op & { op: "add_process" } = { op: "add_process", process };
  if (after) {
    const list = allProcesses(doc);
    const i = list.findIndex((p) => p.id === after);
    if (i >= 0 && i + 1 < list.length) op.before = list[i + 1].id;
  }
  return op;
}

/** Drops empty lists so what is sent matches what the core writes back. */
export function cleanProcess(p: Process): Process {
  const out: Process = { ...p };
  if (!out.owners?.length) delete out.owners;
  if (!out.nodes?.length) delete out.nodes;
  if (!out.parent) delete out.parent;
  return out;
}

export function updateProcessOp(p: Process): Op {
  return { op: "update_process", process: cleanProcess(p) };
}

export function withOwnerToggled(p: Process, unit: string): Process {
  const owners = p.owners ?? [];
  return { ...p, owners: owners.includes(unit) ? owners.filter((u) => u !== unit) : [...owners, unit] };
}

export function withNodeLinked(p: Process, node: string): Process {
  const nodes = p.nodes ?? [];
  return nodes.includes(node) ? p : { ...p, nodes: [...nodes, node] };
}

export function withNodeUnlinked(p: Process, node: string): Process {
  return { ...p, nodes: (p.nodes ?? []).filter((n) => n !== node) };
}

/** Moves a process one place earlier (-1) or later (+1) among the processes of its band on its map. */
/** One place to the front (-1) or back (+1) within its band (the core says when it cannot). */
export function moveProcessOp(id: string, delta: -1 | 1): Op {
  return { op: "shift_process", id, delta };
}

/**
 * A process dropped with the mouse on the map: onto another process, or onto
 * an empty part of a band. Null: dropped on itself or its own band.
 */
export function dropProcessOp(doc: Document, id: string, target: { process: string } | { band: ProcessCategory }): Op | null {
  if ("band" in target) return processById(doc, id)?.category === target.band ? null : { op: "drop_process", id, band: target.band };
  return target.process === id ? null : { op: "drop_process", id, onto: target.process };
}

// ---- flows ------------------------------------------------------------------

/** A new flow for a process (its owner units as lanes, a start and an end: the core's add_flow_for, which chooses its id). */
export function newFlowOp(processId: string): Op {
  return { op: "add_flow_for", process: processId };
}

/** The flow's own fields for update_flow (the core ignores the steps sent). */
export function updateFlowOp(flow: Flow): Op {
  const out: Flow = { ...flow, steps: [] };
  if (!out.number) delete out.number;
  if (!out.process) delete out.process;
  if (!out.header) delete out.header;
  return { op: "update_flow", flow: out };
}

/** Drops empty optional fields so what is sent matches what the core writes back. */
export function cleanStep(s: Step): Step {
  const out: Step = { ...s };
  for (const k of ["requirements", "duration", "output", "note", "yes", "no"] as const) if (!out[k]) delete out[k];
  if (!out.next?.length) delete out.next;
  if (out.number === undefined || out.number === null) delete out.number;
  return out;
}

export function updateStepOp(flow: string, step: Step): Op {
  return { op: "update_step", flow, step: cleanStep(step) };
}

export type NewStepKind = "process" | "decision";

/**
 * A new step after `after` or before `before`, spliced into the flow's ways
 * by the core (insert_step: a decision gets Ya on and Tidak back; its id is
 * the core's to choose).
 */
export function insertStepOp(flow: Flow, kind: NewStepKind, where: { after: string } | { before: string }): Op {
  return { op: "insert_step", flow: flow.id, kind, ...where };
}

/** Deletes a step; the core leads the ways into it on to where it led. */
export function deleteStepOp(flow: Flow, id: string): Op {
  return { op: "delete_step", flow: flow.id, id };
}

/** A step's new shape; the core rewires its ways (a decision's Ya/Tidak, an end's none). */
export function stepShapeOp(flow: Flow, id: string, shape: Shape): Op | null {
  return flow.steps.find((s) => s.id === id)?.shape === shape ? null : { op: "set_step_shape", flow: flow.id, id, shape };
}

/** One row up (-1) or down (+1). */
export function moveStepOp(flow: Flow, id: string, delta: -1 | 1): Op {
  return { op: "shift_step", flow: flow.id, id, delta };
}

/** The step dropped on the row of `target`: it takes that row's place. */
export function dropStepOp(flow: Flow, id: string, target: string): Op | null {
  return id === target ? null : { op: "place_step", flow: flow.id, id, row: target };
}

/** A step's symbol dragged to another lane and/or another row: one edit (one undo step). */
export function dragStepOp(flow: Flow, id: string, lane: string | null, row: string | null): Op | null {
  const step = flow.steps.find((s) => s.id === id);
  const newLane = lane && lane !== step?.lane ? lane : null;
  const newRow = row && row !== id ? row : null;
  if (!newLane && !newRow) return null;
  return { op: "place_step", flow: flow.id, id, ...(newLane ? { lane: newLane } : {}), ...(newRow ? { row: newRow } : {}) };
}

/** The step in another lane (pelaksana). */
export function stepLaneOp(flow: Flow, id: string, lane: string): Op | null {
  return dragStepOp(flow, id, lane, null);
}

/** The step one lane to the left (-1) or right (+1). */
export function shiftLaneOp(flow: Flow, id: string, delta: -1 | 1): Op {
  return { op: "shift_step_lane", flow: flow.id, id, delta };
}

export function addLaneOp(flow: Flow, unit: string): Op {
  return { op: "add_lane", flow: flow.id, unit };
}

/** Refused by the core while the lane still has steps. */
export function removeLaneOp(flow: Flow, unit: string): Op {
  return { op: "remove_lane", flow: flow.id, unit };
}

export function moveLaneOp(flow: Flow, unit: string, delta: -1 | 1): Op {
  return { op: "shift_lane", flow: flow.id, unit, delta };
}
