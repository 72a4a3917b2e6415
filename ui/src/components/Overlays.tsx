import { useState } from "react";
import { editor, useEditor } from "../editor";
import { Dialog } from "./Dialog";

/** Messages from the core (refusals, failures) and notices. Errors stay until closed. */
export function Toasts() {
  const toasts = useEditor((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === "error" ? "alert" : "status"} data-testid={t.kind === "error" ? "toast-error" : "toast-info"}>
          <span className="toast-text">{t.text}</span>
          <button type="button" className="icon" aria-label="Tutup pesan" title="Tutup pesan" onClick={() => editor.dismiss(t.id)} data-testid="toast-close">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function ConfirmDialog() {
  const confirm = useEditor((s) => s.confirm);
  if (!confirm) return null;
  return (
    <Dialog
      title={confirm.title}
      testId="confirm-dialog"
      onClose={() => editor.answerConfirm(false)}
      footer={
        <>
          <button type="button" onClick={() => editor.answerConfirm(false)} data-testid="confirm-no">
            Batal
          </button>
          <button type="button" className="primary danger" autoFocus onClick={() => editor.answerConfirm(true)} data-testid="confirm-yes">
            {confirm.yes}
          </button>
        </>
      }
    >
      <p className="confirm-message">{confirm.message}</p>
      {confirm.details && confirm.details.length > 0 && (
        <ul className="confirm-details" data-testid="confirm-details">
          {confirm.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

export function PromptDialog() {
  const prompt = useEditor((s) => s.prompt);
  if (!prompt) return null;
  return <PromptBody key={prompt.title + prompt.message} />;
}

function PromptBody() {
  const prompt = useEditor((s) => s.prompt)!;
  const [value, setValue] = useState(prompt.initial);
  const ok = () => editor.answerPrompt(value);
  return (
    <Dialog
      title={prompt.title}
      testId="prompt-dialog"
      onClose={() => editor.answerPrompt(null)}
      footer={
        <>
          <button type="button" onClick={() => editor.answerPrompt(null)} data-testid="prompt-cancel">
            Batal
          </button>
          <button type="button" className="primary" onClick={ok} disabled={value.trim() === ""} data-testid="prompt-ok">
            {prompt.ok}
          </button>
        </>
      }
    >
      {prompt.warning && (
        <div className="prompt-warning" role="alert" data-testid="prompt-warning">
          <p>{prompt.warning}</p>
          {prompt.details && prompt.details.length > 0 && (
            <ul className="confirm-details" data-testid="prompt-details">
              {prompt.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="prompt-message">{prompt.message}</p>
      <label className="field">
        <span>{prompt.label}</span>
        <textarea
          autoFocus
          rows={3}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && value.trim() !== "") {
              e.preventDefault();
              ok();
            }
          }}
          data-testid="prompt-input"
        />
      </label>
    </Dialog>
  );
}
