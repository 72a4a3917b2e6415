//! The two entry points the CLI and the shell call: `inspect` (what the
//! wizard shows first) and `import` (the resulting document, not stored).

use super::build::{self, this_year};
use super::grid::{Cell, Grid, SheetInfo, Workbook};
use super::layouts::{self, Years};
use super::mapping::{ColumnRole, Hierarchy, ImportOptions, LayoutKind, Mapping};
use super::{header, read, ImportMessage};
use crate::model::limits::{MAX_LIST_ITEMS, MAX_TEXT_CHARS, YEAR_MAX, YEAR_MIN};
use crate::model::{Document, Period};
use crate::Error;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A workbook as the wizard's first page shows it: its sheets, the chosen
/// sheet's detected header band, headers and first rows, and the layout
/// and mapping detected for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Inspection {
    pub sheets: Vec<SheetInfo>,
    pub sheet: String,
    /// One header per column, the header rows read as one ("Realisasi Kinerja Pada Triwulan › I › K").
    pub headers: Vec<String>,
    /// The first rows after the header band, as the cells show (at most 30).
    pub sample: Vec<Vec<String>>,
    /// Excel row numbers of the sample rows.
    pub sample_rows: Vec<u32>,
    /// Detected mapping, or absent where no layout recognises the sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mapping: Option<Mapping>,
    /// Why no layout recognised the sheet (or other remarks).
    pub messages: Vec<ImportMessage>,
}

