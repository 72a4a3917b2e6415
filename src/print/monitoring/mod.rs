//! The LKjIP tables of one year, from the monitoring report
//! (`crate::monitoring::report`): the Tabel capaian kinerja (`capaian`:
//! each sasaran with its indicators, target, realisasi, % capaian and
//! category, optionally the period's earlier years side by side with the
//! Renstra's end target) and the Tabel realisasi anggaran (`anggaran`:
//! programs, kegiatan and sub kegiatan with pagu, realisasi and % serapan,
//! the total counting each rupiah once). Paged tables (`layout::table`) on
//! A4, F4 or A3, portrait or landscape: the heading on every sheet, the
//! column titles repeated, notes under the table and the signature kept with
//! its last row.

pub(crate) mod anggaran;
mod capaian;
#[cfg(test)]
mod tests;

pub(super) use anggaran::compose_anggaran;
pub(super) use capaian::compose_capaian;

use super::furniture::{draw_heading, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::PageSetup;
use crate::format;
use crate::layout::table::{layout_table, Cell, Column, PageFrame, PlacedRow, RowSpec, TableLayout, TablePage, TableSpec, TextStyle};
use crate::layout::Font;
use crate::model::Document;
use crate::monitoring::realisasi;
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet};

/// The tables' text (the smallest on the sheet but the footer's).
pub(super) const TEXT_PT: f32 = 7.0;
/// Baseline to baseline in a cell.
const LINE: f32 = 8.8;
/// Room between a column's edges and its text.
const INSET: f32 = 3.0;
/// Room above and below a row's text.
const PAD: f32 = 3.0;
/// Room between the table and the notes, and between the notes and the signature.
const GAP: f32 = 8.0;
const RULE: (Colour, f32) = (grey(0.35), 0.5);

/// The year a monitoring table prints when none is asked (the core's one choice).
pub(crate) fn default_year(doc: &Document) -> i32 {
    crate::monitoring::default_year(doc)
}

/// The years of the period with a realisasi recorded on some indicator, in order.
pub(crate) fn years_with_realisasi(doc: &Document) -> Vec<i32> {
    let indicators: Vec<_> = doc.tree.nodes.iter().flat_map(|n| &n.indicators).collect();
    doc.document.period.years().filter(|&y| indicators.iter().any(|ind| realisasi::recorded(ind, y))).collect()
}

