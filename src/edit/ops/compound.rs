//! The planner's compound actions on the process maps and the flows, each
//! one op: splicing a step into the ways of a flow, changing a step's
//! shape with its ways, deleting a step and reconnecting, moving steps and
//! lanes, a new flow for a process, reordering and dropping processes.
//! The editor sends these as they are; what each does, and why it is
//! refused, is said here only.

use super::processes::{add_step, renumber_steps};
use super::{before_index, fresh_id, missing, move_to, Op};
use crate::edit::change::flow_row;
use crate::edit::{Key, List, Tx};
use crate::error::{Error, Result};
use crate::model::*;

/// What kind of step a planner adds: an activity or a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum NewStepKind {
    Process,
    Decision,
}

fn flow_of(tx: &Tx, id: &str) -> Result<Flow> {
    tx.doc().flow(id).cloned().ok_or_else(|| missing("Peta lintas fungsi", id))
}

fn step_of<'a>(flow: &'a Flow, id: &str) -> Result<&'a Step> {
    flow.steps.iter().find(|s| s.id == id).ok_or_else(|| missing("Langkah", id))
}

/// "langkah 4": a step by its number, else its place in the flow.
pub(super) fn step_label(flow: &Flow, id: &str) -> String {
    let at = flow.steps.iter().position(|s| s.id == id);
    let number = at.and_then(|i| flow.steps[i].number).map(|n| n as usize).or(at.map(|i| i + 1));
    number.map_or_else(|| id.to_string(), |n| n.to_string())
}

fn put_step(tx: &mut Tx, flow: &str, step: Step) -> Result<()> {
    Op::UpdateStep { flow: flow.into(), step }.run(tx)
}

fn put_flow(tx: &mut Tx, flow: &Flow) -> Result<()> {
    let key = Key::Flow { id: flow.id.clone() };
    let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Peta lintas fungsi", &flow.id))?;
    tx.put(key, Some(flow_row(row.ord, flow)))
}

/// Every way from `from` redirected to `to` (dropped when `to` is `None`).
fn redirect(step: &Step, from: &str, to: Option<&str>) -> Step {
    let mut out = step.clone();
    let mut next: Vec<String> = Vec::new();
    for n in &step.next {
        let n = if n == from { to.map(str::to_string) } else { Some(n.clone()) };
        if let Some(n) = n.filter(|n| !next.contains(n)) {
            next.push(n);
        }
    }
    out.next = next;
    let swap = |x: &Option<String>| match x.as_deref() {
        Some(x) if x == from => to.map(str::to_string),
        _ => x.clone(),
    };
    out.yes = swap(&step.yes);
    out.no = swap(&step.no);
    out
}

/// The step with a new shape; its ways on follow: a decision takes yes and
/// no from its ways, an end has none, any other shape keeps them as next.
pub(super) fn with_shape(step: &Step, shape: Shape) -> Step {
    if step.shape == shape {
        return step.clone();
    }
    let ways: Vec<String> = step.successors().map(str::to_string).collect();
    let mut out = Step { shape, next: Vec::new(), yes: None, no: None, ..step.clone() };
    match shape {
        Shape::Decision => {
            out.yes = ways.first().cloned();
            out.no = ways.get(1).cloned();
        }
        Shape::End => {}
        _ => out.next = ways,
    }
    out
}

