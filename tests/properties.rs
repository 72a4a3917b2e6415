//! Property tests: random edit sequences undo back to the start (and redo
//! forward again, across reopen); random documents survive the JSON round
//! trip.

mod common;

use pokin::compare::{merge, Choice, MergeReport};
use pokin::edit::Op;
use pokin::interchange::json;
use pokin::model::*;
use pokin::store::DocFile;
use proptest::prelude::*;

/// An edit with its targets chosen by index, resolved against the document
/// at the time it runs (so every sequence means something).
#[derive(Debug, Clone)]
enum Action {
    AddChild { parent: usize, text: String },
    AddRoot { text: String },
    Update { node: usize, text: String },
    Delete { node: usize },
    Move { node: usize, parent: usize },
    Reorder { node: usize, before: usize },
    AddIndicator { node: usize, name: String, target: f64 },
    DeleteIndicator { node: usize },
    AddUnit { name: String },
    DeleteUnit { unit: usize },
    Owner { node: usize, unit: usize },
    Crosscut { from: usize, to: usize },
    DeleteLink { link: usize },
    AddStep { text: String, lane: usize, before: usize },
    DeleteStep { step: usize },
    MoveStep { step: usize, before: usize },
    AddProcess { name: String, node: usize },
    Annotate { node: usize, text: String },
    SetRule { rule: usize, off: bool },
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Meningkatnya Profesionalitas ASN".to_string()),
        Just("Tersedianya data kepegawaian".to_string()),
        "[A-Za-z ]{0,20}",
        "\\PC{0,12}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let i = || 0usize..64;
    prop_oneof![
        (i(), text()).prop_map(|(parent, text)| Action::AddChild { parent, text }),
        text().prop_map(|text| Action::AddRoot { text }),
        (i(), text()).prop_map(|(node, text)| Action::Update { node, text }),
        i().prop_map(|node| Action::Delete { node }),
        (i(), i()).prop_map(|(node, parent)| Action::Move { node, parent }),
        (i(), i()).prop_map(|(node, before)| Action::Reorder { node, before }),
        (i(), text(), -1e6f64..1e6).prop_map(|(node, name, target)| Action::AddIndicator { node, name, target }),
        i().prop_map(|node| Action::DeleteIndicator { node }),
        text().prop_map(|name| Action::AddUnit { name }),
        i().prop_map(|unit| Action::DeleteUnit { unit }),
        (i(), i()).prop_map(|(node, unit)| Action::Owner { node, unit }),
        (i(), i()).prop_map(|(from, to)| Action::Crosscut { from, to }),
        i().prop_map(|link| Action::DeleteLink { link }),
        (text(), i(), i()).prop_map(|(text, lane, before)| Action::AddStep { text, lane, before }),
        i().prop_map(|step| Action::DeleteStep { step }),
        (i(), i()).prop_map(|(step, before)| Action::MoveStep { step, before }),
        (text(), i()).prop_map(|(name, node)| Action::AddProcess { name, node }),
        (i(), text()).prop_map(|(node, text)| Action::Annotate { node, text }),
        (0usize..35, any::<bool>()).prop_map(|(rule, off)| Action::SetRule { rule, off }),
    ]
}

