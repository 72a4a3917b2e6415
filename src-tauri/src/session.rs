//! What the shell keeps between commands: the open document, the paths the
//! planner chose in a native dialog (the only paths a command may write),
//! and the recent-files list in the app's config folder.

use pokin::store::DocFile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::Manager;

#[derive(Default)]
pub struct Session {
    pub file: Mutex<Option<DocFile>>,
    /// Why the file given at launch did not open, for the start screen.
    pub launch_error: Mutex<Option<String>>,
    /// Paths answered in a dialog this session: a command takes a path from
    /// the page only when the planner picked it (the page cannot name any
    /// other file to overwrite).
    granted: Mutex<HashSet<PathBuf>>,
    /// What the page was last sent (an edit's reply carries only the changes since).
    pub sent: Mutex<crate::wire::Sent>,
}

impl Session {
    pub fn grant(&self, path: &Path) {
        self.granted.lock().unwrap().insert(path.to_path_buf());
    }

    /// The path, if the planner picked it in a dialog (or, for opening, it
    /// is one of the recent files); otherwise a refusal.
    pub fn granted_path(&self, app: &tauri::AppHandle, path: &str, or_recent: bool) -> Result<PathBuf, String> {
        let path = PathBuf::from(path);
        let known = self.granted.lock().unwrap().contains(&path)
            || (or_recent && read_recent(app).iter().any(|p| Path::new(p) == path));
        if known {
            Ok(path)
        } else {
            Err(format!("{}: berkas ini tidak dipilih lewat dialog; pilih lewat Berkas › Buka atau Simpan", path.display()))
        }
    }

    /// Closes the open document (its lock is released).
    pub fn close(&self) {
        self.file.lock().unwrap().take();
    }
}

fn recent_path(app: &tauri::AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("recent.json"))
}

pub fn read_recent(app: &tauri::AppHandle) -> Vec<String> {
    recent_path(app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Puts `path` first in the recent-files list (at most ten).
pub fn remember(app: &tauri::AppHandle, path: &Path) {
    let Some(store) = recent_path(app) else { return };
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string();
    let mut list = read_recent(app);
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(10);
    if let Some(dir) = store.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(store, serde_json::to_string(&list).unwrap_or_default());
}
