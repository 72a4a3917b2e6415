//! What every exported sheet shares: the cell formats (Indonesian number
//! formats are Excel's own codes — `#,##0`, `0.00` — which an Indonesian
//! Excel shows as "6.850.200.218" and "97,81"), the title block, the page
//! setup (F4/Folio or A3 landscape, fit to the page's width, header rows
//! frozen and repeated on every printed page) and the row heights that
//! merged, wrapped cells need.

use crate::model::{Document, Value};
use crate::Error;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// Rows 1–3 the title block, row 4 empty: the table's header starts here.
pub(super) const HEADER_ROW: u32 = 4;

/// Excel's paper sizes.
const PAPER_FOLIO: u8 = 14;
const PAPER_A4: u8 = 9;
const PAPER_A3: u8 = 8;

const BORDER: Color = Color::RGB(0x808080);
const HEADER_FILL: Color = Color::RGB(0xD9E1F2);
const GROUP_FILL: Color = Color::RGB(0xB4C6E7);
const AUTO_INK: Color = Color::RGB(0x7F7F7F);

pub(super) fn xlsx_error(e: XlsxError) -> Error {
    Error::refused(format!("Berkas Excel tidak dapat dibuat: {e}"))
}

/// The paper a sheet prints on: Excel's paper size and the orientation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Paper {
    size: u8,
    /// A3: always landscape; F4 and A4 as the table prefers.
    always_landscape: bool,
}

impl Paper {
    /// The printable width in millimetres (margins of 0.4 in each side).
    fn printable_width_mm(self, landscape: bool) -> f64 {
        let (short, long) = match self.size {
            PAPER_A3 => (297.0, 420.0),
            PAPER_A4 => (210.0, 297.0),
            _ => (215.0, 330.0),
        };
        (if landscape { long } else { short }) - 2.0 * 0.4 * 25.4
    }

    /// "F4" (Folio; the default), "A4" or "A3" (landscape).
    pub(super) fn parse(name: Option<&str>) -> Result<Paper, Error> {
        let name = name.map(str::trim).unwrap_or("");
        match name.to_ascii_uppercase().as_str() {
            "" | "F4" | "FOLIO" => Ok(Paper { size: PAPER_FOLIO, always_landscape: false }),
            "A4" => Ok(Paper { size: PAPER_A4, always_landscape: false }),
            "A3" => Ok(Paper { size: PAPER_A3, always_landscape: true }),
            _ => Err(Error::refused(format!("Kertas `{name}` tidak tersedia untuk Excel; pilih F4, A4 atau A3."))),
        }
    }
}

/// The formats of a workbook's cells.
pub(super) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub group: Format,
    pub text: Format,
    pub bold: Format,
    pub centre: Format,
    pub blank: Format,
    /// Rupiah and counts: `#,##0`.
    pub integer: Format,
    pub integer_bold: Format,
    /// Percentages (capaian, serapan): `0.00`.
    pub percent: Format,
    pub percent_bold: Format,
    /// A mark the validator set (not a reviewer): grey.
    pub auto: Format,
    /// Label of a line under the table (no border).
    pub note: Format,
    pub note_bold: Format,
    /// Values (targets, baselines, realisasi) by their decimals: `#,##0`, `#,##0.0` … `#,##0.0000`.
    values: Vec<Format>,
}

