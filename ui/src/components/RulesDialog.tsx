import { useEffect, useState } from "react";
import * as api from "../api";
import { editor, useEditor } from "../editor";
import { errorText } from "../format";
import { SEVERITY_LABEL } from "../findings";
import { RULE_CHOICES, SETTING_LABEL, changedRules, ruleRows, setRuleOp, type RuleChoice, type RuleInfo } from "../editor/rules";
import { Dialog } from "./Dialog";

/** The rule list is the same for the whole session: asked once. */
let cached: RuleInfo[] | null = null;
let loading: Promise<RuleInfo[]> | null = null;

export function loadRules(): Promise<RuleInfo[]> {
  if (cached) return Promise.resolve(cached);
  loading ??= api.listRules().then(
    (rules) => (cached = rules),
    (e) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The rule list, asked once for the session (null until it is there). */
export function useRules(): RuleInfo[] | null {
  const [rules, setRules] = useState<RuleInfo[] | null>(cached);
  useEffect(() => {
    if (!rules) loadRules().then(setRules, () => undefined);
  }, [rules]);
  return rules;
}

/** For tests: forget the list asked for. */
export function forgetRules(): void {
  cached = null;
  loading = null;
}

function choiceLabel(choice: RuleChoice, rule: RuleInfo): string {
  return choice === "default" ? `Bawaan (${SEVERITY_LABEL[rule.default].toLowerCase()})` : SETTING_LABEL[choice];
}

/**
 * Aturan pemeriksaan: every rule with its default severity and this
 * document's setting; each change is one edit (set_rule), undone like any other.
 */
export function RulesDialog() {
  const view = useEditor((s) => s.view)!;
  const doc = view.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const [rules, setRules] = useState<RuleInfo[] | null>(cached);
  const [error, setError] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  useEffect(() => {
    if (rules) return;
    loadRules().then(setRules, (e) => setError(errorText(e)));
  }, [rules]);
  const rows = ruleRows(doc, rules ?? []);
  const changed = new Set(changedRules(doc, rules));
  const shown = onlyChanged ? rows.filter((r) => changed.has(r.rule.id) || !r.known) : rows;
  const change = (rule: RuleInfo, choice: RuleChoice) => {
    const op = setRuleOp(doc, rule, choice);
    if (op) void editor.apply(op);
  };
  const close = () => editor.openDialog(null);
  return (
    <Dialog
      title="Aturan pemeriksaan"
      testId="rules-dialog"
      onClose={close}
      wide
      footer={
        <button type="button" className="primary" onClick={close} data-testid="rules-done">
          Selesai
        </button>
      }
    >
      <p className="muted small">
        Setiap aturan memeriksa pohon kinerja dan peta proses bisnis. Aturan dapat dimatikan atau diubah tingkatnya untuk dokumen ini saja; setiap perubahan
        tersimpan dan dapat diurungkan (Ctrl+Z).
      </p>
      <label className="check">
        <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} data-testid="rules-only-changed" />
        Hanya aturan yang diubah ({changed.size})
      </label>
      {error && (
        <p className="form-problem" role="alert" data-testid="rules-error">
          Daftar aturan tidak dapat dimuat: {error}
        </p>
      )}
      {!rules && !error && <p className="muted">Memuat daftar aturan…</p>}
      <table className="rules-table" data-testid="rules-table">
        <thead>
          <tr>
            <th>Aturan</th>
            <th>Judul</th>
            <th>Bawaan</th>
            <th>Untuk dokumen ini</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ rule, choice, known }) => (
            <tr key={rule.id} className={changed.has(rule.id) || !known ? "changed" : undefined} data-testid={`rule-row-${rule.id}`}>
              <td className="rule-id">{rule.id}</td>
              <td>{rule.title}</td>
              <td>{known ? SEVERITY_LABEL[rule.default] : "—"}</td>
              <td>
                <select
                  aria-label={`Aturan ${rule.id}`}
                  value={choice}
                  disabled={readOnly}
                  onChange={(e) => change(rule, e.target.value as RuleChoice)}
                  data-testid={`rule-setting-${rule.id}`}
                >
                  {RULE_CHOICES.map((c) => (
                    <option key={c} value={c}>
                      {known ? choiceLabel(c, rule) : c === "default" ? "Bawaan" : SETTING_LABEL[c]}
                    </option>
                  ))}
                </select>
                {changed.has(rule.id) && !readOnly && (
                  <button type="button" className="small link" onClick={() => change(rule, "default")} data-testid={`rule-reset-${rule.id}`}>
                    Kembalikan
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

/** The button that opens the panel; says at a glance how many rules this document changed. */
export function RulesButton({ className }: { className?: string }) {
  const doc = useEditor((s) => s.view?.document);
  const rules = useRules();
  if (!doc) return null;
  const n = changedRules(doc, rules).length;
  return (
    <button
      type="button"
      className={[className, n > 0 ? "rules-changed" : ""].filter(Boolean).join(" ")}
      onClick={() => editor.openDialog("rules")}
      title="Aturan pemeriksaan: matikan, hidupkan, atau ubah tingkatnya"
      data-testid="rules-button"
    >
      {n > 0 ? `Aturan (${n} diubah)` : "Aturan"}
    </button>
  );
}
