//! Helpers shared by the integration tests.
#![allow(dead_code)]

use pokin::interchange::json;
use pokin::model::Document;
use serde_json::Value;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample documents shipped in assets/samples.
pub fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("assets/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The real trees in ../shared/real, where that folder is present.
pub fn real_trees() -> Vec<PathBuf> {
    let dir = root().join("../shared/real");
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    files
}

pub fn read(path: &std::path::Path) -> Document {
    json::read(path).unwrap_or_else(|e| panic!("{e}"))
}

/// JSON with empty optional keys (null, "", [], {}) removed, recursively:
/// the spec's notion of "the same document".
pub fn without_empty(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    // `extra` is kept verbatim.
                    if k == "extra" { (k, v) } else { (k, without_empty(v)) }
                })
                .filter(|(_, v)| !is_empty(v))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_empty).collect()),
        other => other,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Runs the `pokin` command line.
pub fn pokin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_pokin")).args(args).output().unwrap()
}

/// Runs `pokin`, which must succeed; its standard output.
pub fn ok(args: &[&str]) -> String {
    let o = pokin(args);
    assert!(o.status.success(), "{args:?}: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs a helper program (pdftotext, pdfinfo …), which must succeed; its standard output.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(name).args(args).output().unwrap_or_else(|e| panic!("{name}: {e} (scripts/setup installs poppler-utils)"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A path as the command line takes it.
pub fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}
