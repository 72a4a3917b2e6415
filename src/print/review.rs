//! The printed review report, "Catatan Hasil Reviu Pohon Kinerja", on A4
//! or F4 portrait: the review's identity (agency, period, round, date,
//! team), a summary (threads by status, the two worksheet percentages),
//! then one section per node that has review threads or verdicts other
//! than Y — its path, statement, indicators, a small picture of it with its
//! parent and children (`picture`), the threads with their replies and the
//! verdicts —, the numbered recommendations and the team leader's
//! signature.
//!
//! Every block is a paged table (`layout::table`) flowed down the sheets:
//! rows never split, a section continuing on the next sheet repeats its
//! heading with "(lanjutan)", and no heading is left alone at a page's foot.

mod picture;
mod rows;

use super::furniture::{draw_heading, draw_signer, Signer, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use super::{Drawn, PageSetup};
use crate::layout::table::{layout_table, Cell, Column, ColumnSpec, PageFrame, PlacedRow, RowSpec, TableSpec, TextStyle};
use crate::layout::Font;
use crate::model::{Annotation, AnnotationStatus, Document, Hierarchy, Kke, Mark, Node, Target};
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet};
use crate::worksheet::{Worksheet, WorksheetRow};
use picture::Picture;
use rows::{about, body, label, row, thread_rows, verdict_recommendation, verdict_row};

pub(super) const TITLE: &str = "Catatan Hasil Reviu Pohon Kinerja";
/// The smallest text of the report (the footer's 6 pt aside): the
/// pictures shrink no further, they leave children out instead.
const MIN_PT: f32 = 6.5;
const BODY_PT: f32 = 8.0;
const LABEL_PT: f32 = 7.0;
const HEADING_PT: f32 = 9.0;
/// The label column of the sections and of the identity table.
const LABEL_W: f32 = 118.0;
const INSET: f32 = 4.0;
/// Room between blocks.
const GAP: f32 = 10.0;
const PICTURE_MAX_H: f32 = 170.0;
const LABEL_INK: Colour = grey(0.3);

/// The report's content, gathered from the document before anything is drawn.
struct Review<'a> {
    sections: Vec<Section<'a>>,
    /// Threads on something other than a node of the tree (a unit, a process, the document).
    elsewhere: Vec<&'a Annotation>,
    indicators: Worksheet,
    cascade: Worksheet,
}

struct Section<'a> {
    index: usize,
    node: &'a Node,
    threads: Vec<&'a Annotation>,
    /// Worksheet rows of the node with a mark other than Y, or a note.
    verdicts: Vec<(Kke, WorksheetRow)>,
}

/// The node a thread is about: on the node, one of its indicators, or its link up.
fn thread_node(target: &Target) -> Option<&str> {
    match target {
        Target::Node(n) | Target::Indicator(n, _) | Target::Link(n, _) => Some(n),
        _ => None,
    }
}

fn judged(row: &WorksheetRow) -> bool {
    !row.note.trim().is_empty() || row.cells.iter().any(|c| matches!(c.mark, Some(Mark::T | Mark::K)))
}

