//! The printout read as a reader would: pdfinfo (pages, size), pdffonts
//! (embedded, subset), pdftotext (every statement, the signature block, the
//! fingerprint); final versions and `pokin verify`.

mod common;

use common::{pokin, s, tool};

use std::path::Path;

fn pdf_text(pdf: &Path) -> String {
    // Words joined by single spaces, so that statements wrapped over lines still match.
    tool("pdftotext", &[s(pdf), "-"]).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn import(dir: &Path, sample: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{sample}.pokin"));
    let src = common::root().join(format!("assets/samples/{sample}.json"));
    assert!(pokin(&["import", s(&src), s(&file)]).status.success());
    file
}

#[test]
fn fitted_tree_on_a3_has_every_statement_fonts_and_signature() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "waykanan-bkpsdm");
    let pdf = dir.path().join("pohon.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--paper", "A3", "--landscape", "--printed-on", "2024-01-20"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("1190.55 x 841.89 pts (A3)"), "{info}");
    let fonts = tool("pdffonts", &[s(&pdf)]);
    for face in ["PKNSTD+NotoSans-Regular", "PKNSTD+NotoSans-Bold"] {
        let line = fonts.lines().find(|l| l.starts_with(face)).unwrap_or_else(|| panic!("{face} in {fonts}"));
        assert!(line.contains("yes yes yes"), "embedded, subset, unicode: {line}");
    }
    let text = pdf_text(&pdf);
    // Lines may break anywhere inside a long word: compare without white space.
    let squeezed: String = text.split_whitespace().collect();
    let doc = common::read(&common::root().join("assets/samples/waykanan-bkpsdm.json"));
    for node in doc.tree.nodes.iter() {
        let statement: String = node.statement.split_whitespace().collect();
        assert!(squeezed.contains(&statement), "missing: {}", node.statement);
    }
    let sig = &doc.document.signatory;
    assert!(text.contains(&sig.position.to_uppercase()), "{}", sig.position);
    assert!(text.contains(&sig.name));
    assert!(text.contains(&format!("NIP. {}", sig.nip)));
    assert!(text.contains(&doc.document.title));
    assert!(text.contains("Halaman 1 dari 1"));
    assert!(text.contains("Dicetak 20 Januari 2024"));
    let fingerprint = pokin::interchange::json::fingerprint(&doc);
    assert!(text.contains(&format!("Sidik SHA-256 {fingerprint}")), "fingerprint printed");
}

#[test]
fn paper_sizes_and_orientation() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    for (paper, landscape, size) in [
        ("A4", false, "595.276 x 841.89 pts (A4)"),
        ("F4", true, "935.433 x 609.449 pts"),
        ("A3", true, "1190.55 x 841.89 pts (A3)"),
        ("A2", false, "1190.55 x 1683.78 pts (A2)"),
        ("A1", true, "2383.94 x 1683.78 pts (A1)"),
        ("A0", false, "2383.94 x 3370.39 pts (A0)"),
    ] {
        let pdf = dir.path().join(format!("{paper}.pdf"));
        let mut args = vec!["export", "pdf", s(&file), "-o", s(&pdf), "--paper", paper];
        if landscape {
            args.push("--landscape");
        }
        assert!(pokin(&args).status.success(), "{paper}");
        let info = tool("pdfinfo", &[s(&pdf)]);
        assert!(info.contains(size), "{paper}: {info}");
    }
}

#[test]
fn small_text_is_warned_about() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "kebumen-bkpsdm");
    let pdf = dir.path().join("kecil.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--paper", "A4"]);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("di bawah 6 pt") && stderr.contains("mode poster"), "{stderr}");
}

#[test]
fn poster_tiles_cover_the_whole_tree() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "kebumen-bkpsdm");
    let pdf = dir.path().join("poster.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--paper", "A4", "--landscape", "--mode", "poster", "--scale", "1"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stderr.is_empty(), "no small-text warning at scale 1: {}", String::from_utf8_lossy(&o.stderr));
    let info = tool("pdfinfo", &[s(&pdf)]);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().parse().unwrap();
    assert!(pages > 1, "{info}");
    // Each sheet is labelled for assembly; together they show every statement.
    let mut all = String::new();
    for page in 1..=pages {
        let text = tool("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string(), s(&pdf), "-"]);
        assert!(text.contains(&format!("Halaman {page} dari {pages}")), "page {page}");
        assert!(text.contains("Lembar B"), "page {page} label");
        all.push_str(&text);
        all.push(' ');
    }
    let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let doc = common::read(&common::root().join("assets/samples/kebumen-bkpsdm.json"));
    for node in doc.tree.nodes.iter() {
        let first_words: Vec<&str> = node.statement.split_whitespace().take(3).collect();
        assert!(all.contains(&first_words.join(" ")), "missing on every tile: {}", node.statement);
    }
    // The signature block is on the last sheet.
    let last = tool("pdftotext", &["-f", &pages.to_string(), "-l", &pages.to_string(), s(&pdf), "-"]);
    assert!(last.contains("NIP. 196894241998031011"), "{last}");
}

