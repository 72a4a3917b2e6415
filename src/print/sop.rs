//! The printed Peta Lintas Fungsi in the SOP-AP form (Permenpan RB
//! 35/2012): the SOP's header block on the first sheet, then the flow's
//! table (`layout::flow`: rows, lane columns, symbols, arrows, off-page
//! connectors) over as many sheets as it needs, and the signature.

use super::furniture::{draw_header, draw_signature, wrapped, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::PageSetup;
use crate::layout::flow::{layout_flow, Column, FlowOptions, Row, FLOW_FONT_SIZE};
use crate::layout::Font;
use crate::model::{Document, Flow, Shape};
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet};

/// A Peta Lintas Fungsi in the SOP-AP form, over as many sheets as it needs.
pub(super) fn compose_sop(doc: &Document, flow: &Flow, provenance: &Provenance, page: &PageSetup) -> Vec<Sheet> {
    let m = page.margin;
    let width = page.width - 2.0 * m;
    // Measure the SOP header on a scratch sheet to know the room left on page 1.
    let sop_h = draw_sop_header(&mut Sheet::new(page.width, page.height), flow, m, 0.0, width);
    let super_h = 12.0;
    let names = |id: &str| doc.unit_label(id);
    let probe = layout_flow(flow, &names, &FlowOptions { width, first_page_rows: 1e6, page_rows: 1e6, font_size: FLOW_FONT_SIZE });
    let table_top_first = m + HEADER_H + sop_h;
    let table_top_next = m + 18.0;
    let bottom = page.height - m - FOOTER_H - 6.0;
    let options = FlowOptions {
        width,
        first_page_rows: bottom - table_top_first - super_h - probe.header_height,
        page_rows: bottom - table_top_next - super_h - probe.header_height,
        font_size: FLOW_FONT_SIZE,
    };
    let layout = layout_flow(flow, &names, &options);
    let lanes: Vec<&Column> = layout.columns.iter().filter(|c| c.lane.is_some()).collect();
    let mutu = &layout.columns[layout.columns.len() - 4..layout.columns.len() - 1];
    let mut sheets = Vec::new();
    for p in 0..layout.pages {
        let mut sheet = Sheet::new(page.width, page.height);
        let top = if p == 0 {
            draw_header(&mut sheet, doc, m, "Peta Lintas Fungsi");
            draw_sop_header(&mut sheet, flow, m, m + HEADER_H, width);
            table_top_first
        } else {
            sheet.text(m, m + 9.0, &format!("{} — {} (lanjutan)", doc.document.title, flow.name), 7.5, true, grey(0.2));
            table_top_next
        };
        // Two-level table header: "Pelaksana" over the lanes, "Mutu baku" over its three columns.
        let head_h = super_h + layout.header_height;
        sheet.rect(m, top, width, head_h, Some(theme::TABLE_HEADER), Some((grey(0.4), 0.5)));
        for (title, first, last) in [("Pelaksana", lanes.first().copied(), lanes.last().copied()), ("Mutu baku", mutu.first(), mutu.last())] {
            if let (Some(a), Some(b)) = (first, last) {
                let (x0, x1) = (m + a.x, m + b.x + b.width);
                wrapped(&mut sheet, title, x0, top + 1.0, x1 - x0, 7.0, true, true);
                sheet.polyline(&[[x0, top + super_h], [x1, top + super_h]], grey(0.4), 0.4, false);
            }
        }
        let group_starts = [lanes.first().map(|c| c.x), mutu.first().map(|c| c.x)];
        for column in &layout.columns {
            let grouped = column.lane.is_some() || mutu.iter().any(|c| c.x == column.x);
            let y0 = if grouped { top + super_h } else { top };
            // Inside a group the dividers stop under the group's title.
            let line_top = if grouped && !group_starts.contains(&Some(column.x)) { top + super_h } else { top };
            sheet.polyline(&[[m + column.x, line_top], [m + column.x, top + head_h]], grey(0.4), 0.4, false);
            wrapped(&mut sheet, &column.title, m + column.x + 2.0, y0 + 2.0, column.width - 4.0, 7.0, true, true);
        }
        let rows_top = top + head_h;
        let rows: Vec<&Row> = layout.rows.iter().filter(|r| r.page == p).collect();
        let rows_bottom = rows.iter().map(|r| rows_top + r.y + r.height).fold(rows_top, f32::max);
        for row in &rows {
            let y = rows_top + row.y;
            sheet.rect(m, y, width, row.height, None, Some((grey(0.55), 0.4)));
            let text_columns = [0usize, 1, layout.columns.len() - 4, layout.columns.len() - 3, layout.columns.len() - 2, layout.columns.len() - 1];
            for (cell, &c) in row.cells.iter().zip(&text_columns) {
                let column = &layout.columns[c];
                for (k, line) in cell.iter().enumerate() {
                    sheet.text(m + column.x + 4.0, y + 4.0 + layout.font_size + k as f32 * layout.line_height, line, layout.font_size, false, grey(0.1));
                }
            }
        }
        for column in &layout.columns {
            sheet.polyline(&[[m + column.x, rows_top], [m + column.x, rows_bottom]], grey(0.55), 0.4, false);
        }
        sheet.polyline(&[[m + width, top], [m + width, rows_bottom]], grey(0.55), 0.4, false);
        let ink = grey(0.15);
        for arrow in layout.arrows.iter().filter(|a| a.page == p) {
            let points: Vec<[f32; 2]> = arrow.points.iter().map(|q| [m + q[0], rows_top + q[1]]).collect();
            sheet.polyline(&points, ink, 0.7, false);
            if arrow.arrowhead && points.len() >= 2 {
                arrowhead(&mut sheet, points[points.len() - 2], points[points.len() - 1], ink);
            }
            if let Some(label) = &arrow.label {
                sheet.text(points[0][0] + 2.5, points[0][1] + 8.0, label, 6.0, true, theme::ACCENT);
            }
        }
        for symbol in layout.symbols.iter().filter(|s| s.page == p) {
            let (x, y, w, h) = (m + symbol.x, rows_top + symbol.y, symbol.width, symbol.height);
            let outline = match symbol.shape {
                Shape::Start | Shape::End => capsule(x, y, w, h),
                Shape::Decision => vec![[x + w / 2.0, y], [x + w, y + h / 2.0], [x + w / 2.0, y + h], [x, y + h / 2.0]],
                Shape::Process => vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
            };
            sheet.polygon(&outline, grey(1.0));
            let mut closed = outline.clone();
            closed.push(outline[0]);
            sheet.polyline(&closed, ink, 0.8, false);
        }
        for connector in layout.connectors.iter().filter(|c| c.page == p) {
            let (x, y) = (m + connector.x, rows_top + connector.y);
            let (w, h) = (12.0, 13.0);
            let shape = vec![[x - w / 2.0, y], [x + w / 2.0, y], [x + w / 2.0, y + h * 0.6], [x, y + h], [x - w / 2.0, y + h * 0.6]];
            sheet.polygon(&shape, grey(1.0));
            let mut closed = shape.clone();
            closed.push(shape[0]);
            sheet.polyline(&closed, ink, 0.7, false);
            let label = connector.number.to_string();
            let tw = Font::bold().width(&label, 6.5);
            sheet.text(x - tw / 2.0, y + 7.5, &label, 6.5, true, ink);
        }
        sheets.push(sheet);
    }
    // The signature under the table on the last sheet, or on a sheet of its own.
    let last_bottom = {
        let top = if layout.pages == 1 { table_top_first } else { table_top_next };
        let rows_top = top + super_h + layout.header_height;
        layout.rows.iter().filter(|r| r.page == layout.pages - 1).map(|r| rows_top + r.y + r.height).fold(rows_top, f32::max)
    };
    if last_bottom + 20.0 + SIGNATURE_H > page.height - m - FOOTER_H {
        let mut sheet = Sheet::new(page.width, page.height);
        sheet.text(m, m + 9.0, &format!("{} — {} (lanjutan)", doc.document.title, flow.name), 7.5, true, grey(0.2));
        draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, m + 24.0, provenance);
        sheets.push(sheet);
    } else if let Some(sheet) = sheets.last_mut() {
        draw_signature(sheet, doc, page.width - m - SIGNATURE_W, last_bottom + 20.0, provenance);
    }
    sheets
}

