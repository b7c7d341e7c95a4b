//! `sysconf`, `pathconf`/`fpathconf`, `confstr`: the values wasi-libc
//! reports (musl's tables), numbered as wasi-libc's `<unistd.h>`, except
//! where wasi-libc returns a raw internal code (`_SC_PHYS_PAGES`,
//! `_SC_AVPHYS_PAGES`): those are computed from linear memory here.

use crate::platform::{c_char, c_int, c_long, size_t};
use libc_core::{Errno, OrMinusOneErrno};

pub const _PC_LINK_MAX: c_int = 0;
pub const _PC_MAX_CANON: c_int = 1;
pub const _PC_MAX_INPUT: c_int = 2;
pub const _PC_NAME_MAX: c_int = 3;
pub const _PC_PATH_MAX: c_int = 4;
pub const _PC_PIPE_BUF: c_int = 5;
pub const _PC_CHOWN_RESTRICTED: c_int = 6;
pub const _PC_NO_TRUNC: c_int = 7;
pub const _PC_VDISABLE: c_int = 8;
pub const _PC_SYNC_IO: c_int = 9;
pub const _PC_ASYNC_IO: c_int = 10;
pub const _PC_PRIO_IO: c_int = 11;
pub const _PC_SOCK_MAXBUF: c_int = 12;
pub const _PC_FILESIZEBITS: c_int = 13;
pub const _PC_REC_INCR_XFER_SIZE: c_int = 14;
pub const _PC_REC_MAX_XFER_SIZE: c_int = 15;
pub const _PC_REC_MIN_XFER_SIZE: c_int = 16;
pub const _PC_REC_XFER_ALIGN: c_int = 17;
pub const _PC_ALLOC_SIZE_MIN: c_int = 18;
pub const _PC_SYMLINK_MAX: c_int = 19;
pub const _PC_2_SYMLINKS: c_int = 20;
pub const _SC_ARG_MAX: c_int = 0;
pub const _SC_CHILD_MAX: c_int = 1;
pub const _SC_CLK_TCK: c_int = 2;
pub const _SC_NGROUPS_MAX: c_int = 3;
pub const _SC_OPEN_MAX: c_int = 4;
pub const _SC_STREAM_MAX: c_int = 5;
pub const _SC_TZNAME_MAX: c_int = 6;
pub const _SC_JOB_CONTROL: c_int = 7;
pub const _SC_SAVED_IDS: c_int = 8;
pub const _SC_REALTIME_SIGNALS: c_int = 9;
pub const _SC_PRIORITY_SCHEDULING: c_int = 10;
pub const _SC_TIMERS: c_int = 11;
pub const _SC_ASYNCHRONOUS_IO: c_int = 12;
pub const _SC_PRIORITIZED_IO: c_int = 13;
pub const _SC_SYNCHRONIZED_IO: c_int = 14;
pub const _SC_FSYNC: c_int = 15;
pub const _SC_MAPPED_FILES: c_int = 16;
pub const _SC_MEMLOCK: c_int = 17;
pub const _SC_MEMLOCK_RANGE: c_int = 18;
pub const _SC_MEMORY_PROTECTION: c_int = 19;
pub const _SC_MESSAGE_PASSING: c_int = 20;
pub const _SC_SEMAPHORES: c_int = 21;
pub const _SC_SHARED_MEMORY_OBJECTS: c_int = 22;
pub const _SC_AIO_LISTIO_MAX: c_int = 23;
pub const _SC_AIO_MAX: c_int = 24;
pub const _SC_AIO_PRIO_DELTA_MAX: c_int = 25;
pub const _SC_DELAYTIMER_MAX: c_int = 26;
pub const _SC_MQ_OPEN_MAX: c_int = 27;
pub const _SC_MQ_PRIO_MAX: c_int = 28;
pub const _SC_VERSION: c_int = 29;
pub const _SC_PAGE_SIZE: c_int = 30;
pub const _SC_PAGESIZE: c_int = 30;
pub const _SC_RTSIG_MAX: c_int = 31;
pub const _SC_SEM_NSEMS_MAX: c_int = 32;
pub const _SC_SEM_VALUE_MAX: c_int = 33;
pub const _SC_SIGQUEUE_MAX: c_int = 34;
pub const _SC_TIMER_MAX: c_int = 35;
pub const _SC_BC_BASE_MAX: c_int = 36;
pub const _SC_BC_DIM_MAX: c_int = 37;
pub const _SC_BC_SCALE_MAX: c_int = 38;
pub const _SC_BC_STRING_MAX: c_int = 39;
pub const _SC_COLL_WEIGHTS_MAX: c_int = 40;
pub const _SC_EXPR_NEST_MAX: c_int = 42;
pub const _SC_LINE_MAX: c_int = 43;
pub const _SC_RE_DUP_MAX: c_int = 44;
pub const _SC_2_VERSION: c_int = 46;
pub const _SC_2_C_BIND: c_int = 47;
pub const _SC_2_C_DEV: c_int = 48;
pub const _SC_2_FORT_DEV: c_int = 49;
pub const _SC_2_FORT_RUN: c_int = 50;
pub const _SC_2_SW_DEV: c_int = 51;
pub const _SC_2_LOCALEDEF: c_int = 52;
pub const _SC_UIO_MAXIOV: c_int = 60;
pub const _SC_IOV_MAX: c_int = 60;
pub const _SC_THREADS: c_int = 67;
pub const _SC_THREAD_SAFE_FUNCTIONS: c_int = 68;
pub const _SC_GETGR_R_SIZE_MAX: c_int = 69;
pub const _SC_GETPW_R_SIZE_MAX: c_int = 70;
pub const _SC_LOGIN_NAME_MAX: c_int = 71;
pub const _SC_TTY_NAME_MAX: c_int = 72;
pub const _SC_THREAD_DESTRUCTOR_ITERATIONS: c_int = 73;
pub const _SC_THREAD_KEYS_MAX: c_int = 74;
pub const _SC_THREAD_STACK_MIN: c_int = 75;
pub const _SC_THREAD_THREADS_MAX: c_int = 76;
pub const _SC_THREAD_ATTR_STACKADDR: c_int = 77;
pub const _SC_THREAD_ATTR_STACKSIZE: c_int = 78;
pub const _SC_THREAD_PRIORITY_SCHEDULING: c_int = 79;
pub const _SC_THREAD_PRIO_INHERIT: c_int = 80;
pub const _SC_THREAD_PRIO_PROTECT: c_int = 81;
pub const _SC_THREAD_PROCESS_SHARED: c_int = 82;
pub const _SC_NPROCESSORS_CONF: c_int = 83;
pub const _SC_NPROCESSORS_ONLN: c_int = 84;
pub const _SC_PHYS_PAGES: c_int = 85;
pub const _SC_AVPHYS_PAGES: c_int = 86;
pub const _SC_ATEXIT_MAX: c_int = 87;
pub const _SC_PASS_MAX: c_int = 88;
pub const _SC_XOPEN_VERSION: c_int = 89;
pub const _SC_XOPEN_XCU_VERSION: c_int = 90;
pub const _SC_XOPEN_UNIX: c_int = 91;
pub const _SC_XOPEN_CRYPT: c_int = 92;
pub const _SC_XOPEN_ENH_I18N: c_int = 93;
pub const _SC_XOPEN_SHM: c_int = 94;
pub const _SC_2_CHAR_TERM: c_int = 95;
pub const _SC_2_UPE: c_int = 97;
pub const _SC_XOPEN_XPG2: c_int = 98;
pub const _SC_XOPEN_XPG3: c_int = 99;
pub const _SC_XOPEN_XPG4: c_int = 100;
pub const _SC_NZERO: c_int = 109;
pub const _SC_XBS5_ILP32_OFF32: c_int = 125;
pub const _SC_XBS5_ILP32_OFFBIG: c_int = 126;
pub const _SC_XBS5_LP64_OFF64: c_int = 127;
pub const _SC_XBS5_LPBIG_OFFBIG: c_int = 128;
pub const _SC_XOPEN_LEGACY: c_int = 129;
pub const _SC_XOPEN_REALTIME: c_int = 130;
pub const _SC_XOPEN_REALTIME_THREADS: c_int = 131;
pub const _SC_ADVISORY_INFO: c_int = 132;
pub const _SC_BARRIERS: c_int = 133;
pub const _SC_CLOCK_SELECTION: c_int = 137;
pub const _SC_CPUTIME: c_int = 138;
pub const _SC_THREAD_CPUTIME: c_int = 139;
pub const _SC_MONOTONIC_CLOCK: c_int = 149;
pub const _SC_READER_WRITER_LOCKS: c_int = 153;
pub const _SC_SPIN_LOCKS: c_int = 154;
pub const _SC_REGEXP: c_int = 155;
pub const _SC_SHELL: c_int = 157;
pub const _SC_SPAWN: c_int = 159;
pub const _SC_SPORADIC_SERVER: c_int = 160;
pub const _SC_THREAD_SPORADIC_SERVER: c_int = 161;
pub const _SC_TIMEOUTS: c_int = 164;
pub const _SC_TYPED_MEMORY_OBJECTS: c_int = 165;
pub const _SC_2_PBS: c_int = 168;
pub const _SC_2_PBS_ACCOUNTING: c_int = 169;
pub const _SC_2_PBS_LOCATE: c_int = 170;
pub const _SC_2_PBS_MESSAGE: c_int = 171;
pub const _SC_2_PBS_TRACK: c_int = 172;
pub const _SC_SYMLOOP_MAX: c_int = 173;
pub const _SC_STREAMS: c_int = 174;
pub const _SC_2_PBS_CHECKPOINT: c_int = 175;
pub const _SC_V6_ILP32_OFF32: c_int = 176;
pub const _SC_V6_ILP32_OFFBIG: c_int = 177;
pub const _SC_V6_LP64_OFF64: c_int = 178;
pub const _SC_V6_LPBIG_OFFBIG: c_int = 179;
pub const _SC_HOST_NAME_MAX: c_int = 180;
pub const _SC_TRACE: c_int = 181;
pub const _SC_TRACE_EVENT_FILTER: c_int = 182;
pub const _SC_TRACE_INHERIT: c_int = 183;
pub const _SC_TRACE_LOG: c_int = 184;
pub const _SC_IPV6: c_int = 235;
pub const _SC_RAW_SOCKETS: c_int = 236;
pub const _SC_V7_ILP32_OFF32: c_int = 237;
pub const _SC_V7_ILP32_OFFBIG: c_int = 238;
pub const _SC_V7_LP64_OFF64: c_int = 239;
pub const _SC_V7_LPBIG_OFFBIG: c_int = 240;
pub const _SC_SS_REPL_MAX: c_int = 241;
pub const _SC_TRACE_EVENT_NAME_MAX: c_int = 242;
pub const _SC_TRACE_NAME_MAX: c_int = 243;
pub const _SC_TRACE_SYS_MAX: c_int = 244;
pub const _SC_TRACE_USER_EVENT_MAX: c_int = 245;
pub const _SC_XOPEN_STREAMS: c_int = 246;
pub const _SC_THREAD_ROBUST_PRIO_INHERIT: c_int = 247;
pub const _SC_THREAD_ROBUST_PRIO_PROTECT: c_int = 248;
/// POSIX.1-2008 (what `<chrono>` and other feature tests look for).
pub const _POSIX_VERSION: c_long = 200809;
/// `clock_gettime` and the `CLOCK_*` clocks exist (libc++'s `<chrono>`
/// picks `clock_gettime` from this).
pub const _POSIX_TIMERS: c_long = 200809;
/// `CLOCK_MONOTONIC` exists (WASI's monotonic clock).
pub const _POSIX_MONOTONIC_CLOCK: c_long = 200809;
pub const _CS_PATH: c_int = 0;
pub const _CS_POSIX_V6_WIDTH_RESTRICTED_ENVS: c_int = 1;
pub const _CS_GNU_LIBC_VERSION: c_int = 2;
pub const _CS_GNU_LIBPTHREAD_VERSION: c_int = 3;
pub const _CS_POSIX_V5_WIDTH_RESTRICTED_ENVS: c_int = 4;
pub const _CS_POSIX_V7_WIDTH_RESTRICTED_ENVS: c_int = 5;
pub const _CS_POSIX_V6_ILP32_OFF32_CFLAGS: c_int = 1116;
pub const _CS_POSIX_V6_ILP32_OFF32_LDFLAGS: c_int = 1117;
pub const _CS_POSIX_V6_ILP32_OFF32_LIBS: c_int = 1118;
pub const _CS_POSIX_V6_ILP32_OFF32_LINTFLAGS: c_int = 1119;
pub const _CS_POSIX_V6_ILP32_OFFBIG_CFLAGS: c_int = 1120;
pub const _CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS: c_int = 1121;
pub const _CS_POSIX_V6_ILP32_OFFBIG_LIBS: c_int = 1122;
pub const _CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS: c_int = 1123;
pub const _CS_POSIX_V6_LP64_OFF64_CFLAGS: c_int = 1124;
pub const _CS_POSIX_V6_LP64_OFF64_LDFLAGS: c_int = 1125;
pub const _CS_POSIX_V6_LP64_OFF64_LIBS: c_int = 1126;
pub const _CS_POSIX_V6_LP64_OFF64_LINTFLAGS: c_int = 1127;
pub const _CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS: c_int = 1128;
pub const _CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS: c_int = 1129;
pub const _CS_POSIX_V6_LPBIG_OFFBIG_LIBS: c_int = 1130;
pub const _CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS: c_int = 1131;
pub const _CS_POSIX_V7_ILP32_OFF32_CFLAGS: c_int = 1132;
pub const _CS_POSIX_V7_ILP32_OFF32_LDFLAGS: c_int = 1133;
pub const _CS_POSIX_V7_ILP32_OFF32_LIBS: c_int = 1134;
pub const _CS_POSIX_V7_ILP32_OFF32_LINTFLAGS: c_int = 1135;
pub const _CS_POSIX_V7_ILP32_OFFBIG_CFLAGS: c_int = 1136;
pub const _CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS: c_int = 1137;
pub const _CS_POSIX_V7_ILP32_OFFBIG_LIBS: c_int = 1138;
pub const _CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS: c_int = 1139;
pub const _CS_POSIX_V7_LP64_OFF64_CFLAGS: c_int = 1140;
pub const _CS_POSIX_V7_LP64_OFF64_LDFLAGS: c_int = 1141;
pub const _CS_POSIX_V7_LP64_OFF64_LIBS: c_int = 1142;
pub const _CS_POSIX_V7_LP64_OFF64_LINTFLAGS: c_int = 1143;
pub const _CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS: c_int = 1144;
pub const _CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS: c_int = 1145;
pub const _CS_POSIX_V7_LPBIG_OFFBIG_LIBS: c_int = 1146;
pub const _CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS: c_int = 1147;
pub const _CS_V6_ENV: c_int = 1148;
pub const _CS_V7_ENV: c_int = 1149;

