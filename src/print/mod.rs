//! The printouts: what each printed view shows, drawn onto the display list
//! (`render::Sheet`) once and written as PDF or as the SVG preview.
//!
//! - `tree`: the Pohon Kinerja, fitted onto one sheet or tiled as a poster;
//! - `process_map`: the Peta Proses Bisnis (or a Peta Sub Proses Bisnis);
//! - `relations`: the Peta Relasi, a paged table (`layout::table`);
//! - `sop`: a Peta Lintas Fungsi in the SOP-AP form;
//! - `review`: the review report (Catatan Hasil Reviu), portrait A4/F4;
//! - `monitoring`: the LKjIP tables of a year: capaian kinerja and realisasi anggaran;
//! - `furniture`: what every printout shares: header, footer with the
//!   fingerprint, signature block, legend.

mod furniture;
pub(crate) mod monitoring;
pub(crate) mod pk;
mod process_map;
mod relations;
mod request;
mod review;
mod sop;
pub(crate) mod tree;

pub use request::PrintRequest;

use crate::format;
use crate::model::Document;
use crate::render::pdf::write_pdf;
use crate::render::svg::sheet_to_svg;
use crate::render::{Provenance, Sheet, POINTS_PER_MM};

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
    /// Cetak per cabang: an overview of the levels above `level`, then one
    /// sheet per node at `level` with its subtree (`None`: chosen to fit).
    Branches { level: Option<usize> },
}

/// Which tree layout a printout uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LayoutChoice {
    /// The one that gives the largest text on the sheet.
    #[default]
    Auto,
    /// Children side by side (the screen's usual layout).
    Wide,
    /// Long sibling rows wrapped, leaves stacked: fits the sheet's shape.
    Compact,
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
    /// The review report (Catatan Hasil Reviu Pohon Kinerja).
    Review,
    /// The Perjanjian Kinerja of a unit (by unit id) for `PrintOptions::year`.
    Pk(String),
    /// Tabel capaian kinerja of `PrintOptions::year` (LKjIP).
    Capaian,
    /// Tabel realisasi anggaran (LKjIP).
    Anggaran,
}

