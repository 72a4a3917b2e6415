import { useMemo, useState } from "react";
import { editor, useEditor } from "../../editor";
import { SEVERITY_LABEL } from "../../findings";
import { shorten, unitLabel } from "../../model";
import {
  withWay,
  allProcesses,
  CATEGORIES,
  CATEGORY_LABEL,
  flowById,
  flowsOf,
  linesToList,
  processById,
  processesAt,
  processesServing,
  SHAPE_LABEL,
  SHAPES,
  stepLabel,
  stepNumber,
  unitName,
} from "../../processes";
import type { Document, DocumentView, Finding, Flow, FlowHeader, Process, ProcessCategory, Shape, Step, Target } from "../../types";
import type { Approval } from "../../generated/Approval";
import { isoDate } from "../../editor/documentMeta";
import { formatDate } from "../../format";
import { CommitField } from "../CommitField";

function isReadOnly(view: DocumentView): boolean {
  return view.read_only !== null && view.read_only !== undefined;
}

/** Findings about one thing (a node, a process, a step), as the side panels list them. */
export function FindingList({ findings, testId, title = "Temuan" }: { findings: Finding[]; testId: string; title?: string }) {
  if (findings.length === 0) return null;
  return (
    <section className="panel-section" data-testid={testId}>
      <h3>{title}</h3>
      <ul className="plain node-findings">
        {findings.map((f, i) => (
          <li key={i} className={`sev-${f.severity}${f.accepted ? " accepted" : ""}`}>
            {/* Selects it in the Temuan panel (its rule group opens there). */}
            <button type="button" className="node-finding" onClick={() => editor.selectFinding(f)} title="Tampilkan di panel Temuan" data-testid={`${testId}-${i}`}>
              <span className={`sev-chip sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> <strong>{f.rule}</strong> {f.message}
              {f.accepted && <em className="accepted-note"> Diterima: {f.accepted}</em>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function findingsAbout(view: DocumentView, test: (t: Target) => boolean): Finding[] {
  return view.report.findings.filter((f) => (f.accepted === undefined || f.accepted === null) && test(f.target));
}

/** The side panel in the process views: the selected process or step, else the map or the flow itself. */
export function ProcessSidePanel() {
  const view = useEditor((s) => s.view);
  const mode = useEditor((s) => s.mode);
  const processId = useEditor((s) => s.process);
  const flowId = useEditor((s) => s.flow);
  const stepId = useEditor((s) => s.step);
  if (!view) return null;
  const doc = view.document;
  let body;
  if (mode === "flow") {
    const flow = flowId !== null ? flowById(doc, flowId) : undefined;
    const step = flow?.steps.find((s) => s.id === stepId);
    body = flow ? (
      step ? (
        <StepPanel key={`${flow.id}/${step.id}`} flow={flow} step={step} view={view} />
      ) : (
        <FlowPanel key={flow.id} flow={flow} view={view} />
      )
    ) : (
      <p className="muted">Belum ada peta lintas fungsi.</p>
    );
  } else {
    const process = processId !== null ? processById(doc, processId) : undefined;
    body = process ? (
      <ProcessPanel key={process.id} process={process} view={view} />
    ) : mode === "map" ? (
      <MapPanel view={view} />
    ) : (
      <p className="muted" data-testid="relations-help">
        Pilih baris proses untuk melihat dan mengubahnya. Klik sel untuk menandai unit kerja yang menjalankan proses; tanda di sini sama dengan unit pelaksana di panel proses.
      </p>
    );
  }
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label="Panel proses">
      {body}
    </aside>
  );
}

/** The level-0 map's own fields: goal, inputs, outputs. */
function MapPanel({ view }: { view: DocumentView }) {
  const map = view.document.processes?.map ?? {};
  const readOnly = isReadOnly(view);
  const parent = useEditor((s) => s.mapParent);
  const count = processesAt(view.document, parent).length;
  if (parent !== null) {
    const p = processById(view.document, parent);
    return (
      <div className="panel-section" data-testid="submap-panel">
        <h2>Peta Sub Proses Bisnis</h2>
        <p>
          Rincian proses <strong>{p?.name}</strong>: {count} sub proses.
        </p>
        <p className="muted">Tambah sub proses dengan tombol di atas peta. Pilih sebuah sub proses untuk mengubahnya; klik dua kali untuk merincinya lagi.</p>
        <MapKeyHelp />
      </div>
    );
  }
  return (
    <div className="panel-section" data-testid="map-panel">
      <h2>Peta Proses Bisnis (level 0)</h2>
      <label className="field">
        <span>Tujuan (kinerja utama)</span>
        <CommitField multiline rows={2} label="Tujuan" value={map.goal ?? ""} onCommit={(v) => void editor.updateMap({ goal: v.trim() })} testId="map-goal-field" disabled={readOnly} />
      </label>
      <label className="field">
        <span>
          Input <em>(satu per baris)</em>
        </span>
        <CommitField multiline newlines rows={4} label="Input" value={(map.inputs ?? []).join("\n")} onCommit={(v) => void editor.updateMap({ inputs: linesToList(v) })} testId="map-inputs-field" disabled={readOnly} />
      </label>
      <label className="field">
        <span>
          Output <em>(satu per baris)</em>
        </span>
        <CommitField multiline newlines rows={5} label="Output" value={(map.outputs ?? []).join("\n")} onCommit={(v) => void editor.updateMap({ outputs: linesToList(v) })} testId="map-outputs-field" disabled={readOnly} />
      </label>
      <p className="muted">{count} proses di level 0. Pilih sebuah proses untuk mengubahnya.</p>
      <MapKeyHelp />
    </div>
  );
}

function MapKeyHelp() {
  return (
    <dl className="key-help" data-testid="map-key-help">
      <dt>Enter</dt>
      <dd>tambah proses di kelompok yang sama</dd>
      <dt>Tab</dt>
      <dd>tambah sub proses</dd>
      <dt>Spasi / klik dua kali</dt>
      <dd>buka peta sub proses</dd>
      <dt>F2</dt>
      <dd>ubah nama proses</dd>
      <dt>Alt+← / Alt+→</dt>
      <dd>geser urutan</dd>
      <dt>Delete</dt>
      <dd>hapus proses</dd>
      <dt>Esc</dt>
      <dd>naik ke peta induk</dd>
    </dl>
  );
}

function ProcessPanel({ process: p, view }: { process: Process; view: DocumentView }) {
  const doc = view.document;
  const readOnly = isReadOnly(view);
  const patch = (change: (p: Process) => Process | null) => void editor.patchProcess(p.id, change);
  const parent = p.parent ? processById(doc, p.parent) : undefined;
  const subs = processesAt(doc, p.id);
  const flows = flowsOf(doc, p.id);
  const nodes = doc.tree.nodes ?? [];
  const served = (p.nodes ?? []).map((id) => ({ id, node: nodes.find((n) => n.id === id) }));
  const findings = useMemo(() => findingsAbout(view, (t) => "process" in t && t.process === p.id), [view, p.id]);
  return (
    <div className="process-panel" data-testid="process-panel">
      <div className="panel-head">
        <span className={`category-chip ${p.category}`}>{CATEGORY_LABEL[p.category]}</span>
        <span className="muted">{p.id}</span>
      </div>
      <label className="field">
        <span>Nama proses</span>
        <CommitField multiline rows={2} label="Nama proses" value={p.name} onCommit={(v) => v.trim() && patch((x) => ({ ...x, name: v.trim() }))} testId="process-name" disabled={readOnly} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Kategori</span>
          <select value={p.category} disabled={readOnly} onChange={(e) => {
            const category = e.target.value as ProcessCategory; // read now, not when the queued edit runs
            void patch((x) => ({ ...x, category }));
          }} data-testid="process-category">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                Proses {CATEGORY_LABEL[c].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Induk (peta sub proses)</span>
          <select value={p.parent ?? ""} disabled={readOnly} onChange={(e) => {
            const parent = e.target.value || undefined; // read now, not when the queued edit runs
            void patch((x) => ({ ...x, parent }));
          }} data-testid="process-parent">
            <option value="">— level 0 —</option>
            {allProcesses(doc)
              .filter((x) => x.id !== p.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {shorten(x.name, 40)}
                </option>
              ))}
          </select>
        </label>
      </div>
      <div className="node-actions" role="group" aria-label="Tindakan proses">
        <button type="button" onClick={() => editor.openProcessMap(p.id)} data-testid="process-open-sub" title="Buka peta sub proses (Spasi)">
          Peta sub proses ({subs.length})
        </button>
        <button type="button" onClick={() => editor.requestAddProcess(p.category, p.id)} disabled={readOnly} data-testid="process-add-sub" title="Tambah sub proses (Tab)">
          + Sub proses
        </button>
        <button type="button" onClick={() => void editor.moveProcess(-1, p.id)} disabled={readOnly} title="Geser ke depan (Alt+←)">
          ◀
        </button>
        <button type="button" onClick={() => void editor.moveProcess(1, p.id)} disabled={readOnly} title="Geser ke belakang (Alt+→)">
          ▶
        </button>
        <button type="button" className="danger" onClick={() => editor.requestDeleteProcess(p.id)} disabled={readOnly} data-testid="process-delete">
          Hapus
        </button>
      </div>
      {parent && (
        <p className="muted">
          Sub proses dari{" "}
          <button type="button" className="link" onClick={() => editor.revealProcess(parent.id)}>
            {shorten(parent.name, 60)}
          </button>
        </p>
      )}
      <FindingList findings={findings} testId="process-findings" />

      <section className="panel-section">
        <h3>Unit pelaksana (Peta Relasi)</h3>
        {(doc.units ?? []).length === 0 && <p className="muted">Belum ada unit kerja. Isi dulu Struktur organisasi.</p>}
        <ul className="plain checks" data-testid="process-owners">
          {(doc.units ?? []).map((u) => (
            <li key={u.id}>
              <label>
                <input type="checkbox" checked={(p.owners ?? []).includes(u.id)} disabled={readOnly} onChange={() => void editor.toggleOwner(p.id, u.id)} data-testid={`process-owner-${u.id}`} />{" "}
                {unitLabel(u)}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel-section">
        <h3>Melayani simpul pohon kinerja</h3>
        {served.length === 0 && <p className="muted">Belum dikaitkan ke simpul mana pun (B001).</p>}
        <ul className="plain" data-testid="process-nodes">
          {served.map(({ id, node }) => (
            <li key={id} className="served">
              <button type="button" className="link" onClick={() => void editor.reveal(id)} data-testid={`process-node-${id}`} title="Tampilkan di pohon kinerja">
                {node ? shorten(node.statement, 70) : `${id} (tidak ada)`}
              </button>
              <button type="button" className="icon" disabled={readOnly} onClick={() => void editor.unlinkProcessFromNode(p.id, id)} aria-label={`Lepas kaitan ke ${id}`} data-testid={`process-unlink-${id}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <button type="button" disabled={readOnly} onClick={() => editor.startPickNode(p.id)} data-testid="process-pick-node" title="Tampilkan pohon kinerja dan klik simpul yang dilayani proses ini">
          Pilih di pohon…
        </button>
        <label className="field">
          <span>atau kaitkan ke simpul dari daftar</span>
          <select
            value=""
            disabled={readOnly}
            data-testid="process-link-node"
            onChange={(e) => {
              if (e.target.value) void editor.linkProcessToNode(p.id, e.target.value);
            }}
          >
            <option value="">— pilih simpul pohon —</option>
            {nodes
              .filter((n) => !(p.nodes ?? []).includes(n.id))
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {`${"\u00a0\u00a0".repeat(n.level)}${n.id} — ${shorten(n.statement, 70)}`}
                </option>
              ))}
          </select>
        </label>
      </section>

      <section className="panel-section">
        <h3>Peta lintas fungsi</h3>
        <ul className="plain" data-testid="process-flows">
          {flows.map((f) => (
            <li key={f.id}>
              <button type="button" className="link" onClick={() => editor.openFlow(f.id)} data-testid={`process-flow-${f.id}`}>
                {f.name} ({f.steps.length} langkah)
              </button>
            </li>
          ))}
        </ul>
        <button type="button" disabled={readOnly} onClick={() => void editor.addFlow(p.id)} data-testid="process-add-flow">
          + Peta lintas fungsi
        </button>
      </section>
    </div>
  );
}

/** "Proses bisnis" in the node panel: the processes serving the node, shown both ways. */
export function ServingProcesses({ doc, nodeId }: { doc: Document; nodeId: string }) {
  const serving = processesServing(doc, nodeId);
  return (
    <section className="panel-section" data-testid="node-processes">
      <h3>Dilayani proses bisnis</h3>
      {serving.length === 0 ? (
        <p className="muted">Belum ada proses bisnis yang dikaitkan ke simpul ini.</p>
      ) : (
        <ul className="plain">
          {serving.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => editor.revealProcess(p.id)} data-testid={`node-process-${p.id}`}>
                {p.name}
              </button>{" "}
              <span className="muted">({CATEGORY_LABEL[p.category].toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FlowPanel({ flow, view }: { flow: Flow; view: DocumentView }) {
  const doc = view.document;
  const readOnly = isReadOnly(view);
  const units = doc.units ?? [];
  const findings = useMemo(() => findingsAbout(view, (t) => "flow" in t && t.flow === flow.id), [view, flow.id]);
  return (
    <div className="flow-panel" data-testid="flow-panel">
      <h2>Peta lintas fungsi</h2>
      <label className="field">
        <span>Nama</span>
        <CommitField label="Nama peta" value={flow.name} onCommit={(v) => v.trim() && void editor.patchFlow((f) => ({ ...f, name: v.trim() }))} testId="flow-name" disabled={readOnly} />
      </label>
      <div className="field-row">
        <label className="field narrow">
          <span>Nomor SOP</span>
          <CommitField label="Nomor SOP" value={flow.number ?? ""} onCommit={(v) => void editor.patchFlow((f) => ({ ...f, number: v.trim() }))} testId="flow-number" disabled={readOnly} />
        </label>
        <label className="field">
          <span>Merinci proses</span>
          <select value={flow.process ?? ""} disabled={readOnly} onChange={(e) => {
            const process = e.target.value || undefined; // read now, not when the queued edit runs
            void editor.patchFlow((f) => ({ ...f, process }));
          }} data-testid="flow-process">
            <option value="">— tidak ada —</option>
            {allProcesses(doc).map((p) => (
              <option key={p.id} value={p.id}>
                {shorten(p.name, 50)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FindingList findings={findings} testId="flow-findings" />
      <section className="panel-section">
        <h3>Pelaksana (jalur, kiri ke kanan)</h3>
        <ol className="lanes" data-testid="flow-lanes">
          {flow.lanes.map((lane, i) => (
            <li key={lane} data-testid={`flow-lane-${lane}`}>
              <span className="lane-name">{unitName(doc, lane)}</span>
              <span className="muted"> ({flow.steps.filter((s) => s.lane === lane).length} langkah)</span>
              <span className="lane-actions">
                <button type="button" className="icon" disabled={readOnly || i === 0} onClick={() => void editor.moveLane(lane, -1)} aria-label={`Geser ${unitName(doc, lane)} ke kiri`} data-testid={`lane-left-${lane}`}>
                  ◀
                </button>
                <button type="button" className="icon" disabled={readOnly || i === flow.lanes.length - 1} onClick={() => void editor.moveLane(lane, 1)} aria-label={`Geser ${unitName(doc, lane)} ke kanan`} data-testid={`lane-right-${lane}`}>
                  ▶
                </button>
                <button type="button" className="icon" disabled={readOnly} onClick={() => void editor.removeLane(lane)} aria-label={`Hapus pelaksana ${unitName(doc, lane)}`} data-testid={`lane-remove-${lane}`}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
        <label className="field">
          <span>Tambah pelaksana</span>
          <select value="" disabled={readOnly} onChange={(e) => e.target.value && void editor.addLane(e.target.value)} data-testid="flow-add-lane">
            <option value="">— pilih unit kerja —</option>
            {units
              .filter((u) => !flow.lanes.includes(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(u)}
                </option>
              ))}
          </select>
        </label>
      </section>
      <SopHeader flow={flow} readOnly={readOnly} />
      <p className="muted">Pilih sebuah baris untuk mengubah langkahnya; klik dua kali pada sel untuk mengetik langsung di tabel. Seret simbol ke kolom pelaksana lain untuk memindahkannya.</p>
      <FlowKeyHelp />
      <button type="button" className="danger" disabled={readOnly} onClick={() => editor.requestDeleteFlow(flow.id)} data-testid="flow-delete">
        Hapus peta ini
      </button>
    </div>
  );
}

type HeaderList = "legal_basis" | "qualification" | "equipment" | "records" | "related";
type HeaderDate = "created" | "revised" | "effective";

const HEADER_LISTS: [HeaderList, string][] = [
  ["legal_basis", "Dasar hukum"],
  ["qualification", "Kualifikasi pelaksana"],
  ["equipment", "Peralatan / perlengkapan"],
  ["records", "Pencatatan dan pendataan"],
  ["related", "Keterkaitan (SOP terkait)"],
];

const HEADER_DATES: [HeaderDate, string][] = [
  ["created", "Tanggal pembuatan"],
  ["revised", "Tanggal revisi"],
  ["effective", "Tanggal efektif"],
];

const APPROVAL_FIELDS: [keyof Approval, string, string][] = [
  ["position", "Jabatan", "Kepala Badan Kepegawaian Daerah"],
  ["name", "Nama", ""],
  ["nip", "NIP", "19700101 199503 1 001"],
];

/** The SOP header block printed above the flow: its dates and who approved it (the SOP-AP form), lists one item per line, and the warning. */
function SopHeader({ flow, readOnly }: { flow: Flow; readOnly: boolean }) {
  const header = flow.header ?? {};
  const [dateProblem, setDateProblem] = useState<Partial<Record<HeaderDate, string>>>({});
  const patch = (change: FlowHeader) => editor.patchFlow((f) => ({ ...f, header: cleanHeader({ ...(f.header ?? {}), ...change }) }));
  const commitDate = (key: HeaderDate, text: string) => {
    const t = text.trim();
    const iso = t === "" ? "" : isoDate(t);
    if (iso === null) {
      setDateProblem((p) => ({ ...p, [key]: "Tanggal tidak dikenal; tulis mis. 20-01-2024 atau 2024-01-20" }));
      return Promise.resolve(null);
    }
    setDateProblem((p) => ({ ...p, [key]: undefined }));
    return patch({ [key]: iso });
  };
  return (
    <details className="panel-section sop-header" data-testid="flow-header">
      <summary>
        <h3>Kepala SOP</h3>
      </summary>
      {HEADER_DATES.map(([key, label]) => (
        <label className="field" key={key}>
          <span>{label}</span>
          <CommitField label={label} value={header[key] ?? ""} placeholder="20-01-2024" onCommit={(v) => commitDate(key, v)} testId={`flow-header-${key}`} disabled={readOnly} />
          {dateProblem[key] ? (
            <span className="field-problem" data-testid={`flow-header-${key}-error`}>
              {dateProblem[key]}
            </span>
          ) : (
            header[key] && <span className="muted small" data-testid={`flow-header-${key}-shown`}>{formatDate(header[key]!)}</span>
          )}
        </label>
      ))}
      <label className="field narrow">
        <span>Revisi ke-</span>
        <CommitField
          label="Revisi ke-"
          value={header.revision ? String(header.revision) : ""}
          inputMode="numeric"
          onCommit={(v) => {
            const n = v.trim() === "" ? 0 : Number(v.trim());
            return Number.isInteger(n) && n >= 0 ? patch({ revision: n }) : Promise.resolve(null);
          }}
          testId="flow-header-revision"
          disabled={readOnly}
        />
      </label>
      <h4>Disahkan oleh</h4>
      {APPROVAL_FIELDS.map(([key, label, placeholder]) => (
        <label className="field" key={key}>
          <span>{label}</span>
          <CommitField
            label={`Disahkan oleh: ${label}`}
            value={header.approved_by?.[key] ?? ""}
            placeholder={placeholder}
            onCommit={(v) => patch({ approved_by: { ...(header.approved_by ?? {}), [key]: v.trim() } })}
            testId={`flow-header-approved-${key}`}
            disabled={readOnly}
          />
        </label>
      ))}
      {HEADER_LISTS.map(([key, label]) => (
        <label className="field" key={key}>
          <span>
            {label} <em>(satu per baris)</em>
          </span>
          <CommitField multiline newlines rows={2} label={label} value={(header[key] ?? []).join("\n")} onCommit={(v) => patch({ [key]: linesToList(v) })} testId={`flow-header-${key}`} disabled={readOnly} />
        </label>
      ))}
      <label className="field">
        <span>Peringatan</span>
        <CommitField multiline rows={2} label="Peringatan" value={header.warning ?? ""} onCommit={(v) => patch({ warning: v.trim() })} testId="flow-header-warning" disabled={readOnly} />
      </label>
    </details>
  );
}

/** Drops empty parts, as the core writes the header back. */
function cleanHeader(h: FlowHeader): FlowHeader | undefined {
  const out: FlowHeader = {};
  for (const [key] of HEADER_LISTS) if (h[key]?.length) out[key] = h[key];
  if (h.warning) out.warning = h.warning;
  for (const [key] of HEADER_DATES) if (h[key]) out[key] = h[key];
  if (h.revision) out.revision = h.revision;
  const approved: Approval = {};
  for (const [key] of APPROVAL_FIELDS) if (h.approved_by?.[key]) approved[key] = h.approved_by[key];
  if (Object.keys(approved).length) out.approved_by = approved;
  return Object.keys(out).length ? out : undefined;
}

function FlowKeyHelp() {
  return (
    <dl className="key-help" data-testid="flow-key-help">
      <dt>Enter / Shift+Enter</dt>
      <dd>tambah kegiatan sesudah / sebelum</dd>
      <dt>F2</dt>
      <dd>ketik uraian kegiatan</dd>
      <dt>↑ ↓</dt>
      <dd>pilih langkah</dd>
      <dt>Alt+↑ / Alt+↓</dt>
      <dd>ubah urutan</dd>
      <dt>Alt+← / Alt+→</dt>
      <dd>pindah pelaksana</dd>
      <dt>Delete</dt>
      <dd>hapus langkah</dd>
    </dl>
  );
}

/** One way on from a step: a select of the other steps. */
function WaySelect({ flow, step, value, label, testId, disabled, onChange }: { flow: Flow; step: Step; value: string | undefined; label: string; testId: string; disabled: boolean; onChange: (v: string | undefined) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <option value="">— tidak ada —</option>
        {flow.steps
          .filter((s) => s.id !== step.id)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {stepLabel(flow, s.id)}
            </option>
          ))}
      </select>
    </label>
  );
}

function StepPanel({ flow, step, view }: { flow: Flow; step: Step; view: DocumentView }) {
  const doc = view.document;
  const readOnly = isReadOnly(view);
  const patch = (change: (s: Step) => Step | null) => void editor.patchStep(step.id, change);
  const findings = useMemo(() => findingsAbout(view, (t) => "step" in t && t.step[0] === flow.id && t.step[1] === step.id), [view, flow.id, step.id]);
  const text = (field: "text" | "requirements" | "duration" | "output" | "note", label: string, multiline = false) => (
    <label className="field">
      <span>{label}</span>
      <CommitField multiline={multiline} rows={2} label={label} value={step[field] ?? ""} onCommit={(v) => patch((s) => ({ ...s, [field]: v.trim() }))} testId={`step-field-${field}`} disabled={readOnly} />
    </label>
  );
  const next = step.next ?? [];
  return (
    <div className="step-panel" data-testid="step-panel">
      <div className="panel-head">
        <span className="step-number" data-testid="step-panel-number">
          Langkah {stepNumber(flow, step.id)}
        </span>
        <span className="muted">
          {step.id} · {flow.name}
        </span>
      </div>
      {text("text", "Uraian kegiatan", true)}
      <div className="field-row">
        <label className="field">
          <span>Pelaksana</span>
          <select value={step.lane} disabled={readOnly} onChange={(e) => void editor.setStepLane(step.id, e.target.value)} data-testid="step-lane">
            {!flow.lanes.includes(step.lane) && <option value={step.lane}>{step.lane} (bukan jalur peta ini)</option>}
            {flow.lanes.map((l) => (
              <option key={l} value={l}>
                {unitName(doc, l)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Simbol</span>
          <select value={step.shape} disabled={readOnly} onChange={(e) => void editor.setStepShape(step.id, e.target.value as Shape)} data-testid="step-shape">
            {SHAPES.map((s) => (
              <option key={s} value={s}>
                {SHAPE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {step.shape === "decision" ? (
        <div className="field-row">
          <WaySelect flow={flow} step={step} value={step.yes} label="Jika Ya, lanjut ke" testId="step-yes" disabled={readOnly} onChange={(v) => patch((s) => ({ ...s, yes: v }))} />
          <WaySelect flow={flow} step={step} value={step.no} label="Jika Tidak, lanjut ke" testId="step-no" disabled={readOnly} onChange={(v) => patch((s) => ({ ...s, no: v }))} />
        </div>
      ) : step.shape !== "end" ? (
        <>
          <WaySelect
            flow={flow}
            step={step}
            value={next[0]}
            label="Lanjut ke"
            testId="step-next"
            disabled={readOnly}
            onChange={(v) => patch((s) => ({ ...s, next: withWay(s.next ?? [], 0, v) }))}
          />
          {/* Parallel ways on (rare in an SOP, kept when a document has them): one select each, and one to add. */}
          {next.slice(1).map((way, k) => (
            <WaySelect
              key={`${way}-${k}`}
              flow={flow}
              step={step}
              value={way}
              label={`Juga lanjut ke (${k + 2})`}
              testId={`step-next-${k + 1}`}
              disabled={readOnly}
              onChange={(v) => patch((s) => ({ ...s, next: withWay(s.next ?? [], k + 1, v) }))}
            />
          ))}
          {next.length > 0 && (
            <WaySelect
              flow={flow}
              step={step}
              value={undefined}
              label="Tambah cabang paralel"
              testId="step-next-add"
              disabled={readOnly}
              onChange={(v) => v && patch((s) => ({ ...s, next: withWay(s.next ?? [], (s.next ?? []).length, v) }))}
            />
          )}
        </>
      ) : (
        <p className="muted">Langkah selesai: tidak lanjut ke mana pun.</p>
      )}
      <FindingList findings={findings} testId="step-findings" />
      <section className="panel-section">
        <h3>Mutu baku</h3>
        {text("requirements", "Kelengkapan")}
        <div className="field-row">
          {text("duration", "Waktu")}
          {text("output", "Output")}
        </div>
        {text("note", "Keterangan", true)}
      </section>
      <div className="node-actions" role="group" aria-label="Tindakan langkah">
        <button type="button" disabled={readOnly} onClick={() => void editor.insertStep("process")} data-testid="step-add-after">
          + Kegiatan sesudah
        </button>
        <button type="button" disabled={readOnly} onClick={() => void editor.insertStep("decision")} data-testid="step-add-decision">
          + Keputusan sesudah
        </button>
        <button type="button" className="danger" disabled={readOnly} onClick={() => editor.requestDeleteStep(step.id)} data-testid="step-delete">
          Hapus
        </button>
      </div>
      <FlowKeyHelp />
    </div>
  );
}
