//! The printed Pohon Kinerja: the shared layout drawn onto paper with
//! printpdf, the shipped fonts embedded and subset, a header, a footer with
//! the page number, the print date and the document's fingerprint, and the
//! signature block on the last sheet. Two modes: the whole tree fitted onto
//! one sheet, or a poster tiled over several sheets with overlap, crop
//! marks and a label on each sheet for assembly.

use crate::format;
use crate::layout::{font, layout_tree, Font, TreeLayout, TreeOptions};
use crate::model::{Document, LinkKind};
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, Polygon,
    PolygonRing, WindingOrder,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

/// Sheet sizes in millimetres (portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    F4,
    A3,
    A2,
    A1,
    A0,
}

impl Paper {
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::F4 => (215.0, 330.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A2 => (420.0, 594.0),
            Paper::A1 => (594.0, 841.0),
            Paper::A0 => (841.0, 1189.0),
        }
    }

    pub fn parse(name: &str) -> Option<Paper> {
        Some(match name.to_ascii_uppercase().as_str() {
            "A4" => Paper::A4,
            "F4" | "FOLIO" => Paper::F4,
            "A3" => Paper::A3,
            "A2" => Paper::A2,
            "A1" => Paper::A1,
            "A0" => Paper::A0,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PrintMode {
    /// The whole tree scaled onto one sheet.
    Fit,
    /// Tiled over several sheets at this scale (1.0 = the screen's size).
    Poster { scale: f32 },
}

/// What is printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    /// The Pohon Kinerja.
    #[default]
    Tree,
    /// The Peta Proses Bisnis, level 0.
    Processes,
    /// The Peta Sub Proses Bisnis of a process, by process id.
    SubProcesses(String),
    /// The Peta Relasi: processes × units.
    Relations,
    /// A Peta Lintas Fungsi in the SOP-AP form, by flow id.
    Flow(String),
}

impl View {
    /// `tree`, `processes`, `processes:ID`, `relations`, `flow:ID`; `None` for a view that cannot be printed.
    pub fn parse(name: &str) -> Option<View> {
        let id = |prefix: &str| name.strip_prefix(prefix).filter(|id| !id.is_empty()).map(str::to_string);
        match name {
            "tree" => Some(View::Tree),
            "processes" => Some(View::Processes),
            "relations" => Some(View::Relations),
            _ => id("flow:").map(View::Flow).or_else(|| id("processes:").map(View::SubProcesses)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PrintOptions {
    pub view: View,
    pub paper: Paper,
    pub landscape: bool,
    pub margin_mm: f32,
    pub mode: PrintMode,
    /// How much neighbouring poster sheets repeat, for gluing.
    pub overlap_mm: f32,
    /// Indicators with their targets for these years.
    pub indicators: bool,
    pub years: Vec<i32>,
    pub owners: bool,
    pub numbering: bool,
    /// Findings badges on the boxes (off by default).
    pub findings: bool,
    pub legend: bool,
    /// ISO date printed in the footer (today when empty).
    pub printed_on: String,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            view: View::Tree,
            paper: Paper::A3,
            landscape: true,
            margin_mm: 10.0,
            mode: PrintMode::Fit,
            overlap_mm: 10.0,
            indicators: false,
            years: Vec::new(),
            owners: false,
            numbering: false,
            findings: false,
            legend: true,
            printed_on: String::new(),
        }
    }
}

pub struct Printout {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// In Indonesian, for the planner (e.g. text too small to read).
    pub warnings: Vec<String>,
    /// The smallest text size on paper, in points.
    pub smallest_text_pt: f32,
}

/// What identifies the printed version: its fingerprint, and the name of the
/// final version it is, if it is one.
pub struct Provenance<'a> {
    pub fingerprint: &'a str,
    pub final_name: Option<&'a str>,
}

/// The marker `pokin verify` looks for in a printout's metadata.
pub const FINGERPRINT_MARK: &str = "POKIN-SHA256:";

const MM: f32 = 72.0 / 25.4;
const HEADER_H: f32 = 34.0;
const FOOTER_H: f32 = 16.0;
const SIGNATURE_W: f32 = 230.0;
const SIGNATURE_H: f32 = 118.0;
const LEVEL_COLOURS: [(f32, f32, f32); 6] = [
    (0.48, 0.12, 0.17),
    (0.12, 0.31, 0.47),
    (0.12, 0.42, 0.32),
    (0.54, 0.35, 0.0),
    (0.29, 0.23, 0.55),
    (0.33, 0.33, 0.33),
];

fn rgb(r: f32, g: f32, b: f32) -> Rgb3 {
    (r, g, b)
}

fn grey(v: f32) -> Rgb3 {
    (v, v, v)
}

/// One drawing instruction, in points with the origin at the top left.
#[derive(Debug, Clone)]
enum Item {
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb3>, stroke: Option<(Rgb3, f32)> },
    Line { points: Vec<[f32; 2]>, colour: Rgb3, width: f32, dashed: bool },
    /// Text with its baseline at `y`.
    Text { x: f32, y: f32, text: String, size: f32, bold: bool, colour: Rgb3 },
    /// A filled shape (arrowheads).
    Polygon { points: Vec<[f32; 2]>, fill: Rgb3 },
    Clip { x: f32, y: f32, w: f32, h: f32 },
    Unclip,
}

type Rgb3 = (f32, f32, f32);

/// One sheet: what is drawn on it, the same for the PDF and the preview.
struct Sheet {
    width: f32,
    height: f32,
    items: Vec<Item>,
}

impl Sheet {
    fn new(width: f32, height: f32) -> Sheet {
        Sheet { width, height, items: Vec::new() }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb3>, stroke: Option<(Rgb3, f32)>) {
        self.items.push(Item::Rect { x, y, w, h, fill, stroke });
    }

    fn polyline(&mut self, points: &[[f32; 2]], colour: Rgb3, width: f32, dashed: bool) {
        if points.len() >= 2 {
            self.items.push(Item::Line { points: points.to_vec(), colour, width, dashed });
        }
    }

    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, colour: Rgb3) {
        if !text.is_empty() {
            self.items.push(Item::Text { x, y, text: text.to_string(), size, bold, colour });
        }
    }

    fn clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.items.push(Item::Clip { x, y, w, h });
    }

    fn polygon(&mut self, points: &[[f32; 2]], fill: Rgb3) {
        self.items.push(Item::Polygon { points: points.to_vec(), fill });
    }

    fn unclip(&mut self) {
        self.items.push(Item::Unclip);
    }

    /// printpdf operations (PDF origin: bottom left).
    fn to_pdf_ops(&self, fonts: &Fonts) -> Vec<Op> {
        let colour = |(r, g, b): Rgb3| Color::Rgb(Rgb::new(r, g, b, None));
        let point = |x: f32, y: f32| Point { x: Pt(x), y: Pt(self.height - y) };
        let rect = |x: f32, y: f32, w: f32, h: f32| Rect::from_xywh(Pt(x), Pt(self.height - y - h), Pt(w), Pt(h));
        let mut ops = Vec::with_capacity(self.items.len() * 4);
        for item in &self.items {
            match item {
                Item::Rect { x, y, w, h, fill, stroke } => {
                    let r = rect(*x, *y, *w, *h);
                    if let Some(fill) = fill {
                        ops.push(Op::SetFillColor { col: colour(*fill) });
                        ops.push(Op::DrawRectangle { rectangle: Rect { mode: Some(PaintMode::Fill), ..r.clone() } });
                    }
                    if let Some((c, width)) = stroke {
                        ops.push(Op::SetOutlineColor { col: colour(*c) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        ops.push(Op::DrawRectangle { rectangle: Rect { mode: Some(PaintMode::Stroke), ..r } });
                    }
                }
                Item::Line { points, colour: c, width, dashed } => {
                    ops.push(Op::SetOutlineColor { col: colour(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    if *dashed {
                        ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[3.0, 2.0]) });
                    }
                    let points = points.iter().map(|p| LinePoint { p: point(p[0], p[1]), bezier: false }).collect();
                    ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
                    if *dashed {
                        ops.push(Op::SetLineDashPattern { dash: LineDashPattern::solid() });
                    }
                }
                Item::Text { x, y, text, size, bold, colour: c } => {
                    let font = if *bold { &fonts.bold } else { &fonts.regular };
                    fonts.note(font, text);
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    ops.push(Op::SetTextCursor { pos: point(*x, *y) });
                    ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(*size) });
                    ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                    ops.push(Op::EndTextSection);
                }
                Item::Clip { x, y, w, h } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::DrawRectangle { rectangle: Rect { mode: Some(PaintMode::Clip), ..rect(*x, *y, *w, *h) } });
                }
                Item::Polygon { points, fill } => {
                    ops.push(Op::SetFillColor { col: colour(*fill) });
                    let ring = PolygonRing { points: points.iter().map(|p| LinePoint { p: point(p[0], p[1]), bezier: false }).collect() };
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon { rings: vec![ring], mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
                    });
                }
                Item::Unclip => ops.push(Op::RestoreGraphicsState),
            }
        }
        ops
    }

    /// The same sheet as an SVG document, for the print preview.
    fn to_svg(&self) -> String {
        use std::fmt::Write;
        let hex = |(r, g, b): Rgb3| {
            format!("#{:02x}{:02x}{:02x}", (r * 255.0).round() as u8, (g * 255.0).round() as u8, (b * 255.0).round() as u8)
        };
        let mut out = String::with_capacity(self.items.len() * 90);
        let _ = write!(
            out,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.1} {h:.1}" width="{w:.1}" height="{h:.1}" font-family="Noto Sans, DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>"##,
            w = self.width,
            h = self.height
        );
        let mut clips = 0;
        for item in &self.items {
            match item {
                Item::Rect { x, y, w, h, fill, stroke } => {
                    let fill = fill.map_or("none".to_string(), hex);
                    let stroke = stroke.map_or(String::new(), |(c, sw)| format!(r#" stroke="{}" stroke-width="{sw:.2}""#, hex(c)));
                    let _ = write!(out, r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="{fill}"{stroke}/>"#);
                }
                Item::Line { points, colour, width, dashed } => {
                    let pts: Vec<String> = points.iter().map(|p| format!("{:.2},{:.2}", p[0], p[1])).collect();
                    let dash = if *dashed { r#" stroke-dasharray="3 2""# } else { "" };
                    let _ = write!(
                        out,
                        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width:.2}"{dash}/>"#,
                        pts.join(" "),
                        hex(*colour)
                    );
                }
                Item::Text { x, y, text, size, bold, colour } => {
                    let weight = if *bold { r#" font-weight="bold""# } else { "" };
                    let _ = write!(
                        out,
                        r#"<text x="{x:.2}" y="{y:.2}" font-size="{size:.2}" fill="{}"{weight}>{}</text>"#,
                        hex(*colour),
                        xml_escape(text)
                    );
                }
                Item::Clip { x, y, w, h } => {
                    clips += 1;
                    let _ = write!(
                        out,
                        r#"<clipPath id="c{clips}"><rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}"/></clipPath><g clip-path="url(#c{clips})">"#
                    );
                }
                Item::Polygon { points, fill } => {
                    let pts: Vec<String> = points.iter().map(|p| format!("{:.2},{:.2}", p[0], p[1])).collect();
                    let _ = write!(out, r#"<polygon points="{}" fill="{}"/>"#, pts.join(" "), hex(*fill));
                }
                Item::Unclip => out.push_str("</g>"),
            }
        }
        out.push_str("</svg>");
        out
    }
}

/// The two shipped faces, with the characters each is used for (to subset them).
struct Fonts {
    regular: FontId,
    bold: FontId,
    used: std::cell::RefCell<rustc_hash::FxHashMap<String, std::collections::BTreeSet<char>>>,
}

impl Fonts {
    fn note(&self, font: &FontId, text: &str) {
        self.used.borrow_mut().entry(font.0.clone()).or_default().extend(text.chars());
    }

    /// Embeds each face reduced to the glyphs the printout uses.
    fn embed(self, pdf: &mut PdfDocument) {
        let used = self.used.into_inner();
        for (id, bytes, name) in
            [(self.regular, font::REGULAR_TTF, "NotoSans-Regular"), (self.bold, font::BOLD_TTF, "NotoSans-Bold")]
        {
            let chars = used.get(&id.0).cloned().unwrap_or_default();
            let subset = subset_font(bytes, &chars);
            let mut parsed = subset
                .as_deref()
                .and_then(|program| ParsedFont::from_bytes(program, 0, &mut Vec::new()))
                .or_else(|| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()))
                .expect("the shipped font parses");
            // A subset carries the tag ISO 32000 asks for ("XXXXXX+Name").
            parsed.font_name = Some(if subset.is_some() { format!("PKNSTD+{name}") } else { name.to_string() });
            pdf.resources.fonts.map.insert(id, printpdf::PdfFont::new(parsed));
        }
    }
}

/// A copy of the font with only the glyphs of `chars` (and their cmap).
fn subset_font(bytes: &[u8], chars: &std::collections::BTreeSet<char>) -> Option<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    let face = ttf_parser::Face::parse(bytes, 0).ok()?;
    let mut glyphs: Vec<u16> = vec![0];
    glyphs.extend(chars.iter().filter_map(|&c| face.glyph_index(c)).map(|g| g.0));
    glyphs.sort_unstable();
    glyphs.dedup();
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    subset(&provider, &glyphs, &SubsetProfile::Minimal, CmapTarget::Unicode).ok()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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

/// Draws the tree (bands, edges, boxes) within the visible window
/// `[x0, x1] × [y0, y1]` of content coordinates.
fn draw_tree(
    sheet: &mut Sheet,
    layout: &TreeLayout,
    place: Place,
    window: [f32; 4],
    badges: &rustc_hash::FxHashMap<&str, (usize, bool)>,
) {
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
        let (r, g, b) = LEVEL_COLOURS[band.level.min(5)];
        let label = 7.5 * s;
        let mut y = place.y(band.y) + 6.0 * s + label;
        for line in Font::bold().wrap(&band.name.to_uppercase(), 7.5, 80.0) {
            sheet.text(place.x(4.0), y, &line, label, true, rgb(r, g, b));
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
            rgb(0.8, 0.1, 0.1)
        } else if crosscutting {
            rgb(0.75, 0.35, 0.1)
        } else {
            grey(0.45)
        };
        sheet.polyline(&points, colour, 0.6 * s.max(0.5), crosscutting || edge.cycle);
    }
    let regular = Font::regular();
    for b in &layout.boxes {
        if !visible(b.x, b.y, b.width, b.height) {
            continue;
        }
        let (x, y, w, h) = (place.x(b.x), place.y(b.y), b.width * s, b.height * s);
        let (r, g, bl) = LEVEL_COLOURS[b.level.min(5)];
        if b.external {
            sheet.rect(x, y, w, h, Some(rgb(1.0, 0.97, 0.92)), Some((rgb(0.75, 0.35, 0.1), 0.6 * s)));
        } else {
            sheet.rect(x, y, w, h, Some(grey(1.0)), Some((grey(0.55), 0.5 * s)));
            sheet.rect(x, y, w, 2.5 * s, Some(rgb(r, g, bl)), None);
        }
        let size = b.font_size * s;
        for (k, line) in b.lines.iter().enumerate() {
            let width = regular.width(line, b.font_size) * s;
            let baseline = y + (b.padding + (k as f32 + 0.8) * b.line_height) * s;
            sheet.text(x + (w - width) / 2.0, baseline, line, size, false, grey(0.1));
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
            let colour = if error { rgb(0.7, 0.13, 0.13) } else { rgb(0.8, 0.55, 0.0) };
            sheet.rect(x + w - d * 0.7, y - d * 0.3, d, d, Some(colour), None);
            let label = count.to_string();
            let tw = Font::bold().width(&label, 6.0) * s;
            sheet.text(x + w - d * 0.7 + (d - tw) / 2.0, y - d * 0.3 + 6.8 * s, &label, 6.0 * s, true, grey(1.0));
        }
    }
}

fn draw_header(sheet: &mut Sheet, doc: &Document, margin: f32, suffix: &str) {
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

fn draw_footer(sheet: &mut Sheet, margin: f32, page: usize, pages: usize, printed: &str, provenance: &Provenance) {
    let y = sheet.height - margin - 4.0;
    let state = match provenance.final_name {
        Some(name) => format!("Versi final \"{name}\""),
        None => "DRAF (belum ditetapkan)".to_string(),
    };
    let left = format!("Dicetak {} · {state} · Sidik SHA-256 {}", format::date(printed), provenance.fingerprint);
    sheet.text(margin, y, &left, 6.0, false, grey(0.35));
    let right = format!("Halaman {page} dari {pages}");
    let w = Font::regular().width(&right, 7.0);
    sheet.text(sheet.width - margin - w, y, &right, 7.0, false, grey(0.2));
}

/// The Indonesian signature block, right-aligned in its box.
fn draw_signature(sheet: &mut Sheet, doc: &Document, x: f32, y: f32, provenance: &Provenance) {
    let sig = &doc.document.signatory;
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
    let place_date = match (sig.place.is_empty(), sig.date.is_empty()) {
        (false, false) => format!("{}, {}", sig.place, format::date(&sig.date)),
        (false, true) => format!("{}, ……………… ", sig.place),
        (true, false) => format::date(&sig.date),
        (true, true) => "……………………, ……………………".to_string(),
    };
    let mut at = y + 9.0;
    at += centred(sheet, &place_date, at, 9.0, false);
    let position = if sig.position.is_empty() { "………………………………".to_string() } else { sig.position.to_uppercase() };
    at += centred(sheet, &position, at, 9.0, true);
    at += 44.0; // space to sign
    let name = if sig.name.is_empty() { "………………………………".to_string() } else { sig.name.clone() };
    let name_w = Font::bold().width(&name, 9.5).min(SIGNATURE_W);
    centred(sheet, &name, at, 9.5, true);
    sheet.polyline(&[[centre - name_w / 2.0, at + 1.8], [centre + name_w / 2.0, at + 1.8]], grey(0.05), 0.7, false);
    at += 12.0;
    if !sig.rank.is_empty() {
        at += centred(sheet, &sig.rank, at, 9.0, false);
    }
    let nip = if sig.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", sig.nip) };
    at += centred(sheet, &nip, at, 9.0, false);
    if let Some(name) = provenance.final_name {
        let text = format!("Versi final \"{name}\" · sidik {}", &provenance.fingerprint[..16]);
        centred(sheet, &text, at + 2.0, 5.5, false);
    }
}

fn draw_legend(sheet: &mut Sheet, x: f32, y: f32) {
    sheet.text(x, y + 8.0, "Keterangan", 7.5, true, grey(0.15));
    sheet.polyline(&[[x, y + 18.0], [x + 24.0, y + 18.0]], grey(0.45), 0.6, false);
    sheet.text(x + 30.0, y + 20.5, "keterkaitan utama (dari anak ke induk)", 7.0, false, grey(0.2));
    sheet.polyline(&[[x, y + 30.0], [x + 24.0, y + 30.0]], rgb(0.75, 0.35, 0.1), 0.6, true);
    sheet.text(x + 30.0, y + 32.5, "keterkaitan crosscutting", 7.0, false, grey(0.2));
    sheet.rect(x, y + 37.0, 24.0, 9.0, Some(rgb(1.0, 0.97, 0.92)), Some((rgb(0.75, 0.35, 0.1), 0.6)));
    sheet.text(x + 30.0, y + 44.5, "kondisi milik perangkat daerah lain (ext:)", 7.0, false, grey(0.2));
}

fn crop_marks(sheet: &mut Sheet, x: f32, y: f32, w: f32, h: f32) {
    let l = 8.0;
    for (cx, cy, sx, sy) in [(x, y, -1.0, -1.0), (x + w, y, 1.0, -1.0), (x, y + h, -1.0, 1.0), (x + w, y + h, 1.0, 1.0)] {
        sheet.polyline(&[[cx + sx * 2.0, cy], [cx + sx * (2.0 + l), cy]], grey(0.1), 0.3, false);
        sheet.polyline(&[[cx, cy + sy * 2.0], [cx, cy + sy * (2.0 + l)]], grey(0.1), 0.3, false);
    }
}

/// The sheets of a printout, drawn once for the PDF or the preview.
struct Composed {
    sheets: Vec<Sheet>,
    warnings: Vec<String>,
    smallest: f32,
    width: f32,
    height: f32,
}

/// Prints the Pohon Kinerja to PDF.
pub fn print_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Printout {
    let composed = compose(doc, provenance, options);
    let (pw, ph) = (composed.width, composed.height);
    let mut pdf = PdfDocument::new(&doc.document.title);
    let fonts = Fonts { regular: FontId::new(), bold: FontId::new(), used: Default::default() };
    let pages = composed.sheets.len();
    let pdf_pages: Vec<PdfPage> =
        composed.sheets.iter().map(|sheet| PdfPage::new(Mm(pw / MM), Mm(ph / MM), sheet.to_pdf_ops(&fonts))).collect();
    fonts.embed(&mut pdf);
    pdf.metadata.info.subject = format!("{FINGERPRINT_MARK}{}", provenance.fingerprint);
    pdf.metadata.info.creator = "Pokin Studio".into();
    pdf.metadata.info.producer = "Pokin Studio (printpdf)".into();
    let bytes = pdf
        .with_pages(pdf_pages)
        // Uncompressed streams: several times faster to write, readers do not mind.
        .save(&PdfSaveOptions { subset_fonts: true, optimize: false, ..Default::default() }, &mut Vec::new());
    Printout { pdf: bytes, pages, warnings: composed.warnings, smallest_text_pt: composed.smallest }
}

/// The print preview: each sheet as an SVG document, drawn from the same
/// sheets as the PDF.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Preview {
    pub pages: Vec<String>,
    pub warnings: Vec<String>,
    pub width_pt: f32,
    pub height_pt: f32,
}

pub fn preview_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Preview {
    let composed = compose(doc, provenance, options);
    Preview {
        pages: composed.sheets.iter().map(Sheet::to_svg).collect(),
        warnings: composed.warnings,
        width_pt: composed.width,
        height_pt: composed.height,
    }
}

/// The sheet size and the settings every page shares.
struct PageSetup {
    width: f32,
    height: f32,
    margin: f32,
}

fn compose(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Composed {
    let (mut pw, mut ph) = options.paper.size_mm();
    if options.landscape {
        std::mem::swap(&mut pw, &mut ph);
    }
    let page = PageSetup { width: pw * MM, height: ph * MM, margin: options.margin_mm * MM };
    let printed = if options.printed_on.is_empty() { crate::store::today() } else { options.printed_on.clone() };
    let (mut sheets, mut warnings, smallest) = match options.view {
        View::Tree => compose_tree(doc, provenance, options, &page),
        View::Processes => compose_processes(doc, None, provenance, &page),
        View::SubProcesses(ref id) => match doc.process(id) {
            Some(_) => compose_processes(doc, Some(id), provenance, &page),
            None => {
                let mut sheet = Sheet::new(page.width, page.height);
                draw_header(&mut sheet, doc, page.margin, "");
                (vec![sheet], vec![format!("Proses `{id}` tidak ada di dokumen ini.")], 7.0)
            }
        },
        View::Relations => (compose_relations(doc, provenance, &page), Vec::new(), 7.0),
        View::Flow(ref id) => match doc.flow(id) {
            Some(flow) => (compose_flow(doc, flow, provenance, &page), Vec::new(), 7.0),
            None => {
                let mut sheet = Sheet::new(page.width, page.height);
                draw_header(&mut sheet, doc, page.margin, "");
                let known: Vec<&str> = doc.processes.flows.iter().map(|f| f.id.as_str()).collect();
                let message = format!("Peta lintas fungsi `{id}` tidak ada di dokumen ini (yang ada: {}).", known.join(", "));
                (vec![sheet], vec![message], 7.0)
            }
        },
    };
    if smallest < 6.0 {
        warnings.push(format!(
            "Teks terkecil di kertas hanya {} pt (di bawah 6 pt) dan sulit dibaca. Pilih kertas yang lebih besar atau mode poster.",
            format::number(smallest as f64)
        ));
    }
    let pages = sheets.len();
    for (k, sheet) in sheets.iter_mut().enumerate() {
        draw_footer(sheet, page.margin, k + 1, pages, &printed, provenance);
    }
    Composed { sheets, warnings, smallest, width: page.width, height: page.height }
}

fn compose_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions, page: &PageSetup) -> (Vec<Sheet>, Vec<String>, f32) {
    let mut tree_options = TreeOptions::default();
    tree_options.details.indicators = options.indicators;
    tree_options.details.years = options.years.clone();
    tree_options.details.owners = options.owners;
    tree_options.details.numbering = options.numbering;
    let mut layout = layout_tree(doc, &tree_options);
    if options.mode == PrintMode::Fit {
        // A wide tree fits a sheet better with narrower, taller boxes, and
        // with its leaves in columns under their parents: take the
        // combination that gives the largest scale.
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
    }
    let smallest_content = layout.boxes.iter().map(|b| if b.notes.is_empty() { b.font_size } else { b.note_size }).fold(tree_options.font_size, f32::min);

    let mut badges: rustc_hash::FxHashMap<&str, (usize, bool)> = rustc_hash::FxHashMap::default();
    let report;
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

    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let warnings = Vec::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let smallest;

    match options.mode {
        PrintMode::Fit => {
            let (area_w, area_h) = fit_area(page);
            let scale = (area_w / layout.width).min(area_h / layout.height).min(1.5);
            smallest = smallest_content * scale;
            let mut sheet = Sheet::new(pw, ph);
            draw_header(&mut sheet, doc, margin, "");
            let place = Place { dx: margin + (area_w - layout.width * scale) / 2.0, dy: margin + HEADER_H, scale };
            draw_tree(&mut sheet, &layout, place, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], &badges);
            let sig_y = ph - margin - FOOTER_H - SIGNATURE_H;
            draw_signature(&mut sheet, doc, pw - margin - SIGNATURE_W, sig_y, provenance);
            if options.legend {
                draw_legend(&mut sheet, margin, sig_y + 10.0);
            }
            sheets.push(sheet);
        }
        PrintMode::Poster { scale } => {
            let scale = scale.clamp(0.1, 10.0);
            smallest = smallest_content * scale;
            let overlap = options.overlap_mm * MM;
            // The content: the tree, then a strip for the legend and the signature below it.
            let content_w = (layout.width * scale).max(SIGNATURE_W + 20.0);
            let content_h = layout.height * scale + SIGNATURE_H + 20.0;
            let usable_w = pw - 2.0 * margin;
            let usable_h = ph - 2.0 * margin - 18.0 - FOOTER_H;
            let step_w = (usable_w - overlap).max(10.0);
            let step_h = (usable_h - overlap).max(10.0);
            let cols = (((content_w - overlap) / step_w).ceil() as usize).max(1);
            let rows = (((content_h - overlap) / step_h).ceil() as usize).max(1);
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
                    draw_tree(&mut sheet, &layout, place, window, &badges);
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
        }
    }
    (sheets, warnings, smallest)
}

