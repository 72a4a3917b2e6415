//! Reading targets and realisasi as numbers, ranges or predicates, and the
//! capaian of one realisasi against one target.

use crate::model::{CapaianMethod, PredicateScore, Value};

/// What a target or realisasi says.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    Number(f64),
    /// A target range "70–80", "70 s.d. 80" (low ≤ high).
    Range(f64, f64),
    /// A grade or opinion: "WTP", "BB" (upper case, trimmed).
    Predicate(String),
}

/// A number as Indonesian tables write it: "1.234,5", "97,81 %", "59.1",
/// "6.850.200.218", "Rp 1.500.000". A single dot before exactly three
/// digits is a thousands dot ("84.400" is 84400), as Indonesian Excel
/// writes it; otherwise a lone dot is the decimal point. `None`: not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut t: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["Rp.", "Rp", "rp.", "rp"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
            break;
        }
    }
    let t = t.trim_end_matches('%');
    let (negative, t) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let plain = if commas == 1 {
        // Decimal comma; dots group thousands.
        let (int, frac) = t.split_once(',').expect("one comma");
        if !thousands_grouped(int) {
            return None;
        }
        format!("{}.{frac}", int.replace('.', ""))
    } else if commas > 1 {
        // "1,234,567": English grouping.
        if dots > 0 || !t.split(',').skip(1).all(|g| g.len() == 3) {
            return None;
        }
        t.replace(',', "")
    } else if dots > 1 || (dots == 1 && t.split_once('.').is_some_and(|(int, frac)| frac.len() == 3 && int.len() <= 3 && int != "0")) {
        if !thousands_grouped(t) {
            return None;
        }
        t.replace('.', "")
    } else {
        t.to_string()
    };
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some(if negative { -value } else { value })
}

/// "6.850.200" or "6850200": dots, if any, every three digits.
fn thousands_grouped(int: &str) -> bool {
    let groups: Vec<&str> = int.split('.').collect();
    groups.len() == 1 || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3))
}

/// What a target or realisasi value says; `None` for empty text.
pub fn measure(value: &Value) -> Option<Measure> {
    match value {
        Value::Number(n) => n.as_f64().map(Measure::Number),
        Value::Text(text) => {
            let t = text.trim();
            if t.is_empty() {
                return None;
            }
            if let Some(n) = parse_number(t) {
                return Some(Measure::Number(n));
            }
            for sep in ["s.d.", "s/d", "sampai", "–", "—", "-"] {
                if let Some((a, b)) = t.split_once(sep) {
                    if let (Some(a), Some(b)) = (parse_number(a), parse_number(b)) {
                        return Some(Measure::Range(a.min(b), a.max(b)));
                    }
                }
            }
            Some(Measure::Predicate(t.to_uppercase()))
        }
    }
}

/// A value typed into a cell, as it is kept: a number where the text is
/// one ("97,81" → 97.81), else the text trimmed (a predicate, a range);
/// `None` for empty text.
pub fn normalise(value: &Value) -> Option<Value> {
    match value {
        Value::Number(_) => Some(value.clone()),
        Value::Text(text) => {
            let t = text.trim();
            if t.is_empty() {
                None
            } else if let Some(n) = parse_number(t) {
                Some(Value::from(n))
            } else {
                Some(Value::Text(t.to_string()))
            }
        }
    }
}

/// The capaian in percent of realisasi `real` against target `target`, or
/// why it cannot be computed (in the planner's words).
pub fn capaian(target: &Value, real: &Value, method: CapaianMethod, predicates: &[PredicateScore]) -> Result<f64, String> {
    let target_m = measure(target).ok_or("targetnya kosong")?;
    let real_m = measure(real).ok_or("realisasinya kosong")?;
    match (target_m, real_m) {
        (Measure::Number(t), Measure::Number(r)) => by_method(t, r, method),
        (Measure::Range(low, high), Measure::Number(r)) => {
            if r < low {
                by_method(low, r, method)
            } else if r > high {
                by_method(high, r, method)
            } else {
                Ok(100.0)
            }
        }
        (Measure::Predicate(t), Measure::Predicate(r)) => {
            let score = |p: &str| predicates.iter().find(|s| s.value.trim().eq_ignore_ascii_case(p)).map(|s| s.score);
            let ts = score(&t).ok_or_else(|| format!("predikat target «{t}» tidak ada dalam tabel konversi predikat"))?;
            let rs = score(&r).ok_or_else(|| format!("predikat realisasi «{r}» tidak ada dalam tabel konversi predikat"))?;
            by_method(ts, rs, CapaianMethod::Up)
        }
        (Measure::Predicate(t), Measure::Number(_) | Measure::Range(..)) => {
            Err(format!("target berupa predikat «{t}» tetapi realisasinya angka"))
        }
        (Measure::Number(_) | Measure::Range(..), Measure::Predicate(r)) => {
            Err(format!("realisasi «{r}» bukan angka, padahal targetnya angka"))
        }
        (_, Measure::Range(..)) => Err("realisasi berupa rentang; isi satu nilai".into()),
    }
}

