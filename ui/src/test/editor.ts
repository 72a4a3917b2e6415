// Helpers for the editor's tests (over the mocked shell, test/apiMock.ts).
import { vi, type Mock } from "vitest";
import * as api from "../api";
import { Editor } from "../editor";
import { sampleDoc, sampleLayout, sampleView } from "./fixtures";
import type { Document, DocumentView } from "../types";

/** The mocked shell. */
export const m = api as unknown as Record<keyof typeof api, Mock>;

/** A view whose document is `doc` changed by `change`. */
export function viewWith(change: (d: Document) => void, patch: Partial<DocumentView> = {}): DocumentView {
  const doc = sampleDoc();
  change(doc);
  return sampleView(doc, patch);
}

/** An editor with the sample document open. */
export async function opened(view = sampleView()): Promise<Editor> {
  const e = new Editor();
  m.openSample.mockResolvedValueOnce(view);
  await e.openSample("lumajang-bkd");
  return e;
}

export function resetApi(): void {
  vi.clearAllMocks();
  m.treeLayout.mockResolvedValue(sampleLayout());
  m.recentFiles.mockResolvedValue(["/a.pokin"]);
  m.listSamples.mockResolvedValue([{ key: "lumajang-bkd", title: "T", agency: "A", government: "G" }]);
  m.setWindowTitle.mockResolvedValue(undefined);
}
