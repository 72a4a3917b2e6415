//! The `.pokin` file as a file: its header read before SQLite touches it,
//! whether it may be written, and whole-or-nothing placement of new files.

use super::APPLICATION_ID;
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files this program has open. POSIX releases all of a process's
/// locks on a file when any descriptor of it is closed, so this program
/// must not even peek at a file it holds: a second open of the same file
/// in the same program is refused here, before any descriptor is opened.
static HELD: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// This program's hold on an open file; let go when dropped.
pub(super) struct Hold(PathBuf);

pub(super) fn hold(path: &Path) -> Result<Hold> {
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    if held.contains(&key) {
        return Err(Error::Locked { file: path.display().to_string() });
    }
    held.push(key.clone());
    Ok(Hold(key))
}

impl Drop for Hold {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        held.retain(|p| p != &self.0);
    }
}

/// A lock of this program's own on the open file, beside SQLite's. SQLite
/// locks with POSIX `fcntl` locks, which the system drops when *any*
/// descriptor of the file in the process is closed — a file dialog or the
/// desktop's recent-files service peeking at the file is enough. A
/// `flock` lock belongs to its own descriptor and stays until that one is
/// closed, so a second Pokin Studio or `pokin` command is always refused.
/// (Windows locks are per handle already; nothing to add there.)
pub(super) struct Guard(#[allow(dead_code)] Option<std::fs::File>);

pub(super) fn guard(path: &Path, exclusive: bool) -> Result<Guard> {
    #[cfg(unix)]
    {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        // A lock can outlive its holder by a moment: a program closing the
        // file, or a child process of ours between fork and exec (it shares
        // the descriptor until exec closes it). Only a lock still held after
        // a quarter of a second means the file is open elsewhere.
        for attempt in 0.. {
            let locked = if exclusive { file.try_lock() } else { file.try_lock_shared() };
            match locked {
                Ok(()) => return Ok(Guard(Some(file))),
                Err(std::fs::TryLockError::WouldBlock) if attempt < 25 => std::thread::sleep(std::time::Duration::from_millis(10)),
                Err(std::fs::TryLockError::WouldBlock) => return Err(Error::Locked { file: path.display().to_string() }),
                // A file system without flock (some network shares): SQLite's own lock still applies.
                Err(std::fs::TryLockError::Error(_)) => return Ok(Guard(None)),
            }
        }
        unreachable!("the loop returns")
    }
    #[cfg(not(unix))]
    {
        let _ = (path, exclusive);
        Ok(Guard(None))
    }
}

/// What the first 100 bytes of a SQLite file say.
pub(super) struct Header {
    pub user_version: i64,
    /// Written by a Pokin Studio that used SQLite's WAL journal (before
    /// schema 2 files were kept self-contained).
    pub wal: bool,
}

/// Reads and checks the header: a folder, an empty file, a file that is not
/// SQLite, or a SQLite database of another program is refused here, with
/// SQLite never opening it (so its bytes stay as they are).
pub(super) fn read_header(path: &Path) -> Result<Header> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(Error::Io { file, message: "ini sebuah folder, bukan berkas Pokin Studio (.pokin)".into() });
    }
    let mut bytes = [0u8; 100];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut n = 0;
    while n < bytes.len() {
        match f.read(&mut bytes[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    if n == 0 {
        return Err(Error::NotPokin { file, detail: " (berkas kosong)".into() });
    }
    if n < 100 || &bytes[..16] != b"SQLite format 3\0" {
        return Err(Error::NotPokin { file, detail: String::new() });
    }
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    if i64::from(word(68)) != APPLICATION_ID {
        return Err(Error::NotPokin { file, detail: " (basis data SQLite milik program lain)".into() });
    }
    Ok(Header { user_version: i64::from(word(60) as i32), wal: bytes[18] == 2 || bytes[19] == 2 })
}

/// Is this a SQLite file (by its first bytes), whatever its name?
pub fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"SQLite format 3\0"
}

/// Why `path` must not be written, in the planner's words; `None` when it
/// may. Permission bits are honoured even where the user could override
/// them (an administrator): a file marked read-only stays read-only.
pub(super) fn write_refusal(path: &Path) -> Option<String> {
    let marked = |p: &Path| p.metadata().map(|m| m.permissions().readonly()).unwrap_or(false);
    if marked(path) {
        return Some("berkas ini ditandai hanya-baca; buka Berkas › Simpan sebagai untuk menyunting salinannya".into());
    }
    let folder = folder_of(path);
    let folder_refusal = "folder atau media penyimpanannya tidak boleh ditulis (mis. flashdisk yang dikunci atau CD); \
                          buka Berkas › Simpan sebagai untuk menyunting salinannya di tempat lain";
    if marked(&folder) {
        return Some(folder_refusal.into());
    }
    // The file must open for writing, and SQLite needs to create its
    // journal beside it while it writes.
    match std::fs::OpenOptions::new().write(true).open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => return Some(folder_refusal.into()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Some("berkas ini tidak boleh ditulis; buka Berkas › Simpan sebagai untuk menyunting salinannya".into())
        }
        _ => {}
    }
    let probe = folder.join(format!(".pokin-cek-tulis-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
        Err(_) => Some(folder_refusal.into()),
    }
}

/// A reading connection that writes nothing, not even beside the file.
pub(super) fn open_reader(path: &Path, header: &Header) -> rusqlite::Result<Connection> {
    let beside = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name).exists()
    };
    if header.wal && !beside("-wal") {
        // An older file in WAL mode with nothing pending: read it as it is,
        // without the -shm file SQLite would otherwise create.
        let uri = format!("file:{}?immutable=1", uri_path(path));
        return Connection::open_with_flags(&uri, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI);
    }
    if header.wal {
        return read_through_copy(path);
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::ZERO)?;
    Ok(conn)
}

