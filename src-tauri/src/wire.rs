//! What goes over the bridge after an edit: only what the page does not
//! have yet. The shell remembers what it last sent (the tree's nodes and
//! links, the tree layout) under a sequence number; an edit's reply then
//! carries the document and the layout as the changes since that number
//! (the page patches its copy, or asks for the whole when its copy is not
//! that one). A transport encoding only: no rule of the domain lives here.
//! For the 2,000-node tree this is a few kilobytes instead of 2 MB of
//! document and 0.7 MB of layout per edit.

use pokin::layout::TreeLayout;
use pokin::edit::{Change, Key, Row};
use pokin::model::{Document, Link, LinkKind, Node, Ordered, Tree};
use pokin::validate::{Finding, Report, Summary};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use ts_rs::TS;

/// What the page was last sent, each under its sequence number.
#[derive(Default)]
pub struct Sent {
    counter: u64,
    doc: Option<SentDoc>,
    tree: Option<(u64, TreeLayout)>,
    /// The report as last sent.
    report: Option<Report>,
}

struct SentDoc {
    seq: u64,
    /// The history position of the document sent: an edit's changes apply to it.
    head: i64,
    /// Each node's primary parent as sent (the core's `Document::primary_parents`).
    parents: HashMap<String, String>,
    /// The keys of the tree's nodes and links, in order.
    node_keys: Vec<String>,
    link_keys: Vec<String>,
}

/// An edit, undo or redo as the shell saw it: the history position before
/// it and the entity changes it made (`pokin::store::Applied`).
pub struct Edit<'a> {
    pub from: i64,
    pub changes: &'a [Change],
}

/// Each node's primary parent by id: the core's answer, as the page gets it.
fn parents_of(doc: &Document) -> HashMap<String, String> {
    let nodes = &doc.tree.nodes;
    doc.primary_parents().iter().enumerate().filter_map(|(i, p)| p.map(|p| (nodes[i].id.clone(), nodes[p].id.clone()))).collect()
}

fn node_keys(doc: &Document) -> Vec<String> {
    doc.tree.nodes.iter().map(|n| n.id.clone()).collect()
}

fn link_keys(doc: &Document) -> Vec<String> {
    doc.tree.links.iter().map(link_key).collect()
}

impl Sent {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// The whole document goes to the page (at history position `head`):
    /// remembered under the number returned, with each node's primary
    /// parent (JSON, `{id: parent}`), which goes with it.
    pub fn whole_document(&mut self, doc: &Document, head: i64) -> (u64, String) {
        let seq = self.next();
        let parents = parents_of(doc);
        let sorted: BTreeMap<&str, &str> = parents.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let json = serde_json::to_string(&sorted).expect("a map of strings serialises");
        self.doc = Some(SentDoc { seq, head, parents, node_keys: node_keys(doc), link_keys: link_keys(doc) });
        (seq, json)
    }

