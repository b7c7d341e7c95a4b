//! `fnmatch.h`: shell wildcard matching in the C locale.
//!
//! `*` backtracks to the last star only (linear in the subject per star,
//! no recursion): with `FNM_PATHNAME` each `/`-separated segment is
//! matched on its own, and a `*` never crosses a `/`.

use crate::header::regex::parse_class_name;
use crate::platform::{c_char, c_int};

pub const FNM_PATHNAME: c_int = 0x1;
pub const FNM_NOESCAPE: c_int = 0x2;
pub const FNM_PERIOD: c_int = 0x4;
pub const FNM_LEADING_DIR: c_int = 0x8;
pub const FNM_CASEFOLD: c_int = 0x10;
pub const FNM_NOMATCH: c_int = 1;
pub const FNM_NOSYS: c_int = -1;

/// [fnmatch](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fnmatch.html)
///
/// # Safety
/// `pattern` and `string` must be NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fnmatch(
    pattern: *const c_char,
    string: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: NUL-terminated (caller contract).
    let (p, s) = unsafe {
        (
            core::ffi::CStr::from_ptr(pattern).to_bytes(),
            core::ffi::CStr::from_ptr(string).to_bytes(),
        )
    };
    if matches(p, s, flags) { 0 } else { FNM_NOMATCH }
}

pub(crate) fn matches(p: &[u8], s: &[u8], flags: c_int) -> bool {
    let o = Opts {
        path: flags & FNM_PATHNAME != 0,
        esc: flags & FNM_NOESCAPE == 0,
        period: flags & FNM_PERIOD != 0,
        lead: flags & FNM_LEADING_DIR != 0,
        fold: flags & FNM_CASEFOLD != 0,
    };
    if !o.path {
        return seg(p, s, &o, true, o.lead);
    }
    let (mut p, mut s) = (p, s);
    loop {
        let pe = seg_end(p, o.esc);
        let se = s.iter().position(|&c| c == b'/').unwrap_or(s.len());
        if !seg(&p[..pe], &s[..se], &o, true, false) {
            return false;
        }
        match (pe < p.len(), se < s.len()) {
            (true, true) => {
                p = &p[pe + 1..];
                s = &s[se + 1..];
            }
            (false, false) => return true,
            (false, true) => return o.lead,
            (true, false) => return false,
        }
    }
}

struct Opts {
    path: bool,
    esc: bool,
    period: bool,
    lead: bool,
    fold: bool,
}

/// End of the pattern's first segment: its first `/` outside a bracket
/// expression (a `/` inside one ends the segment too, POSIX 2.14.3.1).
fn seg_end(p: &[u8], esc: bool) -> usize {
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            b'/' => return i,
            b'\\' if esc && i + 1 < p.len() => i += 2,
            b'[' => match bracket_len(&p[i..], esc) {
                Some(n) if !p[i..i + n].contains(&b'/') => i += n,
                _ => i += 1,
            },
            _ => i += 1,
        }
    }
    p.len()
}

/// Length of the bracket expression at `p` (from `[` to its `]`), if complete.
fn bracket_len(p: &[u8], esc: bool) -> Option<usize> {
    let mut i = 1;
    if matches!(p.get(i), Some(b'!' | b'^')) {
        i += 1;
    }
    if p.get(i) == Some(&b']') {
        i += 1;
    }
    while i < p.len() {
        match p[i] {
            b']' => return Some(i + 1),
            b'[' if matches!(p.get(i + 1), Some(b':' | b'.' | b'=')) => {
                let k = p[i + 1];
                let mut j = i + 2;
                while j + 1 < p.len() && !(p[j] == k && p[j + 1] == b']') {
                    j += 1;
                }
                if j + 1 >= p.len() {
                    return None;
                }
                i = j + 2;
            }
            b'\\' if esc && i + 1 < p.len() => i += 2,
            _ => i += 1,
        }
    }
    None
}

fn eq(a: u8, b: u8, fold: bool) -> bool {
    a == b || (fold && a.eq_ignore_ascii_case(&b))
}

