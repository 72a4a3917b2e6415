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
        let units: u32 = text
            .chars()
            .map(|c| if (c as u32) < 128 { self.ascii[c as usize] } else { advance(&self.face, c) } as u32)
            .sum();
        units as f32 / self.units_per_em * size
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
            // A word longer than the line: break it.
            line_width = 0.0;
            for c in word.chars() {
                let w = self.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + w > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
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
}