    /// The document (now at history position `head`) as the changes `edit`
    /// made to the one last sent (JSON): the entities it changed, read from
    /// the document as it is — no copy, no comparison of documents. None
    /// when the page was sent no document or another one (then the whole
    /// goes, `whole_document`).
    pub fn document_delta(&mut self, doc: &Document, head: i64, edit: &Edit) -> Option<String> {
        let before = self.doc.as_ref().filter(|d| d.head == edit.from)?;
        let base = before.seq;
        let mut nodes = HashSet::new();
        let mut links = HashSet::new();
        let (mut nodes_moved, mut links_moved, mut other) = (false, false, false);
        for change in edit.changes {
            // Added, removed or moved in its list (or, for a link, of another kind): the page needs the order.
            let placed = match (&change.before, &change.after) {
                (Some(a), Some(b)) => a.ord != b.ord,
                _ => true,
            };
            match &change.key {
                Key::Node { id } => {
                    nodes.insert(id.as_str());
                    nodes_moved |= placed;
                }
                Key::Link { from, to } => {
                    links.insert((from.as_str(), to.as_str()));
                    let kind = |row: &Option<Row>| row.as_ref().and_then(|r| r.data.get("kind").cloned());
                    links_moved |= placed || kind(&change.before) != kind(&change.after);
                }
                _ => other = true,
            }
        }
        let before = self.doc.as_mut().expect("checked above");
        let parents = changed_parents(doc, &mut before.parents, nodes_moved);
        let node_order = nodes_moved.then(|| reorder(&mut before.node_keys, node_keys(doc)));
        let link_order = links_moved.then(|| reorder(&mut before.link_keys, link_keys(doc)));
        let delta = DocumentDelta {
            base,
            seq: self.counter + 1,
            skeleton: other.then(|| skeleton(doc)),
            nodes: ListDelta { order: node_order, items: changed(&doc.tree.nodes, |n| nodes.contains(n.id.as_str()), |n| n.id.clone()) },
            links: ListDelta {
                order: link_order,
                items: changed(&doc.tree.links, |l| links.contains(&(l.from.as_str(), l.to.as_str())), link_key),
            },
            parents,
        };
        let json = serde_json::to_string(&delta).expect("a delta always serialises");
        let seq = self.next();
        let before = self.doc.as_mut().expect("checked above");
        before.seq = seq;
        before.head = head;
        Some(json)
    }

    /// The report as the page gets it, remembered: nothing when the page has
    /// it (`changes` only, with the document as changes), the findings as
    /// the runs from the list it has (`report_delta`), else the whole
    /// (`report`, written by the core).
    pub fn report(&mut self, report: Report, changes: bool) -> Option<(&'static str, String)> {
        let before = self.report.replace(report);
        let now = self.report.as_ref().expect("just put");
        match before {
            Some(before) if changes && before == *now => None,
            Some(before) if changes => {
                let delta = ReportDelta { summary: &now.summary, findings: runs(&before.findings, &now.findings, |f| f) };
                Some(("report_delta", serde_json::to_string(&delta).expect("a delta always serialises")))
            }
            _ => Some(("report", now.to_json())),
        }
    }

    /// The whole tree layout goes to the page, with its number (JSON).
    pub fn whole_tree(&mut self, layout: TreeLayout) -> String {
        let seq = self.next();
        let json = serde_json::to_string(&Numbered { seq, layout: &layout }).expect("a layout always serialises");
        self.tree = Some((seq, layout));
        json
    }

    /// The tree layout as the changes since the one last sent (JSON, under
    /// `tree_delta`), or the whole (under `tree`).
    pub fn tree(&mut self, layout: TreeLayout) -> (&'static str, String) {
        let Some((base, before)) = self.tree.take() else { return ("tree", self.whole_tree(layout)) };
        let seq = self.next();
        let delta = TreeDelta {
            base,
            seq,
            width: layout.width,
            height: layout.height,
            bands: &layout.bands,
            boxes: list_delta(&before.boxes, &layout.boxes, |a, b| a.id == b.id, |b| b.id.clone()),
            edges: list_delta(&before.edges, &layout.edges, |a, b| a.from == b.from && a.to == b.to && a.kind == b.kind, |e| edge_key(&e.from, &e.to, &e.kind)),
        };
        let json = serde_json::to_string(&delta).expect("a delta always serialises");
        self.tree = Some((seq, layout));
        ("tree_delta", json)
    }
}

/// The tree layout whole, with its number: `NumberedTreeLayout` in TypeScript.
#[derive(Serialize, TS)]
#[ts(concrete(T = TreeLayout), rename = "NumberedTreeLayout")]
pub(crate) struct Numbered<'a, T> {
    seq: u64,
    #[serde(flatten)]
    layout: &'a T,
}

/// The document as the changes since the one numbered `base`.
#[derive(Serialize, TS)]
pub(crate) struct DocumentDelta<'a> {
    /// The document the page must hold for this to apply.
    base: u64,
    seq: u64,
    /// The document without the tree's nodes and links, when anything but
    /// those changed (else the page keeps the one it has).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    skeleton: Option<Document>,
    nodes: ListDelta<'a, Node>,
    links: ListDelta<'a, Link>,
    /// The nodes whose primary parent changed: the parent now (null: none, or the node is gone).
    parents: BTreeMap<String, Option<String>>,
}

