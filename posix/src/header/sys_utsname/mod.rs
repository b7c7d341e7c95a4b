//! `sys/utsname.h`

use crate::platform::{c_char, c_int};
use libc_core::{Errno, OrMinusOneErrno};

/// Length of each `struct utsname` field, NUL included.
pub const _UTSNAME_LENGTH: usize = 65;

/// `struct utsname` (wasi-libc's layout: six 65-byte fields).
#[repr(C)]
pub struct utsname {
    pub sysname: [c_char; 65],
    pub nodename: [c_char; 65],
    pub release: [c_char; 65],
    pub version: [c_char; 65],
    pub machine: [c_char; 65],
    pub domainname: [c_char; 65],
}

fn put(field: &mut [c_char; 65], s: &[u8]) {
    for (d, &b) in field.iter_mut().zip(s.iter().chain(core::iter::repeat(&0))) {
        *d = b as c_char;
    }
}

/// [uname](https://pubs.opengroup.org/onlinepubs/9799919799/functions/uname.html)
///
/// wasi-libc's answers: `wasi`, `(none)` (also `gethostname`), `0.0.0`,
/// `0.0.0`, `wasm32`, and `(none)` as the domain name.
///
/// # Safety
/// `u` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uname(u: *mut utsname) -> c_int {
    if u.is_null() {
        return Err::<(), _>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: non-null and valid (caller contract).
    let u = unsafe { &mut *u };
    let node = crate::header::unistd::NODE_NAME;
    put(&mut u.sysname, b"wasi");
    put(&mut u.nodename, node);
    put(&mut u.release, b"0.0.0");
    put(&mut u.version, b"0.0.0");
    put(&mut u.machine, b"wasm32");
    put(&mut u.domainname, node);
    0
}

const _: () = assert!(core::mem::size_of::<utsname>() == 6 * _UTSNAME_LENGTH);
