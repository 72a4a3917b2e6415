//! The TypeScript types of the bridge, generated from the Rust types
//! (ts-rs) into `ui/src/generated/`: the core's (`pokin::contract`) and the
//! shell's own — the commands' arguments and replies. A document view and
//! an edit's reply are written as JSON by hand (`view_json`, for speed):
//! their shapes are the structs below, and the tests read real replies
//! into them (unknown keys refused), so they cannot drift from the writer.
//!
//! `generated_types_are_committed` fails when the committed files are not
//! what these types give; `scripts/gen-types` writes them again.

use crate::wire::{DocumentDelta, Numbered, ReportDelta, TreeDelta};
use crate::{RuleInfo, SampleInfo, Screen, ShownFlow};
use pokin::layout::processes::ProcessMapLayout;
use pokin::layout::relations::RelationsLayout;
use pokin::layout::TreeLayout;
use pokin::model::Document;
use pokin::monitoring::{CapaianReport, IndicatorCapaian};
use pokin::validate::Report;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;
use ts_rs::{ExportError, TS};

/// An open document as the page gets it (opening, a new document, a
/// sample, save as, final, draft).
// The fields are the shape: serde reads them, nothing else needs to.
#[allow(dead_code)]
#[derive(Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentView {
    path: String,
    /// Why the file is read-only (e.g. made by a newer version), or null.
    read_only: Option<String>,
    can_undo: bool,
    can_redo: bool,
    #[ts(as = "Report")]
    report: Value,
    /// The number the shell gave this document: an edit's reply carries the changes since it.
    doc_seq: u64,
    #[ts(as = "Document")]
    document: Value,
    /// Each node's primary parent (node id → parent id; a node without one
    /// is not listed): the core's `Document::primary_parents`.
    parents: std::collections::BTreeMap<String, String>,
}

/// The reply to an edit, undo or redo: the document whole or as the
/// changes since the page's copy (`document_delta`; then the report only
/// where it changed, whole or as `report_delta`), and the layout of what
/// the screen shows.
// The fields are the shape: serde reads them, nothing else needs to.
#[allow(dead_code)]
#[derive(Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditedView {
    path: String,
    read_only: Option<String>,
    can_undo: bool,
    can_redo: bool,
    #[serde(default)]
    #[ts(as = "Option<Report>", optional)]
    report: Option<Value>,
    #[serde(default)]
    #[ts(as = "Option<ReportDelta<'static>>", optional)]
    report_delta: Option<Value>,
    #[serde(default)]
    #[ts(optional)]
    doc_seq: Option<u64>,
    #[serde(default)]
    #[ts(as = "Option<Document>", optional)]
    document: Option<Value>,
    /// With `document`: each node's primary parent (as in `DocumentView`).
    #[serde(default)]
    #[ts(optional)]
    parents: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default)]
    #[ts(as = "Option<DocumentDelta<'static>>", optional)]
    document_delta: Option<Value>,
    #[ts(as = "ShownReply")]
    shown: Value,
}

/// The layout of the view on screen after an edit: one of these, or none
/// where that view is gone (a deleted flow or map parent).
// The fields are the shape: serde reads them, nothing else needs to.
#[allow(dead_code)]
#[derive(Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(rename = "Shown")]
pub(crate) struct ShownReply {
    #[serde(default)]
    #[ts(as = "Option<Numbered<'static, TreeLayout>>", optional)]
    tree: Option<Value>,
    #[serde(default)]
    #[ts(as = "Option<TreeDelta<'static>>", optional)]
    tree_delta: Option<Value>,
    #[serde(default)]
    #[ts(as = "Option<ProcessMapLayout>", optional)]
    map: Option<Value>,
    #[serde(default)]
    #[ts(as = "Option<ShownFlow>", optional)]
    flow: Option<Value>,
    #[serde(default)]
    #[ts(as = "Option<RelationsLayout>", optional)]
    relations: Option<Value>,
    /// With the tree in the capaian view (`Screen::Tree`'s `capaian`): that year's monitoring.
    #[serde(default)]
    #[ts(as = "Option<CapaianReport>", optional)]
    capaian: Option<Value>,
}

