//! Ops on the Pohon Kinerja and the units: levels, units, nodes, links.

use super::super::change::row_of;
use super::super::{Key, List, Tx};
use super::{before_index, fresh_id, missing, move_to, shorten, taken, Op};
use crate::error::{Error, Result};
use crate::model::*;
use std::collections::HashSet;

pub(super) fn set_levels(tx: &mut Tx, levels: &[Level]) -> Result<()> {
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

pub(super) fn add_unit(tx: &mut Tx, unit: &Unit, before: Option<&str>) -> Result<()> {
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
pub(super) fn delete_unit(tx: &mut Tx, id: &str) -> Result<()> {
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

pub(super) fn level_name(doc: &Document, level: usize) -> String {
    doc.tree.levels.get(level).map_or_else(|| format!("level {level}"), |l| format!("level {level} ({})", l.name))
}

pub(super) fn add_node(tx: &mut Tx, node: &Node, parent: Option<&str>, before: Option<&str>) -> Result<()> {
    let doc = tx.doc();
    let mut node = node.clone();
    if node.id.is_empty() {
        node.id = fresh_id("n", doc.tree.nodes.iter().map(|n| n.id.as_str()));
    } else if doc.node(&node.id).is_some() {
        return Err(taken("simpul", &node.id));
    }
    if let Some(parent_id) = parent {
        if parent_id.starts_with(EXTERNAL_PREFIX) {
            return Err(Error::refused(format!("Simpul luar ({parent_id}) tidak dapat diberi anak di dokumen ini.")));
        }
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
        let link = Link { from: node.id.clone(), to: parent.into(), kind: LinkKind::Primary, rationale: String::new(), serves: None, agreement: None, extra: Extra::new() };
        let ord = tx.ord_at(&List::Links, tx.doc().tree.links.len())?;
        tx.put(Key::Link { from: link.from.clone(), to: link.to.clone() }, Some(row_of(ord, &link)))?;
    }
    Ok(())
}

pub(super) fn update_node(tx: &mut Tx, node: &Node) -> Result<()> {
    let key = Key::Node { id: node.id.clone() };
    let row = crate::edit::read(tx.doc(), &key).ok_or_else(|| missing("Simpul", &node.id))?;
    if node.level >= tx.doc().tree.levels.len() {
        return Err(Error::refused(format!("Level {} tidak ada di skema dokumen ini", node.level)));
    }
    let mut ids = HashSet::new();
    if let Some(dup) = node.indicators.iter().find(|x| !ids.insert(x.id.as_str())) {
        return Err(taken("indikator", &dup.id));
    }
    tx.put(key, Some(row_of(row.ord, node)))
}

pub(super) fn edit_node(tx: &mut Tx, id: &str, change: impl FnOnce(&mut Node) -> Result<()>) -> Result<()> {
    let mut node = tx.doc().node(id).ok_or_else(|| missing("Simpul", id))?.clone();
    change(&mut node)?;
    update_node(tx, &node)
}

/// The node and every node below it along primary links, in document order.
pub(super) fn subtree(doc: &Document, root: &str) -> Vec<String> {
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

pub(super) fn delete_node(tx: &mut Tx, id: &str) -> Result<()> {
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

pub(super) fn move_node(tx: &mut Tx, id: &str, parent: Option<&str>, before: Option<&str>) -> Result<()> {
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
            let ord = old.first().map(|l| crate::edit::read(tx.doc(), &Key::Link { from: l.from.clone(), to: l.to.clone() }));
            for link in &old {
                tx.delete(Key::Link { from: link.from.clone(), to: link.to.clone() })?;
            }
            let ord = match ord.flatten() {
                Some(row) => row.ord,
                None => tx.ord_at(&List::Links, tx.doc().tree.links.len())?,
            };
            let link = Link { from: id.into(), to: parent_id.into(), kind: LinkKind::Primary, rationale: String::new(), serves: None, agreement: None, extra: Extra::new() };
            tx.put(Key::Link { from: id.into(), to: parent_id.into() }, Some(row_of(ord, &link)))?;
        }
    }
    if let Some(before) = before {
        let index = before_index(&tx.doc().tree.nodes, Some(before), |n| &n.id, "Simpul")?;
        move_to(tx, &List::Nodes, Key::Node { id: id.into() }, index, "Simpul", id)?;
    }
    Ok(())
}

pub(super) fn add_link(tx: &mut Tx, link: &Link) -> Result<()> {
    let doc = tx.doc();
    doc.node(&link.from).ok_or_else(|| missing("Simpul", &link.from))?;
    if link.to.trim().is_empty() {
        return Err(Error::refused("Pilih simpul tujuan keterkaitan"));
    }
    if link.is_external() {
        if !is_external_address(&link.to) {
            return Err(Error::refused(format!(
                "Alamat simpul luar `{}` ditulis ext:<kode-instansi>/<id-simpul>, misalnya ext:BKPSDM-Kebumen/n3",
                link.to
            )));
        }
    } else {
        doc.node(&link.to).ok_or_else(|| missing("Simpul", &link.to))?;
    }
    if link.from == link.to {
        return Err(Error::refused("Simpul tidak dapat dikaitkan ke dirinya sendiri"));
    }
    let key = Key::Link { from: link.from.clone(), to: link.to.clone() };
    if crate::edit::read(doc, &key).is_some() {
        return Err(Error::refused(format!("Keterkaitan {} → {} sudah ada", link.from, link.to)));
    }
    let ord = tx.ord_at(&List::Links, tx.doc().tree.links.len())?;
    tx.put(key, Some(row_of(ord, link)))
}

/// `ext:<agency>/<node>`: both parts given, without spaces or another slash.
fn is_external_address(to: &str) -> bool {
    let part = |s: &str| !s.is_empty() && !s.chars().any(|c| c == '/' || c.is_whitespace());
    to.strip_prefix(EXTERNAL_PREFIX).and_then(|rest| rest.split_once('/')).is_some_and(|(agency, node)| part(agency) && part(node))
}

#[cfg(test)]
mod tests {
    use crate::edit::{execute, Op};
    use crate::model::*;

    fn refusal(op: Op) -> String {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let before = doc.clone();
        let err = execute(&mut doc, &op).unwrap_err().to_string();
        assert_eq!(doc, before, "a refusal changes nothing");
        err
    }

    fn crosscutting(from: &str, to: &str) -> Op {
        Op::AddLink { link: Link { from: from.into(), to: to.into(), kind: LinkKind::Crosscutting, rationale: String::new(), serves: None, agreement: None, extra: Extra::new() } }
    }

    #[test]
    fn a_crosscutting_link_is_refused_with_the_reason() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let (a, b) = (doc.tree.nodes[3].id.clone(), doc.tree.nodes[4].id.clone());
        assert_eq!(refusal(crosscutting(&a, " ")), "Pilih simpul tujuan keterkaitan");
        assert_eq!(refusal(crosscutting(&a, &a)), "Simpul tidak dapat dikaitkan ke dirinya sendiri");
        assert_eq!(refusal(crosscutting(&a, "zz")), "Simpul `zz` tidak ada di dokumen");
        assert_eq!(refusal(crosscutting("zz", &a)), "Simpul `zz` tidak ada di dokumen");
        for bad in ["ext:Kebumen", "ext:/n3", "ext:BKPSDM Kebumen/n3", "ext:A/b/c"] {
            assert_eq!(
                refusal(crosscutting(&a, bad)),
                format!("Alamat simpul luar `{bad}` ditulis ext:<kode-instansi>/<id-simpul>, misalnya ext:BKPSDM-Kebumen/n3")
            );
        }
        let mut doc = doc;
        execute(&mut doc, &crosscutting(&a, &b)).unwrap();
        execute(&mut doc, &crosscutting(&a, "ext:BKPSDM-Kebumen/n3")).unwrap();
        let err = execute(&mut doc, &crosscutting(&a, &b)).unwrap_err().to_string();
        assert_eq!(err, format!("Keterkaitan {a} → {b} sudah ada"));
    }
}
