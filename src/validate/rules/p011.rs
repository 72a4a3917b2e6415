//! P011 — two nodes under the same parent state the same thing.

use crate::model::Target;
use crate::validate::text::{folded_hash, is_blank, same_folded};
use crate::validate::{Context, Sink};
use rustc_hash::FxHashMap;

pub fn check(cx: &Context, out: &mut Sink) {
    // (parent, hash of the folded statement) → the first node seen with it.
    let mut seen: FxHashMap<(usize, u64), usize> = FxHashMap::default();
    let mut buffer = String::new();
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        let Some(parent) = cx.parent[i] else { continue };
        if is_blank(&node.statement) {
            continue;
        }
        let first = *seen.entry((parent, folded_hash(&node.statement, &mut buffer))).or_insert(i);
        // (A 64-bit hash collision between different statements is told apart here.)
        if first != i && same_folded(&cx.node(first).statement, &node.statement) {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} menyatakan hal yang sama dengan saudaranya {} di bawah induk yang sama.",
                    cx.name_node(node),
                    cx.name_node(cx.node(first))
                ),
                "Gabungkan keduanya, atau bedakan rumusan kondisinya.",
            );
        }
    }
}

fixture_test!("P011");
