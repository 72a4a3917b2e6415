//! B006 — a flow step cannot be reached from a start step.

use crate::model::Shape;
use crate::validate::{Context, Sink};
use petgraph::graph::NodeIndex;
use petgraph::visit::Bfs;

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        let steps = &fg.flow.steps;
        let starts: Vec<usize> = (0..steps.len()).filter(|&i| steps[i].shape == Shape::Start).collect();
        if starts.is_empty() {
            continue; // B005 says so
        }
        let mut reached = vec![false; steps.len()];
        for &s in &starts {
            let mut bfs = Bfs::new(&fg.graph, NodeIndex::new(s));
            while let Some(n) = bfs.next(&fg.graph) {
                reached[n.index()] = true;
            }
        }
        for (_, step) in steps.iter().enumerate().filter(|(i, _)| !reached[*i]) {
            out.push(
                fg.target(step),
                format!("Langkah \"{}\" di peta \"{}\" tidak dapat dicapai dari langkah mulai.", step.text, fg.flow.name),
                "Sambungkan langkah sebelumnya ke langkah ini, atau hapus langkah ini.",
            );
        }
    }
}

fixture_test!("B006");
