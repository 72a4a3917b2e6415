// The reviewer's worksheets (KKE Format 1 and 2) as tables with a cell
// cursor: arrows move, Y / K / T mark, Delete puts the cell back to
// otomatis, Enter or N opens the row's note. Every number and automatic mark
// is the core's (`editor.worksheets`).

import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { editor, useEditor } from "../../editor";
import { compactPath, groupRows, marksFor, MARK_LABEL, MARK_LABEL_2, percentText, sheetAction, useWorksheet, type Cursor } from "../../editor/worksheet";
import { formatDateTime } from "../../format";
import { isTextField } from "../../keyboard";
import type { Cell, Column, Kke, Mark, Worksheet, WorksheetRow } from "../../generated";
import "./worksheet.css";

const ws = () => editor.worksheets;

/** The keys of the sheet, caught before the app's own (which would add nodes, collapse …). */
function useSheetKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = editor.state;
      if (s.confirm !== null || s.prompt !== null || s.dialog !== null) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.("[role=dialog]") || target?.closest?.("[role=menu]")) return;
      const active = document.activeElement as HTMLElement | null;
      if (isTextField(active)) return;
      // Enter and Space on a focused button press that button.
      if (active && (active.tagName === "BUTTON" || active.tagName === "A" || active.tagName === "SUMMARY") && (e.key === "Enter" || e.key === " ")) return;
      // Keys typed elsewhere than the main area (the review panel) are not the sheet's.
      if (active && active !== document.body && !active.closest(".workspace, .mode-tabs, .toolbar")) return;
      const action = sheetAction(e);
      if (!action) return;
      if (!ws().handle(action)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}

function MarkCell({ row, cell, column, index, col, cursor, kke }: { row: WorksheetRow; cell: Cell; column: Column; index: number; col: number; cursor: Cursor; kke: Kke }) {
  const mark = cell.mark ?? null;
  const at = cursor.row === index && cursor.col === col;
  const words = kke === 2 ? MARK_LABEL_2 : MARK_LABEL;
  const title = !mark
    ? `${column.label}: belum dinilai`
    : cell.auto
      ? `${column.label}: ${mark} (${words[mark]}) — otomatis\n${cell.reason}`
      : `${column.label}: ${mark} (${words[mark]}) — diisi penilai`;
  const cls = ["ws-mark", mark ? `m-${mark}` : "empty", cell.auto ? "auto" : "entered", at ? "cursor" : ""].filter(Boolean).join(" ");
  return (
    <td
      className={cls}
      title={title}
      data-testid={`ws-cell-${row.id}-${cell.criterion}`}
      data-mark={mark ?? ""}
      data-auto={cell.auto ? "true" : "false"}
      aria-selected={at}
      onClick={() => ws().clickCell(index, col)}
    >
      <span className="ws-letter">{mark ?? ""}</span>
      {cell.auto && mark && <span className="ws-oto">oto</span>}
    </td>
  );
}

function NoteCell({ row, index, editing, text }: { row: WorksheetRow; index: number; editing: boolean; text: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) return;
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);
  if (editing) {
    const onKey = (e: ReactKeyboardEvent<HTMLTextAreaElement>) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        void ws().saveNote();
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        ws().cancelNote();
      }
    };
    return (
      <td className="ws-note editing">
        <textarea
          ref={ref}
          className="ws-note-field"
          value={text}
          rows={2}
          placeholder="Catatan untuk perbaikan… (Enter simpan, Esc batal)"
          aria-label="Catatan untuk perbaikan"
          data-testid="ws-note-editor"
          onChange={(e) => ws().typeNote(e.target.value)}
          onKeyDown={onKey}
          onBlur={() => void ws().saveNote()}
        />
      </td>
    );
  }
  return (
    <td className="ws-note" data-testid={`ws-note-${row.id}`} title={row.note ? undefined : "Enter atau N: tulis catatan"} onClick={() => ws().select(index)} onDoubleClick={() => ws().startNote(index)}>
      {row.note}
    </td>
  );
}

