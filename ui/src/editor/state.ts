// The editor's state: one plain object the views read (through `useEditor`)
// and the managers in this folder change (through `Editor.set`).

import { defaultPrintForm, type PrintForm } from "../print";
import type { CapaianReport, DocumentView, FlowLayout, NumberedTreeLayout, PrintPreview, ProcessMapLayout, RelationsLayout, SampleInfo, Target } from "../types";

export interface Toast {
  id: number;
  kind: "error" | "info";
  text: string;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  /** Lines listed under the message (e.g. the errors that stand against a final version). */
  details?: string[];
  yes: string;
  onYes: () => void;
}

export interface PromptRequest {
  title: string;
  message: string;
  /** Said above the message, as a warning (e.g. errors still in the report), with `details` listed under it. */
  warning?: string;
  details?: string[];
  label: string;
  initial: string;
  ok: string;
  onOk: (value: string) => void;
}

export type DialogName = "new" | "units" | "snapshots" | "link" | "print" | "document" | "rules" | "capaian-settings" | "import-sheet" | "export-xlsx";

/** What the workspace shows: the tree, one of the business-process maps, or the reviewer's worksheets (KKE). */
export type Mode = "tree" | "map" | "relations" | "flow" | "worksheet";
export const MODE_LABEL: Record<Mode, string> = {
  tree: "Pohon Kinerja",
  map: "Peta Proses Bisnis",
  relations: "Peta Relasi",
  flow: "Peta Lintas Fungsi",
  worksheet: "Kertas Kerja",
};
/** Which text of a step is being edited in place in the SOP table. */
export type StepField = "text" | "requirements" | "duration" | "output" | "note";

/** Screen pixels per layout point in the process views (the layout is in points, the PDF's unit). */
export const MAP_SCALE = 1.45;
export const FLOW_SCALE = 1.35;
/** The SOP table is never laid out narrower than this (points): a small window scrolls instead. */
export const FLOW_MIN_WIDTH = 540;

/** The print dialog: its fields, the last preview, and what is under way. */
export interface PrintState {
  form: PrintForm;
  /** The last preview the core drew (kept while the next one is prepared). */
  preview: PrintPreview | null;
  /** A preview is asked for or waiting for its debounce. */
  loading: boolean;
  /** Why the last preview could not be made (also shown as a toast). */
  error: string | null;
  /** The PDF is being written. */
  saving: boolean;
}

export function initialPrintState(): PrintState {
  return { form: defaultPrintForm(), preview: null, loading: false, error: null, saving: false };
}

export interface EditorState {
  screen: "start" | "main";
  view: DocumentView | null;
  layout: NumberedTreeLayout | null;
  selection: string | null;
  /** Node ids whose subtrees are folded away (sent to tree_layout). */
  collapsed: string[];
  /** Tampilan › Tata letak: ringkas (the compact layout) instead of lebar. */
  compactTree: boolean;
  /** Tampilan › Capaian tahun …: the tree's capaian view of this year (null: the ordinary view). The Tabel monitoring shows this year too. */
  capaianYear: number | null;
  /** The core's monitoring of `capaianYear` (the legend, the budget total, the Tabel monitoring). */
  capaian: CapaianReport | null;
  /** The document view `capaian` was computed from (another view: it is asked for again). */
  capaianView: DocumentView | null;
  /** The node whose statement is being edited in place. */
  editing: string | null;
  toasts: Toast[];
  /** Why the file given at launch (or the last one tried from the start screen) did not open. */
  startError: string | null;
  samples: SampleInfo[];
  recent: string[];
  /** Edits sent and not yet answered. */
  pending: number;
  /** Why the last edit, undo or redo was not saved (refused, or the file could not be written); null once one is. */
  saveError: string | null;
  /** Ask the canvas to centre a node (seq changes on every request). */
  center: { id: string; seq: number } | null;
  /** Ask the canvas to fit the whole tree. */
  fitSeq: number;
  /** Ask the canvas to zoom: +1 in, -1 out (seq changes on every request). */
  zoom: { dir: 1 | -1; seq: number } | null;
  search: { open: boolean; query: string; index: number };
  confirm: ConfirmRequest | null;
  prompt: PromptRequest | null;
  dialog: DialogName | null;
  print: PrintState;
  mode: Mode;
  /** Peta Proses Bisnis: the process whose Peta Sub Proses Bisnis is shown (null: level 0). */
  mapParent: string | null;
  mapLayout: ProcessMapLayout | null;
  /** The room the map has on screen, in pixels. */
  mapSize: { width: number; height: number };
  /** The process selected on the map or in the Peta Relasi. */
  process: string | null;
  /** The Peta Lintas Fungsi shown. */
  flow: string | null;
  flowLayout: FlowLayout | null;
  /** The Peta Relasi's rows and columns (the core's). */
  relationsLayout: RelationsLayout | null;
  flowWidth: number;
  step: string | null;
  stepEditing: { step: string; field: StepField } | null;
  /** Picking in the tree the node a process serves: the tree is shown, a click links. */
  picking: { process: string } | null;
  /** Findings panel: the rule groups the planner opened (true) or folded (false); the others follow their size. */
  findingGroups: Record<string, boolean>;
  /** The finding selected (in the panel or from elsewhere): its group opens and its row scrolls into view (seq changes on every selection). */
  findingSelected: { rule: string; target: Target; seq: number } | null;
}

export function initialState(): EditorState {
  return {
    screen: "start",
    view: null,
    layout: null,
    selection: null,
    collapsed: [],
    compactTree: false,
    capaianYear: null,
    capaian: null,
    capaianView: null,
    editing: null,
    toasts: [],
    startError: null,
    samples: [],
    recent: [],
    pending: 0,
    saveError: null,
    center: null,
    fitSeq: 0,
    zoom: null,
    search: { open: false, query: "", index: 0 },
    confirm: null,
    prompt: null,
    dialog: null,
    print: initialPrintState(),
    mode: "tree",
    mapParent: null,
    mapLayout: null,
    mapSize: { width: 1000, height: 640 },
    process: null,
    flow: null,
    flowLayout: null,
    relationsLayout: null,
    flowWidth: 900,
    step: null,
    stepEditing: null,
    picking: null,
    findingGroups: {},
    findingSelected: null,
  };
}
