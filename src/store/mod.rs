//! The `.pokin` document file: one SQLite database (SQLite as an
//! application file format).
//!
//! - one row per entity (units, nodes, links, processes, flows, steps,
//!   annotations, and the document's singletons), JSON in a `data` column,
//!   a fractional `ord` for list order;
//! - every edit is one transaction: the entity rows and a `history` row with
//!   each change's before and after, so undo/redo survive restarts and any
//!   earlier state can be rebuilt;
//! - named versions (`snapshot`) keep the whole document as canonical JSON;
//! - rollback journal with `synchronous=FULL`: an acknowledged edit is in
//!   the `.pokin` file itself and survives a crash (see `schema::configure`);
//!   `locking_mode=EXCLUSIVE`: one program at a time has the file open.

mod files;
mod open;
mod schema;

use crate::edit::{self, Change, Key, Op, Row};
use crate::error::{Error, Result};
use crate::interchange::json;
use crate::model::*;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

pub use files::is_sqlite;
pub use open::{free_name, new_document, open_or_import, with_default_extension};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

/// An open `.pokin` file with its document in memory.
pub struct DocFile {
    conn: Connection,
    path: PathBuf,
    doc: Document,
    head: i64,
    read_only: Option<String>,
    /// Dropped after `conn`: the file counts as open until SQLite let it go.
    _guard: files::Guard,
    _hold: files::Hold,
}

impl std::fmt::Debug for DocFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocFile").field("path", &self.path).field("head", &self.head).field("read_only", &self.read_only).finish()
    }
}

/// One line of the history.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HistoryEntry {
    pub seq: i64,
    pub at: String,
    pub label: String,
    /// Undone and not yet redone: `redo` brings it back.
    pub undone: bool,
}

/// Why a final document takes no edits (the editor shows it, the CLI says it).
const FINAL_REASON: &str = "dokumen ini sudah ditetapkan (final) dan tidak dapat diubah lagi; \
                            buat draf baru darinya (pokin draft, atau Berkas › Draf baru dari versi final)";

/// A named version.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Snapshot {
    pub name: String,
    pub seq: i64,
    pub at: String,
    pub fingerprint: String,
    #[serde(rename = "final")]
    pub is_final: bool,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Applied {
    pub seq: i64,
    pub label: String,
    pub changes: usize,
}

pub(crate) fn now() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.replace_nanosecond(0)
        .unwrap_or(now)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Today's date, ISO (YYYY-MM-DD), local where known.
pub fn today() -> String {
    now().chars().take(10).collect()
}

