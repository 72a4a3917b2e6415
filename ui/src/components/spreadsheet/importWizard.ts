// Berkas › Impor dari Excel/CSV… (issue #15): the wizard's state and what
// it sends. The core reads the workbook, detects the layout and mapping,
// builds the tree and says what went wrong where; the wizard shows that,
// lets the planner change a column's role, and asks again (the live
// preview is the core's outline of the import, nothing computed here).
// One action, one core call: the import itself is `sheet_import`.

import { useSyncExternalStore } from "react";
import * as api from "../../api";
import { editor as defaultEditor, type Editor } from "../../editor";
import { errorText, fileName, formatRupiah } from "../../format";
import type { ColumnRole, ImportMessage, ImportOptions, ImportSummary, ImportTarget, Inspection, LayoutKind, Mapping, MappingPreset } from "../../generated";

export type Hierarchy = Mapping["hierarchy"];

export const LAYOUTS: { value: LayoutKind; label: string }[] = [
  { value: "cascading", label: "Matriks cascading" },
  { value: "iku", label: "IKU Renstra" },
  { value: "renja", label: "Evaluasi Renja – realisasi triwulan" },
  { value: "budget", label: "Anggaran DPA-SIPD" },
  { value: "generic", label: "Pemetaan sendiri" },
];

export const HIERARCHIES: { value: Hierarchy["by"]; label: string }[] = [
  { value: "columns", label: "Satu kolom per level" },
  { value: "code", label: "Menurut kode (1.03.01…)" },
  { value: "level_column", label: "Kolom nama level" },
];

/** Excel's column letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A role as the value of the role select: "statement:2", "target:2025", "realisasi:2025:3". */
export function roleKey(role: ColumnRole): string {
  switch (role.role) {
    case "statement":
      return `statement:${role.level}`;
    case "code":
      return `code:${role.part ?? 0}`;
    case "target":
    case "pk_target":
      return `${role.role}:${role.year}`;
    case "realisasi":
      return role.quarter != null ? `realisasi:${role.year}:${role.quarter}` : `realisasi:${role.year}`;
    case "spent":
      return role.quarter != null ? `spent:${role.quarter}` : "spent";
    default:
      return role.role;
  }
}

/** The role a select value names (the inverse of `roleKey`); unknown values are Abaikan. */
export function roleFromKey(key: string): ColumnRole {
  const [kind, a, b] = key.split(":");
  const num = (t: string | undefined) => (t === undefined || t === "" ? undefined : Number(t));
  switch (kind) {
    case "statement":
      return { role: "statement", level: num(a) ?? 0 };
    case "code":
      return { role: "code", part: num(a) ?? 0 };
    case "target":
      return { role: "target", year: num(a) ?? 0 };
    case "pk_target":
      return { role: "pk_target", year: num(a) ?? 0 };
    case "realisasi": {
      const quarter = num(b);
      return quarter === undefined ? { role: "realisasi", year: num(a) ?? 0 } : { role: "realisasi", year: num(a) ?? 0, quarter };
    }
    case "spent": {
      const quarter = num(a);
      return quarter === undefined ? { role: "spent" } : { role: "spent", quarter };
    }
    case "name":
    case "level_name":
    case "indicator":
    case "unit":
    case "baseline":
    case "pagu":
    case "owner":
      return { role: kind };
    default:
      return { role: "ignore" };
  }
}

const TW = ["I", "II", "III", "IV"];

