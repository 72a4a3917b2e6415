//! The header band of a sheet: where it starts, how many rows (multi-row
//! headers, column-number rows, unit rows), and one text per column.
//!
//! The band starts at the first row with several distinct texts (title
//! and banner rows above it hold one text, often merged across the
//! table). It goes on while the next row is still header: a row reached
//! by a merge that starts in the band, a row under a group header merged
//! across columns, a unit row (`K`, `Rp.`, `%`). A column-number row
//! (`1 2 3 …`, `(1) (2) …`, `13 = 9 + 10`) ends it, together with the unit
//! rows right after it.

use super::grid::{Cell, Grid};

/// The header band of a sheet, 0-based rows.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderBand {
    pub start: u32,
    pub rows: u32,
    /// One header per column, the band's rows joined with " › ".
    pub headers: Vec<String>,
}

impl HeaderBand {
    /// The first row after the band.
    pub fn data_start(&self) -> u32 {
        self.start + self.rows
    }
}

/// How far down a sheet the header is looked for.
const SEARCH_ROWS: u32 = 40;

/// The header band as the sheet shows it, or `rows` header rows from the
/// detected start where the planner said how many.
pub fn detect(grid: &Grid, rows: Option<u32>) -> Option<HeaderBand> {
    let start = (0..grid.height().min(SEARCH_ROWS)).find(|&r| is_header_start(grid, r))?;
    let rows = match rows {
        Some(n) => n.max(1),
        None => band_rows(grid, start),
    };
    Some(band(grid, start, rows))
}

/// The band of `rows` rows from `start`, with its headers.
pub fn band(grid: &Grid, start: u32, rows: u32) -> HeaderBand {
    let rows = rows.max(1);
    HeaderBand { start, rows, headers: headers(grid, start, rows) }
}

/// Distinct non-empty, non-numeric texts of a row.
fn distinct_texts(grid: &Grid, row: u32) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for cell in grid.row(row) {
        if let Cell::Text(t) = cell {
            let t = t.trim();
            if !t.is_empty() && t.parse::<f64>().is_err() && !seen.iter().any(|s| s == t) {
                seen.push(t.to_string());
            }
        }
    }
    seen
}

fn is_header_start(grid: &Grid, row: u32) -> bool {
    let texts = distinct_texts(grid, row);
    let needed = if grid.width() <= 3 { 2 } else { 3 };
    // A header names columns: short texts, not sentences with a colon (a banner "OPD : …").
    texts.len() >= needed && texts.iter().filter(|t| t.chars().count() <= 250).count() >= needed
}

fn band_rows(grid: &Grid, start: u32) -> u32 {
    let mut end = start; // last header row, inclusive
    let mut numbered = false;
    let limit = grid.height();
    let mut r = start + 1;
    while r < limit && r <= start + 6 {
        if grid.is_row_empty(r) {
            // An empty row inside a header whose merges reach below it (rare): stop.
            break;
        }
        if numbered {
            if is_unit_row(grid, r) {
                end = r;
                r += 1;
                continue;
            }
            break;
        }
        if is_number_row(grid, r) {
            end = r;
            numbered = true;
        } else if is_unit_row(grid, r) || reached_by_merge(grid, start, end, r) || under_group(grid, end, r) {
            end = r;
        } else {
            break;
        }
        r += 1;
    }
    end - start + 1
}

/// A merge starting in the band (rows start..=end) covers row `r`.
fn reached_by_merge(grid: &Grid, start: u32, end: u32, r: u32) -> bool {
    grid.merged
        .iter()
        .any(|m| (start..=end).contains(&m.first_row) && m.last_row >= r && m.first_row < r && !grid.get(m.first_row, m.first_col).is_empty())
}

/// Row `r` has text under a group header of row `above` merged across columns.
fn under_group(grid: &Grid, above: u32, r: u32) -> bool {
    grid.merged.iter().any(|m| {
        m.first_row <= above
            && m.last_row == above
            && m.last_col > m.first_col
            && !grid.get(m.first_row, m.first_col).is_empty()
            && (m.first_col..=m.last_col).any(|c| matches!(grid.get(r, c), Cell::Text(_)) || is_year_cell(grid.get(r, c)))
            && header_like_texts(grid, r)
    })
}

/// The row's texts look like headers, not data: short words, or years.
fn header_like_texts(grid: &Grid, r: u32) -> bool {
    let cells: Vec<&Cell> = grid.row(r).iter().filter(|c| !c.is_empty()).collect();
    !cells.is_empty()
        && cells.iter().all(|c| match c {
            Cell::Text(t) => t.chars().count() <= 80,
            c => is_year_cell(c),
        })
}

fn is_year_cell(cell: &Cell) -> bool {
    match cell {
        Cell::Number(n) => n.fract() == 0.0 && (1900.0..=2200.0).contains(n),
        Cell::Text(t) => t.trim().parse::<i32>().is_ok_and(|y| (1900..=2200).contains(&y)),
        _ => false,
    }
}

