//! The poster: the tree at the chosen scale on a grid of sheets (rows ×
//! columns), the layout and the sheet's orientation chosen for the fewest
//! sheets. Seams fall in the gaps between boxes where they can, and a box
//! cut by a window's edge starts the next window, so every box is whole on
//! at least one sheet; neighbouring sheets overlap for gluing; sheets with
//! nothing of the tree are not printed. The first sheet carries an assembly
//! map (the whole tree in miniature with the grid and each sheet's label);
//! the signature block sits whole on a sheet with room, beside the tree.

use super::{draw_tree, smallest_content, tree_options, Ctx, Place};
use crate::layout::{layout_tree, Font, TreeLayout, TreeOptions};
use crate::print::furniture::{crop_marks, draw_header, draw_legend, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use crate::print::{Drawn, LayoutChoice};
use crate::render::theme::{self, grey};
use crate::render::{Sheet, POINTS_PER_MM};

/// The label line above each tile.
const LABEL_H: f32 = 18.0;
/// The legend's box (wider with the capaian categories beside it).
const LEGEND_W: f32 = 200.0;
const LEGEND_CAPAIAN_W: f32 = 330.0;
const LEGEND_H: f32 = 50.0;
/// Kept free around the boxes, lines and overlays placed beside the tree.
const CLEARANCE: f32 = 6.0;

/// A rectangle in content points (the layout × the scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    fn right(&self) -> f32 {
        self.x + self.w
    }
    fn bottom(&self) -> f32 {
        self.y + self.h
    }
    fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    /// `o` lies wholly inside (a hair of rounding allowed).
    fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x - 0.01 && o.y >= self.y - 0.01 && o.right() <= self.right() + 0.01 && o.bottom() <= self.bottom() + 0.01
    }
    fn grown(&self, d: f32) -> Rect {
        Rect { x: self.x - d, y: self.y - d, w: self.w + 2.0 * d, h: self.h + 2.0 * d }
    }
}

/// What a poster shows, in content points: the tree's boxes, its lines (as
/// thin rectangles, one per segment) and the level names.
pub(super) struct Content {
    pub width: f32,
    pub height: f32,
    pub boxes: Vec<Rect>,
    pub levels: Vec<usize>,
    pub segments: Vec<Rect>,
    pub labels: Vec<Rect>,
}

impl Content {
    fn new(layout: &TreeLayout, scale: f32) -> Content {
        let s = scale;
        let boxes = layout.boxes.iter().map(|b| Rect { x: b.x * s, y: b.y * s, w: b.width * s, h: b.height * s }).collect();
        let levels = layout.boxes.iter().map(|b| b.level).collect();
        let mut segments = Vec::new();
        for e in &layout.edges {
            for w in e.points.windows(2) {
                let (x0, x1) = (w[0][0].min(w[1][0]) * s, w[0][0].max(w[1][0]) * s);
                let (y0, y1) = (w[0][1].min(w[1][1]) * s, w[0][1].max(w[1][1]) * s);
                segments.push(Rect { x: x0, y: y0, w: (x1 - x0).max(0.5), h: (y1 - y0).max(0.5) });
            }
        }
        let labels = layout
            .bands
            .iter()
            .filter(|b| !b.name.is_empty())
            .map(|b| {
                let lines = Font::bold().wrap(&b.name.to_uppercase(), 7.5, 80.0).len() as f32;
                Rect { x: 0.0, y: b.y * s, w: 86.0 * s, h: (8.0 + lines * 9.0) * s }
            })
            .collect();
        Content { width: layout.width * s, height: layout.height * s, boxes, levels, segments, labels }
    }

    /// What an overlay must keep clear of.
    fn obstacles(&self) -> Vec<Rect> {
        self.boxes.iter().chain(&self.segments).chain(&self.labels).map(|r| r.grown(CLEARANCE)).collect()
    }
}

/// Window starts (each `span` long) covering `[0, total]`, the next at most
/// `span − overlap` after the previous. Where a window's end cuts an item
/// (a box's extent), the next window starts before that item, so it is
/// whole there; and the next start is moved back out of any item it would
/// cut, into the gap before it. An item longer than half a window cannot
/// always be kept whole.
pub(super) fn seams(total: f32, span: f32, overlap: f32, items: &[(f32, f32)]) -> Vec<f32> {
    const GAP: f32 = 3.0;
    let overlap = overlap.clamp(0.0, span * 0.4);
    let mut starts = vec![0.0f32];
    let mut s = 0.0f32;
    while s + span < total - 0.5 && starts.len() < 1000 {
        let end = s + span;
        let earliest = s + span * 0.5;
        let mut next = end - overlap;
        for &(a, b) in items {
            if a < end && b > end && a - GAP >= earliest {
                next = next.min(a - GAP);
            }
        }
        while let Some(&(a, _)) = items.iter().find(|&&(a, b)| a < next && b > next && a - GAP >= earliest) {
            next = a - GAP;
        }
        if next <= s {
            next = end - overlap;
        }
        starts.push(next);
        s = next;
    }
    starts
}

