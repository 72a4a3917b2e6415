//! The Perjanjian Kinerja (`pokin export pdf --view pk:UNIT --year Y`) read
//! as a reader would: the Way Kanan sample with officials given through
//! `pokin apply` (update_unit) and a kepala daerah in a JSON copy, printed
//! on A4 and F4; pdftotext finds the title, both parties with their NIP,
//! "Plt." for an acting official, each sasaran with its indicators and
//! targets and the budget's total, pdfinfo the paper. The kepala daerah's
//! own agreement is signed by the kepala daerah alone. The pages go to
//! artifacts/screenshots/ as PNG to be looked at.

mod common;

use common::{ok, pokin, s, tool};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const BUPATI: &str = "Ir. H. Raden Adipati Surya, S.H., M.M.";
const SEKRETARIS: &str = "Drs. Iwan Setiawan";
const SEKRETARIS_NIP: &str = "19660830 199303 1 003";
const HEAD: &str = "ANDIKA SAPUTRA, S.E.,M.M.";
const HEAD_NIP: &str = "19800412 200003 1 003";

/// The Way Kanan sample with a kepala daerah (a JSON copy), imported; the
/// secretary made Plt. through `pokin apply`.
fn waykanan(dir: &Path) -> PathBuf {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(common::root().join("assets/samples/waykanan-bkpsdm.json")).unwrap()).unwrap();
    doc["document"]["regional_head"] = json!({ "name": BUPATI });
    let copy = dir.join("waykanan.json");
    std::fs::write(&copy, doc.to_string()).unwrap();
    let file = dir.join("waykanan.pokin");
    ok(&["import", s(&copy), s(&file)]);
    let exported: Value = serde_json::from_str(&ok(&["export", "json", s(&file)])).unwrap();
    let mut sekban = exported["units"].as_array().unwrap().iter().find(|u| u["id"] == "sekban").unwrap().clone();
    sekban["official"] = json!({ "position": "Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "name": SEKRETARIS,
        "rank": "Pembina Tk. I (IV/b)", "nip": SEKRETARIS_NIP, "acting": "plt" });
    ok(&["apply", s(&file), &json!({ "op": "update_unit", "unit": sekban }).to_string()]);
    file
}

/// The text of the PDF with lines joined: statements wrapped over lines still match.
fn squeezed(pdf: &Path) -> String {
    tool("pdftotext", &[s(pdf), "-"]).split_whitespace().collect()
}

fn contains(text: &str, expected: &str) -> bool {
    text.contains(&expected.split_whitespace().collect::<String>())
}

