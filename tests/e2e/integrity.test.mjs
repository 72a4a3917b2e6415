// End-to-end: nothing lost, nothing garbled (issue #9). The .pokin alone
// holds every acknowledged edit (also after the app is killed), one program
// at a time has a file however it was opened, read-only files open
// read-only, absurd documents do not kill the app, a full disk loses nothing.
// The native save dialogs are answered with real keys: needs xdotool and xclip
// (scripts/setup installs them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, answerFileDialog } from "./webdriver.mjs";

const { work, env } = scratch();
const NEW = "Meningkatnya Ketepatan Data Kepegawaian";

/** `pokin` with args; returns {status, stdout, stderr}. */
function cli(...args) {
  const r = spawnSync(pokin, args, { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function exported(file) {
  return JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
}

/** Copies the .pokin alone (nothing beside it) into a folder of its own. */
function copyAlone(file, folder) {
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, "salinan.pokin");
  copyFileSync(file, copy);
  return copy;
}

/** Adds a child under n2 by keyboard (Tab, type, Enter) and waits until the core has it. */
async function addChild(s, statement) {
  await s.click('[data-testid="node-n2"]');
  await s.press("Tab");
  await s.type('[data-testid^="edit-"]', statement, { clear: false });
  await s.press("Enter");
  await s.waitForText(statement);
  await waitFor(async () => (await s.text('[data-testid="save-state"]')) === "Tersimpan", "saved");
}

/** The CLI, as a second program on a file the app has open, is refused and changes nothing. */
function assertCliRefused(file) {
  const before = readFileSync(file);
  const r = cli("apply", file, '{"op":"delete_node","id":"n1"}');
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /sedang dibuka oleh program lain/);
  assert.deepEqual(readFileSync(file), before);
}

test("the .pokin alone holds every acknowledged edit, after a normal quit and after a kill -9", async () => {
  const file = importSample(work, "lumajang-bkd", "kill");
  let pid;
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await addChild(s, NEW);
    pid = execFileSync("pgrep", ["-f", `pokin-studio ${file}`], { encoding: "utf8" }).trim().split("\n")[0];
    // Killed while the document is open: no chance to close or checkpoint anything.
    process.kill(Number(pid), "SIGKILL");
    await sleep(500);
  }, env);
  for (const suffix of ["-wal", "-shm"]) assert.ok(!existsSync(file + suffix), `no ${suffix} beside the file`);
  const copy = copyAlone(file, join(work, "surel"));
  assert.ok(exported(copy).tree.nodes.some((n) => n.statement === NEW), "the killed app's edit is in the file alone");

  // A normal session: edit, quit; the file alone again holds it, and nothing is left beside it.
  await withApp(app, [file], async (s) => {
    await s.waitForText(NEW);
    await addChild(s, "Meningkatnya Kualitas Arsip Kepegawaian");
    // Berkas › Keluar (Ctrl+Q): a normal quit closes the file.
    await s.press("Control", "q").catch(() => {}); // the app may be gone before the driver answers
    await waitFor(async () => !existsSync(file + "-journal"), "the journal gone on quit");
  }, env);
  for (const suffix of ["-wal", "-shm", "-journal"]) assert.ok(!existsSync(file + suffix), `no ${suffix} after quitting`);
  const again = copyAlone(file, join(work, "usb"));
  const saved = exported(again);
  assert.ok(saved.tree.nodes.some((n) => n.statement === "Meningkatnya Kualitas Arsip Kepegawaian"));
  assert.ok(saved.tree.nodes.some((n) => n.statement === NEW));
});

