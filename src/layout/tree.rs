//! Top-down layout of the Pohon Kinerja: one band per level, boxes sized to
//! their wrapped statements, parents centred over their children, edges as
//! orthogonal polylines. Linear in the number of nodes. Units are points.

use super::Font;
use crate::model::{Document, LinkKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone)]
pub struct TreeOptions {
    pub box_width: f32,
    pub font_size: f32,
    pub line_height: f32,
    pub padding: f32,
    /// Space between neighbouring boxes.
    pub h_gap: f32,
    /// Space between level bands (where the edges run).
    pub v_gap: f32,
    /// Left margin that holds the level names.
    pub label_width: f32,
    /// Nodes whose subtrees are hidden.
    pub collapsed: FxHashSet<String>,
    /// What a box shows besides its statement (the printout's options).
    pub details: Details,
    /// Children that are all leaves go in a column under their parent at
    /// every level, not only activities: a wide, shallow tree becomes
    /// narrower and taller (the printout tries it to fit a sheet).
    pub stack_leaves: bool,
    /// The compact layout (Tata letak: ringkas): long rows of siblings
    /// wrapped into several rows inside their level band, so that the tree
    /// fits a sheet's shape instead of one long strip.
    pub compact: bool,
    /// The compact layout's target shape (width / height of the sheet's or
    /// the screen's area): the row widths tried are judged by it.
    pub compact_aspect: f32,
}

/// Optional content of the boxes.
#[derive(Debug, Clone, Default)]
pub struct Details {
    /// "PJ: <unit>" under the statement.
    pub owners: bool,
    /// Each indicator with its satuan, and its targets for `years`.
    pub indicators: bool,
    pub years: Vec<i32>,
    /// Hierarchical numbers ("1.2.3") before the statements.
    pub numbering: bool,
    /// The monitoring of this year: each box its capaian and category
    /// colour, and the budget of its branch (Tampilan › Capaian).
    pub capaian: Option<i32>,
}

impl Default for TreeOptions {
    fn default() -> Self {
        TreeOptions {
            box_width: 150.0,
            font_size: 8.0,
            line_height: 10.0,
            padding: 6.0,
            h_gap: 14.0,
            v_gap: 36.0,
            label_width: 90.0,
            collapsed: FxHashSet::default(),
            details: Details::default(),
            stack_leaves: false,
            compact: false,
            compact_aspect: 1.5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "LayoutBand")]
pub struct Band {
    /// The row; equal to the level index for a well-formed tree.
    pub level: usize,
    pub name: String,
    pub y: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "LayoutBox")]
pub struct BoxLayout {
    /// Node id, or the `ext:` address of an outside box.
    pub id: String,
    pub level: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The statement, wrapped.
    pub lines: Vec<String>,
    pub font_size: f32,
    pub line_height: f32,
    pub padding: f32,
    /// Owner and indicator lines under the statement (printout details), wrapped.
    pub notes: Vec<String>,
    /// The box's capaian category colour (`#rrggbb`) in the capaian view.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fill: Option<String>,
    pub note_size: f32,
    pub note_line_height: f32,
    /// How many nodes below are hidden because this one is collapsed.
    pub hidden_children: usize,
    /// An `ext:` target: a node of another agency, drawn as an outside box.
    pub external: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "LayoutEdge")]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: LinkKind,
    pub points: Vec<[f32; 2]>,
    /// The primary link that closes a cycle (P001): drawn, but not followed.
    pub cycle: bool,
    /// A crosscutting line's middle: where its agreement state (from the
    /// document's link) is written on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<[f32; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TreeLayout {
    pub width: f32,
    pub height: f32,
    pub bands: Vec<Band>,
    pub boxes: Vec<BoxLayout>,
    pub edges: Vec<Edge>,
}

impl TreeLayout {
    pub fn find(&self, id: &str) -> Option<&BoxLayout> {
        self.boxes.iter().find(|b| b.id == id)
    }
}

/// Space between a box's statement and its notes.
const NOTE_GAP: f32 = 4.0;