/// A percentage with exactly `decimals` decimals, Indonesian: 113,6 · 97,81 · 1.234,5.
pub(crate) fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let int: i64 = int.parse().unwrap_or(0);
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = format!("{}{}", if negative { "-" } else { "" }, format::rupiah(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `#rrggbb` as a colour (grey where it is not one).
fn hex_colour(hex: &str) -> Colour {
    let h = hex.trim_start_matches('#');
    let channel = |k: usize| h.get(k..k + 2).and_then(|c| u8::from_str_radix(c, 16).ok());
    match (h.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => theme::rgb8(r, g, b),
        _ => grey(0.6),
    }
}

fn body(style_bold: bool) -> TextStyle {
    TextStyle::new(TEXT_PT, style_bold).line_height(LINE)
}

/// A column title: bold, centred.
fn head(text: &str) -> Cell {
    Cell::new(text, body(true).centred())
}

/// How many lines `text` takes in a column `width` wide (less `indent`).
fn lines_in(text: &str, bold: bool, width: f32, indent: f32) -> usize {
    let font = if bold { Font::bold() } else { Font::regular() };
    text.split('\n').map(|p| font.wrap(p, TEXT_PT, width - 2.0 * INSET - indent).len()).sum()
}

/// What a row of a printed table is besides its cells.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A row of the table, drawn in the grid.
    Data,
    /// A note under the table, across its width: its wrapped lines, bold or not.
    Note(Vec<String>, bool),
    /// The signature block, at the right.
    Signature,
}

/// A printed table: its columns' widths, column titles, rows, and what
/// follows them (notes, the signature); `Kind` per row.
struct Printed {
    widths: Vec<f32>,
    header: Vec<RowSpec>,
    rows: Vec<RowSpec>,
    kinds: Vec<Kind>,
    width: f32,
}

impl Printed {
    fn new(widths: Vec<f32>, header: Vec<RowSpec>) -> Printed {
        let width = widths.iter().sum();
        Printed { widths, header, rows: Vec::new(), kinds: Vec::new(), width }
    }

    fn row(&mut self, row: RowSpec) {
        self.rows.push(row);
        self.kinds.push(Kind::Data);
    }

    /// A note under the table; the first one keeps some room from the table.
    fn note(&mut self, text: &str, bold: bool) {
        let font = if bold { Font::bold() } else { Font::regular() };
        let lines = font.wrap(text, TEXT_PT, self.width);
        let first = !self.kinds.iter().any(|k| matches!(k, Kind::Note(..)));
        let top = if first { GAP } else { 1.0 };
        let height = top + lines.len() as f32 * LINE + 1.0;
        // The notes stay together (and with the signature after them).
        if !first {
            if let Some(last) = self.rows.last_mut() {
                last.keep_with_next = true;
            }
        }
        self.rows.push(RowSpec::new(Vec::new(), 0.0, 0.0).min_height(height));
        self.kinds.push(Kind::Note(lines, bold));
    }

    /// The signature after everything else, kept with the row before it.
    fn signature(&mut self) {
        if let Some(last) = self.rows.last_mut() {
            last.keep_with_next = true;
        }
        self.rows.push(RowSpec::new(Vec::new(), 0.0, 0.0).min_height(GAP + 4.0 + SIGNATURE_H));
        self.kinds.push(Kind::Signature);
    }

    /// Lays the table out on sheets under the heading: column titles drawn by
    /// `draw_header`, data rows by `draw_row` (index into the rows).
    #[allow(clippy::too_many_arguments)]
    fn sheets(
        self,
        doc: &Document,
        page: &PageSetup,
        heading: &str,
        suffix: &str,
        provenance: &Provenance,
        draw_header: impl Fn(&mut Sheet, &TablePage, &TableLayout),
        draw_row: impl Fn(&mut Sheet, &PlacedRow, &[Column]),
    ) -> Vec<Sheet> {
        let m = page.margin;
        // Centred on the sheet when narrower than the room between the margins.
        let x = m + ((page.width - 2.0 * m - self.width) / 2.0).max(0.0);
        let columns = self.widths.iter().map(|&width| crate::layout::table::ColumnSpec { width, inset: INSET }).collect();
        let spec = TableSpec { x, columns, header: self.header, rows: self.rows };
        let top = m + HEADER_H + 2.0;
        let bottom = page.height - m - FOOTER_H - 8.0;
        let table = layout_table(&spec, &PageFrame { first_top: top, next_top: top, bottom });
        let mut sheets = Vec::with_capacity(table.pages.len());
        for (k, table_page) in table.pages.iter().enumerate() {
            let mut sheet = Sheet::new(page.width, page.height);
            let suffix = match (k, suffix.is_empty()) {
                (0, _) => suffix.to_string(),
                (_, true) => "lanjutan".to_string(),
                _ => format!("{suffix} · lanjutan"),
            };
            draw_heading(&mut sheet, doc, m, heading, &suffix);
            // Column titles only above rows of the table (not above notes alone).
            let data = table_page.rows.iter().any(|r| self.kinds[r.index] == Kind::Data);
            if data {
                draw_header(&mut sheet, table_page, &table);
            }
            for row in &table_page.rows {
                match &self.kinds[row.index] {
                    Kind::Data => draw_row(&mut sheet, row, &table.columns),
                    Kind::Note(lines, bold) => {
                        let first = row.index == 0 || !matches!(self.kinds[row.index - 1], Kind::Note(..));
                        let mut baseline = row.y + if first { GAP } else { 1.0 } + TEXT_PT;
                        for line in lines {
                            sheet.text(x, baseline, line, TEXT_PT, *bold, grey(0.2));
                            baseline += LINE;
                        }
                    }
                    Kind::Signature => {
                        let right = x + self.width;
                        draw_signature(&mut sheet, doc, right - SIGNATURE_W, row.y + GAP + 4.0, provenance);
                    }
                }
            }
            sheets.push(sheet);
        }
        sheets
    }
}

/// The rules of a row: a box per column.
fn grid(sheet: &mut Sheet, row: &PlacedRow, columns: &[Column], fill: Option<Colour>) {
    for c in columns {
        sheet.rect(c.x, row.y, c.width, row.height, fill, Some(RULE));
    }
}

/// A row's text in `colour`; the columns in `right` set flush right.
fn texts(sheet: &mut Sheet, row: &PlacedRow, columns: &[Column], right: &[usize], colour: impl Fn(usize) -> Colour) {
    for (c, lines) in row.cells.iter().enumerate() {
        for line in lines {
            let x = if right.contains(&c) {
                let font = if line.bold { Font::bold() } else { Font::regular() };
                columns[c].x + columns[c].width - INSET - font.width(&line.text, line.size)
            } else {
                line.x
            };
            sheet.text(x, line.baseline, &line.text, line.size, line.bold, colour(c));
        }
    }
}

/// The column titles of a one-row header, on a grey ground.
fn simple_header(sheet: &mut Sheet, page: &TablePage, table: &TableLayout) {
    for row in &page.header {
        grid(sheet, row, &table.columns, Some(theme::TABLE_HEADER));
        texts(sheet, row, &table.columns, &[], |_| theme::INK);
    }
}
