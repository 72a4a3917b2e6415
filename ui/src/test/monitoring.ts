// A CapaianReport as the core gives it, for sampleDoc with realisasi (editor/monitoring.test.ts).
import type { CapaianReport } from "../types";

export function capaianReport(): CapaianReport {
  return {
    year: 2025,
    predicates: [{ value: "WTP", score: 4 }],
    categories: [
      { label: "Sangat Tinggi", min: 91, colour: "#1e7b34" },
      { label: "Tinggi", min: 76, colour: "#7cb342" },
      { label: "Sedang", min: 66, colour: "#f2c12e" },
      { label: "Rendah", min: 51, colour: "#ef8a2c" },
      { label: "Sangat Rendah", colour: "#d2322d" },
    ],
    indicators: [
      { node: "n1", indicator: "i1", target: 64, target_source: "renstra", realisasi: 80, capaian: 125, category: 0, quarters: [31.25, 31.25, 31.25, 31.25] },
      { node: "n1", indicator: "i2", target: 200, target_source: "pk", quarters: [] },
    ],
    nodes: [
      { node: "n1", capaian: 125, category: 0, own_budget: false, budget: { ceiling: 1_000_000, spent: 900_000, serapan: 90 } },
      { node: "n3", own_budget: true, budget: { ceiling: 1_000_000, spent: 900_000, serapan: 90 } },
    ],
    budget: { ceiling: 1_000_000, spent: 900_000, serapan: 90 },
  };
}