impl DocFile {
    /// Creates a new `.pokin` file holding `doc`. Refuses to overwrite. The
    /// file is built under a temporary name in the same folder and put in
    /// place only when complete, so a crash leaves either nothing or a whole
    /// file. The new file is then open for editing.
    pub fn create(path: &Path, doc: &Document) -> Result<DocFile> {
        crate::model::limits::check_period(&doc.document.period)
            .map_err(|m| Error::refused(format!("Periode dokumen: {m}")))?;
        ensure_free(path)?;
        let file = path.display().to_string();
        let temp = files::temp_sibling(path)?;
        let built = (|| {
            let mut conn = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
                .map_err(|e| sql_error(&file, e))?;
            schema::configure(&conn).map_err(|e| sql_error(&file, e))?;
            let tx = conn.transaction().map_err(|e| sql_error(&file, e))?;
            schema::create(&tx).map_err(|e| migration_error(&file, e))?;
            for (key, row) in edit::all_rows(doc) {
                write_row(&tx, &key, Some(&row)).map_err(|e| sql_error(&file, e))?;
            }
            tx.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?1)", [now()]).map_err(|e| sql_error(&file, e))?;
            tx.commit().map_err(|e| sql_error(&file, e))?;
            conn.close().map_err(|(_, e)| sql_error(&file, e))
        })()
        .and_then(|()| files::put_in_place(&temp, path));
        if let Err(err) = built {
            let _ = std::fs::remove_file(&temp);
            return Err(err);
        }
        DocFile::open(path)
    }

    /// Opens a `.pokin` file for editing. It opens read-only, with the
    /// reason (see [`DocFile::read_only`]), when it was made by a newer
    /// Pokin Studio, is marked read-only, or lies in a folder or on a medium
    /// that cannot be written (a locked USB stick, a CD).
    pub fn open(path: &Path) -> Result<DocFile> {
        Self::open_with(path, false)
    }

    /// Opens a `.pokin` file without the right to change it. Nothing is
    /// written, not even beside the file.
    pub fn open_read_only(path: &Path) -> Result<DocFile> {
        Self::open_with(path, true)
    }

    fn open_with(path: &Path, read_only: bool) -> Result<DocFile> {
        let file = path.display().to_string();
        let hold = files::hold(path)?;
        // Our own reading of the header first: a foreign or damaged file is
        // refused before SQLite could change a byte of it.
        let header = files::read_header(path)?;
        let classify = |e: rusqlite::Error| sql_error(&file, e);
        let read_only_reason = if read_only {
            Some("dibuka untuk dibaca saja".to_string())
        } else if header.user_version > SCHEMA_VERSION {
            Some(format!(
                "dibuat oleh Pokin Studio yang lebih baru (skema {}, versi ini mengenal sampai {SCHEMA_VERSION}); \
                 perbarui aplikasi untuk mengubahnya",
                header.user_version
            ))
        } else {
            files::write_refusal(path)
        };
        let guard = files::guard(path, read_only_reason.is_none())?;
        let mut conn = match &read_only_reason {
            Some(_) => files::open_reader(path, &header).map_err(classify)?,
            None => {
                let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(classify)?;
                schema::configure(&conn).map_err(classify)?;
                // Take the lock now and keep it: a second program is told at once.
                conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;").map_err(classify)?;
                conn
            }
        };
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(classify)?;
        if app_id != APPLICATION_ID {
            return Err(Error::NotPokin { file, detail: " (basis data SQLite milik program lain)".into() });
        }
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(classify)?;
        if check != "ok" {
            return Err(Error::Corrupt { file, detail: check });
        }
        if header.user_version < SCHEMA_VERSION && read_only_reason.is_none() {
            let tx = conn.transaction().map_err(classify)?;
            schema::migrate(&tx, header.user_version).map_err(|e| migration_error(&file, e))?;
            tx.commit().map_err(classify)?;
        }
        let doc = load(&conn).map_err(|e| match e {
            LoadError::Sql(e) => classify(e),
            LoadError::Data(place, message) => Error::Corrupt { file: file.clone(), detail: format!("{place}: {message}") },
        })?;
        let head = read_head(&conn).map_err(classify)?;
        Ok(DocFile { conn, path: path.to_path_buf(), doc, head, read_only: read_only_reason, _guard: guard, _hold: hold })
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the file cannot be changed, or `None` when it can.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn file(&self) -> String {
        self.path.display().to_string()
    }

    fn db_err(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |e| sql_error(&self.file(), e)
    }

    fn writable(&self) -> Result<()> {
        match &self.read_only {
            Some(reason) => Err(Error::ReadOnly { file: self.file(), reason: reason.clone() }),
            None => Ok(()),
        }
    }

    /// A final (ditetapkan) document is frozen: a new draft is made from it instead.
    fn not_final(&self) -> Result<()> {
        if self.doc.document.status == Some(Status::Final) {
            return Err(Error::ReadOnly { file: self.file(), reason: FINAL_REASON.into() });
        }
        Ok(())
    }

    /// Why this file takes no edits, in the planner's words: made by a newer
    /// Pokin Studio, or ditetapkan (final). `None`: it can be edited.
    pub fn edit_refusal(&self) -> Option<String> {
        self.read_only.clone().or_else(|| (self.doc.document.status == Some(Status::Final)).then(|| FINAL_REASON.to_string()))
    }

    /// Applies one edit durably. `Ok(None)` when it changed nothing.
    pub fn apply(&mut self, op: &Op) -> Result<Option<Applied>> {
        self.writable()?;
        self.not_final()?;
        let changes = edit::execute(&mut self.doc, op)?;
        if changes.is_empty() {
            return Ok(None);
        }
        let op_json = serde_json::to_string(op).expect("operations serialise");
        self.record(&op.label(), &op_json, changes).map(Some)
    }

    /// Applies entity changes made against the current state (a merge, a
    /// compare's "take this version") as one history step, labelled
    /// `label`; undo takes all of them back. All or nothing: a change whose
    /// `before` is not what the document holds refuses the whole set.
    pub fn apply_changes(&mut self, label: &str, changes: Vec<Change>) -> Result<Option<Applied>> {
        self.writable()?;
        self.not_final()?;
        if changes.is_empty() {
            return Ok(None);
        }
        edit::apply_changes(&mut self.doc, &changes)?;
        let op_json = serde_json::json!({ "op": "apply_changes", "label": label }).to_string();
        self.record(label, &op_json, changes).map(Some)
    }

    /// Writes changes already made in memory as the next history step; on
    /// failure takes them back in memory too, so screen and file agree.
    fn record(&mut self, label: &str, op_json: &str, changes: Vec<Change>) -> Result<Applied> {
        let seq = self.head + 1;
        match self.commit_edit(seq, label, op_json, &changes) {
            Ok(()) => {
                self.head = seq;
                Ok(Applied { seq, label: label.to_string(), changes: changes.len() })
            }
            Err(err) => {
                edit::revert(&mut self.doc, &changes)?;
                Err(err)
            }
        }
    }

    fn commit_edit(&mut self, seq: i64, label: &str, op_json: &str, changes: &[Change]) -> Result<()> {
        let file = self.file();
        let db = |e: rusqlite::Error| sql_error(&file, e);
        let tx = self.conn.transaction().map_err(db)?;
        // A new edit after undo drops the undone branch, as editors do.
        tx.execute("DELETE FROM history WHERE seq >= ?1", [seq]).map_err(db)?;
        let changes_json = serde_json::to_string(changes).expect("changes serialise");
        tx.prepare_cached("INSERT INTO history(seq, at, label, op, changes) VALUES (?1, ?2, ?3, ?4, ?5)")
            .and_then(|mut s| s.execute(params![seq, now(), label, op_json, changes_json]))
            .map_err(db)?;
        for change in changes {
            write_row(&tx, &change.key, change.after.as_ref()).map_err(db)?;
        }
        set_head(&tx, seq).map_err(db)?;
        tx.commit().map_err(db)
    }

    fn history_changes(&self, seq: i64) -> Result<Option<(String, Vec<Change>)>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT label, changes FROM history WHERE seq = ?1", [seq], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(self.db_err())?;
        row.map(|(label, changes)| {
            serde_json::from_str(&changes)
                .map(|c| (label, c))
                .map_err(|e| Error::Corrupt { file: self.file(), detail: format!("riwayat #{seq}: {e}") })
        })
        .transpose()
    }

    /// Takes back the last edit. Returns its label, `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.writable()?;
        self.not_final()?;
        let Some((label, changes)) = self.history_changes(self.head)? else { return Ok(None) };
        let inverse: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
        self.move_head(self.head - 1, &inverse)?;
        Ok(Some(label))
    }

    /// Makes the last undone edit again. `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.writable()?;
        let Some((label, changes)) = self.history_changes(self.head + 1)? else { return Ok(None) };
        self.move_head(self.head + 1, &changes)?;
        Ok(Some(label))
    }

    /// Applies changes (already in the order to apply) and moves the history head.
    fn move_head(&mut self, head: i64, changes: &[Change]) -> Result<()> {
        edit::replay(&mut self.doc, changes)?;
        let file = self.file();
        let db = |e: rusqlite::Error| sql_error(&file, e);
        let result = (|| {
            let tx = self.conn.transaction().map_err(db)?;
            for change in changes {
                write_row(&tx, &change.key, change.after.as_ref()).map_err(db)?;
            }
            set_head(&tx, head).map_err(db)?;
            tx.commit().map_err(db)
        })();
        match result {
            Ok(()) => {
                self.head = head;
                Ok(())
            }
            Err(err) => {
                edit::revert(&mut self.doc, changes)?;
                Err(err)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        self.head > 0
    }

    pub fn can_redo(&self) -> bool {
        self.conn
            .query_row("SELECT 1 FROM history WHERE seq = ?1", [self.head + 1], |_| Ok(()))
            .optional()
            .ok()
            .flatten()
            .is_some()
    }

    /// The current position in the history (0: nothing applied since the file was made).
    pub fn head(&self) -> i64 {
        self.head
    }

    pub fn history(&self) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare("SELECT seq, at, label FROM history ORDER BY seq").map_err(self.db_err())?;
        let rows = stmt
            .query_map([], |r| {
                let seq: i64 = r.get(0)?;
                Ok(HistoryEntry { seq, at: r.get(1)?, label: r.get(2)?, undone: seq > self.head })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.db_err())?;
        Ok(rows)
    }

    /// The document as it was right after history entry `seq` (0: as created).
    pub fn state_at(&self, seq: i64) -> Result<Document> {
        let mut doc = self.doc.clone();
        let mut at = self.head;
        while at > seq {
            let (_, changes) = self
                .history_changes(at)?
                .ok_or_else(|| Error::refused(format!("Riwayat #{at} tidak ada")))?;
            edit::revert(&mut doc, &changes)?;
            at -= 1;
        }
        while at < seq {
            let (_, changes) = self
                .history_changes(at + 1)?
                .ok_or_else(|| Error::refused(format!("Riwayat #{} tidak ada", at + 1)))?;
            edit::replay(&mut doc, &changes)?;
            at += 1;
        }
        Ok(doc)
    }

    /// Saves the current state as a named version.
    pub fn snapshot(&mut self, name: &str) -> Result<Snapshot> {
        self.writable()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::refused("Nama versi wajib diisi"));
        }
        let exists = self
            .conn
            .query_row("SELECT 1 FROM snapshot WHERE name = ?1", [name], |_| Ok(()))
            .optional()
            .map_err(self.db_err())?
            .is_some();
        if exists {
            return Err(Error::refused(format!("Versi bernama \"{name}\" sudah ada; pilih nama lain")));
        }
        let snapshot = Snapshot {
            name: name.into(),
            seq: self.head,
            at: now(),
            fingerprint: json::fingerprint(&self.doc),
            is_final: false,
        };
        self.conn
            .execute(
                "INSERT INTO snapshot(name, seq, at, fingerprint, final, document) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
                params![snapshot.name, snapshot.seq, snapshot.at, snapshot.fingerprint, json::canonical(&self.doc)],
            )
            .map_err(self.db_err())?;
        Ok(snapshot)
    }

    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, seq, at, fingerprint, final FROM snapshot ORDER BY rowid")
            .map_err(self.db_err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Snapshot { name: r.get(0)?, seq: r.get(1)?, at: r.get(2)?, fingerprint: r.get(3)?, is_final: r.get(4)? })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.db_err())?;
        Ok(rows)
    }

    /// Marks the document final (ditetapkan): its status becomes final, the
    /// state is kept as a named final version with its fingerprint, and the
    /// file accepts no further edits.
    pub fn mark_final(&mut self, name: &str) -> Result<Snapshot> {
        self.writable()?;
        self.not_final()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::refused("Nama versi final wajib diisi"));
        }
        if self.snapshots()?.iter().any(|s| s.name == name) {
            return Err(Error::refused(format!("Versi bernama \"{name}\" sudah ada; pilih nama lain")));
        }
        self.apply(&Op::SetStatus { status: Status::Final })?;
        let mut snapshot = self.snapshot(name)?;
        self.conn.execute("UPDATE snapshot SET final = 1 WHERE name = ?1", [name]).map_err(self.db_err())?;
        snapshot.is_final = true;
        Ok(snapshot)
    }

    /// What a printout of `doc` is: its fingerprint, and the name of the final
    /// version of this file it is, if it is one.
    pub fn identify(&self, doc: &Document) -> Result<(String, Option<String>)> {
        let fingerprint = json::fingerprint(doc);
        let name = self.final_version(&fingerprint)?.map(|s| s.name);
        Ok((fingerprint, name))
    }

    /// The final version whose fingerprint this is, if any.
    pub fn final_version(&self, fingerprint: &str) -> Result<Option<Snapshot>> {
        Ok(self.snapshots()?.into_iter().find(|s| s.is_final && s.fingerprint == fingerprint))
    }

    /// A new draft file at `path` branched from this document (its current
    /// state, usually a final version): same content, status draft, fresh history.
    pub fn branch_draft(&self, path: &Path) -> Result<DocFile> {
        let mut doc = self.doc.clone();
        doc.document.status = Some(Status::Draft);
        DocFile::create(path, &doc)
    }

    /// Writes a complete copy of this file (document, history, versions) to
    /// `path`, which must not exist yet. The copy is consistent even while
    /// this file stays open, and appears only when complete.
    pub fn save_copy(&self, path: &Path) -> Result<()> {
        ensure_free(path)?;
        let temp = files::temp_sibling(path)?;
        let target = temp.to_str().ok_or_else(|| Error::refused("Nama berkas tidak sah"))?;
        let copied = self
            .conn
            .execute("VACUUM INTO ?1", [target])
            .map_err(|e| sql_error(&path.display().to_string(), e))
            .map(drop)
            .and_then(|()| files::sync_file(&temp))
            .and_then(|()| files::put_in_place(&temp, path));
        if copied.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        copied
    }

    /// The document of a named version.
    pub fn snapshot_document(&self, name: &str) -> Result<Document> {
        let text: String = self
            .conn
            .query_row("SELECT document FROM snapshot WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .map_err(self.db_err())?
            .ok_or_else(|| Error::refused(format!("Versi bernama \"{name}\" tidak ada")))?;
        json::from_str(&text, &format!("{} (versi \"{name}\")", self.file()))
    }
}

