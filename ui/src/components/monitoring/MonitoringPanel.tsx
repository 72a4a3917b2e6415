// The Tabel monitoring (Tampilan › Tabel monitoring…), under the tree in
// its capaian view: each indicator of the year grouped by its node, its
// target (PK or Renstra), realisasi of the year and of TW I–IV, capaian,
// category and note; and the budget of each node that has one. Typed like
// a spreadsheet (editor/monitoring.ts); every figure is the core's.

import { useEffect, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { editor, useEditor } from "../../editor";
import {
  COLUMN_LABEL,
  editAction,
  gridAction,
  INDICATOR_COLUMNS,
  quarterOf,
  useMonitoring,
  type BudgetRow,
  type Editing,
  type IndicatorColumn,
  type IndicatorRow,
  type Preview,
} from "../../editor/monitoring";
import { formatPercent, formatRupiah, formatValue } from "../../format";
import type { CapaianReport, CategoryInfo, IndicatorCapaian } from "../../types";
import { BudgetTotal, YearSelect } from "./CapaianLegend";
import "./monitoring.css";

const mon = () => editor.monitoring;

/** A capaian as the table shows it: "125 %", "93,75 %"; "–" where there is none. */
export function capaianText(c: number | undefined | null): string {
  return c === undefined || c === null ? "–" : formatPercent(c, 2);
}

function CellEditor({ editing, label }: { editing: Editing; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  // Focused as soon as it is drawn: the next key typed goes into it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const onKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const a = editAction(e);
    if (!a) {
      // Typed into the field: not the tree's keys (Delete, Backspace, Enter …).
      if (!(e.ctrlKey || e.metaKey)) e.stopPropagation();
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (a.type === "cancel") mon().cancelEdit();
    else void mon().commitEdit({ rows: a.rows, step: a.step });
  };
  return (
    <input
      ref={ref}
      className="mon-input"
      value={editing.text}
      aria-label={label}
      data-testid="mon-input"
      onChange={(e) => mon().type(e.target.value)}
      onKeyDown={onKey}
      onBlur={() => {
        // Leaving the cell keeps what was typed (as a spreadsheet does).
        if (mon().state.editing === editing || mon().state.editing?.row === editing.row) void mon().commitEdit();
      }}
    />
  );
}

function Category({ categories, index, testId }: { categories: CategoryInfo[]; index: number | null | undefined; testId: string }) {
  // (The core writes an absent figure as null.)
  const c = index != null ? categories[index] : undefined;
  if (!c) return <td className="mon-category" data-testid={testId} />;
  return (
    <td className="mon-category" data-testid={testId} data-category={c.label}>
      <span className="swatch" style={{ background: c.colour }} />
      {c.label}
    </td>
  );
}

function IndicatorTableRow({
  row,
  index,
  cursor,
  editing,
  preview,
  report,
}: {
  row: IndicatorRow;
  index: number;
  cursor: { row: number; col: number } | null;
  editing: Editing | null;
  preview: Preview | null;
  report: CapaianReport;
}) {
  // While a cell of this row is typed: the core's capaian with the typed value.
  const previewed = preview && preview.row === row.key && editing?.row === row.key && preview.result ? preview.result : null;
  const c: IndicatorCapaian = previewed ?? row.capaian;
  const target = row.capaian.target;
  const cell = (col: IndicatorColumn, i: number) => {
    const at = cursor !== null && cursor.row === index && cursor.col === i;
    const typing = at && editing !== null && editing.row === row.key && editing.col === col;
    const q = quarterOf(col);
    const recorded = q === null ? (col === "note" ? row.note : formatValue(row.actual)) : formatValue(row.quarters[q - 1]);
    // The year's realisasi made from the quarters, where none is typed for the year.
    const derived = col === "actual" && row.actual === undefined && row.capaian.realisasi != null ? formatValue(row.capaian.realisasi) : null;
    const toDate = q !== null ? (row.capaian.quarters[q - 1] ?? null) : null;
    const cls = ["mon-cell", col === "note" ? "mon-note" : "mon-num", at ? "cursor" : "", derived !== null ? "derived" : ""].filter(Boolean).join(" ");
    return (
      <td
        key={col}
        className={cls}
        data-testid={`mon-cell-${row.node}-${row.indicator}-${col}`}
        aria-selected={at}
        title={derived !== null ? "Dari realisasi triwulan" : toDate !== null ? `Capaian s.d. ${COLUMN_LABEL[col]}: ${capaianText(toDate)}` : undefined}
        onClick={() => mon().select(index, i, "indicators")}
        onDoubleClick={() => {
          mon().select(index, i, "indicators");
          mon().startEdit();
        }}
      >
        {typing ? <CellEditor editing={editing} label={`${COLUMN_LABEL[col]} ${row.name}`} /> : recorded || derived || ""}
      </td>
    );
  };
  return (
    <>
      {row.first && (
        <tr className="mon-group" data-testid={`mon-group-${row.node}`}>
          <td colSpan={11} title={row.statement}>
            {row.statement}
          </td>
        </tr>
      )}
      <tr className={cursor?.row === index ? "mon-row current" : "mon-row"} data-testid={`mon-row-${row.node}-${row.indicator}`}>
        <td className="mon-name" title={row.name}>
          {row.name}
        </td>
        <td className="mon-unit">{row.unit}</td>
        <td className="mon-num mon-target" data-testid={`mon-target-${row.node}-${row.indicator}`}>
          {formatValue(target)}
          {row.capaian.target_source === "pk" && (
            <span className="pk-tag" title="Target Perjanjian Kinerja tahun ini">
              PK
            </span>
          )}
        </td>
        {INDICATOR_COLUMNS.slice(0, 5).map((col, i) => cell(col, i))}
        <td
          className={previewed ? "mon-num mon-capaian preview" : "mon-num mon-capaian"}
          data-testid={`mon-capaian-${row.node}-${row.indicator}`}
          title={c.capaian == null ? (c.reason ?? (c.realisasi == null ? "Belum ada realisasi" : undefined)) : previewed ? "Pratinjau: capaian dengan nilai yang sedang diketik" : undefined}
        >
          {capaianText(c.capaian)}
        </td>
        <Category categories={report.categories} index={c.category} testId={`mon-category-${row.node}-${row.indicator}`} />
        {cell("note", 5)}
      </tr>
    </>
  );
}

function IndicatorTable({ rows, report }: { rows: IndicatorRow[]; report: CapaianReport }) {
  const cursor = useMonitoring(mon(), (s) => (s.section === "indicators" ? s.cursor : null));
  const editing = useMonitoring(mon(), (s) => s.editing);
  const preview = useMonitoring(mon(), (s) => s.preview);
  if (rows.length === 0) return <p className="muted mon-empty">Belum ada indikator dengan target atau realisasi tahun {report.year}. Isi target indikator di panel simpul.</p>;
  return (
    <table className="mon-table" data-testid="mon-table">
      <colgroup>
        <col className="c-name" />
        <col className="c-unit" />
        <col className="c-num" />
        <col className="c-num" />
        <col className="c-tw" />
        <col className="c-tw" />
        <col className="c-tw" />
        <col className="c-tw" />
        <col className="c-num" />
        <col className="c-cat" />
        <col className="c-note" />
      </colgroup>
      <thead>
        <tr>
          <th>Indikator</th>
          <th>Satuan</th>
          <th>Target</th>
          <th>Realisasi tahunan</th>
          <th>TW I</th>
          <th>TW II</th>
          <th>TW III</th>
          <th>TW IV</th>
          <th>% Capaian</th>
          <th>Kategori</th>
          <th>Catatan</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <IndicatorTableRow key={row.key} row={row} index={i} cursor={cursor} editing={editing} preview={preview} report={report} />
        ))}
      </tbody>
    </table>
  );
}

