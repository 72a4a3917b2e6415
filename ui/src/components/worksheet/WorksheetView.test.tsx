// The worksheet rendered to HTML (no DOM): automatic marks light with "oto"
// and their reason as the title, entered marks solid, the core's percentages
// in Indonesian, Format 2 grouped.
import { vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { editor, initialState } from "../../editor";
import { initialWorksheet } from "../../editor/worksheet";
import { sheet1, sheet2 } from "../../test/worksheets";
import { sampleView } from "../../test/fixtures";
import type { Worksheet } from "../../generated";
import { WorksheetView } from "./WorksheetView";
import { runCommand } from "../MainScreen";
import { commandForKey } from "../../keyboard";
import * as api from "../../api";

vi.mock("../../api", () => import("../../test/apiMock"));

function render(sheet: Worksheet, cursor = { row: 0, col: 0 }, note: { row: string; text: string } | null = null): HTMLString {
  editor.state = { ...initialState(), screen: "main", view: sampleView(), mode: "worksheet" };
  editor.worksheets.state = { ...initialWorksheet(), kke: sheet.kke, sheet, cursor, note };
  return renderToStaticMarkup(<WorksheetView />);
}
type HTMLString = string;

/** The opening tag of the element with `testId`. */
function tag(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  expect(at).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<", at), html.indexOf(">", at) + 1);
}

beforeEach(() => {
  editor.state = initialState();
});

describe("the worksheet view", () => {
  test("Format 1: the columns of the form, the scores in Indonesian, the unjudged count", () => {
    const html = render({ ...sheet1(), percentage: 87.5, challenging: 33.333 });
    for (const h of ["No", "Kondisi", "Indikator", "Satuan", "Kriteria SMART", "Menantang", "Catatan"]) expect(html).toContain(`>${h}</th>`);
    expect(html).toContain('data-testid="ws-percentage">87,5 %<');
    expect(html).toContain('data-testid="ws-challenging">33,33 %<');
    expect(html).toContain("16 sel belum dinilai");
    // One row per indicator; the statement not repeated for the node's second indicator.
    expect(html).toContain('data-testid="ws-row-1:n1/i2"');
    expect(html.match(/Kondisi n1</g)?.length).toBe(1);
  });

  test("an automatic mark is light, tagged oto, its reason as the title; an entered one solid; an empty one empty", () => {
    const html = render(sheet1(), { row: 0, col: 1 });
    const auto = tag(html, "ws-cell-1:n0/i0-measurable");
    expect(auto).toContain('class="ws-mark m-T auto cursor"');
    expect(auto).toContain('data-auto="true"');
    expect(auto).toContain("P008: belum punya satuan.");
    expect(html).toMatch(/data-testid="ws-cell-1:n0\/i0-measurable"[^>]*><span class="ws-letter">T<\/span><span class="ws-oto">oto<\/span>/);
    const entered = tag(html, "ws-cell-1:n1/i1-specific");
    expect(entered).toContain('class="ws-mark m-Y entered"');
    expect(entered).toContain('data-auto="false"');
    expect(entered).toContain("diisi penilai");
    expect(html).toMatch(/data-testid="ws-cell-1:n1\/i1-specific"[^>]*><span class="ws-letter">Y<\/span><\/td>/);
    expect(tag(html, "ws-cell-1:n1/i2-specific")).toContain('data-mark=""');
    // The detail line: the cell under the cursor, otomatis, why.
    expect(html).toContain('data-testid="ws-detail-reason">P008: belum punya satuan.<');
    expect(html).toContain('data-testid="ws-note-1:n1/i1"');
    expect(html).toContain(">Perjelas</td>");
  });

  test("Format 2: grouped under the Sasaran Strategis, the parent and the level shown, K allowed, Logis %", () => {
    const html = render(sheet2(), { row: 3, col: 0 });
    expect(html).toContain('data-testid="ws-group-1">Sasaran A<');
    expect(html).toContain(">Catatan untuk perbaikan</th>");
    expect(html).toContain('data-testid="ws-set-K"');
    expect(html).toContain('data-testid="ws-percentage">12,5 %<');
    expect(html).not.toContain("ws-challenging");
    expect(tag(html, "ws-cell-2:n4-logical")).toContain('class="ws-mark m-K entered cursor"');
    expect(html).toContain("Kurang logis");
  });

  test("the note being typed is a field in the row", () => {
    const html = render(sheet2(), { row: 2, col: 0 }, { row: "2:n3", text: "Rumuskan ulang" });
    expect(tag(html, "ws-note-editor")).toContain("textarea");
    expect(html).toContain("Rumuskan ulang</textarea>");
  });
});

describe("reaching it, and the tree's keys behind it", () => {
  test("Ctrl+5 / Ctrl+6 are the worksheet's commands; Tab, Enter, Space, Delete do nothing to the tree there", () => {
    expect(commandForKey({ key: "5", ctrlKey: true }, { inField: false })).toEqual({ type: "mode", index: 5 });
    expect(commandForKey({ key: "6", ctrlKey: true }, { inField: false })).toEqual({ type: "mode", index: 6 });
    editor.state = { ...initialState(), screen: "main", view: sampleView(), mode: "worksheet", selection: "n1" };
    const before = editor.state;
    for (const type of ["add-child", "add-sibling", "delete", "toggle-collapse", "edit"] as const) runCommand({ type });
    runCommand({ type: "navigate", dir: "down" });
    expect(editor.state).toBe(before);
    expect((api as unknown as { applyOp: { mock: { calls: unknown[] } } }).applyOp.mock.calls).toHaveLength(0);
  });
});
