//! The PDF writer: sheets replayed as printpdf operations, the two shipped
//! Noto Sans faces embedded as subsets of the glyphs the printout uses, and
//! the document's fingerprint in the metadata (see `provenance`).

use super::provenance::Provenance;
use super::sheet::{Colour, Item, Sheet, POINTS_PER_MM};
use crate::layout::font;
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, WindingOrder,
};

// Callers reach the fingerprint reader as `render::pdf::printed_fingerprint`.
pub use super::provenance::{printed_fingerprint, FINGERPRINT_MARK};

/// The sheets as one PDF document titled `title`, each page the size of its sheet.
pub fn write_pdf(sheets: &[Sheet], title: &str, provenance: &Provenance) -> Vec<u8> {
    let mut pdf = PdfDocument::new(title);
    let fonts = Fonts { regular: FontId::new(), bold: FontId::new(), used: Default::default() };
    let pages: Vec<PdfPage> = sheets
        .iter()
        .map(|sheet| PdfPage::new(Mm(sheet.width / POINTS_PER_MM), Mm(sheet.height / POINTS_PER_MM), pdf_ops(sheet, &fonts)))
        .collect();
    fonts.embed(&mut pdf);
    pdf.metadata.info.subject = provenance.pdf_subject();
    pdf.metadata.info.creator = "Pokin Studio".into();
    pdf.metadata.info.producer = "Pokin Studio (printpdf)".into();
    pdf.with_pages(pages)
        // Uncompressed streams: several times faster to write, readers do not mind.
        .save(&PdfSaveOptions { subset_fonts: true, optimize: false, ..Default::default() }, &mut Vec::new())
}

/// printpdf operations for one sheet (PDF origin: bottom left).
fn pdf_ops(sheet: &Sheet, fonts: &Fonts) -> Vec<Op> {
    let colour = |(r, g, b): Colour| Color::Rgb(Rgb::new(r, g, b, None));
    let point = |x: f32, y: f32| Point { x: Pt(x), y: Pt(sheet.height - y) };
    let rect = |x: f32, y: f32, w: f32, h: f32| Rect::from_xywh(Pt(x), Pt(sheet.height - y - h), Pt(w), Pt(h));
    let mut ops = Vec::with_capacity(sheet.items.len() * 4);
    for item in &sheet.items {
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
