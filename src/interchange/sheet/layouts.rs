//! One module per table shape would repeat the same header words: here
//! each column's header is read once (`classify`), then each layout says
//! whether the columns make its table and which hierarchy the rows
//! follow (`recognise`). The rows are read by `read`'s one engine.

use super::grid::{Cell, Grid};
use super::header::HeaderBand;
use super::mapping::{ColumnRole, Hierarchy, LayoutKind, Mapping};

/// The years a sheet's headers leave open.
#[derive(Debug, Clone, Copy)]
pub struct Years {
    /// "Target Tahun 1" is this year.
    pub base: i32,
    /// The year of realisasi, pagu and plain "Target Kinerja" columns.
    pub current: i32,
}

/// What a header says about its column, before the layout decides.
#[derive(Debug, Clone, PartialEq)]
enum Class {
    Role(ColumnRole),
    /// Statements of a named level ("Sasaran Perangkat Daerah", "Program").
    Level(String),
    /// Statements of mixed levels ("Program/Kegiatan", "Uraian").
    Name,
    /// "No": an outline number ("1.2.1") or a row counter.
    Number,
}

const LEVEL_WORDS: &[(&str, &str)] = &[
    ("sub kegiatan", "Sub Kegiatan"),
    ("subkegiatan", "Sub Kegiatan"),
    ("kegiatan", "Kegiatan"),
    ("program", "Program"),
    ("sasaran", "Sasaran"),
    ("tujuan", "Tujuan"),
    ("visi", "Visi"),
    ("misi", "Misi"),
    ("urusan", "Urusan"),
    ("output", "Output"),
    ("keluaran", "Output"),
    ("komponen", "Komponen"),
];

fn level_words(text: &str) -> Vec<&'static str> {
    let mut rest = text.to_string();
    let mut out = Vec::new();
    for (word, name) in LEVEL_WORDS {
        if rest.contains(word) {
            out.push(*name);
            rest = rest.replace(word, " ");
        }
    }
    out
}

fn year_in(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let w = &text.get(i..i + 4)?;
        let before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = i + 4 >= bytes.len() || !bytes[i + 4].is_ascii_digit();
        let y: i32 = w.parse().ok()?;
        (before && after && w.bytes().all(|b| b.is_ascii_digit()) && (1990..=2100).contains(&y)).then_some(y)
    })
}

/// "Tahun 3" → 3.
fn nth_year(text: &str) -> Option<i32> {
    let at = text.find("tahun")?;
    let rest = text[at + 5..].trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|n| (1..=10).contains(n))
}

/// Triwulan I–IV in a header: "TW1", "Triwulan II", a part "III".
fn quarter_in(parts: &[String]) -> Option<u8> {
    for part in parts {
        let p = part.trim().to_lowercase();
        let roman = |s: &str| match s.trim().trim_end_matches('.') {
            "i" | "1" => Some(1),
            "ii" | "2" => Some(2),
            "iii" | "3" => Some(3),
            "iv" | "4" => Some(4),
            _ => None,
        };
        if let Some(q) = roman(&p) {
            return Some(q);
        }
        for key in ["triwulan", "tw", "trw"] {
            if let Some(at) = p.find(key) {
                let rest = &p[at + key.len()..];
                let word: String = rest.trim_start_matches(['-', '.', ' ']).chars().take_while(|c| c.is_alphanumeric()).collect();
                if let Some(q) = roman(&word) {
                    return Some(q);
                }
            }
        }
    }
    None
}

