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

mod errors;
mod files;
mod history;
mod open;
mod review;
mod rows;
mod schema;
mod versions;

use crate::edit::{self, Change};
use crate::error::{Error, Result};
use crate::model::*;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

use errors::{migration_error, sql_error};
use rows::{load, read_head, write_row, LoadError};

pub use files::is_sqlite;
pub use review::{review_copy_name, MergeDone, ReviewCopy};
pub use versions::Snapshot;
pub use open::{free_name, is_pokin_file, new_document, open_or_import, with_default_extension};
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


/// What an edit, an undo or a redo did: the history position after it, the
/// step's label, and the entity changes made, in the order applied (for an
/// undo, the inverses of the edit's): what a view of the document must
/// update, without comparing documents.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Applied {
    pub seq: i64,
    pub label: String,
    pub changes: Vec<Change>,
}

pub(crate) use crate::clock::now;
pub use crate::clock::today;

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
