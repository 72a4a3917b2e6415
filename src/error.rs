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

    #[error("{file}: kesalahan basis data ({message}); perubahan terakhir tidak disimpan. Tutup lalu buka kembali berkas ini; bila terulang, simpan salinannya dengan Simpan sebagai.")]
    Database { file: String, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A file-system error in the planner's words, naming the file.
    pub fn io(path: &Path, err: std::io::Error) -> Self {
        use std::io::ErrorKind::*;
        let file = path.display().to_string();
        let message = match err.kind() {
            NotFound => return Error::NotFound { file },
            IsADirectory => "ini sebuah folder, bukan berkas; pilih berkas di dalamnya".to_string(),
            NotADirectory => "salah satu bagian jalurnya bukan folder".to_string(),
            PermissionDenied => "tidak ada izin untuk membuka berkas ini; periksa izinnya atau pilih tempat lain".to_string(),
            ReadOnlyFilesystem => "media penyimpanannya hanya-baca (flashdisk yang dikunci atau CD); pilih tempat lain".to_string(),
            StorageFull => "disk penuh; kosongkan ruang disk lalu ulangi".to_string(),
            AlreadyExists => "berkas sudah ada; pilih nama lain atau hapus dulu".to_string(),
            InvalidData => "isinya bukan teks yang sah (UTF-8); simpan ulang sebagai teks UTF-8".to_string(),
            _ => format!("berkas tidak dapat dibaca atau ditulis ({err})"),
        };
        Error::Io { file, message }
    }

    pub fn refused(message: impl Into<String>) -> Self {
        Error::Refused(message.into())
    }
}