fn gather<'a>(doc: &'a Document, order: &[usize]) -> Review<'a> {
    let report = crate::validate::validate(doc);
    let indicators = crate::worksheet::worksheet(doc, &report, Kke::Indicators);
    let cascade = crate::worksheet::worksheet(doc, &report, Kke::Cascade);
    let mut elsewhere = Vec::new();
    let mut threads: rustc_hash::FxHashMap<&str, Vec<&Annotation>> = Default::default();
    for a in doc.annotations.iter() {
        match thread_node(&a.on).filter(|n| doc.node(n).is_some()) {
            Some(n) => threads.entry(n).or_default().push(a),
            None => elsewhere.push(a),
        }
    }
    let mut verdicts: rustc_hash::FxHashMap<String, Vec<(Kke, WorksheetRow)>> = Default::default();
    for (kke, sheet) in [(Kke::Indicators, &indicators), (Kke::Cascade, &cascade)] {
        for row in sheet.rows.iter().filter(|r| judged(r)) {
            verdicts.entry(row.node.clone()).or_default().push((kke, row.clone()));
        }
    }
    let sections = order
        .iter()
        .filter_map(|&i| {
            let node = &doc.tree.nodes[i];
            let threads = threads.remove(node.id.as_str()).unwrap_or_default();
            let mut verdicts = verdicts.remove(node.id.as_str()).unwrap_or_default();
            // Format 2 (the node's link up) before Format 1 (its indicators).
            verdicts.sort_by_key(|(kke, _)| std::cmp::Reverse(*kke));
            (!threads.is_empty() || !verdicts.is_empty()).then_some(Section { index: i, node, threads, verdicts })
        })
        .collect();
    Review { sections, elsewhere, indicators, cascade }
}

/// The round on the report: the team's, else the latest round of the threads (0: none).
fn round(doc: &Document) -> u32 {
    match doc.review_team.round {
        0 => doc.annotations.iter().map(|a| a.round).max().unwrap_or(0),
        n => n,
    }
}

/// The sheets as they fill: a running header on each, the flow's `y`.
struct Pages<'a> {
    doc: &'a Document,
    page: &'a PageSetup,
    running: String,
    sheets: Vec<Sheet>,
    y: f32,
    smallest: f32,
}

/// A section's heading: its text on a tinted band, a coloured strip on the left.
struct Heading {
    text: String,
    strip: Option<Colour>,
}

impl Pages<'_> {
    fn width(&self) -> f32 {
        self.page.width - 2.0 * self.page.margin
    }

    fn top(&self) -> f32 {
        self.page.margin + HEADER_H
    }

    fn bottom(&self) -> f32 {
        self.page.height - self.page.margin - FOOTER_H - 6.0
    }

    fn new_sheet(&mut self) {
        let mut sheet = Sheet::new(self.page.width, self.page.height);
        // The report's own heading on every sheet, not the tree's title.
        draw_heading(&mut sheet, self.doc, self.page.margin, &TITLE.to_uppercase(), &self.running);
        self.sheets.push(sheet);
        self.y = self.top();
    }

    fn sheet(&mut self) -> &mut Sheet {
        self.sheets.last_mut().expect("the first sheet is made first")
    }

    /// A part's title ("Ringkasan", "Rekomendasi"), on a new sheet when
    /// fewer than `with` points would follow it on this one.
    fn title(&mut self, text: &str, with: f32) {
        if self.y + 20.0 + with > self.bottom() {
            self.new_sheet();
        }
        let (m, y) = (self.page.margin, self.y);
        self.sheet().text(m, y + 11.0, text, 10.5, true, grey(0.08));
        let w = self.width();
        self.sheet().polyline(&[[m, y + 15.0], [m + w, y + 15.0]], grey(0.35), 0.6, false);
        self.y += 22.0;
    }

    /// Flows a table from `y` over as many sheets as it needs; `decorate`
    /// draws a row's rules and pictures before its text.
    fn table(
        &mut self,
        heading: Option<&Heading>,
        widths: &[f32],
        rows: Vec<RowSpec>,
        mut decorate: impl FnMut(&mut Sheet, &PlacedRow, &[Column]),
    ) {
        let m = self.page.margin;
        let width = self.width();
        let heading_room = width - 2.0 * INSET - 6.0;
        // Room for the longer of the two headings, "(lanjutan)" on later sheets.
        let heading_h =
            heading.map_or(0.0, |h| Font::bold().wrap(&continued(&h.text), HEADING_PT, heading_room).len() as f32 * HEADING_PT * 1.25 + 7.0);
        let header = heading.map(|_| vec![RowSpec::new(Vec::new(), 0.0, 0.0).min_height(heading_h)]).unwrap_or_default();
        let columns = widths.iter().map(|&w| ColumnSpec { width: w, inset: INSET }).collect();
        let spec = TableSpec { x: m, columns, header, rows };
        let (next_top, bottom) = (self.top(), self.bottom());
        let frame = |top: f32| PageFrame { first_top: top, next_top, bottom };
        let mut layout = layout_table(&spec, &frame(self.y));
        // A heading whose first row goes to the next sheet goes with it.
        if layout.pages.len() > 1 && layout.pages[0].rows.is_empty() {
            self.new_sheet();
            layout = layout_table(&spec, &frame(self.y));
        }
        for (k, table_page) in layout.pages.iter().enumerate() {
            if k > 0 {
                self.new_sheet();
            }
            let sheet = self.sheets.last_mut().expect("a sheet");
            if let (Some(h), Some(row)) = (heading, table_page.header.first()) {
                sheet.rect(m, row.y, width, row.height, Some(grey(0.93)), None);
                if let Some(strip) = h.strip {
                    sheet.rect(m, row.y, 3.0, row.height, Some(strip), None);
                }
                let text = if k == 0 { h.text.clone() } else { continued(&h.text) };
                for (n, line) in Font::bold().wrap(&text, HEADING_PT, heading_room).iter().enumerate() {
                    let baseline = row.y + 3.5 + HEADING_PT + n as f32 * HEADING_PT * 1.25;
                    sheet.text(m + INSET + 4.0, baseline, line, HEADING_PT, true, grey(0.08));
                }
            }
            for row in &table_page.rows {
                decorate(sheet, row, &layout.columns);
                for (c, lines) in row.cells.iter().enumerate() {
                    let colour = if c == 0 && widths.len() > 1 { LABEL_INK } else { theme::INK };
                    for line in lines {
                        sheet.text(line.x, line.baseline, &line.text, line.size, line.bold, colour);
                    }
                }
            }
            self.y = table_page.bottom;
        }
        self.y += GAP;
    }
}

