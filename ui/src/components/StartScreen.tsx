import { editor, useEditor } from "../editor";
import { fileName } from "../format";
import { NewDocumentDialog } from "./NewDocumentDialog";
import { ImportWizard } from "./spreadsheet/ImportWizard";
import { importWizard } from "./spreadsheet/importWizard";

export function StartScreen() {
  const startError = useEditor((s) => s.startError);
  const samples = useEditor((s) => s.samples);
  const recent = useEditor((s) => s.recent);
  const view = useEditor((s) => s.view);
  const dialog = useEditor((s) => s.dialog);
  const pending = useEditor((s) => s.pending);
  return (
    <main className="start" data-testid="start-screen">
      <header className="start-header">
        <h1>Pokin Studio</h1>
        <p>Menyusun, memeriksa dan mencetak Pohon Kinerja perangkat daerah — tanpa internet.</p>
      </header>
      {startError && (
        <div className="banner error" role="alert" data-testid="start-error">
          <strong>Berkas tidak dapat dibuka.</strong> {startError}
        </div>
      )}
      <div className="start-grid">
        <section className="start-card">
          <h2>Mulai</h2>
          <div className="start-actions">
            <button type="button" className="primary big" onClick={() => editor.openDialog("new")} data-testid="start-new">
              Dokumen baru…
            </button>
            <button type="button" className="big" onClick={() => void editor.openWithDialog()} data-testid="start-open">
              Buka berkas…
            </button>
            <button type="button" className="big" onClick={() => void importWizard.start()} data-testid="start-import-sheet">
              Impor dari Excel/CSV…
            </button>
            {view && (
              <button type="button" className="big" onClick={() => editor.backToDocument()} data-testid="start-back">
                Kembali ke {fileName(view.path)}
              </button>
            )}
          </div>
          <h3>Berkas terakhir</h3>
          {recent.length === 0 ? (
            <p className="muted" data-testid="recent-empty">Belum ada berkas yang dibuka.</p>
          ) : (
            <ul className="recent" data-testid="recent-list">
              {recent.map((path, i) => (
                <li key={path}>
                  <button type="button" className="link" onClick={() => void editor.openPath(path)} title={path} data-testid={`recent-${i}`}>
                    <span className="recent-name">{fileName(path)}</span>
                    <span className="recent-path">{path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="start-card">
          <h2>Contoh dokumen</h2>
          <p className="muted">Pohon kinerja perangkat daerah yang nyata, untuk dipelajari atau dijadikan titik awal.</p>
          <ul className="samples">
            {samples.map((s) => (
              <li key={s.key}>
                <button type="button" className="sample" onClick={() => void editor.openSample(s.key)} data-testid={`sample-${s.key}`}>
                  <span className="sample-title">{s.title}</span>
                  <span className="sample-meta">{[s.agency, s.government].filter(Boolean).join(" — ")}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {pending > 0 && <p className="muted" data-testid="start-busy">Membuka…</p>}
      {dialog === "new" && <NewDocumentDialog />}
      {dialog === "import-sheet" && <ImportWizard />}
    </main>
  );
}
