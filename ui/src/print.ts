// The print dialog's logic, pure: the default options, the form the dialog
// shows (numbers as typed, in Indonesian), the options built from it, and
// the preview pages made ready to sit inline in the page.

import { formatNumber, parseNumber } from "./format";
import type { Person, ReviewTeam } from "./generated";
import type { Document, DocumentMeta, Paper, PrintMode, PrintOptions } from "./types";

export const PAPERS: { value: Paper; label: string }[] = [
  { value: "A4", label: "A4 (210 × 297 mm)" },
  { value: "F4", label: "F4 (215 × 330 mm)" },
  { value: "A3", label: "A3 (297 × 420 mm)" },
  { value: "A2", label: "A2 (420 × 594 mm)" },
  { value: "A1", label: "A1 (594 × 841 mm)" },
  { value: "A0", label: "A0 (841 × 1189 mm)" },
];

export const MODES: { value: PrintMode; label: string }[] = [
  { value: "fit", label: "Satu lembar (paskan)" },
  { value: "poster", label: "Poster (beberapa lembar)" },
  { value: "branches", label: "Per cabang" },
];

/** The tree layouts: the one that gives the largest text, children side by side, or rows wrapped. */
export const LAYOUTS: { value: string; label: string }[] = [
  { value: "", label: "Otomatis" },
  { value: "wide", label: "Lebar" },
  { value: "compact", label: "Ringkas" },
];

/** Cetak per cabang: the level whose nodes each get a sheet ("" = chosen so that the text reads). */
export function branchLevels(levels: { name: string }[]): { value: string; label: string }[] {
  return [{ value: "", label: "Otomatis" }, ...levels.map((l, i) => ({ value: String(i), label: l.name ? `${i} · ${l.name}` : `Level ${i}` }))];
}

/** How long the preview waits after the last change before it is asked for (ms). */
export const PREVIEW_DELAY = 250;

export const SCALE_MIN = 0.1;
export const SCALE_MAX = 10;
export const MARGIN_MAX = 50;

/** The core's defaults: A3 landscape, the whole tree on one sheet, 10 mm margin, the legend. */
export function defaultPrintOptions(): PrintOptions {
  return {
    view: "tree",
    paper: "A3",
    landscape: true,
    mode: "fit",
    scale: 1,
    margin_mm: 10,
    years: [],
    indicators: false,
    owners: false,
    numbering: false,
    findings: false,
    legend: true,
  };
}

/** What the dialog's fields hold: the numbers as typed ("0,5"). */
export interface PrintForm {
  view: string;
  paper: Paper;
  landscape: boolean;
  mode: PrintMode;
  scale: string;
  margin: string;
  indicators: boolean;
  /** Target years ticked (sorted); sent only with the indicators. */
  years: number[];
  owners: boolean;
  numbering: boolean;
  findings: boolean;
  legend: boolean;
  /** The tree layout: "" (otomatis), "wide" or "compact". */
  layout: string;
  /** Cetak per cabang: the branch level as typed in the select ("" = otomatis). */
  branchLevel: string;
  /** The year of a Perjanjian Kinerja (view pk:UNIT) or of the monitoring tables (capaian, anggaran). */
  year?: number;
  /** Tabel capaian: the period's earlier years side by side ("bandingkan tahun sebelumnya"). */
  compareYears?: boolean;
}

export function formFromOptions(o: PrintOptions): PrintForm {
  return {
    view: o.view,
    paper: o.paper as Paper,
    landscape: o.landscape,
    mode: o.mode as PrintMode,
    scale: formatNumber(o.scale),
    margin: formatNumber(o.margin_mm),
    indicators: o.indicators,
    years: [...o.years].sort((a, b) => a - b),
    owners: o.owners,
    numbering: o.numbering,
    findings: o.findings,
    legend: o.legend,
    layout: o.layout ?? "",
    branchLevel: o.branch_level === undefined || o.branch_level === null ? "" : String(o.branch_level),
    ...(o.year !== undefined ? { year: o.year } : {}),
    ...(o.compare_years ? { compareYears: true } : {}),
  };
}

export function defaultPrintForm(): PrintForm {
  return formFromOptions(defaultPrintOptions());
}

