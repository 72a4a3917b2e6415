//! The printouts' colours, in one table: level colours, the process
//! categories, links, badges and the greys of ink and rules. RGB channels
//! from 0 to 1.

use super::sheet::Colour;
use crate::model::ProcessCategory;

/// A grey: 0 is black, 1 is white.
pub const fn grey(value: f32) -> Colour {
    (value, value, value)
}

/// The tree's levels, from the top (level 0, e.g. the regional goal) down;
/// deeper levels take the last one.
pub const LEVELS: [Colour; 6] = [
    (0.48, 0.12, 0.17),
    (0.12, 0.31, 0.47),
    (0.12, 0.42, 0.32),
    (0.54, 0.35, 0.0),
    (0.29, 0.23, 0.55),
    (0.33, 0.33, 0.33),
];

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
pub const EXTERNAL_FILL: Colour = (1.0, 0.97, 0.92);
/// A link that closes a cycle (rule P001).
pub const CYCLE: Colour = (0.8, 0.1, 0.1);
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
        assert_eq!(level(9), LEVELS[5]);
        assert_eq!(category(ProcessCategory::Core), MARK);
    }
}
