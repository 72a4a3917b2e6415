//! The display list: what one printed sheet shows, as a list of drawing
//! instructions. Printouts (`crate::print`) draw onto a [`Sheet`] once; the
//! PDF writer and the SVG writer (the app's print preview) both replay the
//! same list, so the preview is the printout.
//!
//! Coordinates are PostScript points (1/72 inch) with the origin at the
//! sheet's top left and y growing downwards, as on screen; the PDF writer
//! flips them.

/// An RGB colour, each channel from 0 to 1 (see `render::theme`).
pub type Colour = (f32, f32, f32);

/// Points in a millimetre: paper sizes and margins are given in millimetres.
pub const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// One drawing instruction, in points with the origin at the top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A rectangle, filled and/or outlined (colour, line width).
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Option<Colour>, stroke: Option<(Colour, f32)> },
    /// An open polyline, solid or dashed (3 on, 2 off).
    Line { points: Vec<[f32; 2]>, colour: Colour, width: f32, dashed: bool },
    /// Text in the shipped font (Noto Sans) with its baseline at `y`.
    Text { x: f32, y: f32, text: String, size: f32, bold: bool, colour: Colour },
    /// A filled shape (arrowheads, flow symbols).
    Polygon { points: Vec<[f32; 2]>, fill: Colour },
    /// From here until the matching [`Item::Unclip`], only this rectangle is drawn.
    Clip { x: f32, y: f32, w: f32, h: f32 },
    /// Ends the innermost clip.
    Unclip,
}

/// One sheet of paper and what is drawn on it, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Width and height in points.
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Sheet {
    /// An empty sheet `width` × `height` points.
    pub fn new(width: f32, height: f32) -> Sheet {
        Sheet { width, height, items: Vec::new() }
    }

    /// The texts drawn on the sheet, in drawing order (what a reader of the
    /// printout finds; the tests read it).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| if let Item::Text { text, .. } = item { Some(text.as_str()) } else { None })
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Colour>, stroke: Option<(Colour, f32)>) {
        self.items.push(Item::Rect { x, y, w, h, fill, stroke });
    }

    /// A polyline; fewer than two points draw nothing.
    pub fn polyline(&mut self, points: &[[f32; 2]], colour: Colour, width: f32, dashed: bool) {
        if points.len() >= 2 {
            self.items.push(Item::Line { points: points.to_vec(), colour, width, dashed });
        }
    }

    /// Text with its baseline at `y`; empty text draws nothing.
    pub fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, colour: Colour) {
        if !text.is_empty() {
            self.items.push(Item::Text { x, y, text: text.to_string(), size, bold, colour });
        }
    }

    pub fn polygon(&mut self, points: &[[f32; 2]], fill: Colour) {
        self.items.push(Item::Polygon { points: points.to_vec(), fill });
    }

    /// Clips what follows to a rectangle, until [`Sheet::unclip`].
    pub fn clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.items.push(Item::Clip { x, y, w, h });
    }

    pub fn unclip(&mut self) {
        self.items.push(Item::Unclip);
    }
}
