//! The operations of the editor. Each is checked against the document and
//! refused with a message the planner understands where it would break the
//! document's structure; the validator, not the editor, judges the content.

mod compound;
mod processes;
mod tree;
mod monitoring;
mod review;
mod worksheet;

pub use compound::NewStepKind;

use super::change::{flow_row, row_of, ProcessMapHeader};
use super::{Key, List, Tx};
use processes::*;
use tree::*;
use crate::error::{Error, Result};
use crate::model::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// One edit. `before` names the item the new or moved item goes in front
/// of; without it, the item goes to the end of its list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// The document's title, agency, government, period, signatory. Its
    /// status is not changed here: only `mark_final` and a new draft do.
    UpdateDocument { document: DocumentMeta },
    /// Sets the status (final, draft). Not accepted from outside (the
    /// editor, `pokin apply`): the store's `mark_final` makes it, with the
    /// final version and its fingerprint.
    #[serde(skip_deserializing)]
    #[ts(skip)]
    SetStatus { status: Status },
    SetLevels { levels: Vec<Level> },

    AddUnit { unit: Unit, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },
    UpdateUnit { unit: Unit },
    DeleteUnit { id: String },
    MoveUnit { id: String, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },

    /// Adds a node; with a parent, also its primary link, and the node's
    /// level is the parent's level + 1.
    AddNode { node: Node, #[serde(default)] #[ts(optional = nullable)] parent: Option<String>, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },
    UpdateNode { node: Node },
    /// Deletes the node with its whole subtree, their links, the processes'
    /// references to them and the annotations on them.
    DeleteNode { id: String },
    /// Gives the node a new primary parent (`None`: keep the parent) and/or a
    /// new place among its siblings.
    MoveNode { id: String, #[serde(default)] #[ts(optional = nullable)] parent: Option<String>, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },

    AddIndicator { node: String, indicator: Indicator },
    UpdateIndicator { node: String, indicator: Indicator },
    DeleteIndicator { node: String, id: String },

    AddLink { link: Link },
    UpdateLink { link: Link },
    DeleteLink { from: String, to: String },

    UpdateProcessMap { goal: String, inputs: Vec<String>, outputs: Vec<String> },
    AddProcess { process: Process, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },
    UpdateProcess { process: Process },
    DeleteProcess { id: String },
    MoveProcess { id: String, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },

    /// Adds a flow with its steps.
    AddFlow { flow: Flow, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },
    /// Updates a flow's name, number, process, lanes and header (not its steps).
    UpdateFlow { flow: Flow },
    DeleteFlow { id: String },
    AddStep { flow: String, step: Step, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },
    UpdateStep { flow: String, step: Step },
    /// Deletes a step and every next/yes/no that pointed to it.
    DeleteStep { flow: String, id: String },
    /// A new step spliced into the ways of a flow, after one step or
    /// before one (a decision with both branches); renumbered.
    InsertStep {
        flow: String,
        kind: NewStepKind,
        /// The new step's id (a fresh one when empty or taken).
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        id: String,
        #[serde(default)]
        #[ts(optional = nullable)]
        after: Option<String>,
        #[serde(default)]
        #[ts(optional = nullable)]
        before: Option<String>,
    },
    /// A step's new shape, its ways following (a decision's yes/no, an end's none).
    SetStepShape { flow: String, id: String, shape: Shape },
    /// A step one row up (`delta` -1) or down (+1).
    ShiftStep { flow: String, id: String, delta: i32 },
    /// A step to another lane and/or onto another step's row (a drag): one edit.
    PlaceStep {
        flow: String,
        id: String,
        #[serde(default)]
        #[ts(optional = nullable)]
        lane: Option<String>,
        #[serde(default)]
        #[ts(optional = nullable)]
        row: Option<String>,
    },
    /// A step one lane to the left (-1) or right (+1).
    ShiftStepLane { flow: String, id: String, delta: i32 },
    AddLane { flow: String, unit: String },
    /// Refused while the lane still has steps.
    RemoveLane { flow: String, unit: String },
    ShiftLane { flow: String, unit: String, delta: i32 },
    /// A new flow for a process: its owner units as lanes, a start and an end.
    AddFlowFor {
        process: String,
        /// The new flow's id (a fresh one when empty or taken).
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        id: String,
    },
    /// A new, empty node right after `of`, under the same parent.
    AddSibling {
        of: String,
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        id: String,
    },
    /// A node one place left (-1) or right (+1) among its siblings.
    ShiftNode { id: String, delta: i32 },
    /// A node dropped onto another: a new place among its siblings, or a new parent.
    DropNode { id: String, onto: String },
    /// A process one place to the front (-1) or back (+1) within its band.
    ShiftProcess { id: String, delta: i32 },
    /// A process dropped on the map: onto another process, or onto a band.
    DropProcess {
        id: String,
        #[serde(default)]
        #[ts(optional = nullable)]
        onto: Option<String>,
        #[serde(default)]
        #[ts(optional = nullable)]
        band: Option<ProcessCategory>,
    },
    MoveStep { flow: String, id: String, #[serde(default)] #[ts(optional = nullable)] before: Option<String> },

    AddAnnotation { annotation: Annotation },
    UpdateAnnotation { annotation: Annotation },
    DeleteAnnotation { id: String },
    /// An answer in a thread; `status` moves the thread at the same time.
    ReplyAnnotation {
        id: String,
        reply: Reply,
        #[serde(default)]
        #[ts(optional = nullable)]
        status: Option<AnnotationStatus>,
    },
    SetAnnotationStatus { id: String, status: AnnotationStatus },

    /// A reviewer's mark on a worksheet row (`None`: back to the automatic one).
    SetVerdictMark {
        kke: Kke,
        on: Target,
        criterion: Criterion,
        #[serde(default)]
        #[ts(optional = nullable)]
        mark: Option<Mark>,
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        author: String,
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        role: String,
    },
    /// The review team of the review report (its leader signs).
    SetReviewTeam { team: ReviewTeam },
    /// A worksheet row's note (catatan untuk perbaikan); empty removes it.
    SetVerdictNote {
        kke: Kke,
        on: Target,
        note: String,
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        author: String,
        #[serde(default)]
        #[ts(as = "Option<String>", optional)]
        role: String,
    },

    /// An indicator's realisasi of a year (`quarter` 1–4: of that quarter,
    /// TW I–IV); `None` clears it. Text that is a number ("97,81") is kept
    /// as the number. Monitoring data: also on a final document.
    SetRealisasi {
        node: String,
        indicator: String,
        year: i32,
        #[serde(default)]
        #[ts(optional = nullable)]
        quarter: Option<u8>,
        #[ts(optional = nullable)]
        value: Option<Value>,
    },
    /// A note on an indicator's realisasi of a year; empty removes it.
    SetRealisasiNote { node: String, indicator: String, year: i32, note: String },
    /// A node's realisasi anggaran (`None` clears it).
    SetBudgetSpent {
        node: String,
        #[ts(optional = nullable, type = "number | null")]
        spent: Option<i64>,
    },
    /// The capaian categories and predicate scores (empty lists: the defaults).
    SetMonitoring { settings: MonitoringSettings },

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
            Op::InsertStep { kind: NewStepKind::Decision, .. } => "Tambah keputusan".into(),
            Op::InsertStep { .. } => "Tambah langkah".into(),
            Op::SetStepShape { id, .. } => format!("Ubah bentuk langkah {id}"),
            Op::ShiftStep { id, .. } | Op::PlaceStep { id, .. } => format!("Pindah langkah {id}"),
            Op::ShiftStepLane { id, .. } => format!("Pindah pelaksana langkah {id}"),
            Op::AddLane { unit, .. } => format!("Tambah pelaksana {unit}"),
            Op::RemoveLane { unit, .. } => format!("Hapus pelaksana {unit}"),
            Op::ShiftLane { unit, .. } => format!("Pindah pelaksana {unit}"),
            Op::AddFlowFor { process, .. } => format!("Peta lintas fungsi baru untuk proses {process}"),
            Op::ShiftProcess { id, .. } | Op::DropProcess { id, .. } => format!("Pindah proses {id}"),
            Op::AddSibling { .. } => "Tambah simpul".into(),
            Op::ShiftNode { id, .. } | Op::DropNode { id, .. } => format!("Pindah simpul {id}"),
            Op::MoveStep { id, .. } => format!("Pindah langkah {id}"),
            Op::AddAnnotation { .. } => "Tambah catatan reviu".into(),
            Op::UpdateAnnotation { .. } => "Ubah catatan reviu".into(),
            Op::DeleteAnnotation { id } => format!("Hapus catatan reviu {id}"),
            Op::ReplyAnnotation { .. } => "Balas catatan reviu".into(),
            Op::SetAnnotationStatus { status, .. } => format!("Catatan reviu: {}", status.label()),
            Op::SetVerdictMark { kke, criterion, mark, .. } => match mark {
                Some(mark) => format!("KKE {}: {} = {}", kke.number(), criterion.label(), mark.label()),
                None => format!("KKE {}: {} kembali otomatis", kke.number(), criterion.label()),
            },
            Op::SetVerdictNote { kke, .. } => format!("KKE {}: catatan perbaikan", kke.number()),
            Op::SetReviewTeam { .. } => "Ubah tim reviu".into(),
            Op::SetRule { rule, setting } => match setting {
                Some(RuleSetting::Off) => format!("Matikan aturan {rule}"),
                Some(_) => format!("Ubah tingkat aturan {rule}"),
                None => format!("Kembalikan aturan {rule} ke bawaan"),
            },
            Op::AcceptFinding { accepted } => format!("Terima temuan {}", accepted.rule),
            Op::UnacceptFinding { rule, .. } => format!("Batalkan penerimaan temuan {rule}"),
            Op::Batch { label, .. } => label.clone(),
            Op::SetRealisasi { indicator, year, quarter: Some(q), .. } => format!("Isi realisasi {indicator} {year} TW {}", monitoring::roman(*q)),
            Op::SetRealisasi { indicator, year, .. } => format!("Isi realisasi {indicator} {year}"),
            Op::SetRealisasiNote { indicator, year, .. } => format!("Catatan realisasi {indicator} {year}"),
            Op::SetBudgetSpent { node, .. } => format!("Isi realisasi anggaran {node}"),
            Op::SetMonitoring { .. } => "Ubah pengaturan capaian".into(),
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
                let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Unit", &unit.id))?;
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

            Op::SetRealisasi { node, indicator, year, quarter, value } => {
                monitoring::set_realisasi(tx, node, indicator, *year, *quarter, value.as_ref())
            }
            Op::SetRealisasiNote { node, indicator, year, note } => monitoring::set_note(tx, node, indicator, *year, note),
            Op::SetBudgetSpent { node, spent } => monitoring::set_spent(tx, node, *spent),
            Op::SetMonitoring { settings } => monitoring::set_settings(tx, settings),

            Op::AddLink { link } => add_link(tx, link),
            Op::UpdateLink { link } => {
                let key = Key::Link { from: link.from.clone(), to: link.to.clone() };
                let row = crate::edit::read(tx.doc(), &key)
                    .ok_or_else(|| Error::refused(format!("Keterkaitan {} → {} tidak ada", link.from, link.to)))?;
                tx.put(key, Some(row_of(row.ord, link)))
            }
            Op::DeleteLink { from, to } => {
                let key = Key::Link { from: from.clone(), to: to.clone() };
                if crate::edit::read(tx.doc(), &key).is_none() {
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
                let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Proses", &process.id))?;
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
                let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Peta lintas fungsi", &flow.id))?;
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
                let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Langkah", &step.id))?;
                tx.put(key, Some(row_of(row.ord, step)))
            }
            Op::DeleteStep { flow, id } => compound::delete_step(tx, flow, id),
            Op::InsertStep { flow, kind, id, after, before } => {
                compound::insert_step(tx, flow, *kind, id, after.as_deref(), before.as_deref())
            }
            Op::SetStepShape { flow, id, shape } => {
                let f = tx.doc().flow(flow).ok_or_else(|| missing("Peta lintas fungsi", flow))?;
                let step = f.steps.iter().find(|s| &s.id == id).ok_or_else(|| missing("Langkah", id))?;
                let step = compound::with_shape(step, *shape);
                Op::UpdateStep { flow: flow.clone(), step }.run(tx)
            }
            Op::ShiftStep { flow, id, delta } => compound::shift_step(tx, flow, id, *delta),
            Op::PlaceStep { flow, id, lane, row } => compound::place_step(tx, flow, id, lane.as_deref(), row.as_deref()),
            Op::ShiftStepLane { flow, id, delta } => compound::shift_step_lane(tx, flow, id, *delta),
            Op::AddLane { flow, unit } => compound::add_lane(tx, flow, unit),
            Op::RemoveLane { flow, unit } => compound::remove_lane(tx, flow, unit),
            Op::ShiftLane { flow, unit, delta } => compound::shift_lane(tx, flow, unit, *delta),
            Op::AddFlowFor { process, id } => compound::add_flow_for(tx, process, id),
            Op::ShiftProcess { id, delta } => compound::shift_process(tx, id, *delta),
            Op::AddSibling { of, id } => compound::add_sibling(tx, of, id),
            Op::ShiftNode { id, delta } => compound::shift_node(tx, id, *delta),
            Op::DropNode { id, onto } => compound::drop_node(tx, id, onto),
            Op::DropProcess { id, onto, band } => compound::drop_process(tx, id, onto.as_deref(), *band),
            Op::MoveStep { flow, id, before } => {
                let f = tx.doc().flow(flow).ok_or_else(|| missing("Peta lintas fungsi", flow))?;
                let index = before_index(&f.steps, before.as_deref(), |s| &s.id, "Langkah")?;
                let key = Key::Step { flow: flow.clone(), id: id.clone() };
                move_to(tx, &List::Steps(flow.clone()), key, index, "Langkah", id)?;
                renumber_steps(tx, flow)
            }

            Op::AddAnnotation { annotation } => review::add(tx, annotation),
            Op::ReplyAnnotation { id, reply, status } => review::reply(tx, id, reply, *status),
            Op::SetAnnotationStatus { id, status } => review::set_status(tx, id, *status),
            Op::SetVerdictMark { kke, on, criterion, mark, author, role } => {
                worksheet::set_mark(tx, *kke, on, *criterion, *mark, worksheet::Author { name: author, role })
            }
            Op::SetReviewTeam { team } => tx.put(Key::ReviewTeam, Some(row_of(0.0, team))),
            Op::SetVerdictNote { kke, on, note, author, role } => {
                worksheet::set_note(tx, *kke, on, note, worksheet::Author { name: author, role })
            }
            Op::UpdateAnnotation { annotation } => {
                let key = Key::Annotation { id: annotation.id.clone() };
                let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Catatan reviu", &annotation.id))?;
                tx.put(key, Some(row_of(row.ord, annotation)))
            }
            Op::DeleteAnnotation { id } => {
                let key = Key::Annotation { id: id.clone() };
                crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Catatan reviu", id))?;
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
    let mut row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing(what, id))?;
    let ords = list.ords(tx.doc());
    // Already in place: the item just before `index` is this one, or it sits at `index`.
    let current = ords.iter().position(|o| *o == row.ord);
    if current == Some(index) || (index > 0 && current == Some(index - 1)) {
        return Ok(());
    }
    row.ord = tx.ord_at(list, index)?;
    tx.put(key, Some(row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::execute;

    #[test]
    fn a_finding_is_accepted_only_with_a_reason() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let before = doc.clone();
        let accepted = |reason: &str| Op::AcceptFinding {
            accepted: Accepted { rule: "P014".into(), target: Target::Node("n9".into()), reason: reason.into(), by: String::new(), at: String::new() },
        };
        assert_eq!(execute(&mut doc, &accepted(" \n")).unwrap_err().to_string(), "Alasan menerima temuan wajib diisi");
        assert_eq!(doc, before, "a refusal changes nothing");
        execute(&mut doc, &accepted("Dikerjakan bersama")).unwrap();
        assert_eq!(doc.validation.accepted[0].reason, "Dikerjakan bersama");
    }
}
