//! P020 — a unit owns no node.

use crate::model::Target;
use crate::validate::{Context, Sink};
use std::collections::HashSet;

pub fn check(cx: &Context, out: &mut Sink) {
    let owners: HashSet<&str> = cx.doc.tree.nodes.iter().filter_map(|n| n.owner.as_deref()).collect();
    for unit in cx.doc.units.iter().filter(|u| !owners.contains(u.id.as_str())) {
        out.push(
            Target::Unit(unit.id.clone()),
            format!("Unit \"{}\" tidak menjadi penanggung jawab simpul mana pun di pohon kinerja.", unit.name),
            "Periksa apakah ada kondisi yang seharusnya menjadi tanggung jawab unit ini.",
        );
    }
}

fixture_test!("P020");
