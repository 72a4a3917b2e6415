//! Text helpers for rules: folding for comparison, shortening for messages.

/// Lower case with runs of white space folded to one space, trimmed.
pub fn fold(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// At most 60 characters, with "…" where cut.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The first word, lower case, without trailing punctuation.
pub fn first_word(text: &str) -> String {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Meningkatnya   PROFESIONALITAS\tASN "), "meningkatnya profesionalitas asn");
        assert_eq!(first_word("Pengadaan, Pemberhentian"), "pengadaan");
        assert_eq!(shorten(&"a".repeat(70)).chars().count(), 61);
    }
}
