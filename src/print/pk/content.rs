//! What a Perjanjian Kinerja says, gathered from the document before
//! anything is drawn: the two parties, the levels that fit the unit's
//! echelon, the sasaran with their indicators and the year's targets, and
//! the budgets under the unit's nodes (each rupiah once).

use crate::format;
use crate::model::{Acting, Document, Hierarchy, Indicator, Node, Official, Unit, Value};
use std::collections::BTreeSet;

/// The target the Perjanjian Kinerja agrees for `year`: the indicator's
/// Renstra target of that year. (The one place that decides it: a PK's own
/// agreed target, when the model has one, goes here.)
pub(crate) fn agreed_target(indicator: &Indicator, year: i32) -> Option<&Value> {
    crate::monitoring::realisasi::target_of(indicator, year).map(|(target, _)| target)
}

/// A party to the agreement: who signs, in which post.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Party {
    pub position: String,
    pub name: String,
    pub rank: String,
    pub nip: String,
    pub acting: Acting,
    /// The kepala daerah (no rank or NIP line when they are empty).
    pub regional_head: bool,
}

impl Party {
    fn from_official(official: &Official, fallback_position: &str, regional_head: bool) -> Party {
        let position = if official.position.trim().is_empty() { fallback_position } else { official.position.trim() };
        Party {
            position: position.to_string(),
            name: official.name.trim().to_string(),
            rank: official.rank.trim().to_string(),
            nip: official.nip.trim().to_string(),
            acting: official.acting,
            regional_head,
        }
    }

    /// The position as the text names it: "Plt. Kepala Badan …".
    pub fn position_line(&self) -> String {
        prefixed(self.acting, &self.position)
    }

    /// The position as a signature heads it: "Plt. KEPALA BADAN …".
    pub fn position_upper(&self) -> String {
        prefixed(self.acting, &self.position.to_uppercase())
    }
}

fn prefixed(acting: Acting, position: &str) -> String {
    match acting.prefix() {
        "" => position.to_string(),
        prefix => format!("{prefix} {position}"),
    }
}

/// The kepala daerah's post from the government's name: "Kabupaten Way
/// Kanan" → "Bupati Way Kanan", "Kota X" → "Wali Kota X", "Provinsi X" →
/// "Gubernur X".
pub(crate) fn regional_head_position(government: &str) -> String {
    let g = government.trim();
    let g = g.strip_prefix("Pemerintah ").or_else(|| g.strip_prefix("PEMERINTAH ")).unwrap_or(g).trim();
    let lower = g.to_lowercase();
    for (prefix, title) in [("kabupaten ", "Bupati"), ("kota ", "Wali Kota"), ("provinsi ", "Gubernur")] {
        if lower.starts_with(prefix) {
            return format!("{title} {}", g[prefix.len()..].trim());
        }
    }
    "Kepala Daerah".to_string()
}

/// The kepala daerah: the document's `regional_head`, else the official of
/// the unit marked KDH.
pub(crate) fn regional_head(doc: &Document) -> Party {
    let official = if doc.document.regional_head.is_empty() {
        doc.units.iter().find(|u| u.is_regional_head()).map(|u| u.official.clone()).unwrap_or_default()
    } else {
        doc.document.regional_head.clone()
    };
    Party::from_official(&official, &regional_head_position(&doc.document.government), true)
}

/// The official of `unit` as a party: its `official`; the kepala daerah for
/// the KDH unit without one; the document's signatory (the agency's head)
/// for a unit without parent and without an official's name.
pub(crate) fn party(doc: &Document, unit: &Unit) -> Party {
    if unit.is_regional_head() && unit.official.name.trim().is_empty() {
        return regional_head(doc);
    }
    let mut official = unit.official.clone();
    let head = unit.parent.as_deref().and_then(|p| doc.unit(p)).is_none();
    let signatory = &doc.document.signatory;
    if head && !unit.is_regional_head() && official.name.trim().is_empty() && !signatory.name.trim().is_empty() {
        official.name = signatory.name.clone();
        official.rank = signatory.rank.clone();
        official.nip = signatory.nip.clone();
        if official.position.trim().is_empty() {
            official.position = signatory.position.clone();
        }
    }
    let fallback = if unit.is_regional_head() { regional_head_position(&doc.document.government) } else { unit.name.clone() };
    Party::from_official(&official, &fallback, unit.is_regional_head())
}

