//! The Perjanjian Kinerja (Permenpan RB 53/2014) of one unit for one year,
//! on A4 or F4 portrait: the agreement — the standard text naming pihak
//! pertama (the unit's official) and pihak kedua (the official of the
//! unit's parent, or the kepala daerah), place and date, the two
//! signatures side by side — then its lampiran: (1) the sasaran at the
//! level of the unit's echelon with their indicators and the year's
//! targets, (2) the programs, kegiatan and sub kegiatan with their budget
//! and the total (each rupiah once), signed again. The kepala daerah's own
//! agreement is signed by the kepala daerah alone.
//!
//! What it says is gathered in `content`; this module only draws it.

pub(crate) mod content;

use super::{Drawn, PageSetup, PrintOptions};
use crate::format;
use crate::layout::table::{layout_table, Cell, Column, ColumnSpec, PageFrame, PlacedRow, RowSpec, TableSpec, TextStyle};
use crate::layout::Font;
use crate::model::{Document, Unit};
use crate::render::theme::{self, grey};
use crate::render::{Colour, Provenance, Sheet, POINTS_PER_MM};
use content::{BudgetLine, Party, Sasaran};

const TITLE_PT: f32 = 13.0;
const SUBTITLE_PT: f32 = 11.0;
const TEXT_PT: f32 = 10.5;
const TEXT_LINE: f32 = 15.0;
const TABLE_PT: f32 = 9.0;
const TABLE_LINE: f32 = 11.5;
const RUNNING_PT: f32 = 7.5;
/// Left and right of the text: a letter's margin, not the tree's.
const SIDE_MM: f32 = 20.0;
const INSET: f32 = 4.0;
const PAD: f32 = 4.0;
/// Room to sign above a name.
const SIGN_SPACE: f32 = 52.0;
const RULE: (Colour, f32) = (grey(0.25), 0.6);

/// Everything the agreement prints.
struct Agreement<'a> {
    doc: &'a Document,
    unit: &'a Unit,
    year: i32,
    first: Party,
    /// None: the kepala daerah signs alone.
    second: Option<Party>,
    sasaran: Vec<Sasaran>,
    budget: Vec<BudgetLine>,
    /// "Blambangan Umpu, 2 Januari 2025", or blanks to fill in by hand.
    place_date: String,
}

pub(super) fn compose_pk(
    doc: &Document,
    unit: &str,
    options: &PrintOptions,
    provenance: &Provenance,
    page: &PageSetup,
    _printed: &str,
) -> Drawn {
    let Some(unit) = doc.unit(unit) else {
        return super::missing(doc, page, format!("Unit `{unit}` tidak ada di dokumen ini."));
    };
    let Some(year) = options.year else {
        return super::missing(doc, page, format!("Perjanjian Kinerja perlu tahun; pilih salah satu tahun periode {}.", period_years(doc)));
    };
    let (agreement, warnings) = gather(doc, unit, year);
    let mut pages = Pages::new(page, format!("Perjanjian Kinerja Tahun {year} · {}", unit.name));
    pages.new_sheet(false);
    draw_agreement(&mut pages, &agreement, provenance);
    pages.running = format!("Lampiran Perjanjian Kinerja Tahun {year} · {}", unit.name);
    pages.new_sheet(false);
    draw_lampiran(&mut pages, &agreement, provenance);
    (pages.sheets, warnings, RUNNING_PT)
}

/// "2021, 2022, …, 2026": the years a Perjanjian Kinerja may be made for.
pub(crate) fn period_years(doc: &Document) -> String {
    doc.document.period.years().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
}

