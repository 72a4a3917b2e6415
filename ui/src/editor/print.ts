// Printing: the print dialog's form, its preview (asked after a pause in
// typing; the latest request wins) and the PDF written through the native
// save dialog.

import * as api from "../api";
import { errorText } from "../format";
import { PREVIEW_DELAY, formWithYearToggled, optionsFromForm, pdfFileName, type PrintForm } from "../print";
import type { ReviewTeam } from "../generated";
import type { PrintOptions } from "../types";
import type { Editor } from "./editor";
import { Latest } from "./latest";
import type { PrintState } from "./state";

export const PRINT_API = ["printOptions", "openPrint", "closePrint", "setPrintForm", "togglePrintYear", "schedulePreview", "savePdf", "saveReviewTeam"] as const;

export class Printing {
  private readonly latest = new Latest();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ed: Editor) {}

  private setPrint(patch: Partial<PrintState>): void {
    this.ed.set({ print: { ...this.ed.state.print, ...patch } });
  }

  /** The options the print form stands for (null while a field is wrong). */
  printOptions(): PrintOptions | null {
    const built = optionsFromForm(this.ed.state.print.form, this.ed.state.view?.document.document.period);
    return built.ok ? built.options : null;
  }

  /** Berkas › Cetak (Ctrl+P): the dialog with the last options used for this document, and its preview at once. */
  openPrint(): void {
    const s = this.ed.state;
    if (!s.view) return;
    // Ctrl+P prints what is on screen; the other options stay as last used.
    const view =
      s.mode === "map" ? (s.mapParent !== null ? `processes:${s.mapParent}` : "processes") : s.mode === "relations" ? "relations" : s.mode === "flow" && s.flow !== null ? `flow:${s.flow}` : "tree";
    if (view !== s.print.form.view) this.setPrint({ form: { ...s.print.form, view } });
    this.ed.set({ dialog: "print" });
    this.setPrint({ error: null, saving: false });
    this.schedulePreview(0);
  }

  closePrint(): void {
    this.stopPreview();
    if (this.ed.state.dialog === "print") this.ed.set({ dialog: null });
  }

  /** Changes fields of the print form; the preview follows after a pause in typing. */
  setPrintForm(patch: Partial<PrintForm>): void {
    this.setPrint({ form: { ...this.ed.state.print.form, ...patch } });
    this.schedulePreview();
  }

  togglePrintYear(year: number): void {
    this.setPrint({ form: formWithYearToggled(this.ed.state.print.form, year) });
    this.schedulePreview();
  }

  /** Forgets the preview waiting for its pause or under way (its answer is dropped). */
  stopPreview(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.latest.cancel();
    if (this.ed.state.print.loading) this.setPrint({ loading: false });
  }

  /** Asks for the preview `delay` ms from now; a later change restarts the wait, and a later answer wins. */
  schedulePreview(delay = PREVIEW_DELAY): void {
    this.stopPreview();
    const options = this.printOptions();
    // A wrong field is shown beside it; there is nothing to preview until it is put right.
    if (!options) return;
    const current = this.latest.begin();
    this.setPrint({ loading: true });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.loadPreview(options, current);
    }, delay);
  }

  private async loadPreview(options: PrintOptions, current: () => boolean): Promise<void> {
    try {
      // After the edits sent before it, and not at all when a newer request came meanwhile.
      const preview = await this.ed.enqueue(() => (current() ? api.printPreview(options) : Promise.resolve(null)));
      if (!current() || !preview) return;
      this.setPrint({ preview, loading: false, error: null });
    } catch (e) {
      if (!current()) return;
      const text = errorText(e);
      this.setPrint({ preview: null, loading: false, error: text });
      this.ed.toast(text);
    }
  }

  /** The review team of the review report (Simpan in the print dialog): one set_review_team op, then the preview again. */
  async saveReviewTeam(team: ReviewTeam): Promise<boolean> {
    const view = await this.ed.apply({ op: "set_review_team", team });
    if (this.ed.state.dialog === "print") this.schedulePreview(0);
    return view !== null;
  }

  /** Simpan PDF: the native save dialog, then print_pdf; closes the dialog when written. */
  async savePdf(): Promise<boolean> {
    const view = this.ed.state.view;
    if (!view || this.ed.state.print.saving) return false;
    const built = optionsFromForm(this.ed.state.print.form, view.document.document.period);
    if (!built.ok) {
      this.ed.toast(Object.values(built.errors).join(" "));
      return false;
    }
    let path: string | null;
    try {
      path = await api.pickPdfPath(pdfFileName(view.document.document));
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    }
    if (!path) return false;
    this.setPrint({ saving: true });
    try {
      const done = await this.ed.enqueue(() => api.printPdf(built.options, path!));
      this.closePrint();
      this.ed.toast(`PDF tersimpan: ${done.path} (${done.pages} halaman)`, "info");
      return true;
    } catch (e) {
      this.ed.toast(errorText(e));
      return false;
    } finally {
      this.setPrint({ saving: false });
    }
  }
}
