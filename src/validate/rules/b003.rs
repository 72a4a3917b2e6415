//! B003 — a process parent chain forms a cycle, or names a missing process.

use crate::model::Target;
use crate::validate::context::cycles;
use crate::validate::{Context, Sink};
use petgraph::graph::{DiGraph, NodeIndex};

pub fn check(cx: &Context, out: &mut Sink) {
    let processes = &cx.doc.processes.map.processes;
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(processes.len(), processes.len());
    for _ in processes.iter() {
        graph.add_node(());
    }
    for (i, process) in processes.iter().enumerate() {
        let Some(parent) = process.parent.as_deref().filter(|p| !p.is_empty()) else { continue };
        match cx.process_index.get(parent) {
            Some(&p) => {
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(p), ());
            }
            None => out.push(
                Target::Process(process.id.clone()),
                format!("Proses \"{}\" adalah sub proses dari `{parent}`, yang tidak ada.", process.name),
                "Pilih proses induk yang ada, atau kosongkan induknya.",
            ),
        }
    }
    for members in cycles(&graph) {
        let names: Vec<String> = members.iter().map(|&i| format!("\"{}\"", processes[i].name)).collect();
        out.push(
            Target::Process(processes[members[0]].id.clone()),
            format!("Induk proses membentuk lingkaran: {}.", names.join(" → ")),
            "Putuskan lingkaran dengan mengosongkan salah satu induk.",
        );
    }
}

fixture_test!("B003");