fn classify(header: &str, years: Years) -> Option<Class> {
    let parts: Vec<String> = header.split(" › ").map(str::to_string).collect();
    let lower = header.to_lowercase();
    let last = parts.last().map(|p| p.trim().to_lowercase()).unwrap_or_default();
    if lower.trim().is_empty() {
        return None;
    }
    let has = |w: &str| lower.contains(w);
    let year = year_in(&lower);
    // A unit row under a group: K (kinerja), Rp. (anggaran), %.
    if parts.len() > 1 && super::header::is_unit_word(&last) {
        let group = parts[..parts.len() - 1].join(" ").to_lowercase();
        let money = last.starts_with("rp");
        if last == "%" || group.contains("s/d") || group.contains("sampai dengan") || group.contains("tingkat") || group.contains("renstra") && !group.contains("renja") {
            return None;
        }
        if group.contains("realisasi") {
            if let Some(q) = quarter_in(&parts[..parts.len() - 1]) {
                return Some(Class::Role(if money {
                    ColumnRole::Spent { quarter: Some(q) }
                } else {
                    ColumnRole::Realisasi { year: year.unwrap_or(years.current), quarter: Some(q) }
                }));
            }
            return None;
        }
        if group.contains("target") {
            return Some(Class::Role(if money { ColumnRole::Pagu } else { ColumnRole::Target { year: year.unwrap_or(years.current) } }));
        }
        return None;
    }
    if ["baseline", "capaian awal", "kondisi awal", "kinerja awal"].iter().any(|w| has(w)) {
        return Some(Class::Role(ColumnRole::Baseline));
    }
    const IGNORED: &[&str] = &[
        "s/d", "sampai dengan", "tingkat", "proyeksi", "perkiraan", "kebutuhan", "catatan", "keterangan", "lokasi",
        "sumber dana", "volume", "harga satuan", "faktor", "rekomendasi", "tindak lanjut", "tanggal", "pelaksanaan", "kontrol",
        "target anggaran", "rencana anggaran", "progress", "spm", "ikk", "jenis keg",
    ];
    if IGNORED.iter().any(|w| has(w)) {
        return None;
    }
    if has("realisasi anggaran") || has("realisasi keuangan") {
        return Some(Class::Role(ColumnRole::Spent { quarter: quarter_in(&parts) }));
    }
    if has("pagu") || has("dana tahun 1") || last == "anggaran" || last == "jumlah anggaran" {
        return Some(Class::Role(ColumnRole::Pagu));
    }
    if has("dana tahun") {
        return None;
    }
    // "… Tahun 2014 › Target Renja SKPD" under a "Target dan Realisasi" group is a target.
    if has("realisasi") && (last.contains("realisasi") || !last.contains("target")) {
        let q = quarter_in(&parts);
        if q.is_none() && last == "realisasi" && parts.len() == 1 {
            return None; // a sum of the quarters
        }
        return Some(Class::Role(ColumnRole::Realisasi { year: year.unwrap_or(years.current), quarter: q }));
    }
    if has("target") || has("sasaran target") {
        let year = year.or_else(|| nth_year(&lower).map(|n| years.base + n - 1)).unwrap_or(years.current);
        if has("pk") || has("perjanjian kinerja") {
            return Some(Class::Role(ColumnRole::PkTarget { year }));
        }
        return Some(Class::Role(ColumnRole::Target { year }));
    }
    if let (Some(y), true) = (year_in(&last), last.len() <= 12) {
        return Some(Class::Role(ColumnRole::Target { year: y }));
    }
    if has("indikator") || has("tolak ukur") || has("tolok ukur") {
        return Some(Class::Role(ColumnRole::Indicator));
    }
    if has("satuan") {
        return Some(Class::Role(ColumnRole::Unit));
    }
    if has("kode") {
        return Some(Class::Role(ColumnRole::Code { part: 0 }));
    }
    if matches!(last.trim_end_matches('.'), "no" | "nomor" | "no urut" | "nomor urut") {
        return Some(Class::Number);
    }
    if matches!(last.as_str(), "level" | "kelompok" | "tingkat" | "jenjang" | "kategori") {
        return Some(Class::Role(ColumnRole::LevelName));
    }
    if has("penanggung jawab") || has("unit kerja") || last == "pj" || last == "bidang" || has("pemilik") || last == "pelaksana" {
        return Some(Class::Role(ColumnRole::Owner));
    }
    if has("pernyataan") && parts.len() > 1 {
        return Some(Class::Level(parts[0].trim().to_string()));
    }
    let words = level_words(&last);
    // A header naming a coded item ("2896.BMA.004 PUBLIKASI …") heads a matrix column, not statements.
    let coded = lower.split_whitespace().any(|w| w.contains('.') && w.chars().any(|c| c.is_ascii_digit()));
    if coded {
        return None;
    }
    if has("uraian") || has("pernyataan") || last == "nama" || words.len() >= 2 || has("ro - kegiatan") {
        return Some(Class::Name);
    }
    // A level names a kind of statement in a few words, not a coded item ("2896.BMA.004 PUBLIKASI …").
    if words.len() == 1 && last.split_whitespace().count() <= 6 && !last.starts_with(|c: char| c.is_ascii_digit()) {
        let name = parts.last().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
        return Some(Class::Level(name));
    }
    None
}

/// Whether the sheet is a cascade drawn in cells (boxes side by side:
/// "Sasaran 1 … Sasaran 4", "Indikator :" lists), not a table of rows.
pub fn is_cell_chart(grid: &Grid) -> bool {
    let mut marks = 0;
    for r in 0..grid.height().min(60) {
        for c in 0..grid.width() {
            if !grid.is_origin(r, c) {
                continue;
            }
            if let Cell::Text(t) = grid.get(r, c) {
                let t = t.trim().to_lowercase();
                let numbered_sasaran = t.strip_prefix("sasaran").is_some_and(|rest| {
                    let rest = rest.trim();
                    rest.starts_with(':') || rest.parse::<u32>().is_ok()
                });
                if t.starts_with("indikator :") || t.starts_with("indikator:") || numbered_sasaran {
                    marks += 1;
                }
            }
        }
    }
    marks >= 3
}

