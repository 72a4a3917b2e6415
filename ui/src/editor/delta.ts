// An edit's reply carries only what changed (src-tauri/src/wire.rs): the
// document and the tree layout as the changes since the copy the page holds.
// These rebuild the new copy; what did not change keeps its object.

import type { Document, DocumentDelta, DocumentView, ListDelta, NumberedTreeLayout, Report, ReportDelta, TreeDelta, TreeLayout } from "../types";

/** A link's (or a layout edge's) key on the wire: its ends and kind, one per line. */
export function linkKey(l: { from: string; to: string; kind: string }): string {
  return `${l.from}\n${l.to}\n${l.kind}`;
}

/** The list after `delta`; unchanged items (and an unchanged list) keep their objects. */
export function patchList<T>(old: readonly T[], delta: ListDelta<T>, key: (t: T) => string): T[] {
  if (!delta.order && delta.items.length === 0) return old as T[];
  const items = new Map(delta.items);
  const now = (t: T) => (items.size === 0 ? t : (items.get(key(t)) ?? t));
  if (!delta.order) return old.map(now);
  // An item inserted that is neither given nor held where it was: looked up by key (made once).
  let held: Map<string, T> | null = null;
  const out: T[] = [];
  let i = 0;
  for (const run of delta.order) {
    if ("keep" in run) {
      if (i + run.keep > old.length) throw new Error("Perubahan tidak cocok dengan salinan: daftarnya lebih pendek");
      for (const end = i + run.keep; i < end; i++) out.push(now(old[i]));
    } else if ("skip" in run) i += run.skip;
    else
      for (const k of run.insert) {
        const t = items.get(k) ?? (held ??= new Map(old.map((o) => [key(o), o] as const))).get(k);
        if (t === undefined) throw new Error(`Perubahan tidak cocok dengan salinan: ${k} tidak ada`);
        out.push(t);
      }
  }
  if (i !== old.length) throw new Error("Perubahan tidak cocok dengan salinan: panjang daftarnya lain");
  return out;
}

/** The document after an edit's changes: its changed nodes and links by key, the rest whole when it changed (`skeleton`). */
export function patchDocument(doc: Document, delta: DocumentDelta): Document {
  const nodes = patchList(doc.tree.nodes ?? [], delta.nodes, (n) => n.id);
  const links = patchList(doc.tree.links ?? [], delta.links, linkKey);
  if (!delta.skeleton && nodes === (doc.tree.nodes ?? []) && links === (doc.tree.links ?? [])) return doc;
  const base = delta.skeleton ?? doc;
  const { nodes: _nodes, links: _links, ...tree }: Document["tree"] = base.tree;
  // As in the whole document: an empty list is left out.
  return { ...base, tree: { ...tree, ...(nodes.length > 0 ? { nodes } : {}), ...(links.length > 0 ? { links } : {}) } };
}

/** Each node's primary parent after an edit: the ones that changed (null: none now). */
export function patchParents(parents: DocumentView["parents"], changed: DocumentDelta["parents"]): DocumentView["parents"] {
  const entries = Object.entries(changed);
  if (entries.length === 0) return parents;
  const next = { ...parents };
  for (const [id, p] of entries) {
    if (p === null || p === undefined) delete next[id];
    else next[id] = p;
  }
  return next;
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

/** The report after its findings' runs (keep, skip, insert) and new summary. */
export function patchReport(report: Report, delta: ReportDelta): Report {
  const old = report.findings;
  const findings: Report["findings"] = [];
  let i = 0;
  for (const run of delta.findings) {
    if ("keep" in run) {
      if (i + run.keep > old.length) throw new Error("Perubahan temuan tidak cocok dengan salinan");
      for (const end = i + run.keep; i < end; i++) findings.push(old[i]);
    } else if ("skip" in run) i += run.skip;
    else findings.push(...run.insert);
  }
  if (i !== old.length) throw new Error("Perubahan temuan tidak cocok dengan salinan");
  return { findings, summary: delta.summary };
}
