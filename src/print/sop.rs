//! The printed Peta Lintas Fungsi in the SOP-AP form (Permenpan RB
//! 35/2012): the SOP's header block on the first sheet, then the flow's
//! table (`layout::flow`: rows, lane columns, symbols, arrows, off-page
//! connectors) over as many sheets as it needs, and the signature.

use super::furniture::{draw_heading_line, draw_signature, wrapped, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::{Drawn, PageSetup};
use crate::format;
use crate::layout::flow::{columns_fit, layout_flow, Column, FlowOptions, Row, FLOW_FONT_SIZE};
use crate::layout::Font;
use crate::model::{Document, Flow, Shape};
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet};

/// The printout's heading, on every sheet.
pub(super) const HEADING: &str = "STANDAR OPERASIONAL PROSEDUR";

/// Text sizes the table may take, largest first: a smaller one only when
/// the lanes need the room for every column to stay readable.
const TABLE_SIZES: [f32; 3] = [FLOW_FONT_SIZE, 6.5, 6.0];

/// Room between the table and the signature.
const SIGNATURE_GAP: f32 = 20.0;

/// A Peta Lintas Fungsi in the SOP-AP form, over as many sheets as it needs.
pub(super) fn compose_sop(doc: &Document, flow: &Flow, provenance: &Provenance, page: &PageSetup) -> Drawn {
    let m = page.margin;
    let width = page.width - 2.0 * m;
    let mut warnings = Vec::new();
    let size = match TABLE_SIZES.iter().copied().find(|&size| columns_fit(flow.lanes.len(), width, size)) {
        Some(size) => size,
        None => {
            warnings.push(format!(
                "Peta lintas fungsi \"{}\": {} pelaksana tidak muat di lebar kertas ini dengan kolom yang masih terbaca, sehingga kolomnya dipersempit. Pilih kertas yang lebih besar atau orientasi mendatar (lanskap).",
                flow.name,
                flow.lanes.len()
            ));
            TABLE_SIZES[TABLE_SIZES.len() - 1]
        }
    };
    // Measure the SOP header on a scratch sheet to know the room left on page 1.
    let sop_h = draw_sop_header(&mut Sheet::new(page.width, page.height), doc, flow, m, 0.0, width);
    let super_h = 12.0;
    let names = |id: &str| doc.unit_label(id);
    let probe = layout_flow(flow, &names, &FlowOptions { width, first_page_rows: 1e6, page_rows: 1e6, font_size: size, end_room: 0.0 });
    let table_top_first = m + HEADER_H + sop_h;
    let table_top_next = m + 18.0;
    let bottom = page.height - m - FOOTER_H - 6.0;
    let options = FlowOptions {
        width,
        first_page_rows: bottom - table_top_first - super_h - probe.header_height,
        page_rows: bottom - table_top_next - super_h - probe.header_height,
        font_size: size,
        // The signature follows the last row on its page, never alone on one.
        end_room: SIGNATURE_GAP + SIGNATURE_H - 6.0,
    };
    let layout = layout_flow(flow, &names, &options);
    let lanes: Vec<&Column> = layout.columns.iter().filter(|c| c.lane.is_some()).collect();
    let mutu = &layout.columns[layout.columns.len() - 4..layout.columns.len() - 1];
    let continued = continued_title(flow);
    let mut sheets = Vec::new();
    for p in 0..layout.pages {
        let mut sheet = Sheet::new(page.width, page.height);
        let top = if p == 0 {
            draw_heading_line(&mut sheet, m, HEADING, &running_line(doc, flow));
            draw_sop_header(&mut sheet, doc, flow, m, m + HEADER_H, width);
            table_top_first
        } else {
            sheet.text(m, m + 9.0, &continued, 7.5, true, grey(0.2));
            table_top_next
        };
        // Two-level table header: "Pelaksana" over the lanes, "Mutu baku" over its three columns.
        let head_h = super_h + layout.header_height;
        sheet.rect(m, top, width, head_h, Some(theme::TABLE_HEADER), Some((grey(0.4), 0.5)));
        for (title, first, last) in [("Pelaksana", lanes.first().copied(), lanes.last().copied()), ("Mutu baku", mutu.first(), mutu.last())] {
            if let (Some(a), Some(b)) = (first, last) {
                let (x0, x1) = (m + a.x, m + b.x + b.width);
                wrapped(&mut sheet, title, x0, top + 1.0, x1 - x0, size, true, true);
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
            // The title as the layout wrapped it, each line centred in the column.
            for (k, line) in column.lines.iter().enumerate() {
                let w = Font::bold().width(line, size);
                let x = m + column.x + (column.width - w) / 2.0;
                sheet.text(x, y0 + 4.0 + size + k as f32 * layout.line_height, line, size, true, theme::INK);
            }
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
    // The signature under the table on the last sheet (the layout moved the
    // last rows on when it lacked the room); on a sheet of its own only
    // after a single row taller than a page.
    let last_bottom = {
        let top = if layout.pages == 1 { table_top_first } else { table_top_next };
        let rows_top = top + super_h + layout.header_height;
        layout.rows.iter().filter(|r| r.page == layout.pages - 1).map(|r| rows_top + r.y + r.height).fold(rows_top, f32::max)
    };
    if last_bottom + SIGNATURE_GAP + SIGNATURE_H > page.height - m - FOOTER_H {
        let mut sheet = Sheet::new(page.width, page.height);
        sheet.text(m, m + 9.0, &continued, 7.5, true, grey(0.2));
        draw_signature(&mut sheet, doc, page.width - m - SIGNATURE_W, m + 24.0, provenance);
        sheets.push(sheet);
    } else if let Some(sheet) = sheets.last_mut() {
        draw_signature(sheet, doc, page.width - m - SIGNATURE_W, last_bottom + SIGNATURE_GAP, provenance);
    }
    // The arrows' "Ya"/"Tidak" are the smallest text.
    (sheets, warnings, size.min(6.0))
}

/// Under the heading: the agency, its government, the SOP's name and number.
fn running_line(doc: &Document, flow: &Flow) -> String {
    let meta = &doc.document;
    let mut parts: Vec<String> = [meta.agency.clone(), meta.government.clone(), flow.name.clone()].into_iter().filter(|s| !s.is_empty()).collect();
    if !flow.number.is_empty() {
        parts.push(format!("Nomor {}", flow.number));
    }
    parts.join(" · ")
}

/// The line on top of the sheets after the first.
fn continued_title(flow: &Flow) -> String {
    let number = if flow.number.is_empty() { String::new() } else { format!(" · Nomor {}", flow.number) };
    format!("{HEADING} — {}{number} (lanjutan)", flow.name)
}

/// Text size and line height of the SOP header block.
const HEAD_PT: f32 = 7.5;
const HEAD_LINE: f32 = 9.4;
/// The room to sign under "Disahkan oleh".
const APPROVAL_SIGN: f32 = 26.0;

/// The SOP header block of the SOP-AP form: the agency on the left, the
/// SOP's particulars on the right (Nomor SOP, Tanggal Pembuatan, Tanggal
/// Revisi, Tanggal Efektif, Disahkan oleh, Nama SOP); then the six fields of
/// the form, two by two. Returns its height. (A field's bold title and its
/// text share one cell, which `layout::table` does not set.)
fn draw_sop_header(sheet: &mut Sheet, doc: &Document, flow: &Flow, x: f32, y: f32, width: f32) -> f32 {
    let h = &flow.header;
    let dash = |s: String| if s.trim().is_empty() { "–".to_string() } else { s };
    let date = |iso: &str| dash(format::date(iso));
    let revised = match (h.revised.is_empty(), h.revision) {
        (true, 0) => "–".to_string(),
        (true, n) => format!("Revisi ke-{n}"),
        (false, 0) => format::date(&h.revised),
        (false, n) => format!("{} (revisi ke-{n})", format::date(&h.revised)),
    };
    let particulars = [
        ("Nomor SOP", dash(flow.number.clone())),
        ("Tanggal Pembuatan", date(&h.created)),
        ("Tanggal Revisi", revised),
        ("Tanggal Efektif", date(&h.effective)),
    ];
    let left_w = (width * 0.4).min(320.0);
    let label_w = (width * 0.17).clamp(86.0, 120.0);
    let value_x = x + left_w + label_w;
    let value_w = width - left_w - label_w;
    let lines = |text: &str, bold: bool| {
        let font = if bold { Font::bold() } else { Font::regular() };
        font.wrap(text, HEAD_PT, value_w - 10.0).len().max(1) as f32
    };
    // Disahkan oleh: the position, room to sign, the name, the NIP; blanks to fill in by hand.
    let a = &h.approved_by;
    let position = if a.position.is_empty() { "………………………………".to_string() } else { a.position.to_uppercase() };
    let name = if a.name.is_empty() { "………………………………".to_string() } else { a.name.clone() };
    let nip = if a.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", a.nip) };
    let approval_h = (lines(&position, true) + lines(&name, true) + lines(&nip, false)) * HEAD_LINE + APPROVAL_SIGN + 8.0;
    let title = flow.name.to_uppercase();
    let row_h = |text: &str, bold: bool| lines(text, bold) * HEAD_LINE + 6.0;
    let mut heights: Vec<f32> = particulars.iter().map(|(_, v)| row_h(v, false)).collect();
    heights.push(approval_h);
    heights.push(row_h(&title, true));
    let total: f32 = heights.iter().sum();

    // The agency's cell, its lines centred.
    sheet.rect(x, y, left_w, total, None, Some((grey(0.5), 0.5)));
    let meta = &doc.document;
    let government = meta.government.to_uppercase();
    let government = if government.is_empty() || government.starts_with("PEMERINTAH") { government } else { format!("PEMERINTAH {government}") };
    let agency_lines: Vec<(String, f32)> = [(government, 9.0), (meta.agency.to_uppercase(), 10.0)]
        .into_iter()
        .filter(|(t, _)| !t.is_empty())
        .flat_map(|(t, size)| Font::bold().wrap(&t, size, left_w - 16.0).into_iter().map(move |l| (l, size)))
        .collect();
    let block: f32 = agency_lines.iter().map(|(_, s)| s * 1.3).sum();
    let mut ly = y + (total - block) / 2.0;
    for (line, size) in &agency_lines {
        let w = Font::bold().width(line, *size);
        sheet.text(x + (left_w - w) / 2.0, ly + size, line, *size, true, theme::INK);
        ly += size * 1.3;
    }

    // The particulars: a label, a value, one row each.
    let mut at = y;
    let row = |sheet: &mut Sheet, at: f32, height: f32, label: &str| {
        sheet.rect(x + left_w, at, label_w, height, Some(theme::TABLE_HEADER), Some((grey(0.5), 0.5)));
        sheet.rect(value_x, at, value_w, height, None, Some((grey(0.5), 0.5)));
        sheet.text(x + left_w + 5.0, at + 3.0 + HEAD_PT, label, HEAD_PT, true, grey(0.1));
    };
    for ((label, value), height) in particulars.iter().zip(&heights) {
        row(sheet, at, *height, label);
        wrapped_lines(sheet, value, value_x + 5.0, at + 3.0, value_w - 10.0, false);
        at += height;
    }
    row(sheet, at, approval_h, "Disahkan oleh");
    let mut ay = at + 3.0;
    ay += wrapped_lines(sheet, &position, value_x + 5.0, ay, value_w - 10.0, true);
    ay += APPROVAL_SIGN;
    let name_h = wrapped_lines(sheet, &name, value_x + 5.0, ay, value_w - 10.0, true);
    let name_w = Font::bold().width(&name, HEAD_PT).min(value_w - 10.0);
    sheet.polyline(&[[value_x + 5.0, ay + HEAD_PT + 1.6], [value_x + 5.0 + name_w, ay + HEAD_PT + 1.6]], grey(0.05), 0.6, false);
    ay += name_h;
    wrapped_lines(sheet, &nip, value_x + 5.0, ay, value_w - 10.0, false);
    at += approval_h;
    row(sheet, at, heights[heights.len() - 1], "Nama SOP");
    wrapped_lines(sheet, &title, value_x + 5.0, at + 3.0, value_w - 10.0, true);
    at += heights[heights.len() - 1] + 6.0;

    // The six fields of the form.
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
            .map(|(_, text)| text.split('\n').map(|l| Font::regular().wrap(l, HEAD_PT, half - 10.0).len()).sum::<usize>() as f32 * HEAD_LINE + 16.0)
            .collect();
        let row_h = heights.iter().cloned().fold(0.0, f32::max);
        for (k, (title, text)) in pair.iter().enumerate() {
            let cx = x + k as f32 * half;
            sheet.rect(cx, at, half, row_h, None, Some((grey(0.5), 0.5)));
            sheet.text(cx + 5.0, at + 10.0, title, HEAD_PT, true, grey(0.1));
            let mut ly = at + 12.0;
            for line in text.split('\n') {
                ly += wrapped(sheet, line, cx + 5.0, ly, half - 10.0, HEAD_PT, false, false);
            }
        }
        at += row_h;
    }
    at - y + 8.0
}

/// Text of the header block wrapped from `y` down, lines `HEAD_LINE` apart; the height used.
fn wrapped_lines(sheet: &mut Sheet, text: &str, x: f32, y: f32, width: f32, bold: bool) -> f32 {
    let font = if bold { Font::bold() } else { Font::regular() };
    let lines = font.wrap(text, HEAD_PT, width);
    for (k, line) in lines.iter().enumerate() {
        sheet.text(x, y + HEAD_PT + k as f32 * HEAD_LINE, line, HEAD_PT, bold, theme::INK);
    }
    lines.len().max(1) as f32 * HEAD_LINE
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
