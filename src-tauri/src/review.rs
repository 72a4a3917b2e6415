//! The reviewers' commands (issue #11): the author's preferences kept in
//! the app's config, the review state of the open file (review copy,
//! suggestions, threads whose finding is gone), sending a review copy,
//! merging one back, and comparing with another version. Each is a call
//! into the core (`store::review`, `compare`); comments themselves are ops
//! (`add_annotation` …) through `apply_op`.

use crate::session::Session;
use crate::{message, with_file, Reply};
use pokin::compare::{self, Accept, Choice, EntityChange, MergeReport};
use pokin::store::{review_copy_name, with_default_extension, DocFile, ReviewCopy, Snapshot};
use pokin::validate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// Who writes comments and replies (Preferensi), kept in the app's config folder.
#[derive(Serialize, Deserialize, TS, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Preferences {
    /// The author's name on comments and replies.
    pub name: String,
    /// The author's role ("Inspektorat", "Bappeda", "Perencana").
    pub role: String,
    /// The review round new comments belong to (0: the latest in the file, or 1).
    pub round: u32,
}

fn preferences_path(app: &tauri::AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("preferences.json"))
}

#[tauri::command]
pub fn get_preferences(app: tauri::AppHandle) -> Preferences {
    preferences_path(&app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

#[tauri::command]
pub fn set_preferences(app: tauri::AppHandle, preferences: Preferences) -> Reply<Preferences> {
    let prefs = Preferences { name: preferences.name.trim().to_string(), role: preferences.role.trim().to_string(), round: preferences.round };
    let path = preferences_path(&app).ok_or("Folder konfigurasi aplikasi tidak diketahui")?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| message(pokin::Error::io(dir, e)))?;
    }
    let text = serde_json::to_string_pretty(&prefs).expect("preferences serialise");
    std::fs::write(&path, text).map_err(|e| message(pokin::Error::io(&path, e)))?;
    Ok(prefs)
}

/// The review side of the open file, asked again after every change.
#[derive(Serialize, TS)]
pub struct ReviewState {
    /// The file is a review copy: its base and reviewer (review mode).
    review: Option<ReviewCopy>,
    /// In a review copy: the reviewer's suggestions so far (base → now).
    suggestions: Vec<EntityChange>,
    /// Why the suggestions cannot be shown (the copy's base is missing).
    problem: Option<String>,
    /// Open threads made from a finding that no longer fires ("mungkin sudah diperbaiki").
    fixed_threads: Vec<String>,
    /// The highest review round in the file (0: none given).
    max_round: u32,
    /// Notes can be written: the file is writable (a final document still takes notes).
    notes_writable: bool,
}

#[tauri::command]
pub fn review_state(session: State<'_, Session>) -> Reply<ReviewState> {
    with_file(&session, |file| {
        let doc = file.document();
        let review = file.review_info().map_err(message)?;
        let (suggestions, problem) = match file.suggestions() {
            Ok(s) => (s, None),
            Err(e) => (Vec::new(), Some(message(e))),
        };
        let report = validate::validate(doc);
        Ok(ReviewState {
            review,
            suggestions,
            problem,
            fixed_threads: report.fixed_threads(doc).into_iter().map(str::to_string).collect(),
            max_round: doc.annotations.iter().map(|a| a.round).max().unwrap_or(0),
            notes_writable: file.read_only().is_none(),
        })
    })
}

/// The native save dialog for a review copy, with the core's default name
/// beside the open file; the path answered is granted. None when cancelled.
/// A worksheet (KKE Format 1 or 2) of the open document, prefilled by the validator.
#[tauri::command]
pub fn worksheet(session: State<'_, Session>, kke: u8) -> Reply<pokin::worksheet::Worksheet> {
    let kke = pokin::model::Kke::try_from(kke)?;
    with_file(&session, |file| Ok(pokin::worksheet::for_document(file.document(), kke)))
}

