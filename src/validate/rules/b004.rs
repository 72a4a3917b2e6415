//! B004 — a flow step's lane is not one of the flow's lanes, or not a unit.

use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        for step in fg.flow.steps.iter() {
            let in_lanes = fg.flow.lanes.iter().any(|l| *l == step.lane);
            let is_unit = cx.unit_index.contains_key(step.lane.as_str());
            if in_lanes && is_unit {
                continue;
            }
            let why = if !in_lanes { "bukan salah satu lajur peta ini" } else { "tidak ada di struktur organisasi" };
            out.push(
                fg.target(step),
                format!("Pelaksana langkah \"{}\" di peta \"{}\", yaitu `{}`, {why}.", step.text, fg.flow.name, step.lane),
                "Pindahkan langkah ke salah satu lajur, atau tambahkan lajur untuk unit itu.",
            );
        }
    }
}

fixture_test!("B004");
