//! Monitoring against the agencies' own reports: the Way Kanan sample
//! reproduces its LKjIP 2023 (Tabel 3.3.1 and the budget of Bab 3.5), and
//! realisasi recorded on a final document leave what was signed alone.

mod common;

use pokin::edit::Op;
use pokin::model::Document;
use pokin::monitoring::{report, CapaianReport, TargetSource};
use pokin::store::DocFile;

fn waykanan() -> Document {
    pokin::samples::find("waykanan-bkpsdm").unwrap().document()
}

fn indicator<'a>(r: &'a CapaianReport, node: &str, ind: &str) -> &'a pokin::monitoring::IndicatorCapaian {
    r.indicators.iter().find(|c| c.node == node && c.indicator == ind).unwrap_or_else(|| panic!("{node}/{ind} in {}", r.year))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

#[test]
fn way_kanan_reproduces_its_table_3_3_1_against_the_pk_targets() {
    let doc = waykanan();
    // (year, PK target, realisasi, capaian as the report prints it, category)
    let sakip = [(2021, 54.1, 61.45, "113,6"), (2022, 57.1, 69.31, "121,4"), (2023, 59.1, 73.11, "123,7")];
    for (year, target, real, printed) in sakip {
        let r = report(&doc, year);
        let c = indicator(&r, "n1", "i1");
        assert_eq!(c.target_source, Some(TargetSource::Pk));
        assert_eq!(c.target.as_ref().and_then(|v| v.as_f64()), Some(target));
        assert_eq!(c.realisasi.as_ref().and_then(|v| v.as_f64()), Some(real));
        let capaian = c.capaian.unwrap();
        close(capaian, real / target * 100.0);
        assert_eq!(pokin::format::number((capaian * 10.0).round() / 10.0), printed);
        assert_eq!(r.categories[c.category.unwrap()].label, "Sangat Baik");
    }
    let r = report(&doc, 2023);
    let ip = indicator(&r, "n3", "i3");
    close(ip.capaian.unwrap(), 131.875);
    // 2022 fell short: 46,23 against 63, the report's 73 % (Sedang: 66–75).
    let r22 = report(&doc, 2022);
    let ip22 = indicator(&r22, "n3", "i3");
    close(ip22.capaian.unwrap(), 46.23 / 63.0 * 100.0);
    assert_eq!(r22.categories[ip22.category.unwrap()].label, "Sedang");
}

#[test]
fn way_kanan_budget_counts_each_rupiah_once() {
    let r = report(&waykanan(), 2023);
    assert_eq!(r.budget.ceiling, 6_850_200_218);
    assert_eq!(r.budget.spent, 6_700_428_889);
    assert_eq!(pokin::format::number(r.budget.serapan.unwrap()), "97,81");
    // A program's own pagu is its branch's, not the sum of its sub kegiatan again.
    let program = r.nodes.iter().find(|n| n.node == "n4").unwrap();
    assert!(program.own_budget);
    assert_eq!(program.budget.unwrap().ceiling, 3_269_253_218);
}

#[test]
fn realisasi_on_a_final_document_leave_the_signed_plan_and_its_printouts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("waykanan.pokin");
    let mut file = DocFile::create(&path, &waykanan()).unwrap();
    let signed = file.mark_final("Renstra 2021-2026").unwrap();
    let before = pokin::interchange::json::fingerprint(file.document());
    assert_eq!(before, signed.fingerprint);

    let set = |value: serde_json::Value| -> Op {
        serde_json::from_value(serde_json::json!({"op": "set_realisasi", "node": "n3", "indicator": "i3", "year": 2024, "quarter": 2, "value": value})).unwrap()
    };
    file.apply(&set(serde_json::json!(81))).unwrap().expect("a realisasi is an edit");
    file.apply(&Op::SetBudgetSpent { node: "n4".into(), spent: Some(3_200_000_000) }).unwrap().unwrap();
    assert_eq!(pokin::interchange::json::fingerprint(file.document()), before);
    let (fingerprint, version) = file.identify(file.document()).unwrap();
    assert_eq!((fingerprint.as_str(), version.as_deref()), (before.as_str(), Some("Renstra 2021-2026")));

    // The plan itself stays frozen, with the reason.
    let mut node = file.document().node("n3").unwrap().clone();
    node.statement.push_str(" (ubah)");
    let refused = file.apply(&Op::UpdateNode { node }).unwrap_err().to_string();
    assert!(refused.contains("sudah ditetapkan"), "{refused}");
    // An indicator update that changes realisasi only is monitoring too.
    let mut ind = file.document().node("n1").unwrap().indicators[0].clone();
    ind.actuals.insert(2024, 75.0.into());
    file.apply(&Op::UpdateIndicator { node: "n1".into(), indicator: ind.clone() }).unwrap().unwrap();
    ind.pk_targets.insert(2024, 61.0.into());
    assert!(file.apply(&Op::UpdateIndicator { node: "n1".into(), indicator: ind }).is_err());

    // Undo and redo of realisasi work on the final document; reopened, all is there.
    assert!(file.undo().unwrap().is_some());
    assert!(file.redo().unwrap().is_some());
    drop(file);
    let reopened = DocFile::open(&path).unwrap();
    let ind = &reopened.document().node("n3").unwrap().indicators[0];
    assert_eq!(ind.quarters.get(&2024).unwrap()[1].as_ref().and_then(|v| v.as_f64()), Some(81.0));
    assert_eq!(pokin::interchange::json::fingerprint(reopened.document()), before);
}

