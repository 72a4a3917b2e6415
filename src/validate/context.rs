//! What the rules share: id maps, the primary parent of each node, and the
//! petgraph graphs of the tree and of each flow. Built once per run.

use crate::model::*;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap as HashMap;

pub struct Context<'a> {
    pub doc: &'a Document,
    /// Node id → index in `doc.tree.nodes`.
    pub node_index: HashMap<&'a str, usize>,
    pub unit_index: HashMap<&'a str, usize>,
    pub process_index: HashMap<&'a str, usize>,
    /// Per node: the first primary link's parent, where that parent exists.
    pub parent: Vec<Option<usize>>,
    /// Per node: how many primary links leave it.
    pub primary_links: Vec<u32>,
    /// Per node: how many links (any kind) from existing nodes point to it.
    pub incoming: Vec<u32>,
    /// Per link: the indices of its two ends, where they exist.
    pub link_ends: Vec<(Option<usize>, Option<usize>)>,
    /// The link graph between existing nodes; graph node i is tree node i,
    /// edge weights are link indices.
    pub tree: DiGraph<(), usize>,
    pub flows: Vec<FlowGraph<'a>>,
}

/// One flow as a graph: graph node i is step i; edges follow next/yes/no
/// to steps that exist.
pub struct FlowGraph<'a> {
    pub flow: &'a Flow,
    pub step_index: HashMap<&'a str, usize>,
    pub graph: DiGraph<(), ()>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let nodes = &doc.tree.nodes;
        let node_index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        let unit_index = doc.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
        let process_index =
            doc.processes.map.processes.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let parent = doc.primary_parents_in(|id| node_index.get(id).copied());
        let mut primary_links = vec![0u32; nodes.len()];
        let mut incoming = vec![0u32; nodes.len()];
        let mut tree = DiGraph::with_capacity(nodes.len(), doc.tree.links.len());
        for _ in 0..nodes.len() {
            tree.add_node(());
        }
        let mut link_ends = Vec::with_capacity(doc.tree.links.len());
        for (k, link) in doc.tree.links.iter().enumerate() {
            let from = node_index.get(link.from.as_str()).copied();
            let to = node_index.get(link.to.as_str()).copied();
            link_ends.push((from, to));
            if let Some(f) = from {
                if link.kind == LinkKind::Primary {
                    primary_links[f] += 1;
                }
            }
            if let (Some(f), Some(t)) = (from, to) {
                incoming[t] += 1;
                tree.add_edge(NodeIndex::new(f), NodeIndex::new(t), k);
            }
        }
        let flows = doc.processes.flows.iter().map(FlowGraph::new).collect();
        Context { doc, node_index, unit_index, process_index, parent, primary_links, incoming, link_ends, tree, flows }
    }

    pub fn node(&self, i: usize) -> &'a Node {
        &self.doc.tree.nodes[i]
    }

    pub fn level_of(&self, node: &Node) -> Option<&'a Level> {
        self.doc.tree.levels.get(node.level)
    }

    pub fn kind_of(&self, node: &Node) -> Option<LevelKind> {
        self.level_of(node).map(|l| l.kind)
    }

    /// `«Meningkatnya Profesionalitas ASN» (n3)` — how messages name a node:
    /// its statement (see [`Context::statement`]) and its id.
    pub fn name_node(&self, node: &Node) -> String {
        if super::text::is_blank(&node.statement) {
            self.statement_of_node(node)
        } else {
            format!("{} ({})", self.statement_of_node(node), node.id)
        }
    }

    /// `«Meningkatnya Profesionalitas ASN»` — a node named by its statement
    /// alone, as link findings name both ends: the statement in «», cut
    /// between words where long. A node of this document without a
    /// statement is named by its id; an `ext:` address or an id that names
    /// no node stays as written.
    pub fn statement(&self, id: &str) -> String {
        match self.node_index.get(id) {
            Some(&i) => self.statement_of_node(self.node(i)),
            None => id.to_string(),
        }
    }

    /// `«Meningkatnya kompetensi ASN» → «Meningkatnya Profesionalitas ASN»` —
    /// a link named by the statements of both ends (see [`Context::statement`]).
    /// Where two different statements would read the same once shortened
    /// (they differ only near the end), both are given whole.
    pub fn link_between(&self, from: &str, to: &str) -> String {
        let (a, b) = (self.statement(from), self.statement(to));
        if a == b {
            let whole = |id: &str| self.node_index.get(id).map(|&i| &self.node(i).statement);
            if let (Some(x), Some(y)) = (whole(from), whole(to)) {
                if !super::text::same_folded(x, y) {
                    let full = |t: &str| format!("«{}»", t.split_whitespace().collect::<Vec<_>>().join(" "));
                    return format!("{} → {}", full(x), full(y));
                }
            }
        }
        format!("{a} → {b}")
    }

    fn statement_of_node(&self, node: &Node) -> String {
        if super::text::is_blank(&node.statement) {
            format!("simpul {} (tanpa pernyataan)", node.id)
        } else {
            format!("«{}»", super::text::shorten(&node.statement))
        }
    }

    /// "level 2 (Intermediate Outcome)"
    pub fn name_level(&self, level: usize) -> String {
        match self.doc.tree.levels.get(level) {
            Some(l) => format!("level {level} ({})", l.name),
            None => format!("level {level}"),
        }
    }
}

