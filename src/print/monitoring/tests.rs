use super::*;
use crate::print::{PrintOptions, View};
use crate::render::Item;

fn waykanan() -> Document {
    crate::samples::find("waykanan-bkpsdm").unwrap().document()
}

fn a4() -> PageSetup {
    PageSetup { width: 595.28, height: 841.89, margin: 28.35 }
}

fn texts_of(sheets: &[Sheet]) -> Vec<String> {
    sheets.iter().flat_map(|s| s.texts().map(str::to_string)).collect()
}

fn print(doc: &Document, view: View, year: Option<i32>, compare_years: bool, page: &PageSetup) -> (Vec<Sheet>, Vec<String>) {
    let fingerprint = "0".repeat(64);
    let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
    let options = PrintOptions { view: view.clone(), year, compare_years, ..PrintOptions::default() };
    let (sheets, warnings, smallest) = match view {
        View::Capaian => compose_capaian(doc, &options, &provenance, page),
        _ => compose_anggaran(doc, &options, &provenance, page),
    };
    assert!(smallest >= 6.0);
    (sheets, warnings)
}

#[test]
fn percentages_with_fixed_decimals() {
    assert_eq!(fixed(6145.0 / 54.1, 1), "113,6");
    assert_eq!(fixed(131.875, 1), "131,9");
    assert_eq!(fixed(100.0, 1), "100,0");
    assert_eq!(fixed(6_700_428_889.0 / 6_850_200_218.0 * 100.0, 2), "97,81");
    assert_eq!(fixed(1234.56, 1), "1.234,6");
    assert_eq!(fixed(-50.0, 1), "-50,0");
    assert_eq!(fixed(-0.01, 1), "0,0");
    assert_eq!(hex_colour("#1e7b34"), theme::rgb8(0x1e, 0x7b, 0x34));
}

#[test]
fn the_default_year_is_the_latest_with_realisasi() {
    let mut doc = waykanan();
    assert_eq!(years_with_realisasi(&doc), vec![2021, 2022, 2023]);
    assert_eq!(default_year(&doc), 2023);
    for node in doc.tree.nodes.iter_mut() {
        for ind in &mut node.indicators {
            ind.actuals.clear();
            ind.quarters.clear();
        }
    }
    assert_eq!(default_year(&doc), 2026);
}

#[test]
fn the_capaian_table_of_2023_with_categories_and_why_a_capaian_is_missing() {
    let (sheets, warnings) = print(&waykanan(), View::Capaian, None, false, &a4());
    assert!(warnings.is_empty(), "{warnings:?}");
    let texts = texts_of(&sheets);
    assert!(texts.iter().any(|t| t == "Tabel Capaian Kinerja Tahun 2023"));
    for expected in ["73,11", "59,1", "123,7", "84,4", "64", "131,9", "Sangat Baik", "Kategori"] {
        assert!(texts.iter().any(|t| t == expected), "{expected} missing");
    }
    // Indeks Sistem Merit: realisasi 209 without a 2023 target.
    assert!(texts.iter().any(|t| t == "– (1)"));
    assert!(texts.iter().any(|t| t.starts_with("(1) Indeks Sistem Merit: tidak ada target tahun 2023")), "{texts:?}");
    // A colour swatch per category shown; the signature on the last sheet.
    let swatches = sheets.iter().flat_map(|s| &s.items).filter(|i| matches!(i, Item::Rect { w, .. } if *w == 5.5)).count();
    assert!(swatches > 30, "{swatches}");
    assert!(sheets.last().unwrap().texts().any(|t| t.starts_with("NIP.")));
    // The column titles on every sheet with rows.
    for sheet in &sheets[..sheets.len() - 1] {
        assert!(sheet.texts().any(|t| t == "Indikator Kinerja"));
    }
}

#[test]
fn compared_years_side_by_side_and_the_renstra_end_target() {
    let page = PageSetup { width: 841.89, height: 595.28, margin: 28.35 };
    let (sheets, warnings) = print(&waykanan(), View::Capaian, Some(2023), true, &page);
    assert!(warnings.is_empty(), "{warnings:?}");
    let texts = texts_of(&sheets);
    for expected in ["2021", "2022", "54,1", "61,45", "113,6", "57,1", "69,31", "121,4", "63,1"] {
        assert!(texts.iter().any(|t| t == expected), "{expected} missing");
    }
    let joined = texts.join(" ");
    assert!(joined.contains("Target akhir Renstra (2026)") && joined.contains("Kategori 2023"));
    // Portrait A4 is too narrow for three years: the earliest give way, with a warning.
    let (_, warnings) = print(&waykanan(), View::Capaian, Some(2023), true, &a4());
    assert!(warnings.iter().any(|w| w.contains("terlalu sempit")), "{warnings:?}");
}

#[test]
fn the_budget_table_counts_each_rupiah_once() {
    let (sheets, _) = print(&waykanan(), View::Anggaran, None, false, &a4());
    let texts = texts_of(&sheets);
    for expected in ["Tabel Realisasi Anggaran Tahun 2023", "6.850.200.218", "6.700.428.889", "97,81", "Jumlah", "Program Kepegawaian Daerah"] {
        assert!(texts.iter().any(|t| t == expected), "{expected} missing");
    }
    // Programs, kegiatan (summed) and sub kegiatan, numbered by depth.
    let doc = waykanan();
    let rows = anggaran::lines(&doc);
    assert_eq!(rows.iter().filter(|l| l.depth == 0).count(), 3);
    assert!(rows.iter().any(|l| l.number == "1.1.1" && l.own));
    assert!(rows.iter().any(|l| l.number == "1.1" && !l.own));
}

#[test]
fn nothing_to_measure_says_so() {
    let mut doc = waykanan();
    for node in doc.tree.nodes.iter_mut() {
        node.budget.spent = None;
        for ind in &mut node.indicators {
            ind.actuals.clear();
            ind.quarters.clear();
        }
    }
    let (sheets, warnings) = print(&doc, View::Capaian, Some(2023), false, &a4());
    assert_eq!(sheets.len(), 1);
    assert!(warnings[0].starts_with("Belum ada realisasi kinerja tahun 2023"), "{warnings:?}");
    let (sheets, warnings) = print(&doc, View::Anggaran, Some(2023), false, &a4());
    assert_eq!(sheets.len(), 1);
    assert!(warnings[0].starts_with("Belum ada realisasi anggaran"), "{warnings:?}");
}

#[test]
fn the_request_as_the_dialog_and_the_command_line_send_it() {
    let doc = waykanan();
    let ask = |json: &str| serde_json::from_str::<crate::print::PrintRequest>(json).unwrap().options(&doc);
    let options = ask(r#"{"view":"capaian","paper":"A3","landscape":true,"mode":"poster","year":2023,"compare_years":true}"#).unwrap();
    assert_eq!((options.view, options.landscape, options.mode, options.year, options.compare_years), (View::Capaian, true, crate::print::PrintMode::Fit, Some(2023), true));
    // The comparison is the capaian's alone; the year may be left to the default.
    let options = ask(r#"{"view":"anggaran","paper":"F4","compare_years":true}"#).unwrap();
    assert_eq!((options.view, options.year, options.compare_years), (View::Anggaran, None, false));
    assert!(ask(r#"{"view":"capaian","paper":"A2"}"#).unwrap_err().to_string().starts_with("Tabel capaian kinerja dicetak pada kertas A4, F4 atau A3"));
    assert!(ask(r#"{"view":"anggaran","paper":"A4","year":2019}"#).unwrap_err().to_string().starts_with("Tahun 2019 di luar periode dokumen"));
}
