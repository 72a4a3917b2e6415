// The views rendered to HTML (no DOM needed): the test ids and the
// Indonesian text a WebDriver test reads are there.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ReactFlowProvider } from "@xyflow/react";
import { editor, initialState } from "./store";
import { FindingsPanel } from "./components/FindingsPanel";
import { SidePanel } from "./components/SidePanel";
import { StartScreen } from "./components/StartScreen";
import { MainScreen } from "./components/MainScreen";
import { ConfirmDialog, Toasts } from "./components/Overlays";
import { TreeBox, levelClass, polylinePath, type BoxNode } from "./components/TreeCanvas";
import { sampleDoc, sampleLayout, sampleView } from "./test/fixtures";
import type { NodeProps } from "@xyflow/react";

vi.mock("./api", () => ({ setWindowTitle: vi.fn(async () => undefined) }));

beforeEach(() => {
  editor.state = initialState();
});

function withIndicator() {
  const doc = sampleDoc();
  doc.tree.nodes![1] = {
    ...doc.tree.nodes![1],
    phenomenon: "Rendahnya indeks 52,68",
    indicators: [{ id: "i1", name: "Indeks Profesionalitas ASN", unit: "Indeks", direction: "up", baseline: { year: 2021, value: 52.68 }, targets: { "2025": 60, "2026": 97.81 } }],
    budget: { code: "5.03.01", name: "Program Kepegawaian Daerah", ceiling: 6850200218, spent: 6700000000 },
  };
  return sampleView(doc);
}

test("start screen: new, open, samples, recent files, the launch error", () => {
  editor.state = { ...initialState(), startError: "lumajang.pokin: berkas rusak", samples: [{ key: "lumajang-bkd", title: "Pohon Kinerja BKD Lumajang", agency: "BKD", government: "Kab. Lumajang" }], recent: ["/home/a/bkd.pokin"] };
  const html = renderToStaticMarkup(<StartScreen />);
  for (const id of ["start-new", "start-open", "sample-lumajang-bkd", "recent-0", "start-error"]) expect(html).toContain(`data-testid="${id}"`);
  expect(html).toContain("lumajang.pokin: berkas rusak");
  expect(html).toContain("Dokumen baru");
  expect(html).toContain("Buka berkas");
});

test("side panel of a node: statement, level and owner selects, indicators with a target per year, budget in rupiah", () => {
  editor.state = { ...initialState(), screen: "main", view: withIndicator(), selection: "n1" };
  const html = renderToStaticMarkup(<SidePanel />);
  for (const id of ["panel-statement", "panel-level", "panel-owner", "panel-phenomenon", "panel-rationale", "indicator-row-i1", "target-2025", "target-2026", "target-2027", "add-child", "add-sibling", "delete-node", "add-indicator", "budget-ceiling", "add-link"]) {
    expect(html).toContain(`data-testid="${id}"`);
  }
  expect(html).toContain('value="97,81"');
  expect(html).toContain('value="6.850.200.218"');
  expect(html).toContain('value="52,68"');
  expect(html).toContain("Serapan anggaran 97,81 %");
  expect(html).toContain(">1 — Sasaran<");
  expect(html).toContain("Kaban — Kepala Badan");
  expect(html).toContain("Permenpan RB 26/2020");
});

test("side panel without a selection shows the document; read-only disables the fields", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView(), selection: null };
  expect(renderToStaticMarkup(<SidePanel />)).toContain("Periode Renstra");
  editor.state = { ...initialState(), screen: "main", view: sampleView(undefined, { read_only: "versi baru" }), selection: "n1" };
  const html = renderToStaticMarkup(<SidePanel />);
  expect(html).toMatch(/data-testid="panel-statement"[^>]*disabled|disabled=""[^>]*data-testid="panel-statement"/);
});

