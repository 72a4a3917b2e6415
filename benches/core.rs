//! Benchmarks of the core, with the targets of issue #2:
//! validate 50,000 nodes ≤ 50 ms; open a 10,000-node .pokin ≤ 200 ms;
//! one durable edit ≤ 2 ms (median); import 10,000 nodes; and (issue #5)
//! a 40-step, 8-lane flow laid out and rendered in under 200 ms; (issue
//! #11) the diff of two 10,000-node versions ≤ 100 ms and the merge of a
//! reviewer's copy of a 2,000-node document with 200 changes ≤ 200 ms;
//! (issue #14) the monitoring of a year on 10,000 nodes; (issue #15) the
//! Matriks Cascading and IKU Renstra of a 10,000-node tree as xlsx ≤ 1 s.
//! Run with `scripts/bench` (or `cargo bench --bench core`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use pokin::edit::Op;
use pokin::interchange::json;
use pokin::store::DocFile;
use pokin::synth::{generate, Options};
use std::hint::black_box;
use std::time::Duration;

fn validate_50k(c: &mut Criterion) {
    let doc = generate(&Options { nodes: 50_000, flows: 20, seed: 1 });
    let mut group = c.benchmark_group("validate");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("validate 50000 nodes", |b| b.iter(|| black_box(pokin::validate::validate(&doc))));
    group.finish();
}

fn open_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("10k.pokin");
    let doc = generate(&Options { nodes: 10_000, flows: 10, seed: 2 });
    drop(DocFile::create(&path, &doc).unwrap());
    let mut group = c.benchmark_group("store");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("open 10000-node .pokin", |b| b.iter(|| black_box(DocFile::open(&path).unwrap())));

    let mut file = DocFile::open(&path).unwrap();
    let mut node = file.document().tree.nodes[5_000].clone();
    let mut flip = false;
    group.bench_function("one durable edit (10000 nodes)", |b| {
        b.iter(|| {
            flip = !flip;
            node.statement = if flip { "Meningkatnya Kualitas Data Kepegawaian".into() } else { "Meningkatnya Kualitas Data ASN".into() };
            black_box(file.apply(&Op::UpdateNode { node: node.clone() }).unwrap());
        })
    });
    group.finish();
}

