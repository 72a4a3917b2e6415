// End-to-end: spreadsheets in and out (issue #15) on the real app.
// From the start screen, Impor dari Excel/CSV…: a Renstra table written as
// Excel on Indonesian Windows writes a csv (";", decimal commas) picked in
// the native open dialog (real keys), the wizard's live preview (the
// core's outline; a column's role changed and previewed again), Impor
// sebagai dokumen baru… (the native save dialog) — the tree on screen.
// Then Berkas › Impor dari Excel/CSV… a second table into this document:
// its boxes appear; Ctrl+Z takes the whole import back (the file read
// with the CLI). Berkas › Ekspor ke Excel… writes an .xlsx (a zip: "PK").
// Needs xdotool and xclip (scripts/setup installs them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withApp, scratch, app, pokin, shots, waitFor, answerFileDialog, realClick, realKeys } from "./webdriver.mjs";

const { work, env } = scratch();

const TUJUAN = "Meningkatnya Kualitas Infrastruktur Jalan";
const SASARAN_1 = "Meningkatnya Kemantapan Jalan Kabupaten";
const SASARAN_2 = "Meningkatnya Konektivitas Antar Wilayah";
const TUJUAN_B = "Meningkatnya Pelayanan Air Minum";
const SASARAN_B = "Meningkatnya Cakupan Layanan Air Minum Perpipaan";

// Excel's "CSV (pemisah titik koma)" on an Indonesian Windows: ";" and decimal commas, CRLF.
const renstra = join(work, "renstra-dpupr.csv");
writeFileSync(
  renstra,
  [
    "Tujuan;Sasaran;Indikator Sasaran;Satuan;Target 2025;Target 2026",
    `${TUJUAN};${SASARAN_1};Persentase jalan kabupaten dalam kondisi mantap;%;97,81;98,5`,
    `${TUJUAN};${SASARAN_2};Indeks konektivitas wilayah;Indeks;1.234,5;1.300`,
  ].join("\r\n") + "\r\n",
);
const airMinum = join(work, "air-minum.csv");
writeFileSync(
  airMinum,
  ["Tujuan;Sasaran;Indikator Sasaran;Satuan;Target 2025;Target 2026", `${TUJUAN_B};${SASARAN_B};Persentase rumah tangga dengan akses air minum perpipaan;%;62,5;65`].join("\r\n") + "\r\n",
);
const created = join(work, "renstra-dpupr.pokin");
// A real agency workbook (shared/real/xlsx: merged cells, a banner above the header).
const realBook = join(work, "pasangkayu-renstra.xlsx");
copyFileSync("/work/shared/real/xlsx/pasangkayu-dpupr-renstra-tujuan-sasaran.xlsx", realBook);
const realDoc = join(work, "pasangkayu-renstra.pokin");
const REAL_SASARAN = "Meningkatnya kualitas layanan dasar pekerjaan umum dan penataan ruang";
const xlsx = join(work, "matriks-cascading.xlsx");

const exported = (file) => JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
/** The statements of the tree's boxes on screen (each box carries its statement as its title). */
const boxes = (s) => s.execute('return [...document.querySelectorAll("[data-testid^=node-][title]")].map((e) => e.getAttribute("title"))');
const hasBox = async (s, statement) => (await boxes(s)).some((t) => t.includes(statement));
const outline = (s) => s.execute('return [...document.querySelectorAll("[data-testid=sheet-outline-row]")].map((e) => e.textContent)');

async function menu(s, top, item) {
  await s.click(`[data-testid="${top}"]`);
  await s.click(`[data-testid="${item}"]`);
}

/** The wizard on `file`: the native open dialog answered, the first preview shown. */
async function wizardOn(s, file, shot) {
  await answerFileDialog(s, "Impor dari Excel/CSV", file, shot ? { shot } : {});
  await s.find('[data-testid="sheet-wizard"]', 20000);
  await waitFor(async () => (await outline(s)).length > 0 || (await s.text('[data-testid="sheet-wizard"]')).slice(0, 600), "the preview's outline", 20000);
}

test("a csv imported through the wizard as a new document and into it; undo; export to Excel", { timeout: 600000 }, async () => {
  await withApp(app, [], async (s) => {
    try {
      await scenario(s);
    } catch (e) {
      await s.screenshot(join(shots, "spreadsheet-gagal.png")).catch(() => {});
      throw new Error(`${e.message}\n--- screen ---\n${(await s.pageText().catch(() => "")).slice(0, 1500)}`);
    }
  }, env);
  // The file: the second import undone, the first one's tree and targets kept.
  const doc = exported(created);
  const statements = doc.tree.nodes.map((n) => n.statement);
  assert.ok(statements.includes(SASARAN_1), statements.join(" | "));
  assert.ok(!statements.includes(SASARAN_B), "the undone import is not in the file");
  const indicator = doc.tree.nodes.find((n) => n.statement === SASARAN_1).indicators[0];
  assert.equal(indicator.targets["2025"], 97.81);
  assert.ok(existsSync(xlsx), "the workbook written");
  assert.equal(readFileSync(xlsx).subarray(0, 2).toString("latin1"), "PK");
  // The real workbook: its tree in the new file.
  const real = exported(realDoc);
  assert.ok(real.tree.nodes.some((n) => n.statement === REAL_SASARAN), "the real workbook's sasaran in its file");
});