/// The tile grid: where each column's and row's window starts, and the
/// window's size.
#[derive(Debug, Clone)]
pub(super) struct Grid {
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    pub tw: f32,
    pub th: f32,
}

impl Grid {
    fn new(content: &Content, width: f32, height: f32, tw: f32, th: f32, overlap: f32) -> Grid {
        let xs_items: Vec<(f32, f32)> = content.boxes.iter().chain(&content.labels).map(|r| (r.x, r.right())).collect();
        let ys_items: Vec<(f32, f32)> = content.boxes.iter().chain(&content.labels).map(|r| (r.y, r.bottom())).collect();
        Grid { xs: seams(width, tw, overlap, &xs_items), ys: seams(height, th, overlap, &ys_items), tw, th }
    }

    pub fn window(&self, r: usize, c: usize) -> Rect {
        Rect { x: self.xs[c], y: self.ys[r], w: self.tw, h: self.th }
    }

    /// The part of a window that no neighbouring window covers.
    fn exclusive(&self, r: usize, c: usize) -> Rect {
        let x0 = if c > 0 { (self.xs[c - 1] + self.tw).max(self.xs[c]) } else { self.xs[c] };
        let x1 = self.xs.get(c + 1).copied().unwrap_or(self.xs[c] + self.tw).max(x0);
        let y0 = if r > 0 { (self.ys[r - 1] + self.th).max(self.ys[r]) } else { self.ys[r] };
        let y1 = self.ys.get(r + 1).copied().unwrap_or(self.ys[r] + self.th).max(y0);
        Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
    }

    fn rows(&self) -> usize {
        self.ys.len()
    }
    fn cols(&self) -> usize {
        self.xs.len()
    }
}

/// The tiles worth printing, row by row: those that show a box or a line
/// in the part no neighbour covers, and any a box is whole only on.
pub(super) fn printed_tiles(grid: &Grid, content: &Content) -> Vec<(usize, usize)> {
    let (rows, cols) = (grid.rows(), grid.cols());
    let mut printed = vec![false; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let own = grid.exclusive(r, c);
            printed[r * cols + c] = content.boxes.iter().chain(&content.segments).any(|b| b.intersects(&own));
        }
    }
    for b in &content.boxes {
        let whole: Vec<usize> = (0..rows * cols).filter(|&k| grid.window(k / cols, k % cols).contains(b)).collect();
        if !whole.is_empty() && !whole.iter().any(|&k| printed[k]) {
            printed[whole[0]] = true;
        }
    }
    (0..rows * cols).filter(|&k| printed[k]).map(|k| (k / cols, k % cols)).collect()
}

/// A free place for a `w` × `h` overlay inside `region`, clear of
/// `obstacles`; tried from the bottom right (or the top left) on.
fn find_room(obstacles: &[Rect], region: Rect, w: f32, h: f32, bottom_right: bool) -> Option<(f32, f32)> {
    if region.w < w || region.h < h {
        return None;
    }
    let near: Vec<&Rect> = obstacles.iter().filter(|o| o.intersects(&region)).collect();
    let step = 6.0;
    let nx = ((region.w - w) / step).floor() as usize;
    let ny = ((region.h - h) / step).floor() as usize;
    for j in 0..=ny {
        let y = if bottom_right { region.bottom() - h - j as f32 * step } else { region.y + j as f32 * step };
        for i in 0..=nx {
            let x = if bottom_right { region.right() - w - i as f32 * step } else { region.x + i as f32 * step };
            let spot = Rect { x, y, w, h };
            if !near.iter().any(|o| o.intersects(&spot)) {
                return Some((x, y));
            }
        }
    }
    None
}

/// Where the assembly map goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MapSpot {
    /// On the first printed tile, at this place (content points).
    Tile(Rect),
    /// On a sheet of its own before the tiles.
    Sheet,
}

