//! `pokin export`: a document (or one of its versions) as pokin/1 JSON, a
//! signed PDF printout, Graphviz DOT, or one of its tables as an Excel
//! workbook (xlsx).

use super::write_output;
use clap::ValueEnum;
use pokin::interchange::json;
use pokin::interchange::xlsx::{XlsxOptions, XlsxTable};
use pokin::store::DocFile;
use pokin::Error;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(super) enum ExportFormat {
    Json,
    Pdf,
    Dot,
    Xlsx,
}

/// `--table`: the core's table names (`XlsxTable::key`), listed in `--help`.
fn table_parser() -> impl clap::builder::TypedValueParser<Value = XlsxTable> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(XlsxTable::ALL.map(XlsxTable::key))
        .map(|key| XlsxTable::from_key(&key).expect("only listed names pass"))
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(super) enum Mode {
    Fit,
    Poster,
    Branches,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(super) enum TreeLayout {
    Wide,
    Compact,
}

/// Options of `export pdf`.
#[derive(clap::Args)]
pub(super) struct PrintArgs {
    /// Yang dicetak: tree (pohon kinerja), processes (peta proses bisnis level 0), processes:ID (peta sub proses bisnis), relations (peta relasi), flow:ID (peta lintas fungsi / SOP-AP), review (catatan hasil reviu, A4/F4 tegak), pk:UNIT (perjanjian kinerja unit itu, dengan --year), capaian (tabel capaian kinerja tahun --year), anggaran (tabel realisasi anggaran)
    #[arg(long, default_value = "tree")]
    view: String,
    /// Kertas: A4, F4, A3, A2, A1, A0 (bawaan: A3; A4 untuk catatan hasil reviu, perjanjian kinerja, capaian dan anggaran; xlsx: F4, A4 atau A3 mendatar, bawaan F4)
    #[arg(long)]
    paper: Option<String>,
    /// Mendatar (landscape)
    #[arg(long)]
    landscape: bool,
    /// fit: seluruh pohon pada satu lembar; poster: dibagi ke beberapa lembar; branches: lembar ikhtisar lalu satu lembar per cabang
    #[arg(long, value_enum, default_value_t = Mode::Fit)]
    mode: Mode,
    /// Tata letak pohon: wide (lebar) atau compact (ringkas); bawaan: yang memberi teks terbesar
    #[arg(long, value_enum)]
    layout: Option<TreeLayout>,
    /// Mode branches: level yang tiap simpulnya mendapat satu lembar (0 = level teratas; bawaan: dipilih agar terbaca)
    #[arg(long)]
    branch_level: Option<usize>,
    /// Tahun perjanjian kinerja (--view pk:UNIT) atau tabel capaian/anggaran (bawaan: tahun terakhir yang ada realisasinya)
    #[arg(long)]
    year: Option<i32>,
    /// Tabel capaian: tampilkan juga tahun-tahun sebelumnya dalam periode dan target akhir Renstra (sebaiknya --landscape)
    #[arg(long)]
    compare_years: bool,
    /// Pohon kinerja berwarna menurut kategori capaian tahun --year (bawaan: tahun terakhir yang ada realisasinya), dengan capaian dan anggaran di tiap kotak
    #[arg(long)]
    capaian: bool,
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
    /// xlsx: tabel yang diekspor: cascading (matriks cascading), iku (IKU Renstra), pk (lampiran perjanjian kinerja --unit, --year), kke1, kke2 (kertas kerja evaluasi), sop (tabel SOP --flow), capaian (tabel capaian kinerja --year), anggaran (tabel realisasi anggaran)
    #[arg(long, value_parser = table_parser())]
    table: Option<XlsxTable>,
    /// xlsx --table pk: id unit yang perjanjian kinerjanya diekspor
    #[arg(long)]
    unit: Option<String>,
    /// xlsx --table sop: id peta lintas fungsi (bawaan: satu-satunya yang ada)
    #[arg(long)]
    flow: Option<String>,
}

impl PrintArgs {
    /// The same request the print dialog sends; the core checks it.
    fn request(&self) -> pokin::render::PrintRequest {
        pokin::render::PrintRequest {
            view: self.view.clone(),
            paper: self.paper.clone().unwrap_or_else(|| if ["review", "capaian", "anggaran"].contains(&self.view.as_str()) || self.view.starts_with("pk:") { "A4" } else { "A3" }.into()),
            landscape: self.landscape,
            mode: match self.mode {
                Mode::Fit => "fit",
                Mode::Poster => "poster",
                Mode::Branches => "branches",
            }
            .into(),
            layout: match self.layout {
                None => "",
                Some(TreeLayout::Wide) => "wide",
                Some(TreeLayout::Compact) => "compact",
            }
            .into(),
            branch_level: self.branch_level,
            year: self.year,
            compare_years: self.compare_years,
            capaian: self.capaian,
            scale: self.scale,
            margin_mm: self.margin,
            years: self.years.clone(),
            indicators: self.indicators,
            owners: self.owners,
            numbering: self.numbering,
            findings: self.findings,
            legend: !self.no_legend,
            printed_on: self.printed_on.clone(),
        }
    }
}

pub(super) fn run(
    format: ExportFormat,
    file: PathBuf,
    output: Option<PathBuf>,
    at: Option<i64>,
    version: Option<String>,
    print: PrintArgs,
) -> Result<(), Error> {
    // A pokin/1 JSON prints and converts too (it has no history or versions).
    let opened = if pokin::store::is_pokin_file(&file) { Some(DocFile::open_read_only(&file)?) } else { None };
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
        ExportFormat::Xlsx => {
            let table = print.table.ok_or_else(|| {
                Error::refused("Untuk xlsx, sebutkan tabelnya dengan --table cascading|iku|pk|kke1|kke2|sop|capaian|anggaran")
            })?;
            let output = output.ok_or_else(|| {
                Error::refused("Berkas Excel tidak dapat ditulis ke layar; sebutkan berkas keluaran dengan -o BERKAS.xlsx")
            })?;
            let options =
                XlsxOptions { table, year: print.year, unit: print.unit.clone(), flow: print.flow.clone(), paper: print.paper.clone() };
            let bytes = pokin::interchange::xlsx::export(&doc, &options)?;
            std::fs::write(&output, &bytes).map_err(|e| Error::io(&output, e))?;
            println!("Diekspor: {} (tabel {})", output.display(), options.table.key());
        }
        ExportFormat::Pdf => {
            let output = output.ok_or_else(|| Error::refused("Untuk PDF, sebutkan berkas keluaran dengan -o BERKAS.pdf"))?;
            let options = print.request().options(&doc)?;
            let (fingerprint, final_name) = match &opened {
                Some(opened) => opened.identify(&doc)?,
                None => (json::fingerprint(&doc), None),
            };
            let provenance =
                pokin::render::Provenance { fingerprint: &fingerprint, final_name: final_name.as_deref() };
            let printout = pokin::render::print_tree(&doc, &provenance, &options);
            std::fs::write(&output, &printout.pdf).map_err(|e| Error::io(&output, e))?;
            for warning in &printout.warnings {
                eprintln!("peringatan: {warning}");
            }
            println!("Dicetak: {} ({} halaman)", output.display(), printout.pages);
        }
    }
    Ok(())
}
