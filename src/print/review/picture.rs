//! The small picture in a review section: one node with its parent and its
//! children, laid out by the tree layout (`layout::tree`) on a document of
//! just those nodes, cropped to their boxes and scaled into a frame. Never
//! smaller than the report's text allows: children beyond what fits are
//! counted under the picture instead.

use crate::layout::{layout_tree, Font, TreeLayout, TreeOptions};
use crate::model::{Document, LinkKind, Node, Tree};
use crate::render::theme::{self, grey};
use crate::render::Sheet;

/// The statements' size in the layout; on paper it is this times the scale.
const LAYOUT_PT: f32 = 8.0;
/// A picture is smaller than the tree printout: text at most 6.8 pt.
const MAX_SCALE: f32 = 0.85;

pub(super) struct Picture {
    layout: TreeLayout,
    focus: String,
    /// The boxes' bounding rectangle in layout coordinates: x0, y0, x1, y1.
    crop: [f32; 4],
    pub scale: f32,
    /// Children left out for room.
    pub hidden: usize,
}

impl Picture {
    pub fn width(&self) -> f32 {
        (self.crop[2] - self.crop[0]) * self.scale
    }

    pub fn height(&self) -> f32 {
        (self.crop[3] - self.crop[1]) * self.scale
    }

    /// The statements' size on paper.
    pub fn text_pt(&self) -> f32 {
        LAYOUT_PT * self.scale
    }
}

/// The picture of `node` (an index into the tree's nodes) that reads
/// largest within `max_w` × `max_h` points, its text at least `min_pt`.
pub(super) fn picture(
    doc: &Document,
    node: usize,
    parent: Option<usize>,
    children: &[usize],
    max_w: f32,
    max_h: f32,
    min_pt: f32,
) -> Picture {
    let mut keep = children.len();
    loop {
        let mini = neighbourhood(doc, node, parent, &children[..keep]);
        let mut best: Option<Picture> = None;
        // Narrower boxes, or the children in a column, may read larger.
        for stack_leaves in [false, true] {
            for box_width in [150.0, 120.0, 100.0] {
                // Tighter than the full tree: a picture, not a plan.
                let options = TreeOptions { box_width, stack_leaves, label_width: 0.0, v_gap: 20.0, h_gap: 10.0, ..TreeOptions::default() };
                let layout = layout_tree(&mini, &options);
                let crop = bounds(&layout);
                let scale = (max_w / (crop[2] - crop[0])).min(max_h / (crop[3] - crop[1])).min(MAX_SCALE);
                if best.as_ref().is_none_or(|b| scale > b.scale + 0.01) {
                    let focus = doc.tree.nodes[node].id.clone();
                    best = Some(Picture { layout, focus, crop, scale, hidden: children.len() - keep });
                }
            }
        }
        let best = best.expect("at least one layout");
        if best.text_pt() >= min_pt || keep == 0 {
            return best;
        }
        keep -= 1;
    }
}

/// A document of the node, its parent (or the outside box it serves) and `children`, linked as in `doc`.
fn neighbourhood(doc: &Document, node: usize, parent: Option<usize>, children: &[usize]) -> Document {
    let bare = |i: usize| Node { indicators: Vec::new(), ..doc.tree.nodes[i].clone() };
    let id = doc.tree.nodes[node].id.as_str();
    let mut nodes: Vec<Node> = parent.into_iter().map(bare).collect();
    nodes.push(bare(node));
    nodes.extend(children.iter().map(|&c| bare(c)));
    let kept: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    let links = doc
        .tree
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Primary)
        .filter(|l| {
            let inside = kept.contains(&l.from.as_str()) && kept.contains(&l.to.as_str());
            // The parent of another agency, where the node has none here.
            let outside = parent.is_none() && l.from == id && l.is_external();
            inside || outside
        })
        .cloned()
        .collect::<Vec<_>>();
    let mut mini = Document::new("", doc.document.period);
    mini.tree = Tree { levels: doc.tree.levels.clone(), nodes: nodes.into(), links: links.into() };
    mini
}

