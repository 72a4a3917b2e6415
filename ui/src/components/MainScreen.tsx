import { useEffect, useRef, useState, type ReactNode } from "react";
import { ReactFlowProvider, useReactFlow, useStore } from "@xyflow/react";
import { zoomFor, zoomPercent } from "../editor/zoom";
import { editor, MODE_LABEL, useEditor, type Mode } from "../editor";
import { commandForKey, isTextField, type Command } from "../keyboard";
import { fileName, summaryText } from "../format";
import { TreeCanvas } from "./TreeCanvas";
import { SidePanel } from "./panels/SidePanel";
import { FindingsPanel } from "./panels/FindingsPanel";
import { SearchBar } from "./SearchBar";
import { UnitsDialog } from "./UnitsDialog";
import { SnapshotsDialog } from "./SnapshotsDialog";
import { LinkDialog } from "./LinkDialog";
import { NewDocumentDialog } from "./NewDocumentDialog";
import { PrintDialog } from "./PrintDialog";
import { ProcessMapView } from "./ProcessMapView";
import { RelationsView } from "./RelationsView";
import { FlowView } from "./FlowView";
import { ProcessSidePanel } from "./panels/ProcessPanels";
import { DocumentDialog } from "./DocumentDialog";
import { RulesDialog } from "./RulesDialog";
import { CapaianSettingsDialog } from "./CapaianSettingsDialog";
import { ReviewPanel } from "./panels/ReviewPanel";
import { ReviewBanners, ReviewLayer } from "./ReviewDialogs";
import { WorksheetView } from "./worksheet/WorksheetView";
import { MonitoringPanel } from "./monitoring/MonitoringPanel";
import { ImportWizard } from "./spreadsheet/ImportWizard";
import { ExportXlsxDialog } from "./spreadsheet/ExportXlsxDialog";
import { importWizard } from "./spreadsheet/importWizard";
import { useMonitoring } from "../editor/monitoring";

const MODES: Mode[] = ["tree", "map", "relations", "flow"];
/** Keys of the tree and process views that mean nothing on the worksheet. */
const WORKSHEET_IDLE = new Set<Command["type"]>(["add-sibling", "add-child", "delete", "edit", "toggle-collapse", "navigate", "move", "add-before", "fit", "zoom-in", "zoom-out"]);

/** The same keys mean the same kind of thing in every view: Enter adds next to the selection, Delete removes it, arrows select, Alt+arrows move. */
function runProcessCommand(cmd: Command): boolean {
  const mode = editor.state.mode;
  if (mode === "map" || mode === "relations") {
    switch (cmd.type) {
      case "add-sibling":
        return editor.addProcessNext(), true;
      case "add-child":
        return editor.addSubProcess(), true;
      case "delete":
        return editor.requestDeleteProcess(), true;
      case "edit":
        // F2: the name in the side panel, ready for typing.
        (document.querySelector('[data-testid="process-name"]') as HTMLTextAreaElement | null)?.focus();
        return true;
      case "toggle-collapse":
        if (editor.state.process !== null && mode === "map") editor.openProcessMap(editor.state.process);
        return true;
      case "navigate":
        return editor.navigateProcess(cmd.dir === "left" || cmd.dir === "up" ? -1 : 1), true;
      case "move":
        if (cmd.dir === "left" || cmd.dir === "right") void editor.moveProcess(cmd.dir === "left" ? -1 : 1);
        return true;
      case "escape":
        if (editor.state.process !== null) editor.selectProcess(null);
        else if (mode === "map" && editor.state.mapParent !== null) {
          const parent = editor.state.mapParent;
          const p = editor.state.view?.document.processes?.map?.processes?.find((x) => x.id === parent);
          editor.openProcessMap(p?.parent ?? null, parent);
        }
        return true;
      case "add-before":
      case "fit":
      case "zoom-in":
      case "zoom-out":
        return true;
    }
    return false;
  }
  if (mode === "flow") {
    switch (cmd.type) {
      case "add-sibling":
        return void editor.insertStep("process"), true;
      case "add-before":
        return void editor.insertStep("process", true), true;
      case "delete":
        return editor.requestDeleteStep(), true;
      case "edit":
        return editor.startStepEdit("text"), true;
      case "navigate":
        if (cmd.dir === "up" || cmd.dir === "down") editor.navigateStep(cmd.dir === "up" ? -1 : 1);
        return true;
      case "move":
        if (cmd.dir === "up" || cmd.dir === "down") void editor.moveStep(cmd.dir === "up" ? -1 : 1);
        else void editor.shiftLane(cmd.dir === "left" ? -1 : 1);
        return true;
      case "escape":
        editor.selectStep(null);
        return true;
      case "add-child":
      case "toggle-collapse":
      case "fit":
      case "zoom-in":
      case "zoom-out":
        return true;
    }
  }
  return false;
}

