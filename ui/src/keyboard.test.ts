import { commandForKey, isTextField } from "./keyboard";

const canvas = { inField: false };
const field = { inField: true };

describe("keys on the canvas", () => {
  test.each([
    [{ key: "Enter" }, { type: "add-sibling" }],
    [{ key: "Tab" }, { type: "add-child" }],
    [{ key: "Delete" }, { type: "delete" }],
    [{ key: "Backspace" }, { type: "delete" }],
    [{ key: "F2" }, { type: "edit" }],
    [{ key: " " }, { type: "toggle-collapse" }],
    [{ key: "Escape" }, { type: "escape" }],
    [{ key: "ArrowUp" }, { type: "navigate", dir: "up" }],
    [{ key: "ArrowDown" }, { type: "navigate", dir: "down" }],
    [{ key: "ArrowLeft" }, { type: "navigate", dir: "left" }],
    [{ key: "ArrowRight" }, { type: "navigate", dir: "right" }],
    [{ key: "Tab", shiftKey: true }, { type: "navigate", dir: "up" }],
    [{ key: "z", ctrlKey: true }, { type: "undo" }],
    [{ key: "Z", ctrlKey: true, shiftKey: true }, { type: "redo" }],
    [{ key: "y", ctrlKey: true }, { type: "redo" }],
    [{ key: "z", metaKey: true }, { type: "undo" }],
    [{ key: "f", ctrlKey: true }, { type: "search" }],
    [{ key: "0", ctrlKey: true }, { type: "fit" }],
    [{ key: "=", ctrlKey: true }, { type: "zoom-in" }],
    [{ key: "+", ctrlKey: true }, { type: "zoom-in" }],
    [{ key: "-", ctrlKey: true }, { type: "zoom-out" }],
    [{ key: "n", ctrlKey: true }, { type: "new" }],
    [{ key: "o", ctrlKey: true }, { type: "open" }],
    [{ key: "q", ctrlKey: true }, { type: "quit" }],
    [{ key: "S", ctrlKey: true, shiftKey: true }, { type: "save-as" }],
    [{ key: "p", ctrlKey: true }, { type: "print" }],
    [{ key: "P", metaKey: true }, { type: "print" }],
    [{ key: "ArrowUp", altKey: true }, { type: "move", dir: "up" }],
    [{ key: "ArrowRight", altKey: true }, { type: "move", dir: "right" }],
    [{ key: "Enter", shiftKey: true }, { type: "add-before" }],
    [{ key: "2", ctrlKey: true }, { type: "mode", index: 2 }],
  ])("%j", (key, cmd) => expect(commandForKey(key, canvas)).toEqual(cmd));

  test.each([{ key: "a" }, { key: "s", ctrlKey: true }, { key: "z", ctrlKey: true, altKey: true }, { key: "ArrowUp", altKey: true, shiftKey: true }, { key: "F5" }])(
    "%j does nothing",
    (key) => expect(commandForKey(key, canvas)).toBeNull(),
  );
});

describe("keys in a text field", () => {
  test("typing, Enter, Delete, arrows and Ctrl+Z belong to the field", () => {
    for (const key of [{ key: "a" }, { key: "Enter" }, { key: "Tab" }, { key: "Delete" }, { key: "ArrowUp" }, { key: "F2" }, { key: "z", ctrlKey: true }, { key: "y", ctrlKey: true }]) {
      expect(commandForKey(key, field)).toBeNull();
    }
  });
  test("Ctrl+F still searches", () => expect(commandForKey({ key: "f", ctrlKey: true }, field)).toEqual({ type: "search" }));
  test("Ctrl+P still prints", () => expect(commandForKey({ key: "p", ctrlKey: true }, field)).toEqual({ type: "print" }));
  test("nothing while a dialog is open", () => {
    expect(commandForKey({ key: "f", ctrlKey: true }, { inField: false, inDialog: true })).toBeNull();
    expect(commandForKey({ key: "p", ctrlKey: true }, { inField: false, inDialog: true })).toBeNull();
    expect(commandForKey({ key: "Delete" }, { inField: false, inDialog: true })).toBeNull();
  });
});

test("which elements take text", () => {
  const el = (tagName: string, type?: string, isContentEditable = false) => ({ tagName, isContentEditable, getAttribute: (n: string) => (n === "type" ? type ?? null : null) });
  expect(isTextField(el("INPUT"))).toBe(true);
  expect(isTextField(el("input", "search"))).toBe(true);
  expect(isTextField(el("INPUT", "checkbox"))).toBe(false);
  expect(isTextField(el("TEXTAREA"))).toBe(true);
  expect(isTextField(el("SELECT"))).toBe(true);
  expect(isTextField(el("DIV", undefined, true))).toBe(true);
  expect(isTextField(el("BUTTON"))).toBe(false);
  expect(isTextField(null)).toBe(false);
});