impl Styles {
    pub(super) fn new() -> Styles {
        let cell = Format::new()
            .set_font_name("Arial")
            .set_font_size(9)
            .set_border(FormatBorder::Thin)
            .set_border_color(BORDER)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        let header = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(HEADER_FILL);
        let plain = Format::new().set_font_name("Arial").set_font_size(9);
        let values = (0..=4)
            .map(|d| {
                let code = if d == 0 { "#,##0".to_string() } else { format!("#,##0.{}", "0".repeat(d)) };
                cell.clone().set_num_format(code).set_align(FormatAlign::Center)
            })
            .collect();
        Styles {
            title: Format::new().set_font_name("Arial").set_font_size(13).set_bold().set_align(FormatAlign::Center),
            subtitle: Format::new().set_font_name("Arial").set_font_size(10).set_bold().set_align(FormatAlign::Center),
            group: header.clone().set_background_color(GROUP_FILL),
            header,
            text: cell.clone(),
            bold: cell.clone().set_bold(),
            centre: cell.clone().set_align(FormatAlign::Center),
            blank: cell.clone(),
            integer: cell.clone().set_num_format("#,##0").set_align(FormatAlign::Right),
            integer_bold: cell.clone().set_num_format("#,##0").set_align(FormatAlign::Right).set_bold(),
            percent: cell.clone().set_num_format("0.00").set_align(FormatAlign::Right),
            percent_bold: cell.clone().set_num_format("0.00").set_align(FormatAlign::Right).set_bold(),
            auto: cell.clone().set_align(FormatAlign::Center).set_font_color(AUTO_INK).set_italic(),
            note: plain.clone(),
            note_bold: plain.set_bold(),
            values,
        }
    }

    /// The format that shows `n` with its own decimals (at most four).
    pub(super) fn value_format(&self, n: f64) -> &Format {
        &self.values[decimals(n).min(self.values.len() - 1)]
    }
}

/// How many decimals a number has as it is written (55.96 → 2, 60 → 0).
fn decimals(n: f64) -> usize {
    let text = format!("{n}");
    if text.contains('e') {
        return 4;
    }
    text.split_once('.').map_or(0, |(_, frac)| frac.len())
}

/// One sheet being written: the worksheet, the formats, and the rows'
/// text heights (in lines) so that wrapped and merged cells show whole.
pub(super) struct Sheet<'a> {
    pub ws: &'a mut Worksheet,
    pub styles: &'a Styles,
    /// Column widths in characters.
    widths: Vec<f64>,
    /// Per row: the lines its own (unmerged) cells need.
    natural: Vec<u32>,
    /// Merged cells over several rows: first row, last row, lines needed.
    spans: Vec<(u32, u32, u32)>,
}

/// Points per line of 9 pt text, and the padding of a row.
const LINE_PT: f64 = 12.0;
const ROW_PAD_PT: f64 = 3.0;

