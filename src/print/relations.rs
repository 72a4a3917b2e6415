//! The printed Peta Relasi: one row per process (sub-processes indented),
//! one column per unit that runs a process, a mark where it does. A paged
//! table (`layout::table`): rows continue on further sheets under the
//! repeated column titles; the signature follows the last row.

use super::furniture::{draw_heading, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::PageSetup;
use crate::layout::table::{layout_table, Cell, ColumnSpec, PageFrame, PlacedRow, RowSpec, TableSpec, TextStyle};
use crate::model::{Document, ProcessCategory, Unit};
use crate::render::theme::{self, grey};
use crate::render::{Provenance, Sheet};

/// The printout's heading, and what it shows.
pub(super) const HEADING: &str = "PETA RELASI";
const SUBTITLE: &str = "Proses × unit kerja";

/// Why the document has no Peta Relasi to print, if it has none: no
/// processes, or no process with the units that run it.
pub(super) fn lacking(doc: &Document) -> Option<String> {
    let processes = &doc.processes.map.processes;
    if processes.is_empty() {
        return Some("Dokumen ini belum memiliki peta proses bisnis, sehingga peta relasi (proses × unit kerja) belum dapat dicetak. Isi peta proses bisnis lebih dulu.".into());
    }
    if processes.iter().all(|p| p.owners.is_empty()) {
        return Some("Peta relasi belum dapat dicetak: belum ada proses yang diberi unit kerja pelaksananya. Pilih unit kerja pada setiap proses di peta proses bisnis.".into());
    }
    None
}
/// The columns before the units: process name, category.
const LEADING_COLUMNS: usize = 2;
/// Room between the last row and the signature.
const SIGNATURE_GAP: f32 = 10.0;

pub(super) fn compose_relations(doc: &Document, provenance: &Provenance, page: &PageSetup) -> Vec<Sheet> {
    // The same rows and columns as the screen's Peta Relasi.
    let layout = crate::layout::relations::layout_relations(doc);
    let processes: Vec<&crate::model::Process> = layout.rows.iter().filter_map(|r| doc.process(&r.process)).collect();
    let depths: Vec<usize> = layout.rows.iter().map(|r| r.depth).collect();
    let units: Vec<&Unit> = layout.units.iter().filter_map(|id| doc.unit(id)).collect();
    let m = page.margin;
    let width = page.width - 2.0 * m;
    let name_w = (width * 0.38).max(160.0);
    let cat_w = 62.0;
    let col_w = ((width - name_w - cat_w) / units.len().max(1) as f32).min(90.0);
    let mut columns = vec![ColumnSpec { width: name_w, inset: 4.0 }, ColumnSpec { width: cat_w, inset: 4.0 }];
    columns.extend(units.iter().map(|_| ColumnSpec { width: col_w, inset: 3.0 }));

    // Column titles: lines 8.2 pt apart, however large their text.
    let title_style = TextStyle::new(7.5, true).line_height(8.2);
    let mut titles = vec![Cell::new("Proses bisnis", title_style), Cell::new("Kategori", title_style)];
    let unit_style = TextStyle::new(6.5, true).line_height(8.2).centred();
    titles.extend(units.iter().map(|u| Cell::new(u.label(), unit_style)));
    let mut rows = processes
        .iter()
        .zip(&depths)
        .map(|(process, &depth)| {
            let (name, indent) = match depth {
                0 => (process.name.clone(), 0.0),
                _ => (format!("– {}", process.name), 10.0 * depth as f32),
            };
            let name = Cell::new(name, TextStyle::new(7.5, depth == 0).line_height(9.4)).indented(indent);
            let category = Cell::new(category(process.category), TextStyle::new(7.0, false).line_height(9.4));
            RowSpec::new(vec![name, category], 1.5, 4.5)
        })
        .collect::<Vec<_>>();
    // The signature as a last row without cells, kept with the row before
    // it: never alone on a sheet, never split.
    let signature_row = rows.len();
    rows.last_mut().expect("a Peta Relasi has processes (`lacking`)").keep_with_next = true;
    rows.push(RowSpec::new(Vec::new(), 0.0, 0.0).min_height(SIGNATURE_GAP + SIGNATURE_H));
    let spec = TableSpec { x: m, columns, header: vec![RowSpec::new(titles, 2.0, 8.0)], rows };
    let bottom = page.height - m - FOOTER_H - 8.0;
    let table = layout_table(&spec, &PageFrame { first_top: m + HEADER_H, next_top: m + HEADER_H, bottom });

    let mut sheets = Vec::with_capacity(table.pages.len() + 1);
    for table_page in &table.pages {
        let mut sheet = Sheet::new(page.width, page.height);
        draw_heading(&mut sheet, doc, m, HEADING, SUBTITLE);
        for row in &table_page.header {
            sheet.rect(m, row.y, width, row.height, Some(theme::TABLE_HEADER), Some((grey(0.5), 0.5)));
            draw_cells(&mut sheet, row, 0..LEADING_COLUMNS);
            for k in LEADING_COLUMNS..table.columns.len() {
                let x = table.columns[k].x;
                sheet.polyline(&[[x, row.y], [x, row.y + row.height]], grey(0.6), 0.4, false);
                draw_cells(&mut sheet, row, k..k + 1);
            }
        }
        for row in &table_page.rows {
            if row.index == signature_row {
                draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, row.y + SIGNATURE_GAP, provenance);
                continue;
            }
            sheet.rect(m, row.y, width, row.height, None, Some((grey(0.7), 0.4)));
            draw_cells(&mut sheet, row, 0..LEADING_COLUMNS);
            let process = &processes[row.index];
            for (unit, column) in units.iter().zip(&table.columns[LEADING_COLUMNS..]) {
                let x = column.x;
                sheet.polyline(&[[x, row.y], [x, row.y + row.height]], grey(0.7), 0.4, false);
                if process.owners.contains(&unit.id) {
                    let d = 7.0;
                    sheet.rect(x + (col_w - d) / 2.0, row.y + (row.height - d) / 2.0, d, d, Some(theme::MARK), None);
                }
            }
        }
        sheets.push(sheet);
    }
    sheets
}

