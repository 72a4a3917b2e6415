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
    /// Tanggal pembuatan (ISO date, YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    /// Tanggal revisi (ISO date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub revised: String,
    /// Revisi ke-N (0: not given).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// Tanggal efektif (ISO date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub effective: String,
    /// Disahkan oleh: the official who approves the SOP.
    #[serde(default, skip_serializing_if = "Approval::is_empty")]
    pub approved_by: Approval,
}

/// Who approves an SOP (disahkan oleh), as the SOP-AP form names them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Jabatan ("Kepala Badan Kepegawaian Daerah").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nip: String,
}

impl Approval {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sop_headers_dates_and_approval_round_trip_and_are_left_out_when_empty() {
        let text = r#"{"legal_basis":["PP 11/2017"],"created":"2024-01-20","revised":"2024-03-01","revision":2,"effective":"2024-04-01","approved_by":{"position":"Kepala Badan","name":"Drs. A","nip":"1968"}}"#;
        let header: FlowHeader = serde_json::from_str(text).unwrap();
        assert_eq!((header.revision, header.approved_by.nip.as_str()), (2, "1968"));
        assert_eq!(serde_json::to_string(&header).unwrap(), text);
        assert_eq!(serde_json::to_string(&FlowHeader::default()).unwrap(), "{}");
        let partial = FlowHeader { approved_by: Approval { name: "Drs. A".into(), ..Default::default() }, ..Default::default() };
        assert_eq!(serde_json::to_string(&partial).unwrap(), r#"{"approved_by":{"name":"Drs. A"}}"#);
        assert!(serde_json::from_str::<FlowHeader>(r#"{"approved_by":{"rank":"IV/a"}}"#).is_err(), "unknown keys refused");
    }
}
