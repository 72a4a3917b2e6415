//! A001 — an annotation is on a node, link or step that does not exist.

use crate::model::Target;
use crate::validate::{Context, Sink};

fn exists(cx: &Context, target: &Target) -> bool {
    let node = |id: &str| cx.node_index.get(id).map(|&i| cx.node(i));
    match target {
        Target::Node(n) => node(n).is_some(),
        Target::Indicator(n, i) => node(n).is_some_and(|n| n.indicators.iter().any(|x| &x.id == i)),
        Target::Unit(u) => cx.unit_index.contains_key(u.as_str()),
        Target::Process(p) => cx.process_index.contains_key(p.as_str()),
        Target::Flow(f) => cx.flows.iter().any(|fg| &fg.flow.id == f),
        Target::Step(f, s) => cx.flows.iter().any(|fg| &fg.flow.id == f && fg.step_index.contains_key(s.as_str())),
        Target::Link(..) | Target::Document(()) => cx.doc.has_target(target),
    }
}

pub fn check(cx: &Context, out: &mut Sink) {
    for annotation in cx.doc.annotations.iter().filter(|a| !exists(cx, &a.on)) {
        out.push(
            annotation.on.clone(),
            format!(
                "Catatan reviu {} (\"{}\") ditulis pada {} yang sudah tidak ada.",
                annotation.id,
                crate::validate::text::shorten(&annotation.text),
                crate::validate::describe_target(cx.doc, &annotation.on)
            ),
            "Pindahkan catatan ke bagian yang dimaksud, atau tandai selesai dan hapus.",
        );
    }
}

fixture_test!("A001");