/// A new step after `after` (spliced in: that step now leads to it, and it
/// leads where that step led), or before `before` (every way into that
/// step now enters the new one). A decision gets both branches: "Ya" on to
/// where the flow went, "Tidak" back to the step before it (the usual
/// "kembali untuk diperbaiki"). Added after the end, the new step becomes
/// the end; before the start, the new start.
pub(super) fn insert_step(
    tx: &mut Tx,
    flow_id: &str,
    kind: NewStepKind,
    wanted: &str,
    after: Option<&str>,
    before: Option<&str>,
) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let anchor_id = match (after, before) {
        (Some(a), None) => a,
        (None, Some(b)) => b,
        _ => return Err(Error::refused("Pilih dulu langkah tempat menyisipkan (sesudah atau sebelum satu langkah).")),
    };
    let index = flow.steps.iter().position(|s| s.id == anchor_id).ok_or_else(|| missing("Langkah", anchor_id))?;
    let anchor = flow.steps[index].clone();
    let taken = |id: &str| flow.steps.iter().any(|s| s.id == id);
    let id = if wanted.is_empty() || taken(wanted) { fresh_id("s", flow.steps.iter().map(|s| s.id.as_str())) } else { wanted.to_string() };
    let shape = match kind {
        NewStepKind::Process => Shape::Process,
        NewStepKind::Decision => Shape::Decision,
    };
    let mut fresh = Step { id: id.clone(), lane: anchor.lane.clone(), shape, ..Step::default() };
    if after.is_some() {
        let mut a = anchor.clone();
        let mut onward = None;
        match a.shape {
            Shape::End => {
                if kind == NewStepKind::Decision {
                    return Err(Error::refused(
                        "Keputusan tidak dapat menjadi langkah terakhir. Tambahkan kegiatan dulu, atau sisipkan keputusan sebelum langkah selesai.",
                    ));
                }
                a.shape = Shape::Process;
                a.next = vec![id.clone()];
                fresh.shape = Shape::End;
            }
            // After a decision: on its "Ya" branch.
            Shape::Decision => {
                onward = a.yes.replace(id.clone());
            }
            _ => {
                onward = a.next.first().cloned();
                if a.next.is_empty() {
                    a.next.push(id.clone());
                } else {
                    a.next[0] = id.clone();
                }
            }
        }
        if fresh.shape == Shape::Decision {
            fresh.yes = onward;
            fresh.no = Some(anchor.id.clone());
        } else if fresh.shape != Shape::End {
            fresh.next = onward.into_iter().collect();
        }
        let before_id = flow.steps.get(index + 1).map(|s| s.id.clone());
        add_step(tx, flow_id, &fresh, before_id.as_deref())?;
        put_step(tx, flow_id, a)?;
    } else if anchor.shape == Shape::Start {
        if kind == NewStepKind::Decision {
            return Err(Error::refused("Keputusan tidak dapat mendahului langkah mulai. Sisipkan sesudahnya."));
        }
        fresh.shape = Shape::Start;
        fresh.next = vec![anchor.id.clone()];
        add_step(tx, flow_id, &fresh, Some(&anchor.id))?;
        put_step(tx, flow_id, Step { shape: Shape::Process, ..anchor.clone() })?;
    } else {
        if kind == NewStepKind::Decision {
            fresh.yes = Some(anchor.id.clone());
            fresh.no = index.checked_sub(1).map(|i| flow.steps[i].id.clone());
        } else {
            fresh.next = vec![anchor.id.clone()];
        }
        add_step(tx, flow_id, &fresh, Some(&anchor.id))?;
        for s in flow.steps.iter().filter(|s| s.id != anchor.id && s.successors().any(|n| n == anchor.id)) {
            put_step(tx, flow_id, redirect(s, &anchor.id, Some(&id)))?;
        }
    }
    renumber_steps(tx, flow_id)
}

/// Deletes a step; the ways into it go on to where it led (its first way on).
pub(super) fn delete_step(tx: &mut Tx, flow_id: &str, id: &str) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let step = step_of(&flow, id)?;
    if flow.steps.len() <= 1 {
        return Err(Error::refused(
            "Peta lintas fungsi perlu paling sedikit satu langkah. Hapus petanya bila tidak diperlukan.",
        ));
    }
    let onward = step.successors().find(|n| *n != id).map(str::to_string);
    for s in flow.steps.iter().filter(|s| s.id != id && s.successors().any(|n| n == id)) {
        put_step(tx, flow_id, redirect(s, id, onward.as_deref()))?;
    }
    tx.delete(Key::Step { flow: flow_id.into(), id: id.into() })?;
    renumber_steps(tx, flow_id)
}

/// Moves a step to the place of the step `before` (the end when `None`), renumbered.
fn move_step_before(tx: &mut Tx, flow_id: &str, id: &str, before: Option<&str>) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let index = before_index(&flow.steps, before, |s| &s.id, "Langkah")?;
    move_to(tx, &List::Steps(flow_id.into()), Key::Step { flow: flow_id.into(), id: id.into() }, index, "Langkah", id)?;
    renumber_steps(tx, flow_id)
}

