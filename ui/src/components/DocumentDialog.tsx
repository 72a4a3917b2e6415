import { useMemo, useState } from "react";
import { editor, useEditor } from "../editor";
import { formatDate } from "../format";
import { formFromMeta, isoDate, metaFromForm, updateDocumentOp, valuesOutside, type DocumentField, type DocumentForm } from "../editor/documentMeta";
import { Dialog } from "./Dialog";

interface FieldProps {
  field: DocumentField;
  label: string;
  form: DocumentForm;
  set: (field: DocumentField, value: string) => void;
  error?: string;
  placeholder?: string;
  wide?: boolean;
  numeric?: boolean;
  readOnly: boolean;
  autoFocus?: boolean;
}

function Field({ field, label, form, set, error, placeholder, wide, numeric, readOnly, autoFocus }: FieldProps) {
  return (
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      <input
        type="text"
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        placeholder={placeholder}
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={error ? true : undefined}
        disabled={readOnly}
        autoFocus={autoFocus}
        data-testid={`doc-${field}`}
      />
      {error && (
        <span className="field-problem" data-testid={`doc-${field}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}

/**
 * Berkas › Properti dokumen: title, agency, government, period and the
 * signatory of the printout. One save is one edit (`update_document`); the
 * core's refusal is shown as it comes and the dialog stays open.
 */
export function DocumentDialog() {
  const view = useEditor((s) => s.view)!;
  const original = view.document.document;
  const readOnly = view.read_only !== null && view.read_only !== undefined;
  const [form, setForm] = useState<DocumentForm>(() => formFromMeta(original));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (field: DocumentField, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const result = metaFromForm(form, original);
  const errors = result.ok ? {} : result.errors;
  // Errors show once a field has content or after a first try, not on an untouched form.
  const shown = (f: DocumentField) => (tried || form[f] !== "" ? errors[f] : undefined);
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
        <Field field="title" label="Judul" form={form} set={set} error={shown("title")} wide readOnly={readOnly} autoFocus />
        <Field field="agency" label="Perangkat daerah" form={form} set={set} wide readOnly={readOnly} placeholder="Badan Kepegawaian Daerah" />
        <Field field="government" label="Pemerintah daerah" form={form} set={set} wide readOnly={readOnly} placeholder="Kabupaten Lumajang" />
        <Field field="from" label="Periode Renstra dari" form={form} set={set} error={shown("from")} numeric readOnly={readOnly} />
        <Field field="to" label="sampai" form={form} set={set} error={shown("to")} numeric readOnly={readOnly} />
        {outside && (
          <p className="wide banner-note" data-testid="doc-outside">
            {outside.count} nilai target/realisasi indikator ada di tahun di luar periode baru ({outside.years.join(", ")}). Nilai itu tetap disimpan dan
            dilaporkan di panel Temuan; tidak ada yang dihapus.
          </p>
        )}
        <h3 className="wide">Penandatangan (blok tanda tangan cetakan)</h3>
        <Field field="place" label="Tempat" form={form} set={set} readOnly={readOnly} placeholder="Lumajang" />
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
        <Field field="position" label="Jabatan" form={form} set={set} wide readOnly={readOnly} placeholder="Kepala Badan Kepegawaian Daerah" />
        <Field field="name" label="Nama" form={form} set={set} wide readOnly={readOnly} />
        <Field field="rank" label="Pangkat/golongan" form={form} set={set} readOnly={readOnly} placeholder="Pembina Utama Muda (IV/c)" />
        <Field field="nip" label="NIP" form={form} set={set} error={shown("nip")} numeric readOnly={readOnly} placeholder="19700101 199503 1 001" />
        <button type="submit" hidden />
      </form>
      <p className="muted small">Satu kali Simpan adalah satu perubahan (dapat diurungkan dengan Ctrl+Z). Status dokumen diubah lewat Berkas › Tetapkan sebagai final.</p>
    </Dialog>
  );
}