/// Refuses a path where a new file cannot go: a folder, or a file already there.
fn ensure_free(path: &Path) -> Result<()> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(Error::Io { file, message: "ini sebuah folder; pilih nama berkas di dalamnya".into() });
    }
    if path.exists() {
        return Err(Error::Io { file, message: "berkas sudah ada; pilih nama lain atau hapus dulu".into() });
    }
    Ok(())
}

fn migration_error(file: &str, err: schema::MigrationError) -> Error {
    match err {
        schema::MigrationError::Sql(e) => sql_error(file, e),
        schema::MigrationError::Data(detail) => Error::Corrupt { file: file.into(), detail },
    }
}

/// A SQLite error in the planner's words, naming the file and what to do.
pub(crate) fn sql_error(file: &str, err: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::*;
    let file = file.to_string();
    let technical = err.to_string();
    match err.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => Error::Locked { file },
        Some(NotADatabase) => Error::NotPokin { file, detail: String::new() },
        Some(DatabaseCorrupt) => Error::Corrupt { file, detail: technical },
        Some(DiskFull) => Error::Io {
            file,
            message: "disk penuh: perubahan ini tidak disimpan, dokumen tetap seperti sebelumnya. \
                      Kosongkan ruang disk, lalu ulangi"
                .into(),
        },
        Some(CannotOpen) => Error::Io {
            file,
            message: "berkas tidak dapat dibuka; periksa bahwa berkas dan foldernya ada dan boleh dibaca".into(),
        },
        Some(ReadOnly) => Error::ReadOnly { file, reason: "berkas atau foldernya tidak boleh ditulis".into() },
        Some(PermissionDenied) => Error::Io { file, message: "tidak ada izin untuk membaca atau menulis berkas ini".into() },
        Some(SystemIoFailure) => Error::Io {
            file,
            message: format!(
                "kesalahan baca/tulis disk ({technical}); perubahan ini tidak disimpan. \
                 Periksa media penyimpanan (flashdisk tercabut? disk penuh?), lalu ulangi"
            ),
        },
        _ if matches!(err, rusqlite::Error::Utf8Error(..) | rusqlite::Error::FromSqlConversionFailure(..)) => {
            Error::Corrupt { file, detail: "isi berkas rusak: ada teks yang bukan UTF-8 yang sah".into() }
        }
        _ if technical.contains("malformed JSON") => {
            Error::Corrupt { file, detail: "isi berkas rusak: ada data JSON yang tidak utuh".into() }
        }
        _ => Error::Database { file, message: technical },
    }
}

