//! P006 — empty statement.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter().filter(|n| n.statement.trim().is_empty()) {
        out.push(
            Target::Node(node.id.clone()),
            format!("Simpul {} di {} belum punya pernyataan kondisi.", node.id, cx.name_level(node.level)),
            "Tuliskan kondisi yang ingin dicapai, misalnya \"Meningkatnya …\".",
        );
    }
}

fixture_test!("P006");
