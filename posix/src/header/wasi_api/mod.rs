//! `wasi/api.h`: the WASI preview1 ABI for C, as wasi-libc declares it:
//! the `__wasi_*` types, constants and functions (thin wrappers over the
//! host imports in `libc_core::preview1`). In the p2 sysroot the types and
//! constants are there but the functions are marked unavailable: a p2
//! program has no preview1 host (wasi-libc's p2 `wasi/api.h` holds the
//! WASI 0.2 component bindings instead, which this library does not offer).

use crate::platform::{c_char, c_int};
use libc_core::preview1 as raw;

mod consts;
mod funcs;
pub use consts::*;
pub use funcs::*;

pub type __wasi_size_t = usize;
pub type __wasi_filesize_t = u64;
pub type __wasi_timestamp_t = u64;
pub type __wasi_clockid_t = u32;
pub type __wasi_errno_t = u16;
pub type __wasi_rights_t = u64;
pub type __wasi_fd_t = c_int;
pub type __wasi_filedelta_t = i64;
pub type __wasi_whence_t = u8;
pub type __wasi_dircookie_t = u64;
pub type __wasi_dirnamlen_t = u32;
pub type __wasi_inode_t = u64;
pub type __wasi_filetype_t = u8;
pub type __wasi_advice_t = u8;
pub type __wasi_fdflags_t = u16;
pub type __wasi_device_t = u64;
pub type __wasi_fstflags_t = u16;
pub type __wasi_lookupflags_t = u32;
pub type __wasi_oflags_t = u16;
pub type __wasi_linkcount_t = u64;
pub type __wasi_userdata_t = u64;
pub type __wasi_eventtype_t = u8;
pub type __wasi_eventrwflags_t = u16;
pub type __wasi_subclockflags_t = u16;
pub type __wasi_exitcode_t = u32;
pub type __wasi_riflags_t = u16;
pub type __wasi_roflags_t = u16;
pub type __wasi_siflags_t = u16;
pub type __wasi_sdflags_t = u8;
pub type __wasi_preopentype_t = u8;

/// A region of memory for scatter reads.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_iovec_t {
    pub buf: *mut u8,
    pub buf_len: __wasi_size_t,
}

/// A region of memory for gather writes.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_ciovec_t {
    pub buf: *const u8,
    pub buf_len: __wasi_size_t,
}

/// A directory entry (followed by `d_namlen` bytes of name).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_dirent_t {
    pub d_next: __wasi_dircookie_t,
    pub d_ino: __wasi_inode_t,
    pub d_namlen: __wasi_dirnamlen_t,
    pub d_type: __wasi_filetype_t,
}

/// File descriptor attributes.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_fdstat_t {
    pub fs_filetype: __wasi_filetype_t,
    pub fs_flags: __wasi_fdflags_t,
    pub fs_rights_base: __wasi_rights_t,
    pub fs_rights_inheriting: __wasi_rights_t,
}

/// File attributes.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_filestat_t {
    pub dev: __wasi_device_t,
    pub ino: __wasi_inode_t,
    pub filetype: __wasi_filetype_t,
    pub nlink: __wasi_linkcount_t,
    pub size: __wasi_filesize_t,
    pub atim: __wasi_timestamp_t,
    pub mtim: __wasi_timestamp_t,
    pub ctim: __wasi_timestamp_t,
}

/// The contents of a read/write event.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_event_fd_readwrite_t {
    pub nbytes: __wasi_filesize_t,
    pub flags: __wasi_eventrwflags_t,
}

/// An event that occurred (`poll_oneoff`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_event_t {
    pub userdata: __wasi_userdata_t,
    pub error: __wasi_errno_t,
    pub r#type: __wasi_eventtype_t,
    pub fd_readwrite: __wasi_event_fd_readwrite_t,
}

/// A clock subscription.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_subscription_clock_t {
    pub id: __wasi_clockid_t,
    pub timeout: __wasi_timestamp_t,
    pub precision: __wasi_timestamp_t,
    pub flags: __wasi_subclockflags_t,
}

/// A read/write subscription.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_subscription_fd_readwrite_t {
    pub file_descriptor: __wasi_fd_t,
}

/// The contents of a subscription, by `tag`.
#[repr(C)]
#[derive(Copy, Clone)]
pub union __wasi_subscription_u_u_t {
    pub clock: __wasi_subscription_clock_t,
    pub fd_read: __wasi_subscription_fd_readwrite_t,
    pub fd_write: __wasi_subscription_fd_readwrite_t,
}

/// A tagged subscription.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_subscription_u_t {
    pub tag: u8,
    pub u: __wasi_subscription_u_u_t,
}

/// A subscription (`poll_oneoff`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_subscription_t {
    pub userdata: __wasi_userdata_t,
    pub u: __wasi_subscription_u_t,
}

/// A pre-opened directory.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_prestat_dir_t {
    pub pr_name_len: __wasi_size_t,
}

/// The contents of a pre-open, by `tag`.
#[repr(C)]
#[derive(Copy, Clone)]
pub union __wasi_prestat_u_t {
    pub dir: __wasi_prestat_dir_t,
}

/// A pre-opened resource.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasi_prestat_t {
    pub tag: u8,
    pub u: __wasi_prestat_u_t,
}

// The witx layouts (what wasi-libc's header asserts).
const _: () = assert!(
    size_of::<__wasi_dirent_t>() == 24
        && size_of::<__wasi_fdstat_t>() == 24
        && size_of::<__wasi_filestat_t>() == 64
        && size_of::<__wasi_event_t>() == 32
        && size_of::<__wasi_subscription_clock_t>() == 32
        && size_of::<__wasi_subscription_t>() == 48
        && size_of::<__wasi_prestat_t>() == 8
        && size_of::<__wasi_iovec_t>() == 8
);

/// Length of a C string (the preview1 ABI passes paths as pointer and
/// length).
///
/// # Safety
/// `s` must be a NUL-terminated string.
unsafe fn strlen(s: *const c_char) -> usize {
    // SAFETY: caller contract.
    unsafe { core::ffi::CStr::from_ptr(s) }.count_bytes()
}