/** A role in words ("Target tahun 2025", "Realisasi tahun 2025 TW II"). */
export function roleLabel(role: ColumnRole, levels: string[]): string {
  switch (role.role) {
    case "ignore":
      return "Abaikan";
    case "statement":
      return `Pernyataan level ${role.level + 1}${levels[role.level] ? ` – ${levels[role.level]}` : ""}`;
    case "name":
      return "Nama/uraian";
    case "code":
      return (role.part ?? 0) === 0 ? "Kode" : `Kode bagian ${(role.part ?? 0) + 1}`;
    case "level_name":
      return "Nama level";
    case "indicator":
      return "Indikator";
    case "unit":
      return "Satuan";
    case "baseline":
      return "Baseline";
    case "target":
      return `Target tahun ${role.year}`;
    case "pk_target":
      return `Target PK tahun ${role.year}`;
    case "realisasi":
      return `Realisasi tahun ${role.year}${role.quarter != null ? ` TW ${TW[role.quarter - 1] ?? role.quarter}` : ""}`;
    case "pagu":
      return "Pagu";
    case "spent":
      return role.quarter != null ? `Realisasi anggaran TW ${TW[role.quarter - 1] ?? role.quarter}` : "Realisasi anggaran";
    case "owner":
      return "Penanggung jawab";
  }
}

/** Every role the select offers, for these levels and years; `keep` (a column's role now) is always among them. */
export function roleOptions(levels: string[], years: number[], keep: ColumnRole[] = []): { value: string; label: string }[] {
  const roles: ColumnRole[] = [{ role: "ignore" }];
  levels.forEach((_, level) => roles.push({ role: "statement", level }));
  roles.push({ role: "name" }, { role: "code", part: 0 });
  for (let part = 1; part < 5; part++) roles.push({ role: "code", part });
  roles.push({ role: "level_name" }, { role: "indicator" }, { role: "unit" }, { role: "baseline" });
  for (const year of years) roles.push({ role: "target", year });
  for (const year of years) roles.push({ role: "pk_target", year });
  for (const year of years) {
    roles.push({ role: "realisasi", year });
    for (let quarter = 1; quarter <= 4; quarter++) roles.push({ role: "realisasi", year, quarter });
  }
  roles.push({ role: "pagu" }, { role: "spent" });
  for (let quarter = 1; quarter <= 4; quarter++) roles.push({ role: "spent", quarter });
  roles.push({ role: "owner" });
  const out = roles.map((r) => ({ value: roleKey(r), label: roleLabel(r, levels) }));
  const known = new Set(out.map((o) => o.value));
  for (const r of keep) {
    const value = roleKey(r);
    if (!known.has(value)) {
      known.add(value);
      out.push({ value, label: roleLabel(r, levels) });
    }
  }
  return out;
}

/** "Baris 14, kolom H: …" (a whole row: "Baris 14: …"; the whole sheet: the text alone). */
export function messageText(m: ImportMessage): string {
  const place = [m.row != null ? `Baris ${m.row}` : "", m.column != null ? `${m.row != null ? "kolom" : "Kolom"} ${m.column}` : ""].filter(Boolean).join(", ");
  return place ? `${place}: ${m.text}` : m.text;
}

/** The summary's figures in words, in the order the wizard lists them. */
export function summaryLines(s: ImportSummary): string[] {
  const lines: string[] = [];
  const levels = s.nodes_per_level.filter(([, n]) => n > 0);
  lines.push(levels.length ? `Simpul: ${levels.map(([name, n]) => `${n} ${name}`).join(", ")}` : "Simpul: tidak ada");
  lines.push(`Indikator: ${s.indicators}`);
  lines.push(`Target: ${s.targets}`);
  lines.push(`Realisasi: ${s.realisasi}`);
  if (s.pagu) lines.push(`Pagu: Rp ${formatRupiah(s.pagu)}`);
  if (s.spent) lines.push(`Realisasi anggaran: Rp ${formatRupiah(s.spent)}`);
  lines.push(`Baris data: ${s.rows}`);
  return lines;
}

/** The hidden rows line: "Baris tersembunyi dilewati: 7, 8, 12" (or taken, with include_hidden). */
export function hiddenRowsText(s: ImportSummary, included: boolean): string | null {
  if (s.hidden_rows.length === 0) return null;
  const shown = s.hidden_rows.slice(0, 20).join(", ") + (s.hidden_rows.length > 20 ? ` … (${s.hidden_rows.length} baris)` : "");
  return `${included ? "Baris tersembunyi ikut diimpor" : "Baris tersembunyi dilewati"}: ${shown}`;
}