/// One row up (`delta` -1) or down (+1).
pub(super) fn shift_step(tx: &mut Tx, flow_id: &str, id: &str, delta: i32) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let i = flow.steps.iter().position(|s| s.id == id).ok_or_else(|| missing("Langkah", id))?;
    if delta < 0 {
        let Some(above) = i.checked_sub(1) else { return Err(Error::refused("Langkah ini sudah paling atas.")) };
        let before = flow.steps[above].id.clone();
        return move_step_before(tx, flow_id, id, Some(&before));
    }
    if i + 1 >= flow.steps.len() {
        return Err(Error::refused("Langkah ini sudah paling bawah."));
    }
    let before = flow.steps.get(i + 2).map(|s| s.id.clone());
    move_step_before(tx, flow_id, id, before.as_deref())
}

/// A step placed in another lane and/or onto the row of another step
/// (it takes that row's place): one edit, as one drag.
pub(super) fn place_step(tx: &mut Tx, flow_id: &str, id: &str, lane: Option<&str>, row: Option<&str>) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let step = step_of(&flow, id)?.clone();
    if let Some(lane) = lane {
        if !flow.lanes.iter().any(|l| l == lane) {
            return Err(Error::refused(format!("{} bukan pelaksana di peta ini.", tx.doc().unit_label(lane))));
        }
        if step.lane != lane {
            put_step(tx, flow_id, Step { lane: lane.into(), ..step })?;
        }
    }
    if let Some(target) = row.filter(|t| *t != id) {
        let i = flow.steps.iter().position(|s| s.id == id).expect("the step is in its flow");
        let j = flow.steps.iter().position(|s| s.id == target).ok_or_else(|| missing("Langkah", target))?;
        let before = if j < i { Some(target.to_string()) } else { flow.steps.get(j + 1).map(|s| s.id.clone()) };
        move_step_before(tx, flow_id, id, before.as_deref())?;
    }
    Ok(())
}

/// The step one lane to the left (`delta` -1) or right (+1).
pub(super) fn shift_step_lane(tx: &mut Tx, flow_id: &str, id: &str, delta: i32) -> Result<()> {
    let flow = flow_of(tx, flow_id)?;
    let step = step_of(&flow, id)?;
    let i = flow.lanes.iter().position(|l| *l == step.lane);
    let j = i.map_or(0, |i| i as i64 + i64::from(delta.signum()));
    if j < 0 {
        return Err(Error::refused("Langkah ini sudah di pelaksana paling kiri."));
    }
    let Some(lane) = flow.lanes.get(j as usize).cloned() else {
        return Err(Error::refused("Langkah ini sudah di pelaksana paling kanan."));
    };
    place_step(tx, flow_id, id, Some(&lane), None)
}

pub(super) fn add_lane(tx: &mut Tx, flow_id: &str, unit: &str) -> Result<()> {
    let mut flow = flow_of(tx, flow_id)?;
    if tx.doc().unit(unit).is_none() {
        return Err(missing("Unit kerja", unit));
    }
    if flow.lanes.iter().any(|l| l == unit) {
        return Err(Error::refused(format!("{} sudah menjadi pelaksana di peta ini.", tx.doc().unit_label(unit))));
    }
    flow.lanes.push(unit.into());
    put_flow(tx, &flow)
}

pub(super) fn remove_lane(tx: &mut Tx, flow_id: &str, unit: &str) -> Result<()> {
    let mut flow = flow_of(tx, flow_id)?;
    if let Some(used) = flow.steps.iter().find(|s| s.lane == unit) {
        return Err(Error::refused(format!(
            "{} masih melaksanakan langkah {}. Pindahkan langkahnya ke pelaksana lain dulu.",
            tx.doc().unit_label(unit),
            step_label(&flow, &used.id)
        )));
    }
    if !flow.lanes.iter().any(|l| l == unit) {
        return Err(Error::refused(format!("{} bukan pelaksana di peta ini.", tx.doc().unit_label(unit))));
    }
    if flow.lanes.len() <= 1 {
        return Err(Error::refused("Peta lintas fungsi perlu paling sedikit satu pelaksana."));
    }
    flow.lanes.retain(|l| l != unit);
    put_flow(tx, &flow)
}

