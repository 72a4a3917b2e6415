//! The shipped fonts (Noto Sans, SIL OFL; assets/fonts) and text measurement.
//! No system font lookups: the same metrics everywhere.

use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Advance widths of one font, in font units.
pub struct Font {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    ascii: [u16; 128],
}

impl Font {
    fn load(bytes: &'static [u8]) -> Font {
        let face = ttf_parser::Face::parse(bytes, 0).expect("the shipped font parses");
        let units_per_em = face.units_per_em() as f32;
        let mut ascii = [0u16; 128];
        for (c, slot) in ascii.iter_mut().enumerate() {
            *slot = advance(&face, c as u8 as char);
        }
        Font { face, units_per_em, ascii }
    }

    pub fn regular() -> &'static Font {
        static FONT: OnceLock<Font> = OnceLock::new();
        FONT.get_or_init(|| Font::load(REGULAR_TTF))
    }

    pub fn bold() -> &'static Font {
        static FONT: OnceLock<Font> = OnceLock::new();
        FONT.get_or_init(|| Font::load(BOLD_TTF))
    }

    /// Width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.units(c)).sum();
        units as f32 / self.units_per_em * size
    }

    /// A character's advance in font units.
    fn units(&self, c: char) -> u32 {
        (if (c as u32) < 128 { self.ascii[c as usize] } else { advance(&self.face, c) }) as u32
    }

    /// Greedy word wrap into lines no wider than `max_width` points; a word
    /// wider than a line is broken between characters.
    pub fn wrap(&self, text: &str, size: f32, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.width(" ", size);
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split_whitespace() {
            let word_width = self.width(word, size);
            if !line.is_empty() && line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max_width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word longer than the line: break it, as a typesetter would.
            let mut rest: &str = word;
            while self.width(rest, size) > max_width {
                let (head, tail) = self.break_word(rest, size, max_width);
                lines.push(head);
                rest = tail;
            }
            line.push_str(rest);
            line_width = self.width(rest, size);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

impl Font {
    /// The longest head of `word` that fits `max_width`, and the rest: after
    /// a "/" or "-" in the word if one fits ("Kabupaten/" "Kota"), else at
    /// the last syllable that fits, with a hyphen ("Pemberhen-" "tian"),
    /// else between characters with a hyphen.
    fn break_word<'w>(&self, word: &'w str, size: f32, max_width: f32) -> (String, &'w str) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        // Widths of the heads, once (a very long word must not cost its length squared).
        let mut head_units: Vec<u32> = Vec::with_capacity(chars.len() + 1);
        head_units.push(0);
        for &(_, c) in &chars {
            head_units.push(head_units[head_units.len() - 1] + self.units(c));
        }
        let head_width: Vec<f32> = head_units.iter().map(|&u| u as f32 / self.units_per_em * size).collect();
        let hyphen_units = self.units('-');
        // The head before char k, with its hyphen, fits.
        let fits_before = |k: usize| (head_units[k] + hyphen_units) as f32 / self.units_per_em * size <= max_width;
        // After a slash or hyphen.
        for (k, &(i, c)) in chars.iter().enumerate().rev() {
            let end = i + c.len_utf8();
            if (c == '/' || c == '-') && end < word.len() && head_width[k + 1] <= max_width {
                return (word[..end].to_string(), &word[end..]);
            }
        }
        // At a syllable: before a consonant (or ng/ny) that starts one, leaving three letters on each side.
        let vowel = |c: char| "aeiouAEIOU".contains(c);
        let letter = |c: char| c.is_alphabetic();
        for k in (3..chars.len().saturating_sub(2)).rev() {
            let (at, c) = chars[k];
            let next = chars[k + 1].1;
            let prev = chars[k - 1].1;
            let starts = letter(c) && !vowel(c) && letter(prev) && (vowel(next) || (c == 'n' && (next == 'g' || next == 'y') && chars.get(k + 2).is_some_and(|x| vowel(x.1))));
            let splits_digraph = prev == 'n' && (c == 'g' || c == 'y');
            if starts && !splits_digraph && fits_before(k) {
                return (format!("{}-", &word[..at]), &word[at..]);
            }
        }
        // Between characters.
        let mut cut = chars.len().saturating_sub(1).max(1);
        while cut > 1 && !fits_before(cut) {
            cut -= 1;
        }
        let at = chars.get(cut).map_or(word.len(), |x| x.0);
        (format!("{}-", &word[..at]), &word[at..])
    }
}

fn advance(face: &ttf_parser::Face, c: char) -> u16 {
    face.glyph_index(c)
        .or_else(|| face.glyph_index('?'))
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let f = Font::regular();
        let a = f.width("Meningkatnya", 10.0);
        assert!(a > 40.0 && a < 80.0, "{a}");
        assert!((f.width("Meningkatnya", 20.0) - 2.0 * a).abs() < 0.01);
        assert!(Font::bold().width("Meningkatnya", 10.0) > a);
        assert!(f.width("é ü ñ —", 10.0) > 0.0);
    }

    #[test]
    fn wrapping_keeps_every_word_and_fits() {
        let f = Font::regular();
        let text = "Meningkatnya Reformasi Birokrasi dalam Penyelenggaraan Pemerintah Kabupaten Lumajang";
        let lines = f.wrap(text, 8.0, 120.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| f.width(l, 8.0) <= 120.0));
        let long = f.wrap("Pengembangan_Aplikasi_Kepegawaian_SIMAK_dan_Layanan", 8.0, 60.0);
        assert!(long.len() > 1 && long.iter().all(|l| f.width(l, 8.0) <= 60.0));
        assert_eq!(f.wrap("", 8.0, 50.0), vec![String::new()]);
    }

    #[test]
    fn long_words_break_at_a_slash_or_a_syllable_with_a_hyphen() {
        let f = Font::regular();
        let width = f.width("Pemberhen-", 8.0);
        let lines = f.wrap("Pemberhentian", 8.0, width);
        assert_eq!(lines, ["Pemberhen-", "tian"]);
        assert_eq!(f.wrap("Penyelenggaraan", 8.0, f.width("Penyeleng-", 8.0)), ["Penyeleng-", "garaan"]);
        assert_eq!(f.wrap("Kabupaten/Kota", 8.0, f.width("Kabupaten/K", 8.0)), ["Kabupaten/", "Kota"]);
        for l in f.wrap("Pengembangan_Aplikasi_Kepegawaian", 8.0, 40.0) {
            assert!(f.width(&l, 8.0) <= 40.0, "{l}");
        }
    }
}
