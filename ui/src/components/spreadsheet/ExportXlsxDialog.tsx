// Berkas › Ekspor ke Excel… (issue #15): which table, its unit, flow or
// year where it has one, the paper; then the native save dialog and the
// core writes the workbook.

import { useState } from "react";
import * as api from "../../api";
import { editor, useEditor } from "../../editor";
import { errorText, fileName } from "../../format";
import { allFlows } from "../../processes";
import type { XlsxOptions, XlsxTable } from "../../generated";
import type { Document } from "../../types";
import { Dialog } from "../Dialog";
import "./spreadsheet.css";

export const XLSX_TABLES: { value: XlsxTable; label: string }[] = [
  { value: "cascading", label: "Matriks Cascading" },
  { value: "iku", label: "IKU Renstra" },
  { value: "pk", label: "Perjanjian Kinerja" },
  { value: "kke1", label: "KKE Format 1" },
  { value: "kke2", label: "KKE Format 2" },
  { value: "sop", label: "SOP" },
  { value: "capaian", label: "Tabel capaian" },
  { value: "anggaran", label: "Tabel anggaran" },
];

/** The tables that take a year. */
export const WITH_YEAR: XlsxTable[] = ["pk", "capaian", "anggaran"];

export interface ExportForm {
  table: XlsxTable;
  unit: string;
  flow: string;
  year: number;
  paper: "F4" | "A3";
}

/** This year when it lies in the period, else the period's nearest end. */
export function defaultYear(doc: Document, now = new Date().getFullYear()): number {
  const { from, to } = doc.document.period;
  return Math.min(Math.max(now, from), to);
}

export function initialExportForm(doc: Document): ExportForm {
  return { table: "cascading", unit: doc.units?.[0]?.id ?? "", flow: allFlows(doc)[0]?.id ?? "", year: defaultYear(doc), paper: "F4" };
}

/** What the core is asked for: only the fields the table uses. */
export function exportOptions(form: ExportForm): XlsxOptions {
  const options: XlsxOptions = { table: form.table, paper: form.paper };
  if (WITH_YEAR.includes(form.table)) options.year = form.year;
  if (form.table === "pk" && form.unit) options.unit = form.unit;
  if (form.table === "sop" && form.flow) options.flow = form.flow;
  return options;
}

/** What is missing before the table can be written (null: nothing). */
export function exportProblem(doc: Document, form: ExportForm): string | null {
  if (form.table === "pk" && !form.unit) return (doc.units ?? []).length ? "Pilih unit kerja Perjanjian Kinerja." : "Dokumen ini belum punya unit kerja (Edit › Struktur organisasi…).";
  if (form.table === "sop" && !form.flow) return allFlows(doc).length ? "Pilih peta lintas fungsi (SOP)." : "Dokumen ini belum punya peta lintas fungsi (SOP).";
  return null;
}

/** "renstra-bkd-cascading.xlsx" from the open file's name. */
export function suggestedXlsxName(path: string, table: XlsxTable): string {
  return `${fileName(path).replace(/\.(pokin|json)$/i, "")}-${table}.xlsx`;
}

/** The save dialog, then the workbook; the path written, or null (cancelled or refused: `onError` says why). */
export async function exportWithDialog(path: string, form: ExportForm, onError: (text: string) => void): Promise<string | null> {
  try {
    const out = await api.pickXlsxPath(suggestedXlsxName(path, form.table));
    if (!out) return null;
    return await api.exportXlsx(exportOptions(form), out);
  } catch (e) {
    onError(errorText(e));
    return null;
  }
}

export function ExportXlsxDialog() {
  const view = useEditor((s) => s.view)!;
  const doc = view.document;
  const [form, setForm] = useState<ExportForm>(() => initialExportForm(doc));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ExportForm>) => setForm({ ...form, ...patch });
  const problem = exportProblem(doc, form);
  const years: number[] = [];
  for (let y = doc.document.period.from; y <= doc.document.period.to; y++) years.push(y);
  const close = () => editor.openDialog(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    const written = await exportWithDialog(view.path, form, setError);
    setBusy(false);
    if (written) {
      close();
      editor.toast(`Diekspor ke ${fileName(written)}`, "info");
    }
  };
  const footer = (
    <>
      <button type="button" onClick={close} data-testid="xlsx-cancel">
        Batal
      </button>
      <button type="button" className="primary" disabled={busy || problem !== null} onClick={() => void run()} data-testid="xlsx-export">
        Ekspor…
      </button>
    </>
  );
  return (
    <Dialog title="Ekspor ke Excel" testId="xlsx-dialog" onClose={close} footer={footer} className="xlsx-export">
      <label>
        Tabel
        <select value={form.table} onChange={(e) => set({ table: e.target.value as XlsxTable })} data-testid="xlsx-table">
          {XLSX_TABLES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {form.table === "pk" && (
        <label>
          Unit kerja
          <select value={form.unit} onChange={(e) => set({ unit: e.target.value })} data-testid="xlsx-unit">
            {(doc.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {form.table === "sop" && (
        <label>
          Peta lintas fungsi (SOP)
          <select value={form.flow} onChange={(e) => set({ flow: e.target.value })} data-testid="xlsx-flow">
            {allFlows(doc).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {WITH_YEAR.includes(form.table) && (
        <label>
          Tahun
          <select value={form.year} onChange={(e) => set({ year: Number(e.target.value) })} data-testid="xlsx-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="papers" role="radiogroup" aria-label="Kertas">
        Kertas:
        <label>
          <input type="radio" name="xlsx-paper" checked={form.paper === "F4"} onChange={() => set({ paper: "F4" })} data-testid="xlsx-paper-f4" />
          F4 (Folio)
        </label>
        <label>
          <input type="radio" name="xlsx-paper" checked={form.paper === "A3"} onChange={() => set({ paper: "A3" })} data-testid="xlsx-paper-a3" />
          A3 melintang
        </label>
      </div>
      {problem && (
        <p className="muted" data-testid="xlsx-problem">
          {problem}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert" data-testid="xlsx-error">
          {error}
        </div>
      )}
    </Dialog>
  );
}
