// What each action of the planner sends to the core: pure functions from
// the document (and the action) to one Op, or to a message explaining why
// nothing is sent. No I/O here; the store sends what these return.

import type { Budget, Direction, Finding, Indicator, Link, Node, Op, Target, Unit, Value } from "./types";
import type { Aggregation, Agreement, AgreementStatus, CapaianMethod } from "./generated";
import { indexView, siblingsOf, type DocIndex, type TreeView } from "./model";
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

/** A new, empty node under `parentId`: the core sets its level and says when there is none below. */
export function addChildOp(parentId: string): Op {
  return { op: "add_node", node: { id: "", level: 0, statement: "" }, parent: parentId };
}

/** A new, empty node right after `id`, under the same parent (the core's add_sibling). */
export function addSiblingOp(id: string): Op {
  return { op: "add_sibling", of: id };
}

/** A root node (level 0) at the end: for an empty document. */
export function addRootOp(): Op {
  return { op: "add_node", node: { id: "", level: 0, statement: "" } };
}

export function deleteNodeOp(id: string): Op {
  return { op: "delete_node", id };
}

/** What to select after deleting `id`: the next sibling, else the previous, else the parent. */
export function selectionAfterDelete(view: TreeView, id: string): string | null {
  const ix = indexView(view);
  const sibs = siblingsOf(ix, id);
  const i = sibs.indexOf(id);
  return sibs[i + 1] ?? sibs[i - 1] ?? ix.parent.get(id) ?? null;
}

/** Moves `id` one place left (-1) or right (+1) among its siblings (the core's shift_node). */
export function reorderOp(id: string, delta: -1 | 1): Op {
  return { op: "shift_node", id, delta };
}

/**
 * A node dropped onto another (the core's drop_node): a new place among its
 * siblings, or a new parent where the level fits. Null: dropped onto itself.
 */
export function dropOp(dragged: string, target: string): Op | null {
  return dragged === target ? null : { op: "drop_node", id: dragged, onto: target };
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
      return { ...node, owner: value === "" ? undefined : value };
    case "level":
      return { ...node, level: Number(value) };
  }
}

// ---- indicators (edited through update_node, the whole node at once) ---

export type IndicatorField = "name" | "unit" | "definition" | "source" | "direction" | "method" | "aggregation" | "baseline_year" | "baseline_value";

function mapIndicator(node: Node, id: string, change: (i: Indicator) => Indicator): Node {
  return { ...node, indicators: (node.indicators ?? []).map((i) => (i.id === id ? change(i) : i)) };
}

function cleanIndicator(i: Indicator): Indicator {
  const out: Indicator = { ...i };
  for (const k of ["name", "unit", "definition", "source"] as const) if (!out[k]) delete out[k];
  if (!out.direction) delete out.direction;
  if (!out.method) delete out.method;
  if (!out.aggregation) delete out.aggregation;
  if (out.baseline) {
    const b = { ...out.baseline };
    if (b.year === undefined || b.year === null) delete b.year;
    if (b.value === undefined || b.value === null || b.value === "") delete b.value;
    if (Object.keys(b).length) out.baseline = b;
    else delete out.baseline;
  }
  if (out.targets && Object.keys(out.targets).length === 0) delete out.targets;
  if (out.pk_targets && Object.keys(out.pk_targets).length === 0) delete out.pk_targets;
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
      case "method":
        return cleanIndicator({ ...i, method: t === "" ? undefined : (t as CapaianMethod) });
      case "aggregation":
        return cleanIndicator({ ...i, aggregation: t === "" ? undefined : (t as Aggregation) });
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

/** A node with one indicator's target for `year` set from the cell's text (empty removes it):
 * the Renstra target (`targets`) or the year's Perjanjian Kinerja target (`pk_targets`). */
export function withTarget(node: Node, id: string, year: number, text: string, kind: "targets" | "pk_targets" = "targets"): Node {
  return mapIndicator(node, id, (i) => {
    const targets: Record<string, Value> = { ...i[kind] };
    const value = parseValue(text);
    if (value === undefined) delete targets[String(year)];
    else targets[String(year)] = value;
    return cleanIndicator({ ...i, [kind]: targets });
  });
}

export function withoutIndicator(node: Node, id: string): Node {
  return { ...node, indicators: (node.indicators ?? []).filter((i) => i.id !== id) };
}

/** A new indicator row, direction "up" (its id is the core's to choose). */
export function addIndicatorOp(nodeId: string): Op {
  return { op: "add_indicator", node: nodeId, indicator: { id: "", direction: "up" } };
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

/** Which of the parent's indicators the link serves (an indicator id; "" for none). */
export function withServes(link: Link, indicator: string): Op {
  const out: Link = { ...link, serves: indicator.trim() };
  if (!out.serves) delete out.serves;
  return { op: "update_link", link: out };
}

/** What of a crosscutting link's agreement the planner changes: its status ("" for none asked yet), reason or who answered. */
export type AgreementChange = { status: AgreementStatus | "" } | { reason: string } | { by: string };

/**
 * The other agency's answer to a crosscutting link. A new status is dated
 * `today` (YYYY-MM-DD); "" removes the agreement. A reason or a name is kept
 * on the agreement there is (none is made for them).
 */
export function withAgreement(link: Link, change: AgreementChange, today: string): Op {
  const out: Link = { ...link };
  if ("status" in change) {
    if (change.status === "") delete out.agreement;
    else if (change.status !== link.agreement?.status) out.agreement = { ...link.agreement, status: change.status, at: today };
  } else if (link.agreement) {
    const agreement: Agreement = { ...link.agreement, ...change };
    for (const key of ["reason", "by"] as const) {
      const text = agreement[key]?.trim();
      if (text) agreement[key] = text;
      else delete agreement[key];
    }
    out.agreement = agreement;
  }
  return { op: "update_link", link: out };
}

/**
 * A crosscutting link from `from` to a node of this document or an
 * `ext:<agency>/<node>` address; the core refuses a missing, repeated or
 * malformed target with the reason.
 */
export function addCrosscuttingOp(from: string, to: string, rationale = ""): Op {
  const link: Link = { from, to: to.trim(), kind: "crosscutting" };
  if (rationale.trim()) link.rationale = rationale.trim();
  return { op: "add_link", link };
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

/** Accepts a finding with a reason (the core refuses an empty one). */
export function acceptFindingOp(finding: Finding, reason: string, at?: string): Op {
  const accepted: { rule: string; target: Target; reason: string; at?: string } = { rule: finding.rule, target: finding.target, reason: reason.trim() };
  if (at) accepted.at = at;
  return { op: "accept_finding", accepted };
}

export function unacceptFindingOp(finding: Finding): Op {
  return { op: "unaccept_finding", rule: finding.rule, target: finding.target };
}
