//! Fuzz trials with the stable toolchain (issue 16): proptest-driven
//! mutation of (a) pokin/1 JSON for the reader, then the validator and the
//! tree layout; (b) the bytes of a `.pokin` for the opener; (c) sequences of
//! editor ops for `DocFile::apply`, with undo, redo and `edit::diff`
//! round trips. No panic, no hang, whatever the input.
//!
//! CI runs each target for a short fixed budget (48 cases, a fixed seed);
//! `POKIN_FUZZ_CASES=5000 cargo test --release --test fuzz` runs longer and
//! `POKIN_FUZZ_SEED=<n>` explores other inputs. A failing case is kept twice:
//! proptest's seed in `tests/fixtures/fuzz/fuzz.proptest-regressions`
//! (replayed first on every run), and the input itself as
//! `tests/fixtures/fuzz/{json,pokin,ops}-<hash>.*`, replayed by the
//! `kept_*` tests below. (The sheet fuzz of `tests/sheet_import.rs` keeps
//! its inputs in the same folder, as flat files; so do these.)

mod common;

use common::mutation::*;
use common::*;
use pokin::edit::{self, Op};
use pokin::interchange::json;
use pokin::layout::{layout_tree, TreeOptions};
use pokin::store::DocFile;
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngSeed};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

// ------------------------------------------------------------------ budget

fn cases() -> u32 {
    fuzz_cases(48)
}

fn config() -> ProptestConfig {
    let seed = std::env::var("POKIN_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x706f_6b69_6e16);
    ProptestConfig {
        cases: cases(),
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/fixtures/fuzz/fuzz.proptest-regressions"))),
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    }
}

/// No single case may take this long (a hang, not a slow machine).
const HANG: Duration = Duration::from_secs(20);

fn kept_dir() -> PathBuf {
    root().join("tests/fixtures/fuzz")
}

/// Keeps an input on which the core panicked; its name for the message.
fn keep(prefix: &str, ext: &str, bytes: &[u8]) -> String {
    let hash: String = Sha256::digest(bytes)[..6].iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{prefix}-{hash}.{ext}");
    let _ = std::fs::create_dir_all(kept_dir());
    let _ = std::fs::write(kept_dir().join(&name), bytes);
    name
}

fn kept(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(kept_dir())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{prefix}-")))
        .map(|n| (n.clone(), std::fs::read(kept_dir().join(&n)).unwrap()))
        .collect();
    out.sort();
    out
}

/// Runs `f`, keeping `input` and failing the case when it panics or hangs.
fn guarded(prefix: &str, ext: &str, input: &[u8], f: impl FnOnce()) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(f));
    let took = started.elapsed();
    if let Err(panic) = result {
        let what = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
        let name = keep(prefix, ext, input);
        return Err(TestCaseError::fail(format!("panic ({what}); input kept as tests/fixtures/fuzz/{name}")));
    }
    if took > HANG {
        let name = keep(prefix, ext, input);
        return Err(TestCaseError::fail(format!("took {took:?}; input kept as tests/fixtures/fuzz/{name}")));
    }
    Ok(())
}

/// Outcomes seen, printed with `POKIN_FUZZ_TALLY=1` (for the figures in
/// docs/trials.md): [JSON read ok, JSON refused, .pokin read ok, refused,
/// .pokin opened writable, refused].
static OUTCOMES: [std::sync::atomic::AtomicUsize; 6] = [const { std::sync::atomic::AtomicUsize::new(0) }; 6];

fn count_outcome(target: usize, ok: bool) {
    OUTCOMES[target * 2 + usize::from(!ok)].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if std::env::var_os("POKIN_FUZZ_TALLY").is_some() {
        let seen: Vec<usize> = OUTCOMES.iter().map(|c| c.load(std::sync::atomic::Ordering::Relaxed)).collect();
        eprintln!("outcomes so far (json ok/err, pokin read-only ok/err, writable ok/err): {seen:?}");
    }
}

// --------------------------------------------------------------- mutations

fn sample_texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| samples().iter().map(|p| std::fs::read_to_string(p).unwrap()).collect())
}

