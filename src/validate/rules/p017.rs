//! P017 — targets move against the indicator's direction.

use crate::model::{Direction, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        for ind in &node.indicators {
            let Some(direction @ (Direction::Up | Direction::Down)) = ind.direction else { continue };
            let mut numbers = ind.targets.iter().filter_map(|(y, v)| v.as_f64().map(|v| (*y, v)));
            let mut previous = numbers.next();
            let against = numbers.find_map(|next| {
                let prev = previous.replace(next)?;
                let wrong = match direction {
                    Direction::Up => next.1 < prev.1,
                    _ => next.1 > prev.1,
                };
                wrong.then_some([prev, next])
            });
            if let Some(w) = against {
                let (moves, should) = match direction {
                    Direction::Up => ("turun", "naik"),
                    _ => ("naik", "turun"),
                };
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!(
                        "Target indikator \"{}\" {moves} dari {} ({}) ke {} ({}), padahal indikator ini makin baik bila {should}.",
                        ind.name,
                        crate::format::number(w[0].1),
                        w[0].0,
                        crate::format::number(w[1].1),
                        w[1].0
                    ),
                    "Periksa target per tahun, atau arah indikator.",
                );
            }
        }
    }
}

fixture_test!("P017");
