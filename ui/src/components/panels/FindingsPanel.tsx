import { memo, useState } from "react";
import { editor, useEditor } from "../../editor";
import { groupFindings, processFindings, targetNode, targetText, type FindingGroup, type FindingItem } from "../../findings";
import type { Document } from "../../types";
import { RulesButton } from "../RulesDialog";

const PAGE = 150;

/** Temuan: live findings after every edit, grouped Galat / Peringatan / Info. */
export function FindingsPanel() {
  const view = useEditor((s) => s.view);
  const mode = useEditor((s) => s.mode);
  const [open, setOpen] = useState(true);
  const [everything, setEverything] = useState(false);
  if (!view) return null;
  // Beside the process maps: their own findings first (B001–B011); the tree's are one click away.
  const scoped = mode !== "tree" && !everything;
  const report = scoped ? processFindings(view.report) : view.report;
  const groups = groupFindings(report);
  const s = report.summary;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  return (
    <section className={open ? "findings open" : "findings"} data-testid="findings-panel" aria-label="Temuan">
      <header className="findings-head">
        <button type="button" className="findings-toggle" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="findings-toggle">
          {open ? "▾" : "▸"} Temuan
        </button>
        <span className="findings-counts" data-testid="findings-counts">
          <span className="sev-chip sev-error">{s.error} galat</span>
          <span className="sev-chip sev-warning">{s.warning} peringatan</span>
          <span className="sev-chip sev-info">{s.info} info</span>
        </span>
        <RulesButton className="small findings-rules" />
        {mode !== "tree" && (
          <span className="findings-scope" role="group" aria-label="Temuan yang ditampilkan">
            <button type="button" className={scoped ? "chip-toggle on" : "chip-toggle"} aria-pressed={scoped} onClick={() => setEverything(false)} data-testid="findings-scope-process">
              Peta proses
            </button>
            <button type="button" className={scoped ? "chip-toggle" : "chip-toggle on"} aria-pressed={!scoped} onClick={() => setEverything(true)} data-testid="findings-scope-all">
              Semua
            </button>
          </span>
        )}
      </header>
      {open && (
        <div className="findings-body">
          {report.findings.length === 0 && (
            <p className="muted" data-testid="findings-none">
              {scoped ? "Tidak ada temuan pada peta proses bisnis dan peta lintas fungsi." : "Tidak ada temuan. Pohon kinerja ini memenuhi semua aturan yang aktif."}
            </p>
          )}
          {groups.map((g) =>
            g.items.length === 0 ? null : <Group key={g.severity} group={g} doc={view.document} readOnly={readOnly} />,
          )}
        </div>
      )}
    </section>
  );
}

function Group({ group, doc, readOnly }: { group: FindingGroup; doc: Document; readOnly: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  return (
    <details open className={`findings-group sev-${group.severity}`} data-testid={`findings-${group.severity}`}>
      <summary>
        <span className={`sev-chip sev-${group.severity}`}>{group.label}</span> <span data-testid={`findings-${group.severity}-count`}>{group.count}</span>
        {group.accepted > 0 && <span className="muted"> (+{group.accepted} diterima)</span>}
      </summary>
      <ul className="plain">
        {group.items.slice(0, limit).map((item) => (
          <FindingRow key={item.testId} item={item} where={targetText(item.finding.target, doc)} readOnly={readOnly} />
        ))}
      </ul>
      {group.items.length > limit && (
        <button type="button" className="link" onClick={() => setLimit(limit + PAGE * 4)}>
          Tampilkan {Math.min(PAGE * 4, group.items.length - limit)} lagi dari {group.items.length - limit}
        </button>
      )}
    </details>
  );
}

/** One finding; `where` is its target in words (drawn again only when the finding or those words change). */
const FindingRow = memo(function FindingRow({ item, where, readOnly }: { item: FindingItem; where: string; readOnly: boolean }) {
  const f = item.finding;
  const node = targetNode(f.target);
  const accepted = f.accepted !== undefined && f.accepted !== null;
  return (
    <li className={accepted ? "finding accepted" : "finding"} data-testid={item.testId}>
      <button
        type="button"
        className="finding-main"
        onClick={() => editor.showFinding(f)}
        title={node ? "Tampilkan simpulnya" : undefined}
        data-testid={`${item.testId}-show`}
      >
        <span className="finding-rule">{f.rule}</span>
        <span className="finding-text">
          <span className="finding-message">{f.message}</span>
          {f.hint && <span className="finding-hint">Saran: {f.hint}</span>}
          <span className="finding-target">{where}</span>
          {accepted && (
            <span className="finding-accepted" data-testid={`${item.testId}-accepted`}>
              Diterima: {f.accepted}
            </span>
          )}
        </span>
      </button>
      <span className="finding-actions">
        {accepted ? (
          <button type="button" className="small" disabled={readOnly} onClick={() => void editor.unaccept(f)} data-testid={`${item.testId}-unaccept`}>
            Batalkan penerimaan
          </button>
        ) : (
          <button type="button" className="small" disabled={readOnly || f.rule === "internal"} onClick={() => editor.requestAccept(f)} data-testid={`${item.testId}-accept`}>
            Terima temuan
          </button>
        )}
        <button type="button" className="small" disabled={readOnly || f.rule === "internal"} onClick={() => editor.switchRuleOff(f.rule)} data-testid={`${item.testId}-rule-off`}>
          Matikan aturan
        </button>
        <button type="button" className="small" onClick={() => editor.review.compose(f)} title="Catatan reviu tentang temuan ini" data-testid={`${item.testId}-comment`}>
          Catatan
        </button>
      </span>
    </li>
  );
});