/// The text of a row's cells in `columns`.
fn draw_cells(sheet: &mut Sheet, row: &PlacedRow, columns: std::ops::Range<usize>) {
    for line in row.cells[columns].iter().flatten() {
        sheet.text(line.x, line.baseline, &line.text, line.size, line.bold, theme::INK);
    }
}

fn category(category: ProcessCategory) -> &'static str {
    match category {
        ProcessCategory::Management => "Manajerial",
        ProcessCategory::Core => "Utama",
        ProcessCategory::Support => "Pendukung",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Item;

    fn texts(sheet: &Sheet) -> Vec<&str> {
        sheet.texts().collect()
    }

    #[test]
    fn a_long_map_continues_under_repeated_column_titles_with_every_mark() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let base: Vec<_> = doc.processes.map.processes.iter().cloned().collect();
        let mut copies = Vec::new();
        for k in 0..6 {
            for process in &base {
                let mut process = process.clone();
                process.id = format!("{}-{k}", process.id);
                process.parent = process.parent.map(|p| format!("{p}-{k}"));
                copies.push(process);
            }
        }
        doc.processes.map.processes = copies.into();
        let fingerprint = "0".repeat(64);
        let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
        let sheets = compose_relations(&doc, &provenance, &PageSetup { width: 595.0, height: 842.0, margin: 28.0 });
        assert!(sheets.len() > 1);
        let table_sheets = sheets.iter().filter(|s| texts(s).contains(&"Proses bisnis")).count();
        assert!(table_sheets == sheets.len() || table_sheets == sheets.len() - 1);
        let marks = sheets.iter().flat_map(|s| &s.items).filter(|i| matches!(i, Item::Rect { fill: Some(c), .. } if *c == theme::MARK)).count();
        let owned: usize =
            doc.processes.map.processes.iter().map(|p| doc.units.iter().filter(|u| p.owners.contains(&u.id)).count()).sum();
        assert_eq!(marks, owned);
        assert!(texts(sheets.last().unwrap()).iter().any(|t| t.starts_with("NIP.")), "the signature comes last");
    }
}
