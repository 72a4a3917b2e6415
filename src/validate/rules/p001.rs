//! P001 — links form a cycle: every node on it is named.

use crate::model::Target;
use crate::validate::context::cycles;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for members in cycles(&cx.tree) {
        let names: Vec<String> = members.iter().take(8).map(|&i| cx.name_node(cx.node(i))).collect();
        let more = if members.len() > 8 { format!(" dan {} simpul lain", members.len() - 8) } else { String::new() };
        out.push(
            Target::Node(cx.node(members[0]).id.clone()),
            format!("Keterkaitan membentuk lingkaran: {}{more}. Pohon kinerja harus mengalir satu arah ke atas.", names.join(" → ")),
            "Hapus salah satu keterkaitan pada lingkaran ini.",
        );
    }
}

fixture_test!("P001");
