// End-to-end: the Peta Proses Bisnis, Peta Relasi and Peta Lintas Fungsi
// editors in the real app (issue #5), on the Lumajang sample.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, openFindingGroup, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env } = scratch();

const findings = (s) => s.text('[data-testid="findings-panel"]');
const attrIs = (s, css, name, value) =>
  waitFor(async () => (await s.attribute(css, name)) === value || `${css} ${name}=${await s.attribute(css, name)}`, `${css} ${name}=${value}`);
const valueIs = (s, css, value) => waitFor(async () => (await s.value(css)) === value || `${css} = ${await s.value(css)}`, `${css} = ${value}`);
const squeeze = (text) => text.replace(/\s+/g, "");
const DECISION = "Apakah berkas usulan pengadaan lengkap?";

test("level-0 map, sub-processes, Peta Relasi and the 11-step flow: edit, findings, undo, reopen", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");

    // The level-0 map: goal, inputs, three bands, the seven top-level processes.
    await s.click('[data-testid="mode-map"]');
    await s.find('[data-testid="process-p7"]');
    const map = squeeze(await s.text('[data-testid="map-view"]'));
    for (const text of ["Peta Proses Bisnis (level 0)", "Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah", "INPUT", "Regulasi", "OUTPUT", "PROSES MANAJERIAL", "PROSES UTAMA", "PROSES PENDUKUNG", "Terwujudnya Tata Kelola OPD yang Baik", "5 sub proses"]) {
      assert.ok(map.includes(squeeze(text)), `map shows "${text}"`);
    }
    assert.equal(await s.exists('[data-testid="process-p8"]'), false, "sub-processes stay on their own map");
    await s.screenshot(join(shots, "peta-proses-bisnis.png"));

    // p1 serves no tree node: B001, shown on the process and in the findings panel
    // (grouped by rule: the nine B001 and nine B009 start folded; open them).
    await openFindingGroup(s, "B001");
    await openFindingGroup(s, "B009");
    assert.match(await findings(s), /Proses "Terwujudnya Tata Kelola OPD yang Baik" tidak melayani simpul/);
    await s.mouseClick('[data-testid="process-p1"]');
    await s.find('[data-testid="process-panel"]');
    assert.match(await s.text('[data-testid="process-findings"]'), /B001/);
    // Link it to n1 from the panel: B001 on p1 clears; the node shows the process (both ways).
    await s.choose('[data-testid="process-link-node"]', "n1");
    await waitFor(async () => !(await findings(s)).includes('Proses "Terwujudnya Tata Kelola OPD yang Baik" tidak melayani') || "B001 on p1 still there", "B001 on p1 clears");
    assert.equal(await s.exists('[data-testid="process-badge-p1"]'), false);
    await s.click('[data-testid="process-node-n1"]');
    await s.find('[data-testid="node-panel"]');
    assert.match(await s.text('[data-testid="node-processes"]'), /Terwujudnya Tata Kelola OPD yang Baik[\s\S]*Meningkatnya Profesionalitas ASN/);
    // … and back from the node to the process on its map.
    await s.mouseClick('[data-testid="node-process-p2"]');
    await attrIs(s, '[data-testid="process-p2"]', "aria-selected", "true");

    // A new support process from the keyboard-free path: button, name, Enter.
    await s.click('[data-testid="map-add-support"]');
    await s.type('[data-testid="prompt-input"]', "Terkelolanya Arsip Kepegawaian");
    await s.press("Enter");
    await s.find('[data-testid="process-p13"]');
    // It serves no node and has no owner: B001 and B002 appear on it.
    await waitFor(async () => /Terkelolanya Arsip Kepegawaian" tidak melayani/.test(await findings(s)) || "no B001", "B001 on the new process");
    assert.match(await findings(s), /B002/);
    // "Pilih di pohon": the tree, a click on n3, and back on the map with B001 gone.
    await s.click('[data-testid="process-pick-node"]');
    await s.find('[data-testid="pick-banner"]');
    await s.click('[data-testid="node-n3"]');
    await attrIs(s, '[data-testid="process-p13"]', "aria-selected", "true");
    await s.find('[data-testid="process-node-n3"]');
    await waitFor(async () => !/Terkelolanya Arsip Kepegawaian" tidak melayani/.test(await findings(s)) || "B001 still there", "B001 on the new process clears");
    assert.equal(await s.exists('[data-testid="pick-banner"]'), false);

    // Dragged with the mouse into the manajerial band, it becomes a manajerial process; undo puts it back.
    // (The findings folded away first, so that the whole map is on screen and nothing scrolls mid-drag.)
    await s.click('[data-testid="findings-toggle"]');
    const band = await s.middle('[data-testid="map-band-management"]');
    await s.mouseDrag(await s.middle('[data-testid="process-p13"]'), band);
    await attrIs(s, '[data-testid="process-p13"]', "aria-selected", "true");
    await valueIs(s, '[data-testid="process-category"]', "management");
    await s.click('[data-testid="undo"]');
    await valueIs(s, '[data-testid="process-category"]', "support");
    await s.click('[data-testid="findings-toggle"]');

    // Peta Sub Proses Bisnis of p2.
    await s.mouseClick('[data-testid="process-p2"]');
    await s.click('[data-testid="map-open-sub"]');
    await waitFor(async () => (await s.text('[data-testid="map-title"]')).includes("Peta Sub Proses Bisnis — Meningkatnya Profesionalitas ASN") || "title", "sub-process map");
    await s.find('[data-testid="process-p12"]');
    assert.equal(await s.exists('[data-testid="process-p1"]'), false);
    await s.screenshot(join(shots, "peta-sub-proses.png"));
    await s.click('[data-testid="map-up"]');
    await s.find('[data-testid="process-p1"]');

    // Peta Relasi: processes × units; a click toggles ownership and clears B002 on the new process.
    await s.click('[data-testid="mode-relations"]');
    await s.find('[data-testid="relations-table"]');
    await attrIs(s, '[data-testid="relation-p3-p2i"]', "aria-pressed", "true");
    await attrIs(s, '[data-testid="relation-p13-kaban"]', "aria-pressed", "false");
    await s.mouseClick('[data-testid="relation-p13-kaban"]');
    await attrIs(s, '[data-testid="relation-p13-kaban"]', "aria-pressed", "true");
    await waitFor(async () => !/Terkelolanya Arsip Kepegawaian" belum punya unit/.test(await findings(s)) || "B002 still there", "B002 clears");
    await s.screenshot(join(shots, "peta-relasi.png"));

    // The 11-step Peta Lintas Fungsi.
    await s.click('[data-testid="mode-flow"]');
    await s.find('[data-testid="step-row-s11"]');
    // Wrapped lines are separate SVG lines (read back without a space between): compare without spaces.
    const flow = squeeze(await s.text('[data-testid="flow-view"]'));
    for (const text of ["PROSES MANAJEMEN ASN", "Mengajukan persetujuan anggaran kegiatan", "Melakukan pemberhentian aparatur", "Kelengkapan", "Waktu", "Output", "Keterangan"]) {
      assert.ok(flow.includes(squeeze(text)), `flow shows "${text}"`);
    }
    assert.equal(await s.exists('[data-testid="step-row-s12"]'), false);
    await s.screenshot(join(shots, "peta-lintas-fungsi.png"));

    // A decision after step 3, typed in place: "Ya" on to step 4, "Tidak" back to step 3.
    await s.mouseClick('[data-testid="step-no-s3"]');
    await s.find('[data-testid="step-panel"]');
    await s.click('[data-testid="flow-add-decision"]');
    await s.type('[data-testid="step-cell-editor"]', DECISION, { clear: false });
    await s.press("Enter");
    await s.find('[data-testid="step-symbol-s12"]');
    await attrIs(s, '[data-testid="step-symbol-s12"]', "data-shape", "decision");
    await waitFor(async () => squeeze(await s.text('[data-testid="step-text-s12"]')).includes("Apakahberkasusulan") || "text", "decision text in its cell");
    await valueIs(s, '[data-testid="step-yes"]', "s4");
    await valueIs(s, '[data-testid="step-no"]', "s3");
    // Numbered in place: it is step 4, the old step 4 is now 5.
    assert.equal((await s.text('[data-testid="step-no-s12"]')).trim(), "4");
    assert.equal((await s.text('[data-testid="step-no-s4"]')).trim(), "5");
    const flowText = await s.text('[data-testid="flow-view"]');
    assert.ok(flowText.includes("Ya") && flowText.includes("Tidak"), "both branches labelled");
    await s.screenshot(join(shots, "keputusan-baru.png"));

    // Take away its "Tidak" branch: B008 appears; selecting the finding shows the step; put it back: gone.
    await s.choose('[data-testid="step-no"]', "");
    await waitFor(async () => (await findings(s)).includes("B008") || "no B008", "B008 appears");
    await s.mouseClick('[data-testid="step-no-s1"]');
    await s.click('[data-testid="finding-B008-0-show"]');
    await attrIs(s, '[data-testid="step-row-s12"]', "aria-selected", "true");
    await s.choose('[data-testid="step-no"]', "s3");
    await waitFor(async () => !(await findings(s)).includes("B008") || "B008 still there", "B008 clears");

    // Move step 2 (Kepala BKD) one lane to the right with Alt+→: now in Sekban's lane.
    await s.mouseClick('[data-testid="step-no-s2"]');
    await attrIs(s, '[data-testid="step-symbol-s2"]', "data-lane", "kaban");
    await s.press("Alt", "ArrowRight");
    await attrIs(s, '[data-testid="step-symbol-s2"]', "data-lane", "sekban");
    await valueIs(s, '[data-testid="step-lane"]', "sekban");
    // And with the lane select, to Kabid PKAP.
    await s.choose('[data-testid="step-lane"]', "pkap");
    await attrIs(s, '[data-testid="step-symbol-s2"]', "data-lane", "pkap");
    await s.screenshot(join(shots, "pindah-pelaksana.png"));
    // Undo puts it back in Sekban's lane.
    await s.click('[data-testid="undo"]');
    await attrIs(s, '[data-testid="step-symbol-s2"]', "data-lane", "sekban");

    // With the mouse: drag step 6's symbol (Kabid Mutpro) into the Kabid PKA column.
    await attrIs(s, '[data-testid="step-symbol-s5"]', "data-lane", "mutpro");
    const from = await s.middle('[data-testid="step-symbol-s5"]');
    const [laneX] = await s.middle('[data-testid="lane-head-pka"]');
    await s.mouseDrag(from, [laneX, from[1]]);
    await attrIs(s, '[data-testid="step-symbol-s5"]', "data-lane", "pka");
    await s.click('[data-testid="undo"]');
    await attrIs(s, '[data-testid="step-symbol-s5"]', "data-lane", "mutpro");
    // Double-click a mutu baku cell and type the waktu in place: B009 on step 2 clears.
    assert.match(await findings(s), /Membuat keputusan anggaran" di peta "PROSES MANAJEMEN ASN" belum lengkap: waktu belum diisi/);
    await s.mouseClick('[data-testid="step-duration-s2"]', 2);
    await s.type('[data-testid="step-cell-editor"]', "1 hari", { clear: false });
    await s.press("Enter");
    await waitFor(async () => !/Membuat keputusan anggaran" di peta "PROSES MANAJEMEN ASN" belum lengkap/.test(await findings(s)) || "B009 still there", "B009 clears");
    assert.equal(await s.value('[data-testid="step-field-duration"]'), "1 hari");

    // Ctrl+P prints the flow on screen: the SOP-AP sheet with the new decision, from the same layout.
    await s.press("Control", "p");
    await valueIs(s, '[data-testid="print-view"]', "flow:f1");
    await waitFor(async () => (await s.attribute('[data-testid="print-preview"]', "data-state")) === "ready" || "not ready", "preview ready", 20000);
    const sheet = squeeze(await s.text('[data-testid="print-preview"]'));
    assert.ok(sheet.includes("STANDAROPERASIONALPROSEDUR") && sheet.includes(squeeze(DECISION)), "the printed SOP shows the decision");
    await s.screenshot(join(shots, "cetak-lintas-fungsi.png"));
    await s.click('[data-testid="print-cancel"]');
  }, env);

  // Reopen: everything acknowledged is there.
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await s.click('[data-testid="mode-flow"]');
    await s.find('[data-testid="step-row-s12"]');
    await attrIs(s, '[data-testid="step-symbol-s12"]', "data-shape", "decision");
    assert.ok(squeeze(await s.text('[data-testid="step-text-s12"]')).includes("Apakahberkasusulan"));
    await attrIs(s, '[data-testid="step-symbol-s2"]', "data-lane", "sekban");
    await s.click('[data-testid="mode-relations"]');
    await attrIs(s, '[data-testid="relation-p13-kaban"]', "aria-pressed", "true");
    await s.click('[data-testid="mode-map"]');
    await s.find('[data-testid="process-p13"]');
  }, env);
  // The file agrees (read by the CLI).
  const doc = JSON.parse(execFileSync(pokin, ["export", "json", file]).toString());
  const steps = doc.processes.flows[0].steps;
  assert.equal(steps.length, 12);
  assert.deepEqual(steps.map((x) => x.id).slice(0, 5), ["s1", "s2", "s3", "s12", "s4"]);
  assert.equal(steps[3].shape, "decision");
  assert.equal(steps[3].yes, "s4");
  assert.equal(doc.processes.map.processes.find((p) => p.id === "p1").nodes[0], "n1");
});

