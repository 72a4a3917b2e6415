import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./theme.generated.css";
import "./style.css";
import { App } from "./App";
import { blockContextMenu } from "./contextMenu";

// The release build is an app, not a web page: no browser menu (Reload, Inspect) outside text fields.
if (import.meta.env.PROD) blockContextMenu(window);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
