// A minimal W3C WebDriver client (Node's fetch) and the harness that starts
// Xvfb and tauri-driver for the real app (recipe: shared/notes/e2e-on-linux.md).
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const PORT = Number(process.env.POKIN_E2E_PORT ?? 4444);
const BASE = `http://127.0.0.1:${PORT}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function call(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

/** Starts Xvfb and tauri-driver; returns a stop function that ends both by pid. */
export async function startDriver() {
  const display = `:${90 + (process.pid % 9)}`;
  const env = { ...process.env, DISPLAY: display, NO_AT_BRIDGE: "1", WEBKIT_DISABLE_COMPOSITING_MODE: "1", WEBKIT_DISABLE_DMABUF_RENDERER: "1" };
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await sleep(700);
  const driver = spawn("dbus-run-session", ["--", "tauri-driver", "--port", String(PORT)], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(BASE + "/status");
      break;
    } catch {
      await sleep(100);
    }
  }
  return async () => {
    // Stop what we started, by pid: the driver's whole process tree, then Xvfb.
    for (const pid of [...descendants(driver.pid), driver.pid]) {
      try { process.kill(pid, "SIGTERM"); } catch {}
    }
    try { xvfb.kill("SIGTERM"); } catch {}
    await sleep(300);
  };
}

function descendants(pid) {
  let children = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {}
  return children.flatMap((c) => [...descendants(c), c]);
}

export class Session {
  static async start(application, args = []) {
    const value = await call("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    const s = new Session();
    s.id = value.sessionId;
    return s;
  }
  path(p) { return `/session/${this.id}${p}`; }
  async find(css, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        const el = await call("POST", this.path("/element"), { using: "css selector", value: css });
        return el[ELEMENT];
      } catch (e) {
        last = e;
        await sleep(150);
      }
    }
    throw new Error(`element not found: ${css} (${last})`);
  }
  async text(css) { return call("GET", this.path(`/element/${await this.find(css)}/text`)); }
  async pageText() { return this.text("body"); }
  async waitForText(needle, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let text = "";
    while (Date.now() < end) {
      text = await this.pageText().catch(() => "");
      if (text.includes(needle)) return text;
      await sleep(200);
    }
    throw new Error(`text not shown: ${needle}\n--- screen ---\n${text.slice(0, 2000)}`);
  }
  async screenshot(file) {
    const png = await call("GET", this.path("/screenshot"));
    mkdirSync(new URL(".", `file://${file}`).pathname, { recursive: true });
    writeFileSync(file, Buffer.from(png, "base64"));
  }
  async end() { await call("DELETE", this.path("")).catch(() => {}); }
}
