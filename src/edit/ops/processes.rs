//! Ops on the Peta Proses Bisnis and the Peta Lintas Fungsi: processes,
//! flows and their steps.

use super::super::change::{flow_row, row_of};
use super::super::{Key, List, Tx};
use super::{before_index, fresh_id, missing, shorten, taken, Op};
use crate::error::{Error, Result};
use crate::model::*;
use std::collections::HashSet;

pub(super) fn add_process(tx: &mut Tx, process: &Process, before: Option<&str>) -> Result<()> {
    let mut process = process.clone();
    let list = &tx.doc().processes.map.processes;
    if process.name.trim().is_empty() {
        return Err(Error::refused("Nama proses belum diisi"));
    }
    if let Some(parent) = process.parent.as_deref().filter(|p| !p.is_empty()) {
        if !list.iter().any(|p| p.id == parent) {
            return Err(missing("Proses induk", parent));
        }
    }
    if process.id.is_empty() {
        process.id = fresh_id("p", list.iter().map(|p| p.id.as_str()));
    } else if list.iter().any(|p| p.id == process.id) {
        return Err(taken("proses", &process.id));
    }
    let index = before_index(list, before, |p| &p.id, "Proses")?;
    let ord = tx.ord_at(&List::Processes, index)?;
    tx.put(Key::Process { id: process.id.clone() }, Some(row_of(ord, &process)))
}

pub(super) fn delete_process(tx: &mut Tx, id: &str) -> Result<()> {
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

pub(super) fn add_flow(tx: &mut Tx, flow: &Flow, before: Option<&str>) -> Result<()> {
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

pub(super) fn add_step(tx: &mut Tx, flow_id: &str, step: &Step, before: Option<&str>) -> Result<()> {
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
pub(super) fn renumber_steps(tx: &mut Tx, flow_id: &str) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use crate::edit::{execute, Op};
    use crate::model::*;

    fn process(name: &str, parent: Option<&str>) -> Op {
        Op::AddProcess {
            process: Process {
                id: String::new(),
                category: ProcessCategory::Core,
                name: name.into(),
                owners: vec![],
                nodes: vec![],
                parent: parent.map(String::from),
                extra: Extra::new(),
            },
            before: None,
        }
    }

    #[test]
    fn a_process_needs_a_name_and_an_existing_parent() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let before = doc.clone();
        assert_eq!(execute(&mut doc, &process("  ", None)).unwrap_err().to_string(), "Nama proses belum diisi");
        assert_eq!(execute(&mut doc, &process("Layanan arsip", Some("zz"))).unwrap_err().to_string(), "Proses induk `zz` tidak ada di dokumen");
        assert_eq!(doc, before, "a refusal changes nothing");
        let parent = doc.processes.map.processes[0].id.clone();
        execute(&mut doc, &process("Layanan arsip", Some(&parent))).unwrap();
        let added = doc.processes.map.processes.iter().find(|p| p.name == "Layanan arsip").unwrap();
        assert_eq!(added.parent.as_deref(), Some(parent.as_str()));
        assert!(!before.processes.map.processes.iter().any(|p| p.id == added.id), "the core chose a fresh id");
    }
}
