//! Every tree an agency has, printed as officials print it, is readable:
//! the smallest statement text is read back from the PDF itself (not from
//! the print options) for every sample and every real tree in ../shared/real.

mod common;

use common::s;

/// Trees too big for one A3 sheet at 6 pt: Deli Serdang's 104 nodes over six
/// levels (71 sub kegiatan) — its boxes with their gaps alone would take 57 %
/// of the sheet at 6 pt, and every level above the leaves adds a row of
/// edges. It prints at its largest (4.2 pt, compact) and the warning points
/// to Cetak per cabang, which tests/print_sheets.rs proves readable.
const TOO_BIG_FOR_ONE_A3: &[(&str, f32)] = &[("deliserdang-bappedalitbang-2025", 4.0)];

#[test]
fn one_a3_landscape_sheet_without_indicators_reads_at_six_points() {
    let dir = common::temp_dir();
    let mut report = Vec::new();
    for tree in common::all_trees() {
        let pdf = dir.path().join(format!("{}.pdf", common::stem(&tree)));
        let out = common::pokin(&["export", "pdf", s(&tree), "-o", s(&pdf), "--paper", "A3", "--landscape", "--printed-on", "2025-01-02"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let pages = common::smallest_statement_pt(&pdf, &common::read(&tree));
        assert_eq!(pages.len(), 1, "{}: one sheet", common::stem(&tree));
        let warnings = String::from_utf8_lossy(&out.stderr).into_owned();
        report.push((common::stem(&tree), pages[0], warnings));
    }
    eprintln!("{:?}", report.iter().map(|(n, pt, _)| (n, pt)).collect::<Vec<_>>());
    for (tree, pt, warnings) in &report {
        match TOO_BIG_FOR_ONE_A3.iter().find(|(n, _)| n == tree) {
            Some((_, floor)) => {
                assert!(*pt >= *floor, "{tree}: {pt} pt");
                assert!(warnings.contains("per cabang"), "{tree}: the warning points to Cetak per cabang: {warnings}");
            }
            None => assert!(*pt >= 6.0, "{tree}: {pt} pt below 6 pt (all: {report:?})"),
        }
    }
}