/// A poster laid out on sheets.
pub(super) struct PosterPlan {
    /// The sheet turned against the orientation asked for.
    turned: bool,
    width: f32,
    height: f32,
    grid: Grid,
    pub printed: Vec<(usize, usize)>,
    map: MapSpot,
    /// Tile (index into `printed`) and place of the signature block.
    signature: (usize, Rect),
    legend: Option<(usize, Rect)>,
}

impl PosterPlan {
    pub fn sheet_count(&self) -> usize {
        self.printed.len() + usize::from(self.map == MapSpot::Sheet)
    }
}

/// The tiles of `content` on `width` × `height` sheets.
pub(super) fn plan(content: &Content, width: f32, height: f32, margin: f32, overlap: f32, turned: bool, legend: Option<f32>) -> PosterPlan {
    let tw = width - 2.0 * margin;
    let th = height - 2.0 * margin - LABEL_H - FOOTER_H;
    let full_width = content.width.max(SIGNATURE_W + 2.0 * CLEARANCE);
    let mut grid = Grid::new(content, full_width, content.height, tw, th, overlap);
    let mut printed = printed_tiles(&grid, content);
    let mut obstacles = content.obstacles();
    let (sig_w, sig_h) = (SIGNATURE_W + 2.0 * CLEARANCE, SIGNATURE_H + 2.0 * CLEARANCE);
    // The signature: whole, on a tile that shows the tree, in a part no
    // neighbour covers (glued over, it would be hidden); the last first.
    let mut signature = None;
    for (k, &(r, c)) in printed.iter().enumerate().rev() {
        let region = grid.exclusive(r, c);
        if let Some((x, y)) = find_room(&obstacles, region, sig_w, sig_h, true) {
            signature = Some((k, Rect { x, y, w: sig_w, h: sig_h }));
            break;
        }
    }
    let signature = match signature {
        Some(found) => found,
        None => {
            // No room beside the tree: a strip under it, on the last row,
            // whose window is moved up to show the tree's foot too.
            let height = content.height + sig_h + CLEARANCE;
            grid = Grid::new(content, full_width, height, tw, th, overlap);
            let last = grid.ys.len() - 1;
            if last > 0 {
                grid.ys[last] = grid.ys[last].min(height - th).max(grid.ys[last - 1]);
            }
            let c = grid.cols() - 1;
            let x = (grid.xs[c] + tw - sig_w).min(full_width - sig_w).max(grid.xs[c]);
            let spot = Rect { x, y: height - sig_h, w: sig_w, h: sig_h };
            printed = printed_tiles(&grid, content);
            if !printed.contains(&(last, c)) {
                printed.push((last, c));
                printed.sort();
            }
            (printed.iter().position(|&t| t == (last, c)).unwrap_or(0), spot)
        }
    };
    obstacles.push(signature.1);
    // The assembly map on the first tile, as large as there is room for.
    let map = {
        let (r, c) = printed[0];
        let region = grid.exclusive(r, c);
        let aspect = (grid.xs[grid.cols() - 1] + tw) / (grid.ys[grid.rows() - 1] + th);
        let mut spot = MapSpot::Sheet;
        for share in [0.45, 0.36, 0.28, 0.22] {
            let mut w = tw * share;
            let mut h = w / aspect + 14.0;
            if h > th * 0.45 {
                h = th * 0.45;
                w = (h - 14.0) * aspect;
            }
            // Each window wide and tall enough in the map for its label.
            let cell = w / (grid.xs[grid.cols() - 1] + tw) * tw;
            if cell < 30.0 || (h - 14.0) / (grid.ys[grid.rows() - 1] + th) * th < 14.0 {
                continue;
            }
            if let Some((x, y)) = find_room(&obstacles, region, w + 2.0 * CLEARANCE, h + 2.0 * CLEARANCE, false) {
                spot = MapSpot::Tile(Rect { x: x + CLEARANCE, y: y + CLEARANCE, w, h });
                break;
            }
        }
        spot
    };
    if let MapSpot::Tile(rect) = map {
        obstacles.push(rect.grown(CLEARANCE));
    }
    let legend = if let Some(legend_w) = legend {
        let mut order: Vec<usize> = vec![signature.0];
        order.extend((0..printed.len()).filter(|&k| k != signature.0));
        order.into_iter().find_map(|k| {
            let (r, c) = printed[k];
            let (x, y) = find_room(&obstacles, grid.exclusive(r, c), legend_w + 2.0 * CLEARANCE, LEGEND_H + 2.0 * CLEARANCE, true)?;
            Some((k, Rect { x: x + CLEARANCE, y: y + CLEARANCE, w: legend_w, h: LEGEND_H }))
        })
    } else {
        None
    };
    PosterPlan { turned, width, height, grid, printed, map, signature, legend }
}

