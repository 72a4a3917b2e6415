// Over the tree in the capaian view: the year (a select of the period's
// years), the categories with their colours and the document's budget
// (pagu, realisasi, serapan) — all from the core's report.

import { editor, useEditor } from "../../editor";
import { formatNumber, formatPercent, formatRupiah } from "../../format";
import { periodYears } from "../../model";
import type { CapaianReport } from "../../types";

export function YearSelect({ testId, label = "Tahun" }: { testId: string; label?: string }) {
  const year = useEditor((s) => s.capaianYear);
  const doc = useEditor((s) => s.view?.document);
  if (year === null || !doc) return null;
  const years = periodYears(doc);
  if (!years.includes(year)) years.push(year);
  return (
    <label className="capaian-year">
      <span>{label}</span>
      <select value={year} onChange={(e) => void editor.monitoring.showCapaian(Number(e.target.value))} data-testid={testId} aria-label="Tahun capaian">
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The document's budget, each rupiah once: "Pagu Rp …, realisasi Rp … (serapan …)". */
export function BudgetTotal({ report, testId }: { report: CapaianReport; testId: string }) {
  const b = report.budget;
  if (b.ceiling === 0 && b.spent === 0) return <span className="muted" data-testid={testId}>Tidak ada anggaran tercatat.</span>;
  return (
    <span className="capaian-budget" data-testid={testId}>
      <span>
        Pagu <strong data-testid={`${testId}-ceiling`}>Rp {formatRupiah(b.ceiling)}</strong>
      </span>
      <span>
        Realisasi <strong data-testid={`${testId}-spent`}>Rp {formatRupiah(b.spent)}</strong>
      </span>
      {b.serapan != null && (
        <span>
          Serapan <strong data-testid={`${testId}-serapan`}>{formatPercent(b.serapan, 2)}</strong>
        </span>
      )}
    </span>
  );
}

export function CapaianLegend() {
  const year = useEditor((s) => s.capaianYear);
  const report = useEditor((s) => s.capaian);
  if (year === null) return null;
  return (
    <div className="capaian-legend" data-testid="capaian-legend" role="region" aria-label={`Capaian tahun ${year}`}>
      <div className="capaian-legend-head">
        <strong>Capaian</strong>
        <YearSelect testId="capaian-year" label="" />
        <button type="button" className="link-button" onClick={() => void editor.monitoring.openTable()} title="Tampilan › Tabel monitoring" data-testid="capaian-open-table">
          Tabel…
        </button>
        <button type="button" className="icon close" onClick={() => void editor.monitoring.showCapaian(null)} title="Kembali ke tampilan biasa" aria-label="Tutup tampilan capaian" data-testid="capaian-off">
          ×
        </button>
      </div>
      {report && report.year === year ? (
        <>
          <ul className="capaian-categories">
            {report.categories.map((c, i) => (
              <li key={i} data-testid={`capaian-category-${i}`}>
                <span className="swatch" style={{ background: c.colour }} />
                {c.label}
                {c.min != null && <span className="muted">≥ {formatNumber(c.min)}</span>}
              </li>
            ))}
          </ul>
          <div className="capaian-budget-line">
            <BudgetTotal report={report} testId="capaian-budget" />
          </div>
        </>
      ) : (
        <p className="muted">Menghitung capaian…</p>
      )}
    </div>
  );
}
