// The session: what is open. Launch, open (dialog, recent, sample), new,
// save as, final version, new draft, the start screen, quit, the window title.

import * as api from "../api";
import { errorText, fileName, suggestFileName } from "../format";
import { firstBox } from "../navigation";
import { allFlows } from "../processes";
import type { DocumentView, NewDocumentArgs } from "../types";
import type { Editor } from "./editor";
import { finalWarning } from "./final";
import { initialPrintState, type EditorState } from "./state";

export const SESSION_API = [
  "init",
  "show",
  "openPath",
  "openSample",
  "openWithDialog",
  "createDocument",
  "saveAsWithDialog",
  "requestMarkFinal",
  "markFinal",
  "newDraftWithDialog",
  "quit",
  "goHome",
  "backToDocument",
  "updateTitle",
] as const;

export class Session {
  /** init ran (it runs once: React may mount twice). */
  private started = false;

  constructor(private readonly ed: Editor) {}

  /** At launch: the document given on the command line (or its error), the samples, the recent files. */
  async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const [current, samples, recent] = await Promise.allSettled([api.currentDocument(), api.listSamples(), api.recentFiles()]);
    const patch: Partial<EditorState> = {};
    if (samples.status === "fulfilled") patch.samples = samples.value;
    else this.ed.toast(errorText(samples.reason));
    if (recent.status === "fulfilled") patch.recent = recent.value;
    else this.ed.toast(errorText(recent.reason));
    this.ed.set(patch);
    if (current.status === "rejected") this.ed.set({ startError: errorText(current.reason), screen: "start" });
    else if (current.value) await this.show(current.value);
    else this.updateTitle();
  }

  private async refreshRecent(): Promise<void> {
    try {
      this.ed.set({ recent: await api.recentFiles() });
    } catch (e) {
      this.ed.toast(errorText(e));
    }
  }

  /** Shows a freshly opened document: new selection, nothing collapsed, the whole tree fitted. */
  async show(view: DocumentView): Promise<void> {
    this.ed.printing.stopPreview();
    this.ed.set({
      view,
      screen: "main",
      startError: null,
      saveError: null,
      selection: null,
      collapsed: [],
      editing: null,
      layout: null,
      dialog: null,
      search: { open: false, query: "", index: 0 },
      mode: "tree",
      mapParent: null,
      mapLayout: null,
      process: null,
      flow: allFlows(view.document)[0]?.id ?? null,
      flowLayout: null,
      step: null,
      stepEditing: null,
      picking: null,
      print: initialPrintState(),
    });
    this.updateTitle();
    await this.ed.refreshLayout();
    const layout = this.ed.state.layout;
    if (layout) this.ed.set({ selection: firstBox(layout) });
    void this.refreshRecent();
  }

  private async opening(what: () => Promise<DocumentView>): Promise<boolean> {
    try {
      const view = await this.ed.enqueue(what);
      await this.show(view);
      return true;
    } catch (e) {
      const text = errorText(e);
      if (this.ed.state.screen === "start") this.ed.set({ startError: text });
      else this.ed.toast(text);
      return false;
    }
  }

  openPath(path: string): Promise<boolean> {
    return this.opening(() => api.openDocument(path));
  }

  openSample(key: string): Promise<boolean> {
    return this.opening(() => api.openSample(key));
  }

  /** Berkas › Buka: the native dialog, then the file. */
  async openWithDialog(): Promise<boolean> {
    let path: string | null;
    try {
      path = await api.pickOpenPath();
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
    return path ? this.openPath(path) : false;
  }

  /** The native save dialog for a .pokin path; null when cancelled or when it failed (said in a toast). */
  private async askPokinPath(suggested: string): Promise<string | null> {
    try {
      return await api.pickSavePath(suggested);
    } catch (e) {
      this.ed.toast(errorText(e));
      return null;
    }
  }

  /** The open file's name with a suffix, for the save dialog: "bkd.pokin" → "bkd-draf.pokin". */
  private siblingName(suffix: string): string {
    return fileName(this.ed.state.view?.path ?? "dokumen").replace(/\.(pokin|json)$/i, "") + `-${suffix}.pokin`;
  }

  /** Dokumen baru: the form's fields, then the native save dialog for the path. */
  async createDocument(fields: Omit<NewDocumentArgs, "path">): Promise<boolean> {
    const path = await this.askPokinPath(suggestFileName(fields.title));
    if (!path) return false;
    const ok = await this.opening(() => api.newDocument({ ...fields, path }));
    if (ok) this.ed.set({ dialog: null });
    return ok;
  }

  async saveAsWithDialog(): Promise<boolean> {
    if (!this.ed.state.view) return false;
    const path = await this.askPokinPath(this.siblingName("salinan"));
    if (!path) return false;
    try {
      const next = await this.ed.enqueue(() => api.saveAs(path));
      this.ed.edits.setView(next);
      this.updateTitle();
      this.ed.toast(`Disimpan sebagai ${fileName(next.path)}`, "info");
      void this.refreshRecent();
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  /** Berkas › Tetapkan sebagai final…: asks for the version's name, says what it means, then marks the document final. */
  requestMarkFinal(): void {
    const view = this.ed.state.view;
    if (!view || this.ed.readOnly) return;
    // Errors in the report: the same dialog says how many and which, and asks to confirm.
    const warning = finalWarning(view.report);
    this.ed.set({
      prompt: {
        title: "Tetapkan sebagai final",
        message:
          "Dokumen ini akan ditetapkan (final): disimpan sebagai versi bernama dengan sidiknya, dan tidak dapat diubah lagi. " +
          "Cetakan dari versi ini dapat diperiksa keasliannya. Perubahan berikutnya dibuat di draf baru (Berkas › Draf baru dari versi final).",
        label: "Nama versi final",
        initial: `Ditetapkan ${new Date().toISOString().slice(0, 10)}`,
        ok: warning ? "Tetap tetapkan" : "Tetapkan",
        ...(warning ? { warning: warning.message, details: warning.details } : {}),
        onOk: (name) => void this.markFinal(name),
      },
    });
  }

  async markFinal(name: string): Promise<boolean> {
    try {
      const next = await this.ed.enqueue(() => api.markFinal(name.trim()));
      this.ed.edits.setView(next);
      this.updateTitle();
      this.ed.toast(`Ditetapkan sebagai versi final "${name.trim()}". Dokumen ini tidak dapat diubah lagi.`, "info");
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
  }

  /** Berkas › Draf baru dari versi final…: the native save dialog, then the new draft opens in place of this one. */
  async newDraftWithDialog(): Promise<boolean> {
    if (!this.ed.state.view) return false;
    const path = await this.askPokinPath(this.siblingName("draf"));
    if (!path) return false;
    const ok = await this.opening(() => api.newDraft(path));
    if (ok) this.ed.toast(`Draf baru dibuka: ${fileName(path)}`, "info");
    return ok;
  }

  /** Berkas › Keluar: after the edits under way, the app quits and closes the file. */
  async quit(): Promise<void> {
    await this.ed.enqueue(() => api.quitApp()).catch((e) => this.ed.toast(errorText(e)));
  }

  goHome(): void {
    this.ed.printing.stopPreview();
    this.ed.set({ screen: "start", dialog: null });
    void this.refreshRecent();
  }

  backToDocument(): void {
    if (this.ed.state.view) this.ed.set({ screen: "main" });
  }

  updateTitle(): void {
    const view = this.ed.state.view;
    const title = view ? `${fileName(view.path)}${view.read_only !== null && view.read_only !== undefined ? " (hanya-baca)" : ""} — Pokin Studio` : "Pokin Studio";
    api.setWindowTitle(title).catch((e) => console.warn("Judul jendela tidak dapat diubah:", errorText(e)));
  }
}
