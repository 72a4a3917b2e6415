//! P026 — an outcome-level node (impact or outcome level) with exactly one
//! contributing child: an outcome is usually the result of more than one
//! condition below it.

use crate::model::{LinkKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    // Per node: how many existing children point to it by a primary link.
    let mut children = vec![0u32; cx.doc.tree.nodes.len()];
    for (link, ends) in cx.doc.tree.links.iter().zip(&cx.link_ends) {
        if let (LinkKind::Primary, (Some(_), Some(to))) = (link.kind, ends) {
            children[*to] += 1;
        }
    }
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if children[i] == 1 && cx.kind_of(node).is_some_and(|k| k.is_outcome_like()) {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Outcome {} hanya didukung satu kondisi di bawahnya; outcome biasanya dihasilkan oleh lebih dari satu kondisi di bawahnya.",
                    cx.name_node(node)
                ),
                "Periksa apakah ada kondisi lain yang ikut menentukan outcome ini, atau apakah simpul dan anaknya sebenarnya satu kondisi yang sama.",
            );
        }
    }
}

fixture_test!("P026");