/// "87,5 %"; a zero never printed as "-0 %".
fn percent_text(x: f64) -> String {
    crate::worksheet::percent_text(if x == 0.0 { 0.0 } else { x })
}

fn continued(text: &str) -> String {
    format!("{text} (lanjutan)")
}

/// A light rule above each row but a page's first, as a form's lines.
fn ruled(sheet: &mut Sheet, row: &PlacedRow, columns: &[Column], first: bool) {
    if !first {
        let (x0, last) = (columns[0].x, columns[columns.len() - 1]);
        sheet.polyline(&[[x0, row.y], [last.x + last.width, row.y]], grey(0.82), 0.4, false);
    }
}

pub(super) fn compose_review(doc: &Document, provenance: &Provenance, page: &PageSetup, printed: &str) -> Drawn {
    let tree = doc.hierarchy();
    let review = gather(doc, &tree.order);
    let team = &doc.review_team;
    let round = round(doc);
    let date = if team.date.is_empty() { printed.to_string() } else { team.date.clone() };
    let running = if round > 0 { format!("Reviu ke-{round}") } else { String::new() };
    let mut pages = Pages { doc, page, running, sheets: Vec::new(), y: 0.0, smallest: LABEL_PT };
    let m = page.margin;
    let width = pages.width();

    // The title block on the first sheet, in place of the running header.
    pages.sheets.push(Sheet::new(page.width, page.height));
    let meta = &doc.document;
    let centred = |sheet: &mut Sheet, text: &str, y: f32, size: f32, bold: bool| {
        let font = if bold { Font::bold() } else { Font::regular() };
        let mut y = y;
        for line in font.wrap(text, size, width) {
            sheet.text(m + (width - font.width(&line, size)) / 2.0, y, &line, size, bold, grey(0.08));
            y += size * 1.3;
        }
        y
    };
    let sheet = pages.sheet();
    let mut y = centred(sheet, &TITLE.to_uppercase(), m + 14.0, 13.0, true);
    let agency = [meta.agency.as_str(), meta.government.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
    if !agency.is_empty() {
        y = centred(sheet, &agency, y + 2.0, 10.0, false);
    }
    sheet.polyline(&[[m, y], [m + width, y]], grey(0.2), 0.8, false);
    pages.y = y + 8.0;

    // Who reviews what, and when.
    let dash = |s: &str| if s.is_empty() { "—".to_string() } else { s.to_string() };
    let person = |p: &crate::model::Person| {
        let mut parts = vec![dash(&p.name)];
        parts.extend([p.role.clone(), p.rank.clone()].into_iter().filter(|s| !s.is_empty()));
        if !p.nip.is_empty() {
            parts.push(format!("NIP. {}", p.nip));
        }
        parts.join(", ")
    };
    let members = if team.members.is_empty() { "—".to_string() } else { team.members.iter().map(person).collect::<Vec<_>>().join("\n") };
    let identity = [
        ("Perangkat daerah", dash(&meta.agency)),
        ("Pemerintah daerah", dash(&meta.government)),
        ("Dokumen", dash(&meta.title)),
        ("Periode", format!("{}–{}", meta.period.from, meta.period.to)),
        ("Reviu ke-", if round > 0 { round.to_string() } else { "—".to_string() }),
        ("Tanggal", crate::format::date(&date)),
        ("Unit pereviu", dash(&team.unit)),
        ("Ketua tim", person(&team.leader)),
        ("Anggota tim", members),
    ];
    let rows = identity.into_iter().map(|(k, v)| RowSpec::new(vec![label(k), body(v)], 2.0, 2.0)).collect();
    pages.table(None, &[LABEL_W, width - LABEL_W], rows, |_, _, _| {});

    summary(&mut pages, &review);

    // One section per node with threads or verdicts.
    pages.title("Catatan per kondisi", 80.0);
    if review.sections.is_empty() && review.elsewhere.is_empty() {
        let rows = vec![row(vec![body("Tidak ada catatan reviu dan tidak ada penilaian selain Y.")])];
        pages.table(None, &[width], rows, |_, _, _| {});
    }
    let mut number = 0;
    for (k, section) in review.sections.iter().enumerate() {
        section_table(&mut pages, doc, k + 1, section, &tree, &mut number);
    }
    if !review.elsewhere.is_empty() {
        let mut rows = Vec::new();
        for a in &review.elsewhere {
            number += 1;
            thread_rows(doc, number, a, &mut rows);
        }
        let heading = Heading { text: "Catatan lain (tidak pada kondisi pohon)".into(), strip: None };
        pages.table(Some(&heading), &[LABEL_W, width - LABEL_W], rows, |s, r, c| ruled(s, r, c, false));
    }

    // Numbered recommendations, in the order of the sections.
    let mut recommendations = Vec::new();
    for section in &review.sections {
        for a in section.threads.iter().filter(|a| a.status.is_open()) {
            let about = about(doc, &a.on);
            let on = if about.is_empty() { format!("“{}”", section.node.statement) } else { about };
            recommendations.push(format!("{on}: {}", a.text));
        }
        for (_, verdict) in &section.verdicts {
            recommendations.push(format!("“{}” — {}", section.node.statement, verdict_recommendation(verdict)));
        }
    }
    for a in review.elsewhere.iter().filter(|a| a.status.is_open()) {
        recommendations.push(format!("{}: {}", about(doc, &a.on), a.text));
    }
    pages.title("Rekomendasi", 40.0);
    let rows: Vec<RowSpec> = if recommendations.is_empty() {
        vec![row(vec![Cell::new("", TextStyle::new(BODY_PT, false)), body("Tidak ada: semua catatan telah diterima dan semua penilaian Y.")])]
    } else {
        recommendations.into_iter().enumerate().map(|(k, text)| row(vec![body(format!("{}.", k + 1)), body(text)])).collect()
    };
    pages.table(None, &[26.0, width - 26.0], rows, |_, _, _| {});

    // The team leader signs under the last recommendation.
    if pages.y + SIGNATURE_H > pages.bottom() {
        pages.new_sheet();
    }
    let leader = &team.leader;
    let role = if leader.role.is_empty() { "Ketua Tim Reviu" } else { leader.role.as_str() };
    let position = if team.unit.is_empty() { role.to_string() } else { format!("{role}, {}", team.unit) };
    let signer = Signer {
        place: &doc.document.signatory.place,
        date: &date,
        position: &position,
        name: &leader.name,
        rank: &leader.rank,
        nip: &leader.nip,
    };
    let y = pages.y;
    draw_signer(pages.sheet(), &signer, m + width - SIGNATURE_W, y, provenance);
    let smallest = pages.smallest;
    (pages.sheets, Vec::new(), smallest)
}

/// Threads by status and the two worksheets' percentages.
fn summary(pages: &mut Pages, review: &Review) {
    pages.title("Ringkasan", 90.0);
    let width = pages.width();
    let all: Vec<&Annotation> = review.sections.iter().flat_map(|s| s.threads.iter().copied()).chain(review.elsewhere.iter().copied()).collect();
    let heads = AnnotationStatus::ALL.iter().map(|s| s.label()).chain(["Jumlah"]);
    let counts = AnnotationStatus::ALL.iter().map(|s| all.iter().filter(|a| a.status == *s).count()).chain([all.len()]);
    let centred = |text: String, size: f32, bold: bool| Cell::new(text, TextStyle::new(size, bold).line_height(size * 1.25).centred());
    let rows = vec![
        RowSpec::new(heads.map(|h| centred(h.to_string(), LABEL_PT, true)).collect(), 3.0, 3.0).keep_with_next(true),
        RowSpec::new(counts.map(|n| centred(n.to_string(), 11.0, true)).collect(), 4.0, 4.0),
    ];
    let w = width / 6.0;
    pages.title_note("Catatan reviu menurut status");
    pages.table(None, &[w; 6], rows, |sheet, row, columns| {
        let (x, right) = (columns[0].x, columns[5].x + columns[5].width);
        let fill = (row.index == 0).then_some(theme::TABLE_HEADER);
        sheet.rect(x, row.y, right - x, row.height, fill, Some((grey(0.55), 0.5)));
        for c in &columns[1..] {
            sheet.polyline(&[[c.x, row.y], [c.x, row.y + row.height]], grey(0.55), 0.4, false);
        }
    });
    let mut scores = vec![(review.indicators.title.clone(), percent_text(review.indicators.percentage))];
    if let Some(c) = review.indicators.challenging {
        scores.push(("Indikator yang menantang (KKE Format 1)".to_string(), percent_text(c)));
    }
    scores.push((review.cascade.title.clone(), percent_text(review.cascade.percentage)));
    let unjudged = review.indicators.unjudged + review.cascade.unjudged;
    if unjudged > 0 {
        scores.push(("Sel kertas kerja yang belum dinilai".to_string(), format!("{unjudged} sel")));
    }
    scores.push(("Kondisi dengan catatan atau penilaian selain Y".to_string(), review.sections.len().to_string()));
    let rows = scores.into_iter().map(|(k, v)| row(vec![body(k), Cell::new(v, TextStyle::new(BODY_PT, true).line_height(10.0))])).collect();
    pages.title_note("Hasil kertas kerja evaluasi (KKE)");
    pages.table(None, &[width - 110.0, 110.0], rows, |s, r, c| ruled(s, r, c, r.index == 0));
}

impl Pages<'_> {
    /// A small caption over a table.
    fn title_note(&mut self, text: &str) {
        if self.y + 50.0 > self.bottom() {
            self.new_sheet();
        }
        let (m, y) = (self.page.margin, self.y);
        self.sheet().text(m, y + 8.0, text, 8.0, true, grey(0.25));
        self.y += 12.0;
    }
}