/// Writes every type of the bridge, one file per type, and `index.ts`
/// re-exporting them all, into `dir`.
pub(crate) fn export(dir: &Path) -> Result<(), ExportError> {
    let cfg = pokin::contract::config(dir);
    pokin::contract::export(&cfg)?;
    DocumentView::export_all(&cfg)?;
    EditedView::export_all(&cfg)?;
    Screen::export_all(&cfg)?;
    SampleInfo::export_all(&cfg)?;
    crate::Printed::export_all(&cfg)?;
    RuleInfo::export_all(&cfg)?;
    Numbered::<TreeLayout>::export_all(&cfg)?;
    // The monitoring (capaian_report, capaian_preview, an edit's reply in the capaian view).
    CapaianReport::export_all(&cfg)?;
    IndicatorCapaian::export_all(&cfg)?;
    crate::review::export(&cfg)?;
    crate::spreadsheet::export(&cfg)?;
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ts").map(str::to_string))
        .collect();
    names.sort();
    let mut index = String::from("// The types of the bridge, generated from the Rust types (scripts/gen-types). Do not edit.\n");
    for name in names {
        index.push_str(&format!("export type {{ {name} }} from \"./{name}\";\n"));
    }
    std::fs::write(dir.join("index.ts"), index)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;
    use crate::{edited, view_json};
    use pokin::store::DocFile;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/generated")
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pokin-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn read_all(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The drift check. With POKIN_WRITE_TYPES=1 (scripts/gen-types) it
    /// writes the files instead.
    #[test]
    fn generated_types_are_committed() {
        let fresh = temp_dir("types");
        export(&fresh).unwrap();
        let want = read_all(&fresh);
        let committed = committed_dir();
        if std::env::var("POKIN_WRITE_TYPES").is_ok_and(|v| v == "1") {
            let _ = std::fs::remove_dir_all(&committed);
            std::fs::create_dir_all(&committed).unwrap();
            for (name, text) in &want {
                std::fs::write(committed.join(name), text).unwrap();
            }
        }
        let have = read_all(&committed);
        let _ = std::fs::remove_dir_all(&fresh);
        let mut drift = Vec::new();
        for (name, text) in &want {
            match have.get(name) {
                None => drift.push(format!("missing: {name}")),
                Some(old) if old != text => drift.push(format!("differs: {name}")),
                Some(_) => {}
            }
        }
        drift.extend(have.keys().filter(|name| !want.contains_key(*name)).map(|name| format!("not generated: {name}")));
        assert!(
            drift.is_empty(),
            "ui/src/generated/ is not what the Rust types give ({}).\nRun scripts/gen-types and commit ui/src/generated/.",
            drift.join(", ")
        );
    }

    fn sample_file(dir: &Path) -> DocFile {
        let sample = pokin::samples::ALL.iter().find(|s| s.key.contains("lumajang")).expect("the Lumajang sample");
        DocFile::create(&dir.join("doc.pokin"), &sample.document()).unwrap()
    }

    /// Real replies read into the reply types: a key the writer adds, drops
    /// or renames fails here.
    #[test]
    fn replies_have_the_shapes_of_their_types() {
        let dir = temp_dir("replies");
        let mut file = sample_file(&dir);
        let session = Session::default();
        let json = view_json(&file, &mut session.sent.lock().unwrap(), pokin::validate::validate(file.document()), None, &[]);
        let view: DocumentView = serde_json::from_str(&json).unwrap();
        assert!(view.document.get("tree").is_some());

        let doc = file.document().clone();
        let flow = doc.processes.flows[0].id.clone();
        let process = doc.processes.map.processes[0].id.clone();
        let screens = [
            (Screen::Tree { collapsed: vec![], compact: None, capaian: None }, "tree"),
            (Screen::Tree { collapsed: vec![], compact: None, capaian: None }, "tree_delta"),
            (Screen::Map { parent: None, width: 800.0, height: 600.0 }, "map"),
            (Screen::Map { parent: Some(process), width: 800.0, height: 600.0 }, "map"),
            (Screen::Flow { flow: Some(flow), width: 800.0 }, "flow"),
            (Screen::Relations, "relations"),
        ];
        for (screen, key) in screens {
            let node = &doc.tree.nodes[0];
            let mut changed = node.clone();
            changed.statement.push('.');
            let from = file.head();
            let changes = file.apply(&pokin::edit::Op::UpdateNode { node: changed }).unwrap().map(|a| a.changes).unwrap_or_default();
            let reply = edited(&session, &file, screen, crate::wire::Edit { from, changes: &changes }).unwrap();
            let reply: EditedView = serde_json::from_slice(&reply_bytes(reply)).unwrap();
            let shown: ShownReply = serde_json::from_value(reply.shown).unwrap();
            let present = [
                ("tree", shown.tree.is_some()),
                ("tree_delta", shown.tree_delta.is_some()),
                ("map", shown.map.is_some()),
                ("flow", shown.flow.is_some()),
                ("relations", shown.relations.is_some()),
            ];
            assert_eq!(present.iter().filter(|(_, p)| *p).map(|(k, _)| *k).collect::<Vec<_>>(), vec![key]);
            assert!(shown.capaian.is_none(), "the report only with the capaian view");
            file.undo().unwrap();
        }
        drop(file);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The capaian view: a realisasi typed in the monitoring table comes back
    /// as the year's report and the boxes whose colour and lines changed.
    #[test]
    fn an_edit_in_the_capaian_view_carries_the_report_and_the_changed_boxes() {
        let dir = temp_dir("capaian");
        let sample = pokin::samples::find("waykanan-bkpsdm").expect("the Way Kanan sample");
        let mut file = DocFile::create(&dir.join("doc.pokin"), &sample.document()).unwrap();
        let session = Session::default();
        view_json(&file, &mut session.sent.lock().unwrap(), pokin::validate::validate(file.document()), None, &[]);
        let screen = || Screen::Tree { collapsed: vec![], compact: None, capaian: Some(2024) };
        let edit = |file: &mut DocFile, op: &str| -> (ShownReply, serde_json::Value) {
            let from = file.head();
            let op: pokin::edit::Op = serde_json::from_str(op).unwrap();
            let changes = file.apply(&op).unwrap().map(|a| a.changes).unwrap_or_default();
            let reply = edited(&session, file, screen(), crate::wire::Edit { from, changes: &changes }).unwrap();
            let reply: EditedView = serde_json::from_slice(&reply_bytes(reply)).unwrap();
            let raw = reply.shown.clone();
            (serde_json::from_value(reply.shown).unwrap(), raw)
        };
        // The first reply: the whole layout, with the report.
        let (shown, _) = edit(&mut file, r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"value":"60"}"#);
        assert!(shown.tree.is_some());
        let core = serde_json::to_value(pokin::monitoring::report(file.document(), 2024)).unwrap();
        assert_eq!(shown.capaian, Some(core), "the core's report, as it writes it");
        // Then 80 of 64: 125 %, the best category; only the boxes that changed travel, with their fill and notes.
        let (shown, raw) = edit(&mut file, r#"{"op":"set_realisasi","node":"n3","indicator":"i3","year":2024,"value":"80"}"#);
        let delta = shown.tree_delta.expect("the tree as changes");
        let items = delta["boxes"]["items"].as_array().unwrap();
        let n3 = items.iter().find(|i| i[0] == "n3").expect("box n3 changed");
        assert_eq!(n3[1]["fill"], "#1e7b34");
        assert!(n3[1]["notes"][0].as_str().unwrap().starts_with("Capaian 2024: 125 %"), "{}", n3[1]["notes"]);
        assert!(items.len() < file.document().tree.nodes.len(), "not every box");
        let ind = raw["capaian"]["indicators"].as_array().unwrap().iter().find(|c| c["node"] == "n3" && c["indicator"] == "i3").cloned().unwrap();
        assert!((ind["capaian"].as_f64().unwrap() - 125.0).abs() < 1e-9);
        assert_eq!(ind["target_source"], "renstra");
        drop(file);
        let _ = std::fs::remove_dir_all(&dir);
    }


    fn reply_bytes(response: tauri::ipc::Response) -> Vec<u8> {
        match tauri::ipc::IpcResponse::body(response).unwrap() {
            tauri::ipc::InvokeResponseBody::Json(json) => json.into_bytes(),
            tauri::ipc::InvokeResponseBody::Raw(bytes) => bytes,
        }
    }
}