/// Pages of 64 KiB in wasm32's 4 GiB address space.
const ADDRESS_SPACE_PAGES: c_long = 65536;

/// [sysconf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sysconf.html)
///
/// wasi-libc's values: `_SC_PAGESIZE` 65536 (the wasm page), one
/// processor, `_SC_CLK_TCK` 100, `-1` without errno for limits that do not
/// exist (`_SC_OPEN_MAX`, `_SC_CHILD_MAX`, ...), `EINVAL` for unknown
/// names. `_SC_PHYS_PAGES` is the 4 GiB address space in pages,
/// `_SC_AVPHYS_PAGES` what of it linear memory has not grown into yet.
#[unsafe(no_mangle)]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    match name {
        _SC_ARG_MAX => 131072,
        _SC_CHILD_MAX
        | _SC_OPEN_MAX
        | _SC_STREAM_MAX
        | _SC_PRIORITY_SCHEDULING
        | _SC_PRIORITIZED_IO
        | _SC_SYNCHRONIZED_IO
        | _SC_AIO_LISTIO_MAX
        | _SC_AIO_MAX
        | _SC_RTSIG_MAX
        | _SC_SEM_NSEMS_MAX
        | _SC_SEM_VALUE_MAX
        | _SC_SIGQUEUE_MAX
        | _SC_TIMER_MAX
        | _SC_BC_BASE_MAX
        | _SC_BC_DIM_MAX
        | _SC_BC_SCALE_MAX
        | _SC_BC_STRING_MAX
        | _SC_EXPR_NEST_MAX
        | _SC_LINE_MAX
        | _SC_2_C_DEV
        | _SC_2_FORT_DEV
        | _SC_2_FORT_RUN
        | _SC_2_SW_DEV
        | _SC_2_LOCALEDEF
        | _SC_GETGR_R_SIZE_MAX
        | _SC_GETPW_R_SIZE_MAX
        | _SC_THREAD_DESTRUCTOR_ITERATIONS
        | _SC_THREAD_KEYS_MAX
        | _SC_THREAD_STACK_MIN
        | _SC_THREAD_THREADS_MAX
        | _SC_THREAD_PRIO_INHERIT
        | _SC_THREAD_PRIO_PROTECT
        | _SC_PASS_MAX
        | _SC_XOPEN_CRYPT
        | _SC_2_CHAR_TERM
        | _SC_2_UPE
        | _SC_XOPEN_XPG2
        | _SC_XOPEN_XPG3
        | _SC_XOPEN_XPG4
        | _SC_XBS5_ILP32_OFF32
        | _SC_XBS5_LP64_OFF64
        | _SC_XBS5_LPBIG_OFFBIG
        | _SC_XOPEN_LEGACY
        | _SC_XOPEN_REALTIME
        | _SC_XOPEN_REALTIME_THREADS
        | _SC_SPORADIC_SERVER
        | _SC_THREAD_SPORADIC_SERVER
        | _SC_TYPED_MEMORY_OBJECTS
        | _SC_2_PBS
        | _SC_2_PBS_ACCOUNTING
        | _SC_2_PBS_LOCATE
        | _SC_2_PBS_MESSAGE
        | _SC_2_PBS_TRACK
        | _SC_2_PBS_CHECKPOINT
        | _SC_V6_ILP32_OFF32
        | _SC_V6_LP64_OFF64
        | _SC_V6_LPBIG_OFFBIG
        | _SC_TRACE
        | _SC_TRACE_EVENT_FILTER
        | _SC_TRACE_INHERIT
        | _SC_TRACE_LOG
        | _SC_V7_ILP32_OFF32
        | _SC_V7_LP64_OFF64
        | _SC_V7_LPBIG_OFFBIG
        | _SC_SS_REPL_MAX
        | _SC_TRACE_EVENT_NAME_MAX
        | _SC_TRACE_NAME_MAX
        | _SC_TRACE_SYS_MAX
        | _SC_TRACE_USER_EVENT_MAX
        | _SC_THREAD_ROBUST_PRIO_INHERIT
        | _SC_THREAD_ROBUST_PRIO_PROTECT => -1,
        _SC_CLK_TCK => 100,
        _SC_NGROUPS_MAX | _SC_TTY_NAME_MAX => 32,
        _SC_TZNAME_MAX => 6,
        _SC_JOB_CONTROL
        | _SC_SAVED_IDS
        | _SC_NPROCESSORS_CONF
        | _SC_NPROCESSORS_ONLN
        | _SC_XOPEN_UNIX
        | _SC_XOPEN_ENH_I18N
        | _SC_XOPEN_SHM
        | _SC_XBS5_ILP32_OFFBIG
        | _SC_REGEXP
        | _SC_SHELL
        | _SC_V6_ILP32_OFFBIG
        | _SC_V7_ILP32_OFFBIG => 1,
        _SC_REALTIME_SIGNALS
        | _SC_TIMERS
        | _SC_ASYNCHRONOUS_IO
        | _SC_FSYNC
        | _SC_MAPPED_FILES
        | _SC_MEMLOCK
        | _SC_MEMLOCK_RANGE
        | _SC_MEMORY_PROTECTION
        | _SC_MESSAGE_PASSING
        | _SC_SEMAPHORES
        | _SC_SHARED_MEMORY_OBJECTS
        | _SC_VERSION
        | _SC_2_VERSION
        | _SC_2_C_BIND
        | _SC_THREADS
        | _SC_THREAD_SAFE_FUNCTIONS
        | _SC_THREAD_ATTR_STACKADDR
        | _SC_THREAD_ATTR_STACKSIZE
        | _SC_THREAD_PRIORITY_SCHEDULING
        | _SC_THREAD_PROCESS_SHARED
        | _SC_ADVISORY_INFO
        | _SC_BARRIERS
        | _SC_CLOCK_SELECTION
        | _SC_CPUTIME
        | _SC_THREAD_CPUTIME
        | _SC_MONOTONIC_CLOCK
        | _SC_READER_WRITER_LOCKS
        | _SC_SPIN_LOCKS
        | _SC_SPAWN
        | _SC_TIMEOUTS
        | _SC_IPV6
        | _SC_RAW_SOCKETS => 200809,
        _SC_AIO_PRIO_DELTA_MAX | _SC_STREAMS | _SC_XOPEN_STREAMS => 0,
        _SC_DELAYTIMER_MAX => 2147483647,
        _SC_PAGESIZE => 65536,
        _SC_COLL_WEIGHTS_MAX => 2,
        _SC_RE_DUP_MAX | _SC_HOST_NAME_MAX => 255,
        _SC_IOV_MAX => 1024,
        _SC_LOGIN_NAME_MAX => 256,
        _SC_XOPEN_VERSION | _SC_XOPEN_XCU_VERSION => 700,
        _SC_NZERO => 20,
        _SC_SYMLOOP_MAX => 40,
        // wasi-libc says unlimited (-1); this library's `atexit` table holds 32.
        _SC_ATEXIT_MAX => super::super::stdlib::ATEXIT_MAX as c_long,
        _SC_PHYS_PAGES => ADDRESS_SPACE_PAGES,
        _SC_AVPHYS_PAGES => ADDRESS_SPACE_PAGES - memory_pages(),
        _ => Err::<isize, _>(Errno::EINVAL).or_minus_one_errno() as c_long,
    }
}

