//! P018 — an actual (realisasi) is recorded for a year that has no target.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let years: Vec<String> =
                ind.actuals.keys().filter(|y| !ind.targets.contains_key(y)).map(|y| y.to_string()).collect();
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
