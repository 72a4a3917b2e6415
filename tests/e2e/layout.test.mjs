// End-to-end: Tampilan › Tata letak: ringkas (issue 13) on Kebumen's wide,
// shallow tree in the real app. Chosen with real mouse clicks (xdotool):
// the level bands go (levels no longer sit in rows), the tree's outline
// becomes a block instead of a strip, every box can be drawn at once, and
// "lebar" brings the bands back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { withApp, scratch, app, shots, waitFor, importSample, realClick } from "./webdriver.mjs";

const { work, env } = scratch();

/** The middles of some boxes from the top, the middle and the orphan rows, where drawn. */
async function outline(s) {
  const ids = ["n0", "n1", "n5", "n30", "n61", "n40"];
  const boxes = [];
  for (const id of ids) {
    if (await s.exists(`[data-testid="node-${id}"]`)) boxes.push(await s.middle(`[data-testid="node-${id}"]`));
  }
  return boxes;
}

test("Tata letak: ringkas turns Kebumen's strip into a block and back", async () => {
  const file = importSample(work, "kebumen-bkpsdm", "kebumen");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya");
    await waitFor(async () => (await s.exists('[data-testid="band-0"]')) || "no band", "the level bands in the wide layout");
    const wide = await outline(s);

    await realClick(s, '[data-testid="menu-view"]');
    await realClick(s, '[data-testid="menu-layout-compact"]');
    await waitFor(async () => !(await s.exists('[data-testid="band-0"]')) || "bands still shown", "no level bands in the compact layout");
    await realClick(s, '[data-testid="menu-view"]');
    assert.match(await s.text('[data-testid="menu-layout-compact"]'), /^✓ Tata letak: ringkas/);
    await realClick(s, '[data-testid="menu-fit"]');
    await s.screenshot(join(shots, "tata-letak-ringkas.png"));
    const compact = await outline(s);
    // Fitted to the window, the block shows every box where the strip could not.
    assert.equal(compact.length, 6, `boxes shown in the compact layout: ${compact.length}`);
    assert.ok(compact.length > wide.length, `compact ${compact.length}, wide ${wide.length}`);

    await realClick(s, '[data-testid="menu-view"]');
    await realClick(s, '[data-testid="menu-layout-wide"]');
    await waitFor(async () => (await s.exists('[data-testid="band-0"]')) || "no band", "the bands back in the wide layout");
  }, env);
});
