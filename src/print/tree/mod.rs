//! The printed Pohon Kinerja: the shared tree layout drawn onto paper. Three
//! modes: the whole tree fitted onto one sheet with the layout variant that
//! reads largest (`fit.rs`); a poster tiled as a grid of sheets with its
//! seams in the gaps between boxes, overlap and an assembly map
//! (`poster.rs`); or Cetak per cabang, an overview of the upper levels and
//! one sheet per branch (`branches.rs`).

pub(crate) mod branches;
mod fit;
mod poster;

use super::furniture::{FOOTER_H, HEADER_H, SIGNATURE_H};
use super::{Drawn, LayoutChoice, PageSetup, PrintMode, PrintOptions};
use crate::layout::{layout_tree, Font, TreeLayout, TreeOptions};
use crate::model::{AgreementStatus, Document, LinkKind};
use crate::render::theme::{self, grey};
use crate::render::{Provenance, Sheet};
use rustc_hash::FxHashMap;

/// Findings per node id: how many, and whether one is an error.
pub(super) type Badges = FxHashMap<String, (usize, bool)>;

/// The other agency's answer per crosscutting link (from, to), as the
/// document records it: written on the link's dashed line.
pub(super) type Agreements<'a> = FxHashMap<(&'a str, &'a str), AgreementStatus>;

pub(super) fn agreements(doc: &Document) -> Agreements<'_> {
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
pub(super) struct Place {
    pub dx: f32,
    pub dy: f32,
    pub scale: f32,
    /// Added to the level of the boxes and bands for their colours (a
    /// branch sheet is laid out from its own top level).
    pub level_shift: usize,
}

impl Place {
    fn x(&self, x: f32) -> f32 {
        self.dx + x * self.scale
    }
    fn y(&self, y: f32) -> f32 {
        self.dy + y * self.scale
    }
}

/// Everything a tree printout draws besides the layout: the document, the
/// options, the sheet, and the marks on the boxes.
pub(super) struct Ctx<'a> {
    pub doc: &'a Document,
    pub provenance: &'a Provenance<'a>,
    pub options: &'a PrintOptions,
    pub page: &'a PageSetup,
    pub badges: Badges,
    pub agreements: Agreements<'a>,
}

impl Ctx<'_> {
    /// The capaian categories for the legend (none outside the capaian view).
    pub fn categories(&self) -> Vec<crate::monitoring::CategoryInfo> {
        self.options.capaian.map(|_| crate::monitoring::categories(self.doc)).unwrap_or_default()
    }
}

pub(super) fn compose_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions, page: &PageSetup) -> Drawn {
    let ctx = Ctx { doc, provenance, options, page, badges: badges(doc, options), agreements: agreements(doc) };
    let (sheets, mut warnings, smallest) = match options.mode {
        PrintMode::Fit => fit::compose(&ctx),
        PrintMode::Poster { scale } => poster::compose(&ctx, scale.clamp(0.1, 10.0)),
        PrintMode::Branches { level } => branches::compose(&ctx, level),
    };
    warnings.extend(years_without_targets(doc, options));
    (sheets, warnings, smallest)
}

/// The validator's findings per node, when the badges are asked for.
fn badges(doc: &Document, options: &PrintOptions) -> Badges {
    let mut badges = Badges::default();
    if !options.findings {
        return badges;
    }
    let report = crate::validate::validate(doc);
    for f in report.findings.iter().filter(|f| f.accepted.is_none()) {
        let node = match &f.target {
            crate::model::Target::Node(n) | crate::model::Target::Indicator(n, _) => n.as_str(),
            crate::model::Target::Link(a, _) => a.as_str(),
            _ => continue,
        };
        let entry = badges.entry(node.to_string()).or_insert((0, false));
        entry.0 += 1;
        entry.1 |= f.severity == crate::validate::Severity::Error;
    }
    badges
}

/// The box contents the options ask for, at the screen's sizes.
pub(super) fn tree_options(options: &PrintOptions) -> TreeOptions {
    let mut tree_options = TreeOptions::default();
    tree_options.details.indicators = options.indicators;
    tree_options.details.years = options.years.clone();
    tree_options.details.owners = options.owners;
    tree_options.details.numbering = options.numbering;
    tree_options.details.capaian = options.capaian;
    tree_options
}

/// A year asked for whose targets no indicator has: the boxes show "–" for it.
fn years_without_targets(doc: &Document, options: &PrintOptions) -> Option<String> {
    if !options.indicators || options.years.is_empty() {
        return None;
    }
    let mut indicators = doc.tree.nodes.iter().flat_map(|n| &n.indicators).peekable();
    indicators.peek()?;
    let indicators: Vec<_> = indicators.collect();
    let missing: Vec<String> =
        options.years.iter().filter(|y| !indicators.iter().any(|i| i.targets.contains_key(y))).map(|y| y.to_string()).collect();
    match missing.as_slice() {
        [] => None,
        [one] => Some(format!("Tidak ada indikator yang punya target tahun {one}; di kotak tertulis \"{one}: –\".")),
        [first @ .., last] => Some(format!(
            "Tidak ada indikator yang punya target tahun {} dan {last}; di kotak tertulis \"–\" untuk tahun-tahun itu.",
            first.join(", ")
        )),
    }
}

/// A tree laid out for a sheet: the layout and the scale it is drawn at.
pub(super) struct Fitted {
    pub layout: TreeLayout,
    pub scale: f32,
}

