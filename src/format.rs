//! Numbers and dates as Indonesian readers write them:
//! 6.850.200.218 · 97,81 · 15 Januari 2024.

const MONTHS: [&str; 12] = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
    "Desember",
];

/// Thousands with ".", decimals with "," (at most two decimals, trailing zeros dropped).
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if negative && (rounded != 0.0) {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Whole rupiah: 6850200218 → "6.850.200.218".
pub fn rupiah(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(&digits))
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A target or actual as written in Indonesian: 97,81 · WTP.
pub fn value(v: &crate::model::Value) -> String {
    match v {
        crate::model::Value::Number(n) => n.as_f64().map(number).unwrap_or_else(|| n.to_string()),
        crate::model::Value::Text(t) => t.clone(),
    }
}

/// "2024-01-15" → "15 Januari 2024". Anything else is returned as it is.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    if let [y, m, d] = parts[..] {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<usize>(), d.parse::<u32>()) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return format!("{d} {} {y}", MONTHS[m - 1]);
            }
        }
    }
    iso.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(number(97.81), "97,81");
        assert_eq!(number(6850200218.0), "6.850.200.218");
        assert_eq!(number(55.96), "55,96");
        assert_eq!(number(60.0), "60");
        assert_eq!(number(0.5), "0,5");
        assert_eq!(number(-1234.5), "-1.234,5");
        assert_eq!(rupiah(2212352000), "2.212.352.000");
        assert_eq!(rupiah(999), "999");
    }

    #[test]
    fn indonesian_dates() {
        assert_eq!(date("2024-01-15"), "15 Januari 2024");
        assert_eq!(date("2023-12-31T10:00:00+07:00"), "31 Desember 2023");
        assert_eq!(date("kemarin"), "kemarin");
    }
}
