//! Items read from a sheet made into a document: a new one (levels from
//! the sheet, fresh ids, primary links) or a copy of an open one with
//! realisasi, pagu and the unmatched rows added.

use super::mapping::LayoutKind;
use super::read::{clean, Ind, Item, Reading};
use super::{ImportMessage, ImportSummary, OutlineRow};
use crate::model::{default_levels, Document, Extra, Indicator, Level, LevelKind, Link, LinkKind, Node, Period, Unit};
use std::collections::{BTreeSet, HashMap};

/// Statements compared as a planner reads them: case, spaces and punctuation aside.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn code_key(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect::<String>().trim_matches('.').to_lowercase()
}

pub fn level_kind(index: usize, name: &str) -> LevelKind {
    let n = name.to_lowercase();
    if n.contains("sub kegiatan") || n.contains("output") || n.contains("keluaran") {
        LevelKind::Output
    } else if n.contains("aktivitas") || n.contains("komponen") {
        LevelKind::Activity
    } else if index == 0 && (n.contains("tujuan") || n.contains("dampak") || n.contains("impact") || n.contains("visi")) {
        LevelKind::Impact
    } else {
        LevelKind::Outcome
    }
}

pub struct Header {
    pub title: String,
    pub agency: String,
    pub government: String,
    pub period: Option<Period>,
}

/// Counts what the items hold (the summary's figures).
fn count(items: &[Item], summary: &mut ImportSummary) {
    for item in items {
        summary.indicators += item.indicators.len();
        for ind in &item.indicators {
            summary.targets += ind.targets.len() + ind.pk_targets.len();
            summary.realisasi += ind.realisasi.len();
        }
    }
    // Budgets counted once per branch: a sub kegiatan's pagu is already in its kegiatan's.
    for (i, item) in items.iter().enumerate() {
        let mut above = item.parent;
        let (mut pagu_above, mut spent_above) = (false, false);
        let mut guard = 0;
        while let Some(p) = above {
            pagu_above |= items[p].pagu.is_some();
            spent_above |= items[p].spent.is_some();
            above = items[p].parent;
            guard += 1;
            if guard > items.len() || p >= i {
                break;
            }
        }
        if !pagu_above {
            summary.pagu = summary.pagu.saturating_add(item.pagu.unwrap_or(0));
        }
        if !spent_above {
            summary.spent = summary.spent.saturating_add(item.spent.unwrap_or(0));
        }
    }
}

fn indicator(ind: &Ind, id: String) -> Indicator {
    let mut out = Indicator { id, name: ind.name.clone(), unit: ind.unit.clone(), ..Indicator::default() };
    out.targets = ind.targets.clone();
    out.pk_targets = ind.pk_targets.clone();
    if let Some(v) = &ind.baseline {
        out.baseline.value = Some(v.clone());
    }
    for (year, quarter, value) in &ind.realisasi {
        crate::monitoring::realisasi::put(&mut out, *year, *quarter, Some(value.clone()));
    }
    out
}

fn unit_id(doc: &mut Document, name: &str) -> Option<String> {
    let name = clean(name);
    if name.is_empty() {
        return None;
    }
    if let Some(u) = doc.units.iter().find(|u| key(&u.name) == key(&name) || key(&u.short) == key(&name)) {
        return Some(u.id.clone());
    }
    let taken: BTreeSet<String> = doc.units.iter().map(|u| u.id.clone()).collect();
    let id = (1..).map(|i| format!("u{i}")).find(|id| !taken.contains(id)).unwrap_or_default();
    doc.units.push(Unit { id: id.clone(), name, ..Unit::default() });
    Some(id)
}

fn node_of(item: &Item, id: String, level: usize, doc: &mut Document) -> Node {
    let mut node = Node { id, level, statement: item.statement.clone(), ..Node::default() };
    node.indicators = item.indicators.iter().enumerate().map(|(k, ind)| indicator(ind, format!("i{}", k + 1))).collect();
    if !item.code.is_empty() || item.pagu.is_some() || item.spent.is_some() {
        node.budget.code = item.code.clone();
        node.budget.ceiling = item.pagu;
        node.budget.spent = item.spent;
        if !item.code.is_empty() {
            node.budget.name = item.statement.clone();
        }
    }
    node.owner = unit_id(doc, &item.owner);
    node
}

