// End-to-end: Tampilan › Pengaturan capaian… (issue #14). The Way Kanan
// sample names its top category "Sangat Baik"; the planner renames it by
// typing (real keys), saves (one edit), sees the legend of the capaian view
// follow, and the file holds the document's own categories. Ctrl+Z takes
// the change back and Ctrl+Y makes it again; the file keeps it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env } = scratch();
const exported = (file) => JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
const content = (s, css) => s.execute("const el = document.querySelector(arguments[0]); return el ? el.textContent : null;", [css]);

test("the capaian categories renamed in Pengaturan capaian, undone", async () => {
  const file = importSample(work, "waykanan-bkpsdm", "waykanan");
  assert.equal(exported(file).monitoring.categories[0].label, "Sangat Baik");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatkan Kualitas ASN");
    await s.click('[data-testid="menu-view"]');
    await s.click('[data-testid="menu-capaian-settings"]');
    await s.find('[data-testid="capaian-settings"]');
    await waitFor(async () => (await s.value('[data-testid="category-label-0"]')) === "Sangat Baik" || "rows not loaded", "rows from the core");
    assert.equal(await s.value('[data-testid="category-min-0"]'), "91");
    await realClick(s, '[data-testid="category-label-0"]');
    await realKeys(s, "ctrl+a");
    await realType(s, "Istimewa");
    await s.screenshot(join(shots, "capaian-settings.png"));
    await s.click('[data-testid="capaian-settings-save"]');
    await waitFor(async () => !(await s.exists('[data-testid="capaian-settings"]')) || "dialog still open", "dialog closed");
    // The capaian view's legend names the category as the document now does.
    await s.click('[data-testid="menu-view"]');
    await s.click('[data-testid="menu-capaian"]');
    await waitFor(async () => /Istimewa/.test((await content(s, '[data-testid="capaian-category-0"]')) ?? "") || "legend", "legend renamed");
    await s.screenshot(join(shots, "capaian-settings-legend.png"));
    const legend = (want) => waitFor(async () => new RegExp(want).test((await content(s, '[data-testid="capaian-category-0"]')) ?? "") || "legend", `legend ${want}`);
    await realKeys(s, "ctrl+z");
    await legend("Sangat Baik");
    await realKeys(s, "ctrl+y");
    await legend("Istimewa");
  }, env);
  // The file (the app closed) holds the document's own categories, the bounds as they were.
  const categories = exported(file).monitoring.categories;
  assert.deepEqual(categories.map((c) => [c.min ?? null, c.label]), [[91, "Istimewa"], [76, "Tinggi"], [66, "Sedang"], [51, "Rendah"], [null, "Sangat Rendah"]]);
});
