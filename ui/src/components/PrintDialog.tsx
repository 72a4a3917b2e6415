import { memo, useMemo, useState } from "react";
import { editor, useEditor } from "../editor";
import type { ReviewTeam } from "../generated";
import {
  LAYOUTS,
  MODES,
  PAPERS,
  branchLevels,
  REVIEW_PAPERS,
  MONITORING_PAPERS,
  CAPAIAN_VIEW,
  PK_VIEW,
  defaultPkYear,
  emptyMember,
  formForMonitoring,
  formForPk,
  formForView,
  inlineSvg,
  isMonitoring,
  isPk,
  isReview,
  optionsFromForm,
  pageCaption,
  periodYears,
  pkUnit,
  printViews,
  sameTeam,
  teamForm,
  teamFromForm,
  type PersonForm,
  type PrintForm,
  type TeamForm,
} from "../print";
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
  const pk = isPk(form.view);
  const review = isReview(form.view) || pk;
  const monitoring = isMonitoring(form.view);
  const units = view.document.units ?? [];
  const papers = review
    ? PAPERS.filter((p) => REVIEW_PAPERS.includes(p.value))
    : monitoring
      ? PAPERS.filter((p) => MONITORING_PAPERS.includes(p.value))
      : PAPERS;
  const choose = (value: string) => {
    if (value === PK_VIEW) return formForPk(form, units[0]?.id ?? "", form.year ?? defaultPkYear(period));
    if (isMonitoring(value)) {
      // Keep the year chosen for the other table; otherwise the core's choice (the latest year with realisasi).
      return formForMonitoring(form, value, monitoring ? form.year : undefined);
    }
    return formForView(form, value);
  };
  const team = view.document.review_team;
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
            <select
              value={pk ? PK_VIEW : form.view}
              onChange={(e) => set(choose(e.target.value))}
              data-testid="print-view"
            >
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
              {papers.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {!review && (
            <>
              <label className="check">
                <input type="checkbox" checked={form.landscape} onChange={(e) => set({ landscape: e.target.checked })} data-testid="print-landscape" />
                <span>Mendatar</span>
              </label>
              {!monitoring && (
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
              )}
              {!monitoring && form.mode === "branches" && (
                <label className="field">
                  <span>Level cabang</span>
                  <select value={form.branchLevel} onChange={(e) => set({ branchLevel: e.target.value })} data-testid="print-branch-level">
                    {branchLevels(view.document.tree.levels).map((l) => (
                      <option key={l.value} value={l.value}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {form.view === "tree" && (
                <label className="field">
                  <span>Tata letak</span>
                  <select value={form.layout} onChange={(e) => set({ layout: e.target.value })} data-testid="print-layout">
                    {LAYOUTS.map((l) => (
                      <option key={l.value} value={l.value}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
          <div className="field-row">
            {!review && !monitoring && (
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
            )}
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
          {pk && (
            <fieldset className="print-group" style={{ minWidth: 0 }} data-testid="print-pk">
              <legend>Perjanjian kinerja</legend>
              <label className="field">
                <span>Unit kerja (pihak pertama)</span>
                <select value={pkUnit(form.view)} onChange={(e) => set(formForPk(form, e.target.value, form.year ?? defaultPkYear(period)))} style={{ width: "100%", minWidth: 0 }} data-testid="print-pk-unit">
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                      {u.official?.name ? ` — ${u.official.name}` : ""}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Tahun</span>
                <select value={form.year ?? ""} onChange={(e) => set(formForPk(form, pkUnit(form.view), Number(e.target.value)))} style={{ width: "100%", minWidth: 0 }} data-testid="print-pk-year">
                  {periodYears(period).map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted small">Pejabat dan atasannya diisi di Struktur organisasi.</p>
            </fieldset>
          )}
          {monitoring && (
            <fieldset className="print-group" style={{ minWidth: 0 }} data-testid="print-monitoring">
              <legend>{form.view === CAPAIAN_VIEW ? "Tabel capaian kinerja" : "Tabel realisasi anggaran"}</legend>
              <label className="field">
                <span>Tahun</span>
                <select
                  value={form.year ?? ""}
                  onChange={(e) => set({ year: e.target.value === "" ? undefined : Number(e.target.value) })}
                  style={{ width: "100%", minWidth: 0 }}
                  data-testid="print-monitoring-year"
                >
                  <option value="">Otomatis (tahun terakhir yang ada realisasinya)</option>
                  {periodYears(period).map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
              {form.view === CAPAIAN_VIEW && (
                <label className="check">
                  <input type="checkbox" checked={!!form.compareYears} onChange={(e) => set({ compareYears: e.target.checked })} data-testid="print-compare-years" />
                  <span>Bandingkan tahun sebelumnya</span>
                </label>
              )}
              <p className="muted small">
                {form.view === CAPAIAN_VIEW
                  ? "Target: target PK tahun itu, atau Renstra bila tidak ada. Dengan perbandingan, kertas mendatar lebih lega."
                  : "Pagu dan realisasi program, kegiatan dan sub kegiatan; jumlahnya menghitung setiap rupiah sekali."}
              </p>
            </fieldset>
          )}
          {isReview(form.view) && <ReviewTeamFields key={JSON.stringify(team ?? {})} team={team} />}
          {!review && !monitoring && (
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
          )}
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

/**
 * The review team printed in the report's header and signature, edited
 * here and saved as one set_review_team op (Simpan). Keyed by the saved
 * team: after a save, an undo or a merge the fields show the document's.
 */
function ReviewTeamFields({ team }: { team: ReviewTeam | undefined }) {
  const [form, setForm] = useState<TeamForm>(() => teamForm(team));
  const built = teamFromForm(form, team);
  const errors = built.ok ? {} : built.errors;
  const changed = built.ok && !sameTeam(built.team, team);
  const patch = (p: Partial<TeamForm>) => setForm({ ...form, ...p });
  const leader = (p: Partial<PersonForm>) => patch({ leader: { ...form.leader, ...p } });
  const member = (i: number, p: Partial<PersonForm>) => patch({ members: form.members.map((m, k) => (k === i ? { ...m, ...p } : m)) });
  const save = () => {
    if (built.ok) void editor.saveReviewTeam(built.team);
  };
  const text = (label: string, value: string, onChange: (v: string) => void, testId: string, extra: { invalid?: boolean; placeholder?: string } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input type="text" value={value} aria-invalid={extra.invalid || undefined} placeholder={extra.placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
  return (
    <fieldset className="print-group" data-testid="review-team">
      <legend>Tim reviu</legend>
      {text("Unit pereviu", form.unit, (unit) => patch({ unit }), "review-team-unit", { placeholder: "Inspektorat Kabupaten …" })}
      <div className="field-row">
        {text("Reviu ke-", form.round, (round) => patch({ round }), "review-team-round", { invalid: !!errors.round })}
        {text("Tanggal", form.date, (date) => patch({ date }), "review-team-date", { invalid: !!errors.date, placeholder: "TTTT-BB-HH" })}
      </div>
      {errors.round && <p className="field-problem" role="alert">{errors.round}</p>}
      {errors.date && <p className="field-problem" role="alert">{errors.date}</p>}
      {text("Ketua tim", form.leader.name, (name) => leader({ name }), "review-team-leader-name")}
      <div className="field-row">
        {text("Pangkat/golongan", form.leader.rank, (rank) => leader({ rank }), "review-team-leader-rank")}
        {text("NIP", form.leader.nip, (nip) => leader({ nip }), "review-team-leader-nip")}
      </div>
      {form.members.map((m, i) => (
        <div key={i} className="review-team-member" role="group" aria-label={`Anggota ${i + 1}`}>
          {text(`Anggota ${i + 1}`, m.name, (name) => member(i, { name }), `review-team-member-${i + 1}-name`)}
          <div className="field-row">
            {text("NIP", m.nip, (nip) => member(i, { nip }), `review-team-member-${i + 1}-nip`)}
            {text("Peran", m.role, (role) => member(i, { role }), `review-team-member-${i + 1}-role`)}
          </div>
          <button type="button" className="small" onClick={() => patch({ members: form.members.filter((_, k) => k !== i) })} data-testid={`review-team-member-${i + 1}-remove`}>
            Hapus anggota {i + 1}
          </button>
        </div>
      ))}
      <div className="field-row">
        <button type="button" className="small" onClick={() => patch({ members: [...form.members, emptyMember()] })} data-testid="review-team-add-member">
          Tambah anggota
        </button>
        <button type="button" className="small primary" disabled={!changed} onClick={save} data-testid="review-team-save">
          Simpan
        </button>
      </div>
    </fieldset>
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