/// The capaian report of a year, looked up by node.
struct Monitoring {
    report: crate::monitoring::CapaianReport,
    /// Node id → its indicators' entries (indices into `report.indicators`) and its summary (into `report.nodes`).
    by_node: FxHashMap<String, (Vec<usize>, Option<usize>)>,
}

impl Monitoring {
    fn new(doc: &Document, year: i32) -> Monitoring {
        let report = crate::monitoring::report(doc, year);
        let mut by_node: FxHashMap<String, (Vec<usize>, Option<usize>)> = FxHashMap::default();
        for (k, c) in report.indicators.iter().enumerate() {
            by_node.entry(c.node.clone()).or_default().0.push(k);
        }
        for (k, n) in report.nodes.iter().enumerate() {
            by_node.entry(n.node.clone()).or_default().1 = Some(k);
        }
        Monitoring { report, by_node }
    }

    /// The node's category colour.
    fn fill(&self, id: &str) -> Option<String> {
        let summary = &self.report.nodes[self.by_node.get(id)?.1?];
        Some(self.report.categories[summary.category?].colour.clone())
    }

    /// The capaian view's lines of a node: its capaian and category, each
    /// indicator's where it has several, and its branch's budget.
    fn notes(&self, node: &crate::model::Node) -> Vec<String> {
        use crate::format::{number, rupiah};
        let report = &self.report;
        let mut notes = Vec::new();
        let Some((own, summary)) = self.by_node.get(&node.id) else { return notes };
        let one = |v: f64| number((v * 10.0).round() / 10.0);
        let summary = summary.map(|k| &report.nodes[k]);
        match summary.and_then(|s| s.capaian.map(|c| (c, s.category))) {
            Some((c, category)) => {
                let label = category.map(|k| format!(" · {}", report.categories[k].label)).unwrap_or_default();
                notes.push(format!("Capaian {}: {} %{label}", report.year, one(c)));
            }
            None if !own.is_empty() => notes.push(format!("Capaian {}: –", report.year)),
            None => {}
        }
        if own.len() > 1 {
            for c in own.iter().map(|&k| &report.indicators[k]) {
                let name = node.indicators.iter().find(|i| i.id == c.indicator).map_or("", |i| i.name.as_str());
                let value = c.capaian.map_or("–".to_string(), |v| format!("{} %", one(v)));
                notes.push(format!("• {name}: {value}"));
            }
        }
        if let Some(s) = summary {
            if let Some(b) = s.budget {
                let what = if s.own_budget { "Pagu" } else { "Pagu cabang" };
                notes.push(format!("{what} {}", rupiah(b.ceiling)));
                let serapan = b.serapan.map(|v| format!(" ({} %)", number(v))).unwrap_or_default();
                notes.push(format!("Realisasi {}{serapan}", rupiah(b.spent)));
                if let Some(e) = s.efficiency {
                    notes.push(format!("Efisiensi {}", number(e)));
                }
            }
        }
        notes
    }
}

/// The notes under a statement: owner, then each indicator with its targets.
fn node_notes(doc: &Document, node: &crate::model::Node, details: &Details) -> Vec<String> {
    let mut notes = Vec::new();
    if details.owners {
        if let Some(unit) = node.owner.as_deref().and_then(|o| doc.unit(o)) {
            notes.push(format!("PJ: {}", unit.label()));
        }
    }
    if details.indicators {
        for ind in &node.indicators {
            let unit = if ind.unit.is_empty() { String::new() } else { format!(" ({})", ind.unit) };
            notes.push(format!("IK: {}{unit}", ind.name));
            // A year without a target shows as "–": the printout never drops an asked year silently.
            let targets: Vec<String> = details
                .years
                .iter()
                .map(|y| format!("{y}: {}", ind.targets.get(y).map_or("–".to_string(), crate::format::value)))
                .collect();
            if !targets.is_empty() {
                notes.push(format!("Target {}", targets.join(" · ")));
            }
        }
    }
    notes
}

