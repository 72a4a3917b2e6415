// Screenshots of the process views for every sample (a look, not a test): node tests/e2e/look-processes.mjs [FOLDER]
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { withApp, scratch, root, app, pokin } from "./webdriver.mjs";
const { work, env } = scratch();
const out = process.argv[2] ?? "/tmp/look";
for (const sample of ["lamongan-bkd", "waykanan-bkpsdm", "kebumen-bkpsdm"]) {
  const file = join(work, `${sample}.pokin`);
  execFileSync(pokin, ["import", join(root, `assets/samples/${sample}.json`), file]);
  await withApp(app, [file], async (s) => {
    await s.find('[data-testid="mode-map"]');
    for (const mode of ["map", "relations", "flow"]) {
      await s.click(`[data-testid="mode-${mode}"]`);
      await new Promise((r) => setTimeout(r, 1200));
      await s.screenshot(join(out, `${sample}-${mode}.png`));
    }
  }, env);
}
