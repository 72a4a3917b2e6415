//! Pokin Studio desktop shell. It holds no domain logic: each command
//! translates a call from the front end into a call of the `pokin` core,
//! and a core error into the Indonesian message the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use pokin::edit::Op;
use pokin::layout::{layout_tree, TreeLayout, TreeOptions};
use pokin::render::{preview_tree, print_tree, Paper, Preview, PrintMode, PrintOptions, Provenance, View};
use pokin::model::{Document, Period};
use pokin::store::{DocFile, Snapshot};
use pokin::validate::{self, Report};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{Manager, State};

/// The open document, if any.
#[derive(Default)]
struct Session {
    file: Mutex<Option<DocFile>>,
    /// Why the file given at launch did not open, for the start screen.
    launch_error: Mutex<Option<String>>,
}

/// What the front end shows of an open document.
#[derive(Serialize)]
struct DocumentView {
    path: String,
    read_only: Option<String>,
    /// In the script form: a step's number under `number` (see `json::to_script_value`).
    document: serde_json::Value,
    report: Report,
    can_undo: bool,
    can_redo: bool,
}

#[derive(Serialize)]
struct SampleInfo {
    key: &'static str,
    title: String,
    agency: String,
    government: String,
}

type Reply<T> = Result<T, String>;

fn message(err: pokin::Error) -> String {
    err.to_string()
}

fn view(file: &DocFile) -> DocumentView {
    let report = validate::validate(file.document());
    DocumentView {
        path: file.path().display().to_string(),
        read_only: file.edit_refusal(),
        document: pokin::interchange::json::to_script_value(file.document()),
        report,
        can_undo: file.can_undo() && file.edit_refusal().is_none(),
        can_redo: file.can_redo() && file.edit_refusal().is_none(),
    }
}

/// Opens a `.pokin` file, or imports a pokin/1 `.json` into a `.pokin` beside it.
fn open_path(path: &Path) -> Reply<DocFile> {
    if path.extension().is_some_and(|e| e == "json") {
        let doc = pokin::interchange::json::read(path).map_err(message)?;
        let target = path.with_extension("pokin");
        if !target.exists() {
            DocFile::create(&target, &doc).map_err(message)?;
        }
        return DocFile::open(&target).map_err(message);
    }
    DocFile::open(path).map_err(message)
}

fn recent_path(app: &tauri::AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("recent.json"))
}

