//! `signal.h`, emulated as wasi-libc's `-lwasi-emulated-signal` does:
//! WASI delivers no signals, so the only signals are the ones the program
//! raises itself (`raise`), run synchronously by `raise`.
//!
//! - `SIG_DFL` for a signal whose default is to end the program prints
//!   `Program received <kind> signal: <name>` on stderr and aborts (a
//!   trap), like wasi-libc; the signals whose default is to be ignored
//!   (`SIGCHLD`, `SIGCONT`, `SIGURG`, `SIGWINCH`) are ignored.
//! - `SIG_IGN` and `SIG_ERR` are functions (`__SIG_IGN`, `__SIG_ERR`), as in
//!   wasi-libc: an integer cast to a function pointer could name a real
//!   function in the wasm table.
//! - `sigaction` and `sigprocmask` (which wasi-libc lacks) work on the same
//!   table: a blocked signal raised stays pending until unblocked, then
//!   runs before `sigprocmask` returns. `SA_RESETHAND`, `SA_NODEFER`,
//!   `SA_SIGINFO` and `sa_mask` are honoured.
//! - `kill` fails with `ENOSYS` (there are no other processes to signal).
//! - `sigset_t` is 64 bits (signals 1 to 64): wasi-libc's is a one-byte
//!   placeholder that cannot hold most signal numbers.

use crate::platform::{c_char, c_int, c_void};
use libc_core::shared::Shared;
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

/// The description of `sig` (`strsignal`'s).
fn name(sig: c_int) -> &'static core::ffi::CStr {
    // SAFETY: `strsignal` returns a NUL-terminated string that stays valid
    // until the next call (nothing calls it before this one is used).
    unsafe { core::ffi::CStr::from_ptr(crate::header::string::strsignal(sig)) }
}

/// A set of signals: bit `n - 1` is signal `n`.
pub type sigset_t = u64;
/// An integer a signal handler may write atomically.
pub type sig_atomic_t = c_int;

/// Signals are 1 to `NSIG - 1`.
pub const NSIG: c_int = 65;
pub const _NSIG: c_int = 65;

pub const SIGHUP: c_int = 1;
pub const SIGINT: c_int = 2;
pub const SIGQUIT: c_int = 3;
pub const SIGILL: c_int = 4;
pub const SIGTRAP: c_int = 5;
pub const SIGABRT: c_int = 6;
pub const SIGIOT: c_int = 6;
pub const SIGBUS: c_int = 7;
pub const SIGFPE: c_int = 8;
pub const SIGKILL: c_int = 9;
pub const SIGUSR1: c_int = 10;
pub const SIGSEGV: c_int = 11;
pub const SIGUSR2: c_int = 12;
pub const SIGPIPE: c_int = 13;
pub const SIGALRM: c_int = 14;
pub const SIGTERM: c_int = 15;
pub const SIGSTKFLT: c_int = 16;
pub const SIGCHLD: c_int = 17;
pub const SIGCONT: c_int = 18;
pub const SIGSTOP: c_int = 19;
pub const SIGTSTP: c_int = 20;
pub const SIGTTIN: c_int = 21;
pub const SIGTTOU: c_int = 22;
pub const SIGURG: c_int = 23;
pub const SIGXCPU: c_int = 24;
pub const SIGXFSZ: c_int = 25;
pub const SIGVTALRM: c_int = 26;
pub const SIGPROF: c_int = 27;
pub const SIGWINCH: c_int = 28;
pub const SIGIO: c_int = 29;
pub const SIGPOLL: c_int = 29;
pub const SIGPWR: c_int = 30;
pub const SIGSYS: c_int = 31;
pub const SIGUNUSED: c_int = 31;
pub const SIGRTMIN: c_int = 35;
pub const SIGRTMAX: c_int = 64;

pub const SIG_BLOCK: c_int = 0;
pub const SIG_UNBLOCK: c_int = 1;
pub const SIG_SETMASK: c_int = 2;

