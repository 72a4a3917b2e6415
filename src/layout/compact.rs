//! The compact tree layout (Tata letak: ringkas): each subtree is a block;
//! a node's child blocks stand side by side when they fit a row width, and
//! are wrapped into several rows under the node otherwise, joined by a trunk
//! down the node's left side and a bus above each row (as yFiles' compact
//! node placer does). One row width is tried after another and the one
//! whose whole tree best matches the sheet's (or screen's) shape is kept:
//! a wide, shallow tree becomes a block instead of a strip.
//!
//! Level bands do not hold here (boxes of one level sit at several
//! heights); the level shows in each box's colour strip and the legend.

use super::tree::TreeOptions;
use rustc_hash::FxHashMap;

/// Where the compact layout puts each visible node's box (top left), how
/// big the whole is, and the route of each wrapped child's edge.
pub(super) struct Placed {
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    pub width: f32,
    pub height: f32,
    /// How each wrapped child's edge runs to its parent.
    pub routes: FxHashMap<usize, Route>,
}

/// The edge of a child that is not simply under its parent.
#[derive(Clone, Copy, Debug)]
pub(super) enum Route {
    /// Up to the bus above its row (y), along it to the trunk (x), up the trunk.
    Bus { trunk: f32, bus: f32 },
    /// Into its left side from the trunk (x) of a column of leaves.
    Side { trunk: f32 },
}

/// What one node's block needs besides its children.
pub(super) struct Input<'a> {
    /// Roots of the visible forest, in order.
    pub roots: &'a [usize],
    /// Visible children of each node, in order.
    pub children: &'a [Vec<usize>],
    /// Each box's height (its width is the options' box width).
    pub heights: &'a [f32],
}

/// A subtree's size, and where its root box sits inside it.
#[derive(Clone, Copy, Default)]
struct Block {
    width: f32,
    height: f32,
    /// The root box's left edge, from the block's left.
    anchor: f32,
}

/// How a node's children are arranged under it.
enum Arrangement {
    /// In one row; the parent centred over them.
    Side,
    /// In rows, each from `indent`; the trunk at `indent / 2`.
    Rows,
    /// Leaves in one column from `indent`, close together; the trunk at `indent / 2`.
    Column,
}

/// Per node, for one row width: its block, its children's offsets inside
/// it, and its arrangement.
struct Blocks {
    block: Vec<Block>,
    offset: Vec<[f32; 2]>,
    arrangement: Vec<Arrangement>,
    /// The bus height (inside the parent's block) above each wrapped child's row.
    bus: Vec<f32>,
}

fn post_order(input: &Input, n: usize) -> Vec<usize> {
    let mut post = Vec::with_capacity(n);
    for &root in input.roots {
        let mut stack = vec![(root, false)];
        while let Some((i, expanded)) = stack.pop() {
            if expanded {
                post.push(i);
                continue;
            }
            stack.push((i, true));
            for &c in input.children[i].iter().rev() {
                stack.push((c, false));
            }
        }
    }
    post
}

/// The gap between a parent and its children: only edges run there (no bands).
fn level_gap(options: &TreeOptions) -> f32 {
    options.v_gap * 0.6
}

/// The gap between wrapped rows (the bus runs in it).
fn row_gap(options: &TreeOptions) -> f32 {
    options.v_gap * 0.45
}

/// Between the leaves of a column.
const COLUMN_GAP: f32 = 6.0;

fn trunk_indent(options: &TreeOptions) -> f32 {
    super::tree::STACK_INDENT.min(options.box_width / 4.0)
}

/// Lays blocks out in rows no wider than `limit` (at least one per row),
/// from `left`, the first row at `top`; returns each one's offset and the
/// bottom and right of the whole.
fn rows(items: &[Block], left: f32, top: f32, limit: f32, h_gap: f32, gap: f32) -> (Vec<[f32; 2]>, Vec<f32>, f32, f32) {
    let mut offsets = Vec::with_capacity(items.len());
    let mut row_tops = Vec::with_capacity(items.len());
    let (mut x, mut y, mut row_h, mut right) = (left, top, 0.0f32, left);
    for b in items {
        if x > left && x + b.width > left + limit {
            y += row_h + gap;
            x = left;
            row_h = 0.0;
        }
        offsets.push([x, y]);
        row_tops.push(y);
        x += b.width + h_gap;
        row_h = row_h.max(b.height);
        right = right.max(x - h_gap);
    }
    (offsets, row_tops, y + row_h, right)
}

