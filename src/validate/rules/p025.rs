//! P025 — an outcome-level indicator (impact or outcome level) has no
//! definition (formula) or no data source.

use crate::model::Target;
use crate::validate::text::is_blank;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        if !cx.kind_of(node).is_some_and(|k| k.is_outcome_like()) {
            continue;
        }
        for ind in &node.indicators {
            let missing = match (is_blank(&ind.definition), is_blank(&ind.source)) {
                (true, true) => "definisi (cara menghitung) dan sumber datanya",
                (true, false) => "definisi (cara menghitung)",
                (false, true) => "sumber data",
                (false, false) => continue,
            };
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!(
                    "Indikator \"{}\" pada simpul {} belum menyebut {missing}; tanpa itu capaiannya tidak dapat diperiksa ulang.",
                    ind.name.trim(),
                    cx.name_node(node)
                ),
                "Isi definisi/formula indikator dan sumber datanya (instansi atau dokumen yang menerbitkan angkanya).",
            );
        }
    }
}

fixture_test!("P025");
