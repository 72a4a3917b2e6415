// The editor: its state and managers (see editor.ts).
export { Editor, editor, useEditor } from "./editor";
export * from "./state";
