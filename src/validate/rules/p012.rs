//! P012 — a node restates its parent, or an indicator repeats its parent's indicator.

use crate::model::Target;
use crate::validate::text::{is_blank, same_folded};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        let Some(p) = cx.parent[i] else { continue };
        let parent = cx.node(p);
        if !is_blank(&node.statement) && same_folded(&node.statement, &parent.statement) {
            out.push(
                Target::Node(node.id.clone()),
                format!("Simpul {} mengulang pernyataan induknya {}.", cx.name_node(node), cx.name_node(parent)),
                "Rumuskan kondisi yang lebih rinci yang dibutuhkan induknya.",
            );
        }
        for ind in node.indicators.iter().filter(|x| !is_blank(&x.name)) {
            if parent.indicators.iter().any(|p| same_folded(&p.name, &ind.name)) {
                out.push(
                    Target::Indicator(node.id.clone(), ind.id.clone()),
                    format!("Indikator \"{}\" pada simpul {} sama dengan indikator induknya {}.", ind.name, cx.name_node(node), cx.name_node(parent)),
                    "Ukur kondisi simpul ini sendiri, yang mendukung indikator induk.",
                );
            }
        }
    }
}

fixture_test!("P012");
