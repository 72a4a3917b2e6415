//! The `.pokin` file: round-trips, edits with undo/redo across reopen,
//! named versions, and clear errors for files that are not ours.

mod common;

use common::*;
use pokin::edit::Op;
use pokin::interchange::json;
use pokin::model::*;
use pokin::store::DocFile;
use pokin::Error;

#[test]
fn json_to_pokin_to_json_is_identity_for_samples_and_real_trees() {
    let files: Vec<_> = samples().into_iter().chain(real_trees()).collect();
    assert!(files.len() >= 5, "samples missing: {files:?}");
    let dir = temp_dir();
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = json::from_str(&text, &path.display().to_string()).unwrap();
        let file = dir.path().join(format!("{i}.pokin"));
        DocFile::create(&file, &doc).unwrap();
        let reopened = DocFile::open(&file).unwrap();
        assert_eq!(reopened.document(), &doc, "{}", path.display());
        let exported: serde_json::Value = serde_json::from_str(&json::to_string(reopened.document())).unwrap();
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(exported, without_empty(numbers_renamed(original)), "{}", path.display());
    }
}

/// An older file's step numbers (a numeric `no`) as this release writes them (`number`).
fn numbers_renamed(mut doc: serde_json::Value) -> serde_json::Value {
    let flows = doc.pointer_mut("/processes/flows").and_then(|f| f.as_array_mut());
    for step in flows.into_iter().flatten().filter_map(|f| f.get_mut("steps")?.as_array_mut()).flatten() {
        let Some(step) = step.as_object_mut() else { continue };
        if let Some(number) = step.get("no").filter(|n| n.is_number()).cloned() {
            step.remove("no");
            step.insert("number".into(), number);
        }
    }
    doc
}

fn lumajang() -> Document {
    read(&root().join("assets/samples/lumajang-bkd.json"))
}

fn child(statement: &str) -> Node {
    Node { statement: statement.into(), ..Default::default() }
}

#[test]
fn edits_undo_and_redo_across_reopen() {
    let dir = temp_dir();
    let path = dir.path().join("lumajang.pokin");
    let initial = lumajang();
    let mut file = DocFile::create(&path, &initial).unwrap();
    let parent = initial.tree.nodes[2].id.clone();

    let added = file
        .apply(&Op::AddNode { node: child("Meningkatnya Kualitas Data Kepegawaian"), parent: Some(parent.clone()), before: None })
        .unwrap()
        .unwrap();
    assert_eq!(added.seq, 1);
    assert_eq!(added.label, "Tambah simpul \"Meningkatnya Kualitas Data Kepegawaian\"");
    let new_id = file.document().tree.nodes.last().unwrap().id.clone();
    assert_eq!(file.document().primary_parent(&new_id), Some(parent.as_str()));
    assert_eq!(file.document().node(&new_id).unwrap().level, 3);

    let indicator = Indicator { name: "Persentase data pegawai valid".into(), unit: "Persen".into(), ..Default::default() };
    file.apply(&Op::AddIndicator { node: new_id.clone(), indicator }).unwrap().unwrap();
    let after_two = file.document().clone();
    drop(file);

    // Reopen: everything is there, and undo still reaches back.
    let mut file = DocFile::open(&path).unwrap();
    assert_eq!(file.document(), &after_two);
    assert_eq!(file.history().unwrap().len(), 2);
    assert_eq!(file.undo().unwrap().as_deref(), Some("Tambah indikator \"Persentase data pegawai valid\""));
    assert_eq!(file.undo().unwrap().as_deref(), Some("Tambah simpul \"Meningkatnya Kualitas Data Kepegawaian\""));
    assert_eq!(file.undo().unwrap(), None);
    assert_eq!(file.document(), &initial);
    drop(file);

    let mut file = DocFile::open(&path).unwrap();
    assert_eq!(file.document(), &initial);
    let history = file.history().unwrap();
    assert!(history.iter().all(|e| e.undone));
    assert!(file.redo().unwrap().is_some());
    assert!(file.redo().unwrap().is_some());
    assert_eq!(file.redo().unwrap(), None);
    assert_eq!(file.document(), &after_two);

    // Any earlier state can be rebuilt.
    assert_eq!(file.state_at(0).unwrap(), initial);
    assert_eq!(file.state_at(2).unwrap(), after_two);

    // A new edit after undo drops the undone branch.
    file.undo().unwrap();
    file.apply(&Op::UpdateDocument { document: DocumentMeta { title: "Judul baru".into(), ..initial.document.clone() } })
        .unwrap();
    let labels: Vec<String> = file.history().unwrap().into_iter().map(|e| e.label).collect();
    assert_eq!(labels, ["Tambah simpul \"Meningkatnya Kualitas Data Kepegawaian\"", "Ubah data dokumen"]);
    assert!(!file.can_redo());
}