pub const SA_NOCLDSTOP: c_int = 1;
pub const SA_NOCLDWAIT: c_int = 2;
pub const SA_SIGINFO: c_int = 4;
pub const SA_ONSTACK: c_int = 0x0800_0000;
pub const SA_RESTART: c_int = 0x1000_0000;
pub const SA_NODEFER: c_int = 0x4000_0000;
pub const SA_RESETHAND: c_int = 0x8000_0000_u32 as c_int;

pub const SI_USER: c_int = 0;

/// `siginfo_t` (the C declaration is in the header: musl's 128-byte
/// layout). Only the leading fields are written here.
#[repr(C)]
pub struct siginfo_t {
    pub si_signo: c_int,
    pub si_errno: c_int,
    pub si_code: c_int,
    pub __fields: [u32; 29],
}

/// `struct sigaction` (musl's layout; the handler union is written as one
/// field here, the C header declares the union).
#[repr(C)]
pub struct sigaction {
    pub sa_handler: usize,
    pub sa_mask: sigset_t,
    pub sa_flags: c_int,
    pub sa_restorer: usize,
}

/// `SIG_IGN`: a function of its own (never called through).
#[unsafe(no_mangle)]
pub extern "C" fn __SIG_IGN(_sig: c_int) {}

/// `SIG_ERR`: a function of its own, never a handler (calling it traps;
/// the distinct body also keeps the compiler from merging it with
/// [`__SIG_IGN`], which would make the two compare equal).
#[unsafe(no_mangle)]
pub extern "C" fn __SIG_ERR(_sig: c_int) {
    libc_core::trap()
}

const SIG_DFL: usize = 0;

fn sig_ign() -> usize {
    __SIG_IGN as extern "C" fn(c_int) as usize
}

fn sig_err() -> usize {
    __SIG_ERR as extern "C" fn(c_int) as usize
}

#[derive(Copy, Clone)]
struct Action {
    handler: usize,
    mask: sigset_t,
    flags: c_int,
}

struct State {
    actions: [Action; NSIG as usize],
    blocked: sigset_t,
    pending: sigset_t,
}

static STATE: Shared<State> = Shared::new(State {
    actions: [Action {
        handler: SIG_DFL,
        mask: 0,
        flags: 0,
    }; NSIG as usize],
    blocked: 0,
    pending: 0,
});

fn state() -> &'static mut State {
    // SAFETY: single-threaded; callers never hold the reference across a
    // handler call.
    unsafe { &mut *STATE.as_ptr() }
}

fn bit(sig: c_int) -> sigset_t {
    1 << (sig - 1)
}

fn valid(sig: c_int) -> Result<(), Errno> {
    if (1..NSIG).contains(&sig) {
        Ok(())
    } else {
        Err(Errno::EINVAL)
    }
}

/// Signals that can be neither caught, ignored nor blocked.
const UNBLOCKABLE: sigset_t = 1 << (SIGKILL - 1) | 1 << (SIGSTOP - 1);

/// Runs `sig` now (it is not blocked).
fn deliver(sig: c_int) {
    let st = state();
    let a = st.actions[sig as usize];
    if a.handler == SIG_DFL {
        default_action(sig);
        return;
    }
    if a.handler == sig_ign() {
        return;
    }
    if a.flags & SA_RESETHAND != 0 {
        st.actions[sig as usize].handler = SIG_DFL;
    }
    let old = st.blocked;
    let during = if a.flags & SA_NODEFER != 0 {
        0
    } else {
        bit(sig)
    };
    st.blocked |= (a.mask | during) & !UNBLOCKABLE;
    if a.flags & SA_SIGINFO != 0 {
        let mut info = siginfo_t {
            si_signo: sig,
            si_errno: 0,
            si_code: SI_USER,
            __fields: [0; 29],
        };
        // SAFETY: the program registered a three-argument handler.
        let f: extern "C" fn(c_int, *mut siginfo_t, *mut c_void) =
            unsafe { core::mem::transmute(a.handler) };
        f(sig, &mut info, core::ptr::null_mut());
    } else {
        // SAFETY: the program registered a one-argument handler.
        let f: extern "C" fn(c_int) = unsafe { core::mem::transmute(a.handler) };
        f(sig);
    }
    set_blocked(old);
}

