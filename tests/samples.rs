//! Which findings each sample produces, and why. The samples are built by
//! hand from real published documents (assets/samples/README.md) and keep
//! the agencies' own faults, so the validator must find exactly these.

mod common;

use pokin::model::Target;
use pokin::validate::validate;
use std::collections::BTreeMap;

fn counts(key: &str) -> (BTreeMap<String, usize>, Vec<pokin::validate::Finding>) {
    let doc = pokin::samples::find(key).unwrap().document();
    let report = validate(&doc);
    let mut counts = BTreeMap::new();
    for f in &report.findings {
        *counts.entry(f.rule.to_string()).or_insert(0) += 1;
    }
    (counts, report.findings)
}

fn expect(key: &str, want: &[(&str, usize)]) -> Vec<pokin::validate::Finding> {
    let (got, findings) = counts(key);
    let want: BTreeMap<String, usize> = want.iter().map(|(r, n)| (r.to_string(), *n)).collect();
    assert_eq!(got, want, "{key}");
    findings
}

fn has(findings: &[pokin::validate::Finding], rule: &str, target: Target) -> bool {
    findings.iter().any(|f| f.rule == rule && f.target == target)
}

fn node(id: &str) -> Target {
    Target::Node(id.into())
}

fn indicator(n: &str, i: &str) -> Target {
    Target::Indicator(n.into(), i.into())
}

#[test]
fn lumajang() {
    let f = expect(
        "lumajang-bkd",
        &[
            // Levels 3 and 4 of the published tree carry no indicators (17 conditions).
            ("P007", 17),
            // The three indicators of levels 0–2 have neither satuan nor targets.
            ("P008", 3),
            ("P009", 3),
            // Level-3 "conditions" are worded as activities: Pengadaan, Penataan, Penilaian, Pengembangan.
            ("P013", 4),
            // Owners are known only where the Peta Relasi or the bidang name says so.
            ("P014", 36),
            // Only level 1 and 2 carry a "Keterkaitan" rationale.
            ("P016", 47),
            // Sekretariat owns no tree node.
            ("P020", 1),
            // P026: the top narrows to one line — n0 has n1 alone below it, n1 has n2 alone.
            ("P026", 2),
            // Management and sub processes are not tied to tree nodes.
            ("B001", 9),
            // The SOP table gives outputs but no waktu.
            ("B009", 9),
            // B012: the process map serves only n1 and n2, so none of the 30 activity leaves is served.
            ("B012", 30),
        ],
    );
    for n in ["n3", "n4", "n5", "n6"] {
        assert!(has(&f, "P007", node(n)) && has(&f, "P013", node(n)), "{n}");
    }
    assert!(has(&f, "P020", Target::Unit("sekban".into())));
    assert!(has(&f, "B009", Target::Step("f1".into(), "s2".into())));
    assert!(has(&f, "P026", node("n0")) && has(&f, "P026", node("n1")));
    assert!(has(&f, "B012", node("n20")) && !has(&f, "B012", node("n7")));
}

#[test]
fn lamongan() {
    let f = expect(
        "lamongan-bkd",
        &[
            ("P007", 26),
            ("P008", 1),
            ("P009", 1),
            ("P014", 2),
            ("P016", 26),
            ("P020", 3),
            // P025: the IP ASN indicator gives its formula but no data source.
            ("P025", 1),
            // P026: the Sasaran Kabupaten n0 has one Tujuan BKD (n1) below it.
            ("P026", 1),
            ("B001", 26),
            ("B002", 24),
            // B012: of the 22 kegiatan leaves only n19 and n23 are served by a process.
            ("B012", 20),
        ],
    );
    // The IP ASN indicator has its formula but no satuan or target.
    assert!(has(&f, "P008", indicator("n1", "i1")));
    assert!(has(&f, "P025", indicator("n1", "i1")) && has(&f, "P026", node("n0")));
    assert!(!has(&f, "B012", node("n19")) && !has(&f, "B012", node("n23")));
}

