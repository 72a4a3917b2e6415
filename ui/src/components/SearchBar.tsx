import { useMemo } from "react";
import { editor, useEditor } from "../editor";
import { levelName, searchNodes, shorten } from "../model";

/** Ctrl+F: find nodes by text; Enter jumps to the next one (selects and centres it). */
export function SearchBar() {
  const search = useEditor((s) => s.search);
  const doc = useEditor((s) => s.view?.document);
  const results = useMemo(() => (doc ? searchNodes(doc, search.query) : []), [doc, search.query]);
  if (!search.open || !doc) return null;
  const ids = results.map((n) => n.id);
  const current = results.length ? Math.min(search.index, results.length - 1) : -1;
  return (
    <div className="search" role="search" data-testid="search-bar">
      <input
        autoFocus
        type="search"
        value={search.query}
        placeholder="Cari kondisi, indikator, fenomena…"
        aria-label="Cari"
        data-testid="search-input"
        onChange={(e) => editor.setSearchQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            const next = search.query && results.length ? (e.shiftKey ? current - 1 : current + (editor.state.selection === ids[current] ? 1 : 0)) : 0;
            editor.jumpToResult(ids, next);
          } else if (e.key === "Escape") {
            // Closes the search, and only that: the selection stays.
            e.preventDefault();
            e.stopPropagation();
            editor.closeSearch();
          }
        }}
      />
      <span className="search-count" data-testid="search-count">
        {search.query.trim() === "" ? "" : results.length === 0 ? "tidak ditemukan" : `${current + 1} dari ${results.length}`}
      </span>
      <button type="button" className="icon" title="Sebelumnya (Shift+Enter)" aria-label="Sebelumnya" disabled={!results.length} onClick={() => editor.jumpToResult(ids, current - 1)} data-testid="search-prev">
        ↑
      </button>
      <button type="button" className="icon" title="Berikutnya (Enter)" aria-label="Berikutnya" disabled={!results.length} onClick={() => editor.jumpToResult(ids, current + 1)} data-testid="search-next">
        ↓
      </button>
      <button type="button" className="icon" title="Tutup (Esc)" aria-label="Tutup pencarian" onClick={() => editor.closeSearch()} data-testid="search-close">
        ×
      </button>
      {results.length > 0 && search.query.trim() !== "" && (
        <ul className="search-results" data-testid="search-results">
          {results.slice(0, 12).map((n, i) => (
            <li key={n.id}>
              <button type="button" className={i === current ? "pick selected" : "pick"} onClick={() => editor.jumpToResult(ids, i)} data-testid={`search-result-${n.id}`}>
                <span className="pick-level">{levelName(doc, n.level)}</span> {shorten(n.statement, 90)}
              </button>
            </li>
          ))}
          {results.length > 12 && <li className="muted small">dan {results.length - 12} lagi — tekan Enter untuk menelusuri</li>}
        </ul>
      )}
    </div>
  );
}
