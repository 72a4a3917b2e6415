// The validator's findings as the planner reads them: grouped by severity
// and, within it, by rule; counted per node for the badges, and resolved to
// the node to show.

import type { Document, Finding, Node, Report, Severity, Target } from "./types";
import { shorten } from "./model";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];
export const SEVERITY_LABEL: Record<Severity, string> = { error: "Kesalahan", warning: "Peringatan", info: "Info" };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface FindingItem {
  finding: Finding;
  /** Position among the findings of the same rule, from 0: `finding-<rule>-<n>`. */
  n: number;
  testId: string;
}

export interface FindingGroup {
  severity: Severity;
  label: string;
  /** Findings that count (not accepted). */
  count: number;
  /** Accepted findings in this group. */
  accepted: number;
  items: FindingItem[];
  /** The same findings by rule, in report (catalogue) order. */
  rules: RuleGroup[];
}

/** The findings of one rule: "P016 · 57 keterkaitan tanpa justifikasi" (`ruleHeading`). */
export interface RuleGroup {
  rule: string;
  severity: Severity;
  /** Findings that count (not accepted). */
  count: number;
  accepted: number;
  /** The open findings in report order, then the accepted ones. */
  items: FindingItem[];
  /** The hint every finding of the rule gives, where they all give the same (said once, under the heading); else null. */
  hint: string | null;
}

/** A rule group with more findings than this starts folded. */
export const FOLD_OVER = 3;

/**
 * Whether a rule group shows its findings: as the planner left it (opened,
 * folded, or a finding of it selected), else open when it held only a few
 * findings as it first came on screen (`firstSize`: a group does not fold
 * itself under the planner's eyes when an edit adds one more).
 */
export function ruleGroupOpen(group: RuleGroup, opened: Record<string, boolean>, firstSize = group.items.length): boolean {
  return opened[group.rule] ?? firstSize <= FOLD_OVER;
}

/**
 * A rule group's heading, "P016 · 57 keterkaitan tanpa justifikasi": the
 * core's words (`validate::group_heading`, the catalogue's `group` phrase,
 * which `list_rules` brings); "temuan" until the catalogue is there.
 */
export function ruleHeading(group: RuleGroup, phrases: ReadonlyMap<string, string> | null): string {
  return `${group.rule} · ${group.count} ${phrases?.get(group.rule) ?? "temuan"}`;
}

const groupCache = new WeakMap<Report, FindingGroup[]>();
/** A finding's item, kept while the report keeps the finding's object at the same place among its rule's (an edit's report keeps most). */
const itemCache = new WeakMap<Finding, FindingItem>();

/**
 * Kesalahan, Peringatan, Info — in that order, each in report order,
 * accepted ones after the others; and within each, the findings by rule
 * (the grouping `validate::group_by_rule` gives the text report).
 */
export function groupFindings(report: Report): FindingGroup[] {
  const hit = groupCache.get(report);
  if (hit) return hit;
  const perRule = new Map<string, number>();
  const groups = new Map<Severity, FindingGroup>(
    SEVERITIES.map((s) => [s, { severity: s, label: SEVERITY_LABEL[s], count: 0, accepted: 0, items: [], rules: [] }]),
  );
  const byRule = new Map<string, RuleGroup>();
  const later: FindingItem[] = [];
  const laterByRule: [RuleGroup, FindingItem][] = [];
  for (const f of report.findings) {
    const n = perRule.get(f.rule) ?? 0;
    perRule.set(f.rule, n + 1);
    let item = itemCache.get(f);
    if (!item || item.n !== n) itemCache.set(f, (item = { finding: f, n, testId: `finding-${f.rule}-${n}` }));
    const g = groups.get(f.severity) ?? groups.get("info")!;
    const key = `${g.severity}/${f.rule}`;
    let r = byRule.get(key);
    if (!r) {
      byRule.set(key, (r = { rule: f.rule, severity: g.severity, count: 0, accepted: 0, items: [], hint: f.hint ?? null }));
      g.rules.push(r);
    }
    if (f.accepted !== undefined && f.accepted !== null) {
      g.accepted++;
      r.accepted++;
      later.push(item);
      laterByRule.push([r, item]);
    } else {
      g.count++;
      r.count++;
      g.items.push(item);
      r.items.push(item);
    }
  }
  for (const item of later) (groups.get(item.finding.severity) ?? groups.get("info")!).items.push(item);
  for (const [r, item] of laterByRule) r.items.push(item);
  for (const g of groups.values()) for (const r of g.rules) if (r.hint !== null && r.items.some((i) => i.finding.hint !== r.hint)) r.hint = null;
  const out = SEVERITIES.map((s) => groups.get(s)!);
  groupCache.set(report, out);
  return out;
}

/** Whether a finding is the one selected (`EditorState.findingSelected`): the same rule and target. */
export function isSelectedFinding(f: Finding, selected: { rule: string; target: Target } | null): boolean {
  return selected !== null && selected.rule === f.rule && sameTarget(selected.target, f.target);
}

