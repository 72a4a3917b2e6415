//! The entity registry: every kind of entity a document is made of, and
//! where its rows live — in the document (read, apply, list) and in the
//! `.pokin` file (table, key columns, load). Everything that works on rows
//! (edits, undo/redo, diff, the store's writes and loads) goes through
//! `KINDS`; adding a kind of entity (an annotation reply, a realisasi entry,
//! a worksheet verdict) is one `Key` variant, one entry here and its ops.

use super::change::{flow_row, row_of, ProcessMapHeader};
use super::{Key, Row};
use crate::error::{Error, Result};
use crate::model::*;
use serde::de::DeserializeOwned;

/// An entity held once per document (the header, the levels …).
macro_rules! singleton {
    ($table:literal, $variant:ident, $what:literal, |$d:ident| $field:expr) => {
        Kind {
            table: $table,
            columns: &[],
            is: |k| matches!(k, Key::$variant),
            ids: |_| Vec::new(),
            describe: |_| $what.into(),
            read: |$d, _| Some(row_of(0.0, &$field)),
            apply: |$d, k, row| {
                $field = decode(k, row.ok_or_else(|| undeletable(k))?)?;
                Ok(())
            },
            rows: |$d| vec![(Key::$variant, row_of(0.0, &$field))],
            load: |$d, rows| {
                $field = parse_one($table, rows)?;
                Ok(())
            },
        }
    };
}

/// Entities in an ordered list of the document, each with its own `id`.
macro_rules! listed {
    ($table:literal, $variant:ident, $what:literal, |$d:ident| $list:expr) => {
        Kind {
            table: $table,
            columns: &["id"],
            is: |k| matches!(k, Key::$variant { .. }),
            ids: |k| match k {
                Key::$variant { id } => vec![id],
                _ => unreachable!(),
            },
            describe: |k| match k {
                Key::$variant { id } => format!("{} {id}", $what),
                _ => unreachable!(),
            },
            read: |$d, k| {
                let Key::$variant { id } = k else { unreachable!() };
                let list = &$list;
                list.iter().position(|x| &x.id == id).map(|i| row_of(list.ord(i), &list[i]))
            },
            apply: |$d, k, row| {
                let Key::$variant { id } = k else { unreachable!() };
                let list = &mut $list;
                let at = list.iter().position(|x| &x.id == id);
                put_in(list, at, k, row)
            },
            rows: |$d| {
                let list = &$list;
                (0..list.len()).map(|i| (Key::$variant { id: list[i].id.clone() }, row_of(list.ord(i), &list[i]))).collect()
            },
            load: |$d, rows| {
                $list = parse_list(rows, |c| c[0].clone())?;
                Ok(())
            },
        }
    };
}

/// A row as the file holds it: its key columns, its place, its JSON text.
pub struct StoredRow {
    pub columns: Vec<String>,
    pub ord: f64,
    pub data: String,
}

/// Where one kind of entity lives.
pub struct Kind {
    /// Its table in the file; for a singleton, its row name in `singleton`.
    pub table: &'static str,
    /// Its key columns in the table; none for a singleton.
    pub columns: &'static [&'static str],
    pub is: fn(&Key) -> bool,
    /// The key's column values (in `columns` order).
    pub ids: fn(&Key) -> Vec<&str>,
    /// The entity in the planner's words.
    pub describe: fn(&Key) -> String,
    pub read: fn(&Document, &Key) -> Option<Row>,
    pub apply: fn(&mut Document, &Key, Option<&Row>) -> Result<()>,
    /// Every entity of this kind, in order.
    pub rows: fn(&Document) -> Vec<(Key, Row)>,
    /// Puts this kind's rows read from a file (in `ord` order) into the
    /// document; on a row it cannot read, its key and why.
    pub load: fn(&mut Document, Vec<StoredRow>) -> std::result::Result<(), (String, String)>,
}

impl Kind {
    pub fn is_singleton(&self) -> bool {
        self.columns.is_empty()
    }
}

