//! The difference between two documents as entity changes: what compare,
//! review merge and any "make this document that one" need. Entities are
//! matched by id (a link by its two ends); an entity whose row differs is
//! changed — a new place in its list (`ord`) or a new parent is a move.

use super::{all_rows, read, Change, Key, Row};
use crate::error::{Error, Result};
use crate::model::Document;
use rustc_hash::FxHashMap;

/// The changes that turn `a` into `b`: removals first (children before
/// their parents: a flow's steps before the flow), then additions and
/// updates in store order (a flow before its steps).
pub fn diff(a: &Document, b: &Document) -> Vec<Change> {
    let rows_a = all_rows(a);
    let rows_b = all_rows(b);
    let in_b: FxHashMap<&Key, &Row> = rows_b.iter().map(|(k, r)| (k, r)).collect();
    let in_a: FxHashMap<&Key, &Row> = rows_a.iter().map(|(k, r)| (k, r)).collect();
    let mut changes = Vec::new();
    for (key, row) in rows_a.iter().rev() {
        if !in_b.contains_key(key) {
            changes.push(Change { key: key.clone(), before: Some(row.clone()), after: None });
        }
    }
    for (key, row) in &rows_b {
        let before = in_a.get(key).copied();
        if before != Some(row) {
            changes.push(Change { key: key.clone(), before: before.cloned(), after: Some(row.clone()) });
        }
    }
    changes
}

/// Applies changes made against this very state (each `before` must be
/// what the document holds): all of them, or — on a mismatch or a change
/// that cannot apply — none.
pub fn apply_changes(doc: &mut Document, changes: &[Change]) -> Result<()> {
    for (done, change) in changes.iter().enumerate() {
        let current = read(doc, &change.key);
        let applied = if current != change.before {
            Err(Error::refused(format!(
                "{} sudah berubah sejak perubahan ini dibuat; bandingkan ulang",
                change.key.describe()
            )))
        } else {
            super::apply(doc, &change.key, change.after.as_ref())
        };
        if let Err(err) = applied {
            super::revert(doc, &changes[..done]).expect("restoring the state just left");
            return Err(err);
        }
    }
    if let Err(err) = super::within_limits(changes) {
        super::revert(doc, changes).expect("restoring the state just left");
        return Err(err);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Op;
    use crate::model::Node;

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    #[test]
    fn no_change_between_equal_documents() {
        assert!(diff(&lumajang(), &lumajang()).is_empty());
    }

    #[test]
    fn an_edit_is_its_own_diff() {
        let a = lumajang();
        let mut b = a.clone();
        let made = crate::edit::execute(&mut b, &Op::MoveNode { id: "n8".into(), parent: Some("n4".into()), before: None }).unwrap();
        let found = diff(&a, &b);
        let keys = |c: &[Change]| {
            let mut k: Vec<String> = c.iter().map(|c| format!("{:?}", c.key)).collect();
            k.sort();
            k
        };
        assert_eq!(keys(&found), keys(&made));
        let mut c = a.clone();
        apply_changes(&mut c, &found).unwrap();
        assert_eq!(c, b);
    }

    #[test]
    fn a_stale_change_is_refused_and_changes_nothing() {
        let a = lumajang();
        let mut b = a.clone();
        crate::edit::execute(&mut b, &Op::DeleteNode { id: "n19".into() }).unwrap();
        let changes = diff(&a, &b);
        let mut other = a.clone();
        let mut node: Node = other.node("n19").unwrap().clone();
        node.statement = "Diubah di tempat lain".into();
        crate::edit::execute(&mut other, &Op::UpdateNode { node }).unwrap();
        let before = other.clone();
        let err = apply_changes(&mut other, &changes).unwrap_err().to_string();
        assert!(err.contains("Simpul n19 sudah berubah sejak perubahan ini dibuat"), "{err}");
        assert_eq!(other, before);
    }
}
