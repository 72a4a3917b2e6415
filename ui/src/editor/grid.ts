// Keyboard moves shared by the app's spreadsheet-like tables (the KKE
// worksheet, the Tabel monitoring): arrows, PageUp/PageDown, Home/End.

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export interface Cursor {
  row: number;
  col: number;
}

/** Rows PageUp / PageDown move by. */
export const PAGE_ROWS = 10;

export type GridMove = { type: "move"; rows: number; cols: number } | { type: "home" } | { type: "end" };

/**
 * The move a key makes on a table, or null (not a move key, or a Ctrl/Alt
 * combination, which stays the app's: Ctrl+Z, Ctrl+Y, Ctrl+1…6).
 */
export function gridMove(e: KeyLike): GridMove | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "ArrowUp":
      return { type: "move", rows: -1, cols: 0 };
    case "ArrowDown":
      return { type: "move", rows: 1, cols: 0 };
    case "ArrowLeft":
      return { type: "move", rows: 0, cols: -1 };
    case "ArrowRight":
      return { type: "move", rows: 0, cols: 1 };
    case "PageUp":
      return { type: "move", rows: -PAGE_ROWS, cols: 0 };
    case "PageDown":
      return { type: "move", rows: PAGE_ROWS, cols: 0 };
    case "Home":
      return { type: "home" };
    case "End":
      return { type: "end" };
  }
  return null;
}
