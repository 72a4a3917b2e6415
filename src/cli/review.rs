//! Reviewers' commands: review copies, compare, merge, comment threads.

use super::ReportFormat;
use pokin::compare::{self, Accept, Choice};
use pokin::edit::Op;
use pokin::model::{Annotation, Document, Target};
use pokin::store::DocFile;
use pokin::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(super) fn review_copy(file: PathBuf, output: PathBuf, reviewer: String) -> Result<(), Error> {
    let mut doc = DocFile::open(&file)?;
    let info = doc.review_copy(&output, &reviewer)?;
    println!("Salinan reviu untuk {}: {} (versi dasar \"{}\", sidik {})", info.reviewer, output.display(), info.base, info.fingerprint);
    Ok(())
}

/// A document named on the command line: a `.pokin` or `.json` file, or
/// `FILE.pokin@VERSION` (a named version) / `FILE.pokin@SEQ` (a point in history).
fn version_of(spec: &str) -> Result<Document, Error> {
    let path = Path::new(spec);
    if path.exists() {
        return super::read_any(path);
    }
    let Some((file, at)) = spec.rsplit_once('@') else { return super::read_any(path) };
    let opened = DocFile::open_read_only(Path::new(file))?;
    match at.parse::<i64>() {
        Ok(seq) => opened.state_at(seq),
        Err(_) => opened.snapshot_document(at),
    }
}

pub(super) fn diff(a: String, b: String, format: ReportFormat) -> Result<(), Error> {
    let changes = compare::compare(&version_of(&a)?, &version_of(&b)?);
    match format {
        ReportFormat::Json => println!("{}", serde_json::json!({ "changes": changes })),
        ReportFormat::Text => print!("{}", compare::to_text(&changes)),
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
pub(super) enum AcceptArg {
    All,
    None,
}

/// Exit 0: merged (or mergeable) without conflict; 1: conflicts remain;
/// 2 (from `main`): the copy cannot be read or has no base here.
pub(super) fn merge(file: PathBuf, copy: PathBuf, accept: Option<AcceptArg>, format: ReportFormat) -> Result<ExitCode, Error> {
    let theirs = DocFile::open_read_only(&copy)?;
    let (report, done) = match accept {
        None => (DocFile::open_read_only(&file)?.merge_preview(&theirs, &Choice::all())?, None),
        Some(accept) => {
            let choice = Choice { accept: if accept == AcceptArg::All { Accept::All } else { Accept::None }, theirs: Default::default() };
            let done = DocFile::open(&file)?.merge_review(&theirs, &choice)?;
            (done.report.clone(), Some(done))
        }
    };
    match format {
        ReportFormat::Json => println!("{}", serde_json::to_string(&report).expect("reports serialise")),
        ReportFormat::Text => {
            print!("{}", report.to_text());
            match &done {
                Some(done) if done.notes_only => println!("Dokumen final: hanya catatan reviu yang digabungkan."),
                Some(done) => match &done.applied {
                    Some(a) => println!("Digabungkan sebagai satu langkah riwayat (#{}): {}.", a.seq, a.label),
                    None => println!("Tidak ada yang berubah."),
                },
                None => println!("(Pratinjau; gabungkan dengan --accept all atau --accept none.)"),
            }
        }
    }
    Ok(if report.open_conflicts() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `node:n3`, `link:n3/n2`, `indicator:n3/i1`, `step:f1/s4`, `process:p2`, `flow:f1`, `unit:u1`, `document`.
pub(super) fn parse_target(text: &str) -> Result<Target, String> {
    let (kind, id) = text.split_once(':').unwrap_or((text, ""));
    let pair = || {
        id.split_once('/').map(|(a, b)| (a.to_string(), b.to_string())).ok_or(format!("`{text}`: tulis dua id dipisah /, mis. {kind}:a/b"))
    };
    let one = || if id.is_empty() { Err(format!("`{text}`: id kosong")) } else { Ok(id.to_string()) };
    Ok(match kind {
        "node" => Target::Node(one()?),
        "unit" => Target::Unit(one()?),
        "process" => Target::Process(one()?),
        "flow" => Target::Flow(one()?),
        "link" => pair().map(|(a, b)| Target::Link(a, b))?,
        "indicator" => pair().map(|(a, b)| Target::Indicator(a, b))?,
        "step" => pair().map(|(a, b)| Target::Step(a, b))?,
        "document" => Target::Document(()),
        _ => return Err(format!("`{text}`: sasaran tidak dikenal (node, link, indicator, unit, process, flow, step, document)")),
    })
}

pub(super) struct CommentArgs {
    pub on: Target,
    pub text: String,
    pub author: String,
    pub role: String,
    pub round: u32,
    pub rule: Option<String>,
}

pub(super) fn comment(file: PathBuf, args: CommentArgs) -> Result<(), Error> {
    let mut doc = DocFile::open(&file)?;
    let annotation = Annotation { rule: args.rule, author: args.author, role: args.role, round: args.round, ..Annotation::new(args.on, args.text) };
    doc.apply(&Op::AddAnnotation { annotation })?;
    let made = doc.document().annotations.last().expect("just added");
    println!("Catatan reviu {} ditambahkan.", made.id);
    Ok(())
}

pub(super) fn comments(file: PathBuf, format: ReportFormat) -> Result<(), Error> {
    let doc = super::read_any(&file)?;
    match format {
        ReportFormat::Json => {
            let list: Vec<&Annotation> = doc.annotations.iter().collect();
            println!("{}", serde_json::json!({ "comments": list }));
        }
        ReportFormat::Text => {
            if doc.annotations.is_empty() {
                println!("Belum ada catatan reviu.");
            }
            for a in doc.annotations.iter() {
                let round = if a.round > 0 { format!(" · Reviu ke-{}", a.round) } else { String::new() };
                let who = [a.author.as_str(), a.role.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(", ");
                println!("[{}] {} · {}{round} · {} · {}", a.status.label(), a.id, describe(&doc, &a.on), who, a.at);
                println!("    {}", a.text);
                for r in &a.replies {
                    println!("    ↳ {}: {}", r.author, r.text);
                }
            }
        }
    }
    Ok(())
}

/// A target in people's words: a node by its statement.
fn describe(doc: &Document, on: &Target) -> String {
    match on {
        Target::Node(id) => match doc.node(id) {
            Some(n) => format!("simpul {id} \"{}\"", n.statement),
            None => format!("simpul {id}"),
        },
        Target::Link(a, b) => format!("keterkaitan {a} → {b}"),
        Target::Indicator(n, i) => format!("indikator {i} pada {n}"),
        Target::Step(f, s) => format!("langkah {s} (peta {f})"),
        Target::Process(p) => format!("proses {p}"),
        Target::Flow(f) => format!("peta lintas fungsi {f}"),
        Target::Unit(u) => format!("unit {u}"),
        Target::Document(()) => "dokumen".into(),
    }
}

pub(super) fn worksheet(file: PathBuf, kke: u8, format: ReportFormat) -> Result<(), Error> {
    let doc = super::read_any(&file)?;
    let kke = pokin::model::Kke::try_from(kke).map_err(Error::refused)?;
    let sheet = pokin::worksheet::for_document(&doc, kke);
    match format {
        ReportFormat::Json => println!("{}", serde_json::to_string(&sheet).expect("a worksheet serialises")),
        ReportFormat::Text => print!("{}", pokin::worksheet::to_text(&sheet)),
    }
    Ok(())
}
