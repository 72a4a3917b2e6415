// Shapes of what the shell returns and accepts (src-tauri/src/main.rs, the
// pokin/1 spec in ../shared/spec/pokin-json.md, and the findings in rules.md).

export type Extra = Record<string, unknown>;

export type LevelKind = "impact" | "outcome" | "output" | "activity";
export interface Level { name: string; kind: LevelKind; echelon?: string; extra?: Extra }

/** A target, actual or baseline value: a number, or text ("WTP", "B"). */
export type Value = number | string;
export type Direction = "up" | "down" | "stable";

export interface Baseline { year?: number; value?: Value }
export interface Indicator {
  id: string;
  name?: string;
  unit?: string;
  definition?: string;
  source?: string;
  direction?: Direction;
  baseline?: Baseline;
  /** Year (as an object key) → value. */
  targets?: Record<string, Value>;
  actuals?: Record<string, Value>;
  extra?: Extra;
}
export interface Budget { code?: string; name?: string; ceiling?: number; spent?: number; extra?: Extra }
export interface Node {
  id: string;
  level: number;
  statement: string;
  phenomenon?: string;
  owner?: string | null;
  indicators?: Indicator[];
  budget?: Budget;
  extra?: Extra;
}
export type LinkKind = "primary" | "crosscutting";
export interface Link { from: string; to: string; kind: LinkKind; rationale?: string; extra?: Extra }
export interface Unit { id: string; name: string; short?: string; echelon?: string; parent?: string | null; extra?: Extra }

export interface Signatory { place?: string; date?: string; position?: string; name?: string; rank?: string; nip?: string }
export interface DocumentMeta {
  title: string;
  agency?: string;
  government?: string;
  period: { from: number; to: number };
  status?: "draft" | "review" | "final";
  signatory?: Signatory;
  extra?: Extra;
}

export type RuleSetting = "off" | "info" | "warning" | "error";
export type Target =
  | { node: string }
  | { link: [string, string] }
  | { indicator: [string, string] }
  | { unit: string }
  | { process: string }
  | { flow: string }
  | { step: [string, string] }
  | { document: null };
export interface Accepted { rule: string; target: Target; reason: string; by?: string; at?: string }

// Peta Proses Bisnis and Peta Lintas Fungsi.
export type ProcessCategory = "management" | "core" | "support";
export interface Process {
  id: string;
  category: ProcessCategory;
  name: string;
  /** Peta Relasi: the units that run it. */
  owners?: string[];
  /** The tree nodes it serves. */
  nodes?: string[];
  /** Peta Sub Proses Bisnis: the process it breaks down. */
  parent?: string | null;
  extra?: Extra;
}
export type Shape = "start" | "process" | "decision" | "end";
/** A flow step as the shell sends it: the step number under `number`, `no` only a decision's "no" branch. */
export interface Step {
  id: string;
  number?: number;
  text: string;
  lane: string;
  shape: Shape;
  requirements?: string;
  duration?: string;
  output?: string;
  note?: string;
  next?: string[];
  yes?: string;
  no?: string;
  extra?: Extra;
}
export interface FlowHeader {
  legal_basis?: string[];
  qualification?: string[];
  equipment?: string[];
  warning?: string;
  records?: string[];
  related?: string[];
}
export interface Flow {
  id: string;
  name: string;
  number?: string;
  process?: string | null;
  /** Unit ids, left to right. */
  lanes: string[];
  header?: FlowHeader;
  steps: Step[];
  extra?: Extra;
}
export interface ProcessMap { goal?: string; inputs?: string[]; outputs?: string[]; processes?: Process[] }
export interface Processes { map?: ProcessMap; flows?: Flow[] }

export interface Document {
  format: string;
  document: DocumentMeta;
  units?: Unit[];
  tree: { levels: Level[]; nodes?: Node[]; links?: Link[] };
  processes?: Processes;
  validation?: { rules?: Record<string, RuleSetting>; accepted?: Accepted[] };
  annotations?: unknown[];
}

export type Severity = "error" | "warning" | "info";
export interface Finding { rule: string; severity: Severity; target: Target; message: string; hint?: string; accepted?: string }
export interface Summary { error: number; warning: number; info: number }
export interface Report { findings: Finding[]; summary: Summary }

export interface DocumentView {
  path: string;
  /** Why the file is read-only (e.g. made by a newer version), or null. */
  read_only: string | null;
  document: Document;
  report: Report;
  can_undo: boolean;
  can_redo: boolean;
  /** The number the shell gave this document: an edit's reply carries the changes since it. */
  doc_seq?: number;
}

