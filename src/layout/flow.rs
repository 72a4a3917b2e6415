//! Layout of a Peta Lintas Fungsi in the SOP-AP form (Permenpan RB 35/2012):
//! one row per step; columns No | Uraian kegiatan | one column per lane |
//! Mutu baku (Kelengkapan, Waktu, Output) | Keterangan. The step's symbol
//! sits in its lane's column; arrows run only through the lane columns,
//! so they never cross text. Rows are split into pages; an arrow that
//! leaves a page ends at a numbered off-page connector, and starts again
//! from the same number on the page where its target is.

use super::Font;
use crate::model::{Flow, Shape};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FlowColumn")]
pub struct Column {
    /// "No", "Uraian kegiatan", a lane's unit name, "Kelengkapan" …
    pub title: String,
    /// The title wrapped to the column (bold), as the header row shows it.
    pub lines: Vec<String>,
    pub x: f32,
    pub width: f32,
    /// The lane's unit id, for lane columns.
    pub lane: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FlowRow")]
pub struct Row {
    pub step: String,
    pub page: usize,
    pub y: f32,
    pub height: f32,
    /// Wrapped cell texts: number, description, kelengkapan, waktu, output, keterangan.
    pub cells: [Vec<String>; 6],
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FlowSymbol")]
pub struct Symbol {
    pub step: String,
    pub shape: Shape,
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FlowArrow")]
pub struct Arrow {
    pub page: usize,
    pub points: Vec<[f32; 2]>,
    /// "Ya" / "Tidak" next to a decision's branch.
    pub label: Option<String>,
    /// Ends at (or starts from) an off-page connector rather than a symbol.
    pub arrowhead: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "FlowConnector")]
pub struct Connector {
    pub page: usize,
    pub number: usize,
    pub x: f32,
    pub y: f32,
    /// Points down (bottom of a page) or is the arrival at the top.
    pub outgoing: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FlowLayout {
    pub columns: Vec<Column>,
    /// The header row of the table, repeated on every page.
    pub header_height: f32,
    pub rows: Vec<Row>,
    pub symbols: Vec<Symbol>,
    pub arrows: Vec<Arrow>,
    pub connectors: Vec<Connector>,
    pub pages: usize,
    pub font_size: f32,
    pub line_height: f32,
}

pub struct FlowOptions {
    /// Width of the table.
    pub width: f32,
    /// Room for rows on the first page and on the following pages (below the table header).
    pub first_page_rows: f32,
    pub page_rows: f32,
    pub font_size: f32,
}

const PAD: f32 = 4.0;
const CONNECTOR: f32 = 14.0;

/// The text size of a flow's table, on screen and on paper.
pub const FLOW_FONT_SIZE: f32 = 7.0;

/// The flow in one piece (no page breaks), `width` points wide, lanes
/// titled with the units' labels: the editor's view of it.
pub fn layout_flow_unpaged(doc: &crate::model::Document, flow: &Flow, width: f32) -> FlowLayout {
    let options = FlowOptions { width, first_page_rows: f32::MAX, page_rows: f32::MAX, font_size: FLOW_FONT_SIZE };
    layout_flow(flow, &|id| doc.unit_label(id), &options)
}

/// Unit names for lane titles.
pub fn layout_flow(flow: &Flow, lane_names: &dyn Fn(&str) -> String, options: &FlowOptions) -> FlowLayout {
    let font = Font::regular();
    let size = options.font_size;
    let line = size * 1.25;
    // Columns: fixed text columns, lanes share the rest.
    let fixed = [("No", 22.0), ("Uraian kegiatan", 0.22)];
    let mutu = [("Kelengkapan", 0.11), ("Waktu", 0.065), ("Output", 0.11), ("Keterangan", 0.09)];
    let w = options.width;
    let text_w: f32 = fixed[0].1 + fixed[1].1 * w + mutu.iter().map(|(_, f)| f * w).sum::<f32>();
    let lanes = flow.lanes.len().max(1);
    let lane_w = ((w - text_w) / lanes as f32).max(40.0);
    let mut columns = Vec::new();
    let mut x = 0.0;
    let mut push = |title: String, width: f32, lane: Option<String>, columns: &mut Vec<Column>| {
        columns.push(Column { title, lines: Vec::new(), x, width, lane });
        x += width;
    };
    push(fixed[0].0.into(), fixed[0].1, None, &mut columns);
    push(fixed[1].0.into(), fixed[1].1 * w, None, &mut columns);
    for lane in &flow.lanes {
        push(lane_names(lane), lane_w, Some(lane.clone()), &mut columns);
    }
    for (title, f) in mutu {
        push(title.into(), f * w, None, &mut columns);
    }
    for column in &mut columns {
        column.lines = Font::bold().wrap(&column.title, size, column.width - 2.0 * PAD);
    }
    let header_height = columns.iter().map(|c| c.lines.len()).max().unwrap_or(1) as f32 * line + 2.0 * PAD;
    let lane_x = |lane: &str| {
        columns.iter().find(|c| c.lane.as_deref() == Some(lane)).map(|c| (c.x, c.width))
    };
    let desc = &columns[1];
    let (req, dur, out, note) = (&columns[columns.len() - 4], &columns[columns.len() - 3], &columns[columns.len() - 2], &columns[columns.len() - 1]);

    // Rows, split into pages.
    let mut rows: Vec<Row> = Vec::new();
    let (mut page, mut y) = (0usize, 0.0f32);
    for (i, step) in flow.steps.iter().enumerate() {
        let number = step.number.map_or_else(|| (i + 1).to_string(), |n| n.to_string());
        let wrap = |text: &str, col: &Column| font.wrap(text, size, col.width - 2.0 * PAD);
        let cells = [
            vec![number],
            wrap(&step.text, desc),
            wrap(&step.requirements, req),
            wrap(&step.duration, dur),
            wrap(&step.output, out),
            wrap(&step.note, note),
        ];
        let lines = cells.iter().map(|c| c.len()).max().unwrap_or(1) as f32;
        let height = (lines * line + 2.0 * PAD).max(if step.shape == Shape::Decision { 44.0 } else { 36.0 });
        let room = if page == 0 { options.first_page_rows } else { options.page_rows };
        if y + height > room - CONNECTOR * 1.5 && y > 0.0 {
            page += 1;
            y = CONNECTOR * 1.5; // room for arriving connectors at the top
        }
        rows.push(Row { step: step.id.clone(), page, y, height, cells });
        y += height;
    }
    let pages = page + 1;

    // Symbols in their lanes.
    let mut symbols: Vec<Symbol> = Vec::new();
    for (step, row) in flow.steps.iter().zip(&rows) {
        let (lx, lw) = lane_x(&step.lane).unwrap_or((columns[1].x + columns[1].width, lane_w));
        let (sw, sh) = match step.shape {
            Shape::Decision => ((lw - 10.0).min(54.0), 30.0),
            _ => ((lw - 10.0).min(58.0), 18.0),
        };
        symbols.push(Symbol {
            step: step.id.clone(),
            shape: step.shape,
            page: row.page,
            x: lx + (lw - sw) / 2.0,
            y: row.y + (row.height - sh) / 2.0,
            width: sw,
            height: sh,
        });
    }

    // Arrows: through the lane columns only.
    let lanes_right = columns.iter().filter(|c| c.lane.is_some()).map(|c| c.x + c.width).fold(0.0, f32::max);
    let index = |id: &str| flow.steps.iter().position(|s| s.id == id);
    let mut arrows = Vec::new();
    let mut connectors = Vec::new();
    let mut channel = 0usize;
    for (i, step) in flow.steps.iter().enumerate() {
        let from = &symbols[i];
        let branches: Vec<(&str, Option<&str>)> = match step.shape {
            Shape::Decision => {
                step.yes.iter().map(|t| (t.as_str(), Some("Ya"))).chain(step.no.iter().map(|t| (t.as_str(), Some("Tidak")))).collect()
            }
            _ => step.next.iter().map(|t| (t.as_str(), None)).collect(),
        };
        for (target, label) in branches {
            let Some(j) = index(target) else { continue };
            let to = &symbols[j];
            let (fx, fb) = (from.x + from.width / 2.0, from.y + from.height);
            let (tx, tt) = (to.x + to.width / 2.0, to.y);
            let label = label.map(str::to_string);
            if j == i + 1 && from.page == to.page {
                // Downwards: out of the bottom, across in the gap above the target, into its top.
                let turn = tt - 6.0;
                arrows.push(Arrow { page: from.page, points: vec![[fx, fb], [fx, turn], [tx, turn], [tx, tt]], label, arrowhead: true });
            } else if j > i && from.page != to.page {
                // Down to the foot of the page, and on from the top of the target's page.
                let number = connectors.len() / 2 + 1;
                let bottom = rows.iter().filter(|r| r.page == from.page).map(|r| r.y + r.height).fold(0.0, f32::max) + 4.0;
                connectors.push(Connector { page: from.page, number, x: fx, y: bottom, outgoing: true });
                connectors.push(Connector { page: to.page, number, x: tx, y: 2.0, outgoing: false });
                arrows.push(Arrow { page: from.page, points: vec![[fx, fb], [fx, bottom]], label, arrowhead: true });
                arrows.push(Arrow { page: to.page, points: vec![[tx, 2.0 + CONNECTOR], [tx, tt]], label: None, arrowhead: true });
            } else {
                // A loop back, or a jump over other steps: out of the right side, along a
                // channel in the margin of the last lane (symbols keep 5 pt clear), into the
                // target's right side.
                channel += 1;
                let cx = lanes_right - 1.5 - (channel % 2) as f32 * 2.0;
                let (sy, ty) = (from.y + from.height / 2.0, to.y + to.height / 2.0);
                let (sx, ex) = (from.x + from.width, to.x + to.width);
                if from.page == to.page {
                    arrows.push(Arrow { page: from.page, points: vec![[sx, sy], [cx, sy], [cx, ty], [ex, ty]], label, arrowhead: true });
                } else {
                    let number = connectors.len() / 2 + 1;
                    connectors.push(Connector { page: from.page, number, x: cx, y: 2.0, outgoing: true });
                    connectors.push(Connector { page: to.page, number, x: cx, y: rows.iter().filter(|r| r.page == to.page).map(|r| r.y + r.height).fold(0.0, f32::max) + 4.0, outgoing: false });
                    arrows.push(Arrow { page: from.page, points: vec![[sx, sy], [cx, sy], [cx, 2.0 + CONNECTOR]], label, arrowhead: true });
                    let arrive = connectors.last().expect("just pushed").y;
                    arrows.push(Arrow { page: to.page, points: vec![[cx, arrive], [cx, ty], [ex, ty]], label: None, arrowhead: true });
                }
            }
        }
    }
    FlowLayout { columns, header_height, rows, symbols, arrows, connectors, pages, font_size: size, line_height: line }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intersects(a: &Symbol, b: &Symbol) -> bool {
        a.page == b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    /// Whether an axis-parallel segment passes through a symbol's inside (ends excluded).
    fn crosses(p: [f32; 2], q: [f32; 2], s: &Symbol) -> bool {
        let (x0, x1) = (p[0].min(q[0]), p[0].max(q[0]));
        let (y0, y1) = (p[1].min(q[1]), p[1].max(q[1]));
        let inside_x = |x: f32| x > s.x + 0.5 && x < s.x + s.width - 0.5;
        let inside_y = |y: f32| y > s.y + 0.5 && y < s.y + s.height - 0.5;
        if (x1 - x0).abs() < 0.01 {
            inside_x(x0) && y0 < s.y + s.height - 0.5 && y1 > s.y + 0.5 && !(inside_y(y0) || inside_y(y1))
        } else {
            inside_y(y0) && x0 < s.x + s.width - 0.5 && x1 > s.x + 0.5 && !(inside_x(x0) || inside_x(x1))
        }
    }

    fn options() -> FlowOptions {
        FlowOptions { width: 780.0, first_page_rows: 420.0, page_rows: 480.0, font_size: 7.0 }
    }

    #[test]
    fn lumajang_sop_has_a_row_and_a_symbol_per_step_in_its_lane() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let flow = &doc.processes.flows[0];
        let layout = layout_flow(flow, &|id| doc.unit(id).map(|u| u.short.clone()).unwrap_or_default(), &options());
        assert_eq!(layout.rows.len(), 11);
        assert_eq!(layout.columns.len(), 2 + flow.lanes.len() + 4);
        for (step, symbol) in flow.steps.iter().zip(&layout.symbols) {
            let column = layout.columns.iter().find(|c| c.lane.as_deref() == Some(step.lane.as_str())).unwrap();
            assert!(symbol.x >= column.x && symbol.x + symbol.width <= column.x + column.width);
        }
        assert_eq!(layout.arrows.len(), 10);
    }

    #[test]
    fn forty_steps_eight_lanes_without_overlaps_or_crossings() {
        let flow = crate::synth::crowded_flow(40, 8);
        let layout = layout_flow(&flow, &|id| id.to_uppercase(), &options());
        assert!(layout.pages > 1);
        for (k, a) in layout.symbols.iter().enumerate() {
            for b in &layout.symbols[k + 1..] {
                assert!(!intersects(a, b), "{} overlaps {}", a.step, b.step);
            }
        }
        for arrow in &layout.arrows {
            for w in arrow.points.windows(2) {
                for s in layout.symbols.iter().filter(|s| s.page == arrow.page) {
                    assert!(!crosses(w[0], w[1], s), "arrow {:?} crosses {}", arrow.points, s.step);
                }
            }
        }
        // Connectors come in numbered pairs.
        assert_eq!(layout.connectors.len() % 2, 0);
    }
}
