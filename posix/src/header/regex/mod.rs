//! `regex.h`: POSIX regular expressions (BRE and ERE) in the C locale.
//!
//! Written for this library: a Thompson NFA for the leftmost-longest match
//! and a guided descent for the POSIX subexpression rules (`exec.rs`).
//! Patterns with back-references use a bounded backtracking search. Besides
//! POSIX, the GNU forms glibc accepts: `\|`, `\+`, `\?` in BREs, `\<`,
//! `\>`, `\b`, `\B`, `\w`, `\W`, `\s`, `\S`, `` \` ``, `\'`, and
//! back-references in EREs.

pub(crate) mod buf;
mod compile;
mod exec;
mod parse;

use crate::platform::{c_char, c_int, c_long, c_void, size_t};
use buf::Buf;
pub(crate) use parse::is_class as parse_class_name;
use parse::{Class, Node};

/// `regoff_t`: a byte offset into the subject.
pub type regoff_t = c_long;

/// The compiled pattern (`regex_t`).
#[repr(C)]
pub struct re_pattern_buffer {
    /// Number of parenthesised subexpressions.
    pub re_nsub: size_t,
    pub __opaque: *mut c_void,
    pub __padding: [*mut c_void; 4],
    pub __nsub2: size_t,
    pub __padding2: c_char,
}
/// `regex_t`
pub type regex_t = re_pattern_buffer;

/// One subexpression match: byte offsets, -1 when it did not take part.
#[repr(C)]
pub struct __wasm_libc_regmatch {
    pub rm_so: regoff_t,
    pub rm_eo: regoff_t,
}
/// `regmatch_t`
pub type regmatch_t = __wasm_libc_regmatch;

pub const REG_EXTENDED: c_int = 1;
pub const REG_ICASE: c_int = 2;
pub const REG_NEWLINE: c_int = 4;
pub const REG_NOSUB: c_int = 8;

pub const REG_NOTBOL: c_int = 1;
pub const REG_NOTEOL: c_int = 2;

pub const REG_OK: c_int = 0;
pub const REG_NOMATCH: c_int = 1;
pub const REG_BADPAT: c_int = 2;
pub const REG_ECOLLATE: c_int = 3;
pub const REG_ECTYPE: c_int = 4;
pub const REG_EESCAPE: c_int = 5;
pub const REG_ESUBREG: c_int = 6;
pub const REG_EBRACK: c_int = 7;
pub const REG_EPAREN: c_int = 8;
pub const REG_EBRACE: c_int = 9;
pub const REG_BADBR: c_int = 10;
pub const REG_ERANGE: c_int = 11;
pub const REG_ESPACE: c_int = 12;
pub const REG_BADRPT: c_int = 13;
pub const REG_ENOSYS: c_int = -1;

/// What `__opaque` points to.
pub(crate) struct Re {
    prog: compile::Prog,
    classes: Buf<Class>,
    nodes: Buf<Node>,
    kids: Buf<u32>,
    root: u32,
    nsub: u32,
    nloops: u32,
    backrefs: bool,
    icase: bool,
    newline: bool,
    nosub: bool,
}

/// [regcomp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/regcomp.html)
///
/// # Safety
/// `preg` must point to a writable `regex_t`, `pattern` to a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regcomp(
    preg: *mut regex_t,
    pattern: *const c_char,
    cflags: c_int,
) -> c_int {
    if preg.is_null() || pattern.is_null() {
        return REG_BADPAT;
    }
    // SAFETY: writable (caller contract); a later regfree of a failed
    // pattern then frees nothing.
    unsafe { (*preg).__opaque = core::ptr::null_mut() };
    // SAFETY: NUL-terminated (caller contract).
    let pat = unsafe { core::ffi::CStr::from_ptr(pattern) }.to_bytes();
    let (mut ast, root) = match parse::parse(pat, cflags) {
        Ok(x) => x,
        Err(e) => return e,
    };
    let prog = match compile::compile(&mut ast, root) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let re = Re {
        prog,
        classes: ast.classes,
        nodes: ast.nodes,
        kids: ast.kids,
        root,
        nsub: ast.nsub,
        nloops: ast.nloops,
        backrefs: ast.backrefs,
        icase: cflags & REG_ICASE != 0,
        newline: cflags & REG_NEWLINE != 0,
        nosub: cflags & REG_NOSUB != 0,
    };
    let p = wasm_libc_alloc::malloc(core::mem::size_of::<Re>()) as *mut Re;
    if p.is_null() {
        return REG_ESPACE;
    }
    // SAFETY: a fresh block for one Re; preg is writable (caller contract).
    unsafe {
        p.write(re);
        (*preg).re_nsub = (*p).nsub as size_t;
        (*preg).__nsub2 = (*p).nsub as size_t;
        (*preg).__opaque = p.cast();
    }
    REG_OK
}

