// Screenshots of the process views for every sample (a look, not a test): node tests/e2e/look-processes.mjs [FOLDER]
import { join } from "node:path";
import { withApp, scratch, app, importSample } from "./webdriver.mjs";
const { work, env } = scratch();
const out = process.argv[2] ?? "/tmp/look";
for (const sample of ["lamongan-bkd", "waykanan-bkpsdm", "kebumen-bkpsdm"]) {
  const file = importSample(work, sample);
  await withApp(app, [file], async (s) => {
    await s.find('[data-testid="mode-map"]');
    for (const mode of ["map", "relations", "flow"]) {
      await s.click(`[data-testid="mode-${mode}"]`);
      await new Promise((r) => setTimeout(r, 1200));
      await s.screenshot(join(out, `${sample}-${mode}.png`));
    }
  }, env);
}
