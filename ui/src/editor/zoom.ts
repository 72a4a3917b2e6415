// How big the tree is drawn. The core lays the tree out in points (the
// printout's unit; statements at 8 pt); the canvas draws TREE_SCALE screen
// pixels per point at "100 %", so statements read at 12 px there.

import type { LayoutBox, TreeLayout } from "../types";

/** Screen pixels per layout point at 100 %. */
export const TREE_SCALE = 1.5;
/** Text smaller than this (px) is not read without effort: a document opens at least this big. */
export const READABLE_TEXT_PX = 10;
/** Room kept around what is fitted (px). */
const MARGIN = 24;

/** The zoom shown to the planner (100 = statements at 12 px) for React Flow's zoom (pixels per point). */
export function zoomPercent(zoom: number): number {
  return Math.round((zoom / TREE_SCALE) * 100);
}

/** React Flow's zoom for a shown percentage. */
export function zoomFor(percent: number): number {
  return (percent / 100) * TREE_SCALE;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

function fontSize(layout: TreeLayout): number {
  return layout.boxes[0]?.font_size ?? 8;
}

/** The zoom at which the boxes' text is READABLE_TEXT_PX. */
export function readableZoom(layout: TreeLayout): number {
  return READABLE_TEXT_PX / fontSize(layout);
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function bounds(boxes: LayoutBox[]): Rect | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The viewport that shows `r` whole at `zoom`: centred across, its top at the top. */
function showing(r: Rect, zoom: number, W: number, H: number): Viewport {
  const x = W / 2 - (r.x + r.width / 2) * zoom;
  const y = r.height * zoom + 2 * MARGIN <= H ? H / 2 - (r.y + r.height / 2) * zoom : MARGIN - r.y * zoom;
  return { x, y, zoom };
}

/**
 * Where a document opens in a W × H pixel canvas: the whole tree when it can
 * be read that way; else as many top levels as fit at a readable size (at
 * most 100 %); else the top of the tree around its first root, readable.
 * Never "fit everything" at a size nobody can read.
 */
export function openingViewport(layout: TreeLayout, W: number, H: number): Viewport | null {
  const boxes = layout.boxes.filter((b) => !b.external);
  const all = bounds(layout.boxes);
  if (!all || W <= 0 || H <= 0) return null;
  const readable = readableZoom(layout);
  const fitZoom = (r: Rect) => Math.min((W - 2 * MARGIN) / r.width, (H - 2 * MARGIN) / r.height);
  const whole = fitZoom(all);
  if (whole >= readable) return showing(all, Math.min(whole, TREE_SCALE), W, H);
  const levels = [...new Set(boxes.map((b) => b.level))].sort((a, b) => a - b);
  for (let k = levels.length - 2; k >= 1; k--) {
    const top = bounds(boxes.filter((b) => b.level <= levels[k]));
    if (top && fitZoom(top) >= readable) return showing(top, Math.min(fitZoom(top), TREE_SCALE), W, H);
  }
  // Not even the first two levels fit: the first root, readable, its level at the top.
  const first = boxes.reduce<LayoutBox | null>((a, b) => (!a || b.level < a.level || (b.level === a.level && b.x < a.x) ? b : a), null) ?? layout.boxes[0];
  return { x: W / 2 - (first.x + first.width / 2) * readable, y: MARGIN - first.y * readable, zoom: readable };
}

/** The whole tree in the canvas (Paskan), however small that makes it: the overview draws it without text. */
export function fitViewport(layout: TreeLayout, W: number, H: number): Viewport | null {
  const all = bounds(layout.boxes);
  if (!all || W <= 0 || H <= 0) return null;
  const zoom = Math.min((W - 2 * MARGIN) / all.width, (H - 2 * MARGIN) / all.height, TREE_SCALE);
  return { x: W / 2 - (all.x + all.width / 2) * zoom, y: H / 2 - (all.y + all.height / 2) * zoom, zoom };
}

/** Paskan never draws the tree smaller than this: boxes stay shapes one can see and click (about 20 px wide). */
export const MIN_OVERVIEW_ZOOM = 0.15;

/**
 * For Paskan on a tree too wide for the canvas even as an overview (a 2,000-node
 * tree is a line at 1 %): the deepest level to fold the tree to, so that the
 * levels above it fit at MIN_OVERVIEW_ZOOM or more; null when the whole tree fits.
 * The width of the folded tree is estimated from its leaves (one box step each).
 */
export function foldLevelForFit(
  layout: TreeLayout,
  levelOf: Map<string, number>,
  childrenOf: (id: string) => string[],
  W: number,
): number | null {
  const boxes = layout.boxes.filter((b) => !b.external);
  if (boxes.length === 0) return null;
  const room = W - 2 * MARGIN;
  if (room / layout.width >= MIN_OVERVIEW_ZOOM) return null;
  const step = boxes[0].width * 1.1;
  const margin = Math.min(...boxes.map((b) => b.x));
  const levels = [...new Set(levelOf.values())].sort((a, b) => a - b);
  for (let i = levels.length - 2; i >= 0; i--) {
    const k = levels[i];
    // Leaves once folded at k: every node of level k, and the nodes above it without children.
    let leaves = 0;
    for (const [id, level] of levelOf) {
      if (level === k || (level < k && childrenOf(id).length === 0)) leaves++;
    }
    if (room / (margin + leaves * step) >= MIN_OVERVIEW_ZOOM) return k;
  }
  return levels[0] ?? null;
}
