//! Spreadsheet import (issue #15).

mod common;

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

// ------------------------------------------------------- the real workbooks

struct Expect {
    file: &'static str,
    sheet: &'static str,
    layout: LayoutKind,
    levels: &'static [(&'static str, usize)],
    indicators: usize,
    targets: usize,
    realisasi: usize,
    pagu: i64,
    spent: i64,
    hidden: usize,
}

const IMPORTS: &[Expect] = &[
    Expect { file: "bappeda-realisasi-subkegiatan-triwulan.xlsx", sheet: "REALISASI", layout: LayoutKind::Renja,
        levels: &[("Sub Kegiatan", 32)], indicators: 32, targets: 32, realisasi: 32, pagu: 0, spent: 1_757_000_775, hidden: 0 },
    Expect { file: "bappeda-realisasi-subkegiatan-triwulan.xlsx", sheet: "ANGGARAN_KAS", layout: LayoutKind::Budget,
        levels: &[("Sub Kegiatan", 32)], indicators: 0, targets: 0, realisasi: 0, pagu: 3_598_445_716, spent: 0, hidden: 0 },
    Expect { file: "bnpt-rka-kl-pagu.xlsx", sheet: "Sheet1", layout: LayoutKind::Budget,
        levels: &[("Program", 5), ("Kegiatan", 5), ("Output", 33), ("Komponen", 110), ("Sub Komponen", 0)],
        indicators: 0, targets: 0, realisasi: 0, pagu: 619_183_822_000, spent: 0, hidden: 0 },
    Expect { file: "deliserdang-bappedalitbang-evaluasi-renja-2025.xlsx", sheet: "Realisasi TW IV", layout: LayoutKind::Renja,
        levels: &[("Visi", 1), ("Misi", 1), ("Sasaran RPJMD/ NSPK", 1), ("Tujuan Perangkat Daerah", 4), ("Sasaran Perangkat daerah", 4),
                  ("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", 88)],
        indicators: 86, targets: 86, realisasi: 340, pagu: 73_618_301_745, spent: 60_329_845_823, hidden: 14 },
    Expect { file: "jabar-biro-perekonomian-renja-lampiran.xls", sheet: "J-1", layout: LayoutKind::Renja,
        levels: &[("Level 1", 1), ("Level 2", 2), ("Level 4", 3), ("Level 5", 8)], indicators: 21, targets: 42, realisasi: 21, pagu: 0, spent: 0, hidden: 0 },
    Expect { file: "jabar-biro-perekonomian-renja-lampiran.xls", sheet: "J-3", layout: LayoutKind::Budget,
        levels: &[("Program/ Kegiatan", 16)], indicators: 11, targets: 11, realisasi: 0, pagu: 10_000_000_000, spent: 0, hidden: 0 },
    Expect { file: "pasangkayu-dpupr-renstra-program-target-pagu.xlsx", sheet: "RENSTRA", layout: LayoutKind::Iku,
        levels: &[("Urusan", 1), ("Bidang Urusan", 1), ("Program", 10), ("Kegiatan", 22), ("Sub Kegiatan", 61)],
        indicators: 60, targets: 236, realisasi: 0, pagu: 190_245_559_804, spent: 0, hidden: 0 },
    Expect { file: "pasangkayu-dpupr-renstra-tujuan-sasaran.xlsx", sheet: "tujuan sasaran", layout: LayoutKind::Cascading,
        levels: &[("Tujuan", 13), ("Sasaran", 16)], indicators: 18, targets: 0, realisasi: 0, pagu: 0, spent: 0, hidden: 0 },
    Expect { file: "pasangkayu-dpupr-subkegiatan-renja-dpa-2024.xlsx", sheet: "Sub Keg Renja_DPA_DPPA", layout: LayoutKind::Budget,
        levels: &[("Sub Kegiatan", 44)], indicators: 25, targets: 25, realisasi: 0, pagu: 125_103_902_555, spent: 0, hidden: 0 },
];