fn read_head(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT value FROM meta WHERE key = 'head'", [], |r| r.get::<_, String>(0))
        .optional()
        .map(|v| v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn set_head(conn: &Connection, head: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO meta(key, value) VALUES ('head', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1")?
        .execute([head.to_string()])?;
    Ok(())
}

/// Writes one entity's row, or deletes it: where, the entity registry says.
fn write_row(conn: &Connection, key: &Key, row: Option<&Row>) -> rusqlite::Result<()> {
    let kind = edit::entity::kind_of(key);
    let data = row.map(|r| r.data.to_string());
    if kind.is_singleton() {
        match data {
            Some(data) => conn
                .prepare_cached("INSERT INTO singleton(name, data) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET data = ?2")?
                .execute(params![kind.table, data])?,
            None => conn.prepare_cached("DELETE FROM singleton WHERE name = ?1")?.execute([kind.table])?,
        };
        return Ok(());
    }
    let (table, ids) = (kind.table, (kind.ids)(key));
    let columns = kind.columns.join(", ");
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("?{i}")).collect();
    match (data, row.map(|r| r.ord)) {
        (Some(data), Some(ord)) => {
            let sql = format!(
                "INSERT INTO {table}({columns}, ord, data) VALUES ({}, ?, ?) \
                 ON CONFLICT({columns}) DO UPDATE SET ord = excluded.ord, data = excluded.data",
                marks.join(", ")
            );
            let mut values: Vec<&dyn rusqlite::ToSql> = ids.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
            values.push(&ord);
            values.push(&data);
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?
        }
        _ => {
            let sql = format!("DELETE FROM {table} WHERE ({columns}) = ({})", marks.join(", "));
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(ids))?
        }
    };
    Ok(())
}

enum LoadError {
    Sql(rusqlite::Error),
    Data(String, String),
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        LoadError::Sql(e)
    }
}

