//! The printed Pohon Kinerja: the shared tree layout drawn onto paper. Two
//! modes: the whole tree fitted onto one sheet (with the layout variant that
//! reads largest), or a poster tiled over several sheets with overlap, crop
//! marks and a label on each sheet for assembly.

use super::furniture::{crop_marks, draw_header, draw_legend, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::{Drawn, PageSetup, PrintMode, PrintOptions};
use crate::layout::{layout_tree, Font, TreeLayout, TreeOptions};
use crate::model::{AgreementStatus, Document, LinkKind};
use crate::render::theme::{self, grey};
use crate::render::{Provenance, Sheet, POINTS_PER_MM};
use rustc_hash::FxHashMap;

/// Findings per node id: how many, and whether one is an error.
type Badges<'a> = FxHashMap<&'a str, (usize, bool)>;

/// The other agency's answer per crosscutting link (from, to), as the
/// document records it: written on the link's dashed line.
type Agreements<'a> = FxHashMap<(&'a str, &'a str), AgreementStatus>;

fn agreements(doc: &Document) -> Agreements<'_> {
    doc.tree
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Crosscutting)
        .filter_map(|l| Some(((l.from.as_str(), l.to.as_str()), l.agreement.as_ref()?.status)))
        .collect()
}

/// The word on a crosscutting line: short, the line is thin.
pub(super) fn agreement_word(status: AgreementStatus) -> &'static str {
    match status {
        AgreementStatus::Pending => "Menunggu",
        AgreementStatus::Agreed => "Disepakati",
        AgreementStatus::Rejected => "Ditolak",
    }
}

/// Where the tree goes on a sheet: content point (x, y) lands at
/// (dx + x·scale, dy + y·scale).
#[derive(Clone, Copy)]
struct Place {
    dx: f32,
    dy: f32,
    scale: f32,
}

impl Place {
    fn x(&self, x: f32) -> f32 {
        self.dx + x * self.scale
    }
    fn y(&self, y: f32) -> f32 {
        self.dy + y * self.scale
    }
}

pub(super) fn compose_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions, page: &PageSetup) -> Drawn {
    let mut tree_options = TreeOptions::default();
    tree_options.details.indicators = options.indicators;
    tree_options.details.years = options.years.clone();
    tree_options.details.owners = options.owners;
    tree_options.details.numbering = options.numbering;
    let mut layout = layout_tree(doc, &tree_options);
    if matches!(options.mode, PrintMode::Fit | PrintMode::Branches { .. }) {
        layout = best_fitting_layout(doc, &tree_options, layout, page);
    }
    let smallest_content =
        layout.boxes.iter().map(|b| if b.notes.is_empty() { b.font_size } else { b.note_size }).fold(tree_options.font_size, f32::min);

    let report;
    let mut badges = Badges::default();
    if options.findings {
        report = crate::validate::validate(doc);
        for f in report.findings.iter().filter(|f| f.accepted.is_none()) {
            let node = match &f.target {
                crate::model::Target::Node(n) | crate::model::Target::Indicator(n, _) => n.as_str(),
                crate::model::Target::Link(a, _) => a.as_str(),
                _ => continue,
            };
            let entry = badges.entry(node).or_insert((0, false));
            entry.0 += 1;
            entry.1 |= f.severity == crate::validate::Severity::Error;
        }
    }

    let (sheets, smallest) = match options.mode {
        // Cetak per cabang comes next; until then a branch printout is the fitted tree.
        PrintMode::Fit | PrintMode::Branches { .. } => {
            let (sheet, scale) = fitted(doc, &layout, &badges, provenance, options, page);
            (vec![sheet], smallest_content * scale)
        }
        PrintMode::Poster { scale } => {
            let scale = scale.clamp(0.1, 10.0);
            (poster(doc, &layout, &badges, provenance, options, page, scale), smallest_content * scale)
        }
    };
    (sheets, Vec::new(), smallest)
}

