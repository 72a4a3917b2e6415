//! Cetak per cabang: an overview sheet of the levels above the branch level
//! with the branch-level boxes, each marked with a numbered connector (the
//! number of its sheet), then one sheet per branch-level node holding its
//! subtree, headed with its ancestors and carrying the same number. Each
//! sheet is laid out on its own, with the layout that reads largest.
//!
//! A sheet is a sub-document (the nodes it shows, the links among them and
//! to other agencies, its levels from its own top) laid out like any tree.
//! Nodes whose chain of parents never reaches the branch level (orphans,
//! levels out of order, cycles) still get a sheet: every node is printed.

use super::fit::READABLE_PT;
use super::{best_layout, connector, draw_tree, paper_name, pt, tree_area, tree_options, Ctx, Fitted, Place, SIGNATURE_STRIP};
use crate::model::{Document, Hierarchy, Level, Tree};
use crate::print::furniture::{draw_header, draw_legend, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use crate::print::{Drawn, PageSetup};
use crate::render::theme::grey;
use crate::render::Sheet;

/// A sheet's tree is never drawn larger than this.
const MAX_SCALE: f32 = 1.5;
/// One line of a branch sheet's path (its ancestors).
const PATH_LINE: f32 = 10.0;
/// At most this many ancestors are named (the nearest ones).
const PATH_LINES: usize = 6;
/// The connector circles' radius on the boxes, in points on paper.
const CONNECTOR_R: f32 = 6.0;

/// The sheets of a per-branch printout, laid out.
pub(super) struct Plan {
    /// The branch level.
    level: usize,
    overview: Fitted,
    branches: Vec<Branch>,
    /// Branch roots that are not at the branch level (no parent at or above it).
    strays: usize,
}

struct Branch {
    /// The node whose subtree the sheet holds.
    root: usize,
    /// Nodes without a parent whose (small) subtrees share the sheet.
    others: Vec<usize>,
    /// Its ancestors, from the top.
    path: Vec<usize>,
    /// The level of the sheet's top band.
    shift: usize,
    fitted: Fitted,
    /// This sheet's number, and the sheet whose connector leads here.
    number: usize,
    from: usize,
    /// Boxes whose subtrees went on sheets of their own (a branch too large
    /// for one sheet), with those sheets' numbers.
    cut: Vec<(usize, usize)>,
}

impl Plan {
    /// The smallest statement size on any sheet with statements.
    pub fn statement_pt(&self) -> f32 {
        std::iter::once(&self.overview)
            .chain(self.branches.iter().map(|b| &b.fitted))
            .filter(|f| !f.layout.boxes.is_empty())
            .map(Fitted::statement_pt)
            .fold(f32::INFINITY, f32::min)
    }

    pub fn sheet_count(&self) -> usize {
        1 + self.branches.len()
    }

    fn smallest_pt(&self) -> f32 {
        std::iter::once(&self.overview)
            .chain(self.branches.iter().map(|b| &b.fitted))
            .map(Fitted::smallest_pt)
            .fold(READABLE_PT * 2.0, f32::min)
    }
}

pub(super) fn compose(ctx: &Ctx, level: Option<usize>) -> Drawn {
    let mut warnings = Vec::new();
    let deepest = ctx.doc.tree.nodes.iter().map(|n| n.level).max();
    if let (Some(asked), Some(deepest)) = (level, deepest) {
        if asked > deepest {
            warnings
                .push(format!("Level {asked} tidak punya simpul; cabang diambil pada level terdalam ({}).", level_name(ctx.doc, deepest)));
        }
    }
    let Some(plan) = plan(ctx, ctx.page, level) else {
        warnings.push("Pohon kinerja belum punya simpul; tidak ada cabang untuk dicetak.".into());
        return (vec![overview_sheet(ctx, None)], warnings, READABLE_PT * 2.0);
    };
    if plan.strays > 0 {
        warnings.push(format!(
            "{} simpul tidak punya induk sampai level {}; dicetak pada lembar cabang tersendiri.",
            plan.strays,
            level_name(ctx.doc, plan.level)
        ));
    }
    let statement = plan.statement_pt();
    if statement < READABLE_PT {
        warnings.push(format!(
            "Per cabang pada {} teks pernyataan terkecil {} pt; pilih kertas yang lebih besar atau level cabang yang lebih dalam.",
            paper_name(ctx.options, ctx.page),
            pt(statement)
        ));
    }
    let mut sheets = vec![overview_sheet(ctx, Some(&plan))];
    for (k, branch) in plan.branches.iter().enumerate() {
        sheets.push(branch_sheet(ctx, &plan, k, branch));
    }
    (sheets, warnings, plan.smallest_pt())
}

/// The sheets for branches at `level` (`None`: the shallowest level at which
/// every sheet's statements read at 6 pt or more, else the one that reads
/// largest; notes and targets count). `None` for a document without nodes.
pub(super) fn plan(ctx: &Ctx, page: &PageSetup, level: Option<usize>) -> Option<Plan> {
    let deepest = ctx.doc.tree.nodes.iter().map(|n| n.level).max()?;
    let hierarchy = ctx.doc.hierarchy();
    let numbers = if ctx.options.numbering { numbers(&hierarchy) } else { Vec::new() };
    let levels: Vec<usize> = match level {
        Some(level) => vec![level.min(deepest)],
        // A branch at the top level is the whole tree again.
        None if deepest == 0 => vec![0],
        None => (1..=deepest).collect(),
    };
    let mut best: Option<Plan> = None;
    for level in levels {
        let candidate = plan_at(ctx, page, &hierarchy, &numbers, level);
        let reads = candidate.smallest_pt() >= READABLE_PT;
        if best.as_ref().is_none_or(|b| candidate.smallest_pt() > b.smallest_pt() * 1.01) {
            best = Some(candidate);
        }
        if reads {
            break;
        }
    }
    best
}

fn plan_at(ctx: &Ctx, page: &PageSetup, h: &Hierarchy, numbers: &[String], level: usize) -> Plan {
    let doc = ctx.doc;
    let nodes = &doc.tree.nodes;
    let n = nodes.len();
    // Each node's branch: the first node at or below the branch level on its
    // way down from the top; none for the nodes above (the overview's).
    let mut branch_of: Vec<Option<usize>> = vec![None; n];
    for (i, slot) in branch_of.iter_mut().enumerate() {
        *slot = h.path(i).into_iter().chain([i]).find(|&j| nodes[j].level >= level);
    }
    let mut roots: Vec<usize> = Vec::new();
    let mut is_root = vec![false; n];
    for &i in &h.order {
        if let Some(r) = branch_of[i] {
            if !std::mem::replace(&mut is_root[r], true) {
                roots.push(r);
            }
        }
    }
    roots.sort_by_key(|&r| h.order.iter().position(|&i| i == r));
    let mut base = tree_options(ctx.options);
    base.details.numbering = false; // numbered over the whole tree (`numbers`)
    let split = Split { ctx, page, h, numbers, base };

    let in_overview: Vec<bool> = (0..n).map(|i| branch_of[i].is_none() || is_root[i]).collect();
    let levels_above: Vec<Level> = doc.tree.levels.iter().take(level + 1).cloned().collect();
    let overview_doc = sub_document(doc, &in_overview, numbers, |i| nodes[i].level.min(level), levels_above, |i| is_root[i]);
    let overview = best_layout(&overview_doc, &split.base, ctx.options.layout, tree_area(page, 0.0, SIGNATURE_STRIP), MAX_SCALE);

    let mut branches = Vec::with_capacity(roots.len());
    let mut strays = 0;
    let members = |roots: &[usize]| -> Vec<bool> { (0..n).map(|i| roots.iter().any(|&r| i == r || branch_of[i] == Some(r))).collect() };
    // Nodes without any parent share sheets while they read; the others get one each.
    let mut orphans: Vec<usize> = Vec::new();
    for &root in &roots {
        if nodes[root].level != level || h.parent[root].is_none() && level > 0 {
            strays += 1;
        }
        if h.parent[root].is_none() && level > 0 {
            orphans.push(root);
        } else {
            split.branch(root, &members(&[root]), 1, &mut branches);
        }
    }
    let mut group: Vec<usize> = Vec::new();
    let mut shared: Option<Fitted> = None;
    for &orphan in &orphans {
        let mut tried = group.clone();
        tried.push(orphan);
        let fitted = split.together(&tried, &members(&tried));
        if group.is_empty() || fitted.smallest_pt() >= READABLE_PT {
            group = tried;
            shared = Some(fitted);
        } else {
            split.shared(&group, shared.take(), &members(&group), &mut branches);
            group = vec![orphan];
            shared = Some(split.together(&group, &members(&group)));
        }
    }
    if !group.is_empty() {
        split.shared(&group, shared, &members(&group), &mut branches);
    }
    Plan { level, overview, branches, strays }
}

/// What splitting a branch into sheets needs.
struct Split<'a, 'c> {
    ctx: &'a Ctx<'c>,
    page: &'a PageSetup,
    h: &'a Hierarchy,
    numbers: &'a [String],
    base: crate::layout::TreeOptions,
}

impl Split<'_, '_> {
    /// The subtrees of `roots` (no parents) laid out together.
    fn together(&self, roots: &[usize], members: &[bool]) -> Fitted {
        let nodes = &self.ctx.doc.tree.nodes;
        let shift = roots.iter().map(|&r| nodes[r].level).min().unwrap_or(0);
        let levels: Vec<Level> = self.ctx.doc.tree.levels.iter().skip(shift).cloned().collect();
        let sub = sub_document(self.ctx.doc, members, self.numbers, |i| nodes[i].level.saturating_sub(shift), levels, |_| false);
        best_layout(&sub, &self.base, self.ctx.options.layout, tree_area(self.page, path_height(0), 0.0), MAX_SCALE)
    }

    /// One sheet for the subtrees of `roots` (no parents), or the usual
    /// sheets of the one when alone (split again where too large).
    fn shared(&self, roots: &[usize], fitted: Option<Fitted>, members: &[bool], out: &mut Vec<Branch>) {
        match (roots, fitted) {
            ([root], _) => self.branch(*root, members, 1, out),
            (_, fitted) => {
                let fitted = fitted.unwrap_or_else(|| self.together(roots, members));
                let shift = roots.iter().map(|&r| self.ctx.doc.tree.nodes[r].level).min().unwrap_or(0);
                let number = out.len() + 2;
                out.push(Branch {
                    root: roots[0],
                    others: roots[1..].to_vec(),
                    path: Vec::new(),
                    shift,
                    fitted,
                    number,
                    from: 1,
                    cut: Vec::new(),
                });
            }
        }
    }

    /// The sheet of `root`'s subtree (the nodes `members` holds), reached
    /// from sheet `from`; where the whole subtree reads under 6 pt, the sheet
    /// shows it down to the deepest depth that reads, and each box there
    /// with more below gets a sheet of its own, right after this one.
    fn branch(&self, root: usize, members: &[bool], from: usize, out: &mut Vec<Branch>) {
        let doc = self.ctx.doc;
        let nodes = &doc.tree.nodes;
        let n = nodes.len();
        // Depth below the root, along the primary links (each node once).
        let mut depth: Vec<Option<usize>> = vec![None; n];
        depth[root] = Some(0);
        let mut queue = std::collections::VecDeque::from([root]);
        while let Some(i) = queue.pop_front() {
            for &c in &self.h.children[i] {
                if members[c] && depth[c].is_none() {
                    depth[c] = Some(depth[i].unwrap_or(0) + 1);
                    queue.push_back(c);
                }
            }
        }
        // A member no path from the root reaches (a cycle's): shown at the top's depth.
        for i in 0..n {
            if members[i] && depth[i].is_none() {
                depth[i] = Some(0);
            }
        }
        let deepest = depth.iter().flatten().copied().max().unwrap_or(0);
        let shift = nodes[root].level;
        let path = self.h.path(root);
        let area = tree_area(self.page, path_height(path.len()), 0.0);
        let levels: Vec<Level> = doc.tree.levels.iter().skip(shift).cloned().collect();
        let mut chosen = None;
        for d in (1..=deepest.max(1)).rev() {
            let shown: Vec<bool> = (0..n).map(|i| members[i] && depth[i].is_some_and(|k| k <= d)).collect();
            let cut: Vec<usize> = (0..n)
                .filter(|&i| shown[i] && depth[i] == Some(d) && self.h.children[i].iter().any(|&c| members[c] && !shown[c]))
                .collect();
            let bare: Vec<bool> = (0..n).map(|i| cut.contains(&i)).collect();
            let sub = sub_document(doc, &shown, self.numbers, |i| nodes[i].level.saturating_sub(shift), levels.clone(), |i| bare[i]);
            let fitted = best_layout(&sub, &self.base, self.ctx.options.layout, area, MAX_SCALE);
            if fitted.smallest_pt() >= READABLE_PT || d == 1 {
                chosen = Some((fitted, cut));
                break;
            }
        }
        let (fitted, cut) = chosen.expect("depth 1 is always taken");
        let number = out.len() + 2;
        out.push(Branch { root, others: Vec::new(), path, shift, fitted, number, from, cut: cut.iter().map(|&c| (c, 0)).collect() });
        let me = out.len() - 1;
        for (k, &c) in cut.iter().enumerate() {
            // The cut box's subtree within this branch.
            let mut below = vec![false; n];
            let mut stack = vec![c];
            while let Some(i) = stack.pop() {
                if std::mem::replace(&mut below[i], true) {
                    continue;
                }
                stack.extend(self.h.children[i].iter().copied().filter(|&j| members[j] && !below[j]));
            }
            out[me].cut[k].1 = out.len() + 2;
            self.branch(c, &below, number, out);
        }
    }
}

/// The nodes `keep` says of `doc` with the links among them (and to other
/// agencies), at the levels `level_of` gives, under `levels`; `bare` nodes
/// without their notes (printed on their own sheet).
fn sub_document(
    doc: &Document,
    keep: &[bool],
    numbers: &[String],
    level_of: impl Fn(usize) -> usize,
    levels: Vec<Level>,
    bare: impl Fn(usize) -> bool,
) -> Document {
    let nodes = doc
        .tree
        .nodes
        .iter()
        .enumerate()
        .filter(|&(i, _)| keep[i])
        .map(|(i, node)| {
            let mut node = node.clone();
            node.level = level_of(i);
            if let Some(number) = numbers.get(i).filter(|n| !n.is_empty()) {
                node.statement = format!("{number} {}", node.statement);
            }
            if bare(i) {
                node.indicators.clear();
                node.owner = None;
            }
            node
        })
        .collect();
    let kept: rustc_hash::FxHashSet<&str> =
        doc.tree.nodes.iter().enumerate().filter(|&(i, _)| keep[i]).map(|(_, n)| n.id.as_str()).collect();
    let links = doc
        .tree
        .links
        .iter()
        .filter(|l| kept.contains(l.from.as_str()) && (kept.contains(l.to.as_str()) || l.is_external()))
        .cloned()
        .collect();
    Document { tree: Tree { levels, nodes, links }, ..doc.clone() }
}

/// Hierarchical numbers over the whole tree (1, 1.1, 1.2.3), so that a
/// branch sheet numbers its boxes as the overview does.
pub(crate) fn numbers(h: &Hierarchy) -> Vec<String> {
    let mut number = vec![String::new(); h.parent.len()];
    let mut roots = 0;
    for &i in &h.order {
        match h.parent[i].filter(|&p| !number[p].is_empty()) {
            Some(p) => {
                let k = h.children[p].iter().position(|&c| c == i).unwrap_or(0) + 1;
                number[i] = format!("{}.{k}", number[p]);
            }
            None => {
                roots += 1;
                number[i] = roots.to_string();
            }
        }
    }
    number
}

fn path_height(ancestors: usize) -> f32 {
    (ancestors.clamp(1, PATH_LINES) as f32) * PATH_LINE + 6.0
}

fn level_name(doc: &Document, level: usize) -> String {
    match doc.tree.levels.get(level) {
        Some(l) if !l.name.is_empty() => format!("{} ({})", level, l.name),
        _ => level.to_string(),
    }
}

/// Sheet 1: the upper levels with a connector on each branch, the legend and the signature.
fn overview_sheet(ctx: &Ctx, plan: Option<&Plan>) -> Sheet {
    let page = ctx.page;
    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let mut sheet = Sheet::new(pw, ph);
    let suffix = match plan {
        Some(plan) => format!(
            "Ikhtisar: {} cabang pada level {} · nomor dalam lingkaran = lembar cabangnya",
            plan.branches.iter().filter(|b| b.from == 1).count(),
            level_name(ctx.doc, plan.level)
        ),
        None => "Ikhtisar".into(),
    };
    draw_header(&mut sheet, ctx.doc, margin, &suffix);
    if let Some(plan) = plan {
        let (area_w, _) = tree_area(page, 0.0, SIGNATURE_STRIP);
        let f = &plan.overview;
        let place = Place { dx: margin + (area_w - f.layout.width * f.scale) / 2.0, dy: margin + HEADER_H, scale: f.scale, level_shift: 0 };
        draw_tree(&mut sheet, &f.layout, place, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], &ctx.badges, &ctx.agreements);
        for branch in plan.branches.iter().filter(|b| b.from == 1) {
            for &root in std::iter::once(&branch.root).chain(&branch.others) {
                if let Some(b) = f.layout.find(&ctx.doc.tree.nodes[root].id) {
                    connector(&mut sheet, place.x(b.x + b.width), place.y(b.y + b.height), branch.number, CONNECTOR_R);
                }
            }
        }
    }
    let sig_y = ph - margin - FOOTER_H - SIGNATURE_H;
    draw_signature(&mut sheet, ctx.doc, pw - margin - SIGNATURE_W, sig_y, ctx.provenance);
    if ctx.options.legend {
        draw_legend(&mut sheet, margin, sig_y + 10.0, &ctx.categories());
    }
    sheet
}