test("the tree keeps its zoom and place while the maps are shown", async () => {
  const file = importSample(work, "lumajang-bkd", "zoom");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await s.click('[data-testid="zoom-in"]');
    await s.click('[data-testid="zoom-in"]');
    let before = "";
    await waitFor(async () => {
      const now = await s.text('[data-testid="zoom-level"]');
      const same = now === before;
      before = now;
      return same || `zoom ${now}`;
    }, "zoom settles");
    for (const mode of ["map", "relations", "flow"]) {
      await s.click(`[data-testid="mode-${mode}"]`);
      await s.find(`[data-testid="${mode === "map" ? "map-view" : `${mode}-view`}"]`);
      await s.click('[data-testid="mode-tree"]');
      await waitFor(async () => (await s.text('[data-testid="zoom-level"]')) === before || `zoom ${await s.text('[data-testid="zoom-level"]')}, was ${before}`, `zoom kept after ${mode}`);
    }
  }, env);
});

test("the SOP header's dates and approval typed with real keys reach the printed SOP-AP form and the file", async () => {
  const file = importSample(work, "lumajang-bkd", "kepala-sop");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await realClick(s, '[data-testid="mode-flow"]');
    await s.find('[data-testid="step-row-s11"]');
    // No step selected (Escape): the flow's own panel, its Kepala SOP opened.
    if (!(await s.exists('[data-testid="flow-panel"]'))) {
      await realClick(s, '[data-testid="step-no-s1"]');
      await realKeys(s, "Escape");
    }
    await s.find('[data-testid="flow-panel"]');
    await realClick(s, '[data-testid="flow-header"] summary');
    await s.find('[data-testid="flow-header-created"]');
    // Each field typed for real, committed by leaving it (Tab): one edit each.
    const typeInto = async (testId, text) => {
      await realClick(s, `[data-testid="${testId}"]`);
      await realKeys(s, "ctrl+a");
      await realType(s, text);
      await realKeys(s, "Tab");
    };
    await typeInto("flow-number", "SOP/BKD/07");
    await typeInto("flow-header-created", "20-01-2024");
    await waitFor(async () => (await s.exists('[data-testid="flow-header-created-shown"]')) && (await s.text('[data-testid="flow-header-created-shown"]')) === "20 Januari 2024" || "not shown", "the date read back");
    // A date that is not one is refused and said so; the field goes back.
    await typeInto("flow-header-revised", "31-02-2024");
    await s.find('[data-testid="flow-header-revised-error"]');
    await typeInto("flow-header-revised", "2024-03-01");
    await waitFor(async () => !(await s.exists('[data-testid="flow-header-revised-error"]')) || "error stays", "the error goes");
    await typeInto("flow-header-revision", "2");
    await typeInto("flow-header-effective", "01-04-2024");
    await typeInto("flow-header-approved-position", "Kepala Badan Kepegawaian Daerah");
    await typeInto("flow-header-approved-name", "Drs. ABDUL HARIS, M.Si.");
    await typeInto("flow-header-approved-nip", "19680424 199803 1 011");
    await valueIs(s, '[data-testid="flow-header-approved-nip"]', "19680424 199803 1 011");
    await s.screenshot(join(shots, "kepala-sop-panel.png"));

    // Ctrl+P: the SOP's heading and the form's particulars in the preview.
    await realKeys(s, "ctrl+p");
    await valueIs(s, '[data-testid="print-view"]', "flow:f1");
    await waitFor(async () => (await s.attribute('[data-testid="print-preview"]', "data-state")) === "ready" || "not ready", "preview ready", 20000);
    const sheet = squeeze(await s.text('[data-testid="print-page-1"]'));
    for (const text of ["STANDAR OPERASIONAL PROSEDUR", "Nomor SOP", "SOP/BKD/07", "Tanggal Pembuatan", "20 Januari 2024", "Tanggal Revisi", "1 Maret 2024 (revisi ke-2)", "Tanggal Efektif", "1 April 2024", "Disahkan oleh", "KEPALA BADAN KEPEGAWAIAN DAERAH", "Drs. ABDUL HARIS, M.Si.", "NIP. 19680424 199803 1 011", "Nama SOP", "PROSES MANAJEMEN ASN"]) {
      assert.ok(sheet.includes(squeeze(text)), `the printed SOP shows "${text}"`);
    }
    assert.ok(!sheet.includes(squeeze("POHON KINERJA BADAN KEPEGAWAIAN")), "headed as the SOP, not as the tree");
    await s.screenshot(join(shots, "cetak-kepala-sop.png"));
    await realKeys(s, "Escape");
  }, env);
  // The file holds them, ISO dates (read by the CLI).
  const doc = JSON.parse(execFileSync(pokin, ["export", "json", file]).toString());
  const flow = doc.processes.flows[0];
  assert.equal(flow.number, "SOP/BKD/07");
  assert.deepEqual(
    { created: flow.header.created, revised: flow.header.revised, revision: flow.header.revision, effective: flow.header.effective, approved_by: flow.header.approved_by },
    { created: "2024-01-20", revised: "2024-03-01", revision: 2, effective: "2024-04-01", approved_by: { position: "Kepala Badan Kepegawaian Daerah", name: "Drs. ABDUL HARIS, M.Si.", nip: "19680424 199803 1 011" } },
  );
});