/// A value of any JSON type, the edges included (`pick` chooses).
fn odd_value(pick: u16) -> Value {
    let long = "Meningkatnya ".repeat(2000);
    let values = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1),
        json!(2.5),
        json!(i32::MAX),
        json!(i32::MIN),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e300),
        json!(-1e-300),
        json!(""),
        json!(" "),
        json!("n1"),
        json!("x-tidak-ada"),
        json!("Bidang Bina Marga – révisi ✓"),
        json!(long),
        json!("\u{0}\u{202e}"),
        json!("2025"),
        json!("99999999999999999999"),
        json!([]),
        json!([1, "a", null]),
        json!({}),
        json!({"id": "n1"}),
        json!({"2025": 1, "-5": 2, "99999999999": 3}),
    ];
    values[pick as usize % values.len()].clone()
}

/// The number of values in `v` (itself included), pre-order.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th value of `v`, pre-order.
fn nth(v: &mut Value, n: usize) -> &mut Value {
    fn go(v: &mut Value, n: &mut usize) -> Option<*mut Value> {
        if *n == 0 {
            return Some(v as *mut Value);
        }
        *n -= 1;
        match v {
            Value::Array(items) => items.iter_mut().find_map(|x| go(x, n)),
            Value::Object(map) => map.values_mut().find_map(|x| go(x, n)),
            _ => None,
        }
    }
    let mut k = n % count(v);
    // SAFETY: the pointer comes from a unique borrow of `v` that ends here.
    unsafe { &mut *go(v, &mut k).expect("n < count") }
}

#[derive(Debug, Clone)]
enum Structural {
    /// A value replaced by one of another type (or an edge value).
    Replace(usize, u16),
    /// A key removed from an object.
    RemoveKey(usize, usize),
    /// An item of a list repeated (duplicate ids).
    Duplicate(usize, usize),
    /// A value wrapped in `depth` arrays and objects.
    Nest(usize, u16),
    /// A node's id set to another node's.
    SameId(usize, usize),
}

fn structural() -> impl Strategy<Value = Structural> {
    prop_oneof![
        3 => (any::<usize>(), any::<u16>()).prop_map(|(at, v)| Structural::Replace(at, v)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(at, k)| Structural::RemoveKey(at, k)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(at, k)| Structural::Duplicate(at, k)),
        1 => (any::<usize>(), 1u16..400).prop_map(|(at, d)| Structural::Nest(at, d)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Structural::SameId(a, b)),
    ]
}

fn mutate_structure(doc: &mut Value, m: &Structural) {
    match m {
        Structural::Replace(at, v) => *nth(doc, *at) = odd_value(*v),
        Structural::RemoveKey(at, k) => {
            if let Value::Object(map) = nth(doc, *at) {
                if let Some(key) = map.keys().nth(k % map.len().max(1)).cloned() {
                    map.remove(&key);
                }
            }
        }
        Structural::Duplicate(at, k) => {
            if let Value::Array(items) = nth(doc, *at) {
                if !items.is_empty() {
                    let item = items[k % items.len()].clone();
                    items.push(item);
                }
            }
        }
        Structural::Nest(at, depth) => {
            let target = nth(doc, *at);
            let mut v = target.take();
            for d in 0..*depth {
                v = if d % 2 == 0 { json!([v]) } else { json!({ "x": v }) };
            }
            *target = v;
        }
        Structural::SameId(a, b) => {
            if let Some(Value::Array(nodes)) = doc.pointer_mut("/tree/nodes") {
                if nodes.len() > 1 {
                    let from = nodes[b % nodes.len()]["id"].clone();
                    let i = a % nodes.len();
                    nodes[i]["id"] = from;
                }
            }
        }
    }
}

// ------------------------------------------------------ (a) the JSON reader

