//! The one wall clock of the core: times stamped on history rows, versions
//! and review notes, local where known, to the second (RFC 3339).

pub fn now() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.replace_nanosecond(0)
        .unwrap_or(now)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Today's date, ISO (YYYY-MM-DD), local where known.
pub fn today() -> String {
    now().chars().take(10).collect()
}
