//! The TypeScript types of what the core sends to and takes from a front
//! end, generated from the Rust types themselves (ts-rs), so the two cannot
//! drift apart: the document model, the edits (`Op`), the report, the
//! layouts a view draws, the print request and its preview, the named
//! versions. The desktop shell adds its own reply types and writes them all
//! to `ui/src/generated/`; a test there fails when the committed files are
//! not what these types give (`scripts/gen-types` writes them again).

use crate::edit::Op;
use crate::layout::flow::FlowLayout;
use crate::layout::processes::ProcessMapLayout;
use crate::layout::relations::RelationsLayout;
use crate::layout::TreeLayout;
use crate::model::Document;
use crate::print::{Preview, PrintRequest};
use crate::store::Snapshot;
use crate::validate::Report;
use ts_rs::{Config, ExportError, TS};

/// How the types are written: 64-bit integers (a budget in rupiah, a
/// history number) are plain numbers in JSON, so `number` in TypeScript.
pub fn config(dir: &std::path::Path) -> Config {
    Config::new().with_out_dir(dir).with_large_int("number")
}

/// Writes the core's types that cross to a front end, each with the types
/// it uses, one file per type into the configured folder.
pub fn export(cfg: &Config) -> Result<(), ExportError> {
    Document::export_all(cfg)?;
    Op::export_all(cfg)?;
    Report::export_all(cfg)?;
    TreeLayout::export_all(cfg)?;
    ProcessMapLayout::export_all(cfg)?;
    FlowLayout::export_all(cfg)?;
    RelationsLayout::export_all(cfg)?;
    PrintRequest::export_all(cfg)?;
    Preview::export_all(cfg)?;
    Snapshot::export_all(cfg)?;
    crate::worksheet::Worksheet::export_all(cfg)?;
    Ok(())
}
