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
mod p030;

macro_rules! rule {
    ($id:literal, $module:ident, $severity:expr, $title:literal) => {
        Rule { id: $id, default: $severity, title: $title, check: $module::check }
    };
}

pub(super) static ALL: &[Rule] = &[
    rule!("P001", p001, Error, "Keterkaitan membentuk lingkaran"),
    rule!("P002", p002, Error, "Simpul tanpa induk (yatim)"),
    rule!("P003", p003, Error, "Keterkaitan utama tidak tepat satu level ke atas"),
    rule!("P004", p004, Error, "Keterkaitan ke simpul yang tidak ada"),
    rule!("P005", p005, Error, "Simpul dengan lebih dari satu keterkaitan utama"),
    rule!("P006", p006, Error, "Pernyataan kosong"),
    rule!("P007", p007, Error, "Kondisi tanpa indikator"),
    rule!("P008", p008, Warning, "Indikator tanpa satuan"),
    rule!("P009", p009, Warning, "Indikator tanpa target untuk tahun periode"),
    rule!("P010", p010, Warning, "Outcome tanpa simpul pendukung di bawahnya"),
    rule!("P011", p011, Warning, "Dua simpul bersaudara menyatakan hal yang sama"),
    rule!("P012", p012, Warning, "Simpul atau indikator mengulang induknya"),
    rule!("P013", p013, Warning, "Rumusan tidak sesuai level"),
    rule!("P014", p014, Warning, "Simpul tanpa penanggung jawab"),
    rule!("P015", p015, Info, "Eselon penanggung jawab tidak sesuai level"),
    rule!("P016", p016, Info, "Keterkaitan tanpa justifikasi"),
    rule!("P017", p017, Warning, "Target bergerak berlawanan arah indikator"),
    rule!("P018", p018, Warning, "Realisasi pada tahun tanpa target"),
    rule!("P019", p019, Warning, "Anggaran pada simpul yang tidak sampai ke tujuan"),
    rule!("P020", p020, Info, "Unit tanpa simpul"),
    rule!("P021", p021, Info, "Indikator outcome menghitung dokumen atau kegiatan"),
    rule!("P022", p022, Error, "Alamat ext: tidak sah"),
    rule!("P030", p030, Warning, "Target atau realisasi di luar periode"),
    rule!("B001", b001, Warning, "Proses tidak melayani simpul pohon kinerja"),
    rule!("B002", b002, Warning, "Proses tanpa unit pemilik"),
    rule!("B003", b003, Error, "Induk proses melingkar atau tidak ada"),
    rule!("B004", b004, Error, "Pelaksana langkah bukan lajur peta"),
    rule!("B005", b005, Error, "Peta tanpa langkah mulai atau selesai"),
    rule!("B006", b006, Error, "Langkah tidak terjangkau dari mulai"),
    rule!("B007", b007, Error, "Langkah buntu, atau langkah selesai yang berlanjut"),
    rule!("B008", b008, Error, "Cabang keputusan kurang atau menunjuk langkah yang tidak ada"),
    rule!("B009", b009, Warning, "Langkah tanpa waktu atau output"),
    rule!("B010", b010, Info, "Lajur tanpa langkah"),
    rule!("B011", b011, Warning, "Putaran tanpa keputusan"),
    rule!("A001", a001, Error, "Catatan reviu pada sesuatu yang tidak ada"),
    rule!("A002", a002, Info, "Catatan reviu yang masih terbuka"),
];

