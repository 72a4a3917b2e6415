// End-to-end: the real built app under Xvfb, driven through tauri-driver.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { withApp } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = join(root, "target/debug/pokin-studio");
const pokin = join(root, "target/debug/pokin");
const artifacts = join(root, "artifacts/screenshots");
const work = mkdtempSync(join(tmpdir(), "pokin-e2e-"));
// The app's recent files and sample copies go to a folder of this run.
const env = { XDG_CONFIG_HOME: join(work, "config"), XDG_DATA_HOME: join(work, "data") };

test("opens the Lumajang sample given at launch and shows its tree and findings", async () => {
  const file = join(work, "lumajang.pokin");
  execFileSync(pokin, ["import", join(root, "assets/samples/lumajang-bkd.json"), file]);
  await withApp(app, [file], async (s) => {
    const text = await s.waitForText("Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah");
    assert.match(text, /17 galat, 64 peringatan, 48 info/);
    await s.screenshot(join(artifacts, "pohon-lumajang.png"));
  }, env);
});

test("a corrupt file at launch gets a clear message", async () => {
  const file = join(work, "rusak.pokin");
  writeFileSync(file, "ini bukan berkas pokin");
  await withApp(app, [file], async (s) => {
    await s.waitForText(`${file}: bukan berkas Pokin Studio (.pokin)`);
    await s.screenshot(join(artifacts, "berkas-rusak.png"));
  }, env);
});

test("the start screen opens a sample document", async () => {
  await withApp(app, [], async (s) => {
    await s.waitForText("Contoh dokumen");
    await s.screenshot(join(artifacts, "layar-awal.png"));
    await s.click('[data-testid="start-new"]');
    await s.find('[data-testid="new-title"]');
    await s.screenshot(join(artifacts, "dokumen-baru.png"));
    await s.press("Escape");
    await s.click('[data-testid="sample-lumajang-bkd"]');
    const text = await s.waitForText("Meningkatnya Profesionalitas ASN");
    assert.match(text, /17 galat/);
    // The units editor lists the struktur organisasi.
    await s.click('[data-testid="units"]');
    await s.find('[data-testid="unit-row-p2i"]');
    await s.screenshot(join(artifacts, "struktur-organisasi.png"));
  }, env);
});