fn bounds(layout: &TreeLayout) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for x in &layout.boxes {
        b = [b[0].min(x.x), b[1].min(x.y), b[2].max(x.x + x.width), b[3].max(x.y + x.height)];
    }
    if b[0] > b[2] {
        return [0.0, 0.0, 1.0, 1.0];
    }
    // Room for the outlines.
    [b[0] - 2.0, b[1] - 2.0, b[2] + 2.0, b[3] + 2.0]
}

/// Draws the picture with its top left at (`x`, `y`): the edges, then the
/// boxes, the node itself outlined in its level's colour.
pub(super) fn draw(sheet: &mut Sheet, picture: &Picture, x: f32, y: f32) {
    let s = picture.scale;
    let [cx, cy, ..] = picture.crop;
    let px = |v: f32| x + (v - cx) * s;
    let py = |v: f32| y + (v - cy) * s;
    for edge in &picture.layout.edges {
        let points: Vec<[f32; 2]> = edge.points.iter().map(|p| [px(p[0]), py(p[1])]).collect();
        let crosscutting = edge.kind == LinkKind::Crosscutting || edge.to.starts_with(crate::model::EXTERNAL_PREFIX);
        let colour = if crosscutting { theme::CROSSCUTTING } else { grey(0.45) };
        sheet.polyline(&points, colour, 0.7 * s, crosscutting);
    }
    let regular = Font::regular();
    for b in &picture.layout.boxes {
        let (bx, by, w, h) = (px(b.x), py(b.y), b.width * s, b.height * s);
        let focus = b.id == picture.focus;
        if b.external {
            sheet.rect(bx, by, w, h, Some(theme::EXTERNAL_FILL), Some((theme::CROSSCUTTING, 0.6 * s)));
        } else if focus {
            sheet.rect(bx, by, w, h, Some(grey(0.96)), Some((theme::level(b.level), 1.6 * s)));
        } else {
            sheet.rect(bx, by, w, h, Some(grey(1.0)), Some((grey(0.55), 0.5 * s)));
        }
        if !b.external {
            sheet.rect(bx, by, w, 2.5 * s, Some(theme::level(b.level)), None);
        }
        for (k, line) in b.lines.iter().enumerate() {
            let width = regular.width(line, b.font_size) * s;
            let baseline = by + (b.padding + (k as f32 + 0.8) * b.line_height) * s;
            sheet.text(bx + (w - width) / 2.0, baseline, line, b.font_size * s, false, theme::INK);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_with_many_children_keeps_readable_text_and_counts_the_rest() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let parents = doc.primary_parents();
        let children_of = |p: usize| (0..parents.len()).filter(|&c| parents[c] == Some(p)).collect::<Vec<_>>();
        let n2 = doc.node_index("n2").unwrap();
        let pic = picture(&doc, n2, parents[n2], &children_of(n2), 400.0, 240.0, 6.5);
        assert!(pic.text_pt() >= 6.5, "{}", pic.text_pt());
        assert!(pic.width() <= 400.5 && pic.height() <= 240.5);
        // The parent, the node and the children shown.
        assert_eq!(pic.layout.boxes.len(), 2 + children_of(n2).len() - pic.hidden);
        assert!(pic.layout.find("n1").is_some() && pic.layout.find("n2").is_some());
        // A root has no parent box.
        let n0 = doc.node_index("n0").unwrap();
        let root = picture(&doc, n0, None, &children_of(n0), 400.0, 240.0, 6.5);
        assert_eq!((root.layout.boxes.len(), root.hidden), (2, 0));
        let mut sheet = Sheet::new(595.0, 842.0);
        draw(&mut sheet, &root, 100.0, 100.0);
        assert!(sheet.items.iter().any(|i| matches!(i, crate::render::Item::Text { text, .. } if text.contains("Profesionalitas"))));
    }
}
