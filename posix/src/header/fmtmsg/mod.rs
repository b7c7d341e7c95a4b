//! `fmtmsg.h`: formatted messages on stderr (`MM_PRINT`), filtered by the
//! `MSGVERB` environment variable, in wasi-libc's format. WASI has no
//! system console: `MM_CONSOLE` always reports `MM_NOCON`.

use crate::header::stdlib::getenv;
use crate::platform::{c_char, c_int, c_long};
use libc_core::{Pal, Sys};

/// Classification: source of the condition.
pub const MM_HARD: c_long = 1;
pub const MM_SOFT: c_long = 2;
pub const MM_FIRM: c_long = 4;
/// Classification: who detected it.
pub const MM_APPL: c_long = 8;
pub const MM_UTIL: c_long = 16;
pub const MM_OPSYS: c_long = 32;
/// Classification: recoverable or not.
pub const MM_RECOVER: c_long = 64;
pub const MM_NRECOV: c_long = 128;
/// Classification: where to write (stderr, console).
pub const MM_PRINT: c_long = 256;
pub const MM_CONSOLE: c_long = 512;

/// Severities.
pub const MM_NOSEV: c_int = 0;
pub const MM_HALT: c_int = 1;
pub const MM_ERROR: c_int = 2;
pub const MM_WARNING: c_int = 3;
pub const MM_INFO: c_int = 4;

/// Results: all written, nothing written, stderr failed, console failed.
pub const MM_OK: c_int = 0;
pub const MM_NOTOK: c_int = -1;
pub const MM_NOMSG: c_int = 1;
pub const MM_NOCON: c_int = 4;

/// The bytes of a C string (empty for NULL).
///
/// # Safety
/// `s` NULL or NUL-terminated.
unsafe fn bytes<'a>(s: *const c_char) -> &'a [u8] {
    if s.is_null() {
        return b"";
    }
    // SAFETY: caller contract.
    unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes()
}

/// Which components `MSGVERB` selects (bit 0 label ... bit 4 tag): all
/// when it is unset, empty or names something unknown.
fn verbosity(v: &[u8]) -> u32 {
    const NAMES: [&[u8]; 5] = [b"label", b"severity", b"text", b"action", b"tag"];
    let (mut verb, mut rest) = (0, v);
    // Components up to a `:`; a trailing `:` ends the list.
    while !rest.is_empty() {
        let end = rest.iter().position(|&b| b == b':');
        let part = &rest[..end.unwrap_or(rest.len())];
        match NAMES.iter().position(|n| *n == part) {
            Some(i) => verb |= 1 << i,
            None => return 0x1f,
        }
        rest = end.map_or(&b""[..], |e| &rest[e + 1..]);
    }
    if verb == 0 { 0x1f } else { verb }
}

/// [fmtmsg](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmtmsg.html):
/// `label: SEVERITY: text\nTO FIX: action tag` (each part only if given
/// and selected by `MSGVERB`).
///
/// # Safety
/// The strings NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fmtmsg(
    classification: c_long,
    label: *const c_char,
    severity: c_int,
    text: *const c_char,
    action: *const c_char,
    tag: *const c_char,
) -> c_int {
    let mut ret = 0;
    if classification & MM_CONSOLE != 0 {
        ret = MM_NOCON;
    }
    if classification & MM_PRINT != 0 {
        // SAFETY: getenv returns NULL or a C string; caller contract.
        let (verb, label_s, text_s, action_s, tag_s) = unsafe {
            let m = getenv(c"MSGVERB".as_ptr());
            let verb = if m.is_null() {
                0x1f
            } else {
                verbosity(bytes(m))
            };
            (verb, bytes(label), bytes(text), bytes(action), bytes(tag))
        };
        let sev: &[u8] = match severity {
            MM_HALT => b"HALT: ",
            MM_ERROR => b"ERROR: ",
            MM_WARNING => b"WARNING: ",
            MM_INFO => b"INFO: ",
            // wasi-libc prints a NULL string here.
            _ => b"(null)",
        };
        let mut parts: [&[u8]; 9] = [b""; 9];
        if verb & 1 != 0 && !label.is_null() {
            parts[0] = label_s;
            parts[1] = b": ";
        }
        if verb & 2 != 0 && severity != 0 {
            parts[2] = sev;
        }
        if verb & 4 != 0 {
            parts[3] = text_s;
        }
        if verb & 8 != 0 && !action.is_null() {
            parts[4] = b"\nTO FIX: ";
            parts[5] = action_s;
            parts[6] = b" ";
        }
        if verb & 16 != 0 {
            parts[7] = tag_s;
        }
        parts[8] = b"\n";
        for p in parts {
            if !p.is_empty() && Sys::write(2, p).is_err() {
                ret |= MM_NOMSG;
                break;
            }
        }
    }
    if ret & (MM_NOCON | MM_NOMSG) == MM_NOCON | MM_NOMSG {
        ret = MM_NOTOK;
    }
    ret
}
