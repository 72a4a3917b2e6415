//! P015 — an owner's echelon does not fit the level's expected echelon.

use crate::model::Target;
use crate::validate::{Context, Sink};

/// The roman part of an echelon: "III.b" → "III", "Eselon IV.a" → "IV".
pub(crate) fn echelon_class(echelon: &str) -> String {
    let e = echelon.trim();
    let e = e.strip_prefix("Eselon").or_else(|| e.strip_prefix("eselon")).unwrap_or(e).trim();
    e.split(['.', ' ', '/', '-']).next().unwrap_or("").to_uppercase()
}

pub fn check(cx: &Context, out: &mut Sink) {
    // Few levels and units: their classes once, not per node.
    let level_class: Vec<String> = cx.doc.tree.levels.iter().map(|l| echelon_class(&l.echelon)).collect();
    let unit_class: Vec<String> = cx.doc.units.iter().map(|u| echelon_class(&u.echelon)).collect();
    for node in cx.doc.tree.nodes.iter() {
        let Some(want) = level_class.get(node.level) else { continue };
        let Some(&u) = node.owner.as_deref().and_then(|o| cx.unit_index.get(o)) else { continue };
        let (owner, have) = (&cx.doc.units[u], &unit_class[u]);
        if !want.is_empty() && !have.is_empty() && want != have {
            out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} di {} biasanya dipegang eselon {want}, tetapi penanggung jawabnya {} eselon {}.",
                    cx.name_node(node),
                    cx.name_level(node.level),
                    owner.name,
                    owner.echelon
                ),
                "Periksa apakah penanggung jawab sudah tepat untuk level ini.",
            );
        }
    }
}

fixture_test!("P015");

#[cfg(test)]
mod tests {
    #[test]
    fn echelon_classes() {
        assert_eq!(super::echelon_class("III.b"), "III");
        assert_eq!(super::echelon_class("Eselon IV.a"), "IV");
        assert_eq!(super::echelon_class("II"), "II");
    }
}
