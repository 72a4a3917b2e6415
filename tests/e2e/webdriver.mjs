// A minimal W3C WebDriver client (Node's fetch) and the harness that starts
// Xvfb and tauri-driver for the real app (recipe: shared/notes/e2e-on-linux.md).
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const KEYS = {
  Tab: "\uE004", Enter: "\uE007", Shift: "\uE008", Control: "\uE009", Alt: "\uE00A", Escape: "\uE00C", Delete: "\uE017", F2: "\uE032",
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
};
let nextPort = Number(process.env.POKIN_E2E_PORT ?? 4444);
let BASE = "";

async function call(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A driver that stops answering fails the test instead of hanging it.
    signal: AbortSignal.timeout(20000),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

/** Starts Xvfb and tauri-driver; returns a stop function that ends both by pid. */
export async function startDriver() {
  const PORT = nextPort;
  nextPort += 2; // tauri-driver also takes the next port for WebKitWebDriver
  BASE = `http://127.0.0.1:${PORT}`;
  const display = `:${90 + (PORT % 50)}`;
  const env = { ...process.env, DISPLAY: display, NO_AT_BRIDGE: "1", WEBKIT_DISABLE_COMPOSITING_MODE: "1", WEBKIT_DISABLE_DMABUF_RENDERER: "1" };
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await sleep(700);
  const driver = spawn("dbus-run-session", ["--", "tauri-driver", "--port", String(PORT), "--native-port", String(PORT + 1)], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(BASE + "/status");
      break;
    } catch {
      await sleep(100);
    }
  }
  const stop = async () => {
    // Stop what we started, by pid: the driver's whole process tree, then Xvfb.
    for (const pid of [...descendants(driver.pid), driver.pid]) {
      try { process.kill(pid, "SIGTERM"); } catch {}
    }
    try { xvfb.kill("SIGTERM"); } catch {}
    await sleep(300);
  };
  return { stop, display };
}

function descendants(pid) {
  let children = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {}
  return children.flatMap((c) => [...descendants(c), c]);
}

