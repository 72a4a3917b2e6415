//! How a document judges its realisasi: the capaian categories and the
//! scores of predicate targets (WTP … TMP, AA … D). Monitoring settings,
//! like realisasi: outside the plan's fingerprint and open to edits in a
//! final document.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MonitoringSettings {
    /// Capaian categories, highest first; empty: Permendagri 86/2017's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Scores of predicate values; empty: the default table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predicates: Vec<PredicateScore>,
    #[serde(default, skip_serializing_if = "super::Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: super::Extra,
}

impl MonitoringSettings {
    pub fn is_empty(&self) -> bool {
        super::is_default(self)
    }

    /// The categories in force, highest first.
    pub fn categories(&self) -> Vec<Category> {
        if self.categories.is_empty() {
            default_categories()
        } else {
            self.categories.clone()
        }
    }

    /// The predicate scores in force.
    pub fn predicates(&self) -> Vec<PredicateScore> {
        if self.predicates.is_empty() {
            default_predicates()
        } else {
            self.predicates.clone()
        }
    }
}

/// A capaian category: every capaian of at least `min` percent that no
/// higher category takes; the last one (no `min`) takes the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Category {
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "whole_opt")]
    #[ts(optional)]
    pub min: Option<f64>,
    pub label: String,
}

/// A predicate value and its score: capaian = score(R) / score(T) × 100 %.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PredicateScore {
    pub value: String,
    #[serde(serialize_with = "whole")]
    pub score: f64,
}

/// A whole number written without ".0" (91, not 91.0): files keep the
/// numbers as they were typed, so JSON → model → JSON is the identity.
fn whole<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn whole_opt<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => whole(v, s),
        None => s.serialize_none(),
    }
}

/// Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang,
/// 51–65 Rendah, ≤ 50 Sangat Rendah.
pub fn default_categories() -> Vec<Category> {
    let c = |min: Option<f64>, label: &str| Category { min, label: label.into() };
    vec![
        c(Some(91.0), "Sangat Tinggi"),
        c(Some(76.0), "Tinggi"),
        c(Some(66.0), "Sedang"),
        c(Some(51.0), "Rendah"),
        c(None, "Sangat Rendah"),
    ]
}

/// BPK's opinions (WTP 4 … TMP 1) and the SAKIP grades (AA 7 … D 1), each
/// scored by rank: one grade better than the target is 4/3, 7/6 … of it.
pub fn default_predicates() -> Vec<PredicateScore> {
    let p = |value: &str, score: f64| PredicateScore { value: value.into(), score };
    vec![
        p("WTP", 4.0),
        p("WDP", 3.0),
        p("TW", 2.0),
        p("TMP", 1.0),
        p("AA", 7.0),
        p("A", 6.0),
        p("BB", 5.0),
        p("B", 4.0),
        p("CC", 3.0),
        p("C", 2.0),
        p("D", 1.0),
    ]
}
