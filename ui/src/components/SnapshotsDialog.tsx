import { useEffect, useState } from "react";
import * as api from "../api";
import { editor } from "../editor";
import { errorText, formatDateTime } from "../format";
import type { Snapshot } from "../types";
import { Dialog } from "./Dialog";

/** Versi bernama: named snapshots of the whole document ("Rancangan 1", "Final"). */
export function SnapshotsDialog() {
  const [list, setList] = useState<Snapshot[] | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const load = async () => {
    try {
      setList(await api.listSnapshots());
    } catch (e) {
      editor.toast(errorText(e));
      setList([]);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const create = async () => {
    if (name.trim() === "" || busy) return;
    setBusy(true);
    try {
      const s = await api.createSnapshot(name.trim());
      editor.toast(`Versi "${s.name}" disimpan.`, "info");
      setName("");
      await load();
    } catch (e) {
      editor.toast(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Versi bernama" testId="snapshots-dialog" onClose={() => editor.openDialog(null)} wide>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field grow">
          <span>Simpan keadaan dokumen sekarang sebagai versi</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Rancangan 1" data-testid="snapshot-name" />
        </label>
        <button type="submit" className="primary" disabled={name.trim() === "" || busy} data-testid="snapshot-create">
          Simpan versi
        </button>
      </form>
      {list === null ? (
        <p className="muted">Memuat…</p>
      ) : list.length === 0 ? (
        <p className="muted" data-testid="snapshots-empty">
          Belum ada versi bernama.
        </p>
      ) : (
        <table className="snapshots" data-testid="snapshots-table">
          <thead>
            <tr>
              <th>Nama</th>
              <th>Waktu</th>
              <th>Suntingan ke-</th>
              <th>Sidik (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={`${s.name}-${s.seq}`} data-testid={`snapshot-${s.seq}`}>
                <td>
                  {s.name}
                  {s.final && <span className="chip">final</span>}
                </td>
                <td>{formatDateTime(s.at)}</td>
                <td className="num">{s.seq}</td>
                <td>
                  <code title={s.fingerprint}>{s.fingerprint.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
