import { useState } from "react";
import { editor } from "../editor";
import { Dialog } from "./Dialog";

/** Dokumen baru: title, agency, government, period; then the native save dialog asks where. */
export function NewDocumentDialog() {
  const year = new Date().getFullYear();
  const [title, setTitle] = useState("");
  const [agency, setAgency] = useState("");
  const [government, setGovernment] = useState("");
  const [from, setFrom] = useState(String(year));
  const [to, setTo] = useState(String(year + 4));
  const [busy, setBusy] = useState(false);
  const f = Number.parseInt(from, 10);
  const t = Number.parseInt(to, 10);
  const problem =
    title.trim() === ""
      ? "Judul dokumen wajib diisi."
      : !Number.isInteger(f) || !Number.isInteger(t) || f < 1900 || t > 2200
        ? "Periode ditulis sebagai tahun, misalnya 2025 sampai 2029."
        : t < f
          ? "Tahun akhir periode tidak boleh sebelum tahun awal."
          : null;
  const submit = async () => {
    if (problem || busy) return;
    setBusy(true);
    await editor.createDocument({ title: title.trim(), agency: agency.trim(), government: government.trim(), from: f, to: t });
    setBusy(false);
  };
  return (
    <Dialog
      title="Dokumen baru"
      testId="new-dialog"
      onClose={() => editor.openDialog(null)}
      footer={
        <>
          {problem && title !== "" && <span className="form-problem" data-testid="new-problem">{problem}</span>}
          <button type="button" onClick={() => editor.openDialog(null)} data-testid="new-cancel">
            Batal
          </button>
          <button type="button" className="primary" disabled={!!problem || busy} onClick={() => void submit()} data-testid="new-submit">
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
        <label className="field wide">
          <span>Judul</span>
          <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Pohon Kinerja BKD Kabupaten Lumajang" data-testid="new-title" />
        </label>
        <label className="field wide">
          <span>Perangkat daerah</span>
          <input value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="Badan Kepegawaian Daerah" data-testid="new-agency" />
        </label>
        <label className="field wide">
          <span>Pemerintah daerah</span>
          <input value={government} onChange={(e) => setGovernment(e.target.value)} placeholder="Kabupaten Lumajang" data-testid="new-government" />
        </label>
        <label className="field">
          <span>Periode Renstra dari</span>
          <input inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="new-from" />
        </label>
        <label className="field">
          <span>sampai</span>
          <input inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} data-testid="new-to" />
        </label>
        <button type="submit" hidden />
      </form>
      <p className="muted">Setelah ini Anda memilih tempat menyimpan berkas .pokin. Setiap perubahan tersimpan otomatis.</p>
    </Dialog>
  );
}
