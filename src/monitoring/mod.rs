//! Monitoring: the realisasi of the plan judged — capaian per indicator
//! (against the PK target, else the Renstra's), its category, each node's
//! capaian, and the budget rolled up the tree (each rupiah once). One
//! report for the screen, the printouts and `pokin capaian`.

pub mod measure;
pub mod realisasi;

pub use measure::{capaian, measure, normalise, parse_number, Measure};
pub use realisasi::TargetSource;

use crate::model::*;
use serde::Serialize;
use ts_rs::TS;

/// The capaian method in force: the indicator's, else by its direction
/// (down: Permenpan RB 6/2022's formula; otherwise up).
pub fn method_of(ind: &Indicator) -> CapaianMethod {
    ind.method.unwrap_or(match ind.direction {
        Some(Direction::Down) => CapaianMethod::Down,
        _ => CapaianMethod::Up,
    })
}

/// One indicator's capaian in a year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IndicatorCapaian {
    pub node: String,
    pub indicator: String,
    #[ts(optional)]
    pub target: Option<Value>,
    #[ts(optional)]
    pub target_source: Option<TargetSource>,
    #[ts(optional)]
    pub realisasi: Option<Value>,
    /// Percent, unrounded.
    #[ts(optional)]
    pub capaian: Option<f64>,
    /// Index into the report's categories.
    #[ts(optional)]
    pub category: Option<usize>,
    /// Why there is no capaian although a realisasi is recorded.
    #[ts(optional)]
    pub reason: Option<String>,
    /// The capaian to date after each quarter (TW I–IV) where quarters are recorded.
    pub quarters: Vec<Option<f64>>,
}

/// Pagu and realisasi anggaran.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
pub struct BudgetSum {
    #[ts(type = "number")]
    pub ceiling: i64,
    #[ts(type = "number")]
    pub spent: i64,
    /// spent / ceiling in percent (none without a ceiling).
    #[ts(optional)]
    pub serapan: Option<f64>,
}

impl BudgetSum {
    fn add(&mut self, other: &BudgetSum) {
        self.ceiling += other.ceiling;
        self.spent += other.spent;
        self.serapan = serapan(self.ceiling, self.spent);
    }
}

fn serapan(ceiling: i64, spent: i64) -> Option<f64> {
    (ceiling > 0).then(|| spent as f64 / ceiling as f64 * 100.0)
}

/// One node in a year: its capaian (the mean of its indicators'), its
/// category, and the budget of its branch.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NodeCapaian {
    pub node: String,
    #[ts(optional)]
    pub capaian: Option<f64>,
    #[ts(optional)]
    pub category: Option<usize>,
    /// The branch's budget: the node's own where it has one, else the sum
    /// of the topmost budgeted nodes below it.
    #[ts(optional)]
    pub budget: Option<BudgetSum>,
    /// Whether `budget` is the node's own (not summed from below).
    pub own_budget: bool,
    /// Capaian ÷ serapan: above 1, more result than the share of budget spent.
    #[ts(optional)]
    pub efficiency: Option<f64>,
}

/// A category as shown: its label, lower bound and colour.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CategoryInfo {
    pub label: String,
    #[ts(optional)]
    pub min: Option<f64>,
    /// `#rrggbb`.
    pub colour: String,
}

/// The monitoring of one year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CapaianReport {
    pub year: i32,
    pub categories: Vec<CategoryInfo>,
    /// The predicate scores in force (the document's, else the defaults).
    pub predicates: Vec<PredicateScore>,
    /// Every indicator with a target or a realisasi in the year, in the tree's reading order.
    pub indicators: Vec<IndicatorCapaian>,
    /// Every node with a capaian or a budget, in the tree's reading order.
    pub nodes: Vec<NodeCapaian>,
    /// The whole document's budget, each rupiah once.
    pub budget: BudgetSum,
}

/// Green (met and more) to red (far below), for 5 categories; others spread over it.
const CATEGORY_COLOURS: [&str; 5] = ["#1e7b34", "#7cb342", "#f2c12e", "#ef8a2c", "#d2322d"];

/// The categories in force with their colours (the legend's).
pub fn categories(doc: &Document) -> Vec<CategoryInfo> {
    category_infos(doc)
}