/// Pages of linear memory (memory 0) so far.
fn memory_pages() -> c_long {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as c_long
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// The `pathconf` value of `name` (the same for every file, as in
/// wasi-libc): `Ok(-1)` for "no limit".
fn path_limit(name: c_int) -> Result<c_long, Errno> {
    Ok(match name {
        _PC_LINK_MAX => 8,
        _PC_MAX_CANON | _PC_MAX_INPUT | _PC_NAME_MAX => 255,
        _PC_PATH_MAX => 4096,
        _PC_CHOWN_RESTRICTED | _PC_NO_TRUNC | _PC_SYNC_IO | _PC_2_SYMLINKS => 1,
        _PC_VDISABLE => 0,
        _PC_FILESIZEBITS => 64,
        _PC_REC_INCR_XFER_SIZE
        | _PC_REC_MAX_XFER_SIZE
        | _PC_REC_MIN_XFER_SIZE
        | _PC_REC_XFER_ALIGN
        | _PC_ALLOC_SIZE_MIN => 4096,
        _PC_PIPE_BUF | _PC_ASYNC_IO | _PC_PRIO_IO | _PC_SOCK_MAXBUF | _PC_SYMLINK_MAX => -1,
        _ => return Err(Errno::EINVAL),
    })
}

/// [pathconf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pathconf.html)
///
/// The same limits for every path (wasi-libc's; the path is not looked
/// up); `-1` without errno where there is no limit, `EINVAL` for an
/// unknown name.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string (it is not read).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pathconf(_path: *const c_char, name: c_int) -> c_long {
    path_limit(name).map(|v| v as isize).or_minus_one_errno() as c_long
}

