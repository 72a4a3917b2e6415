//! P022 — an `ext:` link target is malformed.

use crate::model::{Target, EXTERNAL_PREFIX};
use crate::validate::{Context, Sink};

/// `ext:<agency-key>/<node-id>`: key of letters, digits, `.` `_` `-`; id without spaces or `/`.
pub(crate) fn is_well_formed(target: &str) -> bool {
    let Some(rest) = target.strip_prefix(EXTERNAL_PREFIX) else { return false };
    let Some((agency, node)) = rest.split_once('/') else { return false };
    !agency.is_empty()
        && agency.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !node.is_empty()
        && !node.chars().any(|c| c.is_whitespace() || c == '/')
}

pub fn check(cx: &Context, out: &mut Sink) {
    for link in cx.doc.tree.links.iter().filter(|l| l.is_external() && !is_well_formed(&l.to)) {
        out.push(
            Target::Link(link.from.clone(), link.to.clone()),
            format!("Keterkaitan {} → \"{}\": alamat simpul perangkat daerah lain itu tidak sah.", cx.statement(&link.from), link.to),
            "Tulis sebagai ext:<kode-pd>/<id-simpul>, misalnya ext:BKPSDM-Kebumen/n3.",
        );
    }
}

fixture_test!("P022");

#[cfg(test)]
mod tests {
    #[test]
    fn forms() {
        assert!(super::is_well_formed("ext:BKPSDM-Kebumen/n3"));
        for bad in ["ext:", "ext:/n3", "ext:BKPSDM Kebumen/n3", "ext:BKPSDM/", "ext:a/b/c", "ext:BKPSDM"] {
            assert!(!super::is_well_formed(bad), "{bad}");
        }
    }
}
