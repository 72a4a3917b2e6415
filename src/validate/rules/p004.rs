//! P004 — a link names a node that does not exist (ext: targets excepted).

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for (link, (from, to)) in cx.doc.tree.links.iter().zip(&cx.link_ends) {
        let from_missing = from.is_none();
        let to_missing = !link.is_external() && to.is_none();
        let missing: Vec<&str> = [(from_missing, link.from.as_str()), (to_missing, link.to.as_str())]
            .into_iter()
            .filter(|(m, _)| *m)
            .map(|(_, id)| id)
            .collect();
        if !missing.is_empty() {
            out.push(
                Target::Link(link.from.clone(), link.to.clone()),
                format!(
                    "Keterkaitan {} menyebut simpul yang tidak ada: {}.",
                    cx.link_between(&link.from, &link.to),
                    missing.join(", ")
                ),
                "Hapus keterkaitan ini atau perbaiki id simpulnya. Untuk simpul milik perangkat daerah lain, tulis ext:<kode-pd>/<id>.",
            );
        }
    }
}

fixture_test!("P004");
