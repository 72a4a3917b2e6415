//! A paged table: columns of given widths, cells wrapped with the shipped
//! font's metrics, header rows repeated at the top of every page, rows
//! broken over pages, and rows kept with the one after them (a heading with
//! its first item). Geometry only, in sheet coordinates: a printout draws
//! the rules, fills and marks it wants around the placed text.

use super::Font;

/// One column: its width and the room between its edges and its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnSpec {
    pub width: f32,
    /// Left and right, each.
    pub inset: f32,
}

/// How a cell's text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub bold: bool,
    /// Baseline to baseline; also the room each line takes in its row.
    pub line_height: f32,
    /// Each line centred in the column (else flush left).
    pub centred: bool,
}

impl TextStyle {
    /// Flush left, lines 1.25 × the size apart (as `layout::processes`).
    pub fn new(size: f32, bold: bool) -> TextStyle {
        TextStyle { size, bold, line_height: size * 1.25, centred: false }
    }

    pub fn line_height(self, line_height: f32) -> TextStyle {
        TextStyle { line_height, ..self }
    }

    pub fn centred(self) -> TextStyle {
        TextStyle { centred: true, ..self }
    }

    fn font(&self) -> &'static Font {
        if self.bold {
            Font::bold()
        } else {
            Font::regular()
        }
    }
}

/// One cell: its text (a "\n" starts a new paragraph) and how it is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub style: TextStyle,
    /// Extra room on the left, e.g. for a sub-item.
    pub indent: f32,
}

impl Cell {
    pub fn new(text: impl Into<String>, style: TextStyle) -> Cell {
        Cell { text: text.into(), style, indent: 0.0 }
    }

    pub fn indented(self, indent: f32) -> Cell {
        Cell { indent, ..self }
    }
}

/// One row: a cell per column (missing cells are empty).
#[derive(Debug, Clone, PartialEq)]
pub struct RowSpec {
    pub cells: Vec<Cell>,
    /// Room above the first line and below the last.
    pub padding_top: f32,
    pub padding_bottom: f32,
    pub min_height: f32,
    /// Never the last row on a page when another row follows.
    pub keep_with_next: bool,
}

impl RowSpec {
    pub fn new(cells: Vec<Cell>, padding_top: f32, padding_bottom: f32) -> RowSpec {
        RowSpec { cells, padding_top, padding_bottom, min_height: 0.0, keep_with_next: false }
    }

    pub fn min_height(self, min_height: f32) -> RowSpec {
        RowSpec { min_height, ..self }
    }

    pub fn keep_with_next(self, keep: bool) -> RowSpec {
        RowSpec { keep_with_next: keep, ..self }
    }
}

/// The table to lay out; `x` is its left edge on the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSpec {
    pub x: f32,
    pub columns: Vec<ColumnSpec>,
    /// Repeated at the top of every page.
    pub header: Vec<RowSpec>,
    pub rows: Vec<RowSpec>,
}

/// Where the table may go on its sheets (y from the sheet's top): it starts
/// at `first_top` on the first page, at `next_top` on the following ones,
/// and no row ends below `bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFrame {
    pub first_top: f32,
    pub next_top: f32,
    pub bottom: f32,
}

/// A column on the sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub x: f32,
    pub width: f32,
}

/// One line of a cell, where it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub baseline: f32,
    pub text: String,
    pub size: f32,
    pub bold: bool,
}

/// A row on its page: `index` into the spec's `header` or `rows`, and its
/// cells' lines, one list per column.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRow {
    pub index: usize,
    pub y: f32,
    pub height: f32,
    pub cells: Vec<Vec<TextLine>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TablePage {
    /// Where the header starts.
    pub top: f32,
    pub header: Vec<PlacedRow>,
    pub rows: Vec<PlacedRow>,
    /// Below the last row (below the header on a page without rows).
    pub bottom: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableLayout {
    pub columns: Vec<Column>,
    pub header_height: f32,
    /// At least one page, even for a table without rows.
    pub pages: Vec<TablePage>,
}

/// A row's wrapped cells with their x; the baselines wait for the row's y.
struct Measured {
    height: f32,
    /// Per column: (x, line number, text, style).
    cells: Vec<Vec<(f32, usize, String, TextStyle)>>,
}

fn measure(row: &RowSpec, specs: &[ColumnSpec], columns: &[Column]) -> Measured {
    let mut content: f32 = 0.0;
    let mut cells = Vec::with_capacity(columns.len());
    for (k, (spec, column)) in specs.iter().zip(columns).enumerate() {
        let Some(cell) = row.cells.get(k) else {
            cells.push(Vec::new());
            continue;
        };
        let style = cell.style;
        let font = style.font();
        let room = column.width - 2.0 * spec.inset - cell.indent;
        // An empty cell takes no room; an empty paragraph inside text is a blank line.
        let lines: Vec<String> = if cell.text.trim().is_empty() {
            Vec::new()
        } else {
            cell.text.split('\n').flat_map(|paragraph| font.wrap(paragraph, style.size, room)).collect()
        };
        content = content.max(lines.len() as f32 * style.line_height);
        let placed = lines
            .into_iter()
            .enumerate()
            .map(|(n, text)| {
                let dx = if style.centred { (room - font.width(&text, style.size)) / 2.0 } else { 0.0 };
                (column.x + spec.inset + cell.indent + dx, n, text, style)
            })
            .collect();
        cells.push(placed);
    }
    Measured { height: (content + (row.padding_top + row.padding_bottom)).max(row.min_height), cells }
}

fn place(index: usize, row: &RowSpec, measured: &Measured, y: f32) -> PlacedRow {
    let cells = measured
        .cells
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|(x, n, text, style)| TextLine {
                    x: *x,
                    baseline: y + row.padding_top + style.size + *n as f32 * style.line_height,
                    text: text.clone(),
                    size: style.size,
                    bold: style.bold,
                })
                .collect()
        })
        .collect();
    PlacedRow { index, y, height: measured.height, cells }
}

