//! `pokin`: the command line of Pokin Studio. Every command is a thin call
//! into the core library; messages to the planner are in Indonesian.

use clap::{Parser, Subcommand, ValueEnum};
use pokin::interchange::json;
use pokin::model::{Document, Period};
use pokin::store::DocFile;
use pokin::{validate, Error};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "pokin", version, about = "Pokin Studio: Pohon Kinerja dan Peta Proses Bisnis dari baris perintah")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Buat dokumen .pokin baru dengan skema level bawaan (Permenpan RB 89/2021)
    New {
        /// Berkas .pokin yang dibuat
        file: PathBuf,
        /// Judul dokumen, mis. "Pohon Kinerja BKD Kabupaten Lumajang"
        #[arg(long)]
        title: String,
        /// Perangkat daerah, mis. "Badan Kepegawaian Daerah"
        #[arg(long, default_value = "")]
        agency: String,
        /// Pemerintah daerah, mis. "Kabupaten Lumajang"
        #[arg(long, default_value = "")]
        government: String,
        /// Periode Renstra, mis. 2025-2029
        #[arg(long, value_parser = parse_period)]
        period: Period,
    },
    /// Impor dokumen pokin/1 (JSON) menjadi berkas .pokin baru
    Import {
        /// Dokumen pokin/1 (.json)
        json: PathBuf,
        /// Berkas .pokin yang dibuat
        file: PathBuf,
    },
    /// Ekspor dokumen .pokin: json (pokin/1), pdf (cetakan bertanda tangan), dot (Graphviz)
    Export {
        /// Format: json, pdf atau dot
        format: ExportFormat,
        /// Berkas .pokin
        file: PathBuf,
        /// Berkas keluaran (bawaan: layar)
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Ekspor keadaan sesudah riwayat nomor ini, bukan keadaan sekarang
        #[arg(long)]
        at: Option<i64>,
        /// Ekspor versi bernama ini
        #[arg(long, conflicts_with = "at")]
        version: Option<String>,
        #[command(flatten)]
        print: PrintArgs,
    },
    /// Tetapkan dokumen (final): simpan versi final bernama; sesudahnya dokumen tidak dapat diubah
    Final {
        file: PathBuf,
        /// Nama versi final, mis. "Renstra 2025-2029 ditetapkan"
        #[arg(long)]
        name: String,
    },
    /// Buat draf baru (berkas .pokin baru) dari dokumen, mis. dari versi final
    Draft { file: PathBuf, new_file: PathBuf },
    /// Periksa apakah sebuah PDF dicetak dari versi final dalam berkas .pokin ini.
    /// Status keluar: 0 ya, 1 tidak, 2 berkas tak terbaca.
    Verify { file: PathBuf, pdf: PathBuf },
    /// Periksa logika pohon kinerja dan peta proses (.pokin atau .json).
    /// Status keluar: 0 tanpa galat, 1 ada galat, 2 berkas tak terbaca.
    Validate {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Tampilkan riwayat perubahan dan versi bernama
    History { file: PathBuf },
    /// Terapkan satu operasi suntingan (JSON, seperti yang dikirim editor) sebagai satu langkah riwayat,
    /// mis. '{"op":"add_process","process":{"id":"","category":"core","name":"Layanan Cuti"}}'.
    /// OP: teks JSON, @BERKAS.json, atau - (masukan standar).
    Apply { file: PathBuf, op: String },
    /// Batalkan perubahan terakhir
    Undo { file: PathBuf },
    /// Ulangi perubahan yang terakhir dibatalkan
    Redo { file: PathBuf },
    /// Simpan keadaan sekarang sebagai versi bernama
    Snapshot { file: PathBuf, name: String },
    /// Buat dokumen sintetis pokin/1 untuk uji dan tolok ukur
    Synth {
        /// Jumlah simpul pohon
        #[arg(long)]
        nodes: usize,
        /// Jumlah peta lintas fungsi (10–40 langkah masing-masing)
        #[arg(long, default_value_t = 0)]
        flows: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ExportFormat {
    Json,
    Pdf,
    Dot,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Mode {
    Fit,
    Poster,
}

/// Options of `export pdf`.
#[derive(clap::Args)]
struct PrintArgs {
    /// Yang dicetak: tree (pohon kinerja), processes (peta proses bisnis level 0), processes:ID (peta sub proses bisnis), relations (peta relasi), flow:ID (peta lintas fungsi / SOP-AP)
    #[arg(long, default_value = "tree")]
    view: String,
    /// Kertas: A4, F4, A3, A2, A1, A0
    #[arg(long, default_value = "A3", value_parser = parse_paper)]
    paper: pokin::render::Paper,
    /// Mendatar (landscape)
    #[arg(long)]
    landscape: bool,
    /// fit: seluruh pohon pada satu lembar; poster: dibagi ke beberapa lembar
    #[arg(long, value_enum, default_value_t = Mode::Fit)]
    mode: Mode,
    /// Skala mode poster (1 = ukuran di layar)
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    /// Margin dalam mm
    #[arg(long, default_value_t = 10.0)]
    margin: f32,
    /// Tampilkan indikator dengan target tahun-tahun ini, mis. 2024,2025
    #[arg(long, value_delimiter = ',')]
    years: Vec<i32>,
    /// Tampilkan indikator (tanpa --years: tanpa target)
    #[arg(long)]
    indicators: bool,
    /// Tampilkan penanggung jawab
    #[arg(long)]
    owners: bool,
    /// Beri nomor simpul (1, 1.1, 1.1.2 …)
    #[arg(long)]
    numbering: bool,
    /// Tampilkan lencana temuan validasi pada kotak
    #[arg(long)]
    findings: bool,
    /// Tanpa keterangan (legend)
    #[arg(long)]
    no_legend: bool,
    /// Tanggal cetak (YYYY-MM-DD; bawaan: hari ini)
    #[arg(long, default_value = "")]
    printed_on: String,
}

fn parse_paper(text: &str) -> Result<pokin::render::Paper, String> {
    pokin::render::Paper::parse(text).ok_or_else(|| format!("kertas `{text}` tidak dikenal; pilih A4, F4, A3, A2, A1 atau A0"))
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

fn parse_period(text: &str) -> Result<Period, String> {
    let (from, to) = text.split_once('-').ok_or("tulis periode sebagai TAHUN-TAHUN, mis. 2025-2029")?;
    let year = |s: &str| s.trim().parse::<i32>().map_err(|_| format!("`{s}` bukan tahun"));
    let period = Period { from: year(from)?, to: year(to)? };
    if period.from > period.to {
        return Err(format!("tahun awal {} jatuh setelah tahun akhir {}", period.from, period.to));
    }
    Ok(period)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pokin: {err}");
            ExitCode::from(2)
        }
    }
}

/// A `.pokin` file (by its content, or by its name when it cannot be read).
fn is_pokin(path: &Path) -> bool {
    pokin::store::is_sqlite(path) || path.extension().is_some_and(|e| e == "pokin")
}

/// A `.pokin` or a pokin/1 JSON file.
fn read_any(path: &Path) -> Result<Document, Error> {
    if is_pokin(path) {
        Ok(DocFile::open_read_only(path)?.document().clone())
    } else {
        json::read(path)
    }
}

fn write_output(output: Option<&Path>, text: &str) -> Result<(), Error> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(path, e)),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::New { file, title, agency, government, period } => {
            let doc = pokin::store::new_document(&title, &agency, &government, period)?;
            DocFile::create(&file, &doc)?;
            println!("Dibuat: {}", file.display());
        }
        Command::Import { json: source, file } => {
            let doc = json::read(&source)?;
            DocFile::create(&file, &doc)?;
            println!("Diimpor: {} → {} ({} simpul)", source.display(), file.display(), doc.node_count());
        }
        Command::Export { format, file, output, at, version, print } => {
            // A pokin/1 JSON prints and converts too (it has no history or versions).
            let opened = if is_pokin(&file) { Some(DocFile::open_read_only(&file)?) } else { None };
            let doc = match (&opened, at, &version) {
                (Some(opened), Some(seq), _) => opened.state_at(seq)?,
                (Some(opened), _, Some(name)) => opened.snapshot_document(name)?,
                (Some(opened), None, None) => opened.document().clone(),
                (None, None, None) => json::read(&file)?,
                (None, ..) => return Err(Error::refused("--at dan --version hanya untuk berkas .pokin (yang punya riwayat)")),
            };
            match format {
                ExportFormat::Json => write_output(output.as_deref(), &json::to_string(&doc))?,
                ExportFormat::Dot => write_output(output.as_deref(), &pokin::render::dot::tree_dot(&doc))?,
                ExportFormat::Pdf => {
                    let output = output.ok_or_else(|| Error::refused("Untuk PDF, sebutkan berkas keluaran dengan -o BERKAS.pdf"))?;
                    let view = pokin::render::View::parse(&print.view).ok_or_else(|| {
                        Error::refused(format!(
                            "Tampilan `{}` tidak dikenal; pilih tree (pohon kinerja), processes (peta proses bisnis), processes:ID (peta sub proses bisnis), relations (peta relasi) atau flow:ID (peta lintas fungsi)",
                            print.view
                        ))
                    })?;
                    if let pokin::render::View::SubProcesses(id) = &view {
                        if doc.process(id).is_none() {
                            let parents: Vec<&str> = doc
                                .processes
                                .map
                                .processes
                                .iter()
                                .filter_map(|p| p.parent.as_deref())
                                .collect::<std::collections::BTreeSet<_>>()
                                .into_iter()
                                .collect();
                            return Err(Error::refused(format!(
                                "Proses `{id}` tidak ada di dokumen ini (yang punya sub proses: {})",
                                if parents.is_empty() { "tidak ada".to_string() } else { parents.join(", ") }
                            )));
                        }
                    }
                    if let pokin::render::View::Flow(id) = &view {
                        if doc.flow(id).is_none() {
                            let known: Vec<&str> = doc.processes.flows.iter().map(|f| f.id.as_str()).collect();
                            return Err(Error::refused(format!(
                                "Peta lintas fungsi `{id}` tidak ada di dokumen ini (yang ada: {})",
                                if known.is_empty() { "tidak ada".to_string() } else { known.join(", ") }
                            )));
                        }
                    }
                    let (fingerprint, final_name) = match &opened {
                        Some(opened) => opened.identify(&doc)?,
                        None => (json::fingerprint(&doc), None),
                    };
                    let provenance =
                        pokin::render::Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
                    let options = pokin::render::PrintOptions {
                        view,
                        paper: print.paper,
                        landscape: print.landscape,
                        margin_mm: print.margin,
                        mode: match print.mode {
                            Mode::Fit => pokin::render::PrintMode::Fit,
                            Mode::Poster => pokin::render::PrintMode::Poster { scale: print.scale },
                        },
                        indicators: print.indicators || !print.years.is_empty(),
                        years: print.years,
                        owners: print.owners,
                        numbering: print.numbering,
                        findings: print.findings,
                        legend: !print.no_legend,
                        printed_on: print.printed_on,
                        ..Default::default()
                    };
                    let printout = pokin::render::print_tree(&doc, &provenance, &options);
                    std::fs::write(&output, &printout.pdf).map_err(|e| Error::io(&output, e))?;
                    for warning in &printout.warnings {
                        eprintln!("peringatan: {warning}");
                    }
                    println!("Dicetak: {} ({} halaman)", output.display(), printout.pages);
                }
            }
        }
        Command::Final { file, name } => {
            let snapshot = DocFile::open(&file)?.mark_final(&name)?;
            println!("Ditetapkan: versi final \"{}\" (sidik {}). Dokumen ini tidak dapat diubah lagi.", snapshot.name, snapshot.fingerprint);
        }
        Command::Draft { file, new_file } => {
            DocFile::open_read_only(&file)?.branch_draft(&new_file)?;
            println!("Draf baru: {}", new_file.display());
        }
        Command::Verify { file, pdf } => {
            let opened = DocFile::open_read_only(&file)?;
            let bytes = std::fs::read(&pdf).map_err(|e| Error::io(&pdf, e))?;
            let Some(fingerprint) = pokin::render::pdf::printed_fingerprint(&bytes) else {
                println!("TIDAK: {} bukan cetakan Pokin Studio (tidak ada sidik dokumen).", pdf.display());
                return Ok(ExitCode::from(1));
            };
            return Ok(match opened.final_version(&fingerprint)? {
                Some(version) => {
                    println!("YA: {} dicetak dari versi final \"{}\" ({}), sidik {}.", pdf.display(), version.name, version.at, fingerprint);
                    ExitCode::SUCCESS
                }
                None => {
                    println!("TIDAK: {} tidak dicetak dari versi final mana pun di {} (sidik {}).", pdf.display(), file.display(), fingerprint);
                    ExitCode::from(1)
                }
            });
        }
        Command::Validate { file, format } => {
            let doc = read_any(&file)?;
            let report = validate::validate(&doc);
            match format {
                ReportFormat::Json => println!("{}", report.to_json()),
                ReportFormat::Text => print!("{}", validate::to_text(&report, &doc)),
            }
            return Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::History { file } => {
            let opened = DocFile::open_read_only(&file)?;
            let entries = opened.history()?;
            if entries.is_empty() {
                println!("Belum ada perubahan sejak berkas dibuat.");
            }
            for e in entries {
                let mark = if e.undone { " (dibatalkan)" } else { "" };
                println!("#{:<5} {}  {}{}", e.seq, e.at, e.label, mark);
            }
            for s in opened.snapshots()? {
                let fin = if s.is_final { ", final" } else { "" };
                println!("versi \"{}\" pada #{} ({}{}) sidik {}", s.name, s.seq, s.at, fin, &s.fingerprint[..16]);
            }
        }
        Command::Apply { file, op } => {
            let (text, source) = match op.as_str() {
                "-" => {
                    let mut text = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| Error::io(Path::new("-"), e))?;
                    (text, "masukan standar".to_string())
                }
                _ => match op.strip_prefix('@') {
                    Some(path) => (std::fs::read_to_string(path).map_err(|e| Error::io(Path::new(path), e))?, path.to_string()),
                    None => (op.clone(), "operasi".to_string()),
                },
            };
            let de = &mut serde_json::Deserializer::from_str(&text);
            let op: pokin::edit::Op = serde_path_to_error::deserialize(de).map_err(|err| {
                let place = err.path().to_string();
                let place = if place == "." { "(awal)".to_string() } else { place };
                Error::refused(format!("{source}: {place}: operasi tidak dapat dibaca: {}", json::translate_serde_error(&err.into_inner())))
            })?;
            match DocFile::open(&file)?.apply(&op)? {
                Some(applied) => println!("Diterapkan: {} (riwayat #{})", applied.label, applied.seq),
                None => println!("Tidak ada perubahan."),
            }
        }
        Command::Undo { file } => match DocFile::open(&file)?.undo()? {
            Some(label) => println!("Dibatalkan: {label}"),
            None => println!("Tidak ada perubahan yang dapat dibatalkan."),
        },
        Command::Redo { file } => match DocFile::open(&file)?.redo()? {
            Some(label) => println!("Diulang: {label}"),
            None => println!("Tidak ada perubahan yang dapat diulang."),
        },
        Command::Snapshot { file, name } => {
            let snapshot = DocFile::open(&file)?.snapshot(&name)?;
            println!("Versi \"{}\" disimpan pada riwayat #{} (sidik {}).", snapshot.name, snapshot.seq, snapshot.fingerprint);
        }
        Command::Synth { nodes, flows, seed, output } => {
            let doc = pokin::synth::generate(&pokin::synth::Options { nodes, flows, seed });
            std::fs::write(&output, json::to_string(&doc)).map_err(|e| Error::io(&output, e))?;
            println!("Dibuat: {} ({} simpul, {} peta lintas fungsi)", output.display(), nodes, flows);
        }
    }
    Ok(ExitCode::SUCCESS)
}
