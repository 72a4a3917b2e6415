// The only module that talks to the shell. Every command is an `invoke`;
// a refusal rejects with an Indonesian message (see `errorMessage`).
// Tests replace this module with vi.mock("./api").

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { RuleInfo } from "./editor/rules";
import type { Against, CompareSources, Comparison, Kke, MergeChoice, Merged, MergePreview, Preferences, ReviewCopy, ReviewState, Worksheet } from "./generated";
import type { ImportOptions, ImportSummary, ImportTarget, Inspection, Mapping, MappingPreset, XlsxOptions } from "./generated";
import type { CapaianReport, DocumentView, EditedView, FlowLayout, IndicatorCapaian, NewDocumentArgs, Op, PrintOptions, PrintPreview, PrintResult, NumberedTreeLayout, ProcessMapLayout, RelationsLayout, SampleInfo, Screen, Snapshot } from "./types";

export function currentDocument(): Promise<DocumentView | null> {
  return invoke<DocumentView | null>("current_document");
}
export function listSamples(): Promise<SampleInfo[]> {
  return invoke<SampleInfo[]>("list_samples");
}
export function openSample(key: string): Promise<DocumentView> {
  return invoke<DocumentView>("open_sample", { key });
}
export function openDocument(path: string): Promise<DocumentView> {
  return invoke<DocumentView>("open_document", { path });
}
export function newDocument(args: NewDocumentArgs): Promise<DocumentView> {
  return invoke<DocumentView>("new_document", { ...args });
}
export function recentFiles(): Promise<string[]> {
  return invoke<string[]>("recent_files");
}
export function saveAs(path: string): Promise<DocumentView> {
  return invoke<DocumentView>("save_as", { path });
}
/** Marks the document final under a version name; it takes no more edits afterwards. */
export function markFinal(name: string): Promise<DocumentView> {
  return invoke<DocumentView>("mark_final", { name });
}
/** A new draft file at `path` from this (final) document, opened in its place. */
export function newDraft(path: string): Promise<DocumentView> {
  return invoke<DocumentView>("new_draft", { path });
}
/** Every rule the checker knows: id, Indonesian title, default severity. */
export function listRules(): Promise<RuleInfo[]> {
  return invoke<RuleInfo[]>("list_rules");
}
// An edit, undo or redo names what the screen shows; the one reply carries
// the document view and the layout of that view (one round trip per edit).
export function applyOp(op: Op, screen: Screen): Promise<EditedView> {
  return invoke<EditedView>("apply_op", { op, screen });
}
export function undo(screen: Screen): Promise<EditedView> {
  return invoke<EditedView>("undo", { screen });
}
export function redo(screen: Screen): Promise<EditedView> {
  return invoke<EditedView>("redo", { screen });
}
export function createSnapshot(name: string): Promise<Snapshot> {
  return invoke<Snapshot>("create_snapshot", { name });
}
export function listSnapshots(): Promise<Snapshot[]> {
  return invoke<Snapshot[]>("list_snapshots");
}
/** The tree's layout with its number: the base of the changes an edit's reply carries. With `capaian`, the capaian view of that year. */
export function treeLayout(collapsed: string[], compact = false, capaian: number | null = null): Promise<NumberedTreeLayout> {
  return invoke<NumberedTreeLayout>("tree_layout", { collapsed, compact, capaian });
}
/** The monitoring of `year` (issue #14; null: the year monitoring opens on, the core's choice): each indicator's capaian, each node's, the budget rolled up. */
export function capaianReport(year: number | null): Promise<CapaianReport> {
  return invoke<CapaianReport>("capaian_report", { year });
}
/** The capaian `value` (as typed: the core reads "97,81") would give, without editing; null: no such indicator. */
export function capaianPreview(node: string, indicator: string, year: number, quarter: number | null, value: string | null): Promise<IndicatorCapaian | null> {
  return invoke<IndicatorCapaian | null>("capaian_preview", { node, indicator, year, quarter, value });
}
/** The Peta Proses Bisnis (parent null) or a process's Peta Sub Proses Bisnis, in width × height points. */
export function processMapLayout(parent: string | null, width: number, height: number): Promise<ProcessMapLayout> {
  return invoke<ProcessMapLayout>("process_map_layout", { parent, width, height });
}
/** The Peta Relasi's rows and columns, as the printout has them. */
export function relationsLayout(): Promise<RelationsLayout> {
  return invoke<RelationsLayout>("relations_layout");
}
/** A flow's SOP-AP table and chart, `width` points wide. */
export function flowLayout(flow: string, width: number): Promise<FlowLayout> {
  return invoke<FlowLayout>("flow_layout", { flow, width });
}

/** The printed sheets as SVG documents, drawn from the same geometry as the PDF. */
export function printPreview(options: PrintOptions): Promise<PrintPreview> {
  return invoke<PrintPreview>("print_preview", { options });
}
/** Writes the PDF to `path`. */
export function printPdf(options: PrintOptions, path: string): Promise<PrintResult> {
  return invoke<PrintResult>("print_pdf", { options, path });
}

