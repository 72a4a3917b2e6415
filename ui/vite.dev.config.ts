import { defineConfig } from "vite";

// The UI over a stand-in core, for looking at it in a plain browser (not shipped).
// npx vite build -c vite.dev.config.ts && python3 -m http.server -d node_modules/.pokin-dev
export default defineConfig({
  base: "./",
  build: { outDir: "node_modules/.pokin-dev", emptyOutDir: true, target: "es2022", rollupOptions: { input: "dev.html" } },
});
