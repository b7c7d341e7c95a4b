//! `realpath`: a path made absolute against the emulated working
//! directory, with `.`, `..` and symbolic links resolved component by
//! component (through the pre-opens, like every other path).

use crate::platform::c_char;
use libc_core::pal::fs::FileType;
use libc_core::{Errno, OrNullErrno, PalFs, Sys, path};

/// `PATH_MAX`.
const MAX: usize = 4096;
/// Symbolic links followed before `ELOOP` (Linux's limit).
const MAX_LINKS: usize = 40;

/// The resolved path, in `out` (without a NUL); its length.
fn resolve(input: &[u8], out: &mut [u8; MAX]) -> Result<usize, Errno> {
    // The path still to walk, at the end of `rest` (so link targets can be
    // put in front of it).
    let mut rest = [0u8; MAX];
    let mut start;
    {
        let cwd: &[u8] = if input.first() == Some(&b'/') {
            b""
        } else {
            path::cwd()
        };
        let total = cwd.len() + 1 + input.len();
        if total > MAX {
            return Err(Errno::ENAMETOOLONG);
        }
        start = MAX - total;
        rest[start..start + cwd.len()].copy_from_slice(cwd);
        rest[start + cwd.len()] = b'/';
        rest[start + cwd.len() + 1..].copy_from_slice(input);
    }
    // Exactly two leading slashes stay (POSIX: implementation-defined;
    // wasi-libc keeps them).
    let root = if input.starts_with(b"//") && input.get(2) != Some(&b'/') {
        2
    } else {
        1
    };
    out[0] = b'/';
    out[1] = b'/';
    let mut olen = root;
    let mut links = 0;
    loop {
        while start < MAX && rest[start] == b'/' {
            start += 1;
        }
        if start == MAX {
            return Ok(olen);
        }
        let end = rest[start..]
            .iter()
            .position(|&b| b == b'/')
            .map_or(MAX, |i| start + i);
        let (cs, ce) = (start, end);
        start = end;
        let c = &rest[cs..ce];
        if c == b"." {
            continue;
        }
        if c == b".." {
            while olen > root && out[olen - 1] != b'/' {
                olen -= 1;
            }
            if olen > root {
                olen -= 1;
            }
            continue;
        }
        let before = olen;
        let sep = (olen > root) as usize;
        if olen + sep + c.len() > MAX - 1 {
            return Err(Errno::ENAMETOOLONG);
        }
        if sep == 1 {
            out[olen] = b'/';
        }
        out[olen + sep..olen + sep + c.len()].copy_from_slice(c);
        olen += sep + c.len();
        let at = path::resolve(&out[..olen])?;
        let st = Sys::statat(at.fd(), at.rel(), false)?;
        match st.kind {
            FileType::SymbolicLink => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(Errno::ELOOP);
                }
                let mut target = [0u8; MAX];
                let n = Sys::readlinkat(at.fd(), at.rel(), &mut target)?;
                if n == 0 {
                    return Err(Errno::ENOENT);
                }
                if n >= start {
                    return Err(Errno::ENAMETOOLONG);
                }
                // The target goes in front of what is left.
                if start < MAX {
                    start -= 1;
                    rest[start] = b'/';
                }
                start -= n;
                rest[start..start + n].copy_from_slice(&target[..n]);
                olen = if target[0] == b'/' { root } else { before };
            }
            FileType::Directory => {}
            // Only a directory may have more components (or a slash) after it.
            _ if start < MAX => return Err(Errno::ENOTDIR),
            _ => {}
        }
    }
}

/// [realpath](https://pubs.opengroup.org/onlinepubs/9799919799/functions/realpath.html):
/// the canonical absolute path of an existing file, in `resolved`
/// (`PATH_MAX` bytes) or, when that is NULL, in memory from `malloc`.
///
/// # Safety
/// `path` NULL or NUL-terminated; `resolved` NULL or valid for 4096 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realpath(path: *const c_char, resolved: *mut c_char) -> *mut c_char {
    let r = (|| {
        if path.is_null() {
            return Err(Errno::EINVAL);
        }
        // SAFETY: NUL-terminated (caller contract).
        let p = unsafe { core::ffi::CStr::from_ptr(path) }.to_bytes();
        if p.is_empty() {
            return Err(Errno::ENOENT);
        }
        let mut out = [0u8; MAX];
        let n = resolve(p, &mut out)?;
        let dst = if resolved.is_null() {
            let m = super::malloc(n + 1) as *mut c_char;
            if m.is_null() {
                return Err(Errno::ENOMEM);
            }
            m
        } else {
            resolved
        };
        // SAFETY: dst holds n + 1 bytes (malloc'd, or PATH_MAX by contract).
        unsafe {
            core::ptr::copy_nonoverlapping(out.as_ptr(), dst.cast::<u8>(), n);
            *dst.add(n) = 0;
        }
        Ok(dst)
    })();
    r.or_null_errno()
}
