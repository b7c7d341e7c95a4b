//! `towupper`/`towlower` over the run tables `build.rs` derives from the
//! toolchain's Unicode data (runs of code points sharing a delta, stride 1
//! or 2).

use crate::header::wchar::wint_t;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));
}

/// Maps `c` through a run table (unchanged when no run holds it).
fn map(table: &[(u32, u32)], c: wint_t) -> wint_t {
    let i = table.partition_point(|&(w, _)| w & 0x1f_ffff <= c);
    let Some(&(w, d)) = i.checked_sub(1).and_then(|i| table.get(i)) else {
        return c;
    };
    let start = w & 0x1f_ffff;
    let stride = (w >> 21 & 1) + 1;
    let len = w >> 22;
    let off = c - start;
    if off.is_multiple_of(stride) && off / stride < len {
        c.wrapping_add(d)
    } else {
        c
    }
}

/// The simple upper case mapping.
pub(crate) fn upper(c: wint_t) -> wint_t {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as wint_t;
    }
    map(&tables::UPPER, c)
}

/// The simple lower case mapping.
pub(crate) fn lower(c: wint_t) -> wint_t {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as wint_t;
    }
    map(&tables::LOWER, c)
}
