//! Three-way merge of a review copy: what the reviewer changed since the
//! base version (`theirs`), taken into the planner's current document
//! (`ours`) field by field. Review notes merge by id and never conflict;
//! plan changes are taken where the planner accepts them, and where both
//! sides changed the same field differently the planner's value stays, the
//! conflict is listed with both values, and a review note on the entity
//! keeps the reviewer's value, so nothing is lost.

use super::diff::{compare_entities, parents, primary_link, show, EntityChange};
use super::entities::{assemble, flatten_touched, kind_rank, Entities, Entity, Fields, Touched};
use crate::edit::{Change, Key, Row};
use crate::model::{Annotation, Document, Target};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Which of the reviewer's changes the planner takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Accept {
    All,
    None,
    /// The changes named by their keys (`node:n3`, `step:f1/s4`).
    Only(BTreeSet<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub accept: Accept,
    /// Conflicts settled for the reviewer's value, by `kind:id#field`.
    pub theirs: BTreeSet<String>,
}

impl Choice {
    pub fn all() -> Choice {
        Choice { accept: Accept::All, theirs: BTreeSet::new() }
    }

    pub fn none() -> Choice {
        Choice { accept: Accept::None, theirs: BTreeSet::new() }
    }

    fn accepts(&self, key: &str) -> bool {
        match &self.accept {
            Accept::All => true,
            Accept::None => false,
            Accept::Only(keys) => keys.contains(key),
        }
    }
}

/// A field both sides changed differently (or an entity one side deleted
/// and the other changed).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Conflict {
    #[ts(type = "string")]
    pub entity: &'static str,
    #[ts(type = "string | string[]")]
    pub id: Value,
    pub field: String,
    #[ts(type = "unknown")]
    pub ours: Value,
    #[ts(type = "unknown")]
    pub theirs: Value,
    #[ts(type = "unknown")]
    pub base: Value,
    /// `kind:id#field`: the name a choice for the reviewer's value uses.
    pub key: String,
    /// Settled for the reviewer's value.
    pub resolved_theirs: bool,
}

/// What the review notes brought.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct NoteCount {
    pub new: usize,
    pub updated: usize,
    /// Worksheet rows (KKE verdicts) the copy brought or changed.
    pub verdicts: usize,
}

/// The merge as the planner reviews it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MergeReport {
    /// The reviewer's changes to the plan not yet in this document (base → theirs).
    pub changes: Vec<EntityChange>,
    pub conflicts: Vec<Conflict>,
    pub comments: NoteCount,
}

impl MergeReport {
    /// The changes, the conflicts and the notes as text.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut out = super::diff::to_text(&self.changes);
        for c in &self.conflicts {
            let _ = writeln!(
                out,
                "! konflik {}: {} — di dokumen ini {}, usulan reviu {}, semula {}",
                c.key.split('#').next().unwrap_or(""),
                c.field,
                show(&c.ours),
                show(&c.theirs),
                show(&c.base)
            );
        }
        let _ = writeln!(out, "Catatan reviu: {} baru, {} diperbarui.", self.comments.new, self.comments.updated);
        if self.comments.verdicts > 0 {
            let _ = writeln!(out, "Kertas kerja: {} penilaian dari salinan reviu.", self.comments.verdicts);
        }
        out
    }

    /// Conflicts still holding the planner's value.
    pub fn open_conflicts(&self) -> usize {
        self.conflicts.iter().filter(|c| !c.resolved_theirs).count()
    }
}

pub struct Merged {
    pub report: MergeReport,
    /// The changes that turn `ours` into the merge (one history step).
    pub changes: Vec<Change>,
}

/// The field name of an entity's existence in conflicts (deleted on one side).
pub const EXISTS: &str = "(ada)";

/// Merges `theirs` (a review copy) into `ours`, both descended from `base`.
pub fn merge(base: &Document, ours: &Document, theirs: &Document, choice: &Choice, reviewer: &str) -> Merged {
    let touched = Touched::between(&[base, ours, theirs]);
    let (eb, eo, et) = (flatten_touched(base, &touched), flatten_touched(ours, &touched), flatten_touched(theirs, &touched));
    let mut m = Merger { b: &eb, o: &eo, t: &et, ours, touched: &touched, choice, out: Entities::new(), conflicts: Vec::new(), notes: NoteCount::default() };
    m.run();
    let Merger { mut out, mut conflicts, notes, .. } = m;
    conflicts.sort_by(|x, y| x.key.cmp(&y.key));
    conflict_notes(&mut out, &conflicts, reviewer);
    let changes = pending_changes(&eb, &eo, &et);
    let report = MergeReport { changes, conflicts, comments: notes };
    let changes = row_changes(&eo, &out);
    Merged { report, changes }
}

