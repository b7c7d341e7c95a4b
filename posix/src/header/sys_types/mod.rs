//! `sys/types.h`

/// Signed size (`long` on wasm32, like `ptrdiff_t`).
pub type ssize_t = isize;
/// File offsets and sizes (64-bit, like wasi-libc).
pub type off_t = i64;
/// Seconds since the epoch (64-bit, like wasi-libc).
pub type time_t = i64;
/// Clock identifiers (`CLOCK_*`).
pub type clockid_t = core::ffi::c_int;
/// Microseconds.
pub type suseconds_t = i64;
/// File mode bits (accepted, not enforced: WASI has no permissions).
pub type mode_t = core::ffi::c_uint;
/// Device numbers (64-bit, like wasi-libc).
pub type dev_t = u64;
/// File serial numbers (64-bit, like wasi-libc).
pub type ino_t = u64;
/// Link counts (64-bit, like wasi-libc).
pub type nlink_t = u64;
/// User ids (always 0: WASI has no users).
pub type uid_t = core::ffi::c_uint;
/// Group ids (always 0: WASI has no groups).
pub type gid_t = core::ffi::c_uint;
/// Block sizes.
pub type blksize_t = core::ffi::c_long;
/// Block counts.
pub type blkcnt_t = i64;

// Process and file-system identifiers (issue 11), as wasi-libc's headers
// lay them out.
/// Process ids (`getpid`).
pub type pid_t = core::ffi::c_int;
/// A pid, uid or gid (`getpriority`).
pub type id_t = core::ffi::c_uint;
/// Microseconds (`usleep`).
pub type useconds_t = core::ffi::c_uint;
/// Block counts of a file system (`statvfs`).
pub type fsblkcnt_t = u64;
/// File counts of a file system (`statvfs`).
pub type fsfilcnt_t = u64;
/// System V IPC keys.
pub type key_t = core::ffi::c_int;
