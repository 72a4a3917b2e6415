// The shapes of what crosses the bridge are generated from the Rust types
// (ui/src/generated/, written by scripts/gen-types; a cargo test fails when
// they drift): the pokin/1 document, the ops, the report, the layouts, the
// print request and the shell's replies. Only what the page alone uses is
// declared here.

export type {
  Accepted,
  Annotation,
  AnnotationStatus,
  Baseline,
  Budget,
  BudgetSum,
  CapaianReport,
  CategoryInfo,
  Direction,
  Document,
  DocumentDelta,
  DocumentMeta,
  DocumentView,
  EditedView,
  Finding,
  Flow,
  FlowArrow,
  FlowColumn,
  FlowConnector,
  FlowHeader,
  FlowLayout,
  FlowRow,
  FlowSymbol,
  Indicator,
  IndicatorCapaian,
  LayoutBand,
  LayoutBox,
  LayoutEdge,
  Level,
  LevelKind,
  Link,
  LinkKind,
  ListDelta,
  MapBand,
  MapPanel,
  NewStepKind,
  Node,
  NodeCapaian,
  NumberedTreeLayout,
  Op,
  Period,
  PrintPreview,
  PrintRequest,
  PrintResult,
  Process,
  ProcessBox,
  ProcessCategory,
  ProcessMap,
  ProcessMapLayout,
  Processes,
  Rect,
  RelationRow,
  RelationsLayout,
  Reply,
  Report,
  ReportDelta,
  RuleInfo,
  RuleSetting,
  SampleInfo,
  Screen,
  Severity,
  Shape,
  Shown,
  ShownFlow,
  Signatory,
  Snapshot,
  Run,
  Status,
  Step,
  Summary,
  Target,
  TargetSource,
  TextBlock,
  Tree,
  TreeDelta,
  TreeLayout,
  Unit,
  ValidationSettings,
  Value,
} from "./generated";

import type { PrintRequest } from "./generated";

/** Free-form data kept verbatim (`extra` objects). */
export type Extra = Record<string, unknown>;

/** What the print dialog sends (`print_preview`, `print_pdf`): the core's print request. */
export type PrintOptions = PrintRequest;
/** The papers and modes the print dialog offers (the core checks the request). */
export type Paper = "A4" | "F4" | "A3" | "A2" | "A1" | "A0";
export type PrintMode = "fit" | "poster" | "branches";

/** The arguments of `new_document`. */
export interface NewDocumentArgs { path: string; title: string; agency: string; government: string; from: number; to: number }