/// [fpathconf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fpathconf.html)
///
/// As `pathconf` (the descriptor is not looked at, as in wasi-libc).
#[unsafe(no_mangle)]
pub extern "C" fn fpathconf(_fd: c_int, name: c_int) -> c_long {
    path_limit(name).map(|v| v as isize).or_minus_one_errno() as c_long
}

/// [confstr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/confstr.html)
///
/// `_CS_PATH` is `/bin:/usr/bin`; the compilation-environment names
/// (`_CS_POSIX_V6_WIDTH_RESTRICTED_ENVS`, the `*_CFLAGS`/`LDFLAGS`/...
/// family) are empty strings; other names fail with `EINVAL` and return 0.
/// Returns the length the whole value needs, NUL included; copies what
/// fits of it into `buf` (always terminated when `len > 0`).
///
/// # Safety
/// `buf` must be valid for `len` bytes (or `len` 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn confstr(name: c_int, buf: *mut c_char, len: size_t) -> size_t {
    let s: &[u8] = match name {
        _CS_PATH => b"/bin:/usr/bin",
        _CS_POSIX_V6_WIDTH_RESTRICTED_ENVS | _CS_POSIX_V7_WIDTH_RESTRICTED_ENVS => b"",
        _CS_POSIX_V6_ILP32_OFF32_CFLAGS..=1151 => b"",
        _ => {
            let _ = Err::<isize, _>(Errno::EINVAL).or_minus_one_errno();
            return 0;
        }
    };
    if len > 0 {
        let n = s.len().min(len - 1);
        // SAFETY: `buf` holds `len > n` bytes (caller contract).
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), buf.cast(), n);
            *buf.add(n) = 0;
        }
    }
    s.len() + 1
}
