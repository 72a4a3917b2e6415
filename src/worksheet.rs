//! The two worksheets (Kertas Kerja Evaluasi) of the Pohon Kinerja
//! evaluation (Permenpan RB 88/2021 LKE), as the e-SAKIP forms lay them
//! out: rows, marks, notes and the percentage.
//!
//! A mark is the reviewer's where one was entered (`Document::verdicts`),
//! else the validator's where its findings decide ("otomatis"), else
//! empty (not yet judged, scored 0 as the forms count it). The validator's
//! rules are the one place the logic lives: a worksheet only reads their
//! findings.

use crate::model::*;
use crate::validate::{Finding, Report};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;
use ts_rs::TS;

/// A worksheet with its rows and scores.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Worksheet {
    pub kke: Kke,
    pub title: String,
    pub criteria: Vec<Column>,
    pub rows: Vec<WorksheetRow>,
    /// Format 1: Σ SMART marks / (indicators × 5) × 100; Format 2:
    /// Σ marks (Y 1, K 0.5, T 0) / rows × 100. 0 with no rows.
    pub percentage: f64,
    /// Format 1 only: Σ Menantang / indicators × 100.
    #[ts(optional)]
    pub challenging: Option<f64>,
    /// Cells with no mark yet.
    pub unjudged: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Column {
    pub criterion: Criterion,
    pub label: String,
    pub short: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorksheetRow {
    /// The verdict id of this row (`Verdict::id_for`).
    pub id: String,
    pub on: Target,
    pub node: String,
    pub level: String,
    pub statement: String,
    /// Format 1: the indicator's name and unit.
    #[ts(optional)]
    pub indicator: Option<String>,
    #[ts(optional)]
    pub unit: Option<String>,
    /// Format 2: the statement of the node's parent (the row judges the link to it).
    #[ts(optional)]
    pub parent: Option<String>,
    /// Format 2: the statements above the node, from the top; the second
    /// (the Ultimate Outcome, the Sasaran Strategis) groups the rows.
    pub path: Vec<String>,
    pub cells: Vec<Cell>,
    pub note: String,
    pub author: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Cell {
    pub criterion: Criterion,
    #[ts(optional)]
    pub mark: Option<Mark>,
    /// The mark is the validator's (no reviewer's entry).
    pub auto: bool,
    /// Why, for an automatic mark: the findings that decided it.
    pub reason: String,
}

/// Format 1: the rules whose finding on an indicator makes a criterion T;
/// where the criterion is listed with `decides` and none fires, it is Y.
struct Decision {
    criterion: Criterion,
    rules: &'static [&'static str],
    /// Whether no finding means Y (the rules check the whole criterion).
    decides: bool,
    fine: &'static str,
}

const INDICATOR_DECISIONS: &[Decision] = &[
    Decision { criterion: Criterion::Specific, rules: &["P012"], decides: false, fine: "" },
    Decision {
        criterion: Criterion::Measurable,
        rules: &["P008", "P023"],
        decides: true,
        fine: "Bersatuan dan memuat ukuran (jumlah, persentase, indeks …)",
    },
    Decision { criterion: Criterion::Achievable, rules: &[], decides: false, fine: "" },
    Decision { criterion: Criterion::Relevant, rules: &["P021"], decides: false, fine: "" },
    Decision { criterion: Criterion::TimeBound, rules: &["P009"], decides: true, fine: "Ada target untuk setiap tahun periode" },
    Decision {
        criterion: Criterion::Challenging,
        rules: &["P017", "P024"],
        decides: true,
        fine: "Target tidak turun dan tidak di bawah realisasi tahun sebelumnya",
    },
];

/// Format 2: the cascade rules whose finding on a node or on its link to
/// its parent makes the link "tidak logis".
const CASCADE_RULES: &[&str] = &["P001", "P003", "P005", "P012", "P013"];

/// The worksheet `kke` of `doc`, prefilled from its findings now.
pub fn for_document(doc: &Document, kke: Kke) -> Worksheet {
    worksheet(doc, &crate::validate::validate(doc), kke)
}

/// The worksheet `kke` of `doc`, prefilled from `report` (the document's findings).
pub fn worksheet(doc: &Document, report: &Report, kke: Kke) -> Worksheet {
    let findings = FindingIndex::new(report);
    let entered: HashMap<&str, &Verdict> = doc.verdicts.iter().map(|v| (v.id.as_str(), v)).collect();
    let tree = doc.hierarchy();
    let level_name = |n: &Node| doc.tree.levels.get(n.level).map_or_else(String::new, |l| l.name.clone());
    let mut rows = Vec::new();
    for &i in &tree.order {
        let node = &doc.tree.nodes[i];
        match kke {
            Kke::Indicators => {
                for indicator in &node.indicators {
                    let on = Target::Indicator(node.id.clone(), indicator.id.clone());
                    let mut auto: Vec<Cell> = INDICATOR_DECISIONS.iter().map(|d| findings.decide(d, &on)).collect();
                    // With no target at all there is nothing to call challenging (or not).
                    if indicator.targets.is_empty() {
                        for cell in auto.iter_mut().filter(|c| c.criterion == Criterion::Challenging && c.mark == Some(Mark::Y)) {
                            (cell.mark, cell.auto, cell.reason) = (None, false, String::new());
                        }
                    }
                    let mut row = blank_row(kke, on, node, level_name(node), auto);
                    row.indicator = Some(indicator.name.clone());
                    row.unit = Some(indicator.unit.clone());
                    apply_entered(&mut row, &entered);
                    rows.push(row);
                }
            }
            Kke::Cascade => {
                let Some(parent) = tree.parent[i] else { continue };
                let on = Target::Node(node.id.clone());
                let link = Target::Link(node.id.clone(), doc.tree.nodes[parent].id.clone());
                let fired: Vec<&Finding> = findings.on_any(&[&on, &link], CASCADE_RULES);
                let cell = Cell {
                    criterion: Criterion::Logical,
                    mark: (!fired.is_empty()).then_some(Mark::T),
                    auto: !fired.is_empty(),
                    reason: reasons(&fired),
                };
                let mut row = blank_row(kke, on, node, level_name(node), vec![cell]);
                row.parent = Some(doc.tree.nodes[parent].statement.clone());
                row.path = tree.path(i).into_iter().map(|a| doc.tree.nodes[a].statement.clone()).collect();
                apply_entered(&mut row, &entered);
                rows.push(row);
            }
        }
    }
    score(kke, rows)
}

/// A row of `node` on `on` with its automatic cells, nothing entered yet.
fn blank_row(kke: Kke, on: Target, node: &Node, level: String, cells: Vec<Cell>) -> WorksheetRow {
    WorksheetRow {
        id: Verdict::id_for(kke, &on).expect("rows are on indicators (Format 1) or nodes (Format 2)"),
        on,
        node: node.id.clone(),
        level,
        statement: node.statement.clone(),
        indicator: None,
        unit: None,
        parent: None,
        path: Vec::new(),
        cells,
        note: String::new(),
        author: String::new(),
        at: String::new(),
    }
}

/// The reviewer's entries on the row, over the automatic marks.
fn apply_entered(row: &mut WorksheetRow, entered: &HashMap<&str, &Verdict>) {
    let Some(v) = entered.get(row.id.as_str()) else { return };
    for cell in &mut row.cells {
        if let Some(mark) = v.marks.get(&cell.criterion) {
            cell.mark = Some(*mark);
            cell.auto = false;
        }
    }
    row.note = v.note.clone();
    row.author = v.author.clone();
    row.at = v.at.clone();
}

fn score(kke: Kke, rows: Vec<WorksheetRow>) -> Worksheet {
    let mark_sum = |criteria: &[Criterion]| -> f64 {
        rows.iter()
            .flat_map(|r| &r.cells)
            .filter(|c| criteria.contains(&c.criterion))
            .filter_map(|c| c.mark.map(Mark::score))
            .sum()
    };
    let percent = |sum: f64, of: usize| if of == 0 { 0.0 } else { round2(sum / of as f64 * 100.0) };
    let (percentage, challenging) = match kke {
        Kke::Indicators => {
            let smart = [Criterion::Specific, Criterion::Measurable, Criterion::Achievable, Criterion::Relevant, Criterion::TimeBound];
            (percent(mark_sum(&smart), rows.len() * 5), Some(percent(mark_sum(&[Criterion::Challenging]), rows.len())))
        }
        Kke::Cascade => (percent(mark_sum(&[Criterion::Logical]), rows.len()), None),
    };
    let unjudged = rows.iter().flat_map(|r| &r.cells).filter(|c| c.mark.is_none()).count();
    Worksheet {
        kke,
        title: kke.title().to_string(),
        criteria: kke.criteria().iter().map(|&c| Column { criterion: c, label: c.label().into(), short: c.short().into() }).collect(),
        rows,
        percentage,
        challenging,
        unjudged,
    }
}

/// Two decimals; never -0 (an empty f64 sum is -0.0).
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn reasons(findings: &[&Finding]) -> String {
    findings.iter().map(|f| format!("{}: {}", f.rule, f.message)).collect::<Vec<_>>().join(" ")
}

/// The report's findings by target.
struct FindingIndex<'a> {
    by_target: HashMap<&'a Target, Vec<&'a Finding>>,
}

