//! `pokin/1` JSON in and out. Reading names the JSON path of every fault;
//! writing leaves out empty keys, so JSON → model → JSON is the identity.

use crate::error::{Error, Result};
use crate::model::{Document, FORMAT};
use std::collections::HashMap;
use std::path::Path;

/// Reads a pokin/1 document. `file` names the source in error messages.
pub fn from_str(text: &str, file: &str) -> Result<Document> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let mut doc: Document = serde_path_to_error::deserialize(de).map_err(|err| {
        let place = err.path().to_string();
        let inner = err.into_inner();
        let place = if place == "." || place.is_empty() { "(awal dokumen)".to_string() } else { place };
        Error::Invalid { file: file.into(), place, message: translate_serde_error(&inner) }
    })?;
    check_structure(&mut doc).map_err(|(place, message)| Error::Invalid { file: file.into(), place, message })?;
    Ok(doc)
}

pub fn read(path: &Path) -> Result<Document> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    from_str(&text, &path.display().to_string())
}

/// Pretty JSON, two-space indent, ending in a newline.
pub fn to_string(doc: &Document) -> String {
    let mut text = serde_json::to_string_pretty(doc).expect("a document always serialises");
    text.push('\n');
    text
}

/// Canonical form for fingerprints: compact, keys in the model's fixed
/// order, and the keys of free-form `extra` objects sorted. Step numbers
/// are spelt as the first pokin/1 files spelt them (under `no`), so a
/// document's fingerprint is the same before and after schema 2. (Not
/// through `serde_json::Value`: a decision step then repeats the key `no`.)
///
/// The plan only: review data (`annotations`, worksheet `verdicts`, the
/// review team) and monitoring data (realisasi by year and quarter, their
/// notes, the budget's `spent`, the capaian settings) are left out, so
/// neither a review nor the year's realisasi changes what was signed.
pub fn canonical(doc: &Document) -> String {
    let mut doc = without_review(doc);
    doc.tree.nodes.iter_mut().for_each(crate::model::Node::strip_monitoring);
    canonical_of(doc)
}

/// The canonical form with the realisasi, as plans were fingerprinted
/// before monitoring data was left out (the capaian settings did not exist
/// then): a final version signed then still identifies.
pub fn canonical_with_monitoring(doc: &Document) -> String {
    canonical_of(without_review(doc))
}

/// What a named version keeps of the document: everything but the review
/// data (the plan, the realisasi and the capaian settings).
pub fn canonical_record(doc: &Document) -> String {
    let mut doc = doc.clone();
    doc.annotations = Default::default();
    doc.verdicts = Default::default();
    doc.review_team = Default::default();
    canonical_of(doc)
}

/// The canonical form as it was before review notes were left out: a final
/// version of a document with annotations, signed then, still identifies.
/// (Verdicts and capaian settings came later than that: never part of a fingerprint.)
pub fn canonical_with_notes(doc: &Document) -> String {
    let mut doc = doc.clone();
    doc.verdicts = Default::default();
    doc.review_team = Default::default();
    doc.monitoring = Default::default();
    canonical_of(doc)
}

fn without_review(doc: &Document) -> Document {
    let mut doc = doc.clone();
    doc.annotations = Default::default();
    doc.verdicts = Default::default();
    doc.review_team = Default::default();
    doc.monitoring = Default::default();
    doc
}

fn canonical_of(mut doc: Document) -> String {
    visit_extras(&mut doc, &mut |extra| {
        extra.sort_keys();
        extra.values_mut().for_each(serde_json::Value::sort_all_objects);
    });
    crate::model::with_legacy_numbers(|| serde_json::to_string(&doc).expect("a document always serialises"))
}

