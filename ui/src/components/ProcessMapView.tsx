import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { SvgReviewMarks } from "./ReviewDialogs";
import { useRoom } from "./useRoom";
import { editor, MAP_SCALE, useEditor } from "../editor";
import { CATEGORIES, CATEGORY_LABEL, processById } from "../processes";
import { processBadges } from "../findings";
import { shorten } from "../model";
import type { ProcessCategory, ProcessMapLayout, TextBlock } from "../types";

type DropTarget = { process: string } | { band: ProcessCategory };

/** What lies under a point of the map (layout points): a process card, else a band. */
export function mapTargetAt(layout: ProcessMapLayout, x: number, y: number): DropTarget | null {
  const inside = (r: { x: number; y: number; width: number; height: number }) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
  const box = layout.boxes.find((b) => inside(b.rect));
  if (box) return { process: box.id };
  const band = layout.bands.find((b) => inside(b.rect));
  return band ? { band: band.category } : null;
}

interface Drag {
  id: string;
  x0: number;
  y0: number;
  moved: boolean;
  target: DropTarget | null;
}

export const CATEGORY_COLOUR: Record<ProcessCategory, string> = { management: "#7a1f2b", core: "#1f6b52", support: "#8a5900" };
const GOAL_COLOUR = "#1f4f78";