/// The kinds, in the order a document is built: a flow before its steps.
pub static KINDS: &[Kind] = &[
    singleton!("document", Document, "Data dokumen", |d| d.document),
    singleton!("levels", Levels, "Skema level", |d| d.tree.levels),
    Kind {
        table: "process_map",
        columns: &[],
        is: |k| matches!(k, Key::ProcessMap),
        ids: |_| Vec::new(),
        describe: |_| "Peta proses bisnis".into(),
        read: |d, _| Some(row_of(0.0, &map_header(d))),
        apply: |d, k, row| {
            set_map_header(d, decode(k, row.ok_or_else(|| undeletable(k))?)?);
            Ok(())
        },
        rows: |d| vec![(Key::ProcessMap, row_of(0.0, &map_header(d)))],
        load: |d, rows| {
            set_map_header(d, parse_one("process_map", rows)?);
            Ok(())
        },
    },
    singleton!("validation", Validation, "Pengaturan pemeriksaan", |d| d.validation),
    listed!("unit", Unit, "Unit", |d| d.units),
    listed!("node", Node, "Simpul", |d| d.tree.nodes),
    Kind {
        table: "link",
        columns: &["src", "dst"],
        is: |k| matches!(k, Key::Link { .. }),
        ids: |k| match k {
            Key::Link { from, to } => vec![from, to],
            _ => unreachable!(),
        },
        describe: |k| match k {
            Key::Link { from, to } => format!("Keterkaitan {from} → {to}"),
            _ => unreachable!(),
        },
        read: |d, k| {
            let Key::Link { from, to } = k else { unreachable!() };
            let list = &d.tree.links;
            list.iter().position(|l| &l.from == from && &l.to == to).map(|i| row_of(list.ord(i), &list[i]))
        },
        apply: |d, k, row| {
            let Key::Link { from, to } = k else { unreachable!() };
            let at = d.tree.links.iter().position(|l| &l.from == from && &l.to == to);
            put_in(&mut d.tree.links, at, k, row)
        },
        rows: |d| {
            let list = &d.tree.links;
            (0..list.len()).map(|i| (Key::Link { from: list[i].from.clone(), to: list[i].to.clone() }, row_of(list.ord(i), &list[i]))).collect()
        },
        load: |d, rows| {
            d.tree.links = parse_list(rows, |c| format!("{} → {}", c[0], c[1]))?;
            Ok(())
        },
    },
    listed!("process", Process, "Proses", |d| d.processes.map.processes),
    Kind {
        table: "flow",
        columns: &["id"],
        is: |k| matches!(k, Key::Flow { .. }),
        ids: |k| match k {
            Key::Flow { id } => vec![id],
            _ => unreachable!(),
        },
        describe: |k| match k {
            Key::Flow { id } => format!("Peta lintas fungsi {id}"),
            _ => unreachable!(),
        },
        // A flow's own row holds its header; its steps are rows of their own.
        read: |d, k| {
            let Key::Flow { id } = k else { unreachable!() };
            let flows = &d.processes.flows;
            flows.iter().position(|f| &f.id == id).map(|i| flow_row(flows.ord(i), &flows[i]))
        },
        apply: |d, k, row| {
            let Key::Flow { id } = k else { unreachable!() };
            let flows = &mut d.processes.flows;
            let at = flows.iter().position(|f| &f.id == id);
            let steps = at.map(|i| std::mem::take(&mut flows.get_mut(i).expect("index in range").steps));
            put_in(flows, at, k, row)?;
            if let (Some(steps), Some(i)) = (steps, flows.iter().position(|f| &f.id == id)) {
                flows.get_mut(i).expect("index in range").steps = steps;
            }
            Ok(())
        },
        rows: |d| {
            let flows = &d.processes.flows;
            (0..flows.len()).map(|i| (Key::Flow { id: flows[i].id.clone() }, flow_row(flows.ord(i), &flows[i]))).collect()
        },
        load: |d, rows| {
            d.processes.flows = parse_list(rows, |c| c[0].clone())?;
            Ok(())
        },
    },
    Kind {
        table: "step",
        columns: &["flow", "id"],
        is: |k| matches!(k, Key::Step { .. }),
        ids: |k| match k {
            Key::Step { flow, id } => vec![flow, id],
            _ => unreachable!(),
        },
        describe: |k| match k {
            Key::Step { flow, id } => format!("Langkah {id} (peta {flow})"),
            _ => unreachable!(),
        },
        read: |d, k| {
            let Key::Step { flow, id } = k else { unreachable!() };
            let steps = &d.flow(flow)?.steps;
            steps.iter().position(|s| &s.id == id).map(|i| row_of(steps.ord(i), &steps[i]))
        },
        apply: |d, k, row| {
            let Key::Step { flow, id } = k else { unreachable!() };
            let flows = &mut d.processes.flows;
            let f = flows.iter().position(|f| &f.id == flow).ok_or_else(|| Error::refused(format!("alur `{flow}` tidak ada")))?;
            let steps = &mut flows.get_mut(f).expect("index in range").steps;
            let at = steps.iter().position(|s| &s.id == id);
            put_in(steps, at, k, row)
        },
        rows: |d| {
            let mut rows = Vec::new();
            for flow in d.processes.flows.iter() {
                for (i, s) in flow.steps.iter().enumerate() {
                    rows.push((Key::Step { flow: flow.id.clone(), id: s.id.clone() }, row_of(flow.steps.ord(i), s)));
                }
            }
            rows
        },
        load: |d, rows| {
            let mut by_flow: rustc_hash::FxHashMap<String, Vec<StoredRow>> = Default::default();
            for row in rows {
                by_flow.entry(row.columns[0].clone()).or_default().push(row);
            }
            for flow in d.processes.flows.iter_mut() {
                let rows = by_flow.remove(&flow.id).unwrap_or_default();
                flow.steps = parse_list(rows, |c| format!("{}/{}", c[0], c[1]))?;
            }
            match by_flow.into_iter().next() {
                Some((flow, _)) => Err((format!("langkah peta {flow}"), format!("peta lintas fungsi `{flow}` tidak ada"))),
                None => Ok(()),
            }
        },
    },
    listed!("annotation", Annotation, "Catatan", |d| d.annotations),
    listed!("verdict", Verdict, "Penilaian kertas kerja", |d| d.verdicts),
    // Written only once a team is entered: files made before have no row.
    Kind {
        table: "review_team",
        columns: &[],
        is: |k| matches!(k, Key::ReviewTeam),
        ids: |_| Vec::new(),
        describe: |_| "Tim reviu".into(),
        read: |d, _| Some(row_of(0.0, &d.review_team)),
        apply: |d, k, row| {
            d.review_team = match row {
                Some(row) => decode(k, row)?,
                None => ReviewTeam::default(),
            };
            Ok(())
        },
        rows: |d| vec![(Key::ReviewTeam, row_of(0.0, &d.review_team))],
        load: |d, rows| {
            d.review_team = if rows.is_empty() { ReviewTeam::default() } else { parse_one("review_team", rows)? };
            Ok(())
        },
    },
    // Written only once settings are made: files made before have no row.
    Kind {
        table: "monitoring",
        columns: &[],
        is: |k| matches!(k, Key::Monitoring),
        ids: |_| Vec::new(),
        describe: |_| "Pengaturan capaian".into(),
        read: |d, _| Some(row_of(0.0, &d.monitoring)),
        apply: |d, k, row| {
            d.monitoring = match row {
                Some(row) => decode(k, row)?,
                None => MonitoringSettings::default(),
            };
            Ok(())
        },
        rows: |d| vec![(Key::Monitoring, row_of(0.0, &d.monitoring))],
        load: |d, rows| {
            d.monitoring = if rows.is_empty() { MonitoringSettings::default() } else { parse_one("monitoring", rows)? };
            Ok(())
        },
    },
];

