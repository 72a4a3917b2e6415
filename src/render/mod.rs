//! Drawing, apart from what is drawn: the display list ([`Sheet`]), its two
//! writers — PDF (`pdf.rs`, printpdf with the shipped font subset) and SVG
//! for the app's print preview (`svg.rs`) — the printouts' colours
//! (`theme.rs`), what identifies a printed version (`provenance.rs`), and
//! the Graphviz DOT export used to compare speed (`dot.rs`). The printouts
//! themselves live in `crate::print`; their entry points are re-exported
//! here for the CLI and the shell.

pub mod dot;
pub mod pdf;
pub mod provenance;
pub mod sheet;
pub mod svg;
pub mod theme;

pub use crate::print::{preview_tree, print_tree, LayoutChoice, Paper, PrintMode, PrintOptions, PrintRequest, Printout, Preview, View};
pub use provenance::Provenance;
pub use sheet::{Colour, Item, Sheet, POINTS_PER_MM};
