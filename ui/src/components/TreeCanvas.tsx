import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import {
  Handle,
  Position,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  ViewportPortal,
  type Edge,
  type Node as FlowNode,
  type NodeChange,
  type NodeMouseHandler,
  type NodeProps,
  type OnNodeDrag,
  type ReactFlowState,
} from "@xyflow/react";
import { editor, useEditor } from "../editor";
import { InPlaceEditor } from "./InPlaceEditor";
import { TreeMinimap } from "./TreeMinimap";
import { TreeReviewMarks } from "./ReviewDialogs";
import { CapaianLegend } from "./monitoring/CapaianLegend";
import { fitViewport, foldLevelForFit, openingViewport, readableZoom } from "../editor/zoom";
import { indexView } from "../model";
import { nodeBadges, SEVERITY_LABEL, type Badge } from "../findings";
import { boxAt, boxOverlapping, indexLayout } from "../navigation";
import type { Document, LayoutBox, LayoutEdge, LevelKind, TreeLayout } from "../types";
import type { AgreementStatus } from "../generated";

// ---- nodes -------------------------------------------------------------------

export interface BoxData extends Record<string, unknown> {
  box: LayoutBox;
  /** The node's statement as the document holds it (the box's lines are only how the layout wrapped it). */
  statement: string;
  badge: Badge | undefined;
  kind: LevelKind | undefined;
  /** Has primary children (shown or folded away). */
  parent: boolean;
  collapsed: boolean;
  editing: boolean;
  readOnly: boolean;
}
export type BoxNode = FlowNode<BoxData, "box">;

/** The level's colour: index into the palette in style.css (--level-0 … --level-7). */
export function levelClass(level: number): string {
  return `lv-${Math.max(0, level) % 8}`;
}

function StatementEditor({ id, initial, box }: { id: string; initial: string; box: LayoutBox }) {
  return (
    <InPlaceEditor
      className="box-editor nodrag nopan nowheel"
      initial={initial}
      onCommit={(text) => void editor.commitEdit(id, text)}
      onCancel={() => void editor.cancelEdit(id)}
      placeholder="Tulis kondisi, misalnya “Meningkatnya …”"
      label="Kondisi"
      testId={`edit-${id}`}
      style={{ fontSize: box.font_size, lineHeight: `${box.line_height}px`, padding: box.padding }}
    />
  );
}

/** Space the core leaves between a box's statement and its notes (src/layout/tree.rs, NOTE_GAP). */
const NOTE_GAP = 4;

/** One box of the core's layout, drawn as it will be printed: its lines as wrapped by the core, its notes (the capaian view's) under them. */
export const TreeBox = memo(function TreeBox({ id, data, selected }: NodeProps<BoxNode>) {
  const { box, badge, parent, collapsed, editing, statement } = data;
  const className = ["box", levelClass(box.level), box.external ? "external" : "", selected ? "is-selected" : "", box.lines.length === 0 ? "empty" : ""]
    .filter(Boolean)
    .join(" ");
  const text = box.lines.join("\n");
  // The capaian view: the category's tint, its full colour down the left edge (as printed).
  const fill = box.fill ?? undefined;
  const style = fill ? ({ "--fill": fill } as CSSProperties) : undefined;
  return (
    <div className={fill ? `${className} has-fill` : className} style={style} data-testid={`node-${id}`} data-level={box.level} data-fill={fill} title={statement}>
      <Handle type="source" position={Position.Top} isConnectable={false} className="box-handle" />
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="box-handle" />
      {box.external && <span className="box-tag">Instansi lain</span>}
      <div
        className="box-lines"
        style={{ top: box.padding, left: box.padding, right: box.padding, fontSize: box.font_size, lineHeight: `${box.line_height}px` }}
      >
        {text || <span className="placeholder">(kondisi belum diisi)</span>}
      </div>
      {box.notes.length > 0 && (
        <div
          className="box-notes"
          data-testid={`notes-${id}`}
          style={{
            top: box.padding + box.lines.length * box.line_height + NOTE_GAP,
            left: box.padding,
            right: box.padding,
            fontSize: box.note_size,
            lineHeight: `${box.note_line_height}px`,
          }}
        >
          {box.notes.join("\n")}
        </div>
      )}
      {badge && (
        <span
          className={`box-badge sev-${badge.worst}`}
          data-testid={`badge-${id}`}
          title={`${badge.count} temuan, terberat: ${SEVERITY_LABEL[badge.worst].toLowerCase()}`}
          aria-label={`${badge.count} temuan ${SEVERITY_LABEL[badge.worst].toLowerCase()}`}
        >
          {badge.count}
        </span>
      )}
      {parent && !box.external && (
        <button
          type="button"
          className="box-toggle nodrag"
          data-testid={`toggle-${id}`}
          title={collapsed ? `Bentangkan (${box.hidden_children} simpul tersembunyi)` : "Ciutkan cabang ini"}
          aria-label={collapsed ? "Bentangkan" : "Ciutkan"}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            void editor.toggleCollapse(id);
          }}
        >
          {collapsed ? `+${box.hidden_children}` : "−"}
        </button>
      )}
      {editing && <StatementEditor id={id} initial={statement} box={box} />}
    </div>
  );
});

