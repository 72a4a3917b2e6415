//! What every printout shares: the header (title, agency, period), the
//! footer (print date, version state, fingerprint, page number), the
//! Indonesian signature block, the tree's legend and poster crop marks.

use crate::format;
use crate::layout::Font;
use crate::model::Document;
use crate::render::theme::{self, grey};
use crate::render::{Provenance, Sheet};

/// Room the header takes below the top margin.
pub(super) const HEADER_H: f32 = 34.0;
/// Room the footer takes above the bottom margin.
pub(super) const FOOTER_H: f32 = 16.0;
/// The signature block's box.
pub(super) const SIGNATURE_W: f32 = 230.0;
pub(super) const SIGNATURE_H: f32 = 118.0;

/// Title, then agency · government · period (· what is printed).
pub(super) fn draw_header(sheet: &mut Sheet, doc: &Document, margin: f32, suffix: &str) {
    let meta = &doc.document;
    sheet.text(margin, margin + 12.0, &meta.title, 12.0, true, grey(0.08));
    let mut second: Vec<String> = [meta.agency.clone(), meta.government.clone()].into_iter().filter(|s| !s.is_empty()).collect();
    second.push(format!("Periode {}–{}", meta.period.from, meta.period.to));
    let mut line = second.join(" · ");
    if !suffix.is_empty() {
        line.push_str(" · ");
        line.push_str(suffix);
    }
    sheet.text(margin, margin + 25.0, &line, 8.0, false, grey(0.3));
}

/// Print date, draft or final, fingerprint on the left; the page number on the right.
pub(super) fn draw_footer(sheet: &mut Sheet, margin: f32, page: usize, pages: usize, printed: &str, provenance: &Provenance) {
    let y = sheet.height - margin - 4.0;
    let left = format!("Dicetak {} · {} · Sidik SHA-256 {}", format::date(printed), provenance.state(), provenance.fingerprint);
    sheet.text(margin, y, &left, 6.0, false, grey(0.35));
    let right = format!("Halaman {page} dari {pages}");
    let w = Font::regular().width(&right, 7.0);
    sheet.text(sheet.width - margin - w, y, &right, 7.0, false, grey(0.2));
}

/// Who signs a printout and where: the document's signatory, or the review
/// team's leader on the review report. Empty fields print as blanks to fill
/// in by hand.
pub(super) struct Signer<'a> {
    pub place: &'a str,
    pub date: &'a str,
    pub position: &'a str,
    pub name: &'a str,
    pub rank: &'a str,
    pub nip: &'a str,
}

/// The Indonesian signature block of the document's signatory, centred in its box at (`x`, `y`).
pub(super) fn draw_signature(sheet: &mut Sheet, doc: &Document, x: f32, y: f32, provenance: &Provenance) {
    let sig = &doc.document.signatory;
    let signer = Signer { place: &sig.place, date: &sig.date, position: &sig.position, name: &sig.name, rank: &sig.rank, nip: &sig.nip };
    draw_signer(sheet, &signer, x, y, provenance);
}

