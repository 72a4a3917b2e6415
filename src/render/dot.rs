//! The tree as Graphviz DOT (`pokin export dot`), for readers who use
//! Graphviz and for the speed comparison with `dot -Tpdf`.

use crate::model::{Document, LinkKind};
use std::fmt::Write;

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " "))
}

pub fn tree_dot(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.tree.nodes.len() * 80);
    out.push_str("digraph pohon_kinerja {\n  rankdir=BT;\n  node [shape=box, fontname=\"Noto Sans\", fontsize=8, width=2.1];\n");
    for node in doc.tree.nodes.iter() {
        let _ = writeln!(out, "  {} [label={}];", quote(&node.id), quote(&node.statement));
    }
    for link in doc.tree.links.iter() {
        let style = if link.kind == LinkKind::Crosscutting { " [style=dashed]" } else { "" };
        let _ = writeln!(out, "  {} -> {}{style};", quote(&link.from), quote(&link.to));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_node_and_link_is_written() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let dot = super::tree_dot(&doc);
        assert!(dot.starts_with("digraph pohon_kinerja {"));
        assert!(dot.contains("\"n1\" -> \"n0\";"));
        assert_eq!(dot.matches(" -> ").count(), doc.tree.links.len());
        assert!(dot.contains("[label=\"Meningkatnya Profesionalitas ASN\"]"));
    }
}
