// What the planner's actions on the Peta Proses Bisnis, Peta Relasi and
// Peta Lintas Fungsi send to the core: pure functions from the document
// to one Op (a batch where one action touches several steps), or to a
// message saying why nothing is sent. No I/O here.

import type { Document, Flow, Op, Process, ProcessCategory, Shape, Step } from "./types";
import type { Decision } from "./ops";
import { freshId, shorten } from "./model";

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
export function relationRows(processes: Process[]): { process: Process; depth: number }[] {
  const out: { process: Process; depth: number }[] = [];
  const known = new Set(processes.map((p) => p.id));
  const seen = new Set<string>();
  const visit = (p: Process, depth: number) => {
    if (seen.has(p.id)) return; // a parent cycle (B003) is shown once
    seen.add(p.id);
    out.push({ process: p, depth });
    for (const c of processes) if (c.parent === p.id) visit(c, depth + 1);
  };
  for (const p of processes) if (!p.parent || !known.has(p.parent)) visit(p, 0);
  for (const p of processes) visit(p, 0);
  return out;
}

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

/** A new process in `category`, at the end of its map's band or right after `after`. */
export function addProcessOp(doc: Document, name: string, category: ProcessCategory, parent: string | null, after?: string | null): Decision {
  const text = name.trim();
  if (!text) return { refused: "Nama proses belum diisi." };
  if (parent !== null && !processById(doc, parent)) return { refused: `Proses induk ${parent} tidak ada.` };
  const process: Process = { id: freshId("p", allProcesses(doc).map((p) => p.id)), category, name: text };
  if (parent !== null) process.parent = parent;
  const op: Op & { op: "add_process" } = { op: "add_process", process };
  if (after) {
    const list = allProcesses(doc);
    const i = list.findIndex((p) => p.id === after);
    if (i >= 0 && i + 1 < list.length) op.before = list[i + 1].id;
  }
  return { op };
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
export function moveProcessOp(doc: Document, id: string, delta: -1 | 1): Decision {
  const p = processById(doc, id);
  if (!p) return { refused: `Proses ${id} tidak ada.` };
  const band = processesAt(doc, p.parent ?? null).filter((x) => x.category === p.category);
  const i = band.findIndex((x) => x.id === id);
  const j = i + delta;
  if (j < 0) return { refused: "Proses ini sudah paling depan di kelompoknya." };
  if (j >= band.length) return { refused: "Proses ini sudah paling belakang di kelompoknya." };
  if (delta < 0) return { op: { op: "move_process", id, before: band[j].id } };
  const list = allProcesses(doc);
  const k = list.findIndex((x) => x.id === band[j].id);
  const op: Op & { op: "move_process" } = { op: "move_process", id };
  if (k + 1 < list.length) op.before = list[k + 1].id;
  return { op };
}

/**
 * A process dropped with the mouse on the map: onto another process of its
 * band, it takes that one's place (behind it when dragged from in front);
 * onto a process of another band, it joins that band in front of it; onto
 * an empty part of a band, it joins that band at its end. Null: nothing to do.
 */
export function dropProcessOp(doc: Document, id: string, target: { process: string } | { band: ProcessCategory }): Decision | null {
  const p = processById(doc, id);
  if (!p) return { refused: `Proses ${id} tidak ada.` };
  const list = allProcesses(doc);
  if ("band" in target) {
    if (target.band === p.category) return null;
    return { op: batch(`Pindah proses ke kelompok ${CATEGORY_LABEL[target.band].toLowerCase()}`, [updateProcessOp({ ...p, category: target.band }), { op: "move_process", id }]) };
  }
  if (target.process === id) return null;
  const t = processById(doc, target.process);
  if (!t) return { refused: `Proses ${target.process} tidak ada.` };
  if (t.category === p.category) {
    const i = list.findIndex((x) => x.id === id);
    const j = list.findIndex((x) => x.id === t.id);
    if (i > j) return { op: { op: "move_process", id, before: t.id } };
    const after = list[j + 1];
    return { op: { op: "move_process", id, ...(after ? { before: after.id } : {}) } };
  }
  return {
    op: batch(`Pindah proses ke kelompok ${CATEGORY_LABEL[t.category].toLowerCase()}`, [updateProcessOp({ ...p, category: t.category }), { op: "move_process", id, before: t.id }]),
  };
}

export function deleteProcessDecision(doc: Document, id: string): Decision {
  const p = processById(doc, id);
  if (!p) return { refused: `Proses ${id} tidak ada.` };
  const child = allProcesses(doc).find((x) => x.parent === id);
  if (child) return { refused: `Proses "${shorten(p.name, 50)}" masih punya sub proses "${shorten(child.name, 50)}". Hapus atau pindahkan sub proses dulu.` };
  return { op: { op: "delete_process", id } };
}

// ---- flows ------------------------------------------------------------------

/** A new flow for a process: its owner units as lanes, a start and an end step to begin from. */
export function newFlowOp(doc: Document, processId: string): Decision {
  const p = processById(doc, processId);
  if (!p) return { refused: `Proses ${processId} tidak ada.` };
  const units = doc.units ?? [];
  const lanes = (p.owners ?? []).filter((u) => units.some((x) => x.id === u));
  if (lanes.length === 0 && units.length > 0) lanes.push(units[0].id);
  if (lanes.length === 0) return { refused: "Belum ada unit kerja. Isi dulu Struktur organisasi: setiap pelaksana adalah unit kerja." };
  const id = freshId("f", allFlows(doc).map((f) => f.id));
  const flow: Flow = {
    id,
    name: p.name,
    process: p.id,
    lanes,
    steps: [
      { id: "s1", number: 1, text: "Memulai kegiatan", lane: lanes[0], shape: "start", next: ["s2"] },
      { id: "s2", number: 2, text: "Menyelesaikan kegiatan", lane: lanes[lanes.length - 1], shape: "end" },
    ],
  };
  return { op: { op: "add_flow", flow } };
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

function batch(label: string, ops: Op[]): Op {
  return ops.length === 1 ? ops[0] : { op: "batch", label, ops };
}

/** The step with a new shape; its ways on follow: a decision takes yes/no from next, an end has none. */
export function withShape(step: Step, shape: Shape): Step {
  if (shape === step.shape) return step;
  const ways = successors(step);
  const out: Step = { ...step, shape, next: [], yes: undefined, no: undefined };
  if (shape === "decision") {
    out.yes = ways[0];
    out.no = ways[1];
  } else if (shape !== "end") {
    out.next = ways;
  }
  return out;
}

/** Every way in from `from` redirected to `to` (or dropped when `to` is undefined). */
function redirect(step: Step, from: string, to: string | undefined): Step {
  const swap = (x: string | undefined) => (x === from ? to : x);
  const next = (step.next ?? []).map((n) => (n === from ? to : n)).filter((n): n is string => !!n);
  return { ...step, next: [...new Set(next)], yes: swap(step.yes), no: swap(step.no) };
}

export type NewStepKind = "process" | "decision";

/**
 * A new step after `afterId` (spliced in: the step now leads to it, and it
 * leads where the step led), or before `beforeId` (every way into that
 * step now enters the new one). A decision gets both branches: "Ya" on to
 * where the flow went, "Tidak" back to the step before it (the usual
 * "kembali untuk diperbaiki"). Appending after the end step makes the new
 * step the end. Returns the op and the new step's id.
 */
export function insertStepOp(
  flow: Flow,
  kind: NewStepKind,
  where: { after: string } | { before: string },
): { op: Op; id: string } | { refused: string } {
  const id = freshId("s", flow.steps.map((s) => s.id));
  const ops: Op[] = [];
  const index = flow.steps.findIndex((s) => s.id === ("after" in where ? where.after : where.before));
  if (index < 0) return { refused: "Pilih dulu langkah tempat menyisipkan." };
  const anchor = flow.steps[index];
  const fresh: Step = { id, text: "", lane: anchor.lane, shape: kind };
  let before: string | undefined;
  if ("after" in where) {
    before = flow.steps[index + 1]?.id;
    let a = anchor;
    let onward: string | undefined;
    if (a.shape === "end") {
      if (kind === "decision") return { refused: "Keputusan tidak dapat menjadi langkah terakhir. Tambahkan kegiatan dulu, atau sisipkan keputusan sebelum langkah selesai." };
      a = { ...a, shape: "process", next: [id] };
      fresh.shape = "end";
    } else if (a.shape === "decision") {
      // After a decision: on its "Ya" branch.
      onward = a.yes;
      a = { ...a, yes: id };
    } else {
      onward = (a.next ?? [])[0];
      a = { ...a, next: [id, ...(a.next ?? []).slice(1)] };
    }
    if (fresh.shape === "decision") {
      fresh.yes = onward;
      fresh.no = anchor.id;
    } else if (fresh.shape !== "end" && onward) {
      fresh.next = [onward];
    }
    ops.push({ op: "add_step", flow: flow.id, step: cleanStep(fresh), ...(before ? { before } : {}) });
    ops.push(updateStepOp(flow.id, a));
  } else {
    before = anchor.id;
    if (anchor.shape === "start") {
      if (kind === "decision") return { refused: "Keputusan tidak dapat mendahului langkah mulai. Sisipkan sesudahnya." };
      fresh.shape = "start";
      ops.push({ op: "add_step", flow: flow.id, step: cleanStep({ ...fresh, next: [anchor.id] }), before });
      ops.push(updateStepOp(flow.id, { ...anchor, shape: "process" }));
    } else {
      const prev = flow.steps[index - 1];
      if (kind === "decision") {
        fresh.yes = anchor.id;
        if (prev) fresh.no = prev.id;
      } else fresh.next = [anchor.id];
      ops.push({ op: "add_step", flow: flow.id, step: cleanStep(fresh), before });
      for (const s of flow.steps) if (s.id !== anchor.id && successors(s).includes(anchor.id)) ops.push(updateStepOp(flow.id, redirect(s, anchor.id, id)));
    }
  }
  return { op: batch(kind === "decision" ? "Tambah keputusan" : "Tambah langkah", ops), id };
}

/** Deletes a step; the ways into it go on to where it led (its first way on). */
export function deleteStepOp(flow: Flow, id: string): Decision {
  const step = flow.steps.find((s) => s.id === id);
  if (!step) return { refused: `Langkah ${id} tidak ada.` };
  if (flow.steps.length <= 1) return { refused: "Peta lintas fungsi perlu paling sedikit satu langkah. Hapus petanya bila tidak diperlukan." };
  const onward = successors(step).find((n) => n !== id);
  const ops: Op[] = [];
  for (const s of flow.steps) if (s.id !== id && successors(s).includes(id)) ops.push(updateStepOp(flow.id, redirect(s, id, onward)));
  ops.push({ op: "delete_step", flow: flow.id, id });
  return { op: batch(`Hapus langkah ${stepNumber(flow, id)}`, ops) };
}

/** One place up (-1) or down (+1) in the order of the steps (the rows). */
export function moveStepOp(flow: Flow, id: string, delta: -1 | 1): Decision {
  const i = flow.steps.findIndex((s) => s.id === id);
  if (i < 0) return { refused: `Langkah ${id} tidak ada.` };
  if (delta < 0) {
    if (i === 0) return { refused: "Langkah ini sudah paling atas." };
    return { op: { op: "move_step", flow: flow.id, id, before: flow.steps[i - 1].id } };
  }
  if (i >= flow.steps.length - 1) return { refused: "Langkah ini sudah paling bawah." };
  const after = flow.steps[i + 2];
  return { op: { op: "move_step", flow: flow.id, id, ...(after ? { before: after.id } : {}) } };
}

/** The step dropped on the row of `target`: it takes that row's place. */
export function dropStepOp(flow: Flow, id: string, target: string): Decision | null {
  if (id === target) return null;
  const i = flow.steps.findIndex((s) => s.id === id);
  const j = flow.steps.findIndex((s) => s.id === target);
  if (i < 0 || j < 0) return null;
  if (j < i) return { op: { op: "move_step", flow: flow.id, id, before: target } };
  const after = flow.steps[j + 1];
  return { op: { op: "move_step", flow: flow.id, id, ...(after ? { before: after.id } : {}) } };
}

/** A step's symbol dragged to another lane and/or another row: one edit (one undo step). */
export function dragStepOp(flow: Flow, id: string, lane: string | null, row: string | null): Decision | null {
  const moves = [lane ? stepLaneOp(flow, id, lane) : null, row ? dropStepOp(flow, id, row) : null].filter((d): d is Decision => d !== null);
  const refused = moves.find((d) => "refused" in d);
  if (refused) return refused;
  const ops = moves.map((d) => (d as { op: Op }).op);
  if (ops.length === 0) return null;
  return { op: batch(`Pindah langkah ${stepNumber(flow, id)}`, ops) };
}

/** The step in another lane (pelaksana). */
export function stepLaneOp(flow: Flow, id: string, lane: string): Decision | null {
  const step = flow.steps.find((s) => s.id === id);
  if (!step) return { refused: `Langkah ${id} tidak ada.` };
  if (!flow.lanes.includes(lane)) return { refused: `Pelaksana ${lane} bukan jalur peta ini.` };
  if (step.lane === lane) return null;
  return { op: updateStepOp(flow.id, { ...step, lane }) };
}

/** The step one lane to the left (-1) or right (+1). */
export function shiftLaneOp(flow: Flow, id: string, delta: -1 | 1): Decision | null {
  const step = flow.steps.find((s) => s.id === id);
  if (!step) return { refused: `Langkah ${id} tidak ada.` };
  const i = flow.lanes.indexOf(step.lane);
  const j = i < 0 ? 0 : i + delta;
  if (j < 0) return { refused: "Langkah ini sudah di pelaksana paling kiri." };
  if (j >= flow.lanes.length) return { refused: "Langkah ini sudah di pelaksana paling kanan." };
  return stepLaneOp(flow, id, flow.lanes[j]);
}

export function addLaneOp(doc: Document, flow: Flow, unit: string): Decision {
  if (!doc.units?.some((u) => u.id === unit)) return { refused: `Unit kerja ${unit} tidak ada.` };
  if (flow.lanes.includes(unit)) return { refused: `${unitName(doc, unit)} sudah menjadi pelaksana di peta ini.` };
  return { op: updateFlowOp({ ...flow, lanes: [...flow.lanes, unit] }) };
}

export function removeLaneOp(doc: Document, flow: Flow, unit: string): Decision {
  const used = flow.steps.find((s) => s.lane === unit);
  if (used) {
    return { refused: `${unitName(doc, unit)} masih melaksanakan langkah ${stepLabel(flow, used.id)}. Pindahkan langkahnya ke pelaksana lain dulu.` };
  }
  if (flow.lanes.length <= 1) return { refused: "Peta lintas fungsi perlu paling sedikit satu pelaksana." };
  return { op: updateFlowOp({ ...flow, lanes: flow.lanes.filter((l) => l !== unit) }) };
}

export function moveLaneOp(doc: Document, flow: Flow, unit: string, delta: -1 | 1): Decision {
  const i = flow.lanes.indexOf(unit);
  const j = i + delta;
  if (i < 0) return { refused: `${unitName(doc, unit)} bukan pelaksana di peta ini.` };
  if (j < 0 || j >= flow.lanes.length) return { refused: `${unitName(doc, unit)} sudah di ujung.` };
  const lanes = [...flow.lanes];
  [lanes[i], lanes[j]] = [lanes[j], lanes[i]];
  return { op: updateFlowOp({ ...flow, lanes }) };
}
