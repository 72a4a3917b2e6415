//! Synthetic documents for benchmarks and tests: a balanced tree over the
//! default levels, worded as planners word it, with 1–3 indicators per
//! condition, owners, budgets, some crosscutting links, a process map and
//! flows of 10–40 steps. The same seed always gives the same document.

use crate::model::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;

pub struct Options {
    pub nodes: usize,
    pub flows: usize,
    pub seed: u64,
}

const OBJECTS: &[&str] = &[
    "Profesionalitas ASN", "Kualitas Pelayanan Kepegawaian", "Kompetensi Aparatur", "Disiplin Pegawai",
    "Akuntabilitas Kinerja Perangkat Daerah", "Penerapan Sistem Merit", "Kualifikasi Pendidikan ASN",
    "Kinerja Pegawai", "Tata Kelola Keuangan", "Kualitas Data Kepegawaian", "Kepuasan Masyarakat",
    "Kualitas Perencanaan Pembangunan", "Efektivitas Pengawasan Internal", "Pemanfaatan Sistem Informasi",
    "Ketepatan Waktu Layanan Kenaikan Pangkat", "Kualitas Pengadaan ASN", "Pengembangan Karier ASN",
    "Integritas Aparatur", "Kapasitas Kelembagaan", "Kualitas Layanan Administrasi Umum",
    "Keterbukaan Informasi Publik", "Kesejahteraan Pegawai", "Pengelolaan Arsip Kepegawaian",
    "Kualitas Evaluasi Jabatan", "Penyelesaian Pelanggaran Disiplin",
];

const QUALIFIERS: &[&str] = &[
    "di Lingkungan Pemerintah Daerah", "Jabatan Fungsional", "Jabatan Pelaksana", "Jabatan Pimpinan Tinggi",
    "Berbasis Elektronik", "Tingkat Kecamatan", "Perangkat Daerah", "Tahun Berjalan",
];

const OUTPUT_OBJECTS: &[&str] = &[
    "Dokumen Rencana Kebutuhan Pegawai", "Data Kepegawaian yang Mutakhir", "Layanan Mutasi Pegawai",
    "Pelatihan Teknis Aparatur", "Penilaian Kinerja Pegawai", "Sistem Informasi Kepegawaian", "Uji Kompetensi",
    "Seleksi Terbuka JPT", "Laporan Evaluasi Kinerja", "Bimbingan Teknis SKP", "Pembinaan Disiplin ASN",
    "Penghargaan Pegawai Berprestasi",
];

const ACTIVITIES: &[&str] = &[
    "Penyusunan", "Pelaksanaan", "Verifikasi", "Koordinasi", "Sosialisasi", "Monitoring", "Evaluasi",
    "Pengelolaan",
];

const INDICATOR_NAMES: &[(&str, &str)] = &[
    ("Indeks Profesionalitas ASN", "Poin"), ("Persentase Pegawai yang Memenuhi Standar Kompetensi", "Persen"),
    ("Indeks Sistem Merit", "Indeks"), ("Nilai SAKIP", "Nilai"), ("Indeks Kepuasan Masyarakat", "Indeks"),
    ("Persentase Layanan Tepat Waktu", "Persen"), ("Persentase Data Pegawai Valid", "Persen"),
    ("Jumlah Pegawai Mengikuti Pelatihan", "Orang"), ("Persentase Pelanggaran Disiplin", "Persen"),
    ("Tingkat Kepatuhan Jam Kerja", "Persen"),
];

const STEP_VERBS: &[&str] = &[
    "Menerima berkas usulan", "Memeriksa kelengkapan berkas", "Menyusun konsep", "Memaraf konsep",
    "Menandatangani keputusan", "Menginput data ke aplikasi", "Mengirim surat", "Mengarsipkan dokumen",
    "Memverifikasi data", "Menyampaikan laporan", "Mendisposisikan surat", "Menyusun jadwal",
];

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.gen_range(0..list.len())]
}