impl View {
    /// `tree`, `processes`, `processes:ID`, `relations`, `flow:ID`, `review`, `pk:UNIT`, `capaian`, `anggaran`; `None` for a view that cannot be printed.
    pub fn parse(name: &str) -> Option<View> {
        let id = |prefix: &str| name.strip_prefix(prefix).filter(|id| !id.is_empty()).map(str::to_string);
        match name {
            "tree" => Some(View::Tree),
            "processes" => Some(View::Processes),
            "relations" => Some(View::Relations),
            "review" => Some(View::Review),
            "capaian" => Some(View::Capaian),
            "anggaran" => Some(View::Anggaran),
            _ => id("flow:")
                .map(View::Flow)
                .or_else(|| id("processes:").map(View::SubProcesses))
                .or_else(|| id("pk:").map(View::Pk)),
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
    /// The tree layout (fit and branches pick the best one on `Auto`).
    pub layout: LayoutChoice,
    /// The year of a Perjanjian Kinerja or of the monitoring tables.
    pub year: Option<i32>,
    /// Tabel capaian: the period's earlier years side by side, and the Renstra's end target.
    pub compare_years: bool,
    /// The tree in the capaian view of this year (tinted boxes, capaian and budget lines, the categories in the legend).
    pub capaian: Option<i32>,
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
            layout: LayoutChoice::Auto,
            year: None,
            compare_years: false,
            capaian: None,
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

/// The print preview: each sheet as an SVG document, drawn from the same
/// sheets as the PDF.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(rename = "PrintPreview")]
pub struct Preview {
    pub pages: Vec<String>,
    pub warnings: Vec<String>,
    pub width_pt: f32,
    pub height_pt: f32,
}

/// Prints the view the options name (the tree by default) to PDF.
pub fn print_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Printout {
    let composed = compose(doc, provenance, options);
    let pdf = write_pdf(&composed.sheets, &doc.document.title, provenance);
    Printout { pdf, pages: composed.sheets.len(), warnings: composed.warnings, smallest_text_pt: composed.smallest }
}

/// The print preview of the view the options name.
pub fn preview_tree(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Preview {
    let composed = compose(doc, provenance, options);
    Preview {
        pages: composed.sheets.iter().map(sheet_to_svg).collect(),
        warnings: composed.warnings,
        width_pt: composed.width,
        height_pt: composed.height,
    }
}

/// The sheet size and margin every page of a printout shares, in points.
pub(crate) struct PageSetup {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
}

/// The sheets of a printout, drawn once for the PDF or the preview.
struct Composed {
    sheets: Vec<Sheet>,
    warnings: Vec<String>,
    smallest: f32,
    width: f32,
    height: f32,
}

/// What one printout gives back: its sheets (without footers), warnings
/// for the planner, and the smallest text size on paper.
type Drawn = (Vec<Sheet>, Vec<String>, f32);

/// Text size of the printouts that are not scaled (all but the tree and the process map).
const TABLE_TEXT_PT: f32 = 7.0;

fn compose(doc: &Document, provenance: &Provenance, options: &PrintOptions) -> Composed {
    let (mut pw, mut ph) = options.paper.size_mm();
    // The review report is a portrait form.
    if options.landscape && options.view != View::Review {
        std::mem::swap(&mut pw, &mut ph);
    }
    let page = PageSetup { width: pw * POINTS_PER_MM, height: ph * POINTS_PER_MM, margin: options.margin_mm * POINTS_PER_MM };
    let printed = if options.printed_on.is_empty() { crate::store::today() } else { options.printed_on.clone() };
    let (mut sheets, mut warnings, smallest) = match options.view {
        View::Tree => tree::compose_tree(doc, provenance, options, &page),
        View::Processes if doc.processes.map.processes.is_empty() => missing_titled(
            doc,
            &page,
            process_map::HEADING,
            "Dokumen ini belum memiliki peta proses bisnis: belum ada proses manajerial, utama, atau pendukung. Isi peta proses bisnis lebih dulu, lalu cetak lagi.".into(),
        ),
        View::Processes => process_map::compose_process_map(doc, None, provenance, &page),
        View::SubProcesses(ref id) => match doc.process(id) {
            Some(_) => process_map::compose_process_map(doc, Some(id), provenance, &page),
            None => missing_titled(doc, &page, process_map::SUB_HEADING, format!("Proses `{id}` tidak ada di dokumen ini.")),
        },
        View::Relations => match relations::lacking(doc) {
            Some(message) => missing_titled(doc, &page, relations::HEADING, message),
            None => (relations::compose_relations(doc, provenance, &page), Vec::new(), TABLE_TEXT_PT),
        },
        View::Flow(ref id) => match doc.flow(id) {
            Some(flow) if flow.steps.is_empty() => missing_titled(
                doc,
                &page,
                sop::HEADING,
                format!("Peta lintas fungsi \"{}\" belum memiliki kegiatan: tambahkan langkahnya lebih dulu, lalu cetak lagi.", flow.name),
            ),
            Some(flow) => sop::compose_sop(doc, flow, provenance, &page),
            None => {
                let known: Vec<&str> = doc.processes.flows.iter().map(|f| f.id.as_str()).collect();
                let message = if known.is_empty() {
                    format!("Peta lintas fungsi `{id}` tidak ada: dokumen ini belum memiliki peta lintas fungsi.")
                } else {
                    format!("Peta lintas fungsi `{id}` tidak ada di dokumen ini (yang ada: {}).", known.join(", "))
                };
                missing_titled(doc, &page, sop::HEADING, message)
            }
        },
        View::Review => review::compose_review(doc, provenance, &page, &printed),
        View::Pk(ref unit) => pk::compose_pk(doc, unit, options, provenance, &page, &printed),
        View::Capaian => monitoring::compose_capaian(doc, options, provenance, &page),
        View::Anggaran => monitoring::compose_anggaran(doc, options, provenance, &page),
    };
    if smallest < 6.0 {
        warnings.push(format!(
            "Teks terkecil di kertas hanya {} pt (di bawah 6 pt) dan sulit dibaca. Pilih kertas yang lebih besar, mode poster, atau cetak per cabang.",
            format::number(smallest as f64)
        ));
    }
    let pages = sheets.len();
    for (k, sheet) in sheets.iter_mut().enumerate() {
        furniture::draw_footer(sheet, page.margin, k + 1, pages, &printed, provenance);
    }
    // A poster may turn the sheet: the preview takes the sheets' own size.
    let (width, height) = sheets.first().map_or((page.width, page.height), |s| (s.width, s.height));
    Composed { sheets, warnings, smallest, width, height }
}

/// A view that names something the document lacks: a sheet with the header, and why.
fn missing(doc: &Document, page: &PageSetup, message: String) -> Drawn {
    let mut sheet = Sheet::new(page.width, page.height);
    furniture::draw_header(&mut sheet, doc, page.margin, "");
    (vec![sheet], vec![message], TABLE_TEXT_PT)
}

/// A printout of something the document lacks (or has empty): a sheet with
/// the view's heading and why, and no signature (nothing to sign); the
/// reason is the printout's warning too.
fn missing_titled(doc: &Document, page: &PageSetup, heading: &str, message: String) -> Drawn {
    let mut sheet = Sheet::new(page.width, page.height);
    furniture::draw_heading(&mut sheet, doc, page.margin, heading, "");
    let width = (page.width - 2.0 * page.margin).min(460.0);
    let top = page.margin + furniture::HEADER_H + 20.0;
    let used = furniture::wrapped(&mut sheet, "Belum dapat dicetak", page.margin, top, width, 11.0, true, false);
    furniture::wrapped(&mut sheet, &message, page.margin, top + used + 6.0, width, 9.5, false, false);
    (vec![sheet], vec![message], TABLE_TEXT_PT)
}
