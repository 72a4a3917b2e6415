//! Text helpers for rules: folded comparison (case and white space
//! ignored) without allocating, and shortening for messages. The validator
//! runs after every edit, so the hot paths stay allocation-free.

use std::hash::Hasher;

/// The characters of `text`, lower case, runs of white space as one space,
/// trimmed.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split_whitespace().enumerate().flat_map(|(i, word)| {
        (i > 0).then_some(' ').into_iter().chain(word.chars().flat_map(char::to_lowercase))
    })
}

/// The same folding over ASCII bytes: the fast path, since most
/// statements are plain ASCII.
struct AsciiFolded<'a> {
    bytes: &'a [u8],
    at: usize,
    space_pending: bool,
}

impl<'a> AsciiFolded<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.trim().as_bytes();
        AsciiFolded { bytes, at: 0, space_pending: false }
    }
}

impl Iterator for AsciiFolded<'_> {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        if self.space_pending {
            self.space_pending = false;
            return Some(b' ');
        }
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        if b.is_ascii_whitespace() {
            while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
                self.at += 1;
            }
            self.space_pending = true;
            return self.next();
        }
        Some(b.to_ascii_lowercase())
    }
}

/// Lower case with runs of white space folded to one space, trimmed.
pub fn fold(text: &str) -> String {
    folded_chars(text).collect()
}

/// Whether two texts are the same after folding.
pub fn same_folded(a: &str, b: &str) -> bool {
    if a == b {
        true
    } else if a.is_ascii() && b.is_ascii() {
        AsciiFolded::new(a).eq(AsciiFolded::new(b))
    } else {
        folded_chars(a).eq(folded_chars(b))
    }
}

/// Whether a text is empty after folding.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A hash of the folded text: equal for texts that are `same_folded`.
/// `buffer` is scratch space, reused across calls to spare allocations.
pub fn folded_hash(text: &str, buffer: &mut String) -> u64 {
    buffer.clear();
    if text.is_ascii() {
        buffer.extend(AsciiFolded::new(text).map(char::from));
    } else {
        buffer.extend(folded_chars(text));
    }
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(buffer.as_bytes());
    hasher.finish()
}

/// How long a statement quoted in a message may be (characters).
pub const QUOTE_LENGTH: usize = 60;

/// At most [`QUOTE_LENGTH`] characters, with "…" where cut.
pub fn shorten(text: &str) -> String {
    shorten_to(text, QUOTE_LENGTH)
}

/// At most `max` characters (white space folded), cut between words and
/// then "…": a word is never cut, except one so long (more than half of
/// `max`) that it would leave too little.
pub fn shorten_to(text: &str, max: usize) -> String {
    let text = text.trim();
    // The byte offset of character `max`, where the text is longer.
    let Some((limit, _)) = text.char_indices().nth(max) else {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let head = &text[..limit];
    let cut = if text[limit..].starts_with(char::is_whitespace) {
        // The cut falls between two words.
        limit
    } else {
        // Back to the space before the word that crosses the limit.
        match head.rfind(char::is_whitespace) {
            Some(space) if head[..space].chars().count() * 2 >= max => space,
            _ => limit,
        }
    };
    let kept = head[..cut].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '('));
    let mut out: String = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    out.push('…');
    out
}

