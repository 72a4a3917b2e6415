// End-to-end with REAL input events (issue 9): the X server gets mouse
// clicks and key presses from xdotool, as from a person at the keyboard —
// not WebDriver's synthetic events, which set a select's value directly.
// The node panel's Penanggung jawab and Level selects are opened with the
// mouse, moved with the arrow keys and chosen with Enter; the CLI then reads
// what the file holds. The native open dialog is answered with real keys too.
// Needs xdotool and xclip (scripts/setup installs them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, answerFileDialog, xdo, realClick, realKeys } from "./webdriver.mjs";

const { work, env } = scratch();

/** A select's option values in order. */
async function optionValues(s, css) {
  const values = [];
  for (let i = 0; ; i++) {
    const sel = `${css} option:nth-child(${i + 1})`;
    if (!(await s.exists(sel))) return values;
    values.push(await s.attribute(sel, "value"));
  }
}

const exported = (file) => JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
const saved = (s) => waitFor(async () => (await s.text('[data-testid="save-state"]')) === "Tersimpan" || (await s.text('[data-testid="save-state"]')), "Tersimpan");

test("Penanggung jawab and Level chosen with a real mouse and keyboard are saved", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  const before = exported(file).tree.nodes.find((n) => n.id === "n9");
  assert.equal(before.owner, undefined, "n9 starts without an owner (P014)");
  assert.equal(before.level, 4);
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    // n9 "Fasilitasi Lembaga Profesi ASN": found with Ctrl+F typed for real, Enter selects it.
    await realClick(s, '[data-testid="canvas"]');
    await realKeys(s, "ctrl+f");
    await s.find('[data-testid="search-input"]');
    xdo(s, "type", "--delay", "40", "Fasilitasi Lembaga Profesi");
    await realKeys(s, "Return");
    await waitFor(async () => (await s.text('[data-testid="panel-node-id"]')) === "n9" || (await s.text('[data-testid="panel-node-id"]')), "n9 selected");
    await realKeys(s, "Escape");

    // Penanggung jawab: click opens the native list, Down Down, Enter (the second unit).
    const owners = await optionValues(s, '[data-testid="panel-owner"]');
    assert.equal(owners[0], "", "the first option is 'belum ditentukan'");
    await realClick(s, '[data-testid="panel-owner"]');
    await sleep(700);
    await s.screenshot(join(shots, "pilihan-penanggung-jawab.png"));
    await realKeys(s, "Down", "Down", "Return");
    await waitFor(async () => (await s.value('[data-testid="panel-owner"]')) === owners[2] || `owner ${await s.value('[data-testid="panel-owner"]')}`, `owner ${owners[2]}`);
    await saved(s);
    // It stays (no snap back once the core answered and the panel drew again).
    await sleep(800);
    assert.equal(await s.value('[data-testid="panel-owner"]'), owners[2]);

    // Level: click, Down, Enter: one level lower (4 → 5, "Aktivitas").
    assert.equal(await s.value('[data-testid="panel-level"]'), "4");
    await realClick(s, '[data-testid="panel-level"]');
    await sleep(700);
    await realKeys(s, "Down", "Return");
    await waitFor(async () => (await s.value('[data-testid="panel-level"]')) === "5" || `level ${await s.value('[data-testid="panel-level"]')}`, "level 5");
    await saved(s);
    await sleep(800);
    assert.equal(await s.value('[data-testid="panel-level"]'), "5");
    assert.equal(await s.text('[data-testid="panel-node-id"]'), "n9", "the selection stayed on n9");

    // And back up with the keyboard alone: the focused select, Up, Enter.
    await realClick(s, '[data-testid="panel-level"]');
    await sleep(700);
    await realKeys(s, "Up", "Return");
    await waitFor(async () => (await s.value('[data-testid="panel-level"]')) === "4" || `level ${await s.value('[data-testid="panel-level"]')}`, "level 4 again");
    await saved(s);
    await s.screenshot(join(shots, "pilihan-disimpan.png"));
  }, env);
  // The file holds both (read by the CLI after the app is closed).
  const after = exported(file).tree.nodes.find((n) => n.id === "n9");
  const owners = exported(file).units.map((u) => u.id);
  assert.equal(after.owner, owners[1], "the owner chosen with the keyboard is saved");
  assert.equal(after.level, 4, "the level went to 5 and back to 4");
  const history = execFileSync(pokin, ["history", file], { encoding: "utf8" });
  assert.equal((history.match(/Ubah simpul "Fasilitasi Lembaga Profesi ASN"/g) ?? []).length, 3, `three edits in the history:\n${history}`);
});

test("the native open dialog answered with real keys opens the file", async () => {
  const first = importSample(work, "lumajang-bkd", "buka-awal");
  const other = importSample(work, "waykanan-bkpsdm", "buka-lain");
  await withApp(app, [first], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await realClick(s, '[data-testid="canvas"]');
    await realKeys(s, "ctrl+o");
    // The GTK file chooser: the path pasted in its location field, Return.
    await answerFileDialog(s, "Buka berkas", other, { shot: "dialog-buka.png" });
    await waitFor(async () => (await s.text('[data-testid="header-file"]')) === "buka-lain.pokin" || (await s.text('[data-testid="header-file"]')), "the other file open", 15000);
    await s.waitForText("BKPSDM");
  }, env);
});
