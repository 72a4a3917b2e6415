//! The SVG writer: a sheet as a standalone SVG document, for the app's
//! print preview. The browser sets the text in Noto Sans (the UI ships it)
//! at the positions the printout uses.

use super::sheet::{Colour, Item, Sheet};
use std::fmt::Write;

/// The sheet as an SVG document, `width` × `height` user units (points).
pub fn sheet_to_svg(sheet: &Sheet) -> String {
    let hex = |(r, g, b): Colour| {
        format!("#{:02x}{:02x}{:02x}", (r * 255.0).round() as u8, (g * 255.0).round() as u8, (b * 255.0).round() as u8)
    };
    let mut out = String::with_capacity(sheet.items.len() * 90);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.1} {h:.1}" width="{w:.1}" height="{h:.1}" font-family="Noto Sans, DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>"##,
        w = sheet.width,
        h = sheet.height
    );
    // Each clip gets its own id within the document.
    let mut clips = 0;
    for item in &sheet.items {
        match item {
            Item::Rect { x, y, w, h, fill, stroke } => {
                let fill = fill.map_or("none".to_string(), hex);
                let stroke = stroke.map_or(String::new(), |(c, sw)| format!(r#" stroke="{}" stroke-width="{sw:.2}""#, hex(c)));
                let _ = write!(out, r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="{fill}"{stroke}/>"#);
            }
            Item::Line { points, colour, width, dashed } => {
                let dash = if *dashed { r#" stroke-dasharray="3 2""# } else { "" };
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width:.2}"{dash}/>"#,
                    svg_points(points),
                    hex(*colour)
                );
            }
            Item::Text { x, y, text, size, bold, colour } => {
                let weight = if *bold { r#" font-weight="bold""# } else { "" };
                let _ = write!(
                    out,
                    r#"<text x="{x:.2}" y="{y:.2}" font-size="{size:.2}" fill="{}"{weight}>{}</text>"#,
                    hex(*colour),
                    xml_escape(text)
                );
            }
            Item::Clip { x, y, w, h } => {
                clips += 1;
                let _ = write!(
                    out,
                    r#"<clipPath id="c{clips}"><rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}"/></clipPath><g clip-path="url(#c{clips})">"#
                );
            }
            Item::Polygon { points, fill } => {
                let _ = write!(out, r#"<polygon points="{}" fill="{}"/>"#, svg_points(points), hex(*fill));
            }
            Item::Unclip => out.push_str("</g>"),
        }
    }
    out.push_str("</svg>");
    out
}

fn svg_points(points: &[[f32; 2]]) -> String {
    points.iter().map(|p| format!("{:.2},{:.2}", p[0], p[1])).collect::<Vec<_>>().join(" ")
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_clips_nest_in_groups() {
        let mut sheet = Sheet::new(100.0, 50.0);
        sheet.clip(0.0, 0.0, 10.0, 10.0);
        sheet.text(1.0, 2.0, "a < b & \"c\"", 7.0, true, (0.0, 0.0, 0.0));
        sheet.unclip();
        let svg = sheet_to_svg(&sheet);
        assert!(svg.contains("a &lt; b &amp; &quot;c&quot;"), "{svg}");
        assert!(svg.contains(r#"<g clip-path="url(#c1)">"#) && svg.contains("</g></svg>"), "{svg}");
    }
}