test("findings panel: groups with counts, messages, hints, accepted findings marked", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView() };
  const html = renderToStaticMarkup(<FindingsPanel />);
  expect(html).toContain('data-testid="findings-panel"');
  expect(html).toContain("1 galat");
  expect(html).toContain("3 peringatan");
  expect(html).toContain("2 info");
  for (const label of [">Galat<", ">Peringatan<", ">Info<"]) expect(html).toContain(label);
  for (const id of ["finding-P007-0", "finding-P014-0", "finding-P014-1", "finding-P007-0-accept", "finding-P007-0-rule-off", "finding-P014-1-accepted", "finding-P014-1-unaccept"]) {
    expect(html).toContain(`data-testid="${id}"`);
  }
  expect(html).toContain("Saran: Tambahkan indikator.");
  expect(html).toContain("Diterima: Dikerjakan bersama");
  expect(html).toContain("Matikan aturan");
  expect(html).toContain("Terima temuan");
});

test("main screen: header with file name, read-only mark, toolbar", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView(undefined, { read_only: "versi baru", can_undo: true }), layout: sampleLayout() };
  const html = renderToStaticMarkup(<MainScreen />);
  for (const id of ["header-file", "header-readonly", "undo", "redo", "fit", "search", "units", "menu-file", "menu-edit", "menu-view", "findings-panel", "side-panel", "canvas", "summary"]) {
    expect(html).toContain(`data-testid="${id}"`);
  }
  expect(html).toContain("uji.pokin");
  expect(html).toContain("hanya-baca");
  expect(html).toContain("1 galat, 3 peringatan, 2 info");
});

test("a box: the core's lines, a badge with the count and worst severity, a collapse toggle", () => {
  const box = { ...sampleLayout().boxes[1], lines: ["Meningkatnya", "Profesionalitas ASN"], hidden_children: 2 };
  const props = {
    id: "n1",
    data: { box, badge: { count: 2, worst: "error" }, kind: "outcome", parent: true, collapsed: true, editing: false, readOnly: false },
    selected: true,
  } as unknown as NodeProps<BoxNode>;
  const html = renderToStaticMarkup(
    <ReactFlowProvider>
      <TreeBox {...props} />
    </ReactFlowProvider>,
  );
  expect(html).toContain('data-testid="node-n1"');
  expect(html).toContain("Meningkatnya\nProfesionalitas ASN");
  expect(html).toContain('data-testid="badge-n1"');
  expect(html).toContain("sev-error");
  expect(html).toContain('data-testid="toggle-n1"');
  expect(html).toContain("+2");
  expect(html).toContain("is-selected");
  expect(html).toContain("font-size:9px");
});

test("an outside box is marked as such", () => {
  const box = sampleLayout().boxes.find((b) => b.external)!;
  const props = { id: box.id, data: { box, badge: undefined, kind: "outcome", parent: false, collapsed: false, editing: false, readOnly: false }, selected: false } as unknown as NodeProps<BoxNode>;
  const html = renderToStaticMarkup(
    <ReactFlowProvider>
      <TreeBox {...props} />
    </ReactFlowProvider>,
  );
  expect(html).toContain("external");
  expect(html).toContain("Instansi lain");
  expect(html).not.toContain("toggle-");
});

test("confirm dialog and toasts", () => {
  editor.state = { ...initialState(), confirm: { title: "Hapus simpul", message: "Hapus? Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).", yes: "Hapus", onYes: () => undefined }, toasts: [{ id: 1, kind: "error", text: "Induknya harus di level 1" }] };
  const html = renderToStaticMarkup(
    <>
      <ConfirmDialog />
      <Toasts />
    </>,
  );
  expect(html).toContain('data-testid="confirm-yes"');
  expect(html).toContain('data-testid="confirm-no"');
  expect(html).toContain("Urungkan (Ctrl+Z)");
  expect(html).toContain('role="alert"');
  expect(html).toContain("Induknya harus di level 1");
});

test("helpers of the canvas", () => {
  expect(polylinePath([[0, 0], [10, 5], [10, 20]])).toBe("M0 0 L10 5 L10 20");
  expect(levelClass(9)).toBe("lv-1");
});
