//! A workbook read into plain grids: every sheet's cells by absolute
//! position (A1 = row 0, column 0), merged ranges filled with their
//! top-left value, hidden rows and sheets known, formulas as their cached
//! values, `_x000D_` escapes and non-breaking spaces cleaned, percent
//! cells kept apart from plain numbers (0.15 shown as 15 %). A csv is one
//! sheet, its delimiter (`;` `,` tab) and encoding (UTF-8, else
//! Windows-1252, as Excel on Indonesian Windows writes) detected.

use crate::monitoring::measure::parse_number;
use crate::Error;
use calamine::{Data, Range, Reader, SheetVisible};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::Path;
use ts_rs::TS;

/// One cell's value as the agency saw it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A number formatted as a percent, as stored (0.15 for "15%").
    Percent(f64),
    Bool(bool),
    /// A date cell, ISO "2024-01-31".
    Date(String),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text the cell shows: numbers without a trailing ".0", percents
    /// ×100 with " %", errors as Excel writes them.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Percent(n) => format!("{} %", format_number(n * 100.0)),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.clone(),
            Cell::Error(e) => e.clone(),
        }
    }

    /// The cell as a number: numbers as they are, percents ×100 (what
    /// the planner means by "97,81 %"), text read the Indonesian way
    /// ("1.234,5", "97,81 %", "Rp 6.850.200.218"). Errors, dates and
    /// words give none.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            Cell::Percent(n) => Some(round_float(n * 100.0)),
            Cell::Text(t) => parse_number(t),
            _ => None,
        }
    }
}

/// 0.9781 × 100 is 97.81000000000002 in binary: keep what the planner typed.
pub(crate) fn round_float(n: f64) -> f64 {
    (n * 1e9).round() / 1e9
}

/// The number as a whole number where it is one (after `round_float`).
pub(crate) fn whole(n: f64) -> Option<i64> {
    let n = round_float(n);
    (n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
}

/// A number as plain text: whole numbers without ".0", others as Rust
/// writes them (shortest round trip), with a dot.
pub fn format_number(n: f64) -> String {
    match whole(n) {
        Some(whole) => whole.to_string(),
        None => format!("{}", round_float(n)),
    }
}

/// A merged range, inclusive, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

/// One sheet as cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub sheet: String,
    rows: Vec<Vec<Cell>>,
    /// 0-based indexes of hidden rows.
    pub hidden_rows: BTreeSet<u32>,
    pub merged: Vec<Merge>,
}

static EMPTY: Cell = Cell::Empty;

impl Grid {
    /// A grid of the given rows (tests, csv).
    pub fn from_rows(sheet: &str, rows: Vec<Vec<Cell>>) -> Self {
        Grid { sheet: sheet.to_string(), rows, ..Grid::default() }
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }

    pub fn get(&self, row: u32, col: u32) -> &Cell {
        self.rows.get(row as usize).and_then(|r| r.get(col as usize)).unwrap_or(&EMPTY)
    }

    pub fn text(&self, row: u32, col: u32) -> String {
        self.get(row, col).text()
    }

    pub fn number(&self, row: u32, col: u32) -> Option<f64> {
        self.get(row, col).number()
    }

    pub fn row(&self, row: u32) -> &[Cell] {
        self.rows.get(row as usize).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_row_empty(&self, row: u32) -> bool {
        self.row(row).iter().all(Cell::is_empty)
    }

    pub fn is_hidden(&self, row: u32) -> bool {
        self.hidden_rows.contains(&row)
    }

    /// The merged range a cell lies in, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Merge> {
        self.merged
            .iter()
            .find(|m| (m.first_row..=m.last_row).contains(&row) && (m.first_col..=m.last_col).contains(&col))
    }

    /// Whether the cell holds its own value, not one copied over a merged range.
    pub fn is_origin(&self, row: u32, col: u32) -> bool {
        self.merge_at(row, col).is_none_or(|m| m.first_row == row && m.first_col == col)
    }

