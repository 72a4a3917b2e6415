//! The reviewer's verdicts on the two worksheets (Kertas Kerja Evaluasi)
//! of the Pohon Kinerja evaluation. Review data, not plan: left out of the
//! fingerprint, open to edits in a final document, merged by id.
//!
//! Only what the reviewer entered is stored; what the validator decides
//! (the "otomatis" marks) is computed afresh (`crate::worksheet`).

use super::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Which worksheet: Format 1 (each indicator S/M/A/R/T + Menantang) or
/// Format 2 (the cascade: each node's link to its parent logis or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "u8", into = "u8")]
#[ts(type = "1 | 2")]
pub enum Kke {
    Indicators,
    Cascade,
}

impl Kke {
    pub fn number(self) -> u8 {
        match self {
            Kke::Indicators => 1,
            Kke::Cascade => 2,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kke::Indicators => "KKE Format 1 — Kualitas Indikator (SMART dan Menantang)",
            Kke::Cascade => "KKE Format 2 — Logika Cascading Pohon Kinerja",
        }
    }

    /// The criteria scored on this worksheet, in column order.
    pub fn criteria(self) -> &'static [Criterion] {
        match self {
            Kke::Indicators => &[
                Criterion::Specific,
                Criterion::Measurable,
                Criterion::Achievable,
                Criterion::Relevant,
                Criterion::TimeBound,
                Criterion::Challenging,
            ],
            Kke::Cascade => &[Criterion::Logical],
        }
    }
}

impl TryFrom<u8> for Kke {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(Kke::Indicators),
            2 => Ok(Kke::Cascade),
            _ => Err(format!("kertas kerja `{n}` tidak ada (1 atau 2)")),
        }
    }
}

impl From<Kke> for u8 {
    fn from(k: Kke) -> u8 {
        k.number()
    }
}

/// One column of a worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
    Challenging,
    Logical,
}

impl Criterion {
    /// The column's heading as the forms print it.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Specific => "Spesifik",
            Criterion::Measurable => "Dapat Diukur",
            Criterion::Achievable => "Dapat Dicapai",
            Criterion::Relevant => "Relevan",
            Criterion::TimeBound => "Berbatas Waktu",
            Criterion::Challenging => "Menantang",
            Criterion::Logical => "Logis",
        }
    }

    /// Its letter in the column heading (S, M, A, R, T; Mn; L).
    pub fn short(self) -> &'static str {
        match self {
            Criterion::Specific => "S",
            Criterion::Measurable => "M",
            Criterion::Achievable => "A",
            Criterion::Relevant => "R",
            Criterion::TimeBound => "T",
            Criterion::Challenging => "Mn",
            Criterion::Logical => "L",
        }
    }
}

/// Y (ya / logis) = 1, K (kurang logis, Format 2 only) = 0.5, T (tidak) = 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Mark {
    Y,
    K,
    T,
}

impl Mark {
    pub fn score(self) -> f64 {
        match self {
            Mark::Y => 1.0,
            Mark::K => 0.5,
            Mark::T => 0.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Y => "Y",
            Mark::K => "K",
            Mark::T => "T",
        }
    }
}

/// What the reviewer entered on one row of a worksheet: marks that
/// override the automatic ones, and a note (catatan untuk perbaikan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The row's id, the same in every copy of the file (`Verdict::id_for`):
    /// two reviewers judging the same row meet on it when copies merge.
    pub id: String,
    pub kke: Kke,
    /// An indicator (Format 1) or a node (Format 2).
    pub on: Target,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<Criterion, Mark>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl Verdict {
    /// The row id of `on` on worksheet `kke`: "1:n2/i1", "2:n5".
    pub fn id_for(kke: Kke, on: &Target) -> Option<String> {
        match (kke, on) {
            (Kke::Indicators, Target::Indicator(node, id)) => Some(format!("1:{node}/{id}")),
            (Kke::Cascade, Target::Node(node)) => Some(format!("2:{node}")),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.note.trim().is_empty()
    }
}

/// The review team that signs the review report (Catatan Hasil Reviu):
/// review data, like the notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReviewTeam {
    /// Its unit ("Inspektorat Kabupaten Lumajang").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Reviu ke-N (0: not given).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub round: u32,
    /// The date on the report (ISO, "2026-11-29"; empty: the day it is printed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The team leader, who signs.
    #[serde(default, skip_serializing_if = "Person::is_empty")]
    pub leader: Person,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Person>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl ReviewTeam {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// A member of the review team.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Pangkat/golongan ("Pembina, IV/a").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nip: String,
    /// Peran di tim ("Ketua Tim", "Anggota", "Pengendali Teknis").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

impl Person {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
