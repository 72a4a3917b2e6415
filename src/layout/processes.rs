//! Layout of the Peta Proses Bisnis (Permenpan RB 19/2018): the goal on
//! top, inputs on the left, the bands of processes (manajerial, utama,
//! pendukung), outputs on the right. The same geometry is drawn by the
//! editor and into the PDF. With a parent process it is that process's
//! Peta Sub Proses Bisnis: the parent's name on top, its sub-processes in
//! the bands their categories name.

use super::Font;
use crate::model::{Document, Process, ProcessCategory};
use serde::Serialize;
use ts_rs::TS;

/// Wrapped lines; line k's baseline is at `y + size + k * size * LINE`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TextBlock {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub lines: Vec<String>,
    pub size: f32,
    pub bold: bool,
    /// Each line centred in `width`.
    pub centred: bool,
}

pub const LINE: f32 = 1.25;

impl TextBlock {
    fn new(text: &str, x: f32, y: f32, width: f32, size: f32, bold: bool, centred: bool) -> TextBlock {
        let font = if bold { Font::bold() } else { Font::regular() };
        TextBlock { x, y, width, lines: font.wrap(text, size, width), size, bold, centred }
    }

    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.size * LINE
    }

    /// Where each line starts (x) and its baseline (y).
    pub fn placed(&self) -> impl Iterator<Item = (f32, f32, &str)> {
        let font = if self.bold { Font::bold() } else { Font::regular() };
        self.lines.iter().enumerate().map(move |(k, line)| {
            let dx = if self.centred { (self.width - font.width(line, self.size)) / 2.0 } else { 0.0 };
            (self.x + dx, self.y + self.size + k as f32 * self.size * LINE, line.as_str())
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The input or output column.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "MapPanel")]
pub struct Panel {
    pub title: String,
    pub rect: Rect,
    pub items: Vec<TextBlock>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "MapBand")]
