// What each action of the planner sends to the core: pure functions from
// the document (and the action) to one Op, or to a message explaining why
// nothing is sent. No I/O here; the store sends what these return.

import type { Budget, Direction, Document, Finding, Indicator, Link, Node, Op, Target, Unit, Value } from "./types";
import { freshId, indexDocument, indicatorIds, nodeAfter, shorten, siblingsOf, type DocIndex } from "./model";
import { parseRupiah, parseValue } from "./format";

/** An op to send, or a message to show instead. */
export type Decision = { op: Op } | { refused: string };

/** An op to send as a decision (null: nothing to send). */
export function asDecision(op: Op | null): Decision | null {
  return op ? { op } : null;
}

export function isExternal(id: string): boolean {
  return id.startsWith("ext:");
}

// ---- nodes -------------------------------------------------------------

/** A new, empty node under `parentId` (level = parent's + 1, set by the core too), at the end of its siblings. */
export function addChildOp(doc: Document, parentId: string): Decision {
  const ix = indexDocument(doc);
  const parent = ix.nodes.get(parentId);
  if (!parent) return { refused: isExternal(parentId) ? "Simpul luar tidak dapat diberi anak di dokumen ini." : `Simpul ${parentId} tidak ada.` };
  if (parent.level + 1 >= doc.tree.levels.length) {
    return { refused: `"${shorten(parent.statement, 48)}" ada di level terbawah; simpul di bawahnya tidak punya level.` };
  }
  return { op: { op: "add_node", node: { id: "", level: parent.level + 1, statement: "" }, parent: parentId } };
}

/** A new, empty node right after `id`, under the same parent (or a root of the same level). */
export function addSiblingOp(doc: Document, id: string): Decision {
  const ix = indexDocument(doc);
  const node = ix.nodes.get(id);
  if (!node) return { refused: isExternal(id) ? "Simpul luar tidak dapat diberi saudara di dokumen ini." : `Simpul ${id} tidak ada.` };
  const op: Op & { op: "add_node" } = { op: "add_node", node: { id: "", level: node.level, statement: "" } };
  const parent = ix.parent.get(id);
  if (parent !== undefined) op.parent = parent;
  const after = nodeAfter(ix, id);
  if (after !== undefined) op.before = after;
  return { op };
}

/** A root node (level 0) at the end: for an empty document. */
export function addRootOp(): Op {
  return { op: "add_node", node: { id: "", level: 0, statement: "" } };
}

export function deleteNodeOp(id: string): Op {
  return { op: "delete_node", id };
}

/** What to select after deleting `id`: the next sibling, else the previous, else the parent. */
export function selectionAfterDelete(doc: Document, id: string): string | null {
  const ix = indexDocument(doc);
  const sibs = siblingsOf(ix, id);
  const i = sibs.indexOf(id);
  return sibs[i + 1] ?? sibs[i - 1] ?? ix.parent.get(id) ?? null;
}

/** Moves `id` one place left (-1) or right (+1) among its siblings. */
export function reorderOp(doc: Document, id: string, delta: -1 | 1): Decision {
  const ix = indexDocument(doc);
  if (!ix.nodes.has(id)) return { refused: `Simpul ${id} tidak ada.` };
  const sibs = siblingsOf(ix, id);
  const i = sibs.indexOf(id);
  if (delta < 0) {
    if (i <= 0) return { refused: "Simpul ini sudah paling kiri di antara saudaranya." };
    return { op: { op: "move_node", id, before: sibs[i - 1] } };
  }
  if (i < 0 || i >= sibs.length - 1) return { refused: "Simpul ini sudah paling kanan di antara saudaranya." };
  const op: Op & { op: "move_node" } = { op: "move_node", id };
  const after = nodeAfter(ix, sibs[i + 1]);
  if (after !== undefined) op.before = after;
  return { op };
}

/**
 * A node dropped onto another:
 * - onto a sibling (same parent, same level): a new place among the
 *   siblings — in front of it when dragged from the right, behind it when
 *   dragged from the left;
 * - onto another node of the same level: next to it, under its parent;
 * - onto any other node: that node as the new primary parent (the core
 *   refuses, with a message, where the level does not fit).
 * Null: nothing to do (dropped onto itself or onto its own parent).
 */