/// Calls `f` on every `extra` object of the document.
fn visit_extras(doc: &mut Document, f: &mut dyn FnMut(&mut crate::model::Extra)) {
    f(&mut doc.document.extra);
    doc.units.iter_mut().for_each(|u| f(&mut u.extra));
    doc.tree.levels.iter_mut().for_each(|l| f(&mut l.extra));
    for node in doc.tree.nodes.iter_mut() {
        f(&mut node.extra);
        f(&mut node.budget.extra);
        node.indicators.iter_mut().for_each(|i| f(&mut i.extra));
    }
    doc.tree.links.iter_mut().for_each(|l| f(&mut l.extra));
    doc.processes.map.processes.iter_mut().for_each(|p| f(&mut p.extra));
    for flow in doc.processes.flows.iter_mut() {
        f(&mut flow.extra);
        flow.steps.iter_mut().for_each(|s| f(&mut s.extra));
    }
    for annotation in doc.annotations.iter_mut() {
        f(&mut annotation.extra);
        annotation.replies.iter_mut().for_each(|r| f(&mut r.extra));
    }
    doc.verdicts.iter_mut().for_each(|v| f(&mut v.extra));
    f(&mut doc.review_team.extra);
}

/// SHA-256 of the canonical JSON, lower-case hex.
pub fn fingerprint(doc: &Document) -> String {
    sha256_hex(&canonical(doc))
}

/// The fingerprint as made before monitoring data was left out of it (equal
/// to `fingerprint` for a document without realisasi).
pub fn fingerprint_with_monitoring(doc: &Document) -> String {
    sha256_hex(&canonical_with_monitoring(doc))
}

/// The fingerprint as made before review notes were left out of it (equal
/// to `fingerprint` for a document without annotations).
pub fn fingerprint_with_notes(doc: &Document) -> String {
    sha256_hex(&canonical_with_notes(doc))
}

fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// serde's English messages, said in Indonesian.
pub fn translate_serde_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    // serde_json appends " at line L column C"; keep the place in our words.
    let (body, place) = match text.rfind(" at line ") {
        Some(i) => (&text[..i], format!(" (baris {}, kolom {})", err.line(), err.column())),
        None => (text.as_str(), String::new()),
    };
    let ticked = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    let options = |s: &str| {
        s.split_once("expected one of ")
            .map(|(_, rest)| format!(" (yang dikenal: {})", rest.replace('`', "")))
            .unwrap_or_default()
    };
    let message = if body.starts_with("unknown field") {
        format!("kunci `{}` tidak dikenal{}", ticked(body), options(body))
    } else if body.starts_with("missing field") {
        format!("kunci wajib `{}` tidak ada", ticked(body))
    } else if body.starts_with("unknown variant") {
        format!("nilai `{}` tidak dikenal{}", ticked(body), options(body))
    } else if body.starts_with("duplicate field") {
        format!("kunci `{}` ditulis dua kali", ticked(body))
    } else if let Some(rest) = body.strip_prefix("invalid type: ") {
        format!("tipe nilai salah: {}", translate_expectation(rest))
    } else if let Some(rest) = body.strip_prefix("invalid value: ") {
        format!("nilai salah: {}", translate_expectation(rest))
    } else if err.is_eof() {
        "JSON terpotong: dokumen berakhir sebelum waktunya".to_string()
    } else if err.is_syntax() {
        let said = match body {
            "expected value" => "seharusnya ada nilai di sini".to_string(),
            "trailing characters" => "ada teks sesudah akhir dokumen".to_string(),
            "key must be a string" => "kunci harus berupa teks dalam tanda kutip".to_string(),
            "trailing comma" => "ada koma berlebih".to_string(),
            "control character (\\u0000-\\u001F) found while parsing a string" => "ada karakter kendali di dalam teks".to_string(),
            other if other.starts_with("expected ") => format!("seharusnya {}", other.trim_start_matches("expected ").replace(" or ", " atau ")),
            other if other.starts_with("invalid ") => format!("tidak sah: {other}"),
            other => other.to_string(),
        };
        format!("JSON tidak sah: {said}")
    } else {
        body.to_string()
    };
    format!("{message}{place}")
}

