//! C paths to WASI `(directory, relative path)` pairs, and the emulated
//! working directory.
//!
//! WASI has no working directory and no absolute paths: every path
//! operation names a directory descriptor. Like wasi-libc, this library
//! keeps the working directory as a string (initially `/`), makes every
//! relative path absolute against it, and picks the pre-opened directory
//! whose name is the longest prefix ([`crate::preopen`]). `chdir` checks
//! that the target is a directory and stores its absolute path, normalized
//! (`.` and `..` components resolved lexically; wasi-libc keeps them, so its
//! `getcwd` can answer `/a/..`). The `*at` functions with a real directory
//! fd and a relative path skip all this and use that fd directly.
//!
//! When the working directory is `/` (no `chdir` was made) a relative path
//! is used in place, without a copy; otherwise the joined path lives in a
//! heap block owned by the [`Resolved`] value.

use crate::errno::Errno;
use crate::pal::Result;
use crate::shared::Shared;
use crate::{PalFs, Sys};
use core::marker::PhantomData;

/// `AT_FDCWD`: "relative to the working directory" (wasi-libc's value).
pub const AT_FDCWD: i32 = -2;

/// The working directory: a heap block holding an absolute, normalized path
/// without a trailing slash (except the root), or null for `/`.
struct Cwd {
    ptr: *mut u8,
    len: usize,
}

/// Shared by all threads; replaced under its lock (p1-threads keeps every
/// former block, so a path a thread is resolving is never freed under it).
static CWD: Shared<Cwd> = Shared::new(Cwd {
    ptr: core::ptr::null_mut(),
    len: 0,
});

/// The working directory (`/` until the first successful `chdir`).
pub fn cwd() -> &'static [u8] {
    let (ptr, len) = {
        let c = CWD.lock();
        (c.ptr, c.len)
    };
    if ptr.is_null() {
        b"/"
    } else {
        // SAFETY: ptr holds len bytes; the block lives until the next
        // `chdir` (for ever on p1-threads), which no caller holds a borrow
        // across.
        unsafe { core::slice::from_raw_parts(ptr, len) }
    }
}

/// A path resolved to a directory descriptor and a path relative to it.
pub struct Resolved<'a> {
    fd: i32,
    rel: *const u8,
    len: usize,
    /// The joined path when one was built; freed on drop.
    heap: *mut u8,
    _path: PhantomData<&'a [u8]>,
}

impl Resolved<'_> {
    /// The directory descriptor to pass to the backend.
    pub fn fd(&self) -> i32 {
        self.fd
    }

    /// The path relative to [`Self::fd`] (never empty).
    pub fn rel(&self) -> &[u8] {
        // SAFETY: rel points into the caller's path or into `heap`, both
        // alive as long as self.
        unsafe { core::slice::from_raw_parts(self.rel, self.len) }
    }
}

impl Drop for Resolved<'_> {
    fn drop(&mut self) {
        // SAFETY: null or a block from heap_alloc that only we refer to.
        unsafe { crate::heap_free(self.heap) }
    }
}

/// The absolute form of `path` (leading slashes removed): either `path`
/// itself or a heap block (returned second, to be freed) with the working
/// directory prepended.
fn absolute(path: &[u8]) -> Result<(*const u8, usize, *mut u8)> {
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    let cwd = cwd();
    if path[0] == b'/' || cwd == b"/" {
        let start = path.iter().position(|&c| c != b'/').unwrap_or(path.len());
        return Ok((
            path[start..].as_ptr(),
            path.len() - start,
            core::ptr::null_mut(),
        ));
    }
    // cwd is "/x..." with no trailing slash: drop its leading '/'.
    let head = &cwd[1..];
    let len = head.len() + 1 + path.len();
    let buf = crate::heap_alloc(len, 1);
    if buf.is_null() {
        return Err(Errno::ENOMEM);
    }
    // SAFETY: buf has len bytes; the sources are disjoint from it.
    unsafe {
        core::ptr::copy_nonoverlapping(head.as_ptr(), buf, head.len());
        *buf.add(head.len()) = b'/';
        core::ptr::copy_nonoverlapping(path.as_ptr(), buf.add(head.len() + 1), path.len());
    }
    Ok((buf, len, buf))
}

