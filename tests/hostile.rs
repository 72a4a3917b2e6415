//! Hostile files (issue 16, Trials): every way in — the CLI (`validate`,
//! `export json`, `history`, `apply`, `import … --layout iku`) and the
//! library (`DocFile::open`, `open_read_only`, `open_or_import`,
//! `sheet::import`) — meets a damaged, foreign, newer, read-only, misnamed
//! or mistyped file without a panic, says what is wrong in Indonesian
//! (exit 2 where the file cannot be read), and never changes the input:
//! its SHA-256 is the same afterwards and nothing new appears beside it
//! (except where a writable open is documented to change the file: a
//! left-over WAL is folded in, a hot journal rolled back).
//!
//! Already covered elsewhere, so not repeated here:
//! - foreign SQLite database: every CLI command refused, bytes identical,
//!   nothing beside it — `integrity.rs::foreign_sqlite_files_stay_byte_identical`;
//!   `DocFile::open` message — `store.rs::missing_empty_and_foreign_files`.
//! - empty file and a text file named `.pokin` (`DocFile::open` message):
//!   `store.rs::missing_empty_and_foreign_files` (the other ways in: below).
//! - pages overwritten with noise (`DocFile::open` message):
//!   `store.rs::corrupt_file_gets_a_clear_message` (the other ways in, and
//!   the hash: below); damaged rows: `integrity.rs::messages_name_the_file_in_indonesian`.
//! - newer schema through `DocFile::open` (read-only with the reason, edits
//!   refused): `store.rs::newer_schema_opens_read_only` (CLI and hash: below).
//! - left-over WAL through the library (read, then folded in on a writable
//!   open): `integrity.rs::a_file_written_in_wal_mode_is_folded_into_one_file`
//!   (the CLI's readers: below).
//! - read-only file / folder / medium through `DocFile::open`:
//!   `integrity.rs::a_read_only_file_opens_read_only_with_the_reason`,
//!   `a_file_in_a_read_only_folder_opens_read_only`,
//!   `a_file_on_a_read_only_medium_opens_read_only` (the CLI: below). The
//!   app honours permission bits itself (`store/files.rs::write_refusal`),
//!   so a chmod is enough even for root.
//! - a directory through `DocFile::open`, `DocFile::create`, `json::read`:
//!   `integrity.rs::messages_name_the_file_in_indonesian` (the rest: below).
//! - read-only commands leave nothing beside a good file:
//!   `integrity.rs::read_only_commands_leave_nothing_beside_the_file`.

mod common;

use common::*;
use pokin::interchange::sheet::{self, ImportOptions, LayoutKind};
use pokin::store::{open_or_import, DocFile};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SAMPLE: &str = "assets/samples/lumajang-bkd.json";
const NAME: &str = "Pohon Kinerja Dinas PU – Bidang Bina Marga (révisi)";

/// A file's SHA-256, or `None` for a folder.
fn sha(path: &Path) -> Option<Vec<u8>> {
    if path.is_dir() {
        return None;
    }
    Some(Sha256::digest(std::fs::read(path).unwrap()).to_vec())
}

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// The input as it was: its hash and what lay beside it.
struct Untouched {
    path: PathBuf,
    hash: Option<Vec<u8>>,
    beside: BTreeSet<String>,
}

impl Untouched {
    fn new(path: &Path) -> Untouched {
        Untouched { path: path.to_path_buf(), hash: sha(path), beside: listing(path.parent().unwrap()) }
    }

    fn check(&self, what: &str) {
        assert_eq!(sha(&self.path), self.hash, "{what}: {} changed", self.path.display());
        assert_eq!(listing(self.path.parent().unwrap()), self.beside, "{what}: files appeared or went beside {}", self.path.display());
    }
}