fn gather<'a>(doc: &'a Document, unit: &'a Unit, year: i32) -> (Agreement<'a>, Vec<String>) {
    let tree = doc.hierarchy();
    let choice = content::pk_levels(doc, unit);
    let mut warnings: Vec<String> = choice.note.iter().cloned().collect();
    let (sasaran, missing) = content::sasaran(doc, &tree, unit, &choice.levels, year);
    let budget = content::budget(doc, &tree, unit);
    if choice.levels.is_empty() {
        warnings.push(format!(
            "{} tidak memegang kondisi apa pun di pohon kinerja: lampiran Perjanjian Kinerja tahun {year} kosong. Tetapkan penanggung jawab kondisi lebih dulu.",
            unit.name
        ));
    } else if sasaran.iter().flat_map(|s| &s.measures).all(|m| m.target == "–") {
        warnings.push(format!("Tidak ada target tahun {year} pada sasaran {}: kolom target dicetak –.", unit.name));
    }
    warnings.extend(missing);
    if budget.is_empty() && !choice.levels.is_empty() {
        warnings.push(format!("Tidak ada anggaran (pagu) pada atau di bawah kondisi yang dipegang {}.", unit.name));
    }
    let first = content::party(doc, unit);
    let second = content::superior(doc, unit);
    for party in std::iter::once(&first).chain(second.as_ref()) {
        if party.name.is_empty() {
            let whose = if party.regional_head { "kepala daerah".to_string() } else { format!("pejabat {}", party.position) };
            warnings.push(format!("Nama {whose} belum diisi: dicetak titik-titik untuk diisi tangan."));
        }
    }
    let place_date = place_date(doc, year);
    (Agreement { doc, unit, year, first, second, sasaran, budget, place_date }, warnings)
}

/// "Blambangan Umpu, 2 Januari 2025" above the signatures: the signatory's
/// place and date (a date of another year, or none, as blanks to fill in by hand).
pub(crate) fn place_date(doc: &Document, year: i32) -> String {
    let signatory = &doc.document.signatory;
    let place = signatory.place.trim();
    let date = if signatory.date.starts_with(&format!("{year}-")) { format::date(&signatory.date) } else { "……………………".to_string() };
    if place.is_empty() { format!("……………………, {date}") } else { format!("{place}, {date}") }
}

/// The sheets as they fill, with the text's left edge and width.
struct Pages<'a> {
    page: &'a PageSetup,
    running: String,
    sheets: Vec<Sheet>,
    y: f32,
    x: f32,
    width: f32,
}