/// A lane one place to the left (`delta` -1) or right (+1).
pub(super) fn shift_lane(tx: &mut Tx, flow_id: &str, unit: &str, delta: i32) -> Result<()> {
    let mut flow = flow_of(tx, flow_id)?;
    let name = tx.doc().unit_label(unit);
    let i = flow.lanes.iter().position(|l| l == unit).ok_or_else(|| Error::refused(format!("{name} bukan pelaksana di peta ini.")))?;
    let j = i as i64 + i64::from(delta.signum());
    if j < 0 || j as usize >= flow.lanes.len() {
        return Err(Error::refused(format!("{name} sudah di ujung.")));
    }
    flow.lanes.swap(i, j as usize);
    put_flow(tx, &flow)
}

/// A new flow for a process: its owner units as lanes (or the first unit),
/// a start and an end step to begin from.
pub(super) fn add_flow_for(tx: &mut Tx, process: &str, wanted: &str) -> Result<()> {
    let doc = tx.doc();
    let p = doc.process(process).ok_or_else(|| missing("Proses", process))?;
    let mut lanes: Vec<String> = p.owners.iter().filter(|u| doc.unit(u).is_some()).cloned().collect();
    if lanes.is_empty() {
        lanes.extend(doc.units.iter().next().map(|u| u.id.clone()));
    }
    let (Some(first), Some(last)) = (lanes.first().cloned(), lanes.last().cloned()) else {
        return Err(Error::refused("Belum ada unit kerja. Isi dulu Struktur organisasi: setiap pelaksana adalah unit kerja."));
    };
    let taken = |id: &str| doc.processes.flows.iter().any(|f| f.id == id);
    let id = if wanted.is_empty() || taken(wanted) { fresh_id("f", doc.processes.flows.iter().map(|f| f.id.as_str())) } else { wanted.to_string() };
    let start = Step {
        id: "s1".into(),
        number: Some(1),
        text: "Memulai kegiatan".into(),
        lane: first,
        shape: Shape::Start,
        next: vec!["s2".into()],
        ..Step::default()
    };
    let end = Step { id: "s2".into(), number: Some(2), text: "Menyelesaikan kegiatan".into(), lane: last, shape: Shape::End, ..Step::default() };
    let mut steps = Ordered::new();
    steps.push(start);
    steps.push(end);
    let flow = Flow { id, name: p.name.clone(), process: Some(p.id.clone()), lanes, steps, ..Flow::default() };
    Op::AddFlow { flow, before: None }.run(tx)
}

/// The processes of one band of one map (same parent, same category), in order.
fn band_of(doc: &Document, p: &Process) -> Vec<Process> {
    doc.processes.map.processes.iter().filter(|x| x.parent == p.parent && x.category == p.category).cloned().collect()
}

fn move_process_before(tx: &mut Tx, id: &str, before: Option<&str>) -> Result<()> {
    let list = &tx.doc().processes.map.processes;
    let index = before_index(list, before, |p| &p.id, "Proses")?;
    move_to(tx, &List::Processes, Key::Process { id: id.into() }, index, "Proses", id)
}

/// One place to the front (`delta` -1) or back (+1) within its band.
pub(super) fn shift_process(tx: &mut Tx, id: &str, delta: i32) -> Result<()> {
    let p = tx.doc().process(id).cloned().ok_or_else(|| missing("Proses", id))?;
    let band = band_of(tx.doc(), &p);
    let i = band.iter().position(|x| x.id == id).expect("a process is in its band");
    if delta < 0 {
        let Some(front) = i.checked_sub(1) else {
            return Err(Error::refused("Proses ini sudah paling depan di kelompoknya."));
        };
        let before = band[front].id.clone();
        return move_process_before(tx, id, Some(&before));
    }
    let Some(next) = band.get(i + 1) else { return Err(Error::refused("Proses ini sudah paling belakang di kelompoknya.")) };
    let list = &tx.doc().processes.map.processes;
    let k = list.iter().position(|x| x.id == next.id).expect("band members are processes");
    let before = list.get(k + 1).map(|x| x.id.clone());
    move_process_before(tx, id, before.as_deref())
}

