import {
  LAYOUTS,
  MODES,
  branchLevels,
  defaultPrintForm,
  defaultPrintOptions,
  formFromOptions,
  formWithYearToggled,
  inlineSvg,
  optionsFromForm,
  pageCaption,
  pdfFileName,
  periodYears,
  printViews,
  sameTeam,
  teamForm,
  teamFromForm,
  toggleYear,
  formForView,
  ANGGARAN_VIEW,
  CAPAIAN_VIEW,
  formForMonitoring,
  isMonitoring,
  type PrintForm,
} from "./print";

const period = { from: 2025, to: 2027 };

describe("options", () => {
  test("the core's defaults: A3 landscape, fit, scale 1, 10 mm, no years, legend only", () => {
    expect(defaultPrintOptions()).toEqual({
      view: "tree",
      paper: "A3",
      landscape: true,
      mode: "fit",
      scale: 1,
      margin_mm: 10,
      years: [],
      indicators: false,
      owners: false,
      numbering: false,
      findings: false,
      legend: true,
    });
  });
  test("the default form stands for the default options", () => {
    const form = defaultPrintForm();
    expect(form.scale).toBe("1");
    expect(form.margin).toBe("10");
    expect(optionsFromForm(form, period)).toEqual({ ok: true, options: defaultPrintOptions() });
  });
  test("numbers as an Indonesian planner types them", () => {
    const form: PrintForm = { ...defaultPrintForm(), mode: "poster", scale: "0,75", margin: " 12,5 " };
    expect(optionsFromForm(form)).toMatchObject({ ok: true, options: { mode: "poster", scale: 0.75, margin_mm: 12.5 } });
    expect(optionsFromForm({ ...form, scale: "1.5" })).toMatchObject({ ok: true, options: { scale: 1.5 } });
  });
  test("every field reaches the options", () => {
    const form: PrintForm = { view: "flow:f1", paper: "F4", landscape: false, mode: "poster", scale: "2", margin: "5", indicators: true, years: [2027, 2025], owners: true, numbering: true, findings: true, legend: false, layout: "", branchLevel: "" };
    expect(optionsFromForm(form, period)).toEqual({
      ok: true,
      options: { view: "flow:f1", paper: "F4", landscape: false, mode: "poster", scale: 2, margin_mm: 5, years: [2025, 2027], indicators: true, owners: true, numbering: true, findings: true, legend: false },
    });
  });
  test("per cabang: the branch level only in that mode, the layout when chosen", () => {
    const form: PrintForm = { ...defaultPrintForm(), mode: "branches", branchLevel: "3", layout: "compact" };
    expect(optionsFromForm(form, period)).toMatchObject({ ok: true, options: { mode: "branches", branch_level: 3, layout: "compact" } });
    const auto = optionsFromForm({ ...form, branchLevel: "", layout: "" }, period);
    expect(auto.ok && "branch_level" in auto.options).toBe(false);
    expect(auto.ok && "layout" in auto.options).toBe(false);
    const fit = optionsFromForm({ ...form, mode: "fit" }, period);
    expect(fit.ok && "branch_level" in fit.options).toBe(false);
    expect(formFromOptions({ ...defaultPrintOptions(), mode: "branches", branch_level: 0, layout: "wide" })).toMatchObject({ mode: "branches", branchLevel: "0", layout: "wide" });
    expect(branchLevels([{ name: "Tujuan" }, { name: "" }])).toEqual([
      { value: "", label: "Otomatis" },
      { value: "0", label: "0 · Tujuan" },
      { value: "1", label: "Level 1" },
    ]);
    expect(MODES.map((m) => m.value)).toEqual(["fit", "poster", "branches"]);
    expect(LAYOUTS.map((l) => l.label)).toEqual(["Otomatis", "Lebar", "Ringkas"]);
  });
  test("a poster needs a scale between 0,1 and 10; a fit sheet ignores a wrong one", () => {
    for (const scale of ["", "abc", "0", "-1", "0,05", "11"]) {
      const built = optionsFromForm({ ...defaultPrintForm(), mode: "poster", scale });
      expect(built.ok).toBe(false);
      if (!built.ok) expect(built.errors.scale).toContain("Skala harus angka antara 0,1 dan 10");
    }
    expect(optionsFromForm({ ...defaultPrintForm(), mode: "fit", scale: "abc" })).toMatchObject({ ok: true, options: { scale: 1 } });
    expect(optionsFromForm({ ...defaultPrintForm(), mode: "fit", scale: "2" })).toMatchObject({ ok: true, options: { scale: 2 } });
  });
  test("a margin between 0 and 50 mm", () => {
    expect(optionsFromForm({ ...defaultPrintForm(), margin: "0" })).toMatchObject({ ok: true, options: { margin_mm: 0 } });
    for (const margin of ["", "x", "-2", "51"]) {
      expect(optionsFromForm({ ...defaultPrintForm(), margin })).toEqual({ ok: false, errors: { margin: "Margin harus angka 0 sampai 50 mm." } });
    }
  });
  test("target years go only with the indicators, and only the period's", () => {
    const form: PrintForm = { ...defaultPrintForm(), years: [2026, 2030, 2025, 2026] };
    expect(optionsFromForm(form, period)).toMatchObject({ ok: true, options: { indicators: false, years: [] } });
    expect(optionsFromForm({ ...form, indicators: true }, period)).toMatchObject({ ok: true, options: { indicators: true, years: [2025, 2026] } });
    expect(optionsFromForm({ ...form, indicators: true })).toMatchObject({ ok: true, options: { years: [2025, 2026, 2030] } });
  });
  test("the form round-trips the options", () => {
    const o = { ...defaultPrintOptions(), mode: "poster" as const, scale: 0.5, margin_mm: 7.5, years: [2026, 2025], indicators: true };
    const form = formFromOptions(o);
    expect(form.scale).toBe("0,5");
    expect(form.margin).toBe("7,5");
    expect(form.years).toEqual([2025, 2026]);
    expect(optionsFromForm(form)).toEqual({ ok: true, options: { ...o, years: [2025, 2026] } });
  });
});