export function dropOp(doc: Document, dragged: string, target: string): Decision | null {
  if (dragged === target) return null;
  if (isExternal(dragged)) return { refused: "Simpul luar tidak dapat dipindah di dokumen ini." };
  if (isExternal(target)) return { refused: "Simpul luar (dokumen lain) tidak dapat menjadi induk." };
  const ix = indexDocument(doc);
  const a = ix.nodes.get(dragged);
  const b = ix.nodes.get(target);
  if (!a || !b) return { refused: `Simpul ${!a ? dragged : target} tidak ada.` };
  const parentA = ix.parent.get(dragged);
  const parentB = ix.parent.get(target);
  if (a.level === b.level && parentA === parentB) {
    const sibs = siblingsOf(ix, dragged);
    if (sibs.indexOf(dragged) < sibs.indexOf(target)) {
      const op: Op & { op: "move_node" } = { op: "move_node", id: dragged };
      const after = nodeAfter(ix, target);
      if (after !== undefined) op.before = after;
      return { op };
    }
    return { op: { op: "move_node", id: dragged, before: target } };
  }
  if (a.level === b.level && parentB !== undefined) {
    return { op: { op: "move_node", id: dragged, parent: parentB, before: target } };
  }
  if (parentA === target) return null;
  return { op: { op: "move_node", id: dragged, parent: target } };
}

/** The whole node with a change, as update_node sends it. */
export function updateNodeOp(node: Node): Op {
  return { op: "update_node", node: cleanNode(node) };
}

/** Drops optional keys left empty, so what is sent matches what the core writes back. */
export function cleanNode(node: Node): Node {
  const out: Node = { ...node };
  if (!out.phenomenon) delete out.phenomenon;
  if (!out.owner) delete out.owner;
  if (out.indicators && out.indicators.length === 0) delete out.indicators;
  if (out.budget) {
    const b = cleanBudget(out.budget);
    if (b) out.budget = b;
    else delete out.budget;
  }
  return out;
}

function cleanBudget(b: Budget): Budget | undefined {
  const out: Budget = {};
  if (b.code) out.code = b.code;
  if (b.name) out.name = b.name;
  if (b.ceiling !== undefined && b.ceiling !== null) out.ceiling = b.ceiling;
  if (b.spent !== undefined && b.spent !== null) out.spent = b.spent;
  if (b.extra && Object.keys(b.extra).length) out.extra = b.extra;
  return Object.keys(out).length ? out : undefined;
}

export function withStatement(node: Node, statement: string): Node {
  return { ...node, statement: statement.replace(/\s*\n\s*/g, " ").trim() };
}

export type NodeField = "statement" | "phenomenon" | "owner" | "level";

/** A node with one of its own fields changed. */
export function withField(node: Node, field: NodeField, value: string): Node {
  switch (field) {
    case "statement":
      return withStatement(node, value);
    case "phenomenon":
      return { ...node, phenomenon: value.trim() };
    case "owner":
      return { ...node, owner: value === "" ? null : value };
    case "level":
      return { ...node, level: Number(value) };
  }
}

// ---- indicators (edited through update_node, the whole node at once) ---

export type IndicatorField = "name" | "unit" | "definition" | "source" | "direction" | "baseline_year" | "baseline_value";

function mapIndicator(node: Node, id: string, change: (i: Indicator) => Indicator): Node {
  return { ...node, indicators: (node.indicators ?? []).map((i) => (i.id === id ? change(i) : i)) };
}

function cleanIndicator(i: Indicator): Indicator {
  const out: Indicator = { ...i };
  for (const k of ["name", "unit", "definition", "source"] as const) if (!out[k]) delete out[k];
  if (!out.direction) delete out.direction;
  if (out.baseline) {
    const b = { ...out.baseline };
    if (b.year === undefined || b.year === null) delete b.year;
    if (b.value === undefined || b.value === null || b.value === "") delete b.value;
    if (Object.keys(b).length) out.baseline = b;
    else delete out.baseline;
  }
  if (out.targets && Object.keys(out.targets).length === 0) delete out.targets;
  if (out.actuals && Object.keys(out.actuals).length === 0) delete out.actuals;
  return out;
}

/** A node with one field of one indicator changed; text as typed in the table. */
export function withIndicatorField(node: Node, id: string, field: IndicatorField, text: string): Node {
  return mapIndicator(node, id, (i) => {
    const t = text.trim();
    switch (field) {
      case "direction":
        return cleanIndicator({ ...i, direction: (t === "" ? undefined : (t as Direction)) });
      case "baseline_year": {
        const year = t === "" ? undefined : Number.parseInt(t, 10);
        return cleanIndicator({ ...i, baseline: { ...i.baseline, year: Number.isFinite(year) ? year : undefined } });
      }
      case "baseline_value":
        return cleanIndicator({ ...i, baseline: { ...i.baseline, value: parseValue(t) } });
      default:
        return cleanIndicator({ ...i, [field]: t });
    }
  });
}

/** A node with one indicator's target for `year` set from the cell's text (empty removes it). */
export function withTarget(node: Node, id: string, year: number, text: string): Node {
  return mapIndicator(node, id, (i) => {
    const targets: Record<string, Value> = { ...i.targets };
    const value = parseValue(text);
    if (value === undefined) delete targets[String(year)];
    else targets[String(year)] = value;
    return cleanIndicator({ ...i, targets });
  });
}