/// The SOP header block: name, number, and the six fields of the form, two
/// by two; returns its height. (A field's bold title and its text share one
/// cell, which `layout::table` does not set.)
fn draw_sop_header(sheet: &mut Sheet, flow: &Flow, x: f32, y: f32, width: f32) -> f32 {
    let mut at = y;
    at += wrapped(sheet, "STANDAR OPERASIONAL PROSEDUR", x, at, width, 10.0, true, true) + 2.0;
    at += wrapped(sheet, &flow.name.to_uppercase(), x, at, width, 9.5, true, true);
    if !flow.number.is_empty() {
        at += wrapped(sheet, &format!("Nomor: {}", flow.number), x, at, width, 8.0, false, true);
    }
    at += 6.0;
    let h = &flow.header;
    let list = |items: &[String]| if items.is_empty() { "–".to_string() } else { items.iter().map(|i| format!("• {i}")).collect::<Vec<_>>().join("\n") };
    let fields = [
        ("Dasar Hukum", list(&h.legal_basis)),
        ("Kualifikasi Pelaksana", list(&h.qualification)),
        ("Keterkaitan", list(&h.related)),
        ("Peralatan/Perlengkapan", list(&h.equipment)),
        ("Peringatan", if h.warning.is_empty() { "–".to_string() } else { h.warning.clone() }),
        ("Pencatatan dan Pendataan", list(&h.records)),
    ];
    let half = width / 2.0;
    for pair in fields.chunks(2) {
        let heights: Vec<f32> = pair
            .iter()
            .map(|(_, text)| text.split('\n').map(|l| Font::regular().wrap(l, 7.5, half - 10.0).len()).sum::<usize>() as f32 * 9.4 + 16.0)
            .collect();
        let row_h = heights.iter().cloned().fold(0.0, f32::max);
        for (k, (title, text)) in pair.iter().enumerate() {
            let cx = x + k as f32 * half;
            sheet.rect(cx, at, half, row_h, None, Some((grey(0.5), 0.5)));
            sheet.text(cx + 5.0, at + 10.0, title, 7.5, true, grey(0.1));
            let mut ly = at + 12.0;
            for line in text.split('\n') {
                ly += wrapped(sheet, line, cx + 5.0, ly, half - 10.0, 7.5, false, false);
            }
        }
        at += row_h;
    }
    at - y + 8.0
}

/// A capsule (start/end symbol) as a polygon: a rectangle with round ends.
fn capsule(x: f32, y: f32, w: f32, h: f32) -> Vec<[f32; 2]> {
    let r = h / 2.0;
    let mut points = Vec::with_capacity(20);
    for k in 0..=8 {
        let a = std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 8.0;
        points.push([x + r + r * a.cos(), y + r - r * a.sin()]);
    }
    for k in 0..=8 {
        let a = -std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 8.0;
        points.push([x + w - r + r * a.cos(), y + r - r * a.sin()]);
    }
    points
}

fn arrowhead(sheet: &mut Sheet, from: [f32; 2], to: [f32; 2], colour: Colour) {
    let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (5.0, 2.6);
    sheet.polygon(&[to, [to[0] - ux * l - uy * w, to[1] - uy * l + ux * w], [to[0] - ux * l + uy * w, to[1] - uy * l - ux * w]], colour);
}