fn read_recent(app: &tauri::AppHandle) -> Vec<String> {
    recent_path(app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn remember(app: &tauri::AppHandle, path: &Path) {
    let Some(store) = recent_path(app) else { return };
    let path = path.display().to_string();
    let mut list = read_recent(app);
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(10);
    if let Some(dir) = store.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(store, serde_json::to_string(&list).unwrap_or_default());
}

/// Shows the file name (and read-only state) in the window title.
fn set_title(app: &tauri::AppHandle, file: &DocFile) {
    let name = file.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut title = format!("{name} — Pokin Studio");
    if file.edit_refusal().is_some() {
        title.push_str(" (hanya-baca)");
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}

/// Makes `file` the open document.
fn install(app: &tauri::AppHandle, session: &Session, file: DocFile) -> DocumentView {
    *session.launch_error.lock().unwrap() = None;
    remember(app, file.path());
    set_title(app, &file);
    let shown = view(&file);
    *session.file.lock().unwrap() = Some(file);
    shown
}

fn with_file<T>(session: &Session, f: impl FnOnce(&mut DocFile) -> Reply<T>) -> Reply<T> {
    let mut slot = session.file.lock().unwrap();
    let file = slot.as_mut().ok_or("Belum ada dokumen yang dibuka")?;
    f(file)
}

#[tauri::command]
fn current_document(app: tauri::AppHandle, session: State<'_, Session>) -> Reply<Option<DocumentView>> {
    // Kept until another document opens: the start screen may ask more than once.
    if let Some(message) = session.launch_error.lock().unwrap().clone() {
        return Err(message);
    }
    let slot = session.file.lock().unwrap();
    if let Some(file) = slot.as_ref() {
        set_title(&app, file);
    }
    Ok(slot.as_ref().map(view))
}

#[tauri::command]
fn open_document(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<DocumentView> {
    // Close the current file first, so reopening it does not meet our own lock.
    *session.file.lock().unwrap() = None;
    let file = open_path(&PathBuf::from(path))?;
    Ok(install(&app, &session, file))
}

#[tauri::command]
#[allow(clippy::too_many_arguments)]
fn new_document(
    app: tauri::AppHandle,
    session: State<'_, Session>,
    path: String,
    title: String,
    agency: String,
    government: String,
    from: i32,
    to: i32,
) -> Reply<DocumentView> {
    if title.trim().is_empty() {
        return Err("Judul dokumen wajib diisi".into());
    }
    if from > to {
        return Err(format!("Tahun awal {from} jatuh setelah tahun akhir {to}"));
    }
    let mut doc = Document::new(title.trim(), Period { from, to });
    doc.document.agency = agency;
    doc.document.government = government;
    *session.file.lock().unwrap() = None;
    let mut path = PathBuf::from(path);
    if path.extension().is_none() {
        path.set_extension("pokin");
    }
    let file = DocFile::create(&path, &doc).map_err(message)?;
    Ok(install(&app, &session, file))
}

#[tauri::command]
fn list_samples() -> Vec<SampleInfo> {
    pokin::samples::ALL
        .iter()
        .map(|s| {
            let doc = s.document();
            SampleInfo { key: s.key, title: doc.document.title, agency: doc.document.agency, government: doc.document.government }
        })
        .collect()
}

/// Opens a sample: a working copy in the app's data folder (kept, so edits to it persist).
#[tauri::command]
fn open_sample(app: tauri::AppHandle, session: State<'_, Session>, key: String) -> Reply<DocumentView> {
    let sample = pokin::samples::find(&key).ok_or_else(|| format!("Contoh `{key}` tidak ada"))?;
    let dir = app.path().app_data_dir().map_err(|e| e.to_string())?.join("contoh");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{key}.pokin"));
    *session.file.lock().unwrap() = None;
    if !path.exists() {
        DocFile::create(&path, &sample.document()).map_err(message)?;
    }
    let file = DocFile::open(&path).map_err(message)?;
    Ok(install(&app, &session, file))
}

#[tauri::command]
fn recent_files(app: tauri::AppHandle) -> Vec<String> {
    read_recent(&app).into_iter().filter(|p| Path::new(p).exists()).collect()
}

/// Saves a copy under a new name and continues in the copy.
#[tauri::command]
fn save_as(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<DocumentView> {
    let mut target = PathBuf::from(path);
    if target.extension().is_none() {
        target.set_extension("pokin");
    }
    with_file(&session, |file| file.save_copy(&target).map_err(message))?;
    *session.file.lock().unwrap() = None;
    let file = DocFile::open(&target).map_err(message)?;
    Ok(install(&app, &session, file))
}

/// Berkas › Tetapkan sebagai final: the document's status becomes final, the
/// state is kept as a final named version, and the file takes no more edits.
#[tauri::command]
fn mark_final(app: tauri::AppHandle, session: State<'_, Session>, name: String) -> Reply<DocumentView> {
    with_file(&session, |file| {
        file.mark_final(&name).map_err(message)?;
        set_title(&app, file);
        Ok(view(file))
    })
}

/// Berkas › Draf baru dari versi final: a new draft file at `path` with this
/// document's content and a fresh history, opened in place of this one.
#[tauri::command]
fn new_draft(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<DocumentView> {
    let mut target = PathBuf::from(path);
    if target.extension().is_none() {
        target.set_extension("pokin");
    }
    with_file(&session, |file| file.branch_draft(&target).map(drop).map_err(message))?;
    *session.file.lock().unwrap() = None;
    let file = DocFile::open(&target).map_err(message)?;
    Ok(install(&app, &session, file))
}

#[tauri::command]
fn apply_op(session: State<'_, Session>, op: Op) -> Reply<DocumentView> {
    with_file(&session, |file| {
        file.apply(&op).map_err(message)?;
        Ok(view(file))
    })
}

#[tauri::command]
fn undo(session: State<'_, Session>) -> Reply<DocumentView> {
    with_file(&session, |file| {
        file.undo().map_err(message)?;
        Ok(view(file))
    })
}

#[tauri::command]
fn redo(session: State<'_, Session>) -> Reply<DocumentView> {
    with_file(&session, |file| {
        file.redo().map_err(message)?;
        Ok(view(file))
    })
}

#[tauri::command]
fn create_snapshot(session: State<'_, Session>, name: String) -> Reply<Snapshot> {
    with_file(&session, |file| file.snapshot(&name).map_err(message))
}

#[tauri::command]
fn list_snapshots(session: State<'_, Session>) -> Reply<Vec<Snapshot>> {
    with_file(&session, |file| file.snapshots().map_err(message))
}

/// The SOP-AP geometry of a flow (rows, lane columns, symbols, arrows), for the flow editor.
#[tauri::command]
fn flow_layout(session: State<'_, Session>, flow: String, width: f32) -> Reply<pokin::layout::flow::FlowLayout> {
    with_file(&session, |file| {
        let doc = file.document();
        let found = doc.flow(&flow).ok_or_else(|| format!("Peta lintas fungsi `{flow}` tidak ada"))?;
        Ok(pokin::layout::flow::layout_flow_unpaged(doc, found, width))
    })
}

/// The Peta Proses Bisnis (level 0, or a process's Peta Sub Proses Bisnis) in `width` × `height` points.
#[tauri::command]
fn process_map_layout(
    session: State<'_, Session>,
    parent: Option<String>,
    width: f32,
    height: f32,
) -> Reply<pokin::layout::processes::ProcessMapLayout> {
    with_file(&session, |file| {
        let doc = file.document();
        if let Some(id) = parent.as_deref() {
            doc.process(id).ok_or_else(|| format!("Proses `{id}` tidak ada"))?;
        }
        Ok(pokin::layout::processes::layout_process_map(doc, parent.as_deref(), width.max(300.0), height.max(200.0)))
    })
}

#[tauri::command]
fn tree_layout(session: State<'_, Session>, collapsed: Vec<String>) -> Reply<TreeLayout> {
    with_file(&session, |file| {
        let options = TreeOptions { collapsed: collapsed.into_iter().collect(), ..TreeOptions::default() };
        Ok(layout_tree(file.document(), &options))
    })
}

/// The print dialog's options, as the front end sends them.
#[derive(serde::Deserialize)]
struct PrintRequest {
    /// tree (default), processes, relations
    #[serde(default)]
    view: String,
    paper: String,
    landscape: bool,
    mode: String,
    scale: f32,
    margin_mm: f32,
    years: Vec<i32>,
    indicators: bool,
    owners: bool,
    numbering: bool,
    findings: bool,
    legend: bool,
}

impl PrintRequest {
    fn options(self) -> Reply<PrintOptions> {
        let paper = Paper::parse(&self.paper).ok_or_else(|| format!("Kertas `{}` tidak dikenal", self.paper))?;
        let mode = match self.mode.as_str() {
            "poster" => PrintMode::Poster { scale: self.scale },
            _ => PrintMode::Fit,
        };
        let view = if self.view.is_empty() { "tree" } else { self.view.as_str() };
        let view = View::parse(view).ok_or_else(|| format!("Tampilan `{view}` belum dapat dicetak"))?;
        Ok(PrintOptions {
            view,
            paper,
            landscape: self.landscape,
            mode,
            margin_mm: self.margin_mm,
            indicators: self.indicators || !self.years.is_empty(),
            years: self.years,
            owners: self.owners,
            numbering: self.numbering,
            findings: self.findings,
            legend: self.legend,
            ..PrintOptions::default()
        })
    }
}

#[tauri::command]
fn print_preview(session: State<'_, Session>, options: PrintRequest) -> Reply<Preview> {
    let options = options.options()?;
    with_file(&session, |file| {
        let (fingerprint, final_name) = file.identify(file.document()).map_err(message)?;
        let provenance = Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
        Ok(preview_tree(file.document(), &provenance, &options))
    })
}

#[derive(Serialize)]
struct Printed {
    path: String,
    pages: usize,
    warnings: Vec<String>,
}

#[tauri::command]
fn print_pdf(session: State<'_, Session>, options: PrintRequest, path: String) -> Reply<Printed> {
    let options = options.options()?;
    let mut path = PathBuf::from(path);
    if path.extension().is_none() {
        path.set_extension("pdf");
    }
    let printout = with_file(&session, |file| {
        let (fingerprint, final_name) = file.identify(file.document()).map_err(message)?;
        let provenance = Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
        Ok(print_tree(file.document(), &provenance, &options))
    })?;
    std::fs::write(&path, &printout.pdf).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Printed { path: path.display().to_string(), pages: printout.pages, warnings: printout.warnings })
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
        .plugin(tauri_plugin_dialog::init())
        .manage(session)
        .invoke_handler(tauri::generate_handler![
            current_document,
            open_document,
            new_document,
            list_samples,
            open_sample,
            recent_files,
            save_as,
            mark_final,
            new_draft,
            apply_op,
            undo,
            redo,
            create_snapshot,
            list_snapshots,
            tree_layout,
            flow_layout,
            process_map_layout,
            print_preview,
            print_pdf,
        ])
        .run(tauri::generate_context!())
        .expect("Pokin Studio could not start");
}
