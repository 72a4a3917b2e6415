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
    /// The kepala daerah (Bupati, Wali Kota, Gubernur): pihak kedua of the
    /// Perjanjian Kinerja of a unit without parent.
    #[serde(default, skip_serializing_if = "Official::is_empty")]
    #[ts(optional, as = "Option<Official>")]
    pub regional_head: Official,
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
    /// Who holds the unit's post: pihak pertama of its Perjanjian Kinerja.
    #[serde(default, skip_serializing_if = "Official::is_empty")]
    #[ts(optional, as = "Option<Official>")]
    pub official: Official,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl Unit {
    /// The short name ("Kabid P2I"), else the full name.
    pub fn label(&self) -> &str {
        if self.short.is_empty() { &self.name } else { &self.short }
    }

    /// The kepala daerah's own unit (echelon `KDH`), in a tree of the whole
    /// pemerintah daerah.
    pub fn is_regional_head(&self) -> bool {
        let e = self.echelon.trim();
        e.eq_ignore_ascii_case("KDH") || e.eq_ignore_ascii_case("kepala daerah")
    }
}

/// An official (pejabat) holding a post, as a Perjanjian Kinerja names them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// Jabatan ("Kepala Badan Kepegawaian Daerah"); empty: the unit's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(optional, as = "Option<String>")]
    pub position: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(optional, as = "Option<String>")]
    pub name: String,
    /// Pangkat/golongan ("Pembina Tk. I (IV/b)").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(optional, as = "Option<String>")]
    pub rank: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(optional, as = "Option<String>")]
    pub nip: String,
    #[serde(default, skip_serializing_if = "Acting::is_definitive")]
    #[ts(optional, as = "Option<Acting>")]
    pub acting: Acting,
}

impl Official {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// Whether the official only acts in the post.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Acting {
    /// The definitive holder (written "" in JSON).
    #[default]
    #[serde(rename = "")]
    Definitive,
    /// Pelaksana tugas.
    Plt,
    /// Pelaksana harian.
    Plh,
    /// Penjabat (a kepala daerah's).
    Pj,
}

impl Acting {
    pub fn is_definitive(&self) -> bool {
        *self == Acting::Definitive
    }

    /// What is printed before the position: "Plt.", "Plh.", "Pj." or nothing.
    pub fn prefix(self) -> &'static str {
        match self {
            Acting::Definitive => "",
            Acting::Plt => "Plt.",
            Acting::Plh => "Plh.",
            Acting::Pj => "Pj.",
        }
    }
}
