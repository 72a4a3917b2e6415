//! B011 — a loop in a flow that passes through no decision (it can never be left).

use crate::model::Shape;
use crate::validate::context::cycles;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        let steps = &fg.flow.steps;
        for members in cycles(&fg.graph) {
            if members.iter().any(|&i| steps[i].shape == Shape::Decision) {
                continue;
            }
            let names: Vec<String> = members.iter().map(|&i| format!("\"{}\"", steps[i].text)).collect();
            out.push(
                fg.target(&steps[members[0]]),
                format!("Peta \"{}\" berputar tanpa keputusan: {}. Putaran ini tidak pernah berakhir.", fg.flow.name, names.join(" → ")),
                "Tambahkan langkah keputusan yang dapat keluar dari putaran.",
            );
        }
    }
}

fixture_test!("B011");
