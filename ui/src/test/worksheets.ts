// Worksheets as the core gives them (`worksheet`), for the worksheet tests.
import type { Worksheet, WorksheetRow } from "../generated";

const cells1 = (marks: Partial<Record<string, { mark: "Y" | "T"; auto: boolean; reason?: string }>> = {}) =>
  (["specific", "measurable", "achievable", "relevant", "time_bound", "challenging"] as const).map((criterion) => ({ criterion, auto: false, reason: "", ...marks[criterion] }));

const row1 = (node: string, ind: string, patch: Partial<WorksheetRow> = {}): WorksheetRow => ({
  id: `1:${node}/${ind}`,
  on: { indicator: [node, ind] },
  node,
  level: "Level 1",
  statement: `Kondisi ${node}`,
  indicator: `Indeks ${ind}`,
  unit: "",
  path: [],
  cells: cells1(),
  note: "",
  author: "",
  at: "",
  ...patch,
});

export function sheet1(): Worksheet {
  return {
    kke: 1,
    title: "KKE Format 1 — Kualitas Indikator (SMART dan Menantang)",
    criteria: [
      { criterion: "specific", label: "Spesifik", short: "S" },
      { criterion: "measurable", label: "Dapat Diukur", short: "M" },
      { criterion: "achievable", label: "Dapat Dicapai", short: "A" },
      { criterion: "relevant", label: "Relevan", short: "R" },
      { criterion: "time_bound", label: "Berbatas Waktu", short: "T" },
      { criterion: "challenging", label: "Menantang", short: "Mn" },
    ],
    rows: [
      row1("n0", "i0", { cells: cells1({ measurable: { mark: "T", auto: true, reason: "P008: belum punya satuan." } }) }),
      row1("n1", "i1", { cells: cells1({ specific: { mark: "Y", auto: false } }), note: "Perjelas", author: "Rina" }),
      row1("n1", "i2"),
    ],
    percentage: 6.67,
    challenging: 0,
    unjudged: 16,
  };
}

export const row2 = (node: string, path: string[], patch: Partial<WorksheetRow> = {}): WorksheetRow => ({
  id: `2:${node}`,
  on: { node },
  node,
  level: `Level ${path.length}`,
  statement: `Kondisi ${node}`,
  parent: path[path.length - 1],
  path,
  cells: [{ criterion: "logical", auto: false, reason: "" }],
  note: "",
  author: "",
  at: "",
  ...patch,
});

export function sheet2(): Worksheet {
  return {
    kke: 2,
    title: "KKE Format 2 — Logika Cascading Pohon Kinerja",
    criteria: [{ criterion: "logical", label: "Logis", short: "L" }],
    rows: [
      row2("n1", ["Tujuan"]),
      row2("n2", ["Tujuan", "Sasaran A"]),
      row2("n3", ["Tujuan", "Sasaran A", "Kondisi n2"], { cells: [{ criterion: "logical", mark: "T", auto: true, reason: "P013: kegiatan, bukan kondisi." }] }),
      row2("n4", ["Tujuan", "Sasaran B"], { cells: [{ criterion: "logical", mark: "K", auto: false, reason: "" }] }),
    ],
    percentage: 12.5,
    unjudged: 2,
  };
}

