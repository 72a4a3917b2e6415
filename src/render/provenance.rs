//! What identifies a printed version: the document's fingerprint and, for
//! a final version, its name. Printed in the footer and under the signature,
//! and stored in the PDF's metadata so that `pokin verify` can tell a
//! printout of this version from one of another.

/// The fingerprint of the printed document, and the name of the final
/// version it is, if it is one.
pub struct Provenance<'a> {
    pub fingerprint: &'a str,
    pub final_name: Option<&'a str>,
}

/// The marker `pokin verify` looks for in a printout's metadata.
pub const FINGERPRINT_MARK: &str = "POKIN-SHA256:";

impl Provenance<'_> {
    /// The version's state as the footer names it.
    pub fn state(&self) -> String {
        match self.final_name {
            Some(name) => format!("Versi final \"{name}\""),
            None => "DRAF (belum ditetapkan)".to_string(),
        }
    }

    /// The line under the signature of a final version: its name and the
    /// start of its fingerprint; none for a draft.
    pub fn signature_note(&self) -> Option<String> {
        let name = self.final_name?;
        let short = self.fingerprint.get(..16).unwrap_or(self.fingerprint);
        Some(format!("Versi final \"{name}\" · sidik {short}"))
    }

    /// The PDF metadata subject that carries the fingerprint.
    pub fn pdf_subject(&self) -> String {
        format!("{FINGERPRINT_MARK}{}", self.fingerprint)
    }
}

/// The fingerprint a printout carries in its metadata, if it is one of ours.
pub fn printed_fingerprint(pdf: &[u8]) -> Option<String> {
    let document = lopdf::Document::load_mem(pdf).ok()?;
    let info = document.trailer.get(b"Info").ok()?;
    let info = match info {
        lopdf::Object::Reference(id) => document.get_object(*id).ok()?,
        other => other,
    };
    let subject = info.as_dict().ok()?.get(b"Subject").ok()?.as_str().ok()?;
    // printpdf writes non-ASCII metadata as UTF-16BE with a byte order mark.
    let text = if subject.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = subject[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(subject).into_owned()
    };
    let hex = text.split(FINGERPRINT_MARK).nth(1)?.trim();
    (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| hex.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_and_final_versions_are_named_apart() {
        let fingerprint = "ab".repeat(32);
        let draft = Provenance { fingerprint: &fingerprint, final_name: None };
        assert_eq!(draft.state(), "DRAF (belum ditetapkan)");
        assert_eq!(draft.signature_note(), None);
        let done = Provenance { fingerprint: &fingerprint, final_name: Some("Renstra 2025") };
        assert_eq!(done.state(), "Versi final \"Renstra 2025\"");
        assert_eq!(done.signature_note().unwrap(), "Versi final \"Renstra 2025\" · sidik abababababababab");
        assert_eq!(done.pdf_subject(), format!("POKIN-SHA256:{fingerprint}"));
    }
}
