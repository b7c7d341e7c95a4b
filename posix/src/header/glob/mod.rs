//! `glob.h`: pathname expansion over the file system (`opendir`,
//! `readdir`, `stat`), component by component without recursion; names
//! match with `fnmatch` (`FNM_PERIOD` unless `GLOB_PERIOD`).

use crate::header::dirent::{DT_DIR, DT_LNK, DT_UNKNOWN, closedir, opendir, readdir};
use crate::header::fnmatch::{FNM_NOESCAPE, FNM_PERIOD, matches};
use crate::header::regex::buf::Buf;
use crate::header::sys_stat::{S_IFDIR, S_IFMT, lstat, stat};
use crate::platform::{c_char, c_int, c_void, size_t};

/// The result of [`glob`].
#[repr(C)]
pub struct __wasm_libc_glob {
    /// Number of paths matched.
    pub gl_pathc: size_t,
    /// The paths (after `gl_offs` NULLs), NULL-terminated.
    pub gl_pathv: *mut *mut c_char,
    /// NULL entries reserved at the start of `gl_pathv` (`GLOB_DOOFFS`).
    pub gl_offs: size_t,
    pub __dummy1: c_int,
    pub __dummy2: [*mut c_void; 5],
}
/// `glob_t`
pub type glob_t = __wasm_libc_glob;

pub const GLOB_ERR: c_int = 0x01;
pub const GLOB_MARK: c_int = 0x02;
pub const GLOB_NOSORT: c_int = 0x04;
pub const GLOB_DOOFFS: c_int = 0x08;
pub const GLOB_NOCHECK: c_int = 0x10;
pub const GLOB_APPEND: c_int = 0x20;
pub const GLOB_NOESCAPE: c_int = 0x40;
pub const GLOB_PERIOD: c_int = 0x80;

pub const GLOB_NOSPACE: c_int = 1;
pub const GLOB_ABORTED: c_int = 2;
pub const GLOB_NOMATCH: c_int = 3;
pub const GLOB_NOSYS: c_int = 4;

/// A list of heap C strings, freed on drop unless taken.
struct Paths(Buf<*mut c_char>);

impl Drop for Paths {
    fn drop(&mut self) {
        for &p in self.0.iter() {
            // SAFETY: our blocks.
            unsafe { wasm_libc_alloc::free(p.cast()) };
        }
    }
}

fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: our NUL-terminated strings.
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes()
}

/// A new heap string: the concatenation of `parts`.
fn join(parts: &[&[u8]]) -> Result<*mut c_char, c_int> {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    let p = wasm_libc_alloc::malloc(n + 1);
    if p.is_null() {
        return Err(GLOB_NOSPACE);
    }
    let mut k = 0;
    for part in parts {
        // SAFETY: p has n + 1 bytes.
        unsafe { core::ptr::copy_nonoverlapping(part.as_ptr(), p.add(k), part.len()) };
        k += part.len();
    }
    // SAFETY: index n is inside the block.
    unsafe { *p.add(n) = 0 };
    Ok(p.cast())
}