/// A new document of the items.
pub fn new_document(reading: &Reading, header: &Header, summary: &mut ImportSummary) -> Document {
    let years: BTreeSet<i32> = reading
        .items
        .iter()
        .flat_map(|i| &i.indicators)
        .flat_map(|ind| ind.targets.keys().chain(ind.pk_targets.keys()).copied().chain(ind.realisasi.iter().map(|r| r.0)))
        .filter(|y| (1900..=2200).contains(y))
        .collect();
    let period = header.period.unwrap_or_else(|| match (years.first(), years.last()) {
        (Some(&a), Some(&b)) if b > a => Period { from: a, to: b.min(a + 24) },
        (Some(&a), _) => Period { from: a, to: a + 4 },
        _ => {
            let y = this_year();
            Period { from: y, to: y + 4 }
        }
    });
    let mut doc = Document::new(&header.title, period);
    doc.document.agency = header.agency.clone();
    doc.document.government = header.government.clone();
    doc.tree.levels = if reading.levels.is_empty() {
        default_levels()
    } else {
        reading
            .levels
            .iter()
            .enumerate()
            .map(|(i, name)| Level { name: name.clone(), kind: level_kind(i, name), echelon: String::new(), extra: Extra::new() })
            .collect()
    };
    let ids: Vec<String> = (1..=reading.items.len()).map(|i| format!("n{i}")).collect();
    for (i, item) in reading.items.iter().enumerate() {
        let level = item.level.min(doc.tree.levels.len().saturating_sub(1));
        let node = node_of(item, ids[i].clone(), level, &mut doc);
        doc.tree.nodes.push(node);
        if let Some(p) = item.parent {
            doc.tree.links.push(Link { from: ids[i].clone(), to: ids[p].clone(), kind: LinkKind::Primary, ..link_default() });
        }
    }
    count(&reading.items, summary);
    let mut per_level = vec![0usize; doc.tree.levels.len()];
    for n in doc.tree.nodes.iter() {
        per_level[n.level] += 1;
    }
    summary.nodes_per_level = doc.tree.levels.iter().map(|l| l.name.clone()).zip(per_level).collect();
    let all: BTreeSet<String> = ids.into_iter().collect();
    summary.outline = outline(&doc, &all);
    doc
}

fn link_default() -> Link {
    Link {
        from: String::new(),
        to: String::new(),
        kind: LinkKind::Primary,
        rationale: String::new(),
        serves: None,
        agreement: None,
        extra: Extra::new(),
    }
}

pub fn this_year() -> i32 {
    crate::clock::today().get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026)
}