/// Runs the CLI: exit code and standard error.
fn cli(args: &[&str]) -> (Option<i32>, String) {
    let o = pokin(args);
    (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn has_any(message: &str, words: &[&str]) -> bool {
    words.iter().any(|w| message.contains(w))
}

fn iku() -> ImportOptions {
    ImportOptions { layout: LayoutKind::Iku, sheet: None, header_rows: None, include_hidden: false, mapping: None, year: None }
}

/// A good `.pokin` of the sample, at `path`.
fn good(path: &Path) {
    drop(DocFile::create(path, &read(&root().join(SAMPLE))).unwrap());
}

/// Every way in refuses `path` with one of `words` in the message (CLI:
/// exit 2, "pokin: <file>: …"), and the file and its folder stay as they were.
fn refused_everywhere(path: &Path, words: &[&str]) {
    let input = Untouched::new(path);
    let out_dir = temp_dir();
    let out = out_dir.path().join("keluar.json");
    let p = s(path);
    for (what, result) in [
        ("DocFile::open", DocFile::open(path).map(|_| ())),
        ("DocFile::open_read_only", DocFile::open_read_only(path).map(|_| ())),
        ("open_or_import", open_or_import(path).map(|_| ())),
    ] {
        let message = result.expect_err(what).to_string();
        assert!(message.starts_with(&format!("{}: ", path.display())), "{what}: {message}");
        assert!(has_any(&message, words), "{what} on {}: {message}", path.display());
        input.check(what);
    }
    for args in [
        vec!["validate", p],
        vec!["export", "json", p, "-o", s(&out)],
        vec!["history", p],
        vec!["apply", p, r#"{"op":"delete_node","id":"n1"}"#],
    ] {
        let (code, said) = cli(&args);
        assert_eq!(code, Some(2), "{args:?}: {said}");
        assert!(said.starts_with(&format!("pokin: {}: ", path.display())) && has_any(&said, words), "{args:?}: {said}");
        assert!(!said.contains("panicked"), "{args:?}: {said}");
        input.check(&format!("{args:?}"));
    }
    assert!(!out.exists(), "nothing exported from {}", path.display());
}

// ------------------------------------------------------------ damaged files

#[test]
fn truncated_files_are_refused_and_left_as_they_were() {
    let dir = temp_dir();
    let whole = dir.path().join("utuh.pokin");
    good(&whole);
    let bytes = std::fs::read(&whole).unwrap();
    let len = bytes.len();
    assert!(len > 8 * 4096, "{len}");
    for cut in [1, 16, 99, 100, 1024, 4096, 4096 + 100, len / 2, len - 4096, len - 1] {
        let folder = dir.path().join(format!("potong-{cut}"));
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("terpotong.pokin");
        std::fs::write(&path, &bytes[..cut]).unwrap();
        refused_everywhere(&path, &["bukan berkas Pokin Studio", "berkas rusak"]);
    }
}

#[test]
fn overwritten_pages_are_refused_by_every_way_in() {
    let dir = temp_dir();
    let path = dir.path().join("tertimpa.pokin");
    good(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    for (i, b) in bytes[mid - 4096..mid + 4096].iter_mut().enumerate() {
        *b = (i * 131 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    refused_everywhere(&path, &["berkas rusak"]);
}

#[test]
fn an_empty_file_and_a_text_file_are_refused_by_every_way_in() {
    let dir = temp_dir();
    let empty = dir.path().join("kosong.pokin");
    std::fs::write(&empty, b"").unwrap();
    refused_everywhere(&empty, &["bukan berkas Pokin Studio (.pokin) (berkas kosong)"]);
    let text = dir.path().join("catatan.pokin");
    std::fs::write(&text, "Pohon kinerja di Excel, bukan di sini\n").unwrap();
    refused_everywhere(&text, &["bukan berkas Pokin Studio (.pokin)"]);
}

#[test]
fn a_folder_given_as_the_path_is_named_a_folder() {
    let dir = temp_dir();
    let folder = dir.path().join("Renstra.pokin");
    std::fs::create_dir(&folder).unwrap();
    refused_everywhere(&folder, &["ini sebuah folder"]);
    // A folder named like a JSON or a workbook.
    let json_folder = dir.path().join("Renstra.json");
    std::fs::create_dir(&json_folder).unwrap();
    let before = Untouched::new(&json_folder);
    let message = open_or_import(&json_folder).unwrap_err().to_string();
    assert!(message.contains("ini sebuah folder"), "{message}");
    let (code, said) = cli(&["validate", s(&json_folder)]);
    assert_eq!(code, Some(2));
    assert!(said.contains("ini sebuah folder"), "{said}");
    before.check("a folder named .json");
    let xlsx_folder = dir.path().join("Renstra.xlsx");
    std::fs::create_dir(&xlsx_folder).unwrap();
    let before = Untouched::new(&xlsx_folder);
    let message = sheet::import(&xlsx_folder, &iku(), None).map(|_| ()).unwrap_err().to_string();
    assert!(message.contains("folder"), "{message}");
    let out = dir.path().join("hasil.pokin");
    let (code, said) = cli(&["import", s(&xlsx_folder), s(&out), "--layout", "iku"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("folder"), "{said}");
    assert!(!out.exists());
    before.check("a folder named .xlsx");
}

// ---------------------------------------------- files that open read-only

/// The CLI's readers read `path`, `apply` is refused with the reason; the
/// file and its folder stay as they were.
fn read_only_everywhere(path: &Path, reason: &[&str]) {
    let input = Untouched::new(path);
    let out_dir = temp_dir();
    let out = out_dir.path().join("keluar.json");
    let p = s(path);
    for args in [vec!["validate", p], vec!["export", "json", p, "-o", s(&out)], vec!["history", p]] {
        let (code, said) = cli(&args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {said}");
        input.check(&format!("{args:?}"));
    }
    assert_eq!(read(&out), read(&root().join(SAMPLE)), "exported as it is");
    let (code, said) = cli(&["apply", p, r#"{"op":"delete_node","id":"n1"}"#]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("berkas dibuka hanya-baca") && has_any(&said, reason), "{said}");
    input.check("apply");
    let reader = DocFile::open_read_only(path).unwrap();
    assert_eq!(reader.document(), &read(&root().join(SAMPLE)));
    drop(reader);
    let opened = open_or_import(path).unwrap();
    assert!(has_any(opened.read_only().expect("read-only"), reason), "{:?}", opened.read_only());
    drop(opened);
    input.check("open_or_import");
}

#[test]
fn a_newer_schema_is_read_by_the_cli_and_never_written() {
    let dir = temp_dir();
    let path = dir.path().join("baru.pokin");
    good(&path);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", pokin::store::SCHEMA_VERSION + 1).unwrap();
    drop(conn);
    read_only_everywhere(&path, &["lebih baru"]);
}

#[test]
fn a_read_only_file_is_read_by_the_cli_and_never_written() {
    let dir = temp_dir();
    let path = dir.path().join("reviu.pokin");
    good(&path);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    read_only_everywhere(&path, &["ditandai hanya-baca"]);
}

#[cfg(unix)]
#[test]
fn a_file_in_a_read_only_folder_is_read_by_the_cli_and_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let folder = dir.path().join("cd");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("reviu.pokin");
    good(&path);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = std::panic::catch_unwind(|| read_only_everywhere(&path, &["folder atau media penyimpanannya tidak boleh ditulis"]));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

// ------------------------------------------------------- left-overs beside

/// A file of the previous release in WAL mode, copied with its `-wal`
/// (an edit: n1 "Dari WAL") into `dir/lama/` while the writer still held it.
fn left_over_wal(dir: &Path) -> PathBuf {
    let original = dir.join("asal.pokin");
    good(&original);
    let lama = dir.join("lama");
    std::fs::create_dir(&lama).unwrap();
    let path = lama.join("lama.pokin");
    let conn = rusqlite::Connection::open(&original).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute("UPDATE node SET data = json_set(data, '$.statement', 'Dari WAL') WHERE id = 'n1'", []).unwrap();
    std::fs::copy(&original, &path).unwrap();
    std::fs::copy(dir.join("asal.pokin-wal"), lama.join("lama.pokin-wal")).unwrap();
    path
}

/// A file of the previous release in WAL mode with its `-wal` left beside:
/// the CLI's readers read the pending edit and write nothing anywhere.
#[test]
fn a_left_over_wal_is_read_by_the_cli_without_a_byte_written() {
    let dir = temp_dir();
    let path = left_over_wal(dir.path());
    let lama = path.parent().unwrap().to_path_buf();
    let hash = sha(&path);
    let wal_hash = sha(&lama.join("lama.pokin-wal"));
    let out = dir.path().join("keluar.json");
    for args in [vec!["validate", s(&path)], vec!["export", "json", s(&path), "-o", s(&out)], vec!["history", s(&path)]] {
        let (code, said) = cli(&args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {said}");
        assert_eq!(sha(&path), hash, "{args:?}");
        assert_eq!(sha(&lama.join("lama.pokin-wal")), wal_hash, "{args:?}: the -wal");
        // (SQLite leaves a -shm beside it: see `reading_a_left_over_wal_leaves_no_shm`.)
    }
    assert_eq!(read(&out).node("n1").unwrap().statement, "Dari WAL");
    // A writable open folds the WAL in (documented), and then nothing is beside it.
    let (code, said) = cli(&["apply", s(&path), r#"{"op":"delete_node","id":"n9999"}"#]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("`n9999` tidak ada di dokumen"), "{said}");
    // (The -shm the readers left stays too: the same finding.)
    assert!(!listing(&lama).contains("lama.pokin-wal"), "{:?}", listing(&lama));
    assert_eq!(DocFile::open_read_only(&path).unwrap().document().node("n1").unwrap().statement, "Dari WAL");
}

/// A `-journal` beside a closed file: a zeroed one (what exclusive locking
/// leaves while open) is harmless; a hot one (a writer killed mid-commit)
/// is not the reader's to roll back.
#[test]
fn a_left_over_journal_is_read_or_refused_without_a_byte_written() {
    let dir = temp_dir();
    let path = dir.path().join("jurnal.pokin");
    good(&path);
    let journal = dir.path().join("jurnal.pokin-journal");
    std::fs::write(&journal, b"").unwrap();
    let input = Untouched::new(&path);
    for args in [vec!["validate", s(&path)], vec!["history", s(&path)], vec!["export", "json", s(&path)]] {
        let (code, said) = cli(&args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {said}");
        input.check(&format!("{args:?}"));
    }
    assert_eq!(DocFile::open_read_only(&path).unwrap().document(), &read(&root().join(SAMPLE)));
    input.check("open_read_only");

    // A hot journal: a writer that spilled pages into the file mid-transaction and was killed.
    let hot_dir = dir.path().join("panas");
    std::fs::create_dir(&hot_dir).unwrap();
    let source = dir.path().join("sumber.pokin");
    good(&source);
    let hot = hot_dir.join("panas.pokin");
    {
        let conn = rusqlite::Connection::open(&source).unwrap();
        conn.execute_batch("PRAGMA cache_size = 1; BEGIN;").unwrap();
        conn.execute("UPDATE node SET data = json_set(data, '$.statement', 'Setengah jadi ' || id)", []).unwrap();
        std::fs::copy(&source, &hot).unwrap();
        std::fs::copy(dir.path().join("sumber.pokin-journal"), hot_dir.join("panas.pokin-journal")).unwrap();
        conn.execute_batch("ROLLBACK;").unwrap();
    }
    let input = Untouched::new(&hot);
    let hot_journal = Untouched::new(&hot_dir.join("panas.pokin-journal"));
    let out = dir.path().join("keluar.json");
    for args in [vec!["validate", s(&hot)], vec!["export", "json", s(&hot), "-o", s(&out)], vec!["history", s(&hot)]] {
        // Refused: only a writable open may roll the journal back. (The reason
        // given, "berkas atau foldernya tidak boleh ditulis", is SQLite's
        // read-only error and does not say an edit was left unfinished.)
        let (code, said) = cli(&args);
        assert_eq!(code, Some(2), "{args:?}: {said}");
        assert!(said.contains("hanya-baca"), "{args:?}: {said}");
        input.check(&format!("{args:?}"));
        hot_journal.check(&format!("{args:?}: the journal"));
    }
    let message = DocFile::open_read_only(&hot).map(|_| ()).unwrap_err().to_string();
    assert!(message.contains("hanya-baca"), "{message}");
    input.check("open_read_only");
    hot_journal.check("open_read_only: the journal");
    // A writable open rolls the half-done transaction back (documented).
    let file = DocFile::open(&hot).unwrap();
    assert_eq!(file.document(), &read(&root().join(SAMPLE)));
    drop(file);
    assert_eq!(listing(&hot_dir), BTreeSet::from(["panas.pokin".to_string()]));
}

// --------------------------------------------------------------- names

#[test]
fn names_with_spaces_and_non_ascii_work_everywhere() {
    let dir = temp_dir();
    let sample = root().join(SAMPLE);
    let path = dir.path().join(format!("{NAME}.pokin"));
    let (code, said) = cli(&["import", s(&sample), s(&path)]);
    assert_eq!(code, Some(0), "{said}");
    let input = Untouched::new(&path);
    let out = dir.path().join(format!("{NAME} – ekspor.json"));
    for args in [vec!["validate", s(&path)], vec!["history", s(&path)], vec!["export", "json", s(&path), "-o", s(&out)]] {
        let (code, said) = cli(&args);
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {said}");
        assert_eq!(sha(&path), input.hash, "{args:?}");
    }
    assert_eq!(read(&out), read(&sample));
    let (code, said) = cli(&["apply", s(&path), r#"{"op":"delete_node","id":"n49"}"#]);
    assert_eq!(code, Some(0), "{said}");
    assert!(DocFile::open_read_only(&path).unwrap().document().node("n49").is_none());
    // A JSON of the same name opens as a new file beside it, the old one untouched.
    let json = dir.path().join(format!("{NAME}.json"));
    std::fs::copy(&sample, &json).unwrap();
    let before = sha(&path);
    let imported = open_or_import(&json).unwrap();
    assert_eq!(imported.path(), dir.path().join(format!("{NAME} (2).pokin")));
    drop(imported);
    assert_eq!(sha(&path), before);
}

/// Found by this file: `store/files.rs::uri_path` pushed each byte of a
/// non-ASCII path as a `char`, so the `immutable=1` URI of a previous
/// release's WAL-mode file named another path. Bytes ≥ 0x80 are now
/// percent-encoded.
#[test]
fn a_wal_mode_file_with_a_non_ascii_name_opens_read_only() {
    let dir = temp_dir();
    let legacy = dir.path().join(format!("{NAME}.pokin"));
    good(&legacy);
    let conn = rusqlite::Connection::open(&legacy).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(conn);
    let input = Untouched::new(&legacy);
    let reader = DocFile::open_read_only(&legacy);
    assert!(reader.is_ok(), "{:?}", reader.map(|_| ()));
    drop(reader);
    input.check("open_read_only of a WAL-mode file with a non-ASCII name");
}

/// Found by this file: reading a file whose `-wal` was left beside it
/// (`open_read_only`, so `pokin validate`/`export`/`history`) made SQLite
/// create a `-shm` beside it; it is now read through a private copy.
#[test]
fn reading_a_left_over_wal_leaves_no_shm() {
    let dir = temp_dir();
    let path = left_over_wal(dir.path());
    let input = Untouched::new(&path);
    drop(DocFile::open_read_only(&path).unwrap());
    input.check("open_read_only");
}

// ------------------------------------------------- JSON and spreadsheets

#[test]
fn json_of_the_wrong_shape_is_refused_and_nothing_is_made() {
    let dir = temp_dir();
    let mut wrong_tree: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join(SAMPLE)).unwrap()).unwrap();
    wrong_tree["tree"] = serde_json::json!("pohon");
    let shapes = [
        ("larik.json", "[1, 2, 3]".to_string()),
        ("angka.json", "42".to_string()),
        ("kurang.json", r#"{"format": "pokin/1"}"#.to_string()),
        ("pohon-teks.json", wrong_tree.to_string()),
        ("terpotong.json", std::fs::read_to_string(root().join(SAMPLE)).unwrap()[..500].to_string()),
        ("kosong.json", String::new()),
    ];
    for (name, text) in shapes {
        let folder = dir.path().join(name.trim_end_matches(".json"));
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join(name);
        std::fs::write(&path, &text).unwrap();
        let input = Untouched::new(&path);
        let message = open_or_import(&path).map(|_| ()).unwrap_err().to_string();
        assert!(message.starts_with(&format!("{}: ", path.display())), "{message}");
        input.check(&format!("open_or_import {name}"));
        let out = folder.join("hasil.pokin");
        for args in [vec!["validate", s(&path)], vec!["import", s(&path), s(&out)]] {
            let (code, said) = cli(&args);
            assert_eq!(code, Some(2), "{args:?}: {said}");
            assert!(said.starts_with(&format!("pokin: {}: ", path.display())), "{args:?}: {said}");
            assert!(!said.contains("panicked"), "{said}");
            input.check(&format!("{args:?}"));
        }
        assert!(has_any(&message, &["tipe nilai salah", "tidak ada", "JSON terpotong"]), "{message}");
    }
}

#[test]
fn a_workbook_that_is_empty_or_a_picture_is_refused_and_nothing_is_made() {
    let dir = temp_dir();
    // The first bytes of a PNG: signature and IHDR of a 1×1 picture.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    // (A zero-byte workbook is read as an empty CSV: "tidak ada sheet
    // terlihat berisi tabel IKU; 'kosong': baris judul kolom tidak
    // ditemukan" — clear that nothing is there, though not that it is empty.)
    let empty: &[&str] = &["tidak ada sheet terlihat berisi tabel IKU"];
    let picture: &[&str] = &["bukan buku kerja Excel (.xlsx, .xls), OpenDocument (.ods) atau teks CSV"];
    for (name, bytes, words) in [("kosong.xlsx", &b""[..], empty), ("gambar.xlsx", png, picture), ("Rencana Strategis – révisi.xlsx", png, picture)] {
        let folder = dir.path().join(format!("d-{}", name.len()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(name);
        std::fs::write(&path, bytes).unwrap();
        let input = Untouched::new(&path);
        let message = sheet::import(&path, &iku(), None).map(|_| ()).unwrap_err().to_string();
        // A workbook's messages name it by its file name.
        assert!(message.starts_with(&format!("{name}: ")) && has_any(&message, words), "{message}");
        input.check(&format!("sheet::import {name}"));
        let out = folder.join("hasil.pokin");
        let (code, said) = cli(&["import", s(&path), s(&out), "--layout", "iku"]);
        assert_eq!(code, Some(2), "{said}");
        assert!(said.starts_with(&format!("pokin: {name}: ")) && has_any(&said, words), "{said}");
        assert!(!said.contains("panicked"), "{said}");
        assert!(!out.exists());
        input.check(&format!("pokin import {name}"));
    }
}