// ---- edges -------------------------------------------------------------------

export function polylinePath(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x} ${y}`).join(" ");
}

/**
 * A piece of an edge as drawn, with its bounds (only the pieces on screen are
 * drawn). A solid edge is one piece; a dashed one is cut into pieces at most
 * DASHED_PIECE long, each starting where the dashes left off (a crosscutting
 * edge can run across the whole tree, and WebKit works out every dash of a
 * path even where it is off screen).
 */
interface EdgePiece {
  key: string;
  edge: LayoutEdge;
  d: string;
  /** Where along the edge the piece starts (the dashes go on from there). */
  offset: number;
  /** The edge's end (where its arrow goes). */
  last: boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const DASHED_PIECE = 1200;

/** Each edge's pieces, kept while the layout keeps the edge's object (an edit changes a few). */
const edgePieces = new WeakMap<LayoutEdge, EdgePiece[]>();

function piecesOf(edge: LayoutEdge): EdgePiece[] {
  let pieces = edgePieces.get(edge);
  if (pieces) return pieces;
  const key = `${edge.kind}:${edge.from}->${edge.to}`;
  const piece = (points: [number, number][], i: number, offset: number, last: boolean): EdgePiece => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return { key: `${key}#${i}`, edge, d: polylinePath(points), offset, last, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  };
  if (edge.kind === "primary" && edge.cycle !== true) pieces = [piece(edge.points, 0, 0, true)];
  else {
    pieces = [];
    let along = 0;
    for (let i = 1; i < edge.points.length; i++) {
      const [ax, ay] = edge.points[i - 1];
      const [bx, by] = edge.points[i];
      const length = Math.hypot(bx - ax, by - ay);
      const n = Math.max(1, Math.ceil(length / DASHED_PIECE));
      for (let j = 0; j < n; j++) {
        const f0 = j / n;
        const f1 = (j + 1) / n;
        const from: [number, number] = [ax + (bx - ax) * f0, ay + (by - ay) * f0];
        const to: [number, number] = [ax + (bx - ax) * f1, ay + (by - ay) * f1];
        pieces.push(piece([from, to], pieces.length, along + length * f0, i === edge.points.length - 1 && j === n - 1));
      }
      along += length;
    }
  }
  edgePieces.set(edge, pieces);
  return pieces;
}

const NO_EDGES: EdgePiece[] = [];

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A piece of an edge exactly as the layout routed it; crosscutting dashed with an arrow, one closing a cycle (P001) red. */
const TreeEdge = memo(function TreeEdge({ piece }: { piece: EdgePiece }) {
  const { edge } = piece;
  const className = `react-flow__edge-path edge-${edge.kind}${edge.cycle === true ? " edge-cycle" : ""}`;
  return (
    <g className="react-flow__edge">
      <path
        d={piece.d}
        className={className}
        fill="none"
        style={piece.offset > 0 ? { strokeDashoffset: piece.offset } : undefined}
        markerEnd={piece.last && edge.kind === "crosscutting" ? "url(#tree-arrow)" : undefined}
      />
    </g>
  );
});

/** The word a crosscutting line carries for the other agency's answer, and its colour (the printout's, src/render/theme.rs). */
export const AGREEMENT_MARK: Record<AgreementStatus, { word: string; colour: string }> = {
  pending: { word: "Menunggu", colour: "#bf5a1a" },
  agreed: { word: "Disepakati", colour: "#2f6b2f" },
  rejected: { word: "Ditolak", colour: "#cc1a1a" },
};