/**
 * What the screen shows, sent with an edit, undo or redo: the mode and its
 * layout parameters, so that the reply carries the layout too.
 */
export type Screen =
  | { mode: "tree"; collapsed: string[] }
  | { mode: "map"; parent: string | null; width: number; height: number }
  | { mode: "flow"; flow: string | null; width: number }
  | { mode: "relations" };
/**
 * A list as the page rebuilds it from the one it holds: the items it does not
 * have as they are now, by key, and the keys in order when they changed.
 */
export interface ListDelta<T> {
  keys?: string[];
  items: [string, T][];
}
/** The document as the changes since the one numbered `base` (src-tauri/src/wire.rs). */
export interface DocumentDelta {
  base: number;
  seq: number;
  /** The document without the tree's nodes and links. */
  skeleton: Document;
  nodes: ListDelta<Node>;
  links: ListDelta<Link>;
}
/** The report's findings that changed, by position (as many as before), and its summary. */
export interface ReportDelta {
  summary: Summary;
  findings: ListDelta<Finding>;
}
/** The tree layout as the changes since the one numbered `base`. */
export interface TreeDelta {
  base: number;
  seq: number;
  width: number;
  height: number;
  bands: LayoutBand[];
  boxes: ListDelta<LayoutBox>;
  edges: ListDelta<LayoutEdge>;
}
/** The layout of the view on screen after an edit (absent where that view is gone: a deleted flow or map parent). */
/** The Peta Relasi's rows (processes depth first) and columns (unit ids): the core's, as printed. */
export interface RelationsLayout {
  rows: { process: string; depth: number }[];
  units: string[];
}

export interface Shown {
  tree?: TreeLayout;
  tree_delta?: TreeDelta;
  map?: ProcessMapLayout;
  flow?: { id: string; layout: FlowLayout };
  relations?: RelationsLayout;
}
/**
 * The reply to an edit, undo or redo: the document view — its document whole
 * or as the changes since the page's copy — and the layout on screen beside it.
 */
export interface EditedView extends Omit<DocumentView, "document" | "report"> {
  document?: Document;
  /** Left out with `document_delta` when it is the report the page holds, or sent as `report_delta`. */
  report?: Report;
  report_delta?: ReportDelta;
  document_delta?: DocumentDelta;
  shown?: Shown;
}

export interface SampleInfo { key: string; title: string; agency: string; government: string }
export interface Snapshot { name: string; seq: number; at: string; fingerprint: string; final: boolean }
export interface NewDocumentArgs { path: string; title: string; agency: string; government: string; from: number; to: number }

// The core's layout (points, 1/72 inch); shared with the printout.
export interface LayoutBand { level: number; name: string; y: number; height: number }
export interface LayoutBox {
  id: string;
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  font_size: number;
  line_height: number;
  padding: number;
  hidden_children: number;
  external: boolean;
}
/** `cycle`: the primary link that closes a cycle (P001), drawn but not followed. */
export interface LayoutEdge { from: string; to: string; kind: LinkKind; points: [number, number][]; cycle?: boolean }
export interface TreeLayout {
  width: number;
  height: number;
  bands: LayoutBand[];
  boxes: LayoutBox[];
  edges: LayoutEdge[];
  /** The number the shell gave this layout: an edit's reply carries the changes since it. */
  seq?: number;
}