/// [regexec](https://pubs.opengroup.org/onlinepubs/9799919799/functions/regexec.html)
///
/// # Safety
/// `preg` must hold a pattern from `regcomp`, `string` must be
/// NUL-terminated and `pmatch` must have room for `nmatch` entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regexec(
    preg: *const regex_t,
    string: *const c_char,
    nmatch: size_t,
    pmatch: *mut regmatch_t,
    eflags: c_int,
) -> c_int {
    if preg.is_null() || string.is_null() {
        return REG_BADPAT;
    }
    // SAFETY: a compiled pattern (caller contract).
    let re = unsafe { (*preg).__opaque } as *const Re;
    if re.is_null() {
        return REG_BADPAT;
    }
    // SAFETY: ours, alive until regfree.
    let re = unsafe { &*re };
    // SAFETY: NUL-terminated (caller contract).
    let t = unsafe { core::ffi::CStr::from_ptr(string) }.to_bytes();
    let nmatch = if re.nosub || pmatch.is_null() {
        0
    } else {
        nmatch
    };
    match run(re, t, nmatch, eflags) {
        Ok(Some(caps)) => {
            for k in 0..nmatch {
                let (so, eo) = if 2 * k + 1 < caps.len() {
                    (caps[2 * k], caps[2 * k + 1])
                } else {
                    (-1, -1)
                };
                // SAFETY: room for nmatch entries (caller contract).
                unsafe {
                    *pmatch.add(k) = regmatch_t {
                        rm_so: so as regoff_t,
                        rm_eo: eo as regoff_t,
                    }
                };
            }
            REG_OK
        }
        Ok(None) => REG_NOMATCH,
        Err(e) => e,
    }
}

fn run(re: &Re, t: &[u8], nmatch: usize, eflags: c_int) -> Result<Option<Buf<isize>>, c_int> {
    let mut ctx = exec::Ctx::new(re, t, eflags & REG_NOTBOL != 0, eflags & REG_NOTEOL != 0)?;
    let mut caps = Buf::filled(2 * (re.nsub as usize + 1), -1isize)?;
    if re.backrefs {
        return Ok(ctx.backtrack(&mut caps)?.then_some(caps));
    }
    let Some((s, e)) = ctx.search()? else {
        return Ok(None);
    };
    caps[0] = s as isize;
    caps[1] = e as isize;
    if nmatch > 1 && re.nsub > 0 {
        ctx.descend(re.root, s, e, &mut caps)?;
    }
    Ok(Some(caps))
}

/// [regfree](https://pubs.opengroup.org/onlinepubs/9799919799/functions/regfree.html)
///
/// # Safety
/// `preg` must hold a pattern from `regcomp` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regfree(preg: *mut regex_t) {
    if preg.is_null() {
        return;
    }
    // SAFETY: a compiled pattern (caller contract); read out once and freed.
    unsafe {
        let p = (*preg).__opaque as *mut Re;
        if !p.is_null() {
            drop(p.read());
            wasm_libc_alloc::free(p.cast());
            (*preg).__opaque = core::ptr::null_mut();
        }
    }
}

fn message(code: c_int) -> &'static [u8] {
    match code {
        REG_OK => b"Success",
        REG_NOMATCH => b"No match",
        REG_BADPAT => b"Invalid regular expression",
        REG_ECOLLATE => b"Invalid collating element",
        REG_ECTYPE => b"Invalid character class name",
        REG_EESCAPE => b"Trailing backslash",
        REG_ESUBREG => b"Invalid back reference",
        REG_EBRACK => b"Unmatched [",
        REG_EPAREN => b"Unmatched ( or )",
        REG_EBRACE => b"Unmatched {",
        REG_BADBR => b"Invalid contents of {}",
        REG_ERANGE => b"Invalid range end",
        REG_ESPACE => b"Out of memory",
        REG_BADRPT => b"Repetition operator without an operand",
        _ => b"Unknown error",
    }
}

/// [regerror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/regerror.html)
///
/// Returns the size the whole message needs (with its NUL); copies what
/// fits into `errbuf`, always NUL-terminated when `errbuf_size > 0`.
///
/// # Safety
/// `errbuf` must have room for `errbuf_size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regerror(
    errcode: c_int,
    _preg: *const regex_t,
    errbuf: *mut c_char,
    errbuf_size: size_t,
) -> size_t {
    let m = message(errcode);
    if errbuf_size > 0 && !errbuf.is_null() {
        let n = m.len().min(errbuf_size - 1);
        // SAFETY: errbuf has errbuf_size bytes (caller contract); n < errbuf_size.
        unsafe {
            core::ptr::copy_nonoverlapping(m.as_ptr(), errbuf.cast(), n);
            *errbuf.add(n) = 0;
        }
    }
    m.len() + 1
}
