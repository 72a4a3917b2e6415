//! The LKjIP tables of a year from the monitoring report
//! (`crate::monitoring::report`), as the printouts make them
//! (`print::monitoring`): the Tabel capaian kinerja (each sasaran with its
//! indicators, target, realisasi, % capaian unrounded under `0.00`, the
//! category in its colour) and the Tabel realisasi anggaran (the budgeted
//! nodes numbered 1, 1.1 …, pagu, realisasi, % serapan, the total counting
//! each rupiah once).

use super::format::{agency_line, Paper, Sheet, Styles, HEADER_ROW};
use crate::model::Document;
use crate::monitoring::{self, IndicatorCapaian};
use crate::print::monitoring::anggaran;
use crate::Error;
use rust_xlsxwriter::{Color, Workbook};
use std::collections::HashMap;

pub(super) fn capaian(book: &mut Workbook, styles: &Styles, doc: &Document, year: i32, paper: Paper) -> Result<(), Error> {
    let report = monitoring::report(doc, year);
    let widths = [6.0, 36.0, 34.0, 10.0, 11.0, 11.0, 10.0, 14.0];
    let mut sheet = Sheet::new(book.add_worksheet(), styles, "Capaian Kinerja", &widths)?;
    sheet.title_block(&format!("TABEL CAPAIAN KINERJA TAHUN {year}"), &doc.document.title, &agency_line(doc))?;
    let titles = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian", "Kategori"];
    for (c, title) in titles.iter().enumerate() {
        sheet.text(HEADER_ROW, c as u16, title, &styles.header)?;
    }
    let lookup: HashMap<(&str, &str), &IndicatorCapaian> = report.indicators.iter().map(|c| ((c.node.as_str(), c.indicator.as_str()), c)).collect();
    let fills: Vec<_> = report
        .categories
        .iter()
        .map(|c| {
            let rgb = u32::from_str_radix(c.colour.trim_start_matches('#'), 16).unwrap_or(0x999999);
            // White on the dark greens and reds, black on the yellows.
            let (r, g, b) = ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            let ink = if 299 * r + 587 * g + 114 * b < 150_000 { Color::White } else { Color::Black };
            styles.centre.clone().set_background_color(Color::RGB(rgb)).set_font_color(ink).set_bold()
        })
        .collect();
    let mut row = HEADER_ROW + 1;
    let mut number = 0;
    let mut footnotes: Vec<String> = Vec::new();
    for &i in &doc.hierarchy().order {
        let node = &doc.tree.nodes[i];
        let shown: Vec<_> = node.indicators.iter().filter_map(|ind| lookup.get(&(node.id.as_str(), ind.id.as_str())).map(|c| (ind, *c))).collect();
        if shown.is_empty() {
            continue;
        }
        number += 1;
        let last = row + shown.len() as u32 - 1;
        sheet.merged(row, last, 0, 0, &format!("{number}."), &styles.centre)?;
        sheet.merged(row, last, 1, 1, &node.statement, &styles.text)?;
        for (ind, c) in shown {
            sheet.text(row, 2, &ind.name, &styles.text)?;
            sheet.text(row, 3, &ind.unit, &styles.centre)?;
            sheet.value(row, 4, c.target.as_ref())?;
            sheet.value(row, 5, c.realisasi.as_ref())?;
            match (c.capaian, c.reason.as_deref()) {
                (Some(v), _) => sheet.number(row, 6, v, &styles.percent)?,
                (None, Some(reason)) => {
                    footnotes.push(format!("({}) {}: {reason}.", footnotes.len() + 1, ind.name));
                    sheet.text(row, 6, &format!("– ({})", footnotes.len()), &styles.centre)?;
                }
                (None, None) => sheet.text(row, 6, "–", &styles.centre)?,
            }
            match c.category {
                Some(k) => sheet.text(row, 7, &report.categories[k].label, &fills[k])?,
                None => sheet.blank(row, 7, &styles.blank)?,
            }
            row += 1;
        }
    }
    if number == 0 {
        sheet.merged(row, row, 0, 7, &format!("Belum ada indikator dengan target atau realisasi tahun {year}."), &styles.text)?;
        row += 1;
    }
    row += 1;
    let notes = [
        "Target: target Perjanjian Kinerja tahun itu; bila tidak ada, target Renstra tahun itu. % Capaian = realisasi ÷ target × 100 untuk indikator yang makin tinggi makin baik; untuk yang makin rendah makin baik, menurut rumus yang dipilih pada indikator (Permenpan RB 6/2022 bila tidak dipilih).".to_string(),
        format!(
            "Kategori capaian: {}.",
            report.categories.iter().map(|c| c.min.map_or_else(|| c.label.clone(), |m| format!("{} ≥ {}", c.label, crate::format::number(m)))).collect::<Vec<_>>().join("; ")
        ),
    ];
    row = notes_below(&mut sheet, row, 7, &notes.iter().chain(&footnotes).cloned().collect::<Vec<_>>())?;
    let _ = row;
    sheet.page_setup(paper, true, HEADER_ROW, HEADER_ROW, doc)?;
    sheet.finish()
}

