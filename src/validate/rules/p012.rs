//! P012 — a node restates its parent, or an indicator repeats its parent's indicator.

use crate::model::Target;
use crate::validate::text::fold;
use crate::validate::{Context, Sink};
use std::collections::HashSet;

pub fn check(cx: &Context, out: &mut Sink) {
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        let Some(p) = cx.parent[i] else { continue };
        let parent = cx.node(p);
        let statement = fold(&node.statement);
        if !statement.is_empty() && statement == fold(&parent.statement) {
            out.push(
                Target::Node(node.id.clone()),
                format!("Simpul {} mengulang pernyataan induknya {}.", cx.name_node(node), cx.name_node(parent)),
                "Rumuskan kondisi yang lebih rinci yang dibutuhkan induknya.",
            );
        }
        if node.indicators.is_empty() || parent.indicators.is_empty() {
            continue;
        }
        let parent_names: HashSet<String> = parent.indicators.iter().map(|x| fold(&x.name)).collect();
        for ind in &node.indicators {
            let name = fold(&ind.name);
            if !name.is_empty() && parent_names.contains(&name) {
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
