// End-to-end: the reviewer's worksheets (issue #12) on the real app with the
// Lumajang sample. KKE 2 opened with Ctrl+6, the cell cursor moved with real
// arrow keys, Y / K / T pressed, a note opened with Enter, typed and saved
// with Enter; the percentage read on screen and checked against the CLI
// (`pokin worksheet FILE --kke 2 --format json`) once the app is closed, and
// the note and marks found in the file. The same for one Format 1 mark
// (KKE 1 from the Tampilan menu). Screenshots: kke-1.png, kke-2.png.
// Needs xdotool (scripts/setup installs it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env } = scratch();
const file = importSample(work, "lumajang-bkd", "kke");
const NOTE = "Rumuskan sebagai kondisi yang ingin dicapai";

const sheet = (kke) => JSON.parse(execFileSync(pokin, ["worksheet", file, "--kke", String(kke), "--format", "json"], { encoding: "utf8" }));
/** The core's percent_text: "87,5 %". */
const percentText = (x) => `${(Math.abs(x) < 0.005 ? 0 : x).toFixed(2).replace(/0+$/, "").replace(/\.$/, "").replace(".", ",")} %`;

const cell = (id, criterion) => `[data-testid="ws-cell-${id}-${criterion}"]`;

/** Waits until a cell shows `mark` as the reviewer's (not otomatis). */
async function entered(s, id, criterion, mark) {
  await waitFor(async () => {
    const m = await s.attribute(cell(id, criterion), "data-mark");
    const auto = await s.attribute(cell(id, criterion), "data-auto");
    return (m === mark && auto === "false") || `${m} auto=${auto}`;
  }, `${id} ${criterion} = ${mark}`, 15000);
}

/** The cell under the cursor. */
async function cursorCell(s) {
  return s.execute("const el = document.querySelector('td.ws-mark.cursor'); return el ? el.dataset.testid : null;");
}

