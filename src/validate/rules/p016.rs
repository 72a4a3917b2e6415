//! P016 — a link has no rationale (justifikasi keterkaitan).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for link in cx.doc.tree.links.iter().filter(|l| l.rationale.trim().is_empty()) {
        out.push(
            Target::Link(link.from.clone(), link.to.clone()),
            format!(
                "Keterkaitan {} belum punya justifikasi: mengapa kondisi ini mendukung induknya?",
                cx.link_between(&link.from, &link.to)
            ),
            "Tuliskan alasannya, misalnya dengan merujuk regulasi atau kajian.",
        );
    }
}

fixture_test!("P016");
