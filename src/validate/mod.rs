//! The cascade validator: the rules of `docs/rules.md`, each its
//! own module under `rules/` with valid and invalid fixtures in
//! `tests/fixtures/rules/<ID>/`.
//!
//! A [`Context`] is built once per run (id maps, primary parents, the
//! petgraph graph of the tree and of each flow), so every rule is linear
//! in the size of the document.

mod context;
mod rules;
mod text;

pub use context::Context;

use crate::model::{Document, RuleSetting, Target};
use serde::Serialize;
use ts_rs::TS;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The word the UI and the text report use.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "kesalahan",
            Severity::Warning => "peringatan",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub target: Target,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub hint: Option<Cow<'static, str>>,
    /// The reason, where the planner accepted this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub accepted: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    /// Exit status of `pokin validate`: 1 where a counted finding is an error.
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }

    /// The threads opened on a finding (a rule and its target) that no
    /// longer fires: "mungkin sudah diperbaiki — periksa".
    pub fn fixed_threads<'a>(&self, doc: &'a crate::model::Document) -> Vec<&'a str> {
        doc.annotations
            .iter()
            .filter(|a| a.status.is_open())
            .filter(|a| a.rule.as_ref().is_some_and(|rule| !self.findings.iter().any(|f| f.rule == rule && f.target == a.on)))
            .map(|a| a.id.as_str())
            .collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports serialise")
    }
}

/// Where rules put what they find; the runner adds rule id and severity.
pub struct Sink {
    found: Vec<(Target, String, Option<Cow<'static, str>>)>,
}

impl Sink {
    /// `hint` is usually a literal: a `&'static str` costs no allocation.
    pub fn push(&mut self, target: Target, message: impl Into<String>, hint: impl Into<Cow<'static, str>>) {
        let hint = hint.into();
        self.found.push((target, message.into(), (!hint.is_empty()).then_some(hint)));
    }
}

/// One rule of the catalogue.
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    /// What it checks, in Indonesian (shown in the rule settings).
    pub title: &'static str,
    /// What its findings are, counted: the noun phrase after the number in
    /// a group's heading ("57 keterkaitan tanpa justifikasi").
    pub group: &'static str,
    check: fn(&Context, &mut Sink),
}

/// Every rule, in catalogue order.
pub fn rules() -> &'static [Rule] {
    rules::ALL
}

pub fn is_rule_id(id: &str) -> bool {
    rules::ALL.iter().any(|r| r.id == id)
}

/// Runs every rule that is not switched off in the document's settings.
pub fn validate(doc: &Document) -> Report {
    let cx = Context::new(doc);
    let active: Vec<(&Rule, Severity)> = rules::ALL
        .iter()
        .filter_map(|rule| {
            let severity = match doc.validation.rules.get(rule.id) {
                Some(RuleSetting::Off) => return None,
                Some(RuleSetting::Info) => Severity::Info,
                Some(RuleSetting::Warning) => Severity::Warning,
                Some(RuleSetting::Error) => Severity::Error,
                None => rule.default,
            };
            Some((rule, severity))
        })
        .collect();
    // Rules are independent readers of the context: run them on every core,
    // then put their findings back in catalogue order.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&(rule, severity)) = active.get(i) else { break };
            done.push((i, run_rule(&cx, rule, severity)));
        }
        done
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let mut done: Vec<(usize, Vec<Finding>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
        let mut done = worker();
        for helper in helpers {
            done.extend(helper.join().expect("rule panics are caught inside run_rule"));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    let mut findings: Vec<Finding> = done.into_iter().flat_map(|(_, f)| f).collect();
    if !doc.validation.accepted.is_empty() {
        for finding in &mut findings {
            finding.accepted = doc
                .validation
                .accepted
                .iter()
                .find(|a| a.rule == finding.rule && a.target == finding.target)
                .map(|a| a.reason.clone());
        }
    }
    let mut summary = Summary::default();
    for f in findings.iter().filter(|f| f.accepted.is_none()) {
        match f.severity {
            Severity::Error => summary.error += 1,
            Severity::Warning => summary.warning += 1,
            Severity::Info => summary.info += 1,
        }
    }
    Report { findings, summary }
}

/// Runs one rule; a rule that panics becomes an `internal` finding.
fn run_rule(cx: &Context, rule: &Rule, severity: Severity) -> Vec<Finding> {
    let mut sink = Sink { found: Vec::new() };
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (rule.check)(cx, &mut sink)));
    if let Err(panic) = run {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        return vec![Finding {
            rule: "internal",
            severity: Severity::Error,
            target: Target::Document(()),
            message: format!("Aturan {} gagal dijalankan ({why}); aturan lain tetap diperiksa.", rule.id),
            hint: Some(Cow::Borrowed("Laporkan dokumen ini ke pengembang Pokin Studio.")),
            accepted: None,
        }];
    }
    sink.found
        .into_iter()
        .map(|(target, message, hint)| Finding { rule: rule.id, severity, target, message, hint, accepted: None })
        .collect()
}