/// Reads `text`; what reads is validated and laid out (wide and compact)
/// and written back, and what is written reads again.
fn read_validate_lay_out(text: &str) {
    let read = json::from_str(text, "fuzz.json");
    count_outcome(0, read.is_ok());
    let Ok(doc) = read else { return };
    let _ = pokin::validate::validate(&doc);
    let _ = layout_tree(&doc, &TreeOptions::default());
    let _ = layout_tree(&doc, &TreeOptions { compact: true, stack_leaves: true, ..TreeOptions::default() });
    let again = json::to_string(&doc);
    let reread = json::from_str(&again, "fuzz.json").unwrap_or_else(|e| panic!("what was read does not read again: {e}"));
    assert_eq!(json::canonical(&reread), json::canonical(&doc), "written and read again, the document changed");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn json_reader_survives_mutated_documents(
        seed in 0usize..16,
        structure in proptest::collection::vec(structural(), 0..4),
        bytes in proptest::collection::vec(byte_mutation(), 0..4),
    ) {
        let texts = sample_texts();
        let mut value: Value = serde_json::from_str(&texts[seed % texts.len()]).unwrap();
        for m in &structure {
            mutate_structure(&mut value, m);
        }
        let mut text = serde_json::to_vec(&value).unwrap();
        for m in &bytes {
            mutate_bytes(&mut text, m);
        }
        let input = text.clone();
        guarded("json", "json", &input, || read_validate_lay_out(&String::from_utf8_lossy(&text)))?;
    }
}

#[test]
fn kept_json_inputs_do_not_panic() {
    for (name, bytes) in kept("json") {
        let result = catch_unwind(|| read_validate_lay_out(&String::from_utf8_lossy(&bytes)));
        assert!(result.is_ok(), "tests/fixtures/fuzz/{name}");
    }
}

// ------------------------------------------------- (b) the .pokin opener

/// A small valid `.pokin` (the Lumajang sample with a few history steps).
fn pokin_bytes() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = temp_dir();
        let path = dir.path().join("contoh.pokin");
        let mut file = DocFile::create(&path, &read(&root().join("assets/samples/lumajang-bkd.json"))).unwrap();
        file.apply(&Op::DeleteNode { id: "n49".into() }).unwrap();
        file.snapshot("Versi reviu").unwrap();
        drop(file);
        std::fs::read(&path).unwrap()
    })
}

#[derive(Debug, Clone)]
enum PageMutation {
    Bytes(ByteMutation),
    /// A whole page overwritten (`fill` 0: zeros, else noise).
    Page(usize, u8),
    /// A byte of the 100-byte header changed.
    Header(u8, u8),
    /// Cut at a page boundary.
    CutAtPage(usize),
}

fn page_mutation() -> impl Strategy<Value = PageMutation> {
    prop_oneof![
        3 => byte_mutation().prop_map(PageMutation::Bytes),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(p, f)| PageMutation::Page(p, f)),
        2 => (0u8..100, 1u8..=255).prop_map(|(at, bit)| PageMutation::Header(at, bit)),
        1 => any::<usize>().prop_map(PageMutation::CutAtPage),
    ]
}