    /// Copies each merged range's top-left value over the whole range.
    fn fill_merged(&mut self) {
        for m in self.merged.clone() {
            let value = self.get(m.first_row, m.first_col).clone();
            if value.is_empty() {
                continue;
            }
            // A merged range larger than the sheet's cells is clipped (a
            // hostile file must not make us allocate millions of cells).
            let last_row = m.last_row.min(self.height().saturating_sub(1));
            let width = self.width();
            for r in m.first_row..=last_row {
                for c in m.first_col..=m.last_col.min(width.max(m.first_col + 1) - 1) {
                    if r == m.first_row && c == m.first_col {
                        continue;
                    }
                    let row = &mut self.rows[r as usize];
                    if row.len() <= c as usize {
                        row.resize(c as usize + 1, Cell::Empty);
                    }
                    row[c as usize] = value.clone();
                }
            }
        }
    }
}

/// A sheet as the wizard lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SheetInfo {
    pub name: String,
    pub hidden: bool,
    pub rows: u32,
    pub columns: u32,
}

/// A whole workbook, read once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    /// The file name, for messages.
    pub file: String,
    pub sheets: Vec<SheetInfo>,
    grids: Vec<Grid>,
}

/// Sheets and cells past these are refused: a planning table is far
/// smaller, and a hostile file must not exhaust memory.
const MAX_CELLS: usize = 20_000_000;

impl Workbook {
    pub fn open(path: &Path) -> Result<Workbook, Error> {
        if path.is_dir() {
            return Err(Error::io(path, std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Workbook::from_bytes(&file, &bytes)
    }

    /// Reads a workbook from its bytes, the kind told by its first bytes:
    /// zip (xlsx, ods), OLE (xls), else text (csv).
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Workbook, Error> {
        let invalid = |message: String| Error::Invalid { file: file.to_string(), place: "buku kerja".into(), message };
        // calamine is not built for hostile input: a panic inside it is a damaged file, not a crash.
        let read = std::panic::catch_unwind(|| {
            if bytes.starts_with(b"PK\x03\x04") {
                read_zip(bytes)
            } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                read_xls(bytes)
            } else if looks_binary(bytes) {
                Err("bukan buku kerja Excel (.xlsx, .xls), OpenDocument (.ods) atau teks CSV".to_string())
            } else {
                Ok(vec![read_csv(file, bytes)?])
            }
        });
        let grids = match read {
            Ok(Ok(grids)) => grids,
            Ok(Err(message)) => return Err(invalid(message)),
            Err(_) => return Err(invalid("berkas rusak; buka dan simpan ulang di Excel, lalu coba lagi".into())),
        };
        Ok(Workbook::from_grids(file, grids))
    }

    pub fn from_grids(file: &str, grids: Vec<(Grid, bool)>) -> Workbook {
        let sheets = grids
            .iter()
            .map(|(g, hidden)| SheetInfo { name: g.sheet.clone(), hidden: *hidden, rows: g.height(), columns: g.width() })
            .collect();
        Workbook { file: file.to_string(), sheets, grids: grids.into_iter().map(|(g, _)| g).collect() }
    }

    pub fn grids(&self) -> &[Grid] {
        &self.grids
    }

    pub fn grid(&self, name: &str) -> Option<&Grid> {
        self.grids.iter().find(|g| g.sheet == name)
    }

    /// The sheet named, or a message listing the sheets there are.
    pub fn sheet(&self, name: &str) -> Result<&Grid, Error> {
        self.grid(name).ok_or_else(|| Error::Invalid {
            file: self.file.clone(),
            place: format!("sheet '{name}'"),
            message: format!(
                "sheet ini tidak ada; yang ada: {}",
                self.sheets.iter().map(|s| format!("'{}'", s.name)).collect::<Vec<_>>().join(", ")
            ),
        })
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(4096).any(|&b| b == 0)
}

fn read_zip(bytes: &[u8]) -> Result<Vec<(Grid, bool)>, String> {
    let is_ods = zip_entry(bytes, "mimetype").is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"));
    if is_ods {
        let mut book: calamine::Ods<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("berkas .ods tidak terbaca ({e})"))?;
        let metas = book.sheets_metadata().to_vec();
        let mut grids = Vec::new();
        for meta in metas {
            let range = book.worksheet_range(&meta.name).map_err(|e| format!("sheet '{}' tidak terbaca ({e})", meta.name))?;
            let grid = grid_of(&meta.name, &range, |_, _| false)?;
            grids.push((grid, meta.visible != SheetVisible::Visible));
        }
        return Ok(grids);
    }
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => "berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu simpan ulang".to_string(),
        e => format!("berkas .xlsx tidak terbaca ({e})"),
    })?;
    let metas = book.sheets_metadata().to_vec();
    let hidden_rows = xlsx_hidden_rows(bytes);
    let mut grids = Vec::new();
    for meta in metas.iter().filter(|m| m.typ == calamine::SheetType::WorkSheet) {
        let range = book.worksheet_range(&meta.name).map_err(|e| format!("sheet '{}' tidak terbaca ({e})", meta.name))?;
        let styles = book.worksheet_style(&meta.name).ok();
        let is_percent = |row: u32, col: u32| {
            styles
                .as_ref()
                .and_then(|s| s.get((row, col)))
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|f| is_percent_format(&f.format_code))
        };
        let mut grid = grid_of(&meta.name, &range, is_percent)?;
        grid.merged = book.merge_cells_by_sheet_name(&meta.name).unwrap_or_default().iter().map(merge_of).collect();
        grid.fill_merged();
        grid.hidden_rows = hidden_rows.get(&meta.name).cloned().unwrap_or_default();
        grids.push((grid, meta.visible != SheetVisible::Visible));
    }
    Ok(grids)
}