/// Width and height the tree may take on a fit sheet (header above, signature below).
fn fit_area(page: &PageSetup) -> (f32, f32) {
    (page.width - 2.0 * page.margin, page.height - 2.0 * page.margin - HEADER_H - FOOTER_H - SIGNATURE_H - 8.0)
}

/// Text wrapped into a box of width `w`, lines from `y` down; returns the height used.
fn wrapped(sheet: &mut Sheet, text: &str, x: f32, y: f32, w: f32, size: f32, bold: bool, centred: bool) -> f32 {
    let font = if bold { Font::bold() } else { Font::regular() };
    let lines = font.wrap(text, size, w);
    for (k, line) in lines.iter().enumerate() {
        let dx = if centred { (w - font.width(line, size)) / 2.0 } else { 0.0 };
        sheet.text(x + dx, y + size + k as f32 * size * 1.25, line, size, bold, grey(0.1));
    }
    lines.len() as f32 * size * 1.25
}

/// The Peta Proses Bisnis, level 0 (or a process's Peta Sub Proses Bisnis):
/// the editor's geometry (`layout::processes`), moved onto the sheet. A map
/// taller than the page is laid out wider and drawn smaller, so that it
/// keeps its proportions and fits; the smallest text size is returned.
fn compose_processes(doc: &Document, parent: Option<&str>, provenance: &Provenance, page: &PageSetup) -> (Vec<Sheet>, Vec<String>, f32) {
    use crate::layout::processes::{layout_process_map, TextBlock};
    use crate::model::ProcessCategory;
    let mut sheet = Sheet::new(page.width, page.height);
    let m = page.margin;
    let title = match parent.and_then(|id| doc.process(id)) {
        Some(p) => format!("Peta Sub Proses Bisnis — {}", p.name),
        None => "Peta Proses Bisnis (level 0)".to_string(),
    };
    draw_header(&mut sheet, doc, m, &title);
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
    let rect = |sheet: &mut Sheet, r: &crate::layout::processes::Rect, fill: Option<Rgb3>, stroke: Option<(Rgb3, f32)>| {
        let (x, y) = at(r.x, r.y);
        sheet.rect(x, y, r.width * k, r.height * k, fill, stroke);
    };
    let text = |sheet: &mut Sheet, block: &TextBlock, colour: Rgb3| {
        for (x, y, line) in block.placed() {
            let (x, y) = at(x, y);
            sheet.text(x, y, line, block.size * k, block.bold, colour);
        }
    };
    rect(&mut sheet, &layout.goal, Some(rgb(0.12, 0.31, 0.47)), None);
    text(&mut sheet, &layout.goal_text, grey(1.0));
    for panel in layout.inputs.iter().chain(&layout.outputs) {
        rect(&mut sheet, &panel.rect, Some(grey(0.96)), Some((grey(0.6), 0.6)));
        let (x, y) = at(panel.rect.x + 8.0, panel.rect.y + 16.0);
        sheet.text(x, y, &panel.title, 9.0 * k, true, rgb(0.12, 0.31, 0.47));
        for item in &panel.items {
            text(&mut sheet, item, grey(0.1));
        }
    }
    for [[x0, y0], [x1, _]] in &layout.arrows {
        let ((x0, y), (x1, _)) = (at(*x0, *y0), at(*x1, *y0));
        sheet.polyline(&[[x0, y], [x1, y]], grey(0.3), 1.2, false);
        sheet.polygon(&[[x1, y], [x1 - 6.0, y - 3.5], [x1 - 6.0, y + 3.5]], grey(0.3));
    }
    let colour = |c: ProcessCategory| match c {
        ProcessCategory::Management => rgb(0.48, 0.12, 0.17),
        ProcessCategory::Core => rgb(0.12, 0.42, 0.32),
        ProcessCategory::Support => rgb(0.54, 0.35, 0.0),
    };
    for band in &layout.bands {
        rect(&mut sheet, &band.rect, Some(grey(0.985)), Some((colour(band.category), 0.8)));
        let (x, y) = at(band.rect.x + 8.0, band.rect.y + 14.0);
        sheet.text(x, y, &band.title, 8.5 * k, true, colour(band.category));
    }
    for process in &layout.boxes {
        rect(&mut sheet, &process.rect, Some(grey(1.0)), Some((grey(0.5), 0.6)));
        text(&mut sheet, &process.name, grey(0.1));
        if let Some(note) = &process.subs_note {
            text(&mut sheet, note, grey(0.1));
        }
    }
    draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, page.height - m - FOOTER_H - SIGNATURE_H, provenance);
    // The smallest text drawn: the sub-process notes.
    (vec![sheet], Vec::new(), 6.5 * k)
}

