//! How a planner's choice of file becomes an open document: the policies
//! the desktop shell and the CLI share (one place each).

use super::{files, DocFile};
use crate::error::{Error, Result};
use crate::interchange::json;
use crate::model::{limits, Document, Period};
use std::path::{Path, PathBuf};

/// Whether `path` is to be read as a `.pokin` (by its content, or by its
/// name when it cannot be read); anything else is pokin/1 JSON.
pub fn is_pokin_file(path: &Path) -> bool {
    files::is_sqlite(path) || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pokin"))
}

/// `path` with `extension` added when it has none ("Renstra" → "Renstra.pokin").
pub fn with_default_extension(path: &Path, extension: &str) -> PathBuf {
    let mut path = path.to_path_buf();
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// A new, empty document (the levels of Permenpan RB 89/2021), checked as
/// the planner typed it: a title, a period within the limits.
pub fn new_document(title: &str, agency: &str, government: &str, period: Period) -> Result<Document> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::refused("Judul dokumen wajib diisi"));
    }
    limits::check_period(&period).map_err(|m| Error::refused(format!("Periode: {m}")))?;
    let mut doc = Document::new(title, period);
    doc.document.agency = agency.trim().into();
    doc.document.government = government.trim().into();
    Ok(doc)
}

/// What the planner asked to open: a `.pokin` opens as it is; a pokin/1
/// `.json` is imported into a new `.pokin` beside it. Where a `.pokin` of
/// that name is already there, the import takes the next free name
/// ("Renstra (2).pokin"): the older file is never opened in place of what
/// was chosen, nor overwritten.
pub fn open_or_import(path: &Path) -> Result<DocFile> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) && !is_pokin_file(path) {
        let doc = json::read(path)?;
        return DocFile::create(&free_name(&path.with_extension("pokin")), &doc);
    }
    DocFile::open(path)
}

/// `path`, or the first of "name (2).ext", "name (3).ext" … that is free.
pub fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    (2..)
        .map(|k| path.with_file_name(format!("{stem} ({k}){ext}")))
        .find(|p| !p.exists())
        .expect("some name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(with_default_extension(Path::new("/a/Renstra"), "pokin"), PathBuf::from("/a/Renstra.pokin"));
        assert_eq!(with_default_extension(Path::new("/a/x.pdf"), "pokin"), PathBuf::from("/a/x.pdf"));
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("Renstra.pokin");
        assert_eq!(free_name(&first), first);
        std::fs::write(&first, b"x").unwrap();
        assert_eq!(free_name(&first), dir.path().join("Renstra (2).pokin"));
    }

    #[test]
    fn new_documents_are_checked() {
        assert!(new_document("  ", "", "", Period { from: 2025, to: 2029 }).unwrap_err().to_string().contains("Judul"));
        let absurd = new_document("Renstra", "", "", Period { from: 2025, to: 20250 }).unwrap_err().to_string();
        assert!(absurd.contains("harus di antara tahun 1900 dan 2200"), "{absurd}");
        let doc = new_document(" Renstra ", " BKD ", "", Period { from: 2025, to: 2029 }).unwrap();
        assert_eq!((doc.document.title.as_str(), doc.document.agency.as_str()), ("Renstra", "BKD"));
    }
}
