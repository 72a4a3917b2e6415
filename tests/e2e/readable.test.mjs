// End-to-end: the tree is readable on screen (issue 9). Statements are at
// least 12 px at 100 %, a document opens at a zoom where its top levels can
// be read, no text runs past its box, the level names are never under the
// boxes, and on a 2,000-node tree Paskan gives an overview and the minimap
// shows the tree. Screenshots of Lumajang and Way Kanan at the opening zoom
// and at 100 % are kept in artifacts/screenshots/ (to be looked at).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withApp, scratch, app, pokin, shots, waitFor, importSample } from "./webdriver.mjs";

const { work, env } = scratch();

const run = (s, script, args = []) => s.execute(script, args);

/** What is on the tree canvas now: zoom, statement size in px, boxes whose text overflows, band labels covered. */
const MEASURE = `
  const vp = document.querySelector('.react-flow__viewport');
  const m = /matrix\\(([^,]+),/.exec(getComputedStyle(vp).transform) || /scale\\(([^)]+)\\)/.exec(vp.style.transform);
  const zoom = m ? parseFloat(m[1]) : 1;
  const canvas = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
  const lines = [...document.querySelectorAll('.box-lines')];
  const fontPx = lines.length ? parseFloat(getComputedStyle(lines[0]).fontSize) * zoom : 0;
  const overflowing = [];
  const visible = [];
  for (const el of lines) {
    const r = el.getBoundingClientRect();
    const onScreen = r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
    if (!onScreen) continue;
    const id = el.closest('[data-testid^="node-"]').dataset.testid;
    visible.push(id);
    // Each line as set: its rendered width against the room inside the box (1 layout point of slack).
    const range = document.createRange();
    range.selectNodeContents(el);
    const width = range.getBoundingClientRect().width;
    if (el.scrollWidth > el.clientWidth + 1 || width > r.width + zoom) overflowing.push(id + ' ' + Math.round(width) + '>' + Math.round(r.width));
  }
  const covered = [];
  const labels = [...document.querySelectorAll('[data-testid^="band-label-"]')];
  // The labels let clicks through (pointer-events: none), which hit testing skips: take part while measured.
  const layer = document.querySelector('.band-labels');
  const before = layer ? layer.style.pointerEvents : '';
  if (layer) layer.style.pointerEvents = 'auto';
  for (const l of labels) l.style.pointerEvents = 'auto';
  for (const l of labels) {
    const r = l.getBoundingClientRect();
    if (r.bottom < canvas.top || r.top > canvas.bottom) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!l.contains(hit)) covered.push(l.textContent + ' under ' + (hit && (hit.closest('[data-testid]')?.dataset.testid ?? hit.className)));
  }
  if (layer) layer.style.pointerEvents = before;
  for (const l of labels) l.style.pointerEvents = '';
  return { zoom, fontPx, overflowing, visible, covered, labels: labels.map((l) => l.textContent), shown: document.querySelector('[data-testid="zoom-level"]').textContent };
`;

const measure = (s) => run(s, MEASURE);

/** Waits until the viewport stops moving (an animated zoom or fit). */
async function settled(s) {
  let last = "";
  await waitFor(async () => {
    const now = await run(s, "return document.querySelector('.react-flow__viewport').style.transform");
    const same = now === last;
    last = now;
    return same || now;
  }, "the view to settle");
  await sleep(300);
}

async function lookAt(s, name, { top }) {
  await settled(s);
  const opening = await measure(s);
  await s.screenshot(join(shots, `pohon-${name}-awal.png`));
  // Opening: readable (≥ 10 px statements), never "fit everything" at a size nobody reads.
  assert.ok(opening.fontPx >= 10, `${name} opens with statements at ${opening.fontPx.toFixed(1)} px (${opening.shown})`);
  for (const id of top) assert.ok(opening.visible.includes(`node-${id}`), `${name}: ${id} is on screen at the opening zoom (${opening.visible.join(" ")})`);
  assert.deepEqual(opening.overflowing, [], `${name}: text past a box's edge at the opening zoom`);
  assert.deepEqual(opening.covered, [], `${name}: level names under boxes`);
  assert.ok(opening.labels.length >= 2, `${name}: level names shown (${opening.labels})`);

  // 100 %: a click on the zoom level.
  await s.click('[data-testid="zoom-level"]');
  await settled(s);
  const full = await measure(s);
  assert.equal(full.shown, "100%");
  assert.ok(full.fontPx >= 12, `${name} at 100 %: statements at ${full.fontPx} px`);
  assert.deepEqual(full.overflowing, [], `${name}: text past a box's edge at 100 %`);
  assert.deepEqual(full.covered, [], `${name}: level names under boxes at 100 %`);
  await s.screenshot(join(shots, `pohon-${name}-100.png`));
  return { opening, full };
}

