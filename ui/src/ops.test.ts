import {
  acceptFindingOp,
  addChildOp,
  addCrosscuttingOp,
  addIndicatorOp,
  addSiblingOp,
  cleanNode,
  dropOp,
  reorderOp,
  selectionAfterDelete,
  unacceptFindingOp,
  updateNodeOp,
  withBudgetField,
  withField,
  withIndicatorField,
  withoutIndicator,
  withRationale,
  withServes,
  withAgreement,
  withTarget,
  withUnitField,
  ruleOffOp,
} from "./ops";
import { sampleDoc, sampleView } from "./test/fixtures";
import type { Node } from "./types";

const doc = sampleDoc();

describe("adding and moving nodes: one core op each (levels, places and refusals are the core's)", () => {
  test("a child: the parent only, the core sets the level", () => {
    expect(addChildOp("n1")).toEqual({ op: "add_node", node: { id: "", level: 0, statement: "" }, parent: "n1" });
  });
  test("a sibling: right after the node, under the same parent", () => {
    expect(addSiblingOp("n3")).toEqual({ op: "add_sibling", of: "n3" });
  });
  test("selection after a delete: next sibling, previous, parent", () => {
    const view = sampleView(doc);
    expect(selectionAfterDelete(view, "n3")).toBe("n4");
    expect(selectionAfterDelete(view, "n4")).toBe("n3");
    expect(selectionAfterDelete(view, "n5")).toBe("n2");
    expect(selectionAfterDelete(view, "n0")).toBeNull();
  });
  test("reorder among siblings, and drops", () => {
    expect(reorderOp("n4", -1)).toEqual({ op: "shift_node", id: "n4", delta: -1 });
    expect(dropOp("n3", "n2")).toEqual({ op: "drop_node", id: "n3", onto: "n2" });
    expect(dropOp("n3", "n3")).toBeNull();
  });
});


describe("node fields", () => {
  const n1 = doc.tree.nodes![1];
  test("statement: one line, trimmed", () => {
    expect(withField(n1, "statement", "  Meningkatnya\n  Kualitas  ").statement).toBe("Meningkatnya Kualitas");
  });
  test("owner: empty clears it", () => {
    expect(withField(n1, "owner", "").owner).toBeUndefined();
    expect(withField(n1, "owner", "sek").owner).toBe("sek");
  });
  test("level and phenomenon", () => {
    expect(withField(n1, "level", "2").level).toBe(2);
    expect(withField(n1, "phenomenon", " Rendahnya indeks ").phenomenon).toBe("Rendahnya indeks");
  });
  test("update_node sends the whole node without empty optional keys", () => {
    const node: Node = { id: "n9", level: 1, statement: "S", phenomenon: "", owner: undefined, indicators: [], budget: { code: "", ceiling: undefined } };
    expect(updateNodeOp(node)).toEqual({ op: "update_node", node: { id: "n9", level: 1, statement: "S" } });
    expect(cleanNode({ ...node, budget: { ceiling: 5, extra: { a: 1 } } }).budget).toEqual({ ceiling: 5, extra: { a: 1 } });
  });
});