export class Session {
  static async start(application, args = [], display = process.env.DISPLAY) {
    const value = await call("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    const s = new Session();
    s.id = value.sessionId;
    s.display = display;
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
  async click(css) { await call("POST", this.path(`/element/${await this.find(css)}/click`), {}); }
  /**
   * Clicks with the mouse at the middle of an element (`count` 2: a double
   * click). For SVG shapes, which WebKitWebDriver's element click refuses
   * as "not interactable".
   */
  async mouseClick(css, count = 1) {
    const [x, y] = await this.middle(css);
    const press = Array.from({ length: count }, () => [{ type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }]).flat();
    await call("POST", this.path("/actions"), {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [{ type: "pointerMove", duration: 0, origin: "viewport", x, y }, ...press],
      }],
    });
    await call("DELETE", this.path("/actions")).catch(() => {});
  }
  /** The middle of an element in viewport pixels, after scrolling it to the middle of its scroller. */
  async middle(css) {
    await this.find(css);
    const at = () => call("POST", this.path("/execute/sync"), {
      script: "const el = document.querySelector(arguments[0]); el.scrollIntoView({ block: 'center', inline: 'nearest' }); const r = el.getBoundingClientRect(); return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];",
      args: [css],
    });
    // Where it stays: a layout that is still being redrawn (after an edit, a resize) moves it.
    let last = await at();
    for (let i = 0; i < 20; i++) {
      await sleep(120);
      const now = await at();
      if (now[0] === last[0] && now[1] === last[1]) return now;
      last = now;
    }
    return last;
  }
  /** Drags with the mouse from one viewport point to another, in small steps. */
  async mouseDrag([x0, y0], [x1, y1]) {
    await call("POST", this.path("/actions"), {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: "viewport", x: x0, y: y0 },
          { type: "pointerDown", button: 0 },
          { type: "pointerMove", duration: 100, origin: "viewport", x: x0 + 6, y: y0 + 2 },
          { type: "pointerMove", duration: 300, origin: "viewport", x: x1, y: y1 },
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
    await call("DELETE", this.path("/actions")).catch(() => {});
  }
  /** Types into an element (after clearing it when `clear`). */
  async type(css, text, { clear = true } = {}) {
    const el = await this.find(css);
    if (clear) await call("POST", this.path(`/element/${el}/clear`), {});
    await call("POST", this.path(`/element/${el}/value`), { text });
  }
  /** Picks the option with `value` in a select. */
  async choose(css, value) { await this.click(`${css} option[value="${value}"]`); }
  async attribute(css, name) { return call("GET", this.path(`/element/${await this.find(css)}/attribute/${name}`)); }
  async value(css) { return call("GET", this.path(`/element/${await this.find(css)}/property/value`)); }
  async exists(css) {
    const found = await call("POST", this.path("/elements"), { using: "css selector", value: css });
    return found.length > 0;
  }
  /** Presses keys on the focused element; `keys` like ["Control", "z"]: held together. */
  async press(...keys) {
    const code = (k) => KEYS[k] ?? k;
    const down = keys.map((k) => ({ type: "keyDown", value: code(k) }));
    const up = [...keys].reverse().map((k) => ({ type: "keyUp", value: code(k) }));
    await call("POST", this.path("/actions"), { actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }] });
    await call("DELETE", this.path("/actions")).catch(() => {});
  }
  /** Drags one element onto another with the mouse. */
  async drag(fromCss, toCss) {
    const from = await this.find(fromCss);
    const to = await this.find(toCss);
    const origin = (el) => ({ [ELEMENT]: el });
    await call("POST", this.path("/actions"), {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: origin(from), x: 0, y: 0 },
          { type: "pointerDown", button: 0 },
          { type: "pointerMove", duration: 150, origin: origin(from), x: 12, y: 6 },
          { type: "pointerMove", duration: 300, origin: origin(to), x: 0, y: 0 },
          { type: "pointerMove", duration: 100, origin: origin(to), x: 2, y: 1 },
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
    await call("DELETE", this.path("/actions")).catch(() => {});
  }
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
  /**
   * A PNG of the screen as the user sees it, taken from the X display
   * (WebKitWebDriver's own screenshot hangs on some pages).
   */
  async screenshot(file) {
    mkdirSync(dirname(file), { recursive: true });
    await sleep(300); // let the last frame paint
    execFileSync("import", ["-display", this.display, "-window", "root", file]);
  }
  async end() { await call("DELETE", this.path("")).catch(() => {}); }
  /** Closes the app's window as a person would (the app quits normally). */
  async closeWindow() { await call("DELETE", this.path("/window")).catch(() => {}); }
}

/**
 * Runs `body` with the real app started with `args`, in a driver and an
 * Xvfb of its own (a fresh app per scenario; the two are stopped after).
 */
export async function withApp(application, args, body, env = {}) {
  Object.assign(process.env, env);
  const { stop, display } = await startDriver();
  let session;
  try {
    session = await Session.start(application, args, display);
    return await body(session);
  } finally {
    await session?.end();
    await stop();
  }
}

/**
 * Polls `check` until it returns true; anything else it returns (or throws)
 * is kept and shown when the wait runs out.
 */
export async function waitFor(check, what, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await check().catch((e) => e);
    if (last === true) return;
    await sleep(150);
  }
  throw new Error(`waited for ${what}; last: ${last}`);
}

/** Where the built programs and the screenshots are. */
export const root = resolve(import.meta.dirname, "../..");
export const app = join(root, "target/debug/pokin-studio");
export const pokin = join(root, "target/debug/pokin");
export const shots = join(root, "artifacts/screenshots");

/** Imports a shipped sample into `folder` as `<name>.pokin` (with the CLI) and returns its path. */
export function importSample(folder, sample, name = sample) {
  const file = join(folder, `${name}.pokin`);
  execFileSync(pokin, ["import", join(root, `assets/samples/${sample}.json`), file]);
  return file;
}

/** A scratch folder for one test file, and an environment that keeps the
 * app's recent files and sample copies inside it. */
