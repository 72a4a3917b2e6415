//! Spreadsheets out (rust_xlsxwriter), formatted to print: the tables
//! planners hand over in Excel, built from the same content functions as
//! the printouts.
//!
//! `format` holds what every sheet shares (formats, title block, page
//! setup); one module per table: `cascading` and `iku` (the shapes the
//! importer reads back), `pk`, `kke`, `sop`, `monitoring` (capaian and
//! anggaran).

mod cascading;
mod format;
mod iku;
mod kke;
mod monitoring;
mod pk;
mod sop;

use crate::model::Document;
use crate::Error;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum XlsxTable {
    /// Matriks Cascading: one column group per level, parents merged over their children's rows.
    Cascading,
    /// IKU Renstra: indicators with targets per year.
    Iku,
    /// Perjanjian Kinerja lampiran of one unit and year.
    Pk,
    /// KKE Format 1 (quality of indicators) with the reviewer's verdicts.
    Kke1,
    /// KKE Format 2 (cascade logic) with the reviewer's verdicts.
    Kke2,
    /// SOP table of one flow.
    Sop,
    /// Tabel capaian of a year.
    Capaian,
    /// Tabel anggaran (pagu, realisasi, serapan).
    Anggaran,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct XlsxOptions {
    pub table: XlsxTable,
    /// Capaian, anggaran, PK: the year (default as the printouts choose).
    #[serde(default)]
    #[ts(optional)]
    pub year: Option<i32>,
    /// PK: the unit id.
    #[serde(default)]
    #[ts(optional)]
    pub unit: Option<String>,
    /// SOP: the flow id.
    #[serde(default)]
    #[ts(optional)]
    pub flow: Option<String>,
    /// "F4" (Folio, paper 14; default) or "A3" (landscape).
    #[serde(default)]
    #[ts(optional)]
    pub paper: Option<String>,
}

impl XlsxTable {
    pub const ALL: [XlsxTable; 8] = [
        XlsxTable::Cascading,
        XlsxTable::Iku,
        XlsxTable::Pk,
        XlsxTable::Kke1,
        XlsxTable::Kke2,
        XlsxTable::Sop,
        XlsxTable::Capaian,
        XlsxTable::Anggaran,
    ];

    pub fn from_key(key: &str) -> Option<XlsxTable> {
        XlsxTable::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The name the CLI and the file names use (as serde writes it).
    pub fn key(self) -> &'static str {
        match self {
            XlsxTable::Cascading => "cascading",
            XlsxTable::Iku => "iku",
            XlsxTable::Pk => "pk",
            XlsxTable::Kke1 => "kke1",
            XlsxTable::Kke2 => "kke2",
            XlsxTable::Sop => "sop",
            XlsxTable::Capaian => "capaian",
            XlsxTable::Anggaran => "anggaran",
        }
    }
}

/// The workbook's bytes: one sheet with the table, formatted to print.
pub fn export(doc: &Document, options: &XlsxOptions) -> Result<Vec<u8>, Error> {
    let paper = format::Paper::parse(options.paper.as_deref())?;
    let styles = format::Styles::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let year = || options.year.unwrap_or_else(|| crate::monitoring::default_year(doc));
    match options.table {
        XlsxTable::Cascading => cascading::write(&mut book, &styles, doc, paper)?,
        XlsxTable::Iku => iku::write(&mut book, &styles, doc, paper)?,
        XlsxTable::Pk => {
            let unit = pk::unit(doc, options.unit.as_deref())?;
            pk::write(&mut book, &styles, doc, unit, year(), paper)?
        }
        XlsxTable::Kke1 => kke::write(&mut book, &styles, doc, crate::model::Kke::Indicators, paper)?,
        XlsxTable::Kke2 => kke::write(&mut book, &styles, doc, crate::model::Kke::Cascade, paper)?,
        XlsxTable::Sop => {
            let flow = sop::flow(doc, options.flow.as_deref())?;
            sop::write(&mut book, &styles, doc, flow, paper)?
        }
        XlsxTable::Capaian => monitoring::capaian(&mut book, &styles, doc, year(), paper)?,
        XlsxTable::Anggaran => monitoring::anggaran(&mut book, &styles, doc, year(), paper)?,
    }
    let title = doc.document.title.trim();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(title).set_company(format::agency(doc)).set_author("Pokin Studio"));
    book.save_to_buffer().map_err(format::xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_keys_are_serde_names() {
        for table in XlsxTable::ALL {
            assert_eq!(serde_json::to_value(table).unwrap(), table.key());
            assert_eq!(XlsxTable::from_key(table.key()), Some(table));
        }
    }
}
