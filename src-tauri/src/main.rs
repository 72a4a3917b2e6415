//! Pokin Studio desktop shell. It holds no domain logic: each command
//! translates a call from the front end into a call of the `pokin` core.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use pokin::model::Document;
use pokin::store::DocFile;
use pokin::validate::{self, Report};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The open document, if any.
#[derive(Default)]
struct Session {
    file: Mutex<Option<DocFile>>,
    /// A message for the start screen, e.g. why the file given at launch did not open.
    launch_error: Mutex<Option<String>>,
}

/// What the front end shows of an open document.
#[derive(Serialize)]
struct DocumentView {
    path: String,
    read_only: Option<String>,
    document: Document,
    report: Report,
}

fn view(file: &DocFile) -> DocumentView {
    let document = file.document().clone();
    let report = validate::validate(&document);
    DocumentView {
        path: file.path().display().to_string(),
        read_only: file.read_only().map(str::to_string),
        document,
        report,
    }
}

/// Opens a `.pokin` file, or imports a pokin/1 `.json` into a `.pokin` beside it.
fn open_path(path: &Path) -> Result<DocFile, String> {
    if path.extension().is_some_and(|e| e == "json") {
        let doc = pokin::interchange::json::read(path).map_err(|e| e.to_string())?;
        let target = path.with_extension("pokin");
        if !target.exists() {
            DocFile::create(&target, &doc).map_err(|e| e.to_string())?;
        }
        return DocFile::open(&target).map_err(|e| e.to_string());
    }
    DocFile::open(path).map_err(|e| e.to_string())
}

#[tauri::command]
fn current_document(session: tauri::State<'_, Session>) -> Result<Option<DocumentView>, String> {
    if let Some(message) = session.launch_error.lock().unwrap().take() {
        return Err(message);
    }
    Ok(session.file.lock().unwrap().as_ref().map(view))
}

#[tauri::command]
fn open_document(session: tauri::State<'_, Session>, path: String) -> Result<DocumentView, String> {
    let mut slot = session.file.lock().unwrap();
    // Close the current file first, so reopening the same file does not meet our own lock.
    *slot = None;
    let file = open_path(&PathBuf::from(path))?;
    let shown = view(&file);
    *slot = Some(file);
    Ok(shown)
}

fn main() {
    let session = Session::default();
    if let Some(path) = std::env::args_os().nth(1) {
        match open_path(Path::new(&path)) {
            Ok(file) => *session.file.lock().unwrap() = Some(file),
            Err(message) => *session.launch_error.lock().unwrap() = Some(message),
        }
    }
    tauri::Builder::default()
        .manage(session)
        .invoke_handler(tauri::generate_handler![current_document, open_document])
        .run(tauri::generate_context!())
        .expect("Pokin Studio could not start");
}