export function scratch() {
  const work = mkdtempSync(join(tmpdir(), "pokin-e2e-"));
  return { work, env: { XDG_CONFIG_HOME: join(work, "config"), XDG_DATA_HOME: join(work, "data") } };
}

// ---- helpers added for the readability and real-input scenarios (issue 9) ----

/** Runs `script` in the page (a function body; `arguments` holds `args`) and returns its value. */
Session.prototype.execute = function execute(script, args = []) {
  return call("POST", this.path("/execute/sync"), { script, args });
};

/** A mouse click at a viewport point (pixels). */
Session.prototype.clickAt = async function clickAt(x, y) {
  await call("POST", this.path("/actions"), {
    actions: [{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: [{ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }],
    }],
  });
  await call("DELETE", this.path("/actions")).catch(() => {});
};

// ---- real input through xdotool (X events reach native dialogs and selects that WebDriver clicks miss) ----

/** Runs xdotool on the session's display. */
export function xdo(s, ...args) {
  return execFileSync("xdotool", args, { env: { ...process.env, DISPLAY: s.display }, encoding: "utf8" });
}

/** The app window's top-left on the X screen (the webview fills the window; no window manager under Xvfb). */
export function windowOrigin(s) {
  const ids = xdo(s, "search", "--onlyvisible", "--name", "Pokin Studio").trim().split("\n").filter(Boolean);
  for (const id of ids) {
    const v = Object.fromEntries(xdo(s, "getwindowgeometry", "--shell", id).trim().split("\n").map((l) => l.split("=")));
    if (Number(v.WIDTH) > 200) return [Number(v.X), Number(v.Y)];
  }
  return [0, 0];
}

/** A real mouse click at the middle of an element. */
export async function realClick(s, css) {
  const [x, y] = await s.middle(css);
  const [ox, oy] = windowOrigin(s);
  xdo(s, "mousemove", "--sync", String(ox + x), String(oy + y));
  await sleep(150);
  xdo(s, "click", "1");
  await sleep(200);
}

/** Real key presses, one after the other (xdotool key names: Down, Return, ctrl+alt+m …). */
export async function realKeys(s, ...keys) {
  for (const k of keys) {
    xdo(s, "key", "--clearmodifiers", k);
    await sleep(200);
  }
}

/** Text typed for real. */
export async function realType(s, text) {
  xdo(s, "type", "--delay", "30", text);
  await sleep(200);
}

// ---- native GTK file dialogs answered with real keys ----
//
// The dialog's location field is reached with Ctrl+L, but Ctrl+L toggles it:
// when the field is already shown and focused (as a second attempt finds it)
// Ctrl+L hides it and focuses the file list, where typed characters start a
// search: the path lands in the search field, Return does nothing and the
// dialog stays open (what a retry of the typed path used to do). A paste
// works from both places: Ctrl+V in the field replaces what Ctrl+A selected;
// Ctrl+V in the file list opens the field with the pasted text. A paste is
// also one event, which the field's inline completion cannot cut up as it
// can a path typed key by key.

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The X windows shown on the session's display whose title contains `title`. */
function windowsTitled(s, title) {
  try {
    return xdo(s, "search", "--onlyvisible", "--name", escapeRegex(title)).trim().split("\n").filter(Boolean);
  } catch {
    return []; // xdotool search exits 1 when nothing matches
  }
}

/** Whether a window whose title contains `title` is shown. */
export function dialogShown(s, title) {
  return windowsTitled(s, title).length > 0;
}

let xclipFound;
/** Whether xclip is installed (scripts/setup installs it); POKIN_E2E_NO_XCLIP=1 tries the typed fallback. */
function haveXclip() {
  if (process.env.POKIN_E2E_NO_XCLIP === "1") return false;
  if (xclipFound === undefined) {
    try {
      execFileSync("xclip", ["-version"], { stdio: "ignore" });
      xclipFound = true;
    } catch {
      xclipFound = false;
    }
  }
  return xclipFound;
}

