//! What goes over the bridge after an edit: only what the page does not
//! have yet. The shell remembers what it last sent (the tree's nodes and
//! links, the tree layout) under a sequence number; an edit's reply then
//! carries the document and the layout as the changes since that number
//! (the page patches its copy, or asks for the whole when its copy is not
//! that one). A transport encoding only: no rule of the domain lives here.
//! For the 2,000-node tree this is a few kilobytes instead of 2 MB of
//! document and 0.7 MB of layout per edit.

use pokin::layout::TreeLayout;
use pokin::model::{Document, Link, LinkKind, Node, Ordered};
use pokin::validate::{Finding, Report, Summary};
use serde::Serialize;
use std::collections::HashMap;
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
    nodes: Ordered<Node>,
    links: Ordered<Link>,
}

impl Sent {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// The whole document goes to the page: remembered, under the number returned.
    pub fn whole_document(&mut self, doc: &Document) -> u64 {
        let seq = self.next();
        self.doc = Some(SentDoc { seq, nodes: doc.tree.nodes.clone(), links: doc.tree.links.clone() });
        seq
    }

    /// The document as the changes since the one last sent (JSON), or None
    /// when none was sent: then the whole goes (`whole_document`).
    pub fn document_delta(&mut self, doc: &Document) -> Option<String> {
        let seq = self.next();
        let before = self.doc.as_ref()?;
        // Everything but the two long lists goes whole (small); those go as changes.
        let mut skeleton = doc.clone();
        let nodes = std::mem::take(&mut skeleton.tree.nodes);
        let links = std::mem::take(&mut skeleton.tree.links);
        let delta = DocumentDelta {
            base: before.seq,
            seq,
            skeleton: &skeleton,
            nodes: list_delta(&before.nodes, &nodes, |a, b| a.id == b.id, |n| n.id.clone()),
            links: list_delta(&before.links, &links, |a, b| a.from == b.from && a.to == b.to && a.kind == b.kind, link_key),
        };
        let json = serde_json::to_string(&delta).expect("a delta always serialises");
        self.doc = Some(SentDoc { seq, nodes, links });
        Some(json)
    }

    /// The report as the page gets it, remembered: nothing when the page has
    /// it (`changes` only, with the document as changes), the findings that
    /// changed when as many as before (`report_delta`), else the whole
    /// (`report`, written by the core).
    pub fn report(&mut self, report: Report, changes: bool) -> Option<(&'static str, String)> {
        let before = self.report.replace(report);
        let now = self.report.as_ref().expect("just put");
        match before {
            Some(before) if changes && before == *now => None,
            Some(before) if changes && before.findings.len() == now.findings.len() => {
                let items = before.findings.iter().zip(&now.findings).enumerate().filter(|(_, (a, b))| a != b).map(|(i, (_, b))| (i.to_string(), b)).collect();
                let delta = ReportDelta { summary: &now.summary, findings: ListDelta { keys: None, items } };
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
    /// The document without the tree's nodes and links.
    skeleton: &'a Document,
    nodes: ListDelta<'a, Node>,
    links: ListDelta<'a, Link>,
}

/// The report's findings that changed (by position; as many as before) and its summary.
#[derive(Serialize, TS)]
pub(crate) struct ReportDelta<'a> {
    summary: &'a Summary,
    findings: ListDelta<'a, Finding>,
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
/// have as they are now (by key), and the keys in order when they are not the
/// ones it has in that order.
#[derive(Serialize, TS)]
struct ListDelta<'a, T> {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    keys: Option<Vec<String>>,
    items: Vec<(String, &'a T)>,
}

fn list_delta<'a, T: PartialEq>(before: &[T], now: &'a [T], same: impl Fn(&T, &T) -> bool, key: impl Fn(&T) -> String) -> ListDelta<'a, T> {
    if before.len() == now.len() && before.iter().zip(now).all(|(a, b)| same(a, b)) {
        let items = before.iter().zip(now).filter(|(a, b)| a != b).map(|(_, b)| (key(b), b)).collect();
        return ListDelta { keys: None, items };
    }
    let old: HashMap<String, &T> = before.iter().map(|t| (key(t), t)).collect();
    let keys: Vec<String> = now.iter().map(&key).collect();
    let items = now.iter().zip(&keys).filter(|(t, k)| old.get(*k).is_none_or(|o| *o != *t)).map(|(t, k)| (k.clone(), t)).collect();
    ListDelta { keys: Some(keys), items }
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
        assert_eq!(delta(&before, &now), serde_json::json!({ "keys": ["c", "a"], "items": [["c", { "id": "c", "v": 5 }]] }));
    }

    #[test]
    fn a_link_key_is_its_ends_and_kind() {
        assert_eq!(edge_key("n1", "n0", &LinkKind::Primary), "n1\nn0\nprimary");
        assert_eq!(edge_key("n5", "ext:X/n9", &LinkKind::Crosscutting), "n5\next:X/n9\ncrosscutting");
    }
}
