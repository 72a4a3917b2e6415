//! SQLite's errors in the planner's words.

use super::schema;
use crate::error::Error;

pub(super) fn migration_error(file: &str, err: schema::MigrationError) -> Error {
    match err {
        schema::MigrationError::Sql(e) => sql_error(file, e),
        schema::MigrationError::Data(detail) => Error::Corrupt { file: file.into(), detail },
    }
}

/// A SQLite error in the planner's words, naming the file and what to do.
pub(crate) fn sql_error(file: &str, err: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::*;
    let file = file.to_string();
    let technical = err.to_string();
    match err.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => Error::Locked { file },
        Some(NotADatabase) => Error::NotPokin { file, detail: String::new() },
        Some(DatabaseCorrupt) => Error::Corrupt { file, detail: technical },
        Some(DiskFull) => Error::Io {
            file,
            message: "disk penuh: perubahan ini tidak disimpan, dokumen tetap seperti sebelumnya. \
                      Kosongkan ruang disk, lalu ulangi"
                .into(),
        },
        Some(CannotOpen) => Error::Io {
            file,
            message: "berkas tidak dapat dibuka; periksa bahwa berkas dan foldernya ada dan boleh dibaca".into(),
        },
        Some(ReadOnly) => Error::ReadOnly { file, reason: "berkas atau foldernya tidak boleh ditulis".into() },
        Some(PermissionDenied) => Error::Io { file, message: "tidak ada izin untuk membaca atau menulis berkas ini".into() },
        Some(SystemIoFailure) => Error::Io {
            file,
            message: format!(
                "kesalahan baca/tulis disk ({technical}); perubahan ini tidak disimpan. \
                 Periksa media penyimpanan (flashdisk tercabut? disk penuh?), lalu ulangi"
            ),
        },
        _ if matches!(err, rusqlite::Error::Utf8Error(..) | rusqlite::Error::FromSqlConversionFailure(..)) => {
            Error::Corrupt { file, detail: "isi berkas rusak: ada teks yang bukan UTF-8 yang sah".into() }
        }
        _ if technical.contains("malformed JSON") => {
            Error::Corrupt { file, detail: "isi berkas rusak: ada data JSON yang tidak utuh".into() }
        }
        _ => Error::Database { file, message: technical },
    }
}
