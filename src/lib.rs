//! Pokin Studio core: the document model of a Pohon Kinerja and Peta
//! Proses Bisnis, the `.pokin` file, edits with history, the cascade
//! validator, `pokin/1` interchange and synthetic documents.
//!
//! It knows nothing of the desktop shell: every capability is a function
//! here, reached from the CLI (`src/main.rs`) and from `src-tauri/`.

pub mod clock;
pub mod compare;
pub mod contract;
pub mod edit;
pub mod error;
pub mod format;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod monitoring;
pub mod print;
pub mod render;
pub mod store;
pub mod samples;
pub mod synth;
pub mod validate;
pub mod worksheet;

pub use error::{Error, Result};