describe("years", () => {
  test("one per year of the period", () => {
    expect(periodYears(period)).toEqual([2025, 2026, 2027]);
    expect(periodYears({ from: 2026, to: 2026 })).toEqual([2026]);
    expect(periodYears({ from: 2027, to: 2025 })).toEqual([]);
  });
  test("toggle keeps the list sorted", () => {
    expect(toggleYear([], 2026)).toEqual([2026]);
    expect(toggleYear([2027], 2025)).toEqual([2025, 2027]);
    expect(toggleYear([2025, 2026, 2027], 2026)).toEqual([2025, 2027]);
  });
  test("ticking a year shows the indicators; unticking leaves them as they are", () => {
    const off = defaultPrintForm();
    const ticked = formWithYearToggled(off, 2026);
    expect(ticked).toMatchObject({ years: [2026], indicators: true });
    expect(formWithYearToggled(ticked, 2026)).toMatchObject({ years: [], indicators: true });
    expect(formWithYearToggled({ ...ticked, indicators: false }, 2026)).toMatchObject({ years: [], indicators: false });
  });
});

describe("files and pages", () => {
  test("the PDF is named after the document's title", () => {
    expect(pdfFileName({ title: "Pohon Kinerja BKD Kabupaten Lumajang 2025–2029" })).toBe("Pohon Kinerja BKD Kabupaten Lumajang 2025–2029.pdf");
    expect(pdfFileName({ title: 'Pohon Kinerja: "BKD" / Bidang A?' })).toBe("Pohon Kinerja BKD Bidang A.pdf");
    expect(pdfFileName({ title: "  Renstra.  " })).toBe("Renstra.pdf");
    expect(pdfFileName({ title: "" })).toBe("Pohon Kinerja.pdf");
    expect(pdfFileName({ title: "///" })).toBe("Pohon Kinerja.pdf");
  });
  test("page captions count from 1", () => {
    expect(pageCaption(0, 1)).toBe("Halaman 1 dari 1");
    expect(pageCaption(5, 6)).toBe("Halaman 6 dari 6");
  });
  test("inline SVG: no XML declaration, ids scoped to the page", () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><clipPath id="c0"><rect width="5" height="5"/></clipPath>' +
      '<g clip-path="url(#c0)"><text>Meningkatnya id=&quot;x&quot;</text></g><use href="#c0"/><use xlink:href=\'#c0\'/></svg>';
    const out = inlineSvg(svg, "pp2-");
    expect(out.startsWith("<svg ")).toBe(true);
    expect(out).toContain('<clipPath id="pp2-c0">');
    expect(out).toContain('clip-path="url(#pp2-c0)"');
    expect(out).toContain('<use href="#pp2-c0"/>');
    expect(out).toContain("<use xlink:href='#pp2-c0'/>");
    expect(out).toContain('viewBox="0 0 100 50"');
    expect(out).toContain("<text>Meningkatnya id=&quot;x&quot;</text>");
  });
  test("inline SVG without ids is left as it is", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="5">Halaman</text></svg>';
    expect(inlineSvg(svg, "pp1-")).toBe(svg);
  });
});

