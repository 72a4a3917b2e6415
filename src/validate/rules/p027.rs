//! P027 — a child (primary link) does not say which of its parent's
//! indicators it serves, where the parent has two or more; or its `serves`
//! names an indicator the parent does not have.

use crate::model::{Indicator, LinkKind, Target};
use crate::validate::text::{is_blank, shorten};
use crate::validate::{Context, Sink};

/// The parent's indicators as a message lists them: at most three names,
/// then how many more.
fn names(indicators: &[Indicator]) -> String {
    let mut out: Vec<String> = indicators.iter().take(3).map(|i| format!("\"{}\"", shorten(&i.name))).collect();
    if indicators.len() > 3 {
        out.push(format!("dan {} lainnya", indicators.len() - 3));
    }
    out.join(", ")
}

pub fn check(cx: &Context, out: &mut Sink) {
    for (link, ends) in cx.doc.tree.links.iter().zip(&cx.link_ends) {
        let (LinkKind::Primary, (Some(_), Some(to))) = (link.kind, *ends) else { continue };
        let parent = cx.node(to);
        let serves = link.serves.as_deref().filter(|s| !is_blank(s));
        let target = || Target::Link(link.from.clone(), link.to.clone());
        let names = || names(&parent.indicators);
        match serves {
            None if parent.indicators.len() >= 2 => out.push(
                target(),
                format!(
                    "Keterkaitan {} belum menyebut indikator induk mana yang didukung; induknya punya {} indikator: {}.",
                    cx.link_between(&link.from, &link.to),
                    parent.indicators.len(),
                    names()
                ),
                "Pilih indikator induk yang didukung kondisi ini di panel keterkaitan (\"Mendukung indikator\").",
            ),
            Some(id) if !parent.indicators.iter().any(|i| i.id == id.trim()) => out.push(
                target(),
                format!(
                    "Keterkaitan {} menyebut indikator induk yang tidak ada ({}).{}",
                    cx.link_between(&link.from, &link.to),
                    id.trim(),
                    if parent.indicators.is_empty() {
                        " Induknya belum punya indikator.".to_string()
                    } else {
                        format!(" Indikator induknya: {}.", names())
                    }
                ),
                "Pilih lagi indikator induk yang didukung di panel keterkaitan (\"Mendukung indikator\").",
            ),
            _ => {}
        }
    }
}

fixture_test!("P027");