/// The items added to a copy of `base`: each matched to a node by budget
/// code, else statement; indicators by name.
pub fn into_document(base: &Document, reading: &Reading, layout: LayoutKind, summary: &mut ImportSummary) -> Document {
    let mut doc = base.clone();
    let sheet = summary.sheet.clone();
    let by_code: HashMap<String, usize> =
        doc.tree.nodes.iter().enumerate().filter(|(_, n)| !n.budget.code.is_empty()).map(|(i, n)| (code_key(&n.budget.code), i)).collect();
    let mut by_statement: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in doc.tree.nodes.iter().enumerate() {
        by_statement.entry(key(&n.statement)).or_default().push(i);
        if !n.budget.name.is_empty() {
            by_statement.entry(key(&n.budget.name)).or_default().push(i);
        }
    }
    let mut taken: BTreeSet<String> = doc.tree.nodes.iter().map(|n| n.id.clone()).collect();
    let mut fresh = 0usize;
    let mut matched: Vec<Option<usize>> = vec![None; reading.items.len()];
    let mut changed: BTreeSet<String> = BTreeSet::new();
    let plan_too = matches!(layout, LayoutKind::Iku | LayoutKind::Cascading | LayoutKind::Generic);
    let mut added_per_level: HashMap<usize, usize> = HashMap::new();
    for (i, item) in reading.items.iter().enumerate() {
        let found = (!item.code.is_empty()).then(|| by_code.get(&code_key(&item.code)).copied()).flatten().or_else(|| {
            let candidates = by_statement.get(&key(&item.statement))?;
            // Prefer the one under the matched parent.
            let parent_id = item.parent.and_then(|p| matched[p]).map(|p| doc.tree.nodes[p].id.clone());
            candidates
                .iter()
                .copied()
                .find(|&c| parent_id.as_deref().is_some_and(|pid| doc.primary_parent(&doc.tree.nodes[c].id) == Some(pid)))
                .or_else(|| candidates.first().copied())
        });
        let what = reading.levels.get(item.level).map(|l| l.to_lowercase()).unwrap_or_else(|| "baris".into());
        let index = match found {
            Some(index) => index,
            None => {
                let parent = item.parent.and_then(|p| matched[p]);
                let level = match parent {
                    Some(p) => doc.tree.nodes[p].level + 1,
                    None if plan_too && item.parent.is_none() => 0,
                    None => usize::MAX,
                };
                if level >= doc.tree.levels.len() {
                    summary.messages.push(ImportMessage::at(
                        &sheet,
                        Some(item.row),
                        None,
                        format!("{what} '{}' tidak ditemukan di dokumen; dilewati", short(&item.statement)),
                    ));
                    continue;
                }
                let id = loop {
                    fresh += 1;
                    let id = format!("imp{fresh}");
                    if taken.insert(id.clone()) {
                        break id;
                    }
                };
                let node = node_of(item, id.clone(), level, &mut doc);
                let under = parent.map(|p| format!("di bawah '{}'", short(&doc.tree.nodes[p].statement))).unwrap_or_else(|| "sebagai akar".into());
                summary.messages.push(ImportMessage::at(
                    &sheet,
                    Some(item.row),
                    None,
                    format!("{what} '{}' tidak ditemukan di dokumen; ditambahkan {under}", short(&item.statement)),
                ));
                if let Some(p) = parent {
                    let to = doc.tree.nodes[p].id.clone();
                    doc.tree.links.push(Link { from: id.clone(), to, kind: LinkKind::Primary, ..link_default() });
                }
                doc.tree.nodes.push(node);
                *added_per_level.entry(level).or_default() += 1;
                changed.insert(id);
                matched[i] = Some(doc.tree.nodes.len() - 1);
                continue;
            }
        };
        matched[i] = Some(index);
        let node = doc.tree.nodes.get_mut(index).expect("matched index");
        let before = node.clone();
        if let Some(p) = item.pagu {
            node.budget.ceiling = Some(p);
        }
        if let Some(s) = item.spent {
            node.budget.spent = Some(s);
        }
        if node.budget.code.is_empty() && !item.code.is_empty() && (item.pagu.is_some() || item.spent.is_some()) {
            node.budget.code = item.code.clone();
        }
        for ind in &item.indicators {
            let position = node.indicators.iter().position(|x| key(&x.name) == key(&ind.name)).or_else(|| {
                // One indicator on each side: the same one, named differently.
                (node.indicators.len() == 1 && item.indicators.len() == 1 && !plan_too).then_some(0)
            });
            let target = match position {
                Some(p) => &mut node.indicators[p],
                None => {
                    summary.messages.push(ImportMessage::at(
                        &sheet,
                        Some(ind.row),
                        None,
                        format!("indikator '{}' tidak ditemukan pada '{}'; ditambahkan", short(&ind.name), short(&node.statement)),
                    ));
                    let taken: BTreeSet<String> = node.indicators.iter().map(|x| x.id.clone()).collect();
                    let id = (1..).map(|k| format!("i{k}")).find(|id| !taken.contains(id)).unwrap_or_default();
                    node.indicators.push(Indicator { id, name: ind.name.clone(), unit: ind.unit.clone(), ..Indicator::default() });
                    node.indicators.last_mut().expect("just pushed")
                }
            };
            if plan_too {
                target.targets.extend(ind.targets.clone());
                target.pk_targets.extend(ind.pk_targets.clone());
                if target.baseline.value.is_none() {
                    target.baseline.value = ind.baseline.clone();
                }
            }
            for (year, quarter, value) in &ind.realisasi {
                crate::monitoring::realisasi::put(target, *year, *quarter, Some(value.clone()));
            }
        }
        if *node != before {
            changed.insert(node.id.clone());
        }
    }
    count(&reading.items, summary);
    summary.nodes_per_level =
        doc.tree.levels.iter().enumerate().map(|(i, l)| (l.name.clone(), added_per_level.get(&i).copied().unwrap_or(0))).collect();
    summary.outline = outline(&doc, &changed);
    doc
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(80).collect();
    if t.len() < text.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// The tree depth-first, only the nodes in `ids` (and their ancestors), at most 200 rows.
pub fn outline(doc: &Document, ids: &BTreeSet<String>) -> Vec<OutlineRow> {
    let h = doc.hierarchy();
    let n = doc.tree.nodes.len();
    let mut keep = vec![false; n];
    for (i, node) in doc.tree.nodes.iter().enumerate() {
        if ids.contains(&node.id) {
            let mut at = Some(i);
            let mut guard = 0;
            while let Some(k) = at {
                if keep[k] || guard > n {
                    break;
                }
                keep[k] = true;
                at = h.parent[k];
                guard += 1;
            }
        }
    }
    let mut depth = vec![0usize; n];
    let mut out = Vec::new();
    for &i in &h.order {
        if let Some(p) = h.parent[i] {
            depth[i] = depth[p] + 1;
        }
        if !keep[i] {
            continue;
        }
        let node = &doc.tree.nodes[i];
        out.push(OutlineRow {
            depth: depth[i],
            level: doc.tree.levels.get(node.level).map(|l| l.name.clone()).unwrap_or_default(),
            statement: node.statement.clone(),
            indicators: node.indicators.len(),
        });
        if out.len() >= 200 {
            break;
        }
    }
    out
}
