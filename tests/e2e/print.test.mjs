// End-to-end: the print dialog with its preview (issue #4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, shots, importSample, realClick, realKeys, waitFor } from "./webdriver.mjs";

const { work, env } = scratch();

async function previewReady(s) {
  const end = Date.now() + 15000;
  while (Date.now() < end) {
    const el = await s.find('[data-testid="print-preview"]');
    const state = await s.attribute('[data-testid="print-preview"]', "data-state");
    if (state === "ready") return el;
    if (state === "error") throw new Error(await s.text('[data-testid="print-preview"]'));
    await sleep(150);
  }
  throw new Error("preview not ready");
}

test("the print dialog previews the signed tree, fitted or as a poster", async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan");
  await withApp(app, [file], async (s) => {
    await s.waitForText("kesalahan");
    await s.click('[data-testid="menu-file"]');
    await s.click('[data-testid="menu-print"]');
    await s.find('[data-testid="print-dialog"]');
    await previewReady(s);
    const page = await s.text('[data-testid="print-page-1"]');
    assert.match(page, /Pohon Kinerja BKPSDM Kabupaten Way Kanan/);
    assert.match(page, /ANDIKA SAPUTRA/);
    assert.match(page, /Halaman 1 dari 1/);
    await s.screenshot(join(shots, "cetak-pratinjau.png"));

    // A poster on A4: several sheets, each labelled for assembly.
    await s.click('[data-testid="print-paper"] option[value="A4"]');
    await s.click('[data-testid="print-mode"] option[value="poster"]');
    await sleep(400);
    await previewReady(s);
    // A grid of sheets: the first carries the assembly map, each is labelled B(row)-K(column).
    const first = await s.text('[data-testid="print-page-1"]');
    assert.match(first, /Peta susunan poster/);
    const second = await s.text('[data-testid="print-page-2"]');
    assert.match(second, /Lembar B\d+-K\d+/);
    await s.screenshot(join(shots, "cetak-poster.png"));

    // The data-collection SOP in the SOP-AP form.
    await s.click('[data-testid="print-view"] option[value="flow:f1"]');
    await sleep(400);
    await previewReady(s);
    const sop = await s.text('[data-testid="print-page-1"]');
    assert.match(sop, /STANDAR OPERASIONAL PROSEDUR/);
    assert.match(sop, /SOP PENGUMPULAN DATA CAPAIAN KINERJA/);
    assert.match(sop, /Mutu baku/);
    await s.screenshot(join(shots, "cetak-sop.png"));
  }, env);
});

test("Cetak per cabang chosen with real keys: an overview, then a sheet per branch in the preview", async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan-cabang");
  await withApp(app, [file], async (s) => {
    await s.waitForText("kesalahan");
    await realClick(s, '[data-testid="menu-file"]');
    await realClick(s, '[data-testid="menu-print"]');
    await s.find('[data-testid="print-dialog"]');
    await previewReady(s);
    // The mode select opened with the mouse, its third entry taken with the keys.
    await realClick(s, '[data-testid="print-mode"]');
    await realKeys(s, "Down", "Down", "Return");
    await waitFor(async () => (await s.value('[data-testid="print-mode"]')) === "branches", "Per cabang chosen");
    await s.find('[data-testid="print-branch-level"]');
    await sleep(400);
    await previewReady(s);
    const overview = await s.text('[data-testid="print-page-1"]');
    assert.match(overview, /Ikhtisar: \d+ cabang pada level/);
    assert.match(overview, /ANDIKA SAPUTRA/, "the signature on the overview");
    assert.match(await s.text('[data-testid="print-page-2"]'), /Lembar cabang 1 dari \d+ · sambungan lingkaran 2 di Lembar 1/);
    assert.ok(await s.exists('[data-testid="print-page-3"]'), "several branch sheets");
    await s.screenshot(join(shots, "cetak-per-cabang.png"));

    // The branch level: Kegiatan (Otomatis, 0, 1, 2, 3 → four down).
    await realClick(s, '[data-testid="print-branch-level"]');
    await realKeys(s, "Down", "Down", "Down", "Down", "Return");
    await waitFor(async () => (await s.value('[data-testid="print-branch-level"]')) === "3", "level 3 chosen");
    await sleep(400);
    await previewReady(s);
    assert.match(await s.text('[data-testid="print-page-1"]'), /cabang pada level 3 \(Kegiatan\)/);
    assert.ok(await s.exists('[data-testid="print-page-12"]'), "a sheet per kegiatan");
    await s.screenshot(join(shots, "cetak-per-cabang-kegiatan.png"));
  }, env);
});
