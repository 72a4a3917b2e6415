// End-to-end: monitoring (issue #14). The Way Kanan sample; Tampilan ›
// Tabel monitoring for 2024; the realisasi of "Indeks Profesionalitas ASN"
// (n3/i3, target 64) typed as a person types it (xdotool: "80", Return);
// the capaian the core computes (125 %) in the table, box n3 in the tree
// in its category's colour; a realisasi anggaran typed on the Anggaran tab
// changes the document's budget roll-up; Ctrl+Z takes both back. The CLI
// then reads what the file holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env } = scratch();

const exported = (file) => JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
const saved = (s) => waitFor(async () => (await s.text('[data-testid="save-state"]')) === "Tersimpan" || (await s.text('[data-testid="save-state"]')), "Tersimpan");
/** An element's text as the page holds it (a table cell scrolled out of its panel has no WebDriver text). */
const content = (s, css) => s.execute("const el = document.querySelector(arguments[0]); return el ? el.textContent : null;", [css]);
const textIs = (s, css, want) => waitFor(async () => {
  const t = ((await content(s, css)) ?? "").trim();
  return (typeof want === "string" ? t === want : want.test(t)) || `${css}: «${t}»`;
}, `${css} = ${want}`);

test("realisasi typed in the Tabel monitoring: capaian, the tree's colours, the budget roll-up, undo", async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan");
  const before = exported(file).tree.nodes.find((n) => n.id === "n3").indicators.find((i) => i.id === "i3");
  assert.equal(before.targets["2024"], 64);
  assert.equal(before.actuals?.["2024"], undefined, "no realisasi 2024 yet");
  await withApp(app, [file], async (s) => {
    try {
      await scenario(s);
    } catch (e) {
      // What the screen showed when it failed.
      await s.screenshot(join(shots, "monitoring-gagal.png")).catch(() => {});
      throw new Error(`${e.message}\n--- screen ---\n${(await s.pageText().catch(() => "")).slice(0, 1500)}`);
    }
  }, env);
  // The file: both edits undone.
  const after = exported(file);
  assert.equal(after.tree.nodes.find((n) => n.id === "n3").indicators.find((i) => i.id === "i3").actuals?.["2024"], undefined);
  assert.equal(after.tree.nodes.find((n) => n.id === "n4").budget.spent, 3_128_567_423);
});

async function scenario(s) {
    await s.waitForText("Meningkatkan Kualitas ASN");
    await s.click('[data-testid="menu-view"]');
    await s.click('[data-testid="menu-monitoring"]');
    await s.find('[data-testid="monitoring-panel"]');
    // The tree is in the capaian view at once, with the legend over it.
    await s.find('[data-testid="capaian-legend"]');
    await s.choose('[data-testid="mon-year"]', "2024");
    await textIs(s, '[data-testid="mon-target-n3-i3"]', "64");
    await textIs(s, '[data-testid="mon-capaian-n3-i3"]', "–");
    const totalBefore = (await content(s, '[data-testid="capaian-budget-spent"]')).trim();
    await s.screenshot(join(shots, "monitoring-tabel-kosong.png"));

    // The cell with a real click, the number typed for real, Enter.
    await realClick(s, '[data-testid="mon-cell-n3-i3-actual"]');
    assert.equal(await s.attribute('[data-testid="mon-cell-n3-i3-actual"]', "aria-selected"), "true");
    // Its node is selected in the tree and brought into view: no capaian in 2024 yet, no colour.
    await waitFor(async () => (await s.exists('[data-testid="node-n3"]')) || "n3 not on screen", "n3 on screen");
    assert.equal(await s.attribute('[data-testid="node-n3"]', "data-fill"), null, "n3 has no capaian in 2024 yet");
    assert.match(await s.attribute('[data-testid="node-n3"]', "class"), /is-selected/);
    await realType(s, "80");
    // While typing: the core's capaian of the typed value (before the edit).
    await textIs(s, '[data-testid="mon-capaian-n3-i3"]', /^125\s?%$/);
    await s.screenshot(join(shots, "monitoring-mengetik.png"));
    await realKeys(s, "Return");
    await saved(s);
    await textIs(s, '[data-testid="mon-cell-n3-i3-actual"]', "80");
    await textIs(s, '[data-testid="mon-capaian-n3-i3"]', /^125\s?%$/);
    // The document's first (highest) category, as the legend names it.
    const best = (await content(s, '[data-testid="capaian-category-0"]')).replace(/≥.*$/, "").trim();
    assert.equal(await s.attribute('[data-testid="mon-category-n3-i3"]', "data-category"), best);
    // Enter went down a row.
    assert.equal(await s.attribute('[data-testid="mon-cell-n3-i3-actual"]', "aria-selected"), "false");
    // The tree: box n3 in the category's colour, with its capaian under the statement.
    await waitFor(async () => (await s.attribute('[data-testid="node-n3"]', "data-fill")) === "#1e7b34" || `fill ${await s.attribute('[data-testid="node-n3"]', "data-fill")}`, "n3 green");
    const style = await s.execute("const el = document.querySelector('[data-testid=\"node-n3\"]'); const cs = getComputedStyle(el); return cs.backgroundImage + ' | ' + getComputedStyle(el, '::after').backgroundColor;");
    assert.match(style, /rgb\(30, 123, 52\)/, `the category's colour in the box: ${style}`);
    assert.match(await content(s, '[data-testid="notes-n3"]'), /Capaian 2024: 125 %/);
    await s.screenshot(join(shots, "monitoring-capaian.png"));

    // The budget: n4's realisasi anggaran typed; the document's roll-up changes.
    await s.click('[data-testid="mon-tab-budget"]');
    await s.find('[data-testid="mon-budget-table"]');
    await textIs(s, '[data-testid="mon-spent-n4"]', "3.128.567.423");
    await realClick(s, '[data-testid="mon-spent-n4"]');
    await realType(s, "3.200.000.000");
    await realKeys(s, "Return");
    await saved(s);
    await textIs(s, '[data-testid="mon-spent-n4"]', "3.200.000.000");
    const totalAfter = (await content(s, '[data-testid="capaian-budget-spent"]')).trim();
    assert.notEqual(totalAfter, totalBefore, "the roll-up changed");
    const rupiah = (t) => Number(t.replace(/[^0-9]/g, ""));
    assert.equal(rupiah(totalAfter) - rupiah(totalBefore), 3_200_000_000 - 3_128_567_423);
    assert.equal((await content(s, '[data-testid="mon-budget-total"]')).includes(totalAfter.replace(/^Rp\s*/, "")), true);
    await s.screenshot(join(shots, "monitoring-anggaran.png"));

    // Ctrl+Z (a real key press): the budget back; again: the realisasi back, n3 uncoloured.
    await realKeys(s, "ctrl+z");
    await saved(s);
    await textIs(s, '[data-testid="capaian-budget-spent"]', totalBefore);
    await textIs(s, '[data-testid="mon-spent-n4"]', "3.128.567.423");
    await realKeys(s, "ctrl+z");
    await saved(s);
    await s.click('[data-testid="mon-tab-indicators"]');
    await textIs(s, '[data-testid="mon-capaian-n3-i3"]', "–");
    await textIs(s, '[data-testid="mon-cell-n3-i3-actual"]', "");
    // Its row clicked: n3 in view again, uncoloured.
    await s.click('[data-testid="mon-cell-n3-i3-actual"]');
    await waitFor(async () => (await s.exists('[data-testid="node-n3"]')) || "n3 not on screen", "n3 on screen");
    await waitFor(async () => (await s.attribute('[data-testid="node-n3"]', "data-fill")) === null || "still coloured", "n3 back to plain");
    await s.screenshot(join(shots, "monitoring-diurungkan.png"));

    // Back to the ordinary view: no legend, no notes.
    await s.click('[data-testid="capaian-off"]');
    await waitFor(async () => !(await s.exists('[data-testid="capaian-legend"]')) || "legend still shown", "legend gone");
    await waitFor(async () => !(await s.exists('[data-testid="notes-n3"]')) || "notes still shown", "notes gone");
    assert.equal(await s.exists('[data-testid="monitoring-panel"]'), false);
    await sleep(200);
}

