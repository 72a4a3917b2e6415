import { memo, useEffect, useMemo, useRef, useState } from "react";
import { editor, useEditor } from "../../editor";
import {
  groupFindings,
  isSelectedFinding,
  processFindings,
  ruleGroupOpen,
  ruleHeading,
  targetNode,
  targetText,
  type FindingGroup,
  type FindingItem,
  type RuleGroup,
} from "../../findings";
import type { Document } from "../../types";
import { RulesButton, useRules } from "../RulesDialog";

const PAGE = 150;

/**
 * Temuan: live findings after every edit, in Kesalahan / Peringatan / Info,
 * and in each by rule ("P016 · 57 keterkaitan tanpa justifikasi"); a rule
 * with more than a few findings starts folded.
 */
export function FindingsPanel() {
  const view = useEditor((s) => s.view);
  const mode = useEditor((s) => s.mode);
  const selectedSeq = useEditor((s) => s.findingSelected?.seq ?? 0);
  const [open, setOpen] = useState(true);
  const [everything, setEverything] = useState(false);
  const rules = useRules();
  const phrases = useMemo(() => (rules ? new Map(rules.map((r) => [r.id, r.group])) : null), [rules]);
  // A finding selected from elsewhere unfolds the panel.
  useEffect(() => {
    if (selectedSeq > 0) setOpen(true);
  }, [selectedSeq]);
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
          <span className="sev-chip sev-error">{s.error} kesalahan</span>
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
            g.items.length === 0 ? null : <Group key={g.severity} group={g} doc={view.document} readOnly={readOnly} phrases={phrases} />,
          )}
        </div>
      )}
    </section>
  );
}

type Phrases = ReadonlyMap<string, string> | null;

function Group({ group, doc, readOnly, phrases }: { group: FindingGroup; doc: Document; readOnly: boolean; phrases: Phrases }) {
  return (
    <details open className={`findings-group sev-${group.severity}`} data-testid={`findings-${group.severity}`}>
      <summary>
        <span className={`sev-chip sev-${group.severity}`}>{group.label}</span> <span data-testid={`findings-${group.severity}-count`}>{group.count}</span>
        {group.accepted > 0 && <span className="muted"> (+{group.accepted} diterima)</span>}
      </summary>
      <ul className="plain finding-rules">
        {group.rules.map((r) => (
          <RuleSection key={r.rule} group={r} doc={doc} readOnly={readOnly} phrases={phrases} />
        ))}
      </ul>
    </details>
  );
}

/**
 * One rule's findings under a heading with their count and what they are,
 * the core's words; the heading is a button (click, Enter or Space opens
 * and folds it).
 */
function RuleSection({ group, doc, readOnly, phrases }: { group: RuleGroup; doc: Document; readOnly: boolean; phrases: Phrases }) {
  const opened = useEditor((s) => s.findingGroups);
  const selected = useEditor((s) => s.findingSelected);
  const [limit, setLimit] = useState(PAGE);
  const [firstSize] = useState(group.items.length);
  const open = ruleGroupOpen(group, opened, firstSize);
  const id = `findings-rule-${group.rule}`;
  // The selected finding's row is drawn even past the page limit.
  const selectedAt = selected && selected.rule === group.rule ? group.items.findIndex((i) => isSelectedFinding(i.finding, selected)) : -1;
  const shown = Math.max(limit, selectedAt + 1);
  return (
    <li className={open ? "finding-rule-group open" : "finding-rule-group"} data-testid={id} data-open={open}>
      <button
        type="button"
        className="finding-rule-head"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => editor.toggleFindingGroup(group.rule, !open)}
        data-testid={`${id}-toggle`}
      >
        <span className="finding-rule-fold" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        <span className="finding-rule-heading" data-testid={`${id}-heading`}>
          {ruleHeading(group, phrases)}
        </span>
        {group.accepted > 0 && <span className="muted"> (+{group.accepted} diterima)</span>}
      </button>
      {open && (
        <>
          {group.hint !== null && (
            <p className="finding-hint finding-rule-hint" data-testid={`${id}-hint`}>
              Saran: {group.hint}
            </p>
          )}
          <ul className="plain" id={`${id}-list`}>
            {group.items.slice(0, shown).map((item) => (
              <FindingRow
                key={item.testId}
                item={item}
                where={targetText(item.finding.target, doc)}
                readOnly={readOnly}
                selected={isSelectedFinding(item.finding, selected)}
                seq={selected?.seq ?? 0}
                sharedHint={group.hint !== null}
              />
            ))}
          </ul>
          {group.items.length > shown && (
            <button type="button" className="link" onClick={() => setLimit(shown + PAGE * 4)}>
              Tampilkan {Math.min(PAGE * 4, group.items.length - shown)} lagi dari {group.items.length - shown}
            </button>
          )}
        </>
      )}
    </li>
  );
}

/**
 * One finding; `where` is its target in words (drawn again only when the
 * finding, those words or its selection change). A selected row scrolls
 * into view on each selection (`seq`).
 */
const FindingRow = memo(
  function FindingRow({ item, where, readOnly, selected, seq, sharedHint }: { item: FindingItem; where: string; readOnly: boolean; selected: boolean; seq: number; sharedHint: boolean }) {
    const f = item.finding;
    const node = targetNode(f.target);
    const accepted = f.accepted !== undefined && f.accepted !== null;
    const li = useRef<HTMLLIElement>(null);
    useEffect(() => {
      if (selected) li.current?.scrollIntoView?.({ block: "nearest" });
    }, [selected, seq]);
    return (
      <li ref={li} className={["finding", accepted ? "accepted" : "", selected ? "selected" : ""].filter(Boolean).join(" ")} data-testid={item.testId} aria-current={selected || undefined}>
        <button
          type="button"
          className="finding-main"
          onClick={() => editor.showFinding(f)}
          title={node ? "Tampilkan simpulnya" : undefined}
          data-testid={`${item.testId}-show`}
        >
          <span className="finding-text">
            <span className="finding-message">{f.message}</span>
            {f.hint && !sharedHint && <span className="finding-hint">Saran: {f.hint}</span>}
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
  },
  // The selection's seq matters only to the selected row (to scroll it again).
  (a, b) =>
    a.item === b.item && a.where === b.where && a.readOnly === b.readOnly && a.sharedHint === b.sharedHint && a.selected === b.selected && (!b.selected || a.seq === b.seq),
);
