// End-to-end: the Perjanjian Kinerja (issue #13 part 4) on the real app.
// The planner opens the Way Kanan sample, gives the Sekretariat its
// official in Struktur organisasi (name and NIP typed with real keys, Plt.
// chosen), opens Cetak with Ctrl+P, chooses Perjanjian kinerja, the unit and
// the year, and reads the preview: the agreement with both parties, Plt.
// before the position, and the lampiran with the program, its indicator
// ("–": no 2025 target, said in a warning) and its budget.
// Needs xdotool and xclip (scripts/setup installs them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, shots, importSample, waitFor, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env } = scratch();

const NAME = "Drs. Iwan Setiawan";
const NIP = "19660830 199303 1 003";
const BUPATI = "Ir. H. Raden Adipati Surya";

/** Whether the page's text holds the phrase, lines joined (the preview's wrapped lines meet without a space). */
const has = (text, phrase) => text.replace(/\s+/g, "").includes(phrase.replace(/\s+/g, ""));

async function previewReady(s) {
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    const state = await s.attribute('[data-testid="print-preview"]', "data-state");
    if (state === "ready") return;
    if (state === "error") throw new Error(await s.text('[data-testid="print-preview"]'));
    await sleep(150);
  }
  throw new Error("preview not ready");
}

/** Chooses an option of a select, scrolled into view first (the options column scrolls). */
async function pick(s, css, value) {
  await s.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", [css]);
  await sleep(150);
  await s.choose(css, value);
}

/** Clicks a field of the unit's Pejabat line, types `text` and presses Enter: one update_unit. */
async function fill(s, unit, field, text) {
  await fillField(s, `[data-testid="unit-official-${unit}"] [data-testid="official-${field}"]`, text);
}

/** Clicks a field, types `text` and presses Enter: one edit. */
async function fillField(s, css, text) {
  const field = css;
  await realClick(s, css);
  await realKeys(s, "ctrl+a");
  await realType(s, text);
  await realKeys(s, "Return");
  // Keys typed for real may arrive late or lose a character under load: then the field is filled again.
  const settled = await waitFor(async () => (await s.value(css)) === text || (await s.value(css)), `${field} typed`, 8000).then(() => true, () => false);
  if (!settled) {
    await s.type(css, text);
    await realKeys(s, "Return");
  }
  await waitFor(async () => (await s.value(css)) === text || (await s.value(css)), `${field} saved`);
}

