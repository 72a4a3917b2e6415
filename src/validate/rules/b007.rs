//! B007 — a step other than an end has no way on, or an end step has one.

use crate::model::Shape;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for fg in &cx.flows {
        for step in fg.flow.steps.iter() {
            let goes_on = step.successors().next().is_some();
            if step.shape == Shape::End && goes_on {
                out.push(
                    fg.target(step),
                    format!("Langkah selesai \"{}\" di peta \"{}\" masih berlanjut ke langkah lain.", step.text, fg.flow.name),
                    "Hapus lanjutan dari langkah selesai, atau ubah bentuknya menjadi proses.",
                );
            } else if step.shape != Shape::End && !goes_on {
                out.push(
                    fg.target(step),
                    format!("Langkah \"{}\" di peta \"{}\" buntu: tidak berlanjut ke langkah mana pun.", step.text, fg.flow.name),
                    "Sambungkan ke langkah berikutnya, atau jadikan langkah selesai.",
                );
            }
        }
    }
}

fixture_test!("B007");