impl<'a> Sheet<'a> {
    pub(super) fn new(ws: &'a mut Worksheet, styles: &'a Styles, name: &str, widths: &[f64]) -> Result<Sheet<'a>, Error> {
        ws.set_name(name).map_err(xlsx_error)?;
        for (c, &w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, w).map_err(xlsx_error)?;
        }
        Ok(Sheet { ws, styles, widths: widths.to_vec(), natural: Vec::new(), spans: Vec::new() })
    }

    pub(super) fn columns(&self) -> usize {
        self.widths.len()
    }

    /// Rows 1–3: the table's title, the document's title, and "<agency> —
    /// <government> — Periode <from>–<to>" (or the `third` line given),
    /// centred over the table.
    pub(super) fn title_block(&mut self, title: &str, second: &str, third: &str) -> Result<(), Error> {
        let last = (self.columns().max(1) - 1) as u16;
        let lines = [(title, &self.styles.title), (second, &self.styles.subtitle), (third, &self.styles.subtitle)];
        for (r, (text, format)) in lines.into_iter().enumerate() {
            if last == 0 {
                self.ws.write_string_with_format(r as u32, 0, text, format).map_err(xlsx_error)?;
            } else {
                self.ws.merge_range(r as u32, 0, r as u32, last, text, format).map_err(xlsx_error)?;
            }
        }
        self.ws.set_row_height(0, 18).map_err(xlsx_error)?;
        Ok(())
    }

    /// Header rows `first..=last` frozen on screen and repeated on every
    /// printed page; the paper, orientation, margins, fit to the page's
    /// width, page numbers in the footer.
    pub(super) fn page_setup(&mut self, paper: Paper, landscape: bool, first: u32, last: u32, doc: &Document) -> Result<(), Error> {
        let ws = &mut *self.ws;
        ws.set_paper_size(paper.size);
        if landscape || paper.always_landscape {
            ws.set_landscape();
        } else {
            ws.set_portrait();
        }
        ws.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
        // Fitted to the page's width unless that shrinks the 9 pt text
        // under about 6 pt (a wide Matriks Cascading): then it prints at
        // that smallest readable scale over several pages side by side,
        // the header rows repeated on each.
        let landscape = landscape || paper.always_landscape;
        match print_scale(&self.widths, paper.printable_width_mm(landscape)) {
            None => ws.set_print_fit_to_pages(1, 0),
            Some(scale) => ws.set_print_scale(scale),
        };
        ws.set_print_center_horizontally(true);
        ws.set_freeze_panes(last + 1, 0).map_err(xlsx_error)?;
        ws.set_repeat_rows(first, last).map_err(xlsx_error)?;
        let title = doc.document.title.replace('&', "&&");
        ws.set_footer(format!("&L&\"Arial\"&8{title}&R&\"Arial\"&8Halaman &P dari &N"));
        Ok(())
    }

    fn need(&mut self, row: u32, lines: u32) {
        let r = row as usize;
        if self.natural.len() <= r {
            self.natural.resize(r + 1, 1);
        }
        self.natural[r] = self.natural[r].max(lines);
    }

    /// Lines `text` takes in columns `first..=last`.
    fn lines(&self, text: &str, first: u16, last: u16) -> u32 {
        let width: f64 = self.widths.get(first as usize..=last as usize).map_or(10.0, |w| w.iter().sum());
        text_lines(text, width)
    }

    pub(super) fn text(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<(), Error> {
        let lines = self.lines(text, col, col);
        self.need(row, lines);
        self.ws.write_string_with_format(row, col, text, format).map_err(xlsx_error)?;
        Ok(())
    }

    pub(super) fn number(&mut self, row: u32, col: u16, n: f64, format: &Format) -> Result<(), Error> {
        self.need(row, 1);
        self.ws.write_number_with_format(row, col, n, format).map_err(xlsx_error)?;
        Ok(())
    }

    pub(super) fn blank(&mut self, row: u32, col: u16, format: &Format) -> Result<(), Error> {
        self.need(row, 1);
        self.ws.write_blank(row, col, format).map_err(xlsx_error)?;
        Ok(())
    }

    /// A target, baseline or realisasi: a number as a number (with its own
    /// decimals), text as text, nothing as an empty bordered cell.
    pub(super) fn value(&mut self, row: u32, col: u16, value: Option<&Value>) -> Result<(), Error> {
        let styles = self.styles;
        match value {
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) => self.number(row, col, f, styles.value_format(f)),
                None => self.text(row, col, &n.to_string(), &styles.centre),
            },
            Some(Value::Text(t)) => self.text(row, col, t, &styles.centre),
            None => self.blank(row, col, &styles.blank),
        }
    }

    /// `text` over rows `first..=last` and columns `c0..=c1` (a plain cell
    /// when that is one cell); the rows grow to hold it.
    pub(super) fn merged(&mut self, first: u32, last: u32, c0: u16, c1: u16, text: &str, format: &Format) -> Result<(), Error> {
        if first == last && c0 == c1 {
            return self.text(first, c0, text, format);
        }
        self.ws.merge_range(first, c0, last, c1, text, format).map_err(xlsx_error)?;
        let lines = self.lines(text, c0, c1);
        self.need(last, 1);
        // Excel fits no row to a merged cell: its rows get their height here.
        self.spans.push((first, last, lines));
        Ok(())
    }

    /// Sets the height of every row of more than one line: neither Excel
    /// nor LibreOffice fits a row to a merged cell, and LibreOffice fits
    /// no row of a written workbook at all.
    pub(super) fn finish(self) -> Result<(), Error> {
        let mut given = self.natural.clone();
        for &(first, last, lines) in &self.spans {
            let rows = first as usize..=last as usize;
            let have: u32 = given[rows.clone()].iter().sum();
            if lines > have {
                // The rows of the span share what is missing.
                let n = last - first + 1;
                let (each, rest) = ((lines - have) / n, (lines - have) % n);
                for (k, g) in given[rows].iter_mut().enumerate() {
                    *g += each + u32::from((k as u32) < rest);
                }
            }
        }
        for (r, &given) in given.iter().enumerate() {
            if given > 1 {
                self.ws.set_row_height(r as u32, given as f64 * LINE_PT + ROW_PAD_PT).map_err(xlsx_error)?;
            }
        }
        Ok(())
    }
}