/// The Indonesian signature block of `sig`, centred in its box at (`x`, `y`).
pub(super) fn draw_signer(sheet: &mut Sheet, sig: &Signer, x: f32, y: f32, provenance: &Provenance) {
    let centre = x + SIGNATURE_W / 2.0;
    let centred = |sheet: &mut Sheet, text: &str, baseline: f32, size: f32, bold: bool| {
        let font = if bold { Font::bold() } else { Font::regular() };
        let lines = font.wrap(text, size, SIGNATURE_W);
        for (k, line) in lines.iter().enumerate() {
            let w = font.width(line, size);
            sheet.text(centre - w / 2.0, baseline + k as f32 * size * 1.25, line, size, bold, grey(0.05));
        }
        lines.len() as f32 * size * 1.25
    };
    // Blanks to fill in by hand where the document leaves a field empty.
    let place_date = match (sig.place.is_empty(), sig.date.is_empty()) {
        (false, false) => format!("{}, {}", sig.place, format::date(sig.date)),
        (false, true) => format!("{}, ……………… ", sig.place),
        (true, false) => format::date(sig.date),
        (true, true) => "……………………, ……………………".to_string(),
    };
    let mut at = y + 9.0;
    at += centred(sheet, &place_date, at, 9.0, false);
    let position = if sig.position.is_empty() { "………………………………".to_string() } else { sig.position.to_uppercase() };
    at += centred(sheet, &position, at, 9.0, true);
    at += 44.0; // space to sign
    let name = if sig.name.is_empty() { "………………………………".to_string() } else { sig.name.to_string() };
    let name_w = Font::bold().width(&name, 9.5).min(SIGNATURE_W);
    centred(sheet, &name, at, 9.5, true);
    sheet.polyline(&[[centre - name_w / 2.0, at + 1.8], [centre + name_w / 2.0, at + 1.8]], grey(0.05), 0.7, false);
    at += 12.0;
    if !sig.rank.is_empty() {
        at += centred(sheet, sig.rank, at, 9.0, false);
    }
    let nip = if sig.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", sig.nip) };
    at += centred(sheet, &nip, at, 9.0, false);
    if let Some(note) = provenance.signature_note() {
        centred(sheet, &note, at + 2.0, 5.5, false);
    }
}

/// The tree's legend: main and crosscutting links, boxes of other agencies.
pub(super) fn draw_legend(sheet: &mut Sheet, x: f32, y: f32) {
    sheet.text(x, y + 8.0, "Keterangan", 7.5, true, grey(0.15));
    sheet.polyline(&[[x, y + 18.0], [x + 24.0, y + 18.0]], grey(0.45), 0.6, false);
    sheet.text(x + 30.0, y + 20.5, "keterkaitan utama (dari anak ke induk)", 7.0, false, grey(0.2));
    sheet.polyline(&[[x, y + 30.0], [x + 24.0, y + 30.0]], theme::CROSSCUTTING, 0.6, true);
    sheet.text(x + 30.0, y + 32.5, "keterkaitan crosscutting", 7.0, false, grey(0.2));
    sheet.rect(x, y + 37.0, 24.0, 9.0, Some(theme::EXTERNAL_FILL), Some((theme::CROSSCUTTING, 0.6)));
    sheet.text(x + 30.0, y + 44.5, "kondisi milik perangkat daerah lain (ext:)", 7.0, false, grey(0.2));
}

/// Corner marks outside the rectangle, for cutting poster sheets.
pub(super) fn crop_marks(sheet: &mut Sheet, x: f32, y: f32, w: f32, h: f32) {
    let l = 8.0;
    for (cx, cy, sx, sy) in [(x, y, -1.0, -1.0), (x + w, y, 1.0, -1.0), (x, y + h, -1.0, 1.0), (x + w, y + h, 1.0, 1.0)] {
        sheet.polyline(&[[cx + sx * 2.0, cy], [cx + sx * (2.0 + l), cy]], grey(0.1), 0.3, false);
        sheet.polyline(&[[cx, cy + sy * 2.0], [cx, cy + sy * (2.0 + l)]], grey(0.1), 0.3, false);
    }
}

/// Text wrapped into a box of width `w`, lines from `y` down; returns the height used.
#[allow(clippy::too_many_arguments)]
pub(super) fn wrapped(sheet: &mut Sheet, text: &str, x: f32, y: f32, w: f32, size: f32, bold: bool, centred: bool) -> f32 {
    let font = if bold { Font::bold() } else { Font::regular() };
    let lines = font.wrap(text, size, w);
    for (k, line) in lines.iter().enumerate() {
        let dx = if centred { (w - font.width(line, size)) / 2.0 } else { 0.0 };
        sheet.text(x + dx, y + size + k as f32 * size * 1.25, line, size, bold, theme::INK);
    }
    lines.len() as f32 * size * 1.25
}
