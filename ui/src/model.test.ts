import { addedId, ancestors, descendantCount, fold, indexView, levelName, nodeAfter, periodYears, searchNodes, shorten, siblingsOf, unitLabel } from "./model";
import { sampleDoc, sampleParents, sampleView } from "./test/fixtures";

describe("document index", () => {
  const view = sampleView();
  const ix = indexView(view);

  test("is cached per document object and its parents", () => {
    expect(indexView(view)).toBe(ix);
    expect(indexView({ document: view.document, parents: view.parents })).toBe(ix);
    expect(indexView(sampleView())).not.toBe(ix);
    expect(indexView({ document: view.document, parents: { ...view.parents } })).not.toBe(ix);
  });
  test("parents, children in document order, roots", () => {
    expect(ix.parent.get("n3")).toBe("n1");
    expect(ix.children.get("n1")).toEqual(["n3", "n4"]);
    expect(ix.children.get("n0")).toEqual(["n1", "n2"]);
    expect(ix.roots).toEqual(["n0", "n6"]);
  });
  test("links by kind", () => {
    expect(ix.primaryLink.get("n1")?.rationale).toBe("Permenpan RB 26/2020");
    expect(ix.crosscutting.get("n5")?.map((l) => l.to)).toEqual(["ext:X/n9"]);
    expect(ix.incoming.get("ext:X/n9")?.[0].from).toBe("n5");
  });
  test("the parents are the core's: a node it gives none is a root, whatever its links", () => {
    const d = sampleDoc();
    d.tree.links!.push({ from: "n6", to: "gone", kind: "primary" });
    const { n3: _n3, ...parents } = sampleParents();
    const i = indexView({ document: d, parents });
    expect(i.parent.has("n6")).toBe(false);
    expect(i.roots).toEqual(["n0", "n3", "n6"]);
    expect(i.children.get("n1")).toEqual(["n4"]);
    expect(i.primaryLink.get("n6")?.to).toBe("gone");
  });
  test("siblings: same parent, or roots of the same level", () => {
    expect(siblingsOf(ix, "n4")).toEqual(["n3", "n4"]);
    expect(siblingsOf(ix, "n6")).toEqual(["n6"]);
    expect(siblingsOf(ix, "n0")).toEqual(["n0"]);
  });
  test("the node after another in the document's list", () => {
    expect(nodeAfter(ix, "n1")).toBe("n3");
    expect(nodeAfter(ix, "n6")).toBeUndefined();
    expect(nodeAfter(ix, "nope")).toBeUndefined();
  });
  test("ancestors and subtree size", () => {
    expect(ancestors(ix, "n4")).toEqual(["n1", "n0"]);
    expect(ancestors(ix, "n0")).toEqual([]);
    expect(descendantCount(ix, "n0")).toBe(5);
    expect(descendantCount(ix, "n5")).toBe(0);
  });
  test("ancestors stop on a cycle", () => {
    const d = sampleDoc();
    d.tree.links = [
      { from: "n1", to: "n3", kind: "primary" },
      { from: "n3", to: "n1", kind: "primary" },
    ];
    expect(ancestors(indexView({ document: d, parents: { n1: "n3", n3: "n1" } }), "n1")).toEqual(["n3"]);
  });
});

describe("helpers", () => {
  test("period years", () => {
    expect(periodYears(sampleDoc())).toEqual([2025, 2026, 2027]);
    const d = sampleDoc();
    d.document.period = { from: 2030, to: 2020 };
    expect(periodYears(d)).toEqual([]);
  });
  test("level names", () => {
    expect(levelName(sampleDoc(), 1)).toBe("Sasaran");
    expect(levelName(sampleDoc(), 9)).toBe("Level 9");
  });
  test("units and statements", () => {
    expect(unitLabel({ id: "a", name: "Kepala Badan", short: "Kaban" })).toBe("Kaban — Kepala Badan");
    expect(unitLabel({ id: "a", name: "Kepala Badan" })).toBe("Kepala Badan");
    expect(shorten("")).toBe("(kondisi belum diisi)");
    expect(shorten("abcdefghij", 5)).toBe("abcd…");
    // Cut between words, never inside one.
    expect(shorten("Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah", 50)).toBe("Meningkatnya Reformasi Birokrasi dalam…");
    expect(shorten("Pengadaan, Pemberhentian dan Informasi", 12)).toBe("Pengadaan…");
    expect(shorten("Meningkatnya Profesionalitas ASN", 60)).toBe("Meningkatnya Profesionalitas ASN");
  });
  test("the id an add created is the core's: the one not there before", () => {
    expect(addedId(["p1", "p2"], [{ id: "p1" }, { id: "p7" }, { id: "p2" }])).toBe("p7");
    expect(addedId(["p1"], [{ id: "p1" }])).toBeNull();
    expect(addedId([], undefined)).toBeNull();
  });
  test("search folds case, accents and spaces; matches indicators and ids", () => {
    const d = sampleDoc();
    d.tree.nodes![2].indicators = [{ id: "i9", name: "Indeks Sistem Merit" }];
    expect(fold("  Meningkatnya   PROFÉSIONALITAS ")).toBe("meningkatnya profesionalitas");
    expect(searchNodes(d, "meningkatnya").map((n) => n.id)).toEqual(["n0", "n1"]);
    expect(searchNodes(d, "sistem merit").map((n) => n.id)).toEqual(["n3"]);
    expect(searchNodes(d, "N5").map((n) => n.id)).toEqual(["n5"]);
    expect(searchNodes(d, "   ")).toEqual([]);
    expect(searchNodes(d, "a", 2)).toHaveLength(2);
  });
});
