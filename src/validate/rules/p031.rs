//! P031 — a Perjanjian Kinerja target differs from the Renstra target of
//! the same year. Both are kept (the capaian is measured against the PK);
//! reviewers check that Renstra, Renja and PK agree, so say where they don't.

use crate::model::{Target, Value};
use crate::monitoring::{measure, Measure};
use crate::validate::{Context, Sink};

/// Whether two targets say the same (numbers equal to a hair, text alike).
fn same(a: &Value, b: &Value) -> bool {
    match (measure(a), measure(b)) {
        (Some(Measure::Number(x)), Some(Measure::Number(y))) => (x - y).abs() < 1e-9,
        (x, y) => x == y,
    }
}

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let differ: Vec<String> = ind
                .pk_targets
                .iter()
                .filter_map(|(year, pk)| {
                    let renstra = ind.targets.get(year)?;
                    (!same(pk, renstra)).then(|| {
                        format!("{year}: PK {} , Renstra {}", crate::format::value(pk), crate::format::value(renstra)).replace(" ,", ",")
                    })
                })
                .collect();
            if !differ.is_empty() {
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!(
                        "Target Perjanjian Kinerja indikator \"{}\" pada simpul {} berbeda dari target Renstra tahun yang sama ({}); capaian diukur terhadap target PK.",
                        ind.name.trim(),
                        cx.name_node(node),
                        differ.join("; ")
                    ),
                    "Pastikan Renstra, Renja dan Perjanjian Kinerja sepakat; bila target berubah, catat dasar perubahannya.",
                );
            }
        }
    }
}

fixture_test!("P031");
