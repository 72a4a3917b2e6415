//! Compare: what changed between two versions of a document, entity by
//! entity and field by field, in the words of `pokin diff`.

use super::entities::{flatten_touched, label, Entities, Entity, Fields};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Moved,
}

/// A field's value before and after (`null` where there was none).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FieldChange {
    #[ts(type = "unknown")]
    pub old: Value,
    #[ts(type = "unknown")]
    pub new: Value,
    /// Where both are texts: the words kept, removed and added, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub words: Option<Vec<WordEdit>>,
}

/// A run of words of a text change (`similar`'s word diff).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct WordEdit {
    pub kind: WordEditKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum WordEditKind {
    Same,
    Removed,
    Added,
}

impl FieldChange {
    pub fn new(old: Value, new: Value) -> FieldChange {
        let words = match (&old, &new) {
            (Value::String(a), Value::String(b)) => Some(word_diff(a, b)),
            _ => None,
        };
        FieldChange { old, new, words }
    }
}

/// The words of `a` and `b`, each run kept, removed or added.
pub fn word_diff(a: &str, b: &str) -> Vec<WordEdit> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(a, b);
    let mut out: Vec<WordEdit> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => WordEditKind::Same,
            ChangeTag::Delete => WordEditKind::Removed,
            ChangeTag::Insert => WordEditKind::Added,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(WordEdit { kind, text: change.value().to_string() }),
        }
    }
    out
}

/// One entity that differs.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct EntityChange {
    pub kind: ChangeKind,
    #[ts(type = "string")]
    pub entity: &'static str,
    /// A string, or `[from, to]` / `[parent, id]` for links, indicators and steps.
    #[ts(type = "string | string[]")]
    pub id: Value,
    /// The entity in people's words (a node's statement …), as it is after (before, if removed).
    pub label: String,
    pub fields: BTreeMap<String, FieldChange>,
    /// Only its place changed (an order among siblings, a step's number):
    /// shown muted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub layout_only: bool,
    /// `kind:id` (`node:n3`, `step:f1/s4`): the name a merge selection uses.
    pub key: String,
    /// Review data (a note, a worksheet verdict, the review team), not plan:
    /// never a suggestion to accept.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub review: bool,
}

/// The field under which a node's primary parent is reported.
pub const PARENT: &str = "parent";
/// The field under which a change of place is reported.
pub const ORDER: &str = "order";

/// Whether this entity is a primary link (folded into its child node as `parent`).
pub(super) fn primary_link(entity: &Entity, fields: &Fields) -> Option<String> {
    match entity {
        Entity::Link(from, _) if fields.values.get("kind").and_then(Value::as_str) == Some("primary") => Some(from.clone()),
        _ => None,
    }
}

/// Each node's primary parent in a set of entities.
pub(super) fn parents(entities: &Entities) -> BTreeMap<String, String> {
    entities
        .iter()
        .filter_map(|(e, f)| match e {
            Entity::Link(from, to) if primary_link(e, f).is_some() => Some((from.clone(), to.clone())),
            _ => None,
        })
        .collect()
}

/// The changes that turn `a` into `b`, in document order (kind by kind, then by place).
pub fn compare(a: &crate::model::Document, b: &crate::model::Document) -> Vec<EntityChange> {
    let touched = super::entities::Touched::between(&[a, b]);
    compare_entities(&flatten_touched(a, &touched), &flatten_touched(b, &touched))
}