pub(super) fn anggaran(book: &mut Workbook, styles: &Styles, doc: &Document, year: i32, paper: Paper) -> Result<(), Error> {
    let lines = anggaran::lines(doc);
    let total = monitoring::report(doc, year).budget;
    let widths = [8.0, 58.0, 18.0, 18.0, 11.0];
    let mut sheet = Sheet::new(book.add_worksheet(), styles, "Realisasi Anggaran", &widths)?;
    sheet.title_block(&format!("TABEL REALISASI ANGGARAN TAHUN {year}"), &doc.document.title, &agency_line(doc))?;
    let titles = ["No", "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "% Serapan"];
    for (c, title) in titles.iter().enumerate() {
        sheet.text(HEADER_ROW, c as u16, title, &styles.header)?;
    }
    let grey = Color::RGB(0x6B6B6B);
    let mut row = HEADER_ROW + 1;
    for line in &lines {
        let bold = line.depth == 0;
        let pick = |plain: &rust_xlsxwriter::Format, strong: &rust_xlsxwriter::Format| {
            let f = if bold { strong.clone() } else { plain.clone() };
            if line.own { f } else { f.set_font_color(grey) }
        };
        sheet.text(row, 0, &line.number, &pick(&styles.text, &styles.bold))?;
        let label = pick(&styles.text, &styles.bold).set_indent(line.depth.min(15) as u8);
        sheet.text(row, 1, &line.label, &label)?;
        sheet.number(row, 2, line.sum.ceiling as f64, &pick(&styles.integer, &styles.integer_bold))?;
        if line.unspent {
            sheet.text(row, 3, "–", &styles.centre)?;
            sheet.text(row, 4, "–", &styles.centre)?;
        } else {
            sheet.number(row, 3, line.sum.spent as f64, &pick(&styles.integer, &styles.integer_bold))?;
            match line.sum.serapan {
                Some(v) => sheet.number(row, 4, v, &pick(&styles.percent, &styles.percent_bold))?,
                None => sheet.text(row, 4, "–", &styles.centre)?,
            }
        }
        row += 1;
    }
    if lines.is_empty() {
        sheet.merged(row, row, 0, 4, "Dokumen ini belum memiliki anggaran: belum ada program, kegiatan atau sub kegiatan dengan pagu.", &styles.text)?;
        row += 1;
    }
    sheet.blank(row, 0, &styles.blank)?;
    sheet.text(row, 1, "Jumlah", &styles.bold)?;
    sheet.number(row, 2, total.ceiling as f64, &styles.integer_bold)?;
    sheet.number(row, 3, total.spent as f64, &styles.integer_bold)?;
    match total.serapan {
        Some(v) => sheet.number(row, 4, v, &styles.percent_bold)?,
        None => sheet.text(row, 4, "–", &styles.centre)?,
    }
    row += 2;
    let mut notes = vec!["% Serapan = realisasi ÷ pagu × 100. Jumlah menghitung setiap rupiah sekali: pagu program yang juga dirinci per sub kegiatan dijumlahkan pada programnya saja.".to_string()];
    if lines.iter().any(|l| !l.own) {
        notes.push("Angka abu-abu: jumlah rincian di bawahnya (simpul tanpa pagu sendiri).".into());
    }
    if lines.iter().any(|l| l.unspent) {
        notes.push("–: realisasi belum diisi.".into());
    }
    notes_below(&mut sheet, row, 4, &notes)?;
    sheet.page_setup(paper, false, HEADER_ROW, HEADER_ROW, doc)?;
    sheet.finish()
}

/// "Catatan:" and the notes under a table, each across its width.
pub(super) fn notes_below(sheet: &mut Sheet, mut row: u32, last_col: u16, notes: &[String]) -> Result<u32, Error> {
    let styles = sheet.styles;
    sheet.text(row, 0, "Catatan:", &styles.note_bold)?;
    row += 1;
    let wrapped = styles.note.clone().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for note in notes {
        sheet.merged(row, row, 0, last_col, note, &wrapped)?;
        row += 1;
    }
    Ok(row)
}