test("a final document still takes realisasi typed in the table (its plan stays as signed)", async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan-final");
  execFileSync(pokin, ["final", "--name", "Renstra ditetapkan", file]);
  await withApp(app, [file], async (s) => {
    try {
      await s.waitForText("Meningkatkan Kualitas ASN");
      await waitFor(async () => (await s.exists('[data-testid="readonly-banner"]')) || "no banner", "final banner");
      await s.click('[data-testid="menu-view"]');
      await s.click('[data-testid="menu-monitoring"]');
      await s.choose('[data-testid="mon-year"]', "2024");
      await textIs(s, '[data-testid="mon-target-n3-i3"]', "64");
      await realClick(s, '[data-testid="mon-cell-n3-i3-q1"]');
      await realType(s, "32");
      await realKeys(s, "Return");
      await textIs(s, '[data-testid="mon-cell-n3-i3-q1"]', "32");
      // TW I alone makes the year's realisasi (cumulative): 32 of 64.
      await textIs(s, '[data-testid="mon-capaian-n3-i3"]', /^50\s?%$/);
      await s.screenshot(join(shots, "monitoring-final.png"));
      // Urungkan is offered for the realisasi (not for the marking before it): a real click takes it back, Ulangi makes it again.
      await waitFor(async () => (await s.attribute('[data-testid="undo"]', "disabled")) === null || "undo disabled", "undo enabled");
      await realClick(s, '[data-testid="undo"]');
      await textIs(s, '[data-testid="mon-cell-n3-i3-q1"]', "");
      await waitFor(async () => (await s.attribute('[data-testid="undo"]', "disabled")) !== null || "undo still enabled", "undo disabled at the marking");
      await realClick(s, '[data-testid="redo"]');
      await textIs(s, '[data-testid="mon-cell-n3-i3-q1"]', "32");
    } catch (e) {
      await s.screenshot(join(shots, "monitoring-gagal.png")).catch(() => {});
      throw new Error(`${e.message}\n--- screen ---\n${(await s.pageText().catch(() => "")).slice(0, 1500)}`);
    }
  }, env);
  const ind = exported(file).tree.nodes.find((n) => n.id === "n3").indicators.find((i) => i.id === "i3");
  assert.deepEqual(ind.quarters["2024"], [32, null, null, null]);
  assert.equal(exported(file).document.status, "final");
});
