//! The one engine: a sheet's rows read by a `Mapping` into items (a
//! statement at a level, its parent, its indicators with their targets and
//! realisasi, pagu, spent, owner), whatever the layout and hierarchy.

use super::grid::{format_number, Cell, Grid};
use super::header::is_number_row;
use super::mapping::{ColumnRole, Hierarchy, Mapping};
use super::ImportMessage;
use crate::model::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ind {
    pub row: u32,
    pub name: String,
    pub unit: String,
    pub baseline: Option<Value>,
    pub targets: BTreeMap<i32, Value>,
    pub pk_targets: BTreeMap<i32, Value>,
    /// (year, quarter, value)
    pub realisasi: Vec<(i32, Option<u8>, Value)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// 0-based row where the item starts.
    pub row: u32,
    pub level: usize,
    pub statement: String,
    pub code: String,
    pub parent: Option<usize>,
    pub owner: String,
    pub indicators: Vec<Ind>,
    pub pagu: Option<i64>,
    pub spent: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Level names top down (the sheet's; empty where it names none).
    pub levels: Vec<String>,
    pub items: Vec<Item>,
    pub messages: Vec<ImportMessage>,
    /// Excel row numbers of the hidden rows met.
    pub hidden_rows: Vec<u32>,
    pub rows: usize,
}

/// A statement or name as written, whitespace made single.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_none_text(t: &str) -> bool {
    matches!(t.trim(), "" | "-" | "–" | "—" | "0" | "--")
}

/// Several indicators in one cell: separated by ";" or line breaks, or
/// numbered "1. … 2. …"; leading "- ", "a. ", "1. " dropped.
pub fn split_indicators(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split([';', '\n']) {
        let piece = clean(piece);
        if piece.is_empty() {
            continue;
        }
        for part in split_numbered(&piece) {
            let part = strip_bullet(&part);
            if !is_none_text(&part) {
                out.push(part);
            }
        }
    }
    out
}

fn split_numbered(text: &str) -> Vec<String> {
    if !(text.starts_with("1.") || text.starts_with("1)")) {
        return vec![text.to_string()];
    }
    let mut parts = Vec::new();
    let mut rest = text;
    let mut k = 2;
    loop {
        let found = [format!(" {k}. "), format!(" {k}) "), format!(" {k}.")].iter().find_map(|p| rest.find(p.as_str()));
        match found {
            Some(at) if at > 0 => {
                parts.push(rest[..at].trim().to_string());
                rest = rest[at..].trim_start();
                k += 1;
            }
            _ => break,
        }
    }
    parts.push(rest.trim().to_string());
    parts
}

fn strip_bullet(text: &str) -> String {
    let t = text.trim();
    let t = t.trim_start_matches(['-', '•', '*', '–']).trim_start();
    // "1. ", "1) ", "a. ", "b) "
    let mut chars = t.char_indices();
    let mut end = 0;
    for (i, c) in chars.by_ref() {
        if c.is_ascii_digit() || (i == 0 && c.is_ascii_lowercase()) {
            end = i + c.len_utf8();
            continue;
        }
        if end > 0 && (c == '.' || c == ')') && t[i + 1..].starts_with(' ') {
            return clean(&t[i + 1..]);
        }
        break;
    }
    clean(t)
}

/// The rows past the band read by the mapping.
pub fn read(grid: &Grid, mapping: &Mapping, include_hidden: bool) -> Reading {
    let mut reader = Reader::new(grid, mapping);
    let start = mapping.header_start + mapping.header_rows;
    for r in start..grid.height() {
        if grid.is_row_empty(r) {
            continue;
        }
        if grid.is_hidden(r) {
            reader.out.hidden_rows.push(r + 1);
            if !include_hidden {
                continue;
            }
        }
        if is_number_row(grid, r) || reader.is_banner(r) {
            continue;
        }
        if reader.is_signature(r) {
            break;
        }
        reader.row(r);
    }
    reader.out
}

