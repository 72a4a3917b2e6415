//! Realisasi, realisasi anggaran and the capaian settings: monitoring data
//! beside the plan. A final document takes these ops (the store checks that
//! the changes they make leave the plan as signed).

use super::tree::edit_node;
use super::missing;
use crate::edit::change::row_of;
use crate::edit::{Key, Tx};
use crate::error::{Error, Result};
use crate::model::*;

pub(super) fn roman(quarter: u8) -> &'static str {
    ["I", "II", "III", "IV"].get(usize::from(quarter).wrapping_sub(1)).copied().unwrap_or("?")
}

fn check_year(year: i32) -> Result<()> {
    if (1900..=2200).contains(&year) {
        Ok(())
    } else {
        Err(Error::refused(format!("Tahun {year} tidak wajar (1900–2200)")))
    }
}

fn with_indicator(tx: &mut Tx, node: &str, indicator: &str, change: impl FnOnce(&mut Indicator)) -> Result<()> {
    edit_node(tx, node, |n| {
        let ind = n.indicators.iter_mut().find(|i| i.id == indicator).ok_or_else(|| missing("Indikator", indicator))?;
        change(ind);
        Ok(())
    })
}

pub(super) fn set_realisasi(tx: &mut Tx, node: &str, indicator: &str, year: i32, quarter: Option<u8>, value: Option<&Value>) -> Result<()> {
    check_year(year)?;
    if let Some(q) = quarter {
        if !(1..=4).contains(&q) {
            return Err(Error::refused(format!("Triwulan {q} tidak ada: isi 1–4 (TW I–IV)")));
        }
    }
    let value = value.and_then(crate::monitoring::normalise);
    with_indicator(tx, node, indicator, |ind| crate::monitoring::realisasi::put(ind, year, quarter, value))
}

pub(super) fn set_note(tx: &mut Tx, node: &str, indicator: &str, year: i32, note: &str) -> Result<()> {
    check_year(year)?;
    let note = note.trim().to_string();
    with_indicator(tx, node, indicator, |ind| {
        if note.is_empty() {
            ind.actual_notes.remove(&year);
        } else {
            ind.actual_notes.insert(year, note);
        }
    })
}

pub(super) fn set_spent(tx: &mut Tx, node: &str, spent: Option<i64>) -> Result<()> {
    if spent.is_some_and(|s| s < 0) {
        return Err(Error::refused("Realisasi anggaran tidak boleh negatif"));
    }
    edit_node(tx, node, |n| {
        n.budget.spent = spent;
        Ok(())
    })
}

pub(super) fn set_settings(tx: &mut Tx, settings: &MonitoringSettings) -> Result<()> {
    let mut last: Option<f64> = None;
    for (i, c) in settings.categories.iter().enumerate() {
        if c.label.trim().is_empty() {
            return Err(Error::refused(format!("Kategori ke-{} belum punya nama", i + 1)));
        }
        match (c.min, i + 1 == settings.categories.len()) {
            (None, false) => {
                return Err(Error::refused(format!("Kategori «{}» perlu batas bawah; hanya kategori terakhir yang tanpa batas", c.label)))
            }
            (Some(min), _) if last.is_some_and(|l| min >= l) => {
                return Err(Error::refused(format!("Batas bawah kategori «{}» harus lebih rendah dari kategori di atasnya", c.label)))
            }
            (Some(min), _) => last = Some(min),
            (None, true) => {}
        }
    }
    for p in &settings.predicates {
        if p.value.trim().is_empty() || !p.score.is_finite() {
            return Err(Error::refused("Setiap predikat perlu nama dan skor berupa angka"));
        }
    }
    tx.put(Key::Monitoring, Some(row_of(0.0, settings)))
}

#[cfg(test)]
mod tests {
    use crate::edit::{execute, Op};
    use crate::model::*;

    fn doc() -> Document {
        crate::samples::find("waykanan-bkpsdm").unwrap().document()
    }
    fn op(json: &str) -> Op {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn realisasi_by_year_and_quarter_set_and_clear() {
        let mut d = doc();
        execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"value":"81,5"}"#)).unwrap();
        execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"quarter":2,"value":81}"#)).unwrap();
        let ind = &d.node("n3").unwrap().indicators[0];
        assert_eq!(ind.actuals.get(&2024), Some(&Value::from(81.5)));
        let q: Vec<Option<f64>> = ind.quarters[&2024].iter().map(|v| v.as_ref().and_then(Value::as_f64)).collect();
        assert_eq!(q, [None, Some(81.0), None, None]);
        execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"quarter":2,"value":null}"#)).unwrap();
        execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"value":null}"#)).unwrap();
        let ind = &d.node("n3").unwrap().indicators[0];
        assert!(!ind.quarters.contains_key(&2024) && !ind.actuals.contains_key(&2024));
    }

    #[test]
    fn a_bad_quarter_or_indicator_is_refused_with_the_reason() {
        let mut d = doc();
        let e = execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"quarter":5,"value":1}"#)).unwrap_err();
        assert!(e.to_string().contains("Triwulan 5 tidak ada"), "{e}");
        let e = execute(&mut d, &op(r#"{"op":"set_realisasi","node":"n3","indicator":"i9","year":2024,"value":1}"#)).unwrap_err();
        assert!(e.to_string().contains("Indikator `i9` tidak ada"), "{e}");
        let e = execute(&mut d, &op(r#"{"op":"set_budget_spent","node":"n4","spent":-1}"#)).unwrap_err();
        assert!(e.to_string().contains("negatif"), "{e}");
    }

    #[test]
    fn categories_must_go_down() {
        let mut d = doc();
        let bad = r#"{"op":"set_monitoring","settings":{"categories":[{"min":50,"label":"Baik"},{"min":60,"label":"Cukup"},{"label":"Kurang"}]}}"#;
        assert!(execute(&mut d, &op(bad)).unwrap_err().to_string().contains("harus lebih rendah"));
        let good = r#"{"op":"set_monitoring","settings":{"categories":[{"min":90,"label":"Baik"},{"label":"Kurang"}]}}"#;
        execute(&mut d, &op(good)).unwrap();
        assert_eq!(d.monitoring.categories().len(), 2);
    }
}
