//! `quick_exit`/`at_quick_exit` (C11 7.22.4.3, 7.22.4.7) and `reallocarray`.

use crate::platform::{c_int, c_void, size_t};
use libc_core::single::Single;
use libc_core::{Errno, OrNullErrno, Pal, Sys};

/// Most `at_quick_exit` handlers (C11 asks for at least 32).
const QUICK_MAX: usize = 32;

struct Quick {
    count: usize,
    list: [Option<extern "C" fn()>; QUICK_MAX],
}

static QUICK: Single<Quick> = Single::new(Quick {
    count: 0,
    list: [None; QUICK_MAX],
});

/// [at_quick_exit](https://en.cppreference.com/w/c/program/at_quick_exit)
///
/// 0, or non-zero when `f` is NULL or 32 handlers are registered.
#[unsafe(no_mangle)]
pub extern "C" fn at_quick_exit(f: Option<extern "C" fn()>) -> c_int {
    // SAFETY: single-threaded; the borrow ends here.
    let q = unsafe { &mut *QUICK.get() };
    match (f, q.list.get_mut(q.count)) {
        (Some(f), Some(slot)) => {
            *slot = Some(f);
            q.count += 1;
            0
        }
        _ => -1,
    }
}

/// [quick_exit](https://en.cppreference.com/w/c/program/quick_exit)
///
/// Runs the `at_quick_exit` handlers, last registered first, then ends
/// the program like `_Exit`: no `atexit` handlers, streams not flushed.
#[unsafe(no_mangle)]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    loop {
        // SAFETY: single-threaded; the borrow ends before the handler runs.
        let f = unsafe {
            let q = &mut *QUICK.get();
            if q.count == 0 {
                break;
            }
            q.count -= 1;
            q.list.get(q.count).copied().flatten()
        };
        if let Some(f) = f {
            f();
        }
    }
    Sys::exit(status)
}

/// [reallocarray](https://man.openbsd.org/reallocarray) (POSIX 2024)
///
/// `realloc(p, n * size)`, failing with `ENOMEM` (and leaving `p` alone)
/// when the product overflows.
///
/// # Safety
/// As for `realloc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: size_t, size: size_t) -> *mut c_void {
    match n.checked_mul(size) {
        // SAFETY: caller contract.
        Some(bytes) => unsafe { super::realloc(p, bytes) },
        None => Err::<*mut c_void, _>(Errno::ENOMEM).or_null_errno(),
    }
}
