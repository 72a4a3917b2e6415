// End-to-end: the reviewers' round trip (issue #11) on the real app.
// The planner sends a review copy of the Lumajang sample (menu, name, the
// native save dialog answered with real keys); a reviewer (a second app
// session on the copy, with its own config) comments on a node, a link and
// a flow step with Ctrl+Alt+M and rewrites a statement (F2); the planner
// merges (native open dialog, the merge dialog: one change accepted, one
// rejected), answers a comment and marks it Diperbaiki, merges a second
// reviewer's copy (its comments, no duplicates, a conflict with both
// texts), undoes that merge, and compares with the base.
// Set up with the CLI, and said where: the reviewer's new target (an
// indicator's targets have no one-key edit), and the whole of the second
// reviewer's copy (review-copy, comment, apply).
// Needs xdotool and xclip (scripts/setup installs them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample, answerFileDialog, realClick, realKeys, realType } from "./webdriver.mjs";

const { work, env: planner } = scratch();
/** The reviewer's app keeps its own preferences. */
const reviewer = { XDG_CONFIG_HOME: join(work, "config-reviewer"), XDG_DATA_HOME: join(work, "data-reviewer") };


/** Selects a box of the tree: Ctrl+F, its words typed, Enter (the search centres it), Escape. */
async function selectNode(s, id, words) {
  await realClick(s, '[data-testid="canvas"]');
  await realKeys(s, "ctrl+f");
  await s.find('[data-testid="search-input"]');
  await realKeys(s, "ctrl+a");
  await realType(s, words);
  await realKeys(s, "Return");
  await waitFor(async () => (await s.text('[data-testid="panel-node-id"]')) === id || (await s.text('[data-testid="panel-node-id"]')), `${id} selected`);
  await realKeys(s, "Escape");
}

async function menu(s, top, item) {
  await s.click(`[data-testid="${top}"]`);
  await s.click(`[data-testid="${item}"]`);
}

/** Berkas › Gabungkan hasil reviu…, the copy given in the native open dialog, the merge dialog shown. */
async function openMerge(s, copy) {
  await menu(s, "menu-file", "menu-merge-review");
  await answerFileDialog(s, "Gabungkan hasil reviu", copy);
  try {
    await s.find('[data-testid="merge-dialog"]', 20000);
  } catch (e) {
    await s.screenshot(join(shots, "review-failed.png"));
    throw new Error(`${e.message}\n${(await s.pageText()).slice(0, 300)}`);
  }
}

/** Preferensi: the author's name and role, through the dialog. */
async function setPreferences(s, name, role) {
  await menu(s, "menu-file", "menu-preferences");
  await s.type('[data-testid="preferences-name"]', name);
  await s.type('[data-testid="preferences-role"]', role);
  await s.click('[data-testid="preferences-save"]');
  await waitFor(async () => !(await s.exists('[data-testid="preferences-dialog"]')) || "still open", "preferences saved");
}

/** A field's value once it shows `want` or has stopped changing for a while (keys typed for real arrive late under load). */
async function settledValue(s, css, want, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let last = await s.value(css);
  let since = Date.now();
  while (last !== want && Date.now() < end) {
    await sleep(150);
    const now = await s.value(css);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > 2000) {
      break;
    }
  }
  return last;
}

/** Ctrl+Alt+M (real keys) on the selection, the target chosen, the text typed, Ctrl+Enter. */
async function comment(s, target, text) {
  await realKeys(s, "ctrl+alt+m");
  await s.find('[data-testid="review-composer"]');
  if (target !== null) await s.choose('[data-testid="review-composer-target"]', String(target));
  await s.click('[data-testid="review-composer-text"]');
  await realType(s, text);
  // xdotool's typing may lose characters under load: then the field is filled
  // again, but only once the keys still on their way have arrived (a refill
  // before them got their tail in front of the text).
  const field = '[data-testid="review-composer-text"]';
  if ((await settledValue(s, field, text)) !== text) {
    await s.type(field, text);
    assert.equal(await settledValue(s, field, text), text, "the comment's text filled again");
  }
  await realKeys(s, "ctrl+Return");
  await waitFor(async () => !(await s.exists('[data-testid="review-composer"]')) || "composer open", `comment "${text}" saved`).catch(async (e) => {
    await s.screenshot(join(shots, "review-failed.png"));
    throw e;
  });
}