#[test]
fn kertas_kerja() {
    let f = expect(
        "kertas-kerja-bkpsdm",
        &[
            // The worksheet's indicators have no satuan and no targets at all.
            ("P008", 41),
            ("P009", 41),
            // Two indicators of n3 repeat its parent's.
            ("P012", 2),
            // "Terkelolanya …" at the immediate-outcome level.
            ("P013", 3),
            ("P014", 30),
            ("P016", 30),
            // P023: "Hasil Penilaian Mandiri Penerapan Sistem Merit" names no measure (nilai, indeks …).
            ("P023", 1),
            // P025: the worksheet gives no definition or data source for any outcome indicator.
            ("P025", 21),
            // P026: n2, n3, n4, n5 and n6 each have one condition below them.
            ("P026", 5),
            // P027: no link says which of its parent's two to four indicators it serves.
            ("P027", 15),
        ],
    );
    assert!(has(&f, "P023", indicator("n0", "i1")));
    assert!(has(&f, "P027", Target::Link("n1".into(), "n0".into())));
    assert!(has(&f, "P012", indicator("n3", "i8")) && has(&f, "P012", indicator("n3", "i9")));
    for n in ["n7", "n9", "n10"] {
        assert!(has(&f, "P013", node(n)), "{n}");
    }
}

#[test]
fn kebumen() {
    let f = expect(
        "kebumen-bkpsdm",
        &[
            // 19 kegiatan of the table have no programme outcome in the document.
            ("P002", 19),
            // No indicators below the top three boxes.
            ("P007", 60),
            ("P008", 3),
            ("P009", 3),
            // Kegiatan-worded boxes on outcome levels ("Penyusunan …", "Pelaksanaan …").
            ("P013", 28),
            ("P014", 62),
            ("P016", 41),
            ("P020", 1),
            // P025: the three indicators of the top boxes have no definition and no data source.
            ("P025", 3),
            // P026: each level-2 box carries a single output below it (30 of them).
            ("P026", 30),
        ],
    );
    assert!(has(&f, "P025", indicator("n0", "i1")) && has(&f, "P026", node("n61")));
    for n in ["n3", "n9", "n41", "n55", "n61"] {
        assert!(has(&f, "P013", node(n)), "{n}");
    }
    assert!(has(&f, "P020", Target::Unit("sekretariat".into())));
}

#[test]
fn way_kanan() {
    let f = expect(
        "waykanan-bkpsdm",
        &[
            // None of the 11 kegiatan has an indicator.
            ("P007", 11),
            // The satuan cell of [n8, i8] is empty.
            ("P008", 1),
            // Indeks Sistem Merit lacks 2021–2023 targets; sub kegiatan have 2023 targets only.
            ("P009", 46),
            ("P014", 4),
            ("P015", 4),
            ("P016", 45),
            // Indeks Sistem Merit has realisasi in 2022 and 2023 but no target.
            ("P018", 1),
            ("P020", 5),
            // P024: the 2022 targets of Nilai SAKIP BKPSDM (54,1) and Indeks Profesionalitas ASN (62)
            // are below their 2021 realisasi (61,45 and 71,76).
            ("P024", 2),
            // P025: the programme indicators give no data source; the Cakupan ones no definition either.
            ("P025", 13),
            // P026: n0, n1 and n2 each have a single condition below them.
            ("P026", 3),
            // P027: under Program Kepegawaian Daerah (8 indicators) and the two-indicator nodes no link names the one it serves.
            ("P027", 8),
            // P031: Tabel 3.3.1 measures 2021–2023 against PK targets one year ahead of the Renstra's (Lampiran 2.3).
            ("P031", 2),
        ],
    );
    assert!(has(&f, "P031", indicator("n1", "i1")) && has(&f, "P031", indicator("n3", "i3")));
    assert!(has(&f, "P024", indicator("n1", "i1")) && has(&f, "P024", indicator("n3", "i3")));
    assert!(has(&f, "P009", indicator("n3", "i4")));
    assert!(has(&f, "P018", indicator("n3", "i4")));
    assert!(has(&f, "P008", indicator("n8", "i8")));
}

#[test]
fn real_trees_validate_without_internal_failures() {
    for path in common::real_trees() {
        let report = validate(&common::read(&path));
        assert!(report.findings.iter().all(|f| f.rule != "internal"), "{}", path.display());
        assert!(report.findings.iter().any(|f| f.rule == "P007"), "{}: faults kept", path.display());
    }
}
