// End-to-end: the print dialog with its preview (issue #4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, shots, importSample } from "./webdriver.mjs";

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
    const second = await s.text('[data-testid="print-page-2"]');
    assert.match(second, /Lembar B1-K2/);
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