/// (file, sheet, words of the reason)
const REFUSED: &[(&str, &str, &str)] = &[
    ("jabar-biro-organisasi-cascade-iki-pk.xlsx", "15 IKI (PK)", "bagan cascading yang digambar di sel"),
    ("jabar-biro-produksi-cascading-pk-2017.xls", "Sheet1", "bagan cascading yang digambar di sel"),
    ("jabar-biro-produksi-cascading-pk-2017.xls", "cascad 2017", "bagan cascading yang digambar di sel"),
    ("jabar-biro-perekonomian-renja-lampiran.xls", "Sheet", "tidak dikenali"),
    ("jabar-biro-perekonomian-renja-lampiran.xls", "J-2", "tidak ada kolom pernyataan"),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "Progress", "tidak dikenali"),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "LK Penghitungan", "tidak dikenali"),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "Rekap Vol RO TAPIN", ""),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "Rekap Vol RO", ""),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "Rekap all", "tidak dikenali"),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "TVRO", "tidak dikenali"),
    ("bps-tapin-target-volume-ro-progress-2026.xlsx", "LK PSS", "tidak ada kolom pernyataan"),
];

#[test]
fn every_real_workbook_imports_or_is_refused_with_a_reason() {
    let mut sheets_seen = 0;
    for e in IMPORTS {
        let out = import(&fixture(e.file), &options(LayoutKind::Generic, Some(e.sheet)), None).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        let s = &out.summary;
        let place = format!("{} [{}]", e.file, e.sheet);
        assert_eq!(s.mapping_used.as_ref().unwrap().layout, e.layout, "{place}");
        let levels: Vec<(&str, usize)> = s.nodes_per_level.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(levels, e.levels, "{place}");
        assert_eq!(
            (s.indicators, s.targets, s.realisasi, s.pagu, s.spent, s.hidden_rows.len()),
            (e.indicators, e.targets, e.realisasi, e.pagu, e.spent, e.hidden),
            "{place}: indicators, targets, realisasi, pagu, spent, hidden rows"
        );
        // The explicit layout gives the same.
        let again = import(&fixture(e.file), &options(e.layout, Some(e.sheet)), None).unwrap();
        assert_eq!(again.summary.indicators, e.indicators, "{place}");
        // What a new document must be: valid pokin/1.
        let json = pokin::interchange::json::to_string(&out.document);
        pokin::interchange::json::from_str(&json, "import").unwrap_or_else(|err| panic!("{place}: {err}"));
        sheets_seen += 1;
    }
    for (file, sheet, why) in REFUSED {
        let err = import(&fixture(file), &options(LayoutKind::Generic, Some(sheet)), None).map(|o| o.summary).unwrap_err().to_string();
        assert!(err.contains(&format!("Sheet '{sheet}'")) && err.contains(why), "{file} [{sheet}]: {err}");
        sheets_seen += 1;
    }
    // Every sheet of every workbook is pinned one way or the other.
    let total: usize = std::fs::read_dir(fixture("")).unwrap().map(|f| Workbook::open(&f.unwrap().path()).unwrap().sheets.len()).sum();
    assert_eq!(sheets_seen, total);
    // Without a sheet named: the chart workbooks are refused as a whole, with the reason.
    for file in ["jabar-biro-organisasi-cascade-iki-pk.xlsx", "jabar-biro-produksi-cascading-pk-2017.xls"] {
        let err = import(&fixture(file), &options(LayoutKind::Generic, None), None).map(|o| o.summary).unwrap_err().to_string();
        assert!(err.contains("bagan cascading yang digambar di sel, bukan tabel baris"), "{err}");
    }
    let err = import(&fixture("bps-tapin-target-volume-ro-progress-2026.xlsx"), &options(LayoutKind::Generic, None), None)
        .map(|o| o.summary)
        .unwrap_err()
        .to_string();
    assert!(err.contains("tidak ada sheet terlihat"), "{err}");
}

#[test]
fn inspection_of_a_multi_row_header() {
    let book = Workbook::open(&fixture("deliserdang-bappedalitbang-evaluasi-renja-2025.xlsx")).unwrap();
    let ins = import::inspect_workbook(&book, None).unwrap();
    assert_eq!(ins.sheet, "Realisasi TW IV");
    assert_eq!(ins.headers[15], "Realisasi Kinerja Pada Triwulan › I › K");
    assert_eq!(ins.headers[17], "Realisasi Kinerja Pada Triwulan › I › Rp.");
    let m = ins.mapping.unwrap();
    assert_eq!((m.header_start, m.header_rows), (5, 4));
    assert_eq!(ins.sample_rows.len(), 30);
    let ins = import::inspect_workbook(&Workbook::open(&fixture("jabar-biro-organisasi-cascade-iki-pk.xlsx")).unwrap(), None).unwrap();
    assert!(ins.mapping.is_none());
    assert!(ins.messages[0].text.contains("bagan cascading"), "{:?}", ins.messages);
}