impl Fitted {
    /// The statements' text size on paper.
    pub fn statement_pt(&self) -> f32 {
        self.layout.boxes.iter().filter(|b| !b.external).map(|b| b.font_size).fold(f32::INFINITY, f32::min).min(8.0) * self.scale
    }

    /// The smallest text on paper: the notes where there are any.
    pub fn smallest_pt(&self) -> f32 {
        smallest_content(&self.layout) * self.scale
    }
}

/// The smallest text size of a layout, before scaling.
pub(super) fn smallest_content(layout: &TreeLayout) -> f32 {
    layout.boxes.iter().map(|b| if b.notes.is_empty() { b.font_size } else { b.note_size.min(b.font_size) }).fold(8.0, f32::min)
}

/// The layout of `doc` that gives the largest text in `area` (width,
/// height), among those `choice` allows: the wide layout with narrower
/// boxes or with its leaves in columns, or the compact one. Never larger
/// than `max_scale`.
pub(super) fn best_layout(doc: &Document, base: &TreeOptions, choice: LayoutChoice, area: (f32, f32), max_scale: f32) -> Fitted {
    let scale = |l: &TreeLayout| (area.0 / l.width.max(1.0)).min(area.1 / l.height.max(1.0)).min(max_scale);
    let variants: &[(bool, &[bool])] = match choice {
        LayoutChoice::Wide => &[(false, &[false])],
        LayoutChoice::Compact => &[(true, &[false, true])],
        LayoutChoice::Auto => &[(false, &[false, true]), (true, &[false, true])],
    };
    let mut best: Option<Fitted> = None;
    for &(compact, stacks) in variants {
        // The compact layout shapes its blocks for this area.
        let options = TreeOptions { compact, compact_aspect: area.0 / area.1.max(1.0), ..base.clone() };
        let layout = best_fitting_layout(doc, &options, stacks, area);
        let candidate = Fitted { scale: scale(&layout), layout };
        // Another variant only for clearly bigger text.
        if best.as_ref().is_none_or(|b| candidate.scale > b.scale * 1.02) {
            best = Some(candidate);
        }
    }
    best.expect("at least one variant")
}

/// A wide tree fits a sheet better with narrower, taller boxes, and with its
/// leaves in columns under their parents (where `stacks` allows): the
/// combination that gives the largest scale in `area`.
fn best_fitting_layout(doc: &Document, tree_options: &TreeOptions, stacks: &[bool], area: (f32, f32)) -> TreeLayout {
    let fit = |l: &TreeLayout| (area.0 / l.width.max(1.0)).min(area.1 / l.height.max(1.0));
    let mut layout = layout_tree(doc, tree_options);
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
    for &stack_leaves in stacks {
        for box_width in [150.0, 120.0, 96.0, 80.0] {
            if stack_leaves == tree_options.stack_leaves && box_width == tree_options.box_width {
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

/// Width and height a tree may take on a sheet under the header (and
/// `below` for what goes under it), above the footer.
pub(super) fn tree_area(page: &PageSetup, above: f32, below: f32) -> (f32, f32) {
    (page.width - 2.0 * page.margin, page.height - 2.0 * page.margin - HEADER_H - above - FOOTER_H - below)
}

/// Room under a fitted tree for the legend and the signature.
pub(super) const SIGNATURE_STRIP: f32 = SIGNATURE_H + 8.0;

/// "A3 mendatar"
pub(super) fn paper_name(options: &PrintOptions, page: &PageSetup) -> String {
    format!("{:?} {}", options.paper, if page.width > page.height { "mendatar" } else { "tegak" })
}

/// A size in points as the planner reads it: "6,5".
pub(super) fn pt(size: f32) -> String {
    crate::format::number(((size * 10.0).floor() / 10.0) as f64)
}

/// A numbered connector: a dark circle with the sheet number, centred at (x, y).
pub(super) fn connector(sheet: &mut Sheet, x: f32, y: f32, number: usize, radius: f32) {
    let points: Vec<[f32; 2]> = (0..24)
        .map(|k| {
            let a = k as f32 * std::f32::consts::TAU / 24.0;
            [x + radius * a.cos(), y + radius * a.sin()]
        })
        .collect();
    sheet.polygon(&points, theme::ACCENT);
    let label = number.to_string();
    let size = radius * 1.15;
    let w = Font::bold().width(&label, size);
    sheet.text(x - w / 2.0, y + size * 0.36, &label, size, true, grey(1.0));
}

/// Draws the tree (bands, edges, boxes) within the visible window
/// `[x0, y0, x1, y1]` of content coordinates.
pub(super) fn draw_tree(sheet: &mut Sheet, layout: &TreeLayout, place: Place, window: [f32; 4], badges: &Badges, agreements: &Agreements) {
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
            sheet.text(place.x(4.0), y, &line, label, true, theme::level(band.level + place.level_shift));
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
        let (Some([mx, my]), Some(&status)) = (edge.label, agreements.get(&(edge.from.as_str(), edge.to.as_str()))) else {
            continue;
        };
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
            // The capaian view: the category's tint, and its full colour down the left edge.
            let category = b.fill.as_deref().and_then(theme::hex);
            let fill = category.map_or(grey(1.0), |c| theme::tint(c, 0.78));
            sheet.rect(x, y, w, h, Some(fill), Some((grey(0.55), 0.5 * s)));
            if let Some(c) = category {
                sheet.rect(x, y, 3.0 * s, h, Some(c), None);
            }
            sheet.rect(x, y, w, 2.5 * s, Some(theme::level(b.level + place.level_shift)), None);
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
