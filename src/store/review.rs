//! Review copies: a copy of the file sent to a reviewer, carrying the named
//! version it starts from (its base), and the three-way merge of a copy
//! that comes back (`compare::merge`), applied as one history step.

use super::{free_name, sql_error, DocFile};
use crate::compare::{self, Choice, EntityChange, MergeReport};
use crate::error::{Error, Result};
use crate::model::*;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What marks a file as a review copy (its `meta` row `review`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReviewCopy {
    /// The named version the copy starts from, present in both files.
    pub base: String,
    pub fingerprint: String,
    pub reviewer: String,
    pub at: String,
}

/// A merge done: what it brought, and the history step (none when nothing changed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeDone {
    pub report: MergeReport,
    pub reviewer: String,
    /// The plan changes were left out: the document is final (only notes merged).
    pub notes_only: bool,
    pub applied: Option<super::Applied>,
}

impl DocFile {
    /// Writes a review copy of this document to `path` (which must not
    /// exist): the whole file without its history, marked with its base —
    /// the named version equal to the current state, made now when there is
    /// none ("Dasar reviu …").
    pub fn review_copy(&mut self, path: &Path, reviewer: &str) -> Result<ReviewCopy> {
        let reviewer = reviewer.trim();
        if reviewer.is_empty() {
            return Err(Error::refused("Nama reviewer wajib diisi"));
        }
        let base = self.base_version(reviewer)?;
        self.save_copy(path)?;
        let info = ReviewCopy { base: base.name, fingerprint: base.fingerprint, reviewer: reviewer.into(), at: super::now() };
        let copy = DocFile::open(path)?;
        let file = path.display().to_string();
        let text = serde_json::to_string(&info).expect("review marks serialise");
        copy.conn
            .execute_batch("BEGIN")
            .and_then(|()| copy.conn.execute("DELETE FROM history", []))
            .and_then(|_| super::rows::set_head(&copy.conn, 0))
            .and_then(|()| copy.conn.execute("INSERT INTO meta(key, value) VALUES ('review', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1", [&text]))
            .and_then(|_| copy.conn.execute_batch("COMMIT"))
            .map_err(|e| sql_error(&file, e))?;
        Ok(info)
    }

    /// The named version equal to the current state (the latest such), or a new one.
    fn base_version(&mut self, reviewer: &str) -> Result<super::Snapshot> {
        let fingerprint = crate::interchange::json::fingerprint(&self.doc);
        if let Some(found) = self.snapshots()?.into_iter().rev().find(|s| s.fingerprint == fingerprint) {
            return Ok(found);
        }
        let taken: Vec<String> = self.snapshots()?.into_iter().map(|s| s.name).collect();
        let stem = format!("Dasar reviu {reviewer} {}", super::today());
        let name = (1..).map(|n| if n == 1 { stem.clone() } else { format!("{stem} ({n})") }).find(|n| !taken.contains(n)).expect("names are unbounded");
        self.snapshot(&name)
    }

    /// The review mark of this file, if it is a review copy.
    pub fn review_info(&self) -> Result<Option<ReviewCopy>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'review'", [], |r| r.get(0))
            .optional()
            .map_err(self.db_err())?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| Error::Corrupt { file: self.file(), detail: format!("tanda salinan reviu: {e}") }))
            .transpose()
    }

    /// The base document of a review copy (or of the copy `info` names, looked up in this file).
    pub fn review_base(&self, info: &ReviewCopy) -> Result<Document> {
        let found = self.snapshots()?.into_iter().find(|s| s.name == info.base && s.fingerprint == info.fingerprint);
        if found.is_none() {
            return Err(Error::refused(format!(
                "Versi dasar salinan reviu ini (\"{}\", sidik {}) tidak ada di {}; gabungkan ke berkas asal yang mengirim salinan itu",
                info.base,
                &info.fingerprint[..12.min(info.fingerprint.len())],
                self.file()
            )));
        }
        self.snapshot_document(&info.base)
    }

    /// In a review copy: the reviewer's suggestions so far (base → now).
    pub fn suggestions(&self) -> Result<Vec<EntityChange>> {
        let Some(info) = self.review_info()? else { return Ok(Vec::new()) };
        let base = self.review_base(&info)?;
        Ok(compare::compare(&base, &self.doc).into_iter().filter(|c| !c.review).collect())
    }

    /// What merging `copy` would bring, without changing anything.
    pub fn merge_preview(&self, copy: &DocFile, choice: &Choice) -> Result<MergeReport> {
        let (info, base) = self.copy_base(copy)?;
        Ok(compare::merge(&base, &self.doc, &copy.doc, choice, &info.reviewer).report)
    }

    /// Merges a review copy that came back: the reviewer's notes always,
    /// the plan changes `choice` takes (none when this document is final),
    /// as one history step.
    pub fn merge_review(&mut self, copy: &DocFile, choice: &Choice) -> Result<MergeDone> {
        self.writable()?;
        let (info, base) = self.copy_base(copy)?;
        let notes_only = self.doc.document.status == Some(Status::Final);
        let choice = if notes_only { Choice::none() } else { choice.clone() };
        let merged = compare::merge(&base, &self.doc, &copy.doc, &choice, &info.reviewer);
        let changes: Vec<_> = if notes_only { merged.changes.into_iter().filter(|c| c.key.is_review_note()).collect() } else { merged.changes };
        let label = format!("Gabungkan hasil reviu {}", info.reviewer);
        let applied = self.apply_changes(&label, changes)?;
        Ok(MergeDone { report: merged.report, reviewer: info.reviewer, notes_only, applied })
    }

    fn copy_base(&self, copy: &DocFile) -> Result<(ReviewCopy, Document)> {
        let info = copy.review_info()?.ok_or_else(|| {
            Error::refused(format!("{} bukan salinan reviu (buat dengan Berkas › Kirim untuk reviu… atau pokin review-copy)", copy.file()))
        })?;
        let base = self.review_base(&info)?;
        Ok((info, base))
    }
}

/// A free name for a review copy beside `path`: `X (reviu NAME).pokin`.
pub fn review_copy_name(path: &Path, reviewer: &str) -> std::path::PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let safe: String = reviewer.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    free_name(&path.with_file_name(format!("{stem} (reviu {}).pokin", safe.trim())))
}