/** The years a role may name: the document's period, the years the mapping already names, the year asked; else around this year. */
export function roleYears(period: { from: number; to: number } | null, mapping: Mapping | null, year: number | null, now = new Date().getFullYear()): number[] {
  const years = new Set<number>();
  if (period) for (let y = period.from; y <= period.to && years.size < 30; y++) years.add(y);
  for (const r of mapping?.columns ?? []) if ("year" in r && typeof r.year === "number" && r.year > 0) years.add(r.year);
  if (year !== null) years.add(year);
  if (years.size === 0) for (let y = now - 1; y <= now + 5; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * The level names the statement roles offer: the sheet's own where the
 * mapping names them (a statement's level indexes into them), else the
 * open document's (an import into it), else the ones the core's preview
 * used, else none ("Pernyataan level N").
 */
export function levelNames(docLevels: string[] | null, summary: ImportSummary | null, mapping: Mapping | null): string[] {
  const sheetLevels = mapping?.levels ?? [];
  const names = sheetLevels.length ? [...sheetLevels] : docLevels && docLevels.length ? [...docLevels] : (summary?.nodes_per_level ?? []).map(([name]) => name);
  const used = Math.max(0, ...(mapping?.columns ?? []).map((r) => (r.role === "statement" ? r.level + 1 : 0)));
  // Named levels are all there are; unnamed ones leave room for a deeper sheet.
  const named = sheetLevels.length > 0 || (docLevels?.length ?? 0) > 0;
  const count = Math.max(names.length, used, named ? 0 : 5);
  return Array.from({ length: count }, (_, i) => names[i] ?? "");
}

export interface ImportWizardState {
  /** The workbook picked in the native dialog. */
  path: string | null;
  inspection: Inspection | null;
  sheet: string | null;
  layout: LayoutKind;
  /** The header rows asked for (null: the detected ones). */
  headerRows: number | null;
  includeHidden: boolean;
  year: number | null;
  /** The column mapping on screen: the detected one, the core's last used, or the planner's. */
  mapping: Mapping | null;
  /** The planner changed the mapping (then it is sent; otherwise the core detects one for the layout). */
  edited: boolean;
  target: ImportTarget;
  preview: ImportSummary | null;
  /** Why the last preview was refused. */
  previewError: string | null;
  previewing: boolean;
  presets: MappingPreset[];
  /** An inspection or import refused, a preset not saved… shown in the dialog. */
  error: string | null;
  busy: boolean;
}

export function initialImportWizard(): ImportWizardState {
  return {
    path: null,
    inspection: null,
    sheet: null,
    layout: "cascading",
    headerRows: null,
    includeHidden: false,
    year: null,
    mapping: null,
    edited: false,
    target: "new",
    preview: null,
    previewError: null,
    previewing: false,
    presets: [],
    error: null,
    busy: false,
  };
}

type Listener = () => void;

export class ImportWizard {
  state: ImportWizardState = initialImportWizard();
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;

  constructor(
    private readonly ed: Editor = defaultEditor,
    /** How long the preview waits after a change (ms). */
    readonly delay = 250,
  ) {}

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<ImportWizardState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  get open(): boolean {
    return this.ed.state.dialog === "import-sheet";
  }

  /** An import into the open document is possible (one open, its realisasi writable: a final document still takes realisasi). */
  canImportIntoCurrent(): boolean {
    const s = this.ed.state;
    return s.screen === "main" && s.view !== null && this.ed.review.notesWritable();
  }

  /** Berkas › Impor dari Excel/CSV…: the native dialog, then the wizard on that workbook. */
  async start(): Promise<boolean> {
    let path: string | null;
    try {
      path = await api.pickSpreadsheetPath();
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
    if (!path) return false;
    this.reset();
    this.set({ path, target: this.canImportIntoCurrent() ? "current" : "new" });
    this.ed.set({ dialog: "import-sheet" });
    void this.loadPresets();
    await this.inspect(null);
    return true;
  }

  /** Another workbook, from the wizard. */
  async pickOther(): Promise<void> {
    let path: string | null;
    try {
      path = await api.pickSpreadsheetPath();
    } catch (e) {
      return this.set({ error: errorText(e) });
    }
    if (!path) return;
    this.set({ ...initialImportWizard(), path, target: this.state.target, presets: this.state.presets });
    await this.inspect(null);
  }

  close(): void {
    this.cancelPreview();
    if (this.open) this.ed.set({ dialog: null });
    this.reset();
  }

  private reset(): void {
    this.cancelPreview();
    this.asked++;
    this.state = { ...initialImportWizard(), presets: this.state.presets };
  }

  async loadPresets(): Promise<void> {
    try {
      this.set({ presets: await api.listMappingPresets() });
    } catch (e) {
      this.set({ error: errorText(e) });
    }
  }

  /** Reads the workbook (and `sheet`); the detected layout and mapping fill the form, then the preview. */
  async inspect(sheet: string | null): Promise<void> {
    const path = this.state.path;
    if (!path) return;
    this.cancelPreview();
    const ask = ++this.asked;
    this.set({ busy: true, error: null });
    try {
      const inspection = await api.sheetInspect(path, sheet);
      if (ask !== this.asked) return;
      const mapping = inspection.mapping ?? null;
      this.set({
        busy: false,
        inspection,
        sheet: inspection.sheet,
        // What the core recognised; nothing recognised: the planner's own mapping.
        layout: mapping?.layout ?? "generic",
        headerRows: mapping?.header_rows ?? null,
        mapping,
        edited: false,
        preview: null,
        previewError: null,
      });
      this.schedulePreview(0);
    } catch (e) {
      if (ask === this.asked) this.set({ busy: false, error: errorText(e), inspection: null, preview: null });
    }
  }

  chooseSheet(sheet: string): void {
    void this.inspect(sheet);
  }

  setLayout(layout: LayoutKind): void {
    const mapping = this.state.edited && this.state.mapping ? { ...this.state.mapping, layout } : this.state.mapping;
    this.set({ layout, mapping });
    this.schedulePreview();
  }

  setHeaderRows(rows: number | null): void {
    const n = rows === null || !Number.isFinite(rows) ? null : Math.max(0, Math.min(20, Math.round(rows)));
    const mapping = this.state.edited && this.state.mapping && n !== null ? { ...this.state.mapping, header_rows: n } : this.state.mapping;
    this.set({ headerRows: n, mapping });
    this.schedulePreview();
  }

  setIncludeHidden(includeHidden: boolean): void {
    this.set({ includeHidden });
    this.schedulePreview();
  }

  setYear(year: number | null): void {
    this.set({ year: year !== null && Number.isFinite(year) && year >= 1900 && year <= 2200 ? Math.round(year) : null });
    this.schedulePreview();
  }

  setTarget(target: ImportTarget): void {
    if (target === "current" && !this.canImportIntoCurrent()) return;
    this.set({ target });
    this.schedulePreview();
  }

  /** The mapping the table edits: the one on screen, or a new one of "Abaikan" columns. */
  private baseMapping(): Mapping {
    const columns = this.state.inspection?.headers.length ?? 0;
    const m = this.state.mapping ?? {
      layout: this.state.layout,
      header_start: 0,
      header_rows: this.state.headerRows ?? 1,
      columns: [],
      hierarchy: { by: "columns" as const },
      levels: [],
    };
    const filled: ColumnRole[] = Array.from({ length: Math.max(columns, m.columns.length) }, (_, i) => m.columns[i] ?? { role: "ignore" });
    return { ...m, columns: filled };
  }

  /** One column's role changed: the edited mapping is sent from now on (preview debounced). */
  setRole(column: number, role: ColumnRole): void {
    const m = this.baseMapping();
    const columns = m.columns.slice();
    columns[column] = role;
    this.set({ mapping: { ...m, columns, layout: this.state.layout }, edited: true });
    this.schedulePreview();
  }

  setHierarchy(by: Hierarchy["by"]): void {
    const m = this.baseMapping();
    this.set({ mapping: { ...m, hierarchy: { by } as Hierarchy, layout: this.state.layout }, edited: true });
    this.schedulePreview();
  }

  /** A saved mapping in place of the one on screen. */
  usePreset(name: string): void {
    const preset = this.state.presets.find((p) => p.name === name);
    if (!preset) return;
    this.set({ mapping: preset.mapping, layout: preset.mapping.layout, headerRows: preset.mapping.header_rows, edited: true });
    this.schedulePreview();
  }

  async savePreset(name: string): Promise<boolean> {
    const mapping = this.state.mapping;
    if (!mapping) {
      this.set({ error: "Belum ada pemetaan kolom untuk disimpan." });
      return false;
    }
    try {
      this.set({ presets: await api.saveMappingPreset(name, { ...mapping, layout: this.state.layout }), error: null });
      this.ed.toast(`Pemetaan "${name.trim()}" disimpan.`, "info");
      return true;
    } catch (e) {
      this.set({ error: errorText(e) });
      return false;
    }
  }

  /** What the core is asked for: the form, and the mapping when the planner changed it. */
  options(): ImportOptions {
    const s = this.state;
    const options: ImportOptions = { layout: s.layout, include_hidden: s.includeHidden };
    if (s.sheet !== null) options.sheet = s.sheet;
    if (s.headerRows !== null) options.header_rows = s.headerRows;
    if (s.year !== null) options.year = s.year;
    if (s.edited && s.mapping) options.mapping = { ...s.mapping, layout: s.layout };
    return options;
  }

  private cancelPreview(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The live preview, `delay` ms after the last change (the latest request wins). */
  schedulePreview(delay = this.delay): void {
    this.cancelPreview();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refreshPreview();
    }, delay);
  }

  async refreshPreview(): Promise<void> {
    const path = this.state.path;
    if (!path || !this.state.inspection) return;
    const ask = ++this.asked;
    this.set({ previewing: true });
    try {
      const preview = await api.sheetPreview(path, this.options(), this.state.target);
      if (ask !== this.asked) return;
      // Until the planner changes it, the table shows the mapping the core used.
      const mapping = !this.state.edited && preview.mapping_used ? preview.mapping_used : this.state.mapping;
      this.set({ preview, previewError: null, previewing: false, mapping });
    } catch (e) {
      if (ask === this.asked) this.set({ previewError: errorText(e), previewing: false });
    }
  }

  /**
   * Imports: into the open document (one history step, Ctrl+Z undoes it)
   * or as a new document (the native save dialog first), which then opens.
   * A refusal is shown in the wizard and changes nothing.
   */
  async importTo(target: ImportTarget): Promise<boolean> {
    const path = this.state.path;
    if (!path || this.state.busy) return false;
    if (target === "current" && !this.canImportIntoCurrent()) return false;
    this.cancelPreview();
    const options = this.options();
    const source = fileName(path);
    let out: string | null = null;
    if (target === "new") {
      try {
        out = await api.pickSavePath(source.replace(/\.[^.]*$/, "") + ".pokin");
      } catch (e) {
        this.set({ error: errorText(e) });
        return false;
      }
      if (!out) return false;
    }
    this.set({ busy: true, error: null });
    try {
      const view = await this.ed.enqueue(() => api.sheetImport(path, options, target, out));
      if (target === "current") {
        this.ed.edits.setView(view);
        await this.ed.refreshLayout();
        this.close();
        this.ed.toast(`Impor dari ${source} selesai. Urungkan (Ctrl+Z) membatalkan seluruh impor.`, "info");
      } else {
        this.close();
        await this.ed.show(view);
        this.ed.toast(`Dokumen baru dari ${source}: ${fileName(view.path)}`, "info");
      }
      return true;
    } catch (e) {
      this.set({ busy: false, error: errorText(e) });
      return false;
    }
  }
}

export const importWizard = new ImportWizard();

export function useImportWizard<T>(select: (s: ImportWizardState) => T, wizard: ImportWizard = importWizard): T {
  return useSyncExternalStore(wizard.subscribe, () => select(wizard.state), () => select(wizard.state));
}
