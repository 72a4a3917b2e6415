//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod mutation;

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
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    files
}

/// Every tree: the samples and, where present, the real ones.
pub fn all_trees() -> Vec<PathBuf> {
    let mut all = samples();
    all.extend(real_trees());
    all
}

/// A file's name without its extension, for messages.
pub fn stem(path: &std::path::Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
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
                    if k == "extra" {
                        (k, v)
                    } else {
                        (k, without_empty(v))
                    }
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
    let out = std::process::Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (scripts/setup installs poppler-utils)"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A path as the command line takes it.
pub fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// One line of text as a reader finds it in a PDF (pdftotext -bbox-layout).
#[derive(Debug, Clone)]
pub struct PdfLine {
    /// 1-based.
    pub page: usize,
    pub text: String,
    /// The text size on paper, in points, from the line's height.
    pub size_pt: f32,
    /// [x0, y0, x1, y1] in points from the page's top left.
    pub bbox: [f32; 4],
}

/// A line's height over its text size for the embedded Noto Sans (ascent
/// 1.069 − descent −0.293, as poppler measures the box).
const LINE_BOX_PER_PT: f32 = 1.362;

/// Every text line of a PDF with its size on paper, read from the file itself.
pub fn pdf_lines(pdf: &std::path::Path) -> Vec<PdfLine> {
    let xml = tool("pdftotext", &["-bbox-layout", s(pdf), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).unwrap() + key.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut lines = Vec::new();
    let mut page = 0;
    let mut current: Option<PdfLine> = None;
    for raw in xml.lines().map(str::trim) {
        if raw.starts_with("<page ") {
            page += 1;
        } else if raw.starts_with("<line ") {
            let bbox = [attr(raw, "xMin"), attr(raw, "yMin"), attr(raw, "xMax"), attr(raw, "yMax")];
            current = Some(PdfLine { page, text: String::new(), size_pt: (bbox[3] - bbox[1]) / LINE_BOX_PER_PT, bbox });
        } else if raw.starts_with("<word ") {
            if let Some(line) = current.as_mut() {
                let word = raw.split_once('>').unwrap().1.trim_end_matches("</word>");
                let word =
                    word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
                if !line.text.is_empty() {
                    line.text.push(' ');
                }
                line.text.push_str(&word);
            }
        } else if raw.starts_with("</line>") {
            lines.extend(current.take());
        }
    }
    lines
}

/// The smallest size (pt) of the lines that print a statement of `doc`,
/// per page (1-based index into the result + 1); a page without a statement
/// gives `f32::INFINITY`. Lines are matched against the statements without
/// white space, so wrapped and hyphenated pieces count.
pub fn smallest_statement_pt(pdf: &std::path::Path, doc: &Document) -> Vec<f32> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect::<String>();
    let statements: Vec<String> = doc.tree.nodes.iter().map(|n| squeeze(&n.statement)).collect();
    let lines = pdf_lines(pdf);
    let pages = lines.iter().map(|l| l.page).max().unwrap_or(0);
    let mut smallest = vec![f32::INFINITY; pages];
    for line in &lines {
        let text = squeeze(&line.text);
        // Short pieces ("ASN") could be anything; notes start with their label.
        if text.chars().count() < 8 || ["IK:", "PJ:", "Target"].iter().any(|p| line.text.starts_with(p)) {
            continue;
        }
        if statements.iter().any(|s| s.contains(&text)) {
            smallest[line.page - 1] = smallest[line.page - 1].min(line.size_pt);
        }
    }
    smallest
}
