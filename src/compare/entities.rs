//! A document as a flat set of entities with named fields — the grain at
//! which versions are compared and review copies merged. Built on the edit
//! layer's rows (`edit::all_rows`), so every kind of entity is covered once;
//! only a node's indicators are taken out of its row and become entities
//! of their own (reviewers change one indicator, not "the indicators").

use crate::edit::{all_rows, entity::KINDS, Key, Row};
use crate::edit::change::row_of;
use crate::model::{Document, Ordered};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One entity of a document, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Document,
    Levels,
    ProcessMap,
    Validation,
    Unit(String),
    Node(String),
    Link(String, String),
    Indicator(String, String),
    Process(String),
    Flow(String),
    Step(String, String),
    Annotation(String),
    Verdict(String),
    ReviewTeam,
    Monitoring,
}

/// An entity's place in its list and its fields (its key fields left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub ord: f64,
    pub values: BTreeMap<String, Value>,
}

pub type Entities = BTreeMap<Entity, Fields>;

impl Entity {
    /// The entity kind's name in diff and merge output.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Entity::Document => "document",
            Entity::Levels => "levels",
            Entity::ProcessMap => "process_map",
            Entity::Validation => "validation",
            Entity::Unit(_) => "unit",
            Entity::Node(_) => "node",
            Entity::Link(..) => "link",
            Entity::Indicator(..) => "indicator",
            Entity::Process(_) => "process",
            Entity::Flow(_) => "flow",
            Entity::Step(..) => "step",
            Entity::Annotation(_) => "annotation",
            Entity::Verdict(_) => "verdict",
            Entity::ReviewTeam => "review_team",
            Entity::Monitoring => "monitoring",
        }
    }

    /// Its id as JSON: a string, or `[outer, inner]` for a link, an indicator
    /// or a step (as `Target` spells them); the kind name for a singleton.
    pub fn id_json(&self) -> Value {
        match self {
            Entity::Unit(id) | Entity::Node(id) | Entity::Process(id) | Entity::Flow(id) | Entity::Annotation(id) | Entity::Verdict(id) => {
                Value::from(id.as_str())
            }
            Entity::Link(a, b) | Entity::Indicator(a, b) | Entity::Step(a, b) => Value::from(vec![a.as_str(), b.as_str()]),
            other => Value::from(other.kind_name()),
        }
    }

    /// `kind:id` (`node:n3`, `step:f1/s4`): the entity's name in selections.
    pub fn key(&self) -> String {
        match self.id_json() {
            Value::String(id) if id == self.kind_name() => id,
            Value::String(id) => format!("{}:{id}", self.kind_name()),
            Value::Array(ids) => {
                let ids: Vec<&str> = ids.iter().filter_map(Value::as_str).collect();
                format!("{}:{}", self.kind_name(), ids.join("/"))
            }
            _ => self.kind_name().to_string(),
        }
    }

    /// The row this entity lives in (an indicator lives in its node's row).
    pub fn row_key(&self) -> Key {
        match self {
            Entity::Document => Key::Document,
            Entity::Levels => Key::Levels,
            Entity::ProcessMap => Key::ProcessMap,
            Entity::Validation => Key::Validation,
            Entity::Unit(id) => Key::Unit { id: id.clone() },
            Entity::Node(id) | Entity::Indicator(id, _) => Key::Node { id: id.clone() },
            Entity::Link(from, to) => Key::Link { from: from.clone(), to: to.clone() },
            Entity::Process(id) => Key::Process { id: id.clone() },
            Entity::Flow(id) => Key::Flow { id: id.clone() },
            Entity::Step(flow, id) => Key::Step { flow: flow.clone(), id: id.clone() },
            Entity::Annotation(id) => Key::Annotation { id: id.clone() },
            Entity::Verdict(id) => Key::Verdict { id: id.clone() },
            Entity::ReviewTeam => Key::ReviewTeam,
            Entity::Monitoring => Key::Monitoring,
        }
    }

    /// The entity that must exist for this one to (a step's flow, an
    /// indicator's node); links name two, see `ends`.
    pub fn owner(&self) -> Option<Entity> {
        match self {
            Entity::Indicator(node, _) => Some(Entity::Node(node.clone())),
            Entity::Step(flow, _) => Some(Entity::Flow(flow.clone())),
            _ => None,
        }
    }
}

