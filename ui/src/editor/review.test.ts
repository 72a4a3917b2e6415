import { vi } from "vitest";
import { m, opened, resetApi, viewWith } from "../test/editor";
import { sampleView } from "../test/fixtures";
import type { Annotation, Op } from "../types";
import type { EntityChange, MergePreview, ReviewState } from "../generated";
import { changeMarks, filterChoices, filterThreads, keyTarget, nextStatus, openCounts, targetChoices, targetKey, ALL_THREADS } from "./review";

vi.mock("../api", () => import("../test/apiMock"));
// The edit pipeline may time a frame (requestAnimationFrame): not in the node test environment.
(globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }).requestAnimationFrame ??= (cb) => setTimeout(cb, 0);

const note = (id: string, patch: Partial<Annotation> = {}): Annotation => ({ id, on: { node: "n3" }, author: "Inspektorat", role: "Auditor", round: 1, text: `Catatan ${id}`, status: "open", ...patch });

const NOTES: Annotation[] = [
  note("c1"),
  note("c2", { on: { link: ["n3", "n1"] }, status: "answered", author: "Bappeda", round: 2 }),
  note("c3", { on: { indicator: ["n1", "i1"] }, status: "accepted", rule: "P009" }),
  note("c4", { on: { step: ["f1", "s2"] }, status: "fixed" }),
  note("c5", { on: { process: "p1" }, status: "reopened", round: 2 }),
];

const STATE: ReviewState = { review: null, suggestions: [], problem: null, fixed_threads: [], max_round: 2, notes_writable: true };

beforeEach(() => {
  resetApi();
  m.reviewState.mockResolvedValue(STATE);
  m.getPreferences.mockResolvedValue({ name: "Rina", role: "Inspektorat", round: 0 });
});

describe("threads, counted and filtered from the document", () => {
  test("status keys: Terbuka → Dijawab → Diperbaiki → Diterima; Diterima → Dibuka kembali", () => {
    expect(["open", "answered", "fixed", "accepted", "reopened"].map((s) => nextStatus(s as Annotation["status"]))).toEqual(["answered", "fixed", "accepted", "reopened", "answered"]);
  });
  test("a target's key is the core's entity key, and back", () => {
    for (const t of NOTES.map((a) => a.on)) expect(keyTarget(targetKey(t))).toEqual(t);
    expect(targetKey({ step: ["f1", "s2"] })).toBe("step:f1/s2");
    expect(keyTarget("levels")).toBeNull();
  });
  test("badges: open threads per place (a link and an indicator on their node), accepted ones not counted", () => {
    const doc = viewWith((d) => (d.annotations = NOTES)).document;
    expect(Object.fromEntries(openCounts(doc))).toEqual({ "node:n3": 2, "step:f1/s2": 1, "process:p1": 1 });
  });
  test("filters: status, open, author, round, level, rule", () => {
    const doc = viewWith((d) => (d.annotations = NOTES)).document;
    const ids = (f: Partial<typeof ALL_THREADS>) => filterThreads(doc, { ...ALL_THREADS, ...f }).map((a) => a.id);
    expect(ids({})).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(ids({ status: "open" })).toEqual(["c1", "c2", "c4", "c5"]);
    expect(ids({ status: "fixed" })).toEqual(["c4"]);
    expect(ids({ author: "Bappeda" })).toEqual(["c2"]);
    expect(ids({ round: 2 })).toEqual(["c2", "c5"]);
    expect(ids({ level: 2 })).toEqual(["c1", "c2"]);
    expect(ids({ level: 1 })).toEqual(["c3"]);
    expect(ids({ rule: "P009" })).toEqual(["c3"]);
    expect(ids({ rule: "-" })).toEqual(["c1", "c2", "c4", "c5"]);
    expect(filterChoices(doc)).toEqual({ authors: ["Bappeda", "Inspektorat"], rounds: [1, 2], rules: ["P009"] });
  });
  test("what a comment may be about: the node, its indicators and its links", () => {
    const doc = viewWith((d) => (d.tree.nodes![1].indicators = [{ id: "i1", name: "Indeks profesionalitas", unit: "Indeks", targets: {} }])).document;
    const choices = targetChoices(doc, { mode: "tree", selection: "n1", process: null, flow: null, step: null });
    expect(choices.map((c) => c.on)).toEqual([{ node: "n1" }, { indicator: ["n1", "i1"] }, { link: ["n1", "n0"] }, { document: null }]);
  });
  test("canvas marks from the core's changes: the strongest kind per place; an indicator marks its node changed", () => {
    const ch = (kind: EntityChange["kind"], key: string): EntityChange => ({ kind, entity: key.split(":")[0], id: "", label: "", fields: {}, key });
    const marks = changeMarks([ch("changed", "node:n1"), ch("added", "indicator:n3/i9"), ch("added", "node:n9"), ch("moved", "step:f1/s2"), ch("removed", "node:n4"), ch("changed", "annotation:c1")]);
    expect(Object.fromEntries(marks)).toEqual({ "node:n1": "changed", "node:n3": "changed", "node:n9": "added", "step:f1/s2": "moved", "node:n4": "removed" });
  });
});

