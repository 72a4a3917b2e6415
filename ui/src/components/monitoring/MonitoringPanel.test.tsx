// The Tabel monitoring, the capaian legend and a box in the capaian view, rendered to HTML (no DOM).
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ReactFlowProvider } from "@xyflow/react";
import { editor, initialState } from "../../editor";
import { initialMonitoring } from "../../editor/monitoring";
import { sampleDoc, sampleView } from "../../test/fixtures";
import { capaianReport } from "../../test/monitoring";
import { buildNodes, TreeBox } from "../TreeCanvas";
import type { LayoutBox, TreeLayout } from "../../types";
import { CapaianLegend } from "./CapaianLegend";
import { MonitoringPanel } from "./MonitoringPanel";

vi.mock("../../api", () => import("../../test/apiMock"));

function docWithRealisasi() {
  const doc = sampleDoc();
  const n1 = doc.tree.nodes!.find((n) => n.id === "n1")!;
  n1.indicators = [
    { id: "i1", name: "Indeks Profesionalitas ASN", unit: "Poin", targets: { "2025": 64 }, actuals: { "2025": 80 } },
    { id: "i2", name: "Indeks Merit", unit: "Poin", targets: { "2025": 210 }, pk_targets: { "2025": 200 } },
  ];
  doc.tree.nodes!.find((n) => n.id === "n3")!.budget = { ceiling: 1_000_000, spent: 900_000 };
  return doc;
}

function show(patch: Partial<ReturnType<typeof initialMonitoring>> = {}) {
  const view = sampleView(docWithRealisasi());
  editor.state = { ...initialState(), screen: "main", view, capaianYear: 2025, capaian: capaianReport(), capaianView: view };
  editor.monitoring.state = { ...initialMonitoring(), open: true, ...patch };
}

/** The element with `testId`, opening tag to its text. */
function cell(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  expect(at).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<", at), html.indexOf("</", at));
}

afterEach(() => {
  editor.state = initialState();
  editor.monitoring.state = initialMonitoring();
});

describe("the Tabel monitoring", () => {
  test("the columns, the rows grouped by node, the PK target marked, the core's capaian and category", () => {
    show();
    const html = renderToStaticMarkup(<MonitoringPanel />);
    for (const h of ["Indikator", "Satuan", "Target", "Realisasi tahunan", "TW I", "TW II", "TW III", "TW IV", "% Capaian", "Kategori", "Catatan"]) expect(html).toContain(`>${h}</th>`);
    expect(html.match(/data-testid="mon-group-n1"/g)?.length).toBe(1);
    expect(cell(html, "mon-capaian-n1-i1")).toMatch(/>125 %$/);
    expect(cell(html, "mon-category-n1-i1")).toContain('data-category="Sangat Tinggi"');
    expect(cell(html, "mon-target-n1-i2")).toContain(">PK");
    expect(cell(html, "mon-cell-n1-i1-actual")).toMatch(/>80$/);
    // No capaian: "–", why as the tooltip.
    expect(cell(html, "mon-capaian-n1-i2")).toMatch(/title="Belum ada realisasi"[^>]*>–$/);
    expect(cell(html, "mon-cell-n1-i1-actual")).toContain('aria-selected="true"');
  });

  test("where the core gives a reason, it is the tooltip of the dash", () => {
    show();
    const report = capaianReport();
    report.indicators[1] = { ...report.indicators[1], realisasi: "WTP", reason: "target bukan angka" };
    editor.state = { ...editor.state, capaian: report };
    expect(cell(renderToStaticMarkup(<MonitoringPanel />), "mon-capaian-n1-i2")).toMatch(/title="target bukan angka"[^>]*>–$/);
  });

  test("the core writes an absent figure as null: drawn as absent", () => {
    show();
    const json = JSON.parse(JSON.stringify(capaianReport(), (_k, v) => (v === undefined ? null : v)));
    json.categories[4].min = null;
    json.indicators[1] = { ...json.indicators[1], realisasi: null, capaian: null, category: null, reason: null };
    json.budget.serapan = null;
    editor.state = { ...editor.state, capaian: json };
    const html = renderToStaticMarkup(<MonitoringPanel />);
    expect(cell(html, "mon-capaian-n1-i2")).toMatch(/title="Belum ada realisasi"[^>]*>–$/);
    expect(cell(html, "mon-category-n1-i2")).not.toContain("data-category");
    const legend = renderToStaticMarkup(<CapaianLegend />);
    expect(legend).toContain("Sangat Rendah");
    expect(legend).not.toContain("capaian-budget-serapan");
  });

  test("while a cell is typed: the field, and the capaian the core previews for the typed value", () => {
    show({ cursor: { row: 1, col: 0 }, editing: { section: "indicators", row: "n1/i2", col: "actual", text: "190" }, preview: { row: "n1/i2", col: "actual", text: "190", result: { node: "n1", indicator: "i2", capaian: 95, category: 0, quarters: [] } } });
    const html = renderToStaticMarkup(<MonitoringPanel />);
    expect(html).toContain('data-testid="mon-input"');
    expect(html).toContain('value="190"');
    expect(cell(html, "mon-capaian-n1-i2")).toMatch(/preview[^>]*>95 %$/);
  });

  test("the budget tab: each node with its own budget, its serapan, the total", () => {
    show({ section: "budget" });
    const html = renderToStaticMarkup(<MonitoringPanel />);
    expect(cell(html, "mon-ceiling-n3")).toMatch(/>1\.000\.000$/);
    expect(cell(html, "mon-spent-n3")).toMatch(/>900\.000$/);
    expect(cell(html, "mon-serapan-n3")).toMatch(/>90 %$/);
    expect(html).toContain('data-testid="mon-budget-total"');
  });

  test("the legend: the categories with their colours, the document's budget", () => {
    show();
    const html = renderToStaticMarkup(<CapaianLegend />);
    expect(html).toContain("Sangat Tinggi");
    expect(html).toContain("background:#1e7b34");
    expect(cell(html, "capaian-budget-spent")).toMatch(/>Rp 900\.000$/);
    expect(cell(html, "capaian-budget-serapan")).toMatch(/>90 %$/);
    editor.state = { ...editor.state, capaianYear: null };
    expect(renderToStaticMarkup(<CapaianLegend />)).toBe("");
  });
});