fn units() -> Vec<Unit> {
    let unit = |id: &str, name: &str, short: &str, echelon: &str, parent: Option<&str>| Unit {
        id: id.into(),
        name: name.into(),
        short: short.into(),
        echelon: echelon.into(),
        parent: parent.map(Into::into),
        official: Default::default(),
        extra: Extra::new(),
    };
    let mut units = vec![
        unit("kaban", "Kepala Badan", "KEPALA", "II.b", None),
        unit("sekban", "Sekretaris", "SEKBAN", "III.a", Some("kaban")),
    ];
    let bidang = [
        ("p2i", "Bidang Pengadaan, Pemberhentian dan Informasi", "KABID P2I"),
        ("mutpro", "Bidang Mutasi dan Promosi", "KABID MUTPRO"),
        ("pka", "Bidang Pengembangan Kompetensi Aparatur", "KABID PKA"),
        ("pkap", "Bidang Penilaian Kinerja dan Penghargaan Aparatur", "KABID PKAP"),
    ];
    for (id, name, short) in bidang {
        units.push(unit(id, name, short, "III.b", Some("kaban")));
        for k in 1..=2 {
            let sub = format!("{id}-{k}");
            units.push(unit(&sub, &format!("Sub Bidang {k} {}", &name[7..]), &format!("KASUBBID {k}"), "IV.a", Some(id)));
        }
    }
    units.push(unit("umum", "Sub Bagian Umum dan Kepegawaian", "KASUBBAG UMUM", "IV.a", Some("sekban")));
    units
}

/// Nodes per level of a balanced tree of about `n` nodes over `levels` levels.
fn level_counts(n: usize, levels: usize) -> Vec<usize> {
    let mut branching = 2usize;
    loop {
        let total: usize = (0..levels).map(|l| branching.saturating_pow(l as u32)).fold(0, usize::saturating_add);
        if total >= n || branching > n {
            break;
        }
        branching += 1;
    }
    let mut counts = Vec::new();
    let mut left = n;
    let mut width = 1usize;
    for _ in 0..levels {
        let here = width.min(left);
        counts.push(here);
        left -= here;
        width = here * branching;
        if left == 0 {
            break;
        }
    }
    counts
}

pub fn generate(options: &Options) -> Document {
    let mut rng = StdRng::seed_from_u64(options.seed);
    let period = Period { from: 2025, to: 2029 };
    let mut doc = Document::new("Pohon Kinerja Sintetis BKPSDM", period);
    doc.document.agency = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into();
    doc.document.government = "Kabupaten Contoh".into();
    doc.document.status = Some(Status::Draft);
    doc.units = units().into();
    let unit_ids: Vec<String> = doc.units.iter().map(|u| u.id.clone()).collect();
    let owners_by_level: [&[&str]; 6] = [
        &["kaban"],
        &["kaban"],
        &["sekban", "p2i", "mutpro", "pka", "pkap"],
        &["p2i-1", "p2i-2", "mutpro-1", "mutpro-2", "pka-1", "pka-2", "pkap-1", "pkap-2", "umum"],
        &["p2i-1", "p2i-2", "mutpro-1", "mutpro-2", "pka-1", "pka-2", "pkap-1", "pkap-2", "umum"],
        &["p2i-1", "p2i-2", "mutpro-1", "mutpro-2", "pka-1", "pka-2", "pkap-1", "pkap-2", "umum"],
    ];

    let levels = doc.tree.levels.clone();
    let counts = level_counts(options.nodes, levels.len());
    let mut nodes = Vec::with_capacity(options.nodes);
    let mut links = Vec::with_capacity(options.nodes + options.nodes / 40);
    let mut previous: Vec<usize> = Vec::new();
    for (level, &count) in counts.iter().enumerate() {
        let mut current = Vec::with_capacity(count);
        for k in 0..count {
            let index = nodes.len();
            let id = format!("n{index}");
            let kind = levels[level].kind;
            let statement = match kind {
                LevelKind::Impact | LevelKind::Outcome => {
                    let verb = if rng.gen_bool(0.8) { "Meningkatnya" } else { "Terwujudnya" };
                    format!("{verb} {} {}", pick(&mut rng, OBJECTS), pick(&mut rng, QUALIFIERS))
                }
                LevelKind::Output => format!("Tersedianya {} {}", pick(&mut rng, OUTPUT_OBJECTS), pick(&mut rng, QUALIFIERS)),
                LevelKind::Activity => format!("{} {}", pick(&mut rng, ACTIVITIES), pick(&mut rng, OUTPUT_OBJECTS)),
            };
            let indicators = if kind == LevelKind::Activity {
                Vec::new()
            } else {
                (1..=rng.gen_range(1..=3)).map(|i| indicator(&mut rng, i, period)).collect()
            };
            let budget = if kind == LevelKind::Output && rng.gen_bool(0.7) {
                let ceiling = rng.gen_range(50..5_000) as i64 * 1_000_000;
                Budget {
                    code: format!("5.03.{:02}.2.{:02}.{:04}", level, k % 100, index % 10_000),
                    name: format!("Sub Kegiatan {}", pick(&mut rng, OUTPUT_OBJECTS)),
                    ceiling: Some(ceiling),
                    spent: Some(ceiling / 100 * rng.gen_range(60..100)),
                    extra: Extra::new(),
                }
            } else {
                Budget::default()
            };
            let owner = pick(&mut rng, owners_by_level[level.min(5)]).to_string();
            nodes.push(Node {
                id: id.clone(),
                level,
                statement,
                phenomenon: if level <= 2 { format!("Capaian tahun {} masih di bawah target", period.from - 1) } else { String::new() },
                owner: unit_ids.contains(&owner).then_some(owner),
                indicators,
                budget,
                extra: Extra::new(),
            });
            if !previous.is_empty() {
                let parent = previous[k % previous.len()];
                let rationale = if rng.gen_bool(0.7) {
                    "Kondisi ini merupakan prasyarat tercapainya kondisi induk (hasil analisis CSF)".to_string()
                } else {
                    String::new()
                };
                links.push(Link { from: id.clone(), to: format!("n{parent}"), kind: LinkKind::Primary, rationale, serves: None, agreement: None, extra: Extra::new() });
                if previous.len() > 1 && rng.gen_bool(0.02) {
                    let other = previous[(k + 1 + rng.gen_range(0..previous.len() - 1)) % previous.len()];
                    if other != parent {
                        links.push(Link {
                            from: id.clone(),
                            to: format!("n{other}"),
                            kind: LinkKind::Crosscutting,
                            rationale: "Didukung bersama lintas bidang".into(), serves: None, agreement: None,
                            extra: Extra::new(),
                        });
                    }
                } else if level == 1 && rng.gen_bool(0.3) {
                    links.push(Link {
                        from: id.clone(),
                        to: "ext:Bappeda-Contoh/s1".into(),
                        kind: LinkKind::Crosscutting,
                        rationale: "Kesepakatan crosscutting dengan Bappeda".into(),
                        serves: None,
                        agreement: None,
                        extra: Extra::new(),
                    });
                }
            }
            current.push(index);
        }
        previous = current;
    }
    doc.tree.nodes = nodes.into();
    doc.tree.links = links.into();
    processes(&mut doc, &mut rng, options.flows);
    doc
}

