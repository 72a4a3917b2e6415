import { useMemo, useState } from "react";
import { editor, useEditor } from "../editor";
import { indexView, levelName, searchNodes, shorten } from "../model";
import { addCrosscuttingOp } from "../ops";
import { Dialog } from "./Dialog";

/** Tambah keterkaitan crosscutting: pick a node of this document, or type another agency's ext: address. */
export function LinkDialog() {
  const view = useEditor((s) => s.view);
  const from = useEditor((s) => s.selection);
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState("");
  const [rationale, setRationale] = useState("");
  const doc = view?.document;
  const results = useMemo(() => (doc && query.trim() ? searchNodes(doc, query, 30).filter((n) => n.id !== from) : []), [doc, query, from]);
  if (!view || !doc || from === null) return null;
  const ix = indexView(view);
  const source = ix.nodes.get(from);
  const close = () => editor.openDialog(null);
  const submit = async () => {
    const done = await editor.apply(addCrosscuttingOp(from, target, rationale));
    if (done) close();
  };
  const chosen = target.startsWith("ext:") ? target : ix.nodes.get(target);
  return (
    <Dialog
      title="Tambah keterkaitan crosscutting"
      testId="link-dialog"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" onClick={close} data-testid="link-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={target.trim() === ""} onClick={() => void submit()} data-testid="link-submit">
            Tambahkan
          </button>
        </>
      }
    >
      <p>
        Dari: <strong>{shorten(source?.statement ?? from, 90)}</strong>
      </p>
      <label className="field">
        <span>Cari simpul tujuan di dokumen ini</span>
        <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Ketik sebagian kondisi…" data-testid="link-search" />
      </label>
      {results.length > 0 && (
        <ul className="pick-list" data-testid="link-results">
          {results.map((n) => (
            <li key={n.id}>
              <button type="button" className={n.id === target ? "pick selected" : "pick"} onClick={() => setTarget(n.id)} data-testid={`link-pick-${n.id}`}>
                <span className="pick-level">{levelName(doc, n.level)}</span> {shorten(n.statement, 100)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>…atau alamat simpul di dokumen instansi lain</span>
        <input
          value={target.startsWith("ext:") ? target : ""}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="ext:BKPSDM-Kebumen/n3"
          data-testid="link-ext"
        />
      </label>
      {chosen && (
        <p data-testid="link-chosen">
          Tujuan: <strong>{typeof chosen === "string" ? chosen : shorten(chosen.statement, 90)}</strong>
        </p>
      )}
      <label className="field">
        <span>Justifikasi keterkaitan</span>
        <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} data-testid="link-rationale" />
      </label>
    </Dialog>
  );
}
