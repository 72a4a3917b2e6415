//! P018 — an actual (realisasi) is recorded for a year that has no target
//! (neither a Renstra nor a PK target): by year or by quarter.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let years: Vec<String> = ind
                .actuals
                .keys()
                .chain(ind.quarters.iter().filter(|(_, q)| q.iter().any(Option::is_some)).map(|(y, _)| y))
                .copied()
                .collect::<std::collections::BTreeSet<i32>>()
                .into_iter()
                .filter(|y| crate::monitoring::realisasi::target_of(ind, *y).is_none())
                .map(|y| y.to_string())
                .collect();
            if !years.is_empty() {
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!("Indikator \"{}\" punya realisasi tahun {} tanpa target; capaiannya tidak dapat dihitung.", ind.name, years.join(", ")),
                    "Isi target tahun itu.",
                );
            }
        }
    }
}

fixture_test!("P018");
