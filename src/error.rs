//! Errors of the core, worded for the planner (Indonesian), each naming the
//! place: the file, the JSON path, the node.

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read as a pokin/1 document.
    #[error("{file}: {place}: {message}")]
    Invalid { file: String, place: String, message: String },

    #[error("{file}: {message}")]
    Io { file: String, message: String },

    #[error("{file}: berkas tidak ditemukan")]
    NotFound { file: String },

    #[error("{file}: bukan berkas Pokin Studio (.pokin){detail}")]
    NotPokin { file: String, detail: String },

    #[error("{file}: berkas rusak dan tidak dapat dibuka ({detail}). Buka salinan cadangan atau versi bernama yang lain.")]
    Corrupt { file: String, detail: String },

    #[error("{file}: berkas sedang dibuka oleh program lain (Pokin Studio atau perintah pokin). Tutup dulu di sana, lalu coba lagi.")]
    Locked { file: String },

    #[error("{file}: berkas dibuka hanya-baca: {reason}")]
    ReadOnly { file: String, reason: String },

    /// An edit that would break the document, refused before anything changed.
    #[error("{0}")]
    Refused(String),

    #[error("{file}: kesalahan basis data: {message}")]
    Database { file: String, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(path: &Path, err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::NotFound {
            return Error::NotFound { file: path.display().to_string() };
        }
        Error::Io { file: path.display().to_string(), message: err.to_string() }
    }

    pub fn refused(message: impl Into<String>) -> Self {
        Error::Refused(message.into())
    }
}
