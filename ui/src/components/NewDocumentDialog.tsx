import { useState } from "react";
import { editor } from "../editor";
import { Dialog } from "./Dialog";
import { DocumentFields, useDocumentForm } from "./DocumentFields";

/**
 * Dokumen baru: title, agency, government, period (the fields of Properti
 * dokumen); then the native save dialog asks where. The core checks the
 * period and says why it refuses one.
 */
export function NewDocumentDialog() {
  const year = new Date().getFullYear();
  const [blank] = useState(() => ({ title: "", period: { from: year, to: year + 4 } }));
  const { form, set, result, shown, tried, setTried } = useDocumentForm(blank);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setTried(true);
    if (!result.ok || busy) return;
    const { title, agency, government, period } = result.meta;
    setBusy(true);
    await editor.createDocument({ title, agency: agency ?? "", government: government ?? "", from: period.from, to: period.to });
    setBusy(false);
  };
  return (
    <Dialog
      title="Dokumen baru"
      testId="new-dialog"
      onClose={() => editor.openDialog(null)}
      footer={
        <>
          <button type="button" onClick={() => editor.openDialog(null)} data-testid="new-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={busy || (tried && !result.ok)} onClick={() => void submit()} data-testid="new-submit">
            Simpan sebagai…
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DocumentFields form={form} set={set} shown={shown} testPrefix="new" />
        <button type="submit" hidden />
      </form>
      <p className="muted">Setelah ini Anda memilih tempat menyimpan berkas .pokin. Setiap perubahan tersimpan otomatis.</p>
    </Dialog>
  );
}