/** Runs a keyboard or menu command. */
export function runCommand(cmd: Command): void {
  if (editor.state.picking) {
    // Picking a node for a process: Enter takes the selected node, Escape goes back.
    if (cmd.type === "add-sibling") return void editor.pickNode(editor.state.selection);
    if (cmd.type === "escape") return editor.cancelPick();
  }
  if (cmd.type === "mode") return cmd.index >= 5 ? editor.worksheets.open(cmd.index === 5 ? 1 : 2) : editor.setMode(MODES[cmd.index - 1]);
  // The worksheet catches its own keys; the tree's (Tab adds a child, Space folds …) do nothing behind it.
  if (editor.state.mode === "worksheet" && WORKSHEET_IDLE.has(cmd.type)) return;
  if (runProcessCommand(cmd)) return;
  switch (cmd.type) {
    case "undo":
      return void editor.undo();
    case "redo":
      return void editor.redo();
    case "search":
      return editor.openSearch();
    case "add-sibling":
      return void editor.addSibling();
    case "add-child":
      return void editor.addChild();
    case "delete":
      return editor.requestDelete();
    case "edit":
      return editor.startEdit();
    case "toggle-collapse":
      return void editor.toggleCollapse();
    case "navigate":
      return editor.navigate(cmd.dir);
    case "escape":
      if (editor.state.search.open) return editor.closeSearch();
      return editor.select(null);
    case "fit":
      return editor.fit();
    case "zoom-in":
      return editor.zoomBy(1);
    case "zoom-out":
      return editor.zoomBy(-1);
    case "new":
      return editor.openDialog("new");
    case "open":
      return void editor.openWithDialog();
    case "save-as":
      return void editor.saveAsWithDialog();
    case "print":
      return editor.openPrint();
    case "quit":
      return void editor.quit();
    case "move":
      if (cmd.dir === "left" || cmd.dir === "right") void editor.reorder(cmd.dir === "left" ? -1 : 1);
      return;
  }
}

function useKeyboard() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = editor.state;
      const target = (e.target as HTMLElement | null) ?? null;
      const inDialog = s.confirm !== null || s.prompt !== null || s.dialog !== null || !!target?.closest?.("[role=dialog]");
      const active = document.activeElement as HTMLElement | null;
      // Ctrl+P is ours everywhere: never the webview's own print.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "p") e.preventDefault();
      // Enter and Space on a focused button press that button.
      if (active && (active.tagName === "BUTTON" || active.tagName === "A" || active.tagName === "SUMMARY") && (e.key === "Enter" || e.key === " ")) return;
      const cmd = commandForKey(e, { inField: isTextField(active), inDialog });
      if (!cmd) return;
      e.preventDefault();
      runCommand(cmd);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

function Menu({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as globalThis.Node)) setOpen(false);
    };
    // Escape closes the menu, and only that (caught before the tree's keys: the selection stays).
    const esc = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", esc, true);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", esc, true);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className={open ? "menu-button open" : "menu-button"} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={testId}>
        {label}
      </button>
      {open && (
        <div className="menu-list" role="menu" onClick={() => setOpen(false)}>
          {children}
        </div>
      )}
    </div>
  );
}

