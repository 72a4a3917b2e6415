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

/// The document's title, then agency · government · period (· what is
/// printed): the Pohon Kinerja's header.
pub(super) fn draw_header(sheet: &mut Sheet, doc: &Document, margin: f32, suffix: &str) {
    draw_heading(sheet, doc, margin, &doc.document.title, suffix);
}

/// A printout's own heading ("PETA PROSES BISNIS", "PETA RELASI"), then
/// agency · government · period (· `suffix`).
pub(super) fn draw_heading(sheet: &mut Sheet, doc: &Document, margin: f32, heading: &str, suffix: &str) {
    let meta = &doc.document;
    let mut second: Vec<String> = [meta.agency.clone(), meta.government.clone()].into_iter().filter(|s| !s.is_empty()).collect();
    second.push(format!("Periode {}–{}", meta.period.from, meta.period.to));
    let mut line = second.join(" · ");
    if !suffix.is_empty() {
        line.push_str(" · ");
        line.push_str(suffix);
    }
    draw_heading_line(sheet, margin, heading, &line);
}

/// The header: `heading` in bold (smaller, down to 8 pt, or cut when too
/// wide for the sheet) and `line` under it.
pub(super) fn draw_heading_line(sheet: &mut Sheet, margin: f32, heading: &str, line: &str) {
    let room = sheet.width - 2.0 * margin;
    let wide = Font::bold().width(heading, 12.0);
    let size = if wide <= room { 12.0 } else { (12.0 * room / wide).max(8.0) };
    let heading = if size > 8.0 { heading.to_string() } else { fit_width_bold(heading, size, room) };
    sheet.text(margin, margin + 12.0, &heading, size, true, grey(0.08));
    sheet.text(margin, margin + 25.0, &fit_width(line, 8.0, room), 8.0, false, grey(0.3));
}

/// Print date, draft or final, fingerprint on the left; the page number on
/// the right. A left part too long for the room beside the page number (a
/// final version's long name) goes on two smaller lines, the fingerprint
/// whole on the lower one; both stay inside `FOOTER_H`.
pub(super) fn draw_footer(sheet: &mut Sheet, margin: f32, page: usize, pages: usize, printed: &str, provenance: &Provenance) {
    let y = sheet.height - margin - 4.0;
    let right = format!("Halaman {page} dari {pages}");
    let right_w = Font::regular().width(&right, 7.0);
    sheet.text(sheet.width - margin - right_w, y, &right, 7.0, false, grey(0.2));
    let room = sheet.width - 2.0 * margin - right_w - 12.0;
    let first = format!("Dicetak {} · {}", format::date(printed), provenance.state());
    let fingerprint = format!("Sidik SHA-256 {}", provenance.fingerprint);
    let one = format!("{first} · {fingerprint}");
    if Font::regular().width(&one, 6.0) <= room {
        sheet.text(margin, y, &one, 6.0, false, grey(0.35));
    } else {
        // Two 5 pt lines 6.9 pt apart: apart on paper, and inside `FOOTER_H`.
        let size = 5.0;
        sheet.text(margin, y - 6.9, &fit_width(&first, size, room), size, false, grey(0.35));
        sheet.text(margin, y, &fit_width(&fingerprint, size, room), size, false, grey(0.35));
    }
}

/// `text` cut with "…" to at most `width` at `size` (regular).
fn fit_width(text: &str, size: f32, width: f32) -> String {
    cut_to(Font::regular(), text, size, width)
}

fn fit_width_bold(text: &str, size: f32, width: f32) -> String {
    cut_to(Font::bold(), text, size, width)
}

fn cut_to(font: &Font, text: &str, size: f32, width: f32) -> String {
    if font.width(text, size) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if font.width(&cut, size) <= width {
            return cut;
        }
    }
    "…".to_string()
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

/// The room to sign between the position and the name: this much, and no
/// less than the minimum when a long position or a final version's note
/// needs the box's height.
const SIGN_SPACE: f32 = 44.0;
const SIGN_SPACE_MIN: f32 = 30.0;