/// Matches byte `c` against the bracket expression `b` (`[` to `]`).
fn bracket_has(b: &[u8], c: u8, o: &Opts) -> bool {
    let mut i = 1;
    let neg = matches!(b[i], b'!' | b'^');
    if neg {
        i += 1;
    }
    let end = b.len() - 1;
    let mut hit = false;
    let mut first = true;
    while i < end {
        if b[i] == b']' && !first {
            break;
        }
        first = false;
        // One element: a class, a collating symbol or a (possibly escaped) byte.
        let lo;
        if b[i] == b'[' && matches!(b[i + 1], b':' | b'.' | b'=') {
            let k = b[i + 1];
            let mut j = i + 2;
            while !(b[j] == k && b[j + 1] == b']') {
                j += 1;
            }
            let name = &b[i + 2..j];
            i = j + 2;
            if k == b':' {
                let t = |x: u8| parse_class_name(name, x).unwrap_or(false);
                // glibc: FNM_CASEFOLD does not widen the classes.
                hit |= t(c);
                continue;
            }
            if name.len() != 1 {
                continue;
            }
            lo = name[0];
        } else if b[i] == b'\\' && o.esc && i + 1 < end {
            lo = b[i + 1];
            i += 2;
        } else {
            lo = b[i];
            i += 1;
        }
        if i + 1 < end && b[i] == b'-' && b[i + 1] != b']' {
            let hi;
            if b[i + 1] == b'[' && b.get(i + 2) == Some(&b'.') {
                let mut j = i + 3;
                while j + 1 < end && !(b[j] == b'.' && b[j + 1] == b']') {
                    j += 1;
                }
                hi = b[i + 3];
                i = j + 2;
            } else if b[i + 1] == b'\\' && o.esc && i + 2 < end {
                hi = b[i + 2];
                i += 3;
            } else {
                hi = b[i + 1];
                i += 2;
            }
            let inr = |x: u8| lo <= x && x <= hi;
            hit |=
                inr(c) || (o.fold && (inr(c.to_ascii_lowercase()) || inr(c.to_ascii_uppercase())));
        } else {
            hit |= eq(lo, c, o.fold);
        }
    }
    hit != neg
}

/// One element of the pattern at `p[i..]` against byte `c`: `Some(len)`
/// of the element when it matches.
fn single(p: &[u8], i: usize, c: u8, o: &Opts) -> (bool, usize) {
    match p[i] {
        b'?' => (true, 1),
        b'[' => match bracket_len(&p[i..], o.esc) {
            Some(n) => {
                let b = &p[i..i + n];
                (!(o.path && c == b'/') && bracket_has(b, c, o), n)
            }
            None => (c == b'[', 1),
        },
        // A trailing backslash matches nothing (as in glibc).
        b'\\' if o.esc => (i + 1 < p.len() && eq(p[i + 1], c, o.fold), 2),
        x => (eq(x, c, o.fold), 1),
    }
}

/// Matches pattern `p` against all of `s` (`start`: `s` begins a name, for
/// FNM_PERIOD). `lead`: `s` may go on with `/...` after the match.
fn seg(p: &[u8], s: &[u8], o: &Opts, start: bool, lead: bool) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    if o.period && start && s.first() == Some(&b'.') {
        // A leading period only matches a period in the pattern.
        match p.first() {
            Some(b'.') => {}
            Some(b'\\') if o.esc && p.get(1) == Some(&b'.') => {}
            _ => return false,
        }
    }
    loop {
        if pi < p.len() && p[pi] == b'*' {
            while pi < p.len() && p[pi] == b'*' {
                pi += 1;
            }
            star = Some((pi, si));
            continue;
        }
        if pi == p.len() && (si == s.len() || (lead && s[si] == b'/')) {
            return true;
        }
        if si < s.len() && pi < p.len() && !(o.path && s[si] == b'/') {
            let (ok, n) = single(p, pi, s[si], o);
            if ok {
                pi += n;
                si += 1;
                continue;
            }
        } else if si < s.len() && pi < p.len() && o.path && s[si] == b'/' {
            // Only a literal `/` matches `/` with FNM_PATHNAME.
            if p[pi] == b'/' {
                pi += 1;
                si += 1;
                continue;
            }
        }
        // Back to the last star, which takes one more byte.
        match star {
            Some((sp, ss)) if ss < s.len() && !(o.path && s[ss] == b'/') => {
                star = Some((sp, ss + 1));
                pi = sp;
                si = ss + 1;
            }
            _ => return false,
        }
    }
}
