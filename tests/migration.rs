//! Files written by earlier releases open in this one: the forward
//! migrations run on real files kept in tests/fixtures/files.

mod common;

use pokin::interchange::json;
use pokin::store::{DocFile, SCHEMA_VERSION};

/// A working copy of a fixture file (the fixture itself stays as written).
fn copy_of(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = common::temp_dir();
    let path = dir.path().join(name);
    std::fs::copy(common::root().join("tests/fixtures/files").join(name), &path).unwrap();
    (dir, path)
}

#[test]
fn a_schema_1_file_migrates_to_step_numbers_of_their_own() {
    let (_dir, path) = copy_of("lumajang-skema1.pokin");
    let mut file = DocFile::open(&path).unwrap();
    assert_eq!(file.read_only(), None);
    let step = |file: &DocFile, id: &str| file.document().flow("f1").unwrap().steps.iter().find(|s| s.id == id).unwrap().clone();
    let decision = step(&file, "s3a");
    assert_eq!((decision.number, decision.no.as_deref(), decision.yes.as_deref()), (Some(4), Some("s3"), Some("s4")));
    assert_eq!(decision.text, "Apakah formasi sudah disetujui Kepala Badan?");

    // The stored rows are plain JSON now: number and branch under two keys.
    let exported: serde_json::Value = serde_json::from_str(&json::to_string(file.document())).unwrap();
    let s3a = &exported["processes"]["flows"][0]["steps"][3];
    assert_eq!((s3a["number"].as_u64(), s3a["no"].as_str()), (Some(4), Some("s3")));

    // The history migrated too: undo brings back the earlier text with its number.
    file.undo().unwrap();
    let before = step(&file, "s3a");
    assert_eq!((before.text.as_str(), before.number, before.no.as_deref()), ("Apakah formasi disetujui?", Some(4), Some("s3")));
    file.redo().unwrap();

    // Fingerprints made before the migration still match the document.
    let versions = file.snapshots().unwrap();
    assert_eq!(versions.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(), ["Rancangan awal", "Dengan keputusan"]);
    let at_3 = file.state_at(3).unwrap();
    assert_eq!(json::fingerprint(&at_3), versions[1].fingerprint);
    assert_eq!(json::fingerprint(&file.state_at(0).unwrap()), versions[0].fingerprint);
    assert_eq!(file.snapshot_document("Dengan keputusan").unwrap(), at_3);
    drop(file);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let data: String = conn.query_row("SELECT data FROM step WHERE id = 's3a'", [], |r| r.get(0)).unwrap();
    assert!(data.contains(r#""number":4"#) && data.matches(r#""no":"#).count() == 1, "{data}");
}

#[test]
fn a_schema_1_file_reads_read_only_without_being_changed() {
    let (_dir, path) = copy_of("lumajang-skema1.pokin");
    let before = std::fs::read(&path).unwrap();
    let file = DocFile::open_read_only(&path).unwrap();
    let s3a = file.document().flow("f1").unwrap().steps.iter().find(|s| s.id == "s3a").unwrap().clone();
    assert_eq!((s3a.number, s3a.no.as_deref()), (Some(4), Some("s3")));
    drop(file);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A schema 3 file (the release before realisasi left the fingerprint) with
/// a final version signed then: made by this release, then put back the
/// way schema 3 kept it — no plan fingerprint, the fingerprint taken with
/// the realisasi.
fn schema_3_final_waykanan() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = common::temp_dir();
    let path = dir.path().join("waykanan-skema3.pokin");
    let doc = pokin::samples::find("waykanan-bkpsdm").unwrap().document();
    DocFile::create(&path, &doc).unwrap().mark_final("Renstra 2021-2026").unwrap();
    let old = json::fingerprint_with_monitoring(&DocFile::open_read_only(&path).unwrap().document().clone());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("ALTER TABLE snapshot DROP COLUMN plan_fingerprint; PRAGMA user_version = 3;").unwrap();
    conn.execute("UPDATE snapshot SET fingerprint = ?1", [&old]).unwrap();
    drop(conn);
    (dir, path, old)
}

#[test]
fn a_schema_3_final_version_keeps_its_printouts_and_takes_realisasi() {
    let (_dir, path, old) = schema_3_final_waykanan();
    let mut file = DocFile::open(&path).unwrap();
    let plan = json::fingerprint(file.document());
    assert_ne!(plan, old, "the sample has realisasi: the two forms differ");
    // A printout made before the migration (the old fingerprint) and one made now (the plan's) both name the version.
    assert_eq!(file.final_version(&old).unwrap().unwrap().name, "Renstra 2021-2026");
    assert_eq!(file.final_version(&plan).unwrap().unwrap().name, "Renstra 2021-2026");
    // Realisasi entered after the migration leave the version identified.
    let op: pokin::edit::Op =
        serde_json::from_str(r#"{"op": "set_realisasi", "node": "n1", "indicator": "i1", "year": 2024, "value": 75.2}"#).unwrap();
    file.apply(&op).unwrap().unwrap();
    let (fingerprint, version) = file.identify(file.document()).unwrap();
    assert_eq!((fingerprint, version.as_deref()), (plan, Some("Renstra 2021-2026")));
    drop(file);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}
