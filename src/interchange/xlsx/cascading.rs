//! Matriks Cascading: one column group per level that has nodes, each
//! `Pernyataan | Indikator | Satuan | Target <Y1> … Target <Yn>`; a node's
//! statement merged over the rows of its branch, its indicators one per
//! row from the top of it. Only the primary tree makes rows (crosscutting
//! links are not rows). The importer reads this shape back
//! (`interchange::sheet`).
//!
//! Sheet "Matriks Cascading": rows 1–3 the title block, row 5 the levels'
//! names (merged over their groups), row 6 the column titles, then the rows.
//! A node spans max(its indicators, its children's rows together, 1) rows.

use super::format::{agency_line, level_name, xlsx_error, Paper, Sheet, Styles, HEADER_ROW};
use crate::model::Document;
use crate::Error;
use rust_xlsxwriter::Workbook;

pub(super) const SHEET: &str = "Matriks Cascading";
pub(super) const TITLE: &str = "MATRIKS CASCADING";

/// Where each node goes: the levels shown (one column group each), every
/// node's group, first row (from 0 under the header) and number of rows.
pub(super) struct Placement {
    pub levels: Vec<usize>,
    pub group: Vec<usize>,
    pub start: Vec<u32>,
    pub span: Vec<u32>,
    pub rows: u32,
}

/// The rows of the matrix. A child hangs under its primary parent when it
/// sits in a group to the right of the parent's; otherwise (a node without
/// parent, or a link that does not go down the levels) it starts rows of
/// its own, in the tree's reading order.
pub(super) fn place(doc: &Document) -> Placement {
    let nodes = &doc.tree.nodes;
    let n = nodes.len();
    let mut levels: Vec<usize> = nodes.iter().map(|x| x.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let group: Vec<usize> = nodes.iter().map(|x| levels.binary_search(&x.level).expect("a node's level is listed")).collect();
    let h = doc.hierarchy();
    let attached = |c: usize| h.parent[c].is_some_and(|p| group[c] > group[p]);
    let kids: Vec<Vec<usize>> = (0..n).map(|i| h.children[i].iter().copied().filter(|&c| attached(c)).collect()).collect();
    // Depth first from each root, children in document order.
    let mut pre = Vec::with_capacity(n);
    for &root in h.order.iter().filter(|&&i| !attached(i)) {
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            pre.push(i);
            stack.extend(kids[i].iter().rev());
        }
    }
    let mut span = vec![1u32; n];
    for &i in pre.iter().rev() {
        let below: u32 = kids[i].iter().map(|&c| span[c]).sum();
        span[i] = below.max(nodes[i].indicators.len() as u32).max(1);
    }
    let mut start = vec![0u32; n];
    let mut rows = 0;
    for &i in &pre {
        if !attached(i) {
            start[i] = rows;
            rows += span[i];
        }
        let mut at = start[i];
        for &c in &kids[i] {
            start[c] = at;
            at += span[c];
        }
    }
    Placement { levels, group, start, span, rows }
}

pub(super) fn write(book: &mut Workbook, styles: &Styles, doc: &Document, paper: Paper) -> Result<(), Error> {
    let years: Vec<i32> = doc.document.period.years().collect();
    let per_group = 3 + years.len();
    let p = place(doc);
    let groups = p.levels.len().max(1);
    let mut widths = Vec::with_capacity(groups * per_group);
    for _ in 0..groups {
        widths.extend([30.0, 26.0, 9.0]);
        widths.extend(years.iter().map(|_| 8.5));
    }
    let columns = widths.len();
    let mut sheet = Sheet::new(book.add_worksheet(), styles, SHEET, &widths)?;
    sheet.title_block(TITLE, &doc.document.title, &agency_line(doc))?;

    // The two header rows.
    let titles: Vec<String> = ["Pernyataan", "Indikator", "Satuan"].map(String::from).into_iter().chain(years.iter().map(|y| format!("Target {y}"))).collect();
    for (g, &level) in p.levels.iter().enumerate() {
        let base = (g * per_group) as u16;
        sheet.merged(HEADER_ROW, HEADER_ROW, base, base + per_group as u16 - 1, &level_name(doc, level), &styles.group)?;
        for (k, title) in titles.iter().enumerate() {
            sheet.text(HEADER_ROW + 1, base + k as u16, title, &styles.header)?;
        }
    }
    if p.levels.is_empty() {
        sheet.text(HEADER_ROW, 0, "Pohon kinerja belum memiliki kondisi.", &styles.text)?;
    }

    // The body: what each node fills, then a bordered blank in every other cell.
    let top = HEADER_ROW + 2;
    let mut filled = vec![false; p.rows as usize * columns];
    for (i, node) in doc.tree.nodes.iter().enumerate() {
        let base = (p.group[i] * per_group) as u16;
        let (first, span) = (p.start[i], p.span[i]);
        sheet.merged(top + first, top + first + span - 1, base, base, &node.statement, &styles.text)?;
        for r in first..first + span {
            let row = top + r;
            filled[r as usize * columns + base as usize] = true;
            for c in 1..per_group {
                filled[r as usize * columns + base as usize + c] = true;
            }
            match node.indicators.get((r - first) as usize) {
                Some(ind) => {
                    sheet.text(row, base + 1, &ind.name, &styles.text)?;
                    sheet.text(row, base + 2, &ind.unit, &styles.centre)?;
                    for (j, y) in years.iter().enumerate() {
                        sheet.value(row, base + 3 + j as u16, ind.targets.get(y))?;
                    }
                }
                None => {
                    for c in 1..per_group {
                        sheet.blank(row, base + c as u16, &styles.blank)?;
                    }
                }
            }
        }
    }
    for r in 0..p.rows {
        for c in 0..columns {
            if !filled[r as usize * columns + c] {
                sheet.blank(top + r, c as u16, &styles.blank)?;
            }
        }
    }
    sheet.page_setup(paper, true, HEADER_ROW, HEADER_ROW + 1, doc)?;
    if columns > 3 {
        // The first level's statements stay in view when scrolling right.
        sheet.ws.set_freeze_panes(top, 1).map_err(xlsx_error)?;
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_spans_its_indicators_or_its_children() {
        let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
        let p = place(&doc);
        let h = doc.hierarchy();
        assert_eq!(p.levels, (0..doc.tree.levels.len()).collect::<Vec<_>>());
        for (i, node) in doc.tree.nodes.iter().enumerate() {
            let below: u32 = h.children[i].iter().map(|&c| p.span[c]).sum();
            assert_eq!(p.span[i], below.max(node.indicators.len() as u32).max(1), "{}", node.id);
            // Children lie inside their parent's rows, one after another.
            let mut at = p.start[i];
            for &c in &h.children[i] {
                assert_eq!(p.start[c], at);
                at += p.span[c];
            }
        }
        let roots: u32 = (0..doc.tree.nodes.len()).filter(|&i| h.parent[i].is_none()).map(|i| p.span[i]).sum();
        assert_eq!(p.rows, roots);
    }
}
