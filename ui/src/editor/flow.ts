// The Peta Lintas Fungsi: the flow shown and its layout, steps spliced in,
// moved, reshaped and deleted, lanes, and a step's cell typed in place.

import * as api from "../api";
import { asDecision } from "../ops";
import { errorText } from "../format";
import { addedId, shorten } from "../model";
import {
  addLaneOp,
  deleteStepOp,
  dragStepOp,
  dropStepOp,
  flowById,
  insertStepOp,
  moveLaneOp,
  moveStepOp,
  newFlowOp,
  removeLaneOp,
  shiftLaneOp,
  stepLaneOp,
  updateFlowOp,
  updateStepOp,
  stepShapeOp,
  type NewStepKind,
} from "../processes";
import type { DocumentView, Flow, Shape, Step } from "../types";
import { flowWidthPoints } from "./edits";
import type { Editor } from "./editor";
import type { StepField } from "./state";

export const FLOW_API = [
  "refreshFlowLayout",
  "setFlowWidth",
  "currentFlow",
  "openFlow",
  "addFlow",
  "requestDeleteFlow",
  "patchFlow",
  "selectStep",
  "navigateStep",
  "patchStep",
  "setStepShape",
  "insertStep",
  "requestDeleteStep",
  "moveStep",
  "dragStep",
  "dropStep",
  "shiftLane",
  "setStepLane",
  "addLane",
  "removeLane",
  "moveLane",
  "startStepEdit",
  "cancelStepEdit",
  "commitStepEdit",
] as const;

export class FlowEditor {
  constructor(private readonly ed: Editor) {}

  refreshFlowLayout(): Promise<void> {
    const s = this.ed.state;
    if (!s.view) return Promise.resolve();
    const id = s.flow;
    if (id === null) {
      this.ed.edits.latest.flow.cancel();
      this.ed.set({ flowLayout: null });
      return Promise.resolve();
    }
    return this.ed.edits.latest.flow.run(
      () => api.flowLayout(id, flowWidthPoints(s.flowWidth)),
      (flowLayout) => this.ed.set({ flowLayout }),
      (e) => this.ed.toast(errorText(e)),
    );
  }

  setFlowWidth(width: number): void {
    if (Math.abs(this.ed.state.flowWidth - width) < 8) return;
    this.ed.set({ flowWidth: width });
    if (this.ed.state.mode === "flow") void this.refreshFlowLayout();
  }

  currentFlow(): Flow | undefined {
    const doc = this.ed.state.view?.document;
    return doc && this.ed.state.flow !== null ? flowById(doc, this.ed.state.flow) : undefined;
  }

  openFlow(id: string, step: string | null = null): void {
    const s = this.ed.state;
    this.ed.set({ mode: "flow", flow: id, step, stepEditing: null, flowLayout: s.flow === id ? s.flowLayout : null });
    void this.refreshFlowLayout();
  }

  async addFlow(process: string): Promise<void> {
    const doc = this.ed.state.view?.document;
    if (!doc || this.ed.readOnly) return;
    const before = (doc.processes?.flows ?? []).map((f) => f.id);
    const done = await this.ed.apply(newFlowOp(process));
    const added = done ? addedId(before, done.document.processes?.flows) : null;
    const flow = added !== null ? flowById(done!.document, added) : undefined;
    if (flow) this.openFlow(flow.id, flow.steps[0]?.id ?? null);
  }

  requestDeleteFlow(id = this.ed.state.flow): void {
    const flow = id !== null ? this.currentFlow() : undefined;
    if (!flow || this.ed.readOnly) return;
    this.ed.set({
      confirm: {
        title: "Hapus peta lintas fungsi",
        message: `Hapus peta lintas fungsi "${shorten(flow.name, 80)}" beserta ${flow.steps.length} langkahnya? Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).`,
        yes: "Hapus",
        onYes: () => void this.ed.apply({ op: "delete_flow", id: flow.id }),
      },
    });
  }

  patchFlow(change: (f: Flow) => Flow): Promise<DocumentView | null> {
    return this.ed.apply(() => {
      const flow = this.currentFlow();
      if (!flow) return null;
      const op = updateFlowOp(change(flow));
      return JSON.stringify(op) === JSON.stringify(updateFlowOp(flow)) ? null : op;
    });
  }

  selectStep(id: string | null): void {
    if (id !== this.ed.state.step) this.ed.set({ step: id, stepEditing: null });
  }

