//! Spreadsheets out (issue #15): every table exported from the samples and
//! read back with calamine — sheet names, headers, statements, numbers as
//! number cells, the cascading matrix's merges — the page setup in the
//! workbook's XML, and `pokin export xlsx`.

mod common;

use calamine::{open_workbook_from_rs, Data, Dimensions, Range, Reader, Xlsx};
use common::{pokin, root};
use pokin::interchange::xlsx::{export, XlsxOptions, XlsxTable};
use pokin::model::Document;
use std::io::{Cursor, Read};

fn sample(key: &str) -> Document {
    pokin::samples::find(key).unwrap().document()
}

fn options(table: XlsxTable) -> XlsxOptions {
    XlsxOptions { table, year: None, unit: None, flow: None, paper: None }
}

struct Book {
    bytes: Vec<u8>,
    sheets: Vec<String>,
    range: Range<Data>,
    merges: Vec<Dimensions>,
}

fn read(bytes: Vec<u8>) -> Book {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let sheets = wb.sheet_names();
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    let range = wb.worksheet_range(&sheets[0]).unwrap();
    let merges = wb.merge_cells_by_sheet_name(&sheets[0]).unwrap();
    Book { bytes, sheets, range, merges }
}

fn exported(doc: &Document, options: &XlsxOptions) -> Book {
    read(export(doc, options).unwrap_or_else(|e| panic!("{e}")))
}

impl Book {
    fn text(&self, row: u32, col: u32) -> String {
        match self.range.get_value((row, col)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Empty) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    fn row(&self, row: u32) -> Vec<String> {
        let width = self.range.end().map_or(0, |e| e.1 + 1);
        (0..width).map(|c| self.text(row, c)).collect::<Vec<_>>()
    }

    fn number(&self, row: u32, col: u32) -> f64 {
        match self.range.get_value((row, col)) {
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            other => panic!("({row}, {col}) is not a number cell: {other:?}"),
        }
    }

    /// The row where `text` stands in column `col`.
    fn find(&self, col: u32, text: &str) -> u32 {
        let end = self.range.end().unwrap().0;
        (0..=end).find(|&r| self.text(r, col) == text).unwrap_or_else(|| panic!("`{text}` not in column {col}"))
    }

    fn part(&self, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).unwrap();
        let mut out = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
        out
    }
}

#[test]
fn iku_renstra_has_one_row_per_indicator_with_targets_as_numbers() {
    let doc = sample("waykanan-bkpsdm");
    let book = exported(&doc, &options(XlsxTable::Iku));
    assert_eq!(book.sheets, ["IKU Renstra"]);
    assert_eq!(book.text(0, 0), "INDIKATOR KINERJA UTAMA (IKU) RENSTRA");
    assert_eq!(book.text(1, 0), doc.document.title);
    assert_eq!(book.text(2, 0), format!("{} — {} — Periode 2021–2026", doc.document.agency, doc.document.government));
    assert_eq!(book.row(3).join(""), "");
    let years: Vec<String> = (2021..=2026).map(|y| format!("Target {y}")).collect();
    let mut header = vec!["No", "Level", "Pernyataan", "Indikator", "Satuan", "Baseline"];
    header.extend(years.iter().map(String::as_str));
    header.push("Penanggung Jawab");
    assert_eq!(book.row(4), header);
    // Rows: every indicator, and one row per node without indicators.
    let rows: usize = doc.tree.nodes.iter().map(|n| n.indicators.len().max(1)).sum();
    assert_eq!(book.range.end().unwrap().0, 4 + rows as u32);
    // The first node: "1", its level, statement, indicator, targets as numbers.
    let h = doc.hierarchy();
    let first = &doc.tree.nodes[h.order[0]];
    assert_eq!(book.text(5, 0), "1");
    assert_eq!(book.text(5, 1), doc.tree.levels[first.level].name);
    assert_eq!(book.text(5, 2), first.statement);
    let ind = &first.indicators[0];
    assert_eq!(book.text(5, 3), ind.name);
    for (j, y) in (2021..=2026).enumerate() {
        match ind.targets.get(&y) {
            Some(pokin::model::Value::Number(n)) => assert_eq!(book.number(5, 6 + j as u32), n.as_f64().unwrap()),
            Some(pokin::model::Value::Text(t)) => assert_eq!(&book.text(5, 6 + j as u32), t),
            None => assert_eq!(book.text(5, 6 + j as u32), ""),
        }
    }
    let owner = doc.unit(first.owner.as_deref().unwrap()).unwrap();
    assert_eq!(book.text(5, 12), owner.name);
    // Numbers under the next level: "1.1".
    let second = &doc.tree.nodes[h.order[1]];
    let r = book.find(2, &second.statement);
    assert_eq!(book.text(r, 0), "1.1");
    // No merges in this table (it sorts and filters).
    assert!(book.merges.iter().all(|m| m.start.0 < 3), "{:?}", book.merges);
}

