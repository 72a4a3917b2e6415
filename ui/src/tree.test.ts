import { outline, summaryText } from "./tree";
import type { Document } from "./types";

const doc: Document = {
  format: "pokin/1",
  document: { title: "T", period: { from: 2025, to: 2029 } },
  tree: {
    levels: [{ name: "Impact", kind: "impact" }, { name: "Outcome", kind: "outcome" }],
    nodes: [
      { id: "b", level: 1, statement: "B" },
      { id: "a", level: 0, statement: "A" },
      { id: "c", level: 1, statement: "C" },
      { id: "orphan", level: 1, statement: "O" },
    ],
    links: [
      { from: "b", to: "a", kind: "primary" },
      { from: "c", to: "a", kind: "primary" },
    ],
  },
};

test("outline follows primary links in document order", () => {
  expect(outline(doc).map((x) => `${x.depth}:${x.node.id}`)).toEqual(["0:a", "1:b", "1:c", "0:orphan"]);
});

test("summary in Indonesian", () => {
  expect(summaryText({ error: 1, warning: 2, info: 0 })).toBe("1 galat, 2 peringatan, 0 info");
});