fn read_xls(bytes: &[u8]) -> Result<Vec<(Grid, bool)>, String> {
    let mut book: calamine::Xls<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("berkas .xls tidak terbaca ({e})"))?;
    let metas = book.sheets_metadata().to_vec();
    let mut grids = Vec::new();
    for meta in metas.iter().filter(|m| m.typ == calamine::SheetType::WorkSheet) {
        let range = book.worksheet_range(&meta.name).map_err(|e| format!("sheet '{}' tidak terbaca ({e})", meta.name))?;
        let mut grid = grid_of(&meta.name, &range, |_, _| false)?;
        grid.merged = book.merge_cells_by_sheet_name(&meta.name).unwrap_or_default().iter().map(merge_of).collect();
        grid.fill_merged();
        grids.push((grid, meta.visible != SheetVisible::Visible));
    }
    Ok(grids)
}

fn merge_of(d: &calamine::Dimensions) -> Merge {
    Merge { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 }
}

fn is_percent_format(code: &str) -> bool {
    // "0%", "0.00%"; a literal "\%" or "%" inside quotes is text, rare enough.
    code.contains('%')
}

fn grid_of(sheet: &str, range: &Range<Data>, is_percent: impl Fn(u32, u32) -> bool) -> Result<Grid, String> {
    let Some((end_row, end_col)) = range.end() else {
        return Ok(Grid::from_rows(sheet, Vec::new()));
    };
    let cells = (end_row as usize + 1).saturating_mul(end_col as usize + 1);
    if cells > MAX_CELLS {
        return Err(format!("sheet '{sheet}' terlalu besar ({} baris × {} kolom)", end_row + 1, end_col + 1));
    }
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); end_row as usize + 1];
    for (r, c, value) in range.used_cells() {
        let (row, col) = (r as u32 + range.start().map_or(0, |s| s.0), c as u32 + range.start().map_or(0, |s| s.1));
        let cell = match value {
            Data::Empty => continue,
            Data::String(s) => Cell::Text(clean_text(s)),
            Data::Int(i) => number_cell(*i as f64, is_percent(row, col)),
            Data::Float(f) => number_cell(*f, is_percent(row, col)),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(d) => Cell::Date(serial_date(d.as_f64())),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.clone()),
            Data::Error(e) => Cell::Error(e.to_string()),
        };
        let line = &mut rows[row as usize];
        if line.len() <= col as usize {
            line.resize(col as usize + 1, Cell::Empty);
        }
        line[col as usize] = cell;
    }
    Ok(Grid::from_rows(sheet, rows))
}

