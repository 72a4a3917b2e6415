//! Nothing lost, nothing garbled (issue #9): the `.pokin` file alone holds
//! every acknowledged edit, one program at a time has it, read-only files
//! open read-only, foreign and half-made files stay untouched, a full disk
//! loses nothing, and absurd documents cannot kill the program.

mod common;

use common::*;
use pokin::edit::Op;
use pokin::interchange::json;
use pokin::model::*;
use pokin::store::DocFile;
use std::path::{Path, PathBuf};
use std::process::Command;

fn lumajang() -> Document {
    read(&root().join("assets/samples/lumajang-bkd.json"))
}

fn rename(file: &mut DocFile, id: &str, statement: &str) {
    let mut node = file.document().node(id).unwrap().clone();
    node.statement = statement.into();
    file.apply(&Op::UpdateNode { node }).unwrap().expect("changed");
}

fn companions(path: &Path) -> Vec<String> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .filter(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name).exists()
        })
        .map(|s| s.to_string())
        .collect()
}

/// Copies only the `.pokin` (as a planner attaching it to an e-mail would).
fn copy_alone(path: &Path, to: &Path) -> PathBuf {
    std::fs::create_dir_all(to).unwrap();
    let copy = to.join(path.file_name().unwrap());
    std::fs::copy(path, &copy).unwrap();
    copy
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn the_file_alone_holds_every_acknowledged_edit_while_open_and_after() {
    let dir = temp_dir();
    let path = dir.path().join("bkd.pokin");
    let mut file = DocFile::create(&path, &lumajang()).unwrap();
    rename(&mut file, "n1", "Meningkatnya Profesionalitas ASN Daerah");
    // Copied while the program still has it open.
    let copy = copy_alone(&path, &dir.path().join("surel"));
    assert_eq!(DocFile::open(&copy).unwrap().document().node("n1").unwrap().statement, "Meningkatnya Profesionalitas ASN Daerah");
    rename(&mut file, "n2", "Meningkatnya Kualitas Layanan Kepegawaian");
    drop(file);
    assert_eq!(companions(&path), Vec::<String>::new(), "nothing beside the file once closed");
    let copy = copy_alone(&path, &dir.path().join("usb"));
    let reopened = DocFile::open(&copy).unwrap();
    assert_eq!(reopened.document().node("n2").unwrap().statement, "Meningkatnya Kualitas Layanan Kepegawaian");
    assert!(reopened.can_undo(), "the history travels with the file");
}

#[test]
fn a_file_killed_while_open_holds_its_edits_alone() {
    // The CLI's `apply` acknowledges an edit when it exits; a writer killed
    // afterwards (here: the file copied while a writer holds it) loses nothing.
    let dir = temp_dir();
    let path = dir.path().join("bkd.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    let holder = DocFile::open(&path).unwrap();
    std::mem::forget(holder); // as if killed: never closed
    let copy = copy_alone(&path, &dir.path().join("salinan"));
    assert_eq!(DocFile::open(&copy).unwrap().document(), &lumajang());
}

#[test]
fn one_writer_whatever_the_way_the_file_was_opened() {
    let dir = temp_dir();
    let created = dir.path().join("baru.pokin");
    let doc = pokin::store::new_document("Pohon Kinerja", "BKD", "", Period { from: 2025, to: 2029 }).unwrap();
    let first = DocFile::create(&created, &doc).unwrap();
    let locked = |p: &Path| match DocFile::open(p) {
        Err(pokin::Error::Locked { .. }) => true,
        other => panic!("{}: second writer not refused: {:?}", p.display(), other.map(|_| ())),
    };
    assert!(locked(&created), "a new document");
    assert!(matches!(DocFile::open_read_only(&created), Err(pokin::Error::Locked { .. })), "a reader too");

    let copied = dir.path().join("salinan.pokin");
    first.save_copy(&copied).unwrap();
    let _copy_writer = DocFile::open(&copied).unwrap();
    assert!(locked(&copied), "a saved copy");

    let draft = dir.path().join("draf.pokin");
    let _draft_writer = first.branch_draft(&draft).unwrap();
    assert!(locked(&draft), "a draft from a final version");

    let json = dir.path().join("impor.json");
    std::fs::write(&json, json::to_string(&lumajang())).unwrap();
    let imported = pokin::store::open_or_import(&json).unwrap();
    assert!(locked(imported.path()), "an imported document");

    // The CLI is refused with the same clear message, and changes nothing.
    // (Hashed by another process: closing any descriptor of a file would
    // drop this process's POSIX locks on it.)
    let hash = |p: &Path| Command::new("sha256sum").arg(p).output().unwrap().stdout;
    let before = hash(&created);
    let out = Command::new(env!("CARGO_BIN_EXE_pokin"))
        .args(["apply", created.to_str().unwrap(), r#"{"op":"delete_node","id":"n1"}"#])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("sedang dibuka oleh program lain"), "{said}");
    assert_eq!(hash(&created), before);
    drop(first);
}

#[test]
fn a_read_only_file_opens_read_only_with_the_reason() {
    let dir = temp_dir();
    let path = dir.path().join("reviu.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = bytes(&path);

    let mut file = DocFile::open(&path).unwrap();
    let reason = file.read_only().expect("read-only").to_string();
    assert!(reason.contains("ditandai hanya-baca"), "{reason}");
    assert_eq!(file.document(), &lumajang());
    let mut node = file.document().node("n1").unwrap().clone();
    node.statement = "x".into();
    let refused = file.apply(&Op::UpdateNode { node }).unwrap_err().to_string();
    assert!(refused.contains("berkas dibuka hanya-baca: berkas ini ditandai hanya-baca"), "{refused}");
    drop(file);
    assert_eq!(bytes(&path), before);
    assert!(companions(&path).is_empty());
}

#[cfg(unix)]
#[test]
fn a_file_in_a_read_only_folder_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let folder = dir.path().join("cd");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("reviu.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = bytes(&path);
    let file = DocFile::open(&path).unwrap();
    let reason = file.read_only().expect("read-only").to_string();
    assert!(reason.contains("folder atau media penyimpanannya tidak boleh ditulis"), "{reason}");
    assert_eq!(file.document(), &lumajang());
    drop(file);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(bytes(&path), before);
    assert!(companions(&path).is_empty(), "nothing created beside it");
}

/// Runs a shell command as root; false when it cannot (not root, no mount).
#[cfg(target_os = "linux")]
fn sh(script: &str) -> bool {
    Command::new("sh").args(["-c", script]).status().is_ok_and(|s| s.success())
}

#[cfg(target_os = "linux")]
fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs `body` with a fresh tmpfs of `size` mounted (root only), and
/// unmounts it whatever happens; `false` when it could not be mounted.
#[cfg(target_os = "linux")]
fn with_tmpfs(size: &str, body: impl FnOnce(&Path) + std::panic::UnwindSafe) -> bool {
    if !is_root() {
        eprintln!("skipped: mounting needs root");
        return false;
    }
    let dir = temp_dir();
    let mount = dir.path().join("media");
    std::fs::create_dir(&mount).unwrap();
    assert!(sh(&format!("mount -t tmpfs -o size={size} tmpfs '{}'", mount.display())), "mount");
    let result = std::panic::catch_unwind(|| body(&mount));
    sh(&format!("umount '{}'", mount.display()));
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
    true
}

/// A read-only medium (a write-protected USB stick, a CD): a tmpfs
/// remounted read-only, which refuses even the administrator.
#[cfg(target_os = "linux")]
#[test]
fn a_file_on_a_read_only_medium_opens_read_only() {
    with_tmpfs("4m", |mount| {
        let path = mount.join("reviu.pokin");
        drop(DocFile::create(&path, &lumajang()).unwrap());
        assert!(sh(&format!("mount -o remount,ro '{}'", mount.display())));
        let file = DocFile::open(&path).unwrap();
        let reason = file.read_only().unwrap();
        assert!(reason.contains("folder atau media penyimpanannya tidak boleh ditulis"), "{reason}");
        assert_eq!(file.document(), &lumajang());
    });
}

/// A full disk: the edit is refused in Indonesian, the document stays as it
/// was in memory and in the file, and the file opens afterwards whole.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_loses_nothing() {
    with_tmpfs("1m", |mount| {
        let path = mount.join("bkd.pokin");
        let mut file = DocFile::create(&path, &lumajang()).unwrap();
        rename(&mut file, "n1", "Disimpan sebelum disk penuh");
        // Fill the disk to the last byte.
        let filler = mount.join("isi");
        let _ = sh(&format!("dd if=/dev/zero of='{}' bs=4k 2>/dev/null", filler.display()));
        let mut message = None;
        for i in 0..50 {
            let mut node = file.document().node("n2").unwrap().clone();
            node.statement = format!("{} {}", "Perubahan yang tidak muat".repeat(200), i);
            if let Err(e) = file.apply(&Op::UpdateNode { node }) {
                message = Some(e.to_string());
                break;
            }
        }
        let message = message.expect("the disk filled up");
        assert!(message.contains("disk penuh: perubahan ini tidak disimpan, dokumen tetap seperti sebelumnya"), "{message}");
        let in_memory = file.document().clone();
        assert_eq!(in_memory.node("n1").unwrap().statement, "Disimpan sebelum disk penuh");
        drop(file);
        std::fs::remove_file(&filler).unwrap();
        // What the program showed is what the file holds: every acknowledged edit, not the refused one.
        let reopened = DocFile::open(&path).unwrap();
        assert_eq!(reopened.document(), &in_memory);
    });
}

#[test]
fn foreign_sqlite_files_stay_byte_identical() {
    let dir = temp_dir();
    let path = dir.path().join("keuangan.pokin");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    drop(conn);
    let before = bytes(&path);
    let p = path.to_str().unwrap();
    let out = dir.path().join("keluar");
    let o = out.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["apply", p, r#"{"op":"delete_node","id":"n1"}"#],
        vec!["undo", p],
        vec!["redo", p],
        vec!["snapshot", p, "Versi"],
        vec!["final", p, "--name", "Final"],
        vec!["draft", p, o],
        vec!["validate", p],
        vec!["history", p],
        vec!["export", "json", p, "-o", o],
        vec!["export", "pdf", p, "-o", o],
        vec!["import", p, o],
    ];
    for args in commands {
        let run = Command::new(env!("CARGO_BIN_EXE_pokin")).args(&args).output().unwrap();
        assert!(!run.status.success(), "{args:?} succeeded on a foreign file");
        assert_eq!(bytes(&path), before, "{args:?} changed the foreign file");
        assert!(companions(&path).is_empty(), "{args:?} left files beside it");
    }
    assert!(DocFile::open(&path).unwrap_err().to_string().contains("milik program lain"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn read_only_commands_leave_nothing_beside_the_file() {
    let dir = temp_dir();
    let path = dir.path().join("bkd.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    let before = bytes(&path);
    let p = path.to_str().unwrap();
    for args in [vec!["validate", p], vec!["history", p], vec!["export", "json", p]] {
        Command::new(env!("CARGO_BIN_EXE_pokin")).args(&args).output().unwrap();
        assert!(companions(&path).is_empty(), "{args:?}");
        assert_eq!(bytes(&path), before, "{args:?}");
    }
}

#[test]
fn a_file_written_in_wal_mode_is_folded_into_one_file() {
    // Files of the previous release used WAL; its last edits could sit in -wal.
    let dir = temp_dir();
    let original = dir.path().join("asal.pokin");
    drop(DocFile::create(&original, &lumajang()).unwrap());
    let path = dir.path().join("lama.pokin");
    {
        let conn = rusqlite::Connection::open(&original).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute("UPDATE node SET data = json_set(data, '$.statement', 'Dari WAL') WHERE id = 'n1'", []).unwrap();
        // The file and its WAL as a program left them that quit without a checkpoint.
        std::fs::copy(&original, &path).unwrap();
        std::fs::copy(dir.path().join("asal.pokin-wal"), dir.path().join("lama.pokin-wal")).unwrap();
    }
    assert_eq!(companions(&path).contains(&"-wal".to_string()), true);
    let reader = DocFile::open_read_only(&path).unwrap();
    assert_eq!(reader.document().node("n1").unwrap().statement, "Dari WAL");
    drop(reader);
    let file = DocFile::open(&path).unwrap();
    assert_eq!(file.document().node("n1").unwrap().statement, "Dari WAL");
    drop(file);
    assert!(!companions(&path).contains(&"-wal".to_string()), "the WAL is folded in");
    let copy = copy_alone(&path, &dir.path().join("surel"));
    assert_eq!(DocFile::open(&copy).unwrap().document().node("n1").unwrap().statement, "Dari WAL");
}

#[test]
fn an_import_killed_at_random_leaves_nothing_or_a_whole_file() {
    let dir = temp_dir();
    let source = dir.path().join("besar.json");
    let synth = Command::new(env!("CARGO_BIN_EXE_pokin"))
        .args(["synth", "--nodes", "3000", "--seed", "7", "-o", source.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(synth.status.success());
    let expected = json::read(&source).unwrap();
    let trials = std::env::var("POKIN_TRIALS").ok().and_then(|t| t.parse().ok()).unwrap_or(40u64);
    let (mut whole, mut none) = (0, 0);
    for trial in 0..trials {
        let target = dir.path().join(format!("hasil-{trial}.pokin"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_pokin"))
            .args(["import", source.to_str().unwrap(), target.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the import (a few ms to ~100 ms).
        std::thread::sleep(std::time::Duration::from_micros(trial * 2_500 % 120_000));
        let _ = child.kill();
        let _ = child.wait();
        if target.exists() {
            let file = DocFile::open(&target).unwrap_or_else(|e| panic!("trial {trial}: {e}"));
            assert_eq!(file.document(), &expected, "trial {trial}");
            whole += 1;
        } else {
            none += 1;
        }
        // A new import to the same name is never blocked by a half-made file.
        if !target.exists() {
            drop(DocFile::create(&target, &expected).unwrap());
        }
    }
    eprintln!("{trials} kills: {whole} whole files, {none} left nothing");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".sementara-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files cleaned up: {leftovers:?}");
}

#[test]
fn status_changes_only_through_final_and_draft() {
    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("bkd.pokin"), &lumajang()).unwrap();
    let mut meta = file.document().document.clone();
    meta.status = Some(Status::Final);
    let refused = file.apply(&Op::UpdateDocument { document: meta }).unwrap_err().to_string();
    assert!(refused.contains("Tetapkan sebagai final"), "{refused}");
    assert_ne!(file.document().document.status, Some(Status::Final));
    // From outside (the editor, `pokin apply`) the internal op cannot be sent.
    assert!(serde_json::from_str::<Op>(r#"{"op":"set_status","status":"final"}"#).is_err());
    file.mark_final("Renstra ditetapkan").unwrap();
    assert_eq!(file.document().document.status, Some(Status::Final));
}

#[test]
fn absurd_periods_and_sizes_are_refused_at_import_and_at_edit() {
    let mut doc = lumajang();
    doc.document.period = Period { from: 2025, to: 2_147_483_647 };
    let err = json::from_str(&json::to_string(&doc), "typo.json").unwrap_err().to_string();
    assert!(err.starts_with("typo.json: document.period: periode 2025–2147483647 harus di antara tahun 1900 dan 2200"), "{err}");

    let mut doc = lumajang();
    doc.tree.nodes.get_mut(1).unwrap().statement = "x".repeat(30_000);
    let err = json::from_str(&json::to_string(&doc), "panjang.json").unwrap_err().to_string();
    assert!(err.starts_with("panjang.json: tree.nodes[1].statement: teks terlalu panjang (30000 karakter"), "{err}");

    let dir = temp_dir();
    let mut file = DocFile::create(&dir.path().join("bkd.pokin"), &lumajang()).unwrap();
    let mut meta = file.document().document.clone();
    meta.period = Period { from: 2021, to: 20260 };
    let err = file.apply(&Op::UpdateDocument { document: meta }).unwrap_err().to_string();
    assert!(err.starts_with("Periode: periode 2021–20260 harus di antara"), "{err}");
    let mut node = file.document().node("n1").unwrap().clone();
    node.statement = "y".repeat(25_000);
    let err = file.apply(&Op::UpdateNode { node }).unwrap_err().to_string();
    assert!(err.starts_with("Simpul n1 (statement): teks terlalu panjang"), "{err}");
    assert_eq!(file.document(), &lumajang(), "nothing changed");
}

#[test]
fn a_changed_period_keeps_targets_outside_it_and_reports_them() {
    let dir = temp_dir();
    let waykanan = read(&root().join("assets/samples/waykanan-bkpsdm.json"));
    let mut file = DocFile::create(&dir.path().join("wk.pokin"), &waykanan).unwrap();
    let old = file.document().document.period;
    let mut meta = file.document().document.clone();
    meta.period = Period { from: old.from + 1, to: old.to };
    file.apply(&Op::UpdateDocument { document: meta }).unwrap();
    let kept = file.document().tree.nodes.iter().flat_map(|n| &n.indicators).filter(|i| i.targets.contains_key(&old.from)).count();
    assert!(kept > 0, "targets of the dropped year are kept");
    let report = pokin::validate::validate(file.document());
    let p030 = report.findings.iter().filter(|f| f.rule == "P030").count();
    assert_eq!(p030, kept, "each such indicator reported");
}

#[test]
fn a_cyclic_document_lays_out_prints_and_validates() {
    let mut doc = lumajang();
    // n1 → n0 is primary; close a cycle n0 → n3 (n3 is below n1).
    let mut link = doc.tree.links.iter().next().unwrap().clone();
    link.from = "n0".into();
    link.to = "n3".into();
    link.kind = LinkKind::Primary;
    doc.tree.links.push(link);
    let text = json::to_string(&doc);
    let doc = json::from_str(&text, "lingkar.json").unwrap();
    let report = pokin::validate::validate(&doc);
    assert!(report.findings.iter().any(|f| f.rule == "P001"));
    let layout = pokin::layout::layout_tree(&doc, &Default::default());
    assert_eq!(layout.boxes.iter().filter(|b| !b.external).count(), doc.tree.nodes.len());
    assert_eq!(layout.edges.iter().filter(|e| e.cycle).count(), 1, "the link that closes the cycle is marked");
    let dir = temp_dir();
    let source = dir.path().join("lingkar.json");
    std::fs::write(&source, text).unwrap();
    let pdf = dir.path().join("lingkar.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_pokin"))
        .args(["export", "pdf", source.to_str().unwrap(), "-o", pdf.to_str().unwrap(), "--paper", "A3", "--landscape"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for mode in [vec!["--mode", "poster", "--scale", "1"], vec!["--years", "2021,2022", "--numbering"]] {
        let mut args = vec!["export", "pdf", source.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
        args.extend(mode);
        assert!(Command::new(env!("CARGO_BIN_EXE_pokin")).args(&args).output().unwrap().status.success(), "{args:?}");
    }
}

#[test]
fn messages_name_the_file_in_indonesian() {
    let dir = temp_dir();
    let folder = dir.path().join("folder.pokin");
    std::fs::create_dir(&folder).unwrap();
    let err = DocFile::open(&folder).unwrap_err().to_string();
    assert_eq!(err, format!("{}: ini sebuah folder, bukan berkas Pokin Studio (.pokin)", folder.display()));
    let err = DocFile::create(&folder, &lumajang()).unwrap_err().to_string();
    assert!(err.contains("ini sebuah folder"), "{err}");
    let err = json::read(&dir.path().join("folder.pokin")).unwrap_err().to_string();
    assert!(err.contains("ini sebuah folder") && !err.contains("os error"), "{err}");

    // A damaged row: invalid UTF-8 in a node's data.
    let path = dir.path().join("rusak.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO annotation(id, ord, data) VALUES ('a9', 99, CAST(X'7B22FF' AS TEXT))", []).unwrap();
    drop(conn);
    let err = DocFile::open(&path).unwrap_err().to_string();
    assert!(err.contains("berkas rusak dan tidak dapat dibuka"), "{err}");
    assert!(!err.contains("invalid utf-8") || err.contains("isi berkas rusak"), "{err}");

    // Malformed JSON in a row.
    let path = dir.path().join("rusak2.pokin");
    drop(DocFile::create(&path, &lumajang()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO annotation(id, ord, data) VALUES ('a9', 99, '{\"id\": \"a9\", \"on\": 5}')", []).unwrap();
    drop(conn);
    let err = DocFile::open(&path).unwrap_err().to_string();
    assert!(err.contains("berkas rusak dan tidak dapat dibuka (a9: JSON tidak sah: seharusnya ada nilai di sini"), "{err}");
}

#[test]
fn opening_a_json_beside_its_pokin_imports_to_a_new_name() {
    let dir = temp_dir();
    let json_path = dir.path().join("Renstra.json");
    std::fs::write(&json_path, json::to_string(&lumajang())).unwrap();
    let old = dir.path().join("Renstra.pokin");
    let mut older = lumajang();
    older.document.title = "Versi lama".into();
    drop(DocFile::create(&old, &older).unwrap());
    let before = bytes(&old);
    let opened = pokin::store::open_or_import(&json_path).unwrap();
    assert_eq!(opened.path(), dir.path().join("Renstra (2).pokin"));
    assert_eq!(opened.document(), &lumajang(), "what was chosen, not the older file");
    drop(opened);
    assert_eq!(bytes(&old), before);
}
