//! Spreadsheets in: a workbook (xlsx, xls, ods) or a csv read into plain
//! grids (`grid`), its header band found (`header`), then a layout turns
//! the rows into tree content (`layouts`) through one mapping of column
//! roles (`mapping`). `import` builds a new document or adds to an open
//! one; the caller stores the result (a new `.pokin`, or one
//! `apply_changes` step), so a failed import changes nothing.
//!
//! Deliberately absent: formulas are never evaluated (the cached value is
//! what the agency saw), external links are never followed, cell charts
//! (a cascade drawn in cells) are refused rather than guessed.

pub mod apply;
pub mod build;
pub mod grid;
pub mod header;
pub mod import;
pub mod layouts;
pub mod mapping;
pub mod read;

pub use apply::{import_as_new_file, import_into_file};
pub use grid::{Cell, Grid, SheetInfo, Workbook};
pub use import::{import, inspect, ImportOutcome, ImportSummary, Inspection, OutlineRow};
pub use mapping::{ColumnRole, ImportOptions, LayoutKind, Mapping};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Something the planner should know about an import, at its place:
/// "Sheet1, baris 14, kolom H: …". Rows and columns as Excel shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportMessage {
    pub sheet: String,
    /// Excel row number (1 = first row); null for the whole sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub row: Option<u32>,
    /// Excel column letters ("H"); null for the whole row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub column: Option<String>,
    pub text: String,
}

impl ImportMessage {
    pub fn at(sheet: &str, row: Option<u32>, column: Option<u32>, text: impl Into<String>) -> Self {
        ImportMessage {
            sheet: sheet.to_string(),
            row: row.map(|r| r + 1),
            column: column.map(grid::column_letters),
            text: text.into(),
        }
    }

    /// "Sheet 'X', baris 14, kolom H"
    pub fn place(&self) -> String {
        let mut place = format!("Sheet '{}'", self.sheet);
        if let Some(row) = self.row {
            place.push_str(&format!(", baris {row}"));
        }
        if let Some(column) = &self.column {
            place.push_str(&format!(", kolom {column}"));
        }
        place
    }
}

impl std::fmt::Display for ImportMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.text)
    }
}
