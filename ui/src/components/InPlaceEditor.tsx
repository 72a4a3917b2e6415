import { useLayoutEffect, useRef, useState, type CSSProperties } from "react";

interface Props {
  initial: string;
  /** The text typed, when it differs from `initial` (Enter or leaving the field). */
  onCommit: (text: string) => void;
  /** Escape, or done without a change. */
  onCancel: () => void;
  label: string;
  placeholder: string;
  testId: string;
  className: string;
  style?: CSSProperties;
}

/**
 * Typing in place (a tree box's statement, a flow step's cell): Enter or
 * leaving keeps the text, Escape puts back what was there; it finishes
 * once. Its keys stop here: the editor goes away at once, and Enter must
 * not reach the window as "add a node" or "add a step".
 */
export function InPlaceEditor(p: Props) {
  const [draft, setDraft] = useState(p.initial);
  const done = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The field lets go of the focus before it goes: WebKitGTK takes some 35 ms
  // (in the app under Xvfb) to take the focus from a field removed while
  // focused, a few ms to blur it first. Going away unfinished (an undo while
  // typing) commits nothing, as before.
  useLayoutEffect(() => {
    // (Mounted again by React's StrictMode in development: open and focused again.)
    done.current = false;
    if (document.activeElement !== field.current) field.current?.focus();
    return () => {
      done.current = true;
      field.current?.blur();
    };
  }, []);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    field.current?.blur();
    if (keep && draft !== p.initial) p.onCommit(draft);
    else p.onCancel();
  };
  return (
    <textarea
      ref={field}
      className={p.className}
      style={p.style}
      autoFocus
      value={draft}
      placeholder={p.placeholder}
      aria-label={p.label}
      data-testid={p.testId}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === "Escape") {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}
