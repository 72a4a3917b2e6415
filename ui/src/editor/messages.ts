// Messages: toasts, the save state in the header, and the answers to the
// confirm and prompt dialogs.

import { errorText } from "../format";
import type { Editor } from "./editor";
import type { Toast } from "./state";

export const MESSAGES_API = ["toast", "dismiss", "answerConfirm", "answerPrompt"] as const;

export class Messages {
  constructor(private readonly ed: Editor) {}

  toast(text: string, kind: Toast["kind"] = "error"): void {
    const id = this.ed.nextSeq();
    // Keep the last few; errors stay until closed, notices go by themselves.
    this.ed.set({ toasts: [...this.ed.state.toasts.slice(-3), { id, kind, text }] });
    if (kind === "info") setTimeout(() => this.dismiss(id), 4000);
  }

  dismiss(id: number): void {
    const toasts = this.ed.state.toasts;
    if (toasts.some((t) => t.id === id)) this.ed.set({ toasts: toasts.filter((t) => t.id !== id) });
  }

  /** An edit, undo or redo that was refused or could not be written: said in the header and as a message. */
  failed(e: unknown): void {
    const text = errorText(e);
    this.ed.set({ saveError: text });
    this.toast(text);
  }

  answerConfirm(yes: boolean): void {
    const c = this.ed.state.confirm;
    this.ed.set({ confirm: null });
    if (yes && c) c.onYes();
  }

  answerPrompt(value: string | null): void {
    const p = this.ed.state.prompt;
    this.ed.set({ prompt: null });
    if (value !== null && p) p.onOk(value);
  }
}