struct Reader<'a> {
    grid: &'a Grid,
    mapping: &'a Mapping,
    out: Reading,
    /// Columns hierarchy: the open item of each level.
    current: Vec<Option<usize>>,
    /// Statement columns by level.
    level_cols: Vec<(usize, u32)>,
    /// Value columns with the level they belong to (None: the row's item).
    values: Vec<(u32, ColumnRole, Option<usize>)>,
    code_cols: Vec<u32>,
    name_col: Option<u32>,
    level_name_col: Option<u32>,
    /// Code hierarchy: level of each code shape.
    code_levels: CodeLevels,
    deepest_seen: usize,
    /// Whether the sheet merges statements over their rows (then a
    /// statement repeated in a cell of its own is another node).
    merges_statements: bool,
    /// Cells of the statement columns that copy a merged range's value.
    copies: std::collections::HashSet<(u32, u32)>,
}

impl<'a> Reader<'a> {
    fn new(grid: &'a Grid, mapping: &'a Mapping) -> Self {
        let roles = &mapping.columns;
        let mut level_cols: Vec<(usize, u32)> = Vec::new();
        let mut code_cols: Vec<(u8, u32)> = Vec::new();
        let (mut name_col, mut level_name_col) = (None, None);
        for (c, role) in roles.iter().enumerate() {
            let c = c as u32;
            match role {
                ColumnRole::Statement { level } => level_cols.push((*level, c)),
                ColumnRole::Code { part } => code_cols.push((*part, c)),
                ColumnRole::Name => name_col = name_col.or(Some(c)),
                ColumnRole::LevelName => level_name_col = level_name_col.or(Some(c)),
                _ => {}
            }
        }
        level_cols.sort();
        code_cols.sort();
        // Value columns belong to the level whose statement column is left of them,
        // where more than one level group has indicators (the Matriks Cascading).
        let group_of = |c: u32| level_cols.iter().filter(|(_, lc)| *lc <= c).max_by_key(|(_, lc)| *lc).map(|(l, _)| *l);
        let indicator_groups: std::collections::BTreeSet<Option<usize>> = roles
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, ColumnRole::Indicator))
            .map(|(c, _)| group_of(c as u32))
            .collect();
        let grouped = mapping.hierarchy == Hierarchy::Columns && indicator_groups.len() >= 2;
        let values = roles
            .iter()
            .enumerate()
            .filter(|(_, r)| !matches!(r, ColumnRole::Ignore | ColumnRole::Statement { .. } | ColumnRole::Code { .. } | ColumnRole::Name | ColumnRole::LevelName))
            .map(|(c, r)| (c as u32, r.clone(), if grouped { group_of(c as u32) } else { None }))
            .collect();
        let levels = match mapping.hierarchy {
            Hierarchy::Columns => {
                let n = level_cols.iter().map(|(l, _)| l + 1).max().unwrap_or(0);
                (0..n).map(|i| mapping.levels.get(i).cloned().unwrap_or_else(|| format!("Level {}", i + 1))).collect()
            }
            _ => Vec::new(),
        };
        let code_cols: Vec<u32> = code_cols.into_iter().map(|(_, c)| c).collect();
        let code_levels = if mapping.hierarchy == Hierarchy::Code && level_name_col.is_none() {
            CodeLevels::of(grid, mapping, &code_cols)
        } else {
            CodeLevels::default()
        };
        let current = vec![None; level_cols.iter().map(|(l, _)| l + 1).max().unwrap_or(0)];
        let mut out = Reading { levels, ..Reading::default() };
        if !code_levels.names.is_empty() {
            out.levels = code_levels.names.clone();
        }
        let start = mapping.header_start + mapping.header_rows;
        let merges_statements = grid.merged.iter().any(|m| {
            m.first_row >= start && m.last_row > m.first_row && level_cols.iter().any(|(_, c)| (m.first_col..=m.last_col).contains(c))
        });
        let mut copies = std::collections::HashSet::new();
        for m in &grid.merged {
            for &(_, c) in level_cols.iter().filter(|(_, c)| (m.first_col..=m.last_col).contains(c)) {
                for r in m.first_row..=m.last_row.min(grid.height()) {
                    if (r, c) != (m.first_row, m.first_col) {
                        copies.insert((r, c));
                    }
                }
            }
        }
        Reader { grid, mapping, out, current, level_cols, values, code_cols, name_col, level_name_col, code_levels, deepest_seen: 0, merges_statements, copies }
    }

    fn message(&mut self, row: u32, col: Option<u32>, text: String) {
        self.out.messages.push(ImportMessage::at(&self.grid.sheet, Some(row), col, text));
    }

    /// "Perangkat Daerah : BAPPEDA" alone on its row.
    fn is_banner(&self, r: u32) -> bool {
        let mut texts: Vec<String> = Vec::new();
        for cell in self.grid.row(r) {
            match cell {
                Cell::Empty => {}
                Cell::Text(t) if t.trim().is_empty() => {}
                Cell::Text(t) => {
                    if !texts.contains(t) {
                        texts.push(t.clone());
                    }
                }
                _ => return false,
            }
        }
        texts.len() == 1 && texts[0].find(':').is_some_and(|at| at > 1 && at < 40)
    }

    /// The signature block under a table: "NIP. 1968…".
    fn is_signature(&self, r: u32) -> bool {
        !self.out.items.is_empty()
            && self.grid.row(r).iter().any(|c| match c {
                Cell::Text(t) => {
                    let t = t.trim().to_uppercase();
                    t.starts_with("NIP.") || t.starts_with("NIP ") || t.starts_with("NIP:")
                }
                _ => false,
            })
    }

    fn text(&self, r: u32, c: u32) -> String {
        clean(&self.grid.text(r, c))
    }

    fn row(&mut self, r: u32) {
        match self.mapping.hierarchy {
            Hierarchy::Columns => self.row_by_columns(r),
            Hierarchy::Code | Hierarchy::LevelColumn => self.row_by_code(r),
        }
    }

    fn row_by_columns(&mut self, r: u32) {
        let texts: Vec<(usize, u32, String)> = self.level_cols.iter().map(|&(l, c)| (l, c, self.text(r, c))).collect();
        let Some(deepest) = texts.iter().filter(|(_, _, t)| !t.is_empty()).map(|(l, _, _)| *l).max() else {
            self.continuation(r);
            return;
        };
        if is_total(texts.iter().map(|(_, _, t)| t.as_str()).find(|t| !t.is_empty()).unwrap_or_default()) {
            return;
        }
        self.out.rows += 1;
        for (level, col, text) in &texts {
            let (level, col) = (*level, *col);
            if level > deepest || text.is_empty() {
                continue;
            }
            let parent = (0..level).rev().find_map(|k| self.current[k]);
            if let Some(i) = self.current[level] {
                let item = &self.out.items[i];
                // A merge copy continues its node; a repeated text too, where the
                // column does not merge its spans (a statement written on every row).
                if self.copies.contains(&(r, col)) || (item.statement == *text && item.parent == parent && !self.merging(col)) {
                    continue;
                }
            }
            let index = self.push(Item { row: r, level, statement: text.clone(), parent, ..Item::default() });
            self.current[level] = Some(index);
            for k in level + 1..self.current.len() {
                self.current[k] = None;
            }
        }
        let row_item = self.current.get(deepest).copied().flatten();
        self.values(r, row_item, false);
    }

    fn row_by_code(&mut self, r: u32) {
        let code = self.code(r);
        let name = self.name_col.map(|c| self.text(r, c)).unwrap_or_default();
        let level_name = self.level_name_col.map(|c| self.text(r, c)).unwrap_or_default();
        if code.is_empty() && name.is_empty() {
            self.continuation(r);
            return;
        }
        if is_total(&name) || is_total(&code) {
            return;
        }
        self.out.rows += 1;
        let last = self.out.items.len().checked_sub(1);
        let same = last.is_some_and(|i| {
            let item = &self.out.items[i];
            if !code.is_empty() {
                item.code == code && (name.is_empty() || item.statement == name)
            } else {
                item.statement == name && (level_name.is_empty() || self.out.levels.get(item.level).is_some_and(|l| *l == level_name))
            }
        });
        if same {
            self.values(r, last, false);
            return;
        }
        let statement = if name.is_empty() { code.clone() } else { name };
        let level = if !level_name.is_empty() {
            match self.out.levels.iter().position(|l| *l == level_name) {
                Some(i) => i,
                None => {
                    self.out.levels.push(level_name);
                    self.out.levels.len() - 1
                }
            }
        } else if !code.is_empty() && self.mapping.hierarchy == Hierarchy::Code && self.level_name_col.is_none() {
            self.code_levels.level(&code)
        } else if let Some(i) = last {
            // No code (or no level name): beside the row above, or under it where that is no leaf level.
            let above = self.out.items[i].level;
            let level = if self.mapping.hierarchy == Hierarchy::Code && above < self.deepest_seen.max(self.out.levels.len().saturating_sub(1)) { above + 1 } else { above };
            let what = if self.mapping.hierarchy == Hierarchy::Code { "tanpa kode" } else { "tanpa nama tingkat" };
            self.message(r, self.name_col, format!("baris {what}; ditempatkan pada tingkat {}", self.out.levels.get(level).cloned().unwrap_or_else(|| (level + 1).to_string())));
            level
        } else {
            0
        };
        // The parent: the nearest item above whose code the code extends, else the nearest one level up.
        let prefix_parent = (!code.is_empty())
            .then(|| (0..self.out.items.len()).rev().find(|&i| {
                let p = &self.out.items[i];
                p.level < level && !p.code.is_empty() && code.starts_with(&format!("{}.", p.code))
            }))
            .flatten();
        let parent = prefix_parent.or_else(|| (0..self.out.items.len()).rev().find(|&i| self.out.items[i].level < level));
        self.deepest_seen = self.deepest_seen.max(level);
        while self.out.levels.len() <= level {
            let n = self.out.levels.len();
            self.out.levels.push(format!("Level {}", n + 1));
        }
        let index = self.push(Item { row: r, level, statement, code, parent, ..Item::default() });
        self.values(r, Some(index), false);
    }

    fn merging(&self, _col: u32) -> bool {
        self.merges_statements
    }

    fn push(&mut self, item: Item) -> usize {
        self.out.items.push(item);
        self.out.items.len() - 1
    }

    fn code(&self, r: u32) -> String {
        let parts: Vec<String> = self
            .code_cols
            .iter()
            .map(|&c| match self.grid.get(r, c) {
                Cell::Number(n) => format_number(*n),
                cell => cell.text().trim().trim_end_matches('.').to_string(),
            })
            .filter(|p| !p.is_empty() && !is_none_text(p) || p == "0")
            .collect();
        parts.join(".").replace(' ', "")
    }

    /// A row without statement: more indicators of the item above, else a
    /// total or a note (left out).
    fn continuation(&mut self, r: u32) {
        let has_indicator = self
            .values
            .iter()
            .any(|(c, role, _)| matches!(role, ColumnRole::Indicator) && !is_none_text(&self.grid.text(r, *c)));
        if !has_indicator {
            return;
        }
        match self.mapping.hierarchy {
            Hierarchy::Columns => {
                let deepest = self.current.iter().rposition(Option::is_some);
                self.values(r, deepest.and_then(|d| self.current[d]), true);
            }
            _ => {
                let last = self.out.items.len().checked_sub(1);
                self.values(r, last, true);
            }
        }
    }

    /// The row's values into `row_item` (or, by level group, into each level's open item).
    fn values(&mut self, r: u32, row_item: Option<usize>, continuation: bool) {
        let groups: Vec<Option<usize>> = {
            let mut g: Vec<Option<usize>> = self.values.iter().map(|(_, _, g)| *g).collect();
            g.dedup();
            g.sort();
            g.dedup();
            g
        };
        for group in groups {
            let item = match group {
                None => row_item,
                Some(level) => self.current.get(level).copied().flatten(),
            };
            let Some(item) = item else { continue };
            let cols: Vec<(u32, ColumnRole)> = self.values.iter().filter(|(_, _, g)| *g == group).map(|(c, r, _)| (*c, r.clone())).collect();
            self.group_values(r, item, &cols, continuation);
        }
    }

    fn group_values(&mut self, r: u32, item: usize, cols: &[(u32, ColumnRole)], continuation: bool) {
        let has_indicator_col = cols.iter().any(|(_, role)| matches!(role, ColumnRole::Indicator));
        let indicator_text = cols
            .iter()
            .filter(|(_, role)| matches!(role, ColumnRole::Indicator))
            .map(|(c, _)| self.grid.text(r, *c))
            .find(|t| !is_none_text(t));
        let mut ind = Ind { row: r, ..Ind::default() };
        let mut owner = String::new();
        let (mut pagu, mut spent) = (None, None::<i64>);
        for (c, role) in cols {
            let c = *c;
            match role {
                ColumnRole::Unit => {
                    let t = self.text(r, c);
                    if !is_none_text(&t) {
                        ind.unit = t;
                    }
                }
                ColumnRole::Baseline => ind.baseline = self.value(r, c),
                ColumnRole::Target { year } => {
                    if let Some(v) = self.value(r, c) {
                        ind.targets.insert(*year, v);
                    }
                }
                ColumnRole::PkTarget { year } => {
                    if let Some(v) = self.value(r, c) {
                        ind.pk_targets.insert(*year, v);
                    }
                }
                ColumnRole::Realisasi { year, quarter } => {
                    if let Some(v) = self.value(r, c) {
                        ind.realisasi.push((*year, *quarter, v));
                    }
                }
                ColumnRole::Pagu => pagu = self.money(r, c).or(pagu),
                ColumnRole::Spent { .. } => {
                    if let Some(m) = self.money(r, c) {
                        spent = Some(spent.unwrap_or(0).saturating_add(m));
                    }
                }
                ColumnRole::Owner => owner = self.text(r, c),
                _ => {}
            }
        }
        let has_values = ind.baseline.is_some() || !ind.targets.is_empty() || !ind.pk_targets.is_empty() || !ind.realisasi.is_empty();
        let names = match &indicator_text {
            Some(t) => split_indicators(t),
            // A table without indicator column (targets of the statement itself): one indicator named after it.
            None if !has_indicator_col && has_values => vec![self.out.items[item].statement.clone()],
            None => Vec::new(),
        };
        if names.len() > 1 && has_values {
            self.message(r, None, format!("{} indikator dalam satu sel; target dan realisasi baris ini dipakai untuk tiap indikator", names.len()));
        }
        let target = &mut self.out.items[item];
        for name in names {
            let mut one = ind.clone();
            one.name = name;
            target.indicators.push(one);
        }
        if !continuation {
            if target.pagu.is_none() {
                target.pagu = pagu;
            }
            if target.spent.is_none() {
                target.spent = spent;
            }
            if target.owner.is_empty() && !is_none_text(&owner) {
                target.owner = owner;
            }
        }
    }

    /// A target or realisasi: a number where the cell reads as one, else its text; "-" none.
    fn value(&mut self, r: u32, c: u32) -> Option<Value> {
        match self.grid.get(r, c) {
            Cell::Empty => None,
            Cell::Error(e) => {
                let e = e.clone();
                self.formula_error(r, c, &e)
            }
            cell @ (Cell::Number(_) | Cell::Percent(_)) => cell.number().map(number_value),
            Cell::Text(t) => {
                let t = clean(t);
                if matches!(t.as_str(), "" | "-" | "–" | "—" | "--") {
                    None
                } else if is_error_literal(&t) {
                    self.formula_error(r, c, &t)
                } else if let Some(n) = crate::monitoring::measure::parse_number(&t) {
                    Some(number_value(n))
                } else {
                    Some(Value::Text(t))
                }
            }
            cell => Some(Value::Text(cell.text())),
        }
    }

    /// An Excel error value (`#REF!`) where a number was wanted: reported at its cell, no value.
    fn formula_error<T>(&mut self, r: u32, c: u32, shown: &str) -> Option<T> {
        self.message(r, Some(c), format!("nilai galat {shown} diabaikan (rumus di Excel rusak)"));
        None
    }

    /// Rupiah: a whole number.
    fn money(&mut self, r: u32, c: u32) -> Option<i64> {
        match self.grid.get(r, c) {
            Cell::Empty => None,
            Cell::Error(e) => {
                let e = e.clone();
                self.formula_error(r, c, &e)
            }
            cell => match cell.number() {
                Some(n) if n.is_finite() && n.abs() < 9e15 => Some(n.round() as i64),
                _ => {
                    let t = cell.text();
                    if !is_none_text(&t) {
                        self.message(r, Some(c), format!("'{t}' bukan angka rupiah; diabaikan"));
                    }
                    None
                }
            },
        }
    }
}

