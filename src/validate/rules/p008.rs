//! P008 — an indicator has no unit (satuan).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in node.indicators.iter().filter(|x| x.unit.trim().is_empty()) {
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!("Indikator \"{}\" pada simpul {} belum punya satuan.", ind.name, cx.name_node(node)),
                "Isi satuan, misalnya Persen, Poin, Indeks, Orang.",
            );
        }
    }
}

fixture_test!("P008");