/// Resolves a C path against the working directory and the pre-opens.
/// `ENOENT` for an empty path or one no pre-open covers.
pub fn resolve(path: &[u8]) -> Result<Resolved<'_>> {
    let (ptr, len, heap) = absolute(path)?;
    let mut r = Resolved {
        fd: -1,
        rel: ptr,
        len,
        heap,
        _path: PhantomData,
    };
    // SAFETY: (ptr, len) is the caller's path or r's own heap block.
    let abs = unsafe { core::slice::from_raw_parts(ptr, len) };
    let mut names = (0..).map_while(Sys::preopen).map(|(_, name)| name);
    let (i, rel) = crate::preopen::resolve(abs, &mut names).ok_or(Errno::ENOENT)?;
    r.fd = Sys::preopen(i).ok_or(Errno::ENOENT)?.0;
    r.rel = rel.as_ptr();
    r.len = rel.len();
    Ok(r)
}

/// Resolves the `(dirfd, path)` of a `*at` function: an absolute path or
/// `AT_FDCWD` goes through [`resolve`]; otherwise `path` is relative to
/// `dirfd` as it is.
pub fn resolve_at(dirfd: i32, path: &[u8]) -> Result<Resolved<'_>> {
    if dirfd == AT_FDCWD || path.first() == Some(&b'/') {
        return resolve(path);
    }
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    Ok(Resolved {
        fd: dirfd,
        rel: path.as_ptr(),
        len: path.len(),
        heap: core::ptr::null_mut(),
        _path: PhantomData,
    })
}

/// `chdir`: checks that `path` names a directory, then makes its absolute,
/// normalized path the working directory.
pub fn chdir(path: &[u8]) -> Result<()> {
    let r = resolve(path)?;
    let st = Sys::statat(r.fd(), r.rel(), true)?;
    if st.kind != crate::pal::fs::FileType::Directory {
        return Err(Errno::ENOTDIR);
    }
    let (ptr, len, heap) = absolute(path)?;
    // SAFETY: as in `resolve`.
    let abs = unsafe { core::slice::from_raw_parts(ptr, len) };
    let out = crate::heap_alloc(len + 1, 1);
    if out.is_null() {
        // SAFETY: null or our block.
        unsafe { crate::heap_free(heap) };
        return Err(Errno::ENOMEM);
    }
    // SAFETY: out has len + 1 bytes, enough for "/" + abs normalized.
    let dst = unsafe { core::slice::from_raw_parts_mut(out, len + 1) };
    let n = normalize(abs, dst);
    let mut c = CWD.lock();
    // SAFETY: null or our blocks. With threads the former working directory
    // stays allocated: another thread may be resolving a path against it.
    unsafe {
        crate::heap_free(heap);
        if !crate::THREADS {
            crate::heap_free(c.ptr);
        }
        if n == 1 {
            crate::heap_free(out);
            c.ptr = core::ptr::null_mut();
            c.len = 0;
        } else {
            c.ptr = out;
            c.len = n;
        }
    }
    Ok(())
}

/// Writes `/` + `abs` with `.`, `..` and empty components resolved into
/// `out` (at least `abs.len() + 1` bytes); returns the length.
fn normalize(abs: &[u8], out: &mut [u8]) -> usize {
    out[0] = b'/';
    let mut n = 1;
    for comp in abs.split(|&c| c == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => {
                // Back to the previous '/', never above the root.
                while n > 1 && out[n - 1] != b'/' {
                    n -= 1;
                }
                if n > 1 {
                    n -= 1;
                }
            }
            _ => {
                if n > 1 {
                    out[n] = b'/';
                    n += 1;
                }
                out[n..n + comp.len()].copy_from_slice(comp);
                n += comp.len();
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::normalize;

    fn norm(s: &str) -> String {
        let mut out = vec![0u8; s.len() + 1];
        let n = normalize(s.as_bytes(), &mut out);
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn normalizes_lexically() {
        assert_eq!(norm(""), "/");
        assert_eq!(norm("a"), "/a");
        assert_eq!(norm("a/./b//c/"), "/a/b/c");
        assert_eq!(norm("a/b/.."), "/a");
        assert_eq!(norm("a/.."), "/");
        assert_eq!(norm("../../x"), "/x");
        assert_eq!(norm("ab/../cd/e/../f"), "/cd/f");
    }
}
