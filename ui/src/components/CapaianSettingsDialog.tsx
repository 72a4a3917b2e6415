import { useEffect, useState } from "react";
import * as api from "../api";
import { editor, useEditor } from "../editor";
import { errorText, formatValue, parseValue } from "../format";
import type { Category, MonitoringSettings, PredicateScore } from "../generated";
import { Dialog } from "./Dialog";

/** A category or predicate row as typed: numbers stay text until saved. */
type CategoryRow = { min: string; label: string };
type PredicateRow = { value: string; score: string };

function categoryRows(list: Category[]): CategoryRow[] {
  return list.map((c) => ({ min: c.min === undefined || c.min === null ? "" : formatValue(c.min), label: c.label }));
}

function predicateRows(list: PredicateScore[]): PredicateRow[] {
  return list.map((p) => ({ value: p.value, score: formatValue(p.score) }));
}

/** A number as typed the Indonesian way ("90,5"); undefined when empty or not a number. */
function numberOf(text: string): number | undefined {
  const v = parseValue(text);
  return typeof v === "number" ? v : undefined;
}

/**
 * The settings the settings op takes from the rows: each category's lower
 * bound (the last one's left empty: it takes the rest) and each predicate's
 * score. Whether they make sense (bounds going down, labels present) is the
 * core's to judge: its refusal is shown as it is.
 */
export function settingsOf(categories: CategoryRow[], predicates: PredicateRow[], extra: MonitoringSettings["extra"]): MonitoringSettings {
  return {
    categories: categories.map((c) => {
      const min = numberOf(c.min);
      return min === undefined ? { label: c.label.trim() } : { min, label: c.label.trim() };
    }),
    predicates: predicates.filter((p) => p.value.trim() !== "").map((p) => ({ value: p.value.trim(), score: numberOf(p.score) ?? Number.NaN })),
    extra,
  };
}

/**
 * Pengaturan capaian: the document's capaian categories (Permendagri 86/2017
 * unless changed; the labels too, e.g. "Sangat Baik") and the scores of
 * predicate targets (WTP … TMP, AA … D). The rows in force come from the
 * core's report; saving is one edit (set_monitoring), taken on a final
 * document too — how realisasi are judged is not part of the signed plan.
 */
export function CapaianSettingsDialog() {
  const view = useEditor((s) => s.view)!;
  const settings = view.document.monitoring;
  const writable = editor.monitoring.writable();
  const [categories, setCategories] = useState<CategoryRow[] | null>(null);
  const [predicates, setPredicates] = useState<PredicateRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void load();
    // Once, on opening: later rows are the planner's until saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const close = () => editor.openDialog(null);
  const save = async () => {
    if (!categories || !predicates) return;
    // A score must reach the core as a number (JSON has no NaN); the rest the core judges.
    const bad = predicates.find((p) => p.value.trim() !== "" && numberOf(p.score) === undefined);
    if (bad) return setError(`Skor predikat «${bad.value.trim()}» harus berupa angka, misalnya 4 atau 3,5.`);
    const op = { op: "set_monitoring" as const, settings: settingsOf(categories, predicates, settings?.extra ?? {}) };
    if (await editor.apply(op)) close();
  };
  const load = () =>
    api.capaianReport(null).then(
      (report) => {
        setCategories(categoryRows(report.categories.map((c) => ({ min: c.min, label: c.label }))));
        setPredicates(predicateRows(report.predicates));
      },
      (e) => setError(errorText(e)),
    );
  /** Back to the core's defaults: the document's own categories removed (one edit). */
  const resetCategories = async () => {
    const op = { op: "set_monitoring" as const, settings: { ...(settings ?? { extra: {} }), categories: [], extra: settings?.extra ?? {} } };
    if (await editor.apply(op)) await load();
  };
  const setCategory = (i: number, field: keyof CategoryRow, text: string) =>
    setCategories((rows) => rows && rows.map((r, k) => (k === i ? { ...r, [field]: text } : r)));
  const setPredicate = (i: number, field: keyof PredicateRow, text: string) =>
    setPredicates((rows) => rows && rows.map((r, k) => (k === i ? { ...r, [field]: text } : r)));
  return (
    <Dialog
      title="Pengaturan capaian"
      testId="capaian-settings"
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close} data-testid="capaian-settings-cancel">
            Batal
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={!writable || !categories} data-testid="capaian-settings-save">
            Simpan
          </button>
        </>
      }
    >
      {error && <p className="error">{error}</p>}
      <p className="muted small">
        Kategori capaian, dari yang tertinggi: setiap capaian masuk kategori pertama yang batas bawahnya tercapai; kategori terakhir (tanpa batas) menampung sisanya.
        Bawaan: Permendagri 86/2017. Pengaturan ini bukan bagian rencana yang ditetapkan: dapat diubah pada dokumen final.
      </p>
      {categories && (
        <table className="settings-table" data-testid="category-table">
          <thead>
            <tr>
              <th>Batas bawah (%)</th>
              <th>Kategori</th>
              <th aria-label="Hapus" />
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={i}>
                <td>
                  {i === categories.length - 1 ? (
                    <span className="muted">selebihnya</span>
                  ) : (
                    <input aria-label={`Batas bawah kategori ${i + 1}`} value={c.min} inputMode="decimal" disabled={!writable} onChange={(e) => setCategory(i, "min", e.target.value)} data-testid={`category-min-${i}`} />
                  )}
                </td>
                <td>
                  <input aria-label={`Nama kategori ${i + 1}`} value={c.label} disabled={!writable} onChange={(e) => setCategory(i, "label", e.target.value)} data-testid={`category-label-${i}`} />
                </td>
                <td>
                  <button type="button" className="icon danger" aria-label={`Hapus kategori ${c.label}`} disabled={!writable || categories.length <= 1} onClick={() => setCategories(categories.filter((_, k) => k !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" disabled={!writable || !categories} onClick={() => setCategories([{ min: "", label: "" }, ...(categories ?? [])])} data-testid="category-add">
          + Kategori
        </button>
        <button type="button" disabled={!writable} onClick={() => void resetCategories()} data-testid="category-reset">
          Kembalikan ke Permendagri 86/2017
        </button>
      </div>
      <h3>Skor predikat</h3>
      <p className="muted small">Target berupa predikat (opini BPK, nilai SAKIP) dihitung lewat skornya: capaian = skor realisasi ÷ skor target × 100 %.</p>
      {predicates && (
        <table className="settings-table" data-testid="predicate-table">
          <thead>
            <tr>
              <th>Predikat</th>
              <th>Skor</th>
              <th aria-label="Hapus" />
            </tr>
          </thead>
          <tbody>
            {predicates.map((p, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`Predikat ${i + 1}`} value={p.value} disabled={!writable} onChange={(e) => setPredicate(i, "value", e.target.value)} />
                </td>
                <td>
                  <input aria-label={`Skor predikat ${i + 1}`} value={p.score} inputMode="decimal" disabled={!writable} onChange={(e) => setPredicate(i, "score", e.target.value)} />
                </td>
                <td>
                  <button type="button" className="icon danger" aria-label={`Hapus predikat ${p.value}`} disabled={!writable} onClick={() => setPredicates(predicates.filter((_, k) => k !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" disabled={!writable || !predicates} onClick={() => setPredicates([...(predicates ?? []), { value: "", score: "" }])} data-testid="predicate-add">
          + Predikat
        </button>
      </div>
    </Dialog>
  );
}