/// Pihak kedua: the official of the unit's parent; the kepala daerah for a
/// unit without parent; none for the kepala daerah's own agreement.
pub(crate) fn superior(doc: &Document, unit: &Unit) -> Option<Party> {
    match unit.parent.as_deref().and_then(|p| doc.unit(p)) {
        Some(parent) => Some(party(doc, parent)),
        None if unit.is_regional_head() => None,
        None => Some(regional_head(doc)),
    }
}

/// The roman part of an echelon: "III.b" → "III", "Eselon IV.a" → "IV".
fn echelon_class(echelon: &str) -> String {
    let e = echelon.trim().to_uppercase();
    let e = e.strip_prefix("ESELON").unwrap_or(&e).trim().to_string();
    e.split(['.', ' ', '/']).next().unwrap_or("").to_string()
}

/// The levels a unit's agreement lists, and a note when they are not the
/// ones its echelon expects.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LevelChoice {
    pub levels: Vec<usize>,
    pub note: Option<String>,
}

/// The levels of the nodes the unit owns that fit its echelon: eselon II the
/// sasaran (tujuan) of the perangkat daerah, III the program (intermediate
/// outcome), IV the kegiatan (immediate outcome) — the levels tagged with
/// that echelon, else the levels so named. An unknown echelon (or the
/// kepala daerah's) takes every level the unit owns; a unit owning nothing
/// at its echelon's levels takes the owned level nearest to them.
pub(crate) fn pk_levels(doc: &Document, unit: &Unit) -> LevelChoice {
    let owned: BTreeSet<usize> = doc.tree.nodes.iter().filter(|n| owns(unit, n)).map(|n| n.level).collect();
    let all = LevelChoice { levels: owned.iter().copied().collect(), note: None };
    let class = echelon_class(&unit.echelon);
    if owned.is_empty() || unit.is_regional_head() || !matches!(class.as_str(), "II" | "III" | "IV") {
        return all;
    }
    let levels = &doc.tree.levels;
    let mut expected: Vec<usize> = (0..levels.len()).filter(|&l| echelon_class(&levels[l].echelon) == class).collect();
    if expected.is_empty() && levels.iter().all(|l| l.echelon.trim().is_empty()) {
        let named = |l: usize| {
            let name = levels[l].name.to_lowercase();
            match class.as_str() {
                "II" => (name.contains("sasaran") || name.contains("tujuan") || name.contains("ultimate"))
                    && !name.contains("program")
                    && !name.contains("kegiatan"),
                "III" => name.contains("program") || name.contains("intermediate"),
                _ => (name.contains("kegiatan") && !name.contains("sub kegiatan")) || name.contains("immediate"),
            }
        };
        expected = (0..levels.len()).filter(|&l| named(l)).collect();
    }
    if expected.is_empty() {
        return all;
    }
    let fitting: Vec<usize> = expected.iter().copied().filter(|l| owned.contains(l)).collect();
    if !fitting.is_empty() {
        return LevelChoice { levels: fitting, note: None };
    }
    // The owned level nearest to the expected ones (the higher on a tie).
    let distance = |l: usize| expected.iter().map(|&e| e.abs_diff(l)).min().unwrap_or(usize::MAX);
    let nearest = owned.iter().copied().min_by_key(|&l| (distance(l), l)).expect("owned is not empty");
    let name = |l: usize| levels.get(l).map_or_else(|| format!("level {l}"), |x| x.name.clone());
    let wanted = expected.iter().map(|&l| name(l)).collect::<Vec<_>>().join(", ");
    LevelChoice {
        levels: vec![nearest],
        note: Some(format!(
            "{} (eselon {}) tidak memegang kondisi pada level {wanted}; Perjanjian Kinerja memuat level {}.",
            unit.name,
            unit.echelon.trim(),
            name(nearest)
        )),
    }
}

