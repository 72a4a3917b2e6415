import { linkKey, patchDocument, patchList, patchParents, patchReport, patchTreeLayout } from "./delta";
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
  test("new order and membership: runs from the old keys (keep, skip, insert), new items given, the rest from the old list", () => {
    const d = { id: "d", v: 4 };
    const next = patchList([a, b, c], { order: [{ insert: ["c", "d"] }, { keep: 1 }, { skip: 2 }], items: [["d", d]] }, key);
    expect(next).toEqual([c, d, a]);
    expect(next[0]).toBe(c);
    expect(next[2]).toBe(a);
    const changed = { id: "a", v: 10 };
    expect(patchList([a, b], { order: [{ keep: 1 }, { skip: 1 }], items: [["a", changed]] }, key)).toEqual([changed]);
  });
  test("a key neither given nor held, or runs that do not fit the list: refused (the copy was not the base)", () => {
    expect(() => patchList([a], { order: [{ keep: 1 }, { insert: ["x"] }], items: [] }, key)).toThrow(/x/);
    expect(() => patchList([a], { order: [{ keep: 2 }], items: [] }, key)).toThrow();
    expect(() => patchList([a, b], { order: [{ keep: 1 }], items: [] }, key)).toThrow();
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
    nodes: { order: [{ keep: doc.tree.nodes!.length }, { insert: ["n7"] }], items: [["n7", n7]] },
    links: { order: [{ keep: doc.tree.links!.length }, { insert: [linkKey(link)] }], items: [[linkKey(link), link]] },
    parents: { n7: "n1" },
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
  const next = patchDocument(doc, { base: 1, seq: 2, skeleton: { ...doc, tree: { levels: doc.tree.levels } }, nodes: { order: [{ skip: doc.tree.nodes!.length }], items: [] }, links: { order: [{ skip: doc.tree.links!.length }], items: [] }, parents: {} });
  expect(next.tree).toEqual({ levels: doc.tree.levels });
});

test("without a skeleton the rest of the document is kept; nothing changed, the same document", () => {
  const doc = sampleDoc();
  const renamed = { ...doc.tree.nodes![0], statement: "Baru" };
  const next = patchDocument(doc, { base: 1, seq: 2, nodes: { items: [["n0", renamed]] }, links: { items: [] }, parents: {} });
  expect(next.tree.nodes![0]).toBe(renamed);
  expect(next.tree.nodes![1]).toBe(doc.tree.nodes![1]);
  expect(next.tree.links).toBe(doc.tree.links);
  expect(next.tree.levels).toBe(doc.tree.levels);
  expect(next.document).toBe(doc.document);
  expect(patchDocument(doc, { base: 1, seq: 2, nodes: { items: [] }, links: { items: [] }, parents: {} })).toBe(doc);
});

test("primary parents from the ones that changed (null: none now)", () => {
  const parents = { n1: "n0", n3: "n1" };
  expect(patchParents(parents, {})).toBe(parents);
  expect(patchParents(parents, { n3: "n0", n1: null, n7: "n3" })).toEqual({ n3: "n0", n7: "n3" });
  expect(parents).toEqual({ n1: "n0", n3: "n1" });
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

test("a report from its findings' runs and new summary", () => {
  const a = { rule: "P007", severity: "error" as const, target: { node: "n1" }, message: "lama" };
  const b = { rule: "P013", severity: "warning" as const, target: { node: "n2" }, message: "tetap" };
  const report = { findings: [a, b], summary: { error: 1, warning: 1, info: 0 } };
  const changed = { ...a, message: "baru" };
  const next = patchReport(report, { summary: { error: 1, warning: 1, info: 0 }, findings: [{ skip: 1 }, { insert: [changed] }, { keep: 1 }] });
  expect(next.findings[0]).toBe(changed);
  expect(next.findings[1]).toBe(b);
  expect(next.summary).toEqual(report.summary);
  // One more between them, then one fewer.
  const c = { ...b, message: "baru juga" };
  const more = patchReport(report, { summary: { error: 1, warning: 2, info: 0 }, findings: [{ keep: 1 }, { insert: [c] }, { keep: 1 }] });
  expect(more.findings).toEqual([a, c, b]);
  expect(patchReport(more, { summary: report.summary, findings: [{ keep: 1 }, { skip: 1 }, { keep: 1 }] }).findings).toEqual([a, b]);
  expect(() => patchReport(report, { summary: report.summary, findings: [{ keep: 3 }] })).toThrow();
  expect(() => patchReport(report, { summary: report.summary, findings: [{ keep: 1 }] })).toThrow();
});
