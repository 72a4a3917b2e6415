//! Entity rows in the file: written one by one, loaded kind by kind (as the
//! entity registry says where each lives), and the history head.

use crate::edit::{self, Key, Row};
use crate::error::Result;
use crate::model::*;
use rusqlite::{params, Connection, OptionalExtension};

pub(super) fn read_head(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT value FROM meta WHERE key = 'head'", [], |r| r.get::<_, String>(0))
        .optional()
        .map(|v| v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

pub(super) fn set_head(conn: &Connection, head: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO meta(key, value) VALUES ('head', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1")?
        .execute([head.to_string()])?;
    Ok(())
}

/// Writes one entity's row, or deletes it: where, the entity registry says.
pub(super) fn write_row(conn: &Connection, key: &Key, row: Option<&Row>) -> rusqlite::Result<()> {
    let kind = edit::entity::kind_of(key);
    let data = row.map(|r| r.data.to_string());
    if kind.is_singleton() {
        match data {
            Some(data) => conn
                .prepare_cached("INSERT INTO singleton(name, data) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET data = ?2")?
                .execute(params![kind.table, data])?,
            None => conn.prepare_cached("DELETE FROM singleton WHERE name = ?1")?.execute([kind.table])?,
        };
        return Ok(());
    }
    let (table, ids) = (kind.table, (kind.ids)(key));
    let columns = kind.columns.join(", ");
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("?{i}")).collect();
    match (data, row.map(|r| r.ord)) {
        (Some(data), Some(ord)) => {
            let sql = format!(
                "INSERT INTO {table}({columns}, ord, data) VALUES ({}, ?, ?) \
                 ON CONFLICT({columns}) DO UPDATE SET ord = excluded.ord, data = excluded.data",
                marks.join(", ")
            );
            let mut values: Vec<&dyn rusqlite::ToSql> = ids.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
            values.push(&ord);
            values.push(&data);
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?
        }
        _ => {
            let sql = format!("DELETE FROM {table} WHERE ({columns}) = ({})", marks.join(", "));
            conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(ids))?
        }
    };
    Ok(())
}

pub(super) enum LoadError {
    Sql(rusqlite::Error),
    Data(String, String),
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        LoadError::Sql(e)
    }
}

fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?.exists([name])
}

/// The document from the file's rows, kind by kind as the registry lists them.
pub(super) fn load(conn: &Connection) -> Result<Document, LoadError> {
    use edit::entity::{StoredRow, KINDS};
    let mut doc = edit::entity::empty_document();
    for kind in KINDS {
        let rows: Vec<StoredRow> = if kind.is_singleton() {
            let mut stmt = conn.prepare_cached("SELECT data FROM singleton WHERE name = ?1")?;
            let rows = stmt.query_map([kind.table], |r| Ok(StoredRow { columns: Vec::new(), ord: 0.0, data: r.get(0)? }))?;
            rows.collect::<rusqlite::Result<_>>()?
        } else if !has_table(conn, kind.table)? {
            // An older file opened read-only (not migrated): a kind added since has no rows.
            Vec::new()
        } else {
            let n = kind.columns.len();
            let sql = format!("SELECT {}, ord, data FROM {} ORDER BY ord", kind.columns.join(", "), kind.table);
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |r| {
                let columns = (0..n).map(|i| r.get(i)).collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(StoredRow { columns, ord: r.get(n)?, data: r.get(n + 1)? })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        (kind.load)(&mut doc, rows).map_err(|(place, message)| LoadError::Data(place, message))?;
        if kind.table == "document" {
            crate::model::limits::check_period(&doc.document.period)
                .map_err(|m| LoadError::Data("document.period".into(), m))?;
        }
    }
    Ok(doc)
}