describe("indicators", () => {
  const node: Node = {
    id: "n1",
    level: 1,
    statement: "S",
    indicators: [{ id: "i1", name: "Indeks RB", unit: "Poin", direction: "up", targets: { "2025": 60 } }, { id: "i2", name: "Lain" }],
  };
  test("a target typed in Indonesian becomes a number; text stays text", () => {
    expect(withTarget(node, "i1", 2026, "97,81").indicators![0].targets).toEqual({ "2025": 60, "2026": 97.81 });
    expect(withTarget(node, "i1", 2026, "WTP").indicators![0].targets).toEqual({ "2025": 60, "2026": "WTP" });
  });
  test("an emptied target cell removes the year; the last one removes targets", () => {
    const i = withTarget(node, "i1", 2025, " ").indicators![0];
    expect(i.targets).toBeUndefined();
    expect(i.name).toBe("Indeks RB");
  });
  test("a PK target sits beside the Renstra target of the same year", () => {
    const i = withTarget(node, "i1", 2025, "61", "pk_targets").indicators![0];
    expect(i.targets).toEqual({ "2025": 60 });
    expect(i.pk_targets).toEqual({ "2025": 61 });
    expect(withTarget({ ...node, indicators: [i] }, "i1", 2025, "", "pk_targets").indicators![0]).not.toHaveProperty("pk_targets");
  });
  test("capaian method and quarterly aggregation; empty means the default", () => {
    const i = withIndicatorField(withIndicatorField(node, "i1", "method", "down_ratio"), "i1", "aggregation", "last").indicators![0];
    expect([i.method, i.aggregation]).toEqual(["down_ratio", "last"]);
    const back = withIndicatorField({ ...node, indicators: [i] }, "i1", "method", "").indicators![0];
    expect(back).not.toHaveProperty("method");
  });
  test("other indicators are left alone", () => {
    expect(withTarget(node, "i1", 2026, "1").indicators![1]).toBe(node.indicators![1]);
  });
  test("fields: name, unit, direction, baseline", () => {
    expect(withIndicatorField(node, "i1", "unit", " Persen ").indicators![0].unit).toBe("Persen");
    expect(withIndicatorField(node, "i1", "unit", "").indicators![0]).not.toHaveProperty("unit");
    expect(withIndicatorField(node, "i1", "direction", "down").indicators![0].direction).toBe("down");
    expect(withIndicatorField(node, "i1", "direction", "").indicators![0]).not.toHaveProperty("direction");
    const b = withIndicatorField(withIndicatorField(node, "i1", "baseline_value", "55,96"), "i1", "baseline_year", "2020");
    expect(b.indicators![0].baseline).toEqual({ year: 2020, value: 55.96 });
    const cleared = withIndicatorField(withIndicatorField(b, "i1", "baseline_value", ""), "i1", "baseline_year", "x");
    expect(cleared.indicators![0]).not.toHaveProperty("baseline");
  });
  test("add: the core chooses the id; remove", () => {
    expect(addIndicatorOp("n1")).toEqual({ op: "add_indicator", node: "n1", indicator: { id: "", direction: "up" } });
    expect(withoutIndicator(node, "i1").indicators!.map((i) => i.id)).toEqual(["i2"]);
  });
});

describe("budget", () => {
  const node: Node = { id: "n1", level: 1, statement: "S" };
  test("money typed as 6.850.200.218", () => {
    expect(withBudgetField(node, "ceiling", "6.850.200.218")!.budget).toEqual({ ceiling: 6850200218 });
    expect(withBudgetField(node, "spent", "Rp 1.000")!.budget).toEqual({ spent: 1000 });
  });
  test("empty clears, text fields trimmed, unreadable money refused", () => {
    expect(withBudgetField({ ...node, budget: { ceiling: 5 } }, "ceiling", "")!.budget).toEqual({});
    expect(withBudgetField(node, "code", " 5.03.01 ")!.budget).toEqual({ code: "5.03.01" });
    expect(withBudgetField(node, "ceiling", "dua juta")).toBeNull();
  });
});