  navigateStep(delta: -1 | 1): void {
    const flow = this.currentFlow();
    if (!flow || flow.steps.length === 0) return;
    const i = flow.steps.findIndex((s) => s.id === this.ed.state.step);
    const j = i < 0 ? 0 : Math.min(flow.steps.length - 1, Math.max(0, i + delta));
    this.ed.set({ step: flow.steps[j].id, stepEditing: null });
  }

  /** Changes a step of the shown flow: `change` gets the step as the core last returned it. */
  patchStep(id: string, change: (s: Step) => Step | null): Promise<DocumentView | null> {
    return this.ed.apply(() => {
      const flow = this.currentFlow();
      const step = flow?.steps.find((s) => s.id === id);
      if (!flow || !step) return null;
      const next = change(step);
      if (!next) return null;
      const op = updateStepOp(flow.id, next);
      return JSON.stringify(op) === JSON.stringify(updateStepOp(flow.id, step)) ? null : op;
    });
  }

  setStepShape(id: string, shape: Shape): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow) return Promise.resolve(null);
    return this.ed.decide(asDecision(stepShapeOp(flow, id, shape)));
  }

  /** A new step (or decision) after the selected step, or before it; selected and opened for typing. */
  async insertStep(kind: NewStepKind, before = false): Promise<string | null> {
    const flow = this.currentFlow();
    if (!flow || this.ed.readOnly) return null;
    const anchor = this.ed.state.step ?? flow.steps[flow.steps.length - 1]?.id;
    if (!anchor) return null;
    const had = flow.steps.map((s) => s.id);
    let added: string | null = null;
    await this.ed.apply(insertStepOp(flow, kind, before ? { before: anchor } : { after: anchor }), (now) => {
      added = addedId(had, flowById(now.document, flow.id)?.steps);
      return added === null ? null : { step: added, stepEditing: { step: added, field: "text" } };
    });
    return added;
  }

  requestDeleteStep(id = this.ed.state.step): void {
    const flow = this.currentFlow();
    if (!flow || id === null || this.ed.readOnly) return;
    const i = flow.steps.findIndex((s) => s.id === id);
    const nextSel = flow.steps[i + 1]?.id ?? flow.steps[i - 1]?.id ?? null;
    void this.ed.apply(deleteStepOp(flow, id), () => ({ step: nextSel }));
  }

  moveStep(delta: -1 | 1, id = this.ed.state.step): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || id === null) return Promise.resolve(null);
    return this.ed.decide(asDecision(moveStepOp(flow, id, delta)));
  }

  /** A symbol dragged in the flow: to `lane` and/or the place of `row`, as one edit. */
  dragStep(id: string, lane: string | null, row: string | null): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || this.ed.readOnly) return Promise.resolve(null);
    return this.ed.decide(asDecision(dragStepOp(flow, id, lane, row)));
  }

  dropStep(id: string, target: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow) return Promise.resolve(null);
    return this.ed.decide(asDecision(dropStepOp(flow, id, target)));
  }

  shiftLane(delta: -1 | 1, id = this.ed.state.step): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow || id === null) return Promise.resolve(null);
    return this.ed.decide(asDecision(shiftLaneOp(flow, id, delta)));
  }

  setStepLane(id: string, lane: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    if (!flow) return Promise.resolve(null);
    return this.ed.decide(asDecision(stepLaneOp(flow, id, lane)));
  }

  addLane(unit: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.ed.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.ed.decide(asDecision(addLaneOp(flow, unit)));
  }

  removeLane(unit: string): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.ed.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.ed.decide(asDecision(removeLaneOp(flow, unit)));
  }

  moveLane(unit: string, delta: -1 | 1): Promise<DocumentView | null> {
    const flow = this.currentFlow();
    const doc = this.ed.state.view?.document;
    if (!flow || !doc) return Promise.resolve(null);
    return this.ed.decide(asDecision(moveLaneOp(flow, unit, delta)));
  }

  startStepEdit(field: StepField = "text", id = this.ed.state.step): void {
    if (id === null || this.ed.readOnly || !this.currentFlow()?.steps.some((s) => s.id === id)) return;
    this.ed.set({ step: id, stepEditing: { step: id, field } });
  }

  cancelStepEdit(): void {
    if (this.ed.state.stepEditing !== null) this.ed.set({ stepEditing: null });
  }

  commitStepEdit(id: string, field: StepField, value: string): Promise<DocumentView | null> {
    if (this.ed.state.stepEditing?.step === id) this.ed.set({ stepEditing: null });
    const text = value.replace(/\s*\n\s*/g, " ").trim();
    return this.patchStep(id, (s) => ({ ...s, [field]: text }));
  }
}
