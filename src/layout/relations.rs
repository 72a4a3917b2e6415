//! The Peta Relasi's rows and columns — one layout for the screen and the
//! paper: processes depth first (each sub-process indented under its
//! parent, wherever it sits in the list), every unit of the organisation a
//! column (a unit that runs nothing is a gap the planner should see).

use crate::model::Document;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationsLayout {
    pub rows: Vec<RelationRow>,
    /// Unit ids, in the organisation's order.
    pub units: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationRow {
    pub process: String,
    /// 0 for a process of the level-0 map, 1 for its sub-processes …
    pub depth: usize,
}

pub fn layout_relations(doc: &Document) -> RelationsLayout {
    let processes = &doc.processes.map.processes;
    let known = |id: &str| processes.iter().any(|p| p.id == id);
    let mut rows = Vec::with_capacity(processes.len());
    let mut seen = rustc_hash::FxHashSet::default();
    // Roots first (no parent, or a parent that does not exist), then
    // whatever a parent cycle (B003) left unvisited, each shown once.
    let roots = processes.iter().filter(|p| p.parent.as_deref().is_none_or(|parent| !known(parent)));
    for root in roots.chain(processes.iter()) {
        let mut stack = vec![(root, 0usize)];
        while let Some((p, depth)) = stack.pop() {
            if !seen.insert(p.id.as_str()) {
                continue;
            }
            rows.push(RelationRow { process: p.id.clone(), depth });
            let children: Vec<_> = processes.iter().filter(|c| c.parent.as_deref() == Some(p.id.as_str())).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
    }
    RelationsLayout { rows, units: doc.units.iter().map(|u| u.id.clone()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_processes_sit_under_their_parent_wherever_they_are_listed() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let layout = layout_relations(&doc);
        assert_eq!(layout.rows.len(), doc.processes.map.processes.len());
        for (i, row) in layout.rows.iter().enumerate() {
            let p = doc.process(&row.process).unwrap();
            match &p.parent {
                None => assert_eq!(row.depth, 0),
                Some(parent) => {
                    // The nearest row above at a smaller depth is the parent.
                    let above = layout.rows[..i].iter().rev().find(|r| r.depth < row.depth).unwrap();
                    assert_eq!(&above.process, parent, "{} listed under the wrong parent", row.process);
                }
            }
        }
        assert_eq!(layout.units.len(), doc.units.len());
    }

    #[test]
    fn a_parent_cycle_is_shown_once() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let ids: Vec<String> = doc.processes.map.processes.iter().take(2).map(|p| p.id.clone()).collect();
        doc.processes.map.processes.get_mut(0).unwrap().parent = Some(ids[1].clone());
        doc.processes.map.processes.get_mut(1).unwrap().parent = Some(ids[0].clone());
        let layout = layout_relations(&doc);
        assert_eq!(layout.rows.len(), doc.processes.map.processes.len());
    }
}
