// A stand-in for the Rust core, for looking at the UI in a plain browser
// (dev.html) without the Tauri shell: the same commands over mockIPC, a
// crude layout and a handful of rules. NOT the real thing: the shell's
// answers are what count; this only lets a person (or a screenshot) see the
// screens and measure rendering speed with a large synthetic tree.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { Document, DocumentView, Finding, LayoutBox, LayoutEdge, Link, Node, NumberedTreeLayout, Op, PrintOptions, PrintPreview, Report } from "../src/types";

const samples = import.meta.glob("../../assets/samples/*.json", { eager: true, import: "default" }) as Record<string, Document>;
const sampleKey = (path: string) => path.split("/").pop()!.replace(/\.json$/, "");

let doc: Document | null = null;
let path = "";
let undoStack: Document[] = [];
let redoStack: Document[] = [];
const snapshots: { name: string; seq: number; at: string; fingerprint: string; final: boolean }[] = [];

function synth(n: number): Document {
  const levels = [
    { name: "Tujuan Pemda (Impact)", kind: "impact" as const },
    { name: "Sasaran Strategis", kind: "outcome" as const, echelon: "II" },
    { name: "Intermediate Outcome", kind: "outcome" as const, echelon: "III" },
    { name: "Immediate Outcome", kind: "outcome" as const, echelon: "IV" },
    { name: "Output", kind: "output" as const },
  ];
  const nodes: Node[] = [];
  const links: Link[] = [];
  const words = ["Meningkatnya kualitas", "Menurunnya angka", "Terwujudnya tata kelola", "Tersedianya data", "Terlaksananya layanan"];
  let k = 0;
  const make = (level: number, parent?: string) => {
    const id = `n${k++}`;
    nodes.push({ id, level, statement: `${words[level]} ${id} pada layanan kepegawaian daerah yang akuntabel`, owner: level > 0 ? "kaban" : undefined, indicators: [{ id: `i${id}`, name: `Indeks ${id}`, unit: "Persen", targets: { "2025": 80 } }] });
    if (parent) links.push({ from: id, to: parent, kind: "primary", rationale: "Sintetis" });
    return id;
  };
  const root = make(0);
  // Breadth-first, 1 → 4 → 12 → … until n nodes: each level 3–4 times the one above.
  let frontier = [root];
  for (let level = 1; level < levels.length && k < n; level++) {
    const next: string[] = [];
    const room = n - k;
    const want = level === levels.length - 1 ? room : Math.min(room, frontier.length * (level === 1 ? 4 : 3));
    for (let i = 0; i < want; i++) next.push(make(level, frontier[i % frontier.length]));
    frontier = next;
  }
  return {
    format: "pokin/1",
    document: { title: `Sintetis ${n} simpul`, agency: "Badan Uji", government: "Kabupaten Contoh", period: { from: 2025, to: 2029 } },
    units: [{ id: "kaban", name: "Kepala Badan", short: "Kaban", echelon: "II.b" }],
    tree: { levels, nodes, links },
  };
}

function validate(d: Document): Report {
  const findings: Finding[] = [];
  const rules = d.validation?.rules ?? {};
  const push = (f: Finding) => {
    const s = rules[f.rule];
    if (s === "off") return;
    if (s) f.severity = s;
    const acc = (d.validation?.accepted ?? []).find((a) => a.rule === f.rule && JSON.stringify(a.target) === JSON.stringify(f.target));
    if (acc) f.accepted = acc.reason;
    findings.push(f);
  };
  const ids = new Set((d.tree.nodes ?? []).map((n) => n.id));
  const hasParent = new Set((d.tree.links ?? []).filter((l) => l.kind === "primary" && ids.has(l.to)).map((l) => l.from));
  const years = Array.from({ length: d.document.period.to - d.document.period.from + 1 }, (_, i) => d.document.period.from + i);
  for (const n of d.tree.nodes ?? []) {
    const kind = d.tree.levels[n.level]?.kind;
    if (!n.statement.trim()) push({ rule: "P006", severity: "error", target: { node: n.id }, message: `Simpul ${n.id} belum berisi kondisi.`, hint: "Tuliskan kondisi yang ingin dicapai, misalnya \"Meningkatnya …\"." });
    if (n.level > 0 && !hasParent.has(n.id)) push({ rule: "P002", severity: "error", target: { node: n.id }, message: `Simpul ${n.id} tidak punya induk.` });
    if (kind !== "activity" && !(n.indicators ?? []).length) push({ rule: "P007", severity: "error", target: { node: n.id }, message: `Simpul "${n.statement.slice(0, 40)}" belum punya indikator.`, hint: "Tambahkan indikator kinerja yang mengukur kondisi ini." });
    if (n.level > 0 && !n.owner) push({ rule: "P014", severity: "warning", target: { node: n.id }, message: `Simpul ${n.id} belum punya penanggung jawab.` });
    for (const i of n.indicators ?? []) {
      const missing = years.filter((y) => i.targets?.[String(y)] === undefined);
      if (missing.length && missing.length < years.length) push({ rule: "P009", severity: "warning", target: { indicator: [n.id, i.id] }, message: `Indikator "${i.name ?? i.id}" belum punya target untuk tahun ${missing.join(", ")}.` });
    }
  }
  for (const l of d.tree.links ?? []) if (!l.rationale) push({ rule: "P016", severity: "info", target: { link: [l.from, l.to] }, message: `Keterkaitan ${l.from} → ${l.to} belum punya justifikasi.` });
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.accepted) summary[f.severity]++;
  return { findings, summary };
}