fn translate_expectation(rest: &str) -> String {
    let rest = rest
        .replace(", expected ", ", seharusnya ")
        .replace("a string", "teks")
        .replace("string ", "teks ")
        .replace("a sequence", "daftar [ … ]")
        .replace("a map", "objek { … }")
        .replace("struct ", "objek ")
        .replace("integer ", "bilangan bulat ")
        .replace("floating point ", "bilangan ")
        .replace("usize", "bilangan bulat ≥ 0")
        .replace("i64", "bilangan bulat")
        .replace("i32", "bilangan bulat")
        .replace("u32", "bilangan bulat ≥ 0");
    rest
}

type Fault = (String, String);

/// Checks what serde cannot: the format tag, level indices, unique ids.
/// Indicators without an id get one (`i1`, `i2` … within their node).
fn check_structure(doc: &mut Document) -> std::result::Result<(), Fault> {
    if doc.format != FORMAT {
        return Err(("format".into(), format!("harus \"{FORMAT}\", bukan \"{}\"", doc.format)));
    }
    crate::model::limits::check_period(&doc.document.period).map_err(|m| ("document.period".to_string(), m))?;
    let value = serde_json::to_value(&*doc).expect("a document always serialises");
    crate::model::limits::check_sizes(&value, "")?;
    unique("units", doc.units.iter().map(|u| u.id.as_str()))?;
    unique("tree.nodes", doc.tree.nodes.iter().map(|n| n.id.as_str()))?;
    unique("processes.map.processes", doc.processes.map.processes.iter().map(|p| p.id.as_str()))?;
    unique("processes.flows", doc.processes.flows.iter().map(|f| f.id.as_str()))?;
    unique("annotations", doc.annotations.iter().map(|a| a.id.as_str()))?;
    unique("verdicts", doc.verdicts.iter().map(|v| v.id.as_str()))?;
    for (i, flow) in doc.processes.flows.iter().enumerate() {
        unique(&format!("processes.flows[{i}].steps"), flow.steps.iter().map(|s| s.id.as_str()))?;
    }
    let mut seen_links: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, link) in doc.tree.links.iter().enumerate() {
        if let Some(first) = seen_links.insert((&link.from, &link.to), i) {
            return Err((
                format!("tree.links[{i}]"),
                format!("tautan dari `{}` ke `{}` sudah ada di tree.links[{first}]", link.from, link.to),
            ));
        }
    }
    let level_count = doc.tree.levels.len();
    for i in 0..doc.tree.nodes.len() {
        let node = doc.tree.nodes.get_mut(i).expect("index in range");
        if node.level >= level_count {
            return Err((
                format!("tree.nodes[{i}].level"),
                format!(
                    "simpul `{}` ada di level {}, padahal dokumen hanya punya {} level (0–{})",
                    node.id,
                    node.level,
                    level_count,
                    level_count.saturating_sub(1)
                ),
            ));
        }
        give_indicators_ids(node);
        unique(&format!("tree.nodes[{i}].indicators"), node.indicators.iter().map(|x| x.id.as_str()))?;
    }
    Ok(())
}

fn give_indicators_ids(node: &mut crate::model::Node) {
    if node.indicators.iter().all(|x| !x.id.is_empty()) {
        return;
    }
    let mut next = 1;
    for k in 0..node.indicators.len() {
        if node.indicators[k].id.is_empty() {
            while node.indicators.iter().any(|x| x.id == format!("i{next}")) {
                next += 1;
            }
            node.indicators[k].id = format!("i{next}");
        }
    }
}

