// Tetapkan sebagai final with errors in the report: how many, and which.

import type { Finding, Report } from "../types";

/** How many errors are listed in the confirmation (the rest are counted). */
export const FINAL_LIST_LIMIT = 10;

/** The findings that stand against a final version: errors not accepted. */
export function openErrors(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity === "error" && (f.accepted === undefined || f.accepted === null));
}

/** The confirmation's text: null when there is nothing to confirm. */
export function finalWarning(report: Report): { message: string; details: string[] } | null {
  const errors = openErrors(report);
  if (errors.length === 0) return null;
  const details = errors.slice(0, FINAL_LIST_LIMIT).map((f) => `${f.rule} — ${f.message}`);
  if (errors.length > FINAL_LIST_LIMIT) details.push(`… dan ${errors.length - FINAL_LIST_LIMIT} kesalahan lainnya (lihat panel Temuan).`);
  return {
    message:
      `Pemeriksaan masih menemukan ${errors.length} kesalahan yang belum diterima. ` +
      "Dokumen final tidak dapat diubah lagi. Tetap tetapkan sebagai final dengan kesalahan ini?",
    details,
  };
}
