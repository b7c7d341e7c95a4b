//! `stdlib.h` (process control; the malloc family lives in the `alloc` crate)

use crate::platform::c_int;
use libc_core::single::Single;
use libc_core::{Errno, Pal, Sys};

pub const EXIT_SUCCESS: c_int = 0;
pub const EXIT_FAILURE: c_int = 1;

/// Most `atexit` handlers (POSIX asks for at least 32).
pub const ATEXIT_MAX: usize = 32;

struct Handlers {
    count: usize,
    list: [Option<extern "C" fn()>; ATEXIT_MAX],
}
static ATEXIT: Single<Handlers> = Single::new(Handlers {
    count: 0,
    list: [None; ATEXIT_MAX],
});

/// [atexit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atexit.html)
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: Option<extern "C" fn()>) -> c_int {
    // SAFETY: single-threaded (see `Single`); the borrow ends here.
    let h = unsafe { &mut *ATEXIT.get() };
    if f.is_none() || h.count == ATEXIT_MAX {
        return -1;
    }
    h.list[h.count] = f;
    h.count += 1;
    0
}

/// Runs the atexit handlers, last registered first, each once.
pub(crate) fn run_atexit() {
    loop {
        // SAFETY: single-threaded; the borrow ends before the handler runs
        // (a handler may register another one).
        let f = unsafe {
            let h = &mut *ATEXIT.get();
            if h.count == 0 {
                break;
            }
            h.count -= 1;
            h.list[h.count].take()
        };
        if let Some(f) = f {
            f();
        }
    }
}

/// Hooks run by `exit` after the atexit handlers (stdio's flush).
static EXIT_FLUSH: Single<Option<fn()>> = Single::new(None);

/// Registers the function `exit` calls after the atexit handlers.
pub fn set_exit_flush(f: fn()) {
    EXIT_FLUSH.store(Some(f));
}

/// [exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    run_atexit();
    if let Some(f) = EXIT_FLUSH.load() {
        f();
    }
    Sys::exit(status)
}

/// [_Exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_Exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    Sys::exit(status)
}

/// [abort](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abort.html)
///
/// Traps the instance (the closest WASI has to `SIGABRT`): no atexit
/// handlers, no flushing; the host reports a trap / non-zero status.
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    libc_core::trap()
}

/// The errno value for a failed allocation, for the allocator's users.
pub const ENOMEM: c_int = Errno::ENOMEM.0;