/// The layouts a poster may take: the wide one, with its leaves in
/// columns, or the compact one (as `choice` allows).
fn candidates(base: &TreeOptions, choice: LayoutChoice) -> Vec<TreeOptions> {
    let with = |compact: bool, stack_leaves: bool| TreeOptions { compact, stack_leaves, ..base.clone() };
    match choice {
        LayoutChoice::Wide => vec![with(false, false)],
        LayoutChoice::Compact => vec![with(true, true)],
        LayoutChoice::Auto => vec![with(false, false), with(false, true), with(true, false), with(true, true)],
    }
}

pub(super) fn compose(ctx: &Ctx, scale: f32) -> Drawn {
    let page = ctx.page;
    let overlap = ctx.options.overlap_mm * POINTS_PER_MM;
    let base = tree_options(ctx.options);
    // The fewest sheets, over the layouts and both orientations; on a tie the
    // first (the wide layout, the sheet as asked).
    let mut best: Option<(TreeLayout, Content, PosterPlan)> = None;
    for options in candidates(&base, ctx.options.layout) {
        let layout = layout_tree(ctx.doc, &options);
        let content = Content::new(&layout, scale);
        for turned in [false, true] {
            let (w, h) = if turned { (page.height, page.width) } else { (page.width, page.height) };
            let candidate = plan(&content, w, h, page.margin, overlap, turned, ctx.options.legend.then_some(if ctx.options.capaian.is_some() { LEGEND_CAPAIAN_W } else { LEGEND_W }));
            if best.as_ref().is_none_or(|(_, _, b)| candidate.sheet_count() < b.sheet_count()) {
                best = Some((layout.clone(), Content::new(&layout, scale), candidate));
            }
        }
    }
    let (layout, content, plan) = best.expect("one candidate at least");
    let sheets = draw(ctx, &layout, &content, &plan, scale);
    (sheets, Vec::new(), smallest_content(&layout) * scale)
}

/// "B2-K3"
fn tile_name(r: usize, c: usize) -> String {
    format!("B{}-K{}", r + 1, c + 1)
}

fn draw(ctx: &Ctx, layout: &TreeLayout, content: &Content, plan: &PosterPlan, scale: f32) -> Vec<Sheet> {
    let (pw, ph, margin) = (plan.width, plan.height, ctx.page.margin);
    let grid = &plan.grid;
    let (rows, cols) = (grid.rows(), grid.cols());
    let (tw, th) = (grid.tw, grid.th);
    let first_page = usize::from(plan.map == MapSpot::Sheet) + 1;
    let turned_note = if plan.turned {
        format!(" · kertas {} (lebih sedikit lembar)", if pw > ph { "mendatar" } else { "tegak" })
    } else {
        String::new()
    };
    let mut sheets = Vec::with_capacity(plan.sheet_count());
    if plan.map == MapSpot::Sheet {
        let mut sheet = Sheet::new(pw, ph);
        let (first, last) = (plan.printed[0], plan.printed[plan.printed.len() - 1]);
        let suffix =
            format!("Poster: peta susunan Lembar {} sampai {}{turned_note}", tile_name(first.0, first.1), tile_name(last.0, last.1));
        draw_header(&mut sheet, ctx.doc, margin, &suffix);
        let top = margin + HEADER_H;
        let area = Rect { x: margin, y: top, w: pw - 2.0 * margin, h: ph - top - margin - FOOTER_H - LEGEND_H - 10.0 };
        let aspect = (grid.xs[cols - 1] + tw) / (grid.ys[rows - 1] + th);
        let w = area.w.min((area.h - 14.0) * aspect);
        draw_map(&mut sheet, Rect { x: area.x, y: area.y, w, h: (w / aspect + 14.0).min(area.h) }, content, plan, first_page);
        if ctx.options.legend && plan.legend.is_none() {
            draw_legend(&mut sheet, margin, area.bottom() + 4.0, &ctx.categories());
        }
        sheets.push(sheet);
    }
    for (k, &(r, c)) in plan.printed.iter().enumerate() {
        let mut sheet = Sheet::new(pw, ph);
        let (ox, oy) = (margin, margin + LABEL_H);
        let win = grid.window(r, c);
        let label = format!(
            "{} — Lembar {} (baris {} dari {rows}, kolom {} dari {cols}){turned_note}",
            ctx.doc.document.title,
            tile_name(r, c),
            r + 1,
            c + 1
        );
        sheet.text(margin, margin + 9.0, &label, 7.5, true, grey(0.2));
        crop_marks(&mut sheet, ox, oy, tw, th);
        sheet.clip(ox, oy, tw, th);
        let place = Place { dx: ox - win.x, dy: oy - win.y, scale, level_shift: 0 };
        let window = [win.x / scale, win.y / scale, win.right() / scale, win.bottom() / scale];
        draw_tree(&mut sheet, layout, place, window, &ctx.badges, &ctx.agreements);
        sheet.unclip();
        // Where the neighbours begin (dashed): glue up to this line.
        if let Some(&next) = grid.xs.get(c + 1) {
            let x = ox + next - win.x;
            sheet.polyline(&[[x, oy], [x, oy + th]], grey(0.6), 0.3, true);
        }
        if let Some(&next) = grid.ys.get(r + 1) {
            let y = oy + next - win.y;
            sheet.polyline(&[[ox, y], [ox + tw, y]], grey(0.6), 0.3, true);
        }
        let at = |rect: &Rect| (ox + rect.x - win.x, oy + rect.y - win.y);
        if plan.signature.0 == k {
            let (x, y) = at(&plan.signature.1);
            sheet.rect(x, y, plan.signature.1.w, plan.signature.1.h, Some(grey(1.0)), None);
            draw_signature(&mut sheet, ctx.doc, x + CLEARANCE, y + CLEARANCE, ctx.provenance);
        }
        if let Some((_, rect)) = plan.legend.filter(|(t, _)| *t == k) {
            let (x, y) = at(&rect);
            sheet.rect(x - 3.0, y - 3.0, rect.w + 6.0, rect.h + 6.0, Some(grey(1.0)), None);
            draw_legend(&mut sheet, x, y, &ctx.categories());
        }
        if let (0, MapSpot::Tile(rect)) = (k, plan.map) {
            let (x, y) = at(&rect);
            draw_map(&mut sheet, Rect { x, y, w: rect.w, h: rect.h }, content, plan, first_page);
        }
        sheets.push(sheet);
    }
    sheets
}

