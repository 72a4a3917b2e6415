// Reviewers (issue #11): comment threads (catatan reviu) sent as ops, the
// author's preferences, the review state the core gives (review copy and
// its suggestions, threads whose finding is gone), sending a review copy,
// merging one back, and comparing with another version. Every decision
// about the document is the core's: this manager shows and sends.
//
// Its state is its own small store (`useReview`), beside the editor's.

import { useSyncExternalStore } from "react";
import * as api from "../api";
import { errorText, fileName } from "../format";
import { targetNode } from "../findings";
import type { CompareSources, Comparison, EntityChange, MergePreview, Merged, Preferences, ReviewState } from "../generated";
import type { Annotation, AnnotationStatus, Document, DocumentView, Finding, Target } from "../types";
import type { Editor } from "./editor";

export const STATUS_LABEL: Record<AnnotationStatus, string> = {
  open: "Terbuka",
  answered: "Dijawab",
  fixed: "Diperbaiki",
  accepted: "Diterima",
  reopened: "Dibuka kembali",
};
export const STATUSES: AnnotationStatus[] = ["open", "answered", "fixed", "accepted", "reopened"];

/** Still waiting for someone (everything but Diterima), as the core counts it. */
export function isOpen(status: AnnotationStatus): boolean {
  return status !== "accepted";
}

/** The status a key press moves a thread to: Terbuka → Dijawab → Diperbaiki → Diterima; Diterima → Dibuka kembali → Dijawab. */
export function nextStatus(status: AnnotationStatus): AnnotationStatus {
  switch (status) {
    case "open":
      return "answered";
    case "answered":
      return "fixed";
    case "fixed":
      return "accepted";
    case "accepted":
      return "reopened";
    case "reopened":
      return "answered";
  }
}

/** A target's key, as the core names entities in a comparison (`node:n3`, `step:f1/s4`). */
export function targetKey(t: Target): string {
  if ("node" in t) return `node:${t.node}`;
  if ("link" in t) return `link:${t.link[0]}/${t.link[1]}`;
  if ("indicator" in t) return `indicator:${t.indicator[0]}/${t.indicator[1]}`;
  if ("unit" in t) return `unit:${t.unit}`;
  if ("process" in t) return `process:${t.process}`;
  if ("flow" in t) return `flow:${t.flow}`;
  if ("step" in t) return `step:${t.step[0]}/${t.step[1]}`;
  return "document";
}

/** The target a comparison key names (null: not one a map shows). */
export function keyTarget(key: string): Target | null {
  const at = key.indexOf(":");
  if (at < 0) return key === "document" ? { document: null } : null;
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  const pair = (): [string, string] | null => {
    const slash = id.indexOf("/");
    return slash < 0 ? null : [id.slice(0, slash), id.slice(slash + 1)];
  };
  switch (kind) {
    case "node":
      return { node: id };
    case "unit":
      return { unit: id };
    case "process":
      return { process: id };
    case "flow":
      return { flow: id };
    case "link": {
      const p = pair();
      return p && { link: p };
    }
    case "indicator": {
      const p = pair();
      return p && { indicator: p };
    }
    case "step": {
      const p = pair();
      return p && { step: p };
    }
  }
  return null;
}

/**
 * Where a target is drawn: a box of the tree (`node:id`; an indicator and a
 * link on their node — a link on its child, `from`), a process card
 * (`process:id`), a flow step (`step:flow/id`), a flow (`flow:id`).
 */
export function placeOf(t: Target): string | null {
  const node = targetNode(t);
  if (node !== null) return `node:${node}`;
  if ("process" in t || "flow" in t || "step" in t) return targetKey(t);
  return null;
}

/** Open threads per place on the canvas (the badges' numbers). */
export function openCounts(doc: Document): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of doc.annotations ?? []) {
    if (!isOpen(a.status)) continue;
    const place = placeOf(a.on);
    if (place !== null) out.set(place, (out.get(place) ?? 0) + 1);
  }
  return out;
}