test("one writer: a second app and the CLI are refused however the file was opened", async () => {
  const file = importSample(work, "lumajang-bkd", "kunci");
  // App A holds the file (a plain process on a display of its own).
  const display = ":177";
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await sleep(700);
  const first = spawn("dbus-run-session", ["--", app, file], {
    env: { ...process.env, ...env, DISPLAY: display, NO_AT_BRIDGE: "1", WEBKIT_DISABLE_COMPOSITING_MODE: "1" },
    stdio: "ignore",
  });
  try {
    await waitFor(async () => cli("apply", file, '{"op":"delete_node","id":"n1"}').stderr.includes("sedang dibuka"), "app A holds the file", 20000);
    // App B, given the same file, says so on its start screen.
    await withApp(app, [file], async (s) => {
      const text = await s.waitForText("sedang dibuka oleh program lain");
      assert.match(text, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: berkas sedang dibuka oleh program lain`));
      await s.screenshot(join(shots, "berkas-sedang-dibuka.png"));
    }, env);
  } finally {
    first.kill("SIGTERM");
    xvfb.kill("SIGTERM");
    await sleep(500);
  }

  // New, sample and save-as in the app: the CLI is refused on each.
  await withApp(app, [], async (s) => {
    await s.waitForText("Contoh dokumen");
    await s.click('[data-testid="start-new"]');
    await s.type('[data-testid="new-title"]', "Pohon Kinerja Dinas Uji");
    const created = join(work, "dinas-uji.pokin");
    await s.click('[data-testid="new-submit"]');
    await answerFileDialog(s, "Simpan sebagai", created);
    await s.waitForText("Pohon Kinerja Dinas Uji");
    await waitFor(async () => existsSync(created), "the new file exists");
    assertCliRefused(created);

    const copy = join(work, "dinas-uji-salinan.pokin");
    await s.click('[data-testid="menu-file"]');
    await s.click('[data-testid="menu-save-as"]');
    await answerFileDialog(s, "Simpan sebagai", copy);
    await s.waitForText("Disimpan sebagai dinas-uji-salinan.pokin");
    assertCliRefused(copy);
    // The first file is free again once the app moved on to the copy.
    assert.equal(cli("validate", created).status, 0, "an empty new document has no error finding");

    await s.click('[data-testid="menu-file"]');
    await s.click('[data-testid="menu-home"]');
    await s.click('[data-testid="sample-lumajang-bkd"]');
    await s.waitForText("Meningkatnya Profesionalitas ASN");
    const sample = join(env.XDG_DATA_HOME, "id.pokinstudio.app", "contoh", "lumajang-bkd.pokin");
    assertCliRefused(sample);
  }, env);
});

test("a read-only file and a file in a read-only folder open read-only with the reason", async () => {
  const file = importSample(work, "lumajang-bkd", "hanya-baca");
  chmodSync(file, 0o444);
  const before = readFileSync(file);
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    assert.match(await s.text('[data-testid="readonly-banner"]'), /ditandai hanya-baca/);
    assert.match(await s.text('[data-testid="save-state"]'), /Tidak dapat diubah/);
    const title = await s.attribute('[data-testid="header-readonly"]', "title");
    assert.match(title, /ditandai hanya-baca/);
    await s.screenshot(join(shots, "berkas-hanya-baca.png"));
  }, env);
  assert.deepEqual(readFileSync(file), before);

  const folder = join(work, "cd");
  mkdirSync(folder);
  const inFolder = importSample(folder, "waykanan-bkpsdm", "reviu");
  chmodSync(folder, 0o555);
  try {
    await withApp(app, [inFolder], async (s) => {
      await s.waitForText("hanya-baca");
      assert.match(await s.text('[data-testid="readonly-banner"]'), /folder atau media penyimpanannya tidak boleh ditulis/);
    }, env);
  } finally {
    chmodSync(folder, 0o755);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) assert.ok(!existsSync(inFolder + suffix));
});

test("a cyclic and an absurd-period document: the app shows them or says why, the CLI prints or refuses", async () => {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, "../../assets/samples/lumajang-bkd.json"), "utf8"));
  doc.tree.links.push({ from: "n0", to: "n3", kind: "primary" });
  const cyclic = join(work, "lingkar.json");
  writeFileSync(cyclic, JSON.stringify(doc));
  const pdf = join(work, "lingkar.pdf");
  assert.equal(cli("export", "pdf", cyclic, "-o", pdf, "--paper", "A3", "--landscape").status, 0);
  const cyclicFile = join(work, "lingkar.pokin");
  assert.equal(cli("import", cyclic, cyclicFile).status, 0);
  await withApp(app, [cyclicFile], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    assert.match(await s.text('[data-testid="findings-panel"]'), /P001/);
    await s.screenshot(join(shots, "pohon-melingkar.png"));
  }, env);

  const absurd = JSON.parse(readFileSync(join(import.meta.dirname, "../../assets/samples/lumajang-bkd.json"), "utf8"));
  absurd.document.period = { from: 2025, to: 2147483647 };
  const typo = join(work, "salah-ketik.json");
  writeFileSync(typo, JSON.stringify(absurd));
  const r = cli("export", "pdf", typo, "-o", join(work, "x.pdf"));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /document\.period: periode 2025–2147483647 harus di antara tahun 1900 dan 2200/);
  await withApp(app, [typo], async (s) => {
    await s.waitForText("harus di antara tahun 1900 dan 2200");
  }, env);
});

test("a full disk: the app says so in Indonesian, never 'Tersimpan', and the file loses nothing", async (t) => {
  if (process.getuid?.() !== 0) return t.skip("mounting a small disk needs root");
  const disk = join(work, "disk-kecil");
  mkdirSync(disk);
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]);
  try {
    const file = importSample(disk, "lumajang-bkd", "penuh");
    spawnSync("dd", ["if=/dev/zero", `of=${join(disk, "isi")}`, "bs=4k"]);
    await withApp(app, [file], async (s) => {
      await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
      // A new node does not fit on the full disk.
      await s.click('[data-testid="node-n2"]');
      await s.press("Tab");
      await s.waitForText("disk penuh");
      await waitFor(async () => (await s.text('[data-testid="save-state"]')) === "Gagal menyimpan", "Gagal menyimpan");
      await s.screenshot(join(shots, "disk-penuh.png"));
    }, env);
    spawnSync("rm", ["-f", join(disk, "isi")]);
    const saved = exported(file);
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, "../../assets/samples/lumajang-bkd.json"), "utf8"));
    assert.equal(saved.tree.nodes.length, sample.tree.nodes.length, "the refused edit is not in the file");
    assert.equal(cli("validate", file).status, 1, "the file opens whole");
  } finally {
    spawnSync("umount", [disk]);
  }
});

test("F2 then Enter keeps a statement byte-identical where its box breaks after a slash or hyphenates a word", async () => {
  const file = importSample(work, "lumajang-bkd", "f2");
  const statements = {
    n1: "Terlaksananya Rehabilitasi/Renovasi/Pemeliharaan/Penataan Gedung Kantor",
    n2: "Meningkatnya Kepegawaianberkelanjutanterpaduberintegritas Daerah",
  };
  const before = exported(file);
  for (const [id, statement] of Object.entries(statements)) {
    const node = before.tree.nodes.find((n) => n.id === id);
    execFileSync(pokin, ["apply", file, JSON.stringify({ op: "update_node", node: { ...node, statement } })]);
  }
  await withApp(app, [file], async (s) => {
    for (const [id, statement] of Object.entries(statements)) {
      await s.waitForText(statement.slice(0, 12));
      // The box shows the statement wrapped by the core: after a "/" or with a hyphen.
      const shown = await s.execute(`return document.querySelector('[data-testid="node-${id}"] .box-lines').textContent;`);
      assert.match(shown, id === "n1" ? /\/\n/ : /-\n/, `${id} wraps: ${JSON.stringify(shown)}`);
      await s.click(`[data-testid="node-${id}"]`);
      await s.press("F2");
      await s.find(`[data-testid="edit-${id}"]`);
      await s.press("Enter");
      await waitFor(async () => !(await s.exists(`[data-testid="edit-${id}"]`)), "the in-place editor closed");
    }
    await s.screenshot(join(shots, "f2-tanpa-ubah.png"));
  }, env);
  const after = exported(file);
  for (const [id, statement] of Object.entries(statements)) {
    assert.equal(after.tree.nodes.find((n) => n.id === id).statement, statement, `${id} byte-identical`);
  }
});
