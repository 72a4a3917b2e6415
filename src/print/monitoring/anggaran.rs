//! Tabel realisasi anggaran: the programs, kegiatan and sub kegiatan — each
//! node with a budget of its own, in the tree's reading order, indented by
//! how many budgeted nodes stand above it — with pagu, realisasi and %
//! serapan (two decimals). A node without a budget of its own between
//! budgeted ones (a kegiatan between its program and its sub kegiatan)
//! shows the sum of its branch in grey. The total is the report's: each
//! rupiah once, at the topmost budgeted node of its branch.

use super::*;
use crate::monitoring::{budget_rollup, BudgetSum};
use crate::print::{Drawn, PrintOptions};

/// Indentation per budgeted node above.
const INDENT: f32 = 9.0;
/// A branch's sum (not the node's own budget).
const SUMMED: Colour = grey(0.42);

/// One printed row.
pub(crate) struct Line {
    pub number: String,
    pub label: String,
    pub depth: usize,
    pub sum: BudgetSum,
    /// The node's own budget (else the sum of its branch).
    pub own: bool,
    /// Own budget without a recorded realisasi.
    pub unspent: bool,
}

/// The rows: budgeted nodes and the nodes between them, numbered 1, 1.1, 1.1.1 …
pub(crate) fn lines(doc: &Document) -> Vec<Line> {
    let (sums, h) = budget_rollup(doc);
    let nodes = &doc.tree.nodes;
    let own = |i: usize| nodes[i].budget.ceiling.is_some() || nodes[i].budget.spent.is_some();
    // Whether a budgeted node stands above.
    let budgeted_above = |i: usize| {
        let mut at = h.parent[i];
        let mut steps = 0;
        while let Some(p) = at {
            if own(p) {
                return true;
            }
            at = h.parent[p];
            steps += 1;
            if steps > nodes.len() {
                break;
            }
        }
        false
    };
    let shown: Vec<bool> = (0..nodes.len()).map(|i| own(i) || (sums[i].is_some() && budgeted_above(i))).collect();
    let mut out = Vec::new();
    let mut counters: Vec<usize> = Vec::new();
    for &i in &h.order {
        if !shown[i] {
            continue;
        }
        let Some(sum) = sums[i] else { continue };
        let mut depth = 0;
        let mut at = h.parent[i];
        let mut steps = 0;
        while let Some(p) = at {
            depth += usize::from(shown[p]);
            at = h.parent[p];
            steps += 1;
            if steps > nodes.len() {
                break;
            }
        }
        counters.truncate(depth + 1);
        counters.resize(depth + 1, 0);
        counters[depth] += 1;
        let number = counters.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(".");
        let node = &nodes[i];
        let b = &node.budget;
        let name = if b.name.trim().is_empty() { node.statement.trim() } else { b.name.trim() };
        let label = if b.code.trim().is_empty() { name.to_string() } else { format!("{} {name}", b.code.trim()) };
        out.push(Line { number, label, depth, sum, own: own(i), unspent: own(i) && b.spent.is_none() });
    }
    out
}

pub(crate) fn compose_anggaran(doc: &Document, options: &PrintOptions, provenance: &Provenance, page: &PageSetup) -> Drawn {
    let year = options.year.unwrap_or_else(|| default_year(doc));
    let heading = format!("Tabel Realisasi Anggaran Tahun {year}");
    let lines = lines(doc);
    if lines.is_empty() {
        return crate::print::missing_titled(
            doc,
            page,
            &heading,
            "Dokumen ini belum memiliki anggaran: belum ada program, kegiatan atau sub kegiatan dengan pagu. Isi pagu dan realisasi anggarannya lebih dulu, lalu cetak lagi.".into(),
        );
    }
    if doc.tree.nodes.iter().all(|n| n.budget.spent.is_none()) {
        return crate::print::missing_titled(
            doc,
            page,
            &heading,
            "Belum ada realisasi anggaran di dokumen ini: pagu sudah ada, tetapi belum ada realisasi (belanja) pada program, kegiatan atau sub kegiatan mana pun. Isi realisasi anggarannya lebih dulu, lalu cetak lagi.".into(),
        );
    }
    let total = crate::monitoring::report(doc, year).budget;

    let room = page.width - 2.0 * page.margin;
    let number_w = lines.iter().map(|l| Font::bold().width(&l.number, TEXT_PT)).fold(Font::bold().width("No", TEXT_PT), f32::max) + 2.0 * INSET + 2.0;
    let money = |v: i64| Font::bold().width(&format::rupiah(v), TEXT_PT);
    let money_w = (money(total.ceiling).max(money(total.spent)).max(Font::bold().width("Realisasi (Rp)", TEXT_PT)) + 2.0 * INSET + 4.0).ceil();
    let pct_w = 44.0;
    let name_w = (room - number_w - 2.0 * money_w - pct_w).min(420.0);
    let widths = vec![number_w.ceil(), name_w, money_w, money_w, pct_w];
    let header = RowSpec::new(
        vec![head("No"), head("Program / Kegiatan / Sub Kegiatan"), head("Pagu (Rp)"), head("Realisasi (Rp)"), head("% Serapan")],
        PAD,
        PAD,
    );
    let mut table = Printed::new(widths, vec![header]);
    let serapan = |s: &BudgetSum| s.serapan.map(|v| fixed(v, 2)).unwrap_or_else(|| "–".into());
    for line in &lines {
        let bold = line.depth == 0;
        let (spent, pct) = if line.unspent { ("–".to_string(), "–".to_string()) } else { (format::rupiah(line.sum.spent), serapan(&line.sum)) };
        table.row(RowSpec::new(
            vec![
                Cell::new(line.number.clone(), body(bold)),
                Cell::new(line.label.clone(), body(bold)).indented(INDENT * line.depth as f32),
                Cell::new(format::rupiah(line.sum.ceiling), body(bold)),
                Cell::new(spent, body(bold)),
                Cell::new(pct, body(bold)),
            ],
            PAD,
            PAD,
        ));
    }
    let total_row = lines.len();
    table.row(RowSpec::new(
        vec![
            Cell::new("", body(true)),
            Cell::new("Jumlah", body(true)),
            Cell::new(format::rupiah(total.ceiling), body(true)),
            Cell::new(format::rupiah(total.spent), body(true)),
            Cell::new(serapan(&total), body(true)),
        ],
        PAD,
        PAD,
    ));
    table.note("Catatan:", true);
    table.note(
        "% Serapan = realisasi ÷ pagu × 100. Jumlah menghitung setiap rupiah sekali: pagu program yang juga dirinci per sub kegiatan dijumlahkan pada programnya saja.",
        false,
    );
    if lines.iter().any(|l| !l.own) {
        table.note("Angka abu-abu: jumlah rincian di bawahnya (simpul tanpa pagu sendiri).", false);
    }
    if lines.iter().any(|l| l.unspent) {
        table.note("–: realisasi belum diisi.", false);
    }
    table.signature();
    let draw_row = |sheet: &mut Sheet, row: &PlacedRow, columns: &[Column]| {
        let fill = (row.index == total_row).then_some(theme::TABLE_HEADER);
        grid(sheet, row, columns, fill);
        let summed = lines.get(row.index).is_some_and(|l| !l.own);
        texts(sheet, row, columns, &[2, 3, 4], |c| if summed && c >= 2 { SUMMED } else { theme::INK });
    };
    let sheets = table.sheets(doc, page, &heading, "", provenance, simple_header, draw_row);
    (sheets, Vec::new(), TEXT_PT)
}