/// What the findings of a rule are called, counted ("keterkaitan tanpa
/// justifikasi"): the catalogue's `group`; "temuan" for an unknown rule.
pub fn group_phrase(rule: &str) -> &'static str {
    match rule {
        "internal" => "aturan yang gagal dijalankan",
        _ => rules::ALL.iter().find(|r| r.id == rule).map_or("temuan", |r| r.group),
    }
}

/// "P016 · 57 keterkaitan tanpa justifikasi": a rule's group as the text
/// report and the findings panel head it (`count`: the findings that count,
/// accepted ones left out).
pub fn group_heading(rule: &str, count: usize) -> String {
    format!("{rule} · {count} {}", group_phrase(rule))
}

/// The findings of one rule, as they are shown together.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleGroup<'a> {
    pub rule: &'static str,
    pub severity: Severity,
    /// Findings that count (not accepted).
    pub count: usize,
    /// Accepted findings.
    pub accepted: usize,
    /// The open findings in report order, then the accepted ones.
    pub findings: Vec<&'a Finding>,
}

impl RuleGroup<'_> {
    /// "P016 · 57 keterkaitan tanpa justifikasi"
    pub fn heading(&self) -> String {
        group_heading(self.rule, self.count)
    }

    /// The hint every finding of the group gives, where they all give the same.
    pub fn shared_hint(&self) -> Option<&str> {
        let first = self.findings.first()?.hint.as_deref()?;
        self.findings.iter().all(|f| f.hint.as_deref() == Some(first)).then_some(first)
    }
}

/// The report's findings grouped by rule: errors first, then warnings, then
/// info; rules of one severity in catalogue (report) order. JSON output keeps
/// one entry per finding; this is how people read them.
pub fn group_by_rule(report: &Report) -> Vec<RuleGroup<'_>> {
    let mut groups: Vec<RuleGroup> = Vec::new();
    for f in &report.findings {
        let g = match groups.iter().position(|g| g.rule == f.rule && g.severity == f.severity) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(RuleGroup { rule: f.rule, severity: f.severity, count: 0, accepted: 0, findings: Vec::new() });
                groups.last_mut().expect("just pushed")
            }
        };
        if f.accepted.is_some() {
            g.accepted += 1;
        } else {
            g.count += 1;
        }
        g.findings.push(f);
    }
    for g in &mut groups {
        // Stable: report order within the open ones and within the accepted ones.
        g.findings.sort_by_key(|f| f.accepted.is_some());
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.severity));
    groups
}

