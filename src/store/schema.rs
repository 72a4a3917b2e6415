//! The `.pokin` schema and its forward migrations.
//!
//! `PRAGMA application_id` marks the file as ours; `PRAGMA user_version`
//! is the schema version. A file of a newer version opens read-only.

use crate::edit::Key;
use rusqlite::{Connection, Transaction};

/// "POKN" in ASCII.
pub const APPLICATION_ID: i64 = 0x504F_4B4E;
pub const SCHEMA_VERSION: i64 = 4;

/// Connection settings for a writer: crash-safe commits, one writer process,
/// and a file that holds every committed edit by itself.
///
/// The rollback journal (`DELETE`), not WAL: a WAL commit lives in the
/// `-wal` file beside the document until a checkpoint, so a `.pokin` copied
/// or e-mailed alone could miss the last edits, and a WAL file cannot be
/// read from a read-only medium without its `-shm`. With the rollback
/// journal and `synchronous=FULL`, a commit returns only after the document
/// file itself holds the edit (journal synced, pages written and synced);
/// a crash mid-commit leaves a hot journal that the next open rolls back.
/// `locking_mode=EXCLUSIVE` keeps the lock for as long as the file is open
/// (a second writer or reader is told it is open elsewhere); in that mode
/// SQLite keeps an empty, zeroed `-journal` beside the file while it is
/// open and removes it on close — it is never needed to read the document.
pub(super) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::ZERO)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

const V1: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- document, levels, process_map, validation
CREATE TABLE singleton(name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE unit(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL,
  name TEXT GENERATED ALWAYS AS (json_extract(data, '$.name')) VIRTUAL);
CREATE TABLE node(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL,
  level INTEGER GENERATED ALWAYS AS (json_extract(data, '$.level')) VIRTUAL,
  statement TEXT GENERATED ALWAYS AS (json_extract(data, '$.statement')) VIRTUAL,
  owner TEXT GENERATED ALWAYS AS (json_extract(data, '$.owner')) VIRTUAL);
CREATE TABLE link(src TEXT NOT NULL, dst TEXT NOT NULL, ord REAL NOT NULL, data TEXT NOT NULL,
  kind TEXT GENERATED ALWAYS AS (json_extract(data, '$.kind')) VIRTUAL,
  PRIMARY KEY(src, dst));
CREATE TABLE process(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL,
  name TEXT GENERATED ALWAYS AS (json_extract(data, '$.name')) VIRTUAL);
CREATE TABLE flow(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL,
  name TEXT GENERATED ALWAYS AS (json_extract(data, '$.name')) VIRTUAL);
CREATE TABLE step(flow TEXT NOT NULL, id TEXT NOT NULL, ord REAL NOT NULL, data TEXT NOT NULL,
  text TEXT GENERATED ALWAYS AS (json_extract(data, '$.text')) VIRTUAL,
  PRIMARY KEY(flow, id));
CREATE TABLE annotation(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL);
-- one row per edit: the operation and each entity's before/after
CREATE TABLE history(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, label TEXT NOT NULL,
  op TEXT NOT NULL, changes TEXT NOT NULL);
-- named versions; a final one is the signed, frozen version
CREATE TABLE snapshot(name TEXT PRIMARY KEY, seq INTEGER NOT NULL, at TEXT NOT NULL,
  fingerprint TEXT NOT NULL, final INTEGER NOT NULL DEFAULT 0, document TEXT NOT NULL);
";

/// Schema 3: the reviewer's worksheet verdicts (KKE).
const V3: &str = "CREATE TABLE verdict(id TEXT PRIMARY KEY, ord REAL NOT NULL, data TEXT NOT NULL);";

/// Schema 4: realisasi are monitoring data, outside the plan's
/// fingerprint. Each named version keeps the fingerprint it was made with
/// (printouts made then carry it) and gains its plan's as fingerprinted
/// now, read from the document it keeps.
fn v4_plan_fingerprints(tx: &Transaction) -> Result<(), MigrationError> {
    tx.execute_batch("ALTER TABLE snapshot ADD COLUMN plan_fingerprint TEXT")?;
    let versions: Vec<(i64, String, String)> = tx
        .prepare("SELECT rowid, name, document FROM snapshot")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rowid, name, text) in versions {
        let doc = crate::interchange::json::from_str(&text, &format!("versi \"{name}\""))
            .map_err(|e| MigrationError::Data(e.to_string()))?;
        let plan = crate::interchange::json::fingerprint(&doc);
        tx.execute("UPDATE snapshot SET plan_fingerprint = ?1 WHERE rowid = ?2", rusqlite::params![plan, rowid])?;
    }
    Ok(())
}