fn category_infos(doc: &Document) -> Vec<CategoryInfo> {
    let categories = doc.monitoring.categories();
    let k = categories.len();
    categories
        .into_iter()
        .enumerate()
        .map(|(i, c)| CategoryInfo {
            label: c.label,
            min: c.min,
            colour: CATEGORY_COLOURS[if k > 1 { i * 4 / (k - 1) } else { 0 }].to_string(),
        })
        .collect()
}

/// The category of a capaian: the first (highest) whose `min` it reaches;
/// the last takes the rest.
pub fn category_of(categories: &[CategoryInfo], capaian: f64) -> Option<usize> {
    categories.iter().position(|c| c.min.map_or(true, |min| capaian >= min)).or(categories.len().checked_sub(1))
}

/// One indicator's capaian in `year`.
pub fn indicator_capaian(doc: &Document, node: &Node, ind: &Indicator, year: i32, categories: &[CategoryInfo]) -> IndicatorCapaian {
    let predicates = doc.monitoring.predicates();
    let method = method_of(ind);
    let target = realisasi::target_of(ind, year);
    let real = realisasi::of_year(ind, year);
    let (capaian, reason) = match (target, &real) {
        (_, None) => (None, None),
        (None, Some(_)) => (None, Some(format!("tidak ada target tahun {year}"))),
        (Some((t, _)), Some(r)) => match capaian(t, r, method, &predicates) {
            Ok(c) => (Some(c), None),
            Err(why) => (None, Some(why)),
        },
    };
    let quarters = match (target, ind.quarters.get(&year)) {
        (Some((t, _)), Some(_)) => (1..=4)
            .map(|q| realisasi::to_quarter(ind, year, q).and_then(|r| measure::capaian(t, &r, method, &predicates).ok()))
            .collect(),
        _ => Vec::new(),
    };
    IndicatorCapaian {
        node: node.id.clone(),
        indicator: ind.id.clone(),
        target: target.map(|(t, _)| t.clone()),
        target_source: target.map(|(_, s)| s),
        realisasi: real,
        capaian,
        category: capaian.and_then(|c| category_of(categories, c)),
        reason,
        quarters,
    }
}

/// What an indicator's capaian in `year` would be with `value` as its
/// realisasi (of the year, or of `quarter` 1–4): the monitoring table's
/// figure while a cell is typed, before the edit is made. `None` where
/// the node or indicator does not exist.
pub fn preview(doc: &Document, node: &str, indicator: &str, year: i32, quarter: Option<u8>, value: Option<&Value>) -> Option<IndicatorCapaian> {
    let n = doc.node(node)?;
    let mut ind = n.indicators.iter().find(|i| i.id == indicator)?.clone();
    realisasi::put(&mut ind, year, quarter, value.and_then(normalise));
    Some(indicator_capaian(doc, n, &ind, year, &category_infos(doc)))
}

/// The year monitoring opens on (the screen, the printouts, `pokin
/// capaian`): the latest of the period with a realisasi recorded, else
/// this year held inside the period.
pub fn default_year(doc: &Document) -> i32 {
    let period = doc.document.period;
    let recorded = doc
        .tree
        .nodes
        .iter()
        .flat_map(|n| &n.indicators)
        .flat_map(|i| i.actuals.keys().chain(i.quarters.iter().filter(|(_, q)| q.iter().any(Option::is_some)).map(|(y, _)| y)))
        .copied()
        .filter(|y| period.years().contains(y))
        .max();
    recorded.unwrap_or_else(|| {
        let this_year = crate::clock::today().get(..4).and_then(|y| y.parse().ok()).unwrap_or(period.from);
        this_year.clamp(period.from, period.to.max(period.from))
    })
}

/// Each node's branch budget (by index into `tree.nodes`): its own where
/// it has one, else the sum of its primary children's; `None` where the
/// branch holds no budget. A budget recorded at two levels (a program's
/// pagu and its sub kegiatan's) is counted once, at the top.
pub fn budget_rollup(doc: &Document) -> (Vec<Option<BudgetSum>>, crate::model::Hierarchy) {
    let h = doc.hierarchy();
    let nodes = &doc.tree.nodes;
    let mut sums: Vec<Option<BudgetSum>> = vec![None; nodes.len()];
    // Children before parents: the reading order backwards.
    for &i in h.order.iter().rev() {
        let b = &nodes[i].budget;
        sums[i] = if b.ceiling.is_some() || b.spent.is_some() {
            let (ceiling, spent) = (b.ceiling.unwrap_or(0), b.spent.unwrap_or(0));
            Some(BudgetSum { ceiling, spent, serapan: serapan(ceiling, spent) })
        } else {
            let mut total: Option<BudgetSum> = None;
            for &c in &h.children[i] {
                if let Some(s) = &sums[c] {
                    total.get_or_insert_with(BudgetSum::default).add(s);
                }
            }
            total
        };
    }
    (sums, h)
}

