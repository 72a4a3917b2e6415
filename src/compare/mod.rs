//! Compare and merge versions of a document: field-level differences
//! (`pokin diff`, Tampilan › Bandingkan) and the three-way merge of a
//! reviewer's copy (`pokin merge`, Berkas › Gabungkan hasil reviu). Both
//! work on the same flat entities (`entities`), built on the edit layer's
//! rows; a merge ends as row changes applied as one history step.

pub mod diff;
pub mod entities;
pub mod merge;

pub use diff::{compare, to_text, ChangeKind, EntityChange, FieldChange};
pub use entities::Entity;
pub use merge::{merge, Accept, Choice, Conflict, MergeReport, Merged, NoteCount};