#[test]
fn delete_node_takes_its_subtree_and_undo_brings_it_back() {
    let dir = temp_dir();
    let path = dir.path().join("hapus.pokin");
    let initial = lumajang();
    let mut file = DocFile::create(&path, &initial).unwrap();
    // n3 is a level-3 node with level-4 children and activities below them.
    let before = file.document().tree.nodes.len();
    file.apply(&Op::DeleteNode { id: "n3".into() }).unwrap().unwrap();
    let after = file.document();
    assert!(after.tree.nodes.len() < before - 1, "the subtree went too");
    assert!(after.tree.links.iter().all(|l| after.node(&l.from).is_some()));
    assert!(after.processes.map.processes.iter().all(|p| p.nodes.iter().all(|n| after.node(n).is_some())));
    drop(file);
    let mut file = DocFile::open(&path).unwrap();
    file.undo().unwrap();
    assert_eq!(file.document(), &initial);
}

#[test]
fn refused_edits_change_nothing() {
    let dir = temp_dir();
    let path = dir.path().join("tolak.pokin");
    let initial = lumajang();
    let mut file = DocFile::create(&path, &initial).unwrap();
    // n3 is at level 3; n1 at level 1: not the level above.
    let err = file.apply(&Op::MoveNode { id: "n3".into(), parent: Some("n1".into()), before: None }).unwrap_err();
    assert!(matches!(err, Error::Refused(_)));
    assert!(err.to_string().contains("induknya harus di level 2"), "{err}");
    let err = file.apply(&Op::AddNode { node: Node { id: "n0".into(), ..child("x") }, parent: None, before: None }).unwrap_err();
    assert_eq!(err.to_string(), "id simpul `n0` sudah dipakai; pilih id lain");
    // A batch that fails half-way leaves nothing behind.
    let batch = Op::Batch {
        label: "Dua langkah".into(),
        ops: vec![
            Op::AddNode { node: child("Tersedianya data"), parent: Some("n3".into()), before: None },
            Op::DeleteNode { id: "tidak-ada".into() },
        ],
    };
    assert_eq!(file.apply(&batch).unwrap_err().to_string(), "Simpul `tidak-ada` tidak ada di dokumen");
    assert_eq!(file.document(), &initial);
    assert!(file.history().unwrap().is_empty());
    drop(file);
    assert_eq!(DocFile::open(&path).unwrap().document(), &initial);
}

#[test]
fn move_node_to_a_new_parent_and_reorder() {
    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("pindah.pokin"), &lumajang()).unwrap();
    // n7 (level 4) under n3; move it under n4.
    let old_parent = file.document().primary_parent("n7").unwrap().to_string();
    assert_ne!(old_parent, "n4");
    file.apply(&Op::MoveNode { id: "n7".into(), parent: Some("n4".into()), before: Some("n3".into()) }).unwrap().unwrap();
    let doc = file.document();
    assert_eq!(doc.primary_parent("n7"), Some("n4"));
    assert_eq!(doc.tree.links.iter().filter(|l| l.from == "n7").count(), 1);
    let order: Vec<&str> = doc.tree.nodes.iter().map(|n| n.id.as_str()).collect();
    let (at7, at3) = (order.iter().position(|i| *i == "n7").unwrap(), order.iter().position(|i| *i == "n3").unwrap());
    assert_eq!(at7 + 1, at3);
    file.undo().unwrap();
    assert_eq!(file.document(), &lumajang());
}

