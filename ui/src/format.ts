// Indonesian formatting: thousands with ".", decimals with ",", months by name.
// Written by hand (not Intl) so the output is the same in every webview.

import type { Value } from "./types";

export const MONTHS = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
];

function groupThousands(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ".";
    out += digits[i];
  }
  return out;
}

/**
 * 6850200218 → "6.850.200.218"; 97.81 → "97,81"; with `decimals`, exactly
 * that many decimals (97.8 → "97,80" for 2). Without, as many as the number has.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  let text = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  if (/e/i.test(text)) {
    const abs = Math.abs(value);
    text = abs >= 1 ? BigInt(Math.round(abs)).toString() : abs.toFixed(decimals ?? 10).replace(/\.?0+$/, "") || "0";
  }
  const [whole, fraction] = text.split(".");
  const body = groupThousands(whole) + (fraction ? `,${fraction}` : "");
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** 97.81 → "97,81 %" */
export function formatPercent(value: number, decimals = 2): string {
  const text = formatNumber(Number(value.toFixed(decimals)));
  return `${text} %`;
}

/** "6.850.200.218" (money is whole rupiah). */
export function formatRupiah(value: number): string {
  return formatNumber(Math.round(value));
}

/** A target or baseline value as shown in a cell: numbers in Indonesian, text as it is. */
export function formatValue(value: Value | undefined | null): string {
  if (value === undefined || value === null) return "";
  return typeof value === "number" ? formatNumber(value) : value;
}

/**
 * Reads a number the way a planner types it: "6.850.200.218", "97,81",
 * "1.250,5", "55.96" (a dot followed by other than three digits is a
 * decimal point), "-3". Returns null for anything else.
 */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "").replace(/%$/, "");
  if (t === "") return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+(,\d+)?$/.test(t)) normal = t.replace(",", ".");
  else if (/^-?\d+\.\d+$/.test(t)) normal = t;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** A cell's text as a value: a number where it reads as one, otherwise the trimmed text; empty → undefined. */
export function parseValue(text: string): Value | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = parseNumber(t);
  return n === null ? t : n;
}

/** Whole rupiah from "6.850.200.218", "Rp 6.850.200.218", "6850200218"; null when empty or not money. */
export function parseRupiah(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, "").replace(/\s+/g, "");
  if (t === "") return null;
  if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(t)) return Number(t.replace(/,0+$/, "").replace(/\./g, ""));
  if (/^\d+$/.test(t)) return Number(t);
  return null;
}

/** "2024-01-15" or an RFC 3339 time → "15 Januari 2024"; anything else as it is. */
export function formatDate(text: string | Date): string {
  if (text instanceof Date) return `${text.getDate()} ${MONTHS[text.getMonth()]} ${text.getFullYear()}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return text;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return text;
  return `${Number(m[3])} ${MONTHS[month - 1]} ${m[1]}`;
}

/** "2024-01-15T09:30:00+07:00" → "15 Januari 2024 09.30" (Indonesian writes the time with a dot). */
export function formatDateTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(text);
  if (!m) return formatDate(text);
  return `${formatDate(m[1])} ${m[2]}.${m[3]}`;
}

/** "1 kesalahan, 2 peringatan, 0 info" */
export function summaryText(s: { error: number; warning: number; info: number }): string {
  return `${s.error} kesalahan, ${s.warning} peringatan, ${s.info} info`;
}

/** The message of a rejected command: the shell rejects with a plain string. */
export function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** The last part of a path, on Linux and Windows alike. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A file name for a new document: "Pohon Kinerja BKD" → "pohon-kinerja-bkd.pokin". */
export function suggestFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "pohon-kinerja"}.pokin`;
}
