//! `stdlib.h`: unique temporary names: `mkstemp`, `mkostemp`, `mkstemps`,
//! `mkostemps`, `mkdtemp`, and the unsafe legacy `mktemp`.
//!
//! The six `X`s that end the template (before a suffix of `suffixlen`
//! bytes) are replaced with letters and digits from the host's secure random
//! source; a name that already exists is retried (up to 100 times, then
//! `EEXIST`). Files are created with `O_CREAT | O_EXCL`, so no two callers
//! get the same one.

use crate::header::fcntl::{AT_FDCWD, O_APPEND, O_CREAT, O_EXCL, O_RDWR, O_SYNC, openat};
use crate::header::stdlib::arc4random_buf;
use crate::header::sys_stat::{lstat, mkdir, stat};
use crate::platform::{c_char, c_int};
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const TRIES: usize = 100;

/// Checks that `template` ends, before `suffixlen` bytes, with `XXXXXX`;
/// returns the address of the first `X`.
///
/// # Safety
/// `template` NULL or NUL-terminated and writable.
unsafe fn xs(template: *mut c_char, suffixlen: c_int) -> Result<*mut u8, Errno> {
    if template.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: NUL-terminated (caller contract).
    let len = unsafe { core::ffi::CStr::from_ptr(template) }
        .to_bytes()
        .len();
    let suffix = usize::try_from(suffixlen).map_err(|_| Errno::EINVAL)?;
    let end = len
        .checked_sub(suffix)
        .filter(|&e| e >= 6)
        .ok_or(Errno::EINVAL)?;
    let start = template.cast::<u8>();
    // SAFETY: [end - 6, end) lies inside the string.
    let x = unsafe { core::slice::from_raw_parts(start.add(end - 6), 6) };
    if x != b"XXXXXX" {
        return Err(Errno::EINVAL);
    }
    // SAFETY: in bounds, as above.
    Ok(unsafe { start.add(end - 6) })
}

/// Writes six random name characters at `x`.
///
/// # Safety
/// `x` writable for 6 bytes.
unsafe fn fill(x: *mut u8) {
    let mut r = [0u8; 6];
    // SAFETY: `r` is 6 writable bytes.
    unsafe { arc4random_buf(r.as_mut_ptr().cast(), 6) };
    for (i, b) in r.iter().enumerate() {
        // 256 % 62 != 0: a slight bias, irrelevant for uniqueness.
        // SAFETY: caller contract.
        unsafe { *x.add(i) = ALPHABET[*b as usize % ALPHABET.len()] };
    }
}

/// Tries names until `create` succeeds or fails with anything but `EEXIST`.
///
/// # Safety
/// As for [`xs`].
unsafe fn attempt(
    template: *mut c_char,
    suffixlen: c_int,
    mut create: impl FnMut(*mut c_char) -> Result<c_int, Errno>,
) -> Result<c_int, Errno> {
    // SAFETY: forwarded contract.
    let x = unsafe { xs(template, suffixlen) }?;
    for _ in 0..TRIES {
        // SAFETY: `x` points at the six `X`s inside the template.
        unsafe { fill(x) };
        match create(template) {
            Err(Errno::EEXIST) => continue,
            r => return r,
        }
    }
    Err(Errno::EEXIST)
}

/// `open(name, O_RDWR | O_CREAT | O_EXCL | flags)`, errno as a `Result`.
///
/// # Safety
/// `name` NUL-terminated.
unsafe fn create_file(name: *mut c_char, flags: c_int) -> Result<c_int, Errno> {
    // SAFETY: caller contract; openat reads no variadic argument.
    let fd = unsafe {
        openat(
            AT_FDCWD,
            name,
            O_RDWR | O_CREAT | O_EXCL | flags,
            core::ptr::null(),
        )
    };
    if fd < 0 {
        Err(libc_core::errno::get_errno())
    } else {
        Ok(fd)
    }
}

/// [mkostemps](https://man7.org/linux/man-pages/man3/mkostemps.3.html):
/// creates a new file from `template` (six `X`s followed by `suffixlen`
/// bytes), opened read-write with `flags` (`O_APPEND`, `O_SYNC`,
/// `O_CLOEXEC`) added; returns its descriptor. `EINVAL` for a bad template
/// or other flags.
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemps(template: *mut c_char, suffixlen: c_int, flags: c_int) -> c_int {
    let r = if flags & !(O_APPEND | O_SYNC) != 0 {
        Err(Errno::EINVAL)
    } else {
        // SAFETY: forwarded contract.
        unsafe { attempt(template, suffixlen, |n| create_file(n, flags)) }
    };
    r.or_minus_one_errno()
}

/// [mkstemp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkstemp.html)
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemp(template: *mut c_char) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { mkostemps(template, 0, 0) }
}

/// [mkostemp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkostemp.html)
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemp(template: *mut c_char, flags: c_int) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { mkostemps(template, 0, flags) }
}

/// [mkstemps](https://man7.org/linux/man-pages/man3/mkstemps.3.html)
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemps(template: *mut c_char, suffixlen: c_int) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { mkostemps(template, suffixlen, 0) }
}

/// [mkdtemp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdtemp.html):
/// creates a new directory from `template`; returns `template`, or NULL with
/// `errno` (`EINVAL` for a bad template).
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdtemp(template: *mut c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    let r = unsafe {
        attempt(template, 0, |n| {
            if mkdir(n, 0o700) < 0 {
                Err(libc_core::errno::get_errno())
            } else {
                Ok(0)
            }
        })
    };
    r.map(|_| template).or_null_errno()
}

/// [mktemp](https://man7.org/linux/man-pages/man3/mktemp.3.html)
/// (removed from POSIX: another program may create the name before the
/// caller does; use `mkstemp`): fills in a name that does not exist now and
/// returns `template`; on failure sets `template[0]` to NUL and `errno`.
///
/// # Safety
/// `template` must be NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mktemp(template: *mut c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    let r = unsafe {
        attempt(template, 0, |n| {
            let mut st = core::mem::MaybeUninit::<stat>::uninit();
            if lstat(n, st.as_mut_ptr()) == 0 {
                return Err(Errno::EEXIST);
            }
            match libc_core::errno::get_errno() {
                Errno::ENOENT => Ok(0),
                e => Err(e),
            }
        })
    };
    if let Err(e) = r {
        if !template.is_null() {
            // SAFETY: caller contract: writable string.
            unsafe { *template = 0 };
        }
        let _ = Err::<c_int, Errno>(e).or_minus_one_errno();
    }
    template
}
