//! The document model: one agency's planning set for one Renstra period,
//! exactly the shape of the `pokin/1` interchange format
//! (`docs/format.md`). Keys are English; the UI shows the
//! Indonesian terms of the glossary.
//!
//! Every optional key is left out when empty, so that JSON → model → JSON is
//! the identity up to empty keys. Unknown keys are refused (typos must not
//! vanish), except under `extra`, which is kept verbatim.

pub mod limits;
mod ordered;
mod step;

pub(crate) use step::with_legacy_numbers;

pub use ordered::{ord_between, Ordered};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "pokin/1";

/// Free-form data kept verbatim (`extra` objects).
pub type Extra = serde_json::Map<String, serde_json::Value>;

pub(crate) fn is_none_or_empty(s: &Option<String>) -> bool {
    s.as_deref().map_or(true, str::is_empty)
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub document: DocumentMeta,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub units: Ordered<Unit>,
    pub tree: Tree,
    #[serde(default, skip_serializing_if = "Processes::is_empty")]
    pub processes: Processes,
    #[serde(default, skip_serializing_if = "ValidationSettings::is_empty")]
    pub validation: ValidationSettings,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub annotations: Ordered<Annotation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub government: String,
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Signatory::is_empty")]
    pub signatory: Signatory,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Review,
    Final,
}

/// The official who signs the printout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub echelon: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Unit {
    /// The short name ("Kabid P2I"), else the full name.
    pub fn label(&self) -> &str {
        if self.short.is_empty() { &self.name } else { &self.short }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tree {
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub nodes: Ordered<Node>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub links: Ordered<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub name: String,
    pub kind: LevelKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub echelon: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Index into `tree.levels`.
    pub level: usize,
    pub statement: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phenomenon: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Budget::is_empty")]
    pub budget: Budget,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// A target, actual or baseline value: a number, or text where the target
/// is not numeric ("WTP", "B").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(serde_json::Number),
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Baseline::is_empty")]
    pub baseline: Baseline,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    pub targets: BTreeMap<i32, Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "by_year")]
    pub actuals: BTreeMap<i32, Value>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// Values by year. JSON object keys are strings ("2021"); they are read as
/// years whether the JSON comes from a file or from an already parsed value
/// (as the desktop shell receives it).
fn by_year<'de, D: serde::Deserializer<'de>>(de: D) -> Result<BTreeMap<i32, Value>, D::Error> {
    let raw = Option::<BTreeMap<String, Value>>::deserialize(de)?.unwrap_or_default();
    raw.into_iter()
        .map(|(year, value)| {
            year.trim()
                .parse::<i32>()
                .map(|y| (y, value))
                .map_err(|_| serde::de::Error::custom(format!("tahun `{year}` bukan bilangan bulat")))
        })
        .collect()
}

/// How a better value moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
    Stable,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl Baseline {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// Program / kegiatan / sub kegiatan budget, in whole rupiah.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<i64>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Budget {
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}

/// Child → parent: "`from` contributes to `to`".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub kind: LinkKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Link {
    pub fn is_external(&self) -> bool {
        self.to.starts_with(EXTERNAL_PREFIX)
    }
}

pub const EXTERNAL_PREFIX: &str = "ext:";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Primary,
    Crosscutting,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProcessCategory {
    Management,
    Core,
    Support,
}

/// Peta Lintas Fungsi / SOP-AP flowchart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "is_none_or_empty")]
    pub process: Option<String>,
    /// Unit ids, left to right.
    pub lanes: Vec<String>,
    #[serde(default, skip_serializing_if = "FlowHeader::is_empty")]
    pub header: FlowHeader,
    pub steps: Ordered<Step>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// The SOP header block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
/// the format uses the key `no` both for the step number and for a
/// decision's "no" branch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    pub id: String,
    pub number: Option<u32>,
    pub text: String,
    pub lane: String,
    pub shape: Shape,
    /// Mutu baku: kelengkapan.
    pub requirements: String,
    /// Mutu baku: waktu.
    pub duration: String,
    /// Mutu baku: output.
    pub output: String,
    /// Keterangan.
    pub note: String,
    pub next: Vec<String>,
    pub yes: Option<String>,
    pub no: Option<String>,
    pub extra: Extra,
}

