import { formFromMeta, isoDate, localDate, metaFromForm, updateDocumentOp, valuesOutside } from "./documentMeta";
import { sampleDoc } from "../test/fixtures";
import type { DocumentMeta } from "../types";

const meta = (): DocumentMeta => ({
  title: "Pohon Kinerja BKD",
  agency: "BKD",
  government: "Kabupaten Uji",
  period: { from: 2025, to: 2029 },
  status: "draft",
  signatory: { place: "Lumajang", date: "2025-01-15" },
  extra: { "x-origin": { by: "Excel" } },
});

test("the form shows the header, the date as an Indonesian writes it", () => {
  const f = formFromMeta(meta());
  expect(f).toMatchObject({ title: "Pohon Kinerja BKD", from: "2025", to: "2029", place: "Lumajang", date: "15-01-2025", nip: "" });
  expect(localDate("2025-01-15")).toBe("15-01-2025");
});

test("dates: day-month-year or ISO, real days only", () => {
  expect(isoDate("15-01-2025")).toBe("2025-01-15");
  expect(isoDate("5/1/2025")).toBe("2025-01-05");
  expect(isoDate("2025-1-5")).toBe("2025-01-05");
  expect(isoDate("31-02-2025")).toBeNull();
  expect(isoDate("Januari")).toBeNull();
});

test("a save is one update_document with status and extra exactly as they were", () => {
  const original = meta();
  const f = { ...formFromMeta(original), title: " Pohon Kinerja BKD 2025 ", to: "2030", position: "Kepala Badan", name: "Drs. A", rank: "Pembina (IV/a)", nip: "19700101 199503 1 001" };
  const r = metaFromForm(f, original);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.meta).toEqual({
    title: "Pohon Kinerja BKD 2025",
    agency: "BKD",
    government: "Kabupaten Uji",
    period: { from: 2025, to: 2030 },
    status: "draft",
    signatory: { place: "Lumajang", date: "2025-01-15", position: "Kepala Badan", name: "Drs. A", rank: "Pembina (IV/a)", nip: "19700101 199503 1 001" },
    extra: { "x-origin": { by: "Excel" } },
  });
  expect(updateDocumentOp(r.meta, original)).toEqual({ op: "update_document", document: r.meta });
});

test("nothing changed: no op; emptied fields are left out", () => {
  const original = meta();
  const same = metaFromForm(formFromMeta(original), original);
  expect(same.ok && updateDocumentOp(same.meta, original)).toBeNull();
  const emptied = metaFromForm({ ...formFromMeta(original), agency: " ", place: "", date: "" }, original);
  expect(emptied.ok).toBe(true);
  if (!emptied.ok) return;
  expect(emptied.meta.agency).toBeUndefined();
  expect(emptied.meta.signatory).toBeUndefined();
  expect(emptied.meta.status).toBe("draft");
});

test("wrong fields are named in Indonesian", () => {
  const r = metaFromForm({ ...formFromMeta(meta()), title: "", from: "25", to: "2024", date: "besok", nip: "abc" }, meta());
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.title).toMatch(/harus diisi/);
  expect(r.errors.from).toMatch(/empat angka/);
  expect(r.errors.date).toMatch(/hari-bulan-tahun/);
  expect(r.errors.nip).toMatch(/angka/);
  const back = metaFromForm({ ...formFromMeta(meta()), from: "2029", to: "2025" }, meta());
  expect(!back.ok && back.errors.to).toMatch(/tidak boleh sebelum/);
});

test("targets outside a new period are counted, so the planner knows they are kept", () => {
  const doc = sampleDoc();
  doc.tree.nodes![1].indicators = [{ id: "i1", targets: { "2025": 1, "2026": 2, "2027": 3 }, actuals: { "2025": 1 } }];
  expect(valuesOutside(doc, 2025, 2027)).toEqual({ count: 0, years: [] });
  expect(valuesOutside(doc, 2026, 2030)).toEqual({ count: 2, years: [2025] });
});
