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

    /// `"Meningkatnya Profesionalitas ASN" (n3)` — how messages name a node.
    pub fn name_node(&self, node: &Node) -> String {
        format!("\"{}\" ({})", super::text::shorten(&node.statement), node.id)
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