/** The tree node a target is about (node, indicator of a node, link from a node), or null. */
export function targetNode(target: Target): string | null {
  if ("node" in target) return target.node;
  if ("indicator" in target) return target.indicator[0];
  if ("link" in target) return target.link[0];
  return null;
}

export function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Badge {
  count: number;
  worst: Severity;
}

const badgeCache = new WeakMap<Report, Map<string, Badge>>();

/** Per node: how many (not accepted) findings are about it and the worst severity. */
export function nodeBadges(report: Report): Map<string, Badge> {
  const hit = badgeCache.get(report);
  if (hit) return hit;
  const out = badgesBy(report, targetNode);
  badgeCache.set(report, out);
  return out;
}

/** Per key (a node, a process, a step …, as `key` reads it from the target): the count of open findings and the worst severity. */
export function badgesBy(report: Report, key: (t: Target) => string | null): Map<string, Badge> {
  const out = new Map<string, Badge>();
  for (const f of report.findings) {
    if (f.accepted !== undefined && f.accepted !== null) continue;
    const id = key(f.target);
    if (id === null) continue;
    const b = out.get(id);
    if (!b) out.set(id, { count: 1, worst: f.severity });
    else {
      b.count++;
      if (RANK[f.severity] > RANK[b.worst]) b.worst = f.severity;
    }
  }
  return out;
}

const processBadgeCache = new WeakMap<Report, Map<string, Badge>>();

/** Per process: its open findings' count and worst severity (cached per report, like `nodeBadges`). */
export function processBadges(report: Report): Map<string, Badge> {
  const hit = processBadgeCache.get(report);
  if (hit) return hit;
  const out = badgesBy(report, (t) => ("process" in t ? t.process : null));
  processBadgeCache.set(report, out);
  return out;
}

/** The step a target is about in flow `flow` (the step itself), or null. */
export function stepOf(flow: string): (t: Target) => string | null {
  return (t) => ("step" in t && t.step[0] === flow ? t.step[1] : null);
}

/** The findings about one node (its own, its indicators', its outgoing links'). */
export function findingsOfNode(report: Report, id: string): Finding[] {
  return report.findings.filter((f) => targetNode(f.target) === id);
}

/** Where a finding is, in words: "Simpul n3 — Meningkatnya …", "Indikator i2 pada n3", "Keterkaitan n3 → n2". */
const nodeCache = new WeakMap<Document, Map<string, Node>>();

/** The document's nodes by id (cached per document). */
function nodesById(doc: Document): Map<string, Node> {
  let hit = nodeCache.get(doc);
  if (!hit) nodeCache.set(doc, (hit = new Map((doc.tree.nodes ?? []).map((n) => [n.id, n]))));
  return hit;
}

export function targetText(target: Target, doc?: Document): string {
  const statement = (id: string) => {
    const n = doc && nodesById(doc).get(id);
    return n ? ` — ${shorten(n.statement, 50)}` : "";
  };
  if ("node" in target) return `Simpul ${target.node}${statement(target.node)}`;
  if ("indicator" in target) return `Indikator ${target.indicator[1]} pada simpul ${target.indicator[0]}${statement(target.indicator[0])}`;
  if ("link" in target) return `Keterkaitan ${target.link[0]} → ${target.link[1]}`;
  if ("unit" in target) return `Unit kerja ${target.unit}`;
  const processes = doc?.processes?.map?.processes ?? [];
  const flows = doc?.processes?.flows ?? [];
  if ("process" in target) {
    const p = processes.find((x) => x.id === target.process);
    return `Proses ${target.process}${p ? ` — ${shorten(p.name, 50)}` : ""}`;
  }
  if ("flow" in target) {
    const f = flows.find((x) => x.id === target.flow);
    return `Peta lintas fungsi ${target.flow}${f ? ` — ${shorten(f.name, 50)}` : ""}`;
  }
  if ("step" in target) {
    const [flowId, stepId] = target.step;
    const f = flows.find((x) => x.id === flowId);
    const i = f ? f.steps.findIndex((x) => x.id === stepId) : -1;
    if (!f || i < 0) return `Langkah ${stepId} pada ${flowId}`;
    const step = f.steps[i];
    return `Langkah ${step.number ?? i + 1} (${stepId}) di ${shorten(f.name, 40)} — ${shorten(step.text || "(tanpa uraian)", 50)}`;
  }
  return "Dokumen";
}

/** Whether a finding is about the business-process maps (a process, a flow or a step) rather than the tree. */
export function isProcessTarget(t: Target): boolean {
  return "process" in t || "flow" in t || "step" in t;
}

const processScopeCache = new WeakMap<Report, Report>();

/** Only the findings about the business-process maps, with their own counts. */
export function processFindings(report: Report): Report {
  const hit = processScopeCache.get(report);
  if (hit) return hit;
  const findings = report.findings.filter((f) => isProcessTarget(f.target));
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.accepted === undefined || f.accepted === null) summary[f.severity]++;
  const out = { findings, summary };
  processScopeCache.set(report, out);
  return out;
}

/** Whether a rule is switched off in the document's settings. */
export function ruleSetting(doc: Document, rule: string): string | undefined {
  return doc.validation?.rules?.[rule];
}
