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
    /// Room the last page keeps below its last row (a printout's signature):
    /// when it lacks it, its last rows move on to a page of their own.
    pub end_room: f32,
}

const PAD: f32 = 4.0;
const CONNECTOR: f32 = 14.0;

/// The text size of a flow's table, on screen and on paper.
pub const FLOW_FONT_SIZE: f32 = 7.0;

/// The text columns: title, width wanted (points, or a share of the table's
/// width when below 1), and the narrowest readable width at 7 pt.
const TEXT_COLUMNS: [(&str, f32, f32); 6] = [
    ("No", 22.0, 20.0),
    ("Uraian kegiatan", 0.22, 90.0),
    ("Kelengkapan", 0.11, 50.0),
    ("Waktu", 0.065, 34.0),
    ("Output", 0.11, 50.0),
    ("Keterangan", 0.09, 46.0),
];
/// A lane column: the width wanted, and the narrowest that still holds a symbol.
const LANE_WANTED: f32 = 40.0;
const LANE_MIN: f32 = 34.0;

/// The narrowest each text column may be at `size`: its share of the 7 pt
/// minimum, and never narrower than its title's longest word.
fn text_minimums(size: f32) -> [f32; 6] {
    TEXT_COLUMNS.map(|(title, _, min)| {
        let word = title.split_whitespace().map(|w| Font::bold().width(w, size)).fold(0.0, f32::max);
        (min * size / FLOW_FONT_SIZE).max(word + 2.0 * PAD)
    })
}

/// Whether a table of `lanes` lanes fits `width` with every column at least
/// its minimum width, at text size `size`.
pub fn columns_fit(lanes: usize, width: f32, size: f32) -> bool {
    text_minimums(size).iter().sum::<f32>() + lanes.max(1) as f32 * LANE_MIN <= width + 0.01
}

/// The widths of the text columns (in `TEXT_COLUMNS` order) and of a lane:
/// the wanted widths when the lanes get theirs; else the text columns give
/// way down to their minimums; a table that cannot fit even so is shared
/// out by its minimums, never wider than `width`.
fn column_widths(lanes: usize, width: f32, size: f32) -> ([f32; 6], f32) {
    let lanes = lanes.max(1) as f32;
    let min = text_minimums(size);
    let mut wanted = TEXT_COLUMNS.map(|(_, w, _)| if w < 1.0 { w * width } else { w });
    for (w, min) in wanted.iter_mut().zip(min) {
        *w = w.max(min);
    }
    let (sum_wanted, sum_min): (f32, f32) = (wanted.iter().sum(), min.iter().sum());
    let text = if width - sum_wanted >= lanes * LANE_WANTED {
        wanted
    } else {
        // Between the minimums and the wanted widths, the same share of each.
        let room = width - lanes * LANE_WANTED;
        let room = if room < sum_min { (width - lanes * LANE_MIN).max(sum_min) } else { room };
        let t = if sum_wanted > sum_min { ((room - sum_min) / (sum_wanted - sum_min)).clamp(0.0, 1.0) } else { 0.0 };
        let mut text = [0.0; 6];
        for k in 0..6 {
            text[k] = min[k] + (wanted[k] - min[k]).max(0.0) * t;
        }
        text
    };
    let sum_text: f32 = text.iter().sum();
    if sum_text + lanes * LANE_MIN > width + 0.01 {
        // Not even the minimums fit: everything in proportion to them.
        let k = width / (sum_min + lanes * LANE_MIN);
        return (min.map(|m| m * k), LANE_MIN * k);
    }
    (text, (width - sum_text) / lanes)
}

/// The flow in one piece (no page breaks), `width` points wide, lanes
/// titled with the units' labels: the editor's view of it.
pub fn layout_flow_unpaged(doc: &crate::model::Document, flow: &Flow, width: f32) -> FlowLayout {
    let options = FlowOptions { width, first_page_rows: f32::MAX, page_rows: f32::MAX, font_size: FLOW_FONT_SIZE, end_room: 0.0 };
    layout_flow(flow, &|id| doc.unit_label(id), &options)
}