/// The report's findings as the runs from the list the page has, and its summary.
#[derive(Serialize, TS)]
pub(crate) struct ReportDelta<'a> {
    summary: &'a Summary,
    findings: Vec<Run<&'a Finding>>,
}

/// One step from a list the page has to the list now: keep its next `n`
/// items, skip (drop) its next `n`, or insert these.
#[derive(Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Run<T> {
    Keep(usize),
    Skip(usize),
    Insert(Vec<T>),
}

/// Runs, the neighbours of a kind merged.
struct Runs<T>(Vec<Run<T>>);

impl<T> Runs<T> {
    fn keep(&mut self, n: usize) {
        match self.0.last_mut() {
            _ if n == 0 => {}
            Some(Run::Keep(k)) => *k += n,
            _ => self.0.push(Run::Keep(n)),
        }
    }
    fn skip(&mut self, n: usize) {
        match self.0.last_mut() {
            _ if n == 0 => {}
            Some(Run::Skip(k)) => *k += n,
            _ => self.0.push(Run::Skip(n)),
        }
    }
    fn insert(&mut self, item: T) {
        match self.0.last_mut() {
            Some(Run::Insert(items)) => items.push(item),
            _ => self.0.push(Run::Insert(vec![item])),
        }
    }
}

/// More differences than this between two lists: the runs skip the whole
/// old list and insert the whole new one (the diff costs O(length × differences)).
const MAX_DIFFERENCES: usize = 200;

/// The runs that turn `before` into `now` (Myers' diff after the common
/// ends: after an edit the differences are few).
fn runs<'a, T: PartialEq, U>(before: &[T], now: &'a [T], item: impl Fn(&'a T) -> U) -> Vec<Run<U>> {
    let head = before.iter().zip(now).take_while(|(a, b)| a == b).count();
    let most = before.len().min(now.len()) - head;
    let tail = before.iter().rev().zip(now.iter().rev()).take(most).take_while(|(a, b)| a == b).count();
    let (a, b) = (&before[head..before.len() - tail], &now[head..now.len() - tail]);
    let mut out = Runs(Vec::new());
    out.keep(head);
    match diff_steps(a, b) {
        Some(steps) => {
            for step in steps {
                match step {
                    Step::Same => out.keep(1),
                    Step::Drop => out.skip(1),
                    Step::Add(j) => out.insert(item(&b[j])),
                }
            }
        }
        None => {
            out.skip(a.len());
            b.iter().for_each(|t| out.insert(item(t)));
        }
    }
    out.keep(tail);
    out.0
}

enum Step {
    Same,
    Drop,
    /// Insert `b[j]`.
    Add(usize),
}

/// The shortest edit script from `a` to `b` (E. Myers, "An O(ND) difference
/// algorithm", 1986), or None beyond `MAX_DIFFERENCES`.
fn diff_steps<T: PartialEq>(a: &[T], b: &[T]) -> Option<Vec<Step>> {
    if a.is_empty() && b.is_empty() {
        return Some(Vec::new());
    }
    let (n, m) = (a.len() as isize, b.len() as isize);
    let limit = (a.len() + b.len()).min(MAX_DIFFERENCES) as isize;
    let off = limit + 1;
    // v[off + k]: the furthest x reached on diagonal k; trace[d]: v over k in -d-1..=d+1 before step d.
    let mut v = vec![0isize; (2 * limit + 3) as usize];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=limit {
        trace.push(v[(off - d - 1) as usize..=(off + d + 1) as usize].to_vec());
        for k in (-d..=d).step_by(2) {
            let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
            let mut x = if down { v[(off + k + 1) as usize] } else { v[(off + k - 1) as usize] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(off + k) as usize] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, d, n, m));
            }
        }
    }
    None
}

