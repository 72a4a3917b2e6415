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
    assert!(text.starts_with("PETA PROSES BISNIS") && text.contains("Level 0"));
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
    assert!(text.starts_with("PETA SUB PROSES BISNIS — MENINGKATNYA PROFESIONALITAS ASN"));
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
    assert!(text.starts_with("PETA RELASI") && text.contains("Proses × unit kerja"));
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
    // A4 landscape asked; the poster may turn the sheet for fewer sheets, and the preview's size is the sheets' own.
    let size = (preview.width_pt, preview.height_pt);
    assert!([(841.89, 595.28), (595.28, 841.89)].iter().any(|(w, h)| (size.0 - w).abs() < 0.1 && (size.1 - h).abs() < 0.1), "{size:?}");
    assert!(preview.pages[0].contains(&format!("width=\"{}", preview.width_pt as i32)) || preview.pages[0].contains(&format!("{}", preview.width_pt)), "the page is as wide as said");
    let last = preview.pages.last().unwrap();
    assert!(last.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(last.contains("NIP. 196894241998031011"));
    assert!(preview.pages[0].contains(&format!("Halaman 1 dari {}", printout.pages)));
}

// ---- #13 part 5: the printouts' headings, the SOP's columns, header and signature, the footer ----

use pokin::model::Document;
use pokin::render::{Paper, PrintOptions, Provenance, View};

/// A sample as JSON, to change before it is read as a document.
fn sample_json(sample: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(common::root().join(format!("assets/samples/{sample}.json"))).unwrap()).unwrap()
}

fn document(value: &serde_json::Value) -> Document {
    pokin::interchange::json::from_str(&value.to_string(), "test.json").unwrap_or_else(|e| panic!("{e}"))
}

/// Prints `view` of `doc` on `paper` through the library, to `dir/name.pdf`; the file, its warnings, its pages.
fn print_to(dir: &Path, name: &str, doc: &Document, view: &str, paper: Paper, landscape: bool, final_name: Option<&str>) -> (std::path::PathBuf, Vec<String>, usize) {
    let fingerprint = pokin::interchange::json::fingerprint(doc);
    let provenance = Provenance { fingerprint: &fingerprint, final_name };
    let options = PrintOptions { view: View::parse(view).unwrap(), paper, landscape, printed_on: "2024-01-20".into(), ..Default::default() };
    let printout = pokin::render::print_tree(doc, &provenance, &options);
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, &printout.pdf).unwrap();
    (file, printout.warnings, printout.pages)
}

/// Whether two boxes share more than a hair of area.
fn overlap(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] - 0.3 && b[0] < a[2] - 0.3 && a[1] < b[3] - 0.3 && b[1] < a[3] - 0.3
}

/// The page size in points, as printed.
fn page_size(paper: Paper, landscape: bool) -> (f32, f32) {
    let (w, h) = paper.size_mm();
    let (w, h) = (w * pokin::render::POINTS_PER_MM, h * pokin::render::POINTS_PER_MM);
    if landscape { (h, w) } else { (w, h) }
}

const PAPERS: [(Paper, bool, &str); 6] = [
    (Paper::A4, false, "A4 tegak"),
    (Paper::A4, true, "A4 mendatar"),
    (Paper::F4, false, "F4 tegak"),
    (Paper::F4, true, "F4 mendatar"),
    (Paper::A3, false, "A3 tegak"),
    (Paper::A3, true, "A3 mendatar"),
];