/// How far a column of activities is indented under its parent.
pub const STACK_INDENT: f32 = 14.0;
/// Space between activities in a column.
const STACK_GAP: f32 = 6.0;

pub fn layout_tree(doc: &Document, options: &TreeOptions) -> TreeLayout {
    let font = Font::regular();
    let nodes = &doc.tree.nodes;
    let n = nodes.len();
    let index: FxHashMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();

    // The forest along primary parents.
    let mut parent: Vec<Option<usize>> = doc.primary_parents_in(|id| index.get(id).copied());
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    // Links that close a cycle (a fault P001 reports) are not followed: the
    // forest stays a forest, and the link is drawn, marked, where it points.
    let mut cycle_cut: Vec<bool> = vec![false; n];
    let mut state = vec![0u8; n]; // 0 unseen, 1 on the current path, 2 done
    let mut path = Vec::new();
    for start in 0..n {
        let mut at = start;
        while state[at] == 0 {
            state[at] = 1;
            path.push(at);
            match parent[at] {
                Some(p) => at = p,
                None => break,
            }
        }
        if state[at] == 1 && parent[at].is_some_and(|p| state[p] == 1) {
            cycle_cut[at] = true;
            parent[at] = None;
        }
        for i in path.drain(..) {
            state[i] = 2;
        }
    }
    for c in 0..n {
        if let Some(p) = parent[c] {
            children[p].push(c);
        }
    }

    // Depth-first order from the roots.
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut row: Vec<usize> = vec![0; n];
    let mut visible = vec![false; n];
    let mut visited = vec![false; n];
    let mut hidden = vec![0usize; n];
    let mut tree_roots = Vec::new();
    for root in (0..n).filter(|&i| parent[i].is_none()).chain(0..n) {
        if visited[root] {
            continue;
        }
        tree_roots.push(root);
        let mut stack = vec![(root, true, None::<usize>)];
        while let Some((i, shown, above)) = stack.pop() {
            if visited[i] {
                continue;
            }
            visited[i] = true;
            visible[i] = shown;
            // A node sits in its level's band, below its parent even when the level is faulty.
            row[i] = above.map_or(nodes[i].level, |r| nodes[i].level.max(r + 1));
            if shown {
                order.push(i);
            }
            let open = shown && !options.collapsed.contains(&nodes[i].id);
            for &c in children[i].iter().rev() {
                stack.push((c, open, Some(row[i])));
            }
        }
    }
    // Hidden descendants per collapsed node.
    for i in 0..n {
        if visible[i] {
            continue;
        }
        let mut at = parent[i];
        while let Some(p) = at {
            if visible[p] {
                hidden[p] += 1;
                break;
            }
            at = parent[p];
        }
    }

    // Activities under one parent are listed in a column below it, as
    // planners draw them, instead of spreading the tree sideways.
    let is_activity = |i: usize| {
        doc.tree.levels.get(nodes[i].level).is_some_and(|l| l.kind == crate::model::LevelKind::Activity)
    };
    let mut stacks: Vec<bool> = vec![false; n];
    let mut in_stack: Vec<bool> = vec![false; n];
    // (The compact layout arranges every level's children itself.)
    for &i in order.iter().filter(|_| !options.compact) {
        let kids = visible_children(i, &children, &visible, options, nodes);
        let all_stackable_leaves = kids.iter().all(|&c| {
            (is_activity(c) || options.stack_leaves) && visible_children(c, &children, &visible, options, nodes).is_empty()
        });
        // A single leaf stays under its parent as it is; a column needs two.
        let enough = kids.len() >= if options.stack_leaves { 2 } else { 1 };
        if !kids.is_empty() && enough && all_stackable_leaves {
            stacks[i] = true;
            for &c in &kids {
                in_stack[c] = true;
            }
        }
    }
    let indent = STACK_INDENT.min(options.box_width / 4.0);

    // Hierarchical numbers along the visible tree: 1, 1.1, 1.2, 1.2.1 …
    let mut number = vec![String::new(); n];
    if options.details.numbering {
        let mut roots_seen = 0;
        for &i in &order {
            match parent[i].filter(|&p| visible[p] && !number[p].is_empty()) {
                Some(p) => {
                    let k = children[p].iter().filter(|&&c| visible[c]).position(|&c| c == i).unwrap_or(0) + 1;
                    number[i] = format!("{}.{k}", number[p]);
                }
                None => {
                    roots_seen += 1;
                    number[i] = roots_seen.to_string();
                }
            }
        }
    }

    // Measure; a column of activities is as tall as its boxes together.
    let text_width = options.box_width - 2.0 * options.padding;
    let note_size = (options.font_size - 1.5).max(4.0);
    let note_line_height = options.line_height * note_size / options.font_size;
    let mut lines: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); n];
    let monitoring = options.details.capaian.map(|year| Monitoring::new(doc, year));
    let fill_of = |id: &str| monitoring.as_ref().and_then(|m| m.fill(id));
    let mut height = vec![0.0f32; n];
    let mut offset = vec![0.0f32; n];
    let rows = order.iter().map(|&i| row[i] + 1).max().unwrap_or(0).max(doc.tree.levels.len());
    let mut row_height = vec![options.line_height + 2.0 * options.padding; rows];
    for &i in &order {
        let width = if in_stack[i] { text_width - indent } else { text_width };
        let statement = if number[i].is_empty() {
            nodes[i].statement.clone()
        } else {
            format!("{} {}", number[i], nodes[i].statement)
        };
        lines[i] = font.wrap(&statement, options.font_size, width);
        for note in node_notes(doc, &nodes[i], &options.details) {
            notes[i].extend(font.wrap(&note, note_size, width));
        }
        if let Some(m) = &monitoring {
            for note in m.notes(&nodes[i]) {
                notes[i].extend(font.wrap(&note, note_size, width));
            }
        }
        let notes_height =
            if notes[i].is_empty() { 0.0 } else { NOTE_GAP + notes[i].len() as f32 * note_line_height };
        height[i] = lines[i].len() as f32 * options.line_height + notes_height + 2.0 * options.padding;
        row_height[row[i]] = row_height[row[i]].max(height[i]);
    }
    for &i in order.iter().filter(|&&i| stacks[i]) {
        let mut below = 0.0;
        for c in visible_children(i, &children, &visible, options, nodes) {
            offset[c] = below;
            below += height[c] + STACK_GAP;
            row_height[row[c]] = row_height[row[c]].max(below - STACK_GAP);
        }
    }
    let mut bands = Vec::with_capacity(rows);
    let mut y = 0.0;
    // Bands do not hold in the compact layout.
    for (r, h) in row_height.iter().enumerate().filter(|_| !options.compact) {
        let name = doc.tree.levels.get(r).map(|l| l.name.clone()).unwrap_or_default();
        bands.push(Band { level: r, name, y, height: h + options.v_gap });
        y += h + options.v_gap;
    }

    // Horizontal: leaves left to right, parents centred over their visible children.
    let step = options.box_width + options.h_gap;
    let mut x = vec![0.0f32; n];
    let mut next_leaf = options.label_width;
    let mut post: Vec<usize> = Vec::with_capacity(order.len());
    let mut placed = vec![false; n];
    for &root in &tree_roots {
        let mut stack = vec![(root, false)];
        while let Some((i, expanded)) = stack.pop() {
            let kids: Vec<usize> = visible_children(i, &children, &visible, options, nodes);
            if expanded || kids.is_empty() {
                if !placed[i] {
                    placed[i] = true;
                    post.push(i);
                }
                continue;
            }
            stack.push((i, true));
            for &c in kids.iter().rev() {
                if !placed[c] {
                    stack.push((c, false));
                }
            }
        }
    }
    for &i in post.iter().filter(|_| !options.compact) {
        let kids = visible_children(i, &children, &visible, options, nodes);
        if in_stack[i] {
            continue; // placed with its parent
        }
        if kids.is_empty() || stacks[i] {
            x[i] = next_leaf;
            next_leaf += step;
            for &c in kids.iter() {
                x[c] = x[i] + indent;
            }
        } else {
            x[i] = (x[kids[0]] + x[kids[kids.len() - 1]]) / 2.0;
        }
    }

    let compact = options.compact.then(|| {
        let kids: Vec<Vec<usize>> = (0..n)
            .map(|i| if visible[i] { visible_children(i, &children, &visible, options, nodes) } else { Vec::new() })
            .collect();
        let roots: Vec<usize> = tree_roots.iter().copied().filter(|&r| visible[r]).collect();
        let input = super::compact::Input { roots: &roots, children: &kids, heights: &height };
        super::compact::place(&input, n, options.compact_aspect, options)
    });
    if let Some(placed) = &compact {
        x.clone_from(&placed.x);
        next_leaf = placed.width;
    }
    let top = |i: usize| match &compact {
        Some(placed) => placed.y[i],
        None => bands[row[i]].y + options.v_gap / 2.0 + offset[i],
    };

    let mut boxes = Vec::with_capacity(order.len() + 8);
    let mut box_of: FxHashMap<&str, usize> = FxHashMap::default();
    for &i in &order {
        box_of.insert(nodes[i].id.as_str(), boxes.len());
        boxes.push(BoxLayout {
            id: nodes[i].id.clone(),
            level: nodes[i].level,
            x: x[i],
            y: top(i),
            width: if in_stack[i] { options.box_width - indent } else { options.box_width },
            height: height[i],
            lines: std::mem::take(&mut lines[i]),
            font_size: options.font_size,
            line_height: options.line_height,
            padding: options.padding,
            notes: std::mem::take(&mut notes[i]),
            fill: fill_of(&nodes[i].id),
            note_size,
            note_line_height,
            hidden_children: hidden[i],
            external: false,
        });
    }

    // Outside boxes for ext: targets, in a column right of the tree, each on the row above its source.
    let mut width = next_leaf.max(options.label_width + step);
    let mut external_count: FxHashMap<usize, usize> = FxHashMap::default();
    // (Compact: one column right of the tree, each box level with its source or below the one above.)
    let mut external_bottom = f32::MIN;
    for link in doc.tree.links.iter().filter(|l| l.is_external()) {
        if box_of.contains_key(link.to.as_str()) {
            continue;
        }
        if !box_of.contains_key(link.from.as_str()) {
            continue;
        }
        let r = row[index[link.from.as_str()]].saturating_sub(1);
        let k = external_count.entry(r).or_insert(0);
        let text = link.to.trim_start_matches(crate::model::EXTERNAL_PREFIX).to_string();
        let wrapped = font.wrap(&text, options.font_size, text_width);
        let height = wrapped.len() as f32 * options.line_height + 2.0 * options.padding;
        let (ex, ey) = match &compact {
            Some(placed) => {
                let y = placed.y[index[link.from.as_str()]].max(external_bottom + options.h_gap);
                external_bottom = y + height;
                (next_leaf + options.h_gap, y)
            }
            None => (next_leaf + options.h_gap + *k as f32 * step, bands[r].y + options.v_gap / 2.0),
        };
        box_of.insert(link.to.as_str(), boxes.len());
        boxes.push(BoxLayout {
            id: link.to.clone(),
            level: r,
            x: ex,
            y: ey,
            width: options.box_width,
            height,
            lines: wrapped,
            font_size: options.font_size,
            line_height: options.line_height,
            padding: options.padding,
            notes: Vec::new(),
            fill: None,
            note_size,
            note_line_height,
            hidden_children: 0,
            external: true,
        });
        *k += 1;
        width = width.max(boxes.last().map_or(0.0, |b| b.x + b.width));
    }

    // Edges between visible boxes.
    let tree_parent = &parent;
    let mut edges = Vec::with_capacity(doc.tree.links.len());
    for link in doc.tree.links.iter() {
        let (Some(&c), Some(&p)) = (box_of.get(link.from.as_str()), box_of.get(link.to.as_str())) else { continue };
        let (child, parent) = (&boxes[c], &boxes[p]);
        let (cx, px) = (child.x + child.width / 2.0, parent.x + parent.width / 2.0);
        let stacked = link.kind == LinkKind::Primary && in_stack[index[link.from.as_str()]] && !parent.external;
        // A wrapped child in the compact layout: up to its row's bus, along it to the trunk, up the trunk.
        let route = compact.as_ref().and_then(|placed| {
            let i = index[link.from.as_str()];
            let on_tree = link.kind == LinkKind::Primary && index.get(link.to.as_str()).copied() == tree_parent[i];
            placed.routes.get(&i).filter(|_| on_tree)
        });
        let points = if let Some(&route) = route {
            match route {
                super::compact::Route::Bus { trunk, bus } => {
                    vec![[cx, child.y], [cx, bus], [trunk, bus], [trunk, parent.y + parent.height]]
                }
                super::compact::Route::Side { trunk } => {
                    let mid = child.y + child.height / 2.0;
                    vec![[trunk, parent.y + parent.height], [trunk, mid], [child.x, mid]]
                }
            }
        } else if stacked {
            // Down the column's spine, then into the activity's side.
            let spine = parent.x + indent / 2.0;
            let mid = child.y + child.height / 2.0;
            vec![[spine, parent.y + parent.height], [spine, mid], [child.x, mid]]
        } else if link.kind == LinkKind::Primary && parent.y < child.y {
            let mid = child.y - options.v_gap / 2.0;
            vec![[cx, child.y], [cx, mid], [px, mid], [px, parent.y + parent.height]]
        } else if parent.y < child.y {
            vec![[cx, child.y], [px, parent.y + parent.height]]
        } else {
            // A link that climbs down or sideways: from the child's side to the parent's side.
            vec![[child.x + child.width, child.y + child.height / 2.0], [parent.x, parent.y + parent.height / 2.0]]
        };
        let cycle = link.kind == LinkKind::Primary && index.get(link.from.as_str()).is_some_and(|&i| cycle_cut[i]);
        let label = (link.kind == LinkKind::Crosscutting).then(|| middle(&points));
        edges.push(Edge { from: link.from.clone(), to: link.to.clone(), kind: link.kind, points, cycle, label });
    }

    let height = match &compact {
        Some(placed) => placed.height.max(external_bottom + options.v_gap / 2.0),
        None => bands.last().map_or(0.0, |b| b.y + b.height),
    };
    TreeLayout { width: width + options.h_gap, height, bands, boxes, edges }
}

