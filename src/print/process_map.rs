//! The printed Peta Proses Bisnis, level 0 (or a process's Peta Sub Proses
//! Bisnis): the editor's geometry (`layout::processes`) moved onto one sheet.

use super::furniture::{draw_heading, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::{Drawn, PageSetup};
use crate::layout::processes::{layout_process_map, Rect, TextBlock};
use crate::model::Document;
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet};

/// The printout's heading, and a process's Peta Sub Proses Bisnis's.
pub(super) const HEADING: &str = "PETA PROSES BISNIS";
pub(super) const SUB_HEADING: &str = "PETA SUB PROSES BISNIS";

/// A map taller than the page is laid out wider and drawn smaller, so that
/// it keeps its proportions and fits; the smallest text size is returned.
pub(super) fn compose_process_map(doc: &Document, parent: Option<&str>, provenance: &Provenance, page: &PageSetup) -> Drawn {
    let mut sheet = Sheet::new(page.width, page.height);
    let m = page.margin;
    match parent.and_then(|id| doc.process(id)) {
        Some(p) => draw_heading(&mut sheet, doc, m, &format!("{SUB_HEADING} — {}", p.name.to_uppercase()), ""),
        None => draw_heading(&mut sheet, doc, m, HEADING, "Level 0"),
    }
    let top = m + HEADER_H;
    let (width, height) = (page.width - 2.0 * m, page.height - m - FOOTER_H - SIGNATURE_H - 14.0 - top);
    let mut layout = layout_process_map(doc, parent, width, height);
    let mut k = 1.0f32;
    if layout.height > height {
        k = height / layout.height;
        layout = layout_process_map(doc, parent, width / k, height / k);
        k = k.min(height / layout.height);
    }
    let (dx, dy) = (m, top);
    let at = |x: f32, y: f32| (dx + x * k, dy + y * k);
    let rect = |sheet: &mut Sheet, r: &Rect, fill: Option<Colour>, stroke: Option<(Colour, f32)>| {
        let (x, y) = at(r.x, r.y);
        sheet.rect(x, y, r.width * k, r.height * k, fill, stroke);
    };
    let text = |sheet: &mut Sheet, block: &TextBlock, colour: Colour| {
        for (x, y, line) in block.placed() {
            let (x, y) = at(x, y);
            sheet.text(x, y, line, block.size * k, block.bold, colour);
        }
    };
    rect(&mut sheet, &layout.goal, Some(theme::ACCENT), None);
    text(&mut sheet, &layout.goal_text, grey(1.0));
    for panel in layout.inputs.iter().chain(&layout.outputs) {
        rect(&mut sheet, &panel.rect, Some(grey(0.96)), Some((grey(0.6), 0.6)));
        let (x, y) = at(panel.rect.x + 8.0, panel.rect.y + 16.0);
        sheet.text(x, y, &panel.title, 9.0 * k, true, theme::ACCENT);
        for item in &panel.items {
            text(&mut sheet, item, theme::INK);
        }
    }
    for [[x0, y0], [x1, _]] in &layout.arrows {
        let ((x0, y), (x1, _)) = (at(*x0, *y0), at(*x1, *y0));
        sheet.polyline(&[[x0, y], [x1, y]], grey(0.3), 1.2, false);
        sheet.polygon(&[[x1, y], [x1 - 6.0, y - 3.5], [x1 - 6.0, y + 3.5]], grey(0.3));
    }
    for band in &layout.bands {
        let colour = theme::category(band.category);
        rect(&mut sheet, &band.rect, Some(grey(0.985)), Some((colour, 0.8)));
        let (x, y) = at(band.rect.x + 8.0, band.rect.y + 14.0);
        sheet.text(x, y, &band.title, 8.5 * k, true, colour);
    }
    for process in &layout.boxes {
        rect(&mut sheet, &process.rect, Some(grey(1.0)), Some((grey(0.5), 0.6)));
        text(&mut sheet, &process.name, theme::INK);
        if let Some(note) = &process.subs_note {
            text(&mut sheet, note, theme::INK);
        }
    }
    draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, page.height - m - FOOTER_H - SIGNATURE_H, provenance);
    // The smallest text drawn: the sub-process notes.
    (vec![sheet], Vec::new(), 6.5 * k)
}