function Item({ label, keys, onClick, disabled, testId }: { label: string; keys?: string; onClick: () => void; disabled?: boolean; testId: string }) {
  return (
    <button type="button" role="menuitem" className="menu-item" disabled={disabled} onClick={onClick} data-testid={testId}>
      <span>{label}</span>
      {keys && <kbd>{keys}</kbd>}
    </button>
  );
}

/** The zoom as a planner reads it (100 % = statements at 12 px); a click goes to 100 %. */
function ZoomLevel() {
  const zoom = useStore((s) => zoomPercent(s.transform[2]));
  const rf = useReactFlow();
  return (
    <button
      type="button"
      className="zoom-level"
      data-testid="zoom-level"
      title="Perbesaran — klik untuk 100 %"
      onClick={() => {
        const el = document.querySelector('[data-testid="canvas"]');
        const { x, y, zoom: z } = rf.getViewport();
        const r = el?.getBoundingClientRect();
        const W = r?.width ?? 0;
        const H = r?.height ?? 0;
        // Around the middle of the canvas.
        const cx = (W / 2 - x) / z;
        const cy = (H / 2 - y) / z;
        const to = zoomFor(100);
        void rf.setViewport({ x: W / 2 - cx * to, y: H / 2 - cy * to, zoom: to }, { duration: 150 });
      }}
    >
      {zoom}%
    </button>
  );
}

/** Whether the document on screen is what the file holds: never "Tersimpan" after a refused or failed save. */
export function saveStateText(readOnly: boolean, pending: number, error: string | null): string {
  if (readOnly) return "Tidak dapat diubah";
  if (pending > 0) return "Menyimpan…";
  return error !== null ? "Gagal menyimpan" : "Tersimpan";
}

function SaveState({ readOnly, pending, error }: { readOnly: boolean; pending: number; error: string | null }) {
  const failed = !readOnly && pending === 0 && error !== null;
  return (
    <span
      className={failed ? "save-state failed" : "save-state"}
      data-testid="save-state"
      data-state={readOnly ? "readonly" : pending > 0 ? "saving" : failed ? "failed" : "saved"}
      title={failed ? `Perubahan terakhir tidak disimpan: ${error}` : undefined}
      role={failed ? "alert" : undefined}
    >
      {saveStateText(readOnly, pending, error)}
    </span>
  );
}

function Header() {
  const view = useEditor((s) => s.view)!;
  const pending = useEditor((s) => s.pending);
  const saveError = useEditor((s) => s.saveError);
  const d = view.document.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  return (
    <header className="app-header">
      <div className="doc-title">
        <span className="file-name" data-testid="header-file" title={view.path}>
          {fileName(view.path)}
        </span>
        {readOnly && (
          <span className="chip readonly" data-testid="header-readonly" title={view.read_only ?? ""}>
            hanya-baca
          </span>
        )}
        <span className="doc-name" data-testid="header-title">
          {d.title}
        </span>
        <span className="doc-meta">
          {[d.agency, d.government].filter(Boolean).join(" — ")} · Periode {d.period.from}–{d.period.to}
        </span>
      </div>
      <div className="header-status">
        <span className="summary" data-testid="summary">
          {summaryText(view.report.summary)}
        </span>
        <SaveState readOnly={readOnly} pending={pending} error={saveError} />
      </div>
    </header>
  );
}

