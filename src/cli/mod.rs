//! `pokin`: the command line of Pokin Studio, one module per group of
//! commands. Every command is a thin call into the core library; messages
//! to the planner are in Indonesian.

mod export;
mod history;
mod import;
mod monitoring;
mod review;
mod signing;

use clap::{Parser, Subcommand, ValueEnum};
use export::{ExportFormat, PrintArgs};
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
    /// Impor dokumen pokin/1 (JSON) atau spreadsheet (.xlsx, .xls, .ods, .csv) menjadi berkas .pokin baru,
    /// atau --into berkas yang ada (realisasi, pagu) sebagai satu langkah riwayat
    Import {
        /// Dokumen pokin/1 (.json) atau spreadsheet
        source: PathBuf,
        /// Berkas .pokin yang dibuat (tanpa --into)
        file: Option<PathBuf>,
        #[command(flatten)]
        sheet: import::SheetArgs,
    },
    /// Ekspor dokumen .pokin: json (pokin/1), pdf (cetakan bertanda tangan), dot (Graphviz), xlsx (tabel Excel)
    Export {
        /// Format: json, pdf, dot atau xlsx
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
    /// Status keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 berkas tak terbaca.
    Validate {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Capaian kinerja setahun: target (PK bila ada, selain itu Renstra), realisasi, % capaian dan
    /// kategori tiap indikator, serta pagu, realisasi dan serapan anggaran (tiap rupiah sekali)
    Capaian {
        file: PathBuf,
        /// Tahun (bawaan: tahun terakhir yang punya realisasi)
        #[arg(long)]
        year: Option<i32>,
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
    /// Buat salinan reviu: berkas .pokin untuk reviewer, dengan versi dasarnya
    ReviewCopy {
        file: PathBuf,
        /// Salinan yang dibuat
        #[arg(short, long)]
        output: PathBuf,
        /// Nama reviewer, mis. "Inspektorat"
        #[arg(long)]
        reviewer: String,
    },
    /// Bandingkan dua versi: berkas .pokin atau .json, BERKAS.pokin@NAMA-VERSI, atau BERKAS.pokin@NOMOR-RIWAYAT
    Diff {
        a: String,
        b: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Gabungkan salinan reviu yang kembali (tiga arah, terhadap versi dasarnya).
    /// Tanpa --accept hanya pratinjau. Status keluar: 0 tanpa konflik, 1 ada konflik, 2 salinan tak terbaca atau tanpa dasar.
    Merge {
        file: PathBuf,
        copy: PathBuf,
        /// all: terima semua usulan yang tidak berkonflik; none: hanya catatan reviu
        #[arg(long, value_enum)]
        accept: Option<review::AcceptArg>,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Tambah catatan reviu pada simpul, keterkaitan, indikator, proses, peta atau langkah
    Comment {
        file: PathBuf,
        /// Sasaran: node:n3, link:n3/n2, indicator:n3/i1, step:f1/s4, process:p2, flow:f1, document
        #[arg(long, value_parser = review::parse_target)]
        on: pokin::model::Target,
        #[arg(long)]
        text: String,
        #[arg(long, default_value = "")]
        author: String,
        /// Peran penulis, mis. "Inspektorat"
        #[arg(long, default_value = "")]
        role: String,
        /// Reviu ke-N
        #[arg(long, default_value_t = 1)]
        round: u32,
        /// Kode aturan bila catatan tentang sebuah temuan, mis. P007
        #[arg(long)]
        rule: Option<String>,
    },
    /// Tampilkan catatan reviu
    Comments {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Tampilkan kertas kerja evaluasi (KKE): Format 1 kualitas indikator, Format 2 logika cascading
    Worksheet {
        file: PathBuf,
        /// 1: SMART dan Menantang per indikator; 2: logis (Y/K/T) per simpul
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
        kke: u8,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
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

/// A `.pokin` or a pokin/1 JSON file.
fn read_any(path: &Path) -> Result<Document, Error> {
    if pokin::store::is_pokin_file(path) {
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

pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pokin: {err}");
            ExitCode::from(2)
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
        Command::Import { source, file, sheet } => import::run(source, file, sheet)?,
        Command::Export { format, file, output, at, version, print } => export::run(format, file, output, at, version, print)?,
        Command::Final { file, name } => signing::finalise(file, name)?,
        Command::Draft { file, new_file } => signing::draft(file, new_file)?,
        Command::Verify { file, pdf } => return signing::verify(file, pdf),
        Command::Validate { file, format } => {
            let doc = read_any(&file)?;
            let report = validate::validate(&doc);
            match format {
                ReportFormat::Json => println!("{}", report.to_json()),
                ReportFormat::Text => print!("{}", validate::to_text(&report, &doc)),
            }
            return Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::Capaian { file, year, format } => monitoring::capaian(file, year, format)?,
        Command::History { file } => history::history(file)?,
        Command::Apply { file, op } => history::apply(file, op)?,
        Command::Undo { file } => history::undo(file)?,
        Command::Redo { file } => history::redo(file)?,
        Command::Snapshot { file, name } => history::snapshot(file, name)?,
        Command::ReviewCopy { file, output, reviewer } => review::review_copy(file, output, reviewer)?,
        Command::Diff { a, b, format } => review::diff(a, b, format)?,
        Command::Merge { file, copy, accept, format } => return review::merge(file, copy, accept, format),
        Command::Comment { file, on, text, author, role, round, rule } => {
            review::comment(file, review::CommentArgs { on, text, author, role, round, rule })?
        }
        Command::Comments { file, format } => review::comments(file, format)?,
        Command::Worksheet { file, kke, format } => review::worksheet(file, kke, format)?,
        Command::Synth { nodes, flows, seed, output } => {
            let doc = pokin::synth::generate(&pokin::synth::Options { nodes, flows, seed });
            std::fs::write(&output, json::to_string(&doc)).map_err(|e| Error::io(&output, e))?;
            println!("Dibuat: {} ({} simpul, {} peta lintas fungsi)", output.display(), nodes, flows);
        }
    }
    Ok(ExitCode::SUCCESS)
}
