//! Tabel capaian kinerja: each sasaran (a node of the tree, in reading
//! order) once, its indicators stacked beside it — satuan, target (the
//! year's PK target, else the Renstra's), realisasi, % capaian with one
//! decimal and the category with its colour. With `compare_years` the
//! period's earlier years stand side by side (target, realisasi, % capaian
//! per year, as LKjIP Tabel 3.3.1 does) with the Renstra's end target.
//! Where a realisasi has no capaian the cell says "–" and a numbered note
//! under the table says why.

use super::*;
use crate::model::{Indicator, Node};
use crate::monitoring::{self, CapaianReport, IndicatorCapaian};
use crate::print::{Drawn, PrintOptions};
use std::collections::HashMap;

/// Room for the category's colour before its label.
const SWATCH: f32 = 8.0;
/// The sasaran and indicator columns together need at least this much.
const MIN_TEXT_W: f32 = 170.0;
/// … and at most this much (lines longer than this read badly).
const MAX_TEXT_W: f32 = 440.0;

/// A sasaran row: where each indicator starts (line number), the blank
/// lines between them, and each indicator's category colour.
struct Stack {
    starts: Vec<usize>,
    blanks: Vec<usize>,
    colours: Vec<Option<Colour>>,
}

pub(crate) fn compose_capaian(doc: &Document, options: &PrintOptions, provenance: &Provenance, page: &PageSetup) -> Drawn {
    let period = doc.document.period;
    let year = options.year.unwrap_or_else(|| default_year(doc));
    let heading = format!("Tabel Capaian Kinerja Tahun {year}");
    let compare = options.compare_years;
    let mut years: Vec<i32> = if compare { period.years().filter(|&y| y <= year).collect() } else { vec![year] };
    if years.is_empty() {
        years.push(year);
    }

    // The columns: No | Sasaran | Indikator | Satuan | (Target | Realisasi | % Capaian) per year [| Target akhir Renstra] | Kategori.
    let categories = doc.monitoring.categories();
    let label_w = categories.iter().map(|c| Font::regular().width(&c.label, TEXT_PT)).fold(0.0, f32::max);
    let cat_w = (label_w + SWATCH + 2.0 * INSET + 2.0).max(Font::bold().width("Kategori", TEXT_PT) + 2.0 * INSET + 2.0).ceil();
    let (no_w, unit_w, renstra_w) = (20.0, 40.0, 54.0);
    let (target_w, real_w, pct_w) = if compare { (42.0, 42.0, 38.0) } else { (50.0, 50.0, 42.0) };
    let room = page.width - 2.0 * page.margin;
    let fixed_w = |n: usize| no_w + unit_w + n as f32 * (target_w + real_w + pct_w) + cat_w + if compare { renstra_w } else { 0.0 };
    let mut warnings = Vec::new();
    if years.len() > 1 && room - fixed_w(years.len()) < MIN_TEXT_W {
        let all = (years[0], year);
        while years.len() > 1 && room - fixed_w(years.len()) < MIN_TEXT_W {
            years.remove(0);
        }
        warnings.push(format!(
            "Kertas terlalu sempit untuk tahun {}–{}: dicetak tahun {}–{}. Pilih mendatar, F4 atau A3 untuk semua tahun.",
            all.0, all.1, years[0], year
        ));
    }
    let reports: Vec<CapaianReport> = years.iter().map(|&y| monitoring::report(doc, y)).collect();
    if reports.iter().all(|r| r.indicators.iter().all(|i| i.realisasi.is_none())) {
        let span = if years.len() > 1 { format!("{}–{year}", years[0]) } else { year.to_string() };
        let recorded = years_with_realisasi(doc);
        let hint = if recorded.is_empty() {
            "Isi realisasi indikator lebih dulu, lalu cetak lagi.".to_string()
        } else {
            let list: Vec<String> = recorded.iter().map(|y| y.to_string()).collect();
            format!("Isi realisasinya lebih dulu, atau pilih tahun yang sudah ada realisasinya: {}.", list.join(", "))
        };
        return crate::print::missing_titled(
            doc,
            page,
            &heading,
            format!("Belum ada realisasi kinerja tahun {span} di dokumen ini, sehingga tabel capaian kinerja belum dapat dicetak. {hint}"),
        );
    }
    // On wide paper the text columns stop growing and the table is centred.
    let rest = (room - fixed_w(years.len())).clamp(MIN_TEXT_W, MAX_TEXT_W);
    let sasaran_w = (rest * 0.42).floor();
    let mut widths = vec![no_w, sasaran_w, rest - sasaran_w, unit_w];
    for _ in &years {
        widths.extend([target_w, real_w, pct_w]);
    }
    if compare {
        widths.push(renstra_w);
    }
    widths.push(cat_w);
    let ncols = widths.len();
    let kategori = ncols - 1;

    // The rows: every indicator of a shown year's report, grouped by node, in reading order.
    let lookup: Vec<HashMap<(&str, &str), &IndicatorCapaian>> =
        reports.iter().map(|r| r.indicators.iter().map(|c| ((c.node.as_str(), c.indicator.as_str()), c)).collect()).collect();
    let h = doc.hierarchy();
    let groups: Vec<(&Node, Vec<&Indicator>)> = h
        .order
        .iter()
        .map(|&i| &doc.tree.nodes[i])
        .map(|node| {
            let shown = node.indicators.iter().filter(|ind| lookup.iter().any(|l| l.contains_key(&(node.id.as_str(), ind.id.as_str())))).collect();
            (node, shown)
        })
        .filter(|(_, shown): &(&Node, Vec<&Indicator>)| !shown.is_empty())
        .collect();
    let last = reports.last().expect("one year at least");

    let mut table = Printed::new(widths.clone(), header(&years, compare, period.to));
    let mut stacks = Vec::new();
    let mut footnotes: Vec<String> = Vec::new();
    let indent = |c: usize| if c == kategori { SWATCH } else { 0.0 };
    for (k, (node, indicators)) in groups.iter().enumerate() {
        let mut columns: Vec<Vec<String>> = vec![Vec::new(); ncols];
        let mut stack = Stack { starts: Vec::new(), blanks: Vec::new(), colours: Vec::new() };
        let mut line = 0;
        for (j, ind) in indicators.iter().enumerate() {
            let mut cells = vec![ind.name.clone(), ind.unit.clone()];
            for (y, l) in years.iter().zip(&lookup) {
                let c = l.get(&(node.id.as_str(), ind.id.as_str()));
                let value = |v: Option<&crate::model::Value>| v.map(format::value).unwrap_or_else(|| "–".into());
                cells.push(value(c.and_then(|c| c.target.as_ref())));
                cells.push(value(c.and_then(|c| c.realisasi.as_ref())));
                cells.push(match (c.and_then(|c| c.capaian), c.and_then(|c| c.reason.as_deref())) {
                    (Some(v), _) => fixed(v, 1),
                    (None, Some(reason)) => {
                        let when = if compare { format!(" ({y})") } else { String::new() };
                        footnotes.push(format!("({}) {}{when}: {reason}.", footnotes.len() + 1, ind.name));
                        format!("– ({})", footnotes.len())
                    }
                    (None, None) => "–".into(),
                });
            }
            if compare {
                cells.push(ind.targets.get(&period.to).map(format::value).unwrap_or_else(|| "–".into()));
            }
            let category = lookup.last().and_then(|l| l.get(&(node.id.as_str(), ind.id.as_str()))).and_then(|c| c.category);
            cells.push(category.map(|i| last.categories[i].label.clone()).unwrap_or_default());
            stack.colours.push(category.map(|i| hex_colour(&last.categories[i].colour)));

            if j > 0 {
                for column in &mut columns[2..] {
                    column.push(String::new());
                }
                stack.blanks.push(line);
                line += 1;
            }
            stack.starts.push(line);
            let counts: Vec<usize> = cells.iter().enumerate().map(|(n, text)| lines_in(text, false, widths[n + 2], indent(n + 2))).collect();
            let tallest = counts.iter().copied().max().unwrap_or(1).max(1);
            for (n, text) in cells.into_iter().enumerate() {
                columns[n + 2].push(text);
                columns[n + 2].extend(std::iter::repeat_n(String::new(), tallest - counts[n]));
            }
            line += tallest;
        }
        let mut cells = vec![Cell::new(format!("{}.", k + 1), body(false).centred()), Cell::new(node.statement.clone(), body(false))];
        for (c, lines) in columns.into_iter().enumerate().skip(2) {
            let cell = Cell::new(lines.join("\n"), if c == 2 { body(false) } else { body(false).centred() });
            cells.push(if c == kategori { Cell::new(cell.text, body(false)).indented(SWATCH) } else { cell });
        }
        table.row(RowSpec::new(cells, PAD, PAD));
        stacks.push(stack);
    }

    table.note("Catatan:", true);
    table.note(
        "Target: target Perjanjian Kinerja tahun itu; bila tidak ada, target Renstra tahun itu. % Capaian = realisasi ÷ target × 100 untuk indikator yang makin tinggi makin baik; untuk yang makin rendah makin baik, menurut rumus yang dipilih pada indikator (Permenpan RB 6/2022 bila tidak dipilih).",
        false,
    );
    table.note(&format!("Kategori capaian: {}.", category_scale(&last.categories)), false);
    for note in &footnotes {
        table.note(note, false);
    }
    table.signature();

    let draw_header = |sheet: &mut Sheet, page: &TablePage, layout: &TableLayout| {
        if compare {
            compare_header(sheet, page, layout, &years);
        } else {
            simple_header(sheet, page, layout);
        }
    };
    let draw_row = |sheet: &mut Sheet, row: &PlacedRow, columns: &[Column]| {
        grid(sheet, row, columns, None);
        let stack = &stacks[row.index];
        let baseline = |line: usize| row.y + PAD + TEXT_PT + line as f32 * LINE;
        let (x0, x1) = (columns[2].x, columns[ncols - 1].x + columns[ncols - 1].width);
        for &blank in &stack.blanks {
            let y = baseline(blank) - 2.0;
            sheet.polyline(&[[x0, y], [x1, y]], grey(0.6), 0.4, false);
        }
        for (&start, colour) in stack.starts.iter().zip(&stack.colours) {
            if let Some(colour) = colour {
                let d = 5.5;
                sheet.rect(columns[kategori].x + INSET, baseline(start) - d + 0.3, d, d, Some(*colour), Some((grey(0.3), 0.3)));
            }
        }
        texts(sheet, row, columns, &[], |_| theme::INK);
    };
    let suffix = if years.len() > 1 { format!("Perbandingan tahun {}–{year}", years[0]) } else { String::new() };
    let sheets = table.sheets(doc, page, &heading, &suffix, provenance, draw_header, draw_row);
    (sheets, warnings, TEXT_PT)
}

