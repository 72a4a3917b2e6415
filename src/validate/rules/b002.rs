//! B002 — a process has no owner unit (missing from the Peta Relasi).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for process in cx.doc.processes.map.processes.iter() {
        let known = process.owners.iter().filter(|o| cx.unit_index.contains_key(o.as_str())).count();
        if process.owners.is_empty() {
            out.push(
                Target::Process(process.id.clone()),
                format!("Proses \"{}\" belum punya unit pemilik di Peta Relasi.", process.name),
                "Pilih unit yang menjalankan proses ini.",
            );
        } else if known == 0 {
            out.push(
                Target::Process(process.id.clone()),
                format!("Pemilik proses \"{}\" ({}) tidak ada di struktur organisasi.", process.name, process.owners.join(", ")),
                "Pilih unit dari struktur organisasi.",
            );
        }
    }
}

fixture_test!("B002");