#[tauri::command]
pub async fn pick_review_copy_path(app: tauri::AppHandle, session: State<'_, Session>, reviewer: String) -> Reply<Option<String>> {
    let suggested = with_file(&session, |file| Ok(review_copy_name(file.path(), &reviewer)))?;
    let mut dialog = app.dialog().file().set_title("Kirim untuk reviu — simpan salinan").add_filter("Dokumen Pokin (.pokin)", &["pokin"]);
    if let Some(dir) = suggested.parent() {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let Some(path) = dialog.blocking_save_file().and_then(|p| p.into_path().ok()) else { return Ok(None) };
    let path = with_default_extension(&path, "pokin");
    session.grant(&path);
    Ok(Some(path.display().to_string()))
}

/// The native open dialog for a `.pokin` (a returned review copy, or a file to compare with).
#[tauri::command]
pub async fn pick_pokin_path(app: tauri::AppHandle, session: State<'_, Session>, title: String) -> Reply<Option<String>> {
    // Opens in the open document's folder (a returned copy is usually put beside it).
    let mut dialog = app.dialog().file().set_title(title).add_filter("Dokumen Pokin (.pokin)", &["pokin"]);
    if let Ok(Some(dir)) = with_file(&session, |file| Ok(file.path().parent().map(|d| d.to_path_buf()))) {
        dialog = dialog.set_directory(dir);
    }
    let picked = dialog.blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    session.grant(&path);
    Ok(Some(path.display().to_string()))
}

/// Berkas › Kirim untuk reviu…: writes the review copy at `path` (chosen in the dialog).
#[tauri::command]
pub fn send_for_review(app: tauri::AppHandle, session: State<'_, Session>, path: String, reviewer: String) -> Reply<ReviewCopy> {
    let target = with_default_extension(&session.granted_path(&app, &path, false)?, "pokin");
    with_file(&session, |file| file.review_copy(&target, &reviewer).map_err(message))
}

/// Which of the reviewer's changes the planner takes: `accept` the keys
/// (`node:n3`; null: all of them), `theirs` the conflicts settled for the
/// reviewer's value (`node:n3#statement`).
#[derive(Deserialize, TS)]
pub struct MergeChoice {
    accept: Option<Vec<String>>,
    theirs: Vec<String>,
}

impl MergeChoice {
    fn choice(self) -> Choice {
        let accept = match self.accept {
            None => Accept::All,
            Some(keys) => Accept::Only(keys.into_iter().collect()),
        };
        Choice { accept, theirs: self.theirs.into_iter().collect::<BTreeSet<_>>() }
    }
}

/// What merging a copy would bring (nothing changed yet).
#[derive(Serialize, TS)]
pub struct MergePreview {
    report: MergeReport,
    copy: ReviewCopy,
    /// The open document is final: only the notes would merge.
    notes_only: bool,
}

fn open_copy(app: &tauri::AppHandle, session: &Session, path: &str) -> Reply<DocFile> {
    let path = session.granted_path(app, path, false)?;
    DocFile::open_read_only(&path).map_err(message)
}

#[tauri::command]
pub fn merge_preview(app: tauri::AppHandle, session: State<'_, Session>, path: String, choice: MergeChoice) -> Reply<MergePreview> {
    let copy = open_copy(&app, &session, &path)?;
    let info = copy.review_info().map_err(message)?;
    with_file(&session, |file| {
        let report = file.merge_preview(&copy, &choice.choice()).map_err(message)?;
        let notes_only = file.document().document.status == Some(pokin::model::Status::Final);
        Ok(MergePreview { report, copy: info.expect("merge_preview refuses a file that is not a copy"), notes_only })
    })
}

/// A merge done: the page asks for the document again (`current_document`).
#[derive(Serialize, TS)]
pub struct Merged {
    report: MergeReport,
    reviewer: String,
    notes_only: bool,
    /// A history step was made (Ctrl+Z undoes it).
    applied: bool,
}

/// Berkas › Gabungkan hasil reviu…: one history step.
#[tauri::command]
pub fn merge_review(app: tauri::AppHandle, session: State<'_, Session>, path: String, choice: MergeChoice) -> Reply<Merged> {
    let copy = open_copy(&app, &session, &path)?;
    with_file(&session, |file| {
        let done = file.merge_review(&copy, &choice.choice()).map_err(message)?;
        Ok(Merged { report: done.report, reviewer: done.reviewer, notes_only: done.notes_only, applied: done.applied.is_some() })
    })
}

/// A point of the history to compare with.
#[derive(Serialize, TS)]
pub struct HistoryPoint {
    seq: i64,
    at: String,
    label: String,
}

/// What the open file can be compared with: its named versions and its history.
#[derive(Serialize, TS)]
pub struct CompareSources {
    versions: Vec<Snapshot>,
    history: Vec<HistoryPoint>,
    /// The review copy's base, when the open file is one.
    base: Option<String>,
}

#[tauri::command]
pub fn compare_sources(session: State<'_, Session>) -> Reply<CompareSources> {
    with_file(&session, |file| {
        let history = file.history().map_err(message)?;
        let head = file.head();
        Ok(CompareSources {
            versions: file.snapshots().map_err(message)?,
            history: history.into_iter().filter(|h| h.seq < head).map(|h| HistoryPoint { seq: h.seq, at: h.at, label: h.label }).rev().collect(),
            base: file.review_info().map_err(message)?.map(|r| r.base),
        })
    })
}

/// Tampilan › Bandingkan…: the state to compare the document with.
#[derive(Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Against {
    /// A named version of this file.
    Version(String),
    /// The state after history step `seq` (0: before the first).
    Seq(i64),
    /// Another `.pokin` (chosen in the dialog).
    Path(String),
}

/// The changes from `against` to the document as it is now.
#[derive(Serialize, TS)]
pub struct Comparison {
    /// What was compared, in words ("versi \"Dasar reviu …\"").
    label: String,
    changes: Vec<EntityChange>,
}

#[tauri::command]
pub fn compare_with(app: tauri::AppHandle, session: State<'_, Session>, against: Against) -> Reply<Comparison> {
    let other = match &against {
        Against::Path(path) => {
            let path = session.granted_path(&app, path, true)?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Some((DocFile::open_read_only(&path).map_err(message)?.document().clone(), format!("berkas {name}")))
        }
        _ => None,
    };
    with_file(&session, |file| {
        let (old, label) = match (against, other) {
            (_, Some(found)) => found,
            (Against::Version(name), _) => (file.snapshot_document(&name).map_err(message)?, format!("versi \"{name}\"")),
            (Against::Seq(seq), _) => (file.state_at(seq).map_err(message)?, format!("riwayat #{seq}")),
            (Against::Path(_), None) => unreachable!("read above"),
        };
        Ok(Comparison { label, changes: compare::compare(&old, file.document()) })
    })
}

/// The types of these commands, for `contract::export`.
#[cfg(test)]
pub(crate) fn export(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    Preferences::export_all(cfg)?;
    ReviewState::export_all(cfg)?;
    MergeChoice::export_all(cfg)?;
    MergePreview::export_all(cfg)?;
    Merged::export_all(cfg)?;
    CompareSources::export_all(cfg)?;
    Against::export_all(cfg)?;
    Comparison::export_all(cfg)?;
    Ok(())
}
