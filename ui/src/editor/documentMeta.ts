// Berkas › Properti dokumen: the form over the document's header (title,
// agency, government, period, signatory) and the one `update_document` op a
// save sends. `status` and `extra` go back exactly as they came: the status
// changes only through Tetapkan sebagai final and the draft path.

import type { Document, DocumentMeta, Op, Signatory } from "../types";

export interface DocumentForm {
  title: string;
  agency: string;
  government: string;
  from: string;
  to: string;
  place: string;
  date: string;
  position: string;
  name: string;
  rank: string;
  nip: string;
}

export type DocumentField = keyof DocumentForm;
export const SIGNATORY_FIELDS = ["place", "date", "position", "name", "rank", "nip"] as const;

export function formFromMeta(d: DocumentMeta): DocumentForm {
  const s = d.signatory ?? {};
  return {
    title: d.title,
    agency: d.agency ?? "",
    government: d.government ?? "",
    from: String(d.period.from),
    to: String(d.period.to),
    place: s.place ?? "",
    date: s.date ? localDate(s.date) : "",
    position: s.position ?? "",
    name: s.name ?? "",
    rank: s.rank ?? "",
    nip: s.nip ?? "",
  };
}

/** "2025-01-15" → "15-01-2025" (as an Indonesian writes it); anything else as it is. */
export function localDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** "15-01-2025", "15/1/2025", "2025-01-15" → "2025-01-15"; null when it is no date. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export type MetaResult = { ok: true; meta: DocumentMeta } | { ok: false; errors: Partial<Record<DocumentField, string>> };

/** The document header the form stands for, on top of `original` (its status and extra kept as they are). */
export function metaFromForm(form: DocumentForm, original: DocumentMeta): MetaResult {
  const errors: Partial<Record<DocumentField, string>> = {};
  const title = form.title.trim();
  if (title === "") errors.title = "Judul dokumen harus diisi.";
  const year = (v: string) => (/^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN);
  const from = year(form.from);
  const to = year(form.to);
  if (Number.isNaN(from)) errors.from = "Tulis tahun dengan empat angka, misalnya 2025.";
  if (Number.isNaN(to)) errors.to = "Tulis tahun dengan empat angka, misalnya 2029.";
  if (!errors.from && !errors.to && to < from) errors.to = `Tahun akhir (${to}) tidak boleh sebelum tahun awal (${from}).`;
  let date = form.date.trim();
  if (date !== "") {
    const iso = isoDate(date);
    if (iso === null) errors.date = "Tulis tanggal sebagai hari-bulan-tahun, misalnya 15-01-2025.";
    else date = iso;
  }
  if (/[^\d\s]/.test(form.nip)) errors.nip = "NIP hanya berisi angka (spasi boleh).";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const meta: DocumentMeta = { ...original, title, period: { from, to } };
  const text = (key: "agency" | "government", v: string) => {
    if (v.trim() === "") delete meta[key];
    else meta[key] = v.trim();
  };
  text("agency", form.agency);
  text("government", form.government);
  const signatory: Signatory = {};
  for (const k of SIGNATORY_FIELDS) {
    const v = k === "date" ? date : form[k].trim();
    if (v !== "") signatory[k] = v;
  }
  if (Object.keys(signatory).length > 0) meta.signatory = signatory;
  else delete meta.signatory;
  return { ok: true, meta };
}

/** Keys in a fixed order, empty values left out: two headers that say the same compare equal. */
function canonical(d: DocumentMeta): string {
  const s = d.signatory ?? {};
  return JSON.stringify([
    d.title,
    d.agency ?? "",
    d.government ?? "",
    d.period.from,
    d.period.to,
    d.status ?? null,
    SIGNATORY_FIELDS.map((k) => s[k] ?? ""),
    d.extra ?? null,
  ]);
}

/** The op a save sends, or null when nothing changed. */
export function updateDocumentOp(meta: DocumentMeta, original: DocumentMeta): Op | null {
  return canonical(meta) === canonical(original) ? null : { op: "update_document", document: meta };
}

/** Targets (and actuals) kept in years outside a period: the core keeps them, the planner should know. */
export function valuesOutside(doc: Document, from: number, to: number): { count: number; years: number[] } {
  const years = new Set<number>();
  let count = 0;
  for (const n of doc.tree.nodes ?? []) {
    for (const ind of n.indicators ?? []) {
      for (const values of [ind.targets, ind.actuals]) {
        for (const y of Object.keys(values ?? {})) {
          const year = Number(y);
          if (year < from || year > to) {
            count++;
            years.add(year);
          }
        }
      }
    }
  }
  return { count, years: [...years].sort((a, b) => a - b) };
}
