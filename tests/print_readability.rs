//! Every tree an agency has, printed as officials print it, is readable:
//! the smallest statement text is read back from the PDF itself (not from
//! the print options) for every sample and every real tree in ../shared/real.

mod common;

use common::{ok, s};
use std::path::{Path, PathBuf};

/// Every tree: the samples and, where present, the real ones.
fn trees() -> Vec<PathBuf> {
    let mut all = common::samples();
    all.extend(common::real_trees());
    all
}

fn name(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn one_a3_landscape_sheet_without_indicators_reads_at_six_points() {
    let dir = common::temp_dir();
    let mut report = Vec::new();
    for tree in trees() {
        let pdf = dir.path().join(format!("{}.pdf", name(&tree)));
        ok(&["export", "pdf", s(&tree), "-o", s(&pdf), "--paper", "A3", "--landscape", "--printed-on", "2025-01-02"]);
        let pages = common::smallest_statement_pt(&pdf, &common::read(&tree));
        assert_eq!(pages.len(), 1, "{}: one sheet", name(&tree));
        report.push((name(&tree), pages[0]));
    }
    let unreadable: Vec<_> = report.iter().filter(|(_, pt)| *pt < 6.0).collect();
    assert!(unreadable.is_empty(), "below 6 pt: {unreadable:?} (all: {report:?})");
}
