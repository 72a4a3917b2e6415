//! Reviewers' notes (annotations) and the validator's per-document settings.

use super::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use std::collections::BTreeMap;

/// What a finding, an annotation or an accepted finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Target {
    Node(String),
    Link(String, String),
    Indicator(String, String),
    Unit(String),
    Process(String),
    Flow(String),
    Step(String, String),
    Document(()),
}

/// Catatan reviu: a thread on one target (or on one finding: `rule` + `on`).
/// Review data, not plan: the plan's fingerprint leaves it out
/// (`interchange::json::canonical`), and a final document still takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub id: String,
    pub on: Target,
    /// The rule of the finding this thread is about, if it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The author's role ("Inspektorat", "Bappeda", "Perencana").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// Reviu ke-N (0: not given).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub round: u32,
    pub text: String,
    pub status: AnnotationStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

impl Annotation {
    /// A new open thread on `on` (id and time are the core's to give).
    pub fn new(on: Target, text: impl Into<String>) -> Annotation {
        Annotation {
            id: String::new(),
            on,
            rule: None,
            author: String::new(),
            role: String::new(),
            at: String::new(),
            round: 0,
            text: text.into(),
            status: AnnotationStatus::Open,
            replies: Vec::new(),
            extra: Extra::default(),
        }
    }
}

/// Where a thread stands: Terbuka → Dijawab → Diperbaiki → Diterima, or
/// Dibuka kembali. `resolved` (files written before) reads as accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationStatus {
    Open,
    Answered,
    Fixed,
    #[serde(alias = "resolved")]
    Accepted,
    Reopened,
}

impl AnnotationStatus {
    /// Still waiting for someone: open, answered, fixed (not yet accepted) or reopened.
    pub fn is_open(self) -> bool {
        self != AnnotationStatus::Accepted
    }

    /// The status in the reviewer's words.
    pub fn label(self) -> &'static str {
        match self {
            AnnotationStatus::Open => "Terbuka",
            AnnotationStatus::Answered => "Dijawab",
            AnnotationStatus::Fixed => "Diperbaiki",
            AnnotationStatus::Accepted => "Diterima",
            AnnotationStatus::Reopened => "Dibuka kembali",
        }
    }

    pub const ALL: [AnnotationStatus; 5] = [
        AnnotationStatus::Open,
        AnnotationStatus::Answered,
        AnnotationStatus::Fixed,
        AnnotationStatus::Accepted,
        AnnotationStatus::Reopened,
    ];
}

/// A reply in a thread. Its id keeps it once when copies of the thread merge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

/// Per-document rule settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ValidationSettings {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleSetting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<Accepted>,
}

impl ValidationSettings {
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.accepted.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

/// A finding the planner accepted, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub rule: String,
    pub target: Target,
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
}
