//! P019 — budget attached to a node with no path to a level-0 node.

use crate::model::Target;
use crate::validate::{Context, Sink};

/// Whether each node's chain of primary parents ends at a level-0 node.
/// Memoised, so the whole tree costs one pass.
fn reaches_top(cx: &Context) -> Vec<bool> {
    let n = cx.doc.tree.nodes.len();
    let mut known: Vec<Option<bool>> = vec![None; n];
    let mut chain = Vec::new();
    for start in 0..n {
        let mut at = start;
        let answer = loop {
            if let Some(k) = known[at] {
                break k;
            }
            if cx.node(at).level == 0 {
                break true;
            }
            if chain.contains(&at) || chain.len() > n {
                break false; // a cycle never reaches the top
            }
            chain.push(at);
            match cx.parent[at] {
                Some(p) => at = p,
                None => break false,
            }
        };
        known[at] = Some(known[at].unwrap_or(answer));
        for i in chain.drain(..) {
            known[i] = Some(answer);
        }
    }
    known.into_iter().map(|k| k.unwrap_or(false)).collect()
}

pub fn check(cx: &Context, out: &mut Sink) {
    if cx.doc.tree.nodes.iter().all(|n| n.budget.is_empty()) {
        return;
    }
    let reaches = reaches_top(cx);
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if !node.budget.is_empty() && !reaches[i] {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Anggaran {} pada simpul {} tidak tersambung ke tujuan di level 0: belanja ini tidak jelas melayani tujuan apa.",
                    if node.budget.name.is_empty() { String::new() } else { format!("\"{}\"", node.budget.name) },
                    cx.name_node(node)
                ),
                "Sambungkan simpul ini (atau induknya) ke atas sampai level 0.",
            );
        }
    }
}

fixture_test!("P019");