fn import_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let text = json::to_string(&generate(&Options { nodes: 10_000, flows: 10, seed: 3 }));
    let mut n = 0u64;
    let mut group = c.benchmark_group("import");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("import 10000 nodes (JSON → .pokin)", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("import-{n}.pokin"))
            },
            |path| {
                let doc = json::from_str(&text, "10k.json").unwrap();
                black_box(DocFile::create(&path, &doc).unwrap());
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Issue #5's target: a 40-step, 8-lane flow laid out and rendered in under 200 ms.
fn flow_40_steps(c: &mut Criterion) {
    let mut doc = generate(&Options { nodes: 10, flows: 0, seed: 5 });
    doc.processes.flows = vec![pokin::synth::crowded_flow(40, 8)].into();
    let fingerprint = json::fingerprint(&doc);
    let provenance = pokin::render::Provenance { fingerprint: &fingerprint, final_name: None };
    let options = pokin::render::PrintOptions {
        view: pokin::render::View::Flow("f".into()),
        paper: pokin::render::Paper::A4,
        landscape: true,
        ..Default::default()
    };
    let mut group = c.benchmark_group("flow");
    group.sample_size(20);
    group.bench_function("layout + PDF of a 40-step, 8-lane flow", |b| {
        b.iter(|| black_box(pokin::render::print_tree(&doc, &provenance, &options)))
    });
    group.finish();
}

/// `count` edits spread over the tree: statements rewritten, one in four a new child.
fn edited(doc: &pokin::model::Document, count: usize, word: &str) -> pokin::model::Document {
    let mut out = doc.clone();
    let step = (doc.tree.nodes.len() / count).max(1);
    for (k, i) in (0..doc.tree.nodes.len()).step_by(step).take(count).enumerate() {
        let mut node = out.tree.nodes[i].clone();
        let op = if k % 4 == 3 {
            Op::AddNode { node: pokin::model::Node { id: String::new(), level: node.level + 1, statement: format!("Tersedianya {word} {k}"), ..Default::default() }, parent: Some(node.id.clone()), before: None }
        } else {
            node.statement = format!("{} ({word})", node.statement);
            Op::UpdateNode { node }
        };
        let _ = pokin::edit::execute(&mut out, &op);
    }
    out
}

fn compare_and_merge(c: &mut Criterion) {
    let mut group = c.benchmark_group("review");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    let a = generate(&Options { nodes: 10_000, flows: 10, seed: 4 });
    let b = edited(&a, 500, "revisi");
    group.bench_function("diff of two 10000-node versions", |bench| bench.iter(|| black_box(pokin::compare::compare(&a, &b))));
    let base = generate(&Options { nodes: 2_000, flows: 5, seed: 5 });
    let ours = edited(&base, 20, "perencana");
    let theirs = edited(&base, 200, "reviewer");
    group.bench_function("merge of a 2000-node copy with 200 changes", |bench| {
        bench.iter(|| black_box(pokin::compare::merge(&base, &ours, &theirs, &pokin::compare::Choice::all(), "Inspektorat")))
    });
    group.finish();
}

/// Issue #14: the monitoring of a year on a 10,000-node tree (each
/// indicator's capaian, each node's, the budget rolled up), and the tree
/// laid out in its capaian view (what an edit's reply carries then).
fn monitoring_10k(c: &mut Criterion) {
    let doc = generate(&Options { nodes: 10_000, flows: 0, seed: 3 });
    let year = pokin::monitoring::default_year(&doc);
    let mut group = c.benchmark_group("monitoring");
    group.sample_size(20);
    group.bench_function("capaian report of 10000 nodes", |b| b.iter(|| black_box(pokin::monitoring::report(&doc, year))));
    let mut options = pokin::layout::TreeOptions::default();
    options.details.capaian = Some(year);
    group.bench_function("tree layout of 10000 nodes in the capaian view", |b| {
        b.iter(|| black_box(pokin::layout::layout_tree(&doc, &options)))
    });
    let plain = pokin::layout::TreeOptions::default();
    group.bench_function("tree layout of 10000 nodes (plain, for comparison)", |b| {
        b.iter(|| black_box(pokin::layout::layout_tree(&doc, &plain)))
    });
    group.finish();
}

/// Issue #15: a 10,000-node tree exported as a spreadsheet (Matriks
/// Cascading with its merged statements, IKU Renstra).
fn xlsx_export_10k(c: &mut Criterion) {
    use pokin::interchange::xlsx::{export, XlsxOptions, XlsxTable};
    let doc = generate(&Options { nodes: 10_000, flows: 0, seed: 1 });
    let mut group = c.benchmark_group("xlsx");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (table, name) in [(XlsxTable::Cascading, "export Matriks Cascading of 10000 nodes"), (XlsxTable::Iku, "export IKU Renstra of 10000 nodes")] {
        let options = XlsxOptions { table, year: None, unit: None, flow: None, paper: None };
        group.bench_function(name, |b| b.iter(|| black_box(export(&doc, &options).unwrap())));
    }
    group.finish();
}

/// Issue #15: a 10,000-row IKU sheet (outline numbers, levels, indicators,
/// five years of targets) read from xlsx bytes into a new document; ≤ 1 s.
fn sheet_import_10k(c: &mut Criterion) {
    use pokin::interchange::sheet::{import::import_workbook, ImportOptions, LayoutKind, Workbook};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("IKU Renstra").unwrap();
    let headers = ["No", "Level", "Pernyataan", "Indikator", "Satuan", "Target 2025", "Target 2026", "Target 2027", "Target 2028", "Target 2029"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let levels = ["Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan"];
    let mut path = [0u32; 5];
    for row in 1..=10_000u32 {
        // Depth-first: a tujuan per 2,000 rows, then 10 sasaran, 10 program, 4 kegiatan, 5 sub kegiatan.
        let depth = [2000, 200, 20, 5, 1].iter().position(|&span| (row - 1) % span == 0).unwrap();
        path[depth] += 1;
        for p in path.iter_mut().skip(depth + 1) {
            *p = 0;
        }
        let no: Vec<String> = path[..=depth].iter().map(u32::to_string).collect();
        sheet.write_string(row, 0, no.join(".")).unwrap();
        sheet.write_string(row, 1, levels[depth]).unwrap();
        sheet.write_string(row, 2, format!("Meningkatnya kualitas layanan {}", no.join("."))).unwrap();
        sheet.write_string(row, 3, format!("Persentase layanan tepat waktu {row}")).unwrap();
        sheet.write_string(row, 4, "Persen").unwrap();
        for y in 0..5u16 {
            sheet.write_number(row, 5 + y, 60.0 + f64::from(y) * 2.5).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let options = ImportOptions { layout: LayoutKind::Iku, sheet: None, header_rows: None, include_hidden: false, mapping: None, year: None };
    let mut group = c.benchmark_group("sheet import");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("import a 10000-row IKU sheet (xlsx → document)", |b| {
        b.iter(|| {
            let book = Workbook::from_bytes("iku.xlsx", &bytes).unwrap();
            black_box(import_workbook(&book, &options, None).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, validate_50k, open_10k, import_10k, flow_40_steps, compare_and_merge, monitoring_10k, xlsx_export_10k, sheet_import_10k);
criterion_main!(benches);
