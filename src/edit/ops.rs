//! The operations of the editor. Each is checked against the document and
//! refused with a message the planner understands where it would break the
//! document's structure; the validator, not the editor, judges the content.

use super::change::{flow_row, row_of, ProcessMapHeader};
use super::{Key, List, Tx};
use crate::error::{Error, Result};
use crate::model::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One edit. `before` names the item the new or moved item goes in front
/// of; without it, the item goes to the end of its list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// The document's title, agency, government, period, signatory. Its
    /// status is not changed here: only `mark_final` and a new draft do.
    UpdateDocument { document: DocumentMeta },
    /// Sets the status (final, draft). Not accepted from outside (the
    /// editor, `pokin apply`): the store's `mark_final` makes it, with the
    /// final version and its fingerprint.
    #[serde(skip_deserializing)]
    SetStatus { status: Status },
    SetLevels { levels: Vec<Level> },

    AddUnit { unit: Unit, #[serde(default)] before: Option<String> },
    UpdateUnit { unit: Unit },
    DeleteUnit { id: String },
    MoveUnit { id: String, #[serde(default)] before: Option<String> },

    /// Adds a node; with a parent, also its primary link, and the node's
    /// level is the parent's level + 1.
    AddNode { node: Node, #[serde(default)] parent: Option<String>, #[serde(default)] before: Option<String> },
    UpdateNode { node: Node },
    /// Deletes the node with its whole subtree, their links, the processes'
    /// references to them and the annotations on them.
    DeleteNode { id: String },
    /// Gives the node a new primary parent (`None`: keep the parent) and/or a
    /// new place among its siblings.
    MoveNode { id: String, #[serde(default)] parent: Option<String>, #[serde(default)] before: Option<String> },

    AddIndicator { node: String, indicator: Indicator },
    UpdateIndicator { node: String, indicator: Indicator },
    DeleteIndicator { node: String, id: String },

    AddLink { link: Link },
    UpdateLink { link: Link },
    DeleteLink { from: String, to: String },

    UpdateProcessMap { goal: String, inputs: Vec<String>, outputs: Vec<String> },
    AddProcess { process: Process, #[serde(default)] before: Option<String> },
    UpdateProcess { process: Process },
    DeleteProcess { id: String },
    MoveProcess { id: String, #[serde(default)] before: Option<String> },

    /// Adds a flow with its steps.
    AddFlow { flow: Flow, #[serde(default)] before: Option<String> },
    /// Updates a flow's name, number, process, lanes and header (not its steps).
    UpdateFlow { flow: Flow },
    DeleteFlow { id: String },
    AddStep { flow: String, step: Step, #[serde(default)] before: Option<String> },
    UpdateStep { flow: String, step: Step },
    /// Deletes a step and every next/yes/no that pointed to it.
    DeleteStep { flow: String, id: String },
    MoveStep { flow: String, id: String, #[serde(default)] before: Option<String> },

    AddAnnotation { annotation: Annotation },
    UpdateAnnotation { annotation: Annotation },
    DeleteAnnotation { id: String },

    /// Sets a rule's severity for this document, or back to default (`None`).
    SetRule { rule: String, setting: Option<RuleSetting> },
    AcceptFinding { accepted: Accepted },
    UnacceptFinding { rule: String, target: Target },

    /// Several operations as one edit (one undo step).
    Batch { label: String, ops: Vec<Op> },
}

fn missing(what: &str, id: &str) -> Error {
    Error::refused(format!("{what} `{id}` tidak ada di dokumen"))
}

fn taken(what: &str, id: &str) -> Error {
    Error::refused(format!("id {what} `{id}` sudah dipakai; pilih id lain"))
}

/// A fresh id `prefix<n>` not yet in `taken`.
pub(crate) fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.collect();
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(id.as_str())).expect("ids are unbounded")
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(48).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

impl Op {
    /// What the history shows for this edit.
    pub fn label(&self) -> String {
        match self {
            Op::UpdateDocument { .. } => "Ubah data dokumen".into(),
            Op::SetStatus { status: Status::Final } => "Tetapkan sebagai final".into(),
            Op::SetStatus { .. } => "Ubah status dokumen".into(),
            Op::SetLevels { .. } => "Ubah skema level".into(),
            Op::AddUnit { unit, .. } => format!("Tambah unit \"{}\"", shorten(&unit.name)),
            Op::UpdateUnit { unit } => format!("Ubah unit \"{}\"", shorten(&unit.name)),
            Op::DeleteUnit { id } => format!("Hapus unit {id}"),
            Op::MoveUnit { id, .. } => format!("Pindah unit {id}"),
            Op::AddNode { node, .. } => format!("Tambah simpul \"{}\"", shorten(&node.statement)),
            Op::UpdateNode { node } => format!("Ubah simpul \"{}\"", shorten(&node.statement)),
            Op::DeleteNode { id } => format!("Hapus simpul {id}"),
            Op::MoveNode { id, .. } => format!("Pindah simpul {id}"),
            Op::AddIndicator { indicator, .. } => format!("Tambah indikator \"{}\"", shorten(&indicator.name)),
            Op::UpdateIndicator { indicator, .. } => format!("Ubah indikator \"{}\"", shorten(&indicator.name)),
            Op::DeleteIndicator { node, id } => format!("Hapus indikator {id} dari {node}"),
            Op::AddLink { link } => format!("Tambah keterkaitan {} → {}", link.from, link.to),
            Op::UpdateLink { link } => format!("Ubah keterkaitan {} → {}", link.from, link.to),
            Op::DeleteLink { from, to } => format!("Hapus keterkaitan {from} → {to}"),
            Op::UpdateProcessMap { .. } => "Ubah peta proses bisnis".into(),
            Op::AddProcess { process, .. } => format!("Tambah proses \"{}\"", shorten(&process.name)),
            Op::UpdateProcess { process } => format!("Ubah proses \"{}\"", shorten(&process.name)),
            Op::DeleteProcess { id } => format!("Hapus proses {id}"),
            Op::MoveProcess { id, .. } => format!("Pindah proses {id}"),
            Op::AddFlow { flow, .. } => format!("Tambah peta lintas fungsi \"{}\"", shorten(&flow.name)),
            Op::UpdateFlow { flow } => format!("Ubah peta lintas fungsi \"{}\"", shorten(&flow.name)),
            Op::DeleteFlow { id } => format!("Hapus peta lintas fungsi {id}"),
            Op::AddStep { step, .. } => format!("Tambah langkah \"{}\"", shorten(&step.text)),
            Op::UpdateStep { step, .. } => format!("Ubah langkah \"{}\"", shorten(&step.text)),
            Op::DeleteStep { id, .. } => format!("Hapus langkah {id}"),
            Op::MoveStep { id, .. } => format!("Pindah langkah {id}"),
            Op::AddAnnotation { .. } => "Tambah catatan reviu".into(),
            Op::UpdateAnnotation { .. } => "Ubah catatan reviu".into(),
            Op::DeleteAnnotation { id } => format!("Hapus catatan reviu {id}"),
            Op::SetRule { rule, setting } => match setting {
                Some(RuleSetting::Off) => format!("Matikan aturan {rule}"),
                Some(_) => format!("Ubah tingkat aturan {rule}"),
                None => format!("Kembalikan aturan {rule} ke bawaan"),
            },
            Op::AcceptFinding { accepted } => format!("Terima temuan {}", accepted.rule),
            Op::UnacceptFinding { rule, .. } => format!("Batalkan penerimaan temuan {rule}"),
            Op::Batch { label, .. } => label.clone(),
        }
    }

    pub(super) fn run(&self, tx: &mut Tx) -> Result<()> {
        match self {
            Op::UpdateDocument { document } => {
                if document.status != tx.doc().document.status {
                    return Err(Error::refused(
                        "Status dokumen tidak diubah di sini: gunakan Berkas › Tetapkan sebagai final \
                         (pokin final) atau Draf baru dari versi final (pokin draft)",
                    ));
                }
                tx.put(Key::Document, Some(row_of(0.0, document)))
            }
            Op::SetStatus { status } => {
                let mut document = tx.doc().document.clone();
                document.status = Some(*status);
                tx.put(Key::Document, Some(row_of(0.0, &document)))
            }
            Op::SetLevels { levels } => set_levels(tx, levels),

            Op::AddUnit { unit, before } => add_unit(tx, unit, before.as_deref()),
            Op::UpdateUnit { unit } => {
                let key = Key::Unit { id: unit.id.clone() };
                let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Unit", &unit.id))?;
                tx.put(key, Some(row_of(row.ord, unit)))
            }
            Op::DeleteUnit { id } => delete_unit(tx, id),
            Op::MoveUnit { id, before } => {
                let index = before_index(&tx.doc().units, before.as_deref(), |u| &u.id, "Unit")?;
                move_to(tx, &List::Units, Key::Unit { id: id.clone() }, index, "Unit", id)
            }

            Op::AddNode { node, parent, before } => add_node(tx, node, parent.as_deref(), before.as_deref()),
            Op::UpdateNode { node } => update_node(tx, node),
            Op::DeleteNode { id } => delete_node(tx, id),
            Op::MoveNode { id, parent, before } => move_node(tx, id, parent.as_deref(), before.as_deref()),

            Op::AddIndicator { node, indicator } => edit_node(tx, node, |n| {
                let mut indicator = indicator.clone();
                if indicator.id.is_empty() {
                    indicator.id = fresh_id("i", n.indicators.iter().map(|x| x.id.as_str()));
                } else if n.indicators.iter().any(|x| x.id == indicator.id) {
                    return Err(taken("indikator", &indicator.id));
                }
                n.indicators.push(indicator);
                Ok(())
            }),
            Op::UpdateIndicator { node, indicator } => edit_node(tx, node, |n| {
                let slot = n.indicators.iter_mut().find(|x| x.id == indicator.id);
                *slot.ok_or_else(|| missing("Indikator", &indicator.id))? = indicator.clone();
                Ok(())
            }),
            Op::DeleteIndicator { node, id } => edit_node(tx, node, |n| {
                let at = n.indicators.iter().position(|x| &x.id == id).ok_or_else(|| missing("Indikator", id))?;
                n.indicators.remove(at);
                Ok(())
            }),

            Op::AddLink { link } => add_link(tx, link),
            Op::UpdateLink { link } => {
                let key = Key::Link { from: link.from.clone(), to: link.to.clone() };
                let row = super::read(tx.doc(), &key)
                    .ok_or_else(|| Error::refused(format!("Keterkaitan {} → {} tidak ada", link.from, link.to)))?;
                tx.put(key, Some(row_of(row.ord, link)))
            }
            Op::DeleteLink { from, to } => {
                let key = Key::Link { from: from.clone(), to: to.clone() };
                if super::read(tx.doc(), &key).is_none() {
                    return Err(Error::refused(format!("Keterkaitan {from} → {to} tidak ada")));
                }
                tx.delete(key)
            }

            Op::UpdateProcessMap { goal, inputs, outputs } => {
                let header = ProcessMapHeader { goal: goal.clone(), inputs: inputs.clone(), outputs: outputs.clone() };
                tx.put(Key::ProcessMap, Some(row_of(0.0, &header)))
            }
            Op::AddProcess { process, before } => add_process(tx, process, before.as_deref()),
            Op::UpdateProcess { process } => {
                let key = Key::Process { id: process.id.clone() };
                let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Proses", &process.id))?;
                tx.put(key, Some(row_of(row.ord, process)))
            }
            Op::DeleteProcess { id } => delete_process(tx, id),
            Op::MoveProcess { id, before } => {
                let list = &tx.doc().processes.map.processes;
                let index = before_index(list, before.as_deref(), |p| &p.id, "Proses")?;
                move_to(tx, &List::Processes, Key::Process { id: id.clone() }, index, "Proses", id)
            }

            Op::AddFlow { flow, before } => add_flow(tx, flow, before.as_deref()),
            Op::UpdateFlow { flow } => {
                let key = Key::Flow { id: flow.id.clone() };
                let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Peta lintas fungsi", &flow.id))?;
                tx.put(key, Some(flow_row(row.ord, flow)))
            }
            Op::DeleteFlow { id } => {
                let flow = tx.doc().flow(id).ok_or_else(|| missing("Peta lintas fungsi", id))?;
                let steps: Vec<String> = flow.steps.iter().map(|s| s.id.clone()).collect();
                for step in steps {
                    tx.delete(Key::Step { flow: id.clone(), id: step })?;
                }
                tx.delete(Key::Flow { id: id.clone() })
            }
            Op::AddStep { flow, step, before } => {
                add_step(tx, flow, step, before.as_deref())?;
                renumber_steps(tx, flow)
            }
            Op::UpdateStep { flow, step } => {
                let key = Key::Step { flow: flow.clone(), id: step.id.clone() };
                let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Langkah", &step.id))?;
                tx.put(key, Some(row_of(row.ord, step)))
            }
            Op::DeleteStep { flow, id } => {
                delete_step(tx, flow, id)?;
                renumber_steps(tx, flow)
            }
            Op::MoveStep { flow, id, before } => {
                let f = tx.doc().flow(flow).ok_or_else(|| missing("Peta lintas fungsi", flow))?;
                let index = before_index(&f.steps, before.as_deref(), |s| &s.id, "Langkah")?;
                let key = Key::Step { flow: flow.clone(), id: id.clone() };
                move_to(tx, &List::Steps(flow.clone()), key, index, "Langkah", id)?;
                renumber_steps(tx, flow)
            }

            Op::AddAnnotation { annotation } => {
                let mut annotation = annotation.clone();
                let list = &tx.doc().annotations;
                if annotation.id.is_empty() {
                    annotation.id = fresh_id("c", list.iter().map(|a| a.id.as_str()));
                } else if list.iter().any(|a| a.id == annotation.id) {
                    return Err(taken("catatan", &annotation.id));
                }
                let ord = tx.ord_at(&List::Annotations, tx.doc().annotations.len())?;
                tx.put(Key::Annotation { id: annotation.id.clone() }, Some(row_of(ord, &annotation)))
            }
            Op::UpdateAnnotation { annotation } => {
                let key = Key::Annotation { id: annotation.id.clone() };
                let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Catatan reviu", &annotation.id))?;
                tx.put(key, Some(row_of(row.ord, annotation)))
            }
            Op::DeleteAnnotation { id } => {
                let key = Key::Annotation { id: id.clone() };
                super::read(tx.doc(), &key).ok_or_else(|| missing("Catatan reviu", id))?;
                tx.delete(key)
            }

            Op::SetRule { rule, setting } => {
                if !crate::validate::is_rule_id(rule) {
                    return Err(Error::refused(format!("Aturan `{rule}` tidak dikenal")));
                }
                let mut settings = tx.doc().validation.clone();
                match setting {
                    Some(s) => settings.rules.insert(rule.clone(), *s),
                    None => settings.rules.remove(rule),
                };
                tx.put(Key::Validation, Some(row_of(0.0, &settings)))
            }
            Op::AcceptFinding { accepted } => {
                if accepted.reason.trim().is_empty() {
                    return Err(Error::refused("Alasan menerima temuan wajib diisi"));
                }
                let mut settings = tx.doc().validation.clone();
                settings.accepted.retain(|a| !(a.rule == accepted.rule && a.target == accepted.target));
                settings.accepted.push(accepted.clone());
                tx.put(Key::Validation, Some(row_of(0.0, &settings)))
            }
            Op::UnacceptFinding { rule, target } => {
                let mut settings = tx.doc().validation.clone();
                settings.accepted.retain(|a| !(&a.rule == rule && &a.target == target));
                tx.put(Key::Validation, Some(row_of(0.0, &settings)))
            }

            Op::Batch { ops, .. } => ops.iter().try_for_each(|op| op.run(tx)),
        }
    }
}

/// Index of the item named `before` (the end of the list when `None`).
fn before_index<T>(list: &[T], before: Option<&str>, id_of: impl Fn(&T) -> &String, what: &str) -> Result<usize> {
    match before {
        None => Ok(list.len()),
        Some(b) => list.iter().position(|x| id_of(x) == b).ok_or_else(|| missing(what, b)),
    }
}

/// Moves an entity to just before `index` of its list (the end when past it).
fn move_to(tx: &mut Tx, list: &List, key: Key, index: usize, what: &str, id: &str) -> Result<()> {
    let mut row = super::read(tx.doc(), &key).ok_or_else(|| missing(what, id))?;
    let ords = list.ords(tx.doc());
    // Already in place: the item just before `index` is this one, or it sits at `index`.
    let current = ords.iter().position(|o| *o == row.ord);
    if current == Some(index) || (index > 0 && current == Some(index - 1)) {
        return Ok(());
    }
    row.ord = tx.ord_at(list, index)?;
    tx.put(key, Some(row))
}

fn set_levels(tx: &mut Tx, levels: &[Level]) -> Result<()> {
    if levels.is_empty() {
        return Err(Error::refused("Skema level harus punya paling sedikit satu level"));
    }
    if let Some(node) = tx.doc().tree.nodes.iter().find(|n| n.level >= levels.len()) {
        return Err(Error::refused(format!(
            "Simpul \"{}\" ada di level {}; skema baru hanya punya {} level. Pindahkan simpul itu dulu.",
            shorten(&node.statement),
            node.level,
            levels.len()
        )));
    }
    tx.put(Key::Levels, Some(row_of(0.0, &levels)))
}

fn add_unit(tx: &mut Tx, unit: &Unit, before: Option<&str>) -> Result<()> {
    let mut unit = unit.clone();
    let units = &tx.doc().units;
    if unit.id.is_empty() {
        unit.id = fresh_id("u", units.iter().map(|u| u.id.as_str()));
    } else if units.iter().any(|u| u.id == unit.id) {
        return Err(taken("unit", &unit.id));
    }
    let index = before_index(units, before, |u| &u.id, "Unit")?;
    let ord = tx.ord_at(&List::Units, index)?;
    tx.put(Key::Unit { id: unit.id.clone() }, Some(row_of(ord, &unit)))
}

/// A unit still acting in a flow cannot go; everywhere else its references are cleared.
fn delete_unit(tx: &mut Tx, id: &str) -> Result<()> {
    let doc = tx.doc();
    doc.unit(id).ok_or_else(|| missing("Unit", id))?;
    for flow in doc.processes.flows.iter() {
        if let Some(step) = flow.steps.iter().find(|s| s.lane == id) {
            return Err(Error::refused(format!(
                "Unit `{id}` masih menjadi pelaksana langkah \"{}\" di peta \"{}\". Pindahkan langkah itu dulu.",
                shorten(&step.text),
                flow.name
            )));
        }
    }
    let nodes: Vec<Node> = doc.tree.nodes.iter().filter(|n| n.owner.as_deref() == Some(id)).cloned().collect();
    let units: Vec<Unit> = doc.units.iter().filter(|u| u.parent.as_deref() == Some(id)).cloned().collect();
    let processes: Vec<Process> =
        doc.processes.map.processes.iter().filter(|p| p.owners.iter().any(|o| o == id)).cloned().collect();
    let flows: Vec<Flow> = doc.processes.flows.iter().filter(|f| f.lanes.iter().any(|l| l == id)).cloned().collect();
    for mut node in nodes {
        node.owner = None;
        update_node(tx, &node)?;
    }
    for mut unit in units {
        unit.parent = None;
        Op::UpdateUnit { unit }.run(tx)?;
    }
    for mut process in processes {
        process.owners.retain(|o| o != id);
        Op::UpdateProcess { process }.run(tx)?;
    }
    for mut flow in flows {
        flow.lanes.retain(|l| l != id);
        Op::UpdateFlow { flow }.run(tx)?;
    }
    tx.delete(Key::Unit { id: id.into() })
}

fn level_name(doc: &Document, level: usize) -> String {
    doc.tree.levels.get(level).map_or_else(|| format!("level {level}"), |l| format!("level {level} ({})", l.name))
}

fn add_node(tx: &mut Tx, node: &Node, parent: Option<&str>, before: Option<&str>) -> Result<()> {
    let doc = tx.doc();
    let mut node = node.clone();
    if node.id.is_empty() {
        node.id = fresh_id("n", doc.tree.nodes.iter().map(|n| n.id.as_str()));
    } else if doc.node(&node.id).is_some() {
        return Err(taken("simpul", &node.id));
    }
    if let Some(parent_id) = parent {
        let parent = doc.node(parent_id).ok_or_else(|| missing("Simpul induk", parent_id))?;
        node.level = parent.level + 1;
        if node.level >= doc.tree.levels.len() {
            return Err(Error::refused(format!(
                "\"{}\" ada di level terbawah ({}); simpul di bawahnya tidak punya level. Tambahkan level di skema dulu.",
                shorten(&parent.statement),
                level_name(doc, parent.level)
            )));
        }
    } else if node.level >= doc.tree.levels.len() {
        return Err(Error::refused(format!("Level {} tidak ada di skema dokumen ini", node.level)));
    }
    let index = before_index(&doc.tree.nodes, before, |n| &n.id, "Simpul")?;
    let ord = tx.ord_at(&List::Nodes, index)?;
    tx.put(Key::Node { id: node.id.clone() }, Some(row_of(ord, &node)))?;
    if let Some(parent) = parent {
        let link = Link { from: node.id.clone(), to: parent.into(), kind: LinkKind::Primary, rationale: String::new(), extra: Extra::new() };
        let ord = tx.ord_at(&List::Links, tx.doc().tree.links.len())?;
        tx.put(Key::Link { from: link.from.clone(), to: link.to.clone() }, Some(row_of(ord, &link)))?;
    }
    Ok(())
}

fn update_node(tx: &mut Tx, node: &Node) -> Result<()> {
    let key = Key::Node { id: node.id.clone() };
    let row = super::read(tx.doc(), &key).ok_or_else(|| missing("Simpul", &node.id))?;
    if node.level >= tx.doc().tree.levels.len() {
        return Err(Error::refused(format!("Level {} tidak ada di skema dokumen ini", node.level)));
    }
    let mut ids = HashSet::new();
    if let Some(dup) = node.indicators.iter().find(|x| !ids.insert(x.id.as_str())) {
        return Err(taken("indikator", &dup.id));
    }
    tx.put(key, Some(row_of(row.ord, node)))
}

fn edit_node(tx: &mut Tx, id: &str, change: impl FnOnce(&mut Node) -> Result<()>) -> Result<()> {
    let mut node = tx.doc().node(id).ok_or_else(|| missing("Simpul", id))?.clone();
    change(&mut node)?;
    update_node(tx, &node)
}

/// The node and every node below it along primary links, in document order.
fn subtree(doc: &Document, root: &str) -> Vec<String> {
    let mut members: HashSet<String> = HashSet::from([root.to_string()]);
    // Primary links point child → parent; grow the set until nothing is added.
    let primaries: Vec<&Link> = doc.tree.links.iter().filter(|l| l.kind == LinkKind::Primary).collect();
    loop {
        let before = members.len();
        for link in &primaries {
            if members.contains(&link.to) && !members.contains(&link.from) {
                members.insert(link.from.clone());
            }
        }
        if members.len() == before {
            break;
        }
    }
    doc.tree.nodes.iter().filter(|n| members.contains(&n.id)).map(|n| n.id.clone()).collect()
}

fn delete_node(tx: &mut Tx, id: &str) -> Result<()> {
    let doc = tx.doc();
    doc.node(id).ok_or_else(|| missing("Simpul", id))?;
    let gone: HashSet<String> = subtree(doc, id).into_iter().collect();
    let links: Vec<Key> = doc
        .tree
        .links
        .iter()
        .filter(|l| gone.contains(&l.from) || gone.contains(&l.to))
        .map(|l| Key::Link { from: l.from.clone(), to: l.to.clone() })
        .collect();
    let processes: Vec<Process> = doc
        .processes
        .map
        .processes
        .iter()
        .filter(|p| p.nodes.iter().any(|n| gone.contains(n)))
        .map(|p| Process { nodes: p.nodes.iter().filter(|n| !gone.contains(*n)).cloned().collect(), ..p.clone() })
        .collect();
    let on_gone = |t: &Target| match t {
        Target::Node(n) | Target::Indicator(n, _) => gone.contains(n),
        Target::Link(a, b) => gone.contains(a) || gone.contains(b),
        _ => false,
    };
    let annotations: Vec<Key> =
        doc.annotations.iter().filter(|a| on_gone(&a.on)).map(|a| Key::Annotation { id: a.id.clone() }).collect();
    let mut validation = doc.validation.clone();
    validation.accepted.retain(|a| !on_gone(&a.target));
    let nodes: Vec<String> = doc.tree.nodes.iter().filter(|n| gone.contains(&n.id)).map(|n| n.id.clone()).collect();

    for key in links.into_iter().chain(annotations) {
        tx.delete(key)?;
    }
    for process in processes {
        Op::UpdateProcess { process }.run(tx)?;
    }
    tx.put(Key::Validation, Some(row_of(0.0, &validation)))?;
    for node in nodes {
        tx.delete(Key::Node { id: node })?;
    }
    Ok(())
}

fn move_node(tx: &mut Tx, id: &str, parent: Option<&str>, before: Option<&str>) -> Result<()> {
    let doc = tx.doc();
    let node = doc.node(id).ok_or_else(|| missing("Simpul", id))?.clone();
    if let Some(parent_id) = parent {
        let parent = doc.node(parent_id).ok_or_else(|| missing("Simpul induk", parent_id))?;
        if parent.level + 1 != node.level {
            return Err(Error::refused(format!(
                "\"{}\" ada di {}, jadi induknya harus di level {}. \"{}\" ada di {}.",
                shorten(&node.statement),
                level_name(doc, node.level),
                node.level as isize - 1,
                shorten(&parent.statement),
                level_name(doc, parent.level)
            )));
        }
        // With levels strictly one apart, a descendant can never be a parent;
        // the check stays for documents whose links are already faulty.
        if subtree(doc, id).iter().any(|n| n == parent_id) {
            return Err(Error::refused(format!(
                "\"{}\" ada di bawah \"{}\"; simpul tidak dapat dipindah ke bawah dirinya sendiri.",
                shorten(&parent.statement),
                shorten(&node.statement)
            )));
        }
        let old: Vec<Link> =
            doc.tree.links.iter().filter(|l| l.kind == LinkKind::Primary && l.from == id).cloned().collect();
        if !(old.len() == 1 && old[0].to == parent_id) {
            let crosscutting_to_parent = doc.tree.links.iter().any(|l| l.from == id && l.to == parent_id);
            if crosscutting_to_parent {
                tx.delete(Key::Link { from: id.into(), to: parent_id.into() })?;
            }
            // The rationale belonged to the old relation; the new one starts without.
            let ord = old.first().map(|l| super::read(tx.doc(), &Key::Link { from: l.from.clone(), to: l.to.clone() }));
            for link in &old {
                tx.delete(Key::Link { from: link.from.clone(), to: link.to.clone() })?;
            }
            let ord = match ord.flatten() {
                Some(row) => row.ord,
                None => tx.ord_at(&List::Links, tx.doc().tree.links.len())?,
            };
            let link = Link { from: id.into(), to: parent_id.into(), kind: LinkKind::Primary, rationale: String::new(), extra: Extra::new() };
            tx.put(Key::Link { from: id.into(), to: parent_id.into() }, Some(row_of(ord, &link)))?;
        }
    }
    if let Some(before) = before {
        let index = before_index(&tx.doc().tree.nodes, Some(before), |n| &n.id, "Simpul")?;
        move_to(tx, &List::Nodes, Key::Node { id: id.into() }, index, "Simpul", id)?;
    }
    Ok(())
}

fn add_link(tx: &mut Tx, link: &Link) -> Result<()> {
    let doc = tx.doc();
    doc.node(&link.from).ok_or_else(|| missing("Simpul", &link.from))?;
    if !link.is_external() {
        doc.node(&link.to).ok_or_else(|| missing("Simpul", &link.to))?;
    }
    if link.from == link.to {
        return Err(Error::refused("Simpul tidak dapat dikaitkan ke dirinya sendiri"));
    }
    let key = Key::Link { from: link.from.clone(), to: link.to.clone() };
    if super::read(doc, &key).is_some() {
        return Err(Error::refused(format!("Keterkaitan {} → {} sudah ada", link.from, link.to)));
    }
    let ord = tx.ord_at(&List::Links, tx.doc().tree.links.len())?;
    tx.put(key, Some(row_of(ord, link)))
}

fn add_process(tx: &mut Tx, process: &Process, before: Option<&str>) -> Result<()> {
    let mut process = process.clone();
    let list = &tx.doc().processes.map.processes;
    if process.id.is_empty() {
        process.id = fresh_id("p", list.iter().map(|p| p.id.as_str()));
    } else if list.iter().any(|p| p.id == process.id) {
        return Err(taken("proses", &process.id));
    }
    let index = before_index(list, before, |p| &p.id, "Proses")?;
    let ord = tx.ord_at(&List::Processes, index)?;
    tx.put(Key::Process { id: process.id.clone() }, Some(row_of(ord, &process)))
}

fn delete_process(tx: &mut Tx, id: &str) -> Result<()> {
    let doc = tx.doc();
    doc.process(id).ok_or_else(|| missing("Proses", id))?;
    if let Some(child) = doc.processes.map.processes.iter().find(|p| p.parent.as_deref() == Some(id)) {
        return Err(Error::refused(format!(
            "Proses `{id}` masih punya sub proses \"{}\". Hapus atau pindahkan sub proses dulu.",
            shorten(&child.name)
        )));
    }
    let flows: Vec<Flow> = doc
        .processes
        .flows
        .iter()
        .filter(|f| f.process.as_deref() == Some(id))
        .map(|f| Flow { process: None, steps: Ordered::new(), ..f.clone() })
        .collect();
    for flow in flows {
        Op::UpdateFlow { flow }.run(tx)?;
    }
    tx.delete(Key::Process { id: id.into() })
}

fn add_flow(tx: &mut Tx, flow: &Flow, before: Option<&str>) -> Result<()> {
    let mut flow = flow.clone();
    let flows = &tx.doc().processes.flows;
    if flow.id.is_empty() {
        flow.id = fresh_id("f", flows.iter().map(|f| f.id.as_str()));
    } else if flows.iter().any(|f| f.id == flow.id) {
        return Err(taken("peta lintas fungsi", &flow.id));
    }
    let mut ids = HashSet::new();
    if let Some(dup) = flow.steps.iter().find(|s| !ids.insert(s.id.as_str())) {
        return Err(taken("langkah", &dup.id));
    }
    let index = before_index(flows, before, |f| &f.id, "Peta lintas fungsi")?;
    let ord = tx.ord_at(&List::Flows, index)?;
    tx.put(Key::Flow { id: flow.id.clone() }, Some(flow_row(ord, &flow)))?;
    for (i, step) in flow.steps.iter().enumerate() {
        tx.put(Key::Step { flow: flow.id.clone(), id: step.id.clone() }, Some(row_of((i + 1) as f64, step)))?;
    }
    Ok(())
}

fn add_step(tx: &mut Tx, flow_id: &str, step: &Step, before: Option<&str>) -> Result<()> {
    let flow = tx.doc().flow(flow_id).ok_or_else(|| missing("Peta lintas fungsi", flow_id))?;
    let mut step = step.clone();
    if step.id.is_empty() {
        step.id = fresh_id("s", flow.steps.iter().map(|s| s.id.as_str()));
    } else if flow.steps.iter().any(|s| s.id == step.id) {
        return Err(taken("langkah", &step.id));
    }
    let index = before_index(&flow.steps, before, |s| &s.id, "Langkah")?;
    let ord = tx.ord_at(&List::Steps(flow_id.into()), index)?;
    tx.put(Key::Step { flow: flow_id.into(), id: step.id.clone() }, Some(row_of(ord, &step)))
}

/// In a numbered flow (any step has a number), every step gets its place
/// (1, 2, …) as its number after a step is added, removed or moved — as in
/// a numbered list. Flows without numbers stay without.
fn renumber_steps(tx: &mut Tx, flow_id: &str) -> Result<()> {
    let flow = tx.doc().flow(flow_id).ok_or_else(|| missing("Peta lintas fungsi", flow_id))?;
    if flow.steps.iter().all(|s| s.number.is_none()) {
        return Ok(());
    }
    let changed: Vec<Step> = flow
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| s.number != Some(*i as u32 + 1))
        .map(|(i, s)| Step { number: Some(i as u32 + 1), ..s.clone() })
        .collect();
    for step in changed {
        Op::UpdateStep { flow: flow_id.into(), step }.run(tx)?;
    }
    Ok(())
}

fn delete_step(tx: &mut Tx, flow_id: &str, id: &str) -> Result<()> {
    let flow = tx.doc().flow(flow_id).ok_or_else(|| missing("Peta lintas fungsi", flow_id))?;
    flow.steps.iter().find(|s| s.id == id).ok_or_else(|| missing("Langkah", id))?;
    let pointing: Vec<Step> = flow
        .steps
        .iter()
        .filter(|s| s.successors().any(|n| n == id))
        .map(|s| {
            let mut s = s.clone();
            s.next.retain(|n| n != id);
            s.yes = s.yes.filter(|n| n != id);
            s.no = s.no.filter(|n| n != id);
            s
        })
        .collect();
    for step in pointing {
        Op::UpdateStep { flow: flow_id.into(), step }.run(tx)?;
    }
    tx.delete(Key::Step { flow: flow_id.into(), id: id.into() })
}