/// One node's section: path, statement, indicators, picture, threads, verdicts.
fn section_table(
    pages: &mut Pages,
    doc: &Document,
    k: usize,
    section: &Section,
    tree: &Hierarchy,
    number: &mut usize,
) {
    let width = pages.width();
    let node = section.node;
    let level = doc.tree.levels.get(node.level).map_or(String::new(), |l| l.name.clone());
    let mut rows = Vec::new();
    // The path from the top of the tree (a cycle stops it).
    let path: Vec<&str> = tree.path(section.index).into_iter().map(|p| doc.tree.nodes[p].statement.as_str()).collect();
    let path = if path.is_empty() { "(puncak pohon)".to_string() } else { path.join(" › ") };
    rows.push(row(vec![label("Jalur"), Cell::new(path, TextStyle::new(7.5, false).line_height(9.4))]));
    let mut what = node.statement.clone();
    if let Some(owner) = node.owner.as_deref().filter(|o| !o.is_empty()) {
        what = format!("{what}\nPenanggung jawab: {}", doc.unit_label(owner));
    }
    rows.push(row(vec![label(if level.is_empty() { "Kondisi".to_string() } else { format!("Kondisi ({level})") }), body(what)]));
    let indicators = if node.indicators.is_empty() {
        "— (belum ada indikator)".to_string()
    } else {
        node.indicators
            .iter()
            .map(|ind| {
                let unit = if ind.unit.is_empty() { String::new() } else { format!(" ({})", ind.unit) };
                let targets: Vec<String> = ind.targets.iter().map(|(y, v)| format!("{y}: {}", crate::format::value(v))).collect();
                if targets.is_empty() {
                    format!("{}{unit} — tanpa target", ind.name)
                } else {
                    format!("{}{unit} — target {}", ind.name, targets.join("; "))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    rows.push(row(vec![label("Indikator"), body(indicators)]));
    let frame_w = width - LABEL_W - 2.0 * INSET;
    let picture = picture::picture(doc, section.index, tree.parent[section.index], &tree.children[section.index], frame_w - 8.0, PICTURE_MAX_H, MIN_PT);
    pages.smallest = pages.smallest.min(picture.text_pt());
    let caption_h = if picture.hidden > 0 { 12.0 } else { 0.0 };
    let picture_row = rows.len();
    rows.push(RowSpec::new(vec![label("Posisi di pohon")], 4.0, 4.0).min_height(picture.height() + 12.0 + caption_h));
    for a in &section.threads {
        *number += 1;
        thread_rows(doc, *number, a, &mut rows);
    }
    for (kke, verdict) in &section.verdicts {
        rows.push(verdict_row(*kke, verdict));
    }
    let heading = Heading { text: format!("{k}. {}", node.statement), strip: Some(theme::level(node.level)) };
    let mut first_on_page = true;
    let mut last_y = f32::MIN;
    pages.table(Some(&heading), &[LABEL_W, width - LABEL_W], rows, |sheet, row, columns| {
        // A row above the last one drawn: a new page.
        first_on_page = row.y < last_y || last_y == f32::MIN;
        last_y = row.y;
        ruled(sheet, row, columns, first_on_page);
        if row.index == picture_row {
            draw_picture(sheet, &picture, row, columns[1]);
        }
    });
}

fn draw_picture(sheet: &mut Sheet, picture: &Picture, row: &PlacedRow, column: Column) {
    let (x, y, w) = (column.x + INSET, row.y + 6.0, column.width - 2.0 * INSET);
    let h = row.height - 12.0;
    sheet.rect(x, y - 2.0, w, h + 4.0, Some(grey(0.985)), Some((grey(0.85), 0.4)));
    picture::draw(sheet, picture, x + (w - picture.width()) / 2.0, y);
    if picture.hidden > 0 {
        let text = format!("… dan {} kondisi lain di bawahnya (tidak digambar)", picture.hidden);
        sheet.text(x + 4.0, y + h - 3.0, &text, LABEL_PT, false, LABEL_INK);
    }
}

#[cfg(test)]
mod tests;