describe("links", () => {
  test("rationale of a link", () => {
    const link = { from: "n2", to: "n0", kind: "primary" as const };
    expect(withRationale(link, " Permenpan 26/2020 ")).toEqual({ op: "update_link", link: { ...link, rationale: "Permenpan 26/2020" } });
    expect(withRationale({ ...link, rationale: "x" }, "")).toEqual({ op: "update_link", link });
  });
  test("the parent's indicator a link serves", () => {
    const link = { from: "n2", to: "n0", kind: "primary" as const, rationale: "r" };
    expect(withServes(link, " i1 ")).toEqual({ op: "update_link", link: { ...link, serves: "i1" } });
    expect(withServes({ ...link, serves: "i1" }, "")).toEqual({ op: "update_link", link });
  });
  test("a crosscutting link's agreement: a new status is dated, reason and name trimmed, none removes it", () => {
    const link = { from: "n3", to: "ext:Bappeda/n4", kind: "crosscutting" as const };
    const pending = withAgreement(link, { status: "pending" }, "2024-02-01");
    expect(pending).toEqual({ op: "update_link", link: { ...link, agreement: { status: "pending", at: "2024-02-01" } } });
    const asked = { ...link, agreement: { status: "pending" as const, by: "Kepala Bappeda", at: "2024-02-01" } };
    // The same status again changes nothing (not even the date).
    expect(withAgreement(asked, { status: "pending" }, "2024-03-01")).toEqual({ op: "update_link", link: asked });
    expect(withAgreement(asked, { status: "rejected" }, "2024-03-01")).toEqual({
      op: "update_link",
      link: { ...link, agreement: { status: "rejected", by: "Kepala Bappeda", at: "2024-03-01" } },
    });
    expect(withAgreement(asked, { reason: " Bukan kewenangan Bappeda " }, "x")).toEqual({
      op: "update_link",
      link: { ...link, agreement: { ...asked.agreement, reason: "Bukan kewenangan Bappeda" } },
    });
    expect(withAgreement(asked, { by: "  " }, "x")).toEqual({ op: "update_link", link: { ...link, agreement: { status: "pending", at: "2024-02-01" } } });
    expect(withAgreement(asked, { status: "" }, "x")).toEqual({ op: "update_link", link });
    // A reason needs an answer to belong to: none is made up.
    expect(withAgreement(link, { reason: "alasan" }, "x")).toEqual({ op: "update_link", link });
  });
  test("crosscutting to a node of this document or to an ext: address", () => {
    expect(addCrosscuttingOp("n3", "n5", " alasan ")).toEqual({ op: "add_link", link: { from: "n3", to: "n5", kind: "crosscutting", rationale: "alasan" } });
    expect(addCrosscuttingOp("n3", " ext:BKPSDM-Kebumen/n3 ")).toEqual({ op: "add_link", link: { from: "n3", to: "ext:BKPSDM-Kebumen/n3", kind: "crosscutting" } });
    // What is refused (a malformed address, itself, missing, repeated, empty) and why is the core's (edit/ops/tree.rs).
    expect(addCrosscuttingOp("n3", "ext:Kebumen")).toEqual({ op: "add_link", link: { from: "n3", to: "ext:Kebumen", kind: "crosscutting" } });
  });
});

describe("units and findings", () => {
  test("unit fields", () => {
    const u = { id: "sek", name: "Sekretariat", echelon: "III.a", parent: "kaban" };
    expect(withUnitField(u, "parent", "")).toEqual({ id: "sek", name: "Sekretariat", echelon: "III.a" });
    expect(withUnitField(u, "echelon", "")).not.toHaveProperty("echelon");
    expect(withUnitField(u, "short", " Sekban ").short).toBe("Sekban");
    expect(withUnitField(u, "name", " Sekretariat Badan ").name).toBe("Sekretariat Badan");
  });
  test("switch a rule off; accept a finding with a reason", () => {
    expect(ruleOffOp("P016")).toEqual({ op: "set_rule", rule: "P016", setting: "off" });
    const f = { rule: "P014", severity: "warning" as const, target: { node: "n9" }, message: "m" };
    expect(acceptFindingOp(f, " Dikerjakan bersama ", "2024-01-15T00:00:00Z")).toEqual({
      op: "accept_finding",
      accepted: { rule: "P014", target: { node: "n9" }, reason: "Dikerjakan bersama", at: "2024-01-15T00:00:00Z" },
    });
    // An empty reason goes too: the core refuses it with its message.
    expect(acceptFindingOp(f, "  ")).toEqual({ op: "accept_finding", accepted: { rule: "P014", target: { node: "n9" }, reason: "" } });
    expect(unacceptFindingOp(f)).toEqual({ op: "unaccept_finding", rule: "P014", target: { node: "n9" } });
  });
});