/// A process dropped on the map: onto another process of its band, it
/// takes that one's place (behind it when dragged from in front); onto a
/// process of another band, it joins that band in front of it; onto an
/// empty part of a band, it joins that band at its end.
pub(super) fn drop_process(tx: &mut Tx, id: &str, onto: Option<&str>, band: Option<ProcessCategory>) -> Result<()> {
    let p = tx.doc().process(id).cloned().ok_or_else(|| missing("Proses", id))?;
    let recategorise = |tx: &mut Tx, category: ProcessCategory| {
        Op::UpdateProcess { process: Process { category, ..p.clone() } }.run(tx)
    };
    match (onto, band) {
        (Some(target), _) if target != id => {
            let t = tx.doc().process(target).cloned().ok_or_else(|| missing("Proses", target))?;
            if t.category != p.category {
                recategorise(tx, t.category)?;
                return move_process_before(tx, id, Some(target));
            }
            let list = &tx.doc().processes.map.processes;
            let i = list.iter().position(|x| x.id == id).expect("listed");
            let j = list.iter().position(|x| x.id == target).expect("listed");
            let before = if i > j { Some(target.to_string()) } else { list.get(j + 1).map(|x| x.id.clone()) };
            move_process_before(tx, id, before.as_deref())
        }
        (None, Some(category)) if category != p.category => {
            recategorise(tx, category)?;
            move_process_before(tx, id, None)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::execute;

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    fn steps(doc: &Document) -> Vec<(String, Option<u32>, Shape, Vec<String>)> {
        doc.flow("f1").unwrap().steps.iter().map(|s| (s.id.clone(), s.number, s.shape, s.successors().map(String::from).collect())).collect()
    }

    fn refused(doc: &mut Document, op: Op) -> String {
        let before = doc.clone();
        let err = execute(doc, &op).unwrap_err().to_string();
        assert_eq!(doc, &before, "a refusal changes nothing");
        err
    }

    #[test]
    fn a_decision_after_a_step_is_spliced_in_with_both_branches() {
        let mut doc = lumajang();
        execute(&mut doc, &Op::InsertStep { flow: "f1".into(), id: String::new(), kind: NewStepKind::Decision, after: Some("s3".into()), before: None }).unwrap();
        let s = steps(&doc);
        let new = s.iter().find(|x| !lumajang().flow("f1").unwrap().steps.iter().any(|o| o.id == x.0)).unwrap().clone();
        assert_eq!(new.1, Some(4), "renumbered like a list");
        assert_eq!(new.2, Shape::Decision);
        assert_eq!(new.3, vec!["s4".to_string(), "s3".to_string()], "Ya on to where s3 went, Tidak back to s3");
        assert_eq!(s.iter().find(|x| x.0 == "s3").unwrap().3, vec![new.0.clone()]);
        assert_eq!(s.iter().find(|x| x.0 == "s4").unwrap().1, Some(5));
    }

    #[test]
    fn a_step_before_another_takes_every_way_in() {
        let mut doc = lumajang();
        execute(&mut doc, &Op::InsertStep { flow: "f1".into(), id: String::new(), kind: NewStepKind::Process, after: None, before: Some("s3".into()) }).unwrap();
        let s = steps(&doc);
        let new = s.iter().find(|x| x.1 == Some(3)).unwrap().clone();
        assert_eq!(new.3, vec!["s3".to_string()]);
        assert_eq!(s.iter().find(|x| x.0 == "s2").unwrap().3, vec![new.0.clone()]);
    }

    #[test]
    fn at_the_ends_the_new_step_takes_the_end_or_the_start() {
        let mut doc = lumajang();
        let flow = doc.flow("f1").unwrap().clone();
        let last = flow.steps.iter().last().unwrap().id.clone();
        let err = refused(&mut doc, Op::InsertStep { flow: "f1".into(), id: String::new(), kind: NewStepKind::Decision, after: Some(last.clone()), before: None });
        assert!(err.starts_with("Keputusan tidak dapat menjadi langkah terakhir"), "{err}");
        execute(&mut doc, &Op::InsertStep { flow: "f1".into(), id: String::new(), kind: NewStepKind::Process, after: Some(last.clone()), before: None }).unwrap();
        let s = steps(&doc);
        assert_eq!(s.last().unwrap().2, Shape::End);
        assert_eq!(s.iter().find(|x| x.0 == last).unwrap().2, Shape::Process);
        let err = refused(&mut doc, Op::InsertStep { flow: "f1".into(), id: String::new(), kind: NewStepKind::Decision, after: None, before: Some("s1".into()) });
        assert!(err.starts_with("Keputusan tidak dapat mendahului langkah mulai"), "{err}");
    }

    #[test]
    fn shapes_carry_their_ways() {
        let mut doc = lumajang();
        execute(&mut doc, &Op::SetStepShape { flow: "f1".into(), id: "s3".into(), shape: Shape::Decision }).unwrap();
        let s3 = doc.flow("f1").unwrap().steps.iter().find(|s| s.id == "s3").unwrap().clone();
        assert_eq!((s3.yes.as_deref(), s3.next.len()), (Some("s4"), 0));
        execute(&mut doc, &Op::SetStepShape { flow: "f1".into(), id: "s3".into(), shape: Shape::Process }).unwrap();
        assert_eq!(doc, lumajang());
    }

    #[test]
    fn a_deleted_step_is_bridged() {
        let mut doc = lumajang();
        execute(&mut doc, &Op::DeleteStep { flow: "f1".into(), id: "s3".into() }).unwrap();
        let s = steps(&doc);
        assert_eq!(s.iter().find(|x| x.0 == "s2").unwrap().3, vec!["s4".to_string()]);
        assert_eq!(s.iter().find(|x| x.0 == "s4").unwrap().1, Some(3));
    }

    #[test]
    fn steps_and_lanes_move_with_clear_refusals() {
        let mut doc = lumajang();
        assert_eq!(refused(&mut doc, Op::ShiftStep { flow: "f1".into(), id: "s1".into(), delta: -1 }), "Langkah ini sudah paling atas.");
        execute(&mut doc, &Op::ShiftStep { flow: "f1".into(), id: "s1".into(), delta: 1 }).unwrap();
        assert_eq!(steps(&doc)[1].0, "s1");
        let lanes = doc.flow("f1").unwrap().lanes.clone();
        let err = refused(&mut doc, Op::RemoveLane { flow: "f1".into(), unit: "sekban".into() });
        assert!(err.contains("masih melaksanakan langkah"), "{err}");
        assert!(refused(&mut doc, Op::ShiftLane { flow: "f1".into(), unit: lanes[0].clone(), delta: -1 }).ends_with("sudah di ujung."));
        execute(&mut doc, &Op::ShiftLane { flow: "f1".into(), unit: lanes[0].clone(), delta: 1 }).unwrap();
        assert_eq!(doc.flow("f1").unwrap().lanes[1], lanes[0]);
        let lane = doc.flow("f1").unwrap().lanes[2].clone();
        execute(&mut doc, &Op::PlaceStep { flow: "f1".into(), id: "s4".into(), lane: Some(lane.clone()), row: Some("s2".into()) }).unwrap();
        let s4 = doc.flow("f1").unwrap().steps.iter().position(|s| s.id == "s4").unwrap();
        assert_eq!((s4, doc.flow("f1").unwrap().steps[s4].lane.clone()), (0, lane), "onto s2's row (first after s1 moved down)");
    }

    #[test]
    fn a_new_flow_for_a_process_has_its_owners_as_lanes() {
        let mut doc = lumajang();
        let p = doc.processes.map.processes.iter().find(|p| !p.owners.is_empty()).unwrap().clone();
        execute(&mut doc, &Op::AddFlowFor { process: p.id.clone(), id: "f9".into() }).unwrap();
        let flow = doc.flow("f9").unwrap();
        assert_eq!((flow.process.as_deref(), flow.lanes.clone(), flow.steps.len()), (Some(p.id.as_str()), p.owners.clone(), 2));
    }

    #[test]
    fn processes_reorder_within_their_band_and_drop_into_another() {
        let mut doc = lumajang();
        let first = doc.processes.map.processes.iter().find(|p| p.parent.is_none()).unwrap().clone();
        let band = band_of(&doc, &first);
        assert!(refused(&mut doc, Op::ShiftProcess { id: band[0].id.clone(), delta: -1 }).contains("paling depan"));
        if band.len() > 1 {
            execute(&mut doc, &Op::ShiftProcess { id: band[0].id.clone(), delta: 1 }).unwrap();
            assert_eq!(band_of(&doc, &first)[1].id, band[0].id);
        }
        let other = if first.category == ProcessCategory::Support { ProcessCategory::Core } else { ProcessCategory::Support };
        execute(&mut doc, &Op::DropProcess { id: first.id.clone(), onto: None, band: Some(other) }).unwrap();
        let moved = doc.process(&first.id).unwrap();
        assert_eq!(moved.category, other);
        assert_eq!(doc.processes.map.processes.iter().last().unwrap().id, first.id);
    }
}

// ---- the tree ---------------------------------------------------------------

/// `id` and its siblings, in document order: the nodes with the same
/// primary parent, or — for a node without one — the roots of its level.
fn siblings(doc: &Document, id: &str) -> Vec<String> {
    let parents = doc.primary_parents();
    let nodes = &doc.tree.nodes;
    let Some(i) = nodes.iter().position(|n| n.id == id) else { return Vec::new() };
    let level = nodes[i].level;
    (0..nodes.len())
        .filter(|&k| match parents[i] {
            Some(p) => parents[k] == Some(p),
            None => parents[k].is_none() && nodes[k].level == level,
        })
        .map(|k| nodes[k].id.clone())
        .collect()
}

/// The node right after `id` in the document's list (insert before it to land after `id`).
fn node_after(doc: &Document, id: &str) -> Option<String> {
    let nodes = &doc.tree.nodes;
    nodes.iter().position(|n| n.id == id).and_then(|i| nodes.get(i + 1)).map(|n| n.id.clone())
}

fn outside(id: &str, what: &str) -> Error {
    Error::refused(format!("Simpul luar ({id}) {what} di dokumen ini."))
}

/// A new, empty node right after `of`, under the same parent (or a root of the same level).
pub(super) fn add_sibling(tx: &mut Tx, of: &str, id: &str) -> Result<()> {
    if of.starts_with(EXTERNAL_PREFIX) {
        return Err(outside(of, "tidak dapat diberi saudara"));
    }
    let doc = tx.doc();
    let node = doc.node(of).ok_or_else(|| missing("Simpul", of))?;
    let fresh = Node { id: id.into(), level: node.level, ..Node::default() };
    let parent = doc.primary_parent(of).map(str::to_string);
    let before = node_after(doc, of);
    Op::AddNode { node: fresh, parent, before }.run(tx)
}

/// One place left (`delta` -1) or right (+1) among its siblings.
pub(super) fn shift_node(tx: &mut Tx, id: &str, delta: i32) -> Result<()> {
    let doc = tx.doc();
    doc.node(id).ok_or_else(|| missing("Simpul", id))?;
    let sibs = siblings(doc, id);
    let i = sibs.iter().position(|s| s == id).expect("a node is among its siblings");
    let before = if delta < 0 {
        let Some(left) = i.checked_sub(1) else { return Err(Error::refused("Simpul ini sudah paling kiri di antara saudaranya.")) };
        Some(sibs[left].clone())
    } else {
        let Some(right) = sibs.get(i + 1) else { return Err(Error::refused("Simpul ini sudah paling kanan di antara saudaranya.")) };
        node_after(doc, right)
    };
    Op::MoveNode { id: id.into(), parent: None, before }.run(tx)
}

/// A node dropped onto another: onto a sibling, a new place among the
/// siblings (in front of it when dragged from the right, behind it when
/// from the left); onto another node of the same level, next to it under
/// its parent; onto any other node, that node as its new parent (refused
/// where the level does not fit). Dropped on itself or its own parent: nothing.
pub(super) fn drop_node(tx: &mut Tx, id: &str, onto: &str) -> Result<()> {
    if id == onto {
        return Ok(());
    }
    if id.starts_with(EXTERNAL_PREFIX) {
        return Err(outside(id, "tidak dapat dipindah"));
    }
    if onto.starts_with(EXTERNAL_PREFIX) {
        return Err(outside(onto, "tidak dapat menjadi induk"));
    }
    let doc = tx.doc();
    let a = doc.node(id).ok_or_else(|| missing("Simpul", id))?;
    let b = doc.node(onto).ok_or_else(|| missing("Simpul", onto))?;
    let (parent_a, parent_b) = (doc.primary_parent(id).map(str::to_string), doc.primary_parent(onto).map(str::to_string));
    if a.level == b.level && parent_a == parent_b {
        let sibs = siblings(doc, id);
        let (i, j) = (sibs.iter().position(|s| s == id), sibs.iter().position(|s| s == onto));
        let before = if i < j { node_after(doc, onto) } else { Some(onto.to_string()) };
        return Op::MoveNode { id: id.into(), parent: None, before }.run(tx);
    }
    if a.level == b.level && parent_b.is_some() {
        return Op::MoveNode { id: id.into(), parent: parent_b, before: Some(onto.into()) }.run(tx);
    }
    if parent_a.as_deref() == Some(onto) {
        return Ok(());
    }
    Op::MoveNode { id: id.into(), parent: Some(onto.into()), before: None }.run(tx)
}

#[cfg(test)]
mod tree_tests {
    use super::*;
    use crate::edit::execute;

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    fn children(doc: &Document, parent: &str) -> Vec<String> {
        let parents = doc.primary_parents();
        let p = doc.tree.nodes.iter().position(|n| n.id == parent).unwrap();
        doc.tree.nodes.iter().enumerate().filter(|(k, _)| parents[*k] == Some(p)).map(|(_, n)| n.id.clone()).collect()
    }

    #[test]
    fn a_sibling_lands_right_after_its_node_under_the_same_parent() {
        let mut doc = lumajang();
        let kids = children(&doc, "n2");
        execute(&mut doc, &Op::AddSibling { of: kids[0].clone(), id: "n99".into() }).unwrap();
        let now = children(&doc, "n2");
        assert_eq!(now[1], "n99");
        assert_eq!(doc.node("n99").unwrap().level, doc.node(&kids[0]).unwrap().level);
        let err = execute(&mut doc, &Op::AddSibling { of: "ext:pemda/n1".into(), id: String::new() }).unwrap_err().to_string();
        assert!(err.starts_with("Simpul luar (ext:pemda/n1) tidak dapat diberi saudara"), "{err}");
    }

    #[test]
    fn nodes_shift_among_their_siblings_and_drop_onto_others() {
        let mut doc = lumajang();
        let kids = children(&doc, "n2");
        assert!(kids.len() >= 2);
        let err = execute(&mut doc, &Op::ShiftNode { id: kids[0].clone(), delta: -1 }).unwrap_err().to_string();
        assert_eq!(err, "Simpul ini sudah paling kiri di antara saudaranya.");
        execute(&mut doc, &Op::ShiftNode { id: kids[0].clone(), delta: 1 }).unwrap();
        assert_eq!(children(&doc, "n2")[1], kids[0]);
        // Dropped onto a node one level up: a new parent, checked by the core.
        let mut doc = lumajang();
        execute(&mut doc, &Op::DropNode { id: "n8".into(), onto: "n4".into() }).unwrap();
        assert_eq!(doc.primary_parent("n8"), Some("n4"));
        let err = execute(&mut doc, &Op::DropNode { id: "n8".into(), onto: "n1".into() }).unwrap_err().to_string();
        assert!(err.contains("induknya harus di level 3"), "{err}");
        assert!(execute(&mut doc, &Op::DropNode { id: "n8".into(), onto: "n4".into() }).unwrap().is_empty(), "onto its own parent: nothing");
    }
}