pub(super) fn compare_entities(a: &Entities, b: &Entities) -> Vec<EntityChange> {
    let (pa, pb) = (parents(a), parents(b));
    let moved_indicators = reordered_indicators(a, b);
    let mut out = Vec::new();
    let ids: BTreeSet<&Entity> = a.keys().chain(b.keys()).collect();
    for entity in ids {
        let (x, y) = (a.get(entity), b.get(entity));
        if x == y {
            continue;
        }
        // A primary link speaks through its child node (its `parent`), unless it
        // changed in itself (a new rationale) while staying the parent.
        if let Some(child) = x.and_then(|f| primary_link(entity, f)).or_else(|| y.and_then(|f| primary_link(entity, f))) {
            let same_parent = pa.get(&child) == pb.get(&child);
            if !(same_parent && x.is_some() && y.is_some()) {
                continue;
            }
        }
        let ordered = match entity {
            Entity::Indicator(..) => moved_indicators.contains(entity),
            _ => true,
        };
        if let Some(change) = entity_change(entity, x, y, ordered) {
            out.push(change);
        }
    }
    // Nodes whose parent changed though the node did not.
    let mut listed: std::collections::HashSet<String> = out.iter().map(|c| c.key.clone()).collect();
    for (node, _) in pb.iter().chain(pa.iter()) {
        let entity = Entity::Node(node.clone());
        let (x, y) = (a.get(&entity), b.get(&entity));
        if pa.get(node) == pb.get(node) || x.is_none() || y.is_none() || !listed.insert(entity.key()) {
            continue;
        }
        if let Some(change) = entity_change(&entity, x, y, true) {
            out.push(change);
        } else {
            out.push(EntityChange {
                kind: ChangeKind::Moved,
                entity: "node",
                id: entity.id_json(),
                label: label(&entity, y.expect("checked")),
                fields: BTreeMap::new(),
                layout_only: false,
                key: entity.key(),
                review: false,
            });
        }
    }
    for change in out.iter_mut().filter(|c| c.entity == "node") {
        let Value::String(node) = &change.id else { continue };
        let (old, new) = (pa.get(node), pb.get(node));
        if old != new {
            let value = |p: Option<&String>| p.map(|s| Value::from(s.as_str())).unwrap_or(Value::Null);
            change.fields.insert(PARENT.into(), FieldChange::new(value(old), value(new)));
            if change.kind == ChangeKind::Changed || change.layout_only {
                change.kind = ChangeKind::Moved;
                change.layout_only = false;
            }
        }
    }
    let mut ranked: Vec<((usize, f64), EntityChange)> = out.into_iter().map(|c| (rank(&c, a, b), c)).collect();
    ranked.sort_by(|x, y| x.0.partial_cmp(&y.0).unwrap_or(std::cmp::Ordering::Equal));
    ranked.into_iter().map(|(_, c)| c).collect()
}

/// Document order: kind, then place in the list.
fn rank(change: &EntityChange, a: &Entities, b: &Entities) -> (usize, f64) {
    let kind = ["document", "levels", "validation", "unit", "node", "indicator", "link", "process_map", "process", "flow", "step", "annotation"]
        .iter()
        .position(|k| *k == change.entity)
        .unwrap_or(99);
    let entity = entity_of(change);
    let ord = entity.and_then(|e| b.get(&e).or_else(|| a.get(&e))).map(|f| f.ord).unwrap_or(0.0);
    (kind, ord)
}

/// The entity a change is about, from its kind name and id.
pub(super) fn entity_of(change: &EntityChange) -> Option<Entity> {
    let one = || change.id.as_str().map(str::to_string);
    let two = || Some((change.id.get(0)?.as_str()?.to_string(), change.id.get(1)?.as_str()?.to_string()));
    Some(match change.entity {
        "document" => Entity::Document,
        "levels" => Entity::Levels,
        "process_map" => Entity::ProcessMap,
        "validation" => Entity::Validation,
        "unit" => Entity::Unit(one()?),
        "node" => Entity::Node(one()?),
        "process" => Entity::Process(one()?),
        "flow" => Entity::Flow(one()?),
        "annotation" => Entity::Annotation(one()?),
        "verdict" => Entity::Verdict(one()?),
        "review_team" => Entity::ReviewTeam,
        "monitoring" => Entity::Monitoring,
        "link" => two().map(|(x, y)| Entity::Link(x, y))?,
        "indicator" => two().map(|(x, y)| Entity::Indicator(x, y))?,
        "step" => two().map(|(x, y)| Entity::Step(x, y))?,
        _ => return None,
    })
}