function BudgetTable({ rows, report }: { rows: BudgetRow[]; report: CapaianReport }) {
  const cursor = useMonitoring(mon(), (s) => (s.section === "budget" ? s.budgetCursor : null));
  const editing = useMonitoring(mon(), (s) => s.editing);
  if (rows.length === 0) return <p className="muted mon-empty">Belum ada pagu anggaran pada simpul mana pun. Isi pagu di panel simpul (Anggaran).</p>;
  return (
    <table className="mon-table budget" data-testid="mon-budget-table">
      <colgroup>
        <col className="c-statement" />
        <col className="c-money" />
        <col className="c-money" />
        <col className="c-num" />
      </colgroup>
      <thead>
        <tr>
          <th>Program / kegiatan / sub kegiatan</th>
          <th>Pagu (Rp)</th>
          <th>Realisasi (Rp)</th>
          <th>% Serapan</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const at = cursor !== null && cursor.row === i;
          const typing = at && editing !== null && editing.section === "budget" && editing.row === row.node;
          return (
            <tr key={row.node} className={at ? "mon-row current" : "mon-row"} data-testid={`mon-budget-row-${row.node}`}>
              <td className="mon-name" title={row.name || row.statement}>
                {row.statement}
              </td>
              <td className="mon-num" data-testid={`mon-ceiling-${row.node}`}>
                {formatRupiah(row.budget.ceiling)}
              </td>
              <td
                className={at ? "mon-cell mon-num cursor" : "mon-cell mon-num"}
                aria-selected={at}
                data-testid={`mon-spent-${row.node}`}
                onClick={() => mon().select(i, 0, "budget")}
                onDoubleClick={() => {
                  mon().select(i, 0, "budget");
                  mon().startEdit();
                }}
              >
                {typing ? <CellEditor editing={editing} label={`Realisasi anggaran ${row.statement}`} /> : row.spent !== undefined ? formatRupiah(row.spent) : ""}
              </td>
              <td className="mon-num" data-testid={`mon-serapan-${row.node}`}>
                {row.budget.serapan != null ? formatPercent(row.budget.serapan, 2) : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="mon-total" data-testid="mon-budget-total">
          <td>Jumlah (setiap rupiah sekali)</td>
          <td className="mon-num">{formatRupiah(report.budget.ceiling)}</td>
          <td className="mon-num">{formatRupiah(report.budget.spent)}</td>
          <td className="mon-num">{report.budget.serapan != null ? formatPercent(report.budget.serapan, 2) : "–"}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function MonitoringPanel() {
  const open = useMonitoring(mon(), (s) => s.open);
  const section = useMonitoring(mon(), (s) => s.section);
  const focusSeq = useMonitoring(mon(), (s) => s.focusSeq);
  const editing = useMonitoring(mon(), (s) => s.editing !== null);
  const report = useEditor((s) => s.capaian);
  const year = useEditor((s) => s.capaianYear);
  const view = useEditor((s) => s.view);
  const scroller = useRef<HTMLDivElement>(null);

  // Back to the table after a cell is committed or cancelled, and when it opens.
  useEffect(() => {
    if (!open || editing) return;
    scroller.current?.focus({ preventScroll: true });
  }, [open, focusSeq, editing]);

  // The cursor's cell stays in view.
  useEffect(() => {
    scroller.current?.querySelector(".mon-cell.cursor")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  if (!open || !view) return null;
  const fresh = report && report.year === year ? report : null;
  const rows = fresh ? mon().indicatorRows() : [];
  const budget = fresh ? mon().budgetRows() : [];
  const writable = mon().writable();

  const onKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const typing = mon().state.editing;
    if (typing) {
      // A key typed before the cell's field took the focus: still the cell's.
      if (e.key.length === 1 && !(e.ctrlKey || e.metaKey || e.altKey)) {
        e.preventDefault();
        e.stopPropagation();
        mon().type(typing.text + e.key);
      }
      return;
    }
    const a = gridAction(e);
    if (!a || !mon().handle(a)) return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className="monitoring-panel" aria-label="Tabel monitoring" data-testid="monitoring-panel">
      <header className="mon-bar">
        <strong>Tabel monitoring</strong>
        <YearSelect testId="mon-year" />
        <div className="mon-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={section === "indicators"} className={section === "indicators" ? "mon-tab active" : "mon-tab"} onClick={() => mon().setSection("indicators")} data-testid="mon-tab-indicators">
            Realisasi indikator
          </button>
          <button type="button" role="tab" aria-selected={section === "budget"} className={section === "budget" ? "mon-tab active" : "mon-tab"} onClick={() => mon().setSection("budget")} data-testid="mon-tab-budget">
            Anggaran
          </button>
        </div>
        {fresh && <BudgetTotal report={fresh} testId="mon-total" />}
        <span className="mon-hint muted">{writable ? "Ketik untuk mengisi · Enter simpan · Esc batal · Delete kosongkan" : "Hanya-baca"}</span>
        <button type="button" className="icon close" onClick={() => mon().closeTable()} title="Tutup tabel" aria-label="Tutup tabel monitoring" data-testid="mon-close">
          ×
        </button>
      </header>
      <div className="mon-scroll" ref={scroller} tabIndex={0} onKeyDown={onKey} data-testid="mon-grid">
        {!fresh ? <p className="muted mon-empty">Menghitung capaian…</p> : section === "indicators" ? <IndicatorTable rows={rows} report={fresh} /> : <BudgetTable rows={budget} report={fresh} />}
      </div>
    </section>
  );
}
