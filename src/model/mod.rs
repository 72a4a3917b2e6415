//! The document model: one agency's planning set for one Renstra period,
//! exactly the shape of the `pokin/1` interchange format
//! (`docs/format.md`). Keys are English; the UI shows the
//! Indonesian terms of the glossary.
//!
//! Every optional key is left out when empty, so that JSON → model → JSON is
//! the identity up to empty keys. Unknown keys are refused (typos must not
//! vanish), except under `extra`, which is kept verbatim.

mod hierarchy;
pub mod limits;
mod meta;
mod monitoring;
mod ordered;
mod processes;
mod review;
mod step;
mod tree;
mod worksheet;

pub use hierarchy::Hierarchy;
pub use meta::*;
pub use monitoring::*;
pub use processes::*;
pub use review::*;
pub use tree::*;
pub use worksheet::*;

pub(crate) use step::with_legacy_numbers;

pub use ordered::{ord_between, Ordered};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const FORMAT: &str = "pokin/1";

/// Free-form data kept verbatim (`extra` objects).
pub type Extra = serde_json::Map<String, serde_json::Value>;

pub(crate) fn is_none_or_empty(s: &Option<String>) -> bool {
    s.as_deref().map_or(true, str::is_empty)
}

pub(crate) fn is_zero(n: &u32) -> bool {
    *n == 0
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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
    /// The reviewer's worksheet verdicts (KKE); review data like annotations.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub verdicts: Ordered<Verdict>,
    /// Who reviews (the review report's header and signature); review data.
    #[serde(default, skip_serializing_if = "ReviewTeam::is_empty")]
    pub review_team: ReviewTeam,
    /// Capaian categories and predicate scores; monitoring data like realisasi.
    #[serde(default, skip_serializing_if = "MonitoringSettings::is_empty")]
    pub monitoring: MonitoringSettings,
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
            verdicts: Ordered::new(),
            review_team: ReviewTeam::default(),
            monitoring: MonitoringSettings::default(),
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
        let i = self.node_index(id)?;
        self.primary_parents()[i].map(|p| self.tree.nodes[p].id.as_str())
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
