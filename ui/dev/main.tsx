// The UI over a stand-in core (dev/mock-core.ts), for a plain browser:
// dev.html?open=lumajang-bkd, ?synth=2000, ?error=1, ?readonly.
import { installMockCore } from "./mock-core";

installMockCore();
await import("../src/main");