/// An older WAL-mode file with a `-wal` left beside it, read without
/// writing beside it: SQLite would create a `-shm` there to read the WAL.
/// The file and its WAL are copied to a private temporary folder, the copy
/// folded and read as an immutable file; the folder goes once it is open
/// (on Windows, where an open file cannot go, with the next clean-up of
/// the temporary folder).
fn read_through_copy(path: &Path) -> rusqlite::Result<Connection> {
    let failed = |_| rusqlite::Error::InvalidPath(path.to_path_buf());
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let folder = std::env::temp_dir().join(format!("pokin-baca-{}-{stamp}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(failed)?;
    let copy = folder.join("salinan.pokin");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let copied = std::fs::copy(path, &copy).and_then(|_| std::fs::copy(PathBuf::from(wal), folder.join("salinan.pokin-wal")));
    let opened = copied.map_err(failed).and_then(|_| {
        let conn = Connection::open(&copy)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        drop(conn);
        Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(&copy)), OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI)
    });
    let _ = std::fs::remove_dir_all(&folder);
    opened
}

/// A path for a SQLite URI: percent-encoded where a URI needs it.
fn uri_path(path: &Path) -> String {
    let text = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            // Bytes of non-ASCII names too: pushed as chars they would be
            // re-encoded as two UTF-8 bytes each and name another file.
            b'%' | b'?' | b'#' | b' ' | 0x80.. => out.push_str(&format!("%{byte:02X}")),
            _ => out.push(byte as char),
        }
    }
    if !out.starts_with('/') {
        out.insert(0, '/'); // C:/… on Windows
    }
    out
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary name beside `path` for a file being built. Leftovers of
/// programs that died while building are removed first.
pub(super) fn temp_sibling(path: &Path) -> Result<PathBuf> {
    let folder = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::refused(format!("{}: nama berkas tidak sah", path.display())))?;
    let prefix = format!(".{name}.sementara-");
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let entry_name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = entry_name.strip_prefix(&prefix).and_then(|rest| rest.split('-').next()) else { continue };
            if pid.parse::<u32>().is_ok_and(|pid| !process_alive(pid)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    Ok(folder.join(format!("{prefix}{}-{stamp}", std::process::id())))
}

/// Whether a process still runs (only known on Linux; elsewhere assumed).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

pub(super) fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(|e| Error::io(path, e))
}

/// Puts a complete file at `target`, which must not exist: never over
/// another file, and durable once this returns.
pub(super) fn put_in_place(temp: &Path, target: &Path) -> Result<()> {
    let taken = || Error::Io {
        file: target.display().to_string(),
        message: "berkas sudah ada; pilih nama lain atau hapus dulu".into(),
    };
    // A hard link refuses to replace an existing file; where the medium has
    // no links (FAT on a USB stick), a rename after a last look.
    match std::fs::hard_link(temp, target) {
        Ok(()) => {
            let _ = std::fs::remove_file(temp);
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(taken()),
        Err(_) => {
            if target.exists() {
                return Err(taken());
            }
            std::fs::rename(temp, target).map_err(|e| Error::io(target, e))?;
        }
    }
    // The new name itself must survive a power cut.
    if let Ok(folder) = std::fs::File::open(folder_of(target)) {
        let _ = folder.sync_all();
    }
    Ok(())
}
