// Moving the selection over what is drawn (the core's layout): up = parent,
// down = first child, left/right = previous/next sibling, and past the
// last sibling, the nearest box of the same level on that side.

import type { LayoutBox, TreeLayout } from "./types";

export type NavDirection = "up" | "down" | "left" | "right";

export interface LayoutIndex {
  boxes: Map<string, LayoutBox>;
  /** Primary parent as drawn. */
  parent: Map<string, string>;
  /** Drawn primary children, left to right. */
  children: Map<string, string[]>;
  /** Boxes of each level, left to right. */
  byLevel: Map<number, LayoutBox[]>;
}

const cache = new WeakMap<TreeLayout, LayoutIndex>();

export function indexLayout(layout: TreeLayout): LayoutIndex {
  const hit = cache.get(layout);
  if (hit) return hit;
  const boxes = new Map<string, LayoutBox>();
  for (const b of layout.boxes) boxes.set(b.id, b);
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const e of layout.edges) {
    if (e.kind !== "primary" || !boxes.has(e.from) || !boxes.has(e.to) || parent.has(e.from)) continue;
    parent.set(e.from, e.to);
    const c = children.get(e.to);
    if (c) c.push(e.from);
    else children.set(e.to, [e.from]);
  }
  const byX = (a: string, b: string) => boxes.get(a)!.x - boxes.get(b)!.x;
  for (const c of children.values()) c.sort(byX);
  const byLevel = new Map<number, LayoutBox[]>();
  for (const b of layout.boxes) {
    const l = byLevel.get(b.level);
    if (l) l.push(b);
    else byLevel.set(b.level, [b]);
  }
  for (const l of byLevel.values()) l.sort((a, b) => a.x - b.x);
  const ix = { boxes, parent, children, byLevel };
  cache.set(layout, ix);
  return ix;
}

/** The box to select after pressing an arrow; the same id when there is nowhere to go. */
export function navigate(layout: TreeLayout, selected: string | null, dir: NavDirection): string | null {
  const ix = indexLayout(layout);
  if (selected === null || !ix.boxes.has(selected)) return firstBox(layout);
  switch (dir) {
    case "up":
      return ix.parent.get(selected) ?? selected;
    case "down":
      return ix.children.get(selected)?.[0] ?? selected;
    case "left":
    case "right": {
      const step = dir === "left" ? -1 : 1;
      const p = ix.parent.get(selected);
      if (p !== undefined) {
        const sibs = ix.children.get(p)!;
        const next = sibs[sibs.indexOf(selected) + step];
        if (next !== undefined) return next;
      }
      const box = ix.boxes.get(selected)!;
      const row = ix.byLevel.get(box.level) ?? [];
      const i = row.findIndex((b) => b.id === selected);
      return row[i + step]?.id ?? selected;
    }
  }
}

/** The top-left box: where the selection starts. */
export function firstBox(layout: TreeLayout): string | null {
  let best: LayoutBox | null = null;
  for (const b of layout.boxes) {
    if (b.external) continue;
    if (!best || b.level < best.level || (b.level === best.level && b.x < best.x)) best = b;
  }
  return best?.id ?? null;
}

/** The box under a point (layout coordinates), skipping `except`; the last drawn wins. */
export function boxAt(layout: TreeLayout, x: number, y: number, except?: string): LayoutBox | null {
  let hit: LayoutBox | null = null;
  for (const b of layout.boxes) {
    if (b.id === except) continue;
    if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) hit = b;
  }
  return hit;
}

/** The box overlapping `rect` the most, skipping `except`. */
export function boxOverlapping(layout: TreeLayout, rect: { x: number; y: number; width: number; height: number }, except?: string): LayoutBox | null {
  let best: LayoutBox | null = null;
  let bestArea = 0;
  for (const b of layout.boxes) {
    if (b.id === except) continue;
    const w = Math.min(rect.x + rect.width, b.x + b.width) - Math.max(rect.x, b.x);
    const h = Math.min(rect.y + rect.height, b.y + b.height) - Math.max(rect.y, b.y);
    if (w > 0 && h > 0 && w * h > bestArea) {
      best = b;
      bestArea = w * h;
    }
  }
  return best;
}