/**
 * Puts `text` on the CLIPBOARD of the session's display: an xclip of our own
 * in the foreground (-quiet) serves it until `stop()` (or until another
 * program takes the clipboard, or the display ends). Resolves once the
 * clipboard reads back as `text`.
 */
async function offerClipboard(s, text) {
  const child = spawn("xclip", ["-quiet", "-selection", "clipboard", "-display", s.display], { stdio: ["pipe", "ignore", "ignore"] });
  child.on("error", () => {});
  child.unref(); // never keeps the test process alive
  child.stdin.end(text);
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try { child.kill("SIGTERM"); } catch {}
    }
  };
  const end = Date.now() + 5000;
  for (;;) {
    let served = null;
    try {
      served = execFileSync("xclip", ["-o", "-selection", "clipboard", "-display", s.display], { encoding: "utf8", timeout: 2000, stdio: ["ignore", "pipe", "ignore"] });
    } catch {}
    if (served === text) return stop;
    if (Date.now() > end) {
      stop();
      throw new Error(`xclip did not serve the clipboard on ${s.display} (read back: ${JSON.stringify(served)})`);
    }
    await sleep(100);
  }
}

/**
 * Answers the native GTK file dialog (open or save) whose title contains
 * `title` with `path`, with real X key events: the dialog focused, Ctrl+L,
 * Ctrl+A, the path pasted from the X clipboard (typed when xclip is
 * missing), Return. Done when the dialog is gone; while it stays, tried
 * again (three times in all), then an error naming the dialog and the path.
 * `shot`: a screenshot file name (in artifacts/screenshots) of the first
 * attempt, taken before Return.
 */
export async function answerFileDialog(s, title, path, { shot } = {}) {
  await waitFor(async () => dialogShown(s, title) || "no dialog", `the dialog "${title}"`, 15000);
  await sleep(600); // mapped is not yet ready for keys
  const paste = haveXclip();
  const stopClipboard = paste ? await offerClipboard(s, path) : null;
  try {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const dialog = windowsTitled(s, title).pop();
      if (!dialog) return;
      xdo(s, "windowfocus", "--sync", dialog);
      await sleep(150);
      await realKeys(s, "ctrl+l", "ctrl+a");
      if (paste) {
        await realKeys(s, "ctrl+v");
        await sleep(300); // the paste is answered by xclip: let it arrive before Return
      } else {
        // Typed: "/" opens the field from the file list too (not a search),
        // and the path goes in before a placeholder character (removed
        // after), so that the field's inline completion never sees the
        // cursor at the end.
        await realKeys(s, "slash", "ctrl+a");
        await realType(s, "x");
        await realKeys(s, "Home");
        await realType(s, path);
        await realKeys(s, "End", "BackSpace");
      }
      if (attempt === 1 && shot) await s.screenshot(join(shots, shot));
      await realKeys(s, "Return");
      const gone = await waitFor(async () => !dialogShown(s, title) || "still shown", `the dialog "${title}" closed`, 8000).then(() => true, () => false);
      if (gone) return;
      process.stderr.write(`answerFileDialog: "${title}" still open after attempt ${attempt} with ${path}\n`);
    }
    await s.screenshot(join(shots, "file-dialog-failed.png")).catch(() => {});
    throw new Error(`the native dialog "${title}" is still open after answering it three times with ${path} (${paste ? "pasted" : "typed"}; see artifacts/screenshots/file-dialog-failed.png)`);
  } finally {
    stopClipboard?.();
  }
}

// ---- the Temuan panel groups findings by rule (issue 12) ----

/**
 * Opens a rule's group in the Temuan panel (a rule with more than three
 * findings starts folded) with a click on its heading; a group already open
 * stays open.
 */
export async function openFindingGroup(s, rule) {
  const toggle = `[data-testid="findings-rule-${rule}-toggle"]`;
  if ((await s.attribute(toggle, "aria-expanded")) !== "true") await s.click(toggle);
  await waitFor(async () => (await s.attribute(toggle, "aria-expanded")) === "true" || "still folded", `the ${rule} group open`);
}
