//! Spreadsheets in and out (issue #15): Berkas › Impor dari Excel/CSV… (the
//! wizard: inspect a workbook, preview an import, import it as a new
//! document or into the open one) and Berkas › Ekspor ke Excel…, plus the
//! wizard's mapping presets kept in the app's config folder. Each command
//! is a call into the core (`interchange::sheet`, `interchange::xlsx`);
//! the files read and written are ones the planner picked in a dialog.

use crate::session::Session;
use crate::{install, message, view_reply, with_file, Reply, ViewReply};
use pokin::interchange::sheet::{self, ImportOptions, ImportSummary, Inspection, Mapping};
use pokin::interchange::xlsx::{self, XlsxOptions};
use pokin::store::with_default_extension;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// Where an import goes: a new `.pokin`, or the open document (one history step).
#[derive(Deserialize, Serialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ImportTarget {
    New,
    Current,
}

/// A mapping the planner saved under a name (the wizard's presets).
#[derive(Deserialize, Serialize, TS, Clone, Debug, PartialEq)]
pub struct MappingPreset {
    pub name: String,
    pub mapping: Mapping,
}

/// The native open dialog for a workbook (xlsx, xls, ods, csv); the path answered is granted.
#[tauri::command]
pub async fn pick_spreadsheet_path(app: tauri::AppHandle, session: State<'_, Session>) -> Reply<Option<String>> {
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Impor dari Excel/CSV")
        .add_filter("Lembar kerja (.xlsx, .xls, .ods, .csv)", &["xlsx", "xlsm", "xls", "ods", "csv"]);
    if let Ok(Some(dir)) = with_file(&session, |file| Ok(file.path().parent().map(Path::to_path_buf))) {
        dialog = dialog.set_directory(dir);
    }
    let Some(path) = dialog.blocking_pick_file().and_then(|p| p.into_path().ok()) else { return Ok(None) };
    session.grant(&path);
    Ok(Some(path.display().to_string()))
}

/// The wizard's first page: the workbook's sheets and, for `sheet` (none:
/// the one the core picks), its headers, first rows and detected mapping.
#[tauri::command]
pub async fn sheet_inspect(app: tauri::AppHandle, session: State<'_, Session>, path: String, sheet: Option<String>) -> Reply<Inspection> {
    let path = session.granted_path(&app, &path, false)?;
    sheet::inspect(&path, sheet.as_deref()).map_err(message)
}

/// What importing would give (nothing stored): the summary, its outline the wizard's live preview.
#[tauri::command]
pub async fn sheet_preview(
    app: tauri::AppHandle,
    session: State<'_, Session>,
    path: String,
    options: ImportOptions,
    target: ImportTarget,
) -> Reply<ImportSummary> {
    let path = session.granted_path(&app, &path, false)?;
    let outcome = match target {
        ImportTarget::New => sheet::import(&path, &options, None).map_err(message)?,
        ImportTarget::Current => with_file(&session, |file| sheet::import(&path, &options, Some(file.document())).map_err(message))?,
    };
    Ok(outcome.summary)
}

/// "Impor dari <file>": the history label of an import into the open document.
/// Imports the workbook: as a new document at `out_path` (chosen in the
/// save dialog), opened in place of the current one; or into the open
/// document as one history step (Ctrl+Z undoes the whole import). A
/// failed import changes nothing. The reply is the document view.
#[tauri::command]
pub fn sheet_import(
    app: tauri::AppHandle,
    session: State<'_, Session>,
    path: String,
    options: ImportOptions,
    target: ImportTarget,
    out_path: Option<String>,
) -> Reply<ViewReply> {
    let path = session.granted_path(&app, &path, false)?;
    match target {
        ImportTarget::New => {
            let out = out_path.ok_or("Pilih dulu tempat menyimpan dokumen baru")?;
            let out = with_default_extension(&session.granted_path(&app, &out, false)?, "pokin");
            // Created (and locked) before the open document is let go: a refusal leaves it open.
            let (file, _) = sheet::import_as_new_file(&out, &path, &options).map_err(message)?;
            session.close();
            install(&app, &session, file)
        }
        ImportTarget::Current => with_file(&session, |file| {
            sheet::import_into_file(file, &path, &options).map_err(message)?;
            view_reply(&session, file)
        }),
    }
}

