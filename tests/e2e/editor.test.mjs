// End-to-end: a planner's session in the real app (issue #3).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, openFindingGroup } from "./webdriver.mjs";

const { work, env } = scratch();
const NEW = "Meningkatnya Kualitas Data Kepegawaian";

const summary = (s) => s.text('[data-testid="summary"]');
const summaryIs = (s, text) => waitFor(async () => (await summary(s)).includes(text) || (await summary(s)), `summary "${text}"`);

test("add a child with an indicator, see its finding come and go, undo/redo, drag, reopen", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await summaryIs(s, "17 kesalahan");
    // The Temuan panel groups findings by rule; P007's 17 start folded: open them.
    await openFindingGroup(s, "P007");

    // Tab on n2 adds a child at level 3 and opens it for typing.
    await s.click('[data-testid="node-n2"]');
    await s.press("Tab");
    await s.type('[data-testid^="edit-"]', NEW, { clear: false });
    await s.press("Enter");
    await s.waitForText(NEW);
    // The new condition has no indicator yet: P007 appears (one more error).
    await summaryIs(s, "18 kesalahan");
    const findings = await s.text('[data-testid="findings-panel"]');
    assert.match(findings, /P007 · 18 kondisi tanpa indikator/);
    assert.match(findings, new RegExp(`«${NEW}» \\(n50\\) di level 3 .* belum punya indikator kinerja`));
    await s.screenshot(join(shots, "simpul-baru.png"));

    // An indicator with a satuan, a target for every year, a formula and a data source: P007 goes away.
    await s.click('[data-testid="add-indicator"]');
    await summaryIs(s, "17 kesalahan");
    const row = '[data-testid^="indicator-row-"]';
    await s.type(`${row} [data-testid="indicator-name"]`, "Persentase data pegawai yang mutakhir");
    await s.press("Enter");
    await s.type(`${row} [data-testid="indicator-unit"]`, "Persen");
    await s.press("Enter");
    // An outcome-level indicator says how it is computed and where its data comes from (P025).
    await s.type(`${row} [data-testid="indicator-definition"]`, "Pegawai dengan data mutakhir / seluruh pegawai × 100");
    await s.press("Enter");
    await s.type(`${row} [data-testid="indicator-source"]`, "SIMPEG BKD");
    await s.press("Enter");
    // The targets last: the undo below takes back the 2026 target.
    for (const [i, year] of [2021, 2022, 2023, 2024, 2025, 2026].entries()) {
      await s.type(`${row} [data-testid="target-${year}"]`, `${80 + i},5`);
      await s.press("Enter");
    }
    await waitFor(async () => {
      const text = await s.text('[data-testid="findings-panel"]');
      return !text.includes("Persentase data pegawai yang mutakhir") || text.split("\n").filter((l) => l.includes("mutakhir")).join(" / ");
    }, "no finding on the new indicator");
    await s.screenshot(join(shots, "indikator-target.png"));

    // Undo the last target: P009 names the missing year; redo clears it.
    await s.click('[data-testid="canvas"]');
    await s.press("Control", "z");
    await waitFor(async () => (await s.text('[data-testid="findings-panel"]')).includes("belum punya target untuk tahun 2026"), "P009 after undo");
    await s.press("Control", "Shift", "z");
    await waitFor(async () => !(await s.text('[data-testid="findings-panel"]')).includes("belum punya target untuk tahun 2026"), "P009 gone after redo");

    // Drag n8 (level 4, under n3) onto n1 (level 1): refused with the core's message.
    await s.click('[data-testid="fit"]');
    await sleep(500);
    await s.drag('[data-testid="node-n8"]', '[data-testid="node-n1"]');
    await s.waitForText("induknya harus di level 3");
    // Drag it onto n4 (level 3): n4 becomes its parent.
    await s.drag('[data-testid="node-n8"]', '[data-testid="node-n4"]');
    await s.click('[data-testid="node-n8"]');
    await waitFor(async () => (await s.text('[data-testid="side-panel"]')).includes("ke induk: Penataan Mutasi dan Promosi ASN"), "n8 under n4");
    await s.screenshot(join(shots, "seret-simpul.png"));
  }, env);

  // Quit and reopen: nothing is lost.
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await summaryIs(s, "17 kesalahan");
    await s.press("Control", "f");
    await s.type('[data-testid="search-input"]', "Kualitas Data Kepegawaian");
    await s.press("Enter");
    await waitFor(async () => (await s.value('[data-testid="panel-statement"]')) === NEW, "the new node selected");
    const row = '[data-testid^="indicator-row-"]';
    assert.equal(await s.value(`${row} [data-testid="indicator-name"]`), "Persentase data pegawai yang mutakhir");
    assert.equal(await s.value(`${row} [data-testid="target-2026"]`), "85,5");
  }, env);
  const saved = JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
  const added = saved.tree.nodes.find((n) => n.statement === NEW);
  assert.deepEqual(added.indicators[0].targets, { 2021: 80.5, 2022: 81.5, 2023: 82.5, 2024: 83.5, 2025: 84.5, 2026: 85.5 });
  assert.deepEqual(saved.tree.links.filter((l) => l.from === "n8").map((l) => l.to), ["n4"]);
});
