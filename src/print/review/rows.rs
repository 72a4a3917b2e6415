//! The rows of the review report's tables: labels and text, a thread with
//! its replies, a worksheet verdict, and the recommendation each gives.

use super::{BODY_PT, LABEL_PT};
use crate::layout::table::{Cell, RowSpec, TextStyle};
use crate::model::{Annotation, Document, Kke, Mark, Target};
use crate::worksheet::WorksheetRow;

pub(super) fn label(text: impl Into<String>) -> Cell {
    Cell::new(text, TextStyle::new(LABEL_PT, true).line_height(8.8))
}

pub(super) fn body(text: impl Into<String>) -> Cell {
    Cell::new(text, TextStyle::new(BODY_PT, false).line_height(10.0))
}

pub(super) fn row(cells: Vec<Cell>) -> RowSpec {
    RowSpec::new(cells, 3.0, 3.5)
}

/// "Budi (Inspektorat) · 12 Maret 2026", what is known of it.
fn byline(author: &str, role: &str, at: &str) -> String {
    let who = match (author.is_empty(), role.is_empty()) {
        (false, false) => format!("{author} ({role})"),
        (false, true) => author.to_string(),
        (true, false) => role.to_string(),
        (true, true) => String::new(),
    };
    [who, if at.is_empty() { String::new() } else { crate::format::date(at) }].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n")
}

/// What the thread is about within its node, or elsewhere in the document.
pub(super) fn about(doc: &Document, target: &Target) -> String {
    let statement = |id: &str| doc.node(id).map_or_else(|| id.to_string(), |n| n.statement.clone());
    match target {
        Target::Node(_) => String::new(),
        Target::Indicator(n, i) => {
            let name = doc.node(n).and_then(|n| n.indicators.iter().find(|x| &x.id == i)).map_or(i.as_str(), |x| x.name.as_str());
            format!("Indikator “{name}”")
        }
        Target::Link(_, to) => format!("Keterkaitan ke “{}”", statement(to)),
        Target::Unit(u) => format!("Unit kerja “{}”", doc.unit(u).map_or(u.as_str(), |u| u.name.as_str())),
        Target::Process(p) => format!("Proses bisnis “{}”", doc.process(p).map_or(p.as_str(), |p| p.name.as_str())),
        Target::Flow(f) => format!("Peta lintas fungsi “{}”", doc.flow(f).map_or(f.as_str(), |f| f.name.as_str())),
        Target::Step(f, s) => format!("Langkah {s} pada peta lintas fungsi “{}”", doc.flow(f).map_or(f.as_str(), |f| f.name.as_str())),
        Target::Document(()) => "Dokumen secara umum".to_string(),
    }
}

/// A thread's rows: the thread, then each reply indented under it.
pub(super) fn thread_rows(doc: &Document, number: usize, a: &Annotation, rows: &mut Vec<RowSpec>) {
    let mut head = format!("Catatan {number} · {}", a.status.label());
    let by = byline(&a.author, &a.role, &a.at);
    if !by.is_empty() {
        head = format!("{head}\n{by}");
    }
    if a.round > 0 {
        head = format!("{head}\nReviu ke-{}", a.round);
    }
    let mut text = a.text.clone();
    let about = about(doc, &a.on);
    if let Some(rule) = a.rule.as_deref().filter(|r| !r.is_empty()) {
        text = format!("[{rule}] {text}");
    }
    if !about.is_empty() {
        text = format!("{about}:\n{text}");
    }
    rows.push(row(vec![label(head), body(text)]).keep_with_next(!a.replies.is_empty()));
    for reply in &a.replies {
        let by = byline(&reply.author, &reply.role, &reply.at);
        let head = if by.is_empty() { "Tanggapan".to_string() } else { format!("Tanggapan\n{by}") };
        rows.push(row(vec![label(head).indented(8.0), body(reply.text.clone()).indented(8.0)]));
    }
}

fn mark_text(kke: Kke, mark: Mark) -> &'static str {
    match (kke, mark) {
        (_, Mark::Y) => "Y (ya)",
        (_, Mark::K) => "K (kurang logis)",
        (Kke::Cascade, Mark::T) => "T (tidak logis)",
        (Kke::Indicators, Mark::T) => "T (tidak)",
    }
}

/// What a worksheet row is about: the indicator (Format 1) or the link to the parent (Format 2).
fn verdict_subject(row: &WorksheetRow) -> String {
    match (&row.indicator, &row.parent) {
        (Some(name), _) => match row.unit.as_deref().filter(|u| !u.is_empty()) {
            Some(unit) => format!("Indikator “{name}” ({unit})"),
            None => format!("Indikator “{name}”"),
        },
        (None, Some(parent)) => format!("Keterkaitan ke “{parent}”"),
        _ => "Keterkaitan".to_string(),
    }
}

pub(super) fn verdict_row(kke: Kke, verdict: &WorksheetRow) -> RowSpec {
    let mut lines = vec![verdict_subject(verdict)];
    for cell in verdict.cells.iter().filter(|c| matches!(c.mark, Some(Mark::T | Mark::K))) {
        let mark = mark_text(kke, cell.mark.expect("filtered"));
        let by = if cell.auto { "otomatis" } else { "penilaian pereviu" };
        // The validator's reason explains its own mark only.
        let reason = if cell.auto && !cell.reason.is_empty() { format!(" — {}", cell.reason) } else { String::new() };
        lines.push(format!("{}: {mark}, {by}{reason}", cell.criterion.label()));
    }
    if !verdict.note.trim().is_empty() {
        lines.push(format!("Catatan untuk perbaikan: {}", verdict.note.trim()));
    }
    let mut head = format!("Penilaian KKE Format {}", kke.number());
    let by = byline(&verdict.author, "", &verdict.at);
    if !by.is_empty() {
        head = format!("{head}\n{by}");
    }
    row(vec![label(head), body(lines.join("\n"))])
}

/// The recommendation of a verdict row: its note, else the reasons of its
/// marks, else what to put right.
pub(super) fn verdict_recommendation(verdict: &WorksheetRow) -> String {
    let marked: Vec<_> = verdict.cells.iter().filter(|c| matches!(c.mark, Some(Mark::T | Mark::K))).collect();
    let what = if !verdict.note.trim().is_empty() {
        verdict.note.trim().to_string()
    } else if marked.iter().any(|c| c.auto && !c.reason.is_empty()) {
        marked.iter().filter(|c| c.auto && !c.reason.is_empty()).map(|c| c.reason.trim_end_matches('.')).collect::<Vec<_>>().join("; ")
    } else {
        let labels: Vec<&str> = marked.iter().map(|c| c.criterion.label()).collect();
        format!("Perbaiki agar memenuhi kriteria {}", labels.join(", "))
    };
    format!("{}: {}", verdict_subject(verdict), what)
}

