//! The `pokin` command line, run as a planner or a script would.

mod common;

use common::{pokin, s};

use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_command_has_help() {
    for cmd in ["new", "import", "export", "validate", "history", "apply", "undo", "redo", "snapshot", "final", "draft", "verify", "synth", "review-copy", "diff", "merge", "comment", "comments", "capaian"] {
        let o = pokin(&[cmd, "--help"]);
        assert!(o.status.success(), "{cmd}: {}", stderr(&o));
        assert!(stdout(&o).contains("Usage: pokin"), "{cmd}");
    }
    let o = pokin(&["--help"]);
    assert!(stdout(&o).contains("Periksa logika pohon kinerja"));
}

#[test]
fn new_import_export_round_trip() {
    let dir = common::temp_dir();
    let file = dir.path().join("baru.pokin");
    let o = pokin(&["new", s(&file), "--title", "Pohon Kinerja BKD", "--agency", "Badan Kepegawaian Daerah", "--government", "Kabupaten Lumajang", "--period", "2025-2029"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = pokin(&["export", "json", s(&file)]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["document"]["period"], serde_json::json!({ "from": 2025, "to": 2029 }));
    assert_eq!(doc["tree"]["levels"].as_array().unwrap().len(), 6);
    assert_eq!(doc["tree"]["levels"][1]["name"], "Sasaran Strategis (Ultimate Outcome)");

    let sample = common::root().join("assets/samples/lumajang-bkd.json");
    let imported = dir.path().join("lumajang.pokin");
    let o = pokin(&["import", s(&sample), s(&imported)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("50 simpul"), "{}", stdout(&o));
    let out = dir.path().join("kembali.json");
    let o = pokin(&["export", "json", s(&imported), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    let back: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(back, common::without_empty(original));
}

#[test]
fn validate_exit_status_and_formats() {
    let dir = common::temp_dir();
    // A clean document: exit 0.
    let clean = common::root().join("tests/fixtures/rules/P001/valid.json");
    let o = pokin(&["validate", s(&clean), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["summary"]["error"], 0, "{report}");
    assert_eq!(o.status.code(), Some(0));

    // Errors: exit 1, JSON as rules.md says.
    let faulty = common::root().join("tests/fixtures/rules/P003/invalid.json");
    let o = pokin(&["validate", s(&faulty), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = report["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "P003").unwrap();
    assert_eq!(first["severity"], "error");
    assert!(first["target"]["link"].is_array());
    assert!(first["message"].as_str().unwrap().contains("satu level di atas"));
    assert!(first["hint"].is_string());

    // Text format: a heading per rule (count, what they are, severity), then
    // each finding's place and message.
    let o = pokin(&["validate", s(&faulty)]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("P003 · 3 keterkaitan utama yang tidak tepat satu level ke atas (kesalahan)\n"), "{text}");
    assert!(text.contains("\n  [keterkaitan n6 → n1] Keterkaitan utama «"), "{text}");
    assert!(text.lines().last().unwrap().starts_with("4 kesalahan, "), "{text}");

    // Works on .pokin too.
    let file = dir.path().join("p003.pokin");
    assert!(pokin(&["import", s(&faulty), s(&file)]).status.success());
    let o = pokin(&["validate", s(&file), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));

    // Unreadable input: exit 2, a plain message on stderr, nothing on stdout.
    let bad = dir.path().join("salah.json");
    std::fs::write(&bad, r#"{"format":"pokin/1","document":{"title":"x","period":{"from":2025,"to":2029}},"tree":{"levels":[],"nodez":[]}}"#).unwrap();
    let o = pokin(&["validate", s(&bad), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("tree.nodez: kunci `nodez` tidak dikenal"), "{}", stderr(&o));
}

#[test]
fn accepted_findings_and_rule_settings() {
    let dir = common::temp_dir();
    let src = common::root().join("tests/fixtures/rules/P003/invalid.json");
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&src).unwrap()).unwrap();
    let o = pokin(&["validate", s(&src), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let p003: Vec<serde_json::Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "P003").cloned().collect();
    // Accept every P003 and switch P010 to error: P003 leaves the error count, P010 enters it.
    doc["validation"] = serde_json::json!({
        "rules": { "P010": "error" },
        "accepted": p003.iter().map(|f| serde_json::json!({"rule": "P003", "target": f["target"], "reason": "Disepakati dalam reviu"})).collect::<Vec<_>>()
    });
    let file = dir.path().join("diterima.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let o = pokin(&["validate", s(&file), "--format", "json"]);
    let after: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let accepted: Vec<&serde_json::Value> = after["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "P003").collect();
    assert_eq!(accepted.len(), p003.len());
    assert!(accepted.iter().all(|f| f["accepted"] == "Disepakati dalam reviu"));
    let p010 = after["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "P010").count();
    assert!(p010 > 0);
    assert!(after["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "P010").all(|f| f["severity"] == "error"));
    let errors_before = report["summary"]["error"].as_u64().unwrap() as usize;
    assert_eq!(after["summary"]["error"].as_u64().unwrap() as usize, errors_before - p003.len() + p010);
}

#[test]
fn history_undo_redo_snapshot() {
    let dir = common::temp_dir();
    let file = dir.path().join("riwayat.pokin");
    assert!(pokin(&["new", s(&file), "--title", "T", "--period", "2025-2029"]).status.success());
    let o = pokin(&["history", s(&file)]);
    assert_eq!(stdout(&o), "Belum ada perubahan sejak berkas dibuat.\n");
    let o = pokin(&["undo", s(&file)]);
    assert_eq!(stdout(&o), "Tidak ada perubahan yang dapat dibatalkan.\n");

    // Make two edits through the library, then drive history from the CLI.
    {
        let mut doc = pokin::store::DocFile::open(&file).unwrap();
        let node = pokin::model::Node { statement: "Meningkatnya Profesionalitas ASN".into(), ..Default::default() };
        doc.apply(&pokin::edit::Op::AddNode { node, parent: None, before: None }).unwrap();
        doc.apply(&pokin::edit::Op::DeleteNode { id: "n1".into() }).unwrap();
    }
    let o = pokin(&["history", s(&file)]);
    let text = stdout(&o);
    assert!(text.contains("#1") && text.contains("Tambah simpul \"Meningkatnya Profesionalitas ASN\""), "{text}");
    assert!(text.contains("#2") && text.contains("Hapus simpul n1"), "{text}");
    assert_eq!(stdout(&pokin(&["undo", s(&file)])), "Dibatalkan: Hapus simpul n1\n");
    assert!(stdout(&pokin(&["history", s(&file)])).contains("Hapus simpul n1 (dibatalkan)"));
    assert_eq!(stdout(&pokin(&["redo", s(&file)])), "Diulang: Hapus simpul n1\n");
    assert_eq!(stdout(&pokin(&["redo", s(&file)])), "Tidak ada perubahan yang dapat diulang.\n");
    let o = pokin(&["snapshot", s(&file), "Rancangan 1"]);
    assert!(stdout(&o).starts_with("Versi \"Rancangan 1\" disimpan pada riwayat #2"), "{}", stdout(&o));
    assert!(stdout(&pokin(&["history", s(&file)])).contains("versi \"Rancangan 1\" pada #2"));
    // Export as it was after #1.
    let o = pokin(&["export", "json", s(&file), "--at", "1"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["tree"]["nodes"][0]["statement"], "Meningkatnya Profesionalitas ASN");
}

#[test]
fn apply_runs_any_edit_of_the_editor_as_one_history_step() {
    let dir = common::temp_dir();
    let file = dir.path().join("lumajang.pokin");
    assert!(pokin(&["import", s(&common::root().join("assets/samples/lumajang-bkd.json")), s(&file)]).status.success());
    // A decision after step 3 of the SOP, with both branches.
    let op = r#"{"op":"add_step","flow":"f1","before":"s4",
        "step":{"id":"s20","text":"Apakah berkas lengkap?","lane":"p2i","shape":"decision","yes":"s4","no":"s3"}}"#;
    let o = pokin(&["apply", s(&file), op]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Diterapkan: Tambah langkah \"Apakah berkas lengkap?\" (riwayat #1)\n");
    // From a file, too.
    let op_file = dir.path().join("proses.json");
    std::fs::write(&op_file, r#"{"op":"add_process","process":{"id":"","category":"support","name":"Terkelolanya Arsip"}}"#).unwrap();
    assert!(pokin(&["apply", s(&file), &format!("@{}", s(&op_file))]).status.success());
    let doc = pokin::interchange::json::from_str(&stdout(&pokin(&["export", "json", s(&file)])), "ekspor").unwrap();
    let steps = &doc.processes.flows[0].steps;
    assert_eq!(steps[3].id, "s20");
    assert_eq!((steps[3].number, steps[4].number), (Some(4), Some(5)), "renumbered like a numbered list");
    assert_eq!(steps[3].no.as_deref(), Some("s3"));
    assert_eq!(doc.processes.map.processes.last().unwrap().name, "Terkelolanya Arsip");
    // Undo takes back the last one.
    assert_eq!(stdout(&pokin(&["undo", s(&file)])), "Dibatalkan: Tambah proses \"Terkelolanya Arsip\"\n");

    // A misspelt operation and a missing step: clear messages, exit 2, nothing changed.
    let o = pokin(&["apply", s(&file), r#"{"op":"add_proces"}"#]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("pokin: operasi: op: operasi tidak dapat dibaca: nilai `add_proces` tidak dikenal (yang dikenal: "), "{}", stderr(&o));
    let o = pokin(&["apply", s(&file), r#"{"op":"delete_step","flow":"f1","id":"s99"}"#]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "pokin: Langkah `s99` tidak ada di dokumen\n");
}

#[test]
fn a_file_open_elsewhere_is_refused_with_a_message() {
    let dir = common::temp_dir();
    let file = dir.path().join("terbuka.pokin");
    assert!(pokin(&["new", s(&file), "--title", "T", "--period", "2025-2029"]).status.success());
    let held = pokin::store::DocFile::open(&file).unwrap();
    let o = pokin(&["undo", s(&file)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("berkas sedang dibuka oleh program lain"), "{}", stderr(&o));
    drop(held);
    // Another test thread may be between fork and exec with our descriptor
    // for a moment (it holds our flock until its exec closes it): retry briefly.
    let mut o = pokin(&["undo", s(&file)]);
    for _ in 0..20 {
        if o.status.success() || !stderr(&o).contains("sedang dibuka") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        o = pokin(&["undo", s(&file)]);
    }
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_input_names_the_place() {
    let dir = common::temp_dir();
    let o = pokin(&["new", "x.pokin", "--title", "T", "--period", "2029-2025"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tahun awal 2029 jatuh setelah tahun akhir 2025"), "{}", stderr(&o));
    let not_pokin = dir.path().join("catatan.pokin");
    std::fs::write(&not_pokin, "bukan basis data").unwrap();
    let o = pokin(&["validate", s(&not_pokin)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), format!("pokin: {}: bukan berkas Pokin Studio (.pokin)\n", not_pokin.display()));
    let o = pokin(&["import", "/tidak/ada.json", s(&dir.path().join("y.pokin"))]);
    assert_eq!(stderr(&o), "pokin: /tidak/ada.json: berkas tidak ditemukan\n");
}

#[test]
fn synth_makes_a_valid_sized_document() {
    let dir = common::temp_dir();
    let out = dir.path().join("synth.json");
    let o = pokin(&["synth", "--nodes", "500", "--flows", "2", "--seed", "5", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = common::read(&out);
    assert_eq!(doc.tree.nodes.len(), 500);
    assert_eq!(doc.processes.flows.len(), 2);
    let o = pokin(&["validate", s(&out), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}