/** Each crosscutting link's agreement status, by `from->to` (content from the document; the place is the layout's). */
export function agreementsOf(doc: Document | undefined): Map<string, AgreementStatus> {
  const out = new Map<string, AgreementStatus>();
  for (const l of doc?.tree.links ?? []) if (l.kind === "crosscutting" && l.agreement) out.set(`${l.from}->${l.to}`, l.agreement.status);
  return out;
}

/** The agreement state on a crosscutting line, at the place the layout gives (its middle). */
export function AgreementMark({ at, status }: { at: [number, number]; status: AgreementStatus }) {
  const { word, colour } = AGREEMENT_MARK[status];
  const width = word.length * 5.6 + 8;
  return (
    <g className="edge-agreement" transform={`translate(${at[0]} ${at[1]})`} data-testid="edge-agreement" data-status={status}>
      <rect x={-width / 2} y={-7} width={width} height={14} rx={3} fill="#fff" stroke={colour} strokeWidth={0.8} />
      <text textAnchor="middle" y={3.5} fontSize={10} fill={colour}>
        {word}
      </text>
    </g>
  );
}

/**
 * The layout's edges, drawn by the canvas itself (not as React Flow edges:
 * they are not interactive, and React Flow's bookkeeping of 2,000 edges took
 * ~10 ms of an edit). Only those on screen are in the DOM; an edit redraws
 * the ones it rerouted. Below the boxes (z-index -1 in the viewport).
 */
