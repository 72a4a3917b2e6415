//! A print request as the planner says it — in the print dialog or on the
//! command line: names and flags, with their defaults. Checked here, once,
//! against the document: the paper, the mode, and that the view to print
//! exists (a flow, a process with sub-processes).

use super::{LayoutChoice, Paper, PrintMode, PrintOptions, View};
use crate::error::{Error, Result};
use crate::model::Document;
use serde::Deserialize;

/// Every key may be left out (its default); the editor sends all but `printed_on`.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PrintRequest {
    /// tree, processes, processes:ID, relations, flow:ID, review, pk:UNIT, capaian, anggaran
    pub view: String,
    /// A4, F4, A3, A2, A1, A0
    pub paper: String,
    pub landscape: bool,
    /// fit, poster or branches (cetak per cabang)
    pub mode: String,
    /// The tree layout: auto (empty: the largest text), wide or compact.
    #[ts(as = "Option<String>", optional)]
    pub layout: String,
    /// Cetak per cabang: the level whose nodes each get a sheet (0 = the top; none: chosen to fit).
    #[ts(optional)]
    pub branch_level: Option<usize>,
    /// The year of a Perjanjian Kinerja (view pk:UNIT) or of the monitoring
    /// tables (capaian, anggaran; none: the latest year with realisasi).
    #[ts(optional)]
    pub year: Option<i32>,
    /// Tabel capaian: the period's earlier years side by side, and the Renstra's end target.
    #[ts(as = "Option<bool>", optional)]
    pub compare_years: bool,
    /// The tree in its capaian view of `year` (none: the latest year with realisasi): boxes tinted by category, capaian and budget under each statement.
    #[ts(as = "Option<bool>", optional)]
    pub capaian: bool,
    /// The poster's scale (1 = the screen's size).
    pub scale: f32,
    pub margin_mm: f32,
    /// Indicators with their targets for these years.
    pub years: Vec<i32>,
    pub indicators: bool,
    pub owners: bool,
    pub numbering: bool,
    pub findings: bool,
    pub legend: bool,
    /// ISO date for the footer (today when empty).
    #[ts(as = "Option<String>", optional)]
    pub printed_on: String,
}

impl Default for PrintRequest {
    fn default() -> Self {
        PrintRequest {
            view: "tree".into(),
            paper: "A3".into(),
            landscape: false,
            mode: "fit".into(),
            layout: String::new(),
            branch_level: None,
            year: None,
            compare_years: false,
            capaian: false,
            scale: 1.0,
            margin_mm: 10.0,
            years: Vec::new(),
            indicators: false,
            owners: false,
            numbering: false,
            findings: false,
            legend: true,
            printed_on: String::new(),
        }
    }
}

impl PrintRequest {
    /// The options for printing `doc`, or why they cannot be.
    pub fn options(&self, doc: &Document) -> Result<PrintOptions> {
        let paper = Paper::parse(&self.paper)
            .ok_or_else(|| Error::refused(format!("Kertas `{}` tidak dikenal; pilih A4, F4, A3, A2, A1 atau A0", self.paper)))?;
        let mode = match self.mode.as_str() {
            "" | "fit" => PrintMode::Fit,
            "poster" if self.scale > 0.05 && self.scale <= 20.0 => PrintMode::Poster { scale: self.scale },
            "poster" => return Err(Error::refused(format!("Skala poster {} tidak wajar; pakai antara 0,1 dan 20", self.scale))),
            "branches" => PrintMode::Branches { level: self.branch_level },
            other => return Err(Error::refused(format!("Mode cetak `{other}` tidak dikenal; pilih fit, poster atau branches (per cabang)"))),
        };
        let layout = match self.layout.as_str() {
            "" | "auto" => LayoutChoice::Auto,
            "wide" | "lebar" => LayoutChoice::Wide,
            "compact" | "ringkas" => LayoutChoice::Compact,
            other => return Err(Error::refused(format!("Tata letak `{other}` tidak dikenal; pilih wide (lebar) atau compact (ringkas)"))),
        };
        if !(0.0..=50.0).contains(&self.margin_mm) {
            return Err(Error::refused(format!("Margin {} mm tidak wajar; pakai antara 0 dan 50 mm", self.margin_mm)));
        }
        let view = if self.view.is_empty() { "tree" } else { self.view.as_str() };
        let view = View::parse(view).ok_or_else(|| {
            Error::refused(format!(
                "Tampilan `{view}` tidak dikenal; pilih tree (pohon kinerja), processes (peta proses bisnis), processes:ID (peta sub proses bisnis), relations (peta relasi), flow:ID (peta lintas fungsi), review (catatan hasil reviu), pk:UNIT (perjanjian kinerja), capaian (tabel capaian kinerja) atau anggaran (tabel realisasi anggaran)"
            ))
        })?;
        check_view_exists(doc, &view)?;
        // The review report and the Perjanjian Kinerja are portrait forms on A4 or F4.
        let review = view == View::Review;
        if review && !matches!(paper, Paper::A4 | Paper::F4) {
            return Err(Error::refused(format!("Catatan hasil reviu dicetak pada kertas A4 atau F4, bukan {}", self.paper)));
        }
        if let View::Pk(_) = view {
            if !matches!(paper, Paper::A4 | Paper::F4) {
                return Err(Error::refused(format!("Perjanjian kinerja dicetak pada kertas A4 atau F4, bukan {}", self.paper)));
            }
            let period = doc.document.period;
            if !self.year.is_some_and(|y| period.years().contains(&y)) {
                let asked = self.year.map_or("Perjanjian kinerja perlu tahun".to_string(), |y| format!("Tahun {y} di luar periode dokumen"));
                return Err(Error::refused(format!("{asked}; pilih salah satu: {}", super::pk::period_years(doc))));
            }
        }
        let monitoring = matches!(view, View::Capaian | View::Anggaran);
        if monitoring {
            let what = if view == View::Capaian { "Tabel capaian kinerja" } else { "Tabel realisasi anggaran" };
            if !matches!(paper, Paper::A4 | Paper::F4 | Paper::A3) {
                return Err(Error::refused(format!("{what} dicetak pada kertas A4, F4 atau A3, bukan {}", self.paper)));
            }
            if let Some(year) = self.year.filter(|y| !doc.document.period.years().contains(y)) {
                return Err(Error::refused(format!("Tahun {year} di luar periode dokumen; pilih salah satu: {}", super::pk::period_years(doc))));
            }
        }
        let compare_years = self.compare_years && view == View::Capaian;
        let capaian = (self.capaian && view == View::Tree).then(|| self.year.unwrap_or_else(|| crate::monitoring::default_year(doc)));
        let review = review || matches!(view, View::Pk(_));
        Ok(PrintOptions {
            view,
            paper,
            landscape: self.landscape && !review,
            margin_mm: self.margin_mm,
            mode: if review || monitoring { PrintMode::Fit } else { mode },
            layout,
            year: self.year,
            compare_years,
            capaian,
            indicators: self.indicators || !self.years.is_empty(),
            years: self.years.clone(),
            owners: self.owners,
            numbering: self.numbering,
            findings: self.findings,
            legend: self.legend,
            printed_on: self.printed_on.clone(),
            ..PrintOptions::default()
        })
    }
}

