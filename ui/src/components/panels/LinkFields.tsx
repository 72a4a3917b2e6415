// What a link says beyond its rationale: which of the parent's indicators
// it serves (P027, P028), and for a crosscutting link the other agency's
// answer (P029; the tree writes it on the dashed line). One change, one op.
import { editor } from "../../editor";
import { shorten } from "../../model";
import { withAgreement, withServes } from "../../ops";
import type { AgreementStatus } from "../../generated";
import type { Link, Node } from "../../types";
import { CommitField } from "../CommitField";

/** The status select's choices, as the planner reads them. */
export const AGREEMENT_CHOICES: [AgreementStatus | "", string][] = [
  ["", "— belum dimintakan —"],
  ["pending", "Menunggu jawaban"],
  ["agreed", "Disepakati"],
  ["rejected", "Ditolak"],
];

function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The parent's indicator this link serves: a select of the parent's indicators (shown where it has one or more). */
export function ServesField({ link, parent, readOnly, testId }: { link: Link; parent: Node; readOnly: boolean; testId: string }) {
  const indicators = parent.indicators ?? [];
  if (indicators.length === 0 && !link.serves) return null;
  const missing = link.serves !== undefined && !indicators.some((i) => i.id === link.serves);
  return (
    <label className="field">
      <span>Mendukung indikator induk</span>
      <select
        value={link.serves ?? ""}
        disabled={readOnly}
        onChange={(e) => {
          // Read now: React puts a controlled select back to the document's value right after this handler.
          const value = e.target.value;
          void editor.apply(withServes(link, value));
        }}
        data-testid={testId}
      >
        <option value="">{indicators.length > 1 ? "— pilih indikator yang didukung —" : "— belum dipilih —"}</option>
        {indicators.map((i) => (
          <option key={i.id} value={i.id}>
            {shorten(i.name || i.id, 70)}
          </option>
        ))}
        {missing && <option value={link.serves}>{link.serves} (tidak ada di induk)</option>}
      </select>
    </label>
  );
}

/** A crosscutting link's agreement by the other agency: status, reason, who answered. */
export function AgreementFields({ link, readOnly }: { link: Link; readOnly: boolean }) {
  const a = link.agreement;
  const id = link.to;
  return (
    <div className="agreement" data-testid={`link-agreement-${id}`}>
      <div className="field-row">
        <label className="field">
          <span>Persetujuan instansi mitra</span>
          <select
            value={a?.status ?? ""}
            disabled={readOnly}
            onChange={(e) => {
              const status = e.target.value as AgreementStatus | "";
              void editor.apply(withAgreement(link, { status }, today()));
            }}
            data-testid={`link-agreement-status-${id}`}
          >
            {AGREEMENT_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Oleh</span>
          <CommitField
            label="Dijawab oleh"
            value={a?.by ?? ""}
            onCommit={(v) => editor.apply(withAgreement(link, { by: v }, today()))}
            disabled={readOnly || !a}
            placeholder={a ? "Pejabat/unit instansi mitra" : "Pilih status dulu"}
            testId={`link-agreement-by-${id}`}
          />
        </label>
      </div>
      <label className="field">
        <span>Alasan{a?.at ? ` (${a.at})` : ""}</span>
        <CommitField
          multiline
          newlines
          rows={2}
          label="Alasan persetujuan atau penolakan"
          value={a?.reason ?? ""}
          onCommit={(v) => editor.apply(withAgreement(link, { reason: v }, today()))}
          disabled={readOnly || !a}
          placeholder={a?.status === "rejected" ? "Mengapa ditolak" : "Catatan kesepakatan"}
          testId={`link-agreement-reason-${id}`}
        />
      </label>
    </div>
  );
}