export interface PrintFormErrors {
  scale?: string;
  margin?: string;
}

export type BuiltOptions = { ok: true; options: PrintOptions } | { ok: false; errors: PrintFormErrors };

/**
 * The options the form stands for, or what is wrong with it. The scale
 * counts only for a poster (a fit sheet scales itself); years only with
 * the indicators, and only those of the document's period when given.
 */
export function optionsFromForm(form: PrintForm, period?: { from: number; to: number }): BuiltOptions {
  const errors: PrintFormErrors = {};
  // The review report is a portrait form on A4 or F4, sheet after sheet.
  const review = isReview(form.view) || isPk(form.view);
  // The monitoring tables are paged tables on A4, F4 or A3, portrait or landscape.
  const monitoring = isMonitoring(form.view);
  const mode: PrintMode = review || monitoring ? "fit" : form.mode;
  let scale = parseNumber(form.scale);
  if (mode === "poster") {
    if (scale === null || scale < SCALE_MIN || scale > SCALE_MAX) {
      errors.scale = `Skala harus angka antara ${formatNumber(SCALE_MIN)} dan ${formatNumber(SCALE_MAX)} (1 = ukuran di layar).`;
    }
  } else if (scale === null || scale <= 0) {
    scale = 1;
  }
  const margin = parseNumber(form.margin);
  if (margin === null || margin < 0 || margin > MARGIN_MAX) errors.margin = `Margin harus angka 0 sampai ${MARGIN_MAX} mm.`;
  if (errors.scale || errors.margin) return { ok: false, errors };
  const inPeriod = (y: number) => !period || (y >= period.from && y <= period.to);
  return {
    ok: true,
    options: {
      view: form.view,
      paper: (review && !REVIEW_PAPERS.includes(form.paper)) || (monitoring && !MONITORING_PAPERS.includes(form.paper)) ? "A4" : form.paper,
      landscape: review ? false : form.landscape,
      mode,
      scale: scale!,
      margin_mm: margin!,
      years: form.indicators ? [...new Set(form.years.filter(inPeriod))].sort((a, b) => a - b) : [],
      indicators: form.indicators,
      owners: form.owners,
      numbering: form.numbering,
      findings: form.findings,
      legend: form.legend,
      ...(!review && !monitoring && form.layout ? { layout: form.layout } : {}),
      ...(mode === "branches" && form.branchLevel !== "" ? { branch_level: Number(form.branchLevel) } : {}),
      ...((isPk(form.view) || monitoring) && form.year !== undefined ? { year: form.year } : {}),
      ...(form.view === CAPAIAN_VIEW && form.compareYears ? { compare_years: true } : {}),
    },
  };
}

/** The years of the document's period, in order (2025–2027 → [2025, 2026, 2027]). */
export function periodYears(period: { from: number; to: number }): number[] {
  const out: number[] = [];
  for (let y = period.from; y <= period.to && out.length < 100; y++) out.push(y);
  return out;
}

/** Ticks or unticks a target year; the list stays sorted. */
export function toggleYear(years: number[], year: number): number[] {
  return years.includes(year) ? years.filter((y) => y !== year) : [...years, year].sort((a, b) => a - b);
}

/** The form after ticking or unticking a year: ticking one shows the indicators (the targets sit under them). */
export function formWithYearToggled(form: PrintForm, year: number): PrintForm {
  const years = toggleYear(form.years, year);
  const added = years.length > form.years.length;
  return { ...form, years, indicators: form.indicators || added };
}

