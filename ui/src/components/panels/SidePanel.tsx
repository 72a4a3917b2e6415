import { Fragment, useMemo } from "react";
import { editor, useEditor } from "../../editor";
import { findingsOfNode } from "../../findings";
import { formatDate, formatPercent, formatRupiah, formatValue, summaryText } from "../../format";
import { descendantCount, indexView, levelName, periodYears, shorten, unitLabel, type DocIndex } from "../../model";
import {
  addIndicatorOp,
  deleteIndicatorOp,
  deleteLinkOp,
  withBudgetField,
  withField,
  withIndicatorField,
  withRationale,
  withTarget,
  type BudgetField,
  type IndicatorField,
} from "../../ops";
import type { Document, DocumentView, Indicator, Link, Node } from "../../types";
import { CommitField } from "../CommitField";
import { FindingList, ServingProcesses } from "./ProcessPanels";
import { AgreementFields, ServesField } from "./LinkFields";

/** The side panel: the selected node, or the document when nothing is selected. */
export function SidePanel() {
  const view = useEditor((s) => s.view);
  const selection = useEditor((s) => s.selection);
  if (!view) return null;
  const ix = indexView(view);
  const node = selection !== null ? ix.nodes.get(selection) : undefined;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label="Panel simpul">
      {node ? (
        <NodePanel key={node.id} node={node} view={view} ix={ix} readOnly={readOnly} />
      ) : selection?.startsWith("ext:") ? (
        <ExternalPanel address={selection} ix={ix} />
      ) : (
        <DocumentPanel view={view} />
      )}
    </aside>
  );
}

function DocumentPanel({ view }: { view: DocumentView }) {
  const d = view.document.document;
  const nodes = view.document.tree.nodes?.length ?? 0;
  return (
    <div className="panel-section" data-testid="document-panel">
      <h2>{d.title}</h2>
      <dl className="facts">
        {d.agency && (
          <>
            <dt>Perangkat daerah</dt>
            <dd>{d.agency}</dd>
          </>
        )}
        {d.government && (
          <>
            <dt>Pemerintah daerah</dt>
            <dd>{d.government}</dd>
          </>
        )}
        <dt>Periode Renstra</dt>
        <dd>
          {d.period.from}–{d.period.to}
        </dd>
        <dt>Simpul</dt>
        <dd>{nodes}</dd>
        <dt>Temuan</dt>
        <dd>{summaryText(view.report.summary)}</dd>
        {d.signatory?.date && (
          <>
            <dt>Tanggal</dt>
            <dd>{formatDate(d.signatory.date)}</dd>
          </>
        )}
      </dl>
      <button type="button" className="small" onClick={() => editor.openDialog("document")} data-testid="document-edit">
        Ubah properti dokumen…
      </button>
      <p className="muted">Pilih sebuah kotak untuk melihat dan mengubahnya.</p>
      <KeyHelp />
    </div>
  );
}

function KeyHelp() {
  return (
    <dl className="key-help" data-testid="key-help">
      <dt>Enter</dt>
      <dd>tambah saudara</dd>
      <dt>Tab</dt>
      <dd>tambah anak</dd>
      <dt>F2</dt>
      <dd>ubah kondisi</dd>
      <dt>Delete</dt>
      <dd>hapus</dd>
      <dt>Panah</dt>
      <dd>pindah pilihan</dd>
      <dt>Spasi</dt>
      <dd>ciutkan/bentangkan</dd>
      <dt>Ctrl+Z / Ctrl+Shift+Z</dt>
      <dd>urungkan / ulangi</dd>
      <dt>Ctrl+F</dt>
      <dd>cari</dd>
    </dl>
  );
}

