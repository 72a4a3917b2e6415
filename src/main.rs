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
    /// Ekspor dokumen .pokin
    Export {
        /// Format: json (pokin/1)
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
    },
    /// Periksa logika pohon kinerja dan peta proses (.pokin atau .json).
    /// Status keluar: 0 tanpa galat, 1 ada galat, 2 berkas tak terbaca.
    Validate {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Tampilkan riwayat perubahan dan versi bernama
    History { file: PathBuf },
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

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
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

fn is_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"SQLite format 3\0"
}

/// A `.pokin` (by its content) or a pokin/1 JSON file.
fn read_any(path: &Path) -> Result<Document, Error> {
    if is_sqlite(path) || path.extension().is_some_and(|e| e == "pokin") {
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
            let mut doc = Document::new(&title, period);
            doc.document.agency = agency;
            doc.document.government = government;
            DocFile::create(&file, &doc)?;
            println!("Dibuat: {}", file.display());
        }
        Command::Import { json: source, file } => {
            let doc = json::read(&source)?;
            DocFile::create(&file, &doc)?;
            println!("Diimpor: {} → {} ({} simpul)", source.display(), file.display(), doc.node_count());
        }
        Command::Export { format: ExportFormat::Json, file, output, at, version } => {
            let opened = DocFile::open_read_only(&file)?;
            let doc = match (at, version) {
                (Some(seq), _) => opened.state_at(seq)?,
                (_, Some(name)) => opened.snapshot_document(&name)?,
                _ => opened.document().clone(),
            };
            write_output(output.as_deref(), &json::to_string(&doc))?;
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
