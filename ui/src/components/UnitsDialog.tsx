import { editor, useEditor } from "../editor";
import { indexView } from "../model";
import { addUnitOp, deleteUnitOp, nodesOwnedBy, updateUnitOp, withUnitField, type UnitField } from "../ops";
import type { Unit } from "../types";
import { CommitField } from "./CommitField";
import { Dialog } from "./Dialog";

/** Struktur organisasi: the units that own nodes (penanggung jawab) and act in the flows. */
export function UnitsDialog() {
  const view = useEditor((s) => s.view);
  if (!view) return null;
  const doc = view.document;
  const units = doc.units ?? [];
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const ix = indexView(view);
  const set = (u: Unit, field: UnitField) => (v: string) => {
    const next = withUnitField(u, field, v);
    if (field === "name" && next.name === "") {
      editor.toast("Nama unit kerja wajib diisi.");
      return;
    }
    void editor.apply(updateUnitOp(next));
  };
  const remove = (u: Unit) => {
    const owned = nodesOwnedBy(ix, u.id).length;
    editor.set({
      confirm: {
        title: "Hapus unit kerja",
        message:
          `Hapus unit kerja "${u.name}"?` +
          (owned > 0 ? ` Unit ini penanggung jawab ${owned} simpul.` : "") +
          " Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).",
        yes: "Hapus",
        onYes: () => void editor.apply(deleteUnitOp(u.id)),
      },
    });
  };
  return (
    <Dialog
      title="Struktur organisasi"
      testId="units-dialog"
      wide
      onClose={() => editor.openDialog(null)}
      footer={
        <>
          <button type="button" onClick={() => void editor.apply(addUnitOp())} disabled={readOnly} data-testid="add-unit">
            + Unit kerja
          </button>
          <button type="button" className="primary" onClick={() => editor.openDialog(null)} data-testid="units-done">
            Selesai
          </button>
        </>
      }
    >
      <div className="table-scroll">
        <table className="units" data-testid="units-table">
          <thead>
            <tr>
              <th>Nama</th>
              <th>Nama singkat</th>
              <th>Eselon</th>
              <th>Atasan</th>
              <th>Simpul</th>
              <th aria-label="Hapus" />
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} data-testid={`unit-row-${u.id}`}>
                <td>
                  <CommitField label="Nama unit" value={u.name} onCommit={set(u, "name")} testId="unit-name" disabled={readOnly} className="w-text" />
                </td>
                <td>
                  <CommitField label="Nama singkat" value={u.short ?? ""} onCommit={set(u, "short")} testId="unit-short" disabled={readOnly} />
                </td>
                <td>
                  <CommitField label="Eselon" value={u.echelon ?? ""} onCommit={set(u, "echelon")} testId="unit-echelon" disabled={readOnly} className="w-unit" placeholder="III.a" />
                </td>
                <td>
                  <select aria-label="Atasan" value={u.parent ?? ""} disabled={readOnly} onChange={(e) => set(u, "parent")(e.target.value)} data-testid="unit-parent">
                    <option value="">— tidak ada —</option>
                    {units
                      .filter((o) => o.id !== u.id)
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.short || o.name}
                        </option>
                      ))}
                  </select>
                </td>
                <td className="num">{nodesOwnedBy(ix, u.id).length}</td>
                <td>
                  <button type="button" className="icon danger" title="Hapus unit kerja" aria-label={`Hapus ${u.name}`} disabled={readOnly} onClick={() => remove(u)} data-testid={`delete-unit-${u.id}`}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {units.length === 0 && <p className="muted">Belum ada unit kerja. Tambahkan unit agar simpul dapat diberi penanggung jawab.</p>}
    </Dialog>
  );
}
