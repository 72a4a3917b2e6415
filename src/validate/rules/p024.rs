//! P024 — "target tidak menantang": a target lower (for an "up"
//! indicator; higher for "down") than the realisasi of the year before.
//! The baseline counts as the realisasi of its year where no actual is
//! recorded for that year (it is the condition before the period).

use crate::model::{Direction, Indicator, Target};
use crate::validate::{Context, Sink};

/// The realisasi of `year`: the recorded actual, else the baseline of that year.
fn realised(ind: &Indicator, year: i32) -> Option<f64> {
    match ind.actuals.get(&year) {
        Some(v) => v.as_f64(),
        None if ind.baseline.year == Some(year) => ind.baseline.value.as_ref().and_then(|v| v.as_f64()),
        None => None,
    }
}

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let Some(direction @ (Direction::Up | Direction::Down)) = ind.direction else { continue };
            let low = ind.targets.iter().find_map(|(&year, target)| {
                let target = target.as_f64()?;
                let before = realised(ind, year - 1)?;
                let low = match direction {
                    Direction::Up => target < before,
                    _ => target > before,
                };
                low.then_some((year, target, before))
            });
            if let Some((year, target, before)) = low {
                let (worse, better) = match direction {
                    Direction::Up => ("lebih rendah", "naik"),
                    _ => ("lebih tinggi", "turun"),
                };
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!(
                        "Target tidak menantang: target {year} indikator \"{}\" ({}) {worse} dari realisasi {} ({}), padahal indikator ini makin baik bila {better}.",
                        ind.name.trim(),
                        crate::format::number(target),
                        year - 1,
                        crate::format::number(before),
                    ),
                    "Tetapkan target paling tidak setara realisasi tahun sebelumnya, atau jelaskan mengapa kinerja diperkirakan menurun.",
                );
            }
        }
    }
}

fixture_test!("P024");
