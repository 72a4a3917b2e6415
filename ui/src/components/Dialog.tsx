import { useEffect, useRef, type ReactNode } from "react";

interface Props {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Extra classes on the dialog box (e.g. "print" for the big print dialog). */
  className?: string;
}

/** A modal dialog: Escape or the close button dismisses it; focus starts inside. */
export function Dialog({ title, testId, onClose, children, footer, wide, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) {
      const first = el.querySelector<HTMLElement>("[autofocus], input, textarea, select, button.primary, button");
      first?.focus();
    }
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={["dialog", wide ? "wide" : "", className ?? ""].filter(Boolean).join(" ")}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header>
          <h2>{title}</h2>
          <button type="button" className="icon" aria-label="Tutup" title="Tutup" onClick={onClose} data-testid={`${testId}-close`}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer>{footer}</footer>}
      </div>
    </div>
  );
}
