//! The file's history: listing it, applying one edit, undo, redo, named versions.

use pokin::interchange::json;
use pokin::store::DocFile;
use pokin::Error;
use std::path::{Path, PathBuf};

pub(super) fn history(file: PathBuf) -> Result<(), Error> {
    let opened = DocFile::open_read_only(&file)?;
    let entries = opened.history()?;
    if entries.is_empty() {
        println!("Belum ada perubahan sejak berkas dibuat.");
    }
    for e in entries {
        let mark = if e.undone { " (dibatalkan)" } else { "" };
        println!("#{:<5} {}  {}{}", e.seq, e.at, e.label, mark);
    }
    for s in opened.snapshots()? {
        let fin = if s.is_final { ", final" } else { "" };
        println!("versi \"{}\" pada #{} ({}{}) sidik {}", s.name, s.seq, s.at, fin, &s.fingerprint[..16]);
    }
    Ok(())
}

pub(super) fn apply(file: PathBuf, op: String) -> Result<(), Error> {
    let (text, source) = match op.as_str() {
        "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| Error::io(Path::new("-"), e))?;
            (text, "masukan standar".to_string())
        }
        _ => match op.strip_prefix('@') {
            Some(path) => (std::fs::read_to_string(path).map_err(|e| Error::io(Path::new(path), e))?, path.to_string()),
            None => (op.clone(), "operasi".to_string()),
        },
    };
    let de = &mut serde_json::Deserializer::from_str(&text);
    let op: pokin::edit::Op = serde_path_to_error::deserialize(de).map_err(|err| {
        let place = err.path().to_string();
        let place = if place == "." { "(awal)".to_string() } else { place };
        Error::refused(format!("{source}: {place}: operasi tidak dapat dibaca: {}", json::translate_serde_error(&err.into_inner())))
    })?;
    match DocFile::open(&file)?.apply(&op)? {
        Some(applied) => println!("Diterapkan: {} (riwayat #{})", applied.label, applied.seq),
        None => println!("Tidak ada perubahan."),
    }
    Ok(())
}

pub(super) fn undo(file: PathBuf) -> Result<(), Error> {
    match DocFile::open(&file)?.undo()? {
        Some(label) => println!("Dibatalkan: {label}"),
        None => println!("Tidak ada perubahan yang dapat dibatalkan."),
    };
    Ok(())
}

pub(super) fn redo(file: PathBuf) -> Result<(), Error> {
    match DocFile::open(&file)?.redo()? {
        Some(label) => println!("Diulang: {label}"),
        None => println!("Tidak ada perubahan yang dapat diulang."),
    };
    Ok(())
}

pub(super) fn snapshot(file: PathBuf, name: String) -> Result<(), Error> {
    let snapshot = DocFile::open(&file)?.snapshot(&name)?;
    println!("Versi \"{}\" disimpan pada riwayat #{} (sidik {}).", snapshot.name, snapshot.seq, snapshot.fingerprint);
    Ok(())
}