describe("a box in the capaian view", () => {
  const box = (patch: Partial<LayoutBox> = {}): LayoutBox => ({
    id: "n1", level: 1, x: 0, y: 0, width: 150, height: 60, lines: ["Meningkatnya", "Profesionalitas ASN"], font_size: 8, line_height: 10, padding: 6,
    notes: ["Capaian 2025: 125 % · Sangat Tinggi", "Pagu cabang 1.000.000"], fill: "#1e7b34", note_size: 6.5, note_line_height: 8.125, hidden_children: 0, external: false, ...patch,
  });

  test("its category's colour and its notes under the statement, as printed", () => {
    const data = { box: box(), statement: "Meningkatnya Profesionalitas ASN", badge: undefined, kind: undefined, parent: false, collapsed: false, editing: false, readOnly: false };
    const html = renderToStaticMarkup(
      <ReactFlowProvider>
        <TreeBox {...({ id: "n1", data, selected: false } as unknown as Parameters<typeof TreeBox>[0])} />
      </ReactFlowProvider>,
    );
    expect(html).toContain('data-fill="#1e7b34"');
    expect(html).toContain("has-fill");
    expect(html).toContain("--fill:#1e7b34");
    expect(cell(html, "notes-n1")).toContain("Capaian 2025: 125 % · Sangat Tinggi\nPagu cabang 1.000.000");
    // Top: padding + two lines + the core's gap.
    expect(cell(html, "notes-n1")).toContain("top:30px");
  });

  test("a box whose notes or colour changed is drawn again; an unchanged one keeps its node", () => {
    const layout = (b: LayoutBox): TreeLayout => ({ width: 200, height: 100, bands: [], boxes: [b], edges: [] });
    const build = (b: LayoutBox, previous?: Map<string, ReturnType<typeof buildNodes>[number]>) =>
      buildNodes(layout(b), new Map(), () => "S", () => false, [], new Set(), false, previous);
    const [first] = build(box());
    const keep = new Map([["n1", first]]);
    expect(build(box(), keep)[0]).toBe(first);
    expect(build(box({ notes: ["Capaian 2025: 60 % · Rendah"] }), keep)[0]).not.toBe(first);
    expect(build(box({ fill: "#ef8a2c" }), keep)[0]).not.toBe(first);
    expect(build(box({ fill: undefined }), keep)[0]).not.toBe(first);
  });
});
