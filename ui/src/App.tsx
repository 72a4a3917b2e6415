import { useEffect } from "react";
import { editor, useEditor } from "./editor";
import { StartScreen } from "./components/StartScreen";
import { MainScreen } from "./components/MainScreen";
import { ConfirmDialog, PromptDialog, Toasts } from "./components/Overlays";

export function App() {
  const screen = useEditor((s) => s.screen);
  const hasView = useEditor((s) => s.view !== null);
  useEffect(() => {
    void editor.init();
  }, []);
  return (
    <>
      {screen === "main" && hasView ? <MainScreen /> : <StartScreen />}
      <ConfirmDialog />
      <PromptDialog />
      <Toasts />
    </>
  );
}