/// How wide a node's rows of children may be.
#[derive(Clone, Copy)]
enum Limit {
    /// The same row width for every node.
    Global(f32),
    /// Each node picks side by side or the row width that makes its own
    /// block best fit this shape (width / height).
    Shape(f32),
}

fn blocks(input: &Input, post: &[usize], n: usize, limit: Limit, options: &TreeOptions) -> Blocks {
    let bw = options.box_width;
    let mut out = Blocks {
        block: vec![Block::default(); n],
        offset: vec![[0.0, 0.0]; n],
        arrangement: (0..n).map(|_| Arrangement::Side).collect(),
        bus: vec![0.0; n],
    };
    let indent = trunk_indent(options);
    for &i in post {
        let kids = &input.children[i];
        let h = input.heights[i];
        if kids.is_empty() {
            out.block[i] = Block { width: bw, height: h, anchor: 0.0 };
            continue;
        }
        let items: Vec<Block> = kids.iter().map(|&c| out.block[c]).collect();
        let side_width = items.iter().map(|b| b.width).sum::<f32>() + options.h_gap * (items.len() - 1) as f32;
        let side_height = h + level_gap(options) + items.iter().map(|b| b.height).fold(0.0, f32::max);
        let leaves = kids.iter().all(|&c| input.children[c].is_empty());
        let top = h + level_gap(options);
        let wrapped = |row_width: f32| rows(&items, indent, top, (row_width - indent).max(bw), options.h_gap, row_gap(options));
        // The row width to wrap at, or none for side by side.
        let column_height = h + COLUMN_GAP * 2.0 + items.iter().map(|b| b.height + COLUMN_GAP).sum::<f32>() - COLUMN_GAP;
        let row_width: Option<f32> = if kids.len() == 1 {
            None
        } else {
            match limit {
                Limit::Global(_) if leaves => None,
                Limit::Global(l) => (side_width > l).then_some(l),
                Limit::Shape(aspect) => {
                    let cost = |w: f32, h: f32| (w / aspect).max(h);
                    // Leaves start from their column (tight, no bus); a grid of them may be shorter.
                    let mut best = if leaves { (cost(indent + bw, column_height), None) } else { (cost(side_width, side_height), None) };
                    let widest_child = items.iter().map(|b| b.width).fold(0.0, f32::max);
                    let mut l = indent + widest_child * if leaves { 2.0 } else { 1.0 } + options.h_gap * if leaves { 1.0 } else { 0.0 };
                    while l < side_width {
                        let (_, _, bottom, right) = wrapped(l);
                        let c = cost(right, bottom);
                        if c < best.0 * 0.999 {
                            best = (c, Some(l));
                        }
                        l *= 1.2;
                    }
                    best.1
                }
            }
        };
        if leaves && kids.len() >= 2 && row_width.is_none() {
            // A column of leaves, as planners list activities.
            let mut y = h + COLUMN_GAP * 2.0;
            for (&c, b) in kids.iter().zip(&items) {
                out.offset[c] = [indent, y];
                y += b.height + COLUMN_GAP;
            }
            out.block[i] = Block { width: (indent + bw).max(bw), height: y - COLUMN_GAP, anchor: 0.0 };
            out.arrangement[i] = Arrangement::Column;
        } else if let Some(row_width) = row_width {
            // Wrapped rows under the parent, from its trunk.
            let (offsets, row_tops, bottom, right) = wrapped(row_width);
            for ((&c, o), row_top) in kids.iter().zip(offsets).zip(row_tops) {
                out.offset[c] = o;
                out.bus[c] = row_top - (if row_top == top { level_gap(options) } else { row_gap(options) } / 2.0);
            }
            out.block[i] = Block { width: right.max(bw), height: bottom, anchor: 0.0 };
            out.arrangement[i] = Arrangement::Rows;
        } else {
            // Children in a row; the parent centred over their boxes.
            let mut x = 0.0;
            let mut centres = Vec::with_capacity(kids.len());
            for (&c, b) in kids.iter().zip(&items) {
                out.offset[c] = [x, top];
                centres.push(x + b.anchor + bw / 2.0);
                x += b.width + options.h_gap;
            }
            let mut anchor = (centres[0] + centres[centres.len() - 1]) / 2.0 - bw / 2.0;
            if anchor < 0.0 {
                for &c in kids {
                    out.offset[c][0] -= anchor;
                }
                anchor = 0.0;
            }
            let shift = out.offset[kids[0]][0];
            let width = (shift + side_width).max(anchor + bw);
            out.block[i] = Block { width, height: side_height, anchor };
            out.arrangement[i] = Arrangement::Side;
        }
    }
    out
}

