import { defineConfig } from "vite";

// Vitest's reporter prints failures with Map.groupBy, which Node 20 lacks:
// without this, a failing test says only "Map.groupBy is not a function".
if (typeof (Map as unknown as { groupBy?: unknown }).groupBy !== "function") {
  Object.defineProperty(Map, "groupBy", {
    value: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> => {
      const out = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = out.get(k);
        if (group) group.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

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