/// A wide tree fits a sheet better with narrower, taller boxes, and with its
/// leaves in columns under their parents: the combination that gives the
/// largest scale.
fn best_fitting_layout(doc: &Document, tree_options: &TreeOptions, mut layout: TreeLayout, page: &PageSetup) -> TreeLayout {
    let fit = |l: &TreeLayout| (fit_area(page).0 / l.width).min(fit_area(page).1 / l.height);
    // Narrower boxes break more long words inside ("Pemberhentia-n"):
    // worth it only for clearly bigger text.
    let widest_words: Vec<f32> = doc
        .tree
        .nodes
        .iter()
        .map(|n| n.statement.split_whitespace().map(|w| Font::regular().width(w, tree_options.font_size)).fold(0.0, f32::max))
        .collect();
    // (Counted for the indented boxes of a column, the narrowest.)
    let broken = |box_width: f32| {
        let room = box_width - 2.0 * tree_options.padding - crate::layout::tree::STACK_INDENT.min(box_width / 4.0);
        widest_words.iter().filter(|&&w| w > room).count()
    };
    let mut chosen = tree_options.box_width;
    for stack_leaves in [false, true] {
        for box_width in [150.0, 120.0, 96.0, 80.0] {
            if !stack_leaves && box_width == tree_options.box_width {
                continue; // the starting layout
            }
            let candidate = layout_tree(doc, &TreeOptions { box_width, stack_leaves, ..tree_options.clone() });
            let gain = fit(&candidate) / fit(&layout);
            let more_broken = broken(box_width) > broken(chosen);
            if gain > 1.02 && (!more_broken || gain > 1.1) {
                layout = candidate;
                chosen = box_width;
            }
        }
    }
    layout
}

/// Width and height the tree may take on a fit sheet (header above, signature below).
fn fit_area(page: &PageSetup) -> (f32, f32) {
    (page.width - 2.0 * page.margin, page.height - 2.0 * page.margin - HEADER_H - FOOTER_H - SIGNATURE_H - 8.0)
}

/// The whole tree on one sheet, with the legend and signature under it; and its scale.
fn fitted(
    doc: &Document,
    layout: &TreeLayout,
    badges: &Badges,
    provenance: &Provenance,
    options: &PrintOptions,
    page: &PageSetup,
) -> (Sheet, f32) {
    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let (area_w, area_h) = fit_area(page);
    let scale = (area_w / layout.width).min(area_h / layout.height).min(1.5);
    let mut sheet = Sheet::new(pw, ph);
    draw_header(&mut sheet, doc, margin, "");
    let place = Place { dx: margin + (area_w - layout.width * scale) / 2.0, dy: margin + HEADER_H, scale };
    draw_tree(&mut sheet, layout, place, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], badges, &agreements(doc));
    let sig_y = ph - margin - FOOTER_H - SIGNATURE_H;
    draw_signature(&mut sheet, doc, pw - margin - SIGNATURE_W, sig_y, provenance);
    if options.legend {
        draw_legend(&mut sheet, margin, sig_y + 10.0);
    }
    (sheet, scale)
}

