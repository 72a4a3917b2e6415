use super::*;
use crate::edit::{execute, Op};
use crate::model::{Criterion, Person, ReviewTeam};
use crate::render::Item;

fn texts(sheets: &[Sheet]) -> String {
    sheets.iter().flat_map(Sheet::texts).collect::<Vec<_>>().join(" ")
}

fn compose(doc: &Document) -> Drawn {
    let fingerprint = "0".repeat(64);
    let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
    compose_review(doc, &provenance, &PageSetup { width: 595.0, height: 842.0, margin: 28.35 }, "2026-05-04")
}

#[test]
fn a_reviewed_document_has_its_threads_verdicts_team_and_recommendations() {
    let mut doc = crate::samples::find("lumajang-bkd").unwrap().document();
    let mut open = Annotation::new(Target::Node("n2".into()), "Rumusan kondisi belum menggambarkan perubahan yang diharapkan");
    open.author = "Siti".into();
    open.round = 2;
    execute(&mut doc, &Op::AddAnnotation { annotation: open }).unwrap();
    execute(
        &mut doc,
        &Op::SetVerdictNote { kke: Kke::Cascade, on: Target::Node("n5".into()), note: "Penilaian bukan hasil dari penataan mutasi".into(), author: String::new(), role: String::new() },
    )
    .unwrap();
    execute(
        &mut doc,
        &Op::SetVerdictMark { kke: Kke::Cascade, on: Target::Node("n5".into()), criterion: Criterion::Logical, mark: Some(Mark::K), author: String::new(), role: String::new() },
    )
    .unwrap();
    let team = ReviewTeam { unit: "Inspektorat Kabupaten Lumajang".into(), leader: Person { name: "Drs. Bambang Sutrisno".into(), nip: "196805121994031007".into(), ..Default::default() }, ..Default::default() };
    execute(&mut doc, &Op::SetReviewTeam { team }).unwrap();
    let (sheets, warnings, smallest) = compose(&doc);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(smallest >= MIN_PT.min(LABEL_PT), "{smallest}");
    let text = texts(&sheets);
    for expected in ["CATATAN HASIL REVIU POHON KINERJA", "Reviu ke-", "Rekomendasi", "Drs. Bambang Sutrisno", "NIP. 196805121994031007", "K (kurang logis)", "4 Mei 2026"] {
        assert!(text.contains(expected), "{expected}");
    }
    let squeezed: String = text.split_whitespace().collect();
    for expected in ["Rumusan kondisi belum menggambarkan perubahan yang diharapkan", "Penilaian bukan hasil dari penataan mutasi"] {
        let e: String = expected.split_whitespace().collect();
        assert!(squeezed.contains(&e), "{expected}");
    }
    // Every text on paper is at least the report's minimum (the footer is drawn later).
    for sheet in &sheets {
        for item in &sheet.items {
            if let Item::Text { size, text, .. } = item {
                assert!(*size >= MIN_PT - 0.01 || text.starts_with("Versi final"), "{text} at {size} pt");
            }
        }
    }
}