let sent = 0;

/** The mock's stand-in for the core's Document::primary_parents (the shell sends the core's). */
function parentsOf(d: Document): DocumentView["parents"] {
  const ids = new Set((d.tree.nodes ?? []).map((n) => n.id));
  const out: DocumentView["parents"] = {};
  for (const l of d.tree.links ?? []) if (l.kind === "primary" && ids.has(l.to) && l.to !== l.from && !(l.from in out)) out[l.from] = l.to;
  return out;
}

function view(): DocumentView {
  return { path, read_only: new URLSearchParams(location.search).has("readonly") ? "Berkas dibuat oleh versi Pokin Studio yang lebih baru." : null, document: doc!, report: validate(doc!), can_undo: undoStack.length > 0, can_redo: redoStack.length > 0, doc_seq: ++sent, parents: parentsOf(doc!) };
}

function wrap(text: string, max = 30): string[] {
  const out: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + w).length > max) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

function layout(collapsed: string[]): NumberedTreeLayout {
  const d = doc!;
  const fold = new Set(collapsed);
  const byId = new Map((d.tree.nodes ?? []).map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const parent = new Map(Object.entries(parentsOf(d)));
  for (const n of d.tree.nodes ?? []) {
    const p = parent.get(n.id);
    if (p) children.set(p, [...(children.get(p) ?? []), n.id]);
  }
  const W = 170, GAP = 16, PAD = 6, FS = 9, LH = 11.5, LABEL = 0;
  const boxes = new Map<string, LayoutBox>();
  const count = (id: string): number => (children.get(id) ?? []).reduce((a, c) => a + 1 + count(c), 0);
  let cursor = 20 + LABEL;
  const place = (id: string): [number, number] => {
    const n = byId.get(id)!;
    const lines = wrap(n.statement);
    const h = Math.max(40, PAD * 2 + lines.length * LH);
    const kids = fold.has(id) ? [] : children.get(id) ?? [];
    let x: number;
    if (kids.length === 0) {
      x = cursor;
      cursor += W + GAP;
    } else {
      const spans = kids.map(place);
      x = (spans[0][0] + spans[spans.length - 1][1]) / 2 - W / 2;
    }
    boxes.set(id, { id, level: n.level, x, y: 0, width: W, height: h, lines, font_size: FS, line_height: LH, padding: PAD, notes: [], note_size: FS, note_line_height: LH, hidden_children: fold.has(id) ? count(id) : 0, external: false });
    return [x, x + W];
  };
  for (const n of d.tree.nodes ?? []) if (!parent.has(n.id)) place(n.id);
  const exts = [...new Set((d.tree.links ?? []).filter((l) => l.to.startsWith("ext:")).map((l) => l.to))];
  for (const e of exts) {
    const from = (d.tree.links ?? []).find((l) => l.to === e)!;
    const level = Math.max(0, (byId.get(from.from)?.level ?? 1) - 1);
    boxes.set(e, { id: e, level, x: cursor, y: 0, width: W, height: 40, lines: wrap(e, 28), font_size: FS, line_height: LH, padding: PAD, notes: [], note_size: FS, note_line_height: LH, hidden_children: 0, external: true });
    cursor += W + GAP;
  }
  const levels = d.tree.levels.length;
  const maxH = Array.from({ length: levels }, () => 40);
  for (const b of boxes.values()) maxH[b.level] = Math.max(maxH[b.level], b.height);
  const bands = [];
  let y = 0;
  for (let l = 0; l < levels; l++) {
    bands.push({ level: l, name: d.tree.levels[l].name, y, height: maxH[l] + 56 });
    y += maxH[l] + 56;
  }
  for (const b of boxes.values()) b.y = bands[b.level].y + 32;
  const edges: LayoutEdge[] = [];
  for (const l of d.tree.links ?? []) {
    const a = boxes.get(l.from);
    const b = boxes.get(l.to);
    if (!a || !b) continue;
    const ax = a.x + a.width / 2, bx = b.x + b.width / 2;
    if (l.kind === "primary") {
      const mid = a.y - 14;
      edges.push({ from: l.from, to: l.to, kind: "primary", points: [[ax, a.y], [ax, mid], [bx, mid], [bx, b.y + b.height]], cycle: false });
    } else edges.push({ from: l.from, to: l.to, kind: "crosscutting", points: [[ax + 20, a.y], [bx, b.y + b.height]], cycle: false });
  }
  return { seq: ++sent, width: cursor + 20, height: y, bands, boxes: [...boxes.values()], edges };
}

const PAPER_MM: Record<string, [number, number]> = { A4: [210, 297], F4: [215, 330], A3: [297, 420], A2: [420, 594], A1: [594, 841], A0: [841, 1189] };
const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A crude printout: the mock layout on sheets (fit or poster tiles), with a header and a footer. */
function printPreview(o: PrintOptions): PrintPreview {
  const mm = PAPER_MM[o.paper];
  if (!mm) refuse(`Kertas \`${o.paper}\` tidak dikenal`);
  const pt = (v: number) => (v * 72) / 25.4;
  const [w, h] = o.landscape ? [pt(mm[1]), pt(mm[0])] : [pt(mm[0]), pt(mm[1])];
  const m = pt(o.margin_mm);
  const head = 40;
  const foot = 24;
  const area = { x: m, y: m + head, w: w - 2 * m, h: h - 2 * m - head - foot };
  const l = layout([]);
  const d = doc!.document;
  const fitScale = Math.min(area.w / l.width, area.h / l.height);
  const scale = o.mode === "fit" ? fitScale : o.scale;
  const cols = o.mode === "fit" ? 1 : Math.max(1, Math.ceil((l.width * scale) / area.w));
  const rows = o.mode === "fit" ? 1 : Math.max(1, Math.ceil((l.height * scale) / area.h));
  const warnings: string[] = [];
  if (9 * scale < 6) warnings.push(`Teks terkecil ${(9 * scale).toFixed(1).replace(".", ",")} pt, di bawah 6 pt: pilih kertas lebih besar atau mode poster (tiruan).`);
  const tree = l.boxes
    .map((b) => {
      const text = b.lines.map((line, i) => `<text x="${b.x + b.padding}" y="${b.y + b.padding + (i + 1) * b.line_height}" font-size="${b.font_size}">${esc(line)}</text>`).join("");
      return `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#fff" stroke="#1f4e79"/>${text}`;
    })
    .join("") + l.edges.map((e) => `<polyline fill="none" stroke="#7d8a86" points="${e.points.map((p) => p.join(",")).join(" ")}"/>`).join("");
  const pages: string[] = [];
  const total = rows * cols;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const n = pages.length;
      pages.push(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w.toFixed(1)} ${h.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" font-family="Noto Sans, DejaVu Sans, sans-serif">` +
          `<rect width="100%" height="100%" fill="#ffffff"/>` +
          `<text x="${m}" y="${m + 16}" font-size="14" font-weight="bold">${esc(d.title)}</text>` +
          `<text x="${m}" y="${m + 32}" font-size="9">${esc([d.agency, d.government].filter(Boolean).join(" — "))} · Periode ${d.period.from}–${d.period.to}</text>` +
          `<clipPath id="c0"><rect x="${area.x}" y="${area.y}" width="${area.w}" height="${area.h}"/></clipPath>` +
          `<g clip-path="url(#c0)"><g transform="translate(${area.x - c * area.w} ${area.y - r * area.h}) scale(${scale})">${tree}</g></g>` +
          (o.legend ? `<text x="${w - m - 160}" y="${m + 16}" font-size="8">Keterangan: garis putus = crosscutting</text>` : "") +
          `<text x="${m}" y="${h - m}" font-size="8">Halaman ${n + 1} dari ${total} · DRAF · ${o.mode === "poster" ? `Lembar B${r + 1}-K${c + 1}` : "tiruan"}</text>` +
          `</svg>`,
      );
    }
  }
  return { pages, warnings, width_pt: w, height_pt: h };
}