fn of_key(key: &Key) -> Entity {
    match key {
        Key::Document => Entity::Document,
        Key::Levels => Entity::Levels,
        Key::ProcessMap => Entity::ProcessMap,
        Key::Validation => Entity::Validation,
        Key::Unit { id } => Entity::Unit(id.clone()),
        Key::Node { id } => Entity::Node(id.clone()),
        Key::Link { from, to } => Entity::Link(from.clone(), to.clone()),
        Key::Process { id } => Entity::Process(id.clone()),
        Key::Flow { id } => Entity::Flow(id.clone()),
        Key::Step { flow, id } => Entity::Step(flow.clone(), id.clone()),
        Key::Annotation { id } => Entity::Annotation(id.clone()),
        Key::Verdict { id } => Entity::Verdict(id.clone()),
        Key::ReviewTeam => Entity::ReviewTeam,
        Key::Monitoring => Entity::Monitoring,
    }
}

/// The fields of a row that its key already says.
fn key_fields(key: &Key) -> &'static [&'static str] {
    match key {
        Key::Link { .. } => &["from", "to"],
        Key::Document | Key::Levels | Key::ProcessMap | Key::Validation | Key::ReviewTeam | Key::Monitoring => &[],
        _ => &["id"],
    }
}

/// A singleton whose row is not an object (the levels: a list) keeps it under this field.
const WHOLE: &str = "value";

/// The document's entities.
pub fn flatten(doc: &crate::model::Document) -> Entities {
    entities_of(all_rows(doc))
}

/// The nodes and links that are not the same (value and place) in every
/// one of `docs`: the bulk of a large tree is not, and is then left out of
/// comparing and merging (a node whose primary link changed counts as
/// touched, so its new parent is seen).
pub struct Touched {
    nodes: FxHashSet<String>,
    links: FxHashSet<(String, String)>,
}

impl Touched {
    pub fn between(docs: &[&Document]) -> Touched {
        fn differing<T: PartialEq, K: std::hash::Hash + Eq>(lists: Vec<&Ordered<T>>, key: impl Fn(&T) -> K) -> FxHashSet<K> {
            let maps: Vec<FxHashMap<K, (f64, &T)>> =
                lists.iter().map(|l| (0..l.len()).map(|i| (key(&l[i]), (l.ord(i), &l[i]))).collect()).collect();
            let mut out = FxHashSet::default();
            for (i, list) in lists.iter().enumerate() {
                for j in 0..list.len() {
                    let k = key(&list[j]);
                    let here = (list.ord(j), &list[j]);
                    if maps.iter().enumerate().any(|(m, map)| m != i && map.get(&k).is_none_or(|other| other.0 != here.0 || other.1 != here.1)) {
                        out.insert(k);
                    }
                }
            }
            out
        }
        let links = differing(docs.iter().map(|d| &d.tree.links).collect(), |l| (l.from.clone(), l.to.clone()));
        let mut nodes = differing(docs.iter().map(|d| &d.tree.nodes).collect(), |n| n.id.clone());
        nodes.extend(links.iter().map(|(from, _)| from.clone()));
        Touched { nodes, links }
    }

    /// Whether this entity may differ between the documents (everything but
    /// untouched nodes, their indicators and untouched links may).
    pub fn may_differ(&self, entity: &Entity) -> bool {
        match entity {
            Entity::Node(id) | Entity::Indicator(id, _) => self.nodes.contains(id),
            Entity::Link(from, to) => self.links.contains(&(from.clone(), to.clone())),
            _ => true,
        }
    }
}

/// The entities of `doc` that `touched` says may differ.
pub fn flatten_touched(doc: &Document, touched: &Touched) -> Entities {
    let mut rows = Vec::new();
    for kind in KINDS {
        match kind.table {
            "node" => {
                let list = &doc.tree.nodes;
                for i in (0..list.len()).filter(|&i| touched.nodes.contains(&list[i].id)) {
                    rows.push((Key::Node { id: list[i].id.clone() }, row_of(list.ord(i), &list[i])));
                }
            }
            "link" => {
                let list = &doc.tree.links;
                for i in (0..list.len()).filter(|&i| touched.links.contains(&(list[i].from.clone(), list[i].to.clone()))) {
                    rows.push((Key::Link { from: list[i].from.clone(), to: list[i].to.clone() }, row_of(list.ord(i), &list[i])));
                }
            }
            _ => rows.extend((kind.rows)(doc)),
        }
    }
    entities_of(rows)
}