impl<'a> FindingIndex<'a> {
    fn new(report: &'a Report) -> Self {
        let mut by_target: HashMap<&Target, Vec<&Finding>> = HashMap::new();
        for f in &report.findings {
            by_target.entry(&f.target).or_default().push(f);
        }
        FindingIndex { by_target }
    }

    fn on_any(&self, targets: &[&Target], rules: &[&str]) -> Vec<&'a Finding> {
        targets
            .iter()
            .flat_map(|t| self.by_target.get(t).into_iter().flatten())
            .filter(|f| rules.contains(&f.rule))
            .copied()
            .collect()
    }

    fn decide(&self, d: &Decision, on: &Target) -> Cell {
        let fired = self.on_any(&[on], d.rules);
        let (mark, reason) = if !fired.is_empty() {
            (Some(Mark::T), reasons(&fired))
        } else if d.decides {
            (Some(Mark::Y), d.fine.to_string())
        } else {
            (None, String::new())
        };
        Cell { criterion: d.criterion, mark, auto: mark.is_some(), reason }
    }
}

/// The worksheet as text: one line per row, then the score.
pub fn to_text(ws: &Worksheet) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", ws.title);
    let heads: Vec<&str> = ws.criteria.iter().map(|c| c.short.as_str()).collect();
    for (n, row) in ws.rows.iter().enumerate() {
        let marks: Vec<String> = row
            .cells
            .iter()
            .zip(&heads)
            .map(|(c, h)| format!("{h}={}{}", c.mark.map_or("-", Mark::label), if c.auto { "*" } else { "" }))
            .collect();
        let what = match (&row.indicator, &row.parent) {
            (Some(ind), _) => format!("{} — {}", row.statement, ind),
            (None, Some(parent)) => format!("{} → {}", row.statement, parent),
            _ => row.statement.clone(),
        };
        let _ = writeln!(out, "{:>3}. [{}] {}  {}", n + 1, row.node, what, marks.join(" "));
        if !row.note.is_empty() {
            let _ = writeln!(out, "     Catatan: {}", row.note);
        }
    }
    let _ = writeln!(out, "(* otomatis dari pemeriksaan; - belum dinilai: {} sel)", ws.unjudged);
    let _ = writeln!(out, "Persentase: {}", percent_text(ws.percentage));
    if let Some(c) = ws.challenging {
        let _ = writeln!(out, "Menantang: {}", percent_text(c));
    }
    out
}