const threads = (s) => s.execute('return [...document.querySelectorAll("[data-testid^=thread-][data-status]")].map(e => ({ id: e.dataset.testid.slice(7), status: e.dataset.status, text: e.querySelector(".review-text").textContent }))');
const exported = (file) => JSON.parse(execFileSync(pokin, ["export", "json", file], { encoding: "utf8" }));
const cli = (...args) => execFileSync(pokin, args, { encoding: "utf8" });

const plan = importSample(work, "lumajang-bkd", "rencana");
const copy1 = join(work, "rencana-reviu-rina.pokin");
const copy2 = join(work, "rencana-reviu-sari.pokin");
const N2_OLD = "Meningkatnya Manajemen ASN melalui Sistem Merit";
const N2_RINA = "Meningkatnya Penerapan Sistem Merit dalam Manajemen ASN";
const N2_SARI = "Terwujudnya Sistem Merit pada Manajemen ASN";

test("reviewers' round trip: send, comment and suggest, merge twice, answer, undo, compare", { timeout: 600000 }, async () => {
  // ---- 1. The planner sends a review copy ------------------------------------------------
  await withApp(app, [plan], async (s) => {
    await s.waitForText(N2_OLD);
    await setPreferences(s, "Budi", "Perencana");
    await menu(s, "menu-file", "menu-send-review");
    await s.type('[data-testid="prompt-input"]', "Rina");
    await s.click('[data-testid="prompt-ok"]');
    await answerFileDialog(s, "Kirim untuk reviu", copy1, { shot: "review-dialog-kirim.png" });
    await waitFor(async () => existsSync(copy1) || "no copy", "the review copy written", 15000).catch(async (e) => {
      await s.screenshot(join(shots, "review-failed.png"));
      throw new Error(`${e.message}\n--- screen ---\n${(await s.pageText()).slice(0, 600)}`);
    });
    await s.waitForText("Salinan reviu untuk Rina");
  }, planner);
  // The second reviewer's copy, from the same base (CLI: review-copy, comment, apply).
  cli("review-copy", plan, "-o", copy2, "--reviewer", "Sari");
  cli("comment", copy2, "--on", "node:n1", "--text", "Sasaran level 1 perlu indikator outcome", "--author", "Sari", "--role", "Bappeda");
  {
    const node = exported(copy2).tree.nodes.find((n) => n.id === "n2");
    cli("apply", copy2, JSON.stringify({ op: "update_node", node: { ...node, statement: N2_SARI } }));
  }
  // The reviewer's new target (CLI, before the copy is opened): indicator i2 of n2.
  {
    const node = exported(copy1).tree.nodes.find((n) => n.id === "n2");
    node.indicators[0].targets = { ...(node.indicators[0].targets ?? {}), 2025: 160 };
    cli("apply", copy1, JSON.stringify({ op: "update_node", node }));
  }

  // ---- 2. The reviewer comments and suggests, in the app, on the copy ---------------------------
  await withApp(app, [copy1], async (s) => {
    await s.waitForText("Salinan reviu untuk Rina");
    const banner = await s.text('[data-testid="review-banner"]');
    assert.match(banner, /versi dasar Dasar reviu Rina/);
    assert.match(banner, /suntingan dicatat sebagai usulan/);
    await setPreferences(s, "Rina", "Inspektorat");
    // The suggested target already marks n2 as changed.
    await waitFor(async () => (await s.attribute('[data-testid="mark-node-n2"]', "data-kind")) === "changed" || "no mark", "n2 marked changed");
    // A comment on the node n2.
    await selectNode(s, "n2", "Sistem Merit");
    await comment(s, null, "Kondisi belum menggambarkan perubahan yang diukur");
    // A comment on its link to n1 (the composer's third choice: node, indicator, link).
    await selectNode(s, "n2", "Sistem Merit");
    await comment(s, 2, "Justifikasi keterkaitan perlu merujuk evaluasi KASN");
    // A statement rewrite (F2, typed, Enter): a suggestion.
    await selectNode(s, "n2", "Sistem Merit");
    await realKeys(s, "F2");
    await s.find('[data-testid="edit-n2"]');
    await realKeys(s, "ctrl+a");
    await realType(s, N2_RINA);
    await realKeys(s, "Return");
    await s.waitForText(N2_RINA);
    // A comment on a flow step: the Peta Lintas Fungsi, step s1.
    await realKeys(s, "ctrl+4");
    await s.find('[data-testid="step-row-s1"]');
    await realClick(s, '[data-testid="step-no-s1"]');
    await comment(s, 0, "Langkah ini perlu batas waktu yang jelas");
    await waitFor(async () => (await s.exists('[data-testid="comments-step-f1-s1"]')) || "no badge", "the step's badge");
    await s.screenshot(join(shots, "review-reviewer-flow.png"));
    await realKeys(s, "ctrl+1");
    await waitFor(async () => (await s.text('[data-testid="comments-node-n2"]').catch(() => "")).includes("2") || "no badge", "n2's badge: 2 open threads");
    assert.equal((await threads(s)).length, 3);
    await s.click('[data-testid="suggestions-toggle"]');
    await s.find('[data-testid="change-node:n2-statement"]');
    await s.find('[data-testid="change-indicator:n2/i2-targets"]');
    await s.screenshot(join(shots, "review-reviewer.png"));
  }, reviewer);

  // ---- 3. The planner merges both copies -----------------------------------------------------------
  await withApp(app, [plan], async (s) => {
    await s.waitForText(N2_OLD);
    await openMerge(s, copy1);
    assert.match(await s.text('[data-testid="merge-comments"]'), /3 baru/);
    assert.match(await s.text('[data-testid="merge-change-count"]'), /^2 usulan/);
    // The statement's edit, word by word: the old text without what was added, the new one without what was removed.
    const [oldText, newText] = await s.execute(
      `const el = document.querySelector('[data-testid="merge-change-node:n2-statement"] [data-testid="word-diff"]');
       const side = (skip) => [...el.childNodes].filter((n) => n.nodeName !== skip).map((n) => n.textContent).join("");
       return [side("INS"), side("DEL")];`,
    );
    assert.equal(oldText, N2_OLD);
    assert.equal(newText, N2_RINA);
    await s.find('[data-testid="merge-change-indicator:n2/i2-targets"]');
    // Accept the statement, reject the target (a real click on its checkbox).
    await realClick(s, '[data-testid="merge-take-indicator:n2/i2"]');
    assert.equal(await s.execute('return document.querySelector(\'[data-testid="merge-take-indicator:n2/i2"]\').checked'), false);
    await s.screenshot(join(shots, "review-merge.png"));
    await realClick(s, '[data-testid="merge-apply"]');
    await s.waitForText(N2_RINA);
    await waitFor(async () => (await threads(s)).length === 3 || "threads", "three threads in the Reviu panel");
    // Answer the node's comment and mark it Diperbaiki: select it, Ctrl+Alt+J, type, status, Jawab.
    const onNode = (await threads(s)).find((t) => t.text.startsWith("Kondisi belum"));
    assert.ok(onNode, `the node's comment among the threads: ${JSON.stringify(await threads(s))}`);
    await realClick(s, `[data-testid="thread-${onNode.id}-show"]`);
    await realKeys(s, "ctrl+alt+j");
    await waitFor(async () => (await s.execute("return document.activeElement?.dataset.testid")) === `thread-${onNode.id}-reply` || "not focused", "the reply field focused");
    await realType(s, "Kondisi sudah dirumuskan ulang");
    await s.choose(`[data-testid="thread-${onNode.id}-reply-status"]`, "fixed");
    await realClick(s, `[data-testid="thread-${onNode.id}-send"]`);
    await waitFor(async () => (await threads(s)).find((t) => t.id === onNode.id)?.status === "fixed" || "status", "the thread Diperbaiki");
    assert.match(await s.text(`[data-testid="thread-${onNode.id}-status"]`), /Diperbaiki/);
    await s.screenshot(join(shots, "review-panel.png"));

    // The second reviewer: her comment, no duplicates, and a conflict on n2's statement.
    await openMerge(s, copy2);
    assert.match(await s.text('[data-testid="merge-comments"]'), /1 baru/);
    assert.equal(await s.text('[data-testid="merge-conflict-count"]'), "1 konflik");
    assert.equal(await s.text('[data-testid="merge-conflict-node:n2#statement-ours-text"]'), N2_RINA);
    assert.equal(await s.text('[data-testid="merge-conflict-node:n2#statement-theirs-text"]'), N2_SARI);
    await s.screenshot(join(shots, "review-conflict.png"));
    await realClick(s, '[data-testid="merge-apply"]');
    // Sari's comment, and the note the core keeps of her value in the conflict (nothing lost): 3 + 2, no duplicate.
    await waitFor(async () => (await threads(s)).length === 5 || JSON.stringify(await threads(s)), "five threads after the second merge");
    const after = await threads(s);
    assert.equal(new Set(after.map((t) => t.text)).size, 5);
    assert.ok(after.some((t) => t.text === "Sasaran level 1 perlu indikator outcome"));
    assert.ok(after.some((t) => t.text.startsWith("Konflik") && t.text.includes(N2_SARI)));
    // Ctrl+Z undoes the whole second merge.
    await realClick(s, '[data-testid="canvas"]');
    await realKeys(s, "ctrl+z");
    await waitFor(async () => (await threads(s)).length === 3 || "threads", "three threads again after undo");
    await s.waitForText(N2_RINA);

    // Compare with the base: exactly the accepted change.
    await menu(s, "menu-view", "menu-compare");
    await s.find('[data-testid="compare-dialog"]');
    assert.match(await s.value('[data-testid="compare-version"]'), /^Dasar reviu Rina/);
    await realClick(s, '[data-testid="compare-version-go"]');
    await s.find('[data-testid="compare-bar"]');
    assert.equal(await s.text('[data-testid="compare-count"]'), "1 perubahan");
    await s.find('[data-testid="change-node:n2-statement"]');
    await realKeys(s, "F8");
    await waitFor(async () => (await s.attribute('[data-testid="mark-node-n2"]', "data-kind")) === "changed" || "no mark", "n2 marked changed");
    await s.screenshot(join(shots, "review-compare.png"));
  }, planner);

  // The file (read with the CLI): the accepted statement, not the rejected target, three threads (the second merge undone).
  const doc = exported(plan);
  const n2 = doc.tree.nodes.find((n) => n.id === "n2");
  assert.equal(n2.statement, N2_RINA);
  assert.notEqual(n2.indicators[0].targets?.["2025"], 160);
  assert.equal(doc.annotations.length, 3);
  assert.equal(doc.annotations.find((a) => a.text.startsWith("Kondisi belum")).status, "fixed");
  // Merging Rina's copy again brings no comment twice (a preview: nothing applied).
  const again = spawnSync(pokin, ["merge", plan, copy1, "--format", "json"], { encoding: "utf8" });
  assert.equal(JSON.parse(again.stdout).comments.new, 0, again.stderr);
});
