import type { Document, DocumentView, Flow, NumberedTreeLayout, Processes, Report, TreeLayout } from "../types";

/** A small tree:            n0 (level 0)
 *                 n1              n2        (level 1)
 *              n3    n4           n5        (level 2)
 * plus n6 (level 1, no parent: an orphan), a crosscutting link n5 → ext:X/n9. */
export function sampleDoc(): Document {
  return {
    format: "pokin/1",
    document: { title: "Pohon Kinerja Uji", agency: "BKD", government: "Kabupaten Uji", period: { from: 2025, to: 2027 } },
    units: [
      { id: "kaban", name: "Kepala Badan", short: "Kaban", echelon: "II.b" },
      { id: "sek", name: "Sekretariat", echelon: "III.a", parent: "kaban" },
    ],
    tree: {
      levels: [
        { name: "Tujuan", kind: "impact" },
        { name: "Sasaran", kind: "outcome" },
        { name: "Output", kind: "output" },
      ],
      nodes: [
        { id: "n0", level: 0, statement: "Meningkatnya Reformasi Birokrasi" },
        { id: "n1", level: 1, statement: "Meningkatnya Profesionalitas ASN", owner: "kaban" },
        { id: "n3", level: 2, statement: "Terlaksananya Seleksi" },
        { id: "n2", level: 1, statement: "Menurunnya Pelanggaran Disiplin" },
        { id: "n4", level: 2, statement: "Tersedianya Data Kepegawaian" },
        { id: "n5", level: 2, statement: "Terkelolanya Arsip" },
        { id: "n6", level: 1, statement: "Yatim piatu" },
      ],
      links: [
        { from: "n1", to: "n0", kind: "primary", rationale: "Permenpan RB 26/2020" },
        { from: "n2", to: "n0", kind: "primary" },
        { from: "n3", to: "n1", kind: "primary" },
        { from: "n4", to: "n1", kind: "primary" },
        { from: "n5", to: "n2", kind: "primary" },
        { from: "n5", to: "ext:X/n9", kind: "crosscutting" },
      ],
    },
  };
}

export function sampleReport(): Report {
  return {
    findings: [
      { rule: "P007", severity: "error", target: { node: "n3" }, message: "Simpul n3 belum punya indikator.", hint: "Tambahkan indikator." },
      { rule: "P014", severity: "warning", target: { node: "n3" }, message: "Simpul n3 belum punya penanggung jawab." },
      { rule: "P009", severity: "warning", target: { indicator: ["n1", "i1"] }, message: "Target 2026 belum ada." },
      { rule: "P016", severity: "info", target: { link: ["n2", "n0"] }, message: "Keterkaitan n2 → n0 tanpa justifikasi." },
      { rule: "P014", severity: "warning", target: { node: "n4" }, message: "Simpul n4 belum punya penanggung jawab.", accepted: "Dikerjakan bersama" },
      { rule: "B001", severity: "warning", target: { process: "p1" }, message: "Proses p1 tidak melayani simpul mana pun." },
      { rule: "P020", severity: "info", target: { unit: "sek" }, message: "Sekretariat tidak memiliki simpul." },
    ],
    summary: { error: 1, warning: 3, info: 2 },
  };
}

/** Each node's primary parent in sampleDoc, as the core answers it (`parents` of a document view). */
export function sampleParents(): DocumentView["parents"] {
  return { n1: "n0", n2: "n0", n3: "n1", n4: "n1", n5: "n2" };
}

export function sampleView(doc = sampleDoc(), patch: Partial<DocumentView> = {}): DocumentView {
  return { path: "/home/perencana/uji.pokin", read_only: null, document: doc, report: sampleReport(), can_undo: false, can_redo: false, doc_seq: 1, parents: sampleParents(), ...patch };
}

const box = (id: string, level: number, x: number, extra: Partial<TreeLayout["boxes"][number]> = {}) => ({
  id,
  level,
  x,
  y: level * 100 + 20,
  width: 80,
  height: 40,
  lines: [id],
  font_size: 9,
  line_height: 11,
  padding: 6,
  notes: [],
  note_size: 7,
  note_line_height: 9,
  hidden_children: 0,
  external: false,
  ...extra,
});

/** The layout of sampleDoc, boxes placed left to right in document order per level. */
export function sampleLayout(): NumberedTreeLayout {
  const boxes = [
    box("n0", 0, 200),
    box("n1", 1, 100),
    box("n2", 1, 300),
    box("n6", 1, 400),
    box("n3", 2, 50),
    box("n4", 2, 150),
    box("n5", 2, 300),
    box("ext:X/n9", 1, 500, { external: true }),
  ];
  const edge = (from: string, to: string, kind: "primary" | "crosscutting" = "primary") => ({ from, to, kind, points: [[0, 0], [1, 1]] as [number, number][], cycle: false });
  return {
    seq: 1,
    width: 600,
    height: 300,
    bands: [
      { level: 0, name: "Tujuan", y: 0, height: 100 },
      { level: 1, name: "Sasaran", y: 100, height: 100 },
      { level: 2, name: "Output", y: 200, height: 100 },
    ],
    boxes,
    edges: [edge("n1", "n0"), edge("n2", "n0"), edge("n4", "n1"), edge("n3", "n1"), edge("n5", "n2"), edge("n5", "ext:X/n9", "crosscutting")],
  };
}

/** A three-step flow: s1 (start, kaban) → s2 (sek) → s3 (end, sek). */
export function sampleFlow(): Flow {
  return {
    id: "f1",
    name: "Layanan cuti",
    process: "p1",
    lanes: ["kaban", "sek"],
    steps: [
      { id: "s1", number: 1, text: "Mengajukan cuti", lane: "kaban", shape: "start", next: ["s2"] },
      { id: "s2", number: 2, text: "Memverifikasi", lane: "sek", shape: "process", next: ["s3"], duration: "1 hari", output: "Berkas" },
      { id: "s3", number: 3, text: "Menerbitkan surat cuti", lane: "sek", shape: "end" },
    ],
  };
}

/**
 * A process map: p1 (core, owned by kaban, serves n1) with its sub-process
 * p2, p3 (core, serves n1 and n2), p4 (management); and `sampleFlow` for p1.
 */
export function sampleProcesses(): Processes {
  return {
    map: {
      goal: "Meningkatnya Reformasi Birokrasi",
      inputs: ["Regulasi"],
      outputs: ["IKM"],
      processes: [
        { id: "p4", category: "management", name: "Tata kelola", owners: ["sek"] },
        { id: "p1", category: "core", name: "Manajemen ASN", owners: ["kaban"], nodes: ["n1"] },
        { id: "p3", category: "core", name: "Penilaian kinerja", nodes: ["n1", "n2"] },
        { id: "p2", category: "core", name: "Seleksi ASN", parent: "p1" },
      ],
    },
    flows: [sampleFlow()],
  };
}
