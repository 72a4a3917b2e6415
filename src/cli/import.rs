//! `pokin import`: a pokin/1 JSON document, or a spreadsheet (xlsx, xls,
//! ods, csv) read by one of the layouts — as a new `.pokin`, or `--into`
//! an existing one as one history step.

use super::ReportFormat;
use pokin::interchange::json;
use pokin::interchange::sheet::{self, ImportOptions, ImportSummary, LayoutKind, Mapping};
use pokin::store::DocFile;
use pokin::Error;
use std::path::{Path, PathBuf};

/// `--layout`: the core's layout names (`LayoutKind::key`), listed in `--help`.
fn layout_parser() -> impl clap::builder::TypedValueParser<Value = LayoutKind> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(LayoutKind::ALL.map(LayoutKind::key))
        .map(|key| LayoutKind::from_key(&key).expect("only listed names pass"))
}

/// Options of a spreadsheet import.
#[derive(clap::Args)]
pub(super) struct SheetArgs {
    /// Bentuk tabel: cascading (matriks cascading), iku (IKU Renstra), renja (evaluasi Renja / realisasi
    /// triwulan), budget (DPA/SIPD/RKA: kode, uraian, pagu), generic (dengan --mapping)
    #[arg(long, value_parser = layout_parser())]
    layout: Option<LayoutKind>,
    /// Nama sheet (bawaan: sheet tampak pertama yang dikenali)
    #[arg(long)]
    sheet: Option<String>,
    /// Jumlah baris judul kolom (bawaan: dikenali sendiri)
    #[arg(long)]
    header_rows: Option<u32>,
    /// Tahun realisasi/pagu bila sheet tidak menyebutkannya; tahun pertama untuk "Tahun 1…5"
    #[arg(long)]
    year: Option<i32>,
    /// Ikut impor baris yang disembunyikan (bawaan: dilewati dan dilaporkan)
    #[arg(long)]
    include_hidden: bool,
    /// Pemetaan kolom tersimpan (JSON, seperti yang disimpan wizard sebagai preset)
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// Tambahkan ke dokumen .pokin ini (realisasi, pagu, simpul baru) sebagai satu langkah riwayat
    #[arg(long)]
    into: Option<PathBuf>,
    /// Periksa saja: tampilkan sheet, judul kolom dan pemetaan yang dikenali, tanpa mengimpor
    #[arg(long)]
    inspect: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

fn is_spreadsheet(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "csv" | "txt")
}

pub(super) fn run(source: PathBuf, out: Option<PathBuf>, args: SheetArgs) -> Result<(), Error> {
    if !is_spreadsheet(&source) {
        let out = out.ok_or_else(|| Error::refused("sebutkan berkas .pokin yang dibuat, mis. pokin import renstra.json renstra.pokin"))?;
        let doc = json::read(&source)?;
        DocFile::create(&out, &doc)?;
        println!("Diimpor: {} → {} ({} simpul)", source.display(), out.display(), doc.node_count());
        return Ok(());
    }
    if args.inspect {
        let inspection = sheet::inspect(&source, args.sheet.as_deref())?;
        match args.format {
            ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&inspection).unwrap_or_default()),
            ReportFormat::Text => print!("{}", inspection_text(&inspection)),
        }
        return Ok(());
    }
    let mapping: Option<Mapping> = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            Some(serde_json::from_str(&text).map_err(|e| Error::Invalid {
                file: path.display().to_string(),
                place: "pemetaan".into(),
                message: format!("bukan pemetaan kolom yang sah: {}", json::translate_serde_error(&e)),
            })?)
        }
        None => None,
    };
    let layout = match (args.layout, &mapping) {
        (Some(layout), _) => layout,
        (None, Some(mapping)) => mapping.layout,
        (None, None) => {
            return Err(Error::refused(
                "sebutkan bentuk tabelnya dengan --layout cascading|iku|renja|budget (atau --mapping BERKAS.json); --inspect menunjukkan yang dikenali",
            ))
        }
    };
    let options = ImportOptions {
        layout,
        sheet: args.sheet,
        header_rows: args.header_rows,
        include_hidden: args.include_hidden,
        mapping,
        year: args.year,
    };
    let summary = match (args.into, out) {
        (Some(_), Some(_)) => return Err(Error::refused("pilih salah satu: berkas .pokin baru, atau --into berkas yang ada")),
        (Some(into), None) => {
            let mut file = DocFile::open(&into)?;
            let (applied, summary) = sheet::import_into_file(&mut file, &source, &options)?;
            match applied {
                Some(applied) => println!("Diimpor ke {}: {} (riwayat #{})", into.display(), applied.label, applied.seq),
                None => println!("Tidak ada yang berubah di {}.", into.display()),
            }
            summary
        }
        (None, Some(out)) => {
            let (file, summary) = sheet::import_as_new_file(&out, &source, &options)?;
            println!("Diimpor: {} → {} ({} simpul)", source.display(), out.display(), file.document().node_count());
            summary
        }
        (None, None) => return Err(Error::refused("sebutkan berkas .pokin yang dibuat, atau --into BERKAS.pokin")),
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&summary).unwrap_or_default()),
        ReportFormat::Text => print!("{}", summary_text(&summary)),
    }
    Ok(())
}

fn summary_text(summary: &ImportSummary) -> String {
    let mut out = format!("Sheet '{}': {} baris data\n", summary.sheet, summary.rows);
    for (level, count) in &summary.nodes_per_level {
        out.push_str(&format!("  {level}: {count} simpul\n"));
    }
    out.push_str(&format!("  Indikator: {}, target: {}, realisasi: {}\n", summary.indicators, summary.targets, summary.realisasi));
    if summary.pagu != 0 || summary.spent != 0 {
        out.push_str(&format!("  Pagu: Rp {}, realisasi anggaran: Rp {}\n", pokin::format::rupiah(summary.pagu), pokin::format::rupiah(summary.spent)));
    }
    if !summary.hidden_rows.is_empty() {
        let rows: Vec<String> = summary.hidden_rows.iter().map(u32::to_string).collect();
        out.push_str(&format!("  Baris tersembunyi: {}\n", rows.join(", ")));
    }
    for message in &summary.messages {
        out.push_str(&format!("{message}\n"));
    }
    out
}

fn inspection_text(inspection: &sheet::Inspection) -> String {
    let mut out = String::from("Sheet:\n");
    for s in &inspection.sheets {
        let hidden = if s.hidden { " (tersembunyi)" } else { "" };
        out.push_str(&format!("  '{}'{}: {} baris × {} kolom\n", s.name, hidden, s.rows, s.columns));
    }
    out.push_str(&format!("Sheet '{}':\n", inspection.sheet));
    match &inspection.mapping {
        Some(mapping) => {
            let layout = mapping.layout.key();
            out.push_str(&format!(
                "  Bentuk: {layout} (--layout {layout}); judul kolom baris {}–{}\n",
                mapping.header_start + 1,
                mapping.header_start + mapping.header_rows
            ));
            for (index, header) in inspection.headers.iter().enumerate() {
                let role = mapping.columns.get(index).map(|r| r.label(&mapping.levels)).unwrap_or_default();
                out.push_str(&format!("  {:>3} {}: {}\n", sheet::grid::column_letters(index as u32), header.replace('\n', " "), role));
            }
        }
        None => out.push_str("  Bentuk tabel tidak dikenali.\n"),
    }
    for message in &inspection.messages {
        out.push_str(&format!("{message}\n"));
    }
    out
}