const TreeEdges = memo(function TreeEdges({ layout, agreements }: { layout: TreeLayout; agreements: Map<string, AgreementStatus> }) {
  const items = useMemo(() => {
    const boxes = new Set(layout.boxes.map((b) => b.id));
    return layout.edges.filter((e) => boxes.has(e.from) && boxes.has(e.to) && e.points.length >= 2).flatMap(piecesOf);
  }, [layout]);
  // Few crosscutting links carry an answer: their marks are all drawn, above the lines.
  const marks = useMemo(() => {
    if (agreements.size === 0) return [];
    return layout.edges.flatMap((e) => {
      const status = e.kind === "crosscutting" && e.label ? agreements.get(`${e.from}->${e.to}`) : undefined;
      return status && e.label ? [{ key: `${e.from}->${e.to}`, at: e.label, status }] : [];
    });
  }, [layout, agreements]);
  const visible = useStore(
    useCallback(
      (s: ReactFlowState) => {
        const [tx, ty, k] = s.transform;
        if (!s.width || !s.height) return NO_EDGES;
        const x0 = -tx / k;
        const y0 = -ty / k;
        const x1 = x0 + s.width / k;
        const y1 = y0 + s.height / k;
        return items.filter((it) => it.x1 >= x0 && it.x0 <= x1 && it.y1 >= y0 && it.y0 <= y1);
      },
      [items],
    ),
    sameItems,
  );
  return (
    <ViewportPortal>
      <svg className="tree-edges" width={1} height={1} data-testid="tree-edges">
        <defs>
          <marker id="tree-arrow" className="react-flow__arrowhead" markerWidth="14" markerHeight="14" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
            <polyline className="arrowclosed" style={{ stroke: "#8a5a00", fill: "#8a5a00", strokeWidth: 1 }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        </defs>
        {visible.map((it) => (
          <TreeEdge key={it.key} piece={it} />
        ))}
        {marks.map((m) => (
          <AgreementMark key={m.key} at={m.at} status={m.status} />
        ))}
      </svg>
    </ViewportPortal>
  );
});

// ---- level bands (behind the canvas, in screen space) ------------------------

function Bands({ layout }: { layout: TreeLayout }) {
  const ty = useStore((s) => s.transform[1]);
  const zoom = useStore((s) => s.transform[2]);
  return (
    <div className="bands">
      {layout.bands.map((b, i) => (
        <div
          key={b.level}
          className={`band ${levelClass(b.level)} ${i % 2 ? "odd" : "even"}`}
          style={{ top: ty + b.y * zoom, height: b.height * zoom, left: 0, right: 0 }}
          data-testid={`band-${b.level}`}
        />
      ))}
    </div>
  );
}

/**
 * The bands' names, pinned to the left edge over the boxes (never hidden
 * under them): at the top of each band, in the gap the core leaves above its
 * boxes; one that has no room sits at the top of the canvas while its band is
 * on screen.
 */
function BandLabels({ layout, levels }: { layout: TreeLayout; levels: LevelKind[] }) {
  const ty = useStore((s) => s.transform[1]);
  const zoom = useStore((s) => s.transform[2]);
  const H = useStore((s) => s.height);
  return (
    <div className="band-labels">
      {layout.bands.map((b) => {
        const top = ty + b.y * zoom;
        const bottom = top + b.height * zoom;
        if (b.height * zoom < 15 || bottom < 18 || top > H) return null;
        return (
          <span
            key={b.level}
            className={`band-label ${levelClass(b.level)}`}
            data-kind={levels[b.level]}
            data-testid={`band-label-${b.level}`}
            style={{ top: Math.min(Math.max(top + 3, 3), bottom - 18) }}
          >
            {b.name}
          </span>
        );
      })}
    </div>
  );
}

// ---- overview of a large tree at low zoom -------------------------------------

/** Below this zoom a large tree is drawn as one SVG (boxes and lines, no text): panning stays smooth. */
export const OVERVIEW_ZOOM = 0.22;
/** Trees with at most this many boxes are always drawn box by box. */
export const OVERVIEW_MIN_BOXES = 300;

const Overview = memo(function Overview({ layout }: { layout: TreeLayout }) {
  const selection = useEditor((s) => s.selection);
  const { primary, crosscutting } = useMemo(() => {
    const p: string[] = [];
    const c: string[] = [];
    for (const e of layout.edges) (e.kind === "primary" ? p : c).push(polylinePath(e.points));
    return { primary: p.join(" "), crosscutting: c.join(" ") };
  }, [layout]);
  const rects = useMemo(
    () =>
      layout.boxes.map((b) => (
        <rect key={b.id} x={b.x} y={b.y} width={b.width} height={b.height} className={`ov-box ${levelClass(b.level)}${b.external ? " external" : ""}`} />
      )),
    [layout],
  );
  const sel = selection !== null ? indexLayout(layout).boxes.get(selection) : undefined;
  return (
    <ViewportPortal>
      <svg className="overview" width={layout.width} height={layout.height} data-testid="overview" aria-label="Ikhtisar pohon (perbesar untuk membaca)">
        <path d={primary} className="ov-edge" />
        {crosscutting && <path d={crosscutting} className="ov-edge crosscutting" />}
        {rects}
        {sel && <rect x={sel.x - 6} y={sel.y - 6} width={sel.width + 12} height={sel.height + 12} className="ov-selected" />}
      </svg>
    </ViewportPortal>
  );
});

// ---- the canvas ----------------------------------------------------------------

/**
 * A box on the canvas: selected and opened for typing as the editor's state
 * says, read here — a new selection or the editor opening or closing draws
 * those boxes again, not the canvas's 2,000 nodes (nor React Flow's copy).
 */
function TreeNode(props: NodeProps<BoxNode>) {
  const selected = useEditor((s) => s.selection === props.id);
  const editing = useEditor((s) => s.editing === props.id);
  const data = useMemo(() => (editing === props.data.editing ? props.data : { ...props.data, editing }), [editing, props.data]);
  return <TreeBox {...props} selected={selected} data={data} />;
}

const nodeTypes = { box: TreeNode };
/** React Flow draws no edges: TreeEdges does. */
const NO_FLOW_EDGES: Edge[] = [];

function sameBox(a: LayoutBox, b: LayoutBox): boolean {
  return (
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.level === b.level &&
    a.font_size === b.font_size &&
    a.line_height === b.line_height &&
    a.padding === b.padding &&
    a.hidden_children === b.hidden_children &&
    a.external === b.external &&
    a.lines.length === b.lines.length &&
    a.lines.every((l, i) => l === b.lines[i]) &&
    a.fill === b.fill &&
    a.note_size === b.note_size &&
    a.note_line_height === b.note_line_height &&
    a.notes.length === b.notes.length &&
    a.notes.every((l, i) => l === b.notes[i])
  );
}

function sameData(a: BoxData, b: BoxData): boolean {
  return (
    a.statement === b.statement &&
    (a.badge === b.badge || (!!a.badge && !!b.badge && a.badge.count === b.badge.count && a.badge.worst === b.badge.worst)) &&
    a.kind === b.kind &&
    a.parent === b.parent &&
    a.collapsed === b.collapsed &&
    a.editing === b.editing &&
    a.readOnly === b.readOnly &&
    (a.box === b.box || sameBox(a.box, b.box))
  );
}

/**
 * React Flow's nodes for the core's boxes. A box that looks as it did in
 * `previous` keeps its node object: after an edit only the boxes that changed
 * are drawn again (React Flow and the memoised TreeBox skip the rest).
 */
export function buildNodes(
  layout: TreeLayout,
  badges: Map<string, Badge>,
  statementOf: (id: string) => string | undefined,
  hasChildren: (id: string) => boolean,
  kinds: LevelKind[],
  collapsed: Set<string>,
  readOnly: boolean,
  previous?: Map<string, BoxNode>,
): BoxNode[] {
  return layout.boxes.map((box) => {
    const data: BoxData = {
      box,
      // Content from the document, geometry from the layout: an outside box shows its address.
      statement: statementOf(box.id) ?? box.id,
      badge: badges.get(box.id),
      kind: kinds[box.level],
      parent: box.hidden_children > 0 || hasChildren(box.id),
      collapsed: box.hidden_children > 0 || collapsed.has(box.id),
      editing: false,
      readOnly,
    };
    const before = previous?.get(box.id);
    if (before && sameData(before.data, data)) return before;
    return {
      id: box.id,
      type: "box",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: [
        { type: "source", position: Position.Top, x: box.width / 2, y: 0, width: 1, height: 1 },
        { type: "target", position: Position.Bottom, x: box.width / 2, y: box.height - 1, width: 1, height: 1 },
      ],
      draggable: !readOnly && !box.external,
      data,
    };
  });
}

/** The document whose first view was set (outlives the canvas while another tab is shown). */
const shownPath: { current: string | null } = { current: null };
/** The last Paskan request answered (outlives the canvas like `shownPath`). */
const handledFit = { seq: 0, folded: 0 };
/** Where the planner was looking when the canvas went away for another tab. */
let keptViewport: { path: string; viewport: { x: number; y: number; zoom: number } } | null = null;

export function TreeCanvas() {
  const layout = useEditor((s) => s.layout);
  const view = useEditor((s) => s.view);
  const collapsedList = useEditor((s) => s.collapsed);
  const center = useEditor((s) => s.center);
  const fitSeq = useEditor((s) => s.fitSeq);
  const zoomReq = useEditor((s) => s.zoom);
  const rf = useReactFlow<BoxNode, Edge>();
  const flowStore = useStoreApi<BoxNode, Edge>();
  // Viewport changes take effect only once React Flow can pan and zoom (not in the first render after mounting).
  const panZoom = useStore((s) => s.panZoom);
  const wrapper = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);

  const readOnly = view ? view.read_only !== null && view.read_only !== undefined : true;
  const report = view?.report;
  const doc = view?.document;
  const parents = view?.parents;
  const badges = useMemo(() => (report ? nodeBadges(report) : new Map<string, Badge>()), [report]);
  const kinds = useMemo(() => (doc ? doc.tree.levels.map((l) => l.kind) : []), [doc]);
  // Kept while the answers are the same: an ordinary edit does not draw the edges again for them.
  const keptAgreements = useRef(new Map<string, AgreementStatus>());
  const agreements = useMemo(() => {
    const next = agreementsOf(doc);
    const kept = keptAgreements.current;
    if (next.size === kept.size && [...next].every(([k, v]) => kept.get(k) === v)) return kept;
    keptAgreements.current = next;
    return next;
  }, [doc]);
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);

  // The nodes and edges last built: what did not change keeps its object.
  // (When every one is as before, the list too: React Flow then has nothing to take in.)
  const builtNodes = useRef<{ list: BoxNode[]; byId: Map<string, BoxNode> }>({ list: [], byId: new Map() });
  const baseNodes = useMemo(() => {
    if (!layout || !doc || !parents) return [];
    const ix = indexView({ document: doc, parents });
    const nodes = buildNodes(layout, badges, (id) => ix.nodes.get(id)?.statement, (id) => ix.children.has(id), kinds, collapsed, readOnly, builtNodes.current.byId);
    if (sameItems(nodes, builtNodes.current.list)) return builtNodes.current.list;
    builtNodes.current = { list: nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
    return nodes;
  }, [layout, doc, parents, badges, kinds, collapsed, readOnly]);
  const large = (layout?.boxes.length ?? 0) > OVERVIEW_MIN_BOXES;
  const overview = useStore((s) => large && s.transform[2] < OVERVIEW_ZOOM);
  const hiddenNodes = useMemo(() => (overview ? baseNodes.map((n) => ({ ...n, hidden: true })) : baseNodes), [overview, baseNodes]);

  // The box being dragged: only that node changes (the selected one and the one being edited are TreeNode's).
  const nodes = useMemo(() => {
    if (overview || drag === null) return hiddenNodes;
    return baseNodes.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y }, zIndex: 10 } : n));
  }, [baseNodes, hiddenNodes, overview, drag]);

  const onNodesChange = useCallback((changes: NodeChange<BoxNode>[]) => {
    for (const c of changes) {
      if (c.type === "position" && c.position && c.dragging) setDrag({ id: c.id, x: c.position.x, y: c.position.y });
    }
  }, []);

  const onNodeClick: NodeMouseHandler<BoxNode> = useCallback((_, node) => {
    if (editor.state.picking) return void editor.pickNode(node.id);
    if (editor.state.editing !== node.id) editor.select(node.id);
  }, []);
  const onNodeDoubleClick: NodeMouseHandler<BoxNode> = useCallback((_, node) => editor.startEdit(node.id), []);
  const onNodeDragStart: OnNodeDrag<BoxNode> = useCallback((_, node) => editor.select(node.id), []);
  const onNodeDragStop: OnNodeDrag<BoxNode> = useCallback(
    (event, node) => {
      setDrag(null);
      const current = editor.state.layout;
      if (!current) return;
      const point = "clientX" in event ? event : event.changedTouches[0];
      const p = rf.screenToFlowPosition({ x: point.clientX, y: point.clientY });
      const target =
        boxAt(current, p.x, p.y, node.id) ??
        boxOverlapping(current, { x: node.position.x, y: node.position.y, width: node.width ?? 0, height: node.height ?? 0 }, node.id);
      if (target) void editor.drop(node.id, target.id);
    },
    [rf],
  );

  // Back from another tab: the same place and zoom as before.
  useEffect(() => {
    const path = editor.state.view?.path;
    if (keptViewport && keptViewport.path === path) void rf.setViewport(keptViewport.viewport);
    return () => {
      const path = editor.state.view?.path;
      if (path) keptViewport = { path, viewport: rf.getViewport() };
    };
  }, [rf]);

  // A new document: the whole tree where it is readable, else its top levels at a readable size.
  // (Not again when the canvas comes back from another tab: the planner's view stays.)
  useEffect(() => {
    if (!layout || !view || shownPath.current === view.path || !wrapper.current || !panZoom) return;
    const { width: W, height: H } = wrapper.current.getBoundingClientRect();
    const opening = openingViewport(layout, W, H);
    if (!opening) return;
    shownPath.current = view.path;
    void rf.setViewport(opening);
  }, [layout, view, rf, panZoom]);

  // Paskan: the whole tree from the layout (not from the nodes on screen: a large tree's overview hides them).
  useEffect(() => {
    // (A request made while another tab was shown is answered when the tree comes back and can pan.)
    if (fitSeq === handledFit.seq || !layout || !wrapper.current || !panZoom) return;
    const { width: W, height: H } = wrapper.current.getBoundingClientRect();
    // Too wide to see even as an overview: fold to the levels that fit (once per request), then fit what is left.
    const current = editor.state.view;
    const doc = current?.document;
    if (current && doc && handledFit.folded !== fitSeq) {
      const ix = indexView(current);
      const levelOf = new Map([...ix.nodes.values()].map((n) => [n.id, n.level]));
      const fold = foldLevelForFit(layout, levelOf, (id) => ix.children.get(id) ?? [], W);
      if (fold !== null) {
        handledFit.folded = fitSeq;
        const name = doc.tree.levels[fold]?.name ?? `level ${fold}`;
        editor.toast(`Pohon ini terlalu lebar untuk satu layar: ditampilkan sampai ${name}. Klik + pada kotak untuk membentangkan cabangnya, atau Tampilan › Bentangkan semua.`, "info");
        void editor.collapseToLevel(fold);
        return;
      }
    }
    handledFit.seq = fitSeq;
    const fitted = fitViewport(layout, W, H);
    if (fitted) void rf.setViewport(fitted, { duration: 200 });
  }, [fitSeq, layout, rf, panZoom]);

  const lastZoom = useRef(zoomReq?.seq ?? 0);
  useEffect(() => {
    if (!zoomReq || zoomReq.seq === lastZoom.current) return;
    lastZoom.current = zoomReq.seq;
    void (zoomReq.dir > 0 ? rf.zoomIn({ duration: 120 }) : rf.zoomOut({ duration: 120 }));
  }, [zoomReq, rf]);

  // Bring a node into view: centred when asked from search or findings; from the arrows only when it is off screen.
  const lastCenter = useRef(0);
  useEffect(() => {
    if (!center || !layout || center.seq === lastCenter.current || !wrapper.current) return;
    // (One box looked up: not the whole layout index, built again for every new layout.)
    const box = layout.boxes.find((b) => b.id === center.id);
    if (!box) return;
    lastCenter.current = center.seq;
    const { x, y, zoom } = rf.getViewport();
    // The room React Flow keeps up to date: measuring the canvas here would lay the page out
    // before the boxes this edit brings on screen are drawn (~5 ms, and again after them).
    const { width: W, height: H } = flowStore.getState();
    const left = box.x * zoom + x;
    const topY = box.y * zoom + y;
    const margin = 40;
    const inView = left >= margin && topY >= margin && left + box.width * zoom <= W - margin && topY + box.height * zoom <= H - margin;
    // Typing into a box needs a size one can read; a node shown from search or a finding too.
    const legible = readableZoom(layout);
    const wanted = editor.state.editing === center.id ? legible : 0.45;
    const readable = zoom >= wanted;
    if (inView && readable) return;
    // A box opened for typing is there at once (no glide: the text goes where the eye already is).
    const duration = editor.state.editing === center.id ? 0 : 220;
    void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: readable ? zoom : legible, duration });
  }, [center, layout, rf, flowStore]);

  if (!layout || !view) {
    return (
      <div className="canvas" ref={wrapper} data-testid="canvas">
        <p className="canvas-wait">Menyusun tata letak pohon…</p>
      </div>
    );
  }
  return (
    <div
      className="canvas"
      ref={wrapper}
      data-testid="canvas"
      onMouseDownCapture={(e) => {
        // The canvas does not take focus (its drag handling prevents it): release a focused
        // button or field elsewhere so Enter, Tab and Delete act on the tree (a field commits on blur).
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== document.body && !e.currentTarget.contains(active)) active.blur();
      }}
    >
      <Bands layout={layout} />
      {layout.boxes.length === 0 && (
        <div className="canvas-empty" data-testid="canvas-empty">
          <p>Pohon ini masih kosong.</p>
          {!readOnly && (
            <button type="button" className="primary" onClick={() => void editor.addChild(null)} data-testid="add-root">
              Tambah simpul level 0
            </button>
          )}
        </div>
      )}
      <ReactFlow<BoxNode, Edge>
        nodes={nodes}
        edges={NO_FLOW_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={(e) => {
          // In the overview a click on a box selects it and zooms in to read it.
          const current = editor.state.layout;
          if (overview && current) {
            const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
            const hit = boxAt(current, p.x, p.y);
            if (hit) {
              editor.select(hit.id);
              void rf.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 0.8, duration: 250 });
              return;
            }
          }
          editor.select(null);
        }}
        onlyRenderVisibleElements
        nodesDraggable={!readOnly}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        nodeDragThreshold={5}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomActivationKeyCode={null}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        minZoom={0.004}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
      >
        {overview ? <Overview layout={layout} /> : <TreeEdges layout={layout} agreements={agreements} />}
        <TreeMinimap layout={layout} />
        <TreeReviewMarks />
      </ReactFlow>
      <BandLabels layout={layout} levels={kinds} />
      <CapaianLegend />
    </div>
  );
}
