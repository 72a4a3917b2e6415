//! Named versions, the final (ditetapkan) version, drafts and copies.

use super::{ensure_free, files, now, sql_error, DocFile};
use crate::edit::Op;
use crate::error::{Error, Result};
use crate::interchange::json;
use crate::model::*;
use rusqlite::{params, OptionalExtension};
use std::path::Path;

/// A named version.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct Snapshot {
    pub name: String,
    pub seq: i64,
    pub at: String,
    pub fingerprint: String,
    #[serde(rename = "final")]
    pub is_final: bool,
}

impl DocFile {
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
                "INSERT INTO snapshot(name, seq, at, fingerprint, final, document, plan_fingerprint) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?4)",
                params![snapshot.name, snapshot.seq, snapshot.at, snapshot.fingerprint, json::canonical_record(&self.doc)],
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
        if let Some(version) = self.final_version(&fingerprint)? {
            return Ok((fingerprint, Some(version.name)));
        }
        // Signed before review notes were left out of the fingerprint (files
        // since schema 4 know every final version's plan fingerprint too).
        let with_notes = json::fingerprint_with_notes(doc);
        if with_notes != fingerprint {
            if let Some(version) = self.final_version(&with_notes)? {
                return Ok((with_notes, Some(version.name)));
            }
        }
        Ok((fingerprint, None))
    }

    /// The final version whose fingerprint this is, if any: the one it was
    /// marked with (printed on what was printed then), or its plan's as
    /// fingerprinted today (realisasi left out).
    pub fn final_version(&self, fingerprint: &str) -> Result<Option<Snapshot>> {
        let plan: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM snapshot WHERE final = 1 AND plan_fingerprint = ?1 ORDER BY rowid LIMIT 1",
                [fingerprint],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.db_err())?;
        Ok(self.snapshots()?.into_iter().find(|s| s.is_final && (s.fingerprint == fingerprint || Some(&s.name) == plan.as_ref())))
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
