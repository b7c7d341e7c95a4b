//! `sys/mman.h`, emulated with the heap as wasi-libc's
//! `-lwasi-emulated-mman` does: WebAssembly has one linear memory, no
//! pages to map and no protection.
//!
//! - Anonymous mappings (`MAP_ANONYMOUS`, private or shared: there is one
//!   process) are zeroed heap blocks.
//! - File mappings are copies: the file's bytes from `offset` are read
//!   into the block when it is mapped (past the end of file: zeros).
//!   `MAP_PRIVATE` gets exactly POSIX's semantics for what the program
//!   sees of its own writes (they never reach the file); a `MAP_SHARED`
//!   mapping is accepted only without `PROT_WRITE` (`ENOTSUP` otherwise:
//!   writes could not reach the file), and later changes to the file do
//!   not show in it.
//! - `MAP_FIXED` cannot be honoured (`EINVAL`).
//! - `munmap` frees a whole mapping: `addr` must be what `mmap` returned
//!   and `len` its length (`EINVAL` otherwise; no partial unmapping).
//! - `mprotect`, `msync`, `madvise`, `posix_madvise` check their arguments
//!   and do nothing.
//!
//! Blocks are 16-byte aligned, not page aligned.

use crate::platform::{c_int, c_void, off_t, size_t};
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

pub const PROT_NONE: c_int = 0;
pub const PROT_READ: c_int = 1;
pub const PROT_WRITE: c_int = 2;
pub const PROT_EXEC: c_int = 4;

pub const MAP_SHARED: c_int = 0x01;
pub const MAP_PRIVATE: c_int = 0x02;
pub const MAP_SHARED_VALIDATE: c_int = 0x03;
pub const MAP_TYPE: c_int = 0x0f;
pub const MAP_FIXED: c_int = 0x10;
pub const MAP_ANON: c_int = 0x20;
pub const MAP_ANONYMOUS: c_int = 0x20;
pub const MAP_NORESERVE: c_int = 0x4000;
pub const MAP_POPULATE: c_int = 0x8000;
pub const MAP_FILE: c_int = 0;

pub const MS_ASYNC: c_int = 1;
pub const MS_INVALIDATE: c_int = 2;
pub const MS_SYNC: c_int = 4;

pub const POSIX_MADV_NORMAL: c_int = 0;
pub const POSIX_MADV_RANDOM: c_int = 1;
pub const POSIX_MADV_SEQUENTIAL: c_int = 2;
pub const POSIX_MADV_WILLNEED: c_int = 3;
pub const POSIX_MADV_DONTNEED: c_int = 4;
pub const MADV_NORMAL: c_int = 0;
pub const MADV_RANDOM: c_int = 1;
pub const MADV_SEQUENTIAL: c_int = 2;
pub const MADV_WILLNEED: c_int = 3;
pub const MADV_DONTNEED: c_int = 4;
pub const MADV_FREE: c_int = 8;

/// Before each mapping: what `munmap` checks.
#[repr(C, align(16))]
struct Header {
    magic: usize,
    len: usize,
}

const MAGIC: usize = 0x6d6d_6170;
const HDR: usize = core::mem::size_of::<Header>();

/// [mmap](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mmap.html)
///
/// See the module documentation. `MAP_FAILED` with `EINVAL` (length 0, a
/// negative or unaligned offset, no or two mapping types, `MAP_FIXED`),
/// `ENOTSUP` (shared writable file mapping), `ENOMEM`, or the error of
/// reading the file (`EBADF`, ...).
///
/// # Safety
/// `addr` is only a hint and is not used.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mmap(
    _addr: *mut c_void,
    len: size_t,
    prot: c_int,
    flags: c_int,
    fd: c_int,
    offset: off_t,
) -> *mut c_void {
    match map(len, prot, flags, fd, offset) {
        Ok(p) => p,
        Err(e) => {
            let _ = Err::<isize, _>(e).or_minus_one_errno();
            usize::MAX as *mut c_void
        }
    }
}

