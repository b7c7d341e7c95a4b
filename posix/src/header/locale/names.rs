//! Locale names: which ones exist, and `""` from the environment.

use super::{LC_ALL, LC_CTYPE};
use crate::platform::c_int;

/// The environment variable of each category (after `LC_ALL`, before `LANG`).
const VARS: [&core::ffi::CStr; 6] = [
    c"LC_CTYPE",
    c"LC_NUMERIC",
    c"LC_TIME",
    c"LC_COLLATE",
    c"LC_MONETARY",
    c"LC_MESSAGES",
];

/// Whether a name exists: `Some(false)` for "C"/"POSIX", `Some(true)` for
/// "C.UTF-8" (the codeset in any case, with or without the hyphen).
pub(crate) fn lookup(name: &[u8]) -> Option<bool> {
    match name {
        b"C" | b"POSIX" => Some(false),
        [b'C', b'.', cs @ ..]
            if cs.eq_ignore_ascii_case(b"UTF-8") || cs.eq_ignore_ascii_case(b"UTF8") =>
        {
            Some(true)
        }
        _ => None,
    }
}

/// A non-empty environment variable's value.
fn env(var: &core::ffi::CStr) -> Option<&'static [u8]> {
    // SAFETY: NUL-terminated name; getenv's result lives while the
    // environment is not changed (we use it at once).
    let p = unsafe { crate::header::stdlib::getenv(var.as_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: a NUL-terminated string from the environment.
    let v = unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes();
    (!v.is_empty()).then_some(v)
}

/// The name `""` stands for in category `cat` (0..LC_ALL).
fn from_env(cat: c_int) -> &'static [u8] {
    env(c"LC_ALL")
        .or_else(|| VARS.get(cat as usize).and_then(|v| env(v)))
        .or_else(|| env(c"LANG"))
        .unwrap_or(b"C.UTF-8")
}

/// What setting `name` in `cat` does: `None` if it fails (unknown name),
/// `Some(Some(utf8))` when it sets `LC_CTYPE`, `Some(None)` when it leaves
/// it alone. For `LC_ALL` the name may be musl's composite form
/// `"ctype;numeric;time;collate;monetary;messages"`; every part must exist.
pub(crate) fn resolve(cat: c_int, name: &[u8]) -> Option<Option<bool>> {
    if cat != LC_ALL {
        let n = if name.is_empty() { from_env(cat) } else { name };
        let u = lookup(n)?;
        return Some((cat == LC_CTYPE).then_some(u));
    }
    // Plain loops (no memchr): this is linked by every program that calls
    // setlocale.
    #[allow(clippy::manual_contains)] // contains() links memchr
    let composite = name.iter().any(|&b| b == b';');
    let mut rest = name;
    let mut utf8 = false;
    for c in 0..LC_ALL {
        let part = if composite {
            let end = rest.iter().position(|&b| b == b';').unwrap_or(rest.len());
            let (p, r) = rest.split_at_checked(end)?;
            rest = r.get(1..).unwrap_or(&[]);
            if p.is_empty() && r.is_empty() {
                return None;
            }
            p
        } else {
            name
        };
        let n = if part.is_empty() { from_env(c) } else { part };
        let u = lookup(n)?;
        if c == LC_CTYPE {
            utf8 = u;
        }
    }
    if composite && !rest.is_empty() {
        return None;
    }
    Some(Some(utf8))
}
