//! The Pohon Kinerja: levels, nodes with their indicators and budget, links.

use super::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Tree {
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub nodes: Ordered<Node>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub links: Ordered<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub name: String,
    pub kind: LevelKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub echelon: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LevelKind {
    Impact,
    Outcome,
    Output,
    Activity,
}

impl LevelKind {
    /// Impact and outcome levels state conditions ("Meningkatnya …").
    pub fn is_outcome_like(self) -> bool {
        matches!(self, LevelKind::Impact | LevelKind::Outcome)
    }
}

/// The default level scheme of Permenpan RB 89/2021 (cascading kinerja).
pub fn default_levels() -> Vec<Level> {
    let level = |name: &str, kind, echelon: &str| Level {
        name: name.into(),
        kind,
        echelon: echelon.into(),
        extra: Extra::new(),
    };
    vec![
        level("Dampak (Impact)", LevelKind::Impact, ""),
        level("Sasaran Strategis (Ultimate Outcome)", LevelKind::Outcome, "II"),
        level("Intermediate Outcome", LevelKind::Outcome, "III"),
        level("Immediate Outcome", LevelKind::Outcome, "IV"),
        level("Output", LevelKind::Output, ""),
        level("Aktivitas", LevelKind::Activity, ""),
    ]
}

/// A box of the Pohon Kinerja: a condition (kondisi/sasaran) at one level.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Index into `tree.levels`.
    pub level: usize,
    pub statement: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phenomenon: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    #[ts(optional)]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Budget::is_empty")]
    pub budget: Budget,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

/// A target, actual or baseline value: a number, or text where the target
/// is not numeric ("WTP", "B").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Value {
    Number(#[ts(as = "f64")] serde_json::Number),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            Value::Text(_) => None,
        }
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        serde_json::Number::from_f64(v).map_or_else(|| Value::Text(v.to_string()), Value::Number)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Satuan: Persen, Poin, Indeks, Orang, Dokumen …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub direction: Option<Direction>,
    /// How capaian is computed (absent: from `direction`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub method: Option<CapaianMethod>,
    /// How quarterly realisasi make the year's (absent: cumulative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub aggregation: Option<Aggregation>,
    #[serde(default, skip_serializing_if = "Baseline::is_empty")]
    pub baseline: Baseline,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    #[ts(as = "BTreeMap<String, Value>")]
    pub targets: BTreeMap<i32, Value>,
    /// The year's agreed Perjanjian Kinerja target, where it differs from
    /// or comes later than the Renstra's (plan, like `targets`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    #[ts(as = "BTreeMap<String, Value>")]
    pub pk_targets: BTreeMap<i32, Value>,
    /// Realisasi by year (monitoring data: outside the plan's fingerprint).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    #[ts(as = "BTreeMap<String, Value>")]
    pub actuals: BTreeMap<i32, Value>,
    /// Realisasi per quarter (TW I–IV, `null` where none) by year (monitoring data).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    #[ts(as = "BTreeMap<String, Vec<Option<Value>>>")]
    pub quarters: BTreeMap<i32, Vec<Option<Value>>>,
    /// A note on the year's realisasi (monitoring data).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    #[ts(as = "BTreeMap<String, String>")]
    pub actual_notes: BTreeMap<i32, String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

/// Values by year. JSON object keys are strings ("2021"); they are read as
/// years whether the JSON comes from a file or from an already parsed value
/// (as the desktop shell receives it).
fn by_year<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(de: D) -> Result<BTreeMap<i32, T>, D::Error> {
    let raw = Option::<BTreeMap<String, T>>::deserialize(de)?.unwrap_or_default();
    raw.into_iter()
        .map(|(year, value)| {
            year.trim()
                .parse::<i32>()
                .map(|y| (y, value))
                .map_err(|_| serde::de::Error::custom(format!("tahun `{year}` bukan bilangan bulat")))
        })
        .collect()
}

impl Node {
    /// Takes the monitoring data out (its indicators' realisasi, the
    /// budget's `spent`): what is left is the plan.
    pub fn strip_monitoring(&mut self) {
        self.indicators.iter_mut().for_each(|i| drop(i.take_monitoring()));
        self.budget.spent = None;
    }
}

impl Indicator {
    /// The monitoring data (realisasi by year and quarter, their notes),
    /// taken out: what is left is the plan.
    pub fn take_monitoring(&mut self) -> Monitored {
        Monitored {
            actuals: std::mem::take(&mut self.actuals),
            quarters: std::mem::take(&mut self.quarters),
            actual_notes: std::mem::take(&mut self.actual_notes),
        }
    }
}

/// An indicator's monitoring data, apart from its plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Monitored {
    pub actuals: BTreeMap<i32, Value>,
    pub quarters: BTreeMap<i32, Vec<Option<Value>>>,
    pub actual_notes: BTreeMap<i32, String>,
}

/// How a capaian is computed from realisasi R and target T.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CapaianMethod {
    /// R / T × 100 %.
    Up,
    /// (1 + (1 − R / T)) × 100 % (Permenpan RB 6/2022).
    Down,
    /// T / R × 100 %.
    DownRatio,
}

/// How the quarters' realisasi make the year's (and each quarter's to date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Kumulatif: the sum of the quarters (the Permendagri 86/2017 form).
    Cumulative,
    /// TW terakhir: the last quarter with a value.
    Last,
    /// Rata-rata of the quarters with a value.
    Average,
}

/// How a better value moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
    Stable,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub value: Option<Value>,
}

impl Baseline {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// Program / kegiatan / sub kegiatan budget, in whole rupiah.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ceiling: Option<i64>,
    /// Realisasi anggaran (monitoring data: outside the plan's fingerprint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub spent: Option<i64>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl Budget {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// Child → parent: "`from` contributes to `to`".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub kind: LinkKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// Which of the parent's indicators this child serves (its id), where
    /// the parent has several.
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    #[ts(optional)]
    pub serves: Option<String>,
    /// A crosscutting link's agreement by the other agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agreement: Option<Agreement>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

/// The other agency's answer to a crosscutting link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub status: AgreementStatus,
    /// Why (a rejection's reason, or what was agreed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Who answered (the other agency's official or unit).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    Pending,
    Agreed,
    Rejected,
}

impl AgreementStatus {
    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Pending => "Menunggu persetujuan",
            AgreementStatus::Agreed => "Disepakati",
            AgreementStatus::Rejected => "Ditolak",
        }
    }
}

impl Link {
    pub fn is_external(&self) -> bool {
        self.to.starts_with(EXTERNAL_PREFIX)
    }
}

pub const EXTERNAL_PREFIX: &str = "ext:";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Primary,
    Crosscutting,
}