/// Values of a column in the first data rows.
fn column_values(grid: &Grid, band: &HeaderBand, col: u32) -> Vec<String> {
    (band.data_start()..grid.height().min(band.data_start() + 200)).map(|r| grid.text(r, col)).filter(|t| !t.is_empty()).collect()
}

/// A "No"/"Kode" column that only counts rows (1, 2, 3 …) is no code.
fn is_counter(values: &[String]) -> bool {
    !values.is_empty() && values.iter().all(|v| v.trim().parse::<u32>().is_ok() || v.trim().trim_end_matches('.').parse::<u32>().is_ok())
}

/// The mapping of `layout` for the sheet (any layout where `None`), or
/// why the sheet is not such a table.
pub fn recognise(grid: &Grid, band: &HeaderBand, layout: Option<LayoutKind>, years: Years) -> Result<Mapping, String> {
    if is_cell_chart(grid) {
        return Err("sheet ini bagan cascading yang digambar di sel, bukan tabel baris (kotak-kotak bersebelahan, tautannya hanya tersirat dari letak); \
                    salin isinya ke tabel dengan satu baris per pernyataan (kolom Tujuan | Sasaran | Program … | Indikator | Target), lalu impor tabel itu"
            .into());
    }
    let width = band.headers.len() as u32;
    let mut columns = vec![ColumnRole::Ignore; width as usize];
    let mut levels: Vec<String> = Vec::new();
    let mut names: Vec<u32> = Vec::new();
    let mut level_cols: Vec<u32> = Vec::new();
    let mut code_part = 0u8;
    let mut last_code_col: Option<u32> = None;
    let mut previous: Option<(String, Class)> = None;
    for col in 0..width {
        let header = &band.headers[col as usize];
        let class = classify(header, years);
        // A header merged over two columns names the first; the second is
        // its overflow (an indicator merged H:I keeps both: either holds the text).
        let repeated = previous.as_ref().is_some_and(|(h, _)| h == header && !header.is_empty());
        previous = class.clone().map(|c| (header.clone(), c));
        match class {
            None => {}
            Some(Class::Role(ColumnRole::Code { .. })) => {
                if !repeated && last_code_col.is_none_or(|c| c + 1 != col) {
                    code_part = 0;
                }
                columns[col as usize] = ColumnRole::Code { part: code_part };
                code_part += 1;
                last_code_col = Some(col);
            }
            Some(Class::Number) => {
                let values = column_values(grid, band, col);
                if !is_counter(&values) && values.iter().any(|v| v.contains('.')) {
                    columns[col as usize] = ColumnRole::Code { part: 0 };
                }
            }
            Some(Class::Role(role)) => {
                if repeated && !matches!(role, ColumnRole::Indicator) {
                    continue;
                }
                columns[col as usize] = role;
            }
            Some(Class::Level(name)) if !repeated => {
                level_cols.push(col);
                columns[col as usize] = ColumnRole::Statement { level: levels.len() };
                levels.push(name);
            }
            Some(Class::Name) if !repeated => names.push(col),
            Some(_) => {}
        }
    }
    // A code column that only counts rows is no code.
    let code_cols: Vec<u32> = (0..width).filter(|&c| matches!(columns[c as usize], ColumnRole::Code { .. })).collect();
    if code_cols.len() == 1 && is_counter(&column_values(grid, band, code_cols[0])) {
        columns[code_cols[0] as usize] = ColumnRole::Ignore;
    }
    let has = |f: &dyn Fn(&ColumnRole) -> bool| columns.iter().any(f);
    let has_code = has(&|r| matches!(r, ColumnRole::Code { .. }));
    let has_level_name = has(&|r| matches!(r, ColumnRole::LevelName));
    let has_indicator = has(&|r| matches!(r, ColumnRole::Indicator));
    let has_target = has(&|r| matches!(r, ColumnRole::Target { .. } | ColumnRole::PkTarget { .. }));
    // Targets per year: a header naming its year ("Target 2025", "Target Tahun 1").
    let year_targets = (0..width as usize)
        .filter(|&c| matches!(columns[c], ColumnRole::Target { .. }))
        .filter(|&c| {
            let h = band.headers[c].to_lowercase();
            year_in(&h).is_some() || nth_year(&h).is_some()
        })
        .count();
    let has_realisasi = has(&|r| matches!(r, ColumnRole::Realisasi { .. } | ColumnRole::Spent { .. }));
    let has_pagu = has(&|r| matches!(r, ColumnRole::Pagu));

    // The statement column(s) and how rows nest.
    let hierarchy;
    if !names.is_empty() && (has_code || has_level_name) {
        columns[names[0] as usize] = ColumnRole::Name;
        // Level columns beside a code are the code's ancestors written out: kept as names only where no name column.
        for &c in &level_cols {
            columns[c as usize] = ColumnRole::Ignore;
        }
        levels.clear();
        hierarchy = if has_code { Hierarchy::Code } else { Hierarchy::LevelColumn };
    } else if names.is_empty() && level_cols.len() == 1 && (has_code || has_level_name) {
        columns[level_cols[0] as usize] = ColumnRole::Name;
        levels.clear();
        hierarchy = if has_code { Hierarchy::Code } else { Hierarchy::LevelColumn };
    } else if !level_cols.is_empty() || !names.is_empty() {
        // By columns; a mixed "Program/Kegiatan" column is the deepest level.
        if let Some(&name) = names.first() {
            if level_cols.iter().all(|&c| c < name) {
                columns[name as usize] = ColumnRole::Statement { level: levels.len() };
                levels.push(band.headers[name as usize].rsplit(" › ").next().unwrap_or_default().trim().to_string());
            }
        }
        hierarchy = Hierarchy::Columns;
    } else {
        return Err("tidak ada kolom pernyataan (mis. Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan, Uraian atau Pernyataan)".into());
    }

    let level_count = levels.len();
    let detected = if is_cell_chart(grid) {
        None
    } else if has_realisasi {
        Some(LayoutKind::Renja)
    } else if level_count >= 2 && has_indicator {
        Some(LayoutKind::Cascading)
    } else if has_indicator && year_targets > 0 {
        Some(LayoutKind::Iku)
    } else if hierarchy != Hierarchy::Columns && has_level_name && has_indicator {
        Some(LayoutKind::Cascading)
    } else if has_pagu {
        Some(LayoutKind::Budget)
    } else if has_indicator {
        Some(LayoutKind::Cascading)
    } else {
        None
    };
    let layout = match layout {
        None | Some(LayoutKind::Generic) => detected.ok_or_else(|| {
            "kolomnya tidak dikenali sebagai tabel cascading, IKU, evaluasi Renja atau anggaran (tidak ada kolom indikator, target, realisasi atau pagu)".to_string()
        })?,
        Some(kind) => {
            let missing = match kind {
                LayoutKind::Iku if !has_target => Some("tidak ada kolom target per tahun (mis. \"Target 2025\", \"Target Tahun 1\")"),
                LayoutKind::Iku | LayoutKind::Cascading if !has_indicator && level_count < 2 => Some("tidak ada kolom indikator"),
                LayoutKind::Renja if !has_realisasi && !has_pagu => Some("tidak ada kolom realisasi (per triwulan atau tahunan) atau anggaran"),
                LayoutKind::Budget if !has_pagu => Some("tidak ada kolom pagu"),
                _ => None,
            };
            if let Some(missing) = missing {
                return Err(missing.into());
            }
            kind
        }
    };
    Ok(Mapping { layout, header_start: band.start, header_rows: band.rows, columns, hierarchy, levels })
}