#[test]
fn a_final_versions_notes_never_overlap_the_page_number() {
    // Way Kanan's signatory has a rank and a position over two lines; a long
    // final name made the footer's left part run into "Halaman 1 dari 1"
    // and the note under the signature ("Versi final … · sidik …") sit on it.
    let dir = common::temp_dir();
    let file = import(dir.path(), "waykanan-bkpsdm");
    let name = "Pohon Kinerja Renstra 2021-2026 ditetapkan dengan Keputusan Kepala Badan";
    assert!(pokin(&["final", s(&file), "--name", name]).status.success());
    for (view, paper, landscape) in [("tree", "A4", false), ("tree", "A3", true), ("flow:f1", "A4", false), ("flow:f1", "F4", true)] {
        let pdf = dir.path().join(format!("final-{}-{paper}-{landscape}.pdf", view.replace(':', "-")));
        let mut args = vec!["export", "pdf", s(&file), "-o", s(&pdf), "--view", view, "--paper", paper];
        if landscape {
            args.push("--landscape");
        }
        let o = pokin(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let lines = common::pdf_lines(&pdf);
        let pages = lines.iter().map(|l| l.page).max().unwrap();
        for page in 1..=pages {
            let on: Vec<&common::PdfLine> = lines.iter().filter(|l| l.page == page).collect();
            let number = on.iter().find(|l| l.text.starts_with("Halaman")).unwrap_or_else(|| panic!("{view} {paper}: page {page} number"));
            let footer: Vec<&&common::PdfLine> = on.iter().filter(|l| l.text.starts_with("Dicetak") || l.text.starts_with("Sidik SHA-256")).collect();
            assert!(!footer.is_empty(), "{view} {paper}: footer on page {page}");
            for line in &on {
                if !std::ptr::eq(*line, *number) {
                    assert!(!overlap(&line.bbox, &number.bbox), "{view} {paper} p{page}: {:?} overlaps {:?}", line.text, number.text);
                }
                // Nothing else reaches into the footer's lines.
                for f in &footer {
                    if !std::ptr::eq(*line, **f) {
                        assert!(!overlap(&line.bbox, &f.bbox), "{view} {paper} p{page}: {:?} overlaps {:?}", line.text, f.text);
                    }
                }
            }
        }
        // The fingerprint whole, on one line.
        let fingerprint = lines.iter().find(|l| l.text.starts_with("Sidik SHA-256 ") || l.text.contains(" · Sidik SHA-256 ")).unwrap();
        let hex = fingerprint.text.rsplit(' ').next().unwrap();
        assert!(hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()), "{view} {paper}: {:?}", fingerprint.text);
        let note = lines.iter().find(|l| l.text.contains("· sidik")).unwrap_or_else(|| panic!("{view} {paper}: the note under the signature"));
        let nip = lines.iter().find(|l| l.text == "NIP. 19800412 200003 1 003").unwrap();
        assert_eq!(note.page, nip.page);
        assert!(note.bbox[1] >= nip.bbox[3] - 0.5, "{view} {paper}: the note under the NIP");
        assert_eq!(pokin(&["verify", s(&file), s(&pdf)]).status.code(), Some(0), "{view} {paper}: verify");
    }
}

#[test]
fn each_printout_has_its_own_heading() {
    let dir = common::temp_dir();
    let doc = common::read(&common::root().join("assets/samples/lumajang-bkd.json"));
    let title = doc.document.title.clone();
    assert!(title.starts_with("POHON KINERJA"));
    let flow = &doc.processes.flows[0];
    for (view, heading) in [
        ("tree", title.as_str()),
        ("processes", "PETA PROSES BISNIS"),
        ("processes:p2", "PETA SUB PROSES BISNIS — MENINGKATNYA PROFESIONALITAS ASN"),
        ("relations", "PETA RELASI"),
        ("flow:f1", "STANDAR OPERASIONAL PROSEDUR"),
        ("review", "CATATAN HASIL REVIU POHON KINERJA"),
    ] {
        let (pdf, _, _) = print_to(dir.path(), &view.replace(':', "-"), &doc, view, Paper::A4, true, None);
        let lines = common::pdf_lines(&pdf);
        let top = lines.iter().filter(|l| l.page == 1).min_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1])).unwrap();
        assert_eq!(top.text, heading, "{view}");
        if view != "tree" && view != "review" {
            // Only the tree is headed with the document's title ("POHON KINERJA …").
            assert!(lines.iter().all(|l| !l.text.contains(&title)), "{view}: headed as the tree");
        }
    }
    // The SOP's heading names the flow under it; its later sheets carry heading, name and "(lanjutan)".
    let (pdf, _, pages) = print_to(dir.path(), "sop", &doc, "flow:f1", Paper::A4, true, None);
    assert_eq!(pages, 2);
    let lines = common::pdf_lines(&pdf);
    let second = lines.iter().filter(|l| l.page == 1).nth(1).unwrap();
    assert!(second.text.contains(&flow.name) && second.text.contains("Badan Kepegawaian Daerah"), "{}", second.text);
    assert!(lines.iter().any(|l| l.page == 2 && l.text == format!("STANDAR OPERASIONAL PROSEDUR — {} (lanjutan)", flow.name)));
}

