//! P023 — an indicator that cannot be measured: its name has no measure
//! word (jumlah, persentase, indeks, rasio, nilai, tingkat …).

use crate::model::Target;
use crate::validate::text::{has_measure_word, is_blank};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        // A nameless indicator says nothing at all; that is not this rule's finding.
        for ind in node.indicators.iter().filter(|x| !is_blank(&x.name) && !has_measure_word(&x.name)) {
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!(
                    "Indikator \"{}\" pada simpul {} tidak menyebut apa yang diukur, sehingga capaiannya sulit dihitung.",
                    ind.name.trim(),
                    cx.name_node(node)
                ),
                "Awali nama indikator dengan ukurannya, misalnya \"Persentase …\", \"Indeks …\", \"Jumlah …\", \"Rasio …\" atau \"Tingkat …\".",
            );
        }
    }
}

fixture_test!("P023");