/// The text report of `pokin validate --format text`: one heading per rule
/// with its count and severity, the hint once where all its findings share
/// it, then its findings one a line with their place.
pub fn to_text(report: &Report, doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for g in group_by_rule(report) {
        let accepted = if g.accepted > 0 { format!(", {} diterima", g.accepted) } else { String::new() };
        let _ = writeln!(out, "{} ({}{accepted})", g.heading(), g.severity.label());
        let shared = g.shared_hint();
        if let Some(hint) = shared {
            let _ = writeln!(out, "  saran: {hint}");
        }
        for f in &g.findings {
            let _ = writeln!(out, "  [{}] {}", describe_target(doc, &f.target), f.message);
            if let Some(hint) = f.hint.as_deref().filter(|_| shared.is_none()) {
                let _ = writeln!(out, "      saran: {hint}");
            }
            if let Some(reason) = &f.accepted {
                let _ = writeln!(out, "      diterima: {reason}");
            }
        }
    }
    let s = &report.summary;
    let _ = writeln!(out, "{} kesalahan, {} peringatan, {} info", s.error, s.warning, s.info);
    out
}

/// "simpul n3", "indikator n3/i1", "langkah f1/s4" …
pub fn describe_target(_doc: &Document, target: &Target) -> String {
    match target {
        Target::Node(n) => format!("simpul {n}"),
        Target::Link(a, b) => format!("keterkaitan {a} → {b}"),
        Target::Indicator(n, i) => format!("indikator {n}/{i}"),
        Target::Unit(u) => format!("unit {u}"),
        Target::Process(p) => format!("proses {p}"),
        Target::Flow(f) => format!("peta lintas fungsi {f}"),
        Target::Step(f, s) => format!("langkah {f}/{s}"),
        Target::Document(()) => "dokumen".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_rule_becomes_an_internal_finding() {
        let rule = Rule { id: "X999", default: Severity::Warning, title: "uji", group: "uji", check: |_, _| panic!("uji gagal") };
        let doc = Document::new("T", crate::model::Period { from: 2025, to: 2025 });
        let found = run_rule(&Context::new(&doc), &rule, Severity::Warning);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "internal");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].message, "Aturan X999 gagal dijalankan (uji gagal); aturan lain tetap diperiksa.");
    }

    #[test]
    fn every_rule_counts_its_findings_with_a_phrase() {
        for rule in rules() {
            assert!(!rule.group.trim().is_empty(), "{}", rule.id);
            assert_eq!(rule.group, rule.group.to_lowercase(), "{}: a phrase read after a number", rule.id);
        }
        assert_eq!(group_heading("P016", 57), "P016 · 57 keterkaitan tanpa justifikasi");
        assert_eq!(group_heading("P014", 36), "P014 · 36 simpul tanpa penanggung jawab");
        assert_eq!(group_phrase("X999"), "temuan");
    }

    #[test]
    fn findings_grouped_by_rule_errors_first() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let report = validate(&doc);
        let groups = group_by_rule(&report);
        assert_eq!(groups.iter().map(|g| g.findings.len()).sum::<usize>(), report.findings.len());
        assert!(groups.windows(2).all(|w| w[0].severity >= w[1].severity));
        let p016 = groups.iter().find(|g| g.rule == "P016").unwrap();
        assert_eq!(p016.heading(), "P016 · 47 keterkaitan tanpa justifikasi");
        assert_eq!(p016.shared_hint(), Some("Tuliskan alasannya, misalnya dengan merujuk regulasi atau kajian."));
        assert_eq!(groups[0].heading(), "P007 · 17 kondisi tanpa indikator");

        // Accepted findings leave the count and go last in their group.
        let first = p016.findings[0].clone();
        doc.validation.accepted.push(crate::model::Accepted {
            rule: "P016".into(),
            target: first.target.clone(),
            reason: "Dijelaskan di Renstra".into(),
            by: String::new(),
            at: String::new(),
        });
        let report = validate(&doc);
        let groups = group_by_rule(&report);
        let p016 = groups.iter().find(|g| g.rule == "P016").unwrap();
        assert_eq!((p016.count, p016.accepted), (46, 1));
        assert_eq!(p016.findings.last().unwrap().target, first.target);
        let text = to_text(&report, &doc);
        assert!(text.contains("\nP016 · 46 keterkaitan tanpa justifikasi (info, 1 diterima)\n  saran: Tuliskan alasannya"), "{text}");
        assert!(text.contains("      diterima: Dijelaskan di Renstra\n"), "{text}");
    }

    #[test]
    fn the_text_report_heads_each_rule_once() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let report = validate(&doc);
        let text = to_text(&report, &doc);
        let headings: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
        let rules: std::collections::BTreeSet<&str> = report.findings.iter().map(|f| f.rule).collect();
        // One heading per rule, and the summary.
        assert_eq!(headings.len(), rules.len() + 1, "{text}");
        assert!(headings.starts_with(&["P007 · 17 kondisi tanpa indikator (kesalahan)"]), "{text}");
        assert!(headings.contains(&"P016 · 47 keterkaitan tanpa justifikasi (info)"), "{text}");
        let s = &report.summary;
        assert_eq!(*headings.last().unwrap(), format!("{} kesalahan, {} peringatan, {} info", s.error, s.warning, s.info));
        // A link finding names both statements, not the ids; the place keeps them.
        assert!(text.contains("  [keterkaitan n3 → n2] Keterkaitan «Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN» → «Meningkatnya Manajemen ASN melalui Sistem Merit» belum punya justifikasi"), "{text}");
        // A hint shared by a whole group is said once, under its heading.
        assert_eq!(text.matches("saran: Tuliskan alasannya").count(), 1);
        assert!(!text.contains("galat"));
    }

    #[test]
    fn findings_keep_catalogue_order() {
        let doc = crate::synth::generate(&crate::synth::Options { nodes: 300, flows: 2, seed: 9 });
        let report = validate(&doc);
        let order: Vec<usize> =
            report.findings.iter().map(|f| rules().iter().position(|r| r.id == f.rule).unwrap()).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(report, validate(&doc));
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! The fixture harness every rule's tests use.
    use super::*;
    use std::collections::BTreeSet;

    fn fixture(rule: &str, name: &str) -> String {
        let path = format!("{}/tests/fixtures/rules/{rule}/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn findings_of(rule: &str, doc: &Document) -> Vec<Finding> {
        validate(doc).findings.into_iter().filter(|f| f.rule == rule).collect()
    }

    /// valid.json yields no finding of `rule`; invalid.json yields exactly
    /// the targets of expected.json, each with a message and the rule's
    /// default severity.
    pub fn check_fixtures(rule: &str) {
        let valid = crate::interchange::json::from_str(&fixture(rule, "valid.json"), "valid.json").unwrap();
        let found = findings_of(rule, &valid);
        assert!(found.is_empty(), "{rule} valid.json: {found:#?}");

        let invalid = crate::interchange::json::from_str(&fixture(rule, "invalid.json"), "invalid.json").unwrap();
        #[derive(serde::Deserialize)]
        struct Expected {
            rule: String,
            target: Target,
        }
        let expected: Vec<Expected> = serde_json::from_str(&fixture(rule, "expected.json")).unwrap();
        let mut want: Vec<Target> = expected.into_iter().filter(|e| e.rule == rule).map(|e| e.target).collect();
        let found = findings_of(rule, &invalid);
        let mut got: Vec<Target> = found.iter().map(|f| f.target.clone()).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{rule} invalid.json findings: {found:#?}");
        let default = rules().iter().find(|r| r.id == rule).unwrap().default;
        for f in &found {
            assert!(!f.message.trim().is_empty());
            assert_eq!(f.severity, default);
        }
        let _ = BTreeSet::<()>::new();
    }
}

#[cfg(test)]
mod review_tests {
    use crate::model::Annotation;

    #[test]
    fn a_thread_on_a_finding_that_no_longer_fires_is_flagged() {
        let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let report = super::validate(&doc);
        let finding = report.findings.first().expect("the sample has findings").clone();
        let thread = |id: &str, rule: &str| Annotation { id: id.into(), rule: Some(rule.into()), ..Annotation::new(finding.target.clone(), "Periksa") };
        doc.annotations.push(thread("c1", finding.rule));
        doc.annotations.push(thread("c2", "P999"));
        assert_eq!(report.fixed_threads(&doc), vec!["c2"]);
    }
}
