import { defineConfig } from "vite";

// The shell loads the built files from ui/dist; no dev server is needed.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  test: { environment: "node", globals: true },
});
