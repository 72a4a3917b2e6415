import { fitViewport, foldLevelForFit, MIN_OVERVIEW_ZOOM, openingViewport, readableZoom, TREE_SCALE, zoomFor, zoomPercent } from "./zoom";
import type { LayoutBox, TreeLayout } from "../types";

function box(id: string, level: number, x: number, y: number): LayoutBox {
  return { id, level, x, y, width: 150, height: 32, lines: [id], font_size: 8, line_height: 10, padding: 6, notes: [], note_size: 7, note_line_height: 9, hidden_children: 0, external: false };
}

/** A chain n0 → n1 → n2 over `wide` level-3 boxes side by side. */
function tree(wide: number): TreeLayout {
  const boxes = [box("n0", 0, 0, 18), box("n1", 1, 0, 86), box("n2", 2, 0, 154)];
  for (let i = 0; i < wide; i++) boxes.push(box(`w${i}`, 3, 90 + i * 164, 222));
  const width = 90 + wide * 164;
  for (const b of boxes.slice(0, 3)) b.x = width / 2 - 75;
  return { width, height: 290, bands: [], boxes, edges: [] };
}

test("100 % is 12 px statements (8 pt at 1.5 px per point)", () => {
  expect(TREE_SCALE * 8).toBe(12);
  expect(zoomPercent(1.5)).toBe(100);
  expect(zoomPercent(0.75)).toBe(50);
  expect(zoomFor(100)).toBe(1.5);
  expect(readableZoom(tree(1)) * 8).toBe(10);
});

test("a small tree opens whole, at most at 100 %", () => {
  const v = openingViewport(tree(2), 900, 500)!;
  expect(v.zoom).toBeLessThanOrEqual(TREE_SCALE);
  expect(v.zoom * 8).toBeGreaterThanOrEqual(10);
});

test("a wide tree opens at its top levels, readable: never 'fit everything' small", () => {
  const layout = tree(30);
  const v = openingViewport(layout, 840, 460)!;
  expect(v.zoom * 8).toBeGreaterThanOrEqual(10);
  // n0 … n2 on screen.
  for (const id of ["n0", "n1", "n2"]) {
    const b = layout.boxes.find((x) => x.id === id)!;
    expect(b.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
    expect((b.x + b.width) * v.zoom + v.x).toBeLessThanOrEqual(840);
    expect((b.y + b.height) * v.zoom + v.y).toBeLessThanOrEqual(460);
  }
});

test("Paskan fits the whole layout; a tree too wide for an overview folds to the levels that fit", () => {
  const layout = tree(30);
  const f = fitViewport(layout, 840, 460)!;
  expect(layout.width * f.zoom).toBeLessThanOrEqual(840);
  const levelOf = new Map(layout.boxes.map((b) => [b.id, b.level]));
  const children = (id: string) => (id === "n0" ? ["n1"] : id === "n1" ? ["n2"] : id === "n2" ? layout.boxes.filter((b) => b.level === 3).map((b) => b.id) : []);
  expect(foldLevelForFit(tree(3), levelOf, children, 840)).toBeNull();
  const wide = tree(600);
  const fold = foldLevelForFit(wide, new Map(wide.boxes.map((b) => [b.id, b.level])), children, 840);
  expect(fold).toBe(2);
  expect(MIN_OVERVIEW_ZOOM).toBeGreaterThan(0.1);
});