pub struct Band {
    pub category: ProcessCategory,
    pub title: String,
    pub rect: Rect,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProcessBox {
    pub id: String,
    pub category: ProcessCategory,
    pub rect: Rect,
    pub name: TextBlock,
    /// How many sub-processes it has ("3 sub proses" under the name).
    pub subs: usize,
    pub subs_note: Option<TextBlock>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProcessMapLayout {
    pub width: f32,
    pub height: f32,
    /// The parent process of a Peta Sub Proses Bisnis.
    pub parent: Option<String>,
    pub goal: Rect,
    pub goal_text: TextBlock,
    pub inputs: Option<Panel>,
    pub outputs: Option<Panel>,
    /// From the inputs into the processes, and out to the outputs.
    pub arrows: Vec<[[f32; 2]; 2]>,
    pub bands: Vec<Band>,
    pub boxes: Vec<ProcessBox>,
}

pub const BANDS: [(ProcessCategory, &str); 3] = [
    (ProcessCategory::Management, "PROSES MANAJERIAL"),
    (ProcessCategory::Core, "PROSES UTAMA"),
    (ProcessCategory::Support, "PROSES PENDUKUNG"),
];

const GAP: f32 = 14.0;
const BAND_GAP: f32 = 8.0;
const NAME_SIZE: f32 = 8.0;

/// The processes shown at one level of the map: the top level or the
/// sub-processes of `parent`, in document order. A process whose parent is
/// missing, or whose parent chain runs in a circle (B003), is shown at the
/// top level, so that it can be seen and put right.
pub fn processes_at<'a>(doc: &'a Document, parent: Option<&str>) -> impl Iterator<Item = &'a Process> + 'a {
    let parent = parent.map(str::to_string);
    doc.processes.map.processes.iter().filter(move |p| match parent.as_deref() {
        Some(id) => p.parent.as_deref() == Some(id) && reaches_top(doc, p),
        None => p.parent.is_none() || !reaches_top(doc, p),
    })
}

/// Whether following the parents from `process` ends at a top-level process.
fn reaches_top(doc: &Document, process: &Process) -> bool {
    let mut at = process;
    for _ in 0..=doc.processes.map.processes.len() {
        match at.parent.as_deref() {
            None => return true,
            Some(id) => match doc.process(id) {
                Some(next) => at = next,
                None => return false,
            },
        }
    }
    false
}

pub fn layout_process_map(doc: &Document, parent: Option<&str>, width: f32, height: f32) -> ProcessMapLayout {
    let map = &doc.processes.map;
    let parent_process = parent.and_then(|id| doc.process(id));
    let goal_line = match parent_process {
        Some(p) => p.name.clone(),
        None => map.goal.clone(),
    };
    let goal_text = TextBlock::new(&goal_line, 8.0, 6.0, width - 16.0, 10.0, true, true);
    // An empty goal keeps a one-line bar (the editor writes a hint in it; the printout leaves it blank).
    let goal = Rect { x: 0.0, y: 0.0, width, height: goal_text.height().max(10.0 * LINE) + 16.0 };
    let body_top = goal.height + GAP;
    let body_h = (height - body_top).max(120.0);

    // Inputs and outputs: only on the top-level map.
    let side = if parent.is_none() { (width * 0.16).max(90.0) } else { 0.0 };
    let items = |x: f32, list: &[String]| -> Vec<TextBlock> {
        let mut y = body_top + 24.0;
        list.iter()
            .map(|item| {
                let block = TextBlock::new(&format!("• {item}"), x + 8.0, y, side - 16.0, 8.0, false, false);
                y += block.height() + 3.0;
                block
            })
            .collect()
    };
    let (input_items, output_items) =
        if parent.is_none() { (items(0.0, &map.inputs), items(width - side, &map.outputs)) } else { (Vec::new(), Vec::new()) };
    let panel_need = input_items.iter().chain(&output_items).map(|b| b.y + b.height() + 8.0 - body_top).fold(0.0, f32::max);

    // Bands: all three on the top-level map; on a sub-process map, those
    // that hold a sub-process (or the parent's own category when none does).
    let shown: Vec<&Process> = processes_at(doc, parent).collect();
    let bands_shown: Vec<(ProcessCategory, &str)> = match parent_process {
        None => BANDS.to_vec(),
        Some(p) => {
            let used: Vec<_> = BANDS.iter().copied().filter(|(c, _)| shown.iter().any(|s| s.category == *c)).collect();
            if used.is_empty() { BANDS.iter().copied().filter(|(c, _)| *c == p.category).collect() } else { used }
        }
    };
    let (bx, bw) = if parent.is_none() { (side + GAP, width - 2.0 * (side + GAP)) } else { (0.0, width) };
    // Each band's grid of cards: how many per row, and the height its longest name needs.
    struct Plan<'a> {
        category: ProcessCategory,
        title: &'a str,
        processes: Vec<&'a Process>,
        per_row: f32,
        rows: f32,
        cell_w: f32,
        card_need: f32,
    }
    let subs_of = |id: &str| doc.processes.map.processes.iter().filter(|p| p.parent.as_deref() == Some(id)).count();
    let plans: Vec<Plan> = bands_shown
        .into_iter()
        .map(|(category, title)| {
            let processes: Vec<&Process> = shown.iter().copied().filter(|p| p.category == category).collect();
            let n = processes.len().max(1) as f32;
            let per_row = n.min(((bw - 16.0) / 120.0).floor().max(1.0));
            // Cards no larger than a card (a lone process is not a banner).
            let cell_w = ((bw - 16.0) / per_row).min(210.0);
            let card_need = processes
                .iter()
                .map(|p| {
                    let lines = Font::bold().wrap(&p.name, NAME_SIZE, cell_w - 16.0).len() as f32;
                    let note = if subs_of(&p.id) > 0 { 2.0 + 6.5 * LINE } else { 0.0 };
                    lines * NAME_SIZE * LINE + note + 14.0
                })
                .fold(30.0, f32::max);
            Plan { category, title, rows: (processes.len() as f32 / per_row).ceil(), processes, per_row, cell_w, card_need }
        })
        .collect();
    let count = plans.len() as f32;
    let share = (body_h - (count - 1.0) * BAND_GAP) / count;
    // A band is at least its equal share of the room, and as tall as its cards need:
    // the map grows (and scrolls, or prints smaller) rather than cut a name.
    let band_heights: Vec<f32> = plans.iter().map(|p| share.max(24.0 + p.rows * p.card_need + 4.0)).collect();
    let bands_total = band_heights.iter().sum::<f32>() + (count - 1.0) * BAND_GAP;
    let body_h = body_h.max(bands_total).max(panel_need);
    let mut bands = Vec::new();
    let mut boxes = Vec::new();
    let mut y0 = body_top;
    for (plan, band_h) in plans.into_iter().zip(band_heights) {
        bands.push(Band { category: plan.category, title: plan.title.into(), rect: Rect { x: bx, y: y0, width: bw, height: band_h } });
        let cell_h = plan.card_need.max(((band_h - 24.0) / plan.rows.max(1.0)).min(76.0));
        let left = bx + 8.0 + ((bw - 16.0) - plan.cell_w * plan.per_row) / 2.0;
        let top = y0 + 20.0 + ((band_h - 24.0) - cell_h * plan.rows) / 2.0;
        for (i, process) in plan.processes.into_iter().enumerate() {
            let (r, c) = ((i as f32 / plan.per_row).floor(), i as f32 % plan.per_row);
            let (x, y) = (left + c * plan.cell_w, top + r * cell_h);
            let mut name = TextBlock::new(&process.name, x + 8.0, y, plan.cell_w - 16.0, NAME_SIZE, true, true);
            let subs = subs_of(&process.id);
            let note_h = if subs > 0 { 2.0 + 6.5 * LINE } else { 0.0 };
            // The text block centred in the card.
            name.y = y + ((cell_h - name.height() - note_h) / 2.0).max(4.0);
            let subs_note = (subs > 0).then(|| {
                TextBlock::new(&format!("{subs} sub proses"), x + 8.0, name.y + name.height() + 2.0, plan.cell_w - 16.0, 6.5, false, true)
            });
            boxes.push(ProcessBox {
                id: process.id.clone(),
                category: plan.category,
                rect: Rect { x: x + 3.0, y: y + 2.0, width: plan.cell_w - 6.0, height: cell_h - 4.0 },
                name,
                subs,
                subs_note,
            });
        }
        y0 += band_h + BAND_GAP;
    }
    let (inputs, outputs, arrows) = if parent.is_none() {
        let mid = body_top + body_h / 2.0;
        let panel = |title: &str, x: f32, items: Vec<TextBlock>| Panel { title: title.into(), rect: Rect { x, y: body_top, width: side, height: body_h }, items };
        (
            Some(panel("INPUT", 0.0, input_items)),
            Some(panel("OUTPUT", width - side, output_items)),
            vec![[[side, mid], [side + GAP, mid]], [[width - side - GAP, mid], [width - side, mid]]],
        )
    } else {
        (None, None, Vec::new())
    };
    ProcessMapLayout {
        width,
        height: body_top + body_h,
        parent: parent.map(str::to_string),
        goal,
        goal_text,
        inputs,
        outputs,
        arrows,
        bands,
        boxes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn lumajang_level_zero_has_three_bands_and_its_seven_top_processes() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let layout = layout_process_map(&doc, None, 800.0, 500.0);
        assert_eq!(layout.bands.len(), 3);
        let ids: Vec<&str> = layout.boxes.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
        assert_eq!(layout.inputs.as_ref().unwrap().items.len(), 4);
        assert_eq!(layout.outputs.as_ref().unwrap().items.len(), 6);
        // p2 has five sub-processes, said under its name.
        let p2 = layout.boxes.iter().find(|b| b.id == "p2").unwrap();
        assert_eq!(p2.subs, 5);
        assert_eq!(p2.subs_note.as_ref().unwrap().lines, ["5 sub proses"]);
        for (k, a) in layout.boxes.iter().enumerate() {
            let band = layout.bands.iter().find(|b| b.category == a.category).unwrap();
            assert!(a.rect.y >= band.rect.y && a.rect.y + a.rect.height <= band.rect.y + band.rect.height + 0.01);
            for b in &layout.boxes[k + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{} overlaps {}", a.id, b.id);
            }
        }
    }