/// The column titles; with the years compared, a row of years above their
/// target, realisasi and % capaian.
fn header(years: &[i32], compare: bool, end: i32) -> Vec<RowSpec> {
    let mut titles = vec![head("No"), head("Sasaran"), head("Indikator Kinerja"), head("Satuan")];
    for _ in years {
        titles.extend([head("Target"), head("Realisasi"), head("% Capaian")]);
    }
    if !compare {
        titles.push(head("Kategori"));
        return vec![RowSpec::new(titles, PAD, PAD)];
    }
    titles.push(head(&format!("Target akhir Renstra ({end})")));
    titles.push(head(&format!("Kategori {}", years.last().expect("a year"))));
    // The years' row: each year over the first of its three columns (drawn across all three).
    let mut above = vec![head(""), head(""), head(""), head("")];
    for y in years {
        above.extend([head(&y.to_string()), head(""), head("")]);
    }
    vec![RowSpec::new(above, PAD, PAD), RowSpec::new(titles, PAD, PAD)]
}

/// The two-row header of the years compared: a year across its three
/// columns; the other titles across both rows, centred.
fn compare_header(sheet: &mut Sheet, page: &TablePage, layout: &TableLayout, years: &[i32]) {
    let (above, titles) = (&page.header[0], &page.header[1]);
    let top = above.y;
    let total = above.height + titles.height;
    let columns = &layout.columns;
    let grouped = |c: usize| c >= 4 && c < 4 + 3 * years.len();
    for (c, col) in columns.iter().enumerate() {
        let (y, h, dy) = if grouped(c) { (titles.y, titles.height, 0.0) } else { (top, total, top + (total - titles.height) / 2.0 - titles.y) };
        sheet.rect(col.x, y, col.width, h, Some(theme::TABLE_HEADER), Some(RULE));
        for line in &titles.cells[c] {
            sheet.text(line.x, line.baseline + dy, &line.text, line.size, line.bold, theme::INK);
        }
    }
    for (g, y) in years.iter().enumerate() {
        let first = columns[4 + 3 * g];
        let width: f32 = columns[4 + 3 * g..4 + 3 * g + 3].iter().map(|c| c.width).sum();
        sheet.rect(first.x, top, width, above.height, Some(theme::TABLE_HEADER), Some(RULE));
        let text = y.to_string();
        let w = Font::bold().width(&text, TEXT_PT);
        sheet.text(first.x + (width - w) / 2.0, top + PAD + TEXT_PT, &text, TEXT_PT, true, theme::INK);
    }
}

/// "Sangat Baik 91 ke atas; Tinggi 76 ke atas; …; Sangat Rendah di bawah 51"
/// (the shipped font has no "≥").
fn category_scale(categories: &[monitoring::CategoryInfo]) -> String {
    let mut parts = Vec::new();
    let mut previous: Option<f64> = None;
    for c in categories {
        parts.push(match (c.min, previous) {
            (Some(min), _) => format!("{} {} ke atas", c.label, format::number(min)),
            (None, Some(p)) => format!("{} di bawah {}", c.label, format::number(p)),
            (None, None) => c.label.clone(),
        });
        previous = c.min.or(previous);
    }
    parts.join("; ")
}