/// Runs `pokin`, which must succeed; its standard error (the warnings).
fn warnings(args: &[&str]) -> String {
    let o = pokin(args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Renders the pages for a person to look at (the folder is not in git).
fn screenshots(pdf: &Path, stem: &str) {
    let dir = common::root().join("artifacts/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    tool("pdftoppm", &["-r", "60", "-png", s(pdf), s(&dir.join(stem))]);
}

#[test]
fn the_official_round_trips_through_the_file_and_json() {
    let dir = common::temp_dir();
    let file = waykanan(dir.path());
    let exported: Value = serde_json::from_str(&ok(&["export", "json", s(&file)])).unwrap();
    let sekban = exported["units"].as_array().unwrap().iter().find(|u| u["id"] == "sekban").unwrap();
    assert_eq!(sekban["official"]["acting"], "plt");
    assert_eq!(sekban["official"]["nip"], SEKRETARIS_NIP);
    assert_eq!(exported["document"]["regional_head"], json!({ "name": BUPATI }));
    // An official without acting leaves the key out; JSON → .pokin → JSON is the identity.
    let again = dir.path().join("again.json");
    std::fs::write(&again, exported.to_string()).unwrap();
    let back = dir.path().join("again.pokin");
    ok(&["import", s(&again), s(&back)]);
    let twice: Value = serde_json::from_str(&ok(&["export", "json", s(&back)])).unwrap();
    assert_eq!(twice["units"], exported["units"]);
    assert_eq!(twice["document"], exported["document"]);
}

#[test]
fn the_head_of_the_agency_agrees_with_the_bupati_on_a4() {
    let dir = common::temp_dir();
    let file = waykanan(dir.path());
    let pdf = dir.path().join("pk-kaban.pdf");
    // A4 is the default paper.
    let out = ok(&["export", "pdf", s(&file), "--view", "pk:kaban", "--year", "2025", "-o", s(&pdf), "--printed-on", "2025-01-02"]);
    assert!(out.starts_with("Dicetak:"), "{out}");
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Pages:           2"), "the agreement and its lampiran: {info}");
    let text = squeezed(&pdf);
    for expected in [
        "PERJANJIAN KINERJA TAHUN 2025",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KABUPATEN WAY KANAN",
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        "selanjutnya disebut pihak pertama",
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
        "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
        "dalam rangka pemberian penghargaan dan sanksi.",
        "PIHAK KEDUA,",
        "PIHAK PERTAMA,",
        "BUPATI WAY KANAN",
        BUPATI,
        HEAD,
        &format!("NIP. {HEAD_NIP}"),
        "PEMBINA Tk I (IV/b)",
        "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
        // The eselon II sasaran with their indicators and 2025 targets.
        "Meningkatkan Kualitas SAKIP SKPD",
        "Nilai Sakip BKPSDM (Poin)",
        "61,1 Poin",
        "Meningkatkan Kualitas ASN",
        "Indeks Profesionalitas ASN (Poin)",
        "64 Poin",
        "Indeks Sistem Merit (Poin)",
        "220 Poin",
        // The three programs under the head's sasaran, each once.
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "Rp 3.269.253.218",
        "Program Kepegawaian Daerah",
        "Program Pengembangan SDM",
        "Jumlah Rp 6.850.200.218",
    ] {
        assert!(contains(&text, expected), "missing from the agreement: {expected}");
    }
    // The head signs the agreement and its lampiran: both parties twice.
    assert_eq!(text.matches(&contains_key(BUPATI)).count(), 3, "named once in the text, signed twice");
    assert_eq!(text.matches(&contains_key(&format!("NIP. {HEAD_NIP}"))).count(), 2);
    // The tujuan (level 0) is not a sasaran of an eselon II agreement; a kegiatan's budget is inside its program's.
    assert!(!contains(&text, "Meningkatnya Akuntabilitas Instansi Pemerintah"));
    assert!(!contains(&text, "Penyediaan Gaji dan Tunjangan ASN"));
    screenshots(&pdf, "pk-kaban-a4");
}

fn contains_key(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn an_acting_secretary_on_f4_with_a_target_missing() {
    let dir = common::temp_dir();
    let file = waykanan(dir.path());
    let pdf = dir.path().join("pk-sekban.pdf");
    let out = warnings(&["export", "pdf", s(&file), "--view", "pk:sekban", "--year", "2025", "--paper", "F4", "--landscape", "-o", s(&pdf)]);
    // The program's indicator has no 2025 target: "–" and a warning naming it.
    assert!(out.contains("Cakupan Pelayanan Administrasi Perkantoran BKPSDM") && out.contains("belum punya target tahun 2025"), "{out}");
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("609.449 x 935.433 pts"), "F4 portrait even when asked landscape: {info}");
    let text = squeezed(&pdf);
    for expected in [
        "PERJANJIAN KINERJA TAHUN 2025",
        "SEKRETARIAT",
        SEKRETARIS,
        "Plt. Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Plt. SEKRETARIS BADAN",
        &format!("NIP. {SEKRETARIS_NIP}"),
        // Pihak kedua: the head of the agency (the unit's parent).
        HEAD,
        &format!("NIP. {HEAD_NIP}"),
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "Cakupan Pelayanan Administrasi Perkantoran BKPSDM (%) –",
        "Jumlah Rp 3.269.253.218",
    ] {
        assert!(contains(&text, expected), "missing from the agreement: {expected}");
    }
    assert!(!contains(&text, BUPATI), "the bupati is not the secretary's superior");
    screenshots(&pdf, "pk-sekban-f4");
}

#[test]
fn the_kepala_daerah_signs_alone() {
    let dir = common::temp_dir();
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(common::root().join("assets/samples/waykanan-bkpsdm.json")).unwrap()).unwrap();
    doc["units"].as_array_mut().unwrap().insert(0, json!({ "id": "bupati", "name": "Bupati Way Kanan", "echelon": "KDH",
        "official": { "name": BUPATI, "acting": "pj" } }));
    for node in doc["tree"]["nodes"].as_array_mut().unwrap() {
        if node["level"] == 0 {
            node["owner"] = json!("bupati");
        }
    }
    let copy = dir.path().join("pemda.json");
    std::fs::write(&copy, doc.to_string()).unwrap();
    let pdf = dir.path().join("pk-bupati.pdf");
    ok(&["export", "pdf", s(&copy), "--view", "pk:bupati", "--year", "2024", "-o", s(&pdf)]);
    let text = squeezed(&pdf);
    for expected in [
        "PERJANJIAN KINERJA TAHUN 2024",
        "PEMERINTAH KABUPATEN WAY KANAN",
        "saya yang bertanda tangan di bawah ini:",
        "Pj. Bupati Way Kanan",
        "Pj. BUPATI WAY KANAN",
        BUPATI,
        "menjadi tanggung jawab saya.",
        "Meningkatnya Akuntabilitas Instansi Pemerintah",
        "Nilai Evaluasi SAKIP Kabupaten (Poin)",
        "61,64 Poin",
        "Jumlah Rp 6.850.200.218",
    ] {
        assert!(contains(&text, expected), "missing from the kepala daerah's agreement: {expected}");
    }
    for absent in ["PIHAK KEDUA", "PIHAK PERTAMA", "NIP."] {
        assert!(!contains(&text, absent), "{absent} on the kepala daerah's own agreement");
    }
    screenshots(&pdf, "pk-bupati-a4");
}

#[test]
fn what_cannot_be_agreed_says_why() {
    let dir = common::temp_dir();
    let file = waykanan(dir.path());
    let pdf = dir.path().join("pk.pdf");
    let refused = |args: &[&str]| {
        let o = pokin(args);
        assert!(!o.status.success(), "{args:?}");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let e = refused(&["export", "pdf", s(&file), "--view", "pk:bidang9", "--year", "2025", "-o", s(&pdf)]);
    assert!(e.contains("Unit `bidang9` tidak ada di dokumen ini (yang ada: kaban, sekban"), "{e}");
    let e = refused(&["export", "pdf", s(&file), "--view", "pk:kaban", "-o", s(&pdf)]);
    assert!(e.contains("Perjanjian kinerja perlu tahun; pilih salah satu: 2021, 2022, 2023, 2024, 2025, 2026"), "{e}");
    let e = refused(&["export", "pdf", s(&file), "--view", "pk:kaban", "--year", "2025", "--paper", "A3", "-o", s(&pdf)]);
    assert!(e.contains("Perjanjian kinerja dicetak pada kertas A4 atau F4, bukan A3"), "{e}");
    let e = refused(&["export", "pdf", s(&file), "--view", "pk:kaban", "--year", "2031", "-o", s(&pdf)]);
    assert!(e.contains("Tahun 2031 di luar periode dokumen"), "{e}");
    assert!(!pdf.exists(), "nothing written");
}

#[test]
fn a_unit_owning_nothing_still_gets_a_valid_form() {
    let dir = common::temp_dir();
    let file = waykanan(dir.path());
    let pdf = dir.path().join("pk-jf.pdf");
    let out = warnings(&["export", "pdf", s(&file), "--view", "pk:jf", "--year", "2025", "-o", s(&pdf)]);
    assert!(out.contains("tidak memegang kondisi apa pun di pohon kinerja"), "{out}");
    let text = squeezed(&pdf);
    for expected in ["PERJANJIAN KINERJA TAHUN 2025", "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025", "Belum ada sasaran", "Jumlah", "Rp 0", HEAD] {
        assert!(contains(&text, expected), "missing: {expected}");
    }
}
