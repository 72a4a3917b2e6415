//! `pokin capaian`: the monitoring of a year — each indicator's target,
//! realisasi, capaian and category, and the budget, each rupiah once.

use super::{read_any, ReportFormat};
use pokin::format::{number, rupiah, value};
use pokin::monitoring::{default_year, report, TargetSource};
use pokin::Error;
use std::path::PathBuf;

pub(super) fn capaian(file: PathBuf, year: Option<i32>, format: ReportFormat) -> Result<(), Error> {
    let doc = read_any(&file)?;
    let year = year.unwrap_or_else(|| default_year(&doc));
    let r = report(&doc, year);
    let label = |k: Option<usize>| k.map(|k| r.categories[k].label.clone());
    match format {
        ReportFormat::Json => {
            let indicators: Vec<serde_json::Value> = r
                .indicators
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "node": c.node,
                        "indicator": c.indicator,
                        "target": c.target,
                        "realisasi": c.realisasi,
                        "capaian": c.capaian,
                        "kategori": label(c.category),
                    })
                })
                .collect();
            let out = serde_json::json!({
                "year": year,
                "indicators": indicators,
                "budget": {"ceiling": r.budget.ceiling, "spent": r.budget.spent, "serapan": r.budget.serapan},
            });
            println!("{}", serde_json::to_string_pretty(&out).expect("JSON values serialise"));
        }
        ReportFormat::Text => {
            println!("Capaian kinerja tahun {year} — {}", doc.document.title);
            let mut last_node = "";
            for c in &r.indicators {
                let Some(node) = doc.node(&c.node) else { continue };
                if c.node != last_node {
                    println!("{} «{}»", node.id, node.statement.trim());
                    last_node = &c.node;
                }
                let name = node.indicators.iter().find(|i| i.id == c.indicator).map_or("", |i| i.name.as_str());
                let target = match (&c.target, c.target_source) {
                    (Some(t), Some(TargetSource::Pk)) => format!("{} (PK)", value(t)),
                    (Some(t), _) => value(t),
                    (None, _) => "–".into(),
                };
                let real = c.realisasi.as_ref().map_or("–".to_string(), value);
                let result = match (c.capaian, &c.reason) {
                    (Some(v), _) => format!("{} %{}", number(v), label(c.category).map(|l| format!(" ({l})")).unwrap_or_default()),
                    (None, Some(why)) => format!("tidak dapat dihitung: {why}"),
                    (None, None) => "belum ada realisasi".into(),
                };
                println!("  {} {}: target {target}, realisasi {real} → {result}", c.indicator, name.trim());
            }
            if r.indicators.is_empty() {
                println!("(tidak ada indikator dengan target atau realisasi tahun {year})");
            }
            let serapan = r.budget.serapan.map(|s| format!(", serapan {} %", number(s))).unwrap_or_default();
            println!("Anggaran: pagu {}, realisasi {}{serapan}", rupiah(r.budget.ceiling), rupiah(r.budget.spent));
        }
    }
    Ok(())
}