test("Lumajang and Way Kanan: readable at the opening zoom and at 100 %", async () => {
  const lumajang = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [lumajang], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await lookAt(s, "lumajang", { top: ["n0", "n1", "n2"] });
  }, env);
  const waykanan = importSample(work, "waykanan-bkpsdm", "waykanan");
  const doc = JSON.parse(execFileSync(pokin, ["export", "json", waykanan], { encoding: "utf8" }));
  const root = doc.tree.nodes.find((n) => n.level === 0).id;
  await withApp(app, [waykanan], async (s) => {
    await s.waitForText("kesalahan");
    await lookAt(s, "waykanan", { top: [root] });
  }, env);
});

test("a 2,000-node tree: Paskan gives the overview, the minimap shows every box", async () => {
  const json = join(work, "synth.json");
  const file = join(work, "synth.pokin");
  execFileSync(pokin, ["synth", "--nodes", "2000", "--seed", "1", "-o", json]);
  execFileSync(pokin, ["import", json, file]);
  await withApp(app, [file], async (s) => {
    await s.find('[data-testid="minimap"]', 30000);
    await settled(s);
    const opening = await measure(s);
    assert.ok(opening.fontPx >= 10, `opens readable: ${opening.fontPx} px`);
    await s.screenshot(join(shots, "pohon-2000-awal.png"));
    // Every box is in the minimap, drawn from the layout (not only the boxes on screen).
    // (2,000 nodes and the outside boxes of their crosscutting links.)
    const boxes = Number(await s.attribute('[data-testid="minimap"]', "data-boxes"));
    assert.ok(boxes >= 2000, `${boxes} boxes in the layout`);
    const drawn = await run(s, "return [...document.querySelectorAll('[data-testid=\"minimap\"] path.mm-box')].reduce((n, p) => n + (p.getAttribute('d').match(/M/g) || []).length, 0)");
    assert.equal(drawn, boxes);
    // The minimap shows the levels (a tree 200 times wider than high is stretched, not a line).
    const mmTree = await run(s, "const b = document.querySelector('[data-testid=\"minimap\"] g').getBoundingClientRect(); return [b.width, b.height];");
    assert.ok(mmTree[1] >= 20, `the tree in the minimap is ${mmTree[1].toFixed(1)} px high`);
    // Paskan: this tree is far too wide for one screen (1 % zoom): it is folded to the levels that fit, and those fitted.
    await s.click('[data-testid="fit"]');
    await waitFor(async () => (await s.exists('[data-testid="toast-info"]')) || "no notice", "the notice");
    assert.match(await s.text('[data-testid="toast-info"]'), /terlalu lebar untuk satu layar: ditampilkan sampai/);
    await waitFor(async () => Number(await s.attribute('[data-testid="minimap"]', "data-boxes")) < 200 || "not folded", "folded");
    await settled(s);
    const fitted = await run(s, `
      const c = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.box')].map((b) => b.getBoundingClientRect());
      const left = Math.min(...boxes.map((r) => r.left)), right = Math.max(...boxes.map((r) => r.right));
      return { c: [c.left, c.right], left, right, n: boxes.length, width: boxes[0].width, shown: document.querySelector('[data-testid="zoom-level"]').textContent };
    `);
    assert.ok(fitted.n >= 5, `boxes drawn: ${JSON.stringify(fitted)}`);
    assert.ok(fitted.left >= fitted.c[0] - 2 && fitted.right <= fitted.c[1] + 2, `the folded tree lies inside the canvas: ${JSON.stringify(fitted)}`);
    assert.ok(fitted.width >= 20, `boxes are shapes one can click (${fitted.width.toFixed(1)} px wide, ${fitted.shown})`);
    await s.screenshot(join(shots, "pohon-2000-paskan.png"));
    // Unfolded again: the whole tree, the overview below 22 % draws it without text.
    await s.click('[data-testid="menu-view"]');
    await s.click('[data-testid="menu-expand-all"]');
    await waitFor(async () => Number(await s.attribute('[data-testid="minimap"]', "data-boxes")) >= 2000 || "still folded", "unfolded");
    await s.click('[data-testid="zoom-out"]');
    await s.click('[data-testid="zoom-out"]');
    await s.click('[data-testid="zoom-out"]');
    await s.click('[data-testid="zoom-out"]');
    await s.click('[data-testid="zoom-out"]');
    await s.click('[data-testid="zoom-out"]');
    await settled(s);
    await s.find('[data-testid="overview"]');
    await s.screenshot(join(shots, "pohon-2000-ikhtisar.png"));
    // A click in the minimap moves the view there.
    const before = await run(s, "return document.querySelector('.react-flow__viewport').style.transform");
    const mm = await run(s, "const r = document.querySelector('[data-testid=\"minimap\"]').getBoundingClientRect(); return [r.left, r.top, r.width, r.height];");
    await s.clickAt(mm[0] + mm[2] * 0.2, mm[1] + mm[3] * 0.5);
    await settled(s);
    const after = await run(s, "return document.querySelector('.react-flow__viewport').style.transform");
    assert.notEqual(after, before, "the minimap moved the view");
  }, env);
});
