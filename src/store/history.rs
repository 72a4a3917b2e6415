//! Edits, undo, redo and the history of a `.pokin` file: each edit one
//! transaction of entity rows and a history row.

use super::rows::{set_head, write_row};
use super::{now, sql_error, Applied, DocFile, HistoryEntry};
use crate::edit::{self, Change, Op};
use crate::error::{Error, Result};
use crate::model::*;
use rusqlite::{params, OptionalExtension};

impl DocFile {
    /// Applies one edit durably. `Ok(None)` when it changed nothing.
    pub fn apply(&mut self, op: &Op) -> Result<Option<Applied>> {
        self.writable()?;
        let was_final = self.doc.document.status == Some(Status::Final);
        let changes = edit::execute(&mut self.doc, op)?;
        if changes.is_empty() {
            return Ok(None);
        }
        // Judged by the status before the op (marking final is itself an op).
        if !allowed_when(was_final, &changes) {
            edit::revert(&mut self.doc, &changes)?;
            return self.not_final().map(|()| None);
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
        self.final_allows(&changes)?;
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
                Ok(Applied { seq, label: label.to_string(), changes })
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
        Ok(self.undo_step()?.map(|step| step.label))
    }

    /// [`DocFile::undo`], with the changes it made (the edit's inverses, in the order applied).
    pub fn undo_step(&mut self) -> Result<Option<Applied>> {
        self.writable()?;
        let Some((label, changes)) = self.history_changes(self.head)? else { return Ok(None) };
        self.final_allows(&changes)?;
        let inverse: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
        self.move_head(self.head - 1, &inverse)?;
        Ok(Some(Applied { seq: self.head, label, changes: inverse }))
    }

    /// Makes the last undone edit again. `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        Ok(self.redo_step()?.map(|step| step.label))
    }

    /// [`DocFile::redo`], with the changes it made (the edit's, in order).
    pub fn redo_step(&mut self) -> Result<Option<Applied>> {
        self.writable()?;
        let Some((label, changes)) = self.history_changes(self.head + 1)? else { return Ok(None) };
        self.final_allows(&changes)?;
        self.move_head(self.head + 1, &changes)?;
        Ok(Some(Applied { seq: self.head, label, changes }))
    }

    /// A final document takes review notes and realisasi only: the plan stays as signed.
    fn final_allows(&self, changes: &[Change]) -> Result<()> {
        if allowed_when(self.doc.document.status == Some(Status::Final), changes) {
            return Ok(());
        }
        self.not_final()
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

    /// Whether Urungkan would be taken now: a step to undo, a writable
    /// file, and on a final document a step that leaves the plan as signed
    /// (a realisasi, a review note) — what the editor's button shows.
    pub fn undo_allowed(&self) -> bool {
        self.writable().is_ok() && self.can_undo() && self.step_keeps_plan_if_final(self.head)
    }

    /// [`DocFile::undo_allowed`] for Ulangi.
    pub fn redo_allowed(&self) -> bool {
        self.writable().is_ok() && self.can_redo() && self.step_keeps_plan_if_final(self.head + 1)
    }

    fn step_keeps_plan_if_final(&self, seq: i64) -> bool {
        let is_final = self.doc.document.status == Some(Status::Final);
        // A draft's history is not read: this runs with every reply to the editor.
        !is_final || self.history_changes(seq).ok().flatten().is_some_and(|(_, changes)| allowed_when(is_final, &changes))
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
}

/// Whether `changes` may be made to a document that is final (`is_final`)
/// or not: anything to a draft; to a final document only what leaves its
/// plan as signed (review notes, realisasi). The one rule for edits, undo,
/// redo, applied diffs and the editor's buttons.
fn allowed_when(is_final: bool, changes: &[Change]) -> bool {
    !is_final || changes.iter().all(Change::keeps_plan)
}