/// `1 2 3 …`, `(1) (2) …`, `8=(7/6)`: mostly small column numbers.
pub fn is_number_row(grid: &Grid, r: u32) -> bool {
    let cells: Vec<&Cell> = grid.row(r).iter().filter(|c| !c.is_empty()).collect();
    if cells.len() < 3 {
        return false;
    }
    let numbers: Vec<Option<u32>> = cells.iter().map(|c| column_number(c)).collect();
    let found = numbers.iter().flatten().count();
    if found * 10 < cells.len() * 7 {
        return false;
    }
    // Mostly increasing, starting small.
    let values: Vec<u32> = numbers.into_iter().flatten().collect();
    // Merged over two columns, a number repeats: non-decreasing, and rising somewhere.
    let rising = values.windows(2).filter(|w| w[1] >= w[0]).count();
    values.first().is_some_and(|&v| v <= 3) && rising * 10 >= (values.len() - 1) * 7 && values.last() > values.first()
}

fn column_number(cell: &Cell) -> Option<u32> {
    let text = match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..=300.0).contains(n) => return Some(*n as u32),
        Cell::Text(t) => t.trim(),
        _ => return None,
    };
    let inner = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(text).trim();
    if let Ok(n) = inner.parse::<u32>() {
        return (n <= 300).then_some(n);
    }
    // "13 = 9 + 10 + 11 + 12", "8=(7/6)"
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..].trim_start();
    if !digits.is_empty() && rest.starts_with('=') {
        return digits.parse().ok().filter(|&n| n <= 300);
    }
    None
}

/// Unit rows under a header: `K`, `Rp.`, `%`, `Rp`, `Target`, `Realisasi`.
fn is_unit_row(grid: &Grid, r: u32) -> bool {
    // Copies of a header merged down into this row do not count.
    let cells: Vec<&Cell> =
        grid.row(r).iter().enumerate().filter(|(c, cell)| !cell.is_empty() && grid.is_origin(r, *c as u32)).map(|(_, cell)| cell).collect();
    cells.len() >= 2 && cells.iter().all(|c| matches!(c, Cell::Text(t) if is_unit_word(t)))
}

pub fn is_unit_word(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    matches!(t.as_str(), "k" | "rp" | "rp." | "%" | "(rp)" | "(rp.)" | "(%)" | "kinerja" | "anggaran" | "keu" | "fisik")
}

/// One text per column: the band's distinct texts top-down joined with
/// " › " (a cell merged down the band counted once); column-number rows
/// left out.
pub fn headers(grid: &Grid, start: u32, rows: u32) -> Vec<String> {
    let width = grid.width();
    let band: Vec<u32> = (start..start + rows).filter(|&r| r < grid.height() && !is_number_row(grid, r)).collect();
    (0..width)
        .map(|c| {
            let mut parts: Vec<String> = Vec::new();
            for &r in &band {
                // A column number merged down into a unit row is no header.
                if grid.merge_at(r, c).is_some_and(|m| m.first_row != r && is_number_row(grid, m.first_row)) {
                    continue;
                }
                let text = grid.text(r, c);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() || parts.last().is_some_and(|p| *p == text) {
                    continue;
                }
                parts.push(text);
            }
            parts.join(" › ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::sheet::grid::Merge;

    fn t(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.into())
        }
    }

    #[test]
    fn title_rows_then_a_two_row_header_with_numbers_and_units() {
        let mut grid = Grid::from_rows(
            "S",
            vec![
                vec![t("EVALUASI RENJA"), t("EVALUASI RENJA"), t("EVALUASI RENJA"), t("EVALUASI RENJA")],
                vec![],
                vec![t("No"), t("Program"), t("Realisasi Kinerja Pada Triwulan"), t("Realisasi Kinerja Pada Triwulan")],
                vec![t("No"), t("Program"), t("I"), t("II")],
                vec![t("1"), t("2"), t("3"), t("4")],
                vec![t(""), t(""), t("K"), t("K")],
                vec![t("1"), t("Program A"), Cell::Number(3.0), Cell::Number(4.0)],
            ],
        );
        grid.merged = vec![
            Merge { first_row: 0, first_col: 0, last_row: 0, last_col: 3 },
            Merge { first_row: 2, first_col: 0, last_row: 3, last_col: 0 },
            Merge { first_row: 2, first_col: 1, last_row: 3, last_col: 1 },
            Merge { first_row: 2, first_col: 2, last_row: 2, last_col: 3 },
        ];
        let band = detect(&grid, None).unwrap();
        assert_eq!((band.start, band.rows), (2, 4));
        assert_eq!(band.headers[2], "Realisasi Kinerja Pada Triwulan › I › K");
        assert_eq!(band.headers[0], "No");
        assert_eq!(band.data_start(), 6);
    }

    #[test]
    fn one_header_row_then_data() {
        let grid = Grid::from_rows(
            "S",
            vec![
                vec![t("No"), t("Level"), t("Pernyataan"), t("Indikator")],
                vec![t("1"), t("Tujuan"), t("Meningkatnya X"), t("Indeks X")],
            ],
        );
        let band = detect(&grid, None).unwrap();
        assert_eq!((band.start, band.rows), (0, 1));
    }

    #[test]
    fn column_numbers() {
        let grid = Grid::from_rows("S", vec![vec![t("(1)"), t("(2)"), t("(3)"), t("(4)")], vec![t("1"), t("2"), t("8=(7/6)"), t("9")]]);
        assert!(is_number_row(&grid, 0));
        assert!(is_number_row(&grid, 1));
    }
}