#[test]
fn cascading_merges_parents_over_their_childrens_rows() {
    let doc = sample("waykanan-bkpsdm");
    let book = exported(&doc, &options(XlsxTable::Cascading));
    assert_eq!(book.sheets, ["Matriks Cascading"]);
    assert_eq!(book.text(0, 0), "MATRIKS CASCADING");
    let per_group = 3 + 6;
    // Row 5: the levels' names merged over their groups; row 6: the columns.
    for (g, level) in doc.tree.levels.iter().enumerate() {
        let base = (g * per_group) as u32;
        assert_eq!(book.text(4, base), level.name);
        assert!(book.merges.iter().any(|m| m.start == (4, base) && m.end == (4, base + per_group as u32 - 1)), "group {g}");
        assert_eq!(book.text(5, base), "Pernyataan");
        assert_eq!(book.text(5, base + 1), "Indikator");
        assert_eq!(book.text(5, base + 2), "Satuan");
        assert_eq!(book.text(5, base + 3), "Target 2021");
        assert_eq!(book.text(5, base + 8), "Target 2026");
    }
    // The first root's statement is merged over the rows of its branch,
    // which hold its children's statements.
    let h = doc.hierarchy();
    let root = &doc.tree.nodes[h.order[0]];
    assert_eq!(book.text(6, 0), root.statement);
    let last = book.range.end().unwrap().0;
    let merge = book.merges.iter().find(|m| m.start == (6, 0)).expect("the root's statement merged");
    assert_eq!(merge.end.1, 0);
    for &c in &h.children[h.order[0]] {
        let node = &doc.tree.nodes[c];
        let r = book.find((node.level * per_group) as u32, &node.statement);
        assert!((6..=merge.end.0).contains(&r), "{} outside its parent's rows", node.id);
    }
    // A child's statement sits in its level's group, merged over its own rows
    // and inside its parent's; its first indicator on its first row.
    let child = h.children[h.order[0]][0];
    let node = &doc.tree.nodes[child];
    let base = (node.level * per_group) as u32;
    let r = book.find(base, &node.statement);
    assert_eq!(book.text(r, base + 1), node.indicators[0].name);
    // Every node's statement appears once, in its level's column.
    for node in doc.tree.nodes.iter() {
        let base = (node.level * per_group) as u32;
        let count = (6..=last).filter(|&r| book.text(r, base) == node.statement).count();
        assert_eq!(count, 1, "{}", node.id);
    }
    // A target as a number cell.
    let with_target = doc.tree.nodes.iter().find(|n| n.indicators.first().is_some_and(|i| i.targets.get(&2023).and_then(|v| v.as_f64()).is_some())).unwrap();
    let base = (with_target.level * per_group) as u32;
    let r = book.find(base, &with_target.statement);
    assert_eq!(book.number(r, base + 3 + 2), with_target.indicators[0].targets[&2023].as_f64().unwrap());
}

