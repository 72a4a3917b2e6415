// Berkas › Impor dari Excel/CSV…: the wizard (state and calls in importWizard.ts).
// 1. the sheet, its layout, header rows, hidden rows, year and where the
//    import goes; 2. the column mapping beside the core's live preview
//    (the resulting tree as an outline, the counts, what went wrong where).

import { useState } from "react";
import { useEditor } from "../../editor";
import { fileName } from "../../format";
import { Dialog } from "../Dialog";
import {
  columnLetter,
  HIERARCHIES,
  hiddenRowsText,
  importWizard,
  LAYOUTS,
  levelNames,
  messageText,
  roleFromKey,
  roleKey,
  roleOptions,
  roleYears,
  summaryLines,
  useImportWizard,
  type ImportWizard as Wizard,
} from "./importWizard";
import "./spreadsheet.css";

/** The first `n` non-empty values of column `c` in the sample rows. */
function sampleValues(sample: string[][], c: number, n = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = (row[c] ?? "").trim();
    if (v) out.push(v);
    if (out.length === n) break;
  }
  return out;
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function ImportWizard({ wizard = importWizard }: { wizard?: Wizard }) {
  const s = useImportWizard((x) => x, wizard);
  const view = useEditor((e) => e.view);
  const screen = useEditor((e) => e.screen);
  const [presetName, setPresetName] = useState("");
  const ins = s.inspection;
  const doc = screen === "main" ? view?.document ?? null : null;
  const intoCurrent = wizard.canImportIntoCurrent();
  const levels = levelNames(s.target === "current" && doc ? doc.tree.levels.map((l) => l.name) : null, s.preview, s.mapping);
  const years = roleYears(doc?.document.period ?? null, s.mapping, s.year);
  const columns = ins ? Math.max(ins.headers.length, s.mapping?.columns.length ?? 0) : 0;
  const roles = s.mapping?.columns ?? [];
  const options = roleOptions(levels, years, roles);
  const preview = s.preview;
  const hidden = preview ? hiddenRowsText(preview, s.includeHidden) : null;

  const footer = (
    <>
      <button type="button" onClick={() => wizard.close()} data-testid="sheet-cancel">
        Batal
      </button>
      {intoCurrent && (
        <button
          type="button"
          className={s.target === "current" ? "primary" : ""}
          disabled={!ins || s.busy}
          onClick={() => void wizard.importTo("current")}
          data-testid="sheet-import-current"
        >
          Impor ke dokumen ini
        </button>
      )}
      <button
        type="button"
        className={s.target === "new" || !intoCurrent ? "primary" : ""}
        disabled={!ins || s.busy}
        onClick={() => void wizard.importTo("new")}
        data-testid="sheet-import-new"
      >
        Impor sebagai dokumen baru…
      </button>
    </>
  );

  return (
    <Dialog title="Impor dari Excel/CSV" testId="sheet-wizard" onClose={() => wizard.close()} footer={footer} wide className="sheet-wizard">
      <div className="sheet-file">
        <span>
          Berkas: <strong data-testid="sheet-file">{s.path ? fileName(s.path) : "—"}</strong>
        </span>
        <button type="button" onClick={() => void wizard.pickOther()} data-testid="sheet-pick-other">
          Pilih berkas lain…
        </button>
        {s.busy && (
          <span className="muted" data-testid="sheet-busy">
            Membaca…
          </span>
        )}
      </div>
      {s.error && (
        <div className="banner error" role="alert" data-testid="sheet-error">
          {s.error}
        </div>
      )}
      {ins && (
        <>
          <fieldset className="sheet-options">
            <legend>1. Lembar dan tata letak</legend>
            <label>
              Lembar
              {/* Focus starts here once the workbook is read (the keys then go through the form). */}
              <select value={s.sheet ?? ""} onChange={(e) => wizard.chooseSheet(e.target.value)} autoFocus data-testid="sheet-select">
                {ins.sheets.map((sh) => (
                  <option key={sh.name} value={sh.name}>
                    {sh.name}
                    {sh.hidden ? " (tersembunyi)" : ""} — {sh.rows} baris
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tata letak
              <select value={s.layout} onChange={(e) => wizard.setLayout(e.target.value as typeof s.layout)} data-testid="sheet-layout">
                {LAYOUTS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Baris judul
              <input
                type="number"
                min={0}
                max={20}
                value={s.headerRows ?? ""}
                placeholder="otomatis"
                onChange={(e) => wizard.setHeaderRows(e.target.value === "" ? null : Number(e.target.value))}
                data-testid="sheet-header-rows"
              />
            </label>
            <label>
              Tahun
              <input
                type="number"
                min={1900}
                max={2200}
                value={s.year ?? ""}
                placeholder="dari lembar"
                onChange={(e) => wizard.setYear(e.target.value === "" ? null : Number(e.target.value))}
                data-testid="sheet-year"
              />
            </label>
            <label>
              Susunan
              <select value={s.mapping?.hierarchy.by ?? "columns"} onChange={(e) => wizard.setHierarchy(e.target.value as "columns")} data-testid="sheet-hierarchy">
                {HIERARCHIES.map((h) => (
                  <option key={h.value} value={h.value}>
                    {h.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={s.includeHidden} onChange={(e) => wizard.setIncludeHidden(e.target.checked)} data-testid="sheet-include-hidden" />
              Sertakan baris tersembunyi
            </label>
            {intoCurrent && (
              <span className="sheet-target" role="radiogroup" aria-label="Hasil impor">
                <label className="check">
                  <input type="radio" name="sheet-target" checked={s.target === "current"} onChange={() => wizard.setTarget("current")} data-testid="sheet-target-current" />
                  ke dokumen ini
                </label>
                <label className="check">
                  <input type="radio" name="sheet-target" checked={s.target === "new"} onChange={() => wizard.setTarget("new")} data-testid="sheet-target-new" />
                  dokumen baru
                </label>
              </span>
            )}
          </fieldset>
          {ins.messages.length > 0 && (
            <ul className="sheet-messages" data-testid="sheet-inspect-messages">
              {ins.messages.map((m, i) => (
                <li key={i}>{messageText(m)}</li>
              ))}
            </ul>
          )}
          <div className="sheet-columns">
            <section className="sheet-mapping">
              <h3>2. Pemetaan kolom</h3>
              <div className="sheet-presets">
                <select value="" onChange={(e) => e.target.value && wizard.usePreset(e.target.value)} disabled={s.presets.length === 0} data-testid="sheet-preset" aria-label="Pakai pemetaan tersimpan">
                  <option value="">{s.presets.length ? "Pakai pemetaan tersimpan…" : "Belum ada pemetaan tersimpan"}</option>
                  {s.presets.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <input
                  value={presetName}
                  onChange={(e) => setPresetName(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && presetName.trim() && s.mapping) {
                      e.preventDefault();
                      void wizard.savePreset(presetName).then((ok) => ok && setPresetName(""));
                    }
                  }}
                  placeholder="Nama pemetaan"
                  aria-label="Nama pemetaan"
                  data-testid="sheet-preset-name"
                />
                <button
                  type="button"
                  disabled={!presetName.trim() || !s.mapping}
                  onClick={() => void wizard.savePreset(presetName).then((ok) => ok && setPresetName(""))}
                  data-testid="sheet-preset-save"
                >
                  Simpan pemetaan
                </button>
              </div>
              <div className="sheet-table-scroll">
                <table className="sheet-table" data-testid="sheet-mapping">
                  <thead>
                    <tr>
                      <th>Kolom</th>
                      <th>Judul</th>
                      <th>Contoh isi</th>
                      <th>Peran</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: columns }, (_, c) => {
                      const role = roles[c] ?? { role: "ignore" as const };
                      const letter = columnLetter(c);
                      const header = ins.headers[c] ?? "";
                      return (
                        <tr key={c} className={role.role === "ignore" ? "ignored" : ""} data-testid={`sheet-col-${letter}`}>
                          <td className="letter">{letter}</td>
                          <td title={header}>{short(header) || <span className="muted">—</span>}</td>
                          <td className="samples">
                            {sampleValues(ins.sample, c).map((v, i) => (
                              <span key={i} title={v}>
                                {short(v, 40)}
                              </span>
                            ))}
                          </td>
                          <td>
                            <select
                              value={roleKey(role)}
                              onChange={(e) => wizard.setRole(c, roleFromKey(e.target.value))}
                              aria-label={`Peran kolom ${letter}`}
                              data-testid={`sheet-role-${letter}`}
                            >
                              {options.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="sheet-preview" aria-live="polite" data-testid="sheet-preview">
              <h3>Pratinjau {s.previewing && <span className="muted">(memperbarui…)</span>}</h3>
              {s.previewError && (
                <div className="banner error" role="alert" data-testid="sheet-preview-error">
                  {s.previewError}
                </div>
              )}
              {preview && (
                <>
                  <ul className="sheet-counts" data-testid="sheet-counts">
                    {summaryLines(preview).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                  {hidden && (
                    <p className="muted" data-testid="sheet-hidden-rows">
                      {hidden}
                    </p>
                  )}
                  <ol className="sheet-outline" data-testid="sheet-outline">
                    {preview.outline.map((row, i) => (
                      <li key={i} style={{ paddingLeft: `${row.depth * 16}px` }} data-testid="sheet-outline-row">
                        <span className="level">{row.level}</span> <span className="statement">{row.statement}</span>
                        {row.indicators > 0 && <span className="muted"> · {row.indicators} indikator</span>}
                      </li>
                    ))}
                    {preview.outline.length === 0 && <li className="muted">Tidak ada simpul.</li>}
                  </ol>
                  {preview.messages.length > 0 && (
                    <>
                      <h4>Catatan impor ({preview.messages.length})</h4>
                      <ul className="sheet-messages" data-testid="sheet-messages">
                        {preview.messages.map((m, i) => (
                          <li key={i}>{messageText(m)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              )}
            </section>
          </div>
        </>
      )}
    </Dialog>
  );
}
