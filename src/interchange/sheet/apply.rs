//! An import stored: into an open `.pokin` as one history step (one undo
//! takes it all back), or as a new file. A failed import stores nothing.

use super::import::{import, ImportSummary};
use super::mapping::ImportOptions;
use crate::store::{Applied, DocFile};
use crate::Error;
use std::path::Path;

/// Imports `sheet_file` into the open document as one history step
/// labelled "Impor dari <file>". None where the sheet changed nothing.
pub fn import_into_file(file: &mut DocFile, sheet_file: &Path, options: &ImportOptions) -> Result<(Option<Applied>, ImportSummary), Error> {
    let outcome = import(sheet_file, options, Some(file.document()))?;
    let changes = crate::edit::diff(file.document(), &outcome.document);
    let name = sheet_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let applied = file.apply_changes(&format!("Impor dari {name}"), changes)?;
    Ok((applied, outcome.summary))
}

/// Imports `sheet_file` as a new `.pokin` at `out` (refused where `out` exists).
pub fn import_as_new_file(out: &Path, sheet_file: &Path, options: &ImportOptions) -> Result<(DocFile, ImportSummary), Error> {
    let outcome = import(sheet_file, options, None)?;
    let file = DocFile::create(out, &outcome.document)?;
    Ok((file, outcome.summary))
}