#[cfg(test)]
mod tests {
    use super::*;

    const Y: Years = Years { base: 2025, current: 2026 };

    fn role(h: &str) -> Option<ColumnRole> {
        match classify(h, Y) {
            Some(Class::Role(r)) => Some(r),
            _ => None,
        }
    }

    #[test]
    fn header_words() {
        assert_eq!(role("Realisasi Kinerja Pada Triwulan › I › K"), Some(ColumnRole::Realisasi { year: 2026, quarter: Some(1) }));
        assert_eq!(role("Realisasi Kinerja Pada Triwulan › III › Rp."), Some(ColumnRole::Spent { quarter: Some(3) }));
        assert_eq!(role("Realisasi Kinerja Pada Triwulan › III › %"), None);
        assert_eq!(role("TARGET TAHUN 3"), Some(ColumnRole::Target { year: 2027 }));
        assert_eq!(role("Target 2024"), Some(ColumnRole::Target { year: 2024 }));
        assert_eq!(role("Dampak (Impact) › Target 2021"), Some(ColumnRole::Target { year: 2021 }));
        assert_eq!(role("Realisasi Anggaran TW2"), Some(ColumnRole::Spent { quarter: Some(2) }));
        assert_eq!(role("JUMLAH / TOTAL PAGU"), Some(ColumnRole::Pagu));
        assert_eq!(role("INDIKATOR SASARAN"), Some(ColumnRole::Indicator));
        assert_eq!(role("HARGA SATUAN"), None);
        assert_eq!(classify("Dampak (Impact) › Pernyataan", Y), Some(Class::Level("Dampak (Impact)".into())));
        assert_eq!(classify("PROGRAM DAN KEGIATAN", Y), Some(Class::Name));
        assert_eq!(classify("Sub Kegiatan", Y), Some(Class::Level("Sub Kegiatan".into())));
        assert_eq!(role("Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun 2025) yang dievaluasi › Rp."), Some(ColumnRole::Pagu));
    }
}