describe("what can be printed", () => {
  test("the tree and the review report always; the process map, each sub-process map, the Peta Relasi and each flow when the document has them", () => {
    expect(printViews({}).map((v) => v.value)).toEqual(["tree", "review"]);
    const doc = {
      processes: {
        map: {
          processes: [
            { id: "p1", category: "core" as const, name: "Manajemen ASN" },
            { id: "p2", category: "core" as const, name: "Seleksi", parent: "p1" },
          ],
        },
        flows: [{ id: "f1", name: "PROSES MANAJEMEN ASN", lanes: [], steps: [] }],
      },
    };
    expect(printViews(doc)).toEqual([
      { value: "tree", label: "Pohon kinerja" },
      { value: "processes", label: "Peta proses bisnis (level 0)" },
      { value: "processes:p1", label: "Peta sub proses bisnis: Manajemen ASN" },
      { value: "relations", label: "Peta relasi" },
      { value: "flow:f1", label: "Peta lintas fungsi: PROSES MANAJEMEN ASN" },
      { value: "review", label: "Catatan hasil reviu" },
    ]);
  });
});

describe("the review report", () => {
  test("is sent portrait on A4 or F4, fitted, whatever the form held for the other views", () => {
    const form: PrintForm = { ...defaultPrintForm(), view: "review", paper: "A3", landscape: true, mode: "poster", scale: "x" };
    const built = optionsFromForm(form, period);
    expect(built.ok && built.options).toMatchObject({ view: "review", paper: "A4", landscape: false, mode: "fit" });
    const f4 = optionsFromForm({ ...form, paper: "F4" }, period);
    expect(f4.ok && f4.options.paper).toBe("F4");
    // Choosing it in the dialog puts A4 in the paper field; an F4 stays.
    expect(formForView(defaultPrintForm(), "review")).toMatchObject({ view: "review", paper: "A4" });
    expect(formForView({ ...defaultPrintForm(), paper: "F4" }, "review").paper).toBe("F4");
    expect(formForView({ ...defaultPrintForm(), paper: "A0" }, "tree").paper).toBe("A0");
  });

  test("the team's fields: round and date checked, empty members left out, extra kept", () => {
    const before = { unit: "Inspektorat", round: 2, leader: { name: "Bambang", nip: "1968" }, members: [{ name: "Siti", role: "Anggota" }], extra: { x: 1 } };
    const form = teamForm(before);
    expect(form).toEqual({ unit: "Inspektorat", round: "2", date: "", leader: { name: "Bambang", rank: "", nip: "1968", role: "" }, members: [{ name: "Siti", rank: "", nip: "", role: "Anggota" }] });
    const built = teamFromForm({ ...form, date: " 2026-11-30 ", members: [...form.members, { name: "", rank: "", nip: "", role: "Anggota" }] }, before);
    expect(built).toEqual({
      ok: true,
      team: { unit: "Inspektorat", round: 2, date: "2026-11-30", leader: { name: "Bambang", rank: "", nip: "1968", role: "" }, members: [{ name: "Siti", rank: "", nip: "", role: "Anggota" }], extra: { x: 1 } },
    });
    expect(built.ok && sameTeam(built.team, before)).toBe(false);
    const unchanged = teamFromForm(form, before);
    expect(unchanged.ok && sameTeam(unchanged.team, before)).toBe(true);
    expect(teamFromForm({ ...form, round: "dua" })).toEqual({ ok: false, errors: { round: "Reviu ke- harus bilangan bulat 0 sampai 99." } });
    expect(teamFromForm({ ...form, date: "30-11-2026" }).ok).toBe(false);
    expect(teamFromForm({ ...form, date: "2026-02-30" }).ok).toBe(false);
    expect(teamFromForm({ ...form, round: "" })).toMatchObject({ ok: true, team: { round: 0 } });
    expect(teamForm(undefined)).toEqual({ unit: "", round: "", date: "", leader: { name: "", rank: "", nip: "", role: "" }, members: [] });
  });
});