fn backtrack(trace: &[Vec<isize>], last: isize, n: isize, m: isize) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..=last).rev() {
        let v = &trace[d as usize];
        let at = |k: isize| v[(k + d + 1) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) { k + 1 } else { k - 1 };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            steps.push(Step::Same);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            steps.push(if x == prev_x { Step::Add((y - 1) as usize) } else { Step::Drop });
        }
        x = prev_x;
        y = prev_y;
    }
    steps.reverse();
    steps
}

/// The document without the tree's nodes and links (every other field
/// named, so that a new one cannot be left out unnoticed).
fn skeleton(doc: &Document) -> Document {
    let Document { format, document, units, tree, processes, validation, annotations, verdicts, review_team, monitoring } = doc;
    let Tree { levels, nodes: _, links: _ } = tree;
    Document {
        format: format.clone(),
        document: document.clone(),
        units: units.clone(),
        tree: Tree { levels: levels.clone(), nodes: Ordered::new(), links: Ordered::new() },
        processes: processes.clone(),
        validation: validation.clone(),
        annotations: annotations.clone(),
        verdicts: verdicts.clone(),
        review_team: review_team.clone(),
        monitoring: monitoring.clone(),
    }
}

/// The tree layout as the changes since the one numbered `base`.
#[derive(Serialize, TS)]
pub(crate) struct TreeDelta<'a> {
    base: u64,
    seq: u64,
    width: f32,
    height: f32,
    bands: &'a [pokin::layout::tree::Band],
    boxes: ListDelta<'a, pokin::layout::tree::BoxLayout>,
    edges: ListDelta<'a, pokin::layout::tree::Edge>,
}

/// A list as the page rebuilds it from the one it has: the items it does not
/// have as they are now (by key), and, when the keys are not the ones it has
/// in that order, the runs from its keys to the keys now.
#[derive(Serialize, TS)]
struct ListDelta<'a, T> {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    order: Option<Vec<Run<String>>>,
    items: Vec<(String, &'a T)>,
}

fn list_delta<'a, T: PartialEq>(before: &[T], now: &'a [T], same: impl Fn(&T, &T) -> bool, key: impl Fn(&T) -> String) -> ListDelta<'a, T> {
    if before.len() == now.len() && before.iter().zip(now).all(|(a, b)| same(a, b)) {
        let items = before.iter().zip(now).filter(|(a, b)| a != b).map(|(_, b)| (key(b), b)).collect();
        return ListDelta { order: None, items };
    }
    let old: HashMap<String, &T> = before.iter().map(|t| (key(t), t)).collect();
    let old_keys: Vec<String> = before.iter().map(&key).collect();
    let keys: Vec<String> = now.iter().map(&key).collect();
    let items = now.iter().zip(&keys).filter(|(t, k)| old.get(*k).is_none_or(|o| *o != *t)).map(|(t, k)| (k.clone(), t)).collect();
    ListDelta { order: Some(runs(&old_keys, &keys, String::clone)), items }
}

/// The items of `list` that an edit changed, keyed.
fn changed<'a, T>(list: &'a [T], changed: impl Fn(&T) -> bool, key: impl Fn(&T) -> String) -> Vec<(String, &'a T)> {
    list.iter().filter(|t| changed(t)).map(|t| (key(t), t)).collect()
}

/// The runs from the keys sent to `keys`, which are remembered as sent.
fn reorder(sent: &mut Vec<String>, keys: Vec<String>) -> Vec<Run<String>> {
    let order = runs(sent, &keys, String::clone);
    *sent = keys;
    order
}

/// The primary parents that changed since `sent` (null: none now), which
/// is brought up to date. Without nodes added or removed, only the nodes
/// of the document are looked at.
fn changed_parents(doc: &Document, sent: &mut HashMap<String, String>, nodes_moved: bool) -> BTreeMap<String, Option<String>> {
    let nodes = &doc.tree.nodes;
    let mut out = BTreeMap::new();
    for (i, p) in doc.primary_parents().into_iter().enumerate() {
        let id = &nodes[i].id;
        match p.map(|p| &nodes[p].id) {
            Some(p) if sent.get(id) != Some(p) => {
                sent.insert(id.clone(), p.clone());
                out.insert(id.clone(), Some(p.clone()));
            }
            None if sent.remove(id).is_some() => {
                out.insert(id.clone(), None);
            }
            _ => {}
        }
    }
    if nodes_moved {
        let ids: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        let gone: Vec<String> = sent.keys().filter(|id| !ids.contains(id.as_str())).cloned().collect();
        for id in gone {
            sent.remove(&id);
            out.insert(id, None);
        }
    }
    out
}

