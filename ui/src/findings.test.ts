import { FOLD_OVER, findingsOfNode, groupFindings, isSelectedFinding, nodeBadges, ruleGroupOpen, ruleHeading, ruleSetting, sameTarget, targetNode, targetText } from "./findings";
import type { Finding, Report } from "./types";
import { sampleDoc, sampleReport } from "./test/fixtures";

describe("findings", () => {
  const report = sampleReport();

  test("grouped Kesalahan, Peringatan, Info with counts that leave out accepted ones", () => {
    const groups = groupFindings(report);
    expect(groups.map((g) => [g.label, g.count, g.accepted, g.items.length])).toEqual([
      ["Kesalahan", 1, 0, 1],
      ["Peringatan", 3, 1, 4],
      ["Info", 2, 0, 2],
    ]);
    // Accepted findings come last in their group.
    expect(groups[1].items.at(-1)!.finding.accepted).toBe("Dikerjakan bersama");
    expect(groupFindings(report)).toBe(groups);
  });
  test("within a severity, by rule in report order: counts, accepted ones last, the hint they share", () => {
    const [errors, warnings, infos] = groupFindings(report);
    expect(errors.rules.map((r) => [r.rule, r.count, r.accepted, r.hint])).toEqual([["P007", 1, 0, "Tambahkan indikator."]]);
    expect(warnings.rules.map((r) => [r.rule, r.count, r.accepted, r.items.length])).toEqual([
      ["P014", 1, 1, 2],
      ["P009", 1, 0, 1],
      ["B001", 1, 0, 1],
    ]);
    expect(warnings.rules[0].items.map((i) => i.testId)).toEqual(["finding-P014-0", "finding-P014-1"]);
    expect(warnings.rules[0].items[1].finding.accepted).toBe("Dikerjakan bersama");
    expect(infos.rules.map((r) => r.rule)).toEqual(["P016", "P020"]);
    // Every finding is in exactly one rule group.
    for (const g of groupFindings(report)) expect(g.rules.flatMap((r) => r.items).length).toBe(g.items.length);
  });
  test("a rule's heading: its id, its count and the core's phrase (the catalogue's group)", () => {
    const many: Finding[] = Array.from({ length: 57 }, (_, i) => ({ rule: "P016", severity: "info", target: { link: [`n${i + 1}`, "n0"] }, message: "m", hint: "Tuliskan alasannya." }));
    many.push({ rule: "P016", severity: "info", target: { link: ["x", "n0"] }, message: "m", hint: "Lain.", accepted: "alasan" });
    const [, , infos] = groupFindings({ findings: many, summary: { error: 0, warning: 0, info: 57 } });
    const p016 = infos.rules[0];
    const phrases = new Map([["P016", "keterkaitan tanpa justifikasi"]]);
    expect(ruleHeading(p016, phrases)).toBe("P016 · 57 keterkaitan tanpa justifikasi");
    expect(ruleHeading(p016, null)).toBe("P016 · 57 temuan");
    // Not every finding gives the same hint: each says its own.
    expect(p016.hint).toBeNull();
  });
  test("a rule group with more than a few findings starts folded; the planner's choice wins", () => {
    const report: Report = {
      findings: Array.from({ length: FOLD_OVER + 1 }, (_, i) => ({ rule: "P014", severity: "warning" as const, target: { node: `n${i}` }, message: "m" })),
      summary: { error: 0, warning: FOLD_OVER + 1, info: 0 },
    };
    const big = groupFindings(report)[1].rules[0];
    const small = groupFindings(sampleReport())[1].rules[0];
    expect(ruleGroupOpen(big, {})).toBe(false);
    expect(ruleGroupOpen(small, {})).toBe(true);
    expect(ruleGroupOpen(big, { P014: true })).toBe(true);
    expect(ruleGroupOpen(small, { P014: false })).toBe(false);
    // Grown past a few under the planner's eyes: stays as it first came.
    expect(ruleGroupOpen(big, {}, 2)).toBe(true);
  });
  test("the selected finding: same rule and target", () => {
    const f = report.findings[1];
    expect(isSelectedFinding(f, { rule: "P014", target: { node: "n3" } })).toBe(true);
    expect(isSelectedFinding(f, { rule: "P007", target: { node: "n3" } })).toBe(false);
    expect(isSelectedFinding(f, null)).toBe(false);
  });
  test("test ids number each rule's findings from 0 in report order", () => {
    const ids = groupFindings(report).flatMap((g) => g.items.map((i) => i.testId));
    expect(ids).toContain("finding-P014-0");
    expect(ids).toContain("finding-P014-1");
    expect(ids).toContain("finding-P007-0");
  });
  test("target → the node to show", () => {
    expect(targetNode({ node: "n3" })).toBe("n3");
    expect(targetNode({ indicator: ["n1", "i1"] })).toBe("n1");
    expect(targetNode({ link: ["n2", "n0"] })).toBe("n2");
    expect(targetNode({ unit: "sek" })).toBeNull();
    expect(targetNode({ step: ["f1", "s1"] })).toBeNull();
    expect(targetNode({ document: null })).toBeNull();
  });
  test("badges: count and worst severity per node, accepted ones left out", () => {
    const b = nodeBadges(report);
    expect(b.get("n3")).toEqual({ count: 2, worst: "error" });
    expect(b.get("n1")).toEqual({ count: 1, worst: "warning" });
    expect(b.get("n2")).toEqual({ count: 1, worst: "info" });
    expect(b.has("n4")).toBe(false);
    expect(nodeBadges(report)).toBe(b);
  });
  test("worst severity wins whatever the order", () => {
    const b = nodeBadges({
      findings: [
        { rule: "P016", severity: "info", target: { node: "a" }, message: "" },
        { rule: "P014", severity: "warning", target: { node: "a" }, message: "" },
        { rule: "P016", severity: "info", target: { node: "a" }, message: "" },
      ],
      summary: { error: 0, warning: 1, info: 2 },
    });
    expect(b.get("a")).toEqual({ count: 3, worst: "warning" });
  });
  test("findings of one node", () => {
    expect(findingsOfNode(report, "n3").map((f) => f.rule)).toEqual(["P007", "P014"]);
  });
  test("target in words", () => {
    const doc = sampleDoc();
    expect(targetText({ node: "n1" }, doc)).toBe("Simpul n1 — Meningkatnya Profesionalitas ASN");
    expect(targetText({ indicator: ["n1", "i1"] })).toBe("Indikator i1 pada simpul n1");
    expect(targetText({ link: ["n2", "n0"] })).toBe("Keterkaitan n2 → n0");
    expect(targetText({ unit: "sek" })).toBe("Unit kerja sek");
    expect(targetText({ process: "p1" })).toBe("Proses p1");
    expect(targetText({ flow: "f1" })).toBe("Peta lintas fungsi f1");
    expect(targetText({ step: ["f1", "s2"] })).toBe("Langkah s2 pada f1");
    expect(targetText({ document: null })).toBe("Dokumen");
    const withFlow = sampleDoc();
    withFlow.processes = {
      map: { processes: [{ id: "p1", category: "core", name: "Manajemen ASN" }] },
      flows: [{ id: "f1", name: "Cuti", lanes: ["sek"], steps: [{ id: "s1", text: "Mulai", lane: "sek", shape: "start" }, { id: "s2", number: 2, text: "Memverifikasi berkas", lane: "sek", shape: "end" }] }],
    };
    expect(targetText({ process: "p1" }, withFlow)).toBe("Proses p1 — Manajemen ASN");
    expect(targetText({ flow: "f1" }, withFlow)).toBe("Peta lintas fungsi f1 — Cuti");
    expect(targetText({ step: ["f1", "s2"] }, withFlow)).toBe("Langkah 2 (s2) di Cuti — Memverifikasi berkas");
  });
  test("same target; rule settings", () => {
    expect(sameTarget({ link: ["a", "b"] }, { link: ["a", "b"] })).toBe(true);
    expect(sameTarget({ node: "a" }, { unit: "a" })).toBe(false);
    const doc = sampleDoc();
    doc.validation = { rules: { P016: "off" } };
    expect(ruleSetting(doc, "P016")).toBe("off");
    expect(ruleSetting(doc, "P001")).toBeUndefined();
  });
});