/** The PDF's suggested file name: the document's title without characters a file name cannot hold. */
export function pdfFileName(meta: Pick<DocumentMeta, "title">): string {
  const name = meta.title
    .replace(/[\u0000-\u001f\\/:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "")
    .slice(0, 120)
    .trim();
  return `${name || "Pohon Kinerja"}.pdf`;
}

/** "Halaman 2 dari 6" */
export function pageCaption(index: number, count: number): string {
  return `Halaman ${index + 1} dari ${count}`;
}

/**
 * A page's SVG made ready to sit inline in the dialog: without an XML
 * declaration or doctype, and with its ids (gradients, clip paths, glyphs)
 * prefixed so that the pages' ids do not clash in one HTML document.
 */
export function inlineSvg(svg: string, prefix: string): string {
  let s = svg.replace(/^\uFEFF/, "").replace(/<\?xml[^>]*\?>/g, "").replace(/<!DOCTYPE[^>]*>/gi, "").trim();
  if (!/\sid=/.test(s)) return s;
  s = s.replace(/(\sid=)(["'])([^"']+)\2/g, (_m, attr: string, q: string, id: string) => `${attr}${q}${prefix}${id}${q}`);
  s = s.replace(/url\(\s*(["']?)#([^)"']+)\1\s*\)/g, (_m, q: string, id: string) => `url(${q}#${prefix}${id}${q})`);
  s = s.replace(/(\s(?:xlink:)?href=)(["'])#([^"']+)\2/g, (_m, attr: string, q: string, id: string) => `${attr}${q}#${prefix}${id}${q}`);
  return s;
}

/**
 * What can be printed from a document: the tree, the process map and each
 * sub-process map, the Peta Relasi, each flow, the review report, the
 * Perjanjian Kinerja (with units), the Tabel capaian (with indicators) and
 * the Tabel anggaran (with a budget).
 */
export function printViews(doc: Pick<Document, "processes"> & Partial<Pick<Document, "units" | "tree">>): { value: string; label: string }[] {
  const views = [{ value: "tree", label: "Pohon kinerja" }];
  const processes = doc.processes?.map?.processes ?? [];
  if (processes.length > 0) {
    views.push({ value: "processes", label: "Peta proses bisnis (level 0)" });
    for (const p of processes) {
      if (processes.some((c) => c.parent === p.id)) views.push({ value: `processes:${p.id}`, label: `Peta sub proses bisnis: ${p.name}` });
    }
    views.push({ value: "relations", label: "Peta relasi" });
  }
  for (const flow of doc.processes?.flows ?? []) views.push({ value: `flow:${flow.id}`, label: `Peta lintas fungsi: ${flow.name}` });
  views.push({ value: "review", label: "Catatan hasil reviu" });
  if ((doc.units ?? []).length > 0) views.push({ value: PK_VIEW, label: "Perjanjian kinerja" });
  const nodes = doc.tree?.nodes ?? [];
  if (nodes.some((n) => (n.indicators ?? []).length > 0)) views.push({ value: CAPAIAN_VIEW, label: "Tabel capaian" });
  if (nodes.some((n) => n.budget?.ceiling !== undefined || n.budget?.spent !== undefined)) views.push({ value: ANGGARAN_VIEW, label: "Tabel anggaran" });
  return views;
}

/** The LKjIP tables of a year: capaian kinerja, and realisasi anggaran. */
export const CAPAIAN_VIEW = "capaian";
export const ANGGARAN_VIEW = "anggaran";

/** Tabel capaian or Tabel anggaran. */
export function isMonitoring(view: string): boolean {
  return view === CAPAIAN_VIEW || view === ANGGARAN_VIEW;
}

/** The papers of the monitoring tables. */
export const MONITORING_PAPERS: Paper[] = ["A4", "F4", "A3"];

/** Whether an indicator has a realisasi recorded for `year` (the yearly value or a quarter). */
/** The form printing a monitoring table for `year` (none: the core's choice, the latest year with realisasi), on A4 unless F4 or A3 was chosen. */
export function formForMonitoring(form: PrintForm, view: string, year: number | undefined): PrintForm {
  // `year: undefined` (not left out): the form is merged into the one shown, whose year it replaces.
  return { ...form, view, year, paper: MONITORING_PAPERS.includes(form.paper) ? form.paper : "A4" };
}

/** The view select's entry for the Perjanjian Kinerja; the unit is chosen beside it (pk:UNIT). */
export const PK_VIEW = "pk";

/** A Perjanjian Kinerja (pk:UNIT), A4/F4 portrait like the review report. */
export function isPk(view: string): boolean {
  return view === PK_VIEW || view.startsWith("pk:");
}

/** The unit of a pk:UNIT view ("" for none). */
export function pkUnit(view: string): string {
  return view.startsWith("pk:") ? view.slice(3) : "";
}

/** The year a new Perjanjian Kinerja starts at: this year within the period, else its nearest year. */
export function defaultPkYear(period: { from: number; to: number }, today = new Date()): number {
  return Math.min(Math.max(today.getFullYear(), period.from), period.to);
}

/** The form printing the Perjanjian Kinerja of `unit` for `year`, on A4 unless F4 was chosen. */
export function formForPk(form: PrintForm, unit: string, year: number): PrintForm {
  return { ...form, view: `pk:${unit}`, year, paper: REVIEW_PAPERS.includes(form.paper) ? form.paper : "A4" };
}

/** The review report (Catatan Hasil Reviu Pohon Kinerja). */
export function isReview(view: string): boolean {
  return view === "review";
}

/** The papers of the review report, a portrait form. */
export const REVIEW_PAPERS: Paper[] = ["A4", "F4"];

/** The form after choosing what to print: the review report takes A4 when another paper was chosen. */
export function formForView(form: PrintForm, view: string): PrintForm {
  if (isReview(view) && !REVIEW_PAPERS.includes(form.paper)) return { ...form, view, paper: "A4" };
  return { ...form, view };
}

/** A person of the review team as the fields hold it. */
export interface PersonForm {
  name: string;
  rank: string;
  nip: string;
  role: string;
}

/** The review team's fields (the round as typed). */
export interface TeamForm {
  unit: string;
  round: string;
  date: string;
  leader: PersonForm;
  members: PersonForm[];
}

export interface TeamFormErrors {
  round?: string;
  date?: string;
}

function personForm(p: Person | undefined): PersonForm {
  return { name: p?.name ?? "", rank: p?.rank ?? "", nip: p?.nip ?? "", role: p?.role ?? "" };
}

export function teamForm(team: ReviewTeam | undefined): TeamForm {
  return {
    unit: team?.unit ?? "",
    round: team?.round ? String(team.round) : "",
    date: team?.date ?? "",
    leader: personForm(team?.leader),
    members: (team?.members ?? []).map(personForm),
  };
}

/** A new member's row. */
export function emptyMember(): PersonForm {
  return { name: "", rank: "", nip: "", role: "Anggota" };
}

function person(p: PersonForm): Person {
  return { name: p.name.trim(), rank: p.rank.trim(), nip: p.nip.trim(), role: p.role.trim() };
}

/** Whether a calendar date is written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The team the fields stand for (for the set_review_team op), or what is
 * wrong with them. Members without a name, rank or NIP are left out; what
 * the fields do not show (`extra`) is kept from `before`.
 */
export function teamFromForm(form: TeamForm, before?: ReviewTeam): { ok: true; team: ReviewTeam } | { ok: false; errors: TeamFormErrors } {
  const errors: TeamFormErrors = {};
  const roundText = form.round.trim();
  const round = roundText === "" ? 0 : Number(roundText);
  if (!Number.isInteger(round) || round < 0 || round > 99) errors.round = "Reviu ke- harus bilangan bulat 0 sampai 99.";
  const date = form.date.trim();
  if (date !== "" && !isIsoDate(date)) errors.date = "Tanggal ditulis TTTT-BB-HH, mis. 2026-11-30 (kosong: tanggal cetak).";
  if (errors.round || errors.date) return { ok: false, errors };
  const members = form.members.map(person).filter((m) => m.name || m.rank || m.nip);
  const team: ReviewTeam = { unit: form.unit.trim(), round, date, leader: person(form.leader), members };
  if (before?.extra && Object.keys(before.extra).length > 0) team.extra = before.extra;
  return { ok: true, team };
}

/** Whether saving `team` would change the document's team (empty fields count as absent). */
export function sameTeam(team: ReviewTeam, before: ReviewTeam | undefined): boolean {
  const norm = (t: ReviewTeam | undefined) => {
    const p = (x: Person | undefined) => [x?.name ?? "", x?.rank ?? "", x?.nip ?? "", x?.role ?? ""];
    return JSON.stringify([t?.unit ?? "", t?.round ?? 0, t?.date ?? "", p(t?.leader), (t?.members ?? []).map(p)]);
  };
  return norm(team) === norm(before);
}