    #[test]
    fn a_small_room_grows_the_map_instead_of_cutting_names() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let layout = layout_process_map(&doc, None, 560.0, 260.0);
        assert!(layout.height > 260.0);
        for b in &layout.boxes {
            let text_bottom = b.subs_note.as_ref().unwrap_or(&b.name);
            assert!(text_bottom.y + text_bottom.height() <= b.rect.y + b.rect.height, "{} cut", b.id);
            let band = layout.bands.iter().find(|x| x.category == b.category).unwrap();
            assert!(b.rect.y + b.rect.height <= band.rect.y + band.rect.height + 0.01, "{} outside its band", b.id);
        }
        for panel in [layout.inputs.as_ref().unwrap(), layout.outputs.as_ref().unwrap()] {
            let last = panel.items.last().unwrap();
            assert!(last.y + last.height() <= panel.rect.y + panel.rect.height);
        }
    }

    #[test]
    fn a_process_with_a_missing_or_circular_parent_is_shown_at_the_top() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let processes = &mut doc.processes.map.processes;
        processes.get_mut(7).unwrap().parent = Some("p99".into()); // p8: missing parent
        processes.get_mut(0).unwrap().parent = Some("p3".into()); // p1 ↔ p3: a circle
        processes.get_mut(2).unwrap().parent = Some("p1".into());
        let top: Vec<&str> = processes_at(&doc, None).map(|p| p.id.as_str()).collect();
        assert!(top.contains(&"p8") && top.contains(&"p1") && top.contains(&"p3"), "{top:?}");
        assert!(processes_at(&doc, Some("p1")).next().is_none(), "a circle is not drawn as a sub-map");
        let layout = layout_process_map(&doc, None, 800.0, 500.0);
        assert!(layout.boxes.iter().any(|b| b.id == "p8"));
    }

    #[test]
    fn sub_process_map_shows_the_children_under_the_parent_name() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let layout = layout_process_map(&doc, Some("p2"), 800.0, 500.0);
        assert_eq!(layout.goal_text.lines, ["Meningkatnya Profesionalitas ASN"]);
        assert!(layout.inputs.is_none() && layout.outputs.is_none());
        assert_eq!(layout.bands.len(), 1, "only the pendukung band holds sub-processes");
        assert_eq!(layout.boxes.len(), 5);
        // A process without children still gets its own band to add into.
        let empty = layout_process_map(&doc, Some("p1"), 800.0, 500.0);
        assert_eq!(empty.bands.len(), 1);
        assert_eq!(empty.bands[0].category, ProcessCategory::Management);
        assert!(empty.boxes.is_empty());
    }
}
