//! B005 — a flow has no start step, or no end step.

use crate::model::{Shape, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for flow in cx.doc.processes.flows.iter() {
        for (shape, word) in [(Shape::Start, "mulai"), (Shape::End, "selesai")] {
            if !flow.steps.iter().any(|s| s.shape == shape) {
                out.push(
                    Target::Flow(flow.id.clone()),
                    format!("Peta \"{}\" tidak punya langkah {word}.", flow.name),
                    format!("Jadikan satu langkah berbentuk {word} (kapsul)."),
                );
            }
        }
    }
}

fixture_test!("B005");
