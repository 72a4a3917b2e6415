import { findingsOfNode, groupFindings, nodeBadges, ruleSetting, sameTarget, targetNode, targetText } from "./findings";
import { sampleDoc, sampleReport } from "./test/fixtures";

describe("findings", () => {
  const report = sampleReport();

  test("grouped Galat, Peringatan, Info with counts that leave out accepted ones", () => {
    const groups = groupFindings(report);
    expect(groups.map((g) => [g.label, g.count, g.accepted, g.items.length])).toEqual([
      ["Galat", 1, 0, 1],
      ["Peringatan", 3, 1, 4],
      ["Info", 2, 0, 2],
    ]);
    // Accepted findings come last in their group.
    expect(groups[1].items.at(-1)!.finding.accepted).toBe("Dikerjakan bersama");
    expect(groupFindings(report)).toBe(groups);
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