/// Why a migration stopped: SQLite, or a row it could not read.
pub(super) enum MigrationError {
    Sql(rusqlite::Error),
    Data(String),
}

impl From<rusqlite::Error> for MigrationError {
    fn from(e: rusqlite::Error) -> Self {
        MigrationError::Sql(e)
    }
}

pub(super) fn create(tx: &Transaction) -> Result<(), MigrationError> {
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    migrate(tx, 0)
}

/// Forward migrations, one version at a time, in the caller's transaction.
/// Version 0 is the empty database.
pub(super) fn migrate(tx: &Transaction, from: i64) -> Result<(), MigrationError> {
    for version in from.max(0)..SCHEMA_VERSION {
        match version {
            0 => tx.execute_batch(V1)?,
            1 => v2_step_numbers(tx)?,
            2 => tx.execute_batch(V3)?,
            3 => v4_plan_fingerprints(tx)?,
            _ => unreachable!("no migration from schema {version}"),
        }
        tx.pragma_update(None, "user_version", version + 1)?;
    }
    Ok(())
}

/// Schema 2: a step's number is `number`; `no` is only a decision's "no"
/// branch. Schema 1 wrote both under `no` (one JSON object, the key twice),
/// which a plain JSON value cannot hold: the step rows and the step rows
/// inside the history are rewritten, read by the step reader that still
/// understands the old spelling.
fn v2_step_numbers(tx: &Transaction) -> Result<(), MigrationError> {
    use crate::model::Step;
    use serde_json::value::RawValue;
    let step_value = |text: &str, place: &str| -> Result<serde_json::Value, MigrationError> {
        let step: Step = serde_json::from_str(text).map_err(|e| MigrationError::Data(format!("{place}: {e}")))?;
        Ok(serde_json::to_value(step).expect("steps serialise"))
    };
    let steps: Vec<(i64, String, String)> = tx
        .prepare("SELECT rowid, id, data FROM step")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rowid, id, data) in steps {
        let value = step_value(&data, &format!("langkah {id}"))?;
        tx.execute("UPDATE step SET data = ?1 WHERE rowid = ?2", rusqlite::params![value.to_string(), rowid])?;
    }

    #[derive(serde::Deserialize)]
    struct OldRow {
        ord: f64,
        data: Box<RawValue>,
    }
    #[derive(serde::Deserialize)]
    struct OldChange {
        key: Key,
        before: Option<OldRow>,
        after: Option<OldRow>,
    }
    let history: Vec<(i64, String)> = tx
        .prepare("SELECT seq, changes FROM history")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seq, text) in history {
        let place = format!("riwayat #{seq}");
        let old: Vec<OldChange> = serde_json::from_str(&text).map_err(|e| MigrationError::Data(format!("{place}: {e}")))?;
        let mut changes = Vec::with_capacity(old.len());
        for change in old {
            let convert = |row: Option<OldRow>| -> Result<Option<crate::edit::Row>, MigrationError> {
                row.map(|row| {
                    let data = if matches!(change.key, Key::Step { .. }) {
                        step_value(row.data.get(), &place)?
                    } else {
                        serde_json::from_str(row.data.get()).map_err(|e| MigrationError::Data(format!("{place}: {e}")))?
                    };
                    Ok(crate::edit::Row { ord: row.ord, data })
                })
                .transpose()
            };
            let (before, after) = (convert(change.before)?, convert(change.after)?);
            changes.push(crate::edit::Change { key: change.key, before, after });
        }
        let text = serde_json::to_string(&changes).expect("changes serialise");
        tx.execute("UPDATE history SET changes = ?1 WHERE seq = ?2", rusqlite::params![text, seq])?;
    }
    Ok(())
}
