//! Printing a large tree on ordinary paper (#13): Cetak per cabang (an
//! overview, then one sheet per branch) read back from the PDF at 6 pt or
//! more with every indicator and every target year; the poster as a grid
//! with its assembly map and the signature whole beside the tree; the fit
//! mode's advice; years without targets.

mod common;

use common::{ok, pokin, s, smallest_statement_pt, tool};
use pokin::model::Document;
use std::path::Path;

/// The years of the document's period: "2021,2022,…".
fn period_years(doc: &Document) -> String {
    let p = &doc.document.period;
    (p.from..=p.to).map(|y| y.to_string()).collect::<Vec<_>>().join(",")
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[s(pdf)]);
    info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().parse().unwrap()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let text = tool("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string(), s(pdf), "-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

/// Every statement of `doc` somewhere in the PDF (lines may break inside words).
fn assert_every_statement(pdf: &Path, doc: &Document, what: &str) {
    let all = squeezed(&tool("pdftotext", &[s(pdf), "-"]));
    for node in doc.tree.nodes.iter() {
        assert!(all.contains(&squeezed(&node.statement)), "{what}: missing {}", node.statement);
    }
}

#[test]
fn per_branch_sheets_read_at_6_pt_with_every_target_year() {
    let dir = common::temp_dir();
    let mut figures = Vec::new();
    for path in common::all_trees() {
        let doc = common::read(&path);
        let years = period_years(&doc);
        for paper in ["F4", "A3"] {
            let pdf = dir.path().join(format!("{}-{paper}.pdf", common::stem(&path)));
            let o = pokin(&[
                "export",
                "pdf",
                s(&path),
                "-o",
                s(&pdf),
                "--view",
                "tree",
                "--paper",
                paper,
                "--landscape",
                "--mode",
                "branches",
                "--years",
                &years,
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let what = format!("{} {paper}", common::stem(&path));
            let sizes = smallest_statement_pt(&pdf, &doc);
            let count = pages(&pdf);
            assert!(count >= 2, "{what}: an overview and at least one branch");
            let with_statements: Vec<f32> = sizes.iter().copied().filter(|s| s.is_finite()).collect();
            assert_eq!(with_statements.len(), count, "{what}: every sheet shows statements: {sizes:?}");
            let smallest = with_statements.iter().copied().fold(f32::INFINITY, f32::min);
            assert!(smallest >= 5.95, "{what}: {sizes:?}");
            assert_every_statement(&pdf, &doc, &what);
            // The targets are printed, and the overview (sheet 1) carries the signature.
            assert!(tool("pdftotext", &[s(&pdf), "-"]).contains("Target "), "{what}: targets");
            assert!(page_text(&pdf, 1).contains("NIP."), "{what}: signature on the overview");
            assert!(page_text(&pdf, 2).contains("Lembar cabang 1 dari"), "{what}");
            figures.push(format!("{what}: {count} lembar, terkecil {smallest:.1} pt"));
        }
    }
    eprintln!("{}", figures.join("\n"));
}

#[test]
fn a_chosen_branch_level_and_the_layout_are_honoured() {
    let dir = common::temp_dir();
    let path = common::root().join("assets/samples/waykanan-bkpsdm.json");
    let doc = common::read(&path);
    let pdf = dir.path().join("level3.pdf");
    ok(&[
        "export",
        "pdf",
        s(&path),
        "-o",
        s(&pdf),
        "--mode",
        "branches",
        "--branch-level",
        "3",
        "--layout",
        "wide",
        "--paper",
        "A3",
        "--landscape",
    ]);
    // One sheet per Kegiatan at least (a large one may be split again), after the overview.
    let kegiatan = doc.tree.nodes.iter().filter(|n| n.level == 3).count();
    assert!(pages(&pdf) > kegiatan, "{} sheets for {kegiatan} kegiatan", pages(&pdf));
    assert!(page_text(&pdf, 1).contains("cabang pada level 3 (Kegiatan)"), "{}", page_text(&pdf, 1));
    // A branch sheet names its ancestors from the top.
    assert!(page_text(&pdf, 2).contains("Tujuan: Meningkatnya"), "{}", page_text(&pdf, 2));
    assert_every_statement(&pdf, &doc, "level 3");
}

#[test]
fn nothing_is_lost_from_odd_trees() {
    use pokin::model::{Extra, Link, LinkKind};
    let fingerprint = "0".repeat(64);
    let provenance = pokin::render::Provenance { fingerprint: &fingerprint, final_name: None };
    let mut doc = pokin::samples::find("lumajang-bkd").unwrap().document();
    // An orphan deep down, and a cycle of two nodes below it.
    let mut orphan = doc.tree.nodes[10].clone();
    orphan.id = "yatim".into();
    orphan.statement = "Simpul yatim tanpa induk di level empat".into();
    orphan.level = 4;
    doc.tree.nodes.push(orphan);
    for (id, statement) in [("c1", "Simpul siklus pertama"), ("c2", "Simpul siklus kedua")] {
        let mut node = doc.tree.nodes[12].clone();
        node.id = id.into();
        node.statement = statement.into();
        node.level = 5;
        doc.tree.nodes.push(node);
    }
    let link = |from: &str, to: &str| Link {
        from: from.into(),
        to: to.into(),
        kind: LinkKind::Primary,
        rationale: String::new(),
        serves: None,
        agreement: None,
        extra: Extra::new(),
    };
    doc.tree.links.push(link("c1", "c2"));
    doc.tree.links.push(link("c2", "c1"));
    let dir = common::temp_dir();
    let pdf = dir.path().join("odd.pdf");
    for level in [None, Some(0), Some(1), Some(3), Some(9)] {
        let options = pokin::render::PrintOptions { mode: pokin::render::PrintMode::Branches { level }, ..Default::default() };
        let printout = pokin::render::print_tree(&doc, &provenance, &options);
        std::fs::write(&pdf, &printout.pdf).unwrap();
        assert_every_statement(&pdf, &doc, &format!("{level:?}"));
    }
    // An empty tree: one sheet that says so.
    doc.tree.nodes = Default::default();
    doc.tree.links = Default::default();
    for mode in
        [pokin::render::PrintMode::Branches { level: None }, pokin::render::PrintMode::Poster { scale: 1.0 }, pokin::render::PrintMode::Fit]
    {
        let options = pokin::render::PrintOptions { mode, ..Default::default() };
        let preview = pokin::render::preview_tree(&doc, &provenance, &options);
        assert!(!preview.pages.is_empty(), "{mode:?}");
    }
}

#[test]
fn the_poster_is_a_grid_with_a_map_and_the_signature_whole_beside_the_tree() {
    let dir = common::temp_dir();
    for path in common::all_trees() {
        let doc = common::read(&path);
        for (paper, landscape) in [("A3", true), ("A4", false), ("A4", true)] {
            let what = format!("{} {paper}{}", common::stem(&path), if landscape { " mendatar" } else { "" });
            let pdf = dir.path().join(format!("{}-{paper}-{landscape}-poster.pdf", common::stem(&path)));
            let mut args = vec!["export", "pdf", s(&path), "-o", s(&pdf), "--paper", paper, "--mode", "poster"];
            if landscape {
                args.push("--landscape");
            }
            ok(&args);
            let count = pages(&pdf);
            let sizes = smallest_statement_pt(&pdf, &doc);
            // The assembly map on the first sheet.
            assert!(page_text(&pdf, 1).contains("Peta susunan poster"), "{what}: assembly map");
            // The signature: name and NIP on one page, which shows the tree too.
            let sig = &doc.document.signatory;
            let nip = if sig.nip.is_empty() { "NIP.".to_string() } else { format!("NIP. {}", sig.nip) };
            let signed: Vec<usize> = (1..=count).filter(|&p| page_text(&pdf, p).contains(&nip)).collect();
            assert_eq!(signed.len(), 1, "{what}: the signature on one page: {signed:?}");
            let page = signed[0];
            let text = page_text(&pdf, page);
            assert!(sig.name.is_empty() || text.contains(&sig.name), "{what}: name beside the NIP");
            assert!(sizes.get(page - 1).is_some_and(|s| s.is_finite()), "{what}: page {page} with the signature shows the tree");
            // No blank sheet: every page shows statements (the map's own sheet aside).
            for (k, size) in sizes.iter().enumerate() {
                let text = page_text(&pdf, k + 1);
                assert!(size.is_finite() || text.contains("Peta susunan poster"), "{what}: page {} blank: {text}", k + 1);
            }
            assert_every_statement(&pdf, &doc, &what);
        }
    }
}

/// The real Deli Serdang tree, where ../shared/real is present.
fn deli_serdang() -> Option<std::path::PathBuf> {
    common::real_trees().into_iter().find(|p| common::stem(p).starts_with("deliserdang"))
}

#[test]
fn deli_serdang_poster_on_a3_takes_fewer_sheets_than_the_strip() {
    let Some(path) = deli_serdang() else { return };
    let dir = common::temp_dir();
    let pdf = dir.path().join("deli.pdf");
    ok(&["export", "pdf", s(&path), "-o", s(&pdf), "--paper", "A3", "--landscape", "--mode", "poster"]);
    // One strip of 11 A3 sheets (4.6 m) before.
    let count = pages(&pdf);
    eprintln!("Deli Serdang poster A3: {count} lembar");
    assert!(count < 11, "{count}");
    let first = page_text(&pdf, 1);
    assert!(first.contains("Peta susunan poster") && first.contains("Lembar B1-K1"), "{first}");
}

#[test]
fn fit_says_what_reads_better_and_which_years_lack_targets() {
    let Some(path) = deli_serdang() else { return };
    let dir = common::temp_dir();
    let pdf = dir.path().join("fit.pdf");
    let o = pokin(&["export", "pdf", s(&path), "-o", s(&pdf), "--paper", "F4", "--landscape", "--years", "2025,2027"]);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("Pada F4 mendatar teks pernyataan hanya"), "{stderr}");
    assert!(stderr.contains("Cetak per cabang pada F4"), "{stderr}");
    assert!(stderr.contains("target tahun 2027") && !stderr.contains("tahun 2025"), "{stderr}");
}