#[test]
fn indicators_targets_owners_and_numbering_are_printed_when_asked() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "waykanan-bkpsdm");
    let pdf = dir.path().join("rinci.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--paper", "A0", "--years", "2024,2025", "--owners", "--numbering", "--findings"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&pdf);
    assert!(text.contains("IK: "), "indicators");
    assert!(text.contains("Target 2024: "), "targets of the chosen years");
    assert!(!text.contains("Target 2021"), "only the chosen years");
    assert!(text.contains("PJ: "), "owners");
    assert!(text.contains("1.1 "), "numbering");
}

#[test]
fn final_version_is_frozen_and_verify_tells_the_printout_apart() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    // A draft printout is not from a final version.
    let draft_pdf = dir.path().join("draf.pdf");
    assert!(pokin(&["export", "pdf", s(&file), "-o", s(&draft_pdf)]).status.success());
    assert!(pdf_text(&draft_pdf).contains("DRAF (belum ditetapkan)"));
    let o = pokin(&["verify", s(&file), s(&draft_pdf)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("TIDAK:"), "{}", String::from_utf8_lossy(&o.stdout));

    // Mark final: the printout names the version and verify says yes.
    let o = pokin(&["final", s(&file), "--name", "Renstra 2021-2026 ditetapkan"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let final_pdf = dir.path().join("final.pdf");
    assert!(pokin(&["export", "pdf", s(&file), "-o", s(&final_pdf)]).status.success());
    let text = pdf_text(&final_pdf);
    assert!(text.contains("Versi final \"Renstra 2021-2026 ditetapkan\""), "{text}");
    let o = pokin(&["verify", s(&file), s(&final_pdf)]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("dicetak dari versi final \"Renstra 2021-2026 ditetapkan\""));
    // The draft printed before is still not final.
    assert_eq!(pokin(&["verify", s(&file), s(&draft_pdf)]).status.code(), Some(1));

    // A final document refuses edits and undo; a new draft can be branched.
    let mut opened = pokin::store::DocFile::open(&file).unwrap();
    let err = opened.apply(&pokin::edit::Op::DeleteNode { id: "n19".into() }).unwrap_err().to_string();
    assert!(err.contains("sudah ditetapkan (final)"), "{err}");
    assert!(opened.undo().is_err());
    drop(opened);
    let branch = dir.path().join("draf-baru.pokin");
    assert!(pokin(&["draft", s(&file), s(&branch)]).status.success());
    let mut draft = pokin::store::DocFile::open(&branch).unwrap();
    assert_eq!(draft.document().document.status, Some(pokin::model::Status::Draft));
    assert!(draft.apply(&pokin::edit::Op::DeleteNode { id: "n19".into() }).is_ok());

    // A file that is not our printout.
    let other = dir.path().join("lain.pdf");
    std::fs::write(&other, b"%PDF-1.4\n%%EOF\n").unwrap();
    let o = pokin(&["verify", s(&file), s(&other)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("bukan cetakan Pokin Studio"));
}

#[test]
fn a_wide_shallow_tree_fits_a_sheet_readably() {
    // Way Kanan's 40-odd sub kegiatan side by side came out at 2.75 pt on A3;
    // in columns under their kegiatan they are read at 6 pt or more.
    let dir = common::temp_dir();
    let file = import(dir.path(), "waykanan-bkpsdm");
    let pdf = dir.path().join("waykanan.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--paper", "A3", "--landscape"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("di bawah 6 pt"), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&pdf);
    assert!(text.contains("Pembinaan Jabatan") && text.contains("Fungsional ASN"), "the sub kegiatan are printed");
}

#[test]
fn process_map_and_relations_pages() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    let doc = common::read(&common::root().join("assets/samples/lumajang-bkd.json"));
    let pdf = dir.path().join("probis.pdf");
    assert!(pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--view", "processes", "--paper", "A4", "--landscape"]).status.success());
    let text = pdf_text(&pdf);
    assert!(text.contains("Peta Proses Bisnis (level 0)"));
    assert!(text.contains(&doc.processes.map.goal));
    for word in ["INPUT", "OUTPUT", "PROSES MANAJERIAL", "PROSES UTAMA", "PROSES PENDUKUNG", "Regulasi", "Anggaran"] {
        assert!(text.contains(word), "{word}");
    }
    for process in doc.processes.map.processes.iter().filter(|p| p.parent.is_none()) {
        assert!(text.contains(&process.name), "{}", process.name);
    }
    assert!(text.contains("5 sub proses"));

    // The Peta Sub Proses Bisnis of p2: its name on top, its five sub-processes, none of the others.
    let sub = dir.path().join("subprobis.pdf");
    assert!(pokin(&["export", "pdf", s(&file), "-o", s(&sub), "--view", "processes:p2", "--landscape"]).status.success());
    let text = pdf_text(&sub);
    assert!(text.contains("Peta Sub Proses Bisnis — Meningkatnya Profesionalitas ASN"));
    assert!(text.contains("Meningkatnya Kompetensi ASN") && !text.contains("Terwujudnya Tata Kelola OPD"));
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&sub), "--view", "processes:p99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Proses `p99` tidak ada di dokumen ini (yang punya sub proses: p2)"));

    let lamongan = import(dir.path(), "lamongan-bkd");
    let doc = common::read(&common::root().join("assets/samples/lamongan-bkd.json"));
    let pdf = dir.path().join("relasi.pdf");
    assert!(pokin(&["export", "pdf", s(&lamongan), "-o", s(&pdf), "--view", "relations", "--paper", "A4"]).status.success());
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("Pages:           2"), "{info}");
    let text = pdf_text(&pdf);
    assert!(text.contains("Peta Relasi (proses × unit kerja)"));
    for process in doc.processes.map.processes.iter() {
        let words: Vec<&str> = process.name.split_whitespace().take(3).collect();
        assert!(text.contains(&words.join(" ")), "{}", process.name);
    }
    assert!(text.contains("Halaman 2 dari 2"));
}

