//! The reviewer's worksheets (KKE Format 1 and 2, issue #12): prefilled
//! marks on the Lumajang sample, entries that override them, the
//! percentages as the forms compute them, and verdicts as review data
//! (stored, outside the fingerprint, open on a final document, merged
//! back from a review copy).

mod common;

use pokin::compare::Choice;
use pokin::edit::Op;
use pokin::interchange::json;
use pokin::model::{Criterion, Document, Kke, Mark, ReviewTeam, Person, Target};
use pokin::store::DocFile;
use pokin::worksheet::{for_document, Worksheet};

fn lumajang() -> Document {
    pokin::samples::find("lumajang-bkd").unwrap().document()
}

/// Each row's marks as "S=- M=T* …" (* = otomatis).
fn marks(ws: &Worksheet) -> Vec<(String, String)> {
    ws.rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| format!("{}{}", c.mark.map_or("-", |m| m.label()), if c.auto { "*" } else { "" }))
                .collect();
            (r.id.clone(), cells.join(" "))
        })
        .collect()
}

fn mark(kke: Kke, on: Target, criterion: Criterion, mark: Option<Mark>) -> Op {
    Op::SetVerdictMark { kke, on, criterion, mark, author: "Rina (Inspektorat)".into(), role: "Auditor".into() }
}

fn note(kke: Kke, on: Target, text: &str) -> Op {
    Op::SetVerdictNote { kke, on, note: text.into(), author: "Rina (Inspektorat)".into(), role: "Auditor".into() }
}

fn node(id: &str) -> Target {
    Target::Node(id.into())
}

#[test]
fn format_1_on_lumajang_is_prefilled_from_the_findings() {
    let ws = for_document(&lumajang(), Kke::Indicators);
    // Three indicators (n0, n1, n2); columns S M A R T Menantang. The
    // sample's indicators ("Indeks RB" …) name a measure but give no unit
    // (P008): Dapat Diukur T; no target for the period's years (P009):
    // Berbatas Waktu T; with no target at all, Menantang cannot be judged.
    // S, A, R are the reviewer's to judge.
    assert_eq!(
        marks(&ws),
        vec![
            ("1:n0/i0".to_string(), "- T* - - T* -".to_string()),
            ("1:n1/i1".to_string(), "- T* - - T* -".to_string()),
            ("1:n2/i2".to_string(), "- T* - - T* -".to_string()),
        ]
    );
    assert!(ws.rows[0].cells[1].reason.starts_with("P008"), "{}", ws.rows[0].cells[1].reason);
    assert_eq!(ws.percentage, 0.0);
    assert_eq!(ws.challenging, Some(0.0));
    assert_eq!(ws.unjudged, 12);
}

#[test]
fn format_2_on_lumajang_marks_the_illogical_links() {
    let ws = for_document(&lumajang(), Kke::Cascade);
    let auto_t: Vec<&str> = ws.rows.iter().filter(|r| r.cells[0].mark == Some(Mark::T)).map(|r| r.node.as_str()).collect();
    // P013: the four level-3 boxes under n2 are worded as activities.
    assert_eq!(auto_t, ["n3", "n4", "n5", "n6"]);
    assert!(ws.rows.iter().all(|r| r.cells[0].auto == r.cells[0].mark.is_some()));
    let n3 = ws.rows.iter().find(|r| r.node == "n3").unwrap();
    assert!(n3.cells[0].reason.starts_with("P013"), "{}", n3.cells[0].reason);
    assert_eq!(n3.parent.as_deref(), Some("Meningkatnya Manajemen ASN melalui Sistem Merit"));
    assert_eq!(n3.path.len(), 3, "{:?}", n3.path);
    // Every node below the top has a row, in the tree's order.
    assert_eq!(ws.rows.len(), lumajang().tree.nodes.len() - 1);
    assert_eq!(ws.rows[0].node, "n1");
    assert_eq!(ws.percentage, 0.0);
}

#[test]
fn entries_override_and_the_percentages_follow_the_forms() {
    let mut doc = lumajang();
    let rows = for_document(&doc, Kke::Cascade).rows.len() as f64;
    for op in [
        mark(Kke::Cascade, node("n1"), Criterion::Logical, Some(Mark::Y)),
        mark(Kke::Cascade, node("n2"), Criterion::Logical, Some(Mark::K)),
        mark(Kke::Cascade, node("n3"), Criterion::Logical, Some(Mark::Y)),
        note(Kke::Cascade, node("n4"), "Rumuskan sebagai kondisi, bukan kegiatan"),
    ] {
        pokin::edit::execute(&mut doc, &op).unwrap();
    }
    let ws = for_document(&doc, Kke::Cascade);
    // n1 Y (1), n2 K (0.5), n3 Y (1, the reviewer overrode the automatic T), n4 still T.
    let expected = ((2.5 / rows) * 100.0 * 100.0).round() / 100.0;
    assert_eq!(ws.percentage, expected);
    let n4 = ws.rows.iter().find(|r| r.node == "n4").unwrap();
    assert_eq!((n4.cells[0].mark, n4.cells[0].auto), (Some(Mark::T), true));
    assert_eq!(n4.note, "Rumuskan sebagai kondisi, bukan kegiatan");
    assert_eq!(n4.author, "Rina (Inspektorat)");

    let indicator = Target::Indicator("n1".into(), "i1".into());
    for criterion in [Criterion::Specific, Criterion::Measurable, Criterion::Achievable, Criterion::Relevant, Criterion::TimeBound] {
        pokin::edit::execute(&mut doc, &mark(Kke::Indicators, indicator.clone(), criterion, Some(Mark::Y))).unwrap();
    }
    let ws = for_document(&doc, Kke::Indicators);
    // Row n1: S M A R T all Y now (5 of 15); the others have no Y.
    assert_eq!(ws.percentage, 33.33);

    // Back to otomatis: the row disappears once nothing is left in it.
    pokin::edit::execute(&mut doc, &mark(Kke::Cascade, node("n1"), Criterion::Logical, None)).unwrap();
    assert!(doc.verdicts.iter().all(|v| v.id != "2:n1"));
}