impl<'a> FlowGraph<'a> {
    fn new(flow: &'a Flow) -> Self {
        let step_index: HashMap<&str, usize> =
            flow.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut graph = DiGraph::with_capacity(flow.steps.len(), flow.steps.len() + 4);
        for _ in 0..flow.steps.len() {
            graph.add_node(());
        }
        for (i, step) in flow.steps.iter().enumerate() {
            for next in step.successors() {
                if let Some(&j) = step_index.get(next) {
                    graph.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
                }
            }
        }
        FlowGraph { flow, step_index, graph }
    }

    pub fn target(&self, step: &Step) -> Target {
        Target::Step(self.flow.id.clone(), step.id.clone())
    }
}

/// Strongly connected components that are cycles (more than one member, or
/// one member with a self-loop), each sorted by index.
pub fn cycles<N, E>(graph: &DiGraph<N, E>) -> Vec<Vec<usize>> {
    petgraph::algo::tarjan_scc(graph)
        .into_iter()
        .filter(|scc| scc.len() > 1 || graph.contains_edge(scc[0], scc[0]))
        .map(|scc| {
            let mut members: Vec<usize> = scc.into_iter().map(|n| n.index()).collect();
            members.sort_unstable();
            members
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Context;

    #[test]
    fn nodes_and_links_named_by_statement() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let cx = Context::new(&doc);
        assert_eq!(cx.statement("n1"), "«Meningkatnya Profesionalitas ASN»");
        assert_eq!(cx.name_node(cx.node(cx.node_index["n1"])), "«Meningkatnya Profesionalitas ASN» (n1)");
        // No such node, or another agency's: as written.
        assert_eq!(cx.statement("n999"), "n999");
        assert_eq!(cx.statement("ext:BKPSDM-Kebumen/n3"), "ext:BKPSDM-Kebumen/n3");
        assert_eq!(cx.link_between("n2", "n1"), "«Meningkatnya Manajemen ASN melalui Sistem Merit» → «Meningkatnya Profesionalitas ASN»");
        // Long statements are cut between words.
        assert_eq!(cx.statement("n0"), "«Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan…»");

        // Two statements that differ only past the cut are given whole.
        let long = "Meningkatnya Akuntabilitas dan Kinerja Penyelenggaraan Pemerintah";
        doc.tree.nodes.get_mut(1).unwrap().statement = format!("{long}an Daerah");
        doc.tree.nodes.get_mut(2).unwrap().statement = format!("{long} Daerah");
        let (a, b) = (doc.tree.nodes[2].id.clone(), doc.tree.nodes[1].id.clone());
        let cx = Context::new(&doc);
        assert_eq!(cx.statement(&a), cx.statement(&b));
        assert_eq!(cx.link_between(&a, &b), format!("«{long} Daerah» → «{long}an Daerah»"));
        // A node without a statement: by its id.
        doc.tree.nodes.get_mut(3).unwrap().statement = " ".into();
        let id = doc.tree.nodes[3].id.clone();
        let cx = Context::new(&doc);
        assert_eq!(cx.statement(&id), format!("simpul {id} (tanpa pernyataan)"));
        assert_eq!(cx.name_node(cx.node(3)), format!("simpul {id} (tanpa pernyataan)"));
    }
}
