use super::*;
use crate::model::{Acting, Official};

fn texts(sheets: &[Sheet]) -> String {
    sheets.iter().flat_map(Sheet::texts).collect::<Vec<_>>().join(" ")
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

fn compose(doc: &Document, unit: &str, year: Option<i32>) -> Drawn {
    let fingerprint = "0".repeat(64);
    let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
    let options = PrintOptions { year, ..PrintOptions::default() };
    compose_pk(doc, unit, &options, &provenance, &PageSetup { width: 595.0, height: 842.0, margin: 28.35 }, "2025-01-02")
}

#[test]
fn the_head_of_the_agency_agrees_with_the_bupati() {
    let mut doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
    doc.document.regional_head = Official { name: "Ir. H. Ali Rahman".into(), acting: Acting::Pj, ..Default::default() };
    let (sheets, warnings, smallest) = compose(&doc, "kaban", Some(2025));
    assert_eq!(sheets.len(), 2, "the agreement and its lampiran");
    assert!(smallest >= RUNNING_PT);
    let text = squeezed(&texts(&sheets));
    for expected in [
        "PERJANJIAN KINERJA TAHUN 2025",
        "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
        "ANDIKA SAPUTRA, S.E.,M.M.",
        "NIP. 19800412 200003 1 003",
        "Pj. Bupati Way Kanan",
        "Ir. H. Ali Rahman",
        "Meningkatkan Kualitas ASN",
        "Indeks Sistem Merit (Poin)",
        "220 Poin",
        "Rp 6.850.200.218",
    ] {
        assert!(text.contains(&squeezed(expected)), "{expected}");
    }
    // The tujuan (level 0) is not an eselon II sasaran.
    assert!(!text.contains(&squeezed("Meningkatnya Akuntabilitas Instansi Pemerintah")));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn missing_targets_officials_and_nothing_owned_are_said() {
    let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
    let (_, warnings, _) = compose(&doc, "sekban", Some(2025));
    assert!(warnings.iter().any(|w| w.contains("Cakupan Pelayanan Administrasi Perkantoran BKPSDM") && w.contains("belum punya target tahun 2025")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with("Nama pejabat Sekretariat belum diisi")), "{warnings:?}");
    let (sheets, warnings, _) = compose(&doc, "jf", Some(2025));
    assert_eq!(sheets.len(), 2);
    assert!(warnings.iter().any(|w| w.contains("tidak memegang kondisi apa pun")), "{warnings:?}");
    assert!(texts(&sheets).contains("Belum ada sasaran"));
    let (_, warnings, _) = compose(&doc, "kaban", None);
    assert!(warnings[0].contains("2021, 2022, 2023, 2024, 2025, 2026"), "{warnings:?}");
}

#[test]
fn the_kepala_daerah_signs_alone() {
    let mut doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
    doc.units.push(Unit {
        id: "bupati".into(),
        name: "Bupati".into(),
        echelon: "KDH".into(),
        official: Official { name: "Ir. H. Ali Rahman".into(), ..Default::default() },
        ..Default::default()
    });
    doc.tree.nodes.iter_mut().find(|n| n.id == "n0").unwrap().owner = Some("bupati".into());
    let (sheets, _, _) = compose(&doc, "bupati", Some(2025));
    let text = squeezed(&texts(&sheets));
    assert!(text.contains(&squeezed("saya yang bertanda tangan di bawah ini")));
    assert!(!text.contains("PIHAKKEDUA") && !text.contains("PIHAKPERTAMA"));
    assert!(text.contains(&squeezed("BUPATI WAY KANAN")) && text.contains(&squeezed("Ir. H. Ali Rahman")));
    assert!(text.contains(&squeezed("Nilai Evaluasi SAKIP Kabupaten")));
}
