//! The contract ties together: every rule id in docs/rules.md has a module
//! in the registry and a fixture folder, and nothing else does.

mod common;

use std::collections::BTreeSet;

#[test]
fn catalogue_registry_and_fixtures_name_the_same_rules() {
    let text = std::fs::read_to_string(common::root().join("docs/rules.md")).unwrap();
    let catalogue: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(' ').next())
        .filter(|id| id.len() == 4 && id[1..].chars().all(|c| c.is_ascii_digit()))
        .map(String::from)
        .collect();
    let registry: BTreeSet<String> = pokin::validate::rules().iter().map(|r| r.id.to_string()).collect();
    let fixtures: BTreeSet<String> = std::fs::read_dir(common::root().join("tests/fixtures/rules"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(catalogue.len() >= 30, "{catalogue:?}");
    assert_eq!(registry, catalogue, "registry vs docs/rules.md");
    assert_eq!(fixtures, catalogue, "tests/fixtures/rules vs docs/rules.md");
    for rule in pokin::validate::rules() {
        let row = text.lines().find(|l| l.starts_with(&format!("| {} |", rule.id))).unwrap();
        let severity = format!("| {} |", serde_json::to_value(rule.default).unwrap().as_str().unwrap());
        assert!(row.contains(&severity), "{}: default severity differs from docs/rules.md: {row}", rule.id);
    }
}