/// The tree at `scale`, tiled row by row over as many sheets as it needs;
/// neighbouring sheets overlap for gluing.
fn poster(
    doc: &Document,
    layout: &TreeLayout,
    badges: &Badges,
    provenance: &Provenance,
    options: &PrintOptions,
    page: &PageSetup,
    scale: f32,
) -> Vec<Sheet> {
    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let overlap = options.overlap_mm * POINTS_PER_MM;
    // The content: the tree, then a strip for the legend and the signature below it.
    let content_w = (layout.width * scale).max(SIGNATURE_W + 20.0);
    let content_h = layout.height * scale + SIGNATURE_H + 20.0;
    let usable_w = pw - 2.0 * margin;
    let usable_h = ph - 2.0 * margin - 18.0 - FOOTER_H;
    let step_w = (usable_w - overlap).max(10.0);
    let step_h = (usable_h - overlap).max(10.0);
    let cols = (((content_w - overlap) / step_w).ceil() as usize).max(1);
    let rows = (((content_h - overlap) / step_h).ceil() as usize).max(1);
    let mut sheets = Vec::with_capacity(rows * cols);
    let agreements = agreements(doc);
    for r in 0..rows {
        for c in 0..cols {
            let mut sheet = Sheet::new(pw, ph);
            let (ox, oy) = (margin, margin + 18.0);
            let (cx, cy) = (c as f32 * step_w, r as f32 * step_h);
            let label = format!("Lembar B{}-K{} (baris {} dari {}, kolom {} dari {})", r + 1, c + 1, r + 1, rows, c + 1, cols);
            sheet.text(margin, margin + 9.0, &format!("{} — {label}", doc.document.title), 7.5, true, grey(0.2));
            crop_marks(&mut sheet, ox, oy, usable_w, usable_h);
            sheet.clip(ox, oy, usable_w, usable_h);
            let place = Place { dx: ox - cx, dy: oy - cy, scale };
            let window = [cx / scale, cy / scale, (cx + usable_w) / scale, (cy + usable_h) / scale];
            draw_tree(&mut sheet, layout, place, window, badges, &agreements);
            // Legend and signature sit in the strip under the tree.
            let strip_y = layout.height * scale + 10.0;
            if options.legend {
                draw_legend(&mut sheet, ox - cx, oy - cy + strip_y);
            }
            draw_signature(&mut sheet, doc, ox - cx + content_w - SIGNATURE_W, oy - cy + strip_y, provenance);
            sheet.unclip();
            sheets.push(sheet);
        }
    }
    sheets
}

