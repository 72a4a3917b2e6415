//! Review notes (catatan reviu): threads, replies and their status. Review
//! data beside the plan: these ops also run on a final document.

use super::{missing, taken};
use crate::edit::change::row_of;
use crate::edit::{read, Key, List, Tx};
use crate::error::{Error, Result};
use crate::model::{Annotation, AnnotationStatus, Reply};

/// A new thread: the core gives it an id no other copy of the file will
/// give (reviewers' copies merge by id), the time, and status Terbuka.
pub(super) fn add(tx: &mut Tx, annotation: &Annotation) -> Result<()> {
    let mut annotation = annotation.clone();
    annotation.text = annotation.text.trim().to_string();
    if annotation.text.is_empty() {
        return Err(Error::refused("Isi catatan reviu wajib diisi"));
    }
    let list = &tx.doc().annotations;
    if annotation.id.is_empty() {
        annotation.id = unique_id("c", |id| list.iter().any(|a| a.id == id));
    } else if list.iter().any(|a| a.id == annotation.id) {
        return Err(taken("catatan", &annotation.id));
    }
    if annotation.at.is_empty() {
        annotation.at = crate::clock::now();
    }
    let ord = tx.ord_at(&List::Annotations, tx.doc().annotations.len())?;
    tx.put(Key::Annotation { id: annotation.id.clone() }, Some(row_of(ord, &annotation)))
}

/// An answer in a thread, optionally moving its status at the same time
/// (the planner's answer usually makes it Dijawab).
pub(super) fn reply(tx: &mut Tx, id: &str, reply: &Reply, status: Option<AnnotationStatus>) -> Result<()> {
    let (ord, mut annotation) = thread(tx, id)?;
    let mut reply = reply.clone();
    reply.text = reply.text.trim().to_string();
    if reply.text.is_empty() {
        return Err(Error::refused("Isi balasan wajib diisi"));
    }
    if reply.id.is_empty() {
        reply.id = unique_id("r", |rid| annotation.replies.iter().any(|r| r.id == rid));
    } else if annotation.replies.iter().any(|r| r.id == reply.id) {
        return Err(taken("balasan", &reply.id));
    }
    if reply.at.is_empty() {
        reply.at = crate::clock::now();
    }
    annotation.replies.push(reply);
    if let Some(status) = status {
        annotation.status = status;
    }
    tx.put(Key::Annotation { id: id.to_string() }, Some(row_of(ord, &annotation)))
}

pub(super) fn set_status(tx: &mut Tx, id: &str, status: AnnotationStatus) -> Result<()> {
    let (ord, mut annotation) = thread(tx, id)?;
    annotation.status = status;
    tx.put(Key::Annotation { id: id.to_string() }, Some(row_of(ord, &annotation)))
}

fn thread(tx: &Tx, id: &str) -> Result<(f64, Annotation)> {
    let row = read(tx.doc(), &Key::Annotation { id: id.to_string() }).ok_or_else(|| missing("Catatan reviu", id))?;
    let annotation = serde_json::from_value(row.data).expect("annotation rows are annotations");
    Ok((row.ord, annotation))
}

/// An id no other copy of this file will make: the prefix and 8 hex digits
/// from the clock, the process and a counter (two reviewers commenting on
/// their own copies must not both make `c1`).
fn unique_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    use sha2::{Digest, Sha256};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    loop {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let seed = format!("{nanos}/{}/{count}", std::process::id());
        let digest = Sha256::digest(seed.as_bytes());
        let id = format!("{prefix}-{}", digest[..4].iter().map(|b| format!("{b:02x}")).collect::<String>());
        if !taken(&id) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{execute, Op};
    use crate::model::{Document, Target};

    fn doc() -> Document {
        crate::samples::find("lumajang-bkd").unwrap().document()
    }

    fn note(text: &str) -> Annotation {
        Annotation { author: "Inspektorat".into(), role: "Auditor".into(), round: 1, ..Annotation::new(Target::Node("n3".into()), text) }
    }

    #[test]
    fn a_new_thread_gets_an_id_no_other_copy_makes_and_a_time() {
        let mut a = doc();
        let mut b = doc();
        execute(&mut a, &Op::AddAnnotation { annotation: note("Indikator belum mengukur kondisi") }).unwrap();
        execute(&mut b, &Op::AddAnnotation { annotation: note("Indikator belum mengukur kondisi") }).unwrap();
        let (x, y) = (a.annotations.last().unwrap(), b.annotations.last().unwrap());
        assert!(x.id.starts_with("c-") && x.id.len() == 10, "{}", x.id);
        assert_ne!(x.id, y.id);
        assert!(!x.at.is_empty());
    }

    #[test]
    fn an_empty_note_or_reply_is_refused() {
        let mut d = doc();
        let err = execute(&mut d, &Op::AddAnnotation { annotation: note("  ") }).unwrap_err().to_string();
        assert_eq!(err, "Isi catatan reviu wajib diisi");
        execute(&mut d, &Op::AddAnnotation { annotation: note("Perbaiki") }).unwrap();
        let id = d.annotations.last().unwrap().id.clone();
        let op = Op::ReplyAnnotation { id, reply: Reply { text: " ".into(), ..Default::default() }, status: None };
        assert_eq!(execute(&mut d, &op).unwrap_err().to_string(), "Isi balasan wajib diisi");
    }

    #[test]
    fn a_reply_can_move_the_status() {
        let mut d = doc();
        execute(&mut d, &Op::AddAnnotation { annotation: note("Perbaiki") }).unwrap();
        let id = d.annotations.last().unwrap().id.clone();
        let reply = Reply { author: "Perencana".into(), text: "Sudah diganti".into(), ..Default::default() };
        execute(&mut d, &Op::ReplyAnnotation { id: id.clone(), reply, status: Some(AnnotationStatus::Fixed) }).unwrap();
        let thread = d.annotations.last().unwrap();
        assert_eq!(thread.status, AnnotationStatus::Fixed);
        assert_eq!(thread.replies.len(), 1);
        assert!(thread.replies[0].id.starts_with("r-"));
        execute(&mut d, &Op::SetAnnotationStatus { id, status: AnnotationStatus::Accepted }).unwrap();
        assert_eq!(d.annotations.last().unwrap().status, AnnotationStatus::Accepted);
    }

    #[test]
    fn resolved_reads_as_accepted() {
        let status: AnnotationStatus = serde_json::from_str("\"resolved\"").unwrap();
        assert_eq!(status, AnnotationStatus::Accepted);
    }
}
