//! Pokin Studio desktop shell. It holds no domain logic: each command
//! translates a call from the front end into a call of the `pokin` core,
//! and a core error into the Indonesian message the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod contract;
mod review;
mod session;
mod spreadsheet;
mod wire;

use pokin::edit::Op;
use pokin::layout::flow::{layout_flow_unpaged, FlowLayout};
use pokin::layout::processes::{layout_process_map, ProcessMapLayout};
use pokin::layout::relations::{layout_relations, RelationsLayout};
use pokin::layout::{layout_tree, TreeLayout, TreeOptions};
use pokin::model::{Document, Period, Value};
use pokin::monitoring::{self, CapaianReport, IndicatorCapaian};
use pokin::render::{preview_tree, print_tree, Preview, PrintRequest, Provenance};
use pokin::store::{self, with_default_extension, DocFile, Snapshot};
use pokin::validate;
use serde::{Deserialize, Serialize};
use session::{read_recent, remember, Session};
use std::path::Path;
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// What the screen shows, sent with an edit, undo or redo so that one reply
/// carries everything the screen needs: the mode and its layout parameters.
#[derive(Deserialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case")]
enum Screen {
    /// The tree with these subtrees folded away, in the wide or the compact layout.
    Tree {
        collapsed: Vec<String>,
        #[serde(default)]
        #[ts(optional)]
        compact: Option<bool>,
        /// The capaian view of this year (Tampilan › Capaian, the Tabel
        /// monitoring): boxes with their category colour and capaian lines,
        /// and the year's `CapaianReport` in the reply.
        #[serde(default)]
        #[ts(optional)]
        capaian: Option<i32>,
    },
    /// The Peta Proses Bisnis (level 0 or a process's sub-process map) in width × height points.
    Map { parent: Option<String>, width: f32, height: f32 },
    /// A flow's SOP-AP table `width` points wide.
    Flow { flow: Option<String>, width: f32 },
    /// The Peta Relasi (rows and columns from the core, as on paper).
    Relations,
}

/// The layout of the view on screen after an edit (none where the view no
/// longer exists: a deleted flow or map parent; the page then asks again).
#[derive(Serialize, Default)]
struct Shown {
    #[serde(skip_serializing_if = "Option::is_none")]
    tree: Option<TreeLayout>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<ProcessMapLayout>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flow: Option<ShownFlow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<RelationsLayout>,
    /// With the tree in the capaian view: the year's monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    capaian: Option<CapaianReport>,
}

#[derive(Serialize, TS)]
struct ShownFlow {
    id: String,
    layout: FlowLayout,
}

/// The screen's tree layout: the compact one shaped for a wide screen; in
/// the capaian view of a year, its boxes coloured and annotated.
fn tree_options(collapsed: Vec<String>, compact: bool, capaian: Option<i32>) -> TreeOptions {
    let mut options = TreeOptions { collapsed: collapsed.into_iter().collect(), compact, compact_aspect: 1.6, ..TreeOptions::default() };
    options.details.capaian = capaian;
    options
}