test("the Perjanjian Kinerja of an acting secretary, from the units dialog to the print preview", { timeout: 300000 }, async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan");
  await withApp(app, [file], async (s) => {
   try {
    await s.waitForText("kesalahan");
    // ---- Struktur organisasi: the secretary's official ----
    await realClick(s, '[data-testid="units"]');
    await s.find('[data-testid="units-dialog"]');
    await s.find('[data-testid="unit-official-sekban"]');
    await s.choose('[data-testid="unit-official-sekban"] [data-testid="official-acting"]', "plt");
    await waitFor(async () => (await s.value('[data-testid="unit-official-sekban"] [data-testid="official-acting"]')) === "plt" || "not yet", "Plt. chosen");
    await fill(s, "sekban", "name", NAME);
    await fill(s, "sekban", "nip", NIP);
    await fill(s, "sekban", "position", "Sekretaris BKPSDM");
    // The kepala daerah, above the units: pihak kedua of the head of the agency.
    await s.choose('[data-testid="regional-head-acting"]', "pj");
    await waitFor(async () => (await s.value('[data-testid="regional-head-acting"]')) === "pj" || "not yet", "Pj. chosen");
    await fillField(s, '[data-testid="regional-head-name"]', BUPATI);
    await s.screenshot(join(shots, "pk-units-dialog.png"));
    await realClick(s, '[data-testid="units-done"]');
    await waitFor(async () => !(await s.exists('[data-testid="units-dialog"]')) || "still open", "units dialog closed");

    // ---- Cetak: Perjanjian kinerja, Sekretariat, 2025 ----
    await realClick(s, '[data-testid="canvas"]');
    await realKeys(s, "ctrl+p");
    await s.find('[data-testid="print-dialog"]');
    await previewReady(s);
    await pick(s, '[data-testid="print-view"]', "pk");
    await s.find('[data-testid="print-pk"]');
    // Only A4 and F4 for a form.
    const papers = await s.execute('return [...document.querySelectorAll("[data-testid=print-paper] option")].map(o => o.value)');
    assert.deepEqual(papers, ["A4", "F4"]);
    const years = await s.execute('return [...document.querySelectorAll("[data-testid=print-pk-year] option")].map(o => o.value)');
    assert.deepEqual(years, ["2021", "2022", "2023", "2024", "2025", "2026"]);
    await pick(s, '[data-testid="print-pk-unit"]', "sekban");
    await pick(s, '[data-testid="print-pk-year"]', "2025");
    await sleep(400);
    await previewReady(s);
    await waitFor(async () => /TAHUN 2025/.test(await s.text('[data-testid="print-page-1"]')) || "another year", "the 2025 preview");
    const first = await s.text('[data-testid="print-page-1"]');
    for (const expected of ["PERJANJIAN KINERJA TAHUN 2025", "SEKRETARIAT", NAME, "Plt. Sekretaris BKPSDM", "ANDIKA SAPUTRA", "PIHAK KEDUA", "PIHAK PERTAMA", `NIP. ${NIP}`, "selaku atasan pihak pertama"]) {
      assert.ok(has(first, expected), `${expected} on the agreement: ${first}`);
    }
    const second = await s.text('[data-testid="print-page-2"]');
    for (const expected of ["LAMPIRAN PERJANJIAN KINERJA TAHUN 2025", "Program Penunjang Urusan Pemerintahan Daerah", "Cakupan Pelayanan Administrasi Perkantoran BKPSDM (%) –", "Jumlah Rp 3.269.253.218"]) {
      assert.ok(has(second, expected), `${expected} on the lampiran: ${second}`);
    }
    const warnings = await s.execute('return [...document.querySelectorAll("[data-testid=print-warning]")].map(e => e.textContent)');
    assert.ok(warnings.some((w) => /belum punya target tahun 2025/.test(w)), JSON.stringify(warnings));
    // The options column holds the unit's long names without scrolling sideways.
    const [scrollWidth, clientWidth] = await s.execute('const f = document.querySelector(".print-options"); return [f.scrollWidth, f.clientWidth]');
    assert.ok(scrollWidth <= clientWidth + 1, `options column ${scrollWidth} wide in ${clientWidth}`);
    await s.screenshot(join(shots, "pk-print-dialog.png"));

    // Another year: the targets of 2023 (the program's 100 %).
    await pick(s, '[data-testid="print-pk-year"]', "2023");
    await sleep(400);
    await previewReady(s);
    await waitFor(async () => /TAHUN 2023/.test(await s.text('[data-testid="print-page-2"]')) || "still 2025", "the 2023 preview");
    assert.ok(has(await s.text('[data-testid="print-page-2"]'), "BKPSDM (%) 100 %"));

    // The head of the agency agrees with the kepala daerah.
    await pick(s, '[data-testid="print-pk-unit"]', "kaban");
    await sleep(400);
    await previewReady(s);
    await waitFor(async () => has(await s.text('[data-testid="print-page-1"]'), BUPATI) || "not yet", "the kaban's agreement");
    const head = await s.text('[data-testid="print-page-1"]');
    for (const expected of ["Pj. Bupati Way Kanan", "Pj. BUPATI WAY KANAN", "ANDIKA SAPUTRA"]) assert.ok(has(head, expected), `${expected}: ${head}`);
    assert.ok(has(await s.text('[data-testid="print-page-2"]'), "Jumlah Rp 6.850.200.218"));
    await s.screenshot(join(shots, "pk-print-kaban.png"));
   } catch (e) {
    await s.screenshot(join(shots, "pk-failed.png"));
    throw e;
   }
  }, env);
});
