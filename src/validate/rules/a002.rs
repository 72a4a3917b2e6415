//! A002 — an open (not yet accepted) annotation.

use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for annotation in cx.doc.annotations.iter().filter(|a| a.status.is_open()) {
        let by = if annotation.author.is_empty() { String::new() } else { format!(" dari {}", annotation.author) };
        out.push(
            annotation.on.clone(),
            format!("Catatan reviu{by} belum selesai: \"{}\"", crate::validate::text::shorten(&annotation.text)),
            "Tindak lanjuti catatan, balas, lalu tandai selesai.",
        );
    }
}

fixture_test!("A002");