/// The document from the file's rows, kind by kind as the registry lists them.
fn load(conn: &Connection) -> Result<Document, LoadError> {
    use edit::entity::{StoredRow, KINDS};
    let mut doc = edit::entity::empty_document();
    for kind in KINDS {
        let rows: Vec<StoredRow> = if kind.is_singleton() {
            let mut stmt = conn.prepare_cached("SELECT data FROM singleton WHERE name = ?1")?;
            let rows = stmt.query_map([kind.table], |r| Ok(StoredRow { columns: Vec::new(), ord: 0.0, data: r.get(0)? }))?;
            rows.collect::<rusqlite::Result<_>>()?
        } else {
            let n = kind.columns.len();
            let sql = format!("SELECT {}, ord, data FROM {} ORDER BY ord", kind.columns.join(", "), kind.table);
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |r| {
                let columns = (0..n).map(|i| r.get(i)).collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(StoredRow { columns, ord: r.get(n)?, data: r.get(n + 1)? })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        (kind.load)(&mut doc, rows).map_err(|(place, message)| LoadError::Data(place, message))?;
        if kind.table == "document" {
            crate::model::limits::check_period(&doc.document.period)
                .map_err(|m| LoadError::Data("document.period".into(), m))?;
        }
    }
    Ok(doc)
}
