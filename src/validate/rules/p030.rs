//! P030 — an indicator has a target or an actual for a year outside the
//! period. Such values are kept (a period changed back brings them back),
//! but no view or printout of the period shows them: say so.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    let period = cx.doc.document.period;
    let outside = |year: &i32| !period.years().contains(year);
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let mut years: Vec<i32> = ind
                .targets
                .keys()
                .chain(ind.pk_targets.keys())
                .chain(ind.actuals.keys())
                .chain(ind.quarters.keys())
                .copied()
                .filter(outside)
                .collect();
            years.sort_unstable();
            years.dedup();
            if years.is_empty() {
                continue;
            }
            let list: Vec<String> = years.iter().map(i32::to_string).collect();
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!(
                    "Indikator \"{}\" pada simpul {} punya target atau realisasi untuk tahun {} di luar periode {}–{}; nilainya disimpan tetapi tidak ditampilkan.",
                    ind.name,
                    cx.name_node(node),
                    list.join(", "),
                    period.from,
                    period.to
                ),
                "Sesuaikan periode dokumen (Berkas › Properti dokumen), atau hapus nilai tahun itu bila memang tidak dipakai.",
            );
        }
    }
}

fixture_test!("P030");