/// The Peta Relasi: one row per process, one column per unit that runs a
/// process, a mark where it does. Rows continue on further sheets.
fn compose_relations(doc: &Document, provenance: &Provenance, page: &PageSetup) -> Vec<Sheet> {
    let processes = &doc.processes.map.processes;
    let units: Vec<&crate::model::Unit> =
        doc.units.iter().filter(|u| processes.iter().any(|p| p.owners.contains(&u.id))).collect();
    let m = page.margin;
    let width = page.width - 2.0 * m;
    let name_w = (width * 0.38).max(160.0);
    let cat_w = 62.0;
    let col_w = ((width - name_w - cat_w) / units.len().max(1) as f32).min(90.0);
    let head_h = units.iter().map(|u| Font::bold().wrap(u.label(), 6.5, col_w - 6.0).len()).max().unwrap_or(1) as f32 * 8.2 + 10.0;
    let category = |c: crate::model::ProcessCategory| match c {
        crate::model::ProcessCategory::Management => "Manajerial",
        crate::model::ProcessCategory::Core => "Utama",
        crate::model::ProcessCategory::Support => "Pendukung",
    };
    let mut sheets = Vec::new();
    let mut sheet = Sheet::new(page.width, page.height);
    let bottom = page.height - m - FOOTER_H - 8.0;
    let start_sheet = |sheet: &mut Sheet| -> f32 {
        draw_header(sheet, doc, m, "Peta Relasi (proses × unit kerja)");
        let y = m + HEADER_H;
        sheet.rect(m, y, width, head_h, Some(grey(0.92)), Some((grey(0.5), 0.5)));
        wrapped(sheet, "Proses bisnis", m + 4.0, y + 2.0, name_w - 8.0, 7.5, true, false);
        wrapped(sheet, "Kategori", m + name_w + 4.0, y + 2.0, cat_w - 8.0, 7.5, true, false);
        for (k, unit) in units.iter().enumerate() {
            let x = m + name_w + cat_w + k as f32 * col_w;
            sheet.polyline(&[[x, y], [x, y + head_h]], grey(0.6), 0.4, false);
            wrapped(sheet, unit.label(), x + 3.0, y + 2.0, col_w - 6.0, 6.5, true, true);
        }
        y + head_h
    };
    let mut y = start_sheet(&mut sheet);
    for process in processes.iter() {
        let indent = if process.parent.is_some() { 10.0 } else { 0.0 };
        let name = if process.parent.is_some() { format!("– {}", process.name) } else { process.name.clone() };
        let font = if process.parent.is_none() { Font::bold() } else { Font::regular() };
        let lines = font.wrap(&name, 7.5, name_w - 8.0 - indent).len() as f32;
        let row_h = lines * 9.4 + 6.0;
        if y + row_h > bottom {
            sheets.push(std::mem::replace(&mut sheet, Sheet::new(page.width, page.height)));
            y = start_sheet(&mut sheet);
        }
        sheet.rect(m, y, width, row_h, None, Some((grey(0.7), 0.4)));
        wrapped(&mut sheet, &name, m + 4.0 + indent, y + 1.5, name_w - 8.0 - indent, 7.5, process.parent.is_none(), false);
        wrapped(&mut sheet, category(process.category), m + name_w + 4.0, y + 1.5, cat_w - 8.0, 7.0, false, false);
        for (k, unit) in units.iter().enumerate() {
            let x = m + name_w + cat_w + k as f32 * col_w;
            sheet.polyline(&[[x, y], [x, y + row_h]], grey(0.7), 0.4, false);
            if process.owners.contains(&unit.id) {
                let d = 7.0;
                sheet.rect(x + (col_w - d) / 2.0, y + (row_h - d) / 2.0, d, d, Some(rgb(0.12, 0.42, 0.32)), None);
            }
        }
        y += row_h;
    }
    if y + SIGNATURE_H > bottom {
        sheets.push(std::mem::replace(&mut sheet, Sheet::new(page.width, page.height)));
        draw_header(&mut sheet, doc, m, "Peta Relasi (proses × unit kerja)");
        y = m + HEADER_H;
    }
    draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, y + 10.0, provenance);
    sheets.push(sheet);
    sheets
}

