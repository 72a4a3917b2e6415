import { linkKey, patchDocument, patchList, patchReport, patchTreeLayout } from "./delta";
import { sampleDoc, sampleLayout } from "../test/fixtures";
import type { Document, DocumentDelta } from "../types";

const key = (x: { id: string }) => x.id;

describe("a list rebuilt from its changes", () => {
  const a = { id: "a", v: 1 };
  const b = { id: "b", v: 2 };
  const c = { id: "c", v: 3 };
  test("nothing changed: the same list", () => {
    const old = [a, b];
    expect(patchList(old, { items: [] }, key)).toBe(old);
  });
  test("same keys in the same order: changed items replaced, the others kept as objects", () => {
    const next = patchList([a, b, c], { items: [["b", { id: "b", v: 20 }]] }, key);
    expect(next).toEqual([a, { id: "b", v: 20 }, c]);
    expect(next[0]).toBe(a);
    expect(next[2]).toBe(c);
  });
  test("new order and membership: keys in order, new items given, the rest from the old list", () => {
    const d = { id: "d", v: 4 };
    const next = patchList([a, b, c], { keys: ["c", "d", "a"], items: [["d", d]] }, key);
    expect(next).toEqual([c, d, a]);
    expect(next[0]).toBe(c);
  });
  test("a key neither given nor held: refused (the copy was not the base)", () => {
    expect(() => patchList([a], { keys: ["a", "x"], items: [] }, key)).toThrow(/x/);
  });
});

test("a document from its skeleton and the changes to nodes and links", () => {
  const doc = sampleDoc();
  const skeleton: Document = { ...doc, document: { ...doc.document, title: "Baru" }, tree: { levels: doc.tree.levels } };
  const n7 = { id: "n7", level: 2, statement: "Anak" };
  const link = { from: "n7", to: "n1", kind: "primary" as const };
  const delta: DocumentDelta = {
    base: 1,
    seq: 2,
    skeleton,
    nodes: { keys: [...doc.tree.nodes!.map((n) => n.id), "n7"], items: [["n7", n7]] },
    links: { keys: [...doc.tree.links!.map(linkKey), linkKey(link)], items: [[linkKey(link), link]] },
  };
  const next = patchDocument(doc, delta);
  expect(next.document.title).toBe("Baru");
  expect(next.tree.levels).toEqual(doc.tree.levels);
  expect(next.tree.nodes!.at(-1)).toBe(n7);
  expect(next.tree.nodes![0]).toBe(doc.tree.nodes![0]);
  expect(next.tree.links!.at(-1)).toEqual(link);
  expect(next.tree.links).toHaveLength(doc.tree.links!.length + 1);
});

test("an emptied tree leaves its lists out, as the whole document does", () => {
  const doc = sampleDoc();
  const next = patchDocument(doc, { base: 1, seq: 2, skeleton: { ...doc, tree: { levels: doc.tree.levels } }, nodes: { keys: [], items: [] }, links: { keys: [], items: [] } });
  expect(next.tree).toEqual({ levels: doc.tree.levels });
});

test("a tree layout from its changes, with the new number", () => {
  const layout = { ...sampleLayout(), seq: 4 };
  const moved = { ...layout.boxes[1], x: layout.boxes[1].x + 10 };
  const next = patchTreeLayout(layout, { base: 4, seq: 5, width: 999, height: layout.height, bands: layout.bands, boxes: { items: [[moved.id, moved]] }, edges: { items: [] } });
  expect(next.seq).toBe(5);
  expect(next.width).toBe(999);
  expect(next.boxes[1]).toBe(moved);
  expect(next.boxes[0]).toBe(layout.boxes[0]);
  expect(next.edges).toBe(layout.edges);
});

test("a report from its changed findings (by position) and new summary", () => {
  const a = { rule: "P007", severity: "error" as const, target: { node: "n1" }, message: "lama" };
  const b = { rule: "P013", severity: "warning" as const, target: { node: "n2" }, message: "tetap" };
  const report = { findings: [a, b], summary: { error: 1, warning: 1, info: 0 } };
  const changed = { ...a, message: "baru" };
  const next = patchReport(report, { summary: { error: 1, warning: 1, info: 0 }, findings: { items: [["0", changed]] } });
  expect(next.findings[0]).toBe(changed);
  expect(next.findings[1]).toBe(b);
  expect(next.summary).toEqual(report.summary);
});
