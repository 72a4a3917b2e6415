//! The lampiran of a unit's Perjanjian Kinerja for a year, as the printout
//! gathers it (`print::pk::content`): the sasaran at the level of the
//! unit's echelon with their indicators and the year's agreed targets, the
//! budgets under the unit's nodes (each rupiah once) with their total, and
//! the two signatures.

use super::format::{agency, xlsx_error, Paper, Sheet, Styles, HEADER_ROW};
use crate::model::{Document, Unit};
use crate::print::pk::{content, period_years, place_date};
use crate::Error;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

/// The unit asked for, or a message naming the units there are.
pub(super) fn unit<'a>(doc: &'a Document, id: Option<&str>) -> Result<&'a Unit, Error> {
    let ids = || doc.units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>().join(", ");
    match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => doc.unit(id).ok_or_else(|| Error::refused(format!("Unit `{id}` tidak ada di dokumen ini; unit yang ada: {}.", ids()))),
        None => Err(Error::refused(format!("Perjanjian Kinerja perlu unit; pilih salah satu: {}.", ids()))),
    }
}

pub(super) fn write(book: &mut Workbook, styles: &Styles, doc: &Document, unit: &Unit, year: i32, paper: Paper) -> Result<(), Error> {
    if !doc.document.period.years().contains(&year) {
        return Err(Error::refused(format!("Tahun {year} di luar periode; pilih salah satu tahun {}.", period_years(doc))));
    }
    let tree = doc.hierarchy();
    let choice = content::pk_levels(doc, unit);
    let widths = [6.0, 42.0, 40.0, 12.0, 18.0];
    let mut sheet = Sheet::new(book.add_worksheet(), styles, "Lampiran PK", &widths)?;
    let head = if unit.parent.as_deref().and_then(|p| doc.unit(p)).is_none() && !doc.document.agency.trim().is_empty() {
        agency(doc).to_uppercase()
    } else {
        format!("{} — {}", unit.name.to_uppercase(), agency(doc).to_uppercase())
    };
    sheet.title_block(&format!("LAMPIRAN PERJANJIAN KINERJA TAHUN {year}"), &head, &doc.document.title)?;

    // (1) Sasaran, indicators, the year's targets.
    let titles = ["No", "Sasaran", "Indikator Kinerja", "Satuan", &format!("Target {year}")];
    for (c, title) in titles.iter().enumerate() {
        sheet.text(HEADER_ROW, c as u16, title, &styles.header)?;
    }
    let mut row = HEADER_ROW + 1;
    let mut number = 0;
    for &i in &tree.order {
        let node = &doc.tree.nodes[i];
        if !content::owns(unit, node) || !choice.levels.contains(&node.level) {
            continue;
        }
        number += 1;
        let rows = node.indicators.len().max(1) as u32;
        sheet.merged(row, row + rows - 1, 0, 0, &format!("{number}."), &styles.centre)?;
        sheet.merged(row, row + rows - 1, 1, 1, node.statement.trim(), &styles.text)?;
        if node.indicators.is_empty() {
            for (c, text) in [(2, "–"), (3, ""), (4, "–")] {
                sheet.text(row, c, text, &styles.centre)?;
            }
        }
        for (k, ind) in node.indicators.iter().enumerate() {
            let r = row + k as u32;
            let name = if ind.name.trim().is_empty() { "(indikator tanpa nama)" } else { ind.name.trim() };
            sheet.text(r, 2, name, &styles.text)?;
            sheet.text(r, 3, ind.unit.trim(), &styles.centre)?;
            match content::agreed_target(ind, year) {
                Some(target) => sheet.value(r, 4, Some(target))?,
                None => sheet.text(r, 4, "–", &styles.centre)?,
            }
        }
        row += rows;
    }
    if number == 0 {
        sheet.text(row, 0, "–", &styles.centre)?;
        sheet.merged(row, row, 1, 4, &format!("Belum ada sasaran yang dipegang {}.", unit.name), &styles.text)?;
        row += 1;
    }

    // (2) Programs, kegiatan, sub kegiatan and their budget.
    row += 1;
    sheet.text(row, 0, "No", &styles.header)?;
    sheet.merged(row, row, 1, 3, "Program / Kegiatan / Sub Kegiatan", &styles.header)?;
    sheet.text(row, 4, "Anggaran (Rp)", &styles.header)?;
    row += 1;
    let budget = content::budget(doc, &tree, unit);
    for (k, line) in budget.iter().enumerate() {
        sheet.text(row, 0, &format!("{}.", k + 1), &styles.centre)?;
        sheet.merged(row, row, 1, 3, &line.name, &styles.text)?;
        sheet.number(row, 4, line.ceiling as f64, &styles.integer)?;
        row += 1;
    }
    if budget.is_empty() {
        sheet.text(row, 0, "–", &styles.centre)?;
        sheet.merged(row, row, 1, 3, "Belum ada anggaran pada kondisi yang dipegang unit ini.", &styles.text)?;
        sheet.text(row, 4, "–", &styles.centre)?;
        row += 1;
    }
    sheet.blank(row, 0, &styles.blank)?;
    sheet.merged(row, row, 1, 3, "Jumlah", &styles.bold)?;
    sheet.number(row, 4, budget.iter().map(|b| b.ceiling).sum::<i64>() as f64, &styles.integer_bold)?;
    row += 3;

    // The signatures: pihak kedua on the left, pihak pertama on the right.
    let centred = Format::new().set_font_name("Arial").set_font_size(10).set_align(FormatAlign::Center).set_text_wrap();
    let bold = centred.clone().set_bold();
    let underlined = bold.clone().set_underline(rust_xlsxwriter::FormatUnderline::Single);
    let first = content::party(doc, unit);
    let second = content::superior(doc, unit);
    let (left, right) = ((0u16, 1u16), (2u16, 4u16));
    let line = |sheet: &mut Sheet, row: u32, (c0, c1): (u16, u16), text: &str, format: &Format| -> Result<(), Error> {
        sheet.ws.merge_range(row, c0, row, c1, text, format).map_err(xlsx_error)?;
        Ok(())
    };
    line(&mut sheet, row, right, &place_date(doc, year), &centred)?;
    row += 1;
    let blocks: Vec<((u16, u16), &content::Party, &str)> = match &second {
        Some(second) => vec![(left, second, "PIHAK KEDUA,"), (right, &first, "PIHAK PERTAMA,")],
        None => vec![(right, &first, "")],
    };
    for (columns, party, heading) in blocks {
        let mut r = row;
        line(&mut sheet, r, columns, heading, &centred)?;
        r += 1;
        line(&mut sheet, r, columns, &format!("{},", party.position_upper()), &bold)?;
        r += 5;
        let name = if party.name.is_empty() { "……………………………………" } else { &party.name };
        line(&mut sheet, r, columns, name, &underlined)?;
        r += 1;
        if !party.rank.is_empty() {
            line(&mut sheet, r, columns, &party.rank, &centred)?;
            r += 1;
        }
        if !party.nip.is_empty() || !party.regional_head {
            let nip = if party.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", party.nip) };
            line(&mut sheet, r, columns, &nip, &centred)?;
        }
    }
    // The position may take two lines.
    sheet.ws.set_row_height(row + 1, 27).map_err(xlsx_error)?;
    sheet.page_setup(paper, false, HEADER_ROW, HEADER_ROW, doc)?;
    sheet.ws.set_print_area(0, 0, row + 9, 4).map_err(xlsx_error)?;
    sheet.finish()
}
