import { useMemo, useState } from "react";
import { editor, useEditor } from "../editor";
import { formatDate } from "../format";
import { isoDate, updateDocumentOp, valuesOutside } from "../editor/documentMeta";
import { Dialog } from "./Dialog";
import { DocumentFields, Field, useDocumentForm } from "./DocumentFields";

/**
 * Berkas › Properti dokumen: title, agency, government, period and the
 * signatory of the printout. One save is one edit (`update_document`); the
 * core's refusal is shown as it comes and the dialog stays open.
 */
export function DocumentDialog() {
  const view = useEditor((s) => s.view)!;
  const original = view.document.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const { form, set, result, shown, tried, setTried } = useDocumentForm(original);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const outside = useMemo(() => {
    if (!result.ok) return null;
    const { from, to } = result.meta.period;
    if (from === original.period.from && to === original.period.to) return null;
    const o = valuesOutside(view.document, from, to);
    return o.count > 0 ? o : null;
  }, [result, original, view.document]);
  const dateShown = isoDate(form.date);

  const close = () => editor.openDialog(null);
  const save = async () => {
    setTried(true);
    if (!result.ok || busy || readOnly) return;
    const op = updateDocumentOp(result.meta, original);
    if (!op) return close();
    setBusy(true);
    setRefusal(null);
    const done = await editor.apply(op);
    setBusy(false);
    if (done) {
      close();
      editor.toast("Properti dokumen disimpan.", "info");
    } else setRefusal(editor.state.saveError);
  };

  return (
    <Dialog
      title="Properti dokumen"
      testId="document-dialog"
      onClose={close}
      wide
      footer={
        <>
          {refusal && (
            <span className="form-problem" role="alert" data-testid="doc-refusal">
              {refusal}
            </span>
          )}
          <button type="button" onClick={close} data-testid="doc-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={busy || readOnly || (tried && !result.ok)} onClick={() => void save()} data-testid="doc-save">
            Simpan
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DocumentFields form={form} set={set} shown={shown} testPrefix="doc" readOnly={readOnly} />
        {outside && (
          <p className="wide banner-note" data-testid="doc-outside">
            {outside.count} nilai target/realisasi indikator ada di tahun di luar periode baru ({outside.years.join(", ")}). Nilai itu tetap disimpan dan
            dilaporkan di panel Temuan; tidak ada yang dihapus.
          </p>
        )}
        <h3 className="wide">Penandatangan (blok tanda tangan cetakan)</h3>
        <Field testPrefix="doc" field="place" label="Tempat" form={form} set={set} readOnly={readOnly} placeholder="Lumajang" />
        <label className="field">
          <span>Tanggal</span>
          <input
            type="text"
            value={form.date}
            onChange={(e) => set("date", e.target.value)}
            placeholder="15-01-2025"
            aria-invalid={shown("date") ? true : undefined}
            disabled={readOnly}
            data-testid="doc-date"
          />
          {shown("date") ? (
            <span className="field-problem" data-testid="doc-date-error">
              {shown("date")}
            </span>
          ) : (
            dateShown && <span className="muted small" data-testid="doc-date-shown">{formatDate(dateShown)}</span>
          )}
        </label>
        <Field testPrefix="doc" field="position" label="Jabatan" form={form} set={set} wide readOnly={readOnly} placeholder="Kepala Badan Kepegawaian Daerah" />
        <Field testPrefix="doc" field="name" label="Nama" form={form} set={set} wide readOnly={readOnly} />
        <Field testPrefix="doc" field="rank" label="Pangkat/golongan" form={form} set={set} readOnly={readOnly} placeholder="Pembina Utama Muda (IV/c)" />
        <Field testPrefix="doc" field="nip" label="NIP" form={form} set={set} error={shown("nip")} numeric readOnly={readOnly} placeholder="19700101 199503 1 001" />
        <button type="submit" hidden />
      </form>
      <p className="muted small">Satu kali Simpan adalah satu perubahan (dapat diurungkan dengan Ctrl+Z). Status dokumen diubah lewat Berkas › Tetapkan sebagai final.</p>
    </Dialog>
  );
}
