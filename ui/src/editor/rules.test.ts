import { changedRules, choiceOf, ruleRows, setRuleOp, type RuleInfo } from "./rules";
import { finalWarning, openErrors } from "./final";
import { sampleDoc, sampleReport } from "../test/fixtures";
import type { Finding } from "../types";

const RULES: RuleInfo[] = [
  { id: "P001", title: "Keterkaitan membentuk lingkaran", group: "lingkaran keterkaitan", default: "error" },
  { id: "P007", title: "Simpul tanpa indikator", group: "kondisi tanpa indikator", default: "error" },
  { id: "P014", title: "Simpul tanpa penanggung jawab", group: "simpul tanpa penanggung jawab", default: "warning" },
];

function docWith(rules: Record<string, "off" | "info" | "warning" | "error">) {
  const doc = sampleDoc();
  doc.validation = { rules };
  return doc;
}

test("a rule's setting: its default, or the document's own", () => {
  const doc = docWith({ P007: "off", P014: "error", P001: "error" });
  expect(choiceOf(doc, RULES[0])).toBe("default"); // set to what it is anyway
  expect(choiceOf(doc, RULES[1])).toBe("off");
  expect(choiceOf(doc, RULES[2])).toBe("error");
  expect(changedRules(doc, RULES)).toEqual(["P007", "P014"]);
  expect(changedRules(sampleDoc(), RULES)).toEqual([]);
});

test("each change is the existing set_rule op; back to the default is null", () => {
  const doc = docWith({ P007: "off" });
  expect(setRuleOp(doc, RULES[1], "default")).toEqual({ op: "set_rule", rule: "P007", setting: null });
  expect(setRuleOp(doc, RULES[1], "warning")).toEqual({ op: "set_rule", rule: "P007", setting: "warning" });
  expect(setRuleOp(doc, RULES[1], "off")).toBeNull();
  expect(setRuleOp(doc, RULES[2], "info")).toEqual({ op: "set_rule", rule: "P014", setting: "info" });
});

test("a setting for a rule the list does not know is still shown, so it can be reset", () => {
  const rows = ruleRows(docWith({ X999: "off" }), RULES);
  expect(rows.map((r) => r.rule.id)).toEqual(["P001", "P007", "P014", "X999"]);
  expect(rows[3]).toMatchObject({ known: false, choice: "off" });
});

test("final with errors: how many and which (rule and message), at most ten listed", () => {
  const report = sampleReport();
  expect(openErrors(report).map((f) => f.rule)).toEqual(["P007"]);
  const w = finalWarning(report)!;
  expect(w.message).toContain("1 kesalahan");
  expect(w.details).toEqual(["P007 — Simpul n3 belum punya indikator."]);
  const many: Finding[] = Array.from({ length: 13 }, (_, i) => ({ rule: "P007", severity: "error", target: { node: `n${i}` }, message: `Simpul n${i} belum punya indikator.` }));
  many.push({ rule: "P008", severity: "error", target: { node: "n0" }, message: "diterima", accepted: "alasan" });
  const w2 = finalWarning({ findings: many, summary: { error: 13, warning: 0, info: 0 } })!;
  expect(w2.message).toContain("13 kesalahan");
  expect(w2.details).toHaveLength(11);
  expect(w2.details[10]).toContain("dan 3 kesalahan lainnya");
  expect(finalWarning({ findings: [], summary: { error: 0, warning: 0, info: 0 } })).toBeNull();
});
