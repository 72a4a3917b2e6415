//! The sample documents built from real agencies' published trees and maps
//! (assets/samples, see its README): shipped inside the program so that the
//! start screen can open them without any file.

use crate::interchange::json;
use crate::model::Document;

pub struct Sample {
    /// File stem in assets/samples, e.g. "lumajang-bkd".
    pub key: &'static str,
    pub json: &'static str,
}

macro_rules! sample {
    ($key:literal) => {
        Sample { key: $key, json: include_str!(concat!("../assets/samples/", $key, ".json")) }
    };
}

pub static ALL: &[Sample] = &[
    sample!("lumajang-bkd"),
    sample!("lamongan-bkd"),
    sample!("kertas-kerja-bkpsdm"),
    sample!("kebumen-bkpsdm"),
    sample!("waykanan-bkpsdm"),
];

impl Sample {
    pub fn document(&self) -> Document {
        json::from_str(self.json, &format!("assets/samples/{}.json", self.key)).expect("shipped samples are valid pokin/1")
    }
}

pub fn find(key: &str) -> Option<&'static Sample> {
    ALL.iter().find(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_shipped_sample_reads() {
        for sample in super::ALL {
            assert!(!sample.document().document.title.is_empty(), "{}", sample.key);
        }
    }
}