/// The Lumajang flow with a note in every row (so the Keterangan column
/// shows where it starts) and `lanes` lanes (more units when needed).
fn crowded_sop(lanes: usize) -> serde_json::Value {
    let mut value = sample_json("lumajang-bkd");
    value["document"]["signatory"] = serde_json::json!({ "place": "Lumajang", "date": "2024-01-15", "position": "Kepala Badan Kepegawaian Daerah", "name": "Drs. ABDUL HARIS", "nip": "19680424 199803 1 011" });
    let units = value["units"].as_array_mut().unwrap();
    for k in units.len()..lanes {
        units.push(serde_json::json!({ "id": format!("u{k}"), "name": format!("Sub Bagian {k}"), "short": format!("KASUBAG {k}") }));
    }
    let ids: Vec<String> = units.iter().map(|u| u["id"].as_str().unwrap().to_string()).collect();
    let flow = &mut value["processes"]["flows"][0];
    flow["lanes"] = serde_json::json!(ids[..lanes]);
    for step in flow["steps"].as_array_mut().unwrap() {
        step["note"] = serde_json::json!("Catatan");
        let lane = step["lane"].as_str().unwrap().to_string();
        if !ids[..lanes].contains(&lane) {
            step["lane"] = serde_json::json!(ids[0]);
        }
    }
    value
}

