//! P002 — a node below level 0 has no primary link (orphan).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if node.level > 0 && cx.primary_links[i] == 0 {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} di {} tidak punya induk: kondisi ini tidak mendukung kondisi mana pun di atasnya.",
                    cx.name_node(node),
                    cx.name_level(node.level)
                ),
                format!("Seret simpul ke induknya di {}, atau tambahkan keterkaitan utama.", cx.name_level(node.level - 1)),
            );
        }
    }
}

fixture_test!("P002");