/// What an import yields, before it is stored.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportOutcome {
    #[ts(type = "unknown")]
    pub document: Document,
    pub summary: ImportSummary,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportSummary {
    pub sheet: String,
    pub mapping_used: Option<Mapping>,
    /// (level name, nodes) in level order; nodes added by this import.
    pub nodes_per_level: Vec<(String, usize)>,
    pub indicators: usize,
    /// Target values read (Renstra and PK).
    pub targets: usize,
    /// Realisasi values read (years and quarters).
    pub realisasi: usize,
    /// Σ pagu read, rupiah, each branch counted once (a child's pagu inside its parent's is not added again).
    pub pagu: i64,
    /// Σ realisasi anggaran read, rupiah, each branch counted once.
    pub spent: i64,
    /// Excel row numbers of hidden rows left out (or taken, with include_hidden).
    pub hidden_rows: Vec<u32>,
    /// Rows read as data.
    pub rows: usize,
    pub messages: Vec<ImportMessage>,
    /// The resulting tree, depth-first, for the wizard's preview (at most 200 rows).
    pub outline: Vec<OutlineRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutlineRow {
    pub depth: usize,
    pub level: String,
    pub statement: String,
    pub indicators: usize,
}

/// The workbook's sheets and, for `sheet` (default: the first visible
/// one a layout recognises), its header band and detected mapping.
pub fn inspect(path: &Path, sheet: Option<&str>) -> Result<Inspection, Error> {
    let workbook = Workbook::open(path)?;
    inspect_workbook(&workbook, sheet)
}

pub fn inspect_workbook(workbook: &Workbook, sheet: Option<&str>) -> Result<Inspection, Error> {
    let years = Years { base: this_year(), current: this_year() };
    let grid = match sheet {
        Some(name) => workbook.sheet(name)?,
        None => choose_sheet(workbook, None, years).map(|(g, _)| g).or_else(|| first_visible(workbook)).ok_or_else(|| empty_book(workbook))?,
    };
    let mut messages = Vec::new();
    let band = header::detect(grid, None);
    let mapping = match &band {
        Some(band) => match layouts::recognise(grid, band, None, years) {
            Ok(m) => Some(m),
            Err(why) => {
                messages.push(ImportMessage::at(&grid.sheet, None, None, why));
                None
            }
        },
        None => {
            messages.push(ImportMessage::at(&grid.sheet, None, None, "baris judul kolom tidak ditemukan (baris dengan beberapa judul kolom)"));
            None
        }
    };
    let start = band.as_ref().map_or(0, |b| b.data_start());
    let width = grid.width();
    let mut sample = Vec::new();
    let mut sample_rows = Vec::new();
    for r in start..grid.height() {
        if sample.len() >= 30 {
            break;
        }
        if grid.is_row_empty(r) {
            continue;
        }
        sample.push((0..width).map(|c| grid.text(r, c)).collect());
        sample_rows.push(r + 1);
    }
    Ok(Inspection {
        sheets: workbook.sheets.clone(),
        sheet: grid.sheet.clone(),
        headers: band.map(|b| b.headers).unwrap_or_else(|| vec![String::new(); width as usize]),
        sample,
        sample_rows,
        mapping,
        messages,
    })
}

fn first_visible(workbook: &Workbook) -> Option<&Grid> {
    workbook.sheets.iter().zip(workbook.grids()).find(|(s, g)| !s.hidden && g.height() > 0).map(|(_, g)| g).or(workbook.grids().first())
}

fn empty_book(workbook: &Workbook) -> Error {
    Error::Invalid { file: workbook.file.clone(), place: "buku kerja".into(), message: "tidak ada sheet berisi".into() }
}

/// The first visible sheet the layout recognises, with its mapping.
fn choose_sheet(workbook: &Workbook, layout: Option<LayoutKind>, years: Years) -> Option<(&Grid, Mapping)> {
    workbook.sheets.iter().zip(workbook.grids()).filter(|(s, _)| !s.hidden).find_map(|(_, grid)| {
        let band = header::detect(grid, None)?;
        layouts::recognise(grid, &band, layout, years).ok().map(|m| (grid, m))
    })
}

/// A year written in the title rows above the header ("Tahun 2025").
fn title_year(grid: &Grid, rows: u32) -> Option<i32> {
    (0..rows.min(grid.height())).flat_map(|r| grid.row(r).iter()).find_map(|cell| {
        let t = cell.text().to_lowercase();
        let at = t.find("tahun")?;
        let digits: String = t[at + 5..].trim_start().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok().filter(|y| (1990..=2100).contains(y))
    })
}

/// The document title, agency and period from the rows above the header
/// (the export writes "MATRIKS CASCADING" / title / "agency — government — Periode 2021–2026").
fn title_block(workbook: &Workbook, grid: &Grid, rows: u32) -> build::Header {
    let mut texts: Vec<String> = Vec::new();
    for r in 0..rows.min(grid.height()) {
        if let Some(t) = grid.row(r).iter().map(Cell::text).find(|t| !t.trim().is_empty()) {
            let t = read::clean(&t);
            if !texts.contains(&t) {
                texts.push(t);
            }
        }
    }
    let mut header = build::Header { title: String::new(), agency: String::new(), government: String::new(), period: None };
    let mut rest = Vec::new();
    for t in texts {
        if let Some(at) = t.find("Periode ") {
            let span = &t[at + 8..];
            let years: Vec<i32> = span.split(|c: char| !c.is_ascii_digit()).filter_map(|y| y.parse().ok()).filter(|y| (1900..=2200).contains(y)).collect();
            if let [from, to, ..] = years[..] {
                if from <= to && to - from < 25 {
                    header.period = Some(Period { from, to });
                }
            }
            let parts: Vec<&str> = t[..at].split(" — ").map(str::trim).filter(|p| !p.is_empty()).collect();
            header.agency = parts.first().map(|s| s.to_string()).unwrap_or_default();
            header.government = parts.get(1).map(|s| s.to_string()).unwrap_or_default();
            continue;
        }
        rest.push(t);
    }
    const KINDS: &[&str] = &["MATRIKS CASCADING", "INDIKATOR KINERJA UTAMA (IKU) RENSTRA"];
    header.title = match rest.iter().position(|t| KINDS.contains(&t.as_str())) {
        Some(i) if rest.len() > i + 1 => rest[i + 1].clone(),
        _ => rest.join(" "),
    };
    if header.title.chars().count() > 300 || header.title.is_empty() {
        header.title = Path::new(&workbook.file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| grid.sheet.clone());
    }
    header
}

fn invalid(workbook: &Workbook, place: String, message: String) -> Error {
    Error::Invalid { file: workbook.file.clone(), place, message }
}

/// Imports `path` as `options` say: into a copy of `into` (realisasi,
/// pagu and new nodes added to the open document), or as a new document.
/// Nothing is stored; errors name sheet, row and column.
pub fn import(path: &Path, options: &ImportOptions, into: Option<&Document>) -> Result<ImportOutcome, Error> {
    let workbook = Workbook::open(path)?;
    import_workbook(&workbook, options, into)
}

pub fn import_workbook(workbook: &Workbook, options: &ImportOptions, into: Option<&Document>) -> Result<ImportOutcome, Error> {
    let fallback = options.year.or(into.map(|d| d.document.period.from)).unwrap_or_else(this_year);
    let layout = Some(options.layout).filter(|l| *l != LayoutKind::Generic);
    let (grid, mapping, title_rows) = match (&options.mapping, &options.sheet) {
        (Some(mapping), sheet) => {
            let grid = match sheet {
                Some(name) => workbook.sheet(name)?,
                None => first_visible(workbook).ok_or_else(|| empty_book(workbook))?,
            };
            (grid, mapping.clone(), mapping.header_start)
        }
        (None, Some(name)) => {
            let grid = workbook.sheet(name)?;
            let place = format!("Sheet '{name}'");
            let band = header::detect(grid, options.header_rows)
                .ok_or_else(|| invalid(workbook, place.clone(), "baris judul kolom tidak ditemukan (baris dengan beberapa judul kolom)".into()))?;
            let years = sheet_years(grid, band.start, options, fallback);
            let mapping = layouts::recognise(grid, &band, layout, years).map_err(|why| invalid(workbook, place, why))?;
            (grid, mapping, band.start)
        }
        (None, None) => {
            let found = workbook.sheets.iter().zip(workbook.grids()).filter(|(s, _)| !s.hidden).find_map(|(_, grid)| {
                let band = header::detect(grid, options.header_rows)?;
                let years = sheet_years(grid, band.start, options, fallback);
                layouts::recognise(grid, &band, layout, years).ok().map(|m| (grid, m, band.start))
            });
            match found {
                Some(found) => found,
                None => {
                    let reasons: Vec<String> = workbook
                        .sheets
                        .iter()
                        .zip(workbook.grids())
                        .filter(|(s, _)| !s.hidden)
                        .map(|(_, grid)| {
                            let why = match header::detect(grid, options.header_rows) {
                                None => "baris judul kolom tidak ditemukan".to_string(),
                                Some(band) => layouts::recognise(grid, &band, layout, sheet_years(grid, band.start, options, fallback)).err().unwrap_or_default(),
                            };
                            format!("'{}': {why}", grid.sheet)
                        })
                        .collect();
                    let what = match layout {
                        Some(l) => format!("tabel {}", layout_name(l)),
                        None => "tabel yang dikenali".into(),
                    };
                    return Err(invalid(
                        workbook,
                        "buku kerja".into(),
                        format!("tidak ada sheet terlihat berisi {what}; {}", if reasons.is_empty() { "tidak ada sheet terlihat".into() } else { reasons.join("; ") }),
                    ));
                }
            }
        }
    };
    let place = format!("Sheet '{}'", grid.sheet);
    check_mapping(&mapping).map_err(|why| invalid(workbook, place.clone(), why))?;
    let reading = read::read(grid, &mapping, options.include_hidden);
    check_sizes(grid, &reading).map_err(|(row, col, why)| {
        let m = ImportMessage::at(&grid.sheet, Some(row), col, why);
        invalid(workbook, m.place(), m.text)
    })?;
    if reading.items.is_empty() {
        return Err(invalid(workbook, place, "tidak ada baris pernyataan yang terbaca di bawah judul kolom".into()));
    }
    let mut summary = ImportSummary {
        sheet: grid.sheet.clone(),
        mapping_used: Some(mapping.clone()),
        hidden_rows: reading.hidden_rows.clone(),
        rows: reading.rows,
        messages: reading.messages.clone(),
        ..ImportSummary::default()
    };
    let undated = mapping.columns.iter().any(|r| matches!(r, ColumnRole::Realisasi { .. } | ColumnRole::Spent { .. }));
    if undated && options.year.is_none() && options.mapping.is_none() && title_year(grid, title_rows).is_none() {
        let year = sheet_years(grid, title_rows, options, fallback).current;
        let said = mapping.columns.iter().any(|r| matches!(r, ColumnRole::Realisasi { .. }))
            && grid_headers_name_year(grid, &mapping);
        if !said {
            summary.messages.push(ImportMessage::at(
                &grid.sheet,
                None,
                None,
                format!("tahun realisasi tidak tertulis di sheet; dipakai {year} (pilih tahun lain bila perlu)"),
            ));
        }
    }
    if !reading.hidden_rows.is_empty() {
        let rows: Vec<String> = reading.hidden_rows.iter().map(u32::to_string).collect();
        let what = if options.include_hidden { "ikut diimpor" } else { "dilewati" };
        summary.messages.insert(0, ImportMessage::at(&grid.sheet, None, None, format!("baris tersembunyi {what}: {}", rows.join(", "))));
    }
    let document = match into {
        Some(base) => build::into_document(base, &reading, mapping.layout, &mut summary),
        None => build::new_document(&reading, &title_block(workbook, grid, title_rows), &mut summary),
    };
    Ok(ImportOutcome { document, summary })
}

/// Whether the header band names a year (then the realisasi columns carry it).
fn grid_headers_name_year(grid: &Grid, mapping: &Mapping) -> bool {
    header::headers(grid, mapping.header_start, mapping.header_rows).iter().any(|h| {
        h.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1990..=2100).contains(&y)))
    })
}

