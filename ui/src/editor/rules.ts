// Aturan pemeriksaan: every rule with its default severity and the
// document's own setting (off, or re-levelled), and what a change sends.

import type { Document, Op, RuleInfo, RuleSetting } from "../types";

/** A rule as the shell lists it (`list_rules`). */
export type { RuleInfo };

/** What the settings panel offers for a rule: its default, or a setting of its own. */
export type RuleChoice = "default" | RuleSetting;
export const RULE_CHOICES: RuleChoice[] = ["default", "error", "warning", "info", "off"];
export const SETTING_LABEL: Record<RuleSetting, string> = { error: "Kesalahan", warning: "Peringatan", info: "Info", off: "Mati" };

export function ruleSettings(doc: Document): Record<string, RuleSetting> {
  return doc.validation?.rules ?? {};
}

/** The setting in force for a rule: "default" when the document leaves it at its default. */
export function choiceOf(doc: Document, rule: RuleInfo | string): RuleChoice {
  const id = typeof rule === "string" ? rule : rule.id;
  const s = ruleSettings(doc)[id];
  if (s === undefined || s === null) return "default";
  if (typeof rule !== "string" && s === rule.default) return "default";
  return s;
}

/** The rules this document switched off or re-levelled (ids, in order). */
export function changedRules(doc: Document, rules: RuleInfo[] | null = null): string[] {
  const defaults = new Map((rules ?? []).map((r) => [r.id, r.default]));
  return Object.entries(ruleSettings(doc))
    .filter(([id, s]) => s !== null && s !== undefined && s !== defaults.get(id))
    .map(([id]) => id)
    .sort();
}

/** The set_rule op for a choice; null when it changes nothing. */
export function setRuleOp(doc: Document, rule: RuleInfo | string, choice: RuleChoice): Op | null {
  if (choice === choiceOf(doc, rule)) return null;
  const id = typeof rule === "string" ? rule : rule.id;
  return { op: "set_rule", rule: id, setting: choice === "default" ? null : choice };
}

/** The rows of the panel: every listed rule, then settings of rules the list does not know (so they can be reset). */
export function ruleRows(doc: Document, rules: RuleInfo[]): { rule: RuleInfo; choice: RuleChoice; known: boolean }[] {
  const known = new Set(rules.map((r) => r.id));
  const rows = rules.map((rule) => ({ rule, choice: choiceOf(doc, rule), known: true }));
  for (const [id, s] of Object.entries(ruleSettings(doc))) {
    if (known.has(id) || s === null || s === undefined) continue;
    rows.push({ rule: { id, title: "(aturan tidak dikenal versi ini)", group: "temuan", default: "warning" }, choice: s, known: false });
  }
  return rows;
}