/// A branch's sheet: its path from the top, its number, its subtree.
fn branch_sheet(ctx: &Ctx, plan: &Plan, k: usize, branch: &Branch) -> Sheet {
    let (doc, page) = (ctx.doc, ctx.page);
    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let number = branch.number;
    let mut sheet = Sheet::new(pw, ph);
    let suffix = format!("Lembar cabang {} dari {} · sambungan lingkaran {number} di Lembar {}", k + 1, plan.branches.len(), branch.from);
    draw_header(&mut sheet, doc, margin, &suffix);
    connector(&mut sheet, pw - margin - 12.0, margin + 12.0, number, 11.0);
    // The path: the ancestors from the top, one line each, shortened between words.
    let text_w = pw - 2.0 * margin - 30.0;
    let mut y = margin + HEADER_H + 2.0;
    let size = 7.5;
    let skipped = branch.path.len().saturating_sub(PATH_LINES);
    if branch.path.is_empty() {
        let line = if branch.others.is_empty() {
            "Tanpa induk di atasnya: simpul ini tidak terhubung ke tingkat yang lebih tinggi (periksa keterkaitannya)."
        } else {
            "Tanpa induk di atasnya: simpul-simpul ini tidak terhubung ke tingkat yang lebih tinggi (periksa keterkaitannya)."
        };
        up_arrow(&mut sheet, margin, y + size);
        sheet.text(margin + 8.0, y + size, line, size, false, grey(0.25));
    }
    for (depth, &a) in branch.path.iter().enumerate().skip(skipped) {
        let node = &doc.tree.nodes[a];
        let label = match doc.tree.levels.get(node.level) {
            Some(l) if !l.name.is_empty() => format!("{}: ", l.name),
            _ => String::new(),
        };
        let lead = if depth == skipped && skipped > 0 { "… " } else { "" };
        let mut chars = 120;
        let mut line = format!("{lead}{label}{}", shorten_to(&node.statement, chars));
        while crate::layout::Font::regular().width(&line, size) > text_w && chars > 20 {
            chars -= 10;
            line = format!("{lead}{label}{}", shorten_to(&node.statement, chars));
        }
        let x = margin + (depth - skipped) as f32 * 6.0;
        up_arrow(&mut sheet, x, y + size);
        sheet.text(x + 8.0, y + size, &line, size, false, grey(0.25));
        y += PATH_LINE;
    }
    let above = path_height(branch.path.len());
    let (area_w, _) = tree_area(page, above, 0.0);
    let f = &branch.fitted;
    let place = Place {
        dx: margin + (area_w - f.layout.width * f.scale) / 2.0,
        dy: margin + HEADER_H + above,
        scale: f.scale,
        level_shift: branch.shift,
    };
    draw_tree(&mut sheet, &f.layout, place, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], &ctx.badges, &ctx.agreements);
    for &root in std::iter::once(&branch.root).chain(&branch.others) {
        if let Some(b) = f.layout.find(&doc.tree.nodes[root].id) {
            connector(&mut sheet, place.x(b.x + b.width), place.y(b.y), number, CONNECTOR_R);
        }
    }
    for &(node, to) in &branch.cut {
        if let Some(b) = f.layout.find(&doc.tree.nodes[node].id) {
            connector(&mut sheet, place.x(b.x + b.width), place.y(b.y + b.height), to, CONNECTOR_R);
        }
    }
    sheet
}

/// A small arrow up (the shipped font has no arrows), its foot at `baseline`.
fn up_arrow(sheet: &mut Sheet, x: f32, baseline: f32) {
    let c = grey(0.35);
    sheet.polygon(&[[x + 3.0, baseline - 6.5], [x + 6.0, baseline - 3.2], [x, baseline - 3.2]], c);
    sheet.rect(x + 2.2, baseline - 3.4, 1.6, 3.4, Some(c), None);
}

/// At most `max` characters, cut between words and then "…" (a word longer
/// than half of `max` is cut inside).
fn shorten_to(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = words.join(" ");
    if whole.chars().count() <= max {
        return whole;
    }
    let mut out = String::new();
    for word in words {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len > max {
            if out.chars().count() * 2 < max {
                let room = max.saturating_sub(out.chars().count() + 1);
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(word.chars().take(room));
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}
