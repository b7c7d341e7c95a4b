//! `unistd.h`: the host and process queries (`gethostname`, `getpid`,
//! `getpagesize`, `sbrk`), `sleep`/`usleep` and `posix_close`.

use crate::header::sys_types::{pid_t, useconds_t};
use crate::platform::{c_char, c_int, c_long, c_uint, c_void, size_t};
use libc_core::types::NANOS_PER_SEC;
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

/// What `uname` reports as the node name, and `gethostname` and
/// `getdomainname` too (wasi-libc's: WASI has no host name).
pub(crate) const NODE_NAME: &[u8] = b"(none)";

/// Copies `s` into `buf` of `len` bytes, cut to fit, terminated when the
/// whole name fits and otherwise only when cut (musl's `gethostname`).
///
/// # Safety
/// `buf` valid for `len` bytes.
unsafe fn copy_name(buf: *mut c_char, len: size_t, s: &[u8]) {
    let n = s.len().min(len);
    // SAFETY: `buf` holds `len >= n` bytes (caller contract).
    unsafe {
        core::ptr::copy_nonoverlapping(s.as_ptr(), buf.cast(), n);
        if n < len {
            *buf.add(n) = 0;
        } else if n > 0 {
            *buf.add(n - 1) = 0;
        }
    }
}

/// [gethostname](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gethostname.html)
///
/// `(none)` (wasi-libc's name: WASI does not tell one), cut to `len`.
///
/// # Safety
/// `buf` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostname(buf: *mut c_char, len: size_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { copy_name(buf, len, NODE_NAME) };
    0
}

/// `getdomainname` (BSD, glibc): `(none)`; `EINVAL` when it does not fit
/// with its NUL in `len` bytes.
///
/// # Safety
/// `buf` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdomainname(buf: *mut c_char, len: size_t) -> c_int {
    let r = if NODE_NAME.len() >= len {
        Err(Errno::EINVAL)
    } else {
        // SAFETY: caller contract.
        unsafe { copy_name(buf, len, NODE_NAME) };
        Ok(())
    };
    r.or_minus_one_errno()
}

/// [gethostid](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gethostid.html)
///
/// 0, as in wasi-libc.
#[unsafe(no_mangle)]
pub extern "C" fn gethostid() -> c_long {
    0
}

/// `getpagesize` (legacy BSD): the WebAssembly page, 65536 bytes.
#[unsafe(no_mangle)]
pub extern "C" fn getpagesize() -> c_int {
    65536
}

/// [getpid](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpid.html)
///
/// WASI has no processes: always 42, the value of wasi-libc's
/// `-lwasi-emulated-getpid`.
#[unsafe(no_mangle)]
pub extern "C" fn getpid() -> pid_t {
    42
}

/// `sbrk` (legacy): `sbrk(0)` is the end of linear memory; a positive
/// multiple of 65536 grows memory by that many bytes and returns the old
/// end (as wasi-libc does; `malloc` takes memory the same way and copes
/// with the gap). Any other increment (memory cannot shrink, and the end
/// is always page-aligned) fails with `ENOMEM` (wasi-libc aborts); so does
/// a grow the host refuses.
#[unsafe(no_mangle)]
pub extern "C" fn sbrk(increment: isize) -> *mut c_void {
    const PAGE: isize = 65536;
    let r = if increment == 0 {
        Ok(memory_grow(0))
    } else if increment < 0 || increment % PAGE != 0 {
        Err(Errno::ENOMEM)
    } else {
        match memory_grow((increment / PAGE) as usize) {
            usize::MAX => Err(Errno::ENOMEM),
            old => Ok(old),
        }
    };
    match r {
        Ok(pages) => (pages * PAGE as usize) as *mut c_void,
        Err(e) => {
            let _ = Err::<isize, _>(e).or_minus_one_errno();
            usize::MAX as *mut c_void
        }
    }
}

/// `memory.grow` of memory 0 by `pages`: the old size in pages, or
/// `usize::MAX`.
fn memory_grow(pages: usize) -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_grow(0, pages)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = pages;
        usize::MAX
    }
}

/// [sleep](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sleep.html)
///
/// Sleeps on the monotonic clock (`poll_oneoff` on p1, a
/// `monotonic-clock` pollable on p2). Never interrupted: returns 0, or
/// all of `seconds` if the host cannot sleep.
#[unsafe(no_mangle)]
pub extern "C" fn sleep(seconds: c_uint) -> c_uint {
    match Sys::sleep(seconds as u64 * NANOS_PER_SEC) {
        Ok(()) => 0,
        Err(_) => seconds,
    }
}

/// `usleep` (XSI, removed from POSIX 2008): sleeps `usec` microseconds;
/// 0, or -1 with the host's error.
#[unsafe(no_mangle)]
pub extern "C" fn usleep(usec: useconds_t) -> c_int {
    Sys::sleep(usec as u64 * 1000).or_minus_one_errno()
}

/// `posix_close`'s flag: leave the descriptor closed even when
/// interrupted.
pub const POSIX_CLOSE_RESTART: c_int = 0;

/// [posix_close](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_close.html)
///
/// `close`: WASI never interrupts it, so `flag` changes nothing
/// (`POSIX_CLOSE_RESTART` is 0, as in wasi-libc).
#[unsafe(no_mangle)]
pub extern "C" fn posix_close(fd: c_int, _flag: c_int) -> c_int {
    Sys::close(fd).or_minus_one_errno()
}