#[test]
fn steps_are_renumbered_like_a_numbered_list_and_undo_restores() {
    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("langkah.pokin"), &lumajang()).unwrap();
    let numbers = |file: &DocFile| -> Vec<(String, Option<u32>)> {
        file.document().processes.flows[0].steps.iter().map(|s| (s.id.clone(), s.number)).collect()
    };
    let step = Step { text: "Memverifikasi berkas".into(), lane: "p2i".into(), shape: Shape::Process, ..Default::default() };
    file.apply(&Op::AddStep { flow: "f1".into(), step, before: Some("s4".into()) }).unwrap().unwrap();
    let after_add = numbers(&file);
    assert_eq!(after_add.len(), 12);
    assert_eq!(after_add[3], ("s12".to_string(), Some(4)));
    assert_eq!(after_add[4], ("s4".to_string(), Some(5)));
    assert!(after_add.iter().enumerate().all(|(i, (_, n))| *n == Some(i as u32 + 1)));
    file.apply(&Op::MoveStep { flow: "f1".into(), id: "s1".into(), before: None }).unwrap().unwrap();
    assert_eq!(numbers(&file).last().unwrap(), &("s1".to_string(), Some(12)));
    file.apply(&Op::DeleteStep { flow: "f1".into(), id: "s2".into() }).unwrap().unwrap();
    assert!(numbers(&file).iter().enumerate().all(|(i, (_, n))| *n == Some(i as u32 + 1)));
    // Each was one edit: three undos bring the sample back.
    for _ in 0..3 {
        file.undo().unwrap();
    }
    assert_eq!(file.document(), &lumajang());
}

#[test]
fn named_versions() {
    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("versi.pokin"), &lumajang()).unwrap();
    let first = file.snapshot("Rancangan awal").unwrap();
    assert_eq!(first.seq, 0);
    assert_eq!(first.fingerprint, json::fingerprint(&lumajang()));
    file.apply(&Op::DeleteNode { id: "n19".into() }).unwrap();
    file.snapshot("Sesudah reviu").unwrap();
    let names: Vec<String> = file.snapshots().unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Rancangan awal", "Sesudah reviu"]);
    assert_eq!(file.snapshot("Rancangan awal").unwrap_err().to_string(), "Versi bernama \"Rancangan awal\" sudah ada; pilih nama lain");
    assert_eq!(file.snapshot_document("Rancangan awal").unwrap(), lumajang());
}

#[test]
fn fingerprint_ignores_key_order_and_whitespace() {
    let doc = lumajang();
    let reformatted = serde_json::to_string(&serde_json::to_value(&doc).unwrap()).unwrap();
    let again = json::from_str(&reformatted, "x").unwrap();
    assert_eq!(json::fingerprint(&doc), json::fingerprint(&again));
    assert_eq!(json::fingerprint(&doc).len(), 64);
}

// --- files that are not (good) .pokin files --------------------------------