function refuse(message: string): never {
  throw message;
}

function subtree(d: Document, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of d.tree.links ?? []) if (l.kind === "primary" && out.has(l.to) && !out.has(l.from)) {
      out.add(l.from);
      grew = true;
    }
  }
  return out;
}

function insertAt<T extends { id: string }>(list: T[], item: T, before?: string | null) {
  const i = before ? list.findIndex((x) => x.id === before) : -1;
  if (before && i < 0) refuse(`\`${before}\` tidak ada di dokumen`);
  if (i < 0) list.push(item);
  else list.splice(i, 0, item);
}

function fresh(prefix: string, taken: string[]): string {
  for (let k = 1; ; k++) if (!taken.includes(`${prefix}${k}`)) return `${prefix}${k}`;
}

function run(d: Document, op: Op): void {
  const nodes = (d.tree.nodes ??= []);
  const links = (d.tree.links ??= []);
  const units = (d.units ??= []);
  const node = (id: string) => nodes.find((n) => n.id === id) ?? refuse(`Simpul \`${id}\` tidak ada di dokumen`);
  switch (op.op) {
    case "add_node": {
      const n = { ...op.node };
      if (!n.id) n.id = fresh("n", nodes.map((x) => x.id));
      if (op.parent) {
        n.level = node(op.parent).level + 1;
        if (n.level >= d.tree.levels.length) refuse("Induk ada di level terbawah.");
      }
      insertAt(nodes, n, op.before);
      if (op.parent) links.push({ from: n.id, to: op.parent, kind: "primary" });
      return;
    }
    case "update_node": {
      const i = nodes.findIndex((n) => n.id === op.node.id);
      if (i < 0) refuse(`Simpul \`${op.node.id}\` tidak ada di dokumen`);
      nodes[i] = op.node;
      return;
    }
    case "delete_node": {
      const gone = subtree(d, op.id);
      d.tree.nodes = nodes.filter((n) => !gone.has(n.id));
      d.tree.links = links.filter((l) => !gone.has(l.from) && !gone.has(l.to));
      return;
    }
    case "move_node": {
      const n = node(op.id);
      if (op.parent) {
        const p = node(op.parent);
        if (p.level + 1 !== n.level) refuse(`"${n.statement.slice(0, 48)}" ada di ${d.tree.levels[n.level].name}, jadi induknya harus di level ${n.level - 1}. "${p.statement.slice(0, 48)}" ada di ${d.tree.levels[p.level].name}.`);
        d.tree.links = links.filter((l) => !(l.from === op.id && (l.kind === "primary" || l.to === op.parent)));
        d.tree.links.push({ from: op.id, to: op.parent, kind: "primary" });
      }
      if (op.before) {
        d.tree.nodes = nodes.filter((x) => x.id !== op.id);
        insertAt(d.tree.nodes, n, op.before);
      } else if (!op.parent) {
        d.tree.nodes = [...nodes.filter((x) => x.id !== op.id), n];
      }
      return;
    }
    case "add_indicator": {
      const n = node(op.node);
      n.indicators = [...(n.indicators ?? []), { ...op.indicator, id: op.indicator.id || fresh("i", (n.indicators ?? []).map((i) => i.id)) }];
      return;
    }
    case "delete_indicator": {
      const n = node(op.node);
      n.indicators = (n.indicators ?? []).filter((i) => i.id !== op.id);
      return;
    }
    case "update_indicator": {
      const n = node(op.node);
      n.indicators = (n.indicators ?? []).map((i) => (i.id === op.indicator.id ? op.indicator : i));
      return;
    }
    case "add_link":
      if (links.some((l) => l.from === op.link.from && l.to === op.link.to)) refuse("Keterkaitan sudah ada");
      links.push(op.link);
      return;
    case "update_link": {
      const i = links.findIndex((l) => l.from === op.link.from && l.to === op.link.to);
      if (i < 0) refuse("Keterkaitan tidak ada");
      links[i] = op.link;
      return;
    }
    case "delete_link":
      d.tree.links = links.filter((l) => !(l.from === op.from && l.to === op.to));
      return;
    case "add_unit": {
      const u = { ...op.unit, id: op.unit.id || fresh("u", units.map((x) => x.id)) };
      insertAt(units, u, op.before);
      return;
    }
    case "update_unit": {
      const i = units.findIndex((u) => u.id === op.unit.id);
      if (i < 0) refuse("Unit tidak ada");
      units[i] = op.unit;
      return;
    }
    case "delete_unit":
      d.units = units.filter((u) => u.id !== op.id);
      return;
    case "set_rule": {
      const v = (d.validation ??= {});
      const rules = (v.rules ??= {});
      if (op.setting === null) delete rules[op.rule];
      else rules[op.rule] = op.setting;
      return;
    }
    case "accept_finding": {
      const v = (d.validation ??= {});
      (v.accepted ??= []).push(op.accepted);
      return;
    }
    case "unaccept_finding": {
      const v = (d.validation ??= {});
      v.accepted = (v.accepted ?? []).filter((a) => !(a.rule === op.rule && JSON.stringify(a.target) === JSON.stringify(op.target)));
      return;
    }
    case "batch":
      for (const o of op.ops) run(d, o);
      return;
    default:
      refuse(`Operasi ${op.op} belum ada di tiruan ini`);
  }
}