/// Indicators whose place among the indicators both versions share changed
/// (an indicator added in front moves the others' index, not their order).
fn reordered_indicators(a: &Entities, b: &Entities) -> BTreeSet<Entity> {
    let order = |set: &Entities| {
        let mut by_node: BTreeMap<String, Vec<(f64, Entity)>> = BTreeMap::new();
        for (e, f) in set {
            if let Entity::Indicator(node, _) = e {
                by_node.entry(node.clone()).or_default().push((f.ord, e.clone()));
            }
        }
        by_node
    };
    let (oa, ob) = (order(a), order(b));
    let mut moved = BTreeSet::new();
    for (node, list_a) in &oa {
        let Some(list_b) = ob.get(node) else { continue };
        let common = |list: &Vec<(f64, Entity)>, other: &Vec<(f64, Entity)>| {
            let mut l: Vec<(f64, Entity)> = list.iter().filter(|(_, e)| other.iter().any(|(_, o)| o == e)).cloned().collect();
            l.sort_by(|x, y| x.0.total_cmp(&y.0));
            l.into_iter().map(|(_, e)| e).collect::<Vec<_>>()
        };
        let (ca, cb) = (common(list_a, list_b), common(list_b, list_a));
        for (i, e) in cb.iter().enumerate() {
            if ca.get(i) != Some(e) {
                moved.insert(e.clone());
            }
        }
    }
    moved
}

/// The change of one entity from `x` to `y` (`None` when only an
/// uncounted place differs). `ordered`: a change of `ord` counts.
pub(super) fn entity_change(entity: &Entity, x: Option<&Fields>, y: Option<&Fields>, ordered: bool) -> Option<EntityChange> {
    let (kind, fields) = match (x, y) {
        (None, None) => return None,
        (None, Some(y)) => (ChangeKind::Added, y.values.iter().map(|(k, v)| (k.clone(), FieldChange::new(Value::Null, v.clone()))).collect()),
        (Some(x), None) => (ChangeKind::Removed, x.values.iter().map(|(k, v)| (k.clone(), FieldChange::new(v.clone(), Value::Null))).collect()),
        (Some(x), Some(y)) => {
            let names: BTreeSet<&String> = x.values.keys().chain(y.values.keys()).collect();
            let mut fields: BTreeMap<String, FieldChange> = names
                .into_iter()
                .filter(|n| x.values.get(*n) != y.values.get(*n))
                .map(|n| {
                    let get = |f: &Fields| f.values.get(n).cloned().unwrap_or(Value::Null);
                    (n.clone(), FieldChange::new(get(x), get(y)))
                })
                .collect();
            let moved = ordered && x.ord != y.ord;
            if fields.is_empty() && !moved {
                return None;
            }
            if fields.is_empty() {
                fields.insert(ORDER.into(), FieldChange::new(Value::from(x.ord), Value::from(y.ord)));
                (ChangeKind::Moved, fields)
            } else {
                (ChangeKind::Changed, fields)
            }
        }
    };
    let layout_only = kind == ChangeKind::Moved
        || (matches!(entity, Entity::Step(..)) && kind == ChangeKind::Changed && fields.keys().all(|k| k == "number"));
    let shown = y.or(x).expect("one side exists");
    Some(EntityChange {
        kind,
        entity: entity.kind_name(),
        id: entity.id_json(),
        label: label(entity, shown),
        fields,
        layout_only,
        key: entity.key(),
        review: entity.row_key().is_review_note(),
    })
}