fn open_err(path: &std::path::Path) -> String {
    match DocFile::open(path) {
        Ok(_) => panic!("{} opened", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn missing_empty_and_foreign_files() {
    let dir = temp_dir();
    let p = dir.path().join("tidak-ada.pokin");
    assert_eq!(open_err(&p), format!("{}: berkas tidak ditemukan", p.display()));

    let p = dir.path().join("kosong.pokin");
    std::fs::write(&p, b"").unwrap();
    assert_eq!(open_err(&p), format!("{}: bukan berkas Pokin Studio (.pokin) (berkas kosong)", p.display()));

    let p = dir.path().join("teks.pokin");
    std::fs::write(&p, "Pohon kinerja di Excel").unwrap();
    assert_eq!(open_err(&p), format!("{}: bukan berkas Pokin Studio (.pokin)", p.display()));

    let p = dir.path().join("lain.pokin");
    let conn = rusqlite::Connection::open(&p).unwrap();
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    drop(conn);
    assert_eq!(open_err(&p), format!("{}: bukan berkas Pokin Studio (.pokin) (basis data SQLite milik program lain)", p.display()));
}

#[test]
fn corrupt_file_gets_a_clear_message() {
    let dir = temp_dir();
    let p = dir.path().join("rusak.pokin");
    let doc = pokin::synth::generate(&pokin::synth::Options { nodes: 400, flows: 1, seed: 3 });
    drop(DocFile::create(&p, &doc).unwrap());
    // Overwrite pages in the middle of the file with noise.
    let mut bytes = std::fs::read(&p).unwrap();
    assert!(bytes.len() > 64 * 1024, "{}", bytes.len());
    for (i, b) in bytes[8192..40960].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(&p, &bytes).unwrap();
    let message = open_err(&p);
    assert!(
        message.starts_with(&format!("{}: berkas rusak dan tidak dapat dibuka", p.display())),
        "{message}"
    );
}

#[test]
fn newer_schema_opens_read_only() {
    let dir = temp_dir();
    let p = dir.path().join("baru.pokin");
    drop(DocFile::create(&p, &lumajang()).unwrap());
    let conn = rusqlite::Connection::open(&p).unwrap();
    conn.pragma_update(None, "user_version", pokin::store::SCHEMA_VERSION + 1).unwrap();
    drop(conn);
    let mut file = DocFile::open(&p).unwrap();
    assert_eq!(file.document(), &lumajang());
    let reason = file.read_only().unwrap().to_string();
    let newer = format!("dibuat oleh Pokin Studio yang lebih baru (skema {}", pokin::store::SCHEMA_VERSION + 1);
    assert!(reason.starts_with(&newer), "{reason}");
    let err = file.apply(&Op::DeleteNode { id: "n1".into() }).unwrap_err();
    assert_eq!(err.to_string(), format!("{}: berkas dibuka hanya-baca: {reason}", p.display()));
    assert!(file.undo().is_err());
}

#[test]
fn second_writer_is_told_the_file_is_open() {
    let dir = temp_dir();
    let p = dir.path().join("kunci.pokin");
    let first = DocFile::create(&p, &lumajang()).unwrap();
    let message = open_err(&p);
    assert_eq!(
        message,
        format!("{}: berkas sedang dibuka oleh program lain (Pokin Studio atau perintah pokin). Tutup dulu di sana, lalu coba lagi.", p.display())
    );
    assert!(DocFile::open_read_only(&p).is_err());
    drop(first);
    DocFile::open(&p).unwrap();
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = temp_dir();
    let p = dir.path().join("ada.pokin");
    std::fs::write(&p, "isi penting").unwrap();
    let err = DocFile::create(&p, &lumajang()).err().unwrap();
    assert_eq!(err.to_string(), format!("{}: berkas sudah ada; pilih nama lain atau hapus dulu", p.display()));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "isi penting");
}

#[test]
fn save_copy_keeps_document_and_history() {
    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("asli.pokin"), &lumajang()).unwrap();
    file.apply(&Op::DeleteNode { id: "n19".into() }).unwrap();
    let copy = dir.path().join("salinan.pokin");
    file.save_copy(&copy).unwrap();
    let mut copied = DocFile::open(&copy).unwrap();
    assert_eq!(copied.document(), file.document());
    assert_eq!(copied.history().unwrap().len(), 1);
    copied.undo().unwrap();
    assert_eq!(copied.document(), &lumajang());
    assert!(file.save_copy(&copy).unwrap_err().to_string().contains("berkas sudah ada"));
}
