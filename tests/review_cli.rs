//! The reviewers' round trip from the command line: review copies,
//! comments, compare and three-way merge (issue #11's CLI contract).

mod common;

use common::{ok, pokin, s};

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// The Lumajang sample as a `.pokin` in `dir`.
fn plan(dir: &Path) -> PathBuf {
    let json = dir.join("lumajang.json");
    std::fs::write(&json, pokin::samples::find("lumajang-bkd").unwrap().json).unwrap();
    let file = dir.join("lumajang.pokin");
    ok(&["import", s(&json), s(&file)]);
    file
}

/// Rewrites node `id`'s statement in `file` through `pokin apply`.
fn rewrite(file: &Path, id: &str, statement: &str) {
    let doc: Value = serde_json::from_str(&ok(&["export", "json", s(file)])).unwrap();
    let mut node = doc["tree"]["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).unwrap().clone();
    node["statement"] = statement.into();
    ok(&["apply", s(file), &serde_json::json!({ "op": "update_node", "node": node }).to_string()]);
}

fn statement(file: &Path, id: &str) -> String {
    let doc: Value = serde_json::from_str(&ok(&["export", "json", s(file)])).unwrap();
    doc["tree"]["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).unwrap()["statement"].as_str().unwrap().to_string()
}

fn comment_count(file: &Path) -> usize {
    let o = pokin(&["comments", s(file), "--format", "json"]);
    json_of(&o)["comments"].as_array().unwrap().len()
}

#[test]
fn review_copy_comments_and_merge_back() {
    let dir = common::temp_dir();
    let file = plan(dir.path());
    let copy = dir.path().join("reviu-inspektorat.pokin");
    let out = ok(&["review-copy", s(&file), "-o", s(&copy), "--reviewer", "Inspektorat"]);
    assert!(out.contains("versi dasar \"Dasar reviu Inspektorat"), "{out}");

    // The reviewer comments on a node, a link and a flow step, and rewrites a statement.
    ok(&["comment", s(&copy), "--on", "node:n3", "--text", "Indikator belum mengukur kondisi", "--author", "Budi", "--role", "Inspektorat"]);
    ok(&["comment", s(&copy), "--on", "link:n3/n1", "--text", "Justifikasi keterkaitan belum ada", "--author", "Budi"]);
    ok(&["comment", s(&copy), "--on", "step:f1/s1", "--text", "Waktu terlalu lama", "--author", "Budi", "--round", "2"]);
    rewrite(&copy, "n3", "Meningkatnya kualitas layanan kepegawaian");
    let listed = ok(&["comments", s(&copy)]);
    assert!(listed.contains("[Terbuka]") && listed.contains("Reviu ke-2") && listed.contains("Waktu terlalu lama"), "{listed}");

    // Preview: the rewrite, three new comments, no conflict.
    let o = pokin(&["merge", s(&file), s(&copy), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let report = json_of(&o);
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{report}");
    assert_eq!(changes[0]["kind"], "changed");
    assert_eq!(changes[0]["entity"], "node");
    assert_eq!(changes[0]["id"], "n3");
    assert_eq!(changes[0]["fields"]["statement"]["new"], "Meningkatnya kualitas layanan kepegawaian");
    assert_eq!(report["comments"]["new"], 3);
    assert_eq!(comment_count(&file), 0, "a preview changes nothing");

    // Only the comments.
    ok(&["merge", s(&file), s(&copy), "--accept", "none"]);
    assert_eq!(comment_count(&file), 3);
    assert_ne!(statement(&file, "n3"), "Meningkatnya kualitas layanan kepegawaian");
    // Then everything; merging again adds nothing.
    ok(&["merge", s(&file), s(&copy), "--accept", "all"]);
    ok(&["merge", s(&file), s(&copy), "--accept", "all"]);
    assert_eq!(comment_count(&file), 3);
    assert_eq!(statement(&file, "n3"), "Meningkatnya kualitas layanan kepegawaian");
    // One history step, undone as one.
    ok(&["undo", s(&file)]);
    assert_ne!(statement(&file, "n3"), "Meningkatnya kualitas layanan kepegawaian");
    assert_eq!(comment_count(&file), 3);
}

#[test]
fn both_changing_a_statement_is_a_conflict_with_both_texts() {
    let dir = common::temp_dir();
    let file = plan(dir.path());
    let copy = dir.path().join("reviu.pokin");
    ok(&["review-copy", s(&file), "-o", s(&copy), "--reviewer", "Bappeda"]);
    rewrite(&file, "n3", "Versi perencana");
    rewrite(&copy, "n3", "Versi Bappeda");
    let o = pokin(&["merge", s(&file), s(&copy), "--accept", "all", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "conflicts remain");
    let report = json_of(&o);
    let conflict = &report["conflicts"][0];
    assert_eq!((conflict["entity"].as_str(), conflict["id"].as_str(), conflict["field"].as_str()), (Some("node"), Some("n3"), Some("statement")));
    assert_eq!((conflict["ours"].as_str(), conflict["theirs"].as_str()), (Some("Versi perencana"), Some("Versi Bappeda")));
    assert_eq!(statement(&file, "n3"), "Versi perencana");
    // Nothing lost: the reviewer's text is kept in a review note on the node.
    let notes = ok(&["comments", s(&file)]);
    assert!(notes.contains("\"Versi Bappeda\""), "{notes}");
}

#[test]
fn a_copy_without_base_or_not_a_copy_exits_2() {
    let dir = common::temp_dir();
    let file = plan(dir.path());
    let other = plan(&{
        let d = dir.path().join("lain");
        std::fs::create_dir(&d).unwrap();
        d
    });
    let o = pokin(&["merge", s(&file), s(&other)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bukan salinan reviu"));
    let copy = dir.path().join("salinan.pokin");
    ok(&["review-copy", s(&other), "-o", s(&copy), "--reviewer", "X"]);
    ok(&["snapshot", s(&file), "Versi lain"]);
    let o = pokin(&["merge", s(&file), s(&copy)]);
    // The same sample gives the same fingerprint, but the base's name is not in this file.
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak ada di"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn diff_between_files_versions_and_history() {
    let dir = common::temp_dir();
    let file = plan(dir.path());
    ok(&["snapshot", s(&file), "Awal"]);
    rewrite(&file, "n3", "Pernyataan baru");
    let text = ok(&["diff", &format!("{}@Awal", s(&file)), s(&file)]);
    assert!(text.contains("✎ node:n3 diubah") && text.contains("→ \"Pernyataan baru\""), "{text}");
    let o = pokin(&["diff", &format!("{}@0", s(&file)), s(&file), "--format", "json"]);
    let changes = json_of(&o)["changes"].as_array().unwrap().clone();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["key"], "node:n3");
    let json = dir.path().join("lumajang.json");
    let text = ok(&["diff", s(&json), &format!("{}@Awal", s(&file))]);
    assert_eq!(text, "Tidak ada perbedaan.\n");
}

#[test]
fn a_final_document_takes_comments_and_keeps_its_fingerprint() {
    let dir = common::temp_dir();
    let file = plan(dir.path());
    ok(&["final", s(&file), "--name", "Renstra ditetapkan"]);
    let pdf = dir.path().join("pohon.pdf");
    ok(&["export", "pdf", s(&file), "-o", s(&pdf)]);
    ok(&["comment", s(&file), "--on", "node:n3", "--text", "Catatan sesudah penetapan"]);
    assert!(ok(&["verify", s(&file), s(&pdf)]).starts_with("YA"));
    let o = pokin(&["apply", s(&file), r#"{"op":"delete_node","id":"n3"}"#]);
    assert_eq!(o.status.code(), Some(2), "the plan stays frozen");
}
