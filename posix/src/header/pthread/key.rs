//! Thread-specific data: `PTHREAD_KEYS_MAX` slots of (destructor, value).

use super::{PTHREAD_DESTRUCTOR_ITERATIONS, PTHREAD_KEYS_MAX, pthread_key_t};
use crate::platform::c_int;
use crate::platform::c_void;
use core::ptr::null_mut;
use libc_core::Errno;
use libc_core::shared::Shared;
use libc_core::single::Single;

const N: usize = PTHREAD_KEYS_MAX as usize;

/// The keys: shared by all threads.
struct Keys {
    used: [bool; N],
    dtor: [Option<unsafe extern "C" fn(*mut c_void)>; N],
}

static KEYS: Shared<Keys> = Shared::new(Keys {
    used: [false; N],
    dtor: [None; N],
});

/// The calling thread's values (per-thread on p1-threads, see
/// `libc_core::tls`).
static VALUES: Single<[*mut c_void; N]> = Single::new([null_mut(); N]);

/// [pthread_key_create](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_key_create.html)
///
/// `EAGAIN` once `PTHREAD_KEYS_MAX` keys exist.
///
/// # Safety
/// `k` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_key_create(
    k: *mut pthread_key_t,
    dtor: Option<unsafe extern "C" fn(*mut c_void)>,
) -> c_int {
    let i = {
        let mut keys = KEYS.lock();
        let Some(i) = keys.used.iter().position(|u| !u) else {
            return Errno::EAGAIN.0;
        };
        keys.used[i] = true;
        keys.dtor[i] = dtor;
        i
    };
    // SAFETY: the calling thread's own values.
    unsafe { (*VALUES.get())[i] = null_mut() };
    // SAFETY: caller contract.
    unsafe { *k = i as pthread_key_t };
    0
}

/// [pthread_key_delete](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_key_delete.html)
///
/// # Safety
/// Any key.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_key_delete(k: pthread_key_t) -> c_int {
    let mut keys = KEYS.lock();
    if let Some(u) = keys.used.get_mut(k as usize) {
        *u = false;
        // SAFETY: the calling thread's own values.
        unsafe { (*VALUES.get())[k as usize] = null_mut() };
    }
    0
}

/// [pthread_getspecific](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_getspecific.html)
///
/// # Safety
/// Any key.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getspecific(k: pthread_key_t) -> *mut c_void {
    // SAFETY: the calling thread's own values.
    let values = unsafe { &*VALUES.get() };
    values.get(k as usize).copied().unwrap_or(null_mut())
}

/// [pthread_setspecific](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setspecific.html)
///
/// `EINVAL` for a key that does not exist.
///
/// # Safety
/// Any key and value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setspecific(k: pthread_key_t, v: *const c_void) -> c_int {
    let used = KEYS.lock().used.get(k as usize).copied();
    match used {
        Some(true) => {
            // SAFETY: the calling thread's own values.
            unsafe { (*VALUES.get())[k as usize] = v.cast_mut() };
            0
        }
        _ => Errno::EINVAL.0,
    }
}

/// Runs the destructors of the non-NULL values, up to
/// `PTHREAD_DESTRUCTOR_ITERATIONS` rounds (at thread exit).
pub(crate) fn run_destructors() {
    for _ in 0..PTHREAD_DESTRUCTOR_ITERATIONS {
        let mut ran = false;
        for i in 0..N {
            // SAFETY: the calling thread's own values; the reference ends
            // before the call.
            let v = unsafe {
                let values = &mut *VALUES.get();
                let v = values[i];
                if v.is_null() {
                    continue;
                }
                values[i] = null_mut();
                v
            };
            let d = {
                let keys = KEYS.lock();
                if !keys.used[i] {
                    continue;
                }
                keys.dtor[i]
            };
            if let Some(d) = d {
                ran = true;
                // SAFETY: the destructor the program registered.
                unsafe { d(v) };
            }
        }
        if !ran {
            break;
        }
    }
}