#[test]
fn hidden_rows_are_reported_and_skipped_unless_asked() {
    let file = fixture("deliserdang-bappedalitbang-evaluasi-renja-2025.xlsx");
    let skipped = import(&file, &options(LayoutKind::Renja, None), None).unwrap().summary;
    assert_eq!(skipped.hidden_rows, [40, 41, 43, 82, 86, 89, 90, 106, 107, 108, 109, 110, 111, 112]);
    assert!(skipped.messages[0].text.starts_with("baris tersembunyi dilewati: 40, 41, 43"), "{}", skipped.messages[0]);
    let mut with = options(LayoutKind::Renja, None);
    with.include_hidden = true;
    let taken = import(&file, &with, None).unwrap().summary;
    assert!(taken.rows > skipped.rows, "{} {}", taken.rows, skipped.rows);
}

#[test]
fn several_indicators_in_one_cell_are_split() {
    let out = import(&fixture("pasangkayu-dpupr-renstra-tujuan-sasaran.xlsx"), &options(LayoutKind::Cascading, None), None).unwrap();
    let node = out.document.tree.nodes.iter().find(|n| n.statement == "Meningkatnya kapasitans akan ruang bekerja pelayanan").unwrap();
    let names: Vec<&str> = node.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Prosentase sarana prasarana pendukung dalam kondisi baik", "Prosentase Tingkat Kehadiran Aparatur"]);
    let out = import(&fixture("deliserdang-bappedalitbang-evaluasi-renja-2025.xlsx"), &options(LayoutKind::Renja, None), None).unwrap();
    let node = out.document.tree.nodes.iter().find(|n| n.statement == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota").unwrap();
    let names: Vec<&str> = node.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Nilai LHE AKIP Perangkat Daerah", "Indeks Kepuasan Masyarakat (IKM)"]);
}

// ------------------------------------------------------------------ csv

const CSV: &[u8] = b"Tabel IKU\r\n\r\nNo;Level;Pernyataan;Indikator;Satuan;Target 2025;Target 2026\r\n\
1;Tujuan;Meningkatnya kualitas pelayanan publik;Indeks kepuasan masyarakat;Indeks;1.234,5;97,81 %\r\n\
1.1;Sasaran;Meningkatnya caf\xe9 ASN;Persentase ASN kompeten;Persen;-;WTP\r\n\
1.1;Sasaran;Meningkatnya caf\xe9 ASN;Nilai SAKIP;Nilai;#REF!;70\r\n";

#[test]
fn csv_with_semicolons_windows_1252_and_indonesian_numbers() {
    let book = Workbook::from_bytes("iku.csv", CSV).unwrap();
    let out = import::import_workbook(&book, &options(LayoutKind::Iku, None), None).unwrap();
    let doc = &out.document;
    assert_eq!(doc.tree.levels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Tujuan", "Sasaran"]);
    assert_eq!(doc.tree.nodes.len(), 2);
    assert_eq!(doc.tree.nodes[1].statement, "Meningkatnya café ASN");
    assert_eq!(doc.primary_parent("n2"), Some("n1"));
    let ind = &doc.tree.nodes[0].indicators[0];
    assert_eq!(ind.targets[&2025].as_f64(), Some(1234.5));
    assert_eq!(ind.targets[&2026].as_f64(), Some(97.81));
    let ind = &doc.tree.nodes[1].indicators[0];
    assert_eq!(ind.targets.get(&2025), None, "'-' is no target");
    assert_eq!(ind.targets[&2026], Value::Text("WTP".into()));
    assert_eq!(doc.tree.nodes[1].indicators.len(), 2);
    assert_eq!(doc.document.title, "Tabel IKU");
    assert_eq!(doc.document.period.from, 2025);
    // The broken cell is named: sheet, row, column.
    let msg = out.summary.messages.iter().find(|m| m.text.contains("#REF!")).unwrap();
    assert_eq!(msg.to_string(), "Sheet 'iku', baris 6, kolom F: nilai galat #REF! diabaikan (rumus di Excel rusak)");
}

#[test]
fn a_failed_import_names_the_place() {
    let book = Workbook::from_bytes("iku.csv", CSV).unwrap();
    let err = import::import_workbook(&book, &options(LayoutKind::Budget, Some("iku")), None).map(|o| o.summary).unwrap_err().to_string();
    assert_eq!(err, "iku.csv: Sheet 'iku': tidak ada kolom pagu");
    let err = import::import_workbook(&book, &options(LayoutKind::Iku, Some("Sheet9")), None).map(|o| o.summary).unwrap_err().to_string();
    assert!(err.contains("sheet 'Sheet9'") && err.contains("'iku'"), "{err}");
    let long = format!("No;Pernyataan;Indikator;Target 2025\n1;{};Indeks;1\n", "x".repeat(20_001));
    let book = Workbook::from_bytes("long.csv", long.as_bytes()).unwrap();
    let err = import::import_workbook(&book, &options(LayoutKind::Iku, None), None).map(|o| o.summary).unwrap_err().to_string();
    assert!(err.starts_with("long.csv: Sheet 'long', baris 2, kolom B: teks lebih dari 20000 karakter"), "{err}");
}

// ------------------------------------------------------------------ into

#[test]
fn realisasi_into_a_sample_leaves_the_plan_unchanged() {
    let doc = pokin::samples::find("waykanan-bkpsdm").unwrap().document();
    // A realisasi table of the sample's own indicators, as a Bappeda would fill it.
    let mut csv = String::from("Sasaran;Indikator;Satuan;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW1\n");
    let mut expected = 0;
    for node in doc.tree.nodes.iter().filter(|n| !n.indicators.is_empty()).take(6) {
        for ind in &node.indicators {
            csv.push_str(&format!("{};{};{};12,5;25;1.000.000\n", node.statement.to_uppercase(), ind.name, ind.unit));
            expected += 2;
        }
    }
    csv.push_str("Sasaran yang tidak ada di dokumen;Indikator baru;Persen;1;2;3\n");
    let book = Workbook::from_bytes("realisasi.csv", csv.as_bytes()).unwrap();
    let mut opts = options(LayoutKind::Renja, None);
    opts.year = Some(2025);
    let out = import::import_workbook(&book, &opts, Some(&doc)).unwrap();
    let after = &out.document;
    assert_eq!(out.summary.realisasi, expected + 2);
    assert_eq!(
        pokin::interchange::json::canonical(&doc),
        pokin::interchange::json::canonical(after),
        "the plan (statements, indicators, targets, links) is unchanged"
    );
    let with_quarters = after.tree.nodes.iter().flat_map(|n| &n.indicators).filter(|i| i.quarters.contains_key(&2025)).count();
    assert_eq!(with_quarters * 2, expected);
    let skipped = out.summary.messages.iter().find(|m| m.text.contains("tidak ditemukan")).unwrap();
    assert!(skipped.text.ends_with("dilewati"), "{skipped}");
    assert_eq!(skipped.row, Some(expected as u32 / 2 + 2));
}

// ------------------------------------------------------------------ fuzz

mod fuzz {
    use super::common::mutation::*;
    use super::*;
    use proptest::prelude::*;

    fn seeds() -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = ["bnpt-rka-kl-pagu.xlsx", "pasangkayu-dpupr-renstra-tujuan-sasaran.xlsx", "jabar-biro-perekonomian-renja-lampiran.xls", "bappeda-realisasi-subkegiatan-triwulan.xlsx"]
            .iter()
            .map(|f| (f.to_string(), std::fs::read(fixture(f)).unwrap()))
            .collect();
        out.push(("iku.csv".into(), CSV.to_vec()));
        out
    }

    fn cases() -> u32 {
        fuzz_cases(64)
    }

    /// Every layout on a workbook read from mutated bytes: an error is fine, a panic is not.
    pub fn run(file: &str, bytes: &[u8]) {
        let Ok(book) = Workbook::from_bytes(file, bytes) else { return };
        for layout in [LayoutKind::Generic, LayoutKind::Cascading, LayoutKind::Iku, LayoutKind::Renja, LayoutKind::Budget] {
            let _ = import::import_workbook(&book, &options(layout, None), None);
            for sheet in &book.sheets {
                let _ = import::import_workbook(&book, &options(layout, Some(&sheet.name)), None);
            }
        }
        let _ = import::inspect_workbook(&book, None);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn mutated_workbooks_never_panic(seed in 0usize..5, mutations in proptest::collection::vec(byte_mutation(), 1..6)) {
            let seeds = seeds();
            let (file, mut bytes) = seeds[seed % seeds.len()].clone();
            for m in &mutations {
                mutate_bytes(&mut bytes, m);
            }
            let started = std::time::Instant::now();
            let result = std::panic::catch_unwind(|| run(&file, &bytes));
            if result.is_err() {
                let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
                let _ = std::fs::create_dir_all(&dir);
                let name = format!("crash-{}-{}", bytes.len(), file);
                let _ = std::fs::write(dir.join(&name), &bytes);
                prop_assert!(false, "panic on mutated {file}; kept as tests/fixtures/fuzz/{name}");
            }
            prop_assert!(started.elapsed() < std::time::Duration::from_secs(20), "mutated {file} took {:?}", started.elapsed());
        }
    }

    /// Crash inputs the fuzzer found, kept.
    #[test]
    fn kept_crash_inputs_do_not_panic() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(".md") {
                continue;
            }
            run(&name, &std::fs::read(entry.path()).unwrap());
        }
    }
}