function ExternalPanel({ address, ix }: { address: string; ix: DocIndex }) {
  const links = ix.incoming.get(address) ?? [];
  return (
    <div className="panel-section" data-testid="external-panel">
      <h2>Simpul instansi lain</h2>
      <p>
        <code>{address}</code>
      </p>
      <p className="muted">Simpul ini ada di dokumen perangkat daerah lain; di sini hanya ditampilkan sebagai tujuan keterkaitan crosscutting.</p>
      <h3>Dikaitkan dari</h3>
      <ul className="plain">
        {links.map((l) => (
          <li key={l.from}>
            <button type="button" className="link" onClick={() => void editor.reveal(l.from)}>
              {shorten(ix.nodes.get(l.from)?.statement ?? l.from)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NodePanel({ node, view, ix, readOnly }: { node: Node; view: DocumentView; ix: DocIndex; readOnly: boolean }) {
  const doc = view.document;
  const id = node.id;
  const parentId = ix.parent.get(id);
  const parent = parentId !== undefined ? ix.nodes.get(parentId) : undefined;
  const primary = ix.primaryLink.get(id);
  const crosscutting = ix.crosscutting.get(id) ?? [];
  const below = descendantCount(ix, id);
  const findings = useMemo(() => findingsOfNode(view.report, id), [view.report, id]);
  const patch = (change: (n: Node) => Node | null) => editor.patchNode(id, change);

  return (
    <div className="node-panel" data-testid="node-panel">
      <div className="panel-head">
        <span className={`level-chip lv-${node.level % 8}`} data-testid="panel-level-name">
          {levelName(doc, node.level)}
        </span>
        <span className="muted node-id" data-testid="panel-node-id">
          {id}
        </span>
      </div>

      <label className="field">
        <span>Kondisi</span>
        <CommitField
          multiline
          rows={3}
          label="Kondisi"
          value={node.statement}
          onCommit={(v) => patch((n) => withField(n, "statement", v))}
          testId="panel-statement"
          placeholder="Meningkatnya …"
          disabled={readOnly}
        />
      </label>

      <div className="node-actions" role="group" aria-label="Tindakan simpul">
        <button type="button" onClick={() => void editor.addChild(id)} disabled={readOnly} data-testid="add-child" title="Tambah anak (Tab)">
          + Anak
        </button>
        <button type="button" onClick={() => void editor.addSibling(id)} disabled={readOnly} data-testid="add-sibling" title="Tambah saudara (Enter)">
          + Saudara
        </button>
        <button type="button" onClick={() => void editor.reorder(-1, id)} disabled={readOnly} data-testid="move-left" title="Geser ke kiri di antara saudaranya">
          ◀
        </button>
        <button type="button" onClick={() => void editor.reorder(1, id)} disabled={readOnly} data-testid="move-right" title="Geser ke kanan di antara saudaranya">
          ▶
        </button>
        <button type="button" className="danger" onClick={() => editor.requestDelete(id)} disabled={readOnly} data-testid="delete-node" title="Hapus (Delete)">
          Hapus
        </button>
      </div>

      <div className="field-row">
        <label className="field">
          <span>Level</span>
          <select value={node.level} disabled={readOnly} onChange={(e) => {
              // Read now: React puts a controlled select back to the document's value right after this handler,
              // before the queued edit runs (the edit would see the old value and send nothing).
              const value = e.target.value;
              void patch((n) => withField(n, "level", value));
            }} data-testid="panel-level">
            {doc.tree.levels.map((l, i) => (
              <option key={i} value={i}>
                {i} — {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Penanggung jawab</span>
          <select value={node.owner ?? ""} disabled={readOnly} onChange={(e) => {
              // Read now: React puts a controlled select back to the document's value right after this handler,
              // before the queued edit runs (the edit would see the old value and send nothing).
              const value = e.target.value;
              void patch((n) => withField(n, "owner", value));
            }} data-testid="panel-owner">
            <option value="">— belum ditentukan —</option>
            {(doc.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {unitLabel(u)}
                {u.echelon ? ` (eselon ${u.echelon})` : ""}
              </option>
            ))}
            {node.owner && !ix.units.has(node.owner) && <option value={node.owner}>{node.owner} (tidak ada di struktur organisasi)</option>}
          </select>
        </label>
      </div>

      <label className="field">
        <span>Fenomena</span>
        <CommitField
          multiline
          newlines
          rows={2}
          label="Fenomena"
          value={node.phenomenon ?? ""}
          onCommit={(v) => patch((n) => withField(n, "phenomenon", v))}
          testId="panel-phenomenon"
          placeholder="Bukti yang melatarbelakangi kondisi ini"
          disabled={readOnly}
        />
      </label>

      {parent && primary && (
        <label className="field">
          <span>
            Justifikasi keterkaitan ke induk: <em>{shorten(parent.statement, 70)}</em>
          </span>
          <CommitField
            multiline
            newlines
            rows={2}
            label="Justifikasi keterkaitan"
            value={primary.rationale ?? ""}
            onCommit={(v) => editor.apply(withRationale(primary, v))}
            testId="panel-rationale"
            placeholder="Mengapa kondisi ini mendukung induknya (misalnya dasar peraturan)"
            disabled={readOnly}
          />
        </label>
      )}
      {parent && primary && <ServesField link={primary} parent={parent} readOnly={readOnly} testId="panel-serves" />}
      {below > 0 && <p className="muted small">{below} simpul di bawah simpul ini.</p>}

      <IndicatorTable node={node} doc={doc} readOnly={readOnly} />
      <BudgetSection node={node} readOnly={readOnly} />
      <CrosscuttingSection links={crosscutting} ix={ix} readOnly={readOnly} />

      <ServingProcesses doc={doc} nodeId={id} />
      <FindingList findings={findings} testId="node-findings" title="Temuan pada simpul ini" />
    </div>
  );
}

const DIRECTIONS: [string, string][] = [
  ["up", "naik"],
  ["down", "turun"],
  ["stable", "tetap"],
];

/** How capaian is computed (absent: by the direction). */
const METHODS: [string, string][] = [
  ["", "menurut arah"],
  ["up", "R/T (naik)"],
  ["down", "2 − R/T (turun)"],
  ["down_ratio", "T/R (turun)"],
];

/** How the quarters make the year's realisasi (absent: kumulatif). */
const AGGREGATIONS: [string, string][] = [
  ["", "kumulatif"],
  ["last", "TW terakhir"],
  ["average", "rata-rata"],
];

function IndicatorTable({ node, doc, readOnly }: { node: Node; doc: Document; readOnly: boolean }) {
  const years = periodYears(doc);
  const indicators = node.indicators ?? [];
  const set = (ind: Indicator, field: IndicatorField) => (v: string) => editor.patchNode(node.id, (n) => withIndicatorField(n, ind.id, field, v));
  return (
    <section className="panel-section" data-testid="indicator-section">
      <div className="section-head">
        <h3>Indikator kinerja</h3>
        <button type="button" onClick={() => void editor.apply(addIndicatorOp(node.id))} disabled={readOnly} data-testid="add-indicator">
          + Indikator
        </button>
      </div>
      {indicators.length === 0 ? (
        <p className="muted small" data-testid="indicator-empty">
          Belum ada indikator.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="indicators" data-testid="indicator-table">
            <thead>
              <tr>
                <th>Indikator</th>
                <th>Satuan</th>
                <th>Arah</th>
                <th>Kondisi awal</th>
                {years.map((y) => (
                  <th key={y} className="num">
                    {y}
                  </th>
                ))}
                <th>Definisi / formulasi</th>
                <th>Sumber data</th>
                <th title="Cara menghitung capaian dan menjumlah realisasi triwulan">Capaian</th>
                <th aria-label="Hapus" />
              </tr>
            </thead>
            <tbody>
              {indicators.map((ind) => (
                <Fragment key={ind.id}>
                <tr data-testid={`indicator-row-${ind.id}`}>
                  <td>
                    <CommitField label="Nama indikator" value={ind.name ?? ""} onCommit={set(ind, "name")} testId="indicator-name" disabled={readOnly} className="w-name" placeholder="Nama indikator" />
                  </td>
                  <td>
                    <CommitField label="Satuan" value={ind.unit ?? ""} onCommit={set(ind, "unit")} testId="indicator-unit" disabled={readOnly} className="w-unit" placeholder="Persen" />
                  </td>
                  <td>
                    <select
                      aria-label="Arah"
                      value={ind.direction ?? ""}
                      disabled={readOnly}
                      onChange={(e) => set(ind, "direction")(e.target.value)}
                      data-testid="indicator-direction"
                    >
                      <option value="">—</option>
                      {DIRECTIONS.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="baseline">
                    <CommitField
                      label="Nilai kondisi awal"
                      value={formatValue(ind.baseline?.value)}
                      onCommit={set(ind, "baseline_value")}
                      testId="baseline-value"
                      disabled={readOnly}
                      className="w-num"
                      inputMode="decimal"
                      placeholder="nilai"
                    />
                    <CommitField
                      label="Tahun kondisi awal"
                      value={ind.baseline?.year !== undefined ? String(ind.baseline.year) : ""}
                      onCommit={set(ind, "baseline_year")}
                      testId="baseline-year"
                      disabled={readOnly}
                      className="w-year"
                      inputMode="numeric"
                      placeholder="tahun"
                    />
                  </td>
                  {years.map((y) => (
                    <td key={y} className="num">
                      <CommitField
                        label={`Target ${y}`}
                        value={formatValue(ind.targets?.[String(y)])}
                        onCommit={(v) => editor.patchNode(node.id, (n) => withTarget(n, ind.id, y, v))}
                        testId={`target-${y}`}
                        disabled={readOnly}
                        className="w-num"
                        inputMode="decimal"
                      />
                    </td>
                  ))}
                  <td>
                    <CommitField label="Definisi / formulasi" value={ind.definition ?? ""} onCommit={set(ind, "definition")} testId="indicator-definition" disabled={readOnly} className="w-text" />
                  </td>
                  <td>
                    <CommitField label="Sumber data" value={ind.source ?? ""} onCommit={set(ind, "source")} testId="indicator-source" disabled={readOnly} className="w-text" />
                  </td>
                  <td className="capaian-method">
                    <select aria-label="Cara menghitung capaian" value={ind.method ?? ""} disabled={readOnly} onChange={(e) => set(ind, "method")(e.target.value)} data-testid="indicator-method">
                      {METHODS.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <select aria-label="Realisasi triwulan" value={ind.aggregation ?? ""} disabled={readOnly} onChange={(e) => set(ind, "aggregation")(e.target.value)} data-testid="indicator-aggregation">
                      {AGGREGATIONS.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon danger"
                      aria-label={`Hapus indikator ${ind.name ?? ind.id}`}
                      title="Hapus indikator"
                      disabled={readOnly}
                      onClick={() => void editor.apply(deleteIndicatorOp(node.id, ind.id))}
                      data-testid={`delete-indicator-${ind.id}`}
                    >
                      ×
                    </button>
                  </td>
                </tr>
                <tr className="pk-targets" data-testid={`pk-row-${ind.id}`}>
                  <td colSpan={4} className="muted small" title="Target yang disepakati dalam Perjanjian Kinerja tahun itu, bila berbeda dari target Renstra; capaian diukur terhadapnya">
                    Target Perjanjian Kinerja (bila berbeda)
                  </td>
                  {years.map((y) => (
                    <td key={y} className="num">
                      <CommitField
                        label={`Target PK ${y}`}
                        value={formatValue(ind.pk_targets?.[String(y)])}
                        onCommit={(v) => editor.patchNode(node.id, (n) => withTarget(n, ind.id, y, v, "pk_targets"))}
                        testId={`pk-target-${y}`}
                        disabled={readOnly}
                        className="w-num"
                        inputMode="decimal"
                        placeholder="–"
                      />
                    </td>
                  ))}
                  <td colSpan={4} />
                </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BudgetSection({ node, readOnly }: { node: Node; readOnly: boolean }) {
  const b = node.budget ?? {};
  const set = (field: BudgetField) => (v: string) =>
    editor.patchNode(node.id, (n) => {
      const next = withBudgetField(n, field, v);
      if (!next) editor.toast(`"${v}" bukan jumlah rupiah. Tulis angka bulat, misalnya 6.850.200.218.`);
      return next;
    });
  const absorption = b.ceiling && b.spent !== undefined ? (b.spent / b.ceiling) * 100 : null;
  return (
    <section className="panel-section" data-testid="budget-section">
      <h3>Anggaran</h3>
      <div className="field-row">
        <label className="field narrow">
          <span>Kode</span>
          <CommitField label="Kode" value={b.code ?? ""} onCommit={set("code")} testId="budget-code" disabled={readOnly} placeholder="contoh: 5.03.01" />
        </label>
        <label className="field">
          <span>Nomenklatur program/kegiatan/sub kegiatan</span>
          <CommitField label="Nomenklatur" value={b.name ?? ""} onCommit={set("name")} testId="budget-name" disabled={readOnly} />
        </label>
      </div>
      <div className="field-row">
        {(
          [
            ["ceiling", "Pagu (Rp)", "Pagu"],
            ["spent", "Realisasi (Rp)", "Realisasi anggaran"],
          ] as const
        ).map(([key, title, label]) => (
          <label className="field" key={key}>
            <span>{title}</span>
            <CommitField
              label={label}
              value={b[key] !== undefined ? formatRupiah(b[key]) : ""}
              onCommit={set(key)}
              testId={`budget-${key}`}
              disabled={readOnly}
              inputMode="numeric"
              className="num"
            />
          </label>
        ))}
      </div>
      {absorption !== null && (
        <p className="muted small" data-testid="budget-absorption">
          Serapan anggaran {formatPercent(absorption)}
        </p>
      )}
    </section>
  );
}

function CrosscuttingSection({ links, ix, readOnly }: { links: Link[]; ix: DocIndex; readOnly: boolean }) {
  return (
    <section className="panel-section" data-testid="crosscutting-section">
      <div className="section-head">
        <h3>Keterkaitan crosscutting</h3>
        <button type="button" onClick={() => editor.openDialog("link")} disabled={readOnly} data-testid="add-link">
          + Keterkaitan
        </button>
      </div>
      {links.length === 0 ? (
        <p className="muted small">Belum ada keterkaitan ke kondisi yang juga diwujudkan pihak lain.</p>
      ) : (
        <ul className="plain links">
          {links.map((l) => (
            <li key={l.to} data-testid={`link-${l.to}`}>
              <div className="link-head">
                <button type="button" className="link" onClick={() => void editor.reveal(l.to)}>
                  → {l.to.startsWith("ext:") ? l.to : shorten(ix.nodes.get(l.to)?.statement ?? l.to, 60)}
                </button>
                <button
                  type="button"
                  className="icon danger"
                  title="Hapus keterkaitan"
                  aria-label="Hapus keterkaitan"
                  disabled={readOnly}
                  onClick={() => void editor.apply(deleteLinkOp(l))}
                  data-testid={`delete-link-${l.to}`}
                >
                  ×
                </button>
              </div>
              <CommitField
                multiline
                newlines
                rows={2}
                label="Justifikasi keterkaitan"
                value={l.rationale ?? ""}
                onCommit={(v) => editor.apply(withRationale(l, v))}
                disabled={readOnly}
                placeholder="Justifikasi keterkaitan"
                testId={`link-rationale-${l.to}`}
              />
              {ix.nodes.has(l.to) && <ServesField link={l} parent={ix.nodes.get(l.to)!} readOnly={readOnly} testId={`link-serves-${l.to}`} />}
              <AgreementFields link={l} readOnly={readOnly} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