fn indicator(rng: &mut StdRng, i: usize, period: Period) -> Indicator {
    let (name, unit) = *pick(rng, INDICATOR_NAMES);
    let base: f64 = rng.gen_range(40.0..80.0_f64).round();
    let step: f64 = rng.gen_range(1.0..4.0_f64).round();
    let targets: BTreeMap<i32, Value> =
        period.years().enumerate().map(|(k, y)| (y, Value::from(base + step * (k as f64 + 1.0)))).collect();
    let actuals: BTreeMap<i32, Value> = period
        .years()
        .take(2)
        .enumerate()
        .map(|(k, y)| (y, Value::from(((base + step * (k as f64 + 1.0)) * rng.gen_range(0.9..1.05) * 100.0).round() / 100.0)))
        .collect();
    Indicator {
        id: format!("i{i}"),
        name: name.into(),
        unit: unit.into(),
        definition: format!("{name} dihitung sesuai pedoman yang berlaku"),
        source: "Laporan Kinerja".into(),
        direction: Some(Direction::Up),
        baseline: Baseline { year: Some(period.from - 1), value: Some(Value::from(base)) },
        targets,
        actuals,
        ..Default::default()
    }
}

fn processes(doc: &mut Document, rng: &mut StdRng, flows: usize) {
    let map = &mut doc.processes.map;
    map.goal = doc.tree.nodes.first().map(|n| n.statement.clone()).unwrap_or_default();
    map.inputs = ["Regulasi", "SDM", "Sarpras", "Anggaran"].map(String::from).to_vec();
    map.outputs = vec!["Meningkatnya Indeks Kepuasan Masyarakat".into()];
    let served: Vec<String> = doc.tree.nodes.iter().filter(|n| n.level == 1 || n.level == 2).map(|n| n.id.clone()).collect();
    let categories = [ProcessCategory::Management, ProcessCategory::Core, ProcessCategory::Core, ProcessCategory::Support];
    let owners = ["sekban", "p2i", "mutpro", "pka", "pkap"];
    let count = (flows + 3).max(4);
    let mut processes = Vec::new();
    for i in 0..count {
        processes.push(Process {
            id: format!("p{}", i + 1),
            category: categories[i % categories.len()],
            name: format!("Pengelolaan {}", OBJECTS[i % OBJECTS.len()]),
            owners: vec![owners[i % owners.len()].into()],
            nodes: if served.is_empty() { Vec::new() } else { vec![served[i % served.len()].clone()] },
            parent: None,
            extra: Extra::new(),
        });
    }
    map.processes = processes.into();
    let lanes_pool = ["kaban", "sekban", "p2i", "mutpro", "pka", "pkap", "umum", "p2i-1"];
    let mut list = Vec::new();
    for f in 0..flows {
        let lane_count = rng.gen_range(3..=6);
        let lanes: Vec<String> = lanes_pool.iter().take(lane_count).map(|s| s.to_string()).collect();
        let step_count = rng.gen_range(10..=40);
        let mut steps = Vec::with_capacity(step_count);
        for k in 0..step_count {
            let id = format!("s{}", k + 1);
            let next_id = format!("s{}", k + 2);
            let shape = match k {
                0 => Shape::Start,
                k if k + 1 == step_count => Shape::End,
                k if k >= 2 && k % 7 == 3 => Shape::Decision,
                _ => Shape::Process,
            };
            let mut step = Step {
                id,
                number: Some(k as u32 + 1),
                text: if shape == Shape::Decision { "Apakah berkas lengkap dan benar?".into() } else { pick(rng, STEP_VERBS).to_string() },
                lane: lanes[(k * 7 + f) % lanes.len()].clone(),
                shape,
                requirements: "Berkas usulan".into(),
                duration: format!("{} hari", rng.gen_range(1..5)),
                output: "Dokumen hasil".into(),
                ..Default::default()
            };
            match shape {
                Shape::End => {}
                Shape::Decision => {
                    step.yes = Some(next_id);
                    step.no = Some(format!("s{k}"));
                }
                _ => step.next = vec![next_id],
            }
            steps.push(step);
        }
        list.push(Flow {
            id: format!("f{}", f + 1),
            name: format!("SOP Layanan {}", OBJECTS[f % OBJECTS.len()]),
            number: format!("SOP/BKPSDM/{:03}", f + 1),
            process: Some(format!("p{}", f % count + 1)),
            lanes,
            header: FlowHeader { legal_basis: vec!["Peraturan Pemerintah Nomor 11 Tahun 2017".into()], ..Default::default() },
            steps: steps.into(),
            extra: Extra::new(),
        });
    }
    doc.processes.flows = list.into();
}

