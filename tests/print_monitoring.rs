//! The LKjIP tables (`pokin export pdf --view capaian|anggaran`) read as a
//! reader would: the Way Kanan sample's capaian of 2023 (Tabel 3.3.1's
//! numbers: Nilai SAKIP 73,11 against 59,1 is 123,7 %, IP ASN 84,4 against
//! 64 is 131,9 %), the years 2021–2023 side by side with the Renstra's end
//! target, the budget of 2023 (pagu 6.850.200.218, realisasi 6.700.428.889,
//! serapan 97,81 %), on A4 and F4; a document without realisasi says so.
//! The pages go to artifacts/screenshots/ as PNG to be looked at.

mod common;

use common::{ok, pdf_lines, pokin, s, smallest_statement_pt, tool};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    common::root().join("assets/samples/waykanan-bkpsdm.json")
}

fn export(input: &Path, pdf: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "pdf", s(input), "-o", s(pdf), "--printed-on", "2024-01-20"];
    all.extend_from_slice(args);
    let o = pokin(&all);
    assert!(o.status.success(), "{all:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The PDF as pdftotext lays it out: a table row on one line.
fn layout_text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", s(pdf), "-"])
}

/// The line holding `key`, which must hold `expected` in this order.
fn row_has(text: &str, key: &str, expected: &[&str]) {
    let line = text.lines().find(|l| l.contains(key)).unwrap_or_else(|| panic!("no line with {key}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut at = 0;
    for want in expected {
        match words[at..].iter().position(|w| w == want) {
            Some(k) => at += k + 1,
            None => panic!("{want} not after the earlier values in: {line}"),
        }
    }
}

/// Page size in points (pdfinfo).
fn page_size(pdf: &Path) -> (f32, f32) {
    let info = tool("pdfinfo", &[s(pdf)]);
    let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f32> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

fn smallest_pt(pdf: &Path) -> f32 {
    pdf_lines(pdf).iter().map(|l| l.size_pt).fold(f32::INFINITY, f32::min)
}

fn screenshots(pdf: &Path, stem: &str) {
    let dir = common::root().join("artifacts/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    tool("pdftoppm", &["-r", "60", "-png", s(pdf), s(&dir.join(stem))]);
}

#[test]
fn the_capaian_table_of_2023() {
    let dir = common::temp_dir();
    let pdf = dir.path().join("capaian.pdf");
    // The year left out: the latest with realisasi (2023).
    export(&sample(), &pdf, &["--view", "capaian", "--paper", "F4"]);
    let text = layout_text(&pdf);
    assert!(text.contains("Tabel Capaian Kinerja Tahun 2023"), "{text}");
    row_has(&text, "Nilai Sakip BKPSDM", &["59,1", "73,11", "123,7", "Sangat", "Baik"]);
    row_has(&text, "Indeks Profesionalitas ASN", &["64", "84,4", "131,9", "Sangat", "Baik"]);
    // Indeks Sistem Merit has a realisasi but no 2023 target: "–" and why.
    row_has(&text, "Indeks Sistem Merit", &["209", "–", "(1)"]);
    assert!(text.contains("(1) Indeks Sistem Merit: tidak ada target tahun 2023."));
    assert!(text.contains("ANDIKA SAPUTRA"), "the signature");
    let (w, h) = page_size(&pdf);
    assert!((w - 609.4).abs() < 0.5 && (h - 935.4).abs() < 0.5, "F4: {w} × {h}");
    assert!(smallest_pt(&pdf) >= 5.9, "{}", smallest_pt(&pdf));
    // The sasaran and indicators in the tables' 7 pt, on every page.
    let doc = common::read(&sample());
    let statements = smallest_statement_pt(&pdf, &doc);
    assert!(statements.iter().filter(|s| s.is_finite()).count() >= 1);
    assert!(statements.iter().all(|&s| s >= 6.8), "{statements:?}");
    // The column titles on every page with rows.
    let lines = pdf_lines(&pdf);
    let pages = lines.iter().map(|l| l.page).max().unwrap();
    for page in 1..=pages {
        let on_page: Vec<&str> = lines.iter().filter(|l| l.page == page).map(|l| l.text.as_str()).collect();
        if on_page.iter().any(|t| t.contains("Sangat Baik")) {
            assert!(on_page.iter().any(|t| t.contains("Indikator Kinerja")), "page {page}: {on_page:?}");
        }
    }
    screenshots(&pdf, "lkjip-capaian");
}

#[test]
fn the_capaian_table_compares_the_years_of_the_period() {
    let dir = common::temp_dir();
    let pdf = dir.path().join("compare.pdf");
    let warnings = export(&sample(), &pdf, &["--view", "capaian", "--year", "2023", "--compare-years", "--landscape"]);
    assert!(warnings.is_empty(), "{warnings}");
    let text = layout_text(&pdf);
    // Tabel 3.3.1: 2021, 2022, 2023 (target, realisasi, % capaian), then the Renstra's 2026 target.
    row_has(&text, "Nilai Sakip BKPSDM", &["54,1", "61,45", "113,6", "57,1", "69,31", "121,4", "59,1", "73,11", "123,7", "63,1", "Sangat", "Baik"]);
    row_has(&text, "Indeks Profesionalitas ASN", &["62", "71,76", "115,7", "63", "46,23", "73,4", "64", "84,4", "131,9", "65"]);
    assert!(text.contains("Perbandingan tahun 2021–2023"));
    let (w, h) = page_size(&pdf);
    assert!((w - 841.9).abs() < 0.5 && (h - 595.3).abs() < 0.5, "A4 landscape: {w} × {h}");
    assert!(smallest_pt(&pdf) >= 5.9);
    screenshots(&pdf, "lkjip-capaian-compare");

    // On portrait A4 three years do not fit: the earliest give way, and the printout says so.
    let narrow = dir.path().join("narrow.pdf");
    let warnings = export(&sample(), &narrow, &["--view", "capaian", "--year", "2023", "--compare-years"]);
    assert!(warnings.contains("terlalu sempit"), "{warnings}");
}

#[test]
fn the_budget_table_counts_each_rupiah_once() {
    let dir = common::temp_dir();
    let pdf = dir.path().join("anggaran.pdf");
    export(&sample(), &pdf, &["--view", "anggaran", "--year", "2023", "--paper", "F4"]);
    let text = layout_text(&pdf);
    assert!(text.contains("Tabel Realisasi Anggaran Tahun 2023"));
    row_has(&text, "Jumlah", &["6.850.200.218", "6.700.428.889", "97,81"]);
    row_has(&text, "Program Kepegawaian Daerah", &["2.212.352.000", "2.205.483.616", "99,69"]);
    row_has(&text, "Penyediaan Gaji dan Tunjangan ASN", &["2.459.563.280", "2.322.993.298", "94,45"]);
    let (w, h) = page_size(&pdf);
    assert!((w - 609.4).abs() < 0.5 && (h - 935.4).abs() < 0.5, "F4: {w} × {h}");
    assert!(smallest_pt(&pdf) >= 5.9);
    screenshots(&pdf, "lkjip-anggaran");
}

#[test]
fn without_realisasi_a_sheet_says_so() {
    let dir = common::temp_dir();
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    for node in doc["tree"]["nodes"].as_array_mut().unwrap() {
        if let Some(budget) = node.get_mut("budget").and_then(Value::as_object_mut) {
            budget.remove("spent");
        }
        for ind in node.get_mut("indicators").and_then(Value::as_array_mut).into_iter().flatten() {
            let ind = ind.as_object_mut().unwrap();
            ind.remove("actuals");
            ind.remove("quarters");
        }
    }
    let copy = dir.path().join("plan.json");
    std::fs::write(&copy, doc.to_string()).unwrap();
    let pdf = dir.path().join("capaian.pdf");
    let warnings = export(&copy, &pdf, &["--view", "capaian"]);
    assert!(warnings.contains("Belum ada realisasi kinerja tahun 2026"), "{warnings}");
    let text = layout_text(&pdf).to_lowercase();
    assert!(text.contains("belum ada realisasi"), "{text}");
    assert!(!text.contains("indikator kinerja"), "no empty table");
    let pdf = dir.path().join("anggaran.pdf");
    export(&copy, &pdf, &["--view", "anggaran"]);
    assert!(layout_text(&pdf).to_lowercase().contains("belum ada realisasi anggaran"));
}

#[test]
fn what_cannot_be_printed_is_refused() {
    let dir = common::temp_dir();
    let pdf = dir.path().join("x.pdf");
    let input = sample();
    let refused = |args: &[&str]| {
        let mut all = vec!["export", "pdf", s(&input), "-o", s(&pdf)];
        all.extend_from_slice(args);
        let o = pokin(&all);
        assert!(!o.status.success(), "{args:?}");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(refused(&["--view", "capaian", "--year", "2030"]).contains("Tahun 2030 di luar periode dokumen"));
    assert!(refused(&["--view", "anggaran", "--paper", "A1"]).contains("A4, F4 atau A3"));
    // The help names the views.
    let help = ok(&["export", "--help"]);
    assert!(help.contains("capaian") && help.contains("--compare-years"), "{help}");
}

#[test]
fn the_tree_prints_in_its_capaian_view_with_the_categories_in_the_legend() {
    let dir = common::temp_dir();
    let pdf = dir.path().join("pohon-capaian.pdf");
    export(&sample(), &pdf, &["--view", "tree", "--capaian", "--year", "2023", "--paper", "A3", "--landscape"]);
    let text = tool("pdftotext", &[s(&pdf), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Capaian 2023: 123,7 % · Sangat Baik",
        "Pagu 3.269.253.218",
        "Realisasi 3.128.567.423 (95,7 %)",
        "Capaian Sangat Baik: 91 % ke atas",
        "Capaian Sangat Rendah: di bawah 51 %",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    screenshots(&pdf, "lkjip-pohon-capaian");
    // Without --capaian the tree prints as always: no capaian lines, no categories.
    let plain = dir.path().join("pohon.pdf");
    export(&sample(), &plain, &["--view", "tree", "--year", "2023", "--paper", "A3", "--landscape"]);
    let text = tool("pdftotext", &[s(&plain), "-"]);
    assert!(!text.contains("Capaian 2023") && !text.contains("Sangat Baik"), "{text}");
}