fn number_cell(n: f64, percent: bool) -> Cell {
    if percent {
        Cell::Percent(n)
    } else {
        Cell::Number(n)
    }
}

/// OOXML escapes (`_x000D_`), non-breaking spaces and Windows line ends
/// made plain; the text otherwise kept as typed.
pub fn clean_text(text: &str) -> String {
    let mut out = text.replace("_x000D_", "\n").replace("_x000d_", "\n");
    if out.contains('\r') {
        out = out.replace("\r\n", "\n").replace('\r', "\n");
    }
    out.replace(['\u{a0}', '\u{2007}', '\u{202f}'], " ")
}

/// An Excel date serial (1900 system) as an ISO date.
fn serial_date(serial: f64) -> String {
    // Serial 25569 is 1970-01-01; Excel's phantom 1900-02-29 lies before any planning date.
    let days = serial.floor() as i64 - 25569;
    match time::Date::from_julian_day((days + 2_440_588) as i32) {
        Ok(date) => format!("{:04}-{:02}-{:02}", date.year(), date.month() as u8, date.day()),
        Err(_) => format_number(serial),
    }
}

fn zip_entry(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entry = archive.by_name(name).ok()?;
    // An entry that claims more than a planning workbook could hold is not read.
    if entry.size() > 256 * 1024 * 1024 {
        return None;
    }
    let mut out = Vec::new();
    entry.by_ref().take(256 * 1024 * 1024).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Each sheet's hidden rows, read from the worksheet XML (calamine does
/// not report them): `<row r="40" … hidden="1">`.
fn xlsx_hidden_rows(bytes: &[u8]) -> std::collections::HashMap<String, BTreeSet<u32>> {
    let mut out = std::collections::HashMap::new();
    let (Some(workbook), Some(rels)) = (zip_entry(bytes, "xl/workbook.xml"), zip_entry(bytes, "xl/_rels/workbook.xml.rels")) else {
        return out;
    };
    let (workbook, rels) = (String::from_utf8_lossy(&workbook), String::from_utf8_lossy(&rels));
    let targets: Vec<(String, String)> = tags(&rels, "Relationship")
        .filter_map(|tag| Some((attr(tag, "Id")?, attr(tag, "Target")?)))
        .collect();
    for tag in tags(&workbook, "sheet") {
        let (Some(name), Some(id)) = (attr(tag, "name"), attr(tag, "r:id")) else { continue };
        let Some((_, target)) = targets.iter().find(|(i, _)| *i == id) else { continue };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = zip_entry(bytes, &path) else { continue };
        let xml = String::from_utf8_lossy(&xml);
        let hidden: BTreeSet<u32> = tags(&xml, "row")
            .filter(|tag| matches!(attr(tag, "hidden").as_deref(), Some("1" | "true")))
            .filter_map(|tag| attr(tag, "r")?.parse::<u32>().ok()?.checked_sub(1))
            .collect();
        out.insert(unescape_xml(&name), hidden);
    }
    out
}

/// The attribute text of each `<name …>` start tag.
fn tags<'a>(xml: &'a str, name: &str) -> std::vec::IntoIter<&'a str> {
    let open = format!("<{name}");
    let found: Vec<&'a str> = xml
        .match_indices(open.as_str())
        .filter_map(|(at, _)| {
            let rest = &xml[at + open.len()..];
            // `<row` must not match `<rowBreaks`.
            if !rest.starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>') {
                return None;
            }
            rest.find('>').map(|end| &rest[..end])
        })
        .collect();
    found.into_iter()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut search = 0;
    while let Some(found) = tag[search..].find(name) {
        let at = search + found;
        let before_ok = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let rest = &tag[at + name.len()..];
        if before_ok {
            if let Some(rest) = rest.trim_start().strip_prefix('=') {
                let rest = rest.trim_start();
                let quote = rest.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let value = &rest[1..];
                    return value.find(quote).map(|end| value[..end].to_string());
                }
            }
        }
        search = at + name.len();
    }
    None
}

fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// A csv as one sheet (named after the file): UTF-8 (BOM dropped) or,
/// failing that, Windows-1252; delimiter `;`, `,` or tab, whichever
/// splits the first lines most evenly.
fn read_csv(file: &str, bytes: &[u8]) -> Result<(Grid, bool), String> {
    let text = decode_text(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut records = reader.records();
    // The reader skips empty lines; Excel shows them as rows: keep them.
    for empty in line_shapes(&text).into_iter().chain(std::iter::repeat(false)) {
        if empty {
            rows.push(Vec::new());
            continue;
        }
        let Some(record) = records.next() else { break };
        let record = record.map_err(|e| format!("baris {}: tidak terbaca sebagai CSV ({e})", rows.len() + 1))?;
        rows.push(record.iter().map(|v| if v.trim().is_empty() { Cell::Empty } else { Cell::Text(clean_text(v)) }).collect());
        if rows.len() * 8 > MAX_CELLS {
            return Err("berkas CSV terlalu besar".into());
        }
    }
    let name = Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "CSV".into());
    Ok((Grid::from_rows(&name, rows), false))
}

/// For each record of a csv (a line, or several inside quotes): whether it is an empty line.
fn line_shapes(text: &str) -> Vec<bool> {
    let (mut out, mut quoted, mut filled) = (Vec::new(), false, false);
    for ch in text.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                filled = true;
            }
            '\n' if !quoted => {
                out.push(!filled);
                filled = false;
            }
            '\r' => {}
            _ => filled = true,
        }
    }
    out
}

pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let score = |d: char| -> (usize, usize) {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        let same = counts.iter().filter(|&&c| c == most && c > 0).count();
        (same, most)
    };
    [b';', b',', b'\t'].into_iter().max_by_key(|&d| score(d as char)).unwrap_or(b';')
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == delimiter && !quoted
        })
        .count()
}

/// "A", …, "Z", "AA", … for a 0-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// "H14" for row 13, column 7 (0-based).
pub fn cell_ref(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_writes_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(35), "AJ");
        assert_eq!(cell_ref(13, 7), "H14");
    }

    #[test]
    fn csv_with_semicolons_in_windows_1252() {
        // "Peningkatan Kualitas" with é in 1252 and a decimal comma.
        let bytes = b"Sasaran;Indikator;Target\r\nMeningkatnya caf\xe9;Indeks;97,81\r\n";
        let book = Workbook::from_bytes("data.csv", bytes).unwrap();
        let grid = &book.grids()[0];
        assert_eq!(grid.sheet, "data");
        assert_eq!(grid.text(1, 0), "Meningkatnya café");
        assert_eq!(grid.number(1, 2), Some(97.81));
    }

    #[test]
    fn csv_with_commas_and_quotes() {
        let bytes = "\u{feff}a,b,c\n\"x, y\",2,\"3\"\n".as_bytes();
        let book = Workbook::from_bytes("t.csv", bytes).unwrap();
        assert_eq!(book.grids()[0].text(1, 0), "x, y");
        assert_eq!(book.grids()[0].number(1, 1), Some(2.0));
    }

    #[test]
    fn percents_read_as_the_planner_means_them() {
        assert_eq!(Cell::Percent(0.9781).number(), Some(97.81));
        assert_eq!(Cell::Percent(0.15).text(), "15 %");
        assert_eq!(Cell::Text("1.234,5".into()).number(), Some(1234.5));
        assert_eq!(Cell::Number(6850200218.0).text(), "6850200218");
    }

    #[test]
    fn cleans_excel_escapes_and_nbsp() {
        assert_eq!(clean_text("Operasi_x000D_[Base Line]"), "Operasi\n[Base Line]");
        assert_eq!(clean_text("a\u{a0}b\r\nc"), "a b\nc");
    }

    #[test]
    fn attributes_of_row_tags() {
        let xml = r#"<sheetData><row r="40" spans="1:36" hidden="1" ht="15"><c/></row><rowBreaks count="1"/><row r="41"></row></sheetData>"#;
        let rows: Vec<String> = tags(xml, "row").filter_map(|t| attr(t, "r")).collect();
        assert_eq!(rows, ["40", "41"]);
        assert_eq!(tags(xml, "row").filter(|t| attr(t, "hidden").as_deref() == Some("1")).count(), 1);
    }

    #[test]
    fn damaged_bytes_give_a_message() {
        let err = Workbook::from_bytes("x.xlsx", b"PK\x03\x04garbage").unwrap_err().to_string();
        assert!(err.contains("x.xlsx"), "{err}");
        let err = Workbook::from_bytes("x.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0]).unwrap_err().to_string();
        assert!(err.contains("tidak terbaca") || err.contains("rusak"), "{err}");
    }
}