struct Merger<'a> {
    b: &'a Entities,
    o: &'a Entities,
    t: &'a Entities,
    /// The planner's document, for the entities no side touched.
    ours: &'a Document,
    touched: &'a Touched,
    choice: &'a Choice,
    out: Entities,
    conflicts: Vec<Conflict>,
    notes: NoteCount,
}

impl<'a> Merger<'a> {
    fn run(&mut self) {
        let all: BTreeSet<&Entity> = self.b.keys().chain(self.o.keys()).chain(self.t.keys()).collect();
        let is_primary = |e: &Entity, sets: [&Entities; 3]| sets.iter().any(|s| s.get(e).is_some_and(|f| primary_link(e, f).is_some()));
        for entity in &all {
            if is_primary(entity, [self.b, self.o, self.t]) {
                continue;
            }
            let merged = match entity {
                Entity::Annotation(_) => self.note(entity),
                Entity::Verdict(_) => self.verdict(entity),
                _ => self.entity(entity, &entity.key()),
            };
            if let Some(fields) = merged {
                self.out.insert((*entity).clone(), fields);
            }
        }
        self.parents(&all);
        self.orphans();
    }

    fn get(&self, e: &Entity) -> [Option<&'a Fields>; 3] {
        let (b, o, t): (&'a Entities, &'a Entities, &'a Entities) = (self.b, self.o, self.t);
        [b.get(e), o.get(e), t.get(e)]
    }

    /// One entity of the plan; `item`: the change it belongs to (a primary
    /// link belongs to its child node).
    fn entity(&mut self, entity: &Entity, item: &str) -> Option<Fields> {
        let [b, o, t] = self.get(entity);
        if t == b || o == t {
            return o.cloned();
        }
        if o == b {
            return if self.choice.accepts(item) { t.cloned() } else { o.cloned() };
        }
        match (b, o, t) {
            (_, Some(o), Some(t)) => Some(self.fields(entity, b, o, t, item)),
            // Deleted on one side, changed (or added) on the other.
            _ => {
                let exists = |f: Option<&Fields>| Value::Bool(f.is_some());
                let theirs = self.conflict(entity, EXISTS, exists(b), exists(o), exists(t).clone());
                if theirs { t.cloned() } else { o.cloned() }
            }
        }
    }

    /// Field by field, where both sides changed the entity.
    fn fields(&mut self, entity: &Entity, b: Option<&Fields>, o: &Fields, t: &Fields, item: &str) -> Fields {
        let mut out = o.clone();
        let names: BTreeSet<String> = o.values.keys().chain(t.values.keys()).chain(b.iter().flat_map(|b| b.values.keys())).cloned().collect();
        for name in names {
            let get = |f: Option<&Fields>| f.and_then(|f| f.values.get(&name)).cloned();
            let (bv, ov, tv) = (get(b), get(Some(o)), get(Some(t)));
            let take_theirs = if tv == bv || ov == tv {
                false
            } else if ov == bv {
                self.choice.accepts(item)
            } else {
                let null = |v: &Option<Value>| v.clone().unwrap_or(Value::Null);
                self.conflict(entity, &name, null(&bv), null(&ov), null(&tv))
            };
            if take_theirs {
                match tv {
                    Some(v) => out.values.insert(name, v),
                    None => out.values.remove(&name),
                };
            }
        }
        // The place, as any field (an indicator's is its index, which any
        // insertion shifts: the planner's order stays).
        let bo = b.map(|b| b.ord);
        if bo != Some(t.ord) && o.ord != t.ord && !matches!(entity, Entity::Indicator(..)) {
            let take = if bo == Some(o.ord) {
                self.choice.accepts(item)
            } else {
                let v = |x: Option<f64>| x.map(Value::from).unwrap_or(Value::Null);
                self.conflict(entity, super::diff::ORDER, v(bo), v(Some(o.ord)), v(Some(t.ord)))
            };
            if take {
                out.ord = t.ord;
            }
        }
        out
    }

    /// Records a conflict; true when the planner chose the reviewer's value.
    fn conflict(&mut self, entity: &Entity, field: &str, base: Value, ours: Value, theirs: Value) -> bool {
        let key = format!("{}#{field}", entity.key());
        let resolved_theirs = self.choice.theirs.contains(&key);
        self.conflicts.push(Conflict {
            entity: entity.kind_name(),
            id: entity.id_json(),
            field: field.into(),
            ours,
            theirs,
            base,
            key,
            resolved_theirs,
        });
        resolved_theirs
    }

    /// Each node's primary link: from the side whose parent wins.
    fn parents(&mut self, all: &BTreeSet<&Entity>) {
        let (pb, po, pt) = (parents(self.b), parents(self.o), parents(self.t));
        let nodes: BTreeSet<&String> = pb.keys().chain(po.keys()).chain(pt.keys()).collect();
        let mut placed: BTreeSet<Entity> = BTreeSet::new();
        for node in nodes {
            let item = Entity::Node(node.clone());
            let (b, o, t) = (pb.get(node), po.get(node), pt.get(node));
            let theirs = if t == b || o == t {
                false
            } else if o == b {
                self.choice.accepts(&item.key())
            } else {
                let v = |p: Option<&String>| p.map(|s| Value::from(s.as_str())).unwrap_or(Value::Null);
                self.conflict(&item, super::diff::PARENT, v(b), v(o), v(t))
            };
            // The reviewer's new parent link is a crosscutting link the planner
            // made here: a conflict on the parent. (A crosscutting link both
            // had in the base, turned into the parent link by the reviewer, is
            // the reviewer's change alone.)
            let clash = theirs
                && all.iter().any(|e| {
                    matches!(e, Entity::Link(from, _) if from == node)
                        && self.t.get(*e).is_some_and(|f| primary_link(e, f).is_some())
                        && self.o.get(*e).is_some_and(|f| primary_link(e, f).is_none())
                        && self.o.get(*e) != self.b.get(*e)
                });
            let theirs = if clash {
                let v = |p: Option<&String>| p.map(|s| Value::from(s.as_str())).unwrap_or(Value::Null);
                self.conflict(&item, super::diff::PARENT, v(b), v(o), v(t))
            } else {
                theirs
            };
            let side = if theirs { self.t } else { self.o };
            let chosen: Vec<&Entity> = all
                .iter()
                .copied()
                .filter(|e| matches!(e, Entity::Link(from, _) if from == node))
                .filter(|e| side.get(*e).is_some_and(|f| primary_link(e, f).is_some()))
                .collect();
            for link in chosen {
                let [b, o, t] = self.get(link);
                let fields = match (o, t) {
                    (Some(o), Some(t)) if o != t => {
                        if b == Some(o) {
                            if self.choice.accepts(&item.key()) { t.clone() } else { o.clone() }
                        } else if b == Some(t) || b.is_none() && !theirs {
                            o.clone()
                        } else {
                            self.fields(link, b, o, t, &item.key())
                        }
                    }
                    (Some(o), _) if !theirs => o.clone(),
                    (_, Some(t)) => t.clone(),
                    (Some(o), None) => o.clone(),
                    (None, None) => continue,
                };
                placed.insert(link.clone());
                self.out.insert(link.clone(), fields);
            }
        }
        // A link that is a parent link on some side but not the parent chosen:
        // kept only as what it is besides (a crosscutting link on one side).
        let sets = [self.b, self.o, self.t];
        for link in all.iter().filter(|e| matches!(e, Entity::Link(..)) && !placed.contains(**e)) {
            if !sets.iter().any(|s| s.get(*link).is_some_and(|f| primary_link(link, f).is_some())) {
                continue;
            }
            let Entity::Link(from, _) = link else { continue };
            let item = Entity::Node(from.clone()).key();
            if let Some(fields) = self.entity(link, &item).filter(|f| primary_link(link, f).is_none()) {
                self.out.insert((*link).clone(), fields);
            }
        }
    }

    /// Entities whose owner (an indicator's node, a step's flow, a link's
    /// ends) the merge lost: dropped when the reviewer removed them along
    /// with their owner; the owner kept when the planner changed them; the
    /// owner brought along when the reviewer added both.
    fn orphans(&mut self) {
        loop {
            let exists = |o: &Entity| {
                self.out.contains_key(o)
                    || (!self.touched.may_differ(o) && matches!(o, Entity::Node(id) if self.ours.node(id).is_some()))
            };
            let orphan = self.out.keys().find_map(|e| owners(e).into_iter().find(|o| !exists(o)).map(|o| (e.clone(), o)));
            let Some((orphan, owner)) = orphan else { break };
            let [b, o, t] = self.get(&orphan);
            let [ob, oo, ot] = self.get(&owner);
            if t.is_none() && o == b {
                self.out.remove(&orphan);
            } else if t.is_none() || (ot.is_none() && oo.is_some()) {
                // The planner changed it; the reviewer deleted its owner: the owner stays.
                let keep = oo.cloned().or_else(|| ob.cloned());
                let exists = |f: Option<&Fields>| Value::Bool(f.is_some());
                self.conflict(&owner, EXISTS, exists(ob), exists(oo), Value::Bool(false));
                match keep {
                    Some(f) => {
                        self.out.insert(owner, f);
                    }
                    None => {
                        self.out.remove(&orphan);
                    }
                }
            } else if let (Some(f), None) = (ot, ob) {
                // Added by the reviewer together with its owner.
                self.out.insert(owner, f.clone());
            } else {
                // The planner deleted the owner; the reviewer changed this.
                self.out.remove(&orphan);
                let new_parent = match (&orphan, t) {
                    (Entity::Link(from, to), Some(f)) if primary_link(&orphan, f).is_some() => Some((from.clone(), to.clone())),
                    _ => None,
                };
                if new_parent.is_none() {
                    let theirs = serde_json::to_value(&t.expect("checked").values).unwrap_or(Value::Null);
                    let exists = |f: Option<&Fields>| Value::Bool(f.is_some());
                    self.conflict(&orphan, EXISTS, exists(b), exists(o), theirs);
                }
                // A new parent the planner deleted: the node keeps the planner's parent.
                if let Some((from, to)) = new_parent {
                    let v = |p: Option<&String>| p.map(|s| Value::from(s.as_str())).unwrap_or(Value::Null);
                    let (pb, po) = (parents(self.b), parents(self.o));
                    self.conflict(&Entity::Node(from.clone()), super::diff::PARENT, v(pb.get(&from)), v(po.get(&from)), Value::from(to));
                    {
                        let mine: Vec<(Entity, Fields)> = self
                            .o
                            .iter()
                            .filter(|(e, f)| matches!(e, Entity::Link(a, _) if *a == from) && primary_link(e, f).is_some())
                            .map(|(e, f)| (e.clone(), f.clone()))
                            .collect();
                        for (e, f) in mine {
                            self.out.entry(e).or_insert(f);
                        }
                    }
                }
            }
        }
    }

    /// A worksheet row: by id, like a thread; the reviewer's copy is taken
    /// where only it changed the row, the later entry where both did.
    fn verdict(&mut self, entity: &Entity) -> Option<Fields> {
        let [b, o, t] = self.get(entity);
        if t == b || o == t {
            return o.cloned();
        }
        let at = |f: Option<&Fields>| f.and_then(|f| f.values.get("at")).and_then(Value::as_str).unwrap_or("").to_string();
        let take_theirs = o == b || (t.is_some() && at(t) > at(o));
        if !take_theirs {
            return o.cloned();
        }
        self.notes.verdicts += 1;
        t.cloned()
    }

    /// A review thread: by id; replies are the union of both sides, status
    /// and text follow the side that changed them (the planner's when both did).
    fn note(&mut self, entity: &Entity) -> Option<Fields> {
        let [b, o, t] = self.get(entity);
        let (o, t) = match (o, t) {
            (None, Some(t)) if b.is_none() => {
                self.notes.new += 1;
                return Some(t.clone());
            }
            (Some(o), Some(t)) => (o, t),
            // Deleted in the copy (with its node, or by its author), untouched here.
            (Some(o), None) if b == Some(o) => return None,
            (o, _) => return o.cloned(),
        };
        let parse = |f: &Fields| serde_json::from_value::<Annotation>(serde_json::to_value(&f.values).ok()?.clone().tap_id()).ok();
        let (Some(mut mine), Some(other)) = (parse(o), parse(t)) else { return Some(o.clone()) };
        let base = b.and_then(parse);
        for reply in other.replies {
            let known = mine.replies.iter().any(|r| if reply.id.is_empty() { r.text == reply.text && r.at == reply.at && r.author == reply.author } else { r.id == reply.id });
            if !known {
                mine.replies.push(reply);
            }
        }
        mine.replies.sort_by(|x, y| x.at.cmp(&y.at));
        let base_status = base.as_ref().map(|a| a.status);
        if other.status != mine.status && base_status == Some(mine.status) {
            mine.status = other.status;
        }
        let base_text = base.as_ref().map(|a| a.text.clone());
        if other.text != mine.text && base_text.as_ref() == Some(&mine.text) {
            mine.text = other.text;
        }
        let mut values: BTreeMap<String, Value> = match serde_json::to_value(&mine) {
            Ok(Value::Object(map)) => map.into_iter().collect(),
            _ => return Some(o.clone()),
        };
        values.remove("id");
        let merged = Fields { ord: o.ord, values };
        if merged != *o {
            self.notes.updated += 1;
        }
        Some(merged)
    }
}

/// An annotation's fields with a placeholder id, so they parse as one.
trait TapId {
    fn tap_id(self) -> Value;
}

impl TapId for Value {
    fn tap_id(mut self) -> Value {
        if let Value::Object(map) = &mut self {
            map.insert("id".into(), Value::from("_"));
        }
        self
    }
}

/// What an entity needs to exist.
fn owners(entity: &Entity) -> Vec<Entity> {
    match entity {
        Entity::Link(from, to) => {
            [from, to].into_iter().filter(|id| !id.starts_with("ext:")).map(|id| Entity::Node(id.clone())).collect()
        }
        other => other.owner().into_iter().collect(),
    }
}

/// The reviewer's changes not yet in `ours`.
fn pending_changes(b: &Entities, o: &Entities, t: &Entities) -> Vec<EntityChange> {
    let (po, pt) = (parents(o), parents(t));
    compare_entities(b, t)
        .into_iter()
        .filter(|c| !c.review)
        .filter(|c| {
            let entity = super::diff::entity_of(c);
            let same = entity.is_some_and(|e| o.get(&e) == t.get(&e));
            let same_parent = match &c.id {
                Value::String(node) if c.entity == "node" => po.get(node) == pt.get(node),
                _ => true,
            };
            !(same && same_parent)
        })
        .collect()
}

/// A review note on each entity whose conflict kept the planner's value,
/// holding the reviewer's: nothing the reviewer wrote is lost. Its id comes
/// from the entity and the reviewer's values, so merging the same copy again
/// adds nothing.
fn conflict_notes(out: &mut Entities, conflicts: &[Conflict], reviewer: &str) {
    use sha2::{Digest, Sha256};
    let mut by_entity: BTreeMap<String, Vec<&Conflict>> = BTreeMap::new();
    for c in conflicts.iter().filter(|c| !c.resolved_theirs) {
        by_entity.entry(c.key.split('#').next().unwrap_or("").to_string()).or_default().push(c);
    }
    let last_ord = out.iter().filter(|(e, _)| matches!(e, Entity::Annotation(_))).map(|(_, f)| f.ord).fold(0.0, f64::max);
    for (i, (key, list)) in by_entity.into_iter().enumerate() {
        let who = if reviewer.is_empty() { "reviewer".to_string() } else { reviewer.to_string() };
        let lines: Vec<String> = list
            .iter()
            .map(|c| format!("{}: usulan {} {}, di dokumen ini {}", field_name(&c.field), who, show(&c.theirs), show(&c.ours)))
            .collect();
        let text = format!("Konflik saat menggabungkan hasil reviu. {}.", lines.join("; "));
        // Named by what the reviewer proposed, not by the planner's value:
        // merging the same copy again, after the first merge changed the
        // planner's side (a parent deleted with its subtree), finds the note.
        let proposed: Vec<String> = list.iter().map(|c| format!("{}={}", c.field, show(&c.theirs))).collect();
        let digest = Sha256::digest(format!("{key}\n{}", proposed.join("\n")).as_bytes());
        let id = format!("c-k{}", digest[..4].iter().map(|b| format!("{b:02x}")).collect::<String>());
        let entity = Entity::Annotation(id.clone());
        if out.contains_key(&entity) {
            continue;
        }
        let on = target(list[0]);
        let note = Annotation { id, author: reviewer.into(), at: crate::clock::now(), ..Annotation::new(on, text) };
        let Ok(Value::Object(mut values)) = serde_json::to_value(&note) else { continue };
        values.remove("id");
        out.insert(entity, Fields { ord: last_ord + 1.0 + i as f64, values: values.into_iter().collect() });
    }
}

fn field_name(field: &str) -> &str {
    match field {
        EXISTS => "dihapus di satu sisi, diubah di sisi lain",
        other => other,
    }
}

/// Where a conflict's note goes.
fn target(c: &Conflict) -> Target {
    let s = |i: usize| c.id.get(i).and_then(Value::as_str).unwrap_or("").to_string();
    let one = || c.id.as_str().unwrap_or("").to_string();
    match c.entity {
        "node" => Target::Node(one()),
        "unit" => Target::Unit(one()),
        "process" => Target::Process(one()),
        "flow" => Target::Flow(one()),
        "link" => Target::Link(s(0), s(1)),
        "indicator" => Target::Indicator(s(0), s(1)),
        "step" => Target::Step(s(0), s(1)),
        _ => Target::Document(()),
    }
}

/// The row changes that turn `ours` into the merged entities: removals
/// first (steps before their flow), then additions and updates in build order.
fn row_changes(ours: &Entities, merged: &Entities) -> Vec<Change> {
    let now: Vec<(Key, Row)> = assemble(ours);
    let after: Vec<(Key, Row)> = assemble(merged);
    let after_map: rustc_hash::FxHashMap<&Key, &Row> = after.iter().map(|(k, r)| (k, r)).collect();
    let now_map: rustc_hash::FxHashMap<&Key, &Row> = now.iter().map(|(k, r)| (k, r)).collect();
    let mut removals: Vec<Change> = now
        .iter()
        .filter(|(k, _)| !after_map.contains_key(k))
        .map(|(k, r)| Change { key: k.clone(), before: Some(r.clone()), after: None })
        .collect();
    removals.sort_by_key(|c| std::cmp::Reverse(kind_rank(&c.key)));
    let updates = after
        .iter()
        .filter(|(k, r)| now_map.get(k) != Some(&r))
        .map(|(k, r)| Change { key: k.clone(), before: now_map.get(k).map(|r| (*r).clone()), after: Some(r.clone()) });
    removals.into_iter().chain(updates).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply_changes, execute, Op};
    use crate::model::{AnnotationStatus, Reply};

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    fn rename(doc: &mut Document, id: &str, text: &str) {
        let mut node = doc.node(id).unwrap().clone();
        node.statement = text.into();
        execute(doc, &Op::UpdateNode { node }).unwrap();
    }

