// The views rendered to HTML (no DOM needed): the test ids and the
// Indonesian text a WebDriver test reads are there.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ReactFlowProvider } from "@xyflow/react";
import { editor, initialState } from "./editor";
import { FindingsPanel } from "./components/panels/FindingsPanel";
import { SidePanel } from "./components/panels/SidePanel";
import { StartScreen } from "./components/StartScreen";
import { MainScreen } from "./components/MainScreen";
import { ConfirmDialog, Toasts } from "./components/Overlays";
import { PrintDialog } from "./components/PrintDialog";
import { TreeBox, levelClass, polylinePath, type BoxNode } from "./components/TreeCanvas";
import { sampleDoc, sampleLayout, sampleProcesses, sampleView } from "./test/fixtures";
import type { NodeProps } from "@xyflow/react";
import type { Finding, FlowLayout } from "./types";
import { loadRules } from "./components/RulesDialog";

vi.mock("./api", () => ({
  setWindowTitle: vi.fn(async () => undefined),
  // The rule catalogue with the phrases the findings panel counts with (the core's `group`).
  listRules: vi.fn(async () => [
    { id: "P007", title: "Kondisi tanpa indikator", group: "kondisi tanpa indikator", default: "error" },
    { id: "P014", title: "Simpul tanpa penanggung jawab", group: "simpul tanpa penanggung jawab", default: "warning" },
    { id: "P016", title: "Keterkaitan tanpa justifikasi", group: "keterkaitan tanpa justifikasi", default: "info" },
  ]),
}));

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
  expect(html).toContain("1 kesalahan");
  expect(html).toContain("3 peringatan");
  expect(html).toContain("2 info");
  for (const label of [">Kesalahan<", ">Peringatan<", ">Info<"]) expect(html).toContain(label);
  for (const id of ["finding-P007-0", "finding-P014-0", "finding-P014-1", "finding-P007-0-accept", "finding-P007-0-rule-off", "finding-P014-1-accepted", "finding-P014-1-unaccept"]) {
    expect(html).toContain(`data-testid="${id}"`);
  }
  expect(html).toContain("Saran: Tambahkan indikator.");
  expect(html).toContain("Diterima: Dikerjakan bersama");
  expect(html).toContain("Matikan aturan");
  expect(html).toContain("Terima temuan");
});

test("findings panel: one heading per rule with its count and the core's phrase; a big group folded until opened or a finding of it is selected", async () => {
  await loadRules();
  const findings: Finding[] = Array.from({ length: 57 }, (_, i) => ({
    rule: "P016",
    severity: "info",
    target: { link: [`n${i + 1}`, "n0"] },
    message: `Keterkaitan «Kondisi ${i + 1}» → «Tujuan» belum punya justifikasi.`,
    hint: "Tuliskan alasannya.",
  }));
  findings.unshift({ rule: "P014", severity: "warning", target: { node: "n3" }, message: "Simpul n3 belum punya penanggung jawab.", hint: "Pilih unit." });
  const view = sampleView(undefined, { report: { findings, summary: { error: 0, warning: 1, info: 57 } } });
  editor.state = { ...initialState(), screen: "main", view };
  let html = renderToStaticMarkup(<FindingsPanel />);
  expect(html).toContain("P016 · 57 keterkaitan tanpa justifikasi");
  expect(html).toContain("P014 · 1 simpul tanpa penanggung jawab");
  // 57 findings: folded (the heading says so to assistive technology); one: open.
  expect(html).toMatch(/aria-expanded="false"[^>]*data-testid="findings-rule-P016-toggle"/);
  expect(html).toMatch(/aria-expanded="true"[^>]*data-testid="findings-rule-P014-toggle"/);
  expect(html).not.toContain('data-testid="finding-P016-0"');
  expect(html).toContain('data-testid="finding-P014-0"');
  // The hint every finding of a rule shares is said once, under its heading.
  expect(html).toContain('data-testid="findings-rule-P014-hint"');
  expect(html.match(/Saran: Pilih unit\./g)).toHaveLength(1);

  // Opened by the planner (the heading's button).
  editor.toggleFindingGroup("P016", true);
  html = renderToStaticMarkup(<FindingsPanel />);
  expect(html).toMatch(/aria-expanded="true"[^>]*data-testid="findings-rule-P016-toggle"/);
  expect(html).toContain('data-testid="finding-P016-56"');
  expect(html.match(/Saran: Tuliskan alasannya\./g)).toHaveLength(1);
  editor.toggleFindingGroup("P016", false);
  expect(renderToStaticMarkup(<FindingsPanel />)).not.toContain('data-testid="finding-P016-0"');

  // A finding selected from elsewhere (a review thread on it, the side panel): its group opens, its row is marked.
  editor.selectFinding({ rule: "P016", target: { link: ["n40", "n0"] } });
  html = renderToStaticMarkup(<FindingsPanel />);
  expect(html).toMatch(/aria-expanded="true"[^>]*data-testid="findings-rule-P016-toggle"/);
  expect(html).toMatch(/class="finding selected" data-testid="finding-P016-39"/);
});

