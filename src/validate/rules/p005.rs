//! P005 — a node has more than one primary link.

use crate::model::{LinkKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if cx.primary_links[i] > 1 {
            let parents: Vec<String> = cx
                .doc
                .tree
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::Primary && l.from == node.id)
                .map(|l| cx.statement(&l.to))
                .collect();
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} punya {} keterkaitan utama ({}); satu simpul hanya punya satu induk utama.",
                    cx.name_node(node),
                    parents.len(),
                    parents.join(", ")
                ),
                "Pertahankan satu induk utama; jadikan yang lain keterkaitan crosscutting.",
            );
        }
    }
}

fixture_test!("P005");
