//! The invariants of ARCHITECTURE.md that a test can check by reading the
//! code: what is deliberately absent.

mod common;

use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("node_modules") && !path.ends_with("dist") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| ext.iter().any(|x| e == *x)) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Lines of the non-test code under `dir` that contain `needle`.
fn mentions(dir: &str, ext: &[&str], needle: &str) -> Vec<String> {
    files(&common::root().join(dir), ext)
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains(".test."))
        .flat_map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // Rust unit tests sit at the end of a file, after `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            code.lines()
                .enumerate()
                .filter(|(_, l)| l.contains(needle))
                .map(|(i, l)| format!("{}:{}: {}", p.display(), i + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_core_never_mentions_tauri() {
    // Comments may name the shell's folder; code may not use it.
    let found: Vec<String> = mentions("src", &["rs"], "tauri")
        .into_iter()
        .filter(|l| !l.split(": ").nth(1).unwrap_or("").starts_with("//"))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn views_read_content_from_the_document_not_from_wrapped_lines() {
    // Joining a layout's wrapped lines back into one text is how a view
    // would read content from geometry (the F2 bug of issue #9); drawing
    // them one per line ("\n") is what they are for.
    let found: Vec<String> = mentions("ui/src", &["ts", "tsx"], "lines.join(")
        .into_iter()
        .filter(|l| !l.contains(r#"lines.join("\n")"#))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_page_takes_primary_parents_from_the_core() {
    // The editor's tree index reads the document view's `parents`
    // (Document::primary_parents); no link decides a parent on the page.
    let found: Vec<String> = mentions("ui/src", &["ts", "tsx"], "parent.set(").into_iter().filter(|l| l.contains("link")).collect();
    assert!(found.is_empty(), "{found:#?}");
    let model = std::fs::read_to_string(common::root().join("ui/src/model.ts")).unwrap();
    assert!(model.contains("view.parents[n.id]"), "ui/src/model.ts no longer reads the core's parents");
}

#[test]
fn the_page_names_no_file_to_write_and_gets_no_file_system() {
    let caps = std::fs::read_to_string(common::root().join("src-tauri/capabilities/default.json")).unwrap();
    for forbidden in ["dialog:", "fs:", "shell:", "http:"] {
        assert!(!caps.contains(forbidden), "capability {forbidden} granted to the page");
    }
    let found = mentions("ui/src", &["ts", "tsx"], "plugin-dialog");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_file_keeps_no_wal_beside_it() {
    let found: Vec<String> = mentions("src/store", &["rs"], "journal_mode").into_iter().filter(|l| l.contains("WAL")).collect();
    let configure = std::fs::read_to_string(common::root().join("src/store/schema.rs")).unwrap();
    assert!(configure.contains(r#"pragma_update(None, "journal_mode", "DELETE")"#));
    assert!(found.iter().all(|l| l.trim_start().contains("//")), "{found:#?}");
}
