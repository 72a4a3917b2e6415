//! The printouts' colours, in one table: level colours, the process
//! categories, links, badges and the greys of ink and rules. RGB channels
//! from 0 to 1.

use super::sheet::Colour;
use crate::model::ProcessCategory;

/// A grey: 0 is black, 1 is white.
pub const fn grey(value: f32) -> Colour {
    (value, value, value)
}

/// A colour from its 8-bit channels (as CSS writes it).
pub const fn rgb8(r: u8, g: u8, b: u8) -> Colour {
    (r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
}

/// The tree's levels, from the top (level 0, e.g. the regional goal) down;
/// deeper levels take the last one. The editor's CSS takes the same
/// colours from `ui/src/theme.generated.css`, written from this table
/// (`css_variables`; a test fails when the two drift).
pub const LEVELS_HEX: [&str; 8] = ["#7a1f2b", "#1f4e79", "#1b6f5a", "#8a6414", "#4b3f8f", "#5b6770", "#8a3b12", "#2f6b2f"];
pub const LEVELS: [Colour; 8] = [
    rgb8(0x7a, 0x1f, 0x2b),
    rgb8(0x1f, 0x4e, 0x79),
    rgb8(0x1b, 0x6f, 0x5a),
    rgb8(0x8a, 0x64, 0x14),
    rgb8(0x4b, 0x3f, 0x8f),
    rgb8(0x5b, 0x67, 0x70),
    rgb8(0x8a, 0x3b, 0x12),
    rgb8(0x2f, 0x6b, 0x2f),
];

/// The CSS custom properties the editor reads the printouts' colours from.
pub fn css_variables() -> String {
    let mut css = String::from("/* Written from src/render/theme.rs (the printouts' colours); do not edit.\n   POKIN_WRITE_GENERATED=1 cargo test --lib theme writes it again. */\n:root {\n");
    for (i, hex) in LEVELS_HEX.iter().enumerate() {
        css.push_str(&format!("  --level-{i}: {hex};\n"));
    }
    css.push_str("}\n");
    css
}

/// The colour of a tree level.
pub fn level(level: usize) -> Colour {
    LEVELS[level.min(LEVELS.len() - 1)]
}

/// Accents: the goal of a process map, the labels on a flow's branches.
pub const ACCENT: Colour = LEVELS[1];
/// A unit's mark in the Peta Relasi.
pub const MARK: Colour = LEVELS[2];

/// A crosscutting link, and the outline of a box outside the agency (`ext:`).
pub const CROSSCUTTING: Colour = (0.75, 0.35, 0.1);
/// The fill of a box outside the agency (`ext:`).
/// A `#rrggbb` colour (the monitoring categories'); `None` if malformed.
pub fn hex(text: &str) -> Option<Colour> {
    let h = text.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    Some(rgb8(byte(0)?, byte(2)?, byte(4)?))
}

/// A colour lightened towards white (`amount` 0: itself, 1: white): a
/// category's fill that dark text stays legible on.
pub fn tint(colour: Colour, amount: f32) -> Colour {
    let mix = |c: f32| c + (1.0 - c) * amount;
    (mix(colour.0), mix(colour.1), mix(colour.2))
}

pub const EXTERNAL_FILL: Colour = (1.0, 0.97, 0.92);
/// A link that closes a cycle (rule P001).
pub const CYCLE: Colour = (0.8, 0.1, 0.1);
/// The other agency's answer written on a crosscutting line: waiting in
/// the line's colour, agreed green, rejected red.
pub fn agreement(status: crate::model::AgreementStatus) -> Colour {
    match status {
        crate::model::AgreementStatus::Pending => CROSSCUTTING,
        crate::model::AgreementStatus::Agreed => LEVELS[7],
        crate::model::AgreementStatus::Rejected => CYCLE,
    }
}
/// Findings badges: with an error, with warnings only.
pub const BADGE_ERROR: Colour = (0.7, 0.13, 0.13);
pub const BADGE_WARNING: Colour = (0.8, 0.55, 0.0);

/// Body text.
pub const INK: Colour = grey(0.1);
/// The fill of a table's header row.
pub const TABLE_HEADER: Colour = grey(0.92);

/// The band and title colour of a process category, as the editor shows it.
pub fn category(category: ProcessCategory) -> Colour {
    match category {
        ProcessCategory::Management => LEVELS[0],
        ProcessCategory::Core => LEVELS[2],
        ProcessCategory::Support => LEVELS[3],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_deeper_than_the_table_take_the_last_colour() {
        assert_eq!(level(0), LEVELS[0]);
        assert_eq!(level(9), LEVELS[7]);
        assert_eq!(category(ProcessCategory::Core), MARK);
    }

    #[test]
    fn hex_and_channels_agree() {
        for (hex, colour) in LEVELS_HEX.iter().zip(LEVELS) {
            let channel = |k: usize| u8::from_str_radix(&hex[1 + 2 * k..3 + 2 * k], 16).unwrap() as f32 / 255.0;
            assert_eq!((channel(0), channel(1), channel(2)), colour, "{hex}");
        }
    }

    /// The editor's colours are these colours: the generated CSS is current.
    #[test]
    fn the_editor_css_is_generated_from_this_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/theme.generated.css");
        if std::env::var_os("POKIN_WRITE_GENERATED").is_some() {
            std::fs::write(&path, css_variables()).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(committed, css_variables(), "ui/src/theme.generated.css drifted: POKIN_WRITE_GENERATED=1 cargo test --lib theme");
    }
}
