//! P028 — a parent's indicator that no child serves, where at least one
//! child of that parent names one of its indicators (the parent's
//! indicators are being mapped, and this one is left without support).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    // Per node: the ids of its indicators that some link to it serves.
    let mut served: Vec<Vec<&str>> = vec![Vec::new(); cx.doc.tree.nodes.len()];
    for (link, ends) in cx.doc.tree.links.iter().zip(&cx.link_ends) {
        // Crosscutting contributions serve an indicator as much as primary ones.
        let ((Some(_), Some(to)), Some(id)) = (*ends, link.serves.as_deref()) else { continue };
        let id = id.trim();
        if cx.node(to).indicators.iter().any(|i| i.id == id) {
            served[to].push(id);
        }
    }
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        if served[i].is_empty() {
            continue;
        }
        for ind in node.indicators.iter().filter(|x| !served[i].contains(&x.id.as_str())) {
            out.push(
                Target::Indicator(node.id.clone(), ind.id.clone()),
                format!(
                    "Tidak ada kondisi di bawah {} yang mendukung indikator \"{}\", padahal indikator lain simpul ini sudah didukung.",
                    cx.name_node(node),
                    ind.name.trim()
                ),
                "Tandai kondisi di bawahnya yang mendukung indikator ini (panel keterkaitan, \"Mendukung indikator\"), atau tambahkan kondisi pendukungnya.",
            );
        }
    }
}

fixture_test!("P028");
