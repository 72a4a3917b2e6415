//! Import and export: the `pokin/1` JSON interchange format, spreadsheets
//! in (`sheet`) and out (`xlsx`).

pub mod json;
pub mod sheet;
pub mod xlsx;
