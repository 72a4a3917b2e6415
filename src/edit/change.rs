//! Entity-level changes: the one primitive every edit is made of.
//!
//! A document is a set of entities (the document header, the level scheme,
//! each unit, node, link, process, flow, step, annotation …). An edit puts
//! new values for some entities; each put is recorded with the value before
//! and after. Undo applies the befores in reverse, redo the afters: one
//! mechanism for every kind of edit, and the same rows the `.pokin` file
//! stores.

use crate::error::{Error, Result};
use crate::model::*;
use serde::de::DeserializeOwned;
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
}

impl Key {
    /// The entity in the planner's words, for messages.
    pub fn describe(&self) -> String {
        match self {
            Key::Document => "Data dokumen".into(),
            Key::Levels => "Skema level".into(),
            Key::ProcessMap => "Peta proses bisnis".into(),
            Key::Validation => "Pengaturan pemeriksaan".into(),
            Key::Unit { id } => format!("Unit {id}"),
            Key::Node { id } => format!("Simpul {id}"),
            Key::Link { from, to } => format!("Keterkaitan {from} → {to}"),
            Key::Process { id } => format!("Proses {id}"),
            Key::Flow { id } => format!("Peta lintas fungsi {id}"),
            Key::Step { flow, id } => format!("Langkah {id} (peta {flow})"),
            Key::Annotation { id } => format!("Catatan {id}"),
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

fn decode<T: DeserializeOwned>(key: &Key, row: &Row) -> Result<T> {
    T::deserialize(&row.data).map_err(|e| Error::refused(format!("data {} tidak terbaca: {e}", key.describe())))
}

fn position<T>(list: &[T], matches: impl Fn(&T) -> bool) -> Option<usize> {
    list.iter().position(matches)
}

/// Replaces, inserts or removes the item at `at` (its current index, if any).
fn put_in<T: DeserializeOwned>(list: &mut Ordered<T>, at: Option<usize>, key: &Key, row: Option<&Row>) -> Result<()> {
    match (at, row) {
        (Some(i), Some(row)) if list.ord(i) == row.ord => {
            *list.get_mut(i).expect("index in range") = decode(key, row)?;
        }
        (at, row) => {
            let value = row.map(|r| decode::<T>(key, r).map(|v| (r.ord, v))).transpose()?;
            if let Some(i) = at {
                list.remove(i);
            }
            if let Some((ord, value)) = value {
                list.insert_by_ord(ord, value);
            }
        }
    }
    Ok(())
}

/// The current row of an entity, or `None` where it does not exist.
pub fn read(doc: &Document, key: &Key) -> Option<Row> {
    match key {
        Key::Document => Some(row_of(0.0, &doc.document)),
        Key::Levels => Some(row_of(0.0, &doc.tree.levels)),
        Key::ProcessMap => {
            let map = &doc.processes.map;
            let header = ProcessMapHeader { goal: map.goal.clone(), inputs: map.inputs.clone(), outputs: map.outputs.clone() };
            Some(row_of(0.0, &header))
        }
        Key::Validation => Some(row_of(0.0, &doc.validation)),
        Key::Unit { id } => position(&doc.units, |u| &u.id == id).map(|i| row_of(doc.units.ord(i), &doc.units[i])),
        Key::Node { id } => {
            let nodes = &doc.tree.nodes;
            position(nodes, |n| &n.id == id).map(|i| row_of(nodes.ord(i), &nodes[i]))
        }
        Key::Link { from, to } => {
            let links = &doc.tree.links;
            position(links, |l| &l.from == from && &l.to == to).map(|i| row_of(links.ord(i), &links[i]))
        }
        Key::Process { id } => {
            let list = &doc.processes.map.processes;
            position(list, |p| &p.id == id).map(|i| row_of(list.ord(i), &list[i]))
        }
        Key::Flow { id } => {
            let flows = &doc.processes.flows;
            position(flows, |f| &f.id == id).map(|i| flow_row(flows.ord(i), &flows[i]))
        }
        Key::Step { flow, id } => {
            let flow = doc.flow(flow)?;
            position(&flow.steps, |s| &s.id == id).map(|i| row_of(flow.steps.ord(i), &flow.steps[i]))
        }
        Key::Annotation { id } => {
            let list = &doc.annotations;
            position(list, |a| &a.id == id).map(|i| row_of(list.ord(i), &list[i]))
        }
    }
}

/// Sets an entity to `row` (or removes it) in the in-memory document.
pub fn apply(doc: &mut Document, key: &Key, row: Option<&Row>) -> Result<()> {
    let singleton = |what: &str| Error::refused(format!("{what} tidak dapat dihapus"));
    match key {
        Key::Document => doc.document = decode(key, row.ok_or_else(|| singleton("Data dokumen"))?)?,
        Key::Levels => doc.tree.levels = decode(key, row.ok_or_else(|| singleton("Skema level"))?)?,
        Key::ProcessMap => {
            let header: ProcessMapHeader = decode(key, row.ok_or_else(|| singleton("Peta proses bisnis"))?)?;
            let map = &mut doc.processes.map;
            (map.goal, map.inputs, map.outputs) = (header.goal, header.inputs, header.outputs);
        }
        Key::Validation => doc.validation = decode(key, row.ok_or_else(|| singleton("Pengaturan validasi"))?)?,
        Key::Unit { id } => {
            let at = position(&doc.units, |u| &u.id == id);
            put_in(&mut doc.units, at, key, row)?
        }
        Key::Node { id } => {
            let at = position(&doc.tree.nodes, |n| &n.id == id);
            put_in(&mut doc.tree.nodes, at, key, row)?
        }
        Key::Link { from, to } => {
            let at = position(&doc.tree.links, |l| &l.from == from && &l.to == to);
            put_in(&mut doc.tree.links, at, key, row)?
        }
        Key::Process { id } => {
            let at = position(&doc.processes.map.processes, |p| &p.id == id);
            put_in(&mut doc.processes.map.processes, at, key, row)?
        }
        Key::Flow { id } => {
            let flows = &mut doc.processes.flows;
            let at = position(flows, |f| &f.id == id);
            // The flow row carries no steps: keep the ones in memory.
            let steps = at.map(|i| std::mem::take(&mut flows.get_mut(i).expect("index in range").steps));
            put_in(flows, at, key, row)?;
            if let (Some(steps), Some(i)) = (steps, position(flows, |f| &f.id == id)) {
                flows.get_mut(i).expect("index in range").steps = steps;
            }
        }
        Key::Step { flow, id } => {
            let flows = &mut doc.processes.flows;
            let f = position(flows, |f| &f.id == flow)
                .ok_or_else(|| Error::refused(format!("alur `{flow}` tidak ada")))?;
            let steps = &mut flows.get_mut(f).expect("index in range").steps;
            let at = position(steps, |s| &s.id == id);
            put_in(steps, at, key, row)?
        }
        Key::Annotation { id } => {
            let at = position(&doc.annotations, |a| &a.id == id);
            put_in(&mut doc.annotations, at, key, row)?
        }
    }
    Ok(())
}

/// Every entity of a document as rows, in store order: what a new `.pokin`
/// file is filled with.
pub fn all_rows(doc: &Document) -> Vec<(Key, Row)> {
    let mut rows = Vec::with_capacity(doc.tree.nodes.len() * 2 + 16);
    for key in [Key::Document, Key::Levels, Key::ProcessMap, Key::Validation] {
        let row = read(doc, &key).expect("singletons always exist");
        rows.push((key, row));
    }
    for (i, u) in doc.units.iter().enumerate() {
        rows.push((Key::Unit { id: u.id.clone() }, row_of(doc.units.ord(i), u)));
    }
    for (i, n) in doc.tree.nodes.iter().enumerate() {
        rows.push((Key::Node { id: n.id.clone() }, row_of(doc.tree.nodes.ord(i), n)));
    }
    for (i, l) in doc.tree.links.iter().enumerate() {
        rows.push((Key::Link { from: l.from.clone(), to: l.to.clone() }, row_of(doc.tree.links.ord(i), l)));
    }
    let processes = &doc.processes.map.processes;
    for (i, p) in processes.iter().enumerate() {
        rows.push((Key::Process { id: p.id.clone() }, row_of(processes.ord(i), p)));
    }
    for (i, f) in doc.processes.flows.iter().enumerate() {
        rows.push((Key::Flow { id: f.id.clone() }, flow_row(doc.processes.flows.ord(i), f)));
        for (k, s) in f.steps.iter().enumerate() {
            rows.push((Key::Step { flow: f.id.clone(), id: s.id.clone() }, row_of(f.steps.ord(k), s)));
        }
    }
    for (i, a) in doc.annotations.iter().enumerate() {
        rows.push((Key::Annotation { id: a.id.clone() }, row_of(doc.annotations.ord(i), a)));
    }
    rows
}