function Toolbar() {
  const view = useEditor((s) => s.view)!;
  const selection = useEditor((s) => s.selection);
  const mode = useEditor((s) => s.mode);
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const hasNode = selection !== null && !selection.startsWith("ext:");
  const compactTree = useEditor((s) => s.compactTree);
  const capaianYear = useEditor((s) => s.capaianYear);
  return (
    <nav className="toolbar" aria-label="Menu dan alat">
      <Menu label="Berkas" testId="menu-file">
        <Item label="Baru…" keys="Ctrl+N" onClick={() => editor.openDialog("new")} testId="menu-new" />
        <Item label="Buka…" keys="Ctrl+O" onClick={() => void editor.openWithDialog()} testId="menu-open" />
        <Item label="Simpan sebagai…" keys="Ctrl+Shift+S" onClick={() => void editor.saveAsWithDialog()} testId="menu-save-as" />
        <Item label="Cetak…" keys="Ctrl+P" onClick={() => editor.openPrint()} testId="menu-print" />
        <Item label="Impor dari Excel/CSV…" onClick={() => void importWizard.start()} testId="menu-import-sheet" />
        <Item label="Ekspor ke Excel…" onClick={() => editor.openDialog("export-xlsx")} testId="menu-export-xlsx" />
        <Item label="Properti dokumen…" onClick={() => editor.openDialog("document")} testId="menu-document" />
        <Item label="Versi bernama…" onClick={() => editor.openDialog("snapshots")} testId="menu-snapshots" />
        <Item label="Kirim untuk reviu…" onClick={() => editor.review.requestSendForReview()} testId="menu-send-review" />
        <Item label="Gabungkan hasil reviu…" disabled={readOnly && view.document.document.status !== "final"} onClick={() => void editor.review.requestMerge()} testId="menu-merge-review" />
        <Item label="Preferensi…" onClick={() => editor.review.openPreferences()} testId="menu-preferences" />
        <Item label="Tetapkan sebagai final…" disabled={readOnly} onClick={() => editor.requestMarkFinal()} testId="menu-mark-final" />
        <Item label="Draf baru dari versi final…" disabled={view.document.document.status !== "final"} onClick={() => void editor.newDraftWithDialog()} testId="menu-new-draft" />
        <Item label="Halaman awal" onClick={() => editor.goHome()} testId="menu-home" />
        <Item label="Keluar" keys="Ctrl+Q" onClick={() => void editor.quit()} testId="menu-quit" />
      </Menu>
      <Menu label="Edit" testId="menu-edit">
        <Item label="Urungkan" keys="Ctrl+Z" disabled={!view.can_undo} onClick={() => void editor.undo()} testId="menu-undo" />
        <Item label="Ulangi" keys="Ctrl+Shift+Z" disabled={!view.can_redo} onClick={() => void editor.redo()} testId="menu-redo" />
        <Item label="Tambah anak" keys="Tab" disabled={!hasNode || readOnly} onClick={() => void editor.addChild()} testId="menu-add-child" />
        <Item label="Tambah saudara" keys="Enter" disabled={!hasNode || readOnly} onClick={() => void editor.addSibling()} testId="menu-add-sibling" />
        <Item label="Ubah kondisi" keys="F2" disabled={!hasNode || readOnly} onClick={() => editor.startEdit()} testId="menu-edit-statement" />
        <Item label="Hapus simpul" keys="Delete" disabled={!hasNode || readOnly} onClick={() => editor.requestDelete()} testId="menu-delete" />
        <Item label="Cari…" keys="Ctrl+F" onClick={() => editor.openSearch()} testId="menu-search" />
        <Item label="Struktur organisasi…" onClick={() => editor.openDialog("units")} testId="menu-units" />
        <Item label="Aturan pemeriksaan…" onClick={() => editor.openDialog("rules")} testId="menu-rules" />
        <Item label="Tambah catatan reviu…" keys="Ctrl+Alt+M" onClick={() => editor.review.compose()} testId="menu-add-comment" />
      </Menu>
      <Menu label="Tampilan" testId="menu-view">
        <Item label="Paskan ke layar" keys="Ctrl+0" onClick={() => editor.fit()} testId="menu-fit" />
        <Item label="Perbesar" keys="Ctrl++" onClick={() => editor.zoomBy(1)} testId="menu-zoom-in" />
        <Item label="Perkecil" keys="Ctrl+−" onClick={() => editor.zoomBy(-1)} testId="menu-zoom-out" />
        <Item label="Bentangkan semua" onClick={() => void editor.expandAll()} testId="menu-expand-all" />
        <Item label={`${compactTree ? "" : "✓ "}Tata letak: lebar`} onClick={() => void editor.setCompactLayout(false)} testId="menu-layout-wide" />
        <Item label={`${compactTree ? "✓ " : ""}Tata letak: ringkas`} onClick={() => void editor.setCompactLayout(true)} testId="menu-layout-compact" />
        <Item
          label={capaianYear === null ? "Capaian tahun …" : `✓ Capaian tahun ${capaianYear}`}
          onClick={() => void editor.monitoring.toggleCapaian()}
          testId="menu-capaian"
        />
        <Item label="Tabel monitoring…" onClick={() => void editor.monitoring.openTable()} testId="menu-monitoring" />
        <Item label="Pengaturan capaian…" onClick={() => editor.openDialog("capaian-settings")} testId="menu-capaian-settings" />
        <Item label="Panel reviu" keys="Ctrl+Alt+R" onClick={() => editor.review.togglePanel()} testId="menu-review-panel" />
        <Item label="Bandingkan…" onClick={() => void editor.review.requestCompare()} testId="menu-compare" />
        <Item label="Kertas kerja KKE 1 (indikator SMART)" keys="Ctrl+5" onClick={() => editor.worksheets.open(1)} testId="menu-kke-1" />
        <Item label="Kertas kerja KKE 2 (logika cascading)" keys="Ctrl+6" onClick={() => editor.worksheets.open(2)} testId="menu-kke-2" />
        {view.document.tree.levels.slice(0, -1).map((l, i) => (
          <Item key={i} label={`Ciutkan sampai ${l.name}`} onClick={() => void editor.collapseToLevel(i)} testId={`menu-collapse-${i}`} />
        ))}
      </Menu>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => void editor.undo()} disabled={!view.can_undo} title="Urungkan (Ctrl+Z)" data-testid="undo">
        ↶ Urungkan
      </button>
      <button type="button" onClick={() => void editor.redo()} disabled={!view.can_redo} title="Ulangi (Ctrl+Shift+Z)" data-testid="redo">
        ↷ Ulangi
      </button>
      {mode === "tree" && <TreeTools hasNode={hasNode} readOnly={readOnly} />}
      <span className="toolbar-sep" />
      <button type="button" onClick={() => editor.openSearch()} title="Cari (Ctrl+F)" data-testid="search">
        Cari
      </button>
      <button type="button" onClick={() => editor.openDialog("units")} title="Struktur organisasi" data-testid="units">
        Struktur organisasi
      </button>
      <button type="button" onClick={() => editor.openDialog("snapshots")} title="Versi bernama" data-testid="snapshots">
        Versi bernama
      </button>
    </nav>
  );
}