/// A statement shortened between words for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{out} …")
}

pub(crate) fn owns(unit: &Unit, node: &Node) -> bool {
    node.owner.as_deref() == Some(unit.id.as_str())
}

/// One indicator's line of the first table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measure {
    pub indicator: String,
    /// "85 %", "WTP", or "–" without a target for the year.
    pub target: String,
}

/// One sasaran of the first table with its indicators.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sasaran {
    pub statement: String,
    pub measures: Vec<Measure>,
}

/// A target with its satuan: "85 %", "12 Dokumen", "WTP".
fn target_text(value: &Value, unit: &str) -> String {
    let v = format::value(value);
    match unit.trim() {
        "" => v,
        "%" | "persen" | "Persen" | "PERSEN" if matches!(value, Value::Number(_)) => format!("{v} %"),
        u => format!("{v} {u}"),
    }
}

/// The sasaran of the unit at `levels`, in the tree's reading order, and a
/// warning for each indicator without a target for `year`.
pub(crate) fn sasaran(doc: &Document, tree: &Hierarchy, unit: &Unit, levels: &[usize], year: i32) -> (Vec<Sasaran>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    for &i in &tree.order {
        let node = &doc.tree.nodes[i];
        if !owns(unit, node) || !levels.contains(&node.level) {
            continue;
        }
        let statement = shorten(&node.statement);
        let mut measures = Vec::new();
        for indicator in &node.indicators {
            let name = if indicator.name.trim().is_empty() { "(indikator tanpa nama)" } else { indicator.name.trim() };
            let target = match agreed_target(indicator, year) {
                Some(v) => target_text(v, &indicator.unit),
                None => {
                    warnings.push(format!("Indikator \"{name}\" pada \"{statement}\" belum punya target tahun {year}; dicetak –."));
                    "–".to_string()
                }
            };
            let indicator = if indicator.unit.trim().is_empty() { name.to_string() } else { format!("{name} ({})", indicator.unit.trim()) };
            measures.push(Measure { indicator, target });
        }
        if measures.is_empty() {
            warnings.push(format!("\"{statement}\" belum punya indikator; dicetak –."));
            measures.push(Measure { indicator: "–".into(), target: "–".into() });
        }
        rows.push(Sasaran { statement: node.statement.trim().to_string(), measures });
    }
    (rows, warnings)
}

/// One line of the budget table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BudgetLine {
    /// Code and nomenclature ("5.03.01 Program Kepegawaian Daerah"), else the statement.
    pub name: String,
    pub ceiling: i64,
}

