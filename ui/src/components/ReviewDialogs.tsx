import { useEffect, useMemo, useState } from "react";
import { ViewportPortal } from "@xyflow/react";
import { editor, useEditor } from "../editor";
import { changeMarks, keyTarget, MARK_LABEL, MARK_SYMBOL, openCounts, showValue, useReview, type MarkKind } from "../editor/review";
import { fileName, formatDateTime } from "../format";
import { indexLayout } from "../navigation";
import type { EntityChange, FieldChange } from "../generated";
import { Dialog } from "./Dialog";
import "../review.css";

const review = editor.review;

/** The keys of the reviewers' commands (Ctrl+Alt+…: free in the editor's own keymap). */
function useReviewKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = editor.state;
      if (s.confirm !== null || s.prompt !== null || s.dialog !== null || review.state.dialog !== null) return;
      if ((e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey) {
        const run: Record<string, () => void> = {
          KeyM: () => review.compose(),
          KeyJ: () => review.answerSelected(),
          KeyS: () => void review.advanceSelected(),
          KeyR: () => review.togglePanel(),
        };
        const f = run[e.code];
        if (f) {
          e.preventDefault();
          f();
        }
        return;
      }
      if (e.key === "F8" && !e.ctrlKey && !e.altKey && review.state.comparison) {
        e.preventDefault();
        review.stepChange(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** Everything of the review that is not a panel: keys, the preferences, the dialogs. */
export function ReviewLayer() {
  const dialog = useReview(review, (s) => s.dialog);
  useReviewKeys();
  useEffect(() => {
    void review.loadPreferences();
  }, []);
  return (
    <>
      {dialog === "preferences" && <PreferencesDialog />}
      {dialog === "merge" && <MergeDialog />}
      {dialog === "compare" && <CompareDialog />}
    </>
  );
}

/** Review mode (the open file is a review copy), and a comparison shown: above the canvas. */
export function ReviewBanners() {
  const info = useReview(review, (s) => s.info);
  const comparison = useReview(review, (s) => s.comparison);
  const view = useEditor((s) => s.view);
  return (
    <>
      {info?.review && (
        <div className="banner info review-banner" role="status" data-testid="review-banner">
          <span>
            Salinan reviu untuk <strong>{info.review.reviewer}</strong> — versi dasar <strong>{info.review.base}</strong>; suntingan dicatat sebagai usulan
            {info.suggestions.length > 0 && ` (${info.suggestions.length} usulan)`}.
          </span>
          {info.problem && <span className="review-problem">{info.problem}</span>}
          <SuggestionList changes={info.suggestions} testId="suggestions" />
        </div>
      )}
      {comparison && view && <CompareBar />}
    </>
  );
}

function SuggestionList({ changes, testId }: { changes: EntityChange[]; testId: string }) {
  const [open, setOpen] = useState(false);
  if (changes.length === 0) return null;
  return (
    <span className="review-suggestions">
      <button type="button" className="link" onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
        {open ? "Sembunyikan usulan" : "Lihat usulan"}
      </button>
      {open && (
        <ul className="plain change-list" data-testid={testId}>
          {changes.map((c) => (
            <ChangeRow
              key={c.key}
              c={c}
              onClick={() => {
                const t = keyTarget(c.key);
                if (t && c.kind !== "removed") review.showTarget(t);
              }}
            />
          ))}
        </ul>
      )}
    </span>
  );
}

/** A speech bubble drawn, not an emoji (the app's font has none). */
function BubbleIcon() {
  return (
    <svg className="bubble-icon" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M1.5 2h9a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1H5l-3 2.5V9h-.5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" fill="currentColor" />
    </svg>
  );
}

/** A field's old → new; a text told word by word (the core's word diff) where it was edited, not written anew. */
function FieldValues({ change }: { change: FieldChange }) {
  const words = change.words;
  if (words && words.some((w) => w.kind === "same" && w.text.trim() !== "")) {
    return (
      <span className="word-diff" data-testid="word-diff">
        {words.map((w, i) => (w.kind === "removed" ? <del key={i}>{w.text}</del> : w.kind === "added" ? <ins key={i}>{w.text}</ins> : <span key={i}>{w.text}</span>))}
      </span>
    );
  }
  return (
    <>
      <del>{showValue(change.old)}</del> → <ins>{showValue(change.new)}</ins>
    </>
  );
}

/** One change: kind, entity, label, and each field old → new. */
function ChangeRow({ c, onClick, current }: { c: EntityChange; onClick?: () => void; current?: boolean }) {
  const kind = c.kind as MarkKind;
  return (
    <li className={["change", `ch-${kind}`, c.layout_only ? "muted" : "", current ? "current" : ""].filter(Boolean).join(" ")} data-testid={`change-${c.key}`} data-kind={kind}>
      <button type="button" className="change-main" onClick={onClick}>
        <span className={`mark-chip ch-${kind}`}>{MARK_SYMBOL[kind]}</span>
        <span className="change-entity">{ENTITY_LABEL[c.entity] ?? c.entity}</span> <span className="change-label">{c.label}</span>
        <span className="muted"> ({MARK_LABEL[kind]})</span>
      </button>
      {Object.keys(c.fields).length > 0 && (
        <ul className="plain change-fields">
          {Object.entries(c.fields).map(([field, v]) => (
            <li key={field} data-testid={`change-${c.key}-${field}`}>
              <span className="field-name">{FIELD_LABEL[field] ?? field}</span>: <FieldValues change={v} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const ENTITY_LABEL: Record<string, string> = {
  node: "Simpul",
  indicator: "Indikator",
  link: "Keterkaitan",
  unit: "Unit kerja",
  process: "Proses",
  flow: "Peta lintas fungsi",
  step: "Langkah",
  annotation: "Catatan",
  document: "Dokumen",
  levels: "Level",
  validation: "Aturan",
  process_map: "Peta proses bisnis",
};
const FIELD_LABEL: Record<string, string> = { statement: "Kondisi", parent: "Induk", order: "Urutan", targets: "Target", name: "Nama", text: "Uraian" };

/** Tampilan › Bandingkan: the change list, next/previous (F8 / Shift+F8), a click selects on the canvas. */
function CompareBar() {
  const c = useReview(review, (s) => s.comparison)!;
  const [open, setOpen] = useState(true);
  const shown = c.changes.filter((x) => !x.review);
  return (
    <div className="compare-bar" data-testid="compare-bar">
      <div className="compare-head">
        <strong>Bandingkan dengan {c.label}</strong>
        <span data-testid="compare-count">{shown.length} perubahan</span>
        <button type="button" className="small" onClick={() => review.stepChange(-1)} title="Sebelumnya (Shift+F8)" data-testid="compare-prev">
          ◀
        </button>
        <button type="button" className="small" onClick={() => review.stepChange(1)} title="Berikutnya (F8)" data-testid="compare-next">
          ▶
        </button>
        <button type="button" className="link" onClick={() => setOpen(!open)} data-testid="compare-toggle">
          {open ? "Sembunyikan daftar" : "Tampilkan daftar"}
        </button>
        <span className="legend">
          <span className="mark-chip ch-added">+</span> ditambah <span className="mark-chip ch-changed">✎</span> diubah <span className="mark-chip ch-moved">⇨</span> dipindah{" "}
          <span className="mark-chip ch-removed">−</span> dihapus
        </span>
        <button type="button" className="icon" aria-label="Tutup perbandingan" onClick={() => review.closeComparison()} data-testid="compare-close">
          ×
        </button>
      </div>
      {open && (
        <ul className="plain change-list" data-testid="compare-list">
          {shown.length === 0 && <li className="muted">Tidak ada perbedaan.</li>}
          {c.changes.map((x, i) =>
            x.review ? null : <ChangeRow key={x.key} c={x} current={i === c.index} onClick={() => review.showChange(i)} />,
          )}
        </ul>
      )}
    </div>
  );
}

function PreferencesDialog() {
  const prefs = useReview(review, (s) => s.prefs);
  const [name, setName] = useState(prefs.name);
  const [role, setRole] = useState(prefs.role);
  const [round, setRound] = useState(prefs.round);
  const save = () => void review.savePreferences({ name, role, round });
  return (
    <Dialog
      title="Preferensi"
      testId="preferences-dialog"
      onClose={() => review.closeDialog()}
      footer={
        <>
          <button type="button" onClick={() => review.closeDialog()}>
            Batal
          </button>
          <button type="button" className="primary" onClick={save} data-testid="preferences-save">
            Simpan
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p className="muted">Nama dan peran Anda dicatat pada setiap catatan reviu dan balasan yang Anda tulis.</p>
        <label>
          Nama
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="preferences-name" />
        </label>
        <label>
          Peran
          <input value={role} onChange={(e) => setRole(e.target.value)} placeholder="Inspektorat, Bappeda, Perencana…" data-testid="preferences-role" />
        </label>
        <label>
          Reviu ke- (0: ikuti berkas)
          <input type="number" min={0} value={round} onChange={(e) => setRound(Math.max(0, Number(e.target.value) || 0))} data-testid="preferences-round" />
        </label>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

function conflictText(v: unknown): string {
  return showValue(v);
}

/** Gabungkan hasil reviu: every change with a checkbox, conflicts with both values, the comments' count. */
function MergeDialog() {
  const m = useReview(review, (s) => s.merge);
  if (!m) return null;
  const r = m.preview.report;
  const accepted = new Set(m.accepted);
  const theirs = new Set(m.theirs);
  return (
    <Dialog
      title={`Gabungkan hasil reviu ${m.preview.copy.reviewer}`}
      testId="merge-dialog"
      wide
      onClose={() => review.closeMerge()}
      footer={
        <>
          <button type="button" onClick={() => review.closeMerge()} data-testid="merge-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={m.busy} onClick={() => void review.merge()} data-testid="merge-apply">
            Gabungkan
          </button>
        </>
      }
    >
      <p>
        Salinan <strong>{fileName(m.path)}</strong> dari {m.preview.copy.reviewer} ({formatDateTime(m.preview.copy.at)}), versi dasar "{m.preview.copy.base}".
      </p>
      {m.preview.notes_only && <p className="banner-note">Dokumen ini final: hanya catatan reviu yang digabungkan; usulan perubahan tidak diterapkan.</p>}
      <p data-testid="merge-comments">
        Catatan reviu: {r.comments.new} baru, {r.comments.updated} diperbarui (selalu digabungkan).
      </p>
      <div className="merge-actions">
        <strong data-testid="merge-change-count">{r.changes.length} usulan perubahan</strong>
        <button type="button" className="small" onClick={() => review.acceptAll(true)} data-testid="merge-accept-all">
          Terima semua
        </button>
        <button type="button" className="small" onClick={() => review.acceptAll(false)} data-testid="merge-reject-all">
          Tolak semua
        </button>
      </div>
      <ul className="plain change-list merge-list" data-testid="merge-changes">
        {r.changes.map((c) => (
          <li key={c.key} className={`change ch-${c.kind}`} data-testid={`merge-change-${c.key}`}>
            <label className="change-main">
              <input type="checkbox" checked={accepted.has(c.key)} onChange={(e) => review.toggleChange(c.key, e.target.checked)} data-testid={`merge-take-${c.key}`} />
              <span className={`mark-chip ch-${c.kind}`}>{MARK_SYMBOL[c.kind as MarkKind]}</span>
              <span className="change-entity">{ENTITY_LABEL[c.entity] ?? c.entity}</span> <span className="change-label">{c.label}</span>
              <span className="muted"> ({MARK_LABEL[c.kind as MarkKind]})</span>
            </label>
            <ul className="plain change-fields">
              {Object.entries(c.fields).map(([field, v]) => (
                <li key={field} data-testid={`merge-change-${c.key}-${field}`}>
                  <span className="field-name">{FIELD_LABEL[field] ?? field}</span>: <FieldValues change={v} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {r.conflicts.length > 0 && (
        <>
          <h3 data-testid="merge-conflict-count">{r.conflicts.length} konflik</h3>
          <p className="muted">Anda dan reviewer sama-sama mengubah hal yang sama. Pilih nilai yang dipakai; nilai lainnya tetap tercatat pada catatan reviu.</p>
          <ul className="plain merge-conflicts" data-testid="merge-conflicts">
            {r.conflicts.map((c) => (
              <li key={c.key} className="conflict" data-testid={`merge-conflict-${c.key}`}>
                <div>
                  <span className="change-entity">{ENTITY_LABEL[c.entity] ?? c.entity}</span> {Array.isArray(c.id) ? c.id.join(" → ") : c.id} —{" "}
                  <span className="field-name">{FIELD_LABEL[c.field] ?? c.field}</span> (semula: {conflictText(c.base)})
                </div>
                <label>
                  <input type="radio" name={c.key} checked={!theirs.has(c.key)} onChange={() => review.chooseTheirs(c.key, false)} data-testid={`merge-conflict-${c.key}-ours`} /> Pakai milik saya:{" "}
                  <span data-testid={`merge-conflict-${c.key}-ours-text`}>{conflictText(c.ours)}</span>
                </label>
                <label>
                  <input type="radio" name={c.key} checked={theirs.has(c.key)} onChange={() => review.chooseTheirs(c.key, true)} data-testid={`merge-conflict-${c.key}-theirs`} /> Pakai usulan reviu:{" "}
                  <span data-testid={`merge-conflict-${c.key}-theirs-text`}>{conflictText(c.theirs)}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

/** Bandingkan dengan: a named version, a point in history, or another .pokin. */
function CompareDialog() {
  const sources = useReview(review, (s) => s.sources);
  const [version, setVersion] = useState(sources?.base ?? sources?.versions[sources.versions.length - 1]?.name ?? "");
  const [seq, setSeq] = useState<number>(sources?.history[0]?.seq ?? 0);
  if (!sources) return null;
  return (
    <Dialog title="Bandingkan" testId="compare-dialog" onClose={() => review.closeDialog()}>
      <div className="compare-sources">
        <p className="muted">Bandingkan keadaan dokumen sekarang dengan:</p>
        <fieldset>
          <legend>Versi bernama</legend>
          {sources.versions.length === 0 ? (
            <p className="muted">Belum ada versi bernama.</p>
          ) : (
            <div className="row">
              <select value={version} onChange={(e) => setVersion(e.target.value)} aria-label="Versi bernama" data-testid="compare-version">
                {sources.versions.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name} ({formatDateTime(v.at)})
                  </option>
                ))}
              </select>
              <button type="button" className="primary" onClick={() => void review.compare({ version })} data-testid="compare-version-go">
                Bandingkan
              </button>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Titik riwayat</legend>
          {sources.history.length === 0 ? (
            <p className="muted">Riwayat kosong.</p>
          ) : (
            <div className="row">
              <select value={seq} onChange={(e) => setSeq(Number(e.target.value))} aria-label="Titik riwayat" data-testid="compare-history">
                {sources.history.map((h) => (
                  <option key={h.seq} value={h.seq}>
                    #{h.seq} {h.label} ({formatDateTime(h.at)})
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void review.compare({ seq })} data-testid="compare-history-go">
                Bandingkan
              </button>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Berkas lain</legend>
          <button type="button" onClick={() => void review.compareWithFile()} data-testid="compare-file">
            Pilih berkas .pokin…
          </button>
        </fieldset>
      </div>
    </Dialog>
  );
}

/** The marks of the comparison shown, else of the review copy's suggestions. */
function useMarks(): Map<string, MarkKind> {
  const comparison = useReview(review, (s) => s.comparison);
  const info = useReview(review, (s) => s.info);
  return useMemo(() => changeMarks(comparison ? comparison.changes : (info?.suggestions ?? [])), [comparison, info]);
}

function useCounts(): Map<string, number> {
  const doc = useEditor((s) => s.view?.document);
  return useMemo(() => (doc ? openCounts(doc) : new Map<string, number>()), [doc]);
}

/** On the tree (inside the flow canvas): the open threads' badges and the change marks, on the boxes. */
export function TreeReviewMarks() {
  const layout = useEditor((s) => s.layout);
  const marks = useMarks();
  const counts = useCounts();
  if (!layout || (marks.size === 0 && counts.size === 0)) return null;
  const boxes = indexLayout(layout).boxes;
  const places = new Set([...marks.keys(), ...counts.keys()]);
  const items = [...places].flatMap((place) => {
    if (!place.startsWith("node:")) return [];
    const id = place.slice(5);
    const b = boxes.get(id);
    return b ? [{ id, b, mark: marks.get(place), count: counts.get(place) ?? 0 }] : [];
  });
  return (
    <ViewportPortal>
      <div className="review-marks">
        {items.map(({ id, b, mark, count }) => (
          <div key={id} className={mark ? `review-mark ch-${mark}` : "review-mark"} style={{ left: b.x, top: b.y, width: b.width, height: b.height }} data-testid={`mark-node-${id}`} data-kind={mark ?? ""}>
            {mark && <span className={`mark-chip ch-${mark}`} title={MARK_LABEL[mark]}>{MARK_SYMBOL[mark]}</span>}
            {count > 0 && (
              <span className="comment-badge" data-testid={`comments-node-${id}`} title={`${count} catatan reviu terbuka`}>
                <BubbleIcon /> {count}
              </span>
            )}
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}

/** Inside a process map's or a flow's SVG (layout points): the same marks on cards and steps. */
export function SvgReviewMarks({ items }: { items: { place: string; x: number; y: number; width: number; height: number }[] }) {
  const marks = useMarks();
  const counts = useCounts();
  if (marks.size === 0 && counts.size === 0) return null;
  return (
    <g className="review-svg-marks" pointerEvents="none">
      {items.map((it) => {
        const mark = marks.get(it.place);
        const count = counts.get(it.place) ?? 0;
        if (!mark && count === 0) return null;
        const testId = it.place.replace(/[:/]/g, "-");
        return (
          <g key={it.place} data-testid={`mark-${testId}`} data-kind={mark ?? ""}>
            {mark && <rect x={it.x - 1.5} y={it.y - 1.5} width={it.width + 3} height={it.height + 3} className={`svg-mark ch-${mark}`} />}
            {mark && (
              <text x={it.x + 3} y={it.y + 9} className={`svg-mark-symbol ch-${mark}`} fontSize={9}>
                {MARK_SYMBOL[mark]}
              </text>
            )}
            {count > 0 && (
              <g data-testid={`comments-${testId}`}>
                <rect x={it.x + it.width - 22} y={it.y - 6} width={20} height={11} rx={5.5} className="svg-comment-badge" />
                <text x={it.x + it.width - 12} y={it.y + 2} fontSize={7} textAnchor="middle" fill="#fff" fontWeight={700}>
                  {count}
                </text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}