function TreeTools({ hasNode, readOnly }: { hasNode: boolean; readOnly: boolean }) {
  return (
    <>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => void editor.addChild()} disabled={!hasNode || readOnly} title="Tambah anak (Tab)" data-testid="toolbar-add-child">
        + Anak
      </button>
      <button type="button" onClick={() => void editor.addSibling()} disabled={!hasNode || readOnly} title="Tambah saudara (Enter)" data-testid="toolbar-add-sibling">
        + Saudara
      </button>
      <button type="button" onClick={() => editor.requestDelete()} disabled={!hasNode || readOnly} title="Hapus (Delete)" data-testid="toolbar-delete">
        Hapus
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => editor.fit()} title="Paskan seluruh pohon ke layar (Ctrl+0)" data-testid="fit">
        Paskan
      </button>
      <button type="button" className="icon" onClick={() => editor.zoomBy(-1)} title="Perkecil (Ctrl+−)" aria-label="Perkecil" data-testid="zoom-out">
        −
      </button>
      <ZoomLevel />
      <button type="button" className="icon" onClick={() => editor.zoomBy(1)} title="Perbesar (Ctrl++)" aria-label="Perbesar" data-testid="zoom-in">
        +
      </button>
    </>
  );
}

function PickBanner() {
  const picking = useEditor((s) => s.picking);
  const view = useEditor((s) => s.view);
  if (!picking || !view) return null;
  const name = view.document.processes?.map?.processes?.find((p) => p.id === picking.process)?.name ?? picking.process;
  return (
    <div className="banner info pick-banner" role="status" data-testid="pick-banner">
      <span>
        Klik simpul pohon kinerja yang dilayani proses <strong>{name}</strong> (atau pilih dengan panah lalu Enter).
      </span>
      <button type="button" onClick={() => editor.cancelPick()} data-testid="pick-cancel">
        Batal
      </button>
    </div>
  );
}