/// The budgets the unit's agreement carries: on or under the nodes it
/// owns, in each branch the topmost budget only (a program's pagu already
/// holds its kegiatan's), each node once — so every rupiah counts once.
pub(crate) fn budget(doc: &Document, tree: &Hierarchy, unit: &Unit) -> Vec<BudgetLine> {
    let n = doc.tree.nodes.len();
    // Every node on or under an owned node.
    let mut in_scope = vec![false; n];
    let mut stack: Vec<usize> = (0..n).filter(|&i| owns(unit, &doc.tree.nodes[i])).collect();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut in_scope[i], true) {
            stack.extend(tree.children[i].iter().copied().filter(|&c| !in_scope[c]));
        }
    }
    let budgeted = |i: usize| doc.tree.nodes[i].budget.ceiling.is_some();
    tree.order
        .iter()
        .copied()
        .filter(|&i| in_scope[i] && budgeted(i))
        .filter(|&i| !tree.path(i).into_iter().any(|a| in_scope[a] && budgeted(a)))
        .map(|i| {
            let node = &doc.tree.nodes[i];
            let b = &node.budget;
            let name = [b.code.trim(), b.name.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
            BudgetLine { name: if name.is_empty() { node.statement.trim().to_string() } else { name }, ceiling: b.ceiling.unwrap_or(0) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Budget, Level, LevelKind};

    fn waykanan() -> Document {
        crate::samples::find("waykanan-bkpsdm").unwrap().document()
    }

    fn unit<'a>(doc: &'a Document, id: &str) -> &'a Unit {
        doc.unit(id).unwrap()
    }

    #[test]
    fn the_level_follows_the_echelon() {
        let doc = waykanan();
        let name = |choice: &LevelChoice| choice.levels.iter().map(|&l| doc.tree.levels[l].name.as_str()).collect::<Vec<_>>();
        // Eselon II: the sasaran strategis, not the tujuan it also owns.
        assert_eq!(name(&pk_levels(&doc, unit(&doc, "kaban"))), ["Sasaran Strategis"]);
        // III: the program; IV: the kegiatan, not the sub kegiatan below.
        assert_eq!(name(&pk_levels(&doc, unit(&doc, "sekban"))), ["Program"]);
        assert_eq!(name(&pk_levels(&doc, unit(&doc, "bid_psdm"))), ["Program"]);
        assert_eq!(name(&pk_levels(&doc, unit(&doc, "subbag_pk"))), ["Kegiatan"]);
        // No echelon: every level it owns.
        assert_eq!(name(&pk_levels(&doc, unit(&doc, "sbid_binkesra"))), ["Sub Kegiatan"]);
        // Nothing at its echelon's level: the nearest level it owns, said.
        let kmpi = pk_levels(&doc, unit(&doc, "bid_kmpi"));
        assert_eq!(name(&kmpi), ["Kegiatan"]);
        assert!(kmpi.note.unwrap().contains("tidak memegang kondisi pada level Program"));
        // Owning nothing: no level.
        assert!(pk_levels(&doc, unit(&doc, "jf")).levels.is_empty());
    }

    #[test]
    fn levels_without_echelons_are_read_by_name() {
        let mut doc = waykanan();
        for level in &mut doc.tree.levels {
            level.echelon.clear();
        }
        let name = |doc: &Document, id: &str| pk_levels(doc, doc.unit(id).unwrap()).levels.iter().map(|&l| doc.tree.levels[l].name.clone()).collect::<Vec<_>>();
        assert_eq!(name(&doc, "kaban"), ["Tujuan", "Sasaran Strategis"]);
        assert_eq!(name(&doc, "sekban"), ["Program"]);
        assert_eq!(name(&doc, "subbag_uk"), ["Kegiatan"]);
        // A scheme that names nothing the echelon knows: all owned levels.
        doc.tree.levels = (0..5).map(|k| Level { name: format!("Tingkat {k}"), kind: LevelKind::Outcome, echelon: String::new(), extra: Default::default() }).collect();
        assert_eq!(name(&doc, "kaban"), ["Tingkat 0", "Tingkat 1"]);
    }

    #[test]
    fn every_rupiah_is_counted_once() {
        let doc = waykanan();
        let tree = doc.hierarchy();
        let total = |id: &str| budget(&doc, &tree, unit(&doc, id)).iter().map(|b| b.ceiling).sum::<i64>();
        // The head owns the top: the three programs, not their kegiatan again.
        let kaban = budget(&doc, &tree, unit(&doc, "kaban"));
        assert_eq!(kaban.len(), 3, "{kaban:?}");
        assert_eq!(total("kaban"), 6_850_200_218);
        // The secretariat's program holds its sub kegiatan: counted as the program.
        assert_eq!(total("sekban"), 3_269_253_218);
        // A sub-unit's own sub kegiatan.
        assert_eq!(total("subbag_pk"), 2_668_600 + 3_274_000 + 3_291_000 + 3_317_000 + 2_459_563_280 + 157_100_040 + 3_983_900 + 2_166_000 + 1_420_000);
        // A unit owning a budgeted node and a budgeted node under it counts the upper one.
        let mut doc = doc.clone();
        let n6 = doc.tree.nodes.iter_mut().find(|n| n.id == "n6").unwrap();
        n6.owner = Some("sekban".into());
        n6.budget = Budget { ceiling: Some(1), ..Default::default() };
        let tree = doc.hierarchy();
        assert_eq!(budget(&doc, &tree, doc.unit("sekban").unwrap()).iter().map(|b| b.ceiling).sum::<i64>(), 3_269_253_218);
        assert!(budget(&doc, &tree, doc.unit("jf").unwrap()).is_empty());
    }

    #[test]
    fn the_parties() {
        let mut doc = waykanan();
        // The head without an official: the document's signatory; above it, the bupati.
        let kaban = party(&doc, unit(&doc, "kaban"));
        assert_eq!((kaban.name.as_str(), kaban.nip.as_str()), ("ANDIKA SAPUTRA, S.E.,M.M.", "19800412 200003 1 003"));
        let bupati = superior(&doc, unit(&doc, "kaban")).unwrap();
        assert_eq!((bupati.position.as_str(), bupati.name.as_str(), bupati.regional_head), ("Bupati Way Kanan", "", true));
        // A sub-unit answers to its parent's official; acting is said.
        doc.units.iter_mut().find(|u| u.id == "sekban").unwrap().official = Official { position: "Sekretaris".into(), name: "Drs. Iwan Setiawan".into(), acting: Acting::Plt, ..Default::default() };
        assert_eq!(party(&doc, unit(&doc, "sekban")).position_line(), "Plt. Sekretaris");
        assert_eq!(superior(&doc, unit(&doc, "subbag_pk")).unwrap().name, "Drs. Iwan Setiawan");
        // Without a position: the unit's name.
        assert_eq!(party(&doc, unit(&doc, "subbag_pk")).position, "Sub Bagian Perencanaan dan Keuangan");
        // The kepala daerah's own unit signs alone, as the document's kepala daerah.
        doc.document.regional_head = Official { name: "Ali Rahman".into(), acting: Acting::Pj, ..Default::default() };
        doc.units.push(Unit { id: "kdh".into(), name: "Bupati".into(), echelon: "KDH".into(), ..Default::default() });
        assert!(superior(&doc, unit(&doc, "kdh")).is_none());
        assert_eq!(party(&doc, unit(&doc, "kdh")).position_upper(), "Pj. BUPATI WAY KANAN");
        assert_eq!(regional_head_position("Kota Malang"), "Wali Kota Malang");
        assert_eq!(regional_head_position("Provinsi Jawa Timur"), "Gubernur Jawa Timur");
    }

    #[test]
    fn targets_of_the_year_and_their_absence() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let tree = doc.hierarchy();
        let p2i = doc.unit("p2i").unwrap();
        let choice = pk_levels(&doc, p2i);
        let (rows, warnings) = sasaran(&doc, &tree, p2i, &choice.levels, 2025);
        assert!(!rows.is_empty());
        // Lumajang's Kabid P2I owns a node without indicators: "–", said.
        assert!(rows.iter().flat_map(|r| &r.measures).all(|m| m.target == "–"));
        assert_eq!(warnings.len(), rows.len());
        assert!(warnings[0].ends_with("belum punya indikator; dicetak –."), "{warnings:?}");
        // Way Kanan's secretariat has an indicator without a 2025 target.
        let doc = crate::samples::find("waykanan-bkpsdm").unwrap().document();
        let tree = doc.hierarchy();
        let sekban = doc.unit("sekban").unwrap();
        let (rows, warnings) = sasaran(&doc, &tree, sekban, &pk_levels(&doc, sekban).levels, 2025);
        assert_eq!(rows[0].measures[0], Measure { indicator: "Cakupan Pelayanan Administrasi Perkantoran BKPSDM (%)".into(), target: "–".into() });
        assert_eq!(warnings, ["Indikator \"Cakupan Pelayanan Administrasi Perkantoran BKPSDM\" pada \"Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\" belum punya target tahun 2025; dicetak –."]);
        let (rows, _) = sasaran(&doc, &tree, sekban, &pk_levels(&doc, sekban).levels, 2023);
        assert_eq!(rows[0].measures[0].target, "100 %");
        assert_eq!(target_text(&Value::from(85.5), "Persen"), "85,5 %");
        assert_eq!(target_text(&Value::Text("WTP".into()), "Opini"), "WTP Opini");
    }
}