/// The point halfway along a polyline.
fn middle(points: &[[f32; 2]]) -> [f32; 2] {
    let length = |a: [f32; 2], b: [f32; 2]| (b[0] - a[0]).hypot(b[1] - a[1]);
    let total: f32 = points.windows(2).map(|w| length(w[0], w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let l = length(w[0], w[1]);
        if l >= left && l > 0.0 {
            let f = left / l;
            return [w[0][0] + (w[1][0] - w[0][0]) * f, w[0][1] + (w[1][1] - w[0][1]) * f];
        }
        left -= l;
    }
    points.first().copied().unwrap_or([0.0, 0.0])
}

fn visible_children(
    i: usize,
    children: &[Vec<usize>],
    visible: &[bool],
    options: &TreeOptions,
    nodes: &[crate::model::Node],
) -> Vec<usize> {
    if options.collapsed.contains(&nodes[i].id) {
        return Vec::new();
    }
    children[i].iter().copied().filter(|&c| visible[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &BoxLayout, b: &BoxLayout) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    fn assert_no_overlap(layout: &TreeLayout) {
        let mut boxes: Vec<&BoxLayout> = layout.boxes.iter().collect();
        boxes.sort_by(|a, b| a.x.total_cmp(&b.x));
        for (k, a) in boxes.iter().enumerate() {
            for b in boxes[k + 1..].iter().take_while(|b| b.x < a.x + a.width) {
                assert!(!overlaps(a, b), "{} overlaps {}", a.id, b.id);
            }
        }
    }

    #[test]
    fn lumajang_lays_out_top_down_without_overlaps() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let layout = layout_tree(&doc, &TreeOptions::default());
        assert_eq!(layout.boxes.len(), doc.tree.nodes.len());
        assert_no_overlap(&layout);
        // Every primary child is below its parent and has an edge.
        for link in doc.tree.links.iter() {
            let (c, p) = (layout.find(&link.from).unwrap(), layout.find(&link.to).unwrap());
            assert!(c.y > p.y + p.height, "{} under {}", link.from, link.to);
        }
        assert_eq!(layout.edges.len(), doc.tree.links.len());
        // Activities are listed in a column under their output, not spread sideways.
        let (n23, n24) = (layout.find("n23").unwrap(), layout.find("n24").unwrap());
        assert_eq!(n23.x, n24.x);
        assert!(n24.y >= n23.y + n23.height);
        let n10 = layout.find("n10").unwrap();
        assert!(n23.x > n10.x && n23.x < n10.x + n10.width);
        // Bands carry the document's level names.
        assert_eq!(layout.bands[0].name, doc.tree.levels[0].name);
        // The wrapped lines hold the statement.
        let n0 = layout.find("n0").unwrap();
        assert_eq!(n0.lines.join(" "), doc.tree.nodes[0].statement);
        assert!(n0.lines.len() > 1);
    }

    #[test]
    fn a_crosscutting_line_has_a_label_place_halfway() {
        let doc = crate::synth::generate(&crate::synth::Options { nodes: 300, flows: 0, seed: 4 });
        let layout = layout_tree(&doc, &TreeOptions::default());
        let crosscutting: Vec<&Edge> = layout.edges.iter().filter(|e| e.kind == LinkKind::Crosscutting).collect();
        assert!(!crosscutting.is_empty());
        for e in crosscutting {
            let [a, b] = [e.points[0], e.points[e.points.len() - 1]];
            let m = e.label.expect("a crosscutting line has a label place");
            if e.points.len() == 2 {
                assert!((m[0] - (a[0] + b[0]) / 2.0).abs() < 0.01 && (m[1] - (a[1] + b[1]) / 2.0).abs() < 0.01, "{e:?}");
            }
        }
        assert!(layout.edges.iter().filter(|e| e.kind == LinkKind::Primary).all(|e| e.label.is_none()));
        assert_eq!(middle(&[[0.0, 0.0], [0.0, 10.0], [30.0, 10.0]]), [10.0, 10.0]);
    }

    #[test]
    fn collapse_hides_the_subtree() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let mut options = TreeOptions::default();
        options.collapsed.insert("n3".into());
        let layout = layout_tree(&doc, &options);
        let n3 = layout.find("n3").unwrap();
        assert!(n3.hidden_children > 0);
        assert_eq!(layout.boxes.len(), doc.tree.nodes.len() - n3.hidden_children);
        assert_no_overlap(&layout);
    }

    #[test]
    fn synthetic_and_real_trees_have_no_overlaps() {
        let doc = crate::synth::generate(&crate::synth::Options { nodes: 2000, flows: 0, seed: 4 });
        let layout = layout_tree(&doc, &TreeOptions::default());
        assert_eq!(layout.boxes.len(), 2000 + 1); // + the ext: outside box
        assert!(layout.boxes.iter().any(|b| b.external));
        assert_no_overlap(&layout);
        for sample in crate::samples::ALL {
            assert_no_overlap(&layout_tree(&sample.document(), &TreeOptions::default()));
        }
    }

    #[test]
    fn stacked_leaves_make_a_wide_tree_narrower_without_overlaps() {
        for sample in crate::samples::ALL {
            let doc = sample.document();
            let flat = layout_tree(&doc, &TreeOptions::default());
            let stacked = layout_tree(&doc, &TreeOptions { stack_leaves: true, ..TreeOptions::default() });
            assert_no_overlap(&stacked);
            assert!(stacked.width <= flat.width, "{}", sample.key);
            assert_eq!(stacked.boxes.len(), flat.boxes.len(), "{}", sample.key);
            // Every box still hangs from its parent: one edge per primary link shown.
            assert_eq!(stacked.edges.len(), flat.edges.len(), "{}", sample.key);
        }
        // Way Kanan's sub kegiatan sit in columns under their kegiatan: less than half as wide.
        let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
        let flat = layout_tree(&doc, &TreeOptions::default());
        let stacked = layout_tree(&doc, &TreeOptions { stack_leaves: true, ..TreeOptions::default() });
        assert!(stacked.width < flat.width / 2.0, "{} vs {}", stacked.width, flat.width);
    }

    #[test]
    fn the_compact_layout_fits_a_sheet_better_without_overlaps() {
        // A3 landscape less margins, header and signature: about 1130 × 640 pt.
        let (area_w, area_h) = (1130.0f32, 640.0f32);
        let fit = |l: &TreeLayout| (area_w / l.width).min(area_h / l.height);
        let mut docs: Vec<(String, Document)> = crate::samples::ALL.iter().map(|s| (s.key.to_string(), s.document())).collect();
        docs.push(("synth".into(), crate::synth::generate(&crate::synth::Options { nodes: 2000, flows: 0, seed: 4 })));
        for (key, doc) in &docs {
            let wide = layout_tree(doc, &TreeOptions::default());
            let compact = layout_tree(doc, &TreeOptions { compact: true, compact_aspect: area_w / area_h, ..TreeOptions::default() });
            assert_no_overlap(&compact);
            assert_eq!(compact.boxes.len(), wide.boxes.len(), "{key}");
            assert_eq!(compact.edges.len(), wide.edges.len(), "{key}");
            assert!(compact.bands.is_empty());
            // Every box inside the layout's extent; every primary child below its parent.
            for b in &compact.boxes {
                assert!(b.x >= 0.0 && b.y >= 0.0 && b.x + b.width <= compact.width + 0.01 && b.y + b.height <= compact.height + 0.01, "{key} {}", b.id);
            }
            for e in compact.edges.iter().filter(|e| e.kind == LinkKind::Primary && !e.cycle) {
                let (c, p) = (compact.find(&e.from).unwrap(), compact.find(&e.to).unwrap());
                assert!(c.y > p.y + p.height, "{key}: {} under {}", e.from, e.to);
            }
            eprintln!("{key}: wide {:.3} compact {:.3}", fit(&wide), fit(&compact));
            assert!(fit(&compact) >= fit(&wide) * 0.99, "{key}: {} < {}", fit(&compact), fit(&wide));
        }
    }

    #[test]
    fn the_capaian_view_colours_boxes_and_writes_capaian_and_budget() {
        let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
        let mut options = TreeOptions::default();
        options.details.capaian = Some(2023);
        let layout = layout_tree(&doc, &options);
        let sakip = layout.find("n1").unwrap();
        assert_eq!(sakip.fill.as_deref(), Some("#1e7b34"));
        // The sasaran's branch spends through its program (n4): its pagu, once.
        assert_eq!(
            sakip.notes.join(" "),
            "Capaian 2023: 123,7 % · Sangat Baik Pagu cabang 3.269.253.218 Realisasi 3.128.567.423 (95,7 %) Efisiensi 1,29"
        );
        let program = layout.find("n4").unwrap().notes.join(" ");
        assert!(program.contains("Pagu 3.269.253.218") && program.contains("Realisasi 3.128.567.423 (95,7 %)"), "{program}");
        // Without the view: no colour, no notes.
        let plain = layout_tree(&doc, &TreeOptions::default());
        assert!(plain.boxes.iter().all(|b| b.fill.is_none() && b.notes.is_empty()));
    }
}