fn magic(comp: &[u8], esc: bool) -> bool {
    let mut i = 0;
    while i < comp.len() {
        match comp[i] {
            b'\\' if esc => i += 1,
            b'*' | b'?' | b'[' => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

fn unescape(comp: &[u8], esc: bool, out: &mut Buf<u8>) -> Result<(), c_int> {
    let mut i = 0;
    while i < comp.len() {
        if esc && comp[i] == b'\\' && i + 1 < comp.len() {
            i += 1;
        }
        out.push(comp[i]).map_err(|_| GLOB_NOSPACE)?;
        i += 1;
    }
    Ok(())
}

fn is_dir(path: *const c_char, follow: bool) -> Option<bool> {
    // SAFETY: a plain-old-data struct, filled in by stat.
    let mut st: crate::header::sys_stat::stat = unsafe { core::mem::zeroed() };
    // SAFETY: path is NUL-terminated, st writable.
    let r = unsafe {
        if follow {
            stat(path, &mut st)
        } else {
            lstat(path, &mut st)
        }
    };
    (r == 0).then_some(st.st_mode & S_IFMT == S_IFDIR)
}

/// Expands `pat` into `out`.
fn expand(
    pat: &[u8],
    flags: c_int,
    errfunc: Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>,
    out: &mut Paths,
) -> Result<(), c_int> {
    let esc = flags & GLOB_NOESCAPE == 0;
    let fnflags = if flags & GLOB_PERIOD != 0 {
        0
    } else {
        FNM_PERIOD
    } | if esc { 0 } else { FNM_NOESCAPE };
    let mut cur = Paths(Buf::new());
    let mut rest = pat;
    let lead = rest.iter().take_while(|&&c| c == b'/').count();
    cur.0
        .push(join(&[&rest[..lead]])?)
        .map_err(|_| GLOB_NOSPACE)?;
    rest = &rest[lead..];
    // A trailing slash: only directories, printed with their slash.
    let dir_only = !rest.is_empty() && pat.ends_with(b"/");
    let mut name = Buf::<u8>::new();
    // The slashes between the previous component and this one, kept as written.
    let mut sep: &[u8] = b"";
    while !rest.is_empty() {
        let end = rest.iter().position(|&c| c == b'/').unwrap_or(rest.len());
        let comp = &rest[..end];
        rest = &rest[end..];
        let run = rest.iter().take_while(|&&c| c == b'/').count();
        let this_sep = sep;
        sep = &rest[..run];
        rest = &rest[run..];
        let last = rest.is_empty();
        let mut next = Paths(Buf::new());
        for &base in cur.0.iter() {
            let b = bytes(base);
            let sep = this_sep;
            if !magic(comp, esc) {
                name.truncate(0);
                unescape(comp, esc, &mut name)?;
                let p = join(&[b, sep, &name])?;
                if last && is_dir(p, false).is_none() {
                    // SAFETY: ours.
                    unsafe { wasm_libc_alloc::free(p.cast()) };
                    continue;
                }
                next.0.push(p).map_err(|_| GLOB_NOSPACE)?;
                continue;
            }
            let dir = if b.is_empty() {
                join(&[b"."])?
            } else {
                join(&[b, sep])?
            };
            // SAFETY: a NUL-terminated path.
            let d = unsafe { opendir(dir) };
            if d.is_null() {
                let e = libc_core::errno::get_errno();
                let fail = match errfunc {
                    // SAFETY: the caller's callback, given a NUL-terminated path.
                    Some(f) => (unsafe { f(dir, e.0) }) != 0,
                    None => false,
                };
                // SAFETY: ours.
                unsafe { wasm_libc_alloc::free(dir.cast()) };
                if fail || flags & GLOB_ERR != 0 {
                    return Err(GLOB_ABORTED);
                }
                continue;
            }
            // SAFETY: ours.
            unsafe { wasm_libc_alloc::free(dir.cast()) };
            // `.` and `..` come from here, not from the host's listing (some
            // hosts leave them out), so every runtime gives the same list.
            for dot in [&b"."[..], b".."] {
                if matches(comp, dot, fnflags) {
                    let p = join(&[b, sep, dot]);
                    match p.map(|p| (p, next.0.push(p))) {
                        Ok((_, Ok(()))) => {}
                        Ok((p, Err(_))) => {
                            // SAFETY: ours; an open stream.
                            unsafe {
                                wasm_libc_alloc::free(p.cast());
                                closedir(d);
                            }
                            return Err(GLOB_NOSPACE);
                        }
                        Err(e) => {
                            // SAFETY: an open stream.
                            unsafe { closedir(d) };
                            return Err(e);
                        }
                    }
                }
            }
            loop {
                // SAFETY: an open stream.
                let ent = unsafe { readdir(d) };
                if ent.is_null() {
                    break;
                }
                // SAFETY: a NUL-terminated entry name.
                let n = bytes(unsafe { (*ent).d_name.as_ptr() });
                if n == b"." || n == b".." || !matches(comp, n, fnflags) {
                    continue;
                }
                // SAFETY: as above.
                let kind = unsafe { (*ent).d_type };
                if !last && kind != DT_DIR && kind != DT_UNKNOWN && kind != DT_LNK {
                    continue;
                }
                let p = match join(&[b, sep, n]) {
                    Ok(p) => p,
                    Err(e) => {
                        // SAFETY: an open stream.
                        unsafe { closedir(d) };
                        return Err(e);
                    }
                };
                if next.0.push(p).is_err() {
                    // SAFETY: ours; an open stream.
                    unsafe {
                        wasm_libc_alloc::free(p.cast());
                        closedir(d);
                    }
                    return Err(GLOB_NOSPACE);
                }
            }
            // SAFETY: an open stream.
            unsafe { closedir(d) };
        }
        cur = next;
    }
    let mark = flags & GLOB_MARK != 0;
    for &p in cur.0.iter() {
        let need_slash = (mark || dir_only) && !bytes(p).ends_with(b"/");
        if dir_only || need_slash {
            let d = is_dir(p, true) == Some(true);
            if dir_only && !d {
                // SAFETY: ours.
                unsafe { wasm_libc_alloc::free(p.cast()) };
                continue;
            }
            if d && need_slash {
                let q = join(&[bytes(p), b"/"]);
                // SAFETY: ours.
                unsafe { wasm_libc_alloc::free(p.cast()) };
                out.0.push(q?).map_err(|_| GLOB_NOSPACE)?;
                continue;
            }
        }
        out.0.push(p).map_err(|_| GLOB_NOSPACE)?;
    }
    cur.0.truncate(0);
    Ok(())
}

/// [glob](https://pubs.opengroup.org/onlinepubs/9799919799/functions/glob.html)
///
/// # Safety
/// `pattern` must be NUL-terminated and `pglob` writable; with
/// `GLOB_APPEND`, `pglob` must hold an earlier result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob(
    pattern: *const c_char,
    flags: c_int,
    errfunc: Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>,
    pglob: *mut glob_t,
) -> c_int {
    // SAFETY: NUL-terminated (caller contract).
    let pat = unsafe { core::ffi::CStr::from_ptr(pattern) }.to_bytes();
    // SAFETY: writable (caller contract).
    let g = unsafe { &mut *pglob };
    if flags & GLOB_APPEND == 0 {
        g.gl_pathc = 0;
        g.gl_pathv = core::ptr::null_mut();
        if flags & GLOB_DOOFFS == 0 {
            g.gl_offs = 0;
        }
    }
    let mut found = Paths(Buf::new());
    let r = expand(pat, flags, errfunc, &mut found);
    if let Err(e) = r {
        return e;
    }
    if found.0.is_empty() {
        if flags & GLOB_NOCHECK == 0 {
            return GLOB_NOMATCH;
        }
        match join(&[pat]) {
            Ok(p) => {
                if found.0.push(p).is_err() {
                    // SAFETY: ours.
                    unsafe { wasm_libc_alloc::free(p.cast()) };
                    return GLOB_NOSPACE;
                }
            }
            Err(e) => return e,
        }
    }
    if flags & GLOB_NOSORT == 0 {
        found.0.sort_unstable_by(|&a, &b| bytes(a).cmp(bytes(b)));
    }
    let offs = if flags & GLOB_DOOFFS != 0 {
        g.gl_offs
    } else {
        0
    };
    let old = if g.gl_pathv.is_null() { 0 } else { g.gl_pathc };
    let total = offs + old + found.0.len() + 1;
    // SAFETY: null or the vector of an earlier call.
    let v = unsafe {
        wasm_libc_alloc::realloc(
            g.gl_pathv.cast(),
            total * core::mem::size_of::<*mut c_char>(),
        )
    } as *mut *mut c_char;
    if v.is_null() {
        return GLOB_NOSPACE;
    }
    // SAFETY: v has `total` slots.
    unsafe {
        if old == 0 {
            for k in 0..offs {
                *v.add(k) = core::ptr::null_mut();
            }
        }
        for (k, &p) in found.0.iter().enumerate() {
            *v.add(offs + old + k) = p;
        }
        *v.add(total - 1) = core::ptr::null_mut();
    }
    g.gl_pathv = v;
    g.gl_pathc = old + found.0.len();
    found.0.truncate(0);
    0
}

/// [globfree](https://pubs.opengroup.org/onlinepubs/9799919799/functions/globfree.html)
///
/// # Safety
/// `pglob` must hold a result of `glob` (or be zeroed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree(pglob: *mut glob_t) {
    // SAFETY: caller contract.
    let g = unsafe { &mut *pglob };
    if g.gl_pathv.is_null() {
        return;
    }
    // SAFETY: the vector and strings glob made.
    unsafe {
        for k in 0..g.gl_pathc {
            wasm_libc_alloc::free((*g.gl_pathv.add(g.gl_offs + k)).cast());
        }
        wasm_libc_alloc::free(g.gl_pathv.cast());
    }
    g.gl_pathv = core::ptr::null_mut();
    g.gl_pathc = 0;
}

/// `glob64` (LFS alias; `off_t` is already 64-bit).
///
/// # Safety
/// As [`glob`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob64(
    pattern: *const c_char,
    flags: c_int,
    errfunc: Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>,
    pglob: *mut glob_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { glob(pattern, flags, errfunc, pglob) }
}

/// `globfree64` (LFS alias).
///
/// # Safety
/// As [`globfree`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree64(pglob: *mut glob_t) {
    // SAFETY: caller contract.
    unsafe { globfree(pglob) }
}