fn kind_name(kind: &LinkKind) -> &'static str {
    match kind {
        LinkKind::Primary => "primary",
        LinkKind::Crosscutting => "crosscutting",
    }
}

/// A link's key on the page: `from`, `to` and kind, one per line (ui/src/editor/delta.ts).
fn edge_key(from: &str, to: &str, kind: &LinkKind) -> String {
    format!("{from}\n{to}\n{}", kind_name(kind))
}

fn link_key(link: &Link) -> String {
    edge_key(&link.from, &link.to, &link.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize)]
    struct Item {
        id: &'static str,
        v: i32,
    }

    fn delta(before: &[Item], now: &[Item]) -> serde_json::Value {
        serde_json::to_value(list_delta(before, now, |a, b| a.id == b.id, |t| t.id.to_string())).unwrap()
    }

    #[test]
    fn an_unchanged_list_sends_nothing() {
        let list = [Item { id: "a", v: 1 }, Item { id: "b", v: 2 }];
        assert_eq!(delta(&list, &list), serde_json::json!({ "items": [] }));
    }

    #[test]
    fn same_keys_in_the_same_order_send_the_changed_items_only() {
        let before = [Item { id: "a", v: 1 }, Item { id: "b", v: 2 }];
        let now = [Item { id: "a", v: 1 }, Item { id: "b", v: 3 }];
        assert_eq!(delta(&before, &now), serde_json::json!({ "items": [["b", { "id": "b", "v": 3 }]] }));
    }

    #[test]
    fn new_order_or_membership_sends_the_keys_and_what_the_page_lacks() {
        let before = [Item { id: "a", v: 1 }, Item { id: "b", v: 2 }];
        let now = [Item { id: "c", v: 5 }, Item { id: "a", v: 1 }];
        assert_eq!(delta(&before, &now), serde_json::json!({ "order": [{ "insert": ["c"] }, { "keep": 1 }, { "skip": 1 }], "items": [["c", { "id": "c", "v": 5 }]] }));
    }

    /// The capaian view: a box whose colour or notes changed goes again, whole; the others stay.
    #[test]
    fn a_box_with_new_notes_or_colour_travels() {
        let doc = pokin::samples::find("waykanan-bkpsdm").unwrap().document();
        let mut options = pokin::layout::TreeOptions::default();
        options.details.capaian = Some(2024);
        let layout = pokin::layout::layout_tree(&doc, &options);
        let mut sent = Sent::default();
        sent.whole_tree(layout.clone());
        let mut now = layout.clone();
        let at = now.boxes.iter().position(|b| b.id == "n3").unwrap();
        now.boxes[at].fill = Some("#d2322d".into());
        now.boxes[at].notes = vec!["Capaian 2024: 10 % · Sangat Rendah".into()];
        let (key, json) = sent.tree(now);
        assert_eq!(key, "tree_delta");
        let d: serde_json::Value = serde_json::from_str(&json).unwrap();
        let items = d["boxes"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0][0], "n3");
        assert_eq!(items[0][1]["fill"], "#d2322d");
        assert_eq!(items[0][1]["notes"], serde_json::json!(["Capaian 2024: 10 % · Sangat Rendah"]));
        assert!(d["boxes"].get("order").is_none());
    }

    #[test]
    fn a_link_key_is_its_ends_and_kind() {
        assert_eq!(edge_key("n1", "n0", &LinkKind::Primary), "n1\nn0\nprimary");
        assert_eq!(edge_key("n5", "ext:X/n9", &LinkKind::Crosscutting), "n5\next:X/n9\ncrosscutting");
    }
    /// The list the runs make from `before` (as the page does, ui/src/editor/delta.ts).
    fn replay(before: &[i32], runs: &[Run<&i32>]) -> Vec<i32> {
        let (mut out, mut i) = (Vec::new(), 0);
        for run in runs {
            match run {
                Run::Keep(n) => {
                    out.extend_from_slice(&before[i..i + n]);
                    i += n;
                }
                Run::Skip(n) => i += n,
                Run::Insert(items) => out.extend(items.iter().copied()),
            }
        }
        assert_eq!(i, before.len(), "the runs go through the whole old list");
        out
    }

    #[test]
    fn runs_keep_what_is_equal_and_say_what_changed() {
        let r = |a: &[i32], b: &[i32]| serde_json::to_value(runs(a, b, |x| x)).unwrap();
        assert_eq!(r(&[1, 2, 3], &[1, 2, 3]), serde_json::json!([{ "keep": 3 }]));
        assert_eq!(r(&[], &[]), serde_json::json!([]));
        assert_eq!(r(&[1, 2, 3, 4], &[1, 2, 9, 3, 4]), serde_json::json!([{ "keep": 2 }, { "insert": [9] }, { "keep": 2 }]));
        assert_eq!(r(&[1, 2, 9, 3, 4], &[1, 2, 3, 4]), serde_json::json!([{ "keep": 2 }, { "skip": 1 }, { "keep": 2 }]));
        assert_eq!(r(&[1, 2, 3], &[1, 7, 3]), serde_json::json!([{ "keep": 1 }, { "skip": 1 }, { "insert": [7] }, { "keep": 1 }]));
        // Scattered changes stay small: two inserts far apart, one removal.
        let before: Vec<i32> = (0..1000).collect();
        let mut now = before.clone();
        now.insert(900, -1);
        now.remove(500);
        now.insert(10, -2);
        let steps = runs(&before, &now, |x| x);
        assert!(steps.len() <= 7, "{steps:?}");
        assert_eq!(replay(&before, &steps), now);
    }

    #[test]
    fn runs_rebuild_any_list() {
        // Pseudo-random edits of small lists (a linear congruential generator: no dependency).
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..500 {
            let before: Vec<i32> = (0..next(12)).map(|_| next(5) as i32).collect();
            let now: Vec<i32> = (0..next(12)).map(|_| next(5) as i32).collect();
            assert_eq!(replay(&before, &runs(&before, &now, |x| x)), now, "{before:?} → {now:?}");
        }
        // Beyond the limit of differences: all skipped, all inserted, still right.
        let before: Vec<i32> = (0..600).collect();
        let now: Vec<i32> = (0..600).map(|x| x + 1000).collect();
        let steps = runs(&before, &now, |x| x);
        assert_eq!(replay(&before, &steps), now);
        assert!(matches!(steps[0], Run::Skip(600)));
    }

    #[test]
    fn the_parents_the_page_gets_are_the_cores() {
        let mut doc = Document::new("Uji", pokin::model::Period { from: 2025, to: 2027 });
        let node = |id: &str, level| Node { id: id.into(), level, statement: id.into(), ..Default::default() };
        let link = |from: &str, to: &str, kind| Link { from: from.into(), to: to.into(), kind, rationale: String::new(), serves: None, agreement: None, extra: Default::default() };
        doc.tree.nodes = vec![node("a", 0), node("b", 1), node("c", 1), node("d", 1)].into();
        doc.tree.links = vec![
            link("b", "gone", LinkKind::Primary),
            link("b", "a", LinkKind::Primary),
            link("c", "c", LinkKind::Primary),
            link("d", "b", LinkKind::Crosscutting),
            link("d", "a", LinkKind::Primary),
            link("d", "c", LinkKind::Primary),
        ]
        .into();
        let parents = parents_of(&doc);
        let want: HashMap<String, String> = [("b", "a"), ("d", "a")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(parents, want);
    }

    /// An edit's reply carries what its changes touched, read from the document.
    #[test]
    fn the_document_goes_as_the_changes_an_edit_made() {
        let dir = std::env::temp_dir().join(format!("pokin-wire-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let doc = pokin::synth::generate(&pokin::synth::Options { nodes: 60, flows: 0, seed: 1 });
        let mut file = pokin::store::DocFile::create(&dir.join("s.pokin"), &doc).unwrap();
        let mut sent = Sent::default();
        let (seq, parents) = sent.whole_document(file.document(), file.head());
        assert_eq!(seq, 1);
        let parents: serde_json::Value = serde_json::from_str(&parents).unwrap();
        assert_eq!(parents["n1"], "n0");
        let delta = |sent: &mut Sent, file: &pokin::store::DocFile, from, changes: &[Change]| -> serde_json::Value {
            serde_json::from_str(&sent.document_delta(file.document(), file.head(), &Edit { from, changes }).expect("a delta")).unwrap()
        };

        // A rename: that node only, no order, no skeleton, no parent changed.
        let mut renamed = file.document().tree.nodes[3].clone();
        renamed.statement = "Nama baru".into();
        let from = file.head();
        let applied = file.apply(&pokin::edit::Op::UpdateNode { node: renamed.clone() }).unwrap().unwrap();
        let d = delta(&mut sent, &file, from, &applied.changes);
        assert_eq!(d["base"], 1);
        assert_eq!(d["seq"], 2);
        assert!(d.get("skeleton").is_none());
        assert_eq!(d["nodes"], serde_json::json!({ "items": [[renamed.id, serde_json::to_value(&renamed).unwrap()]] }));
        assert_eq!(d["links"], serde_json::json!({ "items": [] }));
        assert_eq!(d["parents"], serde_json::json!({}));

        // A child: the keys in order (it is new), its link, its parent.
        let child = Node { id: "baru".into(), level: 0, statement: "Anak".into(), ..Default::default() };
        let from = file.head();
        let applied = file.apply(&pokin::edit::Op::AddNode { node: child, parent: Some("n1".into()), before: None }).unwrap().unwrap();
        let d = delta(&mut sent, &file, from, &applied.changes);
        assert_eq!(d["base"], 2);
        let keys: Vec<String> = file.document().tree.nodes.iter().map(|n| n.id.clone()).collect();
        let at = keys.iter().position(|k| *k == "baru").unwrap();
        let around = |middle: serde_json::Value| {
            let mut runs = vec![serde_json::json!({ "keep": at }), middle];
            if keys.len() - at - 1 > 0 {
                runs.push(serde_json::json!({ "keep": keys.len() - at - 1 }));
            }
            serde_json::Value::Array(runs)
        };
        assert_eq!(d["nodes"]["order"], around(serde_json::json!({ "insert": ["baru"] })));
        assert_eq!(d["nodes"]["items"].as_array().unwrap().len(), 1);
        assert_eq!(d["links"]["items"][0][0], "baru\nn1\nprimary");
        assert!(d["links"]["order"].is_array());
        assert_eq!(d["parents"], serde_json::json!({ "baru": "n1" }));

        // Its undo: gone, and so is its parent.
        let from = file.head();
        let undone = file.undo_step().unwrap().unwrap();
        let d = delta(&mut sent, &file, from, &undone.changes);
        assert_eq!(d["nodes"]["items"], serde_json::json!([]));
        assert_eq!(d["nodes"]["order"], around(serde_json::json!({ "skip": 1 })));
        assert_eq!(d["parents"], serde_json::json!({ "baru": null }));

        // A change besides nodes and links: the skeleton goes too.
        let mut meta = file.document().document.clone();
        meta.title = "Judul baru".into();
        let from = file.head();
        let applied = file.apply(&pokin::edit::Op::UpdateDocument { document: meta }).unwrap().unwrap();
        let d = delta(&mut sent, &file, from, &applied.changes);
        assert_eq!(d["skeleton"]["document"]["title"], "Judul baru");
        assert!(d["skeleton"]["tree"].get("nodes").is_none());

        // Changes not made to the document last sent: no delta (the whole goes).
        let from = file.head();
        file.undo().unwrap();
        assert!(sent.document_delta(file.document(), file.head(), &Edit { from: from - 5, changes: &[] }).is_none());
        drop(file);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