/// The monitoring of `year`.
pub fn report(doc: &Document, year: i32) -> CapaianReport {
    let categories = category_infos(doc);
    let (sums, h) = budget_rollup(doc);
    let mut indicators = Vec::new();
    let mut nodes = Vec::new();
    let mut budget = BudgetSum::default();
    for &i in &h.order {
        let node = &doc.tree.nodes[i];
        let mut own = Vec::new();
        for ind in &node.indicators {
            if realisasi::target_of(ind, year).is_some() || realisasi::recorded(ind, year) {
                let c = indicator_capaian(doc, node, ind, year, &categories);
                own.extend(c.capaian);
                indicators.push(c);
            }
        }
        let capaian = (!own.is_empty()).then(|| own.iter().sum::<f64>() / own.len() as f64);
        if h.parent[i].is_none() {
            if let Some(s) = &sums[i] {
                budget.add(s);
            }
        }
        if capaian.is_some() || sums[i].is_some() {
            let efficiency = match (capaian, sums[i].and_then(|s| s.serapan)) {
                (Some(c), Some(s)) if s > 0.0 => Some(c / s),
                _ => None,
            };
            nodes.push(NodeCapaian {
                node: node.id.clone(),
                capaian,
                category: capaian.and_then(|c| category_of(&categories, c)),
                budget: sums[i],
                own_budget: node.budget.ceiling.is_some() || node.budget.spent.is_some(),
                efficiency,
            });
        }
    }
    CapaianReport { year, categories, predicates: doc.monitoring.predicates(), indicators, nodes, budget }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories() -> Vec<CategoryInfo> {
        category_infos(&Document::new("x", Period { from: 2025, to: 2029 }))
    }

    #[test]
    fn permendagri_86_2017_categories() {
        let c = categories();
        let label = |v: f64| c[category_of(&c, v).unwrap()].label.clone();
        assert_eq!(label(131.875), "Sangat Tinggi");
        assert_eq!(label(91.0), "Sangat Tinggi");
        assert_eq!(label(90.99), "Tinggi");
        assert_eq!(label(76.0), "Tinggi");
        assert_eq!(label(75.0), "Sedang");
        assert_eq!(label(66.0), "Sedang");
        assert_eq!(label(65.5), "Rendah");
        assert_eq!(label(51.0), "Rendah");
        assert_eq!(label(50.9), "Sangat Rendah");
        assert_eq!(label(-20.0), "Sangat Rendah");
        assert_eq!(c[0].colour, "#1e7b34");
        assert_eq!(c[4].colour, "#d2322d");
    }

    #[test]
    fn a_preview_computes_the_typed_value_without_editing() {
        let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
        let typed = Value::Text("80,0".into());
        let c = preview(&doc, "n3", "i3", 2024, None, Some(&typed)).unwrap();
        assert!((c.capaian.unwrap() - 125.0).abs() < 1e-9);
        let c = preview(&doc, "n3", "i3", 2024, Some(1), Some(&Value::from(32.0))).unwrap();
        assert!((c.quarters[0].unwrap() - 50.0).abs() < 1e-9);
        assert!(doc.node("n3").unwrap().indicators[0].actuals.get(&2024).is_none());
        assert!(preview(&doc, "n3", "i9", 2024, None, None).is_none());
    }

    #[test]
    fn the_method_follows_the_direction_unless_chosen() {
        let mut ind = Indicator::default();
        assert_eq!(method_of(&ind), CapaianMethod::Up);
        ind.direction = Some(Direction::Down);
        assert_eq!(method_of(&ind), CapaianMethod::Down);
        ind.method = Some(CapaianMethod::DownRatio);
        assert_eq!(method_of(&ind), CapaianMethod::DownRatio);
    }
}