/// A number as the planner typed it: whole numbers as integers (100, not 100.0).
pub fn number_value(n: f64) -> Value {
    match super::grid::whole(n) {
        Some(whole) => Value::Number(serde_json::Number::from(whole)),
        None => Value::from(super::grid::round_float(n)),
    }
}

/// Excel's error values as text (a csv keeps them so).
fn is_error_literal(text: &str) -> bool {
    matches!(text, "#REF!" | "#N/A" | "#DIV/0!" | "#VALUE!" | "#NAME?" | "#NUM!" | "#NULL!" | "#SPILL!" | "#CALC!")
}

fn is_total(text: &str) -> bool {
    let t = text.trim().to_uppercase();
    t == "JUMLAH" || t == "TOTAL" || t.starts_with("JUMLAH TOTAL") || t == "GRAND TOTAL" || t.starts_with("TOTAL ")
}

/// The level of each code shape: by the number of segments
/// (`1.03.01.2.01.0001`), or the RKA-K/L shapes (program `113.01.06`,
/// kegiatan `5096`, output `5096.001`, komponen `051`).
#[derive(Debug, Default)]
struct CodeLevels {
    kl: bool,
    ranks: Vec<usize>,
    names: Vec<String>,
}

fn segments(code: &str) -> Vec<&str> {
    code.split('.').filter(|s| !s.is_empty()).collect()
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl CodeLevels {
    fn of(grid: &Grid, mapping: &Mapping, code_cols: &[u32]) -> CodeLevels {
        let start = mapping.header_start + mapping.header_rows;
        let codes: Vec<String> = (start..grid.height())
            .map(|r| {
                code_cols
                    .iter()
                    .map(|&c| match grid.get(r, c) {
                        Cell::Number(n) => format_number(*n),
                        cell => cell.text().trim().trim_end_matches('.').to_string(),
                    })
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(".")
                    .replace(' ', "")
            })
            .filter(|c| !c.is_empty())
            .collect();
        let kl = codes.iter().any(|c| {
            let s = segments(c);
            s.len() == 3 && s[0].len() == 3 && s.iter().all(|x| digits(x))
        }) && codes.iter().any(|c| c.len() == 4 && digits(c));
        if kl {
            return CodeLevels {
                kl,
                ranks: Vec::new(),
                names: ["Program", "Kegiatan", "Output", "Komponen", "Sub Komponen"].map(String::from).to_vec(),
            };
        }
        let mut ranks: Vec<usize> = codes.iter().map(|c| segments(c).len()).collect();
        ranks.sort();
        ranks.dedup();
        // SIPD codes: urusan 1, bidang 1.03, program 1.03.01, kegiatan 1.03.01.2.01, sub kegiatan 1.03.01.2.01.0001.
        let sipd = ranks.iter().all(|n| [1, 2, 3, 5, 6].contains(n)) && ranks.iter().any(|n| *n >= 3);
        let names = ranks
            .iter()
            .map(|&n| {
                if sipd {
                    match n {
                        1 => "Urusan",
                        2 => "Bidang Urusan",
                        3 => "Program",
                        5 => "Kegiatan",
                        _ => "Sub Kegiatan",
                    }
                    .to_string()
                } else {
                    format!("Level {n}")
                }
            })
            .collect();
        CodeLevels { kl, ranks, names }
    }

    fn level(&self, code: &str) -> usize {
        let s = segments(code);
        if self.kl {
            return match s.len() {
                3 => 0,
                1 if s[0].len() == 4 && digits(s[0]) => 1,
                1 if digits(s[0]) => 3,
                1 => 4,
                _ => 2,
            };
        }
        self.ranks.iter().position(|&n| n == s.len()).unwrap_or(self.ranks.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_indicators_in_one_cell() {
        assert_eq!(
            split_indicators("1. Nilai LHE AKIP Perangkat Daerah    2. Indeks Kepuasan Masyarakat (IKM)"),
            ["Nilai LHE AKIP Perangkat Daerah", "Indeks Kepuasan Masyarakat (IKM)"]
        );
        assert_eq!(
            split_indicators("Prosentase sarana prasarana pendukung dalam kondisi baik;\nProsentase Tingkat Kehadiran Aparatur;"),
            ["Prosentase sarana prasarana pendukung dalam kondisi baik", "Prosentase Tingkat Kehadiran Aparatur"]
        );
        assert_eq!(split_indicators("- Jumlah dokumen"), ["Jumlah dokumen"]);
        assert_eq!(split_indicators("Indeks 2.5 poin"), ["Indeks 2.5 poin"]);
        assert_eq!(split_indicators("-"), Vec::<String>::new());
    }
}
