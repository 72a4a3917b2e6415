//! The review report (`pokin export pdf --view review`) read as a reader
//! would: a reviewed copy of the Lumajang sample — two threads (one with a
//! reply, one Diperbaiki), verdicts with marks and notes, a review team —
//! printed on A4 and F4; pdftotext finds every thread, reply, verdict and
//! the leader, pdfinfo the paper, pdffonts the embedded fonts. The pages go
//! to artifacts/screenshots/ as PNG to be looked at.

mod common;

use common::{ok, pokin, s, tool};

use std::path::{Path, PathBuf};

const OPEN_THREAD: &str = "Rumusan kondisi belum menggambarkan perubahan yang diharapkan; sebutkan kondisi akhir yang hendak dicapai beserta ukurannya.";
const REPLY: &str = "Rumusan akan diubah menjadi Meningkatnya penerapan sistem merit dalam manajemen ASN.";
const FIXED_THREAD: &str = "Pengelolaan mutasi perlu dijelaskan kaitannya dengan penataan mutasi dan promosi.";
const NOTE_K: &str = "Penilaian dan evaluasi belum jelas mendukung penerapan sistem merit.";
const NOTE_T: &str = "Manajemen talenta bukan bagian dari pengelolaan promosi; pindahkan ke pengembangan kompetensi.";
const NOTE_INDICATOR: &str = "Indeks sistem merit perlu definisi operasional dan sumber data dari KASN.";
const LEADER: &str = "Drs. Bambang Sutrisno, M.Si.";
const NIP: &str = "196805121994031007";

/// The Lumajang sample with threads, verdicts and a team, as a reviewer leaves it.
fn reviewed(dir: &Path) -> PathBuf {
    let file = dir.join("lumajang.pokin");
    let src = common::root().join("assets/samples/lumajang-bkd.json");
    ok(&["import", s(&src), s(&file)]);
    let apply = |op: serde_json::Value| ok(&["apply", s(&file), &op.to_string()]);
    apply(serde_json::json!({"op": "add_annotation", "annotation": {"id": "", "on": {"node": "n2"}, "text": OPEN_THREAD,
        "status": "open", "author": "Siti Rahma", "role": "Inspektorat", "round": 2}}));
    let json: serde_json::Value = serde_json::from_str(&ok(&["export", "json", s(&file)])).unwrap();
    let id = json["annotations"][0]["id"].as_str().unwrap().to_string();
    apply(serde_json::json!({"op": "reply_annotation", "id": id, "status": "answered",
        "reply": {"text": REPLY, "author": "Budi Santoso", "role": "Perencana"}}));
    apply(serde_json::json!({"op": "add_annotation", "annotation": {"id": "", "on": {"link": ["n11", "n4"]}, "text": FIXED_THREAD,
        "status": "fixed", "author": "Siti Rahma", "role": "Inspektorat", "round": 2}}));
    apply(serde_json::json!({"op": "set_verdict_mark", "kke": 2, "on": {"node": "n5"}, "criterion": "logical", "mark": "K"}));
    apply(serde_json::json!({"op": "set_verdict_note", "kke": 2, "on": {"node": "n5"}, "note": NOTE_K}));
    apply(serde_json::json!({"op": "set_verdict_mark", "kke": 2, "on": {"node": "n31"}, "criterion": "logical", "mark": "T"}));
    apply(serde_json::json!({"op": "set_verdict_note", "kke": 2, "on": {"node": "n31"}, "note": NOTE_T}));
    apply(serde_json::json!({"op": "set_verdict_mark", "kke": 1, "on": {"indicator": ["n2", "i2"]}, "criterion": "specific", "mark": "T"}));
    apply(serde_json::json!({"op": "set_verdict_note", "kke": 1, "on": {"indicator": ["n2", "i2"]}, "note": NOTE_INDICATOR}));
    apply(serde_json::json!({"op": "set_review_team", "team": {"unit": "Inspektorat Kabupaten Lumajang", "round": 2, "date": "2026-11-30",
        "leader": {"name": LEADER, "rank": "Pembina, IV/a", "nip": NIP, "role": "Ketua Tim"},
        "members": [{"name": "Siti Rahma, S.E.", "nip": "198703022010012004", "role": "Anggota"}, {"name": "Andi Pratama", "role": "Anggota"}]}}));
    file
}

/// The text of the PDF with lines joined: statements wrapped over lines still match.
fn squeezed(pdf: &Path) -> String {
    tool("pdftotext", &[s(pdf), "-"]).split_whitespace().collect()
}

fn contains(text: &str, expected: &str) -> bool {
    text.contains(&expected.split_whitespace().collect::<String>())
}

