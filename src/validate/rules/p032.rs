//! P032 — a realisasi is recorded but its capaian cannot be computed: a
//! target of 0, a predicate without a score, text where a number belongs.
//! (A realisasi without any target is P018's.)

use crate::model::Target;
use crate::monitoring::{capaian, method_of, realisasi};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    let predicates = cx.doc.monitoring.predicates();
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let mut years: Vec<i32> = ind.actuals.keys().chain(ind.quarters.keys()).copied().collect();
            years.sort_unstable();
            years.dedup();
            let why: Vec<String> = years
                .into_iter()
                .filter_map(|year| {
                    let (target, _) = realisasi::target_of(ind, year)?;
                    let real = realisasi::of_year(ind, year)?;
                    capaian(target, &real, method_of(ind), &predicates).err().map(|reason| format!("{year}: {reason}"))
                })
                .collect();
            if !why.is_empty() {
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!(
                        "Capaian indikator \"{}\" pada simpul {} tidak dapat dihitung ({}).",
                        ind.name.trim(),
                        cx.name_node(node),
                        why.join("; ")
                    ),
                    "Periksa target dan realisasinya; predikat (WTP, BB …) perlu skor di Pengaturan capaian.",
                );
            }
        }
    }
}

fixture_test!("P032");