/// Lays the table out over as many pages as its rows need.
pub fn layout_table(spec: &TableSpec, frame: &PageFrame) -> TableLayout {
    let mut columns = Vec::with_capacity(spec.columns.len());
    let mut x = spec.x;
    for column in &spec.columns {
        columns.push(Column { x, width: column.width });
        x += column.width;
    }
    let header: Vec<Measured> = spec.header.iter().map(|row| measure(row, &spec.columns, &columns)).collect();
    let header_height: f32 = header.iter().map(|m| m.height).sum();
    let rows: Vec<Measured> = spec.rows.iter().map(|row| measure(row, &spec.columns, &columns)).collect();

    // Which page each row goes on, and its y there.
    let mut at: Vec<(usize, f32)> = Vec::with_capacity(rows.len());
    let (mut page, mut page_start) = (0usize, 0usize);
    let mut y = frame.first_top + header_height;
    let fresh_page_top = frame.next_top + header_height;
    for (i, row) in rows.iter().enumerate() {
        let overflows = y + row.height > frame.bottom;
        // Break before a row that does not fit, unless it is alone on its
        // page and would not fit a fresh page either.
        if overflows && (i > page_start || fresh_page_top + row.height <= frame.bottom) {
            // Rows kept with this one come along, unless they are all the page holds.
            let mut start = i;
            while start > page_start && spec.rows[start - 1].keep_with_next {
                start -= 1;
            }
            if start == page_start {
                start = i;
            }
            page += 1;
            page_start = start;
            y = fresh_page_top;
            for (moved, row) in rows.iter().enumerate().take(i).skip(start) {
                at[moved] = (page, y);
                y += row.height;
            }
        }
        at.push((page, y));
        y += row.height;
    }

    let mut placed: Vec<Vec<PlacedRow>> = vec![Vec::new(); page + 1];
    for (i, &(on, row_y)) in at.iter().enumerate() {
        placed[on].push(place(i, &spec.rows[i], &rows[i], row_y));
    }
    let pages = placed
        .into_iter()
        .enumerate()
        .map(|(p, rows)| {
            let top = if p == 0 { frame.first_top } else { frame.next_top };
            let mut header_rows = Vec::with_capacity(header.len());
            let mut header_y = top;
            for (k, measured) in header.iter().enumerate() {
                header_rows.push(place(k, &spec.header[k], measured, header_y));
                header_y += measured.height;
            }
            let bottom = rows.last().map_or(top + header_height, |r| r.y + r.height);
            TablePage { top, header: header_rows, rows, bottom }
        })
        .collect();
    TableLayout { columns, header_height, pages }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> TextStyle {
        TextStyle::new(8.0, false).line_height(10.0)
    }

    /// Two columns (100 and 50 wide, inset 4) at x = 20; rows of `lines` one-word lines.
    fn table(rows: &[usize]) -> TableSpec {
        let row = |lines: usize| {
            let text = vec!["kata"; lines].join("\n");
            RowSpec::new(vec![Cell::new(text, style()), Cell::new("x", style())], 2.0, 3.0)
        };
        TableSpec {
            x: 20.0,
            columns: vec![ColumnSpec { width: 100.0, inset: 4.0 }, ColumnSpec { width: 50.0, inset: 4.0 }],
            header: vec![RowSpec::new(vec![Cell::new("Judul", style().centred())], 4.0, 4.0)],
            rows: rows.iter().map(|&n| row(n)).collect(),
        }
    }

    fn frame() -> PageFrame {
        PageFrame { first_top: 100.0, next_top: 50.0, bottom: 200.0 }
    }

    fn pages_of(layout: &TableLayout) -> Vec<Vec<usize>> {
        layout.pages.iter().map(|p| p.rows.iter().map(|r| r.index).collect()).collect()
    }

    #[test]
    fn columns_follow_each_other_and_cells_wrap_inside_their_insets() {
        let mut spec = table(&[]);
        let long = "Meningkatnya kualitas pelayanan administrasi kepegawaian";
        spec.rows.push(RowSpec::new(vec![Cell::new(long, style()).indented(10.0)], 2.0, 3.0));
        let layout = layout_table(&spec, &frame());
        assert_eq!(layout.columns, vec![Column { x: 20.0, width: 100.0 }, Column { x: 120.0, width: 50.0 }]);
        let row = &layout.pages[0].rows[0];
        let lines = &row.cells[0];
        assert!(lines.len() > 1);
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), long);
        for line in lines {
            assert_eq!(line.x, 34.0);
            assert!(Font::regular().width(&line.text, 8.0) <= 100.0 - 8.0 - 10.0);
        }
        assert_eq!(row.height, lines.len() as f32 * 10.0 + 5.0);
        assert_eq!((lines[0].baseline, lines[1].baseline), (row.y + 10.0, row.y + 20.0));
        assert!(row.cells[1].is_empty(), "a missing cell is empty");
    }

    #[test]
    fn centred_text_sits_in_the_middle_of_its_column() {
        let layout = layout_table(&table(&[]), &frame());
        let line = &layout.pages[0].header[0].cells[0][0];
        let width = Font::regular().width("Judul", 8.0);
        assert!((line.x + width / 2.0 - 70.0).abs() < 0.01, "{line:?}");
        assert_eq!(line.baseline, 100.0 + 4.0 + 8.0);
    }

    #[test]
    fn empty_cells_take_no_room_and_rows_keep_their_minimum_height() {
        let mut spec = table(&[]);
        spec.rows.push(RowSpec::new(vec![Cell::new(" ", style())], 2.0, 3.0));
        spec.rows.push(RowSpec::new(vec![Cell::new("satu", style())], 2.0, 3.0).min_height(36.0));
        let layout = layout_table(&spec, &frame());
        let rows = &layout.pages[0].rows;
        assert_eq!((rows[0].height, rows[0].cells[0].len()), (5.0, 0));
        assert_eq!(rows[1].height, 36.0);
        assert_eq!(rows[1].y, 100.0 + layout.header_height + 5.0);
    }

    #[test]
    fn rows_continue_on_the_next_page_under_a_repeated_header() {
        // Header 8 + 10 = 18 high; rows 15 high: 5 fit under the first top
        // (100 + 18 + 5·15 = 193 ≤ 200), 8 under the next (50 + 18 + 8·15 = 188).
        let layout = layout_table(&table(&[1; 15]), &frame());
        assert_eq!(layout.header_height, 18.0);
        assert_eq!(pages_of(&layout), vec![(0..5).collect::<Vec<_>>(), (5..13).collect(), (13..15).collect()]);
        for page in &layout.pages[1..] {
            assert_eq!(page.top, 50.0);
            assert_eq!(page.header[0].y, 50.0);
            assert_eq!(page.header[0].cells[0][0].text, "Judul");
            assert_eq!(page.rows[0].y, 68.0);
            assert!(page.rows.iter().all(|r| r.y + r.height <= 200.0));
        }
        assert_eq!(layout.pages[2].bottom, 68.0 + 30.0);
    }

    #[test]
    fn a_row_kept_with_the_next_moves_with_it() {
        let mut spec = table(&[1; 6]);
        // Row 4 heads row 5, which does not fit on the first page: both move.
        spec.rows[4].keep_with_next = true;
        let layout = layout_table(&spec, &frame());
        assert_eq!(pages_of(&layout), vec![vec![0, 1, 2, 3], vec![4, 5]]);
        assert_eq!(layout.pages[1].rows[0].y, 68.0);
        assert_eq!(layout.pages[1].rows[1].cells[0][0].baseline, 68.0 + 15.0 + 2.0 + 8.0);
        // A chain as long as the page is broken where the page ends.
        for row in &mut spec.rows {
            row.keep_with_next = true;
        }
        assert_eq!(pages_of(&layout_table(&spec, &frame())), vec![(0..5).collect::<Vec<_>>(), vec![5]]);
    }

    #[test]
    fn a_row_too_tall_for_any_page_is_placed_once_without_blank_pages() {
        let layout = layout_table(&table(&[30, 1]), &frame());
        assert_eq!(pages_of(&layout), vec![vec![0], vec![1]]);
        // A row that only misses the first page's room starts on the next.
        let layout = layout_table(&table(&[10]), &frame());
        assert_eq!(pages_of(&layout), vec![vec![], vec![0]]);
        assert_eq!(layout.pages[0].bottom, 118.0);
    }

    #[test]
    fn a_table_without_rows_is_one_page_with_its_header() {
        let layout = layout_table(&table(&[]), &frame());
        assert_eq!(layout.pages.len(), 1);
        assert_eq!(layout.pages[0].bottom, 100.0 + 18.0);
    }
}
