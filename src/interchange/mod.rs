//! Import and export: the `pokin/1` JSON interchange format.

pub mod json;
