//! P011 — two nodes under the same parent state the same thing.

use crate::model::Target;
use crate::validate::text::fold;
use crate::validate::{Context, Sink};
use std::collections::HashMap;

pub fn check(cx: &Context, out: &mut Sink) {
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        let Some(parent) = cx.parent[i] else { continue };
        let statement = fold(&node.statement);
        if statement.is_empty() {
            continue;
        }
        match seen.get(&(parent, statement.clone())) {
            Some(&first) => out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} menyatakan hal yang sama dengan saudaranya {} di bawah induk yang sama.",
                    cx.name_node(node),
                    cx.name_node(cx.node(first))
                ),
                "Gabungkan keduanya, atau bedakan rumusan kondisinya.",
            ),
            None => {
                seen.insert((parent, statement), i);
            }
        }
    }
}

fixture_test!("P011");
