// api.ts with every command a vi.fn() (vi.mock("../api", () => import("../test/apiMock"))).
import { vi } from "vitest";

export const currentDocument = vi.fn();
export const listSamples = vi.fn();
export const openSample = vi.fn();
export const openDocument = vi.fn();
export const newDocument = vi.fn();
export const recentFiles = vi.fn();
export const saveAs = vi.fn();
export const markFinal = vi.fn();
export const newDraft = vi.fn();
export const listRules = vi.fn();
export const applyOp = vi.fn();
export const undo = vi.fn();
export const redo = vi.fn();
export const createSnapshot = vi.fn();
export const listSnapshots = vi.fn();
export const treeLayout = vi.fn();
export const processMapLayout = vi.fn();
export const flowLayout = vi.fn();
export const printPreview = vi.fn();
export const printPdf = vi.fn();
export const pickOpenPath = vi.fn();
export const pickSavePath = vi.fn();
export const pickPdfPath = vi.fn();
export const quitApp = vi.fn();
export const setWindowTitle = vi.fn();
