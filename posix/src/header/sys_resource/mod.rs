//! `sys/resource.h`: `getrusage` from the clocks, `getrlimit`/`setrlimit`
//! over a per-instance table, `getpriority`/`setpriority`.

use crate::header::sys_time::timeval;
use crate::header::sys_types::id_t;
use crate::platform::{c_int, c_long, suseconds_t, time_t};
use libc_core::shared::Shared;
use libc_core::{Errno, OrMinusOneErrno};

/// A resource limit value.
pub type rlim_t = u64;

/// `struct rlimit`: the soft and hard limit of a resource.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct rlimit {
    pub rlim_cur: rlim_t,
    pub rlim_max: rlim_t,
}

/// `struct rusage` (musl's layout: the two times, then the Linux counters,
/// which stay 0 here except `ru_maxrss`).
#[repr(C)]
pub struct rusage {
    pub ru_utime: timeval,
    pub ru_stime: timeval,
    pub ru_maxrss: c_long,
    pub ru_ixrss: c_long,
    pub ru_idrss: c_long,
    pub ru_isrss: c_long,
    pub ru_minflt: c_long,
    pub ru_majflt: c_long,
    pub ru_nswap: c_long,
    pub ru_inblock: c_long,
    pub ru_oublock: c_long,
    pub ru_msgsnd: c_long,
    pub ru_msgrcv: c_long,
    pub ru_nsignals: c_long,
    pub ru_nvcsw: c_long,
    pub ru_nivcsw: c_long,
    pub __reserved: [c_long; 16],
}

pub const RUSAGE_SELF: c_int = 0;
pub const RUSAGE_CHILDREN: c_int = -1;
pub const RUSAGE_THREAD: c_int = 1;

pub const RLIM_INFINITY: rlim_t = 0xffff_ffff_ffff_ffff;
pub const RLIM_SAVED_CUR: rlim_t = 0xffff_ffff_ffff_ffff;
pub const RLIM_SAVED_MAX: rlim_t = 0xffff_ffff_ffff_ffff;

pub const RLIMIT_CPU: c_int = 0;
pub const RLIMIT_FSIZE: c_int = 1;
pub const RLIMIT_DATA: c_int = 2;
pub const RLIMIT_STACK: c_int = 3;
pub const RLIMIT_CORE: c_int = 4;
pub const RLIMIT_RSS: c_int = 5;
pub const RLIMIT_NPROC: c_int = 6;
pub const RLIMIT_NOFILE: c_int = 7;
pub const RLIMIT_MEMLOCK: c_int = 8;
pub const RLIMIT_AS: c_int = 9;
pub const RLIMIT_LOCKS: c_int = 10;
pub const RLIMIT_SIGPENDING: c_int = 11;
pub const RLIMIT_MSGQUEUE: c_int = 12;
pub const RLIMIT_NICE: c_int = 13;
pub const RLIMIT_RTPRIO: c_int = 14;
pub const RLIMIT_RTTIME: c_int = 15;
pub const RLIMIT_NLIMITS: c_int = 16;

pub const PRIO_MIN: c_int = -20;
pub const PRIO_MAX: c_int = 20;
pub const PRIO_PROCESS: c_int = 0;
pub const PRIO_PGRP: c_int = 1;
pub const PRIO_USER: c_int = 2;

/// Bytes of wasm32's address space: the most any memory limit can be.
const ADDRESS_SPACE: rlim_t = 1 << 32;

/// The limits as the program sees them. Nothing enforces them (WASI has
/// no way to), except that they can only be lowered, and the hard limit
/// raised by nobody, as for an unprivileged process. Initial values:
/// unlimited, but `RLIMIT_AS`/`RLIMIT_DATA` (the 4 GiB address space) and
/// `RLIMIT_NPROC` (one process).
static LIMITS: Shared<[rlimit; RLIMIT_NLIMITS as usize]> = Shared::new({
    let inf = rlimit {
        rlim_cur: RLIM_INFINITY,
        rlim_max: RLIM_INFINITY,
    };
    let mut t = [inf; RLIMIT_NLIMITS as usize];
    let mem = rlimit {
        rlim_cur: ADDRESS_SPACE,
        rlim_max: ADDRESS_SPACE,
    };
    t[RLIMIT_DATA as usize] = mem;
    t[RLIMIT_AS as usize] = mem;
    t[RLIMIT_NPROC as usize] = rlimit {
        rlim_cur: 1,
        rlim_max: 1,
    };
    t
});

