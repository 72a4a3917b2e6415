//! Edits: the operations a planner performs, each turned into entity
//! changes (`change.rs`) that the store writes in one transaction and the
//! history can undo and redo.

pub(crate) mod change;
mod diff;
pub mod entity;
mod ops;

pub use change::{all_rows, apply, read, Change, Key, ProcessMapHeader, Row};
pub use diff::{apply_changes, diff};
pub use ops::Op;

use crate::error::Result;
use crate::model::{ord_between, Document};
use serde::Deserialize;

/// An edit under way: every put is applied to the document at once (so the
/// next step of the same operation sees it) and remembered with its before.
pub struct Tx<'a> {
    doc: &'a mut Document,
    changes: Vec<Change>,
}

impl<'a> Tx<'a> {
    pub fn doc(&self) -> &Document {
        self.doc
    }

    pub fn put(&mut self, key: Key, after: Option<Row>) -> Result<()> {
        let before = read(self.doc, &key);
        if before == after {
            return Ok(());
        }
        apply(self.doc, &key, after.as_ref())?;
        self.changes.push(Change { key, before, after });
        Ok(())
    }

    pub fn delete(&mut self, key: Key) -> Result<()> {
        self.put(key, None)
    }

    /// The sort key for a new item placed before `index` in `list`
    /// (at the end when `index` is the length). Renumbers the list in the
    /// rare case its keys got too close to split.
    fn ord_at(&mut self, list: &List, index: usize) -> Result<f64> {
        let ords = list.ords(self.doc);
        if let Some(ord) = ord_between(&ords, index) {
            return Ok(ord);
        }
        for (i, key) in list.keys(self.doc).into_iter().enumerate() {
            let mut row = read(self.doc, &key).expect("listed entities exist");
            row.ord = (i + 1) as f64;
            self.put(key, Some(row))?;
        }
        Ok(ord_between(&list.ords(self.doc), index).expect("renumbered keys have room"))
    }

    fn rollback(self) {
        for change in self.changes.iter().rev() {
            // Restoring what was there a moment ago cannot fail.
            apply(self.doc, &change.key, change.before.as_ref()).expect("rollback restores a known state");
        }
    }
}

/// The ordered lists of a document, for placing and renumbering.
pub(crate) enum List {
    Units,
    Nodes,
    Links,
    Processes,
    Flows,
    Steps(String),
    Annotations,
    Verdicts,
}

impl List {
    fn ords(&self, doc: &Document) -> Vec<f64> {
        match self {
            List::Units => doc.units.ords().to_vec(),
            List::Nodes => doc.tree.nodes.ords().to_vec(),
            List::Links => doc.tree.links.ords().to_vec(),
            List::Processes => doc.processes.map.processes.ords().to_vec(),
            List::Flows => doc.processes.flows.ords().to_vec(),
            List::Steps(flow) => doc.flow(flow).map(|f| f.steps.ords().to_vec()).unwrap_or_default(),
            List::Annotations => doc.annotations.ords().to_vec(),
            List::Verdicts => doc.verdicts.ords().to_vec(),
        }
    }

    fn keys(&self, doc: &Document) -> Vec<Key> {
        match self {
            List::Units => doc.units.iter().map(|u| Key::Unit { id: u.id.clone() }).collect(),
            List::Nodes => doc.tree.nodes.iter().map(|n| Key::Node { id: n.id.clone() }).collect(),
            List::Links => {
                doc.tree.links.iter().map(|l| Key::Link { from: l.from.clone(), to: l.to.clone() }).collect()
            }
            List::Processes => doc.processes.map.processes.iter().map(|p| Key::Process { id: p.id.clone() }).collect(),
            List::Flows => doc.processes.flows.iter().map(|f| Key::Flow { id: f.id.clone() }).collect(),
            List::Steps(flow) => doc
                .flow(flow)
                .map(|f| f.steps.iter().map(|s| Key::Step { flow: flow.clone(), id: s.id.clone() }).collect())
                .unwrap_or_default(),
            List::Annotations => doc.annotations.iter().map(|a| Key::Annotation { id: a.id.clone() }).collect(),
            List::Verdicts => doc.verdicts.iter().map(|v| Key::Verdict { id: v.id.clone() }).collect(),
        }
    }
}

/// Applies an operation to the document. On success returns the changes
/// made (empty when the operation changed nothing); on refusal the document
/// is as it was.
pub fn execute(doc: &mut Document, op: &Op) -> Result<Vec<Change>> {
    let mut tx = Tx { doc, changes: Vec::new() };
    match op.run(&mut tx).and_then(|()| within_limits(&tx.changes)) {
        Ok(()) => Ok(tx.changes),
        Err(err) => {
            tx.rollback();
            Err(err)
        }
    }
}

/// Refuses an edit that would make the document say more than it may
/// (`model::limits`): an absurd period, a text or list too long.
pub(crate) fn within_limits(changes: &[Change]) -> Result<()> {
    use crate::model::limits;
    for change in changes {
        let Some(row) = &change.after else { continue };
        let value = &row.data;
        if change.key == Key::Document {
            let meta = crate::model::DocumentMeta::deserialize(value).expect("document rows are documents");
            limits::check_period(&meta.period).map_err(|m| crate::error::Error::refused(format!("Periode: {m}")))?;
        }
        limits::check_sizes(value, "").map_err(|(place, message)| {
            let place = if place.is_empty() { String::new() } else { format!(" ({place})") };
            crate::error::Error::refused(format!("{}{place}: {message}", change.key.describe()))
        })?;
    }
    Ok(())
}

/// Takes back changes made earlier (undo).
pub fn revert(doc: &mut Document, changes: &[Change]) -> Result<()> {
    for change in changes.iter().rev() {
        apply(doc, &change.key, change.before.as_ref())?;
    }
    Ok(())
}

/// Makes changes again (redo).
pub fn replay(doc: &mut Document, changes: &[Change]) -> Result<()> {
    for change in changes {
        apply(doc, &change.key, change.after.as_ref())?;
    }
    Ok(())
}