/// The Indonesian signature block of `sig`, centred in its box at (`x`,
/// `y`), never below the box (`SIGNATURE_H`): a long position or a final
/// version's note first narrows the room to sign, then sets the text smaller.
pub(super) fn draw_signer(sheet: &mut Sheet, sig: &Signer, x: f32, y: f32, provenance: &Provenance) {
    let note = provenance.signature_note();
    let mut chosen = (7.0, SIGN_SPACE_MIN);
    for size in [9.0, 8.5, 8.0, 7.5, 7.0] {
        let rest = signer_block(None, sig, note.as_deref(), x, y, size, 0.0) - y;
        if rest + SIGN_SPACE_MIN <= SIGNATURE_H {
            chosen = (size, (SIGNATURE_H - rest).min(SIGN_SPACE));
            break;
        }
    }
    signer_block(Some(sheet), sig, note.as_deref(), x, y, chosen.0, chosen.1);
}

/// Lays out (and draws, given a sheet) the signature block with text of
/// `size` and `space` to sign; returns the y of its lowest ink.
#[allow(clippy::too_many_arguments)]
fn signer_block(mut sheet: Option<&mut Sheet>, sig: &Signer, note: Option<&str>, x: f32, y: f32, size: f32, space: f32) -> f32 {
    let centre = x + SIGNATURE_W / 2.0;
    let mut lowest = y;
    let mut centred = |sheet: &mut Option<&mut Sheet>, text: &str, baseline: f32, size: f32, bold: bool| {
        let font = if bold { Font::bold() } else { Font::regular() };
        let lines = font.wrap(text, size, SIGNATURE_W);
        for (k, line) in lines.iter().enumerate() {
            let w = font.width(line, size);
            let at = baseline + k as f32 * size * 1.25;
            if let Some(sheet) = sheet.as_deref_mut() {
                sheet.text(centre - w / 2.0, at, line, size, bold, grey(0.05));
            }
            lowest = lowest.max(at + size * 0.3);
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
    let mut at = y + size;
    at += centred(&mut sheet, &place_date, at, size, false);
    let position = if sig.position.is_empty() { "………………………………".to_string() } else { sig.position.to_uppercase() };
    at += centred(&mut sheet, &position, at, size, true);
    at += space;
    let name = if sig.name.is_empty() { "………………………………".to_string() } else { sig.name.to_string() };
    let name_size = size + 0.5;
    let name_w = Font::bold().width(&name, name_size).min(SIGNATURE_W);
    let name_h = centred(&mut sheet, &name, at, name_size, true);
    if let Some(sheet) = sheet.as_deref_mut() {
        sheet.polyline(&[[centre - name_w / 2.0, at + 1.8], [centre + name_w / 2.0, at + 1.8]], grey(0.05), 0.7, false);
    }
    at += name_h.max(name_size * 1.25) - name_size * 1.25 + size * 1.35;
    if !sig.rank.is_empty() {
        at += centred(&mut sheet, sig.rank, at, size, false);
    }
    let nip = if sig.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", sig.nip) };
    at += centred(&mut sheet, &nip, at, size, false);
    if let Some(note) = note {
        // Under the NIP's last line: its descent, a little air, the note's ascent.
        centred(&mut sheet, note, at - size * 1.25 + size * 0.3 + 7.0, 5.5, false);
    }
    lowest
}

/// The tree's legend: main and crosscutting links, boxes of other agencies;
/// in the capaian view, the categories' colours in a column beside them.
pub(super) fn draw_legend(sheet: &mut Sheet, x: f32, y: f32, categories: &[crate::monitoring::CategoryInfo]) {
    let cx = x + 200.0;
    let row = 44.0 / categories.len().max(5) as f32;
    for (k, c) in categories.iter().enumerate() {
        let colour = theme::hex(&c.colour).unwrap_or(grey(0.5));
        let top = y + 2.0 + k as f32 * row;
        sheet.rect(cx, top, 12.0, row - 2.0, Some(theme::tint(colour, 0.78)), Some((grey(0.55), 0.4)));
        sheet.rect(cx, top, 2.5, row - 2.0, Some(colour), None);
        let bound = match (c.min, k.checked_sub(1).and_then(|p| categories[p].min)) {
            (Some(min), _) => format!(": {} % ke atas", crate::format::number(min)),
            (None, Some(above)) => format!(": di bawah {} %", crate::format::number(above)),
            (None, None) => String::new(),
        };
        sheet.text(cx + 16.0, top + row - 3.5, &format!("Capaian {}{bound}", c.label), 6.5, false, grey(0.2));
    }
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
