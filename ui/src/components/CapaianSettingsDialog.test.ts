import { describe, expect, test } from "vitest";
import { settingsOf } from "./CapaianSettingsDialog";

describe("capaian settings", () => {
  test("bounds typed the Indonesian way; the last category takes the rest", () => {
    const s = settingsOf(
      [
        { min: "90,5", label: " Sangat Baik " },
        { min: "", label: "Kurang" },
      ],
      [{ value: " WTP", score: "4" }, { value: "", score: "" }],
      { sumber: "LKjIP" },
    );
    expect(s.categories).toEqual([{ min: 90.5, label: "Sangat Baik" }, { label: "Kurang" }]);
    expect(s.predicates).toEqual([{ value: "WTP", score: 4 }]);
    expect(s.extra).toEqual({ sumber: "LKjIP" });
  });
  test("a score that is not a number is not a number (the dialog says so before saving)", () => {
    const s = settingsOf([{ min: "", label: "Semua" }], [{ value: "AA", score: "tinggi" }], {});
    expect(Number.isNaN(s.predicates![0].score)).toBe(true);
  });
});
