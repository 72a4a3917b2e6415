//! P021 — an outcome-level indicator counts documents or activities.

use crate::model::Target;
use crate::validate::text::fold;
use crate::validate::{Context, Sink};

/// What follows "Jumlah" in an indicator that counts outputs, not a condition.
const COUNTED: &[&str] = &[
    "dokumen", "laporan", "kegiatan", "rapat", "sosialisasi", "bimtek", "surat", "sk", "naskah", "berkas",
    "produk", "paket", "rekomendasi", "publikasi",
];

pub(crate) fn counts_outputs(name: &str) -> bool {
    let name = fold(name);
    let mut words = name.split(' ');
    words.next() == Some("jumlah") && words.next().is_some_and(|w| COUNTED.contains(&w))
}

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        if !cx.kind_of(node).is_some_and(|k| k.is_outcome_like()) {
            continue;
        }
        for ind in node.indicators.iter().filter(|x| counts_outputs(&x.name)) {
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!(
                    "Indikator \"{}\" pada outcome {} menghitung dokumen/kegiatan, bukan mengukur kondisi.",
                    ind.name,
                    cx.name_node(node)
                ),
                "Gunakan ukuran kondisi, misalnya indeks, persentase atau tingkat capaian.",
            );
        }
    }
}

fixture_test!("P021");
