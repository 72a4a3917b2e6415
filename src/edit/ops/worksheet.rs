//! The reviewer's worksheet entries (KKE): a mark that overrides the
//! automatic one, or the row's note. Review data: these ops also run on a
//! final document. A row with neither marks nor note is not kept.

use crate::edit::change::row_of;
use crate::edit::{read, Key, List, Tx};
use crate::error::{Error, Result};
use crate::model::{Criterion, Kke, Mark, Target, Verdict};

/// Who enters a verdict (from the app's preferences or the CLI).
pub(super) struct Author<'a> {
    pub name: &'a str,
    pub role: &'a str,
}

pub(super) fn set_mark(tx: &mut Tx, kke: Kke, on: &Target, criterion: Criterion, mark: Option<Mark>, by: Author) -> Result<()> {
    if !kke.criteria().contains(&criterion) {
        return Err(Error::refused(format!("Kriteria {} tidak ada di {}", criterion.label(), kke.title())));
    }
    if mark == Some(Mark::K) && kke == Kke::Indicators {
        return Err(Error::refused("K (kurang logis) hanya dipakai di KKE Format 2; Format 1 dinilai Y atau T"));
    }
    change(tx, kke, on, by, |v| match mark {
        Some(mark) => {
            v.marks.insert(criterion, mark);
        }
        None => {
            v.marks.remove(&criterion);
        }
    })
}

pub(super) fn set_note(tx: &mut Tx, kke: Kke, on: &Target, note: &str, by: Author) -> Result<()> {
    change(tx, kke, on, by, |v| v.note = note.trim().to_string())
}

/// Reads the row of `on` (a new one if none), changes it, writes it back
/// (or removes it when nothing is left in it).
fn change(tx: &mut Tx, kke: Kke, on: &Target, by: Author, edit: impl FnOnce(&mut Verdict)) -> Result<()> {
    let id = Verdict::id_for(kke, on).ok_or_else(|| match kke {
        Kke::Indicators => Error::refused("KKE Format 1 menilai indikator: pilih satu indikator"),
        Kke::Cascade => Error::refused("KKE Format 2 menilai simpul: pilih satu simpul"),
    })?;
    if !tx.doc().has_target(on) {
        return Err(Error::refused(format!("{} tidak ada di dokumen", crate::validate::describe_target(tx.doc(), on))));
    }
    let key = Key::Verdict { id: id.clone() };
    let (ord, mut verdict) = match read(tx.doc(), &key) {
        Some(row) => (row.ord, serde_json::from_value::<Verdict>(row.data).expect("verdict rows are verdicts")),
        None => {
            let ord = tx.ord_at(&List::Verdicts, tx.doc().verdicts.len())?;
            let fresh = Verdict {
                id,
                kke,
                on: on.clone(),
                marks: Default::default(),
                note: String::new(),
                author: String::new(),
                role: String::new(),
                at: String::new(),
                extra: Default::default(),
            };
            (ord, fresh)
        }
    };
    let before = verdict.clone();
    edit(&mut verdict);
    if verdict == before {
        return Ok(());
    }
    verdict.at = crate::clock::now();
    if !by.name.is_empty() {
        verdict.author = by.name.to_string();
        verdict.role = by.role.to_string();
    }
    if verdict.is_empty() {
        return tx.delete(key);
    }
    tx.put(key, Some(row_of(ord, &verdict)))
}
