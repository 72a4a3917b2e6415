//! Finalising a document, branching a draft from it, and checking that a
//! printout comes from a final version.

use pokin::store::DocFile;
use pokin::Error;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn finalise(file: PathBuf, name: String) -> Result<(), Error> {
    let snapshot = DocFile::open(&file)?.mark_final(&name)?;
    println!("Ditetapkan: versi final \"{}\" (sidik {}). Dokumen ini tidak dapat diubah lagi.", snapshot.name, snapshot.fingerprint);
    Ok(())
}

pub(super) fn draft(file: PathBuf, new_file: PathBuf) -> Result<(), Error> {
    DocFile::open_read_only(&file)?.branch_draft(&new_file)?;
    println!("Draf baru: {}", new_file.display());
    Ok(())
}

/// Exit status 0: printed from a final version of this file; 1: not.
pub(super) fn verify(file: PathBuf, pdf: PathBuf) -> Result<ExitCode, Error> {
    let opened = DocFile::open_read_only(&file)?;
    let bytes = std::fs::read(&pdf).map_err(|e| Error::io(&pdf, e))?;
    let Some(fingerprint) = pokin::render::pdf::printed_fingerprint(&bytes) else {
        println!("TIDAK: {} bukan cetakan Pokin Studio (tidak ada sidik dokumen).", pdf.display());
        return Ok(ExitCode::from(1));
    };
    Ok(match opened.final_version(&fingerprint)? {
        Some(version) => {
            println!("YA: {} dicetak dari versi final \"{}\" ({}), sidik {}.", pdf.display(), version.name, version.at, fingerprint);
            ExitCode::SUCCESS
        }
        None => {
            println!("TIDAK: {} tidak dicetak dari versi final mana pun di {} (sidik {}).", pdf.display(), file.display(), fingerprint);
            ExitCode::from(1)
        }
    })
}
