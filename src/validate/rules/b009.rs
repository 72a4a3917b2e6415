//! B009 — a process (activity) step has no duration (waktu) or no output.

use crate::model::Shape;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        for step in fg.flow.steps.iter().filter(|s| s.shape == Shape::Process) {
            let mut missing = Vec::new();
            if step.duration.trim().is_empty() {
                missing.push("waktu");
            }
            if step.output.trim().is_empty() {
                missing.push("output");
            }
            if !missing.is_empty() {
                out.push(
                    fg.target(step),
                    format!("Mutu baku langkah \"{}\" di peta \"{}\" belum lengkap: {} belum diisi.", step.text, fg.flow.name, missing.join(" dan ")),
                    "Isi mutu baku: kelengkapan, waktu dan output.",
                );
            }
        }
    }
}

fixture_test!("B009");