function ModeTabs() {
  const mode = useEditor((s) => s.mode);
  return (
    <div className="mode-tabs" role="tablist" aria-label="Tampilan">
      {MODES.map((m, i) => (
        <button
          key={m}
          type="button"
          role="tab"
          aria-selected={m === mode}
          className={m === mode ? "mode-tab active" : "mode-tab"}
          onClick={() => editor.setMode(m)}
          title={`${MODE_LABEL[m]} (Ctrl+${i + 1})`}
          data-testid={`mode-${m}`}
        >
          {MODE_LABEL[m]}
        </button>
      ))}
      <button
        type="button"
        role="tab"
        aria-selected={mode === "worksheet"}
        className={mode === "worksheet" ? "mode-tab active" : "mode-tab"}
        onClick={() => editor.worksheets.open()}
        title="Kertas Kerja Evaluasi: KKE 1 (Ctrl+5), KKE 2 (Ctrl+6)"
        data-testid="mode-worksheet"
      >
        {MODE_LABEL.worksheet}
      </button>
    </div>
  );
}

export function MainScreen() {
  const view = useEditor((s) => s.view);
  const dialog = useEditor((s) => s.dialog);
  const mode = useEditor((s) => s.mode);
  const modal = useEditor((s) => s.dialog !== null || s.confirm !== null || s.prompt !== null);
  const monitoringOpen = useMonitoring(editor.monitoring, (s) => s.open);
  useKeyboard();
  if (!view) return null;
  return (
    <ReactFlowProvider>
      <div className={modal ? "main-screen modal-open" : "main-screen"} data-testid="main-screen">
        <Header />
        {view.read_only !== null && view.read_only !== undefined && (
          <div className="banner warning" role="status" data-testid="readonly-banner">
            Dokumen ini dibuka hanya-baca: {view.read_only}
            {view.document.document.status === "final" && editor.monitoring.writable() && " — realisasi (Tampilan › Tabel monitoring) dan catatan reviu tetap dapat diisi."}
          </div>
        )}
        <Toolbar />
        <ModeTabs />
        <PickBanner />
        <ReviewBanners />
        <div className="workspace">
          <div className="canvas-column">
            <SearchBar />
            {mode === "tree" && <TreeCanvas />}
            {mode === "map" && <ProcessMapView />}
            {mode === "relations" && <RelationsView />}
            {mode === "flow" && <FlowView />}
            {mode === "worksheet" && <WorksheetView />}
            {/* The worksheet shows the findings behind its automatic marks itself, and needs the room. */}
            {mode !== "worksheet" && !(mode === "tree" && monitoringOpen) && <FindingsPanel />}
          </div>
          {mode === "tree" ? <SidePanel /> : mode === "worksheet" ? null : <ProcessSidePanel />}
          <ReviewPanel />
        </div>
        {/* The Tabel monitoring: the whole width under the tree and its side panel. */}
        {mode === "tree" && monitoringOpen && <MonitoringPanel />}
        {dialog === "units" && <UnitsDialog />}
        {dialog === "snapshots" && <SnapshotsDialog />}
        {dialog === "link" && <LinkDialog />}
        {dialog === "new" && <NewDocumentDialog />}
        {dialog === "print" && <PrintDialog />}
        {dialog === "document" && <DocumentDialog />}
        {dialog === "rules" && <RulesDialog />}
        {dialog === "capaian-settings" && <CapaianSettingsDialog />}
        {dialog === "import-sheet" && <ImportWizard />}
        {dialog === "export-xlsx" && <ExportXlsxDialog />}
        <ReviewLayer />
      </div>
    </ReactFlowProvider>
  );
}