/// "87,5 %" as Indonesian writes it.
pub fn percent_text(x: f64) -> String {
    let text = format!("{:.2}", x + 0.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{} %", text.replace('.', ","))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    #[test]
    fn percentages_follow_the_forms() {
        assert_eq!(percent_text(87.5), "87,5 %");
        assert_eq!(percent_text(100.0), "100 %");
        assert_eq!(percent_text(33.33), "33,33 %");
        assert_eq!(percent_text(-0.0), "0 %");
        assert_eq!(round2(-0.0).to_string(), "0");
    }

    #[test]
    fn a_reviewers_mark_overrides_the_automatic_one_and_counts() {
        let mut doc = lumajang();
        let report = crate::validate::validate(&doc);
        let before = worksheet(&doc, &report, Kke::Cascade);
        let row = &before.rows[0];
        crate::edit::execute(
            &mut doc,
            &crate::edit::Op::SetVerdictMark {
                kke: Kke::Cascade,
                on: row.on.clone(),
                criterion: Criterion::Logical,
                mark: Some(Mark::K),
                author: "Inspektorat".into(),
                role: String::new(),
            },
        )
        .unwrap();
        let after = worksheet(&doc, &report, Kke::Cascade);
        assert_eq!(after.rows[0].cells[0].mark, Some(Mark::K));
        assert!(!after.rows[0].cells[0].auto);
        let n = after.rows.len() as f64;
        let old = before.rows[0].cells[0].mark.map_or(0.0, Mark::score);
        assert!((after.percentage - round2(before.percentage + (0.5 - old) / n * 100.0)).abs() < 0.02);
    }
}