fn unique<'a>(list: &str, ids: impl Iterator<Item = &'a str>) -> std::result::Result<(), Fault> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err((format!("{list}[{i}].id"), "id kosong".into()));
        }
        if let Some(first) = seen.insert(id, i) {
            return Err((format!("{list}[{i}].id"), format!("id `{id}` sudah dipakai di {list}[{first}]")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        from_str(text, "uji.json").unwrap_err().to_string()
    }

    const MINIMAL: &str = r#"{"format":"pokin/1","document":{"title":"T","period":{"from":2025,"to":2029}},
        "tree":{"levels":[{"name":"Impact","kind":"impact"}],"nodes":[{"id":"n0","level":0,"statement":"S"}]}}"#;

    #[test]
    fn script_value_keeps_step_number_and_no_branch_apart() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let mut doc = doc.clone();
        let step = doc.processes.flows.get_mut(0).unwrap().steps.get_mut(3).unwrap();
        step.shape = crate::model::Shape::Decision;
        step.next.clear();
        step.yes = Some("s5".into());
        step.no = Some("s3".into());
        let value = serde_json::to_value(&doc).unwrap();
        let json = &value["processes"]["flows"][0]["steps"][3];
        assert_eq!(json["number"], 4);
        assert_eq!(json["no"], "s3");
        assert_eq!(value["processes"]["flows"][0]["steps"][0].get("no"), None);
        // And back: the editor sends steps in this form.
        let back: crate::model::Step = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, doc.processes.flows[0].steps[3]);
    }

    #[test]
    fn minimal_document_reads() {
        let doc = from_str(MINIMAL, "uji.json").unwrap();
        assert_eq!(doc.tree.nodes[0].statement, "S");
    }

    #[test]
    fn unknown_key_names_its_path() {
        let text = MINIMAL.replace(r#""statement":"S""#, r#""statement":"S","staement":"x""#);
        assert_eq!(
            err(&text),
            "uji.json: tree.nodes[0].staement: kunci `staement` tidak dikenal (yang dikenal: id, level, statement, phenomenon, owner, indicators, budget, extra) (baris 2, kolom 117)"
        );
    }

    #[test]
    fn wrong_type_names_its_path() {
        let text = MINIMAL.replace(r#""level":0"#, r#""level":"nol""#);
        assert!(err(&text).starts_with("uji.json: tree.nodes[0].level: tipe nilai salah: teks \"nol\""), "{}", err(&text));
    }

    #[test]
    fn missing_required_key() {
        let text = MINIMAL.replace(r#","statement":"S""#, "");
        assert!(err(&text).starts_with("uji.json: tree.nodes[0]: kunci wajib `statement` tidak ada"), "{}", err(&text));
    }

    #[test]
    fn level_out_of_range() {
        let text = MINIMAL.replace(r#""level":0"#, r#""level":3"#);
        assert_eq!(
            err(&text),
            "uji.json: tree.nodes[0].level: simpul `n0` ada di level 3, padahal dokumen hanya punya 1 level (0–0)"
        );
    }

    #[test]
    fn duplicate_ids() {
        let text = MINIMAL.replace(
            r#"{"id":"n0","level":0,"statement":"S"}"#,
            r#"{"id":"n0","level":0,"statement":"S"},{"id":"n0","level":0,"statement":"T"}"#,
        );
        assert_eq!(err(&text), "uji.json: tree.nodes[1].id: id `n0` sudah dipakai di tree.nodes[0]");
    }

    #[test]
    fn wrong_format_tag() {
        assert_eq!(err(&MINIMAL.replace("pokin/1", "pokin/9")), "uji.json: format: harus \"pokin/1\", bukan \"pokin/9\"");
    }

    #[test]
    fn broken_json() {
        assert!(err(r#"{"format": "#).contains("JSON terpotong"));
    }

    #[test]
    fn extra_is_kept_verbatim() {
        let text = MINIMAL.replace(r#""statement":"S""#, r#""statement":"S","extra":{"z":1,"a":{"b":[1,"x"]}}"#);
        let doc = from_str(&text, "uji.json").unwrap();
        assert!(to_string(&doc).contains(r#""z": 1"#));
        assert_eq!(doc.tree.nodes[0].extra["a"]["b"][1], "x");
    }
}