fn slot(resource: c_int) -> Result<*mut rlimit, Errno> {
    if !(0..RLIMIT_NLIMITS).contains(&resource) {
        return Err(Errno::EINVAL);
    }
    // SAFETY: in bounds; single-threaded (see `Single`).
    Ok(unsafe { (LIMITS.as_ptr() as *mut rlimit).add(resource as usize) })
}

/// [getrlimit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getrlimit.html)
///
/// # Safety
/// `rl` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrlimit(resource: c_int, rl: *mut rlimit) -> c_int {
    let r = slot(resource).and_then(|s| {
        if rl.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: both valid (checked, caller contract).
        unsafe { *rl = *s };
        Ok(())
    });
    r.or_minus_one_errno()
}

/// [setrlimit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setrlimit.html)
///
/// Records the new limits (nothing enforces them): `EINVAL` when the soft
/// limit exceeds the hard one, `EPERM` when the hard limit would rise.
///
/// # Safety
/// `rl` must be valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setrlimit(resource: c_int, rl: *const rlimit) -> c_int {
    let r = slot(resource).and_then(|s| {
        if rl.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: valid (caller contract).
        let new = unsafe { *rl };
        // SAFETY: `s` points into the table.
        let old = unsafe { &mut *s };
        if new.rlim_cur > new.rlim_max {
            Err(Errno::EINVAL)
        } else if new.rlim_max > old.rlim_max {
            Err(Errno::EPERM)
        } else {
            *old = new;
            Ok(())
        }
    });
    r.or_minus_one_errno()
}

/// [getrusage](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getrusage.html)
///
/// `RUSAGE_SELF` (and `RUSAGE_THREAD`): user time is the emulated process
/// time that `clock` also counts (monotonic time since the first such
/// call; WASI has no CPU clock), system time 0, `ru_maxrss` the size of
/// linear memory in KiB. `RUSAGE_CHILDREN`: all zero (there are none).
/// `EINVAL` for another `who`.
///
/// # Safety
/// `ru` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrusage(who: c_int, ru: *mut rusage) -> c_int {
    let r = match who {
        RUSAGE_SELF | RUSAGE_THREAD => crate::header::time::process_nanos().map(|(t, _)| t),
        RUSAGE_CHILDREN => Ok(0),
        _ => Err(Errno::EINVAL),
    }
    .and_then(|ns| {
        if ru.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: valid for a write (caller contract); all-zero is a valid
        // `struct rusage`.
        let u = unsafe {
            ru.write_bytes(0, 1);
            &mut *ru
        };
        u.ru_utime = timeval {
            tv_sec: (ns / 1_000_000_000) as time_t,
            tv_usec: (ns % 1_000_000_000 / 1000) as suseconds_t,
        };
        if who != RUSAGE_CHILDREN {
            u.ru_maxrss = memory_kib();
        }
        Ok(())
    });
    r.or_minus_one_errno()
}

/// Linear memory (memory 0) in KiB.
fn memory_kib() -> c_long {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 64) as c_long
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// [getpriority](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpriority.html)
///
/// The nice value `setpriority` recorded (0 at start) for this process
/// (`who` 0 or its pid 42, any `which`); `ESRCH` for anyone else,
/// `EINVAL` for a bad `which`. (Like Linux's system call, a nice value
/// of -1 is indistinguishable from an error; here it never occurs.)
#[unsafe(no_mangle)]
pub extern "C" fn getpriority(which: c_int, who: id_t) -> c_int {
    prio_target(which, who)
        .map(|()| NICE.load())
        .or_minus_one_errno()
}

/// The recorded nice value.
static NICE: Shared<c_int> = Shared::new(0);

/// [setpriority](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setpriority.html)
///
/// The host schedules the instance, so the value is only recorded (for
/// `getpriority`), clamped to `PRIO_MIN..PRIO_MAX`. As for an unprivileged
/// process, it can only grow (lower priority): a smaller one is `EACCES`.
#[unsafe(no_mangle)]
pub extern "C" fn setpriority(which: c_int, who: id_t, prio: c_int) -> c_int {
    let r = prio_target(which, who).and_then(|()| {
        let prio = prio.clamp(PRIO_MIN, PRIO_MAX - 1);
        if prio < NICE.load() {
            Err(Errno::EACCES)
        } else {
            NICE.store(prio);
            Ok(())
        }
    });
    r.or_minus_one_errno()
}

fn prio_target(which: c_int, who: id_t) -> Result<(), Errno> {
    match which {
        PRIO_PROCESS | PRIO_PGRP | PRIO_USER if who == 0 || who == 42 => Ok(()),
        PRIO_PROCESS | PRIO_PGRP | PRIO_USER => Err(Errno::ESRCH),
        _ => Err(Errno::EINVAL),
    }
}
