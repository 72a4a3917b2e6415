// End-to-end: marking a document final from the app (Berkas › Tetapkan sebagai final).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withApp, scratch, app, pokin, shots, waitFor, importSample } from "./webdriver.mjs";

const { work, env } = scratch();
const NAME = "Renstra 2021-2026 ditetapkan";

test("mark final: named version, read-only with the reason, the CLI agrees", async () => {
  const file = importSample(work, "lumajang-bkd", "lumajang");
  await withApp(app, [file], async (s) => {
    await s.waitForText("Meningkatnya Manajemen ASN melalui Sistem Merit");
    await s.click('[data-testid="menu-file"]');
    assert.equal(await s.attribute('[data-testid="menu-new-draft"]', "disabled"), "true", "no draft from a document that is not final");
    await s.click('[data-testid="menu-mark-final"]');
    await s.type('[data-testid="prompt-input"]', NAME);
    await s.click('[data-testid="prompt-ok"]');
    await waitFor(async () => (await s.text('[data-testid="readonly-banner"]')).includes("sudah ditetapkan (final)") || "no banner", "read-only banner");
    assert.match(await s.text('[data-testid="toast-info"]'), /Ditetapkan sebagai versi final "Renstra 2021-2026 ditetapkan"/);
    assert.equal(await s.attribute('[data-testid="undo"]', "disabled"), "true");
    await s.click('[data-testid="menu-file"]');
    assert.equal(await s.attribute('[data-testid="menu-new-draft"]', "disabled"), null, "a draft can be made from it now");
    await s.screenshot(join(shots, "ditetapkan-final.png"));
  }, env);
  // The file is final: the CLI refuses edits with the same reason and lists the final version.
  const history = execFileSync(pokin, ["history", file]).toString();
  assert.match(history, /Renstra 2021-2026 ditetapkan/);
  let refused = "";
  try {
    execFileSync(pokin, ["undo", file], { stdio: "pipe" });
  } catch (e) {
    refused = e.stderr.toString();
  }
  assert.match(refused, /sudah ditetapkan \(final\)/);
});