/// A capsule (start/end symbol) as a polygon: a rectangle with round ends.
fn capsule(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let r = h / 2.0;
    let mut points = Vec::with_capacity(20);
    for k in 0..=8 {
        let a = std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 8.0;
        points.push([x + r + r * a.cos(), y + r - r * a.sin()]);
    }
    for k in 0..=8 {
        let a = -std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 8.0;
        points.push([x + w - r + r * a.cos(), y + r - r * a.sin()]);
    }
    points
}

fn arrowhead(sheet: &mut Sheet, from: [f32; 2], to: [f32; 2], colour: Rgb3) {
    let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (5.0, 2.6);
    sheet.polygon(&[to, [to[0] - ux * l - uy * w, to[1] - uy * l + ux * w], [to[0] - ux * l + uy * w, to[1] - uy * l - ux * w]], colour);
}

/// The SOP header block: name, number, and the six fields of the form.
fn draw_sop_header(sheet: &mut Sheet, flow: &crate::model::Flow, x: f32, y: f32, width: f32) -> f32 {
    let mut at = y;
    at += wrapped(sheet, "STANDAR OPERASIONAL PROSEDUR", x, at, width, 10.0, true, true) + 2.0;
    at += wrapped(sheet, &flow.name.to_uppercase(), x, at, width, 9.5, true, true);
    if !flow.number.is_empty() {
        at += wrapped(sheet, &format!("Nomor: {}", flow.number), x, at, width, 8.0, false, true);
    }
    at += 6.0;
    let h = &flow.header;
    let list = |items: &[String]| if items.is_empty() { "–".to_string() } else { items.iter().map(|i| format!("• {i}")).collect::<Vec<_>>().join("\n") };
    let fields = [
        ("Dasar Hukum", list(&h.legal_basis)),
        ("Kualifikasi Pelaksana", list(&h.qualification)),
        ("Keterkaitan", list(&h.related)),
        ("Peralatan/Perlengkapan", list(&h.equipment)),
        ("Peringatan", if h.warning.is_empty() { "–".to_string() } else { h.warning.clone() }),
        ("Pencatatan dan Pendataan", list(&h.records)),
    ];
    let half = width / 2.0;
    for pair in fields.chunks(2) {
        let heights: Vec<f32> = pair
            .iter()
            .map(|(_, text)| text.split('\n').map(|l| Font::regular().wrap(l, 7.5, half - 10.0).len()).sum::<usize>() as f32 * 9.4 + 16.0)
            .collect();
        let row_h = heights.iter().cloned().fold(0.0, f32::max);
        for (k, (title, text)) in pair.iter().enumerate() {
            let cx = x + k as f32 * half;
            sheet.rect(cx, at, half, row_h, None, Some((grey(0.5), 0.5)));
            sheet.text(cx + 5.0, at + 10.0, title, 7.5, true, grey(0.1));
            let mut ly = at + 12.0;
            for line in text.split('\n') {
                ly += wrapped(sheet, line, cx + 5.0, ly, half - 10.0, 7.5, false, false);
            }
        }
        at += row_h;
    }
    at - y + 8.0
}