export function withoutIndicator(node: Node, id: string): Node {
  return { ...node, indicators: (node.indicators ?? []).filter((i) => i.id !== id) };
}

/** A new indicator row: an id unique in the document, direction "up". */
export function addIndicatorOp(doc: Document, nodeId: string): Op {
  const id = freshId("i", indicatorIds(doc));
  return { op: "add_indicator", node: nodeId, indicator: { id, direction: "up" } };
}

export function deleteIndicatorOp(nodeId: string, id: string): Op {
  return { op: "delete_indicator", node: nodeId, id };
}

// ---- budget ----------------------------------------------------------------

export type BudgetField = "code" | "name" | "ceiling" | "spent";

/** A node with one budget field changed; money typed as "6.850.200.218". Null when the money does not read. */
export function withBudgetField(node: Node, field: BudgetField, text: string): Node | null {
  const budget: Budget = { ...node.budget };
  if (field === "ceiling" || field === "spent") {
    if (text.trim() === "") delete budget[field];
    else {
      const n = parseRupiah(text);
      if (n === null) return null;
      budget[field] = n;
    }
  } else budget[field] = text.trim();
  return { ...node, budget };
}

// ---- links -----------------------------------------------------------------

export function withRationale(link: Link, rationale: string): Op {
  const out: Link = { ...link, rationale: rationale.trim() };
  if (!out.rationale) delete out.rationale;
  return { op: "update_link", link: out };
}

const EXT_ADDRESS = /^ext:[^/\s]+\/[^/\s]+$/;

/** A crosscutting link from `from` to a node of this document or an `ext:<agency>/<node>` address. */
export function addCrosscuttingOp(doc: Document, from: string, to: string, rationale = ""): Decision {
  const target = to.trim();
  const ix = indexDocument(doc);
  if (!ix.nodes.has(from)) return { refused: `Simpul ${from} tidak ada.` };
  if (target === "") return { refused: "Pilih simpul tujuan keterkaitan." };
  if (target === from) return { refused: "Simpul tidak dapat dikaitkan ke dirinya sendiri." };
  if (isExternal(target)) {
    if (!EXT_ADDRESS.test(target)) return { refused: "Alamat simpul luar ditulis ext:<kode-instansi>/<id-simpul>, misalnya ext:BKPSDM-Kebumen/n3." };
  } else if (!ix.nodes.has(target)) return { refused: `Simpul ${target} tidak ada.` };
  if ((doc.tree.links ?? []).some((l) => l.from === from && l.to === target)) {
    return { refused: "Keterkaitan ke simpul itu sudah ada." };
  }
  const link: Link = { from, to: target, kind: "crosscutting" };
  if (rationale.trim()) link.rationale = rationale.trim();
  return { op: { op: "add_link", link } };
}

export function deleteLinkOp(link: Link): Op {
  return { op: "delete_link", from: link.from, to: link.to };
}

// ---- units -----------------------------------------------------------------

export function addUnitOp(): Op {
  return { op: "add_unit", unit: { id: "", name: "Unit kerja baru" } };
}

export type UnitField = "name" | "short" | "echelon" | "parent";

export function withUnitField(unit: Unit, field: UnitField, text: string): Unit {
  const out: Unit = { ...unit };
  const t = text.trim();
  if (field === "parent") {
    if (t === "") delete out.parent;
    else out.parent = t;
  } else if (field === "name") out.name = t;
  else if (t === "") delete out[field];
  else out[field] = t;
  return out;
}

export function updateUnitOp(unit: Unit): Op {
  return { op: "update_unit", unit };
}

export function deleteUnitOp(id: string): Op {
  return { op: "delete_unit", id };
}

/** Nodes owned by a unit (to warn before deleting it). */
export function nodesOwnedBy(ix: DocIndex, unitId: string): Node[] {
  const out: Node[] = [];
  for (const n of ix.nodes.values()) if (n.owner === unitId) out.push(n);
  return out;
}

// ---- validation settings ----------------------------------------------------

export function ruleOffOp(rule: string): Op {
  return { op: "set_rule", rule, setting: "off" };
}

export function ruleDefaultOp(rule: string): Op {
  return { op: "set_rule", rule, setting: null };
}

export function acceptFindingOp(finding: Finding, reason: string, at?: string): Decision {
  const r = reason.trim();
  if (!r) return { refused: "Tuliskan alasan menerima temuan ini." };
  const accepted: { rule: string; target: Target; reason: string; at?: string } = { rule: finding.rule, target: finding.target, reason: r };
  if (at) accepted.at = at;
  return { op: { op: "accept_finding", accepted } };
}

export function unacceptFindingOp(finding: Finding): Op {
  return { op: "unaccept_finding", rule: finding.rule, target: finding.target };
}
