//! The document's header (title, agency, period, status, signatory) and
//! the organisation units.

use super::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub government: String,
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Signatory::is_empty")]
    pub signatory: Signatory,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from..=self.to
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Review,
    Final,
}

/// The official who signs the printout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// ISO date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nip: String,
}

impl Signatory {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// A unit of the organisation (unit kerja): owner of nodes and processes,
/// actor of a swimlane.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub echelon: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    #[ts(optional)]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl Unit {
    /// The short name ("Kabid P2I"), else the full name.
    pub fn label(&self) -> &str {
        if self.short.is_empty() { &self.name } else { &self.short }
    }
}