/// The changes as text, one line per entity and one per field.
pub fn to_text(changes: &[EntityChange]) -> String {
    use std::fmt::Write;
    if changes.is_empty() {
        return "Tidak ada perbedaan.\n".into();
    }
    let mut out = String::new();
    for c in changes {
        let sign = match c.kind {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "−",
            ChangeKind::Changed => "✎",
            ChangeKind::Moved => "⇨",
        };
        let what = match c.kind {
            ChangeKind::Added => "ditambah",
            ChangeKind::Removed => "dihapus",
            ChangeKind::Changed => "diubah",
            ChangeKind::Moved => "dipindah",
        };
        let label = if c.label.is_empty() { String::new() } else { format!(" \"{}\"", c.label) };
        let _ = writeln!(out, "{sign} {} {what}{label}", c.key);
        if c.kind == ChangeKind::Changed || c.kind == ChangeKind::Moved {
            for (name, f) in &c.fields {
                let _ = writeln!(out, "    {name}: {} → {}", show(&f.old), show(&f.new));
            }
        }
    }
    out
}

/// A value in a change list: text quoted, nothing as "(kosong)".
pub fn show(value: &Value) -> String {
    match value {
        Value::Null => "(kosong)".into(),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{execute, Op};

    fn lumajang() -> crate::model::Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    #[test]
    fn a_statement_rewrite_is_one_changed_field() {
        let a = lumajang();
        let mut b = a.clone();
        let mut node = b.node("n3").unwrap().clone();
        let old = node.statement.clone();
        node.statement = "Meningkatnya kualitas layanan kepegawaian".into();
        execute(&mut b, &Op::UpdateNode { node }).unwrap();
        let changes = compare(&a, &b);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, ChangeKind::Changed);
        assert_eq!(changes[0].key, "node:n3");
        assert_eq!(changes[0].fields["statement"], FieldChange::new(old.into(), "Meningkatnya kualitas layanan kepegawaian".into()));
    }

    #[test]
    fn a_new_parent_is_one_moved_node() {
        let a = lumajang();
        let mut b = a.clone();
        let old = a.primary_parent("n8").map(str::to_string);
        execute(&mut b, &Op::MoveNode { id: "n8".into(), parent: Some("n4".into()), before: None }).unwrap();
        let changes = compare(&a, &b);
        let node: Vec<_> = changes.iter().filter(|c| c.key == "node:n8").collect();
        assert_eq!(node.len(), 1, "{changes:?}");
        assert_eq!(node[0].kind, ChangeKind::Moved);
        assert_eq!(node[0].fields[PARENT], FieldChange::new(old.into(), "n4".into()));
        assert!(!changes.iter().any(|c| c.entity == "link"), "{changes:?}");
    }

    #[test]
    fn a_new_indicator_in_front_moves_no_other() {
        let a = lumajang();
        let mut b = a.clone();
        let mut node = b.node("n2").unwrap().clone();
        assert!(!node.indicators.is_empty());
        node.indicators.insert(0, crate::model::Indicator { id: "i99".into(), name: "Persentase ASN kompeten".into(), ..Default::default() });
        execute(&mut b, &Op::UpdateNode { node }).unwrap();
        let changes = compare(&a, &b);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!((changes[0].kind, changes[0].entity), (ChangeKind::Added, "indicator"));
    }

    #[test]
    fn a_statement_change_is_told_word_by_word() {
        let words = word_diff("Meningkatnya Profesionalitas ASN", "Meningkatnya Kompetensi ASN");
        let runs: Vec<(WordEditKind, &str)> = words.iter().map(|w| (w.kind, w.text.as_str())).collect();
        assert_eq!(
            runs,
            vec![
                (WordEditKind::Same, "Meningkatnya "),
                (WordEditKind::Removed, "Profesionalitas"),
                (WordEditKind::Added, "Kompetensi"),
                (WordEditKind::Same, " ASN"),
            ]
        );
    }

    #[test]
    fn equal_documents_have_no_changes() {
        assert!(compare(&lumajang(), &lumajang()).is_empty());
        assert_eq!(to_text(&[]), "Tidak ada perbedaan.\n");
    }
}