impl<'a> Pages<'a> {
    fn new(page: &'a PageSetup, running: String) -> Pages<'a> {
        let x = page.margin.max(SIDE_MM * POINTS_PER_MM);
        Pages { page, running, sheets: Vec::new(), y: 0.0, x, width: page.width - 2.0 * x }
    }

    fn top(&self) -> f32 {
        self.page.margin + 24.0
    }

    fn bottom(&self) -> f32 {
        self.page.height - self.page.margin - super::furniture::FOOTER_H - 6.0
    }

    /// A new sheet; a continued one says what it continues.
    fn new_sheet(&mut self, continued: bool) {
        let mut sheet = Sheet::new(self.page.width, self.page.height);
        if continued {
            sheet.text(self.x, self.page.margin + 10.0, &format!("{} (lanjutan)", self.running), RUNNING_PT, false, grey(0.35));
        }
        self.sheets.push(sheet);
        self.y = self.top();
    }

    fn sheet(&mut self) -> &mut Sheet {
        self.sheets.last_mut().expect("the first sheet is made first")
    }

    /// Room for `h` more points on this sheet, else a new one.
    fn room(&mut self, h: f32) {
        if self.y + h > self.bottom() {
            self.new_sheet(true);
        }
    }

    /// Centred bold lines (a title).
    fn centred(&mut self, text: &str, size: f32) {
        let font = Font::bold();
        for line in font.wrap(text, size, self.width) {
            let x = self.x + (self.width - font.width(&line, size)) / 2.0;
            let y = self.y + size;
            self.sheet().text(x, y, &line, size, true, grey(0.05));
            self.y += size * 1.35;
        }
    }

    /// A paragraph from `indent`, flush left: one text per line, so the
    /// preview (which sets it in the browser) shows what the PDF prints.
    fn paragraph(&mut self, text: &str, indent: f32) {
        for line in Font::regular().wrap(text, TEXT_PT, self.width - indent) {
            self.room(TEXT_LINE);
            let (x, baseline) = (self.x + indent, self.y + TEXT_PT);
            self.sheet().text(x, baseline, &line, TEXT_PT, false, theme::INK);
            self.y += TEXT_LINE;
        }
    }

    /// "Nama    : …" / "Jabatan : …", indented.
    fn identity(&mut self, party: &Party) {
        let indent = 18.0;
        let label_w = 58.0;
        let value_x = self.x + indent + label_w + 10.0;
        let room = self.x + self.width - value_x;
        let name = if party.name.is_empty() { "……………………………………".to_string() } else { party.name.clone() };
        for (label, value) in [("Nama", name), ("Jabatan", party.position_line())] {
            let lines = Font::regular().wrap(&value, TEXT_PT, room);
            self.room(TEXT_LINE * lines.len() as f32);
            let (x, baseline) = (self.x + indent, self.y + TEXT_PT);
            self.sheet().text(x, baseline, label, TEXT_PT, false, theme::INK);
            self.sheet().text(x + label_w, baseline, ":", TEXT_PT, false, theme::INK);
            for line in lines {
                let baseline = self.y + TEXT_PT;
                self.sheet().text(value_x, baseline, &line, TEXT_PT, false, theme::INK);
                self.y += TEXT_LINE;
            }
        }
    }

    /// A bordered table flowed over the sheets, its header repeated;
    /// `right`: the column set flush right; `decorate` draws inside a row.
    fn table(&mut self, widths: &[f32], header: RowSpec, rows: Vec<RowSpec>, right: Option<usize>, decorate: impl Fn(&mut Sheet, &PlacedRow, &[Column])) {
        let columns = widths.iter().map(|&width| ColumnSpec { width, inset: INSET }).collect();
        let spec = TableSpec { x: self.x, columns, header: vec![header], rows };
        let frame = PageFrame { first_top: self.y, next_top: self.top(), bottom: self.bottom() };
        let layout = layout_table(&spec, &frame);
        for (k, page) in layout.pages.iter().enumerate() {
            if k > 0 {
                self.new_sheet(true);
            }
            let sheet = self.sheets.last_mut().expect("a sheet");
            for (n, row) in page.header.iter().chain(&page.rows).enumerate() {
                let is_header = n < page.header.len();
                for c in &layout.columns {
                    let fill = is_header.then_some(theme::TABLE_HEADER);
                    sheet.rect(c.x, row.y, c.width, row.height, fill, Some(RULE));
                }
                if !is_header {
                    decorate(sheet, row, &layout.columns);
                }
                for (c, lines) in row.cells.iter().enumerate() {
                    for line in lines {
                        let x = match right {
                            Some(r) if r == c && !is_header => {
                                let font = if line.bold { Font::bold() } else { Font::regular() };
                                let col = layout.columns[c];
                                col.x + col.width - INSET - font.width(&line.text, line.size)
                            }
                            _ => line.x,
                        };
                        sheet.text(x, line.baseline, &line.text, line.size, line.bold, theme::INK);
                    }
                }
            }
            self.y = page.bottom;
        }
    }
}

/// The lines under the title: the unit (when it is not the agency), the
/// agency and the government — or the pemerintah daerah for the kepala daerah.
fn subtitle(a: &Agreement) -> Vec<String> {
    let meta = &a.doc.document;
    if a.unit.is_regional_head() {
        return vec![format!("PEMERINTAH {}", meta.government.to_uppercase()).trim().to_string()];
    }
    let mut lines = Vec::new();
    let head = a.unit.parent.as_deref().and_then(|p| a.doc.unit(p)).is_none();
    if !head || meta.agency.trim().is_empty() {
        lines.push(a.unit.name.to_uppercase());
    }
    let agency = [meta.agency.trim(), meta.government.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    if !agency.is_empty() {
        lines.push(agency.to_uppercase());
    }
    lines
}

fn title(pages: &mut Pages, a: &Agreement, text: &str) {
    pages.centred(text, TITLE_PT);
    for line in subtitle(a) {
        // The agency and the government on lines of their own rather than a word left over.
        let government = a.doc.document.government.trim().to_uppercase();
        let too_long = Font::bold().width(&line, SUBTITLE_PT) > pages.width;
        match line.strip_suffix(&government).map(str::trim).filter(|agency| too_long && !agency.is_empty()) {
            Some(agency) => {
                pages.centred(agency, SUBTITLE_PT);
                pages.centred(&government, SUBTITLE_PT);
            }
            None => pages.centred(&line, SUBTITLE_PT),
        }
    }
    pages.y += 16.0;
}

const OPENING: &str = "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:";
const PROMISE: &str = "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.";
const SUPERVISION: &str = "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.";
const OPENING_ALONE: &str = "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, saya yang bertanda tangan di bawah ini:";
const PROMISE_ALONE: &str = "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab saya.";

fn draw_agreement(pages: &mut Pages, a: &Agreement, provenance: &Provenance) {
    title(pages, a, &format!("PERJANJIAN KINERJA TAHUN {}", a.year));
    let gap = TEXT_LINE * 0.6;
    match &a.second {
        Some(second) => {
            pages.paragraph(OPENING, 0.0);
            pages.y += gap;
            pages.identity(&a.first);
            pages.paragraph("selanjutnya disebut pihak pertama", 18.0);
            pages.y += gap;
            pages.identity(second);
            pages.paragraph("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.", 18.0);
            pages.y += gap;
            pages.paragraph(PROMISE, 0.0);
            pages.y += gap;
            pages.paragraph(SUPERVISION, 0.0);
        }
        None => {
            pages.paragraph(OPENING_ALONE, 0.0);
            pages.y += gap;
            pages.identity(&a.first);
            pages.y += gap;
            pages.paragraph(PROMISE_ALONE, 0.0);
        }
    }
    pages.y += 2.0 * gap;
    signatures(pages, a, provenance);
}

fn draw_lampiran(pages: &mut Pages, a: &Agreement, provenance: &Provenance) {
    title(pages, a, &format!("LAMPIRAN PERJANJIAN KINERJA TAHUN {}", a.year));
    let w = pages.width;
    let head = |text: &str| Cell::new(text, TextStyle::new(TABLE_PT, true).line_height(TABLE_LINE).centred());
    let body = |text: String| Cell::new(text, TextStyle::new(TABLE_PT, false).line_height(TABLE_LINE));
    let centred = |text: String| Cell::new(text, TextStyle::new(TABLE_PT, false).line_height(TABLE_LINE).centred());

    // (1) Sasaran, indicators, targets.
    let (no_w, target_w) = (26.0, 92.0);
    let sasaran_w = ((w - no_w - target_w) * 0.46).round();
    let indicator_w = w - no_w - target_w - sasaran_w;
    let widths = [no_w, sasaran_w, indicator_w, target_w];
    let font = Font::regular();
    let lines = |text: &str, width: f32| font.wrap(text, TABLE_PT, width - 2.0 * INSET).len();
    let mut rows = Vec::new();
    // Per row, the blank lines between indicators where a rule goes.
    let mut rules: Vec<Vec<usize>> = Vec::new();
    for (k, s) in a.sasaran.iter().enumerate() {
        let (mut indicators, mut targets, mut between, mut line) = (Vec::new(), Vec::new(), Vec::new(), 0);
        for (j, m) in s.measures.iter().enumerate() {
            if j > 0 {
                indicators.push(String::new());
                targets.push(String::new());
                between.push(line);
                line += 1;
            }
            let (ni, nt) = (lines(&m.indicator, indicator_w), lines(&m.target, target_w));
            let h = ni.max(nt);
            indicators.push(m.indicator.clone());
            indicators.extend(std::iter::repeat_n(String::new(), h - ni));
            targets.push(m.target.clone());
            targets.extend(std::iter::repeat_n(String::new(), h - nt));
            line += h;
        }
        rows.push(RowSpec::new(
            vec![centred(format!("{}.", k + 1)), body(s.statement.clone()), body(indicators.join("\n")), centred(targets.join("\n"))],
            PAD,
            PAD,
        ));
        rules.push(between);
    }
    if rows.is_empty() {
        rows.push(RowSpec::new(vec![centred("–".into()), body(format!("Belum ada sasaran yang dipegang {}.", a.unit.name))], PAD, PAD));
        rules.push(Vec::new());
    }
    let header = RowSpec::new(vec![head("No"), head("Sasaran"), head("Indikator Kinerja"), head(&format!("Target {}", a.year))], PAD, PAD);
    pages.table(&widths, header, rows, None, |sheet, row, columns| {
        for &blank in &rules[row.index] {
            let y = row.y + PAD + TABLE_PT + blank as f32 * TABLE_LINE - 0.35 * TABLE_PT;
            let (x0, x1) = (columns[2].x, columns[3].x + columns[3].width);
            sheet.polyline(&[[x0, y], [x1, y]], grey(0.55), 0.4, false);
        }
    });
    pages.y += 16.0;

    // (2) Programs, kegiatan, sub kegiatan and their budget.
    let money_w = 120.0;
    let widths = [no_w, w - no_w - money_w, money_w];
    let mut rows: Vec<RowSpec> = a
        .budget
        .iter()
        .enumerate()
        .map(|(k, b)| RowSpec::new(vec![centred(format!("{}.", k + 1)), body(b.name.clone()), body(format!("Rp {}", format::rupiah(b.ceiling)))], PAD, PAD))
        .collect();
    if rows.is_empty() {
        rows.push(RowSpec::new(vec![centred("–".into()), body("Belum ada anggaran pada kondisi yang dipegang unit ini.".into()), body("–".into())], PAD, PAD));
    }
    let total: i64 = a.budget.iter().map(|b| b.ceiling).sum();
    let bold = |text: String| Cell::new(text, TextStyle::new(TABLE_PT, true).line_height(TABLE_LINE));
    rows.push(RowSpec::new(vec![body(String::new()), bold("Jumlah".into()), bold(format!("Rp {}", format::rupiah(total)))], PAD, PAD));
    let header = RowSpec::new(vec![head("No"), head("Program/Kegiatan/Sub Kegiatan"), head("Anggaran")], PAD, PAD);
    pages.table(&widths, header, rows, Some(2), |_, _, _| {});
    pages.y += 2.0 * TEXT_LINE;
    signatures(pages, a, provenance);
}

/// The signatures: pihak kedua on the left, pihak pertama on the right
/// under the place and date; the kepala daerah alone on the right.
fn signatures(pages: &mut Pages, a: &Agreement, provenance: &Provenance) {
    let gutter = 20.0;
    let block_w = (pages.width - gutter) / 2.0;
    let bold = Font::bold();
    let position_lines = |p: &Party| bold.wrap(&format!("{},", p.position_upper()), TEXT_PT, block_w).len();
    let positions = std::iter::once(&a.first).chain(a.second.as_ref()).map(position_lines).max().unwrap_or(1);
    let height = TEXT_LINE * (3.0 + positions as f32 + 3.0) + SIGN_SPACE;
    pages.room(height);
    let top = pages.y;
    let (left, right) = (pages.x, pages.x + block_w + gutter);
    let note = provenance.signature_note();
    let sheet = pages.sheet();
    let centred = |sheet: &mut Sheet, x: f32, y: f32, text: &str, bold: bool| {
        let font = if bold { Font::bold() } else { Font::regular() };
        let mut y = y;
        for line in font.wrap(text, TEXT_PT, block_w) {
            sheet.text(x + (block_w - font.width(&line, TEXT_PT)) / 2.0, y + TEXT_PT, &line, TEXT_PT, bold, grey(0.05));
            y += TEXT_LINE;
        }
        y
    };
    centred(sheet, right, top, &a.place_date, false);
    let heading_y = top + TEXT_LINE;
    let mut bottom: f32 = 0.0;
    let blocks: Vec<(f32, &Party, &str)> = match &a.second {
        Some(second) => vec![(left, second, "PIHAK KEDUA,"), (right, &a.first, "PIHAK PERTAMA,")],
        None => vec![(right, &a.first, "")],
    };
    for (x, party, heading) in blocks {
        let mut y = heading_y;
        if !heading.is_empty() {
            y = centred(sheet, x, y, heading, false);
        }
        centred(sheet, x, y, &format!("{},", party.position_upper()), true);
        y += TEXT_LINE * positions as f32 + SIGN_SPACE;
        let name = if party.name.is_empty() { "……………………………………".to_string() } else { party.name.clone() };
        let name_w = bold.width(&name, TEXT_PT).min(block_w);
        let after = centred(sheet, x, y, &name, true);
        let centre = x + block_w / 2.0;
        sheet.polyline(&[[centre - name_w / 2.0, y + TEXT_PT + 1.8], [centre + name_w / 2.0, y + TEXT_PT + 1.8]], grey(0.05), 0.7, false);
        y = after;
        if !party.rank.is_empty() {
            y = centred(sheet, x, y, &party.rank, false);
        }
        if !party.nip.is_empty() || !party.regional_head {
            let nip = if party.nip.is_empty() { "NIP. ……………………".to_string() } else { format!("NIP. {}", party.nip) };
            y = centred(sheet, x, y, &nip, false);
        }
        bottom = bottom.max(y);
    }
    if let Some(note) = note {
        let size = 6.5;
        let w = Font::regular().width(&note, size);
        sheet.text(right + (block_w - w) / 2.0, bottom + 8.0, &note, size, false, grey(0.3));
        bottom += 12.0;
    }
    pages.y = bottom;
}

#[cfg(test)]
mod tests;
