// End-to-end: the Temuan panel groups findings by rule (issue 12, "Less
// noise, clearer words"), on the Lumajang sample in the real app. A rule's
// heading gives its count and what its findings are, in the core's words; a
// rule with many findings starts folded and opens with a real click, Enter
// or Space (xdotool, as from a person); a link finding names both
// statements; a finding chosen in the side panel opens its group.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { withApp, scratch, app, shots, waitFor, importSample, realClick, realKeys } from "./webdriver.mjs";

const { work, env } = scratch();

const toggle = (rule) => `[data-testid="findings-rule-${rule}-toggle"]`;
const expanded = (s, rule) => s.attribute(toggle(rule), "aria-expanded");
const expandedIs = (s, rule, want) =>
  waitFor(async () => (await expanded(s, rule)) === want || `aria-expanded=${await expanded(s, rule)}`, `${rule} aria-expanded=${want}`);

test("findings grouped by rule: heading with count and phrase, folded when many, opened by click, Enter and Space", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    // Kesalahan, not galat.
    await waitFor(async () => (await s.text('[data-testid="findings-counts"]')).includes("17 kesalahan") || (await s.text('[data-testid="findings-counts"]')), "17 kesalahan");
    assert.ok(!(await s.pageText()).toLowerCase().includes("galat"), "no 'galat' on screen");

    // One heading per rule: its id, its count and the catalogue's phrase.
    assert.equal(await s.text('[data-testid="findings-rule-P016-heading"]'), "P016 · 47 keterkaitan tanpa justifikasi");
    assert.equal(await s.text('[data-testid="findings-rule-P014-heading"]'), "P014 · 36 simpul tanpa penanggung jawab");
    // Many findings: folded, none of its rows drawn. A few (P008's three): open.
    assert.equal(await expanded(s, "P016"), "false");
    assert.equal(await s.exists('[data-testid="finding-P016-0"]'), false);
    assert.equal(await expanded(s, "P008"), "true");
    assert.ok(await s.exists('[data-testid="finding-P008-0"]'));
    await s.screenshot(join(shots, "temuan-per-aturan.png"));

    // A real click on the heading opens the group.
    await realClick(s, toggle("P016"));
    await expandedIs(s, "P016", "true");
    const message = await s.text('[data-testid="finding-P016-0"] .finding-message');
    // The link finding names both statements, not "n3 → n2".
    assert.match(message, /^Keterkaitan «[^»]+» → «[^»]+» belum punya justifikasi/);
    assert.doesNotMatch(message, /\bn\d+ → n\d+\b/);
    // The hint all 47 share is said once, under the heading.
    assert.match(await s.text('[data-testid="findings-rule-P016-hint"]'), /^Saran: Tuliskan alasannya/);
    assert.equal(await s.exists('[data-testid="finding-P016-0"] .finding-hint'), false);
    await s.screenshot(join(shots, "temuan-per-aturan-dibuka.png"));

    // The heading keeps the focus: Enter folds it, Space opens it again.
    await realKeys(s, "Return");
    await expandedIs(s, "P016", "false");
    assert.equal(await s.exists('[data-testid="finding-P016-0"]'), false);
    await realKeys(s, "space");
    await expandedIs(s, "P016", "true");
    // The findings inside work as before: a click selects the node a finding is about; so does
    // Enter on a focused one (Tab is the tree's "add a child" here, so the focus is put on it).
    await realClick(s, '[data-testid="finding-P016-1-show"]');
    await waitFor(async () => (await s.text('[data-testid="panel-node-id"]').catch(() => "")) === "n4" || "not n4", "the second P016 finding's node (n4) selected");
    await s.execute("document.querySelector('[data-testid=\"finding-P016-0-show\"]').focus()");
    await realKeys(s, "Return");
    await waitFor(async () => (await s.text('[data-testid="panel-node-id"]').catch(() => "")) === "n3" || "not n3", "the first P016 finding's node (n3) selected");
    assert.equal(await s.attribute('[data-testid="finding-P016-0"]', "class"), "finding selected");

    // A finding chosen elsewhere (the node's own list in the side panel) opens its group and is marked there.
    await s.click('[data-testid="node-n9"]');
    await waitFor(async () => (await s.text('[data-testid="panel-node-id"]').catch(() => "")) === "n9" || "not n9", "n9 selected");
    assert.equal(await expanded(s, "P014"), "false");
    let item = null;
    for (let i = 0; await s.exists(`[data-testid="node-findings-${i}"]`); i++) {
      if ((await s.text(`[data-testid="node-findings-${i}"]`)).includes("P014")) item = `[data-testid="node-findings-${i}"]`;
    }
    assert.ok(item, "n9 lists its P014 finding");
    await realClick(s, item);
    await expandedIs(s, "P014", "true");
    await waitFor(async () => (await s.exists('[data-testid="findings-rule-P014"] .finding.selected')) || "no row selected", "the P014 row of n9 marked");
    assert.match(await s.text('[data-testid="findings-rule-P014"] .finding.selected'), /«Fasilitasi Lembaga Profesi ASN» \(n9\) belum punya penanggung jawab/);
    await s.screenshot(join(shots, "temuan-dipilih-dari-panel-simpul.png"));
  }, env);
});