fn layout_name(layout: LayoutKind) -> &'static str {
    match layout {
        LayoutKind::Cascading => "cascading",
        LayoutKind::Iku => "IKU",
        LayoutKind::Renja => "evaluasi Renja / realisasi",
        LayoutKind::Budget => "anggaran",
        LayoutKind::Generic => "umum",
    }
}

/// The years for "Target Tahun n" and undated realisasi: the planner's,
/// else the sheet's title ("Tahun 2025"), else the document's period or this year.
fn sheet_years(grid: &Grid, title_rows: u32, options: &ImportOptions, fallback: i32) -> Years {
    let current = options.year.or_else(|| title_year(grid, title_rows)).unwrap_or(fallback);
    Years { base: options.year.unwrap_or(fallback), current }
}

fn check_mapping(mapping: &Mapping) -> Result<(), String> {
    let statement = mapping.columns.iter().any(|r| matches!(r, ColumnRole::Statement { .. } | ColumnRole::Name));
    let code = mapping.columns.iter().any(|r| matches!(r, ColumnRole::Code { .. }));
    match mapping.hierarchy {
        Hierarchy::Columns if !mapping.columns.iter().any(|r| matches!(r, ColumnRole::Statement { .. })) => {
            Err("pemetaan tanpa kolom pernyataan per tingkat (hierarki menurut kolom)".into())
        }
        Hierarchy::Code if !code && !statement => Err("pemetaan tanpa kolom kode maupun nama".into()),
        Hierarchy::LevelColumn if !statement => Err("pemetaan tanpa kolom nama/pernyataan".into()),
        _ => {
            for role in &mapping.columns {
                if let ColumnRole::Target { year } | ColumnRole::PkTarget { year } | ColumnRole::Realisasi { year, .. } = role {
                    if !(YEAR_MIN..=YEAR_MAX).contains(year) {
                        return Err(format!("tahun {year} di luar {YEAR_MIN}–{YEAR_MAX}"));
                    }
                }
            }
            Ok(())
        }
    }
}

/// Texts past the document's limit are refused at their cell.
fn check_sizes(grid: &Grid, reading: &read::Reading) -> Result<(), (u32, Option<u32>, String)> {
    let long = |t: &str| t.chars().count() > MAX_TEXT_CHARS;
    for item in &reading.items {
        let texts = std::iter::once(&item.statement).chain(item.indicators.iter().map(|i| &i.name));
        for t in texts {
            if long(t) {
                let head: String = t.chars().take(64).collect();
                let col = (0..grid.width()).find(|&c| read::clean(&grid.text(item.row, c)).starts_with(&head));
                return Err((item.row, col, format!("teks lebih dari {MAX_TEXT_CHARS} karakter")));
            }
        }
    }
    if reading.items.len() > MAX_LIST_ITEMS {
        return Err((0, None, format!("lebih dari {MAX_LIST_ITEMS} baris")));
    }
    Ok(())
}