    fn note(doc: &mut Document, on: Target, text: &str) -> String {
        let annotation = Annotation { author: "Inspektorat".into(), round: 1, ..Annotation::new(on, text) };
        execute(doc, &Op::AddAnnotation { annotation }).unwrap();
        doc.annotations.last().unwrap().id.clone()
    }

    fn merged(base: &Document, ours: &Document, theirs: &Document, choice: &Choice) -> (Document, MergeReport) {
        let m = merge(base, ours, theirs, choice, "Inspektorat");
        let mut doc = ours.clone();
        apply_changes(&mut doc, &m.changes).unwrap();
        (doc, m.report)
    }

    #[test]
    fn the_reviewers_rewrite_is_listed_and_taken_when_accepted() {
        let base = lumajang();
        let mut theirs = base.clone();
        rename(&mut theirs, "n3", "Meningkatnya kualitas layanan kepegawaian");
        let (doc, report) = merged(&base, &base, &theirs, &Choice::all());
        assert_eq!(report.changes.len(), 1);
        assert_eq!(report.changes[0].key, "node:n3");
        assert!(report.conflicts.is_empty());
        assert_eq!(doc, theirs);
        let (doc, _) = merged(&base, &base, &theirs, &Choice::none());
        assert_eq!(doc, base);
    }

