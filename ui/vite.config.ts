import { defineConfig } from "vite";

// The shell loads the built files from ui/dist; no dev server is needed.
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      onwarn(warning, warn) {
        // @xyflow/react starts with "use client" (for React Server Components): meaningless in this app.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  test: { environment: "node", globals: true },
});