function load(d: Document, p: string): DocumentView {
  doc = structuredClone(d);
  path = p;
  undoStack = [];
  redoStack = [];
  recent.unshift(p);
  return view();
}

const recent: string[] = ["/home/perencana/Dokumen/pokin-bkd-2025.pokin"];

export function installMockCore(): void {
  mockWindows("main");
  const params = new URLSearchParams(location.search);
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    // Let the screen paint between calls, as the real IPC would.
    await new Promise((r) => setTimeout(r, 5));
    switch (cmd) {
      case "current_document": {
        if (params.has("error")) throw "lumajang.pokin: bukan berkas Pokin Studio atau berkasnya rusak (file is not a database)";
        const n = params.get("synth");
        if (n) return load(synth(Number(n)), `/tmp/sintetis-${n}.pokin`);
        const key = params.get("open");
        const hit = Object.entries(samples).find(([p]) => sampleKey(p) === key);
        return hit ? load(hit[1], `/home/perencana/${key}.pokin`) : null;
      }
      case "list_samples":
        return Object.entries(samples).map(([p, d]) => ({ key: sampleKey(p), title: d.document.title, agency: d.document.agency ?? "", government: d.document.government ?? "" }));
      case "open_sample": {
        const hit = Object.entries(samples).find(([p]) => sampleKey(p) === a.key);
        if (!hit) throw `Contoh ${String(a.key)} tidak ada`;
        return load(hit[1], `/home/perencana/${String(a.key)}.pokin`);
      }
      case "open_document":
        throw `${String(a.path)}: berkas tidak dapat dibuka (tiruan)`;
      case "new_document":
        return load({ format: "pokin/1", document: { title: String(a.title), agency: String(a.agency), government: String(a.government), period: { from: Number(a.from), to: Number(a.to) } }, units: [], tree: { levels: synth(1).tree.levels, nodes: [], links: [] } }, String(a.path));
      case "recent_files":
        return recent.slice(0, 8);
      case "save_as":
        path = String(a.path);
        return view();
      case "apply_op": {
        const next = structuredClone(doc!);
        run(next, a.op as Op);
        undoStack.push(doc!);
        redoStack = [];
        doc = next;
        return view();
      }
      case "undo":
        if (!undoStack.length) throw "Tidak ada suntingan yang dapat diurungkan";
        redoStack.push(doc!);
        doc = undoStack.pop()!;
        return view();
      case "redo":
        if (!redoStack.length) throw "Tidak ada suntingan yang dapat diulangi";
        undoStack.push(doc!);
        doc = redoStack.pop()!;
        return view();
      case "tree_layout":
        return layout((a.collapsed as string[]) ?? []);
      case "process_map_layout":
      case "flow_layout":
        // Their geometry comes from the core's layout, which this stand-in does not have.
        throw "Peta proses hanya tampil di aplikasi (tiruan ini tidak menghitung tata letaknya)";
      case "create_snapshot": {
        const s = { name: String(a.name), seq: undoStack.length, at: new Date().toISOString(), fingerprint: "3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b", final: false };
        snapshots.push(s);
        return s;
      }
      case "list_snapshots":
        return snapshots;
      case "print_preview":
        return printPreview(a.options as PrintOptions);
      case "print_pdf": {
        const printed = printPreview(a.options as PrintOptions);
        return { path: String(a.path), pages: printed.pages.length, warnings: printed.warnings };
      }
      case "plugin:dialog|open":
        return "/home/perencana/contoh.pokin";
      case "plugin:dialog|save": {
        const suggested = (a.options as { defaultPath?: string } | undefined)?.defaultPath;
        return `/home/perencana/${suggested ?? "baru.pokin"}`;
      }
      case "plugin:window|set_title":
        return null;
      default:
        throw `Perintah ${cmd} tidak dikenal (tiruan)`;
    }
  });
}
