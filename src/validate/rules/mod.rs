//! One module per rule, named by its id. Each has `check` and its tests
//! over `tests/fixtures/rules/<ID>/{valid,invalid,expected}.json`.

use super::{Rule, Severity::*};

/// The fixture test every rule module carries.
macro_rules! fixture_test {
    ($id:literal) => {
        #[cfg(test)]
        mod fixture {
            #[test]
            fn fixtures() {
                crate::validate::testing::check_fixtures($id);
            }
        }
    };
}


mod a001;
mod a002;
mod b001;
mod b002;
mod b003;
mod b004;
mod b005;
mod b006;
mod b007;
mod b008;
mod b009;
mod b010;
mod b011;
mod b012;
mod p001;
mod p002;
mod p003;
mod p004;
mod p005;
mod p006;
mod p007;
mod p008;
mod p009;
mod p010;
mod p011;
mod p012;
mod p013;
mod p014;
mod p015;
mod p016;
mod p017;
mod p018;
mod p019;
mod p020;
mod p021;
mod p022;
mod p023;
mod p024;
mod p025;
mod p026;
mod p027;
mod p028;
mod p029;
mod p030;
mod p031;
mod p032;

/// One catalogue entry: `rule!(id, module, default severity, title, group: "…")`.
///
/// `group:` (required) is the noun phrase the grouped findings are counted
/// with — "P016 · 57 keterkaitan tanpa justifikasi", "P014 · 36 simpul tanpa
/// penanggung jawab" — in the text report and the findings panel. Write it
/// lower case, as it reads after a number (Indonesian nouns stay singular).
macro_rules! rule {
    ($id:literal, $module:ident, $severity:expr, $title:literal, group: $group:literal) => {
        Rule { id: $id, default: $severity, title: $title, group: $group, check: $module::check }
    };
}