/// A sub-process map or a flow that is not in the document is refused with what is there.
fn check_view_exists(doc: &Document, view: &View) -> Result<()> {
    let listed = |ids: Vec<&str>| if ids.is_empty() { "tidak ada".to_string() } else { ids.join(", ") };
    match view {
        View::SubProcesses(id) if doc.process(id).is_none() => {
            let parents: std::collections::BTreeSet<&str> =
                doc.processes.map.processes.iter().filter_map(|p| p.parent.as_deref()).collect();
            Err(Error::refused(format!(
                "Proses `{id}` tidak ada di dokumen ini (yang punya sub proses: {})",
                listed(parents.into_iter().collect())
            )))
        }
        View::Pk(id) if doc.unit(id).is_none() => Err(Error::refused(format!(
            "Unit `{id}` tidak ada di dokumen ini (yang ada: {})",
            listed(doc.units.iter().map(|u| u.id.as_str()).collect())
        ))),
        View::Flow(id) if doc.flow(id).is_none() => Err(Error::refused(format!(
            "Peta lintas fungsi `{id}` tidak ada di dokumen ini (yang ada: {})",
            listed(doc.processes.flows.iter().map(|f| f.id.as_str()).collect())
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lumajang() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    #[test]
    fn defaults_and_json_as_the_dialog_sends_it() {
        let request: PrintRequest = serde_json::from_str(r#"{"view":"flow:f1","paper":"f4","landscape":true,"years":[2024]}"#).unwrap();
        let options = request.options(&lumajang()).unwrap();
        assert_eq!((options.view, options.paper, options.landscape, options.indicators), (View::Flow("f1".into()), Paper::F4, true, true));
        assert_eq!(options.mode, PrintMode::Fit);
        assert!(options.legend);
    }

    #[test]
    fn what_cannot_be_printed_says_why() {
        let doc = lumajang();
        let ask = |json: &str| serde_json::from_str::<PrintRequest>(json).unwrap().options(&doc).unwrap_err().to_string();
        assert!(ask(r#"{"view":"flow:f9"}"#).starts_with("Peta lintas fungsi `f9` tidak ada di dokumen ini (yang ada: f1)"));
        assert!(ask(r#"{"view":"processes:p99"}"#).contains("yang punya sub proses: p2"));
        assert!(ask(r#"{"paper":"B5"}"#).starts_with("Kertas `B5` tidak dikenal"));
        assert!(ask(r#"{"mode":"poster","scale":0}"#).starts_with("Skala poster 0 tidak wajar"));
        assert!(ask(r#"{"view":"pohon"}"#).starts_with("Tampilan `pohon` tidak dikenal"));
        assert!(ask(r#"{"view":"review","paper":"A3"}"#).starts_with("Catatan hasil reviu dicetak pada kertas A4 atau F4"));
        assert!(ask(r#"{"view":"pk:p2i","paper":"A3","year":2025}"#).starts_with("Perjanjian kinerja dicetak pada kertas A4 atau F4, bukan A3"));
        assert_eq!(ask(r#"{"view":"pk:p2i","paper":"A4"}"#), "Perjanjian kinerja perlu tahun; pilih salah satu: 2021, 2022, 2023, 2024, 2025, 2026");
        assert!(ask(r#"{"view":"pk:p2i","paper":"A4","year":2030}"#).starts_with("Tahun 2030 di luar periode dokumen; pilih salah satu: 2021,"));
        assert!(ask(r#"{"view":"pk:x9","paper":"A4","year":2025}"#).starts_with("Unit `x9` tidak ada di dokumen ini (yang ada: kaban, sekban"));
    }

    #[test]
    fn the_review_report_is_portrait() {
        let request: PrintRequest = serde_json::from_str(r#"{"view":"review","paper":"F4","landscape":true,"mode":"poster"}"#).unwrap();
        let options = request.options(&lumajang()).unwrap();
        assert_eq!((options.view, options.paper, options.landscape, options.mode), (View::Review, Paper::F4, false, PrintMode::Fit));
    }
}
