import { boxAt, boxOverlapping, firstBox, indexLayout, navigate } from "./navigation";
import { sampleLayout } from "./test/fixtures";

const layout = sampleLayout();

describe("selection over the layout", () => {
  test("index: parents from primary edges, children left to right", () => {
    const ix = indexLayout(layout);
    expect(ix.parent.get("n4")).toBe("n1");
    expect(ix.children.get("n1")).toEqual(["n3", "n4"]);
    expect(ix.parent.has("ext:X/n9")).toBe(false);
    expect(indexLayout(layout)).toBe(ix);
  });
  test("up goes to the parent; at a root stays", () => {
    expect(navigate(layout, "n4", "up")).toBe("n1");
    expect(navigate(layout, "n0", "up")).toBe("n0");
  });
  test("down goes to the first (leftmost) child; at a leaf stays", () => {
    expect(navigate(layout, "n1", "down")).toBe("n3");
    expect(navigate(layout, "n0", "down")).toBe("n1");
    expect(navigate(layout, "n5", "down")).toBe("n5");
  });
  test("left/right go to the previous/next sibling", () => {
    expect(navigate(layout, "n3", "right")).toBe("n4");
    expect(navigate(layout, "n4", "left")).toBe("n3");
    expect(navigate(layout, "n1", "right")).toBe("n2");
  });
  test("past the last sibling: the next box of the same level", () => {
    expect(navigate(layout, "n4", "right")).toBe("n5");
    expect(navigate(layout, "n5", "left")).toBe("n4");
    expect(navigate(layout, "n2", "right")).toBe("n6");
    expect(navigate(layout, "n3", "left")).toBe("n3");
  });
  test("collapsed children are not drawn, so down stays", () => {
    const l = sampleLayout();
    l.boxes = l.boxes.filter((b) => b.id !== "n3" && b.id !== "n4");
    l.edges = l.edges.filter((e) => e.to !== "n1");
    expect(navigate(l, "n1", "down")).toBe("n1");
  });
  test("without a selection (or one not drawn) start at the top-left box", () => {
    expect(navigate(layout, null, "down")).toBe("n0");
    expect(navigate(layout, "hidden", "left")).toBe("n0");
    expect(firstBox({ ...layout, boxes: [] })).toBeNull();
  });
});

describe("hit testing for drag and drop", () => {
  test("the box under a point, skipping the dragged one", () => {
    expect(boxAt(layout, 110, 130)?.id).toBe("n1");
    expect(boxAt(layout, 110, 130, "n1")).toBeNull();
    expect(boxAt(layout, 5, 5)).toBeNull();
  });
  test("the box overlapping most", () => {
    expect(boxOverlapping(layout, { x: 140, y: 225, width: 80, height: 40 })?.id).toBe("n4");
    expect(boxOverlapping(layout, { x: 60, y: 225, width: 80, height: 40 })?.id).toBe("n3");
    expect(boxOverlapping(layout, { x: 100, y: 225, width: 80, height: 40 }, "n4")?.id).toBe("n3");
    expect(boxOverlapping(layout, { x: 0, y: 0, width: 10, height: 10 })).toBeNull();
  });
});
