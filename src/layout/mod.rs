//! Layout: boxes, wrapped text lines, edges and level bands, computed once
//! here with the shipped font's metrics, then drawn on screen (the shell
//! sends this geometry to the UI) and into the PDF. What the planner sees
//! is what the official signs.

mod compact;
pub mod flow;
pub mod font;
pub mod processes;
pub mod relations;
pub mod table;
pub mod tree;

pub use font::Font;
pub use tree::{layout_tree, TreeLayout, TreeOptions};
