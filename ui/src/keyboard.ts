// Keyboard-first editing: which key does what. Pure; the main screen feeds
// it keydown events and runs the command it returns.

import type { NavDirection } from "./navigation";

export type Command =
  | { type: "undo" }
  | { type: "redo" }
  | { type: "search" }
  | { type: "add-sibling" }
  | { type: "add-child" }
  | { type: "delete" }
  | { type: "edit" }
  | { type: "toggle-collapse" }
  | { type: "navigate"; dir: NavDirection }
  | { type: "escape" }
  | { type: "fit" }
  | { type: "zoom-in" }
  | { type: "zoom-out" }
  | { type: "new" }
  | { type: "open" }
  | { type: "save-as" }
  | { type: "print" }
  | { type: "quit" }
  /** Alt+arrow: move the selection (a node among its siblings, a process in its band, a step's order or lane). */
  | { type: "move"; dir: NavDirection }
  /** Shift+Enter: a new item before the selected one (a step in the flow). */
  | { type: "add-before" }
  /** Ctrl+1…4: the tree, the process map, the Peta Relasi, the flow; Ctrl+5 / Ctrl+6: the worksheets KKE 1 / KKE 2. */
  | { type: "mode"; index: 1 | 2 | 3 | 4 | 5 | 6 };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export interface KeyContext {
  /** Focus is in a text field, select or a dialog: leave plain keys (and Ctrl+Z) to it. */
  inField: boolean;
  /** A dialog is open: only its own keys count. */
  inDialog?: boolean;
}

const ARROWS: Record<string, NavDirection> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

export function commandForKey(e: KeyLike, ctx: KeyContext): Command | null {
  if (ctx.inDialog) return null;
  const mod = !!(e.ctrlKey || e.metaKey);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    // Ctrl+F and Ctrl+P work everywhere; the rest of the shortcuts leave text fields their own meaning.
    if (key === "f" && !e.shiftKey) return { type: "search" };
    if (key === "p" && !e.shiftKey) return { type: "print" };
    if (key === "q" && !e.shiftKey) return { type: "quit" };
    if (ctx.inField) return null;
    if (key === "z") return e.shiftKey ? { type: "redo" } : { type: "undo" };
    if (key === "y" && !e.shiftKey) return { type: "redo" };
    if (key === "0") return { type: "fit" };
    if (key === "=" || key === "+") return { type: "zoom-in" };
    if (key === "-") return { type: "zoom-out" };
    if (key === "n" && !e.shiftKey) return { type: "new" };
    if (key === "o" && !e.shiftKey) return { type: "open" };
    if (key === "s" && e.shiftKey) return { type: "save-as" };
    if (["1", "2", "3", "4", "5", "6"].includes(key) && !e.shiftKey) return { type: "mode", index: Number(key) as 1 | 2 | 3 | 4 | 5 | 6 };
    return null;
  }
  if (ctx.inField || mod) return null;
  if (e.altKey) {
    const dir = !e.shiftKey ? ARROWS[key] : undefined;
    return dir ? { type: "move", dir } : null;
  }
  switch (key) {
    case "Enter":
      return e.shiftKey ? { type: "add-before" } : { type: "add-sibling" };
    case "Tab":
      return e.shiftKey ? { type: "navigate", dir: "up" } : { type: "add-child" };
    case "Delete":
    case "Backspace":
      return { type: "delete" };
    case "F2":
      return { type: "edit" };
    case " ":
      return { type: "toggle-collapse" };
    case "Escape":
      return { type: "escape" };
  }
  const dir = ARROWS[key];
  return dir ? { type: "navigate", dir } : null;
}

/** Whether an element takes typed text (keys typed there are not commands). */
export function isTextField(el: { tagName?: string; isContentEditable?: boolean; getAttribute?: (n: string) => string | null } | null): boolean {
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (el.getAttribute?.("type") ?? "text").toLowerCase();
    return !["button", "checkbox", "radio", "submit", "reset"].includes(type);
  }
  return !!el.isContentEditable;
}