/// The assembly map in `at` (sheet points): the whole tree in miniature,
/// each window with its label and page, the ones not printed marked empty.
fn draw_map(sheet: &mut Sheet, at: Rect, content: &Content, plan: &PosterPlan, first_page: usize) {
    let grid = &plan.grid;
    let (rows, cols) = (grid.rows(), grid.cols());
    sheet.rect(at.x, at.y, at.w, at.h, Some(grey(1.0)), Some((grey(0.3), 0.6)));
    let title = format!("Peta susunan poster: {rows} baris × {cols} kolom, {} lembar", plan.printed.len());
    sheet.text(at.x + 4.0, at.y + 9.0, &title, 7.0, true, grey(0.15));
    let total_w = grid.xs[cols - 1] + grid.tw;
    let total_h = grid.ys[rows - 1] + grid.th;
    let m = ((at.w - 8.0) / total_w).min((at.h - 18.0) / total_h);
    let (x0, y0) = (at.x + 4.0, at.y + 14.0);
    for (b, &level) in content.boxes.iter().zip(&content.levels) {
        // Pale, so that the tiles' labels read over them.
        let (r, g, bl) = theme::level(level);
        let pale = (0.65 + 0.35 * r, 0.65 + 0.35 * g, 0.65 + 0.35 * bl);
        sheet.rect(x0 + b.x * m, y0 + b.y * m, (b.w * m).max(0.6), (b.h * m).max(0.6), Some(pale), None);
    }
    for r in 0..rows {
        for c in 0..cols {
            let w = grid.window(r, c);
            let (x, y, ww, wh) = (x0 + w.x * m, y0 + w.y * m, w.w * m, w.h * m);
            let page = plan.printed.iter().position(|&t| t == (r, c));
            let fill = if page.is_some() { None } else { Some(grey(0.88)) };
            sheet.rect(x, y, ww, wh, fill, Some((grey(0.1), 0.5)));
            let name = tile_name(r, c);
            let size = 8.0_f32.min(ww / 5.0).max(3.5);
            let nw = Font::bold().width(&name, size);
            let (cx, cy) = (x + ww / 2.0, y + wh / 2.0);
            let below = match page {
                Some(p) => format!("hal. {}", p + first_page),
                None => "kosong".into(),
            };
            let bw = Font::regular().width(&below, size * 0.9);
            let back = nw.max(bw) + 4.0;
            sheet.rect(cx - back / 2.0, cy - size - 1.0, back, size * 2.2 + 2.0, Some(grey(1.0)), Some((grey(0.6), 0.3)));
            sheet.text(cx - nw / 2.0, cy, &name, size, true, grey(0.05));
            sheet.text(cx - bw / 2.0, cy + size * 1.1, &below, size * 0.9, false, grey(0.25));
        }
    }
    // Where the signature is.
    let s = plan.signature.1;
    sheet.rect(x0 + s.x * m, y0 + s.y * m, s.w * m, s.h * m, None, Some((theme::ACCENT, 0.6)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(content: &Content, plan: &PosterPlan) {
        let grid = &plan.grid;
        let windows: Vec<Rect> = plan.printed.iter().map(|&(r, c)| grid.window(r, c)).collect();
        for b in &content.boxes {
            assert!(windows.iter().any(|w| w.contains(b)), "box {b:?} whole on no printed tile of {grid:?}");
        }
        for w in &windows {
            assert!(content.boxes.iter().chain(&content.segments).any(|b| b.intersects(w)), "an empty tile {w:?}");
        }
        // The signature whole on its tile, clear of the tree.
        let (k, sig) = plan.signature;
        let (r, c) = plan.printed[k];
        assert!(grid.window(r, c).contains(&sig));
        assert!(!content.boxes.iter().any(|b| b.intersects(&sig)));
        if let MapSpot::Tile(map) = plan.map {
            let (r, c) = plan.printed[0];
            assert!(grid.window(r, c).contains(&map));
            assert!(!content.boxes.iter().any(|b| b.intersects(&map)));
        }
    }

    #[test]
    fn seams_start_the_next_window_before_a_cut_box() {
        // Boxes 100 wide every 120: a window of 500 cuts the one at 480.
        let items: Vec<(f32, f32)> = (0..20).map(|k| (k as f32 * 120.0, k as f32 * 120.0 + 100.0)).collect();
        let starts = seams(2400.0, 500.0, 20.0, &items);
        for &(a, b) in &items {
            assert!(starts.iter().any(|&s| a >= s && b <= s + 500.0), "({a}, {b}) in {starts:?}");
        }
        // No start inside a box.
        for &s in &starts[1..] {
            assert!(!items.iter().any(|&(a, b)| a < s && s < b), "{s} in a box");
        }
        assert!(starts.last().unwrap() + 500.0 >= 2400.0);
        // Nothing to cut: the windows step by span − overlap.
        assert_eq!(seams(1000.0, 500.0, 20.0, &[]), vec![0.0, 480.0, 960.0]);
        assert_eq!(seams(300.0, 500.0, 20.0, &[]), vec![0.0]);
    }

    #[test]
    fn every_box_is_whole_on_a_printed_tile_and_no_tile_is_empty() {
        let mut docs: Vec<crate::model::Document> = crate::samples::ALL.iter().map(|s| s.document()).collect();
        docs.push(crate::synth::generate(&crate::synth::Options { nodes: 400, flows: 0, seed: 7 }));
        for doc in &docs {
            for stack_leaves in [false, true] {
                let layout = layout_tree(doc, &TreeOptions { stack_leaves, ..TreeOptions::default() });
                for scale in [0.6, 1.0, 1.7] {
                    let content = Content::new(&layout, scale);
                    for (w, h) in [(842.0, 595.0), (595.0, 842.0), (1191.0, 842.0), (935.0, 609.0)] {
                        let plan = plan(&content, w, h, 28.0, 28.0, false, Some(LEGEND_W));
                        check(&content, &plan);
                    }
                }
            }
        }
    }

    #[test]
    fn a_sparse_tree_skips_the_empty_tiles() {
        // Two boxes far apart: the tiles between them are not printed.
        let content = Content {
            width: 3000.0,
            height: 2000.0,
            boxes: vec![Rect { x: 10.0, y: 10.0, w: 150.0, h: 60.0 }, Rect { x: 2800.0, y: 1900.0, w: 150.0, h: 60.0 }],
            levels: vec![0, 1],
            segments: Vec::new(),
            labels: Vec::new(),
        };
        let plan = plan(&content, 842.0, 595.0, 28.0, 28.0, false, None);
        assert!(plan.grid.rows() * plan.grid.cols() > 4);
        assert_eq!(plan.printed.len(), 2, "{:?}", plan.printed);
        check(&content, &plan);
    }
}