/// The native save dialog for an `.xlsx` (".xlsx" added when typed without); the path answered is granted.
#[tauri::command]
pub async fn pick_xlsx_path(app: tauri::AppHandle, session: State<'_, Session>, suggested: String) -> Reply<Option<String>> {
    let mut dialog = app.dialog().file().set_title("Ekspor ke Excel").set_file_name(suggested).add_filter("Buku kerja Excel (.xlsx)", &["xlsx"]);
    if let Ok(Some(dir)) = with_file(&session, |file| Ok(file.path().parent().map(Path::to_path_buf))) {
        dialog = dialog.set_directory(dir);
    }
    let Some(path) = dialog.blocking_save_file().and_then(|p| p.into_path().ok()) else { return Ok(None) };
    let path = with_default_extension(&path, "xlsx");
    session.grant(&path);
    Ok(Some(path.display().to_string()))
}

/// Berkas › Ekspor ke Excel…: writes the table `options` names to `path` (chosen in the dialog); the reply is the path written.
#[tauri::command]
pub fn export_xlsx(app: tauri::AppHandle, session: State<'_, Session>, options: XlsxOptions, path: String) -> Reply<String> {
    let path = with_default_extension(&session.granted_path(&app, &path, false)?, "xlsx");
    let bytes = with_file(&session, |file| xlsx::export(file.document(), &options).map_err(message))?;
    std::fs::write(&path, bytes).map_err(|e| message(pokin::Error::io(&path, e)))?;
    Ok(path.display().to_string())
}

fn presets_path(app: &tauri::AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("mapping-presets.json"))
}

fn read_presets(app: &tauri::AppHandle) -> Vec<MappingPreset> {
    presets_path(app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// The wizard's saved mappings, by name.
#[tauri::command]
pub fn list_mapping_presets(app: tauri::AppHandle) -> Vec<MappingPreset> {
    read_presets(&app)
}

/// Saves `mapping` under `name` (replacing a preset of that name); the reply is the presets now.
#[tauri::command]
pub fn save_mapping_preset(app: tauri::AppHandle, name: String, mapping: Mapping) -> Reply<Vec<MappingPreset>> {
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err("Nama pemetaan wajib diisi".into());
    }
    let mut presets = read_presets(&app);
    presets.retain(|p| p.name != name);
    presets.push(MappingPreset { name, mapping });
    presets.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    let path = presets_path(&app).ok_or("Folder konfigurasi aplikasi tidak diketahui")?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| message(pokin::Error::io(dir, e)))?;
    }
    let text = serde_json::to_string_pretty(&presets).expect("presets serialise");
    std::fs::write(&path, text).map_err(|e| message(pokin::Error::io(&path, e)))?;
    Ok(presets)
}

/// The types of these commands, for `contract::export`.
#[cfg(test)]
pub(crate) fn export(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    Inspection::export_all(cfg)?;
    ImportOptions::export_all(cfg)?;
    ImportSummary::export_all(cfg)?;
    XlsxOptions::export_all(cfg)?;
    ImportTarget::export_all(cfg)?;
    MappingPreset::export_all(cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_presets_read_as_the_page_sends_them() {
        assert_eq!(serde_json::from_str::<ImportTarget>("\"current\"").unwrap(), ImportTarget::Current);
        assert_eq!(serde_json::from_str::<ImportTarget>("\"new\"").unwrap(), ImportTarget::New);
        let preset: MappingPreset = serde_json::from_str(
            r#"{"name":"Renstra","mapping":{"layout":"iku","header_start":0,"header_rows":1,
                "columns":[{"role":"statement","level":0},{"role":"indicator"},{"role":"target","year":2025},{"role":"ignore"}],
                "hierarchy":{"by":"columns"}}}"#,
        )
        .unwrap();
        assert_eq!(preset.mapping.columns.len(), 4);
    }
}
