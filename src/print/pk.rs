//! The Perjanjian Kinerja (Permenpan RB 53/2014) of one unit for one year.

use super::{Drawn, PageSetup, PrintOptions};
use crate::model::Document;
use crate::render::Provenance;

pub(super) fn compose_pk(
    doc: &Document,
    unit: &str,
    _options: &PrintOptions,
    _provenance: &Provenance,
    page: &PageSetup,
    _printed: &str,
) -> Drawn {
    super::missing(doc, page, format!("Perjanjian Kinerja unit `{unit}` belum tersedia."))
}