#[test]
fn the_wizard_sends_an_edited_mapping_back() {
    let book = Workbook::from_bytes("iku.csv", CSV).unwrap();
    let ins = import::inspect_workbook(&book, None).unwrap();
    let mut mapping = ins.mapping.clone().unwrap();
    assert_eq!(mapping.layout, LayoutKind::Iku);
    assert_eq!(ins.headers[..3], ["No", "Level", "Pernyataan"]);
    assert_eq!(mapping.columns[5], ColumnRole::Target { year: 2025 });
    // The planner says column F is no target.
    mapping.columns[5] = ColumnRole::Ignore;
    let mut opts = options(LayoutKind::Generic, None);
    opts.mapping = Some(mapping.clone());
    let out = import::import_workbook(&book, &opts, None).unwrap();
    assert_eq!((out.summary.indicators, out.summary.targets), (3, 3));
    assert_eq!(out.summary.mapping_used, Some(mapping));
    assert_eq!(out.summary.outline.iter().map(|o| o.depth).collect::<Vec<_>>(), [0, 1]);
    // A mapping as JSON, as the shell sends it.
    let json = serde_json::to_string(&opts).unwrap();
    assert_eq!(serde_json::from_str::<ImportOptions>(&json).unwrap(), opts);
}

#[test]
fn an_undated_realisasi_table_says_which_year_it_took() {
    let book = Workbook::open(&fixture("bappeda-realisasi-subkegiatan-triwulan.xlsx")).unwrap();
    let mut opts = options(LayoutKind::Renja, None);
    let out = import::import_workbook(&book, &opts, None).unwrap();
    assert!(out.summary.messages.iter().any(|m| m.text.starts_with("tahun realisasi tidak tertulis di sheet")), "{:?}", out.summary.messages);
    opts.year = Some(2024);
    let out = import::import_workbook(&book, &opts, None).unwrap();
    let ind = &out.document.tree.nodes[0].indicators[0];
    assert_eq!(ind.actuals[&2024].as_f64(), Some(7.0));
    assert_eq!(ind.targets[&2024].as_f64(), Some(12.0));
    assert_eq!(out.document.tree.nodes[0].budget.spent, Some(1_782_000));
    assert_eq!(out.document.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Sekretariat", "PPEPD", "PPM", "PSDA", "IK", "RIDA"]);
}

#[test]
#[ignore = "timing: a 10,000-node Matriks Cascading (merged cells) exported and read back"]
fn cascading_10k_timing() {
    let doc = pokin::synth::generate(&pokin::synth::Options { nodes: 10_000, flows: 0, seed: 3 });
    let bytes = export(&doc, &XlsxOptions { table: XlsxTable::Cascading, year: None, unit: None, flow: None, paper: None }).unwrap();
    let started = std::time::Instant::now();
    let book = Workbook::from_bytes("c.xlsx", &bytes).unwrap();
    let read = started.elapsed();
    let out = import::import_workbook(&book, &options(LayoutKind::Cascading, None), None).unwrap();
    println!("read {read:?}, total {:?}, {} nodes, {} merges", started.elapsed(), out.document.tree.nodes.len(), book.grids()[0].merged.len());
    assert_eq!(out.document.tree.nodes.len(), doc.tree.nodes.len());
}