fn entities_of(rows: Vec<(Key, Row)>) -> Entities {
    let mut out = Entities::new();
    for (key, row) in rows {
        let entity = of_key(&key);
        let mut values = match row.data {
            Value::Object(map) => map.into_iter().collect::<BTreeMap<_, _>>(),
            other => BTreeMap::from([(WHOLE.to_string(), other)]),
        };
        for field in key_fields(&key) {
            values.remove(*field);
        }
        if let (Entity::Node(node), Some(Value::Array(indicators))) = (&entity, values.remove("indicators")) {
            for (i, indicator) in indicators.into_iter().enumerate() {
                let Value::Object(mut map) = indicator else { continue };
                let id = map.remove("id").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                out.insert(Entity::Indicator(node.clone(), id), Fields { ord: i as f64, values: map.into_iter().collect() });
            }
        }
        out.insert(entity, Fields { ord: row.ord, values });
    }
    out
}

/// Where a row's kind stands in the order a document is built (a flow before its steps).
pub fn kind_rank(key: &Key) -> usize {
    let kind = crate::edit::entity::kind_of(key);
    KINDS.iter().position(|k| std::ptr::eq(k, kind)).expect("every kind is in KINDS")
}

/// The rows of a set of entities (the inverse of `flatten`), each kind in
/// build order. An indicator whose node is not in the set is left out.
pub fn assemble(entities: &Entities) -> Vec<(Key, Row)> {
    let mut indicators: BTreeMap<&str, Vec<(f64, &str, &Fields)>> = BTreeMap::new();
    for (entity, fields) in entities {
        if let Entity::Indicator(node, id) = entity {
            indicators.entry(node.as_str()).or_default().push((fields.ord, id.as_str(), fields));
        }
    }
    let mut rows = Vec::new();
    for (entity, fields) in entities {
        if matches!(entity, Entity::Indicator(..)) {
            continue;
        }
        let key = entity.row_key();
        let data = if let (Entity::Levels, Some(whole)) = (entity, fields.values.get(WHOLE)) {
            whole.clone()
        } else {
            let mut map: Map<String, Value> = fields.values.clone().into_iter().collect();
            match &key {
                Key::Link { from, to } => {
                    map.insert("from".into(), Value::from(from.as_str()));
                    map.insert("to".into(), Value::from(to.as_str()));
                }
                Key::Document | Key::Levels | Key::ProcessMap | Key::Validation | Key::ReviewTeam | Key::Monitoring => {}
                Key::Unit { id } | Key::Node { id } | Key::Process { id } | Key::Flow { id } | Key::Annotation { id } | Key::Verdict { id } | Key::Step { id, .. } => {
                    map.insert("id".into(), Value::from(id.as_str()));
                }
            }
            if let Entity::Node(node) = entity {
                if let Some(mut list) = indicators.remove(node.as_str()) {
                    list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
                    let list = list
                        .into_iter()
                        .map(|(_, id, f)| {
                            let mut m: Map<String, Value> = f.values.clone().into_iter().collect();
                            m.insert("id".into(), Value::from(id));
                            Value::Object(m)
                        })
                        .collect();
                    map.insert("indicators".into(), Value::Array(list));
                }
            }
            Value::Object(map)
        };
        rows.push((key, Row { ord: fields.ord, data }));
    }
    rows.sort_by_key(|(key, _)| kind_rank(key));
    rows
}

/// A short name of the entity for people: a node's statement, a step's text …
pub fn label(entity: &Entity, fields: &Fields) -> String {
    let text = |name: &str| fields.values.get(name).and_then(Value::as_str).unwrap_or("").to_string();
    match entity {
        Entity::Node(_) => text("statement"),
        Entity::Step(..) | Entity::Annotation(_) => text("text"),
        Entity::Verdict(_) => text("note"),
        Entity::Document => text("title"),
        Entity::Unit(_) | Entity::Indicator(..) | Entity::Process(_) | Entity::Flow(_) => text("name"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flatten_then_assemble_gives_the_rows_back() {
        for sample in crate::samples::ALL {
            let doc = sample.document();
            let mut rows = all_rows(&doc);
            rows.sort_by_key(|(key, _)| kind_rank(key));
            let mut again = assemble(&flatten(&doc));
            let order = |rows: &mut Vec<(Key, Row)>| rows.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
            order(&mut rows);
            order(&mut again);
            assert_eq!(rows, again, "{}", sample.key);
        }
    }

    #[test]
    fn keys_name_kind_and_id() {
        assert_eq!(Entity::Node("n3".into()).key(), "node:n3");
        assert_eq!(Entity::Step("f1".into(), "s4".into()).key(), "step:f1/s4");
        assert_eq!(Entity::Document.key(), "document");
    }
}
