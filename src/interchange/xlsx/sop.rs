//! The SOP table of a flow (Permenpan RB 35/2012), as the printout lays it
//! out (`layout::flow`): No | Uraian kegiatan | one column per pelaksana |
//! Mutu baku (Kelengkapan, Waktu, Output) | Keterangan, one row per step.
//! A step's lane cell names its symbol and where it leads ("→ 3",
//! "Ya → 5 · Tidak → 3"), shaded, since a spreadsheet draws no flowchart.

use super::format::{Paper, Sheet, Styles, HEADER_ROW};
use crate::format as id_format;
use crate::model::{Document, Flow, Shape};
use crate::Error;
use rust_xlsxwriter::{Color, Workbook};

/// The flow asked for (the only one when there is one), or a message naming them.
pub(super) fn flow<'a>(doc: &'a Document, id: Option<&str>) -> Result<&'a Flow, Error> {
    let flows = &doc.processes.flows;
    let ids = || flows.iter().map(|f| format!("{} ({})", f.id, f.name)).collect::<Vec<_>>().join(", ");
    match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => doc.flow(id).ok_or_else(|| Error::refused(format!("Peta lintas fungsi `{id}` tidak ada di dokumen ini; yang ada: {}.", ids()))),
        None if flows.len() == 1 => Ok(&flows[0]),
        None if flows.is_empty() => Err(Error::refused("Dokumen ini belum memiliki peta lintas fungsi (SOP).")),
        None => Err(Error::refused(format!("Pilih peta lintas fungsi (SOP) yang diekspor: {}.", ids()))),
    }
}

fn symbol(shape: Shape) -> &'static str {
    match shape {
        Shape::Start => "Mulai",
        Shape::Process => "Proses",
        Shape::Decision => "Keputusan",
        Shape::End => "Selesai",
    }
}

pub(super) fn write(book: &mut Workbook, styles: &Styles, doc: &Document, flow: &Flow, paper: Paper) -> Result<(), Error> {
    let lanes = flow.lanes.len();
    let mut widths = vec![5.0, 38.0];
    widths.extend(std::iter::repeat_n(13.0, lanes));
    widths.extend([18.0, 10.0, 18.0, 16.0]);
    let mut sheet = Sheet::new(book.add_worksheet(), styles, "SOP", &widths)?;
    let meta = &doc.document;
    let government = meta.government.trim().to_uppercase();
    let government = if government.is_empty() || government.starts_with("PEMERINTAH") { government } else { format!("PEMERINTAH {government}") };
    let agency = [government, meta.agency.trim().to_uppercase()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" — ");
    let name = if flow.number.trim().is_empty() { flow.name.to_uppercase() } else { format!("{} ({})", flow.name.to_uppercase(), flow.number.trim()) };
    sheet.title_block("STANDAR OPERASIONAL PROSEDUR", &name, &agency)?;

    // The SOP's particulars, left of the table, above it.
    let h = &flow.header;
    let dash = |s: String| if s.trim().is_empty() { "–".to_string() } else { s };
    let revised = match (h.revised.is_empty(), h.revision) {
        (true, 0) => "–".to_string(),
        (true, n) => format!("Revisi ke-{n}"),
        (false, 0) => id_format::date(&h.revised),
        (false, n) => format!("{} (revisi ke-{n})", id_format::date(&h.revised)),
    };
    let approved = [h.approved_by.position.trim(), h.approved_by.name.trim(), h.approved_by.nip.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let list = |items: &[String]| items.iter().map(|s| format!("• {s}")).collect::<Vec<_>>().join("\n");
    let particulars = [
        ("Nomor SOP", dash(flow.number.clone())),
        ("Tanggal Pembuatan", dash(id_format::date(&h.created))),
        ("Tanggal Revisi", revised),
        ("Tanggal Efektif", dash(id_format::date(&h.effective))),
        ("Disahkan oleh", dash(approved)),
        ("Dasar Hukum", dash(list(&h.legal_basis))),
        ("Kualifikasi Pelaksana", dash(list(&h.qualification))),
        ("Keterkaitan", dash(list(&h.related))),
        ("Peralatan/Perlengkapan", dash(list(&h.equipment))),
        ("Peringatan", dash(h.warning.clone())),
        ("Pencatatan dan Pendataan", dash(list(&h.records))),
    ];
    let last_col = (widths.len() - 1) as u16;
    let mut row = HEADER_ROW - 1;
    for (label, value) in &particulars {
        sheet.merged(row, row, 0, 1, label, &styles.bold)?;
        sheet.merged(row, row, 2, last_col, value, &styles.text)?;
        row += 1;
    }
    row += 1;

    // Two header rows: "Pelaksana" over the lanes, "Mutu Baku" over its three columns.
    let (top, sub) = (row, row + 1);
    let first_lane = 2u16;
    let mutu = first_lane + lanes as u16;
    sheet.merged(top, sub, 0, 0, "No", &styles.header)?;
    sheet.merged(top, sub, 1, 1, "Uraian Kegiatan", &styles.header)?;
    if lanes > 0 {
        sheet.merged(top, top, first_lane, mutu - 1, "Pelaksana", &styles.header)?;
    }
    for (k, lane) in flow.lanes.iter().enumerate() {
        sheet.text(sub, first_lane + k as u16, &doc.unit_label(lane), &styles.header)?;
    }
    sheet.merged(top, top, mutu, mutu + 2, "Mutu Baku", &styles.header)?;
    for (k, title) in ["Kelengkapan", "Waktu", "Output"].iter().enumerate() {
        sheet.text(sub, mutu + k as u16, title, &styles.header)?;
    }
    sheet.merged(top, sub, mutu + 3, mutu + 3, "Keterangan", &styles.header)?;

    let number_of = |id: &str| {
        flow.steps.iter().position(|s| s.id == id).map_or_else(|| id.to_string(), |i| flow.steps[i].number.map_or_else(|| (i + 1).to_string(), |n| n.to_string()))
    };
    let shaded = styles.centre.clone().set_background_color(Color::RGB(0xDDEBF7));
    let mut row = sub + 1;
    for (i, step) in flow.steps.iter().enumerate() {
        sheet.number(row, 0, step.number.map_or((i + 1) as f64, f64::from), &styles.centre)?;
        sheet.text(row, 1, &step.text, &styles.text)?;
        for (k, lane) in flow.lanes.iter().enumerate() {
            let col = first_lane + k as u16;
            if *lane == step.lane {
                let mut leads: Vec<String> = step.next.iter().map(|n| format!("→ {}", number_of(n))).collect();
                if let Some(y) = &step.yes {
                    leads.push(format!("Ya → {}", number_of(y)));
                }
                if let Some(n) = &step.no {
                    leads.push(format!("Tidak → {}", number_of(n)));
                }
                let text = if leads.is_empty() { symbol(step.shape).to_string() } else { format!("{}\n{}", symbol(step.shape), leads.join(" · ")) };
                sheet.text(row, col, &text, &shaded)?;
            } else {
                sheet.blank(row, col, &styles.blank)?;
            }
        }
        sheet.text(row, mutu, &step.requirements, &styles.text)?;
        sheet.text(row, mutu + 1, &step.duration, &styles.centre)?;
        sheet.text(row, mutu + 2, &step.output, &styles.text)?;
        sheet.text(row, mutu + 3, &step.note, &styles.text)?;
        row += 1;
    }
    sheet.page_setup(paper, true, top, sub, doc)?;
    sheet.finish()
}
