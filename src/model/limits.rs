//! What a document may say: bounds that keep every entry point (open,
//! import, edit, layout, print, validate) finite. A period is a Renstra
//! period (five years, at most a few more), so a typo such as 2025–20255
//! must be refused, not turned into thousands of target columns.
//! Checked by the JSON reader, by the `.pokin` loader and by every edit.

use super::Period;
use serde_json::Value;

pub const YEAR_MIN: i32 = 1900;
pub const YEAR_MAX: i32 = 2200;
/// The longest period, in years (a Renstra is 5, an RPJPD 20).
pub const MAX_PERIOD_YEARS: i32 = 25;
/// The longest text of any one field (a statement is ~100 characters, a
/// legal basis or a note a few thousand).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most items of any one list (nodes, links, steps, indicators …).
pub const MAX_LIST_ITEMS: usize = 200_000;

/// Why `period` is not acceptable, in the planner's words.
pub fn check_period(period: &Period) -> Result<(), String> {
    let Period { from, to } = *period;
    if from > to {
        return Err(format!("tahun awal {from} jatuh setelah tahun akhir {to}"));
    }
    if from < YEAR_MIN || to > YEAR_MAX {
        return Err(format!("periode {from}–{to} harus di antara tahun {YEAR_MIN} dan {YEAR_MAX}"));
    }
    if to - from + 1 > MAX_PERIOD_YEARS {
        return Err(format!(
            "periode {from}–{to} meliputi {} tahun; paling banyak {MAX_PERIOD_YEARS} tahun (periksa salah ketik)",
            to - from + 1
        ));
    }
    Ok(())
}

/// Finds the first text or list in `value` past the limits; returns its
/// JSON path (under `path`) and the message.
pub fn check_sizes(value: &Value, path: &str) -> Result<(), (String, String)> {
    match value {
        Value::String(text) => {
            // Counting characters is only needed when the bytes could be too many.
            if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
                return Err((
                    path.to_string(),
                    format!("teks terlalu panjang ({} karakter; paling banyak {MAX_TEXT_CHARS})", text.chars().count()),
                ));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                return Err((
                    path.to_string(),
                    format!("daftar terlalu panjang ({} butir; paling banyak {MAX_LIST_ITEMS})", items.len()),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                check_sizes(item, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(map) => {
            if map.len() > MAX_LIST_ITEMS {
                return Err((path.to_string(), format!("terlalu banyak kunci ({})", map.len())));
            }
            for (key, item) in map {
                if key.len() > MAX_TEXT_CHARS {
                    return Err((path.to_string(), "nama kunci terlalu panjang".into()));
                }
                let inner = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                check_sizes(item, &inner)?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert!(check_period(&Period { from: 2025, to: 2029 }).is_ok());
        assert!(check_period(&Period { from: 2005, to: 2025 }).is_ok());
        let typo = check_period(&Period { from: 2025, to: 2_147_483_647 }).unwrap_err();
        assert!(typo.contains("harus di antara tahun 1900 dan 2200"), "{typo}");
        let long = check_period(&Period { from: 2025, to: 2100 }).unwrap_err();
        assert!(long.contains("76 tahun; paling banyak 25"), "{long}");
        assert!(check_period(&Period { from: 2029, to: 2025 }).unwrap_err().contains("jatuh setelah"));
    }

    #[test]
    fn sizes_name_the_place() {
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let value = serde_json::json!({"tree": {"nodes": [{"id": "n1"}, {"statement": long}]}});
        let (place, message) = check_sizes(&value, "").unwrap_err();
        assert_eq!(place, "tree.nodes[1].statement");
        assert!(message.starts_with("teks terlalu panjang (20001 karakter"), "{message}");
        assert!(check_sizes(&serde_json::json!({"a": ["é".repeat(MAX_TEXT_CHARS)]}), "").is_ok());
    }
}
