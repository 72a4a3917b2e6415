import { editor, useEditor } from "../editor";
import { CATEGORY_LABEL, processById } from "../processes";
import { processBadges } from "../findings";

/** The Peta Relasi: processes × units; a click on a cell makes the unit an owner of the process, or not. */
export function RelationsView() {
  const view = useEditor((s) => s.view)!;
  const selected = useEditor((s) => s.process);
  const doc = view.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  // Rows and columns are the core's (layout::relations), the same the printout has.
  const layout = useEditor((s) => s.relationsLayout);
  const units = (layout?.units ?? []).flatMap((id) => (doc.units ?? []).filter((u) => u.id === id));
  const rows = (layout?.rows ?? []).flatMap(({ process, depth }) => {
    const p = processById(doc, process);
    return p ? [{ process: p, depth }] : [];
  });
  const badges = processBadges(view.report);
  return (
    <div className="process-view" data-testid="relations-view">
      <div className="view-bar">
        <span data-testid="relations-title">Peta Relasi — proses bisnis × unit kerja</span>
        <span className="muted">Klik sel untuk menandai unit kerja yang menjalankan proses.</span>
      </div>
      <div className="relations-scroll">
        {layout === null ? (
          <p className="empty-note">Memuat…</p>
        ) : rows.length === 0 ? (
          <p className="empty-note">Belum ada proses bisnis. Tambahkan di Peta Proses Bisnis.</p>
        ) : units.length === 0 ? (
          <p className="empty-note">Belum ada unit kerja. Isi dulu Struktur organisasi.</p>
        ) : (
          <table className="relations" data-testid="relations-table">
            <thead>
              <tr>
                <th className="name">Proses bisnis</th>
                <th>Kategori</th>
                {units.map((u) => (
                  <th key={u.id} className="unit" title={u.name} data-testid={`relations-unit-${u.id}`}>
                    {u.short || u.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ process: p, depth }) => {
                const badge = badges.get(p.id);
                return (
                  <tr key={p.id} className={p.id === selected ? "selected" : undefined} data-testid={`relations-row-${p.id}`} onClick={() => editor.selectProcess(p.id)}>
                    <th className="name" style={{ paddingLeft: 8 + depth * 16 }} scope="row">
                      {depth > 0 && "– "}
                      {p.name}
                      {badge && (
                        <span className={`badge-chip ${badge.worst}`} data-testid={`relations-badge-${p.id}`}>
                          {badge.count}
                        </span>
                      )}
                    </th>
                    <td className="category">{CATEGORY_LABEL[p.category]}</td>
                    {units.map((u) => {
                      const on = (p.owners ?? []).includes(u.id);
                      return (
                        <td key={u.id} className="cell">
                          <button
                            type="button"
                            className={on ? "owner on" : "owner"}
                            aria-pressed={on}
                            aria-label={`${u.short || u.name} menjalankan ${p.name}`}
                            disabled={readOnly}
                            data-testid={`relation-${p.id}-${u.id}`}
                            onClick={(e) => {
                              e.stopPropagation();
                              editor.selectProcess(p.id);
                              void editor.toggleOwner(p.id, u.id);
                            }}
                          >
                            {on ? "●" : ""}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