/** One edit, sent to `apply_op`. `before`: the id of the item to insert in front of (omit: at the end). */
export type Op =
  | { op: "update_document"; document: DocumentMeta }
  | { op: "add_unit"; unit: Unit; before?: string }
  | { op: "update_unit"; unit: Unit }
  | { op: "delete_unit"; id: string }
  | { op: "move_unit"; id: string; before?: string }
  | { op: "add_node"; node: Node; parent?: string; before?: string }
  | { op: "update_node"; node: Node }
  | { op: "delete_node"; id: string }
  | { op: "move_node"; id: string; parent?: string; before?: string }
  | { op: "add_indicator"; node: string; indicator: Indicator }
  | { op: "update_indicator"; node: string; indicator: Indicator }
  | { op: "delete_indicator"; node: string; id: string }
  | { op: "add_link"; link: Link }
  | { op: "update_link"; link: Link }
  | { op: "delete_link"; from: string; to: string }
  | { op: "update_process_map"; goal: string; inputs: string[]; outputs: string[] }
  | { op: "add_process"; process: Process; before?: string }
  | { op: "update_process"; process: Process }
  | { op: "delete_process"; id: string }
  | { op: "move_process"; id: string; before?: string }
  | { op: "add_flow"; flow: Flow; before?: string }
  /** Name, number, process, lanes and header; the steps sent are ignored. */
  | { op: "update_flow"; flow: Flow }
  | { op: "delete_flow"; id: string }
  | { op: "add_step"; flow: string; step: Step; before?: string }
  | { op: "update_step"; flow: string; step: Step }
  | { op: "delete_step"; flow: string; id: string }
  | { op: "move_step"; flow: string; id: string; before?: string }
  // The planner's compound actions, each one op; what they do and why they are refused is the core's (edit/ops/compound.rs).
  | { op: "insert_step"; flow: string; kind: "process" | "decision"; id?: string; after?: string; before?: string }
  | { op: "set_step_shape"; flow: string; id: string; shape: Shape }
  | { op: "shift_step"; flow: string; id: string; delta: -1 | 1 }
  | { op: "place_step"; flow: string; id: string; lane?: string; row?: string }
  | { op: "shift_step_lane"; flow: string; id: string; delta: -1 | 1 }
  | { op: "add_lane"; flow: string; unit: string }
  | { op: "remove_lane"; flow: string; unit: string }
  | { op: "shift_lane"; flow: string; unit: string; delta: -1 | 1 }
  | { op: "add_flow_for"; process: string; id?: string }
  | { op: "shift_process"; id: string; delta: -1 | 1 }
  | { op: "add_sibling"; of: string; id?: string }
  | { op: "shift_node"; id: string; delta: -1 | 1 }
  | { op: "drop_node"; id: string; onto: string }
  | { op: "drop_process"; id: string; onto?: string; band?: ProcessCategory }
  | { op: "set_rule"; rule: string; setting: RuleSetting | null }
  | { op: "accept_finding"; accepted: Accepted }
  | { op: "unaccept_finding"; rule: string; target: Target }
  | { op: "batch"; label: string; ops: Op[] };

// Printing (print_preview, print_pdf): the same geometry as the PDF.
export type Paper = "A4" | "F4" | "A3" | "A2" | "A1" | "A0";
export type PrintMode = "fit" | "poster";
export interface PrintOptions {
  /** What is printed: "tree", "processes", "relations" or "flow:<id>". */
  view: string;
  paper: Paper;
  landscape: boolean;
  /** fit: the whole tree on one sheet; poster: tiled over several sheets at `scale`. */
  mode: PrintMode;
  /** Poster only: 1 = the size on screen. */
  scale: number;
  margin_mm: number;
  /** Indicators with their targets for these years. */
  years: number[];
  indicators: boolean;
  owners: boolean;
  numbering: boolean;
  findings: boolean;
  legend: boolean;
}
export interface PrintPreview {
  /** One complete SVG document per printed sheet. */
  pages: string[];
  /** Indonesian messages (e.g. text under 6 pt). */
  warnings: string[];
  /** The sheet's size in points. */
  width_pt: number;
  height_pt: number;
}
export interface PrintResult { path: string; pages: number; warnings: string[] }

// The core's Peta Proses Bisnis layout (layout/processes.rs).
export interface Rect { x: number; y: number; width: number; height: number }
/** Wrapped lines; line k's baseline is at y + size + k·size·1.25. */
export interface TextBlock { x: number; y: number; width: number; lines: string[]; size: number; bold: boolean; centred: boolean }
export interface MapPanel { title: string; rect: Rect; items: TextBlock[] }
export interface MapBand { category: ProcessCategory; title: string; rect: Rect }
export interface ProcessBox { id: string; category: ProcessCategory; rect: Rect; name: TextBlock; subs: number; subs_note: TextBlock | null }
export interface ProcessMapLayout {
  width: number;
  height: number;
  parent: string | null;
  goal: Rect;
  goal_text: TextBlock;
  inputs: MapPanel | null;
  outputs: MapPanel | null;
  arrows: [[number, number], [number, number]][];
  bands: MapBand[];
  boxes: ProcessBox[];
}

// The core's SOP-AP flow layout (layout/flow.rs).
export interface FlowColumn { title: string; lines: string[]; x: number; width: number; lane: string | null }
export interface FlowRow { step: string; page: number; y: number; height: number; cells: string[][] }
export interface FlowSymbol { step: string; shape: Shape; page: number; x: number; y: number; width: number; height: number }
export interface FlowArrow { page: number; points: [number, number][]; label: string | null; arrowhead: boolean }
export interface FlowLayout {
  columns: FlowColumn[];
  header_height: number;
  rows: FlowRow[];
  symbols: FlowSymbol[];
  arrows: FlowArrow[];
  pages: number;
  font_size: number;
  line_height: number;
}
