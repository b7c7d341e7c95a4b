//! `pthread_once`: 0 not run, 1 running, 2 done.

use super::block::{self, Deadline};
use super::pthread_once_t;
use crate::platform::c_int;

/// [pthread_once](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_once.html)
///
/// A call from inside the init routine on the same control would wait for
/// itself forever: traps.
///
/// # Safety
/// `once` valid; `init` a valid function.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_once(
    once: *mut pthread_once_t,
    init: unsafe extern "C" fn(),
) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::once(once, init) };
    // SAFETY: caller contract.
    unsafe {
        match *once {
            0 => {
                *once = 1;
                init();
                *once = 2;
                block::wake(once.cast(), true);
            }
            1 => {
                block::block(Deadline::Never, "pthread_once");
            }
            _ => {}
        }
    }
    0
}
