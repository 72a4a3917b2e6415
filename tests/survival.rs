//! Every entry point survives any document the reader accepts (issue #9):
//! a mutation run over the samples — links rewired into cycles and
//! self-loops, parents that do not exist, levels out of order, targets of
//! odd years, lanes and steps pointing nowhere — each mutant read back
//! through the pokin/1 reader, then validated, laid out and printed in
//! every view. A mutant the reader refuses is fine; a panic or a hang is not.

mod common;

use pokin::interchange::json;
use pokin::model::*;
use pokin::render::{print_tree, Paper, PrintMode, PrintOptions, Provenance, View};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn primary(from: String, to: String) -> Link {
    Link { from, to, kind: LinkKind::Primary, rationale: String::new(), serves: None, agreement: None, extra: Default::default() }
}

fn mutate(doc: &mut Document, rng: &mut StdRng) {
    let ids: Vec<String> = doc.tree.nodes.iter().map(|n| n.id.clone()).collect();
    if ids.is_empty() {
        return;
    }
    let pick = |rng: &mut StdRng| ids[rng.gen_range(0..ids.len())].clone();
    for _ in 0..rng.gen_range(1..6) {
        match rng.gen_range(0..7) {
            // A primary link anywhere (cycles, self-loops, second parents).
            0 => {
                let (from, to) = (pick(rng), pick(rng));
                if !doc.tree.links.iter().any(|l| l.from == from && l.to == to) {
                    doc.tree.links.push(primary(from, to));
                }
            }
            // A link to a node that does not exist.
            1 => {
                let from = pick(rng);
                doc.tree.links.push(primary(from, "tidak-ada".into()));
            }
            // A level out of order (within the scheme).
            2 => {
                let levels = doc.tree.levels.len();
                let i = rng.gen_range(0..doc.tree.nodes.len());
                doc.tree.nodes.get_mut(i).unwrap().level = rng.gen_range(0..levels);
            }
            // Targets of years far outside the period.
            3 => {
                let i = rng.gen_range(0..doc.tree.nodes.len());
                let node = doc.tree.nodes.get_mut(i).unwrap();
                if let Some(ind) = node.indicators.first_mut() {
                    ind.targets.insert(rng.gen_range(1..3000), Value::Number(rng.gen_range(-5..500).into()));
                }
            }
            // A long statement without spaces.
            4 => {
                let i = rng.gen_range(0..doc.tree.nodes.len());
                doc.tree.nodes.get_mut(i).unwrap().statement = "X".repeat(rng.gen_range(0..3000));
            }
            // Steps that lead nowhere or to themselves, lanes that are not units.
            5 => {
                for flow in doc.processes.flows.iter_mut() {
                    let ids: Vec<String> = flow.steps.iter().map(|s| s.id.clone()).collect();
                    if let Some(step) = flow.steps.iter_mut().next() {
                        step.next = vec![ids.last().cloned().unwrap_or_default(), step.id.clone(), "hilang".into()];
                        step.lane = "bukan-unit".into();
                    }
                }
            }
            // A node deleted without its links.
            _ => {
                if doc.tree.nodes.len() > 1 {
                    let i = rng.gen_range(0..doc.tree.nodes.len());
                    doc.tree.nodes.remove(i);
                }
            }
        }
    }
}

fn views(doc: &Document) -> Vec<View> {
    let mut views = vec![View::Tree, View::Processes, View::Relations];
    views.extend(doc.processes.flows.iter().map(|f| View::Flow(f.id.clone())));
    views.extend(doc.processes.map.processes.iter().map(|p| View::SubProcesses(p.id.clone())).take(2));
    views
}

#[test]
fn mutants_of_the_samples_are_read_validated_laid_out_and_printed() {
    let trials: usize = std::env::var("POKIN_TRIALS").ok().and_then(|t| t.parse().ok()).unwrap_or(6);
    let mut rng = StdRng::seed_from_u64(9);
    let mut printed = 0;
    for path in common::samples() {
        let original = common::read(&path);
        for _ in 0..trials {
            let mut doc = original.clone();
            mutate(&mut doc, &mut rng);
            let Ok(doc) = json::from_str(&json::to_string(&doc), "mutan.json") else { continue };
            let report = pokin::validate::validate(&doc);
            assert!(report.findings.iter().all(|f| f.rule != "internal"), "{}: a rule panicked", path.display());
            pokin::layout::layout_tree(&doc, &Default::default());
            let fingerprint = json::fingerprint(&doc);
            let provenance = Provenance { fingerprint: &fingerprint, final_name: None };
            for view in views(&doc) {
                for mode in [PrintMode::Fit, PrintMode::Poster { scale: 1.0 }] {
                    let options = PrintOptions {
                        view: view.clone(),
                        paper: Paper::parse("A3").unwrap(),
                        landscape: true,
                        mode,
                        indicators: true,
                        years: vec![doc.document.period.from, doc.document.period.to],
                        numbering: true,
                        ..PrintOptions::default()
                    };
                    let printout = print_tree(&doc, &provenance, &options);
                    assert!(printout.pages >= 1);
                    printed += 1;
                }
            }
        }
    }
    assert!(printed > 100, "{printed} printouts");
}