#[test]
fn the_sops_columns_fit_every_paper_readably() {
    let dir = common::temp_dir();
    for lanes in [2, 6, 8] {
        let doc = document(&crowded_sop(lanes));
        for (paper, landscape, label) in PAPERS {
            let name = format!("sop-{lanes}-{label}").replace(' ', "-");
            let (pdf, warnings, _) = print_to(dir.path(), &name, &doc, "flow:f1", paper, landscape, None);
            let (width, _) = page_size(paper, landscape);
            let right = width - 10.0 * pokin::render::POINTS_PER_MM;
            let lines = common::pdf_lines(&pdf);
            for line in &lines {
                assert!(line.bbox[2] <= width - 5.0, "{name}: {:?} runs off the page", line.text);
            }
            // Every title whole on one line; Keterangan inside the table's right edge.
            let header = lines.iter().find(|l| l.text == "Keterangan").unwrap_or_else(|| panic!("{name}: Keterangan whole"));
            assert!(header.bbox[2] <= right + 0.5, "{name}: {header:?}");
            for title in ["Kelengkapan", "Waktu", "Output", "No"] {
                assert!(lines.iter().any(|l| l.text.split(' ').any(|w| w == title)), "{name}: {title} whole");
            }
            // The notes start 4 pt inside the Keterangan column: at least 15 mm wide.
            let note = lines.iter().find(|l| l.text == "Catatan").unwrap_or_else(|| panic!("{name}: a note"));
            let column = right - (note.bbox[0] - 4.0);
            assert!(column >= 15.0 * pokin::render::POINTS_PER_MM - 0.5, "{name}: Keterangan {column} pt wide");
            // The step texts: 6 pt or more.
            let first = lines.iter().find(|l| l.text.starts_with("Mengajukan")).unwrap();
            assert!(first.size_pt >= 5.9, "{name}: {} pt", first.size_pt);
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }
    // Twelve lanes do not fit A4 portrait readably: narrower columns, inside the page, and a warning.
    let doc = document(&crowded_sop(12));
    let (pdf, warnings, _) = print_to(dir.path(), "sop-12", &doc, "flow:f1", Paper::A4, false, None);
    assert!(warnings.iter().any(|w| w.contains("12 pelaksana tidak muat")), "{warnings:?}");
    for line in common::pdf_lines(&pdf) {
        assert!(line.bbox[2] <= 595.0 - 5.0, "{:?} runs off the page", line.text);
    }
}

#[test]
fn the_sops_signature_is_never_alone_on_a_page() {
    // Flows of 3 to 11 steps on every paper: wherever the table ends, the
    // signature follows rows on the same page (the last rows move on with it).
    let dir = common::temp_dir();
    let base = crowded_sop(6);
    let total = base["processes"]["flows"][0]["steps"].as_array().unwrap().len();
    let mut checked_moves = 0;
    for steps in 3..=total {
        let mut value = base.clone();
        let list = value["processes"]["flows"][0]["steps"].as_array_mut().unwrap();
        list.truncate(steps);
        let last = list.last_mut().unwrap().as_object_mut().unwrap();
        last.remove("next");
        last.insert("shape".into(), serde_json::json!("end"));
        let doc = document(&value);
        let texts: Vec<String> = doc.processes.flows[0].steps.iter().map(|s| s.text.split_whitespace().take(2).collect::<Vec<_>>().join(" ")).collect();
        for (paper, landscape, label) in PAPERS {
            let name = format!("ttd-{steps}-{label}").replace(' ', "-");
            let (pdf, _, pages) = print_to(dir.path(), &name, &doc, "flow:f1", paper, landscape, None);
            let lines = common::pdf_lines(&pdf);
            let signature: Vec<&common::PdfLine> = lines
                .iter()
                .filter(|l| l.text.starts_with("Lumajang, 15 Januari 2024") || l.text == "Drs. ABDUL HARIS" || l.text == "NIP. 19680424 199803 1 011")
                .collect();
            assert_eq!(signature.len(), 3, "{name}: {signature:?}");
            assert!(signature.iter().all(|l| l.page == pages), "{name}: the signature whole on the last page");
            let rows_on_last = lines.iter().filter(|l| l.page == pages && texts.iter().any(|t| l.text.starts_with(t.as_str()))).count();
            assert!(rows_on_last >= 1, "{name}: the signature alone on page {pages}");
            if pages > 1 && rows_on_last <= 2 {
                checked_moves += 1;
            }
        }
    }
    assert!(checked_moves > 0, "some flow needed its last rows moved");
}

#[test]
fn without_a_process_map_the_views_say_so_instead_of_an_empty_signed_form() {
    let dir = common::temp_dir();
    // Kebumen has a tree and no process map.
    let file = import(dir.path(), "kebumen-bkpsdm");
    for (view, heading) in [("processes", "PETA PROSES BISNIS"), ("relations", "PETA RELASI")] {
        let pdf = dir.path().join(format!("{view}.pdf"));
        let o = pokin(&["export", "pdf", s(&file), "-o", s(&pdf), "--view", view, "--paper", "A4"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("peringatan: ") && stderr.contains("belum memiliki peta proses bisnis"), "{view}: {stderr}");
        let text = pdf_text(&pdf);
        assert!(text.starts_with(heading), "{view}: {text}");
        assert!(text.contains("Belum dapat dicetak") && text.contains("belum memiliki peta proses bisnis"), "{view}: {text}");
        assert!(!text.contains("NIP.") && !text.contains("PROSES MANAJERIAL") && !text.contains("Proses bisnis Kategori"), "{view}: an empty signed form");
    }
    // Processes whose units are not given yet; a flow without steps.
    let mut value = sample_json("lumajang-bkd");
    for process in value["processes"]["map"]["processes"].as_array_mut().unwrap() {
        process.as_object_mut().unwrap().remove("owners");
    }
    value["processes"]["flows"][0]["steps"] = serde_json::json!([]);
    let doc = document(&value);
    let (pdf, warnings, pages) = print_to(dir.path(), "relasi-kosong", &doc, "relations", Paper::A4, false, None);
    assert_eq!(pages, 1);
    assert!(warnings.iter().any(|w| w.contains("belum ada proses yang diberi unit kerja")), "{warnings:?}");
    assert!(!pdf_text(&pdf).contains("NIP."));
    let (pdf, warnings, _) = print_to(dir.path(), "sop-kosong", &doc, "flow:f1", Paper::A4, false, None);
    assert!(warnings.iter().any(|w| w.contains("belum memiliki kegiatan")), "{warnings:?}");
    let text = pdf_text(&pdf);
    assert!(text.starts_with("STANDAR OPERASIONAL PROSEDUR") && !text.contains("NIP.") && !text.contains("Uraian kegiatan"), "{text}");
}

#[test]
fn the_sop_header_names_its_dates_and_who_approved_it() {
    // Entered through the edit path (update_flow) into the .pokin, printed in
    // the SOP-AP form's header, kept in the JSON export.
    let dir = common::temp_dir();
    let file = import(dir.path(), "lumajang-bkd");
    let mut opened = pokin::store::DocFile::open(&file).unwrap();
    let mut flow = opened.document().processes.flows[0].clone();
    flow.number = "SOP/BKD/01".into();
    flow.header.created = "2024-01-20".into();
    flow.header.revised = "2024-03-01".into();
    flow.header.revision = 2;
    flow.header.effective = "2024-04-01".into();
    flow.header.approved_by = pokin::model::Approval {
        position: "Kepala Badan Kepegawaian Daerah".into(),
        name: "Drs. ABDUL HARIS, M.Si.".into(),
        nip: "19680424 199803 1 011".into(),
    };
    opened.apply(&pokin::edit::Op::UpdateFlow { flow }).unwrap();
    drop(opened);
    let json = common::ok(&["export", "json", s(&file)]);
    for key in [r#""created": "2024-01-20""#, r#""revised": "2024-03-01""#, r#""revision": 2"#, r#""effective": "2024-04-01""#, r#""approved_by": {"#] {
        assert!(json.contains(key), "{key} in the JSON export");
    }
    for (paper, landscape, label) in [(Paper::F4, false, "F4"), (Paper::A4, true, "A4")] {
        let pdf = dir.path().join(format!("sop-{label}.pdf"));
        let mut args = vec!["export", "pdf", s(&file), "-o", s(&pdf), "--view", "flow:f1", "--paper", label];
        if landscape {
            args.push("--landscape");
        }
        let _ = paper;
        assert!(pokin(&args).status.success());
        let lines = common::pdf_lines(&pdf);
        let line = |text: &str| lines.iter().find(|l| l.page == 1 && l.text == text).unwrap_or_else(|| panic!("{label}: {text:?} in {:?}", lines.iter().map(|l| &l.text).collect::<Vec<_>>()));
        for (field, value) in [
            ("Nomor SOP", "SOP/BKD/01"),
            ("Tanggal Pembuatan", "20 Januari 2024"),
            ("Tanggal Revisi", "1 Maret 2024 (revisi ke-2)"),
            ("Tanggal Efektif", "1 April 2024"),
            ("Disahkan oleh", "KEPALA BADAN KEPEGAWAIAN DAERAH"),
            ("Nama SOP", "PROSES MANAJEMEN ASN"),
        ] {
            // The value on its label's row, to its right.
            let (f, v) = (line(field), line(value));
            assert!((f.bbox[1] - v.bbox[1]).abs() < 1.0 && v.bbox[0] > f.bbox[2], "{label}: {field} {value}");
        }
        let name = line("Drs. ABDUL HARIS, M.Si.");
        let nip = line("NIP. 19680424 199803 1 011");
        let position = line("KEPALA BADAN KEPEGAWAIAN DAERAH");
        assert!(position.bbox[3] + 20.0 < name.bbox[1] && name.bbox[1] < nip.bbox[1], "{label}: room to sign, then name and NIP: {position:?} {name:?} {nip:?}");
        assert!(line("PEMERINTAH KABUPATEN LUMAJANG").bbox[2] < line("Nomor SOP").bbox[0], "{label}: the agency on the left");
    }
}