/// The forest placed for one row width: the roots themselves wrapped in rows too.
fn place_with(input: &Input, post: &[usize], n: usize, limit: Limit, options: &TreeOptions) -> Placed {
    let b = blocks(input, post, n, limit, options);
    let limit = match limit {
        Limit::Global(l) => l,
        // The roots wrap where the widest block ends, at the least.
        Limit::Shape(_) => input.roots.iter().map(|&r| b.block[r].width).fold(options.box_width, f32::max),
    };
    let items: Vec<Block> = input.roots.iter().map(|&r| b.block[r]).collect();
    let (offsets, _, bottom, right) = rows(&items, options.h_gap, options.h_gap, limit, options.h_gap, level_gap(options));
    let mut placed = Placed {
        x: vec![0.0; n],
        y: vec![0.0; n],
        width: right + options.h_gap,
        height: bottom + options.h_gap,
        routes: FxHashMap::default(),
    };
    let indent = trunk_indent(options);
    // Block origins, top down.
    let mut origin: Vec<[f32; 2]> = vec![[0.0, 0.0]; n];
    let mut stack: Vec<usize> = Vec::new();
    for (&root, o) in input.roots.iter().zip(offsets) {
        origin[root] = o;
        stack.push(root);
        while let Some(i) = stack.pop() {
            let [ox, oy] = origin[i];
            placed.x[i] = ox + b.block[i].anchor;
            placed.y[i] = oy;
            for &c in &input.children[i] {
                origin[c] = [ox + b.offset[c][0], oy + b.offset[c][1]];
                let trunk = ox + indent / 2.0;
                match b.arrangement[i] {
                    Arrangement::Side => {}
                    Arrangement::Rows => {
                        placed.routes.insert(c, Route::Bus { trunk, bus: oy + b.bus[c] });
                    }
                    Arrangement::Column => {
                        placed.routes.insert(c, Route::Side { trunk });
                    }
                }
                stack.push(c);
            }
        }
    }
    placed
}

/// The compact layout whose shape best matches `aspect` (width / height):
/// the one that would print largest on such an area.
pub(super) fn place(input: &Input, n: usize, aspect: f32, options: &TreeOptions) -> Placed {
    let post = post_order(input, n);
    let aspect = if aspect.is_finite() && aspect > 0.05 { aspect } else { 1.5 };
    // Row widths from one box up to everything in one row, in steps of a third.
    let widest = (post.len().max(1) as f32) * (options.box_width + options.h_gap);
    let mut limit = options.box_width;
    // Each node shaped on its own first, then the same row width everywhere.
    // (A subtree shaped a little taller or wider than the sheet may pack better.)
    let mut best: Option<(f32, Placed)> = None;
    for stretch in [0.4, 0.6, 0.8, 1.0, 1.25, 1.6, 2.2] {
        let shaped = place_with(input, &post, n, Limit::Shape(aspect * stretch), options);
        let scale = (aspect / shaped.width).min(1.0 / shaped.height);
        if best.as_ref().is_none_or(|(s, _)| scale > *s * 1.0001) {
            best = Some((scale, shaped));
        }
    }
    loop {
        let candidate = place_with(input, &post, n, Limit::Global(limit), options);
        let scale = (aspect / candidate.width).min(1.0 / candidate.height);
        if best.as_ref().is_none_or(|(s, _)| scale > *s * 1.0001) {
            best = Some((scale, candidate));
        }
        if limit >= widest {
            break;
        }
        limit *= 1.15;
    }
    best.map(|(_, p)| p).expect("at least one row width is tried")
}
