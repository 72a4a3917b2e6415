//! The realisasi of a year or of a quarter to date, from the yearly value
//! and the quarters (TW I–IV), and the target a capaian is measured against.

use super::measure::{measure, Measure};
use crate::model::{Aggregation, Indicator, Value};

/// Which target a capaian is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// The year's Perjanjian Kinerja target (`pk_targets`).
    Pk,
    /// The Renstra target of the year (`targets`).
    Renstra,
}

/// The PK target of the year where there is one, else the Renstra's.
pub fn target_of(ind: &Indicator, year: i32) -> Option<(&Value, TargetSource)> {
    ind.pk_targets
        .get(&year)
        .map(|v| (v, TargetSource::Pk))
        .or_else(|| ind.targets.get(&year).map(|v| (v, TargetSource::Renstra)))
}

/// The aggregation in force (absent: cumulative, the Permendagri 86/2017 form).
pub fn aggregation_of(ind: &Indicator) -> Aggregation {
    ind.aggregation.unwrap_or(Aggregation::Cumulative)
}

/// The quarters' realisasi up to and including quarter `upto` (1–4), made
/// one by the indicator's aggregation; `None` when none of them has a value.
/// Predicates (not numbers) take the last quarter's whatever the aggregation.
pub fn to_quarter(ind: &Indicator, year: i32, upto: usize) -> Option<Value> {
    let quarters = ind.quarters.get(&year)?;
    let present: Vec<&Value> = quarters.iter().take(upto.min(4)).flatten().collect();
    let last = (*present.last()?).clone();
    let numbers: Option<Vec<f64>> = present
        .iter()
        .map(|v| match measure(v) {
            Some(Measure::Number(n)) => Some(n),
            _ => None,
        })
        .collect();
    let Some(numbers) = numbers else { return Some(last) };
    Some(match aggregation_of(ind) {
        Aggregation::Cumulative => Value::from(numbers.iter().sum::<f64>()),
        Aggregation::Last => Value::from(*numbers.last().expect("one value at least")),
        Aggregation::Average => Value::from(numbers.iter().sum::<f64>() / numbers.len() as f64),
    })
}

/// The year's realisasi: the yearly value where one is recorded, else the
/// quarters' made one.
pub fn of_year(ind: &Indicator, year: i32) -> Option<Value> {
    ind.actuals.get(&year).cloned().or_else(|| to_quarter(ind, year, 4))
}

/// Records `value` (already normalised; `None` clears) as the year's
/// realisasi, or as quarter `quarter` (1–4)'s; a year left with no quarter
/// loses its quarters' entry. The one place both the edit and the preview
/// change an indicator's realisasi.
pub fn put(ind: &mut Indicator, year: i32, quarter: Option<u8>, value: Option<Value>) {
    match quarter.filter(|q| (1..=4).contains(q)) {
        None => match value {
            Some(v) => drop(ind.actuals.insert(year, v)),
            None => drop(ind.actuals.remove(&year)),
        },
        Some(q) => {
            let quarters = ind.quarters.entry(year).or_insert_with(|| vec![None; 4]);
            quarters.resize(4, None);
            quarters[usize::from(q) - 1] = value;
            if quarters.iter().all(Option::is_none) {
                ind.quarters.remove(&year);
            }
        }
    }
}

/// Whether anything is recorded for the year (yearly value or a quarter).
pub fn recorded(ind: &Indicator, year: i32) -> bool {
    ind.actuals.contains_key(&year) || ind.quarters.get(&year).is_some_and(|q| q.iter().any(Option::is_some))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(aggregation: Option<Aggregation>, quarters: Vec<Option<f64>>) -> Indicator {
        let mut ind = Indicator { aggregation, ..Default::default() };
        ind.quarters.insert(2026, quarters.into_iter().map(|q| q.map(Value::from)).collect());
        ind
    }
    fn num(v: Option<Value>) -> Option<f64> {
        v.and_then(|v| v.as_f64())
    }

    #[test]
    fn cumulative_sums_the_quarters_to_date() {
        let i = ind(None, vec![Some(10.0), Some(20.0), None, Some(5.0)]);
        assert_eq!(num(to_quarter(&i, 2026, 1)), Some(10.0));
        assert_eq!(num(to_quarter(&i, 2026, 2)), Some(30.0));
        assert_eq!(num(to_quarter(&i, 2026, 3)), Some(30.0));
        assert_eq!(num(of_year(&i, 2026)), Some(35.0));
    }

    #[test]
    fn last_takes_the_latest_quarter_with_a_value() {
        let i = ind(Some(Aggregation::Last), vec![Some(60.0), Some(72.5), None, None]);
        assert_eq!(num(to_quarter(&i, 2026, 1)), Some(60.0));
        assert_eq!(num(of_year(&i, 2026)), Some(72.5));
    }

    #[test]
    fn average_is_over_the_quarters_with_a_value() {
        let i = ind(Some(Aggregation::Average), vec![Some(60.0), None, Some(90.0), None]);
        assert_eq!(num(to_quarter(&i, 2026, 2)), Some(60.0));
        assert_eq!(num(of_year(&i, 2026)), Some(75.0));
    }

    #[test]
    fn a_yearly_value_wins_over_the_quarters_and_nothing_is_none() {
        let mut i = ind(None, vec![Some(1.0), Some(1.0), Some(1.0), Some(1.0)]);
        i.actuals.insert(2026, Value::from(3.0));
        assert_eq!(num(of_year(&i, 2026)), Some(3.0));
        assert_eq!(of_year(&i, 2025), None);
        assert!(recorded(&i, 2026) && !recorded(&i, 2025));
        assert_eq!(to_quarter(&ind(None, vec![None, None, None, None]), 2026, 4), None);
    }

    #[test]
    fn predicate_quarters_take_the_last() {
        let mut i = Indicator::default();
        i.quarters.insert(2026, vec![Some(Value::Text("WDP".into())), Some(Value::Text("WTP".into())), None, None]);
        assert_eq!(of_year(&i, 2026), Some(Value::Text("WTP".into())));
    }

    #[test]
    fn the_pk_target_comes_first() {
        let mut i = Indicator::default();
        i.targets.insert(2023, Value::from(63.0));
        i.targets.insert(2024, Value::from(64.0));
        i.pk_targets.insert(2023, Value::from(64.0));
        assert_eq!(target_of(&i, 2023), Some((&Value::from(64.0), TargetSource::Pk)));
        assert_eq!(target_of(&i, 2024), Some((&Value::from(64.0), TargetSource::Renstra)));
        assert_eq!(target_of(&i, 2025), None);
    }
}