/// The real workbooks' traps as `grid` must meet them (README of
/// tests/fixtures/xlsx): hidden rows, merged ranges, percents, codes as text.
#[cfg(test)]
mod real_workbooks {
    use super::*;

    fn open(name: &str) -> Workbook {
        Workbook::open(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx").join(name)).unwrap()
    }

    #[test]
    fn deli_serdang_hidden_rows_merges_and_percents() {
        let book = open("deliserdang-bappedalitbang-evaluasi-renja-2025.xlsx");
        let grid = book.sheet("Realisasi TW IV").unwrap();
        let hidden: Vec<u32> = grid.hidden_rows.iter().map(|r| r + 1).collect();
        assert_eq!(hidden, [40, 41, 43, 82, 86, 89, 90, 106, 107, 108, 109, 110, 111, 112]);
        assert_eq!(grid.merged.len(), 46);
        // B11:B105 (Visi) is merged: its value reaches row 105.
        assert!(!grid.get(104, 1).is_empty());
        assert!(!grid.is_origin(104, 1));
        // Q/T/W/Z: fractions formatted 0%.
        let percents = (10..113).filter(|&r| matches!(grid.get(r, 16), Cell::Percent(_))).count();
        assert!(percents > 0, "no percent cells in column Q");
    }

    #[test]
    fn bnpt_codes_stay_text_and_escapes_are_cleaned() {
        let book = open("bnpt-rka-kl-pagu.xlsx");
        let grid = &book.grids()[0];
        let texts: Vec<String> = (0..grid.height()).map(|r| grid.text(r, 1)).collect();
        assert!(texts.iter().all(|t| !t.contains("_x000D_")));
        assert!(texts.iter().any(|t| t.contains("\n[Base Line]")), "{texts:?}");
        assert!((0..grid.height()).any(|r| grid.get(r, 0) == &Cell::Text("   051".into())));
    }

    #[test]
    fn bps_hidden_sheets_are_marked() {
        let book = open("bps-tapin-target-volume-ro-progress-2026.xlsx");
        let hidden: Vec<&str> = book.sheets.iter().filter(|s| s.hidden).map(|s| s.name.as_str()).collect();
        assert_eq!(hidden, ["Rekap Vol RO", "Rekap all", "TVRO", "LK PSS"]);
    }

    #[test]
    fn xls_codes_and_merges() {
        let book = open("jabar-biro-perekonomian-renja-lampiran.xls");
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Sheet", "J-1", "J-2", "J-3"]);
        assert_eq!(book.sheet("J-1").unwrap().merged.len(), 15);
    }
}
