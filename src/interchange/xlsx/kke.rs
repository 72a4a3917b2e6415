//! The reviewer's worksheets (KKE Format 1 and 2) as `crate::worksheet`
//! makes them: the rows in the tree's reading order, each criterion's mark
//! (the reviewer's in black, the validator's automatic one in grey
//! italics), the note, and the percentage under the table.

use super::format::{agency_line, Paper, Sheet, Styles, HEADER_ROW};
use super::monitoring::notes_below;
use crate::model::{Document, Kke, Mark};
use crate::Error;
use rust_xlsxwriter::Workbook;

pub(super) fn write(book: &mut Workbook, styles: &Styles, doc: &Document, kke: Kke, paper: Paper) -> Result<(), Error> {
    let ws = crate::worksheet::for_document(doc, kke);
    let marks = ws.criteria.len();
    // No | Level | Kondisi | (Indikator | Satuan) or (Kondisi di atasnya) | marks | Catatan | Temuan pemeriksaan
    let middle: Vec<(&str, f64)> = match kke {
        Kke::Indicators => vec![("Indikator", 30.0), ("Satuan", 10.0)],
        Kke::Cascade => vec![("Kondisi di atasnya", 36.0)],
    };
    let mut widths = vec![6.0, 16.0, 36.0];
    widths.extend(middle.iter().map(|m| m.1));
    widths.extend(std::iter::repeat_n(if marks > 1 { 8.5 } else { 10.0 }, marks));
    widths.extend([30.0, 40.0]);
    let sheet_name = format!("KKE Format {}", kke.number());
    let mut sheet = Sheet::new(book.add_worksheet(), styles, &sheet_name, &widths)?;
    sheet.title_block(&ws.title.to_uppercase(), &doc.document.title, &agency_line(doc))?;
    let mut titles: Vec<String> = vec!["No".into(), "Level".into(), "Kondisi".into()];
    titles.extend(middle.iter().map(|m| m.0.to_string()));
    titles.extend(ws.criteria.iter().map(|c| format!("{}\n{}", c.short, c.label)));
    titles.extend(["Catatan untuk perbaikan".to_string(), "Temuan pemeriksaan (tanda T otomatis)".to_string()]);
    for (c, title) in titles.iter().enumerate() {
        sheet.text(HEADER_ROW, c as u16, title, &styles.header)?;
    }
    let first_mark = 3 + middle.len() as u16;
    let mut row = HEADER_ROW + 1;
    for (k, r) in ws.rows.iter().enumerate() {
        sheet.number(row, 0, (k + 1) as f64, &styles.centre)?;
        sheet.text(row, 1, &r.level, &styles.text)?;
        sheet.text(row, 2, &r.statement, &styles.text)?;
        match kke {
            Kke::Indicators => {
                sheet.text(row, 3, r.indicator.as_deref().unwrap_or(""), &styles.text)?;
                sheet.text(row, 4, r.unit.as_deref().unwrap_or(""), &styles.centre)?;
            }
            Kke::Cascade => sheet.text(row, 3, r.parent.as_deref().unwrap_or(""), &styles.text)?,
        }
        for (j, cell) in r.cells.iter().enumerate() {
            let format = if cell.auto { &styles.auto } else { &styles.centre };
            sheet.text(row, first_mark + j as u16, cell.mark.map_or("", Mark::label), format)?;
        }
        let after = first_mark + marks as u16;
        sheet.text(row, after, &r.note, &styles.text)?;
        // Why an automatic T (the findings); an automatic Y says only that none fired.
        let reasons: Vec<&str> = r.cells.iter().filter(|c| c.auto && c.mark == Some(Mark::T)).map(|c| c.reason.as_str()).collect();
        sheet.text(row, after + 1, &reasons.join(" "), &styles.text)?;
        row += 1;
    }
    let last_col = (widths.len() - 1) as u16;
    if ws.rows.is_empty() {
        sheet.merged(row, row, 0, last_col, "Belum ada baris untuk dinilai.", &styles.text)?;
        row += 1;
    }
    // The score, under the marks.
    let label_end = first_mark - 1;
    let score = |sheet: &mut Sheet, row: u32, label: &str, value: f64| -> Result<(), Error> {
        sheet.merged(row, row, 0, label_end, label, &styles.bold)?;
        sheet.merged(row, row, first_mark, first_mark + marks as u16 - 1, "", &styles.percent_bold)?;
        sheet.number(row, first_mark, value, &styles.percent_bold)?;
        Ok(())
    };
    match kke {
        Kke::Indicators => {
            score(&mut sheet, row, "Persentase SMART (%)", ws.percentage)?;
            row += 1;
            score(&mut sheet, row, "Persentase Menantang (%)", ws.challenging.unwrap_or(0.0))?;
        }
        Kke::Cascade => score(&mut sheet, row, "Persentase logika cascading (%)", ws.percentage)?,
    }
    row += 2;
    let notes = [
        "Y = 1, K = 0,5, T = 0; sel kosong belum dinilai dan dihitung 0.".to_string(),
        "Tanda abu-abu miring: otomatis dari pemeriksaan aturan (belum dinilai reviu); tanda hitam: penilaian reviu.".to_string(),
        format!("Sel yang belum dinilai: {}.", ws.unjudged),
    ];
    notes_below(&mut sheet, row, last_col, &notes)?;
    sheet.page_setup(paper, true, HEADER_ROW, HEADER_ROW, doc)?;
    sheet.finish()
}
