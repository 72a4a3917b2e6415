// End-to-end: the real built app under Xvfb, driven through tauri-driver.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withApp, scratch, app, shots, importSample } from "./webdriver.mjs";

const { work, env } = scratch();

test("opens the Lumajang sample given at launch and shows its tree and findings", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [file], async (s) => {
    const text = await s.waitForText("Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah");
    // 80 info: P026 (2) and B012 (30) since the reviewers' rules.
    assert.match(text, /17 kesalahan, 64 peringatan, 80 info/);
    await s.screenshot(join(shots, "pohon-lumajang.png"));
  }, env);
});

test("a corrupt file at launch gets a clear message", async () => {
  const file = join(work, "rusak.pokin");
  writeFileSync(file, "ini bukan berkas pokin");
  await withApp(app, [file], async (s) => {
    await s.waitForText(`${file}: bukan berkas Pokin Studio (.pokin)`);
    await s.screenshot(join(shots, "berkas-rusak.png"));
  }, env);
});

test("the start screen opens a sample document", async () => {
  await withApp(app, [], async (s) => {
    await s.waitForText("Contoh dokumen");
    await s.screenshot(join(shots, "layar-awal.png"));
    await s.click('[data-testid="start-new"]');
    await s.find('[data-testid="new-title"]');
    await s.screenshot(join(shots, "dokumen-baru.png"));
    await s.press("Escape");
    await s.click('[data-testid="sample-lumajang-bkd"]');
    const text = await s.waitForText("Meningkatnya Profesionalitas ASN");
    assert.match(text, /17 kesalahan/);
    // The units editor lists the struktur organisasi.
    await s.click('[data-testid="units"]');
    await s.find('[data-testid="unit-row-p2i"]');
    await s.screenshot(join(shots, "struktur-organisasi.png"));
  }, env);
});
