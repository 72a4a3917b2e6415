//! The Peta Proses Bisnis and its Peta Lintas Fungsi (flows and steps).

use super::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Processes {
    #[serde(default, skip_serializing_if = "ProcessMap::is_empty")]
    pub map: ProcessMap,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub flows: Ordered<Flow>,
}

impl Processes {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty() && self.flows.is_empty()
    }
}

/// Peta Proses Bisnis, level 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProcessMap {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub processes: Ordered<Process>,
}

impl ProcessMap {
    pub fn is_empty(&self) -> bool {
        self.goal.is_empty() && self.inputs.is_empty() && self.outputs.is_empty() && self.processes.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub id: String,
    pub category: ProcessCategory,
    pub name: String,
    /// Peta Relasi: the units that run it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// The tree nodes this process serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<String>,
    /// Peta Sub Proses Bisnis: the process this one breaks down.
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    #[ts(optional)]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ProcessCategory {
    Management,
    Core,
    Support,
}

/// Peta Lintas Fungsi / SOP-AP flowchart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    #[ts(optional)]
    pub process: Option<String>,
    /// Unit ids, left to right.
    pub lanes: Vec<String>,
    #[serde(default, skip_serializing_if = "FlowHeader::is_empty")]
    pub header: FlowHeader,
    pub steps: Ordered<Step>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub extra: Extra,
}

/// The SOP header block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FlowHeader {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualification: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub warning: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

impl FlowHeader {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// One activity of a flow. Its JSON form is written by hand (see `step.rs`):
/// the number under `number`, `no` only a decision's "no" branch (files of
/// the first format put the number under `no` too, and still read). Every
/// key but id, text, lane and shape may be left out.
#[derive(Debug, Clone, Default, PartialEq, TS)]
pub struct Step {
    pub id: String,
    /// The step's number in a numbered flow.
    #[ts(optional)]
    pub number: Option<u32>,
    pub text: String,
    pub lane: String,
    pub shape: Shape,
    /// Mutu baku: kelengkapan.
    #[ts(as = "Option<String>", optional)]
    pub requirements: String,
    /// Mutu baku: waktu.
    #[ts(as = "Option<String>", optional)]
    pub duration: String,
    /// Mutu baku: output.
    #[ts(as = "Option<String>", optional)]
    pub output: String,
    /// Keterangan.
    #[ts(as = "Option<String>", optional)]
    pub note: String,
    #[ts(as = "Option<Vec<String>>", optional)]
    pub next: Vec<String>,
    #[ts(optional)]
    pub yes: Option<String>,
    #[ts(optional)]
    pub no: Option<String>,
    #[ts(type = "Record<string, unknown>", optional = nullable)]
    pub extra: Extra,
}

impl Step {
    /// Every step this one leads to, in next, yes, no order.
    pub fn successors(&self) -> impl Iterator<Item = &str> {
        self.next.iter().map(String::as_str).chain(self.yes.as_deref()).chain(self.no.as_deref())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Start,
    #[default]
    Process,
    Decision,
    End,
}