/// Lines a text takes in a column `width` characters wide (Excel's width
/// unit: the width of a digit; Arial 9 pt is a little narrower than the
/// default font, words wrap whole).
pub(super) fn text_lines(text: &str, width: f64) -> u32 {
    let room = (width * 1.4 - 1.0).max(4.0);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1u32;
            let mut used = 0.0f64;
            for word in paragraph.split_whitespace() {
                let w = word.chars().count() as f64;
                if used == 0.0 {
                    used = w;
                } else if used + 1.0 + w <= room {
                    used += 1.0 + w;
                } else {
                    lines += 1;
                    used = w;
                }
                while used > room {
                    lines += 1;
                    used -= room;
                }
            }
            lines
        })
        .sum::<u32>()
        .max(1)
}

/// "<agency> — <government> — Periode <from>–<to>" (the parts present).
pub(super) fn agency_line(doc: &Document) -> String {
    let meta = &doc.document;
    let period = format!("Periode {}–{}", meta.period.from, meta.period.to);
    [meta.agency.trim(), meta.government.trim(), period.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" — ")
}

/// "<agency> <government>" (the parts present).
pub(super) fn agency(doc: &Document) -> String {
    let meta = &doc.document;
    [meta.agency.trim(), meta.government.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A level's name; "Level k" where the scheme has none.
pub(super) fn level_name(doc: &Document, level: usize) -> String {
    doc.tree.levels.get(level).map_or_else(|| format!("Level {level}"), |l| l.name.clone())
}

/// The smallest scale (percent) at which 9 pt text stays readable.
const MIN_PRINT_SCALE: u16 = 70;

/// None where the columns fit the page's width at a readable scale, else
/// that scale. A column width unit is about 2 mm (8.43 = 64 px = 16.9 mm).
fn print_scale(widths: &[f64], printable_mm: f64) -> Option<u16> {
    let total_mm: f64 = widths.iter().sum::<f64>() * 2.0;
    (printable_mm / total_mm * 100.0 < MIN_PRINT_SCALE as f64).then_some(MIN_PRINT_SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_written() {
        assert_eq!(decimals(60.0), 0);
        assert_eq!(decimals(55.96), 2);
        assert_eq!(decimals(97.5), 1);
        assert_eq!(decimals(6_850_200_218.0), 0);
    }

    #[test]
    fn lines_of_wrapped_text() {
        assert_eq!(text_lines("", 10.0), 1);
        assert_eq!(text_lines("Indeks RB", 20.0), 1);
        assert_eq!(text_lines("satu dua tiga empat lima enam tujuh", 10.0), 3);
        assert_eq!(text_lines("a\nb", 10.0), 2);
    }

    #[test]
    fn wide_tables_print_at_a_readable_scale_over_several_pages() {
        // 45 columns of a five-level, six-year Matriks Cascading on A3 landscape.
        let wide = vec![9.0; 45];
        assert_eq!(print_scale(&wide, Paper::parse(Some("A3")).unwrap().printable_width_mm(true)), Some(70));
        // An IKU table fits F4 landscape.
        assert_eq!(print_scale(&[5.0, 14.0, 30.0, 30.0, 9.0, 9.0, 9.0, 9.0, 9.0], Paper::parse(None).unwrap().printable_width_mm(true)), None);
    }

    #[test]
    fn paper_names() {
        assert_eq!(Paper::parse(None).unwrap().size, 14);
        assert_eq!(Paper::parse(Some("a3")).unwrap(), Paper { size: 8, always_landscape: true });
        assert!(Paper::parse(Some("Letter")).unwrap_err().to_string().contains("F4, A4 atau A3"));
    }
}