test("main screen: header with file name, read-only mark, toolbar", () => {
  editor.state = { ...initialState(), screen: "main", view: sampleView(undefined, { read_only: "versi baru", can_undo: true }), layout: sampleLayout() };
  const html = renderToStaticMarkup(<MainScreen />);
  for (const id of ["header-file", "header-readonly", "undo", "redo", "fit", "search", "units", "menu-file", "menu-edit", "menu-view", "findings-panel", "side-panel", "canvas", "summary"]) {
    expect(html).toContain(`data-testid="${id}"`);
  }
  expect(html).toContain("uji.pokin");
  expect(html).toContain("hanya-baca");
  expect(html).toContain("1 kesalahan, 3 peringatan, 2 info");
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

describe("print dialog", () => {
  /** The opening tag of the element with this test id. */
  const tag = (html: string, id: string) => new RegExp(`<[^>]*data-testid="${id}"[^>]*>`).exec(html)?.[0] ?? "";
  const svg = (n: number) => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1190.6 841.9"><clipPath id="c0"><rect width="9" height="9"/></clipPath><g clip-path="url(#c0)"><text x="10" y="20">Meningkatnya Reformasi Birokrasi ${n}</text></g></svg>`;
  const preview = { pages: [svg(1), svg(2)], warnings: ["Teks terkecil 4,2 pt, di bawah 6 pt."], width_pt: 1190.6, height_pt: 841.9 };

  test("the options with their test ids, a year per year of the period, the sheets as real text", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), dialog: "print", print: { ...initialState().print, preview } };
    const html = renderToStaticMarkup(<PrintDialog />);
    for (const id of ["print-dialog", "print-paper", "print-landscape", "print-mode", "print-scale", "print-margin", "print-indicators", "print-year-2025", "print-year-2026", "print-year-2027", "print-owners", "print-numbering", "print-findings", "print-legend", "print-preview", "print-page-1", "print-page-2", "print-warning", "print-save", "print-cancel"]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).not.toContain('data-testid="print-year-2024"');
    expect(html).not.toContain('data-testid="print-page-3"');
    for (const label of [">Cetak<", ">Kertas<", ">Mendatar<", ">Mode<", "Satu lembar (paskan)", "Poster (beberapa lembar)", "Skala", ">Margin (mm)<", ">Tampilkan indikator<", "Target tahun", ">Penanggung jawab<", ">Nomor simpul<", ">Lencana temuan<", ">Keterangan<", "Simpan PDF…", ">Batal<"]) {
      expect(html).toContain(label);
    }
    expect(html).toContain("Meningkatnya Reformasi Birokrasi 2</text>");
    expect(html).toContain("Halaman 1 dari 2");
    expect(html).toContain("Halaman 2 dari 2");
    expect(html).toContain('id="pp2-c0"');
    expect(html).not.toContain("<?xml");
    expect(html).toContain("aspect-ratio:1190.6 / 841.9");
    expect(html).toContain("Teks terkecil 4,2 pt, di bawah 6 pt.");
    expect(html).toContain('<option value="A3" selected="">');
    expect(html).toContain('aria-busy="false"');
    expect(html).not.toContain("Menyiapkan pratinjau");
    // Fit: the scale is for posters only.
    expect(tag(html, "print-scale")).toContain('disabled=""');
    expect(tag(html, "print-landscape")).toContain('checked=""');
    expect(tag(html, "print-legend")).toContain('checked=""');
    expect(tag(html, "print-owners")).not.toContain("checked");
  });

  test("while the preview is prepared, and with a wrong field", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), dialog: "print", print: { ...initialState().print, loading: true, form: { ...initialState().print.form, mode: "poster", margin: "x", years: [2026], indicators: true } } };
    const html = renderToStaticMarkup(<PrintDialog />);
    expect(html).toContain("Menyiapkan pratinjau…");
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("Margin harus angka 0 sampai 50 mm.");
    expect(html).toContain("Perbaiki isian di kiri");
    expect(tag(html, "print-save")).toContain('disabled=""');
    expect(tag(html, "print-year-2026")).toContain('checked=""');
    expect(tag(html, "print-year-2025")).not.toContain("checked");
    expect(tag(html, "print-scale")).not.toContain("disabled");
    expect(tag(html, "print-margin")).toContain('aria-invalid="true"');
  });

  test("a preview that could not be made says why", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), dialog: "print", print: { ...initialState().print, error: "Kertas `B5` tidak dikenal" } };
    const html = renderToStaticMarkup(<PrintDialog />);
    expect(html).toContain("Pratinjau tidak dapat dibuat: Kertas `B5` tidak dikenal");
  });

  test("the main screen shows it when open", () => {
    editor.state = { ...initialState(), screen: "main", view: sampleView(), layout: sampleLayout(), dialog: "print" };
    expect(renderToStaticMarkup(<MainScreen />)).toContain('data-testid="print-dialog"');
  });
});

test("helpers of the canvas", () => {
  expect(polylinePath([[0, 0], [10, 5], [10, 20]])).toBe("M0 0 L10 5 L10 20");
  expect(levelClass(9)).toBe("lv-1");
});

