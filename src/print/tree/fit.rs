//! The whole tree on one sheet: the layout that reads largest, the legend
//! and the signature under it; when the text stays too small, a warning
//! says concretely what would read better (the sheet turned, or Cetak per
//! cabang).

use super::{best_layout, branches, draw_tree, paper_name, pt, tree_area, tree_options, Ctx, Fitted, Place, SIGNATURE_STRIP};
use crate::print::furniture::{draw_header, draw_legend, draw_signature, FOOTER_H, HEADER_H, SIGNATURE_H, SIGNATURE_W};
use crate::print::{Drawn, PageSetup};
use crate::render::Sheet;

/// Statement text below this is hard to read on paper.
pub(super) const READABLE_PT: f32 = 6.0;

/// A fit sheet's tree is never drawn larger than this.
const MAX_SCALE: f32 = 1.5;

pub(super) fn compose(ctx: &Ctx) -> Drawn {
    let fitted = fit(ctx, ctx.page);
    let sheet = draw(ctx, &fitted);
    let mut warnings = Vec::new();
    let statement = fitted.statement_pt();
    if statement < READABLE_PT {
        warnings.extend(better(ctx, statement));
    }
    (vec![sheet], warnings, fitted.smallest_pt())
}

/// The whole tree laid out for one sheet of `page`.
fn fit(ctx: &Ctx, page: &PageSetup) -> Fitted {
    best_layout(ctx.doc, &tree_options(ctx.options), ctx.options.layout, tree_area(page, 0.0, SIGNATURE_STRIP), MAX_SCALE)
}

/// What reads better than `statement` pt: the sheet turned, or one sheet per branch.
fn better(ctx: &Ctx, statement: f32) -> Option<String> {
    let here = paper_name(ctx.options, ctx.page);
    let turned = PageSetup { width: ctx.page.height, height: ctx.page.width, margin: ctx.page.margin };
    let mut offers = Vec::new();
    let turned_pt = fit(ctx, &turned).statement_pt();
    if turned_pt > statement * 1.05 {
        offers.push((turned_pt, format!("kertas {} memberi teks {} pt pada satu lembar", paper_name(ctx.options, &turned), pt(turned_pt))));
    }
    for page in [ctx.page, &turned] {
        if let Some(plan) = branches::plan(ctx, page, None) {
            let branch_pt = plan.statement_pt();
            if branch_pt > statement * 1.05 {
                offers.push((
                    branch_pt,
                    format!(
                        "Cetak per cabang pada {} memberi teks {} pt ({} lembar)",
                        paper_name(ctx.options, page),
                        pt(branch_pt),
                        plan.sheet_count()
                    ),
                ));
            }
        }
    }
    if offers.is_empty() {
        return None;
    }
    offers.sort_by(|a, b| b.0.total_cmp(&a.0));
    let offers: Vec<String> = offers.into_iter().map(|(_, o)| o).collect();
    let mut said = offers.join("; ");
    if let Some(first) = said.get(..1) {
        said = first.to_uppercase() + &said[1..];
    }
    Some(format!("Pada {here} teks pernyataan hanya {} pt. {said}.", pt(statement)))
}

/// The sheet: header, the tree centred under it, legend and signature below.
fn draw(ctx: &Ctx, fitted: &Fitted) -> Sheet {
    let page = ctx.page;
    let (pw, ph, margin) = (page.width, page.height, page.margin);
    let (area_w, _) = tree_area(page, 0.0, SIGNATURE_STRIP);
    let scale = fitted.scale;
    let mut sheet = Sheet::new(pw, ph);
    draw_header(&mut sheet, ctx.doc, margin, "");
    let place = Place { dx: margin + (area_w - fitted.layout.width * scale) / 2.0, dy: margin + HEADER_H, scale, level_shift: 0 };
    draw_tree(&mut sheet, &fitted.layout, place, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], &ctx.badges, &ctx.agreements);
    let sig_y = ph - margin - FOOTER_H - SIGNATURE_H;
    draw_signature(&mut sheet, ctx.doc, pw - margin - SIGNATURE_W, sig_y, ctx.provenance);
    if ctx.options.legend {
        draw_legend(&mut sheet, margin, sig_y + 10.0, &ctx.categories());
    }
    sheet
}