describe("the monitoring tables", () => {
  const doc = {
    document: { period: { from: 2021, to: 2026 } },
    processes: { map: { processes: [] }, flows: [] },
    tree: {
      nodes: [
        { indicators: [{ id: "i1", actuals: { "2021": 61.45, "2023": 73.11 } }], budget: { ceiling: 100, spent: 90 } },
        { indicators: [{ id: "i2", quarters: { "2024": [null, 5, null, null] } }] },
      ],
    },
  };

  test("are offered with indicators and with a budget", () => {
    const values = (d: object) => printViews(d as Parameters<typeof printViews>[0]).map((v) => v.value);
    expect(values(doc)).toEqual(expect.arrayContaining([CAPAIAN_VIEW, ANGGARAN_VIEW]));
    expect(values({ processes: doc.processes, tree: { nodes: [{ indicators: [{ id: "i1" }] }] } })).toContain(CAPAIAN_VIEW);
    expect(values({ processes: doc.processes, tree: { nodes: [{ indicators: [{ id: "i1" }] }] } })).not.toContain(ANGGARAN_VIEW);
    expect(values({})).not.toContain(CAPAIAN_VIEW);
  });

  test("without a year chosen, the core chooses it (no year is sent)", () => {
    const form = formForMonitoring({ ...defaultPrintForm(), year: 2022 }, CAPAIAN_VIEW, undefined);
    expect(form.year).toBeUndefined();
    const built = optionsFromForm(form);
    expect(built.ok && built.options.year).toBeUndefined();
  });

  test("are sent fitted, with the year, on A4, F4 or A3, portrait or landscape; the comparison only for the capaian", () => {
    const form = formForMonitoring({ ...defaultPrintForm(), paper: "A1", mode: "poster", layout: "compact" }, CAPAIAN_VIEW, 2023);
    expect(form).toMatchObject({ view: "capaian", year: 2023, paper: "A4" });
    expect(formForMonitoring({ ...defaultPrintForm(), paper: "F4" }, ANGGARAN_VIEW, 2023).paper).toBe("F4");
    const built = optionsFromForm({ ...form, landscape: true, compareYears: true }, period);
    expect(built.ok && built.options).toMatchObject({ view: "capaian", year: 2023, paper: "A4", landscape: true, mode: "fit", compare_years: true });
    expect(built.ok && built.options.layout).toBeUndefined();
    const anggaran = optionsFromForm({ ...formForMonitoring(form, ANGGARAN_VIEW, 2023), compareYears: true }, period);
    expect(anggaran.ok && anggaran.options.compare_years).toBeUndefined();
    expect(anggaran.ok && anggaran.options.year).toBe(2023);
    // Back from the options: the checkbox is ticked again.
    expect(built.ok && formFromOptions(built.options).compareYears).toBe(true);
    expect([isMonitoring("capaian"), isMonitoring("anggaran"), isMonitoring("pk:x")]).toEqual([true, true, false]);
  });
});
