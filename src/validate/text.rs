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

/// At most 60 characters, with "…" where cut.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
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
}