    #[test]
    fn both_rewriting_one_statement_is_a_conflict_kept_in_a_note() {
        let base = lumajang();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        rename(&mut ours, "n3", "Versi perencana");
        rename(&mut theirs, "n3", "Versi reviewer");
        let (doc, report) = merged(&base, &ours, &theirs, &Choice::all());
        assert_eq!(report.conflicts.len(), 1);
        let c = &report.conflicts[0];
        assert_eq!((c.entity, c.field.as_str(), c.key.as_str()), ("node", "statement", "node:n3#statement"));
        assert_eq!((c.ours.as_str(), c.theirs.as_str()), (Some("Versi perencana"), Some("Versi reviewer")));
        assert_eq!(doc.node("n3").unwrap().statement, "Versi perencana");
        let kept: Vec<_> = doc.annotations.iter().filter(|a| a.text.contains("\"Versi reviewer\"")).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].on, Target::Node("n3".into()));
        // Merged again: nothing new.
        let (again, _) = merged(&base, &doc, &theirs, &Choice::all());
        assert_eq!(again.annotations.len(), doc.annotations.len());
        // Settled for the reviewer's text.
        let choice = Choice { accept: Accept::All, theirs: BTreeSet::from(["node:n3#statement".to_string()]) };
        let (doc, _) = merged(&base, &ours, &theirs, &choice);
        assert_eq!(doc.node("n3").unwrap().statement, "Versi reviewer");
    }

    #[test]
    fn notes_merge_by_id_never_twice() {
        let base = lumajang();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let id = note(&mut theirs, Target::Node("n3".into()), "Indikator belum terukur");
        let (once, report) = merged(&base, &ours, &theirs, &Choice::none());
        assert_eq!(report.comments, NoteCount { new: 1, updated: 0, verdicts: 0 });
        let (twice, report) = merged(&base, &once, &theirs, &Choice::none());
        assert_eq!(report.comments, NoteCount::default());
        assert_eq!(once, twice);
        // The planner answers in the file, the reviewer in the copy: both replies stay.
        ours = once;
        let answer = |who: &str, text: &str| Reply { author: who.into(), text: text.into(), ..Default::default() };
        execute(&mut ours, &Op::ReplyAnnotation { id: id.clone(), reply: answer("Perencana", "Diperbaiki"), status: Some(AnnotationStatus::Fixed) }).unwrap();
        execute(&mut theirs, &Op::ReplyAnnotation { id: id.clone(), reply: answer("Inspektorat", "Tambahkan sumber data"), status: None }).unwrap();
        let (doc, report) = merged(&base, &ours, &theirs, &Choice::none());
        assert_eq!(report.comments.updated, 1);
        let thread = doc.annotations.iter().find(|a| a.id == id).unwrap();
        assert_eq!(thread.replies.len(), 2);
        assert_eq!(thread.status, AnnotationStatus::Fixed);
    }

    #[test]
    fn deleted_by_the_reviewer_and_changed_by_the_planner_keeps_the_node() {
        let base = lumajang();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        rename(&mut ours, "n19", "Diubah perencana");
        execute(&mut theirs, &Op::DeleteNode { id: "n19".into() }).unwrap();
        let (doc, report) = merged(&base, &ours, &theirs, &Choice::all());
        assert!(report.conflicts.iter().any(|c| c.key == format!("node:n19#{EXISTS}")), "{:?}", report.conflicts);
        assert_eq!(doc.node("n19").unwrap().statement, "Diubah perencana");
    }

    #[test]
    fn only_the_chosen_changes_are_taken() {
        let base = lumajang();
        let mut theirs = base.clone();
        rename(&mut theirs, "n3", "Satu");
        rename(&mut theirs, "n4", "Dua");
        let choice = Choice { accept: Accept::Only(BTreeSet::from(["node:n4".to_string()])), theirs: BTreeSet::new() };
        let (doc, report) = merged(&base, &base, &theirs, &choice);
        assert_eq!(report.changes.len(), 2);
        assert_eq!(doc.node("n3").unwrap().statement, base.node("n3").unwrap().statement);
        assert_eq!(doc.node("n4").unwrap().statement, "Dua");
    }

    #[test]
    fn a_new_node_comes_with_its_link_and_a_reparent_moves_it() {
        let base = lumajang();
        let mut theirs = base.clone();
        execute(&mut theirs, &Op::MoveNode { id: "n8".into(), parent: Some("n4".into()), before: None }).unwrap();
        let (doc, report) = merged(&base, &base, &theirs, &Choice::all());
        assert_eq!(doc.primary_parent("n8"), Some("n4"));
        assert_eq!(report.changes.iter().filter(|c| c.key == "node:n8").count(), 1);
        assert_eq!(doc, theirs);
    }
}