async function scenario(s) {
  // ---- 1. From the start screen: a new document from the csv ----------------------------------
  await s.waitForText("Contoh dokumen");
  await s.click('[data-testid="start-import-sheet"]');
  await wizardOn(s, renstra, "spreadsheet-dialog-buka.png");
  assert.equal(await s.text('[data-testid="sheet-file"]'), "renstra-dpupr.csv");
  const rows = await outline(s);
  assert.ok(rows.some((r) => r.includes(TUJUAN)), rows.join("\n"));
  assert.ok(rows.some((r) => r.includes(SASARAN_1)), rows.join("\n"));
  assert.match(await s.text('[data-testid="sheet-counts"]'), /Indikator: 2/);
  await s.screenshot(join(shots, "spreadsheet-wizard.png"));
  // A column's role changed (Target 2026 → Abaikan): the preview asks again, fewer targets.
  const targetsBefore = Number((await s.text('[data-testid="sheet-counts"]')).match(/Target: (\d+)/)[1]);
  await s.choose('[data-testid="sheet-role-F"]', "ignore");
  await waitFor(async () => {
    const t = await s.text('[data-testid="sheet-counts"]');
    return Number(t.match(/Target: (\d+)/)?.[1]) < targetsBefore || t;
  }, "the preview with column F ignored", 10000);
  await s.screenshot(join(shots, "spreadsheet-wizard-peran.png"));
  await s.click('[data-testid="sheet-import-new"]');
  await answerFileDialog(s, "Simpan sebagai", created);
  await waitFor(async () => !(await s.exists('[data-testid="sheet-wizard"]')) || "wizard open", "the wizard closed", 20000);
  await s.find('[data-testid="main-screen"]');
  await waitFor(async () => (await hasBox(s, SASARAN_1)) || (await boxes(s)).join(" | "), "the imported tree on screen", 15000);
  assert.ok(await hasBox(s, TUJUAN));
  assert.ok(existsSync(created), "the new .pokin");
  assert.match(await s.text('[data-testid="header-file"]'), /renstra-dpupr\.pokin/);
  await s.screenshot(join(shots, "spreadsheet-dokumen-baru.png"));

  // ---- 2. A second table into this document; Ctrl+Z takes it all back -------------------------------
  await menu(s, "menu-file", "menu-import-sheet");
  await wizardOn(s, airMinum);
  assert.equal(await s.attribute('[data-testid="sheet-target-current"]', "checked"), "true");
  await s.screenshot(join(shots, "spreadsheet-wizard-ke-dokumen.png"));
  await s.click('[data-testid="sheet-import-current"]');
  await waitFor(async () => !(await s.exists('[data-testid="sheet-wizard"]')) || "wizard open", "the wizard closed", 20000);
  await waitFor(async () => (await hasBox(s, SASARAN_B)) || (await boxes(s)).join(" | "), "the second import on screen", 15000);
  assert.ok(await hasBox(s, SASARAN_1), "the first import still there");
  await s.screenshot(join(shots, "spreadsheet-impor-ke-dokumen.png"));
  await realClick(s, '[data-testid="canvas"]');
  await realKeys(s, "ctrl+z");
  await waitFor(async () => !(await hasBox(s, SASARAN_B)) || "still shown", "the import undone", 15000);
  assert.ok(await hasBox(s, SASARAN_1), "the first import kept");
  await waitFor(async () => (await s.text('[data-testid="save-state"]')) === "Tersimpan" || "saving", "Tersimpan");
  await s.screenshot(join(shots, "spreadsheet-urungkan.png"));

  // ---- 3. Berkas › Ekspor ke Excel… ---------------------------------------------------------------
  await menu(s, "menu-file", "menu-export-xlsx");
  await s.find('[data-testid="xlsx-dialog"]');
  await s.choose('[data-testid="xlsx-table"]', "cascading");
  await s.screenshot(join(shots, "spreadsheet-ekspor.png"));
  await s.click('[data-testid="xlsx-export"]');
  await answerFileDialog(s, "Ekspor ke Excel", xlsx);
  await waitFor(async () => existsSync(xlsx) || (await s.exists('[data-testid="xlsx-error"]').then((e) => (e ? s.text('[data-testid="xlsx-error"]') : "not yet"))), "the workbook written", 15000);
  await waitFor(async () => !(await s.exists('[data-testid="xlsx-dialog"]')) || "dialog open", "the export dialog closed");

  // ---- 4. A real agency workbook as a new document -----------------------------------------------
  await menu(s, "menu-file", "menu-import-sheet");
  await wizardOn(s, realBook);
  assert.ok((await outline(s)).some((r) => r.includes(REAL_SASARAN)), "the real workbook's sasaran in the preview");
  await s.screenshot(join(shots, "spreadsheet-wizard-pasangkayu.png"));
  await s.click('[data-testid="sheet-import-new"]');
  await answerFileDialog(s, "Simpan sebagai", realDoc);
  await waitFor(async () => !(await s.exists('[data-testid="sheet-wizard"]')) || "wizard open", "the wizard closed", 20000);
  await waitFor(async () => /pasangkayu-renstra\.pokin/.test(await s.text('[data-testid="header-file"]')) || "another file", "the new document open", 15000);
  await waitFor(async () => (await hasBox(s, REAL_SASARAN)) || (await boxes(s)).join(" | "), "the real workbook's tree on screen", 15000);
  await s.screenshot(join(shots, "spreadsheet-pasangkayu.png"));
}
