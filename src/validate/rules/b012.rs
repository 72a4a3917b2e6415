//! B012 — an output or activity node that is a leaf (nothing below it)
//! and that no business process serves. Only where the document has a
//! process map: without one every leaf would be reported.

use crate::model::{LevelKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    let processes = &cx.doc.processes.map.processes;
    if processes.is_empty() {
        return;
    }
    let mut served = vec![false; cx.doc.tree.nodes.len()];
    for process in processes.iter() {
        for id in &process.nodes {
            if let Some(&i) = cx.node_index.get(id.as_str()) {
                served[i] = true;
            }
        }
    }
    for (i, node) in cx.doc.tree.nodes.iter().enumerate() {
        let low = matches!(cx.kind_of(node), Some(LevelKind::Output | LevelKind::Activity));
        if low && cx.incoming[i] == 0 && !served[i] {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} di {} tidak dilayani proses bisnis mana pun di peta proses bisnis.",
                    cx.name_node(node),
                    cx.name_level(node.level)
                ),
                "Pilih proses di peta proses bisnis yang menghasilkan kondisi ini, atau tambahkan prosesnya.",
            );
        }
    }
}

fixture_test!("B012");

#[cfg(test)]
mod tests {
    #[test]
    fn without_a_process_map_no_leaf_is_reported() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules/B012/invalid.json");
        let mut doc = crate::interchange::json::from_str(&std::fs::read_to_string(path).unwrap(), "invalid.json").unwrap();
        assert!(!crate::validate::testing::findings_of("B012", &doc).is_empty());
        doc.processes.map.processes = Default::default();
        assert!(crate::validate::testing::findings_of("B012", &doc).is_empty());
    }
}