/** Wrapped lines from the core, drawn where the PDF draws them. */
export function Lines({ block, fill, testId }: { block: TextBlock; fill: string; testId?: string }) {
  const x = block.centred ? block.x + block.width / 2 : block.x;
  return (
    <text
      x={x}
      fontSize={block.size}
      fontWeight={block.bold ? 700 : 400}
      fill={fill}
      textAnchor={block.centred ? "middle" : "start"}
      data-testid={testId}
    >
      {block.lines.map((line, k) => (
        <tspan key={k} x={x} y={block.y + block.size + k * block.size * 1.25}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The Peta Proses Bisnis (level 0) or a process's Peta Sub Proses Bisnis, from the core's layout. */
export function ProcessMapView() {
  const view = useEditor((s) => s.view)!;
  const layout = useEditor((s) => s.mapLayout);
  const parent = useEditor((s) => s.mapParent);
  const selected = useEditor((s) => s.process);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  // The click that ends a drag is not a click on the empty map.
  const dropped = useRef(false);
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const doc = view.document;
  const parentProcess = parent !== null ? processById(doc, parent) : undefined;
  const badges = processBadges(view.report);

  useRoom(box, (width, height) => editor.setMapSize(Math.max(480, width), Math.max(360, height)));

  const sel = selected !== null ? processById(doc, selected) : undefined;
  /** The pointer in layout points. */
  const at = (e: ReactPointerEvent): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    return [(e.clientX - r.left) / MAP_SCALE, (e.clientY - r.top) / MAP_SCALE];
  };
  const onMove = (e: ReactPointerEvent) => {
    if (!drag || !layout) return;
    const moved = drag.moved || Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) > 4;
    setDrag({ ...drag, moved, target: moved ? mapTargetAt(layout, ...at(e)) : null });
  };
  const onUp = () => {
    if (!drag) return;
    setDrag(null);
    dropped.current = drag.moved;
    if (drag.moved && drag.target) void editor.dropProcess(drag.id, drag.target);
  };
  const dropRect =
    drag?.moved && drag.target && layout
      ? "process" in drag.target
        ? layout.boxes.find((b) => "process" in drag.target! && b.id === drag.target.process)?.rect
        : layout.bands.find((b) => "band" in drag.target! && b.category === drag.target.band)?.rect
      : undefined;
  return (
    <div className="process-view" data-testid="map-view">
      <div className="view-bar" role="toolbar" aria-label="Peta proses bisnis">
        <nav className="crumbs" aria-label="Letak peta">
          {parentProcess ? (
            <>
              <button type="button" className="link" onClick={() => editor.openProcessMap(parentProcess.parent ?? null, parentProcess.id)} data-testid="map-up">
                ↑ {parentProcess.parent ? "Sub proses induk" : "Level 0"}
              </button>
              <span data-testid="map-title">Peta Sub Proses Bisnis — {shorten(parentProcess.name, 60)}</span>
            </>
          ) : (
            <span data-testid="map-title">Peta Proses Bisnis (level 0)</span>
          )}
        </nav>
        <span className="toolbar-sep" />
        {CATEGORIES.map((c) => (
          <button key={c} type="button" disabled={readOnly} onClick={() => editor.requestAddProcess(c)} data-testid={`map-add-${c}`} title={`Tambah proses ${CATEGORY_LABEL[c].toLowerCase()}`}>
            + {CATEGORY_LABEL[c]}
          </button>
        ))}
        <span className="toolbar-sep" />
        <button type="button" disabled={!sel} onClick={() => sel && editor.openProcessMap(sel.id)} data-testid="map-open-sub" title="Buka peta sub proses (Spasi)">
          Sub proses
        </button>
        <button type="button" disabled={!sel || readOnly} onClick={() => void editor.moveProcess(-1)} data-testid="map-move-left" title="Geser ke depan (Alt+←)">
          ◀
        </button>
        <button type="button" disabled={!sel || readOnly} onClick={() => void editor.moveProcess(1)} data-testid="map-move-right" title="Geser ke belakang (Alt+→)">
          ▶
        </button>
        <button type="button" className="danger" disabled={!sel || readOnly} onClick={() => editor.requestDeleteProcess()} data-testid="map-delete" title="Hapus proses (Delete)">
          Hapus
        </button>
      </div>
      <div
        className="map-scroll"
        ref={box}
        onClick={() => {
          if (!dropped.current) editor.selectProcess(null);
          dropped.current = false;
        }}
      >
        {layout && (
          <svg
            ref={svg}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerLeave={() => setDrag(null)}
            className={drag?.moved ? "process-map dragging" : "process-map"}
            width={layout.width * MAP_SCALE}
            height={layout.height * MAP_SCALE}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            data-testid="map-svg"
            role="img"
            aria-label={parentProcess ? `Peta sub proses ${parentProcess.name}` : "Peta proses bisnis level 0"}
          >
            <rect {...layout.goal} fill={GOAL_COLOUR} />
            <Lines block={layout.goal_text} fill="#fff" testId="map-goal" />
            {(parentProcess ? parentProcess.name : (doc.processes?.map?.goal ?? "")).trim() === "" && (
              <text x={layout.goal.width / 2} y={layout.goal.height / 2 + 3.5} fontSize={9} fill="#dce7f2" textAnchor="middle" fontStyle="italic">
                Tujuan (kinerja utama) belum diisi — isi di panel kanan
              </text>
            )}
            {[layout.inputs, layout.outputs].map(
              (panel) =>
                panel && (
                  <g key={panel.title} data-testid={`map-${panel.title.toLowerCase()}`}>
                    <rect {...panel.rect} fill="#f5f5f5" stroke="#999" strokeWidth={0.6} />
                    <text x={panel.rect.x + 8} y={panel.rect.y + 16} fontSize={9} fontWeight={700} fill={GOAL_COLOUR}>
                      {panel.title}
                    </text>
                    {panel.items.map((item, k) => (
                      <Lines key={k} block={item} fill="#1a1a1a" />
                    ))}
                  </g>
                ),
            )}
            {layout.arrows.map(([[x0, y0], [x1]], k) => (
              <g key={k}>
                <line x1={x0} y1={y0} x2={x1} y2={y0} stroke="#4d4d4d" strokeWidth={1.2} />
                <polygon points={`${x1},${y0} ${x1 - 6},${y0 - 3.5} ${x1 - 6},${y0 + 3.5}`} fill="#4d4d4d" />
              </g>
            ))}
            {layout.bands.map((band) => (
              <g key={band.category} data-testid={`map-band-${band.category}`}>
                <rect {...band.rect} fill="#fcfcfc" stroke={CATEGORY_COLOUR[band.category]} strokeWidth={0.8} />
                <text x={band.rect.x + 8} y={band.rect.y + 14} fontSize={8.5} fontWeight={700} fill={CATEGORY_COLOUR[band.category]}>
                  {band.title}
                </text>
                {!layout.boxes.some((b) => b.category === band.category) && (
                  <text className="map-hint" x={band.rect.x + band.rect.width / 2} y={band.rect.y + band.rect.height / 2 + 4} textAnchor="middle">
                    Belum ada proses {CATEGORY_LABEL[band.category].toLowerCase()} — tambahkan dengan “+ {CATEGORY_LABEL[band.category]}”
                  </text>
                )}
              </g>
            ))}
            {layout.boxes.map((b) => {
              const badge = badges.get(b.id);
              const isSel = b.id === selected;
              return (
                <g
                  key={b.id}
                  className="process-box"
                  role="button"
                  aria-label={processById(doc, b.id)?.name ?? b.id}
                  data-testid={`process-${b.id}`}
                  aria-selected={isSel}
                  onClick={(e) => {
                    e.stopPropagation();
                    editor.selectProcess(b.id);
                  }}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    editor.openProcessMap(b.id);
                  }}
                  onPointerDown={(e) => {
                    if (readOnly || e.button !== 0) return;
                    e.preventDefault(); // a drag, not a text selection
                    editor.selectProcess(b.id);
                    setDrag({ id: b.id, x0: e.clientX, y0: e.clientY, moved: false, target: null });
                  }}
                >
                  <rect {...b.rect} fill={isSel ? "#eaf2fb" : "#fff"} stroke={isSel ? "#1f6fd1" : "#808080"} strokeWidth={isSel ? 1.6 : 0.6} />
                  <Lines block={b.name} fill="#1a1a1a" />
                  {b.subs_note && <Lines block={b.subs_note} fill="#444" />}
                  {badge && (
                    <g className={`badge ${badge.worst}`} data-testid={`process-badge-${b.id}`}>
                      <circle cx={b.rect.x + b.rect.width - 6} cy={b.rect.y + 6} r={5.5} />
                      <text x={b.rect.x + b.rect.width - 6} y={b.rect.y + 8.3} fontSize={6.5} textAnchor="middle" fill="#fff" fontWeight={700}>
                        {badge.count}
                      </text>
                    </g>
                  )}
                </g>
              );
            })}
            {dropRect && <rect className="drop-target" x={dropRect.x - 2} y={dropRect.y - 2} width={dropRect.width + 4} height={dropRect.height + 4} />}
            <SvgReviewMarks items={layout.boxes.map((b) => ({ place: `process:${b.id}`, ...b.rect }))} />
          </svg>
        )}
      </div>
    </div>
  );
}