fn mutate_pages(bytes: &mut Vec<u8>, m: &PageMutation) {
    const PAGE: usize = 4096;
    let pages = bytes.len().div_ceil(PAGE).max(1);
    match m {
        PageMutation::Bytes(m) => mutate_bytes(bytes, m),
        PageMutation::Page(p, fill) => {
            let start = (p % pages) * PAGE;
            let end = (start + PAGE).min(bytes.len());
            for (i, b) in bytes[start.min(end)..end].iter_mut().enumerate() {
                *b = if *fill == 0 { 0 } else { (i as u8).wrapping_mul(*fill).wrapping_add(*fill) };
            }
        }
        PageMutation::Header(at, bit) => {
            if let Some(b) = bytes.get_mut(*at as usize) {
                *b ^= bit;
            }
        }
        PageMutation::CutAtPage(p) => bytes.truncate((p % pages) * PAGE),
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Opens damaged bytes read-only (nothing changes, nothing appears beside
/// them), then writable; what opens is validated and laid out.
fn open_damaged(bytes: &[u8]) {
    let dir = temp_dir();
    let path = dir.path().join("rusak.pokin");
    std::fs::write(&path, bytes).unwrap();
    let reader = DocFile::open_read_only(&path);
    count_outcome(1, reader.is_ok());
    match reader {
        Ok(file) => {
            let _ = pokin::validate::validate(file.document());
            let _ = file.history();
            let _ = file.snapshots();
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with(&format!("{}: ", path.display())), "{message}");
        }
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "opened read-only, the file changed");
    assert_eq!(listing(dir.path()), ["rusak.pokin"], "opened read-only, files appeared beside it");
    let writer = DocFile::open(&path);
    count_outcome(2, writer.is_ok());
    if let Ok(mut file) = writer {
        let _ = pokin::validate::validate(file.document());
        let _ = layout_tree(file.document(), &TreeOptions::default());
        let _ = file.undo();
        let _ = file.redo();
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pokin_opener_survives_damaged_bytes(mutations in proptest::collection::vec(page_mutation(), 1..5)) {
        let mut bytes = pokin_bytes().clone();
        for m in &mutations {
            mutate_pages(&mut bytes, m);
        }
        let input = bytes.clone();
        guarded("pokin", "pokin", &input, || open_damaged(&bytes))?;
    }
}

#[test]
fn kept_pokin_inputs_do_not_panic() {
    for (name, bytes) in kept("pokin") {
        let result = catch_unwind(|| open_damaged(&bytes));
        assert!(result.is_ok(), "tests/fixtures/fuzz/{name}");
    }
}

// ------------------------------------------------------- (c) editor ops

/// One op to make from templates: which kind, which ids (existing or not),
/// which odd value where.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct OpSeed {
    kind: u8,
    ids: [u16; 3],
    field: u16,
    value: u16,
    number: i64,
}

fn op_seed() -> impl Strategy<Value = OpSeed> {
    let number = prop_oneof![-3i64..4, Just(i64::MAX), Just(i64::MIN), Just(i32::MAX as i64), Just(2025), Just(-2025), any::<i64>()];
    (any::<u8>(), any::<[u16; 3]>(), any::<u16>(), any::<u16>(), number)
        .prop_map(|(kind, ids, field, value, number)| OpSeed { kind, ids, field, value, number })
}

/// The ids of one kind in the document, and some that are not there.
fn ids_of(doc: &Value, pointer: &str) -> Vec<Value> {
    let mut ids: Vec<Value> = doc.pointer(pointer).and_then(Value::as_array).into_iter().flatten().map(|x| x["id"].clone()).collect();
    ids.extend([json!(""), json!("x-tidak-ada"), json!("n1"), json!("s1"), json!("p1"), json!("i1"), json!("kaban"), json!("Ω".repeat(300))]);
    ids
}

fn pick<T: Clone>(items: &[T], k: u16) -> T {
    items[k as usize % items.len()].clone()
}

/// An existing item of a list (or an empty object), with one field set to
/// an odd value when `field` says so.
fn template(doc: &Value, pointer: &str, seed: &OpSeed) -> Value {
    let items = doc.pointer(pointer).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut item = if items.is_empty() { json!({}) } else { pick(&items, seed.ids[0]) };
    if !seed.field.is_multiple_of(3) {
        if let Value::Object(map) = &mut item {
            if let Some(key) = map.keys().nth(seed.field as usize % map.len().max(1)).cloned() {
                map.insert(key, odd_value(seed.value));
            }
        }
    }
    item
}

/// The op a seed makes against `doc` (as pokin/1 JSON): a JSON template
/// with ids and values from the seed; `None` when it does not read as an op.
fn make_op(doc: &Value, seed: &OpSeed, depth: u8) -> Option<Op> {
    let nodes = ids_of(doc, "/tree/nodes");
    let units = ids_of(doc, "/units");
    let processes = ids_of(doc, "/processes/map/processes");
    let flows = ids_of(doc, "/processes/flows");
    let flow_index = seed.ids[1] as usize % doc.pointer("/processes/flows").and_then(Value::as_array).map_or(1, |f| f.len().max(1));
    let steps = ids_of(doc, &format!("/processes/flows/{flow_index}/steps"));
    let node = pick(&nodes, seed.ids[0]);
    let other = pick(&nodes, seed.ids[1]);
    let third = pick(&nodes, seed.ids[2]);
    let indicators = doc
        .pointer("/tree/nodes")
        .and_then(Value::as_array)
        .and_then(|ns| ns.iter().find(|n| n["id"] == node))
        .map(|n| ids_of(n, "/indicators"))
        .unwrap_or_else(|| ids_of(&json!({}), "/indicators"));
    let indicator = pick(&indicators, seed.ids[2]);
    let flow = pick(&flows, seed.ids[1]);
    let step = pick(&steps, seed.ids[2]);
    let unit = pick(&units, seed.ids[0]);
    let process = pick(&processes, seed.ids[0]);
    let text = odd_value(seed.value);
    let n = seed.number;
    let maybe = |v: Value| if seed.field.is_multiple_of(4) { Value::Null } else { v };
    let with_id = |pointer: &str, id: Value| {
        let mut item = template(doc, pointer, seed);
        item["id"] = id;
        item
    };
    let value = match seed.kind % 48 {
        0 => json!({"op": "update_node", "node": template(doc, "/tree/nodes", seed)}),
        1 => json!({"op": "add_node", "node": with_id("/tree/nodes", third.clone()), "parent": maybe(other.clone()), "before": maybe(node.clone())}),
        2 => json!({"op": "delete_node", "id": node}),
        3 => json!({"op": "move_node", "id": node, "parent": maybe(other.clone()), "before": maybe(third.clone())}),
        4 => json!({"op": "add_indicator", "node": node, "indicator": {"id": indicator, "name": text, "unit": "%", "targets": {"2025": n}}}),
        5 => json!({"op": "update_indicator", "node": node, "indicator": {"id": indicator, "name": "Indeks", "targets": {n.to_string(): 1}, "direction": text}}),
        6 => json!({"op": "delete_indicator", "node": node, "id": indicator}),
        7 => json!({"op": "add_link", "link": {"from": node, "to": other, "kind": pick(&[json!("primary"), json!("support"), text.clone()], seed.field), "rationale": "Uji"}}),
        8 => json!({"op": "update_link", "link": {"from": node, "to": other, "kind": "support", "rationale": text}}),
        9 => json!({"op": "delete_link", "from": node, "to": other}),
        10 => json!({"op": "add_unit", "unit": with_id("/units", unit.clone()), "before": maybe(pick(&units, seed.ids[1]))}),
        11 => json!({"op": "update_unit", "unit": template(doc, "/units", seed)}),
        12 => json!({"op": "delete_unit", "id": unit}),
        13 => json!({"op": "move_unit", "id": unit, "before": maybe(pick(&units, seed.ids[2]))}),
        14 => json!({"op": "add_process", "process": with_id("/processes/map/processes", process.clone()), "before": maybe(pick(&processes, seed.ids[1]))}),
        15 => json!({"op": "update_process", "process": template(doc, "/processes/map/processes", seed)}),
        16 => json!({"op": "delete_process", "id": process}),
        17 => json!({"op": "move_process", "id": process, "before": maybe(pick(&processes, seed.ids[2]))}),
        18 => json!({"op": "shift_process", "id": process, "delta": n}),
        19 => json!({"op": "drop_process", "id": process, "onto": maybe(pick(&processes, seed.ids[1])), "band": maybe(pick(&[json!("core"), json!("support"), json!("strategic"), text.clone()], seed.field))}),
        20 => json!({"op": "add_flow_for", "process": process, "id": pick(&flows, seed.ids[2])}),
        21 => json!({"op": "delete_flow", "id": flow}),
        22 => json!({"op": "update_flow", "flow": template(doc, "/processes/flows", seed)}),
        23 => json!({"op": "insert_step", "flow": flow, "kind": pick(&["process", "decision"], seed.field), "id": maybe(step.clone()), "after": maybe(pick(&steps, seed.ids[0])), "before": maybe(pick(&steps, seed.value))}),
        24 => json!({"op": "delete_step", "flow": flow, "id": step}),
        25 => json!({"op": "set_step_shape", "flow": flow, "id": step, "shape": pick(&["start", "process", "decision", "end"], seed.field)}),
        26 => json!({"op": "shift_step", "flow": flow, "id": step, "delta": n}),
        27 => json!({"op": "place_step", "flow": flow, "id": step, "lane": maybe(unit.clone()), "row": maybe(pick(&steps, seed.ids[0]))}),
        28 => json!({"op": "shift_step_lane", "flow": flow, "id": step, "delta": n}),
        29 => json!({"op": "add_lane", "flow": flow, "unit": unit}),
        30 => json!({"op": "remove_lane", "flow": flow, "unit": unit}),
        31 => json!({"op": "shift_lane", "flow": flow, "unit": unit, "delta": n}),
        32 => json!({"op": "move_step", "flow": flow, "id": step, "before": maybe(pick(&steps, seed.ids[0]))}),
        33 => json!({"op": "update_step", "flow": flow, "step": template(doc, &format!("/processes/flows/{flow_index}/steps"), seed)}),
        34 => json!({"op": "add_step", "flow": flow, "step": with_id(&format!("/processes/flows/{flow_index}/steps"), step.clone()), "before": maybe(pick(&steps, seed.ids[0]))}),
        35 => json!({"op": "add_sibling", "of": node, "id": maybe(other.clone())}),
        36 => json!({"op": "shift_node", "id": node, "delta": n}),
        37 => json!({"op": "drop_node", "id": node, "onto": other}),
        38 => json!({"op": "update_document", "document": template(&json!({"d": [doc["document"].clone()]}), "/d", seed)}),
        39 => {
            let mut levels = doc.pointer("/tree/levels").cloned().unwrap_or(json!([]));
            if seed.field.is_multiple_of(2) {
                if let Some(list) = levels.as_array_mut() {
                    list.truncate(seed.value as usize % (list.len() + 1));
                }
            } else {
                mutate_structure(&mut levels, &Structural::Replace(seed.ids[2] as usize, seed.value));
            }
            json!({"op": "set_levels", "levels": levels})
        }
        40 => json!({"op": "update_process_map", "goal": text, "inputs": [text], "outputs": []}),
        41 => json!({"op": "set_realisasi", "node": node, "indicator": indicator, "year": n.clamp(i32::MIN as i64, i32::MAX as i64), "quarter": maybe(json!(seed.field % 7)), "value": maybe(text)}),
        42 => json!({"op": "set_budget_spent", "node": node, "spent": maybe(json!(n))}),
        43 => json!({"op": "set_rule", "rule": pick(&[json!("P001"), json!("P016"), text.clone()], seed.field), "setting": maybe(pick(&[json!("off"), json!("info"), json!("warning"), json!("error")], seed.value))}),
        44 => json!({"op": "add_annotation", "annotation": {"id": pick(&[json!("a1"), json!(""), text.clone()], seed.field), "on": {"node": node}, "text": text, "status": "open"}}),
        45 => json!({"op": "set_realisasi_note", "node": node, "indicator": indicator, "year": 2025, "note": text}),
        46 => json!({"op": "set_verdict_note", "kke": "format1", "on": {"node": node}, "criterion": text, "note": "Catatan"}),
        _ if depth == 0 => {
            let first = OpSeed { kind: seed.ids[0] as u8, ..seed.clone() };
            let second = OpSeed { kind: seed.ids[1] as u8, ids: [seed.ids[2], seed.ids[0], seed.ids[1]], ..seed.clone() };
            let ops: Vec<Value> = [first, second].iter().filter_map(|s| make_op(doc, s, 1)).map(|op| serde_json::to_value(op).unwrap()).collect();
            json!({"op": "batch", "label": "Uji gabungan", "ops": ops})
        }
        _ => json!({"op": "delete_node", "id": third}),
    };
    serde_json::from_value::<Op>(value).ok()
}

/// What the op trial saw: ops made, applied, refused.
#[derive(Default, Debug)]
struct OpTally {
    made: usize,
    applied: usize,
    refused: usize,
}

/// Applies the ops the seeds make to a fresh `.pokin` of `sample`. After
/// each applied op: the document validates and lays out, undo gives the
/// document before it back (canonical JSON and all), redo the one after it,
/// and a diff back to the one before, applied as one step, undoes it too.
/// At the end the file holds what the program shows.
fn apply_ops(sample: usize, seeds: &[OpSeed]) -> OpTally {
    let samples = samples();
    let doc = read(&samples[sample % samples.len()]);
    let dir = temp_dir();
    let path = dir.path().join("uji.pokin");
    let mut file = DocFile::create(&path, &doc).unwrap();
    let mut tally = OpTally::default();
    for (i, seed) in seeds.iter().enumerate() {
        let value = serde_json::from_str::<Value>(&json::to_string(file.document())).unwrap();
        let Some(op) = make_op(&value, seed, 0) else { continue };
        tally.made += 1;
        let before = file.document().clone();
        match file.apply(&op) {
            Err(e) => {
                tally.refused += 1;
                assert_eq!(file.document(), &before, "a refused op changed the document: {e}");
            }
            Ok(None) => assert_eq!(file.document(), &before, "no change reported, yet the document changed"),
            Ok(Some(_)) => {
                tally.applied += 1;
                let after = file.document().clone();
                let _ = pokin::validate::validate(&after);
                let _ = layout_tree(&after, &TreeOptions::default());
                file.undo().unwrap().expect("something to undo");
                assert_eq!(json::canonical(file.document()), json::canonical(&before), "undo of {op:?}");
                assert_eq!(file.document(), &before, "undo of {op:?}");
                file.redo().unwrap().expect("something to redo");
                assert_eq!(file.document(), &after, "redo of {op:?}");
                if i % 2 == 0 {
                    let back = edit::diff(&after, &before);
                    assert!(!back.is_empty(), "the diff of a change is not empty");
                    file.apply_changes("Kembali", back).unwrap();
                    assert_eq!(file.document(), &before, "the diff back of {op:?}");
                    file.undo().unwrap().expect("the diff step to undo");
                    assert_eq!(file.document(), &after, "undo of the diff back of {op:?}");
                }
            }
        }
    }
    let shown = file.document().clone();
    drop(file);
    assert_eq!(DocFile::open_read_only(&path).unwrap().document(), &shown, "the file holds what was shown");
    tally
}

fn tally() -> &'static std::sync::Mutex<OpTally> {
    static TALLY: OnceLock<std::sync::Mutex<OpTally>> = OnceLock::new();
    TALLY.get_or_init(Default::default)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn apply_survives_random_op_sequences(sample in 0usize..16, seeds in proptest::collection::vec(op_seed(), 1..10)) {
        let input = serde_json::to_vec(&json!({"sample": sample, "seeds": seeds})).unwrap();
        let mut seen = OpTally::default();
        guarded("ops", "json", &input, || seen = apply_ops(sample, &seeds))?;
        let mut total = tally().lock().unwrap_or_else(|e| e.into_inner());
        total.made += seen.made;
        total.applied += seen.applied;
        total.refused += seen.refused;
        if std::env::var_os("POKIN_FUZZ_TALLY").is_some() {
            eprintln!("ops so far: {total:?}");
        }
    }
}

#[test]
fn kept_op_sequences_do_not_panic() {
    for (name, bytes) in kept("ops") {
        let kept: Value = serde_json::from_slice(&bytes).unwrap();
        let sample = kept["sample"].as_u64().unwrap() as usize;
        let seeds: Vec<OpSeed> = serde_json::from_value(kept["seeds"].clone()).unwrap();
        let result = catch_unwind(|| apply_ops(sample, &seeds));
        assert!(result.is_ok(), "tests/fixtures/fuzz/{name}");
    }
}

/// The op templates make ops the editor accepts, not only refusals.
#[test]
fn op_templates_reach_the_editor() {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(root().join("assets/samples/lumajang-bkd.json")).unwrap()).unwrap();
    let made = (0..48u8)
        .filter(|&kind| make_op(&doc, &OpSeed { kind, ids: [1, 2, 3], field: 3, value: 17, number: 1 }, 0).is_some())
        .count();
    assert!(made >= 40, "only {made} of 48 templates read as ops");
}

/// The harness itself: a panic fails the case and keeps its input.
#[test]
fn a_panic_is_caught_and_its_input_kept() {
    let result = guarded("uji-diri", "bin", b"masukan uji", || panic!("sengaja"));
    let kept_files = kept("uji-diri");
    for (name, _) in &kept_files {
        std::fs::remove_file(kept_dir().join(name)).unwrap();
    }
    let message = format!("{:?}", result.unwrap_err());
    assert!(message.contains("sengaja") && message.contains("tests/fixtures/fuzz/uji-diri-"), "{message}");
    assert_eq!(kept_files.iter().map(|(_, b)| b.as_slice()).collect::<Vec<_>>(), [b"masukan uji"]);
}