fn map(
    len: size_t,
    prot: c_int,
    flags: c_int,
    fd: c_int,
    offset: off_t,
) -> Result<*mut c_void, Errno> {
    let kind = flags & MAP_TYPE;
    let anon = flags & MAP_ANONYMOUS != 0;
    if len == 0
        || !(kind == MAP_SHARED || kind == MAP_PRIVATE || kind == MAP_SHARED_VALIDATE)
        || flags & MAP_FIXED != 0
        || prot & !(PROT_READ | PROT_WRITE | PROT_EXEC) != 0
        || offset < 0
        || offset % 65536 != 0
    {
        return Err(Errno::EINVAL);
    }
    if !anon && kind != MAP_PRIVATE && prot & PROT_WRITE != 0 {
        return Err(Errno::ENOTSUP);
    }
    let total = len.checked_add(HDR).ok_or(Errno::ENOMEM)?;
    let base = wasm_libc_alloc::alloc_aligned(total, 16);
    if base.is_null() {
        return Err(Errno::ENOMEM);
    }
    // SAFETY: `base` holds `total = HDR + len` bytes.
    let data = unsafe {
        (base as *mut Header).write(Header { magic: MAGIC, len });
        base.add(HDR)
    };
    // SAFETY: `data` holds `len` bytes, ours.
    let buf = unsafe { core::slice::from_raw_parts_mut(data, len) };
    buf.fill(0);
    if !anon {
        let mut done = 0;
        while done < len {
            match Sys::pread(fd, &mut buf[done..], offset as u64 + done as u64) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) => {
                    // SAFETY: our own block.
                    unsafe { wasm_libc_alloc::free(base) };
                    return Err(e);
                }
            }
        }
    }
    Ok(data.cast())
}

/// The header of the mapping at `addr` if `addr` is one of length `len`.
fn mapping(addr: *mut c_void, len: size_t) -> Result<*mut u8, Errno> {
    let a = addr as usize;
    if a < HDR || !a.is_multiple_of(16) {
        return Err(Errno::EINVAL);
    }
    let base = (a - HDR) as *mut u8;
    // SAFETY: an address `mmap` returned has its header before it; for
    // other 16-aligned heap addresses the two words are readable memory.
    // (Passing anything else to `munmap` is undefined behaviour in POSIX
    // terms too; the magic word catches the usual mistakes.)
    let h = unsafe { &*(base as *const Header) };
    if h.magic != MAGIC || h.len != len {
        return Err(Errno::EINVAL);
    }
    Ok(base)
}

/// [munmap](https://pubs.opengroup.org/onlinepubs/9799919799/functions/munmap.html)
///
/// Frees a whole mapping (see the module documentation); `EINVAL` for
/// anything else.
///
/// # Safety
/// `addr` must be a live mapping of `len` bytes (or the call fails).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: size_t) -> c_int {
    let r = mapping(addr, len).map(|base| {
        // SAFETY: clear the magic so a second munmap fails; then free our
        // own block.
        unsafe {
            (*(base as *mut Header)).magic = 0;
            wasm_libc_alloc::free(base);
        }
    });
    r.or_minus_one_errno()
}

/// [mprotect](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mprotect.html)
///
/// WebAssembly memory has no protection: checks `prot` (`EINVAL`) and
/// succeeds without effect.
#[unsafe(no_mangle)]
pub extern "C" fn mprotect(_addr: *mut c_void, _len: size_t, prot: c_int) -> c_int {
    let r = if prot & !(PROT_READ | PROT_WRITE | PROT_EXEC) != 0 {
        Err(Errno::EINVAL)
    } else {
        Ok(())
    };
    r.or_minus_one_errno()
}

/// [msync](https://pubs.opengroup.org/onlinepubs/9799919799/functions/msync.html)
///
/// Nothing to write back (writable mappings are private): checks `flags`
/// (`EINVAL` for unknown bits or both `MS_SYNC` and `MS_ASYNC`) and
/// succeeds.
#[unsafe(no_mangle)]
pub extern "C" fn msync(_addr: *mut c_void, _len: size_t, flags: c_int) -> c_int {
    let bad = flags & !(MS_ASYNC | MS_INVALIDATE | MS_SYNC) != 0
        || flags & (MS_ASYNC | MS_SYNC) == MS_ASYNC | MS_SYNC;
    let r = if bad { Err(Errno::EINVAL) } else { Ok(()) };
    r.or_minus_one_errno()
}

/// `madvise` (BSD, Linux): checks `advice` (`EINVAL`) and ignores it.
#[unsafe(no_mangle)]
pub extern "C" fn madvise(_addr: *mut c_void, _len: size_t, advice: c_int) -> c_int {
    let r = match advice {
        MADV_NORMAL | MADV_RANDOM | MADV_SEQUENTIAL | MADV_WILLNEED | MADV_DONTNEED | MADV_FREE => {
            Ok(())
        }
        _ => Err(Errno::EINVAL),
    };
    r.or_minus_one_errno()
}

/// [posix_madvise](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_madvise.html)
///
/// Checks `advice` and ignores it; returns 0 or `EINVAL` (errno is left
/// alone).
#[unsafe(no_mangle)]
pub extern "C" fn posix_madvise(_addr: *mut c_void, _len: size_t, advice: c_int) -> c_int {
    if (POSIX_MADV_NORMAL..=POSIX_MADV_DONTNEED).contains(&advice) {
        0
    } else {
        Errno::EINVAL.0
    }
}
