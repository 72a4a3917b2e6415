//! Entity-level changes: the one primitive every edit is made of.
//!
//! A document is a set of entities (the document header, the level scheme,
//! each unit, node, link, process, flow, step, annotation …). An edit puts
//! new values for some entities; each put is recorded with the value before
//! and after. Undo applies the befores in reverse, redo the afters: one
//! mechanism for every kind of edit, and the same rows the `.pokin` file
//! stores.

use crate::error::Result;
use crate::model::*;
use serde::{Deserialize, Serialize};

/// Which entity a change is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Key {
    Document,
    Levels,
    ProcessMap,
    Validation,
    Unit { id: String },
    Node { id: String },
    Link { from: String, to: String },
    Process { id: String },
    Flow { id: String },
    Step { flow: String, id: String },
    Annotation { id: String },
    Verdict { id: String },
    ReviewTeam,
    Monitoring,
}

impl Key {
    /// The entity in the planner's words, for messages.
    pub fn describe(&self) -> String {
        (super::entity::kind_of(self).describe)(self)
    }

    /// Review data beside the plan (catatan reviu, kertas kerja): outside the fingerprint,
    /// and open to edits in a final document.
    pub fn is_review_note(&self) -> bool {
        matches!(self, Key::Annotation { .. } | Key::Verdict { .. } | Key::ReviewTeam)
    }
}

impl Change {
    /// Whether the change leaves the plan as it was: review data, the
    /// monitoring settings, or a node whose realisasi (by year or quarter,
    /// their notes, the budget's `spent`) changed and nothing else. Such a
    /// change is open to a final document and leaves its fingerprint.
    pub fn keeps_plan(&self) -> bool {
        match &self.key {
            k if k.is_review_note() => true,
            Key::Monitoring => true,
            Key::Node { .. } => {
                let plan = |row: &Option<Row>| {
                    row.as_ref().map(|r| {
                        let mut node: Node = serde_json::from_value(r.data.clone()).unwrap_or_default();
                        node.strip_monitoring();
                        (r.ord, node)
                    })
                };
                plan(&self.before) == plan(&self.after)
            }
            _ => false,
        }
    }
}

/// An entity's stored value: its place in its list and its JSON value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub ord: f64,
    pub data: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub key: Key,
    pub before: Option<Row>,
    pub after: Option<Row>,
}

impl Change {
    pub fn inverse(&self) -> Change {
        Change { key: self.key.clone(), before: self.after.clone(), after: self.before.clone() }
    }
}

pub(crate) fn row_of<T: Serialize>(ord: f64, value: &T) -> Row {
    Row { ord, data: serde_json::to_value(value).expect("model values serialise") }
}

/// A flow's own row holds its header, not its steps (steps are rows of their own).
pub(crate) fn flow_row(ord: f64, flow: &Flow) -> Row {
    let header = Flow {
        id: flow.id.clone(),
        name: flow.name.clone(),
        number: flow.number.clone(),
        process: flow.process.clone(),
        lanes: flow.lanes.clone(),
        header: flow.header.clone(),
        steps: Ordered::new(),
        extra: flow.extra.clone(),
    };
    row_of(ord, &header)
}

/// The process map's own row holds goal, inputs and outputs; processes are rows of their own.
#[derive(Serialize, Deserialize)]
pub struct ProcessMapHeader {
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub inputs: Vec<String>,
    #[serde(default)]
    pub outputs: Vec<String>,
}

/// The current row of an entity, or `None` where it does not exist.
pub fn read(doc: &Document, key: &Key) -> Option<Row> {
    (super::entity::kind_of(key).read)(doc, key)
}

/// Sets an entity to `row` (or removes it) in the in-memory document.
pub fn apply(doc: &mut Document, key: &Key, row: Option<&Row>) -> Result<()> {
    (super::entity::kind_of(key).apply)(doc, key, row)
}

/// Every entity of a document as rows, kind by kind (a flow before its
/// steps): what a new `.pokin` file is filled with.
pub fn all_rows(doc: &Document) -> Vec<(Key, Row)> {
    super::entity::KINDS.iter().flat_map(|kind| (kind.rows)(doc)).collect()
}
