//! `wasi/libc-find-relpath.h`: which pre-opened directory a path lies in,
//! and the path relative to it, as wasi-libc computes it (Rust's standard
//! library for `wasm32-wasip1` calls `__wasilibc_find_relpath` before every
//! file-system call).
//!
//! The matching is the library's own (`libc_core::path`, `preopen`):
//! relative paths are joined to the emulated working directory first; the
//! longest matching pre-open name wins.

use crate::header::stdlib::realloc;
use crate::platform::{c_char, c_int, size_t};
use core::cell::UnsafeCell;
use core::ffi::CStr;
use libc_core::{Errno, OrMinusOneErrno, PalFs, Sys};

/// What the functions hand out: the matched pre-open's name and the
/// relative path, each NUL-terminated in a heap block of the library's own
/// that is reused (grown as needed) by the next call, as in wasi-libc,
/// whose pointers also stay valid only until the next call.
struct Out(UnsafeCell<[(*mut u8, usize); 2]>);
// SAFETY: single-threaded library (a threads flavour needs a lock here).
unsafe impl Sync for Out {}
static OUT: Out = Out(UnsafeCell::new([(core::ptr::null_mut(), 0); 2]));

/// Copies `s` NUL-terminated into output block `which` (0: prefix,
/// 1: relative path); `ENOMEM` if it cannot grow.
fn stash(which: usize, s: &[u8]) -> Result<*const c_char, Errno> {
    // SAFETY: single-threaded; the blocks are only reached through OUT.
    let slot = unsafe { &mut (*OUT.0.get())[which] };
    if slot.1 < s.len() + 1 {
        // SAFETY: slot.0 is NULL or a block from realloc.
        let b = unsafe { realloc(slot.0.cast(), s.len() + 1) };
        if b.is_null() {
            return Err(Errno::ENOMEM);
        }
        *slot = (b.cast(), s.len() + 1);
    }
    // SAFETY: the block holds s.len() + 1 bytes and does not overlap `s`
    // (`s` is a pre-open name or a path the caller or resolver owns).
    unsafe {
        core::ptr::copy_nonoverlapping(s.as_ptr(), slot.0, s.len());
        *slot.0.add(s.len()) = 0;
    }
    Ok(slot.0.cast())
}

/// The name of the pre-open with descriptor `fd`, as wasi-libc reports it
/// (without leading `/` and `./`: `.` becomes `""`).
fn prefix_of(fd: i32) -> Result<*const c_char, Errno> {
    let name = (0..)
        .map_while(Sys::preopen)
        .find(|(f, _)| *f == fd)
        .map_or(&b""[..], |(_, n)| n);
    stash(0, libc_core::preopen::strip_prefixes(name))
}

/// Resolves `path` (`""` meaning the working directory, as in wasi-libc) to
/// (pre-open fd, relative path); stores both strings in the library's own
/// blocks.
///
/// # Safety
/// `path` NULL or NUL-terminated; the out-pointers NULL or writable.
unsafe fn find(
    path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative: *mut *mut c_char,
) -> Result<c_int, Errno> {
    if path.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: NUL-terminated (caller contract).
    let p = unsafe { CStr::from_ptr(path) }.to_bytes();
    let r = libc_core::path::resolve(if p.is_empty() { b"." } else { p })?;
    let rel = stash(1, r.rel())?;
    let prefix = prefix_of(r.fd())?;
    // SAFETY: caller contract: the out-pointers are NULL or writable.
    unsafe {
        if !relative.is_null() {
            *relative = rel.cast_mut();
        }
        if !abs_prefix.is_null() {
            *abs_prefix = prefix;
        }
    }
    Ok(r.fd())
}

/// Finds the pre-open `path` lies in: returns its descriptor, points
/// `*abs_prefix` at its name and `*relative_path` at the rest of the path
/// (both in the library's own storage, valid until the next call: like
/// current wasi-libc, the caller's buffer is not used, so the length never
/// matters). `ENOENT` when no pre-open covers the path.
///
/// # Safety
/// `path` NULL or NUL-terminated; `abs_prefix` NULL or writable;
/// `*relative_path` writable for `relative_path_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_find_relpath(
    path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative_path: *mut *mut c_char,
    _relative_path_len: size_t,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { find(path, abs_prefix, relative_path) }.or_minus_one_errno()
}

/// Like [`__wasilibc_find_relpath`]: the relative path is copied,
/// NUL-terminated, into the caller's buffer `*relative` (capacity
/// `*relative_len`), which is grown with `realloc` when it is too small and
/// `can_realloc` is non-zero (`*relative`, `*relative_len` updated), else
/// `ERANGE`.
///
/// # Safety
/// As for `__wasilibc_find_relpath`; `*relative` writable for
/// `*relative_len` bytes, and with `can_realloc` NULL or a `malloc` block.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_find_relpath_alloc(
    path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative: *mut *mut c_char,
    relative_len: *mut size_t,
    can_realloc: c_int,
) -> c_int {
    let r = (|| {
        let mut rel: *mut c_char = core::ptr::null_mut();
        // SAFETY: forwarded contract; `rel` is a local.
        let fd = unsafe { find(path, abs_prefix, &mut rel) }?;
        // SAFETY: `rel` is NUL-terminated (find's block); the caller's
        // buffer and length are valid (contract).
        unsafe {
            let n = CStr::from_ptr(rel).to_bytes().len() + 1;
            if n > *relative_len {
                if can_realloc == 0 {
                    return Err(Errno::ERANGE);
                }
                let b = realloc((*relative).cast(), n);
                if b.is_null() {
                    return Err(Errno::ENOMEM);
                }
                (*relative, *relative_len) = (b.cast(), n);
            }
            core::ptr::copy_nonoverlapping(rel, *relative, n);
        }
        Ok(fd)
    })();
    r.or_minus_one_errno()
}

/// Finds the pre-open the absolute path `abspath` lies in (the working
/// directory plays no part): returns its descriptor, stores its name in
/// `*abs_prefix` and a pointer into `abspath` (or to `"."`) in
/// `*relative_path`. `ENOENT` when no pre-open covers it.
///
/// # Safety
/// `abspath` NUL-terminated; both out-pointers writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_find_abspath(
    abspath: *const c_char,
    abs_prefix: *mut *const c_char,
    relative_path: *mut *const c_char,
) -> c_int {
    let r = (|| {
        if abspath.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: NUL-terminated (caller contract).
        let mut p = unsafe { CStr::from_ptr(abspath) }.to_bytes();
        while let [b'/', rest @ ..] = p {
            p = rest;
        }
        let mut names = (0..).map_while(Sys::preopen).map(|(_, n)| n);
        let (i, rel) = libc_core::preopen::resolve(p, &mut names).ok_or(Errno::ENOENT)?;
        let fd = Sys::preopen(i).ok_or(Errno::ENOENT)?.0;
        // `rel` is a tail of `abspath` (NUL-terminated there) or the
        // resolver's static ".".
        let inside = p.as_ptr_range().contains(&rel.as_ptr());
        let rel_ptr: *const c_char = if inside {
            rel.as_ptr().cast()
        } else {
            c".".as_ptr()
        };
        let prefix = prefix_of(fd)?;
        // SAFETY: caller contract: the out-pointers are writable.
        unsafe {
            *abs_prefix = prefix;
            *relative_path = rel_ptr;
        }
        Ok(fd)
    })();
    r.or_minus_one_errno()
}