function Format1({ sheet, cursor, note }: { sheet: Worksheet; cursor: Cursor; note: { row: string; text: string } | null }) {
  const smart = sheet.criteria.filter((c) => c.criterion !== "challenging");
  const challenging = sheet.criteria.find((c) => c.criterion === "challenging");
  return (
    <table className="worksheet ws-f1" data-testid="ws-table">
      <colgroup>
        <col className="c-no" />
        <col className="c-statement" />
        <col className="c-indicator" />
        <col className="c-unit" />
        {smart.map((c) => (
          <col key={c.criterion} className="c-mark" />
        ))}
        {challenging && <col className="c-mark wide" />}
        <col className="c-note" />
      </colgroup>
      <thead>
        <tr>
          <th rowSpan={2}>No</th>
          <th rowSpan={2}>Kondisi</th>
          <th rowSpan={2}>Indikator</th>
          <th rowSpan={2}>Satuan</th>
          <th colSpan={smart.length}>Kriteria SMART</th>
          {challenging && <th rowSpan={2} title={challenging.label}>{challenging.label}</th>}
          <th rowSpan={2}>Catatan</th>
        </tr>
        <tr>
          {smart.map((c) => (
            <th key={c.criterion} className="ws-crit" title={c.label}>
              {c.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((row, i) => {
          const same = i > 0 && sheet.rows[i - 1].node === row.node;
          return (
            <tr key={row.id} className={[cursor.row === i ? "selected" : "", same ? "same-node" : "new-node"].join(" ")} data-testid={`ws-row-${row.id}`}>
              <td className="ws-no" onClick={() => ws().select(i)}>
                {i + 1}
              </td>
              <td className="ws-statement" onClick={() => ws().select(i)} title={row.level}>
                {same ? "" : row.statement}
              </td>
              <td className="ws-indicator" onClick={() => ws().select(i)}>
                {row.indicator}
              </td>
              <td className="ws-unit" onClick={() => ws().select(i)}>
                {row.unit || <span className="muted">—</span>}
              </td>
              {row.cells.map((cell, col) => (
                <MarkCell key={cell.criterion} row={row} cell={cell} column={sheet.criteria[col]} index={i} col={col} cursor={cursor} kke={1} />
              ))}
              <NoteCell row={row} index={i} editing={note?.row === row.id} text={note?.row === row.id ? note.text : ""} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Format2({ sheet, cursor, note }: { sheet: Worksheet; cursor: Cursor; note: { row: string; text: string } | null }) {
  const groups = groupRows(sheet.rows);
  const logical = sheet.criteria[0];
  return (
    <table className="worksheet ws-f2" data-testid="ws-table">
      <colgroup>
        <col className="c-no" />
        <col className="c-statement2" />
        <col className="c-parent" />
        <col className="c-level" />
        <col className="c-mark wide" />
        <col className="c-note2" />
      </colgroup>
      <thead>
        <tr>
          <th>No</th>
          <th>Kondisi (simpul)</th>
          <th>Kondisi di atasnya</th>
          <th>Level</th>
          <th title="Y = logis, K = kurang logis, T = tidak logis">{logical?.label ?? "Logis"}</th>
          <th>Catatan untuk perbaikan</th>
        </tr>
      </thead>
      {groups.map((g, gi) => (
        <tbody key={gi} className="ws-group-body">
          <tr className="ws-group">
            <th colSpan={6} scope="rowgroup" data-testid={`ws-group-${gi}`}>
              {g.title}
            </th>
          </tr>
          {g.rows.map(({ row, index }) => (
            <tr key={row.id} className={cursor.row === index ? "selected" : undefined} data-testid={`ws-row-${row.id}`}>
              <td className="ws-no" onClick={() => ws().select(index)}>
                {index + 1}
              </td>
              <td className="ws-statement" onClick={() => ws().select(index)}>
                {compactPath(row) && (
                  <div className="ws-path" title={row.path.join(" › ")} data-testid={`ws-path-${row.id}`}>
                    … › {compactPath(row)}
                  </div>
                )}
                <div>{row.statement}</div>
              </td>
              <td className="ws-parent" onClick={() => ws().select(index)}>
                {row.parent ?? <span className="muted">—</span>}
              </td>
              <td className="ws-level" onClick={() => ws().select(index)}>
                {row.level}
              </td>
              {row.cells.map((cell, col) => (
                <MarkCell key={cell.criterion} row={row} cell={cell} column={sheet.criteria[col]} index={index} col={col} cursor={cursor} kke={2} />
              ))}
              <NoteCell row={row} index={index} editing={note?.row === row.id} text={note?.row === row.id ? note.text : ""} />
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** The selected row in words: what it judges, the cell under the cursor and why it has its mark. */
function Detail({ sheet, cursor }: { sheet: Worksheet; cursor: Cursor }) {
  const row = sheet.rows[cursor.row];
  if (!row) return null;
  const cell = row.cells[cursor.col];
  const column = sheet.criteria[cursor.col];
  const words = sheet.kke === 2 ? MARK_LABEL_2 : MARK_LABEL;
  const mark = cell?.mark ?? null;
  return (
    <div className="ws-detail" data-testid="ws-detail" aria-live="polite">
      <div className="ws-detail-head">
        <strong>No. {cursor.row + 1}</strong> · {row.level} · {row.statement}
        {row.indicator && <> · indikator «{row.indicator}»</>}
        {row.parent && <> → {row.parent}</>}
        <button type="button" className="link-button" onClick={() => void editor.reveal(row.node)} data-testid="ws-show-node">
          Tampilkan di pohon
        </button>
      </div>
      {cell && column && (
        <div className="ws-detail-cell" data-testid="ws-detail-cell">
          <span className="ws-detail-label">{column.label}:</span>{" "}
          {mark === null ? (
            <span className="muted">belum dinilai</span>
          ) : cell.auto ? (
            <>
              <strong>
                {mark} ({words[mark]})
              </strong>{" "}
              <span className="ws-oto">otomatis</span> <span data-testid="ws-detail-reason">{cell.reason}</span>
            </>
          ) : (
            <>
              <strong>
                {mark} ({words[mark]})
              </strong>{" "}
              diisi penilai{row.author ? ` (${row.author}${row.at ? `, ${formatDateTime(row.at)}` : ""})` : ""}
              {cell.reason && <span className="muted"> — pemeriksaan otomatis: {cell.reason}</span>}
            </>
          )}
        </div>
      )}
    </div>
  );
}

export function WorksheetView() {
  const kke = useWorksheet(ws(), (s) => s.kke);
  const sheet = useWorksheet(ws(), (s) => s.sheet);
  const error = useWorksheet(ws(), (s) => s.error);
  const cursor = useWorksheet(ws(), (s) => s.cursor);
  const note = useWorksheet(ws(), (s) => s.note);
  const focusSeq = useWorksheet(ws(), (s) => s.focusSeq);
  const view = useEditor((s) => s.view);
  const scroll = useRef<HTMLDivElement>(null);
  useSheetKeys();
  void view;
  const writable = ws().writable();

  // Back to the table after a note, a switch of format, a button.
  useEffect(() => {
    if (!isTextField(document.activeElement as HTMLElement | null)) scroll.current?.focus({ preventScroll: true });
  }, [focusSeq]);

  // The cursor's cell stays on screen.
  useEffect(() => {
    const el = scroll.current?.querySelector<HTMLElement>("td.cursor");
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [cursor, sheet]);

  const marks: Mark[] = marksFor(kke);
  const refocus = () => ws().set({ focusSeq: ws().state.focusSeq + 1 });
  return (
    <div className="process-view worksheet-view" data-testid="worksheet-view" data-kke={kke}>
      <div className="view-bar ws-bar">
        <div className="ws-formats" role="tablist" aria-label="Format kertas kerja">
          {([1, 2] as Kke[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={k === kke} className={k === kke ? "ws-format active" : "ws-format"} onClick={() => ws().open(k)} title={`Ctrl+${k + 4}`} data-testid={`ws-format-${k}`}>
              {k === 1 ? "KKE 1 · Kualitas indikator" : "KKE 2 · Logika cascading"}
            </button>
          ))}
        </div>
        {sheet && sheet.kke === kke && (
          <div className="ws-scores">
            <span className="ws-score" title={kke === 1 ? "Σ nilai S, M, A, R, T ÷ (jumlah indikator × 5) × 100 %" : "Σ nilai (Y = 1, K = 0,5, T = 0) ÷ jumlah baris × 100 %"}>
              {kke === 1 ? "SMART" : "Logis"}: <strong data-testid="ws-percentage">{percentText(sheet.percentage)}</strong>
            </span>
            {kke === 1 && sheet.challenging !== undefined && sheet.challenging !== null && (
              <span className="ws-score" title="Σ Menantang ÷ jumlah indikator × 100 %">
                Menantang: <strong data-testid="ws-challenging">{percentText(sheet.challenging)}</strong>
              </span>
            )}
            <span className={sheet.unjudged > 0 ? "ws-unjudged open" : "ws-unjudged"} data-testid="ws-unjudged">
              {sheet.unjudged} sel belum dinilai
            </span>
          </div>
        )}
        <div className="ws-tools">
          {marks.map((m) => (
            <button key={m} type="button" disabled={!writable || !sheet?.rows.length} onClick={() => void ws().setMark(m).then(refocus)} title={`${(kke === 2 ? MARK_LABEL_2 : MARK_LABEL)[m]} (${m})`} data-testid={`ws-set-${m}`}>
              {m}
            </button>
          ))}
          <button type="button" disabled={!writable || !sheet?.rows.length} onClick={() => void ws().setMark(null).then(refocus)} title="Kembali ke penilaian otomatis (Delete)" data-testid="ws-set-auto">
            Otomatis
          </button>
          <button type="button" disabled={!writable || !sheet?.rows.length} onClick={() => ws().startNote()} title="Catatan untuk perbaikan (Enter atau N)" data-testid="ws-edit-note">
            Catatan
          </button>
        </div>
      </div>
      <div className="ws-scroll" ref={scroll} tabIndex={0} data-testid="ws-scroll" aria-label={sheet?.title ?? "Kertas kerja"}>
        {error ? (
          <p className="empty-note" role="alert">
            Kertas kerja tidak dapat dibuat: {error}
          </p>
        ) : !sheet || sheet.kke !== kke ? (
          <p className="empty-note">Memuat…</p>
        ) : sheet.rows.length === 0 ? (
          <p className="empty-note">{kke === 1 ? "Belum ada indikator untuk dinilai." : "Belum ada simpul dengan induk untuk dinilai."}</p>
        ) : (
          <>
            <h2 className="ws-title" data-testid="ws-title">
              {sheet.title}
            </h2>
            {kke === 1 ? <Format1 sheet={sheet} cursor={cursor} note={note} /> : <Format2 sheet={sheet} cursor={cursor} note={note} />}
          </>
        )}
      </div>
      {sheet && sheet.kke === kke && <Detail sheet={sheet} cursor={cursor} />}
      <div className="ws-help muted">
        Panah: pindah sel · {marks.join(" / ")}: nilai · Delete: kembali otomatis · Enter/N: catatan · Home/End, PageUp/PageDown · klik sel terpilih: ganti nilai
        {!writable && " · berkas hanya-baca"}
      </div>
    </div>
  );
}