/// Renders the pages for a person to look at (the folder is not in git).
fn screenshots(pdf: &Path, stem: &str) {
    let dir = common::root().join("artifacts/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    tool("pdftoppm", &["-r", "60", "-png", s(pdf), s(&dir.join(stem))]);
}

#[test]
fn the_review_report_holds_every_thread_reply_verdict_and_the_team_on_a4_and_f4() {
    let dir = common::temp_dir();
    let file = reviewed(dir.path());
    // The id of the indicator judged on Format 1 is the sample's.
    let doc = pokin::interchange::json::from_str(&ok(&["export", "json", s(&file)]), "lumajang").unwrap();
    assert!(doc.node("n2").unwrap().indicators.iter().any(|i| i.id == "i2"), "the sample's indicator of n2 is i2");

    let pdf = dir.path().join("reviu.pdf");
    // A4 is the report's default paper.
    let out = ok(&["export", "pdf", s(&file), "--view", "review", "-o", s(&pdf), "--printed-on", "2026-12-01"]);
    assert!(out.starts_with("Dicetak:"), "{out}");
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let fonts = tool("pdffonts", &[s(&pdf)]);
    let faces: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!faces.is_empty(), "{fonts}");
    for line in faces {
        assert!(line.contains(" yes yes "), "every font embedded (and subset): {line}");
    }
    let text = squeezed(&pdf);
    for expected in [
        "CATATAN HASIL REVIU POHON KINERJA",
        OPEN_THREAD,
        REPLY,
        FIXED_THREAD,
        NOTE_K,
        NOTE_T,
        NOTE_INDICATOR,
        "Logis: K (kurang logis), penilaian pereviu",
        "Logis: T (tidak logis), penilaian pereviu",
        "Spesifik: T (tidak), penilaian pereviu",
        "Budi Santoso (Perencana)",
        "Terbuka",
        "Dijawab",
        "Diperbaiki",
        "Reviu ke-2",
        "30 November 2026",
        "Inspektorat Kabupaten Lumajang",
        "Siti Rahma, S.E., Anggota, NIP. 198703022010012004",
        "Ringkasan",
        "KKE Format 1",
        "KKE Format 2",
        "Rekomendasi",
        LEADER,
        &format!("NIP. {NIP}"),
        "Pembina, IV/a",
    ] {
        assert!(contains(&text, expected), "missing from the report: {expected}");
    }
    // The recommendations: the open threads (Dijawab and Diperbaiki are not yet accepted) and each verdict, numbered.
    let recommendations = &text[text.rfind("Rekomendasi").unwrap()..];
    for expected in [OPEN_THREAD, FIXED_THREAD, NOTE_K, NOTE_T, NOTE_INDICATOR] {
        assert!(contains(recommendations, expected), "no recommendation for: {expected}");
    }
    assert!(recommendations.starts_with("Rekomendasi1.“"), "{}", &recommendations[..80]);
    screenshots(&pdf, "reviu-a4");

    let f4 = dir.path().join("reviu-f4.pdf");
    ok(&["export", "pdf", s(&file), "--view", "review", "--paper", "F4", "--landscape", "-o", s(&f4)]);
    let info = tool("pdfinfo", &[s(&f4)]);
    assert!(info.contains("609.449 x 935.433 pts"), "F4 portrait even when asked landscape: {info}");
    let text = squeezed(&f4);
    for expected in [OPEN_THREAD, REPLY, FIXED_THREAD, NOTE_K, NOTE_T, LEADER, NIP] {
        assert!(contains(&text, expected), "missing from the F4 report: {expected}");
    }
    screenshots(&f4, "reviu-f4");

    // A poster sheet is no paper for a form.
    let o = pokin(&["export", "pdf", s(&file), "--view", "review", "--paper", "A3", "-o", s(&pdf)]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("A4 atau F4"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn an_unreviewed_document_prints_an_empty_report_with_blanks_to_sign() {
    let dir = common::temp_dir();
    let file = dir.path().join("kebumen.pokin");
    ok(&["import", s(&common::root().join("assets/samples/kebumen-bkpsdm.json")), s(&file)]);
    let pdf = dir.path().join("kosong.pdf");
    ok(&["export", "pdf", s(&file), "--view", "review", "-o", s(&pdf), "--printed-on", "2026-12-01"]);
    let text = squeezed(&pdf);
    // No team: the printing date, blanks for the leader.
    for expected in ["CATATAN HASIL REVIU POHON KINERJA", "1 Desember 2026", "Rekomendasi", "NIP. ……"] {
        assert!(contains(&text, expected), "{expected}");
    }
}