#[test]
fn the_cli_records_realisasi_on_a_final_document_and_prints_the_capaian() {
    use common::{pokin, s};
    let dir = common::temp_dir();
    let file = dir.path().join("waykanan.pokin");
    let sample = common::root().join("assets/samples/waykanan-bkpsdm.json");
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    ok(pokin(&["import", s(&sample), s(&file)]));
    ok(pokin(&["final", s(&file), "--name", "Renstra 2021-2026"]));
    let before = dir.path().join("sebelum.pdf");
    ok(pokin(&["export", "pdf", s(&file), "-o", s(&before)]));

    let op = r#"{"op": "set_realisasi", "node": "n3", "indicator": "i3", "year": 2024, "quarter": 2, "value": 81}"#;
    ok(pokin(&["apply", s(&file), op]));
    ok(pokin(&["apply", s(&file), r#"{"op": "set_realisasi", "node": "n3", "indicator": "i3", "year": 2024, "value": "80,0"}"#]));
    // A PDF printed before the realisasi is still the signed version's, and one printed after too.
    assert!(ok(pokin(&["verify", s(&file), s(&before)])).starts_with("YA"));
    let after = dir.path().join("sesudah.pdf");
    ok(pokin(&["export", "pdf", s(&file), "-o", s(&after)]));
    assert!(ok(pokin(&["verify", s(&file), s(&after)])).starts_with("YA"));
    // The plan itself stays refused.
    let o = pokin(&["apply", s(&file), r#"{"op": "delete_node", "id": "n4"}"#]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("ditetapkan"));

    let json: serde_json::Value = serde_json::from_str(&ok(pokin(&["capaian", s(&file), "--year", "2024", "--format", "json"]))).unwrap();
    assert_eq!(json["year"], 2024);
    let ip = json["indicators"].as_array().unwrap().iter().find(|c| c["indicator"] == "i3").unwrap();
    assert_eq!((ip["node"].as_str(), ip["target"].as_f64(), ip["realisasi"].as_f64()), (Some("n3"), Some(64.0), Some(80.0)));
    assert_eq!((ip["capaian"].as_f64(), ip["kategori"].as_str()), (Some(125.0), Some("Sangat Baik")));
    let y2023: serde_json::Value = serde_json::from_str(&ok(pokin(&["capaian", s(&file), "--year", "2023", "--format", "json"]))).unwrap();
    let ip = y2023["indicators"].as_array().unwrap().iter().find(|c| c["indicator"] == "i3").unwrap();
    assert_eq!(ip["capaian"].as_f64(), Some(131.875));
    assert_eq!(y2023["budget"], serde_json::json!({"ceiling": 6_850_200_218i64, "spent": 6_700_428_889i64, "serapan": 6_700_428_889.0 / 6_850_200_218.0 * 100.0}));
    let text = ok(pokin(&["capaian", s(&file), "--year", "2023"]));
    assert!(text.contains("i1 Nilai Sakip BKPSDM: target 59,1 (PK), realisasi 73,11 → 123,71 % (Sangat Baik)"), "{text}");
    assert!(text.contains("Anggaran: pagu 6.850.200.218, realisasi 6.700.428.889, serapan 97,81 %"), "{text}");
}

#[test]
fn on_a_final_document_undo_is_offered_for_realisasi_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = DocFile::create(&dir.path().join("wk.pokin"), &waykanan()).unwrap();
    file.mark_final("Renstra").unwrap();
    // The last step is the marking itself: not to be undone.
    assert!(file.can_undo() && !file.undo_allowed());
    file.apply(&Op::SetBudgetSpent { node: "n4".into(), spent: Some(1) }).unwrap().unwrap();
    assert!(file.undo_allowed() && !file.redo_allowed());
    file.undo().unwrap();
    assert!(!file.undo_allowed() && file.redo_allowed());
}

#[test]
fn a_named_version_keeps_the_realisasi_and_the_capaian_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = DocFile::create(&dir.path().join("wk.pokin"), &waykanan()).unwrap();
    file.snapshot("awal").unwrap();
    let kept = file.snapshot_document("awal").unwrap();
    assert_eq!(&kept, file.document(), "the sample has no review data: the version is the whole document");
    file.apply(&Op::SetBudgetSpent { node: "n4".into(), spent: Some(5) }).unwrap().unwrap();
    // Compared with the version, only the realisasi anggaran changed.
    let text = pokin::compare::to_text(&pokin::compare::compare(&kept, file.document()));
    assert_eq!(text.lines().filter(|l| l.starts_with(['✎', '+', '−', '⇨'])).count(), 1, "{text}");
    assert!(text.contains("node:n4") && !text.contains("monitoring"), "{text}");
}