/// The core's layout of what `screen` shows, for the document as it is now.
fn shown(doc: &Document, screen: Screen) -> Shown {
    match screen {
        Screen::Tree { collapsed, compact, capaian } => Shown {
            tree: Some(layout_tree(doc, &tree_options(collapsed, compact.unwrap_or(false), capaian))),
            capaian: capaian.map(|year| monitoring::report(doc, year)),
            ..Shown::default()
        },
        Screen::Map { parent, width, height } => {
            if parent.as_deref().is_some_and(|id| doc.process(id).is_none()) {
                return Shown::default();
            }
            Shown { map: Some(layout_process_map(doc, parent.as_deref(), width.max(300.0), height.max(200.0))), ..Shown::default() }
        }
        Screen::Flow { flow: Some(id), width } => match doc.flow(&id) {
            Some(found) => Shown { flow: Some(ShownFlow { layout: layout_flow_unpaged(doc, found, width), id }), ..Shown::default() },
            None => Shown::default(),
        },
        Screen::Relations => Shown { relations: Some(layout_relations(doc)), ..Shown::default() },
        Screen::Flow { flow: None, .. } => Shown::default(),
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("a reply always serialises")
}

/// What the front end shows of an open document, as the JSON object
/// `{path, read_only, can_undo, can_redo, report, …document}`: `document`
/// (the whole, with its number `doc_seq` and each node's primary parent
/// `parents`) or `document_delta` (the changes an edit made to the one the
/// page holds, see wire.rs; then the report only when it changed, as
/// `report_delta`: runs from the findings the page has), then `more`. The document and
/// the report are written by the core's own writers, straight from the open
/// file: no copy of the document, and the core's optimised serialisation
/// even in a debug build (a generic serialiser instantiated here would run
/// unoptimised: 100 ms for the 2,000-node tree). A step's number is under
/// `number`, a decision's "no" branch under `no`.
fn view_json(file: &DocFile, sent: &mut wire::Sent, report: validate::Report, edit: Option<&wire::Edit>, more: &[(&str, String)]) -> String {
    let refusal = file.edit_refusal();
    let mut fields = vec![
        ("path", to_json(&file.path().display().to_string())),
        ("read_only", to_json(&refusal)),
        // On a final document, the steps that leave the plan as signed (realisasi, review notes).
        ("can_undo", to_json(&file.undo_allowed())),
        ("can_redo", to_json(&file.redo_allowed())),
    ];
    let changes = edit.and_then(|edit| sent.document_delta(file.document(), file.head(), edit));
    // With the document as changes, the report too (the page keeps the one it has).
    fields.extend(sent.report(report, changes.is_some()));
    match changes {
        Some(changes) => fields.push(("document_delta", changes)),
        None => {
            let (seq, parents) = sent.whole_document(file.document(), file.head());
            fields.push(("doc_seq", to_json(&seq)));
            fields.push(("document", pokin::interchange::json::to_string(file.document())));
            fields.push(("parents", parents));
        }
    }
    fields.extend(more.iter().cloned());
    object(&fields)
}

/// `{"key": value, …}` from values already written as JSON.
fn object(fields: &[(&str, String)]) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&to_json(key));
        out.push(':');
        out.push_str(value);
    }
    out.push('}');
    out
}

/// A document view (the reply of the commands that open a file).
type ViewReply = tauri::ipc::Response;

fn view_reply(session: &Session, file: &DocFile) -> Reply<ViewReply> {
    let mut sent = session.sent.lock().unwrap();
    Ok(tauri::ipc::Response::new(view_json(file, &mut sent, validate::validate(file.document()), None, &[])))
}

/// The reply to an edit, undo or redo: the document view (as the changes
/// since the page's copy) and, under `shown`, the layout of what the screen
/// shows (the tree's as changes too): one round trip per edit.
fn edited(session: &Session, file: &DocFile, screen: Screen, edit: wire::Edit) -> Reply<ViewReply> {
    let mut sent = session.sent.lock().unwrap();
    let doc = file.document();
    // The report and the layout at once, on two threads (each reads the document only).
    let (report, shown) = std::thread::scope(|s| {
        let report = s.spawn(|| validate::validate(doc));
        let shown = shown(doc, screen);
        (report.join().expect("validation turns a panicking rule into a finding"), shown)
    });
    let shown = match shown {
        Shown { tree: Some(layout), capaian, .. } => {
            let (key, json) = sent.tree(layout);
            let mut fields = vec![(key, json)];
            fields.extend(capaian.map(|report| ("capaian", to_json(&report))));
            object(&fields)
        }
        other => to_json(&other),
    };
    Ok(tauri::ipc::Response::new(view_json(file, &mut sent, report, Some(&edit), &[("shown", shown)])))
}

#[derive(Serialize, TS)]
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
fn install(app: &tauri::AppHandle, session: &Session, file: DocFile) -> Reply<ViewReply> {
    *session.launch_error.lock().unwrap() = None;
    remember(app, file.path());
    set_title(app, &file);
    let shown = view_reply(session, &file);
    *session.file.lock().unwrap() = Some(file);
    shown
}

fn with_file<T>(session: &Session, f: impl FnOnce(&mut DocFile) -> Reply<T>) -> Reply<T> {
    let mut slot = session.file.lock().unwrap();
    let file = slot.as_mut().ok_or("Belum ada dokumen yang dibuka")?;
    f(file)
}

