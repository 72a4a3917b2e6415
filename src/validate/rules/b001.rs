//! B001 — a process serves no tree node (or only nodes that do not exist).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for process in cx.doc.processes.map.processes.iter() {
        let missing: Vec<&str> =
            process.nodes.iter().filter(|n| !cx.node_index.contains_key(n.as_str())).map(String::as_str).collect();
        if process.nodes.is_empty() {
            out.push(
                Target::Process(process.id.clone()),
                format!("Proses \"{}\" tidak melayani simpul mana pun di pohon kinerja.", process.name),
                "Pilih kondisi di pohon kinerja yang didukung proses ini.",
            );
        } else if missing.len() == process.nodes.len() {
            out.push(
                Target::Process(process.id.clone()),
                format!("Proses \"{}\" melayani simpul yang tidak ada: {}.", process.name, missing.join(", ")),
                "Pilih kondisi di pohon kinerja yang didukung proses ini.",
            );
        }
    }
}

fixture_test!("B001");