impl Step {
    /// Every step this one leads to, in next, yes, no order.
    pub fn successors(&self) -> impl Iterator<Item = &str> {
        self.next.iter().map(String::as_str).chain(self.yes.as_deref()).chain(self.no.as_deref())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Start,
    #[default]
    Process,
    Decision,
    End,
}

/// What a finding, an annotation or an accepted finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

/// Catatan reviu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub id: String,
    pub on: Target,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    pub text: String,
    pub status: AnnotationStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationStatus {
    Open,
    Resolved,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// Per-document rule settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

/// A finding the planner accepted, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

impl Document {
    /// A new, empty document with the default level scheme.
    pub fn new(title: &str, period: Period) -> Self {
        Document {
            format: FORMAT.into(),
            document: DocumentMeta { title: title.into(), period, ..Default::default() },
            units: Ordered::new(),
            tree: Tree { levels: default_levels(), ..Default::default() },
            processes: Processes::default(),
            validation: ValidationSettings::default(),
            annotations: Ordered::new(),
        }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.tree.nodes.iter().find(|n| n.id == id)
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.tree.nodes.iter().position(|n| n.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// A unit's label for lanes, columns and notes (its short name, else its
    /// name); the id itself when there is no such unit.
    pub fn unit_label(&self, id: &str) -> String {
        self.unit(id).map_or_else(|| id.to_string(), |u| u.label().to_string())
    }

    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.processes.flows.iter().find(|f| f.id == id)
    }

    pub fn process(&self, id: &str) -> Option<&Process> {
        self.processes.map.processes.iter().find(|p| p.id == id)
    }

    /// Each node's primary parent, by index into `tree.nodes` — the one
    /// definition every part of the program uses: the target of the node's
    /// first primary link that names another node of the tree (a link to a
    /// missing node, or to the node itself, gives none). Cycles are kept;
    /// the validator reports them and the layout breaks them.
    pub fn primary_parents(&self) -> Vec<Option<usize>> {
        let index: rustc_hash::FxHashMap<&str, usize> =
            self.tree.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        self.primary_parents_in(|id| index.get(id).copied())
    }

    /// [`Document::primary_parents`] with the caller's id → index lookup.
    pub fn primary_parents_in(&self, index: impl Fn(&str) -> Option<usize>) -> Vec<Option<usize>> {
        let mut parent = vec![None; self.tree.nodes.len()];
        for link in self.tree.links.iter().filter(|l| l.kind == LinkKind::Primary) {
            if let (Some(child), Some(p)) = (index(&link.from), index(&link.to)) {
                if parent[child].is_none() && child != p {
                    parent[child] = Some(p);
                }
            }
        }
        parent
    }

    /// One node's primary parent (see [`Document::primary_parents`]).
    pub fn primary_parent(&self, id: &str) -> Option<&str> {
        let exists = |n: &str| n != id && self.node(n).is_some();
        self.tree.links.iter().find(|l| l.kind == LinkKind::Primary && l.from == id && exists(&l.to)).map(|l| l.to.as_str())
    }

    /// Whether a target names something that exists in this document.
    pub fn has_target(&self, target: &Target) -> bool {
        match target {
            Target::Node(n) => self.node(n).is_some(),
            Target::Link(from, to) => self.tree.links.iter().any(|l| &l.from == from && &l.to == to),
            Target::Indicator(n, i) => self.node(n).is_some_and(|n| n.indicators.iter().any(|x| &x.id == i)),
            Target::Unit(u) => self.unit(u).is_some(),
            Target::Process(p) => self.process(p).is_some(),
            Target::Flow(f) => self.flow(f).is_some(),
            Target::Step(f, s) => self.flow(f).is_some_and(|f| f.steps.iter().any(|x| &x.id == s)),
            Target::Document(()) => true,
        }
    }

    pub fn node_count(&self) -> usize {
        self.tree.nodes.len()
    }
}
