//! P009 — an indicator has no target for a year of the period.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    let period = cx.doc.document.period;
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let missing: Vec<String> =
                period.years().filter(|y| !ind.targets.contains_key(y)).map(|y| y.to_string()).collect();
            if !missing.is_empty() {
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!("Indikator \"{}\" pada simpul {} belum punya target untuk tahun {}.", ind.name, cx.name_node(node), missing.join(", ")),
                    format!("Isi target untuk setiap tahun periode {}–{}.", period.from, period.to),
                );
            }
        }
    }
}

fixture_test!("P009");