/// Draws the tree (bands, edges, boxes) within the visible window
/// `[x0, y0, x1, y1]` of content coordinates.
fn draw_tree(sheet: &mut Sheet, layout: &TreeLayout, place: Place, window: [f32; 4], badges: &Badges, agreements: &Agreements) {
    let s = place.scale;
    let [x0, y0, x1, y1] = window;
    let visible = |x: f32, y: f32, w: f32, h: f32| x < x1 && x + w > x0 && y < y1 && y + h > y0;
    // Level bands with their names.
    for (k, band) in layout.bands.iter().enumerate() {
        if !visible(0.0, band.y, layout.width, band.height) {
            continue;
        }
        let shade = if k % 2 == 0 { 0.975 } else { 0.94 };
        sheet.rect(place.x(0.0), place.y(band.y), layout.width * s, band.height * s, Some(grey(shade)), None);
        let label = 7.5 * s;
        let mut y = place.y(band.y) + 6.0 * s + label;
        for line in Font::bold().wrap(&band.name.to_uppercase(), 7.5, 80.0) {
            sheet.text(place.x(4.0), y, &line, label, true, theme::level(band.level));
            y += label * 1.2;
        }
    }
    for edge in &layout.edges {
        let (ex0, ex1) = edge.points.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p[0]), b.max(p[0])));
        let (ey0, ey1) = edge.points.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p[1]), b.max(p[1])));
        if !visible(ex0, ey0, ex1 - ex0 + 1.0, ey1 - ey0 + 1.0) {
            continue;
        }
        let points: Vec<[f32; 2]> = edge.points.iter().map(|p| [place.x(p[0]), place.y(p[1])]).collect();
        let crosscutting = edge.kind == LinkKind::Crosscutting;
        // A link that closes a cycle (P001) stands out in red, dashed.
        let colour = if edge.cycle {
            theme::CYCLE
        } else if crosscutting {
            theme::CROSSCUTTING
        } else {
            grey(0.45)
        };
        sheet.polyline(&points, colour, 0.6 * s.max(0.5), crosscutting || edge.cycle);
    }
    // The agreement state on each crosscutting line, over the lines (a box
    // that covers the middle of a line covers its word too).
    for edge in layout.edges.iter().filter(|e| e.kind == LinkKind::Crosscutting) {
        let (Some([mx, my]), Some(&status)) = (edge.label, agreements.get(&(edge.from.as_str(), edge.to.as_str()))) else { continue };
        let word = agreement_word(status);
        let size = 6.0;
        let (w, h) = (Font::regular().width(word, size) + 4.0, size + 3.0);
        if !visible(mx - w / 2.0, my - h / 2.0, w, h) {
            continue;
        }
        let colour = theme::agreement(status);
        let (x, y) = (place.x(mx) - w * s / 2.0, place.y(my) - h * s / 2.0);
        sheet.rect(x, y, w * s, h * s, Some(grey(1.0)), Some((colour, 0.5 * s)));
        sheet.text(x + 2.0 * s, y + (size + 0.6) * s, word, size * s, false, colour);
    }
    let regular = Font::regular();
    for b in &layout.boxes {
        if !visible(b.x, b.y, b.width, b.height) {
            continue;
        }
        let (x, y, w, h) = (place.x(b.x), place.y(b.y), b.width * s, b.height * s);
        if b.external {
            sheet.rect(x, y, w, h, Some(theme::EXTERNAL_FILL), Some((theme::CROSSCUTTING, 0.6 * s)));
        } else {
            sheet.rect(x, y, w, h, Some(grey(1.0)), Some((grey(0.55), 0.5 * s)));
            sheet.rect(x, y, w, 2.5 * s, Some(theme::level(b.level)), None);
        }
        let size = b.font_size * s;
        for (k, line) in b.lines.iter().enumerate() {
            let width = regular.width(line, b.font_size) * s;
            let baseline = y + (b.padding + (k as f32 + 0.8) * b.line_height) * s;
            sheet.text(x + (w - width) / 2.0, baseline, line, size, false, theme::INK);
        }
        if !b.notes.is_empty() {
            let top = y + (b.padding + b.lines.len() as f32 * b.line_height + 2.0) * s;
            sheet.polyline(&[[x + 3.0 * s, top], [x + w - 3.0 * s, top]], grey(0.8), 0.4 * s, false);
            for (k, note) in b.notes.iter().enumerate() {
                let baseline = top + (2.0 + (k as f32 + 0.8) * b.note_line_height) * s;
                sheet.text(x + b.padding * s, baseline, note, b.note_size * s, false, grey(0.25));
            }
        }
        if let Some(&(count, error)) = badges.get(b.id.as_str()) {
            let d = 9.0 * s;
            let colour = if error { theme::BADGE_ERROR } else { theme::BADGE_WARNING };
            sheet.rect(x + w - d * 0.7, y - d * 0.3, d, d, Some(colour), None);
            let label = count.to_string();
            let tw = Font::bold().width(&label, 6.0) * s;
            sheet.text(x + w - d * 0.7 + (d - tw) / 2.0, y - d * 0.3 + 6.8 * s, &label, 6.0 * s, true, grey(1.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, Extra, Link};
    use crate::render::Item;

    #[test]
    fn a_crosscutting_line_says_whether_the_other_agency_agreed() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let link = |from: &str, to: &str, status: Option<AgreementStatus>| Link {
            from: from.into(),
            to: to.into(),
            kind: LinkKind::Crosscutting,
            rationale: String::new(),
            serves: None,
            agreement: status.map(|status| Agreement { status, reason: String::new(), by: String::new(), at: String::new() }),
            extra: Extra::new(),
        };
        doc.tree.links.push(link("n7", "n4", Some(AgreementStatus::Agreed)));
        doc.tree.links.push(link("n8", "ext:Bappeda-Lumajang/n1", Some(AgreementStatus::Rejected)));
        doc.tree.links.push(link("n9", "n5", None));
        let fingerprint = "0".repeat(64);
        let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
        let page = PageSetup { width: 1190.0, height: 842.0, margin: 20.0 };
        for options in [PrintOptions::default(), PrintOptions { mode: PrintMode::Poster { scale: 1.0 }, ..PrintOptions::default() }] {
            let (sheets, _, _) = compose_tree(&doc, &provenance, &options, &page);
            let words: Vec<&str> = sheets
                .iter()
                .flat_map(|s| &s.items)
                .filter_map(|i| if let Item::Text { text, .. } = i { Some(text.as_str()) } else { None })
                .filter(|t| ["Menunggu", "Disepakati", "Ditolak"].contains(t))
                .collect();
            // A link without an agreement carries no word; a poster may show a word on two overlapping sheets.
            assert!(words.contains(&"Disepakati") && words.contains(&"Ditolak"), "{words:?}");
            assert!(!words.contains(&"Menunggu"), "{words:?}");
        }
    }
}
