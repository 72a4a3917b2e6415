import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { editor } from "../editor";

interface Props {
  value: string;
  /**
   * Called with the new text when the field is left, Enter is pressed (see `multiline`), or it goes away with a change.
   * When it returns a promise that resolves to null (refused, not saved, or nothing changed), the field shows the
   * document's value again: an edit that was not saved is not shown as done.
   */
  onCommit: (value: string) => unknown;
  /** A textarea; Enter still commits unless `newlines` (then Ctrl+Enter does). */
  multiline?: boolean;
  newlines?: boolean;
  rows?: number;
  testId?: string;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  autoFocus?: boolean;
  selectOnFocus?: boolean;
  inputMode?: "text" | "decimal" | "numeric";
}

/**
 * A text field that sends its value once, when the planner is done with it
 * (leaves the field, presses Enter), not on every key: one edit, one undo
 * step. Escape puts back the value it had.
 */
export function CommitField(p: Props) {
  const [draft, setDraft] = useState(p.value);
  const committed = useRef(p.value);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const onCommit = useRef(p.onCommit);
  onCommit.current = p.onCommit;
  const value = useRef(p.value);
  value.current = p.value;

  useEffect(() => {
    committed.current = p.value;
    setDraft(p.value);
  }, [p.value]);

  const commit = () => {
    if (draftRef.current !== committed.current) {
      const sent = draftRef.current;
      committed.current = sent;
      const result = onCommit.current(sent);
      if (result instanceof Promise) {
        void result.then((done) => {
          // Not saved: back to what the document holds (unless the planner typed on meanwhile).
          if (done === null && draftRef.current === sent) {
            committed.current = value.current;
            draftRef.current = value.current;
            setDraft(value.current);
          }
        });
      }
    }
  };
  // A field that goes away (another node selected) still sends what was typed.
  useEffect(() => () => commit(), []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (mod && (k === "z" || k === "y") && draftRef.current === committed.current) {
      // Nothing typed here since the last commit: Ctrl+Z is the document's undo, not the field's.
      e.preventDefault();
      void (k === "y" || e.shiftKey ? editor.redo() : editor.undo());
    } else if (e.key === "Escape") {
      e.stopPropagation();
      draftRef.current = committed.current;
      setDraft(committed.current);
      e.currentTarget.blur();
    } else if (e.key === "Enter" && !e.shiftKey && (!p.newlines || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };

  const common = {
    value: draft,
    "aria-label": p.label,
    title: p.label,
    placeholder: p.placeholder,
    disabled: p.disabled,
    className: p.className,
    autoFocus: p.autoFocus,
    "data-testid": p.testId,
    onBlur: commit,
    onKeyDown,
    onFocus: p.selectOnFocus ? (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => e.currentTarget.select() : undefined,
  };
  return p.multiline ? (
    <textarea {...common} rows={p.rows ?? 3} onChange={(e) => setDraft(e.target.value)} />
  ) : (
    <input {...common} type="text" inputMode={p.inputMode} onChange={(e) => setDraft(e.target.value)} />
  );
}
