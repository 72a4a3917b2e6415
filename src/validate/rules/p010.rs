//! P010 — an outcome-level node has no contributing child.

use crate::model::{LevelKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    let last = cx.doc.tree.levels.len().saturating_sub(1);
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if cx.kind_of(node) == Some(LevelKind::Outcome) && node.level < last && cx.incoming[i] == 0 {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Kondisi {} tidak didukung simpul apa pun di bawahnya: belum jelas apa yang membuatnya tercapai.",
                    cx.name_node(node)
                ),
                format!("Tambahkan kondisi pendukung di {} (Tab).", cx.name_level(node.level + 1)),
            );
        }
    }
}

fixture_test!("P010");
