//! P007 — a node of kind impact/outcome/output has no indicator.

use crate::model::{LevelKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter().filter(|n| n.indicators.is_empty()) {
        if matches!(cx.kind_of(node), Some(LevelKind::Impact | LevelKind::Outcome | LevelKind::Output)) {
            out.push(
                Target::Node(node.id.clone()),
                format!("Simpul {} di {} belum punya indikator kinerja; capaiannya tidak dapat diukur.", cx.name_node(node), cx.name_level(node.level)),
                "Tambahkan indikator dengan satuan dan target per tahun.",
            );
        }
    }
}

fixture_test!("P007");
