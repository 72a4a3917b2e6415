//! Renderers of the shared layout: the printable PDF (`pdf.rs`) and the
//! Graphviz DOT export used to compare speed (`dot.rs`).

pub mod dot;
pub mod pdf;

pub use pdf::{preview_tree, print_tree, Paper, PrintMode, PrintOptions, Printout, Preview, Provenance, View};