#[tauri::command]
fn current_document(app: tauri::AppHandle, session: State<'_, Session>) -> Reply<ViewReply> {
    // Kept until another document opens: the start screen may ask more than once.
    if let Some(message) = session.launch_error.lock().unwrap().clone() {
        return Err(message);
    }
    let slot = session.file.lock().unwrap();
    if let Some(file) = slot.as_ref() {
        set_title(&app, file);
    }
    match slot.as_ref() {
        Some(file) => view_reply(&session, file),
        None => Ok(tauri::ipc::Response::new("null".to_string())),
    }
}

#[tauri::command]
fn open_document(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<ViewReply> {
    let path = session.granted_path(&app, &path, true)?;
    // Close the current file first, so reopening it does not meet our own lock.
    session.close();
    let file = store::open_or_import(&path).map_err(message)?;
    install(&app, &session, file)
}

/// The native open dialog (shown by the shell, so the path it answers is
/// one the planner chose); `None` when cancelled.
#[tauri::command]
async fn pick_open_path(app: tauri::AppHandle, session: State<'_, Session>) -> Reply<Option<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Buka berkas")
        .add_filter("Dokumen Pokin (.pokin, .json)", &["pokin", "json"])
        .blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    session.grant(&path);
    Ok(Some(path.display().to_string()))
}

/// The native save dialog for a new `.pokin` (`kind` "pokin") or a PDF
/// (`kind` "pdf"), with the extension added when the planner typed none.
#[tauri::command]
async fn pick_save_path(
    app: tauri::AppHandle,
    session: State<'_, Session>,
    kind: String,
    suggested: String,
) -> Reply<Option<String>> {
    let (title, filter, extension) = match kind.as_str() {
        "pdf" => ("Simpan PDF", "Dokumen PDF (.pdf)", "pdf"),
        _ => ("Simpan sebagai", "Dokumen Pokin (.pokin)", "pokin"),
    };
    let picked = app.dialog().file().set_title(title).set_file_name(suggested).add_filter(filter, &[extension]).blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    let path = with_default_extension(&path, extension);
    session.grant(&path);
    Ok(Some(path.display().to_string()))
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
) -> Reply<ViewReply> {
    let path = with_default_extension(&session.granted_path(&app, &path, false)?, "pokin");
    let doc = store::new_document(&title, &agency, &government, Period { from, to }).map_err(message)?;
    session.close();
    let file = DocFile::create(&path, &doc).map_err(message)?;
    install(&app, &session, file)
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
fn open_sample(app: tauri::AppHandle, session: State<'_, Session>, key: String) -> Reply<ViewReply> {
    let sample = pokin::samples::find(&key).ok_or_else(|| format!("Contoh `{key}` tidak ada"))?;
    let dir = app.path().app_data_dir().map_err(|_| "Folder data aplikasi tidak diketahui".to_string())?.join("contoh");
    std::fs::create_dir_all(&dir).map_err(|e| message(pokin::Error::io(&dir, e)))?;
    let path = dir.join(format!("{key}.pokin"));
    session.close();
    let file = if path.exists() { DocFile::open(&path) } else { DocFile::create(&path, &sample.document()) };
    let file = file.map_err(message)?;
    install(&app, &session, file)
}

#[tauri::command]
fn recent_files(app: tauri::AppHandle) -> Vec<String> {
    read_recent(&app).into_iter().filter(|p| Path::new(p).exists()).collect()
}

/// Saves a copy under a new name and continues in the copy.
#[tauri::command]
fn save_as(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<ViewReply> {
    let target = with_default_extension(&session.granted_path(&app, &path, false)?, "pokin");
    with_file(&session, |file| file.save_copy(&target).map_err(message))?;
    session.close();
    let file = DocFile::open(&target).map_err(message)?;
    install(&app, &session, file)
}

/// Berkas › Tetapkan sebagai final: the document's status becomes final, the
/// state is kept as a final named version, and the file takes no more edits.
#[tauri::command]
fn mark_final(app: tauri::AppHandle, session: State<'_, Session>, name: String) -> Reply<ViewReply> {
    with_file(&session, |file| {
        file.mark_final(&name).map_err(message)?;
        set_title(&app, file);
        view_reply(&session, file)
    })
}

/// Berkas › Draf baru dari versi final: a new draft file at `path` with this
/// document's content and a fresh history, opened in place of this one.
#[tauri::command]
fn new_draft(app: tauri::AppHandle, session: State<'_, Session>, path: String) -> Reply<ViewReply> {
    let target = with_default_extension(&session.granted_path(&app, &path, false)?, "pokin");
    // The draft is created (and so locked) before the final file is let go.
    let draft = with_file(&session, |file| file.branch_draft(&target).map_err(message))?;
    session.close();
    install(&app, &session, draft)
}

/// One edit; the reply carries the view and the layout of `screen` (one round trip per edit).
#[tauri::command]
fn apply_op(session: State<'_, Session>, op: Op, screen: Screen) -> Reply<tauri::ipc::Response> {
    with_file(&session, |file| {
        let from = file.head();
        let changes = file.apply(&op).map_err(message)?.map(|a| a.changes).unwrap_or_default();
        edited(&session, file, screen, wire::Edit { from, changes: &changes })
    })
}

#[tauri::command]
fn undo(session: State<'_, Session>, screen: Screen) -> Reply<tauri::ipc::Response> {
    with_file(&session, |file| {
        let from = file.head();
        let changes = file.undo_step().map_err(message)?.map(|a| a.changes).unwrap_or_default();
        edited(&session, file, screen, wire::Edit { from, changes: &changes })
    })
}

#[tauri::command]
fn redo(session: State<'_, Session>, screen: Screen) -> Reply<tauri::ipc::Response> {
    with_file(&session, |file| {
        let from = file.head();
        let changes = file.redo_step().map_err(message)?.map(|a| a.changes).unwrap_or_default();
        edited(&session, file, screen, wire::Edit { from, changes: &changes })
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
fn flow_layout(session: State<'_, Session>, flow: String, width: f32) -> Reply<FlowLayout> {
    with_file(&session, |file| {
        let doc = file.document();
        let found = doc.flow(&flow).ok_or_else(|| format!("Peta lintas fungsi `{flow}` tidak ada"))?;
        Ok(layout_flow_unpaged(doc, found, width))
    })
}

/// The Peta Relasi's rows (processes depth first) and columns (units): the printout's own.
#[tauri::command]
fn relations_layout(session: State<'_, Session>) -> Reply<RelationsLayout> {
    with_file(&session, |file| Ok(layout_relations(file.document())))
}

/// The Peta Proses Bisnis (level 0, or a process's Peta Sub Proses Bisnis) in `width` × `height` points.
#[tauri::command]
fn process_map_layout(
    session: State<'_, Session>,
    parent: Option<String>,
    width: f32,
    height: f32,
) -> Reply<ProcessMapLayout> {
    with_file(&session, |file| {
        let doc = file.document();
        if let Some(id) = parent.as_deref() {
            doc.process(id).ok_or_else(|| format!("Proses `{id}` tidak ada"))?;
        }
        Ok(layout_process_map(doc, parent.as_deref(), width.max(300.0), height.max(200.0)))
    })
}

#[tauri::command]
/// The tree's layout with its number (`seq`): the base of the changes an edit's reply carries.
fn tree_layout(session: State<'_, Session>, collapsed: Vec<String>, compact: Option<bool>, capaian: Option<i32>) -> Reply<ViewReply> {
    with_file(&session, |file| {
        let layout = layout_tree(file.document(), &tree_options(collapsed, compact.unwrap_or(false), capaian));
        Ok(tauri::ipc::Response::new(session.sent.lock().unwrap().whole_tree(layout)))
    })
}

/// The monitoring of `year` (none: the year monitoring opens on, the
/// core's `default_year`): each indicator's capaian, each node's, the
/// budget rolled up.
#[tauri::command]
fn capaian_report(session: State<'_, Session>, year: Option<i32>) -> Reply<CapaianReport> {
    with_file(&session, |file| {
        let doc = file.document();
        Ok(monitoring::report(doc, year.unwrap_or_else(|| monitoring::default_year(doc))))
    })
}

/// The capaian an indicator would have with `value` as its realisasi of
/// `year` (or of TW `quarter`), without editing: the monitoring table's
/// figure while a cell is typed. Null where the node or indicator is gone.
#[tauri::command]
fn capaian_preview(
    session: State<'_, Session>,
    node: String,
    indicator: String,
    year: i32,
    quarter: Option<u8>,
    value: Option<Value>,
) -> Reply<Option<IndicatorCapaian>> {
    with_file(&session, |file| Ok(monitoring::preview(file.document(), &node, &indicator, year, quarter, value.as_ref())))
}

#[tauri::command]
fn print_preview(session: State<'_, Session>, options: PrintRequest) -> Reply<Preview> {
    with_file(&session, |file| {
        let options = options.options(file.document()).map_err(message)?;
        let (fingerprint, final_name) = file.identify(file.document()).map_err(message)?;
        let provenance = Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
        Ok(preview_tree(file.document(), &provenance, &options))
    })
}

#[derive(Serialize, TS)]
#[ts(rename = "PrintResult")]
struct Printed {
    path: String,
    pages: usize,
    warnings: Vec<String>,
}

#[tauri::command]
fn print_pdf(app: tauri::AppHandle, session: State<'_, Session>, options: PrintRequest, path: String) -> Reply<Printed> {
    let path = with_default_extension(&session.granted_path(&app, &path, false)?, "pdf");
    let printout = with_file(&session, |file| {
        let options = options.options(file.document()).map_err(message)?;
        let (fingerprint, final_name) = file.identify(file.document()).map_err(message)?;
        let provenance = Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
        Ok(print_tree(file.document(), &provenance, &options))
    })?;
    std::fs::write(&path, &printout.pdf).map_err(|e| message(pokin::Error::io(&path, e)))?;
    Ok(Printed { path: path.display().to_string(), pages: printout.pages, warnings: printout.warnings })
}

/// Berkas › Keluar: quits normally (the document is closed on the way out).
#[tauri::command]
fn quit_app(app: tauri::AppHandle) {
    app.exit(0);
}

/// The rule catalogue, for the settings panel (Aturan pemeriksaan) and the
/// findings panel's group headings.
#[derive(Serialize, TS)]
struct RuleInfo {
    id: &'static str,
    title: &'static str,
    /// What its findings are, counted: the findings panel heads a rule's
    /// group "P016 · 57 keterkaitan tanpa justifikasi" (`validate::group_heading`).
    group: &'static str,
    default: validate::Severity,
}

#[tauri::command]
fn list_rules() -> Vec<RuleInfo> {
    validate::rules().iter().map(|r| RuleInfo { id: r.id, title: r.title, group: r.group, default: r.default }).collect()
}

fn main() {
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Session::default())
        .setup(|app| {
            // A file given at launch (double-click, `pokin-studio FILE`) opens
            // like one chosen in the app, and joins the recent files.
            if let Some(path) = std::env::args_os().nth(1) {
                let session = app.state::<Session>();
                let handle = app.handle();
                match store::open_or_import(Path::new(&path)) {
                    Ok(file) => {
                        remember(handle, file.path());
                        *session.file.lock().unwrap() = Some(file);
                    }
                    Err(err) => *session.launch_error.lock().unwrap() = Some(message(err)),
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            current_document,
            open_document,
            pick_open_path,
            pick_save_path,
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
            relations_layout,
            capaian_report,
            capaian_preview,
            print_preview,
            print_pdf,
            list_rules,
            quit_app,
            review::get_preferences,
            review::set_preferences,
            review::review_state,
            review::pick_review_copy_path,
            review::pick_pokin_path,
            review::send_for_review,
            review::merge_preview,
            review::merge_review,
            review::compare_sources,
            review::compare_with,
            review::worksheet,
            spreadsheet::pick_spreadsheet_path,
            spreadsheet::sheet_inspect,
            spreadsheet::sheet_preview,
            spreadsheet::sheet_import,
            spreadsheet::pick_xlsx_path,
            spreadsheet::export_xlsx,
            spreadsheet::list_mapping_presets,
            spreadsheet::save_mapping_preset,
        ])
        .build(tauri::generate_context!())
        .expect("Pokin Studio could not start");
    app.run(|app, event| {
        // Close the document on the way out: its lock and journal go with it.
        if let tauri::RunEvent::Exit = event {
            app.state::<Session>().close();
        }
    });
}