fn pick<T>(list: &[T], i: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

fn to_op(doc: &Document, action: &Action) -> Option<Op> {
    let nodes = &doc.tree.nodes;
    let node = |i| pick(nodes, i).map(|n: &Node| n.id.clone());
    Some(match action.clone() {
        Action::AddChild { parent, text } => {
            Op::AddNode { node: Node { statement: text, ..Default::default() }, parent: Some(node(parent)?), before: None }
        }
        Action::AddRoot { text } => Op::AddNode { node: Node { statement: text, ..Default::default() }, parent: None, before: None },
        Action::Update { node: i, text } => {
            let mut n = pick(nodes, i)?.clone();
            n.statement = text;
            Op::UpdateNode { node: n }
        }
        Action::Delete { node: i } => Op::DeleteNode { id: node(i)? },
        Action::Move { node: i, parent } => Op::MoveNode { id: node(i)?, parent: Some(node(parent)?), before: None },
        Action::Reorder { node: i, before } => Op::MoveNode { id: node(i)?, parent: None, before: Some(node(before)?) },
        Action::AddIndicator { node: i, name, target } => {
            let mut indicator = Indicator { name, unit: "Persen".into(), ..Default::default() };
            indicator.targets.insert(2025, Value::from(target));
            Op::AddIndicator { node: node(i)?, indicator }
        }
        Action::DeleteIndicator { node: i } => {
            let n = pick(nodes, i)?;
            Op::DeleteIndicator { node: n.id.clone(), id: n.indicators.first()?.id.clone() }
        }
        Action::AddUnit { name } => Op::AddUnit { unit: Unit { name, ..Default::default() }, before: None },
        Action::DeleteUnit { unit } => Op::DeleteUnit { id: pick(&doc.units, unit)?.id.clone() },
        Action::Owner { node: i, unit } => {
            let mut n = pick(nodes, i)?.clone();
            n.owner = Some(pick(&doc.units, unit)?.id.clone());
            Op::UpdateNode { node: n }
        }
        Action::Crosscut { from, to } => Op::AddLink {
            link: Link { from: node(from)?, to: node(to)?, kind: LinkKind::Crosscutting, rationale: "uji".into(), serves: None, agreement: None, extra: Extra::new() },
        },
        Action::DeleteLink { link } => {
            let l = pick(&doc.tree.links, link)?;
            Op::DeleteLink { from: l.from.clone(), to: l.to.clone() }
        }
        Action::AddStep { text, lane, before } => {
            let flow = doc.processes.flows.first()?;
            let lane = pick(&flow.lanes, lane).cloned().unwrap_or_default();
            let before = pick(&flow.steps, before).map(|s| s.id.clone());
            Op::AddStep { flow: flow.id.clone(), step: Step { text, lane, ..Default::default() }, before }
        }
        Action::DeleteStep { step } => {
            let flow = doc.processes.flows.first()?;
            Op::DeleteStep { flow: flow.id.clone(), id: pick(&flow.steps, step)?.id.clone() }
        }
        Action::MoveStep { step, before } => {
            let flow = doc.processes.flows.first()?;
            Op::MoveStep { flow: flow.id.clone(), id: pick(&flow.steps, step)?.id.clone(), before: Some(pick(&flow.steps, before)?.id.clone()) }
        }
        Action::AddProcess { name, node: i } => Op::AddProcess {
            process: Process {
                id: String::new(),
                category: ProcessCategory::Core,
                name,
                owners: Vec::new(),
                nodes: node(i).into_iter().collect(),
                parent: None,
                extra: Extra::new(),
            },
            before: None,
        },
        Action::Annotate { node: i, text } => Op::AddAnnotation {
            annotation: Annotation { author: "Inspektorat".into(), round: 1, ..Annotation::new(Target::Node(node(i)?), text) },
        },
        Action::SetRule { rule, off } => Op::SetRule {
            rule: pokin::validate::rules()[rule].id.to_string(),
            setting: Some(if off { RuleSetting::Off } else { RuleSetting::Info }),
        },
    })
}

fn start_document() -> Document {
    pokin::synth::generate(&pokin::synth::Options { nodes: 40, flows: 1, seed: 11 })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_then_undo_all_gives_the_initial_document(actions in prop::collection::vec(action(), 1..40)) {
        let dir = common::temp_dir();
        let path = dir.path().join("acak.pokin");
        let initial = start_document();
        let mut file = DocFile::create(&path, &initial).unwrap();
        for action in &actions {
            if let Some(op) = to_op(file.document(), action) {
                // Refusals are fine; they must leave the document as it was.
                let before = file.document().clone();
                if file.apply(&op).is_err() {
                    prop_assert_eq!(file.document(), &before);
                }
            }
        }
        let edited = file.document().clone();
        drop(file);

        let mut file = DocFile::open(&path).unwrap();
        prop_assert_eq!(file.document(), &edited);
        while file.undo().unwrap().is_some() {}
        prop_assert_eq!(file.document(), &initial);
        drop(file);

        let mut file = DocFile::open(&path).unwrap();
        prop_assert_eq!(file.document(), &initial);
        while file.redo().unwrap().is_some() {}
        prop_assert_eq!(file.document(), &edited);
    }
}

// --- random documents --------------------------------------------------------

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-1e9f64..1e9).prop_map(Value::from),
        (0i64..100_000).prop_map(|v| Value::Number(v.into())),
        prop_oneof![Just("WTP"), Just("B"), Just("A")].prop_map(|s| Value::Text(s.into())),
    ]
}

