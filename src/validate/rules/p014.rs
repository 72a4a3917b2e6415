//! P014 — a node has no owner (penanggung jawab), or its owner is no unit.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        match node.owner.as_deref().filter(|o| !o.is_empty()) {
            None => out.push(
                Target::Node(node.id.clone()),
                format!("Simpul {} belum punya penanggung jawab.", cx.name_node(node)),
                "Pilih unit kerja yang bertanggung jawab atas kondisi ini.",
            ),
            Some(owner) if !cx.unit_index.contains_key(owner) => out.push(
                Target::Node(node.id.clone()),
                format!("Penanggung jawab simpul {} adalah unit `{owner}` yang tidak ada di struktur organisasi.", cx.name_node(node)),
                "Pilih unit dari struktur organisasi, atau tambahkan unit itu.",
            ),
            Some(_) => {}
        }
    }
}

fixture_test!("P014");
