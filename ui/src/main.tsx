import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { invoke } from "@tauri-apps/api/core";
import type { DocumentView } from "./types";
import { outline, summaryText } from "./tree";
import "./style.css";

function App() {
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke<DocumentView | null>("current_document").then(setView, (e) => setError(String(e)));
  }, []);
  if (error) return <main className="start"><h1>Pokin Studio</h1><p className="error" role="alert">{error}</p></main>;
  if (!view) return <main className="start"><h1>Pokin Studio</h1><p>Buka berkas .pokin dari baris perintah: <code>pokin-studio BERKAS.pokin</code></p></main>;
  const doc = view.document;
  const levels = doc.tree.levels;
  return (
    <main>
      <header>
        <h1>{doc.document.title}</h1>
        <p>{[doc.document.agency, doc.document.government].filter(Boolean).join(" — ")} · Periode {doc.document.period.from}–{doc.document.period.to}</p>
        <p className="summary" data-testid="summary">{summaryText(view.report.summary)}</p>
      </header>
      <section className="outline" aria-label="Pohon kinerja">
        {outline(doc).map(({ node, depth }) => (
          <div key={node.id} className="node" style={{ marginLeft: depth * 24 }} data-node={node.id}>
            <span className="level">{levels[node.level]?.name ?? `Level ${node.level}`}</span>
            <span className="statement">{node.statement}</span>
          </div>
        ))}
      </section>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<StrictMode><App /></StrictMode>);
