// The UI over a stand-in core (dev/mock-core.ts), for a plain browser:
// dev.html?open=lumajang-bkd, ?synth=2000, ?error=1, ?readonly,
// &print (the print dialog open; &print=poster in poster mode).
import { installMockCore } from "./mock-core";

installMockCore();
await import("../src/main");

const print = new URLSearchParams(location.search).get("print");
if (print !== null) {
  const { editor } = await import("../src/editor");
  const started = Date.now();
  const timer = setInterval(() => {
    if (editor.state.screen !== "main" && Date.now() - started < 5000) return;
    clearInterval(timer);
    editor.openPrint();
    if (print === "poster") editor.setPrintForm({ mode: "poster", paper: "A4", indicators: true, years: [2025, 2026] });
  }, 50);
}