pub(super) static ALL: &[Rule] = &[
    rule!("P001", p001, Error, "Keterkaitan membentuk lingkaran", group: "lingkaran keterkaitan"),
    rule!("P002", p002, Error, "Simpul tanpa induk (yatim)", group: "simpul tanpa induk"),
    rule!("P003", p003, Error, "Keterkaitan utama tidak tepat satu level ke atas", group: "keterkaitan utama yang tidak tepat satu level ke atas"),
    rule!("P004", p004, Error, "Keterkaitan ke simpul yang tidak ada", group: "keterkaitan ke simpul yang tidak ada"),
    rule!("P005", p005, Error, "Simpul dengan lebih dari satu keterkaitan utama", group: "simpul dengan lebih dari satu keterkaitan utama"),
    rule!("P006", p006, Error, "Pernyataan kosong", group: "simpul tanpa pernyataan"),
    rule!("P007", p007, Error, "Kondisi tanpa indikator", group: "kondisi tanpa indikator"),
    rule!("P008", p008, Warning, "Indikator tanpa satuan", group: "indikator tanpa satuan"),
    rule!("P009", p009, Warning, "Indikator tanpa target untuk tahun periode", group: "indikator yang targetnya belum lengkap"),
    rule!("P010", p010, Warning, "Outcome tanpa simpul pendukung di bawahnya", group: "outcome tanpa simpul pendukung"),
    rule!("P011", p011, Warning, "Dua simpul bersaudara menyatakan hal yang sama", group: "simpul yang sama dengan saudaranya"),
    rule!("P012", p012, Warning, "Simpul atau indikator mengulang induknya", group: "simpul atau indikator yang mengulang induknya"),
    rule!("P013", p013, Warning, "Rumusan tidak sesuai level", group: "rumusan yang tidak sesuai level"),
    rule!("P014", p014, Warning, "Simpul tanpa penanggung jawab", group: "simpul tanpa penanggung jawab"),
    rule!("P015", p015, Info, "Eselon penanggung jawab tidak sesuai level", group: "penanggung jawab yang eselonnya tidak sesuai level"),
    rule!("P016", p016, Info, "Keterkaitan tanpa justifikasi", group: "keterkaitan tanpa justifikasi"),
    rule!("P017", p017, Warning, "Target bergerak berlawanan arah indikator", group: "indikator yang targetnya berlawanan arah"),
    rule!("P018", p018, Warning, "Realisasi pada tahun tanpa target", group: "indikator dengan realisasi tanpa target"),
    rule!("P019", p019, Warning, "Anggaran pada simpul yang tidak sampai ke tujuan", group: "anggaran yang tidak sampai ke tujuan"),
    rule!("P020", p020, Info, "Unit tanpa simpul", group: "unit tanpa simpul"),
    rule!("P021", p021, Info, "Indikator outcome menghitung dokumen atau kegiatan", group: "indikator outcome yang menghitung dokumen atau kegiatan"),
    rule!("P022", p022, Error, "Alamat ext: tidak sah", group: "alamat ext: yang tidak sah"),
    rule!("P023", p023, Warning, "Indikator yang tidak dapat diukur", group: "indikator tanpa ukuran"),
    rule!("P024", p024, Warning, "Target tidak menantang", group: "indikator dengan target tidak menantang"),
    rule!("P025", p025, Info, "Indikator outcome tanpa definisi atau sumber data", group: "indikator outcome tanpa definisi atau sumber data"),
    rule!("P026", p026, Info, "Outcome dengan hanya satu kondisi pendukung", group: "outcome dengan satu kondisi pendukung"),
    rule!("P027", p027, Info, "Keterkaitan tanpa indikator induk yang didukung", group: "keterkaitan tanpa indikator induk yang didukung"),
    rule!("P028", p028, Warning, "Indikator induk yang tidak didukung kondisi di bawahnya", group: "indikator induk tanpa pendukung"),
    rule!("P029", p029, Warning, "Crosscutting belum disepakati instansi mitra", group: "crosscutting yang belum disepakati"),
    rule!("P030", p030, Warning, "Target atau realisasi di luar periode", group: "indikator dengan nilai di luar periode"),
    rule!("P031", p031, Info, "Target PK berbeda dari target Renstra", group: "indikator dengan target perjanjian kinerja berbeda dari renstra"),
    rule!("P032", p032, Warning, "Capaian tidak dapat dihitung", group: "indikator yang capaiannya tidak dapat dihitung"),
    rule!("B001", b001, Warning, "Proses tidak melayani simpul pohon kinerja", group: "proses yang tidak melayani pohon kinerja"),
    rule!("B002", b002, Warning, "Proses tanpa unit pemilik", group: "proses tanpa unit pemilik"),
    rule!("B003", b003, Error, "Induk proses melingkar atau tidak ada", group: "induk proses yang melingkar atau tidak ada"),
    rule!("B004", b004, Error, "Pelaksana langkah bukan lajur peta", group: "langkah dengan pelaksana di luar lajur"),
    rule!("B005", b005, Error, "Peta tanpa langkah mulai atau selesai", group: "peta tanpa langkah mulai atau selesai"),
    rule!("B006", b006, Error, "Langkah tidak terjangkau dari mulai", group: "langkah yang tidak terjangkau dari mulai"),
    rule!("B007", b007, Error, "Langkah buntu, atau langkah selesai yang berlanjut", group: "langkah buntu atau selesai yang berlanjut"),
    rule!("B008", b008, Error, "Cabang keputusan kurang atau menunjuk langkah yang tidak ada", group: "langkah dengan cabang yang kurang atau salah"),
    rule!("B009", b009, Warning, "Langkah tanpa waktu atau output", group: "langkah tanpa waktu atau output"),
    rule!("B010", b010, Info, "Lajur tanpa langkah", group: "lajur tanpa langkah"),
    rule!("B011", b011, Warning, "Putaran tanpa keputusan", group: "putaran tanpa keputusan"),
    rule!("B012", b012, Info, "Output atau aktivitas tanpa proses bisnis", group: "output atau aktivitas tanpa proses bisnis"),
    rule!("A001", a001, Error, "Catatan reviu pada sesuatu yang tidak ada", group: "catatan reviu pada sesuatu yang tidak ada"),
    rule!("A002", a002, Info, "Catatan reviu yang masih terbuka", group: "catatan reviu yang masih terbuka"),
];