/// Sets the mask and runs any pending signal it unblocks.
fn set_blocked(mask: sigset_t) {
    state().blocked = mask & !UNBLOCKABLE;
    loop {
        let st = state();
        let ready = st.pending & !st.blocked;
        if ready == 0 {
            return;
        }
        let sig = ready.trailing_zeros() as c_int + 1;
        st.pending &= !bit(sig);
        deliver(sig);
    }
}

/// What `SIG_DFL` does: nothing for the signals whose default is to be
/// ignored; otherwise the message and abort (see the module docs).
fn default_action(sig: c_int) {
    let kind: &[u8] = match sig {
        SIGCHLD | SIGCONT | SIGURG | SIGWINCH => return,
        SIGABRT | SIGBUS | SIGFPE | SIGILL | SIGQUIT | SIGSEGV | SIGSYS | SIGTRAP | SIGXCPU
        | SIGXFSZ => b"fatal",
        SIGSTOP | SIGTSTP | SIGTTIN | SIGTTOU => b"stop",
        _ => b"termination",
    };
    let _ = Sys::write_all(2, b"Program received ");
    let _ = Sys::write_all(2, kind);
    let _ = Sys::write_all(2, b" signal: ");
    let _ = Sys::write_all(2, name(sig).to_bytes());
    let _ = Sys::write_all(2, b"\n");
    libc_core::trap()
}

/// [raise](https://pubs.opengroup.org/onlinepubs/9799919799/functions/raise.html)
///
/// Runs the signal's action now (see the module documentation), or leaves
/// it pending while blocked. 0, or -1 with `EINVAL` for a bad number.
#[unsafe(no_mangle)]
pub extern "C" fn raise(sig: c_int) -> c_int {
    let r = valid(sig).map(|()| {
        let st = state();
        if st.blocked & bit(sig) != 0 {
            st.pending |= bit(sig);
        } else {
            deliver(sig);
        }
    });
    r.or_minus_one_errno()
}

/// [signal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/signal.html)
///
/// Sets the handler (BSD semantics, as musl: it stays installed, and the
/// signal is blocked while it runs) and returns the previous one;
/// `SIG_ERR` with `EINVAL` for a bad number, `SIGKILL` or `SIGSTOP`.
#[unsafe(no_mangle)]
pub extern "C" fn signal(sig: c_int, handler: usize) -> usize {
    let r = valid(sig).and_then(|()| {
        if bit(sig) & UNBLOCKABLE != 0 || handler == sig_err() {
            return Err(Errno::EINVAL);
        }
        let a = &mut state().actions[sig as usize];
        let old = a.handler;
        *a = Action {
            handler,
            mask: 0,
            flags: SA_RESTART,
        };
        Ok(old)
    });
    match r {
        Ok(old) => old,
        Err(e) => {
            let _ = Err::<(), _>(e).or_minus_one_errno();
            sig_err()
        }
    }
}

/// [sigaction](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigaction.html)
///
/// # Safety
/// `act` NULL or valid for a read, `old` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaction(
    sig: c_int,
    act: *const sigaction,
    old: *mut sigaction,
) -> c_int {
    let r = valid(sig).and_then(|()| {
        if !act.is_null() && bit(sig) & UNBLOCKABLE != 0 {
            return Err(Errno::EINVAL);
        }
        let a = &mut state().actions[sig as usize];
        if !old.is_null() {
            // SAFETY: valid for a write (caller contract).
            unsafe {
                *old = sigaction {
                    sa_handler: a.handler,
                    sa_mask: a.mask,
                    sa_flags: a.flags,
                    sa_restorer: 0,
                }
            };
        }
        if !act.is_null() {
            // SAFETY: valid for a read (caller contract).
            let n = unsafe { &*act };
            *a = Action {
                handler: n.sa_handler,
                mask: n.sa_mask,
                flags: n.sa_flags,
            };
            // Setting a signal to be ignored discards it if pending.
            if n.sa_handler == sig_ign() {
                state().pending &= !bit(sig);
            }
        }
        Ok(())
    });
    r.or_minus_one_errno()
}