/// Unit names for lane titles.
pub fn layout_flow(flow: &Flow, lane_names: &dyn Fn(&str) -> String, options: &FlowOptions) -> FlowLayout {
    let font = Font::regular();
    let size = options.font_size;
    let line = size * 1.25;
    // Columns: the text columns, lanes share the rest.
    let (text_w, lane_w) = column_widths(flow.lanes.len(), options.width, size);
    let mut columns = Vec::new();
    let mut x = 0.0;
    let mut push = |title: String, width: f32, lane: Option<String>, columns: &mut Vec<Column>| {
        columns.push(Column { title, lines: Vec::new(), x, width, lane });
        x += width;
    };
    push(TEXT_COLUMNS[0].0.into(), text_w[0], None, &mut columns);
    push(TEXT_COLUMNS[1].0.into(), text_w[1], None, &mut columns);
    for lane in &flow.lanes {
        push(lane_names(lane), lane_w, Some(lane.clone()), &mut columns);
    }
    for k in 2..6 {
        push(TEXT_COLUMNS[k].0.into(), text_w[k], None, &mut columns);
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
    // The last page keeps its end room, else its last rows (two, when the
    // page keeps one) go on to a page of their own: what follows the table
    // is never alone on a page.
    let room = |page: usize| if page == 0 { options.first_page_rows } else { options.page_rows };
    if options.end_room > 0.0 && !rows.is_empty() && y + options.end_room > room(page) {
        let on_last = rows.iter().filter(|r| r.page == page).count();
        let fits = |k: usize| rows[rows.len() - k..].iter().map(|r| r.height).sum::<f32>() + CONNECTOR * 1.5 + options.end_room <= options.page_rows;
        let moved = match on_last {
            n if n >= 3 && fits(2) => 2,
            n if n >= 2 || page == 0 => 1,
            _ => 0,
        };
        if moved > 0 {
            page += 1;
            let mut y = CONNECTOR * 1.5;
            let first = rows.len() - moved;
            for row in &mut rows[first..] {
                row.page = page;
                row.y = y;
                y += row.height;
            }
        }
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
        FlowOptions { width: 780.0, first_page_rows: 420.0, page_rows: 480.0, font_size: 7.0, end_room: 0.0 }
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
    fn columns_fill_the_width_and_stay_readable_or_say_they_cannot() {
        // A4 portrait (538 pt inside 10 mm margins) to A3 landscape.
        for width in [538.6, 552.8, 785.2, 878.7, 1134.0] {
            for lanes in 1..=14 {
                for size in [7.0, 6.5, 6.0] {
                    let (text, lane) = column_widths(lanes, width, size);
                    let total: f32 = text.iter().sum::<f32>() + lane * lanes as f32;
                    assert!(total <= width + 0.01, "{width} {lanes}: {total}");
                    if columns_fit(lanes, width, size) {
                        assert!((total - width).abs() < 0.01, "{width} {lanes}: the whole width");
                        assert!(lane >= LANE_MIN - 0.01, "{width} {lanes} {size}: lane {lane}");
                        for (k, min) in text_minimums(size).iter().enumerate() {
                            assert!(text[k] >= min - 0.01, "{width} {lanes} {size}: {} {}", TEXT_COLUMNS[k].0, text[k]);
                            // Every word of the title on one line.
                            let title = TEXT_COLUMNS[k].0;
                            assert!(Font::bold().wrap(title, size, text[k] - 2.0 * PAD).iter().all(|l| title.split(' ').any(|w| l.contains(w))));
                        }
                    }
                }
            }
        }
        // Six lanes fit F4 portrait at 7 pt, twelve do not fit A4 portrait even at 6 pt.
        assert!(columns_fit(6, 552.8, 7.0) && !columns_fit(12, 538.6, 6.0));
    }

    #[test]
    fn the_last_page_keeps_its_end_room_by_moving_its_last_rows_on() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let flow = &doc.processes.flows[0];
        let names = |id: &str| doc.unit_label(id);
        // All eleven rows fit one page; the room after them does not.
        let tall = FlowOptions { first_page_rows: 1000.0, page_rows: 1000.0, ..options() };
        let one = layout_flow(flow, &names, &tall);
        assert_eq!(one.pages, 1);
        let bottom = one.rows.last().map(|r| r.y + r.height).unwrap();
        let layout = layout_flow(flow, &names, &FlowOptions { end_room: 1000.0 - bottom + 1.0, ..tall });
        assert_eq!(layout.pages, 2);
        let moved: Vec<&str> = layout.rows.iter().filter(|r| r.page == 1).map(|r| r.step.as_str()).collect();
        assert_eq!(moved, ["s10", "s11"], "the last two rows move on");
        assert_eq!(layout.connectors.len(), 2, "and an off-page connector leads to them");
        // With the room there, nothing moves.
        let layout = layout_flow(flow, &names, &FlowOptions { end_room: 1000.0 - bottom - 1.0, ..tall });
        assert_eq!(layout.pages, 1);
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
