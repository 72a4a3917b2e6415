//! JSON form of a flow step.
//!
//! A step's number is `"number": 4`; `"no": "s3"` is only a decision's
//! "no" branch. Files written before schema 2 / this reader put the number
//! under `no` too (`"no": 4` and `"no": "s3"` in one object): the reader
//! still takes a numeric `no` as the number. The fingerprint's canonical
//! form keeps that older spelling (`with_legacy_numbers`), so the
//! fingerprints of documents finalised before stay what they were.

use super::{Extra, Shape, Step};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::Cell;

thread_local! {
    static LEGACY_NUMBERS: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with steps serialised in the spelling of the first pokin/1
/// files (the number under `no`): only for the fingerprint's canonical form.
pub(crate) fn with_legacy_numbers<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            LEGACY_NUMBERS.with(|l| l.set(self.0));
        }
    }
    let _reset = Reset(LEGACY_NUMBERS.with(|l| l.replace(true)));
    f()
}

const FIELDS: &[&str] = &[
    "id", "no", "number", "text", "lane", "shape", "requirements", "duration", "output", "note", "next", "yes", "extra",
];

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        if let Some(number) = self.number {
            let key = if LEGACY_NUMBERS.with(Cell::get) { "no" } else { "number" };
            map.serialize_entry(key, &number)?;
        }
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("lane", &self.lane)?;
        map.serialize_entry("shape", &self.shape)?;
        for (key, value) in [
            ("requirements", &self.requirements),
            ("duration", &self.duration),
            ("output", &self.output),
            ("note", &self.note),
        ] {
            if !value.is_empty() {
                map.serialize_entry(key, value)?;
            }
        }
        if !self.next.is_empty() {
            map.serialize_entry("next", &self.next)?;
        }
        if let Some(yes) = self.yes.as_deref().filter(|s| !s.is_empty()) {
            map.serialize_entry("yes", yes)?;
        }
        if let Some(no) = self.no.as_deref().filter(|s| !s.is_empty()) {
            map.serialize_entry("no", no)?;
        }
        if !self.extra.is_empty() {
            map.serialize_entry("extra", &self.extra)?;
        }
        map.end()
    }
}

/// A step's `no`: its number, or a decision's "no" branch.
#[derive(Deserialize)]
#[serde(untagged)]
enum NoKey {
    Number(u32),
    Branch(String),
    Null(()),
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StepVisitor;
        impl<'de> Visitor<'de> for StepVisitor {
            type Value = Step;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a flow step object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Step, A::Error> {
                let mut step = Step::default();
                let (mut id, mut text, mut lane, mut shape) = (None, None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "id" => id = Some(map.next_value::<String>()?),
                        "text" => text = Some(map.next_value::<String>()?),
                        "lane" => lane = Some(map.next_value::<String>()?),
                        "shape" => shape = Some(map.next_value::<Shape>()?),
                        // A number here is the step number as files before schema 2 wrote it.
                        "no" => match map.next_value::<NoKey>()? {
                            NoKey::Number(n) => step.number = Some(n),
                            NoKey::Branch(s) => step.no = Some(s),
                            NoKey::Null(()) => {}
                        },
                        "number" => step.number = map.next_value()?,
                        "requirements" => step.requirements = map.next_value()?,
                        "duration" => step.duration = map.next_value()?,
                        "output" => step.output = map.next_value()?,
                        "note" => step.note = map.next_value()?,
                        "next" => step.next = map.next_value::<Option<Vec<String>>>()?.unwrap_or_default(),
                        "yes" => step.yes = map.next_value()?,
                        "extra" => step.extra = map.next_value::<Option<Extra>>()?.unwrap_or_default(),
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                }
                step.id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                step.text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                step.lane = lane.ok_or_else(|| de::Error::missing_field("lane"))?;
                step.shape = shape.ok_or_else(|| de::Error::missing_field("shape"))?;
                Ok(step)
            }
        }
        deserializer.deserialize_map(StepVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_no_branch_are_two_keys_and_the_old_spelling_still_reads() {
        let old = r#"{ "id": "s4", "no": 4, "text": "Apakah berkas lengkap?", "lane": "p2i",
                        "shape": "decision", "yes": "s5", "no": "s3" }"#;
        let step: Step = serde_json::from_str(old).unwrap();
        assert_eq!(step.number, Some(4));
        assert_eq!(step.yes.as_deref(), Some("s5"));
        assert_eq!(step.no.as_deref(), Some("s3"));
        let back = serde_json::to_string(&step).unwrap();
        let new = r#"{"id":"s4","number":4,"text":"Apakah berkas lengkap?","lane":"p2i","shape":"decision","yes":"s5","no":"s3"}"#;
        assert_eq!(back, new);
        assert_eq!(serde_json::from_str::<Step>(new).unwrap(), step);
        // A plain JSON value keeps both.
        let value = serde_json::to_value(&step).unwrap();
        assert_eq!((value["number"].as_u64(), value["no"].as_str()), (Some(4), Some("s3")));
        let legacy = with_legacy_numbers(|| serde_json::to_string(&step).unwrap());
        assert!(legacy.starts_with(r#"{"id":"s4","no":4,"#), "{legacy}");
        assert_eq!(serde_json::to_string(&step).unwrap(), new, "the legacy spelling ends with the call");
    }

    #[test]
    fn years_read_from_a_parsed_value_too() {
        let value = serde_json::json!({ "id": "i1", "targets": { "2021": 80.5, "2022": "WTP" } });
        let indicator: crate::model::Indicator = serde_json::from_value(value).unwrap();
        assert_eq!(indicator.targets[&2021].as_f64(), Some(80.5));
        let bad = serde_json::json!({ "id": "i1", "targets": { "duaribu": 1 } });
        let err = serde_json::from_value::<crate::model::Indicator>(bad).unwrap_err();
        assert!(err.to_string().contains("tahun `duaribu` bukan bilangan bulat"), "{err}");
    }

    #[test]
    fn unknown_key_is_refused() {
        let err = serde_json::from_str::<Step>(r#"{"id":"s1","text":"x","lane":"a","shape":"start","nxt":[]}"#)
            .unwrap_err();
        assert!(err.to_string().contains("unknown field `nxt`"), "{err}");
    }
}
