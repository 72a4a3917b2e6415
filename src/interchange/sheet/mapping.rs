//! What each column of a sheet means (`ColumnRole`), and how the rows
//! nest (`Hierarchy`): the one description every layout produces and the
//! wizard lets the planner change. A preset is a saved `Mapping`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The table shapes planners keep (issue #15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LayoutKind {
    /// Tujuan | Sasaran | Program | Kegiatan | Sub Kegiatan with indicators,
    /// satuan, targets per year, pagu; hierarchy by columns or by code.
    Cascading,
    /// Renstra IKU table: statements, indicators, targets per year.
    Iku,
    /// Evaluasi Renja (Permendagri 86/2017) / realisasi per triwulan.
    Renja,
    /// DPA / SIPD / RKA budget table: kode, uraian, pagu; level from the code.
    Budget,
    /// The planner's own mapping, nothing detected.
    Generic,
}

impl LayoutKind {
    pub const ALL: [LayoutKind; 5] = [LayoutKind::Cascading, LayoutKind::Iku, LayoutKind::Renja, LayoutKind::Budget, LayoutKind::Generic];

    /// The name the CLI uses (as serde writes it).
    pub fn key(self) -> &'static str {
        match self {
            LayoutKind::Cascading => "cascading",
            LayoutKind::Iku => "iku",
            LayoutKind::Renja => "renja",
            LayoutKind::Budget => "budget",
            LayoutKind::Generic => "generic",
        }
    }

    pub fn from_key(key: &str) -> Option<LayoutKind> {
        LayoutKind::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// How rows nest into a tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Hierarchy {
    /// One column per level (`ColumnRole::Statement { level }`): a row's
    /// deepest filled level column is its node, the others its ancestors.
    Columns,
    /// The number of segments of the code column ("1.03.01.2.01.0001")
    /// gives the level; the parent is the nearest row above with a
    /// shorter code.
    Code,
    /// A column names the level ("Tujuan", "Sasaran", "Program" …).
    LevelColumn,
}

/// One column's meaning. Years are calendar years; `quarter` 1–4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum ColumnRole {
    Ignore,
    /// Statements of one level of the document (index into its levels).
    Statement { level: usize },
    /// The statement whatever its level (hierarchy by code or level column).
    Name,
    /// Kode (program/kegiatan/sub kegiatan code); `part` numbers the
    /// columns of a code split over several (joined with dots in order).
    Code {
        #[serde(default)]
        part: u8,
    },
    /// The level's name written in the row ("Tujuan", "Sasaran").
    LevelName,
    Indicator,
    Unit,
    Baseline,
    Target { year: i32 },
    PkTarget { year: i32 },
    Realisasi {
        year: i32,
        #[ts(optional)]
        quarter: Option<u8>,
    },
    /// Pagu (budget ceiling), rupiah.
    Pagu,
    /// Realisasi anggaran (budget spent), rupiah; `quarter` adds up.
    Spent {
        #[ts(optional)]
        quarter: Option<u8>,
    },
    /// Penanggung jawab: the unit's name.
    Owner,
}

/// A whole sheet's mapping: one role per column (A = 0), the header band
/// and how rows nest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Mapping {
    pub layout: LayoutKind,
    /// 0-based index of the first header row.
    pub header_start: u32,
    /// Header rows (multi-row headers read as one), column-number rows included.
    pub header_rows: u32,
    pub columns: Vec<ColumnRole>,
    pub hierarchy: Hierarchy,
    /// The sheet's level names, top down, where it names them ("Tujuan",
    /// "Sasaran", "Program" …); `Statement { level }` indexes into them.
    /// Empty: the document's (or the default) levels.
    #[serde(default)]
    pub levels: Vec<String>,
}

/// What the planner (or the CLI) asks of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    pub layout: LayoutKind,
    /// Sheet name; default: the first visible sheet the layout recognises.
    #[serde(default)]
    #[ts(optional)]
    pub sheet: Option<String>,
    /// Number of header rows; default: detected.
    #[serde(default)]
    #[ts(optional)]
    pub header_rows: Option<u32>,
    /// Import hidden rows too (they are reported and skipped by default).
    #[serde(default)]
    pub include_hidden: bool,
    /// The wizard's (or a preset's) mapping instead of the detected one.
    #[serde(default)]
    #[ts(optional)]
    pub mapping: Option<Mapping>,
    /// The year the sheet's realisasi/pagu belong to, where the sheet does
    /// not say (e.g. "Tahun 1…5" targets start at this year; a realisasi
    /// table's year); default: the sheet's own, else the document period.
    #[serde(default)]
    #[ts(optional)]
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_keys_are_serde_names() {
        for layout in LayoutKind::ALL {
            assert_eq!(serde_json::to_value(layout).unwrap(), layout.key());
            assert_eq!(LayoutKind::from_key(layout.key()), Some(layout));
        }
    }
}

impl ColumnRole {
    /// The role in the planner's words ("Target tahun 2025"); `levels`
    /// names the statement levels.
    pub fn label(&self, levels: &[String]) -> String {
        match self {
            ColumnRole::Ignore => "Abaikan".into(),
            ColumnRole::Statement { level } => match levels.get(*level) {
                Some(name) => format!("Pernyataan level {} – {name}", level + 1),
                None => format!("Pernyataan level {}", level + 1),
            },
            ColumnRole::Name => "Nama/uraian".into(),
            ColumnRole::Code { part: 0 } => "Kode".into(),
            ColumnRole::Code { part } => format!("Kode bagian {}", part + 1),
            ColumnRole::LevelName => "Nama level".into(),
            ColumnRole::Indicator => "Indikator".into(),
            ColumnRole::Unit => "Satuan".into(),
            ColumnRole::Baseline => "Baseline".into(),
            ColumnRole::Target { year } => format!("Target tahun {year}"),
            ColumnRole::PkTarget { year } => format!("Target PK tahun {year}"),
            ColumnRole::Realisasi { year, quarter: Some(q) } => format!("Realisasi tahun {year} TW {q}"),
            ColumnRole::Realisasi { year, quarter: None } => format!("Realisasi tahun {year}"),
            ColumnRole::Pagu => "Pagu".into(),
            ColumnRole::Spent { quarter: Some(q) } => format!("Realisasi anggaran TW {q}"),
            ColumnRole::Spent { quarter: None } => "Realisasi anggaran".into(),
            ColumnRole::Owner => "Penanggung jawab".into(),
        }
    }
}