describe("process views", () => {
  /** The sample processes, with step 2 a decision and a B009 finding on step 1. */
  function processView() {
    const doc = sampleDoc();
    doc.processes = sampleProcesses();
    doc.processes.flows![0].steps[1] = { id: "s2", number: 2, text: "Apakah lengkap?", lane: "kaban", shape: "decision", yes: "s3", no: "s1" };
    const view = sampleView(doc);
    view.report = {
      findings: [{ rule: "B009", severity: "warning", target: { step: ["f1", "s1"] }, message: "Mutu baku langkah belum lengkap" }],
      summary: { error: 0, warning: 1, info: 0 },
    };
    return view;
  }
  const col = (title: string, x: number, width: number, lane: string | null = null) => ({ title, lines: [title], x, width, lane });
  const flowLayout: FlowLayout = {
    columns: [col("No", 0, 22), col("Uraian kegiatan", 22, 120), col("Kaban", 142, 50, "kaban"), col("Sekretariat", 192, 50, "sek"), col("Kelengkapan", 242, 60), col("Waktu", 302, 40), col("Output", 342, 60), col("Keterangan", 402, 50)],
    header_height: 20,
    rows: [
      { step: "s1", page: 0, y: 0, height: 36, cells: [["1"], ["Mengajukan cuti"], [], [], [], []] },
      { step: "s2", page: 0, y: 36, height: 44, cells: [["2"], ["Apakah lengkap?"], [], [], [], []] },
      { step: "s3", page: 0, y: 80, height: 36, cells: [["3"], ["Menerbitkan surat"], [], ["1 hari"], ["Surat cuti"], []] },
    ],
    symbols: [
      { step: "s1", shape: "start" as const, page: 0, x: 196, y: 9, width: 42, height: 18 },
      { step: "s2", shape: "decision" as const, page: 0, x: 146, y: 43, width: 42, height: 30 },
      { step: "s3", shape: "end" as const, page: 0, x: 196, y: 89, width: 42, height: 18 },
    ],
    arrows: [{ page: 0, points: [[167, 73], [167, 83], [217, 83], [217, 89]] as [number, number][], label: "Ya", arrowhead: true }],
    connectors: [],
    pages: 1,
    font_size: 7,
    line_height: 8.75,
  };

  test("Peta Relasi: a row per process, sub-processes indented, a pressed cell per owner", () => {
    // The rows and columns as the core's layout::relations gives them.
    const relationsLayout = {
      rows: [
        { process: "p4", depth: 0 },
        { process: "p1", depth: 0 },
        { process: "p2", depth: 1 },
        { process: "p3", depth: 0 },
      ],
      units: (processView().document.units ?? []).map((u) => u.id),
    };
    editor.state = { ...initialState(), screen: "main", view: processView(), mode: "relations", relationsLayout };
    const html = renderToStaticMarkup(<MainScreen />);
    expect(html).toContain('data-testid="relations-table"');
    expect(html).toMatch(/data-testid="relation-p1-kaban"[^>]*>●|aria-pressed="true"[^>]*data-testid="relation-p1-kaban"/);
    expect(html).toContain('data-testid="relation-p1-sek"');
    expect(html).toMatch(/padding-left:24px[^>]*>– (<!-- -->)?Seleksi ASN/);
    expect(html).toContain('data-testid="relation-p4-sek"');
    expect(html).toContain('aria-selected="true" class="mode-tab active" title="Peta Relasi (Ctrl+3)"');
  });

  test("Peta Lintas Fungsi: the core's rows, cells, symbols and arrows, a badge on the step with a finding", () => {
    editor.state = { ...initialState(), screen: "main", view: processView(), mode: "flow", flow: "f1", flowLayout, step: "s2" };
    const html = renderToStaticMarkup(<MainScreen />);
    for (const id of ["flow-svg", "step-row-s1", "step-text-s2", "step-duration-s3", "step-badge-s1", "lane-head-kaban", "step-panel", "step-yes", "step-no"]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toMatch(/data-testid="step-symbol-s2" data-shape="decision" data-lane="kaban"/);
    expect(html).toContain(">Ya</text>");
    expect(html).toContain("Surat cuti");
    // Beside the flow, only the process findings: B009 and its place in words.
    expect(html).toContain("Langkah 1 (s1) di Layanan cuti — Mengajukan cuti");
  });

  test("a step with parallel ways on: a select for each, and one to add another", () => {
    const view = processView();
    view.document.processes!.flows![0].steps[0].next = ["s2", "s3"];
    editor.state = { ...initialState(), screen: "main", view, mode: "flow", flow: "f1", step: "s1" };
    const html = renderToStaticMarkup(<MainScreen />);
    for (const id of ["step-next", "step-next-1", "step-next-add"]) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain("Juga lanjut ke (2)");
  });

  test("a node's panel lists the processes that serve it", () => {
    editor.state = { ...initialState(), screen: "main", view: processView(), selection: "n1" };
    const html = renderToStaticMarkup(<SidePanel />);
    expect(html).toContain('data-testid="node-process-p1"');
    expect(html).toContain('data-testid="node-process-p3"');
    expect(html).toContain("Manajemen ASN");
  });
});