describe("the review manager over the shell", () => {
  test("a comment on the selection: add_annotation with the author, role and round; the new thread selected", async () => {
    const e = await opened();
    await e.review.loadPreferences();
    await e.review.refresh();
    e.select("n3");
    e.review.compose();
    expect(e.review.state.composer?.choices[0].on).toEqual({ node: "n3" });
    expect(e.review.state.composer?.round).toBe(2); // the latest round in the file
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.annotations = [note("c-1234abcd", { round: 2, text: "Indikator belum tepat" })])));
    const ok = await e.review.addComment("Indikator belum tepat");
    expect(e.state.toasts).toEqual([]);
    expect(ok).toBe(true);
    const op = m.applyOp.mock.calls[0][0] as Op & { op: "add_annotation" };
    expect(op.op).toBe("add_annotation");
    expect(op.annotation).toMatchObject({ id: "", on: { node: "n3" }, author: "Rina", role: "Inspektorat", round: 2, text: "Indikator belum tepat", status: "open" });
    expect(e.review.state.selected).toBe("c-1234abcd");
    expect(e.review.state.composer).toBeNull();
  });
  test("a comment on a finding carries its rule and target", async () => {
    const e = await opened();
    await e.review.loadPreferences();
    e.review.compose({ rule: "P009", severity: "warning", target: { indicator: ["n1", "i1"] }, message: "Target 2026 belum ada." });
    m.applyOp.mockResolvedValueOnce(viewWith((d) => (d.annotations = [note("c9", { rule: "P009" })])));
    await e.review.addComment("Lengkapi target");
    expect((m.applyOp.mock.calls[0][0] as Op & { op: "add_annotation" }).annotation).toMatchObject({ on: { indicator: ["n1", "i1"] }, rule: "P009" });
  });
  test("no name yet: Preferensi opens instead, nothing is sent", async () => {
    m.getPreferences.mockResolvedValue({ name: "", role: "", round: 0 });
    const e = await opened();
    await e.review.loadPreferences();
    e.select("n3");
    e.review.compose();
    expect(await e.review.addComment("x")).toBe(false);
    expect(e.review.state.dialog).toBe("preferences");
    expect(m.applyOp).not.toHaveBeenCalled();
  });
  test("answering moves the status; the status key moves the selected thread on", async () => {
    const view = viewWith((d) => (d.annotations = [note("c1")]));
    const e = await opened(view);
    await e.review.loadPreferences();
    m.applyOp.mockResolvedValue(view);
    await e.review.reply("c1", "Sudah diganti", "fixed");
    expect(m.applyOp.mock.calls[0][0]).toEqual({ op: "reply_annotation", id: "c1", reply: { author: "Rina", role: "Inspektorat", text: "Sudah diganti" }, status: "fixed" });
    e.review.selectThread("c1", false);
    await e.review.advanceSelected();
    expect(m.applyOp.mock.calls[1][0]).toEqual({ op: "set_annotation_status", id: "c1", status: "answered" });
  });
  test("the review state is asked again after a change of the document", async () => {
    vi.useFakeTimers();
    try {
      const e = await opened();
      m.reviewState.mockClear();
      e.edits.setView(viewWith((d) => (d.annotations = [note("c1")])));
      await vi.advanceTimersByTimeAsync(200);
      expect(m.reviewState).toHaveBeenCalledTimes(1);
      expect(e.review.state.info).toEqual(STATE);
    } finally {
      vi.useRealTimers();
    }
  });
  test("send for review: the reviewer's name, the save dialog, the copy", async () => {
    const e = await opened();
    e.review.requestSendForReview();
    expect(e.state.prompt?.label).toBe("Nama reviewer");
    m.pickReviewCopyPath.mockResolvedValueOnce("/tmp/uji (reviu Rina).pokin");
    m.sendForReview.mockResolvedValueOnce({ base: "Dasar reviu Rina", fingerprint: "ab", reviewer: "Rina", at: "2025-01-01" });
    expect(await e.review.sendForReview(" Rina ")).toBe(true);
    expect(m.pickReviewCopyPath).toHaveBeenCalledWith("Rina");
    expect(m.sendForReview).toHaveBeenCalledWith("/tmp/uji (reviu Rina).pokin", "Rina");
    // Cancelled dialog: nothing written.
    m.pickReviewCopyPath.mockResolvedValueOnce(null);
    expect(await e.review.sendForReview("Rina")).toBe(false);
    expect(m.sendForReview).toHaveBeenCalledTimes(1);
  });
  test("merge: every change taken at first; one rejected and a conflict settled for the reviewer go to the core; the document comes again", async () => {
    const e = await opened();
    const ch = (key: string): EntityChange => ({ kind: "changed", entity: "node", id: key.slice(5), label: "", fields: { statement: { old: "a", new: "b" } }, key });
    const preview: MergePreview = {
      report: {
        changes: [ch("node:n1"), ch("node:n3")],
        conflicts: [{ entity: "node", id: "n4", field: "statement", ours: "x", theirs: "y", base: "z", key: "node:n4#statement", resolved_theirs: false }],
        comments: { new: 3, updated: 0, verdicts: 0 },
      },
      copy: { base: "Dasar", fingerprint: "ab", reviewer: "Rina", at: "2025-01-01" },
      notes_only: false,
    };
    m.pickPokinPath.mockResolvedValueOnce("/tmp/copy.pokin");
    m.mergePreview.mockResolvedValueOnce(preview);
    expect(await e.review.requestMerge()).toBe(true);
    expect(e.review.state.dialog).toBe("merge");
    expect(e.review.state.merge?.accepted).toEqual(["node:n1", "node:n3"]);
    e.review.toggleChange("node:n3", false);
    e.review.chooseTheirs("node:n4#statement", true);
    m.mergeReview.mockResolvedValueOnce({ report: preview.report, reviewer: "Rina", notes_only: false, applied: true });
    const merged = viewWith((d) => (d.annotations = [note("c1"), note("c2"), note("c3")]), { can_undo: true });
    m.currentDocument.mockResolvedValueOnce(merged);
    expect(await e.review.merge()).not.toBeNull();
    expect(m.mergeReview).toHaveBeenCalledWith("/tmp/copy.pokin", { accept: ["node:n1"], theirs: ["node:n4#statement"] });
    expect(e.state.view).toBe(merged);
    expect(e.review.state.dialog).toBeNull();
    expect(e.state.toasts.at(-1)?.text).toContain("1 usulan dipilih, 3 catatan baru");
  });
  test("a copy whose base is not in the file: the core's message, no dialog", async () => {
    const e = await opened();
    m.pickPokinPath.mockResolvedValueOnce("/tmp/other.pokin");
    m.mergePreview.mockRejectedValueOnce('Versi dasar salinan reviu ini ("Dasar", sidik ab) tidak ada di x.pokin');
    expect(await e.review.requestMerge()).toBe(false);
    expect(e.review.state.dialog).toBeNull();
    expect(e.state.toasts.at(-1)?.text).toContain("Versi dasar salinan reviu ini");
  });
  test("compare: a named version; F8 steps through the changes and selects each on its map", async () => {
    const e = await opened(sampleView());
    m.compareSources.mockResolvedValueOnce({ versions: [{ name: "Dasar", seq: 1, at: "", fingerprint: "", final: false }], history: [], base: null });
    await e.review.requestCompare();
    expect(e.review.state.dialog).toBe("compare");
    const ch = (kind: EntityChange["kind"], key: string): EntityChange => ({ kind, entity: "node", id: key.slice(5), label: "", fields: {}, key });
    m.compareWith.mockResolvedValueOnce({ label: 'versi "Dasar"', changes: [ch("changed", "node:n3"), ch("removed", "node:n9")] });
    await e.review.compare({ version: "Dasar" });
    expect(m.compareWith).toHaveBeenCalledWith({ version: "Dasar" });
    e.review.stepChange(1);
    expect(e.review.state.comparison?.index).toBe(0);
    await vi.waitFor(() => expect(e.state.selection).toBe("n3"));
    e.review.stepChange(1);
    expect(e.review.state.comparison?.index).toBe(1);
    e.review.stepChange(1);
    expect(e.review.state.comparison?.index).toBe(0);
  });
});

test("a thread opened on a finding selects that finding in the Temuan panel (its rule group opens); a thread on a place only selects none", async () => {
  const e = await opened(viewWith((d) => (d.annotations = NOTES)));
  e.review.selectThread("c3");
  expect(e.state.findingSelected).toMatchObject({ rule: "P009", target: { indicator: ["n1", "i1"] } });
  expect(e.state.findingGroups.P009).toBe(true);
  e.review.selectThread("c1");
  expect(e.state.findingSelected?.rule).toBe("P009");
  expect(e.state.selection).toBe("n3");
});
