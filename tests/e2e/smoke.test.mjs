// End-to-end: the real built app under Xvfb, driven through tauri-driver.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startDriver, Session } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = join(root, "target/debug/pokin-studio");
const pokin = join(root, "target/debug/pokin");
const artifacts = join(root, "artifacts/screenshots");
const work = mkdtempSync(join(tmpdir(), "pokin-e2e-"));
let stop;

before(async () => { stop = await startDriver(); });
after(async () => { await stop?.(); });

test("opens the Lumajang sample given at launch and shows its tree and findings", async () => {
  const file = join(work, "lumajang.pokin");
  execFileSync(pokin, ["import", join(root, "assets/samples/lumajang-bkd.json"), file]);
  const s = await Session.start(app, [file]);
  try {
    const text = await s.waitForText("Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah");
    assert.match(text, /Meningkatnya Profesionalitas ASN/);
    assert.match(text, /galat/i);
    await s.screenshot(join(artifacts, "pohon-lumajang.png"));
  } finally {
    await s.end();
  }
});

test("a corrupt file at launch gets a clear message", async () => {
  const file = join(work, "rusak.pokin");
  writeFileSync(file, "ini bukan berkas pokin");
  const s = await Session.start(app, [file]);
  try {
    await s.waitForText("bukan berkas Pokin Studio");
    await s.screenshot(join(artifacts, "berkas-rusak.png"));
  } finally {
    await s.end();
  }
});
