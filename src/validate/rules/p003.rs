//! P003 — a primary link does not go exactly one level up.

use crate::model::{LinkKind, Target};
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for (link, ends) in cx.doc.tree.links.iter().zip(&cx.link_ends) {
        let (LinkKind::Primary, (Some(f), Some(t))) = (link.kind, *ends) else { continue };
        let (child, parent) = (cx.node(f), cx.node(t));
        if parent.level + 1 != child.level {
            let how = if parent.level >= child.level { "naik ke level yang sama atau lebih rendah" } else { "melompati level" };
            out.push(
                Target::Link(link.from.clone(), link.to.clone()),
                format!(
                    "Keterkaitan utama {} di {} → {} di {} {how}; induk harus tepat satu level di atas.",
                    cx.statement(&link.from),
                    cx.name_level(child.level),
                    cx.statement(&link.to),
                    cx.name_level(parent.level)
                ),
                "Pindahkan simpul ke level yang tepat, atau sisipkan simpul perantara di level yang dilompati.",
            );
        }
    }
}

fixture_test!("P003");