/// The kind of entity `key` names.
pub fn kind_of(key: &Key) -> &'static Kind {
    KINDS.iter().find(|k| (k.is)(key)).expect("every key has its kind in KINDS")
}

/// The process map's own row: its goal, inputs and outputs (its processes are rows of their own).
fn map_header(d: &Document) -> ProcessMapHeader {
    let m = &d.processes.map;
    ProcessMapHeader { goal: m.goal.clone(), inputs: m.inputs.clone(), outputs: m.outputs.clone() }
}

fn set_map_header(d: &mut Document, header: ProcessMapHeader) {
    let m = &mut d.processes.map;
    (m.goal, m.inputs, m.outputs) = (header.goal, header.inputs, header.outputs);
}

fn undeletable(key: &Key) -> Error {
    Error::refused(format!("{} tidak dapat dihapus", key.describe()))
}

fn decode<T: DeserializeOwned>(key: &Key, row: &Row) -> Result<T> {
    T::deserialize(&row.data).map_err(|e| Error::refused(format!("data {} tidak terbaca: {e}", key.describe())))
}

/// Replaces, inserts or removes the item at `at` (its current index, if any).
fn put_in<T: DeserializeOwned>(list: &mut Ordered<T>, at: Option<usize>, key: &Key, row: Option<&Row>) -> Result<()> {
    match (at, row) {
        (Some(i), Some(row)) if list.ord(i) == row.ord => {
            *list.get_mut(i).expect("index in range") = decode(key, row)?;
        }
        (at, row) => {
            let value = row.map(|r| decode::<T>(key, r).map(|v| (r.ord, v))).transpose()?;
            if let Some(i) = at {
                list.remove(i);
            }
            if let Some((ord, value)) = value {
                list.insert_by_ord(ord, value);
            }
        }
    }
    Ok(())
}

/// A singleton's one row, read from its text.
fn parse_one<T: DeserializeOwned>(name: &str, rows: Vec<StoredRow>) -> std::result::Result<T, (String, String)> {
    let row = rows.into_iter().next().ok_or_else(|| (name.to_string(), "tidak ada".to_string()))?;
    serde_json::from_str(&row.data).map_err(|e| (name.to_string(), crate::interchange::json::translate_serde_error(&e)))
}

/// A list's rows (already in order), each read from its text — straight
/// into the model type, which also reads older spellings (a step's number
/// under `no`).
fn parse_list<T: DeserializeOwned>(
    rows: Vec<StoredRow>,
    name: impl Fn(&[String]) -> String,
) -> std::result::Result<Ordered<T>, (String, String)> {
    let (mut items, mut ords) = (Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
    for row in rows {
        let item = serde_json::from_str(&row.data)
            .map_err(|e| (name(&row.columns), crate::interchange::json::translate_serde_error(&e)))?;
        items.push(item);
        ords.push(row.ord);
    }
    Ok(Ordered::from_parts(items, ords))
}

/// An empty document to load rows into.
pub fn empty_document() -> Document {
    Document {
        format: FORMAT.into(),
        document: DocumentMeta::default(),
        units: Ordered::new(),
        tree: Tree::default(),
        processes: Processes::default(),
        validation: ValidationSettings::default(),
        annotations: Ordered::new(),
        verdicts: Ordered::new(),
        review_team: ReviewTeam::default(),
        monitoring: MonitoringSettings::default(),
    }
}
