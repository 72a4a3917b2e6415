import { memo, useMemo, useRef, type PointerEvent as ReactPointerEvent } from "react";
import { Panel, useReactFlow, useStore } from "@xyflow/react";
import type { TreeLayout } from "../types";

const WIDTH = 180;
const HEIGHT = 116;
const PAD = 6;
/** How much wider than tall (or the reverse) the minimap may draw the tree, when its shape is extreme. */
const MAX_STRETCH = 40;

/** Every box of the layout, one path per level colour: cheap for thousands of boxes. */
const MinimapBoxes = memo(function MinimapBoxes({ layout }: { layout: TreeLayout }) {
  const paths = useMemo(() => {
    const byLevel = new Map<string, string[]>();
    for (const b of layout.boxes) {
      const key = b.external ? "external" : `lv-${Math.max(0, b.level) % 8}`;
      let list = byLevel.get(key);
      if (!list) byLevel.set(key, (list = []));
      list.push(`M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}z`);
    }
    return [...byLevel.entries()];
  }, [layout]);
  return (
    <>
      {paths.map(([key, d]) => (
        <path key={key} d={d.join("")} className={`mm-box ${key}`} />
      ))}
    </>
  );
}, sameGeometry);

/** The minimap draws boxes only: a new layout with every box where it was (an edit of a text) draws nothing again. */
function sameGeometry(a: { layout: TreeLayout }, b: { layout: TreeLayout }): boolean {
  const x = a.layout.boxes;
  const y = b.layout.boxes;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p !== q && (p.x !== q.x || p.y !== q.y || p.width !== q.width || p.height !== q.height || p.level !== q.level || p.external !== q.external)) return false;
  }
  return true;
}

/**
 * The minimap: the whole tree from the core's layout (every box, also when
 * the canvas draws the overview or only what is on screen) and the part on
 * screen; a click or a drag in it moves the view there.
 */
export function TreeMinimap({ layout }: { layout: TreeLayout }) {
  const rf = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const W = useStore((s) => s.width);
  const H = useStore((s) => s.height);
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  // To scale; a tree far wider (or taller) than the minimap is stretched the other way, so its levels still show.
  const fx = (WIDTH - 2 * PAD) / Math.max(1, layout.width);
  const fy = (HEIGHT - 2 * PAD) / Math.max(1, layout.height);
  const sx = Math.min(fx, fy * MAX_STRETCH);
  const sy = Math.min(fy, fx * MAX_STRETCH);
  const ox = (WIDTH - layout.width * sx) / 2;
  const oy = (HEIGHT - layout.height * sy) / 2;
  // The part on screen, in layout points.
  const view = { x: -tx / zoom, y: -ty / zoom, width: W / zoom, height: H / zoom };
  const moveTo = (e: ReactPointerEvent<SVGSVGElement>) => {
    const r = svg.current!.getBoundingClientRect();
    const x = (e.clientX - r.left - ox) / sx;
    const y = (e.clientY - r.top - oy) / sy;
    const current = rf.getViewport();
    void rf.setViewport({ x: W / 2 - x * current.zoom, y: H / 2 - y * current.zoom, zoom: current.zoom });
  };
  return (
    <Panel position="bottom-right" className="tree-minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label="Peta kecil pohon kinerja (klik untuk pindah ke sana)"
        data-testid="minimap"
        data-boxes={layout.boxes.length}
        className="nodrag nopan nowheel"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="mm-bg" />
        <g transform={`translate(${ox} ${oy}) scale(${sx} ${sy})`}>
          <MinimapBoxes layout={layout} />
          <rect
            x={view.x}
            y={view.y}
            width={view.width}
            height={view.height}
            className="mm-view"
            vectorEffect="non-scaling-stroke"
            data-testid="minimap-view"
          />
        </g>
      </svg>
    </Panel>
  );
}