/// [sigprocmask](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigprocmask.html)
///
/// Changes the mask of blocked signals (`SIGKILL` and `SIGSTOP` are never
/// blocked); pending signals it unblocks run before it returns.
///
/// # Safety
/// `set` NULL or valid for a read, `old` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigprocmask(
    how: c_int,
    set: *const sigset_t,
    old: *mut sigset_t,
) -> c_int {
    let cur = state().blocked;
    let new = if set.is_null() {
        None
    } else {
        // SAFETY: valid for a read (caller contract).
        let s = unsafe { *set };
        match how {
            SIG_BLOCK => Some(cur | s),
            SIG_UNBLOCK => Some(cur & !s),
            SIG_SETMASK => Some(s),
            _ => return Err::<(), _>(Errno::EINVAL).or_minus_one_errno(),
        }
    };
    if !old.is_null() {
        // SAFETY: valid for a write (caller contract).
        unsafe { *old = cur };
    }
    if let Some(m) = new {
        set_blocked(m);
    }
    0
}

/// [sigpending](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigpending.html)
///
/// # Safety
/// `set` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigpending(set: *mut sigset_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { *set = state().pending };
    0
}

/// [sigemptyset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigemptyset.html)
///
/// # Safety
/// `set` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigemptyset(set: *mut sigset_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { *set = 0 };
    0
}

/// [sigfillset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigfillset.html)
///
/// # Safety
/// `set` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigfillset(set: *mut sigset_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { *set = !0 };
    0
}

/// [sigaddset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigaddset.html)
///
/// # Safety
/// `set` must be valid for a read and a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaddset(set: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: caller contract.
    valid(sig)
        .map(|()| unsafe { *set |= bit(sig) })
        .or_minus_one_errno()
}

/// [sigdelset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigdelset.html)
///
/// # Safety
/// `set` must be valid for a read and a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigdelset(set: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: caller contract.
    valid(sig)
        .map(|()| unsafe { *set &= !bit(sig) })
        .or_minus_one_errno()
}

/// [sigismember](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sigismember.html)
///
/// # Safety
/// `set` must be valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigismember(set: *const sigset_t, sig: c_int) -> c_int {
    // SAFETY: caller contract.
    valid(sig)
        .map(|()| (unsafe { *set } & bit(sig) != 0) as c_int)
        .map(|v| v as isize)
        .or_minus_one_errno() as c_int
}

/// [kill](https://pubs.opengroup.org/onlinepubs/9799919799/functions/kill.html)
///
/// `ENOSYS`: WASI has no processes to signal (use `raise` for this one).
#[unsafe(no_mangle)]
pub extern "C" fn kill(_pid: crate::header::sys_types::pid_t, _sig: c_int) -> c_int {
    Err::<(), _>(Errno::ENOSYS).or_minus_one_errno()
}

/// [psignal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/psignal.html)
///
/// Writes `msg: ` (if `msg` is neither NULL nor empty) and the signal's
/// description to stderr.
///
/// # Safety
/// `msg` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn psignal(sig: c_int, msg: *const c_char) {
    if !msg.is_null() {
        // SAFETY: NUL-terminated (caller contract).
        let m = unsafe { core::ffi::CStr::from_ptr(msg) }.to_bytes();
        if !m.is_empty() {
            let _ = Sys::write_all(2, m);
            let _ = Sys::write_all(2, b": ");
        }
    }
    let _ = Sys::write_all(2, name(sig).to_bytes());
    let _ = Sys::write_all(2, b"\n");
}
