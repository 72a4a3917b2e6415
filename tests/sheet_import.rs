//! Spreadsheet import (issue #15).

use pokin::interchange::sheet::*;
use std::path::Path;

#[test]
#[ignore = "dumps a workbook for inspection: POKIN_DUMP=file"]
fn dump() {
    let file = std::env::var("POKIN_DUMP").unwrap();
    let book = Workbook::open(Path::new(&file)).unwrap();
    let max: u32 = std::env::var("POKIN_DUMP_ROWS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    for g in book.grids() {
        println!("=== {} ({}x{}) hidden {:?}", g.sheet, g.height(), g.width(), g.hidden_rows);
        for r in 0..g.height().min(max) {
            let cells: Vec<String> = (0..g.width())
                .filter(|&c| !g.get(r, c).is_empty())
                .map(|c| format!("{}{}={:?}", grid::column_letters(c), if g.is_origin(r, c) { "" } else { "^" }, g.get(r, c)))
                .collect();
            if !cells.is_empty() {
                println!("{:>4}: {}", r + 1, cells.join(" | "));
            }
        }
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx").join(name)
}

fn options(layout: LayoutKind, sheet: Option<&str>) -> ImportOptions {
    ImportOptions { layout, sheet: sheet.map(str::to_string), header_rows: None, include_hidden: false, mapping: None, year: None }
}

#[test]
#[ignore = "prints what each sheet of the real workbooks yields"]
fn report() {
    let mut files: Vec<_> = std::fs::read_dir(fixture("")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        let book = Workbook::open(&file).unwrap();
        println!("##### {}", file.file_name().unwrap().to_string_lossy());
        for info in &book.sheets {
            match import::import_workbook(&book, &options(LayoutKind::Generic, Some(&info.name)), None) {
                Ok(out) => {
                    let s = &out.summary;
                    let m = s.mapping_used.as_ref().unwrap();
                    println!(
                        "  [{}]{} {:?} {:?} hdr {}+{} levels {:?} ind {} tgt {} real {} pagu {} spent {} rows {} hidden {:?} msgs {}",
                        info.name, if info.hidden { " (hidden)" } else { "" }, m.layout, m.hierarchy, m.header_start + 1, m.header_rows,
                        s.nodes_per_level, s.indicators, s.targets, s.realisasi, s.pagu, s.spent, s.rows, s.hidden_rows, s.messages.len()
                    );
                    if std::env::var("POKIN_VERBOSE").is_ok() {
                        println!("    roles {:?}", m.columns);
                        for msg in s.messages.iter().take(8) {
                            println!("    - {msg}");
                        }
                        for o in s.outline.iter().take(25) {
                            println!("    {}{} [{}] ({})", "  ".repeat(o.depth), o.statement.chars().take(70).collect::<String>(), o.level, o.indicators);
                        }
                    }
                }
                Err(e) => println!("  [{}]{} REFUSED {e}", info.name, if info.hidden { " (hidden)" } else { "" }),
            }
        }
    }
}

// ---------------------------------------------------------------- round trip

use pokin::interchange::xlsx::{export, XlsxOptions, XlsxTable};
use pokin::model::{Document, Value};

/// A document's tree as an import can give it back: per node (depth-first)
/// its level name, parent statement, statement, indicators (name, unit,
/// targets).
fn shape(doc: &Document) -> Vec<String> {
    let h = doc.hierarchy();
    h.order
        .iter()
        .map(|&i| {
            let n = &doc.tree.nodes[i];
            let parent = h.parent[i].map(|p| doc.tree.nodes[p].statement.clone()).unwrap_or_default();
            let inds: Vec<String> = n
                .indicators
                .iter()
                .map(|ind| {
                    let targets: Vec<String> = ind
                        .targets
                        .iter()
                        .map(|(y, v)| format!("{y}={}", match v { Value::Number(n) => n.as_f64().unwrap_or(f64::NAN).to_string(), Value::Text(t) => format!("'{t}'") }))
                        .collect();
                    format!("{} [{}] {}", ind.name.trim(), ind.unit.trim(), targets.join(","))
                })
                .collect();
            format!("{} | {} <- {} | {}", doc.tree.levels[n.level].name, n.statement.trim(), parent.trim(), inds.join("; "))
        })
        .collect()
}

fn round_trip(doc: &Document, table: XlsxTable, layout: LayoutKind) {
    let bytes = export(doc, &XlsxOptions { table, year: None, unit: None, flow: None, paper: None }).expect("export");
    let book = Workbook::from_bytes("export.xlsx", &bytes).unwrap();
    let out = import::import_workbook(&book, &options(layout, None), None).unwrap_or_else(|e| panic!("{table:?}: {e}"));
    let (want, got) = (shape(doc), shape(&out.document));
    if let Some(i) = want.iter().zip(&got).position(|(w, g)| w != g) {
        let from = i.saturating_sub(3);
        panic!("{table:?}: node {i} differs\nwant:\n{}\ngot:\n{}", want[from..(i + 2).min(want.len())].join("\n"), got[from..(i + 2).min(got.len())].join("\n"));
    }
    assert_eq!(want.len(), got.len(), "{table:?}");
    assert_eq!(out.document.document.period, doc.document.period, "{table:?}");
}

#[test]
fn export_then_import_gives_the_same_tree() {
    for key in ["lumajang-bkd", "waykanan-bkpsdm"] {
        let doc = pokin::samples::find(key).unwrap().document();
        round_trip(&doc, XlsxTable::Iku, LayoutKind::Iku);
        round_trip(&doc, XlsxTable::Cascading, LayoutKind::Cascading);
        // Detected without being told.
        round_trip(&doc, XlsxTable::Iku, LayoutKind::Generic);
        round_trip(&doc, XlsxTable::Cascading, LayoutKind::Generic);
    }
    let doc = pokin::synth::generate(&pokin::synth::Options { nodes: 300, flows: 0, seed: 7 });
    round_trip(&doc, XlsxTable::Iku, LayoutKind::Iku);
    round_trip(&doc, XlsxTable::Cascading, LayoutKind::Cascading);
}
