//! P029 — a crosscutting link the other agency has not agreed to: no
//! agreement recorded, still pending, or rejected.

use crate::model::{AgreementStatus, LinkKind, Target};
use crate::validate::text::is_blank;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for link in cx.doc.tree.links.iter().filter(|l| l.kind == LinkKind::Crosscutting) {
        let between = cx.link_between(&link.from, &link.to);
        let (message, hint) = match &link.agreement {
            None => (
                format!("Keterkaitan crosscutting {between} belum dimintakan persetujuan instansi mitra."),
                "Mintakan persetujuan instansi mitra, lalu catat jawabannya di panel keterkaitan (status, alasan, oleh siapa).",
            ),
            Some(a) if a.status == AgreementStatus::Pending => (
                format!("Keterkaitan crosscutting {between} masih menunggu persetujuan instansi mitra."),
                "Tindak lanjuti dengan instansi mitra, lalu catat jawabannya di panel keterkaitan.",
            ),
            Some(a) if a.status == AgreementStatus::Rejected => {
                let by = if is_blank(&a.by) { "instansi mitra".to_string() } else { a.by.trim().to_string() };
                let reason = if is_blank(&a.reason) {
                    " tanpa menyebut alasan".to_string()
                } else {
                    format!(" dengan alasan: \"{}\"", a.reason.trim())
                };
                (
                    format!("Keterkaitan crosscutting {between} ditolak oleh {by}{reason}."),
                    "Bahas kembali dengan instansi mitra: perbaiki keterkaitannya, atau hapus bila memang tidak didukung.",
                )
            }
            Some(_) => continue,
        };
        out.push(Target::Link(link.from.clone(), link.to.clone()), message, hint);
    }
}

fixture_test!("P029");
