// Times how long the real app takes from launch to an interactive window
// showing a 2,000-node synthetic tree (issue #3 target: ≤ 2 s).
// Run: node tests/e2e/bench-open.mjs   (after scripts/test or cargo build)
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDriver, Session, pokin, app as builtApp } from "./webdriver.mjs";

const app = process.env.POKIN_APP ?? builtApp;
const work = mkdtempSync(join(tmpdir(), "pokin-bench-"));
const json = join(work, "synth.json");
const file = join(work, "synth.pokin");
execFileSync(pokin, ["synth", "--nodes", "2000", "--flows", "5", "--seed", "1", "-o", json]);
execFileSync(pokin, ["import", json, file]);
const env = { XDG_CONFIG_HOME: join(work, "config"), XDG_DATA_HOME: join(work, "data") };
Object.assign(process.env, env);
const runs = [];
for (let i = 0; i < 3; i++) {
  const { stop, display } = await startDriver();
  // From the moment the app is started (not counting Xvfb and the driver).
  const start = Date.now();
  const s = await Session.start(app, [file], display);
  try {
    await s.find('[data-testid="node-n0"]', 30000);
    await s.waitForText("kesalahan", 30000);
    // Interactive: a click selects and the side panel answers.
    await s.click('[data-testid="node-n0"]');
    await s.find('[data-testid="panel-statement"]');
    runs.push(Date.now() - start);
  } finally {
    await s.end();
    await stop();
  }
}
runs.sort((a, b) => a - b);
console.log(`open 2000-node tree to interactive: median ${runs[1]} ms (runs ${runs.join(", ")} ms)`);
