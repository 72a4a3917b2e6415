// Findings: showing a finding's place, switching a rule off, accepting a
// finding with a reason and taking that back.

import { targetNode } from "../findings";
import { indexView } from "../model";
import { acceptFindingOp, ruleOffOp, unacceptFindingOp } from "../ops";
import type { DocumentView, Finding } from "../types";
import type { Editor } from "./editor";

export const FINDINGS_API = ["showFinding", "selectFinding", "toggleFindingGroup", "switchRuleOff", "requestAccept", "unaccept"] as const;

/** A finding as something else names it: its rule (where known) and its target. */
export type FindingRef = Pick<Finding, "target"> & { rule?: string | null };

export class Findings {
  private seq = 0;
  constructor(private readonly ed: Editor) {}

  /** Shows a finding's place (its node, process, step) and selects it in the panel. */
  showFinding(f: Finding | FindingRef): void {
    this.selectFinding(f);
    const t = f.target;
    if ("process" in t) return this.ed.revealProcess(t.process);
    if ("flow" in t) return this.ed.openFlow(t.flow);
    if ("step" in t) return this.ed.openFlow(t.step[0], t.step[1]);
    const id = targetNode(t);
    if (id === null) {
      if ("unit" in t) this.ed.set({ dialog: "units" });
      return;
    }
    if (this.ed.state.mode !== "tree") this.ed.setMode("tree");
    const view = this.ed.state.view;
    if (view && indexView(view).nodes.has(id)) void this.ed.reveal(id);
  }

  /**
   * Selects a finding in the Temuan panel without moving the map: its rule
   * group opens and its row scrolls into view. A reference without a rule
   * (a place only) selects nothing.
   */
  selectFinding(f: Finding | FindingRef): void {
    if (!f.rule) return;
    const s = this.ed.state;
    this.ed.set({
      findingGroups: s.findingGroups[f.rule] === true ? s.findingGroups : { ...s.findingGroups, [f.rule]: true },
      findingSelected: { rule: f.rule, target: f.target, seq: ++this.seq },
    });
  }

  /** Opens or folds a rule's group in the Temuan panel. */
  toggleFindingGroup(rule: string, open: boolean): void {
    this.ed.set({ findingGroups: { ...this.ed.state.findingGroups, [rule]: open } });
  }

  switchRuleOff(rule: string): void {
    this.ed.set({
      confirm: {
        title: "Matikan aturan",
        message: `Matikan aturan ${rule} untuk dokumen ini? Semua temuannya tidak akan ditampilkan lagi. Anda dapat mengembalikannya dengan Urungkan (Ctrl+Z).`,
        yes: "Matikan",
        onYes: () => void this.ed.apply(ruleOffOp(rule)),
      },
    });
  }

  requestAccept(f: Finding): void {
    this.ed.set({
      prompt: {
        title: `Terima temuan ${f.rule}`,
        message: f.message,
        label: "Alasan menerima temuan ini",
        initial: "",
        ok: "Terima",
        onOk: (reason) => void this.ed.apply(acceptFindingOp(f, reason, new Date().toISOString())),
      },
    });
  }

  unaccept(f: Finding): Promise<DocumentView | null> {
    return this.ed.apply(unacceptFindingOp(f));
  }
}