/// The first word, without surrounding punctuation (case kept).
pub fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `word` is one of `list` (lower-case ASCII words), ignoring case.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Meningkatnya   PROFESIONALITAS\tASN "), "meningkatnya profesionalitas asn");
        assert!(same_folded("Meningkatnya  ASN", " meningkatnya asn"));
        assert!(!same_folded("Meningkatnya ASN", "Meningkatnya ASN."));
        assert_eq!(first_word("Pengadaan, Pemberhentian"), "Pengadaan");
        assert_eq!(shorten(&"a".repeat(70)).chars().count(), 61);
        assert_eq!(shorten("é".repeat(61).as_str()).chars().count(), 61);
        assert!(is_one_of("TERSEDIANYA", &["tersedianya"]));
        assert!(same_folded("Tersedianya  data\n", "tersedianya DATA"));
        assert!(same_folded("Meningkatnya Mutu Pendidikan Ä", "meningkatnya  mutu pendidikan ä"));
        let mut buffer = String::new();
        let h = folded_hash("Tersedianya  data\n", &mut buffer);
        assert_eq!(h, folded_hash("tersedianya DATA", &mut buffer));
        assert_eq!(folded_hash("Data Ä", &mut buffer), folded_hash("data ä", &mut buffer));
    }

    #[test]
    fn shortening_cuts_between_words() {
        // Short enough: kept whole (white space folded).
        assert_eq!(shorten("  Meningkatnya  Profesionalitas ASN "), "Meningkatnya Profesionalitas ASN");
        assert_eq!(shorten(&"a".repeat(60)), "a".repeat(60));
        // Cut at the last space before the limit, never inside a word.
        let long = "Meningkatnya kualitas pelayanan administrasi kepegawaian bagi seluruh aparatur sipil negara";
        let short = shorten(long);
        assert_eq!(short, "Meningkatnya kualitas pelayanan administrasi kepegawaian…");
        assert!(short.chars().count() <= QUOTE_LENGTH + 1);
        let kept = short.trim_end_matches('…');
        assert!(long.starts_with(kept) && long[kept.len()..].starts_with(' '), "{short}");
        // Every cut of a real statement ends on a whole word (where the
        // first word is not longer than half of the limit).
        for max in 24..long.len() {
            let s = shorten_to(long, max);
            let kept = s.trim_end_matches('…');
            assert!(s.chars().count() <= max + 1, "{max}: {s}");
            assert!(long[kept.len()..].starts_with(' '), "{max}: {s}");
        }
        // A limit that falls just after a word: that word is kept; trailing punctuation goes.
        assert_eq!(shorten_to("Pengadaan, Pemberhentian dan Informasi", 10), "Pengadaan…");
        assert_eq!(shorten_to("Pengadaan, Pemberhentian dan Informasi", 24), "Pengadaan, Pemberhentian…");
        // A single very long word may be cut.
        assert_eq!(shorten(&"x".repeat(80)), format!("{}…", "x".repeat(60)));
        assert_eq!(shorten_to("Di Penyelenggaraanpemerintahandaerahkabupaten", 20), "Di Penyelenggaraanpe…");
        // Characters, not bytes.
        assert_eq!(shorten_to("élan über ändern", 10), "élan über…");
    }
}

/// Words that make an indicator's name a measure: what is counted or
/// compared ("Persentase …", "Indeks …", "Rata-rata …"). Lower case.
/// "presentase" and "prosentase" are common misspellings of persentase;
/// "waktu" is left out ("… tepat waktu" says when, not how much).
const MEASURE_WORDS: &[&str] = &[
    "jumlah", "banyaknya", "total", "persentase", "presentase", "prosentase", "persen", "indeks", "index", "indek",
    "rasio", "rata-rata", "rerata", "nilai", "tingkat", "angka", "skor", "proporsi", "capaian", "derajat", "laju",
    "cakupan", "frekuensi", "durasi", "lama", "prevalensi", "level", "predikat", "peringkat", "opini",
    "kategori", "panjang", "luas", "volume", "kapasitas", "pertumbuhan", "besaran",
];

/// Whether an indicator's name says what is measured: it holds a measure
/// word (whole word, any case: "Persentase ASN …", "Nilai SAKIP") or a
/// "%". The validator (P023) and the worksheets ("Dapat Diukur") share it.
pub fn has_measure_word(name: &str) -> bool {
    name.contains('%')
        || name
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(|w| w.trim_matches('-'))
            .filter(|w| !w.is_empty())
            .any(|w| is_one_of(w, MEASURE_WORDS))
}

#[cfg(test)]
mod measure_tests {
    use super::has_measure_word;

    #[test]
    fn measure_words_are_whole_words_in_any_case() {
        for name in [
            "Persentase ASN yang memenuhi standar kompetensi",
            "INDEKS Profesionalitas ASN",
            "Nilai SAKIP",
            "Rata-rata lama pelayanan (hari)",
            "Presentase pegawai yang naik pangkat tepat waktu",
            "Tingkat kepuasan pegawai",
            "Kepuasan pegawai (%)",
            "Opini BPK atas laporan keuangan",
        ] {
            assert!(has_measure_word(name), "{name}");
        }
        for name in [
            "Profesionalitas ASN",
            "Meningkatnya kualitas pelayanan",
            // Inside another word: "nilainya" is not "nilai", "jumlahan" not "jumlah".
            "Penilaian kinerja",
            "Terlaksananya penjumlahan",
            // "tepat waktu" says when, not how much.
            "Pegawai naik pangkat tepat waktu",
            "",
        ] {
            assert!(!has_measure_word(name), "{name}");
        }
    }
}
