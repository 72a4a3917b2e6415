//! B008 — a decision lacks its yes or no branch, or next/yes/no names a missing step.

use crate::model::Shape;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        for step in fg.flow.steps.iter() {
            let mut problems = Vec::new();
            if step.shape == Shape::Decision {
                if step.yes.as_deref().map_or(true, str::is_empty) {
                    problems.push("cabang Ya belum ada".to_string());
                }
                if step.no.as_deref().map_or(true, str::is_empty) {
                    problems.push("cabang Tidak belum ada".to_string());
                }
            }
            let missing: Vec<&str> = step.successors().filter(|s| !fg.step_index.contains_key(s)).collect();
            if !missing.is_empty() {
                problems.push(format!("menunjuk langkah yang tidak ada: {}", missing.join(", ")));
            }
            if !problems.is_empty() {
                out.push(
                    fg.target(step),
                    format!("Langkah \"{}\" di peta \"{}\": {}.", step.text, fg.flow.name, problems.join("; ")),
                    "Keputusan harus punya cabang Ya dan Tidak ke langkah yang ada.",
                );
            }
        }
    }
}

fixture_test!("B008");