#[test]
fn sop_flow_printout_in_the_sop_ap_form() {
    let dir = common::temp_dir();
    for (sample, paper) in [("lumajang-bkd", "A4"), ("waykanan-bkpsdm", "F4")] {
        let file = import(dir.path(), sample);
        let doc = common::read(&common::root().join(format!("assets/samples/{sample}.json")));
        let flow = &doc.processes.flows[0];
        let pdf = dir.path().join(format!("{sample}-sop.pdf"));
        let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--view", &format!("flow:{}", flow.id), "--paper", paper, "--landscape"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let text = pdf_text(&pdf);
        for word in ["STANDAR OPERASIONAL PROSEDUR", "Uraian kegiatan", "Pelaksana", "Mutu baku", "Kelengkapan", "Waktu", "Output", "Keterangan", "Dasar Hukum", "Kualifikasi Pelaksana"] {
            assert!(text.contains(word), "{sample}: {word}");
        }
        assert!(text.contains(&flow.name.to_uppercase()), "{sample}: name");
        for step in flow.steps.iter() {
            let words: Vec<&str> = step.text.split_whitespace().take(4).collect();
            assert!(text.contains(&words.join(" ")), "{sample}: {}", step.text);
        }
        for lane in &flow.lanes {
            let unit = doc.unit(lane).unwrap();
            let label = if unit.short.is_empty() { &unit.name } else { &unit.short };
            let first = label.split_whitespace().next().unwrap();
            assert!(text.contains(first), "{sample}: lane {label}");
        }
    }
    // The Lumajang SOP runs over two A4 sheets: numbered off-page connectors carry the arrow on.
    let file = dir.path().join("lumajang-bkd.pokin");
    let pdf = dir.path().join("lumajang-bkd-sop.pdf");
    let info = tool("pdfinfo", &[s(&pdf)]);
    assert!(info.contains("Pages:           2"), "{info}");
    let second = tool("pdftotext", &["-f", "2", "-l", "2", s(&pdf), "-"]);
    assert!(second.contains("(lanjutan)") && second.contains("Halaman 2 dari 2"));
    let _ = file;
}

#[test]
fn unknown_views_and_flows_say_so() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    let out = dir.path().join("x.pdf");
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&out), "--view", "flow:f9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Peta lintas fungsi `f9` tidak ada di dokumen ini (yang ada: f1)"));
    let o = pokin(&["export", "pdf", s(&file), "-o", s(&out), "--view", "peta"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Tampilan `peta` tidak dikenal"));
}

#[test]
fn dot_export_for_graphviz() {
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    let o = pokin(&["export", "dot", s(&file)]);
    assert!(o.status.success());
    let dot = String::from_utf8_lossy(&o.stdout);
    assert!(dot.starts_with("digraph pohon_kinerja {"));
    assert_eq!(dot.matches(" -> ").count(), 49);
}

#[test]
fn preview_pages_are_svg_of_the_same_sheets() {
    let doc = pokin::samples::find("kebumen-bkpsdm").unwrap().document();
    let fingerprint = pokin::interchange::json::fingerprint(&doc);
    let provenance = pokin::render::Provenance { fingerprint: &fingerprint, final_name: None };
    let options = pokin::render::PrintOptions {
        paper: pokin::render::Paper::A4,
        mode: pokin::render::PrintMode::Poster { scale: 1.0 },
        printed_on: "2024-01-20".into(),
        ..Default::default()
    };
    let preview = pokin::render::preview_tree(&doc, &provenance, &options);
    let printout = pokin::render::print_tree(&doc, &provenance, &options);
    assert_eq!(preview.pages.len(), printout.pages);
    assert!((preview.width_pt - 841.89).abs() < 0.1, "A4 landscape by default: {}", preview.width_pt);
    let last = preview.pages.last().unwrap();
    assert!(last.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(last.contains("NIP. 196894241998031011"));
    assert!(preview.pages[0].contains(&format!("Halaman 1 dari {}", printout.pages)));
}