#[test]
fn wrong_entries_are_refused_in_words() {
    let mut doc = lumajang();
    let err = |doc: &mut Document, op: Op| pokin::edit::execute(doc, &op).unwrap_err().to_string();
    let indicator = Target::Indicator("n1".into(), "i1".into());
    assert_eq!(
        err(&mut doc, mark(Kke::Indicators, indicator.clone(), Criterion::Measurable, Some(Mark::K))),
        "K (kurang logis) hanya dipakai di KKE Format 2; Format 1 dinilai Y atau T"
    );
    assert_eq!(
        err(&mut doc, mark(Kke::Indicators, indicator.clone(), Criterion::Logical, Some(Mark::T))),
        "Kriteria Logis tidak ada di KKE Format 1 — Kualitas Indikator (SMART dan Menantang)"
    );
    assert_eq!(err(&mut doc, mark(Kke::Cascade, indicator, Criterion::Logical, Some(Mark::T))), "KKE Format 2 menilai simpul: pilih satu simpul");
    assert!(err(&mut doc, mark(Kke::Cascade, node("n999"), Criterion::Logical, Some(Mark::T))).contains("tidak ada di dokumen"));
}

#[test]
fn verdicts_are_review_data_kept_in_the_file_and_merged_from_a_copy() {
    let dir = common::temp_dir();
    let path = dir.path().join("rencana.pokin");
    let mut file = DocFile::create(&path, &lumajang()).unwrap();
    file.mark_final("Renstra ditetapkan").unwrap();
    let signed = json::fingerprint(file.document());

    // A final document takes verdicts and the review team; the fingerprint stays.
    file.apply(&note(Kke::Cascade, node("n5"), "Tambahkan indikator yang mengukur kualitas penilaian")).unwrap();
    let team = ReviewTeam {
        unit: "Inspektorat Kabupaten Lumajang".into(),
        round: 1,
        leader: Person { name: "Drs. Bambang S.".into(), rank: "Pembina, IV/a".into(), nip: "196801011990031001".into(), role: "Ketua Tim".into() },
        ..Default::default()
    };
    file.apply(&Op::SetReviewTeam { team: team.clone() }).unwrap();
    assert_eq!(json::fingerprint(file.document()), signed);
    drop(file);

    let file = DocFile::open(&path).unwrap();
    assert_eq!(file.document().verdicts.len(), 1);
    assert_eq!(file.document().review_team, team);
    drop(file);

    // A draft, sent for review; the reviewer judges, the planner merges.
    let draft = dir.path().join("draf.pokin");
    let mut plan = DocFile::create(&draft, &lumajang()).unwrap();
    let copy_path = dir.path().join("draf-reviu.pokin");
    plan.review_copy(&copy_path, "Rina").unwrap();
    let mut copy = DocFile::open(&copy_path).unwrap();
    copy.apply(&mark(Kke::Cascade, node("n2"), Criterion::Logical, Some(Mark::K))).unwrap();
    copy.apply(&note(Kke::Cascade, node("n2"), "Hubungan dengan induk belum jelas")).unwrap();
    let done = plan.merge_review(&copy, &Choice::none()).unwrap();
    assert_eq!(done.report.comments.verdicts, 1);
    assert!(done.report.changes.is_empty(), "verdicts are not plan suggestions: {:?}", done.report.changes);
    let ws = for_document(plan.document(), Kke::Cascade);
    let n2 = ws.rows.iter().find(|r| r.node == "n2").unwrap();
    assert_eq!((n2.cells[0].mark, n2.note.as_str()), (Some(Mark::K), "Hubungan dengan induk belum jelas"));
    // Merging again brings nothing new.
    let again = plan.merge_review(&copy, &Choice::none()).unwrap();
    assert_eq!(again.report.comments.verdicts, 0);
}

#[test]
fn the_cli_prints_a_worksheet_as_text_and_json() {
    let dir = common::temp_dir();
    let json_path = dir.path().join("lumajang.json");
    std::fs::write(&json_path, pokin::samples::find("lumajang-bkd").unwrap().json).unwrap();
    let text = common::ok(&["worksheet", common::s(&json_path), "--kke", "1"]);
    assert!(text.starts_with("KKE Format 1"), "{text}");
    assert!(text.contains("Persentase: 0 %"), "{text}");
    let value: serde_json::Value = serde_json::from_str(&common::ok(&["worksheet", common::s(&json_path), "--kke", "2", "--format", "json"])).unwrap();
    assert!(value["rows"].as_array().unwrap().len() > 10);
    assert_eq!(value["percentage"], 0.0);
    let o = common::pokin(&["worksheet", common::s(&json_path), "--kke", "3"]);
    assert_eq!(o.status.code(), Some(2));
}
