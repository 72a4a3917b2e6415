//! Byte mutations for the fuzz tests (pokin/1 reader, `.pokin` opener,
//! spreadsheet importer): one byte flipped, bytes inserted or deleted, the
//! tail cut. `POKIN_FUZZ_CASES` sets how many cases each target runs.

use proptest::prelude::*;

/// Cases per fuzz target: `POKIN_FUZZ_CASES`, else `default` (short, for CI).
pub fn fuzz_cases(default: u32) -> u32 {
    std::env::var("POKIN_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[derive(Debug, Clone)]
pub enum ByteMutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

pub fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bit)| ByteMutation::Flip(at, bit)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..16)).prop_map(|(at, b)| ByteMutation::Insert(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| ByteMutation::Delete(at, n)),
        any::<usize>().prop_map(ByteMutation::Truncate),
    ]
}

pub fn mutate_bytes(bytes: &mut Vec<u8>, m: &ByteMutation) {
    if bytes.is_empty() {
        return;
    }
    match m {
        ByteMutation::Flip(at, bit) => {
            let i = at % bytes.len();
            bytes[i] ^= bit;
        }
        ByteMutation::Insert(at, b) => {
            let i = at % bytes.len();
            bytes.splice(i..i, b.iter().copied());
        }
        ByteMutation::Delete(at, n) => {
            let i = at % bytes.len();
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        ByteMutation::Truncate(at) => bytes.truncate(at % bytes.len()),
    }
}