/// A Peta Lintas Fungsi in the SOP-AP form, over as many sheets as it needs.
fn compose_flow(doc: &Document, flow: &crate::model::Flow, provenance: &Provenance, page: &PageSetup) -> Vec<Sheet> {
    use crate::layout::flow::{layout_flow, FlowOptions, FLOW_FONT_SIZE};
    let m = page.margin;
    let width = page.width - 2.0 * m;
    // Measure the SOP header on a scratch sheet to know the room left on page 1.
    let sop_h = draw_sop_header(&mut Sheet::new(page.width, page.height), flow, m, 0.0, width);
    let super_h = 12.0;
    let names = |id: &str| doc.unit_label(id);
    let probe = layout_flow(flow, &names, &FlowOptions { width, first_page_rows: 1e6, page_rows: 1e6, font_size: FLOW_FONT_SIZE });
    let table_top_first = m + HEADER_H + sop_h;
    let table_top_next = m + 18.0;
    let bottom = page.height - m - FOOTER_H - 6.0;
    let options = FlowOptions {
        width,
        first_page_rows: bottom - table_top_first - super_h - probe.header_height,
        page_rows: bottom - table_top_next - super_h - probe.header_height,
        font_size: FLOW_FONT_SIZE,
    };
    let layout = layout_flow(flow, &names, &options);
    let lanes: Vec<&crate::layout::flow::Column> = layout.columns.iter().filter(|c| c.lane.is_some()).collect();
    let mutu = &layout.columns[layout.columns.len() - 4..layout.columns.len() - 1];
    let mut sheets = Vec::new();
    for p in 0..layout.pages {
        let mut sheet = Sheet::new(page.width, page.height);
        let top = if p == 0 {
            draw_header(&mut sheet, doc, m, "Peta Lintas Fungsi");
            draw_sop_header(&mut sheet, flow, m, m + HEADER_H, width);
            table_top_first
        } else {
            sheet.text(m, m + 9.0, &format!("{} — {} (lanjutan)", doc.document.title, flow.name), 7.5, true, grey(0.2));
            table_top_next
        };
        // Two-level table header: "Pelaksana" over the lanes, "Mutu baku" over its three columns.
        let head_h = super_h + layout.header_height;
        sheet.rect(m, top, width, head_h, Some(grey(0.92)), Some((grey(0.4), 0.5)));
        for (title, first, last) in [("Pelaksana", lanes.first().copied(), lanes.last().copied()), ("Mutu baku", mutu.first(), mutu.last())] {
            if let (Some(a), Some(b)) = (first, last) {
                let (x0, x1) = (m + a.x, m + b.x + b.width);
                wrapped(&mut sheet, title, x0, top + 1.0, x1 - x0, 7.0, true, true);
                sheet.polyline(&[[x0, top + super_h], [x1, top + super_h]], grey(0.4), 0.4, false);
            }
        }
        let group_starts = [lanes.first().map(|c| c.x), mutu.first().map(|c| c.x)];
        for column in &layout.columns {
            let grouped = column.lane.is_some() || mutu.iter().any(|c| c.x == column.x);
            let y0 = if grouped { top + super_h } else { top };
            // Inside a group the dividers stop under the group's title.
            let line_top = if grouped && !group_starts.contains(&Some(column.x)) { top + super_h } else { top };
            sheet.polyline(&[[m + column.x, line_top], [m + column.x, top + head_h]], grey(0.4), 0.4, false);
            wrapped(&mut sheet, &column.title, m + column.x + 2.0, y0 + 2.0, column.width - 4.0, 7.0, true, true);
        }
        let rows_top = top + head_h;
        let rows: Vec<&crate::layout::flow::Row> = layout.rows.iter().filter(|r| r.page == p).collect();
        let rows_bottom = rows.iter().map(|r| rows_top + r.y + r.height).fold(rows_top, f32::max);
        for row in &rows {
            let y = rows_top + row.y;
            sheet.rect(m, y, width, row.height, None, Some((grey(0.55), 0.4)));
            let text_columns = [0usize, 1, layout.columns.len() - 4, layout.columns.len() - 3, layout.columns.len() - 2, layout.columns.len() - 1];
            for (cell, &c) in row.cells.iter().zip(&text_columns) {
                let column = &layout.columns[c];
                for (k, line) in cell.iter().enumerate() {
                    sheet.text(m + column.x + 4.0, y + 4.0 + layout.font_size + k as f32 * layout.line_height, line, layout.font_size, false, grey(0.1));
                }
            }
        }
        for column in &layout.columns {
            sheet.polyline(&[[m + column.x, rows_top], [m + column.x, rows_bottom]], grey(0.55), 0.4, false);
        }
        sheet.polyline(&[[m + width, top], [m + width, rows_bottom]], grey(0.55), 0.4, false);
        let ink = grey(0.15);
        for arrow in layout.arrows.iter().filter(|a| a.page == p) {
            let points: Vec<[f32; 2]> = arrow.points.iter().map(|q| [m + q[0], rows_top + q[1]]).collect();
            sheet.polyline(&points, ink, 0.7, false);
            if arrow.arrowhead && points.len() >= 2 {
                arrowhead(&mut sheet, points[points.len() - 2], points[points.len() - 1], ink);
            }
            if let Some(label) = &arrow.label {
                sheet.text(points[0][0] + 2.5, points[0][1] + 8.0, label, 6.0, true, rgb(0.12, 0.31, 0.47));
            }
        }
        for symbol in layout.symbols.iter().filter(|s| s.page == p) {
            let (x, y, w, h) = (m + symbol.x, rows_top + symbol.y, symbol.width, symbol.height);
            let outline = match symbol.shape {
                crate::model::Shape::Start | crate::model::Shape::End => capsule(x, y, w, h),
                crate::model::Shape::Decision => vec![[x + w / 2.0, y], [x + w, y + h / 2.0], [x + w / 2.0, y + h], [x, y + h / 2.0]],
                crate::model::Shape::Process => vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
            };
            sheet.polygon(&outline, grey(1.0));
            let mut closed = outline.clone();
            closed.push(outline[0]);
            sheet.polyline(&closed, ink, 0.8, false);
        }
        for connector in layout.connectors.iter().filter(|c| c.page == p) {
            let (x, y) = (m + connector.x, rows_top + connector.y);
            let (w, h) = (12.0, 13.0);
            let shape = vec![[x - w / 2.0, y], [x + w / 2.0, y], [x + w / 2.0, y + h * 0.6], [x, y + h], [x - w / 2.0, y + h * 0.6]];
            sheet.polygon(&shape, grey(1.0));
            let mut closed = shape.clone();
            closed.push(shape[0]);
            sheet.polyline(&closed, ink, 0.7, false);
            let label = connector.number.to_string();
            let tw = Font::bold().width(&label, 6.5);
            sheet.text(x - tw / 2.0, y + 7.5, &label, 6.5, true, ink);
        }
        sheets.push(sheet);
    }
    // The signature under the table on the last sheet, or on a sheet of its own.
    let last_bottom = {
        let top = if layout.pages == 1 { table_top_first } else { table_top_next };
        let rows_top = top + super_h + layout.header_height;
        layout.rows.iter().filter(|r| r.page == layout.pages - 1).map(|r| rows_top + r.y + r.height).fold(rows_top, f32::max)
    };
    if last_bottom + 20.0 + SIGNATURE_H > page.height - m - FOOTER_H {
        let mut sheet = Sheet::new(page.width, page.height);
        sheet.text(m, m + 9.0, &format!("{} — {} (lanjutan)", doc.document.title, flow.name), 7.5, true, grey(0.2));
        draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, m + 24.0, provenance);
        sheets.push(sheet);
    } else if let Some(sheet) = sheets.last_mut() {
        draw_signature(sheet, doc, page.width - m - SIGNATURE_W, last_bottom + 20.0, provenance);
    }
    sheets
}

/// The fingerprint a printout carries in its metadata, if it is one of ours.
pub fn printed_fingerprint(pdf: &[u8]) -> Option<String> {
    let document = lopdf::Document::load_mem(pdf).ok()?;
    let info = document.trailer.get(b"Info").ok()?;
    let info = match info {
        lopdf::Object::Reference(id) => document.get_object(*id).ok()?,
        other => other,
    };
    let subject = info.as_dict().ok()?.get(b"Subject").ok()?.as_str().ok()?;
    let text = if subject.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = subject[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(subject).into_owned()
    };
    let hex = text.split(FINGERPRINT_MARK).nth(1)?.trim();
    (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| hex.to_string())
}
