import type { Document, Node } from "./types";

/** Nodes in depth-first order along primary links, with their depth, roots first. */
export function outline(doc: Document): { node: Node; depth: number }[] {
  const nodes = doc.tree.nodes ?? [];
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, Node[]>();
  const hasParent = new Set<string>();
  for (const link of doc.tree.links ?? []) {
    if (link.kind !== "primary" || !ids.has(link.to) || hasParent.has(link.from)) continue;
    hasParent.add(link.from);
    const list = children.get(link.to) ?? [];
    children.set(link.to, list);
  }
  // Keep document order among siblings.
  for (const node of nodes) {
    const link = (doc.tree.links ?? []).find((l) => l.kind === "primary" && l.from === node.id && ids.has(l.to));
    if (link) children.get(link.to)!.push(node);
  }
  const out: { node: Node; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (node: Node, depth: number) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push({ node, depth });
    for (const child of children.get(node.id) ?? []) walk(child, depth + 1);
  };
  for (const node of nodes) if (!hasParent.has(node.id)) walk(node, 0);
  for (const node of nodes) walk(node, 0); // nodes caught in cycles
  return out;
}

/** "1 galat, 2 peringatan, 0 info" */
export function summaryText(s: { error: number; warning: number; info: number }): string {
  return `${s.error} galat, ${s.warning} peringatan, ${s.info} info`;
}
