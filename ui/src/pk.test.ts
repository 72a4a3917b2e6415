// The Perjanjian Kinerja in the print dialog and the official in the units dialog.
import { withOfficialField } from "./components/UnitsDialog";
import { PK_VIEW, defaultPkYear, defaultPrintForm, formForPk, isPk, optionsFromForm, pkUnit, printViews } from "./print";

const period = { from: 2021, to: 2026 };

describe("the Perjanjian Kinerja", () => {
  test("is offered once the document has units, and prints pk:UNIT for a year, portrait on A4 or F4", () => {
    expect(printViews({}).map((v) => v.value)).not.toContain(PK_VIEW);
    expect(printViews({ units: [{ id: "kaban", name: "Kepala Badan" }] }).map((v) => v.value)).toContain(PK_VIEW);
    const form = formForPk({ ...defaultPrintForm(), paper: "A3", landscape: true, mode: "poster" }, "sekban", 2025);
    expect(form).toMatchObject({ view: "pk:sekban", year: 2025, paper: "A4" });
    expect(formForPk({ ...defaultPrintForm(), paper: "F4" }, "sekban", 2024).paper).toBe("F4");
    const built = optionsFromForm(form, period);
    expect(built.ok && built.options).toMatchObject({ view: "pk:sekban", year: 2025, paper: "A4", landscape: false, mode: "fit" });
    // Other views send no year.
    const tree = optionsFromForm({ ...defaultPrintForm(), year: 2025 }, period);
    expect(tree.ok && tree.options.year).toBeUndefined();
    expect([isPk("pk:sekban"), isPk(PK_VIEW), isPk("review"), pkUnit("pk:sekban"), pkUnit("tree")]).toEqual([true, true, false, "sekban", ""]);
  });

  test("starts at this year within the period, else the period's nearest year", () => {
    expect(defaultPkYear(period, new Date(2025, 5, 1))).toBe(2025);
    expect(defaultPkYear(period, new Date(2030, 0, 1))).toBe(2026);
    expect(defaultPkYear(period, new Date(2019, 0, 1))).toBe(2021);
  });
});

describe("the official of a unit", () => {
  test("one field at a time; acting only plt, plh or pj; an empty official goes away", () => {
    const unit = { id: "sekban", name: "Sekretariat", parent: "kaban" };
    const named = withOfficialField(unit, "name", "  Drs. Iwan Setiawan ");
    expect(named).toEqual({ ...unit, official: { name: "Drs. Iwan Setiawan" } });
    const acting = withOfficialField(named, "acting", "plt");
    expect(acting.official).toEqual({ name: "Drs. Iwan Setiawan", acting: "plt" });
    expect(withOfficialField(acting, "acting", "").official).toEqual({ name: "Drs. Iwan Setiawan" });
    expect(withOfficialField(acting, "acting", "kepala").official).toEqual({ name: "Drs. Iwan Setiawan" });
    expect(withOfficialField(named, "name", "")).toEqual(unit);
  });
});
