// An edit's reply carries only what changed (src-tauri/src/wire.rs): the
// document and the tree layout as the changes since the copy the page holds.
// These rebuild the new copy; what did not change keeps its object.

import type { Document, DocumentDelta, ListDelta, NumberedTreeLayout, Report, ReportDelta, TreeDelta, TreeLayout } from "../types";

/** A link's (or a layout edge's) key on the wire: its ends and kind, one per line. */
export function linkKey(l: { from: string; to: string; kind: string }): string {
  return `${l.from}\n${l.to}\n${l.kind}`;
}

/** The list after `delta`; unchanged items (and an unchanged list) keep their objects. */
export function patchList<T>(old: readonly T[], delta: ListDelta<T>, key: (t: T) => string): T[] {
  if (!delta.keys && delta.items.length === 0) return old as T[];
  const items = new Map(delta.items);
  if (!delta.keys) return old.map((t) => items.get(key(t)) ?? t);
  const byKey = new Map(old.map((t) => [key(t), t] as const));
  return delta.keys.map((k) => {
    const t = items.get(k) ?? byKey.get(k);
    if (t === undefined) throw new Error(`Perubahan tidak cocok dengan salinan: ${k} tidak ada`);
    return t;
  });
}

export function patchDocument(doc: Document, delta: DocumentDelta): Document {
  const nodes = patchList(doc.tree.nodes ?? [], delta.nodes, (n) => n.id);
  const links = patchList(doc.tree.links ?? [], delta.links, linkKey);
  const tree: Document["tree"] = { ...delta.skeleton.tree };
  // As in the whole document: an empty list is left out.
  if (nodes.length > 0) tree.nodes = nodes;
  if (links.length > 0) tree.links = links;
  return { ...delta.skeleton, tree };
}

export function patchTreeLayout(layout: TreeLayout, delta: TreeDelta): NumberedTreeLayout {
  return {
    seq: delta.seq,
    width: delta.width,
    height: delta.height,
    bands: delta.bands,
    boxes: patchList(layout.boxes, delta.boxes, (b) => b.id),
    edges: patchList(layout.edges, delta.edges, linkKey),
  };
}

/** The report after its changed findings (by position) and new summary. */
export function patchReport(report: Report, delta: ReportDelta): Report {
  const items = new Map(delta.findings.items);
  return { findings: report.findings.map((f, i) => items.get(String(i)) ?? f), summary: delta.summary };
}
