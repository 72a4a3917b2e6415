import { useEffect, useRef, useState } from "react";
import { editor, useEditor } from "../../editor";
import { ALL_THREADS, filterChoices, filterThreads, isOpen, nextStatus, STATUS_LABEL, STATUSES, useReview } from "../../editor/review";
import { targetText } from "../../findings";
import { formatDateTime } from "../../format";
import type { Annotation, AnnotationStatus, Document } from "../../types";
import "../../review.css";

const review = editor.review;

/** Reviu: the comment threads, filtered by status, author, round, level and rule; a click selects the target on its map. */
export function ReviewPanel() {
  const open = useReview(review, (s) => s.panel);
  const view = useEditor((s) => s.view);
  const filter = useReview(review, (s) => s.filter);
  const selected = useReview(review, (s) => s.selected);
  const composer = useReview(review, (s) => s.composer);
  const info = useReview(review, (s) => s.info);
  if (!open || !view) return null;
  const doc = view.document;
  const threads = filterThreads(doc, filter);
  const choices = filterChoices(doc);
  const all = doc.annotations ?? [];
  const openCount = all.filter((a) => isOpen(a.status)).length;
  const fixed = new Set(info?.fixed_threads ?? []);
  const writable = review.notesWritable();
  return (
    <aside className="review-panel" data-testid="review-panel" aria-label="Reviu">
      <header className="review-head">
        <h2>Reviu</h2>
        <span className="muted" data-testid="review-counts">
          {all.length} catatan, {openCount} belum diterima
        </span>
        <button type="button" className="small" onClick={() => review.compose()} disabled={!writable} title="Tambah catatan pada yang dipilih (Ctrl+Alt+M)" data-testid="review-add">
          + Catatan
        </button>
        <button type="button" className="icon" aria-label="Tutup panel reviu" title="Tutup (Ctrl+Alt+R)" onClick={() => review.togglePanel(false)} data-testid="review-close">
          ×
        </button>
      </header>
      {composer && <ComposerForm doc={doc} />}
      <div className="review-filters" role="group" aria-label="Saring catatan">
        <select value={filter.status} onChange={(e) => review.setFilter({ status: e.target.value as typeof filter.status })} aria-label="Status" data-testid="review-filter-status">
          <option value="all">Semua status</option>
          <option value="open">Belum diterima</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <select value={filter.author} onChange={(e) => review.setFilter({ author: e.target.value })} aria-label="Penulis" data-testid="review-filter-author">
          <option value="">Semua penulis</option>
          {choices.authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <select value={filter.round} onChange={(e) => review.setFilter({ round: Number(e.target.value) })} aria-label="Reviu ke-" data-testid="review-filter-round">
          <option value={0}>Semua reviu</option>
          {choices.rounds.map((r) => (
            <option key={r} value={r}>
              Reviu ke-{r}
            </option>
          ))}
        </select>
        <select value={filter.level} onChange={(e) => review.setFilter({ level: Number(e.target.value) })} aria-label="Level" data-testid="review-filter-level">
          <option value={-1}>Semua level</option>
          {doc.tree.levels.map((l, i) => (
            <option key={i} value={i}>
              {l.name}
            </option>
          ))}
        </select>
        <select value={filter.rule} onChange={(e) => review.setFilter({ rule: e.target.value })} aria-label="Aturan" data-testid="review-filter-rule">
          <option value="">Semua aturan</option>
          <option value="-">Bukan dari temuan</option>
          {choices.rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {JSON.stringify(filter) !== JSON.stringify(ALL_THREADS) && (
          <button type="button" className="link" onClick={() => review.setFilter(ALL_THREADS)} data-testid="review-filter-reset">
            Semua
          </button>
        )}
      </div>
      <ul className="plain review-threads" data-testid="review-threads">
        {threads.length === 0 && (
          <li className="muted" data-testid="review-none">
            {all.length === 0 ? "Belum ada catatan reviu. Pilih sebuah kotak, langkah atau proses lalu tekan Ctrl+Alt+M." : "Tidak ada catatan yang cocok dengan saringan."}
          </li>
        )}
        {threads.map((a) => (
          <Thread key={a.id} a={a} doc={doc} selected={a.id === selected} fixed={fixed.has(a.id)} writable={writable} />
        ))}
      </ul>
      <p className="muted review-keys">Ctrl+Alt+M tambah catatan · Ctrl+Alt+J jawab · Ctrl+Alt+S status berikutnya · Ctrl+Alt+R panel</p>
    </aside>
  );
}

function ComposerForm({ doc }: { doc: Document }) {
  const composer = useReview(review, (s) => s.composer)!;
  const prefs = useReview(review, (s) => s.prefs);
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState(composer.chosen);
  const [round, setRound] = useState(composer.round);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), [composer]);
  const submit = () => void review.addComment(text, chosen, round);
  void doc;
  return (
    <form
      className="review-composer"
      data-testid="review-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          review.closeComposer();
        }
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit();
        }
      }}
    >
      <label>
        Tentang
        <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="review-composer-target">
          {composer.choices.map((c, i) => (
            <option key={i} value={i}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <textarea ref={ref} value={text} onChange={(e) => setText(e.target.value)} rows={3} placeholder="Tulis catatan reviu…" aria-label="Isi catatan" data-testid="review-composer-text" />
      <div className="review-composer-row">
        <label>
          Reviu ke-
          <input type="number" min={1} value={round} onChange={(e) => setRound(Math.max(1, Number(e.target.value) || 1))} data-testid="review-composer-round" />
        </label>
        <span className="muted">{prefs.name ? `oleh ${prefs.name}${prefs.role ? ` (${prefs.role})` : ""}` : "nama belum diisi (Preferensi)"}</span>
        <button type="button" onClick={() => review.closeComposer()} data-testid="review-composer-cancel">
          Batal
        </button>
        <button type="submit" className="primary" data-testid="review-composer-save" title="Simpan (Ctrl+Enter)">
          Simpan
        </button>
      </div>
    </form>
  );
}

function Thread({ a, doc, selected, fixed, writable }: { a: Annotation; doc: Document; selected: boolean; fixed: boolean; writable: boolean }) {
  const replySeq = useReview(review, (s) => s.replySeq);
  const [reply, setReply] = useState("");
  const [status, setStatus] = useState<"" | AnnotationStatus>("");
  const field = useRef<HTMLTextAreaElement>(null);
  const li = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected && replySeq > 0) field.current?.focus();
  }, [replySeq, selected]);
  useEffect(() => {
    if (selected) li.current?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);
  const send = async () => {
    if (await review.reply(a.id, reply, status || null)) {
      setReply("");
      setStatus("");
    }
  };
  return (
    <li ref={li} className={["review-thread", selected ? "selected" : "", `st-${a.status}`].join(" ")} data-testid={`thread-${a.id}`} data-status={a.status}>
      <button type="button" className="review-thread-main" onClick={() => review.selectThread(a.id)} data-testid={`thread-${a.id}-show`} title="Tampilkan di petanya">
        <span className="review-where">
          {a.rule && <span className="finding-rule">{a.rule}</span>} {"document" in a.on ? "Dokumen" : targetText(a.on, doc)}
        </span>
        <span className="review-text" data-testid={`thread-${a.id}-text`}>
          {a.text}
        </span>
        <span className="review-meta">
          {a.author || "(tanpa nama)"}
          {a.role ? ` · ${a.role}` : ""}
          {a.round ? ` · Reviu ke-${a.round}` : ""}
          {a.at ? ` · ${formatDateTime(a.at)}` : ""}
        </span>
      </button>
      <span className={`review-status st-${a.status}`} data-testid={`thread-${a.id}-status`}>
        {STATUS_LABEL[a.status]}
      </span>
      {fixed && (
        <span className="review-fixed" data-testid={`thread-${a.id}-fixed`}>
          mungkin sudah diperbaiki — periksa
        </span>
      )}
      {(a.replies ?? []).length > 0 && (
        <ul className="plain review-replies">
          {(a.replies ?? []).map((r, i) => (
            <li key={r.id || i} data-testid={`thread-${a.id}-reply-${i}`}>
              <span className="review-text">{r.text}</span>
              <span className="review-meta">
                {r.author || "(tanpa nama)"}
                {r.role ? ` · ${r.role}` : ""}
                {r.at ? ` · ${formatDateTime(r.at)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {selected && writable && (
        <form
          className="review-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        >
          <textarea ref={field} rows={2} value={reply} onChange={(e) => setReply(e.target.value)} placeholder="Jawab… (Ctrl+Enter)" aria-label="Jawaban" data-testid={`thread-${a.id}-reply`} />
          <div className="review-composer-row">
            <select value={status} onChange={(e) => setStatus(e.target.value as AnnotationStatus | "")} aria-label="Status setelah menjawab" data-testid={`thread-${a.id}-reply-status`}>
              <option value="">Status tetap</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  → {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
            <button type="submit" className="small primary" data-testid={`thread-${a.id}-send`}>
              Jawab
            </button>
            <button
              type="button"
              className="small"
              onClick={() => void review.setStatus(a.id, nextStatus(a.status))}
              title="Status berikutnya (Ctrl+Alt+S)"
              data-testid={`thread-${a.id}-next`}
            >
              → {STATUS_LABEL[nextStatus(a.status)]}
            </button>
            <select
              value={a.status}
              onChange={(e) => void review.setStatus(a.id, e.target.value as AnnotationStatus)}
              aria-label="Ubah status"
              data-testid={`thread-${a.id}-set-status`}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
    </li>
  );
}
