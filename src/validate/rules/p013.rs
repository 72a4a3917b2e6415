//! P013 — wording does not fit the level: an outcome stated as an
//! output/activity, or an output stated as an outcome.

use crate::model::{LevelKind, Target};
use crate::validate::text::{first_word, is_one_of};
use crate::validate::{Context, Sink};

/// Words that state an output or an activity, not a condition.
const OUTPUT_WORDS: &[&str] = &[
    "terlaksananya", "tersedianya", "terselenggaranya", "tersusunnya", "terkelolanya", "terfasilitasinya",
    "terbitnya", "terlaksana", "tersedia", "fasilitasi", "koordinasi", "sosialisasi", "evaluasi", "monitoring",
    "monev", "rapat", "bimtek", "diklat", "pelatihan",
];

/// Words that state a change of condition (outcome), not a product.
const OUTCOME_WORDS: &[&str] = &["meningkatnya", "menurunnya", "berkurangnya", "bertambahnya"];

/// "Pe…an" nouns name activities: Penyusunan, Pelaksanaan, Pengelolaan, Penataan …
fn is_activity_noun(word: &str) -> bool {
    let starts = |p: &str| word.get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p));
    let ends = word.len() > 2 && word.get(word.len() - 2..).is_some_and(|w| w.eq_ignore_ascii_case("an"));
    word.len() > 6 && starts("pe") && ends && !starts("persen")
}

pub fn check(cx: &Context, out: &mut Sink) {
    for node in cx.doc.tree.nodes.iter() {
        let word = first_word(&node.statement);
        match cx.kind_of(node) {
            Some(kind) if kind.is_outcome_like() => {
                if is_one_of(word, OUTPUT_WORDS) || is_activity_noun(word) {
                    out.push(
                        Target::Node(node.id.clone()),
                        format!(
                            "Simpul {} ada di {} tetapi dirumuskan sebagai kegiatan/output (\"{}\"), bukan kondisi yang ingin dicapai.",
                            cx.name_node(node),
                            cx.name_level(node.level),
                            word.to_lowercase()
                        ),
                        "Rumuskan sebagai kondisi, misalnya \"Meningkatnya …\", \"Menurunnya …\", \"Terwujudnya …\".",
                    );
                }
            }
            Some(LevelKind::Output) if is_one_of(word, OUTCOME_WORDS) => out.push(
                Target::Node(node.id.clone()),
                format!(
                    "Simpul {} ada di {} tetapi dirumuskan sebagai outcome (\"{}\"), bukan output yang dihasilkan.",
                    cx.name_node(node),
                    cx.name_level(node.level),
                    word.to_lowercase()
                ),
                "Rumuskan sebagai output, misalnya \"Tersedianya …\", \"Terlaksananya …\", \"Tersusunnya …\".",
            ),
            _ => {}
        }
    }
}

fixture_test!("P013");

#[cfg(test)]
mod tests {
    use super::is_activity_noun;

    #[test]
    fn activity_nouns() {
        for w in ["penyusunan", "Pelaksanaan", "PENGELOLAAN", "penataan", "pengadaan", "penilaian"] {
            assert!(is_activity_noun(w), "{w}");
        }
        for w in ["meningkatnya", "persentase", "peran", "terwujudnya"] {
            assert!(!is_activity_noun(w), "{w}");
        }
    }
}