test("worksheets by keyboard: KKE 2 marks and a note, one KKE 1 mark; the percentages are the core's", { timeout: 300000 }, async () => {
  const before2 = sheet(2);
  const rows2 = before2.rows;
  const before1 = sheet(1);
  let shown2 = "";
  let shown1 = "";
  await withApp(app, [file], async (s) => {
    try {
      await s.find('[data-testid="main-screen"]', 30000);
      // The reviewer's name, as review comments are signed.
      await s.click('[data-testid="menu-file"]');
      await s.click('[data-testid="menu-preferences"]');
      await s.type('[data-testid="preferences-name"]', "Rina");
      await s.type('[data-testid="preferences-role"]', "Inspektorat");
      await s.click('[data-testid="preferences-save"]');
      await waitFor(async () => !(await s.exists('[data-testid="preferences-dialog"]')) || "still open", "preferences saved");

      // ---- KKE 2, opened with Ctrl+6 ------------------------------------------------
      await realClick(s, '[data-testid="canvas"]');
      await realKeys(s, "ctrl+6");
      await s.find('[data-testid="worksheet-view"][data-kke="2"] [data-testid="ws-table"]', 15000);
      assert.equal(await s.text('[data-testid="ws-percentage"]'), percentText(before2.percentage));
      assert.match(await s.text('[data-testid="ws-unjudged"]'), new RegExp(`^${before2.unjudged} sel belum dinilai$`));
      // The cursor starts on the first row; three rows down is the fourth.
      assert.equal(await cursorCell(s), `ws-cell-${rows2[0].id}-logical`);
      await realKeys(s, "Down", "Down");
      await waitFor(async () => (await cursorCell(s)) === `ws-cell-${rows2[2].id}-logical` || (await cursorCell(s)), "cursor on row 3");
      // Row 3 (n3) is T otomatis (P013): the reviewer says Y.
      assert.equal(await s.attribute(cell(rows2[2].id, "logical"), "data-auto"), "true");
      await realKeys(s, "y");
      await entered(s, rows2[2].id, "logical", "Y");
      await realKeys(s, "Down");
      await realKeys(s, "k");
      await entered(s, rows2[3].id, "logical", "K");
      await realKeys(s, "Down");
      await realKeys(s, "t");
      await entered(s, rows2[4].id, "logical", "T");
      // Enter: the note of that row; typed; Enter saves.
      await realKeys(s, "Return");
      await s.find('[data-testid="ws-note-editor"]');
      await realType(s, NOTE);
      await waitFor(async () => (await s.value('[data-testid="ws-note-editor"]')) === NOTE || (await s.value('[data-testid="ws-note-editor"]')), "note typed", 15000);
      await realKeys(s, "Return");
      await waitFor(async () => (await s.text(`[data-testid="ws-note-${rows2[4].id}"]`)) === NOTE || "not yet", "note saved", 15000);
      // Back on the table: the arrows move the cursor again.
      await realKeys(s, "Up");
      await waitFor(async () => (await cursorCell(s)) === `ws-cell-${rows2[3].id}-logical` || (await cursorCell(s)), "cursor back up");
      // The percentage once the core's sheet came back: (1 + 0,5 + 0) over the rows, plus the rows already Y.
      await waitFor(async () => (await s.text('[data-testid="ws-percentage"]')) !== percentText(before2.percentage) || "unchanged", "percentage updated", 15000);
      shown2 = await s.text('[data-testid="ws-percentage"]');
      // PageDown: ten rows on, to an automatic T (P013) whose reason the detail line gives.
      const auto = rows2.findIndex((r, i) => i > 3 && r.cells[0].auto);
      await realKeys(s, "Page_Down");
      await waitFor(async () => (await cursorCell(s)) === `ws-cell-${rows2[13].id}-logical` || (await cursorCell(s)), "PageDown: ten rows on");
      if (auto === 13) assert.match(await s.text('[data-testid="ws-detail-cell"]'), /otomatis/);
      await s.screenshot(join(shots, "kke-2.png"));

      // ---- KKE 1, from the Tampilan menu --------------------------------------------
      await s.click('[data-testid="menu-view"]');
      await s.click('[data-testid="menu-kke-1"]');
      await s.find('[data-testid="worksheet-view"][data-kke="1"] [data-testid="ws-table"]', 15000);
      const rows1 = before1.rows;
      await realKeys(s, "Right");
      await waitFor(async () => (await cursorCell(s)) === `ws-cell-${rows1[0].id}-measurable` || (await cursorCell(s)), "cursor on M");
      await realKeys(s, "y");
      await entered(s, rows1[0].id, "measurable", "Y");
      await waitFor(async () => (await s.text('[data-testid="ws-percentage"]')) !== percentText(before1.percentage) || "unchanged", "KKE 1 percentage updated", 15000);
      shown1 = await s.text('[data-testid="ws-percentage"]');
      // K is refused on Format 1: said in a toast, no op sent.
      await realKeys(s, "Right", "Right", "Right", "k");
      await s.find('[data-testid="toast-error"]', 5000);
      await s.screenshot(join(shots, "kke-1.png"));
    } catch (e) {
      await s.screenshot(join(shots, "kke-failed.png"));
      throw new Error(`${e.message}\n--- screen ---\n${(await s.pageText()).slice(0, 800)}`);
    }
  }, env);

  // ---- the file, read by the CLI after the app closed ---------------------------------
  const after2 = sheet(2);
  assert.equal(shown2, percentText(after2.percentage), "KKE 2 percentage on screen = the core's");
  const byId = new Map(after2.rows.map((r) => [r.id, r]));
  assert.deepEqual([rows2[2], rows2[3], rows2[4]].map((r) => byId.get(r.id).cells[0].mark), ["Y", "K", "T"]);
  assert.ok([rows2[2], rows2[3], rows2[4]].every((r) => byId.get(r.id).cells[0].auto === false));
  assert.equal(byId.get(rows2[4].id).note, NOTE);
  assert.equal(byId.get(rows2[4].id).author, "Rina");
  const after1 = sheet(1);
  assert.equal(shown1, percentText(after1.percentage), "KKE 1 percentage on screen = the core's");
  const m = after1.rows[0].cells.find((c) => c.criterion === "measurable");
  assert.deepEqual([m.mark, m.auto], ["Y", false]);
  // K was not taken on Format 1.
  assert.ok(after1.rows[0].cells.every((c) => c.mark !== "K"));
  const exported = JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
  assert.ok(JSON.stringify(exported).includes(NOTE), "the note is in the file");
});
