// Read-only views of a document, built once per document (O(n)) and cached.

import type { Document, DocumentView, Link, Node, Unit } from "./types";

/** A document with each node's primary parent as the core answered it (`DocumentView.parents`). */
export type TreeView = Pick<DocumentView, "document" | "parents">;

export interface DocIndex {
  doc: Document;
  nodes: Map<string, Node>;
  /** Position of each node in the document's node list (sibling order follows it). */
  order: Map<string, number>;
  /** A node's primary parent: the core's (`Document::primary_parents`), never decided here. */
  parent: Map<string, string>;
  /** Primary children in document order. */
  children: Map<string, string[]>;
  /** Nodes without a primary parent, in document order. */
  roots: string[];
  /** A node's primary link (child → parent). */
  primaryLink: Map<string, Link>;
  /** Crosscutting links going out of a node. */
  crosscutting: Map<string, Link[]>;
  /** Links (of any kind) coming into a node or an ext: address. */
  incoming: Map<string, Link[]>;
  units: Map<string, Unit>;
}

const cache = new WeakMap<Document, { parents: TreeView["parents"]; ix: DocIndex }>();

export function indexView(view: TreeView): DocIndex {
  const doc = view.document;
  const hit = cache.get(doc);
  if (hit && hit.parents === view.parents) return hit.ix;
  const list = doc.tree.nodes ?? [];
  const nodes = new Map<string, Node>();
  const order = new Map<string, number>();
  list.forEach((n, i) => {
    nodes.set(n.id, n);
    order.set(n.id, i);
  });
  const primaryLink = new Map<string, Link>();
  const crosscutting = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  for (const link of doc.tree.links ?? []) {
    const into = incoming.get(link.to);
    if (into) into.push(link);
    else incoming.set(link.to, [link]);
    if (link.kind === "primary") {
      if (!primaryLink.has(link.from)) primaryLink.set(link.from, link);
    } else {
      const out = crosscutting.get(link.from);
      if (out) out.push(link);
      else crosscutting.set(link.from, [link]);
    }
  }
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of list) {
    const p = view.parents[n.id];
    if (p === undefined) roots.push(n.id);
    else {
      parent.set(n.id, p);
      const c = children.get(p);
      if (c) c.push(n.id);
      else children.set(p, [n.id]);
    }
  }
  const units = new Map<string, Unit>();
  for (const u of doc.units ?? []) units.set(u.id, u);
  const ix: DocIndex = { doc, nodes, order, parent, children, roots, primaryLink, crosscutting, incoming, units };
  cache.set(doc, { parents: view.parents, ix });
  return ix;
}

/** The node and its siblings in document order: children of the same parent, or the roots of the same level. */
export function siblingsOf(ix: DocIndex, id: string): string[] {
  const p = ix.parent.get(id);
  if (p !== undefined) return ix.children.get(p) ?? [id];
  const level = ix.nodes.get(id)?.level;
  return ix.roots.filter((r) => ix.nodes.get(r)?.level === level);
}

/** The node just after `id` in the document's node list (insert "before" it to land right after `id`). */
export function nodeAfter(ix: DocIndex, id: string): string | undefined {
  const i = ix.order.get(id);
  if (i === undefined) return undefined;
  return ix.doc.tree.nodes?.[i + 1]?.id;
}

/** Ancestors along primary links, nearest first; stops on a cycle. */
export function ancestors(ix: DocIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let p = ix.parent.get(id);
  while (p !== undefined && !seen.has(p)) {
    out.push(p);
    seen.add(p);
    p = ix.parent.get(p);
  }
  return out;
}

/** The number of nodes in the subtree below `id` (not counting it). */
export function descendantCount(ix: DocIndex, id: string): number {
  let count = 0;
  const seen = new Set<string>([id]);
  const stack = [...(ix.children.get(id) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    count++;
    for (const g of ix.children.get(c) ?? []) stack.push(g);
  }
  return count;
}

/** The years of the Renstra period, e.g. [2021, …, 2026]. */
export function periodYears(doc: Document): number[] {
  const { from, to } = doc.document.period;
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 50) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function levelName(doc: Document, level: number): string {
  return doc.tree.levels[level]?.name ?? `Level ${level}`;
}

/** "Kepala BKD" style label of a unit: short name, else name. */
export function unitLabel(unit: Unit): string {
  return unit.short ? `${unit.short} — ${unit.name}` : unit.name;
}

/**
 * A short form of a statement for messages and lists: at most `max`
 * characters with the "…", cut between words (as the core's
 * `validate::text::shorten`); only a word longer than half of that is cut.
 */
export function shorten(text: string, max = 60): string {
  const t = text.trim();
  if (t === "") return "(kondisi belum diisi)";
  if (t.length <= max) return t;
  let head = t.slice(0, max - 1);
  if (!/\s/.test(t[max - 1])) {
    const space = head.search(/\s\S*$/);
    if (space * 2 >= max - 1) head = head.slice(0, space);
  }
  return `${head.replace(/[\s,;:(–-]+$/, "")}…`;
}

/** Case, diacritics and space folding for search. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Nodes whose statement, id, phenomenon or an indicator's name contains the query, in document order. */
export function searchNodes(doc: Document, query: string, limit = Infinity): Node[] {
  const q = fold(query);
  if (q === "") return [];
  const out: Node[] = [];
  for (const n of doc.tree.nodes ?? []) {
    if (
      fold(n.statement).includes(q) ||
      n.id.toLowerCase() === q ||
      (n.phenomenon && fold(n.phenomenon).includes(q)) ||
      (n.indicators ?? []).some((i) => i.name && fold(i.name).includes(q))
    ) {
      out.push(n);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The id an add created: the one in `now` not among `before` (the core chose it). */
export function addedId(before: Iterable<string>, now: readonly { id: string }[] | undefined): string | null {
  const old = new Set(before);
  return now?.find((x) => !old.has(x.id))?.id ?? null;
}