fn indicator(i: usize) -> impl Strategy<Value = Indicator> {
    (text(), "[A-Za-z]{0,8}", prop::collection::btree_map(2020i32..2030, value(), 0..5), prop::option::of(prop_oneof![
        Just(Direction::Up),
        Just(Direction::Down),
        Just(Direction::Stable)
    ]))
        .prop_map(move |(name, unit, targets, direction)| Indicator {
            id: format!("i{i}"),
            name,
            unit,
            direction,
            targets,
            ..Default::default()
        })
}

fn document() -> impl Strategy<Value = Document> {
    let nodes = prop::collection::vec((0usize..6, text(), prop::collection::vec(indicator(0), 0..3), any::<bool>()), 1..30);
    let steps = prop::collection::vec((text(), 0usize..4, 0usize..4), 0..12);
    (text(), nodes, steps, prop::option::of(0u32..9999)).prop_map(|(title, nodes, steps, ceiling)| {
        let mut doc = Document::new(&title, Period { from: 2025, to: 2029 });
        doc.units = vec![
            Unit { id: "kaban".into(), name: "Kepala Badan".into(), echelon: "II.b".into(), ..Default::default() },
            Unit { id: "sekban".into(), name: "Sekretaris".into(), parent: Some("kaban".into()), ..Default::default() },
        ]
        .into();
        let mut list = Vec::new();
        let mut links = Vec::new();
        for (k, (level, statement, mut indicators, owned)) in nodes.into_iter().enumerate() {
            for (j, ind) in indicators.iter_mut().enumerate() {
                ind.id = format!("i{}", j + 1);
            }
            let id = format!("n{k}");
            if k > 0 {
                links.push(Link { from: id.clone(), to: format!("n{}", k / 2), kind: LinkKind::Primary, rationale: statement.clone(), serves: None, agreement: None, extra: Extra::new() });
            }
            let mut extra = Extra::new();
            if owned {
                extra.insert("sumber".into(), serde_json::json!({ "baris": k, "catatan": [statement.clone(), null] }));
            }
            list.push(Node {
                id,
                level,
                statement,
                owner: owned.then(|| "kaban".to_string()),
                indicators,
                budget: Budget { ceiling: ceiling.map(|c| c as i64 * 1000), ..Default::default() },
                extra,
                ..Default::default()
            });
        }
        doc.tree.nodes = list.into();
        doc.tree.links = links.into();
        let count = steps.len();
        let flow_steps: Vec<Step> = steps
            .into_iter()
            .enumerate()
            .map(|(k, (text, lane, shape))| {
                let shape = [Shape::Start, Shape::Process, Shape::Decision, Shape::End][shape];
                let mut step = Step { id: format!("s{k}"), number: Some(k as u32 + 1), text, lane: ["kaban", "sekban", "x", "kaban"][lane].into(), shape, ..Default::default() };
                match shape {
                    Shape::Decision => {
                        step.yes = Some(format!("s{}", (k + 1) % count));
                        step.no = Some(format!("s{}", k / 2));
                    }
                    Shape::End => {}
                    _ => step.next = vec![format!("s{}", (k + 1) % count)],
                }
                step
            })
            .collect();
        if !flow_steps.is_empty() {
            doc.processes.flows = vec![Flow {
                id: "f1".into(),
                name: "SOP".into(),
                lanes: vec!["kaban".into(), "sekban".into()],
                steps: flow_steps.into(),
                ..Default::default()
            }]
            .into();
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_holds_for_random_documents(doc in document()) {
        let text = json::to_string(&doc);
        let back = json::from_str(&text, "acak.json").unwrap();
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(json::to_string(&back), text);
        // The canonical form (fingerprints, named versions) reads back too.
        prop_assert_eq!(&json::from_str(&json::canonical(&doc), "kanonik.json").unwrap(), &doc);
    }

    #[test]
    fn pokin_round_trip_holds_for_random_documents(doc in document()) {
        let dir = common::temp_dir();
        let path = dir.path().join("acak.pokin");
        drop(DocFile::create(&path, &doc).unwrap());
        let file = DocFile::open(&path).unwrap();
        prop_assert_eq!(file.document(), &doc);
        prop_assert_eq!(json::fingerprint(file.document()), json::fingerprint(&doc));
    }
}

// --- diff and apply_changes ---------------------------------------------------

/// A document edited by a random sequence of actions (refusals skipped).
fn edited(start: &Document, actions: &[Action]) -> Document {
    let mut doc = start.clone();
    for action in actions {
        if let Some(op) = to_op(&doc, action) {
            let _ = pokin::edit::execute(&mut doc, &op);
        }
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// diff(a, b) applied to a gives b — also in a file, as one history
    /// step whose undo gives a back and whose redo gives b again.
    #[test]
    fn diff_applied_gives_the_other_document_and_undo_the_first(
        first in prop::collection::vec(action(), 0..25),
        second in prop::collection::vec(action(), 0..25),
    ) {
        let start = start_document();
        let a = edited(&start, &first);
        let b = edited(&start, &second);
        let changes = pokin::edit::diff(&a, &b);
        let mut c = a.clone();
        pokin::edit::apply_changes(&mut c, &changes).unwrap();
        prop_assert_eq!(&c, &b);
        prop_assert!(pokin::edit::diff(&c, &b).is_empty());

        let dir = common::temp_dir();
        let path = dir.path().join("beda.pokin");
        let mut file = DocFile::create(&path, &a).unwrap();
        let applied = file.apply_changes("Gabungkan", changes).unwrap();
        prop_assert_eq!(applied.is_some(), a != b);
        prop_assert_eq!(file.document(), &b);
        drop(file);
        let mut file = DocFile::open(&path).unwrap();
        prop_assert_eq!(file.document(), &b);
        if a != b {
            file.undo().unwrap();
            prop_assert_eq!(file.document(), &a);
            file.redo().unwrap();
            prop_assert_eq!(file.document(), &b);
        }
    }

    /// Between unrelated documents too (random shapes, not edits of one start).
    #[test]
    fn diff_between_random_documents(a in document(), b in document()) {
        let mut c = a.clone();
        pokin::edit::apply_changes(&mut c, &pokin::edit::diff(&a, &b)).unwrap();
        prop_assert_eq!(&c, &b);
    }
}

// --- three-way merge of review copies ----------------------------------------

/// The merge of `theirs` into `ours` (both edited from `base`), applied.
fn merged(base: &Document, ours: &Document, theirs: &Document, choice: &Choice) -> (Document, MergeReport) {
    let m = merge(base, ours, theirs, choice, "Reviewer");
    let mut doc = ours.clone();
    pokin::edit::apply_changes(&mut doc, &m.changes).unwrap();
    (doc, m.report)
}

/// Every entity one side changed holds that side's fields in the merge,
/// unless a conflict names it (or what it needs to exist).
fn side_kept(base: &Document, side: &Document, result: &Document, report: &MergeReport, plan_only: bool) -> Result<(), TestCaseError> {
    use pokin::compare::entities::{flatten, Entity};
    let (eb, es, er) = (flatten(base), flatten(side), flatten(result));
    let conflicted = |e: &Entity| {
        let mut names = vec![e.key()];
        if let Some(owner) = e.owner() {
            names.push(owner.key());
        }
        if let Entity::Link(from, to) = e {
            names.push(Entity::Node(from.clone()).key());
            names.push(Entity::Node(to.clone()).key());
        }
        report.conflicts.iter().any(|c| names.iter().any(|n| c.key.starts_with(&format!("{n}#"))))
    };
    for (entity, fields) in es.iter().chain(eb.iter()) {
        if es.get(entity) == eb.get(entity) || conflicted(entity) || (plan_only && matches!(entity, Entity::Annotation(_))) {
            continue;
        }
        match (es.get(entity), er.get(entity)) {
            (Some(s), Some(r)) => {
                for (name, value) in &s.values {
                    if eb.get(entity).and_then(|b| b.values.get(name)) != Some(value) {
                        prop_assert_eq!(r.values.get(name), Some(value), "{} {}", entity.key(), name);
                    }
                }
            }
            (None, r) => prop_assert!(r.is_none(), "{} removed on one side, still there", entity.key()),
            (Some(_), None) => prop_assert!(false, "{} lost ({:?})", entity.key(), fields),
        }
    }
    Ok(())
}

/// Equal documents, or what differs (short, not two whole documents).
fn same(a: &Document, b: &Document) -> Result<(), TestCaseError> {
    let differs = pokin::compare::to_text(&pokin::compare::compare(a, b));
    prop_assert!(a == b, "{}", differs);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn merge_laws_hold_for_random_edits(
        start in prop::collection::vec(action(), 0..15),
        mine in prop::collection::vec(action(), 0..15),
        yours in prop::collection::vec(action(), 0..15),
    ) {
        let base = edited(&start_document(), &start);
        let ours = edited(&base, &mine);
        let theirs = edited(&base, &yours);
        // merge(base, ours, base) = ours; merge(base, base, theirs) = theirs.
        same(&merged(&base, &ours, &base, &Choice::all()).0, &ours)?;
        same(&merged(&base, &base, &theirs, &Choice::all()).0, &theirs)?;
        // Every change of either side is in the result or in the conflicts.
        let (result, report) = merged(&base, &ours, &theirs, &Choice::all());
        side_kept(&base, &ours, &result, &report, true)?;
        side_kept(&base, &theirs, &result, &report, true)?;
        // Merging the same copy again changes nothing.
        let (again, _) = merged(&base, &result, &theirs, &Choice::all());
        same(&again, &result)?;
        // Disjoint changes commute (entity by entity: two items both sides
        // appended at one place tie on their sort key, either order).
        if report.conflicts.is_empty() {
            let (other, _) = merged(&base, &theirs, &ours, &Choice::all());
            let differs = pokin::compare::to_text(&pokin::compare::compare(&other, &result));
            prop_assert!(pokin::compare::entities::flatten(&other) == pokin::compare::entities::flatten(&result), "{}", differs);
        }
    }
}


/// A case the merge laws found: the copy deletes a subtree and re-adds a
/// node of it under another parent, which conflicts here; the first merge
/// drops the node's parent with the subtree, so the second sees the planner's
/// value changed — the conflict note must still be the same one.
#[test]
fn merging_the_same_copy_twice_after_a_deletion_changes_nothing() {
    let t = "Meningkatnya Profesionalitas ASN".to_string();
    let base = edited(&start_document(), &[Action::AddRoot { text: t.clone() }]);
    let ours = edited(&base, &[Action::Delete { node: 46 }]);
    let theirs = edited(
        &base,
        &[
            Action::DeleteLink { link: 4 },
            Action::Delete { node: 8 },
            Action::AddChild { parent: 0, text: t.clone() },
            Action::Delete { node: 38 },
            Action::AddChild { parent: 0, text: t },
        ],
    );
    let (result, _) = merged(&base, &ours, &theirs, &Choice::all());
    let (again, _) = merged(&base, &result, &theirs, &Choice::all());
    same(&again, &result).unwrap();
}

/// A case the merge laws found: the reviewer re-parents a node onto the
/// node its crosscutting link (in the base, untouched by the planner)
/// points to; the link becomes the parent link. That is the reviewer's
/// change alone, not a conflict.
#[test]
fn a_reparent_onto_a_crosscutting_target_merges_without_conflict() {
    let base = start_document();
    let theirs = edited(&base, &[Action::Move { node: 32, parent: 63 }]);
    assert_ne!(base, theirs);
    let (result, report) = merged(&base, &base, &theirs, &Choice::all());
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    same(&result, &theirs).unwrap();
}
