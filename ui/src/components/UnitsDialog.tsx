import { editor, useEditor } from "../editor";
import { indexView } from "../model";
import { addUnitOp, deleteUnitOp, nodesOwnedBy, updateUnitOp, withUnitField, type UnitField } from "../ops";
import type { Acting } from "../generated/Acting";
import type { Official } from "../generated/Official";
import type { Unit } from "../types";
import { CommitField } from "./CommitField";
import { Dialog } from "./Dialog";

type OfficialField = "position" | "name" | "rank" | "nip" | "acting";

/** The official with one field changed (acting only plt, plh or pj); undefined when nothing is left. */
export function officialWithField(before: Official | undefined, field: OfficialField, text: string): Official | undefined {
  const official: Official = { ...(before ?? {}) };
  const t = text.trim();
  if (field === "acting") {
    if (t === "plt" || t === "plh" || t === "pj") official.acting = t as Acting;
    else delete official.acting;
  } else if (t === "") delete official[field];
  else official[field] = t;
  return Object.keys(official).length === 0 ? undefined : official;
}

/** The unit with one field of its official (pejabat) changed; an empty official goes away. */
export function withOfficialField(unit: Unit, field: OfficialField, text: string): Unit {
  const official = officialWithField(unit.official, field, text);
  const out: Unit = { ...unit, official };
  if (!official) delete out.official;
  return out;
}

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
  const setOfficial = (u: Unit, field: OfficialField) => (v: string) => editor.apply(updateUnitOp(withOfficialField(u, field, v)));
  // The kepala daerah: pihak kedua of the units without Atasan (document.regional_head).
  const head = doc.document.regional_head;
  const setHead = (field: OfficialField) => (v: string) => {
    const document = { ...doc.document, regional_head: officialWithField(head, field, v) };
    if (!document.regional_head) delete document.regional_head;
    return editor.apply({ op: "update_document", document });
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
      <div
        data-testid="regional-head"
        title="Pihak kedua Perjanjian Kinerja unit yang tidak punya atasan"
        style={{ display: "grid", gridTemplateColumns: "auto 96px minmax(0, 1.5fr) minmax(0, 1.5fr)", gap: 6, alignItems: "center", marginBottom: 8 }}
      >
        <span className="muted">Kepala daerah:</span>
        <select aria-label="Definitif, Pj., Plt. atau Plh. kepala daerah" value={head?.acting ?? ""} disabled={readOnly} onChange={(e) => void setHead("acting")(e.target.value)} data-testid="regional-head-acting">
          <option value="">Definitif</option>
          <option value="pj">Pj.</option>
          <option value="plt">Plt.</option>
          <option value="plh">Plh.</option>
        </select>
        <CommitField label="Jabatan kepala daerah" value={head?.position ?? ""} onCommit={setHead("position")} testId="regional-head-position" disabled={readOnly} placeholder="Jabatan (kosong: Bupati … dari pemerintah daerah)" />
        <CommitField label="Nama kepala daerah" value={head?.name ?? ""} onCommit={setHead("name")} testId="regional-head-name" disabled={readOnly} placeholder="Nama kepala daerah" />
      </div>
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
            {units.map((u) => [
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
              </tr>,
              <tr key={`${u.id}-official`} className="unit-official" data-testid={`unit-official-${u.id}`}>
                <td colSpan={6}>
                  <div
                    style={{
                      display: "grid",
                      gridTemplateColumns: "auto 96px minmax(0, 1.5fr) minmax(0, 1.5fr) minmax(0, 1fr) minmax(0, 1fr)",
                      gap: 6,
                      alignItems: "center",
                      paddingLeft: 12,
                      fontSize: "0.92em",
                    }}
                  >
                    <span className="muted">Pejabat:</span>
                    <select
                      aria-label="Plt./Plh."
                      title="Definitif, Plt. (pelaksana tugas) atau Plh. (pelaksana harian)"
                      value={u.official?.acting ?? ""}
                      disabled={readOnly}
                      onChange={(e) => void setOfficial(u, "acting")(e.target.value)}
                      data-testid="official-acting"
                    >
                      <option value="">Definitif</option>
                      <option value="plt">Plt.</option>
                      <option value="plh">Plh.</option>
                    </select>
                    <CommitField label="Jabatan" value={u.official?.position ?? ""} onCommit={setOfficial(u, "position")} testId="official-position" disabled={readOnly} placeholder="Jabatan (mis. Kepala Bidang …)" />
                    <CommitField label="Nama pejabat" value={u.official?.name ?? ""} onCommit={setOfficial(u, "name")} testId="official-name" disabled={readOnly} placeholder="Nama" />
                    <CommitField label="Pangkat/Golongan" value={u.official?.rank ?? ""} onCommit={setOfficial(u, "rank")} testId="official-rank" disabled={readOnly} placeholder="Pangkat/Golongan" />
                    <CommitField label="NIP" value={u.official?.nip ?? ""} onCommit={setOfficial(u, "nip")} testId="official-nip" disabled={readOnly} placeholder="NIP" />
                  </div>
                </td>
              </tr>,
            ])}
          </tbody>
        </table>
      </div>
      {units.length === 0 && <p className="muted">Belum ada unit kerja. Tambahkan unit agar simpul dapat diberi penanggung jawab.</p>}
    </Dialog>
  );
}