/// A crowded flow for layout tests and benchmarks: `steps` steps over
/// `lanes` lanes, a start, an end, and every sixth step a decision whose
/// "Tidak" branch loops back two steps.
pub fn crowded_flow(steps: usize, lanes: usize) -> Flow {
    let lane_ids: Vec<String> = (1..=lanes).map(|k| format!("u{k}")).collect();
    let list: Vec<Step> = (1..=steps)
        .map(|k| {
            let shape = match k {
                1 => Shape::Start,
                k if k == steps => Shape::End,
                k if k % 6 == 0 => Shape::Decision,
                _ => Shape::Process,
            };
            let mut step = Step {
                id: format!("s{k}"),
                text: format!("Langkah {k}: memeriksa dan meneruskan berkas usulan ke unit berikutnya"),
                lane: lane_ids[(k * 3) % lanes].clone(),
                shape,
                duration: "1 hari".into(),
                output: "Berkas".into(),
                ..Default::default()
            };
            match shape {
                Shape::Decision => {
                    step.yes = Some(format!("s{}", k + 1));
                    step.no = Some(format!("s{}", k - 2));
                }
                Shape::End => {}
                _ => step.next = vec![format!("s{}", k + 1)],
            }
            step
        })
        .collect();
    Flow { id: "f".into(), name: "Uji".into(), lanes: lane_ids, steps: list.into(), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_determinism() {
        let a = generate(&Options { nodes: 1000, flows: 3, seed: 7 });
        let b = generate(&Options { nodes: 1000, flows: 3, seed: 7 });
        assert_eq!(a, b);
        assert_eq!(a.tree.nodes.len(), 1000);
        assert_eq!(a.processes.flows.len(), 3);
        assert!(a.processes.flows.iter().all(|f| (10..=40).contains(&f.steps.len())));
        // A balanced tree: every node below level 0 has exactly one primary parent one level up.
        let report = crate::validate::validate(&a);
        for rule in ["P001", "P002", "P003", "P004", "P005", "B003", "B004", "B005", "B006", "B007", "B008", "B011"] {
            assert!(report.findings.iter().all(|f| f.rule != rule), "{rule}: {:?}", report.findings.iter().find(|f| f.rule == rule));
        }
    }

    #[test]
    fn level_counts_cover_n() {
        for n in [1, 2, 10, 100, 2000, 50_000] {
            assert_eq!(level_counts(n, 6).iter().sum::<usize>(), n, "{n}");
        }
    }
}
