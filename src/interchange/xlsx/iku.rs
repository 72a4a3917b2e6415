//! IKU Renstra: one row per indicator in the tree's reading order (a node
//! without indicators gets one row), with the Renstra targets of every
//! year of the period. No merges, so the table sorts and filters well; the
//! importer reads this shape back (`interchange::sheet`).
//!
//! Sheet "IKU Renstra": rows 1–3 the title block, row 5 the header
//! `No | Level | Pernyataan | Indikator | Satuan | Baseline | Target <Y1> …
//! Target <Yn> | Penanggung Jawab`, then the rows. `No` is the node's
//! outline number ("1.1.2", as text) on each of its rows.

use super::format::{agency_line, level_name, Paper, Sheet, Styles, HEADER_ROW};
use crate::model::Document;
use crate::Error;
use rust_xlsxwriter::Workbook;

pub(super) const SHEET: &str = "IKU Renstra";
pub(super) const TITLE: &str = "INDIKATOR KINERJA UTAMA (IKU) RENSTRA";

/// The header's titles.
pub(super) fn header(doc: &Document) -> Vec<String> {
    let mut titles: Vec<String> = ["No", "Level", "Pernyataan", "Indikator", "Satuan", "Baseline"].map(String::from).to_vec();
    titles.extend(doc.document.period.years().map(|y| format!("Target {y}")));
    titles.push("Penanggung Jawab".into());
    titles
}

/// The owner's name as the table prints it (its id when the unit is missing).
pub(super) fn owner_name(doc: &Document, owner: Option<&str>) -> String {
    match owner.map(str::trim).filter(|o| !o.is_empty()) {
        Some(id) => doc.unit(id).map_or_else(|| id.to_string(), |u| u.name.clone()),
        None => String::new(),
    }
}

pub(super) fn write(book: &mut Workbook, styles: &Styles, doc: &Document, paper: Paper) -> Result<(), Error> {
    let years: Vec<i32> = doc.document.period.years().collect();
    let mut widths = vec![7.0, 16.0, 42.0, 38.0, 11.0, 10.0];
    widths.extend(years.iter().map(|_| 10.0));
    widths.push(26.0);
    let mut sheet = Sheet::new(book.add_worksheet(), styles, SHEET, &widths)?;
    sheet.title_block(TITLE, &doc.document.title, &agency_line(doc))?;
    for (c, title) in header(doc).iter().enumerate() {
        sheet.text(HEADER_ROW, c as u16, title, &styles.header)?;
    }
    let h = doc.hierarchy();
    let numbers = crate::print::tree::branches::numbers(&h);
    let target_col = 6u16;
    let owner_col = target_col + years.len() as u16;
    let mut row = HEADER_ROW + 1;
    for &i in &h.order {
        let node = &doc.tree.nodes[i];
        let level = level_name(doc, node.level);
        let owner = owner_name(doc, node.owner.as_deref());
        let count = node.indicators.len().max(1);
        for k in 0..count {
            sheet.text(row, 0, &numbers[i], &styles.centre)?;
            sheet.text(row, 1, &level, &styles.text)?;
            sheet.text(row, 2, &node.statement, &styles.text)?;
            match node.indicators.get(k) {
                Some(ind) => {
                    sheet.text(row, 3, &ind.name, &styles.text)?;
                    sheet.text(row, 4, &ind.unit, &styles.centre)?;
                    sheet.value(row, 5, ind.baseline.value.as_ref())?;
                    for (j, y) in years.iter().enumerate() {
                        sheet.value(row, target_col + j as u16, ind.targets.get(y))?;
                    }
                }
                None => {
                    for c in 3..owner_col {
                        sheet.blank(row, c, &styles.blank)?;
                    }
                }
            }
            sheet.text(row, owner_col, &owner, &styles.text)?;
            row += 1;
        }
    }
    sheet.ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), owner_col).map_err(super::format::xlsx_error)?;
    sheet.page_setup(paper, true, HEADER_ROW, HEADER_ROW, doc)?;
    sheet.finish()
}
