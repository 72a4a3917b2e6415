import { memo, useMemo } from "react";
import { editor, useEditor } from "../editor";
import { MODES, PAPERS, inlineSvg, optionsFromForm, pageCaption, periodYears, printViews, type PrintForm } from "../print";
import type { Paper, PrintMode, PrintPreview } from "../types";
import { Dialog } from "./Dialog";

/** Cetak: the options on the left, the printed sheets (the core's SVG, real text) on the right. */
export function PrintDialog() {
  const view = useEditor((s) => s.view);
  const print = useEditor((s) => s.print);
  if (!view) return null;
  const { form, preview, loading, error, saving } = print;
  const period = view.document.document.period;
  const built = optionsFromForm(form, period);
  const errors = built.ok ? {} : built.errors;
  const set = (patch: Partial<PrintForm>) => editor.setPrintForm(patch);
  return (
    <Dialog
      title="Cetak"
      testId="print-dialog"
      className="print"
      onClose={() => editor.closePrint()}
      footer={
        <>
          <span className="print-status muted">{saving ? "Menyimpan PDF…" : preview ? `${preview.pages.length} halaman` : ""}</span>
          <button type="button" onClick={() => editor.closePrint()} data-testid="print-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={!built.ok || saving} onClick={() => void editor.savePdf()} data-testid="print-save">
            Simpan PDF…
          </button>
        </>
      }
    >
      <div className="print-layout">
        <form className="print-options" onSubmit={(e) => e.preventDefault()} aria-label="Pilihan cetak">
          <label className="field">
            <span>Yang dicetak</span>
            <select value={form.view} onChange={(e) => set({ view: e.target.value })} data-testid="print-view">
              {printViews(view.document).map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Kertas</span>
            <select value={form.paper} onChange={(e) => set({ paper: e.target.value as Paper })} data-testid="print-paper">
              {PAPERS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={form.landscape} onChange={(e) => set({ landscape: e.target.checked })} data-testid="print-landscape" />
            <span>Mendatar</span>
          </label>
          <label className="field">
            <span>Mode</span>
            <select value={form.mode} onChange={(e) => set({ mode: e.target.value as PrintMode })} data-testid="print-mode">
              {MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <div className="field-row">
            <label className="field">
              <span>
                Skala {form.mode === "fit" && <em>(untuk poster)</em>}
              </span>
              <input
                type="text"
                inputMode="decimal"
                value={form.scale}
                disabled={form.mode !== "poster"}
                aria-invalid={!!errors.scale}
                title="1 = ukuran di layar"
                onChange={(e) => set({ scale: e.target.value })}
                data-testid="print-scale"
              />
            </label>
            <label className="field">
              <span>Margin (mm)</span>
              <input type="text" inputMode="decimal" value={form.margin} aria-invalid={!!errors.margin} onChange={(e) => set({ margin: e.target.value })} data-testid="print-margin" />
            </label>
          </div>
          {errors.scale && (
            <p className="field-problem" role="alert" data-testid="print-scale-error">
              {errors.scale}
            </p>
          )}
          {errors.margin && (
            <p className="field-problem" role="alert" data-testid="print-margin-error">
              {errors.margin}
            </p>
          )}
          <fieldset className="print-group">
            <legend>Isi</legend>
            <label className="check">
              <input type="checkbox" checked={form.indicators} onChange={(e) => set({ indicators: e.target.checked })} data-testid="print-indicators" />
              <span>Tampilkan indikator</span>
            </label>
            <div className="print-years" role="group" aria-label="Target tahun">
              <span className="print-years-label">Target tahun</span>
              {periodYears(period).map((y) => (
                <label key={y} className="check">
                  <input type="checkbox" checked={form.years.includes(y)} onChange={() => editor.togglePrintYear(y)} data-testid={`print-year-${y}`} />
                  <span>{y}</span>
                </label>
              ))}
            </div>
            <label className="check">
              <input type="checkbox" checked={form.owners} onChange={(e) => set({ owners: e.target.checked })} data-testid="print-owners" />
              <span>Penanggung jawab</span>
            </label>
            <label className="check">
              <input type="checkbox" checked={form.numbering} onChange={(e) => set({ numbering: e.target.checked })} data-testid="print-numbering" />
              <span>Nomor simpul</span>
            </label>
            <label className="check">
              <input type="checkbox" checked={form.findings} onChange={(e) => set({ findings: e.target.checked })} data-testid="print-findings" />
              <span>Lencana temuan</span>
            </label>
            <label className="check">
              <input type="checkbox" checked={form.legend} onChange={(e) => set({ legend: e.target.checked })} data-testid="print-legend" />
              <span>Keterangan</span>
            </label>
          </fieldset>
        </form>
        <section className="print-preview-column" aria-label="Pratinjau">
          {preview && preview.warnings.length > 0 && (
            <ul className="print-warnings plain">
              {preview.warnings.map((w, i) => (
                <li key={i} className="banner warning" data-testid="print-warning">
                  {w}
                </li>
              ))}
            </ul>
          )}
          <div className="print-preview" aria-busy={loading} data-state={loading ? "loading" : error ? "error" : preview ? "ready" : "empty"} data-testid="print-preview">
            {loading && (
              <p className="print-loading muted" role="status" data-testid="print-loading">
                Menyiapkan pratinjau…
              </p>
            )}
            {!loading && error && (
              <p className="banner error" data-testid="print-error">
                Pratinjau tidak dapat dibuat: {error}
              </p>
            )}
            {!built.ok && <p className="muted">Perbaiki isian di kiri untuk melihat pratinjau.</p>}
            {preview && <Pages preview={preview} stale={loading} />}
          </div>
        </section>
      </div>
    </Dialog>
  );
}

/** The sheets, each scaled to the pane's width; re-parsed only when the core's answer changes. */
const Pages = memo(function Pages({ preview, stale }: { preview: PrintPreview; stale: boolean }) {
  const pages = useMemo(() => preview.pages.map((svg, i) => inlineSvg(svg, `pp${i + 1}-`)), [preview]);
  const ratio = preview.width_pt > 0 && preview.height_pt > 0 ? `${preview.width_pt} / ${preview.height_pt}` : undefined;
  return (
    <div className={stale ? "print-pages stale" : "print-pages"}>
      {pages.map((markup, i) => (
        <figure key={i} className="print-page" data-testid={`print-page-${i + 1}`}>
          <div className="print-sheet" style={ratio ? { aspectRatio: ratio } : undefined} dangerouslySetInnerHTML={{ __html: markup }} />
          <figcaption>{pageCaption(i, pages.length)}</figcaption>
        </figure>
      ))}
    </div>
  );
});