// The native dialogs are shown by the shell: a command that writes a file
// takes only a path the planner answered in one of them.

/** The native open dialog; null when the planner cancels. */
export function pickOpenPath(): Promise<string | null> {
  return invoke<string | null>("pick_open_path");
}

/** The native save dialog for a .pokin path (".pokin" added when typed without); null when cancelled. */
export function pickSavePath(suggestedName: string): Promise<string | null> {
  return invoke<string | null>("pick_save_path", { kind: "pokin", suggested: suggestedName });
}

/** The native save dialog for a .pdf path; null when the planner cancels. */
export function pickPdfPath(suggestedName: string): Promise<string | null> {
  return invoke<string | null>("pick_save_path", { kind: "pdf", suggested: suggestedName });
}

/** Quits the app normally (the shell closes the document on the way out). */
export function quitApp(): Promise<void> {
  return invoke<void>("quit_app");
}

/** Sets the window title (and the page title, which WebDriver reads). */
export async function setWindowTitle(title: string): Promise<void> {
  document.title = title;
  await getCurrentWindow().setTitle(title);
}

// Reviewers (issue #11): preferences, the review state of the open file, review copies, merge, compare.

/** Preferensi: the author's name, role and review round (the app's config). */
export function getPreferences(): Promise<Preferences> {
  return invoke<Preferences>("get_preferences");
}
export function setPreferences(preferences: Preferences): Promise<Preferences> {
  return invoke<Preferences>("set_preferences", { preferences });
}
/** The review side of the open file: review copy and suggestions, threads whose finding is gone. */
export function reviewState(): Promise<ReviewState> {
  return invoke<ReviewState>("review_state");
}
/** The native save dialog for a review copy (the core's default name); null when cancelled. */
export function pickReviewCopyPath(reviewer: string): Promise<string | null> {
  return invoke<string | null>("pick_review_copy_path", { reviewer });
}
/** The native open dialog for a .pokin; null when cancelled. */
export function pickPokinPath(title: string): Promise<string | null> {
  return invoke<string | null>("pick_pokin_path", { title });
}
export function sendForReview(path: string, reviewer: string): Promise<ReviewCopy> {
  return invoke<ReviewCopy>("send_for_review", { path, reviewer });
}
export function mergePreview(path: string, choice: MergeChoice): Promise<MergePreview> {
  return invoke<MergePreview>("merge_preview", { path, choice });
}
export function mergeReview(path: string, choice: MergeChoice): Promise<Merged> {
  return invoke<Merged>("merge_review", { path, choice });
}
export function compareSources(): Promise<CompareSources> {
  return invoke<CompareSources>("compare_sources");
}
export function compareWith(against: Against): Promise<Comparison> {
  return invoke<Comparison>("compare_with", { against });
}

// Worksheets (issue #12).

/** The open document's worksheet (KKE Format 1 or 2), prefilled by the validator, with the reviewer's verdicts. */
export function worksheet(kke: Kke): Promise<Worksheet> {
  return invoke<Worksheet>("worksheet", { kke });
}

// Spreadsheets in and out (issue #15).

/** The native open dialog for a workbook (.xlsx, .xls, .ods, .csv); null when cancelled. */
export function pickSpreadsheetPath(): Promise<string | null> {
  return invoke<string | null>("pick_spreadsheet_path");
}
/** The workbook's sheets and, for `sheet` (null: the core's choice), its headers, first rows and detected mapping. */
export function sheetInspect(path: string, sheet: string | null): Promise<Inspection> {
  return invoke<Inspection>("sheet_inspect", { path, sheet });
}
/** What importing would give (nothing stored): the wizard's live preview. */
export function sheetPreview(path: string, options: ImportOptions, target: ImportTarget): Promise<ImportSummary> {
  return invoke<ImportSummary>("sheet_preview", { path, options, target });
}
/** Imports into the open document (one undo step) or as a new document at `outPath` (from the save dialog), which opens. */
export function sheetImport(path: string, options: ImportOptions, target: ImportTarget, outPath: string | null): Promise<DocumentView> {
  return invoke<DocumentView>("sheet_import", { path, options, target, outPath });
}
export function listMappingPresets(): Promise<MappingPreset[]> {
  return invoke<MappingPreset[]>("list_mapping_presets");
}
export function saveMappingPreset(name: string, mapping: Mapping): Promise<MappingPreset[]> {
  return invoke<MappingPreset[]>("save_mapping_preset", { name, mapping });
}
/** The native save dialog for an .xlsx path; null when cancelled. */
export function pickXlsxPath(suggested: string): Promise<string | null> {
  return invoke<string | null>("pick_xlsx_path", { suggested });
}
/** Writes the table to `path` (from the save dialog); resolves with the path written. */
export function exportXlsx(options: XlsxOptions, path: string): Promise<string> {
  return invoke<string>("export_xlsx", { options, path });
}