export type MarkKind = "added" | "removed" | "changed" | "moved";
export const MARK_SYMBOL: Record<MarkKind, string> = { added: "+", removed: "−", changed: "✎", moved: "⇨" };
export const MARK_LABEL: Record<MarkKind, string> = { added: "ditambah", removed: "dihapus", changed: "diubah", moved: "dipindah" };
const MARK_RANK: Record<MarkKind, number> = { added: 4, removed: 3, moved: 2, changed: 1 };

/** Canvas marks of a list of changes (the core's): one per place, the strongest kind; an indicator's or a link's change marks its node as changed. */
export function changeMarks(changes: EntityChange[]): Map<string, MarkKind> {
  const out = new Map<string, MarkKind>();
  for (const c of changes) {
    if (c.review || c.layout_only) continue;
    const t = keyTarget(c.key);
    if (!t) continue;
    const place = placeOf(t);
    if (place === null) continue;
    const own = "node" in t || "process" in t || "step" in t || "flow" in t;
    const kind: MarkKind = own ? c.kind : "changed";
    const had = out.get(place);
    if (!had || MARK_RANK[kind] > MARK_RANK[had]) out.set(place, kind);
  }
  return out;
}

/** A field's value as a line of text. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v === "" ? "—" : v;
  if (Array.isArray(v)) return v.length === 0 ? "—" : v.map(showValue).join(", ");
  // A year map (targets, actuals) or a small record: "2025: 160; 2026: 170".
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length === 0 ? "—" : entries.map(([k, x]) => `${k}: ${showValue(x)}`).join("; ");
  }
  return String(v);
}

export interface ThreadFilter {
  /** "all", "open" (all but Diterima) or one status. */
  status: "all" | "open" | AnnotationStatus;
  author: string;
  /** 0: every round. */
  round: number;
  /** -1: every level (a thread's level is its node's). */
  level: number;
  /** "": every rule; "-": threads not on a finding. */
  rule: string;
}
export const ALL_THREADS: ThreadFilter = { status: "all", author: "", round: 0, level: -1, rule: "" };

/** The level of the node a thread is on (null: not on a node). */
export function threadLevel(a: Annotation, doc: Document): number | null {
  const id = targetNode(a.on);
  if (id === null) return null;
  return doc.tree.nodes?.find((n) => n.id === id)?.level ?? null;
}

export function filterThreads(doc: Document, f: ThreadFilter): Annotation[] {
  return (doc.annotations ?? []).filter((a) => {
    if (f.status === "open" ? !isOpen(a.status) : f.status !== "all" && a.status !== f.status) return false;
    if (f.author && a.author !== f.author) return false;
    if (f.round > 0 && (a.round ?? 0) !== f.round) return false;
    if (f.level >= 0 && threadLevel(a, doc) !== f.level) return false;
    if (f.rule === "-" ? !!a.rule : f.rule !== "" && a.rule !== f.rule) return false;
    return true;
  });
}

/** The choices of the filter: the authors, rounds and rules the threads have. */
export function filterChoices(doc: Document): { authors: string[]; rounds: number[]; rules: string[] } {
  const notes = doc.annotations ?? [];
  const uniq = <T,>(xs: T[]) => [...new Set(xs)].sort();
  return {
    authors: uniq(notes.map((a) => a.author ?? "").filter(Boolean)),
    rounds: uniq(notes.map((a) => a.round ?? 0).filter((r) => r > 0)).sort((a, b) => a - b),
    rules: uniq(notes.map((a) => a.rule ?? "").filter(Boolean)),
  };
}

/** What a new comment may be about, given the selection: the node, its indicators and its links; a process; a step or its flow. */
export interface TargetChoice {
  on: Target;
  label: string;
}

