// The webview's own context menu (Reload, Back, Inspect …) has no place in
// the desktop app; text fields keep theirs (cut, copy, paste).

/** Whether the browser's context menu stays for this element: text inputs, text areas and editable text. */
export function keepsContextMenu(el: { tagName?: string; isContentEditable?: boolean; getAttribute?: (n: string) => string | null; closest?: (s: string) => unknown } | null): boolean {
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === "TEXTAREA") return true;
  if (tag === "INPUT") {
    const type = (el.getAttribute?.("type") ?? "text").toLowerCase();
    return ["text", "search", "number", "email", "tel", "url", "password", ""].includes(type);
  }
  return !!el.isContentEditable;
}

/** Blocks the context menu everywhere but in text fields. Returns the function that undoes it. */
export function blockContextMenu(target: Pick<Window, "addEventListener" | "removeEventListener">): () => void {
  const onMenu = (e: Event) => {
    if (!keepsContextMenu(e.target as HTMLElement | null)) e.preventDefault();
  };
  target.addEventListener("contextmenu", onMenu);
  return () => target.removeEventListener("contextmenu", onMenu);
}
