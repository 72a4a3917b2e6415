import { useEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from "react";
import { SvgReviewMarks } from "./ReviewDialogs";
import { editor, FLOW_SCALE, useEditor, type StepField } from "../editor";
import { allFlows, processById, SHAPE_LABEL } from "../processes";
import { badgesBy, stepOf } from "../findings";
import { shorten } from "../model";
import { useRoom } from "./useRoom";
import { InPlaceEditor } from "./InPlaceEditor";
import type { FlowLayout, FlowSymbol, Step } from "../types";

/** Which field each text column of a row holds: No, Uraian, Kelengkapan, Waktu, Output, Keterangan. */
const CELL_FIELDS: (StepField | null)[] = [null, "text", "requirements", "duration", "output", "note"];
const FIELD_LABEL: Record<StepField, string> = { text: "Uraian kegiatan", requirements: "Kelengkapan", duration: "Waktu", output: "Output", note: "Keterangan" };

/** The columns that hold the row's texts, in the order of `Row.cells`. */
function textColumns(layout: FlowLayout): number[] {
  const n = layout.columns.length;
  return [0, 1, n - 4, n - 3, n - 2, n - 1];
}

/** A row's name for assistive tech: the step's number and text as the document holds them (not the wrapped cells). */
export function stepLabel(step: Step | undefined, shownNumber: string | undefined): string {
  const no = step?.number !== undefined ? String(step.number) : (shownNumber ?? "");
  return `Langkah ${no}: ${step?.text ?? ""}`;
}

/** A symbol's outline: capsule (start/end), diamond (decision), rectangle (process). */
function SymbolShape({ s, selected }: { s: FlowSymbol; selected: boolean }) {
  const common = { fill: selected ? "#eaf2fb" : "#fff", stroke: selected ? "#1f6fd1" : "#262626", strokeWidth: selected ? 1.4 : 0.8 };
  if (s.shape === "decision") {
    const { x, y, width: w, height: h } = s;
    return <polygon points={`${x + w / 2},${y} ${x + w},${y + h / 2} ${x + w / 2},${y + h} ${x},${y + h / 2}`} {...common} />;
  }
  const r = s.shape === "process" ? 0 : s.height / 2;
  return <rect x={s.x} y={s.y} width={s.width} height={s.height} rx={r} ry={r} {...common} />;
}

interface Drag {
  step: string;
  lane: string | null;
  row: string | null;
}

/** The Peta Lintas Fungsi of one flow in the SOP-AP form, from the core's layout; edited in place. */
export function FlowView() {
  const view = useEditor((s) => s.view)!;
  const flowId = useEditor((s) => s.flow);
  const layout = useEditor((s) => s.flowLayout);
  const selected = useEditor((s) => s.step);
  const editing = useEditor((s) => s.stepEditing);
  const room = useEditor((s) => s.flowWidth);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const doc = view.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const flows = allFlows(doc);
  const flow = flows.find((f) => f.id === flowId);
  // Once per report, not on every pointer move of a drag.
  const badges = useMemo(() => badgesBy(view.report, stepOf(flowId ?? "")), [view.report, flowId]);

  useRoom(box, (width) => editor.setFlowWidth(width));

  // The selected step stays in sight (after a finding, the keyboard or a new step).
  useEffect(() => {
    if (selected === null) return;
    const row = box.current?.querySelector(`[data-testid="step-row-${selected}"]`);
    (row as Element & { scrollIntoView?: (o: ScrollIntoViewOptions) => void } | null)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selected, layout]);

  const step = flow?.steps.find((s) => s.id === selected);
  const bar = (
    <div className="view-bar" role="toolbar" aria-label="Peta lintas fungsi">
      <label className="inline-field">
        <span>Peta</span>
        <select value={flowId ?? ""} onChange={(e) => editor.openFlow(e.target.value)} data-testid="flow-select" disabled={flows.length === 0}>
          {flows.length === 0 && <option value="">— belum ada —</option>}
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {shorten(f.name, 50)}
              {f.process ? ` — ${shorten(processById(doc, f.process)?.name ?? f.process, 30)}` : ""}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-sep" />
      <button type="button" disabled={!flow || readOnly} onClick={() => void editor.insertStep("process")} data-testid="flow-add-step" title="Tambah kegiatan sesudah langkah terpilih (Enter)">
        + Kegiatan
      </button>
      <button type="button" disabled={!flow || readOnly} onClick={() => void editor.insertStep("decision")} data-testid="flow-add-decision" title="Tambah keputusan (Ya/Tidak) sesudah langkah terpilih">
        + Keputusan
      </button>
      <button type="button" disabled={!step || readOnly} onClick={() => void editor.insertStep("process", true)} data-testid="flow-insert-before" title="Sisipkan kegiatan sebelum langkah terpilih (Shift+Enter)">
        Sisipkan sebelum
      </button>
      <span className="toolbar-sep" />
      <button type="button" disabled={!step || readOnly} onClick={() => void editor.moveStep(-1)} data-testid="flow-move-up" title="Naikkan urutan (Alt+↑)">
        ▲
      </button>
      <button type="button" disabled={!step || readOnly} onClick={() => void editor.moveStep(1)} data-testid="flow-move-down" title="Turunkan urutan (Alt+↓)">
        ▼
      </button>
      <button type="button" disabled={!step || readOnly} onClick={() => void editor.shiftLane(-1)} data-testid="flow-lane-left" title="Pindah ke pelaksana di kiri (Alt+←)">
        ◀ Pelaksana
      </button>
      <button type="button" disabled={!step || readOnly} onClick={() => void editor.shiftLane(1)} data-testid="flow-lane-right" title="Pindah ke pelaksana di kanan (Alt+→)">
        Pelaksana ▶
      </button>
      <button type="button" className="danger" disabled={!step || readOnly} onClick={() => editor.requestDeleteStep()} data-testid="flow-delete-step" title="Hapus langkah (Delete)">
        Hapus
      </button>
    </div>
  );

  if (!flow) {
    return (
      <div className="process-view" data-testid="flow-view" ref={box}>
        {bar}
        <p className="empty-note" data-testid="flow-empty">
          Belum ada peta lintas fungsi. Pilih sebuah proses di Peta Proses Bisnis, lalu “+ Peta lintas fungsi” di panel kanan.
        </p>
      </div>
    );
  }

  const top = layout?.header_height ?? 0;
  const tableWidth = layout ? Math.max(...layout.columns.map((c) => c.x + c.width)) : 0;
  // Drawn a little smaller where narrow lanes made the table wider than the room (down to 1.1 px per point).
  const S = tableWidth > 0 ? Math.min(FLOW_SCALE, Math.max(1.1, room / tableWidth)) : FLOW_SCALE;
  const bottom = layout ? Math.max(0, ...layout.rows.map((r) => r.y + r.height)) : 0;
  const cols = layout ? textColumns(layout) : [];

  /** The lane column and the row under a pointer, in layout points. */
  const hit = (e: ReactPointerEvent): { lane: string | null; row: string | null } => {
    const el = svg.current;
    if (!el || !layout) return { lane: null, row: null };
    const r = el.getBoundingClientRect();
    const x = (e.clientX - r.left) / S;
    const y = (e.clientY - r.top) / S - top;
    const column = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
    const row = layout.rows.find((w) => y >= w.y && y < w.y + w.height);
    return { lane: column?.lane ?? null, row: row?.step ?? null };
  };
  const endDrag = (e: ReactPointerEvent) => {
    if (!drag) return;
    const at = hit(e);
    setDrag(null);
    const s = flow.steps.find((x) => x.id === drag.step);
    if (!s) return;
    void editor.dragStep(s.id, at.lane && at.lane !== s.lane ? at.lane : null, at.row && at.row !== s.id ? at.row : null);
  };

  const editingRow = editing && layout?.rows.find((r) => r.step === editing.step);
  const editingCol = editing && layout ? layout.columns[cols[CELL_FIELDS.indexOf(editing.field)]] : undefined;
  const editingStep = editing && flow.steps.find((s) => s.id === editing.step);

  return (
    <div className="process-view" data-testid="flow-view">
      {bar}
      <div className="flow-scroll" ref={box}>
        <div className="flow-title" data-testid="flow-title">
          <strong>{flow.name}</strong>
          {flow.number && <span className="muted"> · {flow.number}</span>}
          {flow.process && <span className="muted"> · proses: {processById(doc, flow.process)?.name ?? flow.process}</span>}
        </div>
        {layout && (
          <div className="flow-sheet" style={{ width: tableWidth * S, height: (top + bottom + 4) * S }}>
            <svg
              ref={svg}
              width={tableWidth * S}
              height={(top + bottom + 4) * S}
              viewBox={`0 0 ${tableWidth} ${top + bottom + 4}`}
              className={drag ? "flow-svg dragging" : "flow-svg"}
              data-testid="flow-svg"
              onPointerMove={(e) => drag && setDrag({ ...drag, ...hit(e) })}
              onPointerUp={endDrag}
              onPointerLeave={() => setDrag(null)}
            >
              <rect x={0} y={0} width={tableWidth} height={top} fill="#ebebeb" stroke="#666" strokeWidth={0.5} />
              {layout.columns.map((c, k) => (
                <g key={k} data-testid={c.lane ? `lane-head-${c.lane}` : undefined}>
                  <line x1={c.x} y1={0} x2={c.x} y2={top + bottom} stroke="#8c8c8c" strokeWidth={0.4} />
                  <text x={c.x + c.width / 2} fontSize={layout.font_size} fontWeight={700} textAnchor="middle" fill="#1a1a1a">
                    {c.lines.map((line, i) => (
                      <tspan key={i} x={c.x + c.width / 2} y={4 + layout.font_size + i * layout.line_height}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              ))}
              {drag?.lane && drag.row && (() => {
                const c = layout.columns.find((x) => x.lane === drag.lane)!;
                const r = layout.rows.find((x) => x.step === drag.row)!;
                return <rect x={c.x} y={top + r.y} width={c.width} height={r.height} fill="#cfe2fa" opacity={0.7} />;
              })()}
              <g transform={`translate(0 ${top})`}>
                {layout.rows.map((row) => {
                  const isSel = row.step === selected;
                  const badge = badges.get(row.step);
                  return (
                    <g
                      key={row.step}
                      className="flow-row"
                      role="button"
                      aria-label={stepLabel(flow.steps.find((x) => x.id === row.step), row.cells[0][0])}
                      data-testid={`step-row-${row.step}`}
                      aria-selected={isSel}
                      onClick={() => editor.selectStep(row.step)}
                    >
                      <rect x={0} y={row.y} width={tableWidth} height={row.height} fill={isSel ? "#eaf2fb" : "#fff"} stroke="#8c8c8c" strokeWidth={0.4} />
                      {row.cells.map((lines, k) => {
                        const col = layout.columns[cols[k]];
                        const field = CELL_FIELDS[k];
                        return (
                          <g
                            key={k}
                            data-testid={field ? `step-${field}-${row.step}` : `step-no-${row.step}`}
                            onDoubleClick={() => field && editor.startStepEdit(field, row.step)}
                          >
                            <rect x={col.x} y={row.y} width={col.width} height={row.height} fill="transparent" />
                            <text fontSize={layout.font_size} fill="#1a1a1a">
                              {lines.map((line, i) => (
                                <tspan key={i} x={col.x + 4} y={row.y + 4 + layout.font_size + i * layout.line_height}>
                                  {line}
                                </tspan>
                              ))}
                            </text>
                          </g>
                        );
                      })}
                      {badge && (
                        <g className={`badge ${badge.worst}`} data-testid={`step-badge-${row.step}`}>
                          <circle cx={layout.columns[0].x + layout.columns[0].width - 6} cy={row.y + 7} r={4.8} />
                          <text x={layout.columns[0].x + layout.columns[0].width - 6} y={row.y + 9.2} fontSize={6} textAnchor="middle" fill="#fff" fontWeight={700}>
                            {badge.count}
                          </text>
                        </g>
                      )}
                    </g>
                  );
                })}
                {layout.arrows.map((a, k) => (
                  <g key={k} className="flow-arrow">
                    <polyline points={a.points.map((p) => p.join(",")).join(" ")} fill="none" stroke="#262626" strokeWidth={0.7} markerEnd={a.arrowhead ? "url(#flow-head)" : undefined} />
                    {a.label && (
                      <text x={a.points[0][0] + 2.5} y={a.points[0][1] + 8} fontSize={6} fontWeight={700} fill="#1f4f78">
                        {a.label}
                      </text>
                    )}
                  </g>
                ))}
                {layout.symbols.map((s) => (
                  <g
                    key={s.step}
                    className={readOnly ? "flow-symbol" : "flow-symbol draggable"}
                    data-testid={`step-symbol-${s.step}`}
                    data-shape={s.shape}
                    data-lane={flow.steps.find((x) => x.id === s.step)?.lane}
                    onClick={() => editor.selectStep(s.step)}
                    onPointerDown={(e) => {
                      if (readOnly || e.button !== 0) return;
                      e.preventDefault();
                      editor.selectStep(s.step);
                      setDrag({ step: s.step, lane: null, row: null });
                    }}
                  >
                    <title>{`${SHAPE_LABEL[s.shape]} — seret ke pelaksana atau baris lain untuk memindah`}</title>
                    <SymbolShape s={s} selected={s.step === selected} />
                  </g>
                ))}
                <SvgReviewMarks items={layout.rows.map((r) => ({ place: `step:${flow.id}/${r.step}`, x: 0, y: r.y, width: tableWidth, height: r.height }))} />
              </g>
              <defs>
                <marker id="flow-head" viewBox="0 0 6 6" refX="5.5" refY="3" markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse" orient="auto">
                  <path d="M0,0 L6,3 L0,6 z" fill="#262626" />
                </marker>
              </defs>
            </svg>
            {editing && editingRow && editingCol && editingStep && (
              <StepCellEditor
                key={`${editing.step}-${editing.field}`}
                step={editingStep}
                field={editing.field}
                style={{
                  left: editingCol.x * S,
                  top: (top + editingRow.y) * S,
                  width: Math.max(editingCol.width * S, 180),
                  minHeight: Math.max(editingRow.height * S, 60),
                }}
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** Typing a step's text in its cell: Enter keeps it, Escape puts back what was there. */
function StepCellEditor({ step, field, style }: { step: Step; field: StepField; style: CSSProperties }) {
  return (
    <InPlaceEditor
      className="cell-editor"
      style={style}
      initial={step[field] ?? ""}
      onCommit={(text) => void editor.commitStepEdit(step.id, field, text)}
      onCancel={() => editor.cancelStepEdit()}
      placeholder={field === "text" ? "Uraian kegiatan, mis. Memverifikasi berkas usulan" : FIELD_LABEL[field]}
      label={FIELD_LABEL[field]}
      testId="step-cell-editor"
    />
  );
}