export function targetChoices(doc: Document, s: { mode: string; selection: string | null; process: string | null; flow: string | null; step: string | null }): TargetChoice[] {
  const out: TargetChoice[] = [];
  const short = (t: string) => (t.length > 60 ? `${t.slice(0, 59)}…` : t);
  if (s.mode === "tree" && s.selection !== null && !s.selection.startsWith("ext:")) {
    const node = doc.tree.nodes?.find((n) => n.id === s.selection);
    if (node) {
      out.push({ on: { node: node.id }, label: `Simpul: ${short(node.statement)}` });
      for (const i of node.indicators ?? []) out.push({ on: { indicator: [node.id, i.id] }, label: `Indikator: ${short(i.name ?? i.id)}` });
      for (const l of doc.tree.links ?? []) {
        if (l.from !== node.id) continue;
        const to = doc.tree.nodes?.find((n) => n.id === l.to);
        out.push({ on: { link: [l.from, l.to] }, label: `Keterkaitan ke: ${short(to?.statement ?? l.to)}` });
      }
    }
  }
  const processes = doc.processes?.map?.processes ?? [];
  if ((s.mode === "map" || s.mode === "relations") && s.process !== null) {
    const p = processes.find((x) => x.id === s.process);
    if (p) out.push({ on: { process: p.id }, label: `Proses: ${short(p.name)}` });
  }
  if (s.mode === "flow" && s.flow !== null) {
    const flow = doc.processes?.flows?.find((f) => f.id === s.flow);
    if (flow) {
      const step = s.step !== null ? flow.steps.find((x) => x.id === s.step) : undefined;
      if (step) out.push({ on: { step: [flow.id, step.id] }, label: `Langkah: ${short(step.text)}` });
      out.push({ on: { flow: flow.id }, label: `Peta lintas fungsi: ${short(flow.name)}` });
    }
  }
  out.push({ on: { document: null }, label: "Dokumen ini" });
  return out;
}

export interface Composer {
  choices: TargetChoice[];
  /** Index into choices. */
  chosen: number;
  /** The finding this comment is about (its rule), if made from one. */
  rule: string | null;
  round: number;
}

export interface MergeUi {
  path: string;
  preview: MergePreview;
  /** The change keys taken. */
  accepted: string[];
  /** The conflicts settled for the reviewer's value (`key#field`). */
  theirs: string[];
  busy: boolean;
}

export interface ComparisonUi extends Comparison {
  /** The change shown (its place selected), or -1. */
  index: number;
}

export interface ReviewUi {
  prefs: Preferences;
  info: ReviewState | null;
  panel: boolean;
  filter: ThreadFilter;
  /** The thread selected in the panel. */
  selected: string | null;
  composer: Composer | null;
  dialog: "preferences" | "merge" | "compare" | null;
  merge: MergeUi | null;
  sources: CompareSources | null;
  comparison: ComparisonUi | null;
  /** Ask the panel to focus the reply field of the selected thread (changes on every request). */
  replySeq: number;
}

export function initialReview(): ReviewUi {
  return {
    prefs: { name: "", role: "", round: 0 },
    info: null,
    panel: false,
    filter: ALL_THREADS,
    selected: null,
    composer: null,
    dialog: null,
    merge: null,
    sources: null,
    comparison: null,
    replySeq: 0,
  };
}

type Listener = () => void;

export class Review {
  state: ReviewUi = initialReview();
  private listeners = new Set<Listener>();
  private seen: DocumentView | null = null;
  private seenPath: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;
  /** The reviewer named last (prefills the next "Kirim untuk reviu"). */
  private lastReviewer = "";
  /** How long after a change the review state is asked again (ms). */
  delay = 150;

  constructor(private readonly ed: Editor) {
    ed.subscribe(() => this.viewChanged());
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<ReviewUi>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- the review state (after every change of the document) ----------------

  private viewChanged(): void {
    const view = this.ed.state.view;
    if (view === this.seen) return;
    this.seen = view;
    const path = view?.path ?? null;
    if (path !== this.seenPath) {
      // Another file: what was shown of the last one goes.
      this.seenPath = path;
      this.set({ info: null, selected: null, composer: null, merge: null, comparison: null, dialog: null, sources: null });
    }
    if (!view) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.delay);
  }