#[test]
fn page_setup_is_folio_with_header_rows_repeated() {
    let doc = sample("waykanan-bkpsdm");
    let book = exported(&doc, &options(XlsxTable::Cascading));
    let sheet = book.part("xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="14""#), "{sheet}");
    assert!(sheet.contains(r#"orientation="landscape""#));
    // Five levels × six years do not fit F4's width readably: 70 % over several pages.
    assert!(sheet.contains(r#"scale="70""#), "{sheet}");
    assert!(sheet.contains(r#"<pane "#) && sheet.contains(r#"state="frozen""#));
    // The IKU table fits the page's width.
    let iku = exported(&doc, &options(XlsxTable::Iku));
    assert!(iku.part("xl/worksheets/sheet1.xml").contains(r#"fitToHeight="0""#));
    let workbook = book.part("xl/workbook.xml");
    assert!(workbook.contains(r#"name="_xlnm.Print_Titles""#), "{workbook}");
    assert!(workbook.contains("$5:$6"), "{workbook}");
    // A3 when asked.
    let a3 = exported(&doc, &XlsxOptions { paper: Some("A3".into()), ..options(XlsxTable::Iku) });
    let sheet = a3.part("xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="8""#) && sheet.contains(r#"orientation="landscape""#));
    assert!(a3.part("xl/workbook.xml").contains("$5:$5"));
    // Number formats Excel localises: "6.850.200.218", "97,81".
    let pk = exported(&doc, &XlsxOptions { unit: Some("kaban".into()), year: Some(2023), ..options(XlsxTable::Pk) });
    let styles = pk.part("xl/styles.xml");
    assert!(styles.contains(r##"formatCode="#,##0""##) || styles.contains(r#"numFmtId="3""#), "{styles}");
    assert!(export(&doc, &XlsxOptions { paper: Some("Letter".into()), ..options(XlsxTable::Iku) }).unwrap_err().to_string().contains("F4"));
}

#[test]
fn perjanjian_kinerja_lampiran_of_a_unit() {
    let doc = sample("waykanan-bkpsdm");
    let book = exported(&doc, &XlsxOptions { unit: Some("kaban".into()), year: Some(2023), ..options(XlsxTable::Pk) });
    assert_eq!(book.sheets, ["Lampiran PK"]);
    assert_eq!(book.text(0, 0), "LAMPIRAN PERJANJIAN KINERJA TAHUN 2023");
    assert_eq!(book.row(4)[..5], ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target 2023"]);
    // The budget: each rupiah once, as a number; the total 6.850.200.218.
    let total = book.find(1, "Jumlah");
    assert_eq!(book.number(total, 4), 6_850_200_218.0);
    let styles = book.part("xl/styles.xml");
    assert!(styles.contains(r#"numFmtId="3""#) || styles.contains("#,##0"));
    // A target as a number.
    let targets: Vec<f64> = (5..total).filter_map(|r| match book.range.get_value((r, 4)) {
        Some(Data::Float(f)) => Some(*f),
        _ => None,
    }).collect();
    assert!(!targets.is_empty());
    // Without a unit: the units named.
    let err = export(&doc, &options(XlsxTable::Pk)).unwrap_err().to_string();
    assert!(err.contains("perlu unit") && err.contains("kaban"), "{err}");
}

#[test]
fn capaian_and_anggaran_from_the_monitoring_report() {
    let doc = sample("waykanan-bkpsdm");
    let year = pokin::monitoring::default_year(&doc);
    let report = pokin::monitoring::report(&doc, year);
    let book = exported(&doc, &options(XlsxTable::Capaian));
    assert_eq!(book.sheets, ["Capaian Kinerja"]);
    assert_eq!(book.text(0, 0), format!("TABEL CAPAIAN KINERJA TAHUN {year}"));
    assert_eq!(book.row(4), ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian", "Kategori"]);
    // The first capaian, unrounded, as a number cell (shown 0.00).
    let first = report.indicators.iter().find(|c| c.capaian.is_some()).unwrap();
    let ind = doc.node(&first.node).unwrap().indicators.iter().find(|i| i.id == first.indicator).unwrap();
    let r = book.find(2, &ind.name);
    assert!((book.number(r, 6) - first.capaian.unwrap()).abs() < 1e-9);
    assert!(book.part("xl/styles.xml").contains(r#"formatCode="0.00""#) || book.part("xl/styles.xml").contains(r#"numFmtId="2""#));

    let book = exported(&doc, &options(XlsxTable::Anggaran));
    assert_eq!(book.sheets, ["Realisasi Anggaran"]);
    assert_eq!(book.row(4), ["No", "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "% Serapan"]);
    let total = book.find(1, "Jumlah");
    assert_eq!(book.number(total, 2), report.budget.ceiling as f64);
    assert_eq!(book.number(total, 3), report.budget.spent as f64);
    assert_eq!(book.text(5, 0), "1");
}

#[test]
fn worksheets_carry_the_marks() {
    let doc = sample("kertas-kerja-bkpsdm");
    for (table, name, kke) in [(XlsxTable::Kke1, "KKE Format 1", pokin::model::Kke::Indicators), (XlsxTable::Kke2, "KKE Format 2", pokin::model::Kke::Cascade)] {
        let ws = pokin::worksheet::for_document(&doc, kke);
        let book = exported(&doc, &options(table));
        assert_eq!(book.sheets, [name]);
        assert_eq!(book.text(4, 0), "No");
        assert_eq!(book.text(5, 2), ws.rows[0].statement);
        let first_mark = if kke == pokin::model::Kke::Indicators { 5 } else { 4 };
        for (k, row) in ws.rows.iter().enumerate().take(20) {
            for (j, cell) in row.cells.iter().enumerate() {
                assert_eq!(book.text(5 + k as u32, first_mark + j as u32), cell.mark.map_or("", |m| m.label()), "{name} row {k}");
            }
        }
        let score = 5 + ws.rows.len() as u32;
        assert!((book.number(score, first_mark) - ws.percentage).abs() < 1e-9);
    }
}

#[test]
fn sop_table_of_a_flow() {
    let doc = sample("lumajang-bkd");
    let flow = &doc.processes.flows[0];
    let book = exported(&doc, &options(XlsxTable::Sop));
    assert_eq!(book.sheets, ["SOP"]);
    assert_eq!(book.text(0, 0), "STANDAR OPERASIONAL PROSEDUR");
    let top = book.find(0, "No");
    assert_eq!(book.text(top, 1), "Uraian Kegiatan");
    assert_eq!(book.text(top, 2), "Pelaksana");
    assert_eq!(book.text(top + 1, 2), doc.unit_label(&flow.lanes[0]));
    for (k, step) in flow.steps.iter().enumerate() {
        let r = top + 2 + k as u32;
        assert_eq!(book.text(r, 1), step.text);
        let lane = flow.lanes.iter().position(|l| *l == step.lane).unwrap() as u32;
        assert!(!book.text(r, 2 + lane).is_empty(), "step {}", step.id);
    }
    assert!(book.part("xl/workbook.xml").contains(&format!("${}:${}", top + 1, top + 2)));
    let err = export(&doc, &XlsxOptions { flow: Some("nope".into()), ..options(XlsxTable::Sop) }).unwrap_err().to_string();
    assert!(err.contains("tidak ada"), "{err}");
}

#[test]
fn every_sample_exports_every_table() {
    for s in pokin::samples::ALL {
        let doc = s.document();
        for table in [XlsxTable::Cascading, XlsxTable::Iku, XlsxTable::Kke1, XlsxTable::Kke2, XlsxTable::Capaian, XlsxTable::Anggaran] {
            read(export(&doc, &options(table)).unwrap_or_else(|e| panic!("{} {table:?}: {e}", s.key)));
        }
        for unit in doc.units.iter() {
            read(export(&doc, &XlsxOptions { unit: Some(unit.id.clone()), year: Some(doc.document.period.from), ..options(XlsxTable::Pk) }).unwrap());
        }
        for flow in doc.processes.flows.iter() {
            read(export(&doc, &XlsxOptions { flow: Some(flow.id.clone()), ..options(XlsxTable::Sop) }).unwrap());
        }
    }
    // A synthetic tree with cycles and odd links exports too.
    let doc = pokin::synth::generate(&pokin::synth::Options { nodes: 300, flows: 2, seed: 7 });
    let book = exported(&doc, &options(XlsxTable::Cascading));
    assert!(book.range.end().unwrap().0 > 6);
}

#[test]
fn cli_writes_the_workbook_and_refuses_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("assets/samples/waykanan-bkpsdm.json");
    let file = dir.path().join("wk.pokin");
    let o = pokin(&["import", sample.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.path().join("iku.xlsx");
    let o = pokin(&["export", "xlsx", file.to_str().unwrap(), "--table", "iku", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let book = read(std::fs::read(&out).unwrap());
    assert_eq!(book.sheets, ["IKU Renstra"]);
    let o = pokin(&["export", "xlsx", file.to_str().unwrap(), "--table", "pk", "--unit", "sekban", "--year", "2023", "--paper", "A3", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(read(std::fs::read(&out).unwrap()).sheets, ["Lampiran PK"]);
    // No binary on the screen; no table, no export.
    let o = pokin(&["export", "xlsx", file.to_str().unwrap(), "--table", "iku"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o BERKAS.xlsx"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = pokin(&["export", "xlsx", file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--table"));
}