fn by_method(t: f64, r: f64, method: CapaianMethod) -> Result<f64, String> {
    match method {
        CapaianMethod::Up | CapaianMethod::Down if t == 0.0 => {
            Err("targetnya 0, sehingga realisasi tidak dapat dibagi dengan target".into())
        }
        CapaianMethod::Up => Ok(r / t * 100.0),
        CapaianMethod::Down => Ok((1.0 + (1.0 - r / t)) * 100.0),
        CapaianMethod::DownRatio if r == 0.0 => Err("realisasinya 0, sehingga target tidak dapat dibagi dengan realisasi".into()),
        CapaianMethod::DownRatio => Ok(t / r * 100.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_predicates;
    use CapaianMethod::*;

    fn n(v: f64) -> Value {
        Value::from(v)
    }
    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
    }
    fn cap(target: Value, real: Value, method: CapaianMethod) -> Result<f64, String> {
        capaian(&target, &real, method, &default_predicates())
    }

    #[test]
    fn numbers_as_indonesian_tables_write_them() {
        assert_eq!(parse_number("97,81 %"), Some(97.81));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("6.850.200.218"), Some(6_850_200_218.0));
        assert_eq!(parse_number("59.1"), Some(59.1));
        assert_eq!(parse_number("84.400"), Some(84400.0));
        assert_eq!(parse_number("0.125"), Some(0.125));
        assert_eq!(parse_number("Rp 1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("-2,5"), Some(-2.5));
        assert_eq!(parse_number("100%"), Some(100.0));
        for bad in ["", "WTP", "12.34.5", "1.23,4,5", "1,2,3", "abc1", "%"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn measures_numbers_ranges_and_predicates() {
        assert_eq!(measure(&t(" 70 – 80 ")), Some(Measure::Range(70.0, 80.0)));
        assert_eq!(measure(&t("80 s.d. 70")), Some(Measure::Range(70.0, 80.0)));
        assert_eq!(measure(&t("60,5-70")), Some(Measure::Range(60.5, 70.0)));
        assert_eq!(measure(&t("wtp")), Some(Measure::Predicate("WTP".into())));
        assert_eq!(measure(&t("97,81")), Some(Measure::Number(97.81)));
        assert_eq!(measure(&t("  ")), None);
        assert_eq!(normalise(&t("97,81")), Some(n(97.81)));
        assert_eq!(normalise(&t(" BB ")), Some(t("BB")));
        assert_eq!(normalise(&t("")), None);
    }

    #[test]
    fn up_is_realisasi_over_target() {
        // Way Kanan, Nilai SAKIP 2021 (PK target): 61,45 / 54,1.
        close(cap(n(54.1), n(61.45), Up).unwrap(), 6145.0 / 54.1);
        close(cap(n(64.0), n(84.4), Up).unwrap(), 131.875);
        close(cap(n(100.0), n(0.0), Up).unwrap(), 0.0);
    }

    #[test]
    fn down_is_permenpan_6_2022_and_target_over_realisasi_by_choice() {
        // Angka kasus disiplin: target 20, realisasi 15 → (1 + (1 − 0,75)) = 125 %.
        close(cap(n(20.0), n(15.0), Down).unwrap(), 125.0);
        close(cap(n(20.0), n(30.0), Down).unwrap(), 50.0);
        // The formula goes below zero past twice the target; kept as computed.
        close(cap(n(20.0), n(50.0), Down).unwrap(), -50.0);
        close(cap(n(20.0), n(16.0), DownRatio).unwrap(), 125.0);
        close(cap(n(20.0), n(40.0), DownRatio).unwrap(), 50.0);
    }

    #[test]
    fn a_zero_divisor_says_why() {
        assert!(cap(n(0.0), n(5.0), Up).unwrap_err().contains("targetnya 0"));
        assert!(cap(n(0.0), n(5.0), Down).unwrap_err().contains("targetnya 0"));
        assert!(cap(n(5.0), n(0.0), DownRatio).unwrap_err().contains("realisasinya 0"));
        // T/R with a zero target is a plain 0 %.
        close(cap(n(0.0), n(4.0), DownRatio).unwrap(), 0.0);
    }

    #[test]
    fn a_range_takes_the_bound_on_the_side_of_the_realisasi() {
        // Inside: met.
        close(cap(t("70–80"), n(75.0), Up).unwrap(), 100.0);
        close(cap(t("70–80"), n(70.0), Down).unwrap(), 100.0);
        // Below the low bound: against the low bound.
        close(cap(t("70–80"), n(63.0), Up).unwrap(), 90.0);
        close(cap(t("70–80"), n(63.0), Down).unwrap(), 110.0);
        // Above the high bound: against the high bound.
        close(cap(t("70–80"), n(88.0), Up).unwrap(), 110.0);
        close(cap(t("70–80"), n(88.0), Down).unwrap(), 90.0);
        close(cap(t("70 s.d. 80"), n(100.0), DownRatio).unwrap(), 80.0);
    }

    #[test]
    fn predicates_go_through_the_score_table() {
        close(cap(t("WTP"), t("WTP"), Up).unwrap(), 100.0);
        close(cap(t("WTP"), t("WDP"), Up).unwrap(), 75.0);
        close(cap(t("BB"), t("A"), Up).unwrap(), 120.0);
        close(cap(t("B"), t("cc"), Up).unwrap(), 75.0);
        // The indicator's method does not turn a grade upside down.
        close(cap(t("BB"), t("A"), Down).unwrap(), 120.0);
        let custom = [PredicateScore { value: "Baik".into(), score: 80.0 }, PredicateScore { value: "Cukup".into(), score: 60.0 }];
        close(capaian(&t("Baik"), &t("cukup"), Up, &custom).unwrap(), 75.0);
        assert!(cap(t("Istimewa"), t("WTP"), Up).unwrap_err().contains("«ISTIMEWA» tidak ada dalam tabel"));
        assert!(cap(t("WTP"), n(3.0), Up).unwrap_err().contains("predikat «WTP»"));
        assert!(cap(n(3.0), t("WTP"), Up).unwrap_err().contains("bukan angka"));
        assert!(cap(n(3.0), t("1-2"), Up).unwrap_err().contains("rentang"));
    }
}