  /** Asks the core for the review state of the open file (the latest request wins). */
  async refresh(): Promise<void> {
    if (!this.ed.state.view) return;
    const ask = ++this.asked;
    try {
      const info = await api.reviewState();
      if (ask === this.asked) this.set({ info });
    } catch (e) {
      if (ask === this.asked) this.ed.toast(errorText(e));
    }
  }

  async loadPreferences(): Promise<void> {
    try {
      this.set({ prefs: await api.getPreferences() });
    } catch (e) {
      this.ed.toast(errorText(e));
    }
  }

  async savePreferences(prefs: Preferences): Promise<boolean> {
    try {
      this.set({ prefs: await api.setPreferences(prefs), dialog: null });
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  /** The round new comments go into: the preferences', else the latest in the file, else 1. */
  defaultRound(): number {
    return this.state.prefs.round || this.state.info?.max_round || 1;
  }

  /** Notes can be written (a final document still takes them; a read-only file does not). */
  notesWritable(): boolean {
    const view = this.ed.state.view;
    if (!view) return false;
    return this.state.info ? this.state.info.notes_writable : view.read_only === null || view.read_only === undefined || view.document.document.status === "final";
  }

  // ---- threads -----------------------------------------------------------------

  togglePanel(open = !this.state.panel): void {
    this.set({ panel: open });
  }

  setFilter(patch: Partial<ThreadFilter>): void {
    this.set({ filter: { ...this.state.filter, ...patch } });
  }

  /** Selects a thread and its target on its map. */
  selectThread(id: string | null, show = true): void {
    this.set({ selected: id });
    if (id === null || !show) return;
    const a = this.ed.state.view?.document.annotations?.find((x) => x.id === id);
    if (a) this.showTarget(a.on, a.rule);
  }

  /** Selects a target on its map (the tree, the process map, the flow); with a rule (a thread on a finding), that finding in the Temuan panel too. */
  showTarget(on: Target, rule: string | null = null): void {
    if ("document" in on) return;
    this.ed.showFinding({ target: on, rule });
  }

  /** Opens the comment form on the selection (Ctrl+Alt+M), or on a finding. */
  compose(finding: Finding | null = null): void {
    const view = this.ed.state.view;
    if (!view) return;
    if (!this.notesWritable()) return this.ed.toast("Berkas ini dibuka hanya-baca: catatan reviu tidak dapat ditambahkan.");
    const choices = finding ? [{ on: finding.target, label: `Temuan ${finding.rule}: ${finding.message}` }] : targetChoices(view.document, this.ed.state);
    this.set({ composer: { choices, chosen: 0, rule: finding?.rule ?? null, round: this.defaultRound() }, panel: true });
  }

  closeComposer(): void {
    this.set({ composer: null });
  }

  /** Sends the new comment (the core gives it its id and time, and refuses an empty one). */
  async addComment(text: string, chosen = this.state.composer?.chosen ?? 0, round = this.state.composer?.round ?? this.defaultRound()): Promise<boolean> {
    const c = this.state.composer;
    if (!c) return false;
    const { name, role } = this.state.prefs;
    if (!name.trim()) {
      this.ed.toast("Isi dulu nama Anda di Berkas › Preferensi… (dipakai sebagai penulis catatan).");
      this.set({ dialog: "preferences" });
      return false;
    }
    const choice = c.choices[chosen] ?? c.choices[0];
    const annotation: Annotation = { id: "", on: choice.on, author: name, role, round, text, status: "open" };
    if (c.rule) annotation.rule = c.rule;
    const before = new Set((this.ed.state.view?.document.annotations ?? []).map((a) => a.id));
    const view = await this.ed.apply({ op: "add_annotation", annotation });
    if (!view) return false;
    const made = (view.document.annotations ?? []).find((a) => !before.has(a.id));
    this.set({ composer: null, selected: made?.id ?? this.state.selected, panel: true });
    return true;
  }

  /** A reply, optionally moving the thread's status. */
  async reply(id: string, text: string, status: AnnotationStatus | null = null): Promise<boolean> {
    const { name, role } = this.state.prefs;
    if (!name.trim()) {
      this.ed.toast("Isi dulu nama Anda di Berkas › Preferensi… (dipakai sebagai penulis balasan).");
      this.set({ dialog: "preferences" });
      return false;
    }
    const view = await this.ed.apply({ op: "reply_annotation", id, reply: { author: name, role, text }, status });
    return view !== null;
  }

  async setStatus(id: string, status: AnnotationStatus): Promise<boolean> {
    return (await this.ed.apply({ op: "set_annotation_status", id, status })) !== null;
  }

  /** Ctrl+Alt+S: the selected thread's next status. */
  async advanceSelected(): Promise<void> {
    const a = this.selectedThread();
    if (a) await this.setStatus(a.id, nextStatus(a.status));
  }

  /** Ctrl+Alt+J: the reply field of the selected thread. */
  answerSelected(): void {
    if (!this.selectedThread()) return this.ed.toast("Pilih dulu sebuah catatan di panel Reviu.");
    this.set({ panel: true, replySeq: this.state.replySeq + 1 });
  }

  selectedThread(): Annotation | undefined {
    const id = this.state.selected;
    return id === null ? undefined : this.ed.state.view?.document.annotations?.find((a) => a.id === id);
  }

  // ---- review copy -----------------------------------------------------------------

  /** Berkas › Kirim untuk reviu…: the reviewer's name, then the save dialog, then the copy. */
  requestSendForReview(): void {
    if (!this.ed.state.view) return;
    this.ed.set({
      prompt: {
        title: "Kirim untuk reviu",
        message:
          "Salinan berkas ini dibuat untuk reviewer. Salinan membawa versi dasarnya (versi bernama); reviewer dapat memberi catatan dan mengusulkan perubahan, lalu Anda menggabungkannya kembali dengan Berkas › Gabungkan hasil reviu….",
        label: "Nama reviewer",
        initial: this.lastReviewer,
        ok: "Pilih tempat menyimpan…",
        onOk: (name) => void this.sendForReview(name),
      },
    });
  }

  async sendForReview(reviewer: string): Promise<boolean> {
    const name = reviewer.trim();
    if (!name) {
      this.ed.toast("Nama reviewer wajib diisi");
      return false;
    }
    try {
      this.lastReviewer = name;
      const path = await api.pickReviewCopyPath(name);
      if (!path) return false;
      const copy = await this.ed.enqueue(() => api.sendForReview(path, name));
      this.ed.toast(`Salinan reviu untuk ${copy.reviewer} disimpan: ${fileName(path)} (versi dasar "${copy.base}")`, "info");
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  // ---- merge ---------------------------------------------------------------------------

  /** Berkas › Gabungkan hasil reviu…: the open dialog, then what the merge would bring. */
  async requestMerge(): Promise<boolean> {
    if (!this.ed.state.view) return false;
    try {
      const path = await api.pickPokinPath("Gabungkan hasil reviu — pilih salinan reviu");
      if (!path) return false;
      return await this.previewMerge(path);
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  async previewMerge(path: string): Promise<boolean> {
    try {
      const preview = await this.ed.enqueue(() => api.mergePreview(path, { accept: null, theirs: [] }));
      const accepted = preview.report.changes.map((c) => c.key);
      this.set({ dialog: "merge", merge: { path, preview, accepted, theirs: [], busy: false } });
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  toggleChange(key: string, on: boolean): void {
    const m = this.state.merge;
    if (!m) return;
    const accepted = m.accepted.filter((k) => k !== key);
    if (on) accepted.push(key);
    this.set({ merge: { ...m, accepted } });
  }

  acceptAll(on: boolean): void {
    const m = this.state.merge;
    if (!m) return;
    this.set({ merge: { ...m, accepted: on ? m.preview.report.changes.map((c) => c.key) : [] } });
  }

  /** A conflict settled: the reviewer's value (true) or the planner's (false). */
  chooseTheirs(key: string, theirs: boolean): void {
    const m = this.state.merge;
    if (!m) return;
    const list = m.theirs.filter((k) => k !== key);
    if (theirs) list.push(key);
    this.set({ merge: { ...m, theirs: list } });
  }

  closeMerge(): void {
    this.set({ dialog: null, merge: null });
  }

  /** Gabungkan: one history step (Ctrl+Z undoes it); the document and its report come again. */
  async merge(): Promise<Merged | null> {
    const m = this.state.merge;
    if (!m || m.busy) return null;
    this.set({ merge: { ...m, busy: true } });
    try {
      const done = await this.ed.enqueue(() => api.mergeReview(m.path, { accept: m.accepted, theirs: m.theirs }));
      const view = await this.ed.enqueue(() => api.currentDocument());
      if (view) {
        this.ed.edits.setView(view);
        await this.ed.refreshLayout();
      }
      this.set({ dialog: null, merge: null, panel: true });
      const taken = done.notes_only ? 0 : m.accepted.length;
      const kept = done.report.conflicts.filter((c) => !m.theirs.includes(c.key)).length;
      this.ed.toast(
        done.applied
          ? `Hasil reviu ${done.reviewer} digabungkan: ${taken} usulan dipilih${kept ? ` (${kept} konflik tetap memakai nilai Anda)` : ""}, ${done.report.comments.new} catatan baru, ${done.report.comments.updated} diperbarui. Urungkan (Ctrl+Z) membatalkan penggabungan.`
          : `Tidak ada yang baru dari salinan reviu ${done.reviewer}.`,
        "info",
      );
      return done;
    } catch (e) {
      this.ed.toast(errorText(e));
      if (this.state.merge) this.set({ merge: { ...this.state.merge, busy: false } });
      return null;
    }
  }

  // ---- compare ------------------------------------------------------------------------

  /** Tampilan › Bandingkan…: the named versions and the history to choose from. */
  async requestCompare(): Promise<void> {
    if (!this.ed.state.view) return;
    try {
      this.set({ sources: await this.ed.enqueue(() => api.compareSources()), dialog: "compare" });
    } catch (e) {
      this.ed.toast(errorText(e));
    }
  }

  async compareWithFile(): Promise<boolean> {
    try {
      const path = await api.pickPokinPath("Bandingkan dengan berkas lain");
      return path ? await this.compare({ path }) : false;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  async compare(against: { version: string } | { seq: number } | { path: string }): Promise<boolean> {
    try {
      const result = await this.ed.enqueue(() => api.compareWith(against));
      this.set({ comparison: { ...result, index: -1 }, dialog: null });
      if (result.changes.length === 0) this.ed.toast(`Tidak ada perbedaan dengan ${result.label}.`, "info");
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  /** Compares again with what is compared now (after an edit). */
  closeComparison(): void {
    this.set({ comparison: null });
  }

  /** F8 / Shift+F8: the next or previous change, selected on its map. */
  stepChange(dir: 1 | -1): void {
    const c = this.state.comparison;
    if (!c || c.changes.length === 0) return;
    const n = c.changes.length;
    const index = c.index < 0 ? (dir > 0 ? 0 : n - 1) : (c.index + dir + n) % n;
    this.showChange(index);
  }

  showChange(index: number): void {
    const c = this.state.comparison;
    if (!c) return;
    this.set({ comparison: { ...c, index } });
    const change = c.changes[index];
    const t = change && keyTarget(change.key);
    if (t && change.kind !== "removed") this.showTarget(t);
  }

  closeDialog(): void {
    this.set({ dialog: null, merge: null });
  }

  openPreferences(): void {
    this.set({ dialog: "preferences" });
  }
}

/** Reads a slice of the review state; re-renders only when that slice changes. */
export function useReview<T>(store: Review, select: (s: ReviewUi) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.state), () => select(store.state));
}
