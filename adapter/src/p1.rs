//! The `wasi_snapshot_preview1` imports the adapter calls (layouts from the
//! preview1 witx: little-endian, natural alignment, wasm32 pointers).

#[repr(C)]
pub struct Iovec {
    pub buf: *mut u8,
    pub len: usize,
}

#[repr(C)]
pub struct Ciovec {
    pub buf: *const u8,
    pub len: usize,
}

#[repr(C)]
pub struct Fdstat {
    pub filetype: u8,
    pub flags: u16,
    pub rights_base: u64,
    pub rights_inheriting: u64,
}

#[repr(C)]
pub struct Filestat {
    pub dev: u64,
    pub ino: u64,
    pub filetype: u8,
    pub nlink: u64,
    pub size: u64,
    pub atim: u64,
    pub mtim: u64,
    pub ctim: u64,
}

/// `subscription` (48 bytes, the union at 16): the union is laid out as clock
/// `{id: u32, timeout: u64, precision: u64, flags: u16}` or fd_readwrite `{fd: u32}`.
#[repr(C)]
pub struct Subscription {
    pub userdata: u64,
    pub tag: u8,
    /// The union starts at 16 (it holds u64s).
    pub _pad: [u8; 7],
    pub id_or_fd: u32,
    pub _pad2: u32,
    pub timeout: u64,
    pub precision: u64,
    pub flags: u16,
}

/// `event` (32 bytes).
#[repr(C)]
pub struct Event {
    pub userdata: u64,
    pub error: u16,
    pub kind: u8,
    pub nbytes: u64,
    pub flags: u16,
}

pub const EVENTTYPE_CLOCK: u8 = 0;
pub const EVENTTYPE_FD_READ: u8 = 1;
pub const EVENTTYPE_FD_WRITE: u8 = 2;
pub const CLOCK_REALTIME: u32 = 0;
pub const CLOCK_MONOTONIC: u32 = 1;

pub const EAGAIN: i32 = 6;
pub const EBADF: i32 = 8;
pub const EINVAL: i32 = 28;
pub const ENAMETOOLONG: i32 = 37;
pub const ENOMEM: i32 = 48;
pub const ENOTSUP: i32 = 58;
pub const EOVERFLOW: i32 = 61;
pub const EPIPE: i32 = 64;

pub const FILETYPE_CHARACTER_DEVICE: u8 = 2;
pub const FILETYPE_DIRECTORY: u8 = 3;

pub const RIGHT_FD_DATASYNC: u64 = 1 << 0;
pub const RIGHT_FD_READ: u64 = 1 << 1;
pub const RIGHT_FD_SEEK: u64 = 1 << 2;
pub const RIGHT_FD_SYNC: u64 = 1 << 4;
pub const RIGHT_FD_TELL: u64 = 1 << 5;
pub const RIGHT_FD_WRITE: u64 = 1 << 6;
pub const RIGHT_FD_ALLOCATE: u64 = 1 << 8;
pub const RIGHT_PATH_CREATE_DIRECTORY: u64 = 1 << 9;
pub const RIGHT_FD_READDIR: u64 = 1 << 14;
pub const RIGHT_FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
/// Every right preview1 defines (bits 0..=29).
pub const RIGHTS_ALL: u64 = (1 << 30) - 1;

pub const FDFLAGS_DSYNC: u16 = 2;
pub const FDFLAGS_RSYNC: u16 = 8;
pub const FDFLAGS_SYNC: u16 = 16;

pub const FSTFLAGS_ATIM: u16 = 1;
pub const FSTFLAGS_ATIM_NOW: u16 = 2;
pub const FSTFLAGS_MTIM: u16 = 4;
pub const FSTFLAGS_MTIM_NOW: u16 = 8;

pub const WHENCE_END: u8 = 2;

/// The raw imports; the wrappers below mask the errno to 16 bits (the
/// December 2020 WAMR leaves garbage above them).
mod raw {
    use super::*;

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        pub fn args_get(argv: *mut *mut u8, buf: *mut u8) -> i32;
        pub fn args_sizes_get(argc: *mut usize, size: *mut usize) -> i32;
        pub fn environ_get(environ: *mut *mut u8, buf: *mut u8) -> i32;
        pub fn environ_sizes_get(count: *mut usize, size: *mut usize) -> i32;
        pub fn clock_res_get(id: u32, res: *mut u64) -> i32;
        pub fn clock_time_get(id: u32, precision: u64, time: *mut u64) -> i32;
        pub fn fd_advise(fd: u32, offset: u64, len: u64, advice: u8) -> i32;
        pub fn fd_close(fd: u32) -> i32;
        pub fn fd_datasync(fd: u32) -> i32;
        pub fn fd_fdstat_get(fd: u32, stat: *mut Fdstat) -> i32;
        pub fn fd_filestat_get(fd: u32, stat: *mut Filestat) -> i32;
        pub fn fd_filestat_set_size(fd: u32, size: u64) -> i32;
        pub fn fd_filestat_set_times(fd: u32, atim: u64, mtim: u64, flags: u16) -> i32;
        pub fn fd_pread(
            fd: u32,
            iovs: *const Iovec,
            n: usize,
            offset: u64,
            nread: *mut usize,
        ) -> i32;
        pub fn fd_prestat_get(fd: u32, prestat: *mut u32) -> i32;
        pub fn fd_prestat_dir_name(fd: u32, path: *mut u8, len: usize) -> i32;
        pub fn fd_pwrite(
            fd: u32,
            iovs: *const Ciovec,
            n: usize,
            offset: u64,
            nwritten: *mut usize,
        ) -> i32;
        pub fn fd_read(fd: u32, iovs: *const Iovec, n: usize, nread: *mut usize) -> i32;
        pub fn fd_readdir(fd: u32, buf: *mut u8, len: usize, cookie: u64, used: *mut usize) -> i32;
        pub fn fd_seek(fd: u32, offset: i64, whence: u8, newoffset: *mut u64) -> i32;
        pub fn fd_sync(fd: u32) -> i32;
        pub fn fd_write(fd: u32, iovs: *const Ciovec, n: usize, nwritten: *mut usize) -> i32;
        pub fn path_create_directory(fd: u32, path: *const u8, len: usize) -> i32;
        pub fn path_filestat_get(
            fd: u32,
            flags: u32,
            path: *const u8,
            len: usize,
            stat: *mut Filestat,
        ) -> i32;
        pub fn path_filestat_set_times(
            fd: u32,
            flags: u32,
            path: *const u8,
            len: usize,
            atim: u64,
            mtim: u64,
            fst: u16,
        ) -> i32;
        pub fn path_link(
            old_fd: u32,
            old_flags: u32,
            old_path: *const u8,
            old_len: usize,
            new_fd: u32,
            new_path: *const u8,
            new_len: usize,
        ) -> i32;
        pub fn path_open(
            fd: u32,
            dirflags: u32,
            path: *const u8,
            len: usize,
            oflags: u16,
            rights_base: u64,
            rights_inheriting: u64,
            fdflags: u16,
            opened: *mut u32,
        ) -> i32;
        pub fn path_readlink(
            fd: u32,
            path: *const u8,
            len: usize,
            buf: *mut u8,
            buf_len: usize,
            used: *mut usize,
        ) -> i32;
        pub fn path_remove_directory(fd: u32, path: *const u8, len: usize) -> i32;
        pub fn path_rename(
            fd: u32,
            old: *const u8,
            old_len: usize,
            new_fd: u32,
            new: *const u8,
            new_len: usize,
        ) -> i32;
        pub fn path_symlink(
            old: *const u8,
            old_len: usize,
            fd: u32,
            new: *const u8,
            new_len: usize,
        ) -> i32;
        pub fn path_unlink_file(fd: u32, path: *const u8, len: usize) -> i32;
        pub fn poll_oneoff(
            subs: *const Subscription,
            events: *mut Event,
            n: usize,
            nevents: *mut usize,
        ) -> i32;
        pub fn proc_exit(code: u32) -> !;
        pub fn random_get(buf: *mut u8, len: usize) -> i32;
    }
}

/// `args_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn args_get(argv: *mut *mut u8, buf: *mut u8) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::args_get(argv, buf) & 0xffff }
}

/// `args_sizes_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn args_sizes_get(argc: *mut usize, size: *mut usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::args_sizes_get(argc, size) & 0xffff }
}

/// `environ_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn environ_get(environ: *mut *mut u8, buf: *mut u8) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::environ_get(environ, buf) & 0xffff }
}

/// `environ_sizes_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn environ_sizes_get(count: *mut usize, size: *mut usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::environ_sizes_get(count, size) & 0xffff }
}

/// `clock_res_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn clock_res_get(id: u32, res: *mut u64) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::clock_res_get(id, res) & 0xffff }
}

/// `clock_time_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn clock_time_get(id: u32, precision: u64, time: *mut u64) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::clock_time_get(id, precision, time) & 0xffff }
}

/// `fd_advise`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_advise(fd: u32, offset: u64, len: u64, advice: u8) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_advise(fd, offset, len, advice) & 0xffff }
}

/// `fd_close`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_close(fd: u32) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_close(fd) & 0xffff }
}

/// `fd_datasync`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_datasync(fd: u32) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_datasync(fd) & 0xffff }
}

/// `fd_fdstat_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_fdstat_get(fd: u32, stat: *mut Fdstat) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_fdstat_get(fd, stat) & 0xffff }
}

/// `fd_filestat_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_filestat_get(fd: u32, stat: *mut Filestat) -> i32 {
    // SAFETY: the caller's contract.
    unsafe {
        (*stat).ctim = UNWRITTEN;
        let r = raw::fd_filestat_get(fd, stat) & 0xffff;
        if r == 0 {
            snapshot0_filestat(stat);
        }
        r
    }
}

/// A `ctim` no host reports (the year 2554), stored before a `filestat`
/// call: still there after a successful call, the host wrote the 56-byte
/// `filestat` of `wasi_unstable` (snapshot 0) instead of the 64-byte one of
/// preview1. The December 2020 WAMR does (its `__wasi_linkcount_t` is 32
/// bits); read as preview1, the size would be the access time.
const UNWRITTEN: u64 = u64::MAX;

/// Rewrites a snapshot-0 `filestat` (`nlink: u32` at 20, size at 24, the
/// times at 32, 40 and 48) in place as preview1's, when the host left
/// [`UNWRITTEN`] in `ctim`.
///
/// # Safety
/// `stat` points to a `Filestat` a `filestat` call has just filled.
unsafe fn snapshot0_filestat(stat: *mut Filestat) {
    // SAFETY: the caller's contract; every offset read is inside the 64
    // bytes of `*stat`, all read before any field is written.
    unsafe {
        if (*stat).ctim != UNWRITTEN {
            return;
        }
        let b = stat.cast::<u8>();
        let u64_at = |off: usize| core::ptr::read_unaligned(b.add(off).cast::<u64>());
        let nlink = core::ptr::read_unaligned(b.add(20).cast::<u32>());
        let (size, atim, mtim, ctim) = (u64_at(24), u64_at(32), u64_at(40), u64_at(48));
        (*stat).nlink = nlink.into();
        (*stat).size = size;
        (*stat).atim = atim;
        (*stat).mtim = mtim;
        (*stat).ctim = ctim;
    }
}

/// `fd_filestat_set_size`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_filestat_set_size(fd: u32, size: u64) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_filestat_set_size(fd, size) & 0xffff }
}

/// `fd_filestat_set_times`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_filestat_set_times(fd: u32, atim: u64, mtim: u64, flags: u16) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_filestat_set_times(fd, atim, mtim, flags) & 0xffff }
}

/// `fd_pread`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_pread(
    fd: u32,
    iovs: *const Iovec,
    n: usize,
    offset: u64,
    nread: *mut usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_pread(fd, iovs, n, offset, nread) & 0xffff }
}

/// `fd_prestat_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_prestat_get(fd: u32, prestat: *mut u32) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_prestat_get(fd, prestat) & 0xffff }
}

/// `fd_prestat_dir_name`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_prestat_dir_name(fd: u32, path: *mut u8, len: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_prestat_dir_name(fd, path, len) & 0xffff }
}

/// `fd_pwrite`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_pwrite(
    fd: u32,
    iovs: *const Ciovec,
    n: usize,
    offset: u64,
    nwritten: *mut usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_pwrite(fd, iovs, n, offset, nwritten) & 0xffff }
}

/// `fd_read`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_read(fd: u32, iovs: *const Iovec, n: usize, nread: *mut usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_read(fd, iovs, n, nread) & 0xffff }
}

/// `fd_readdir`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_readdir(fd: u32, buf: *mut u8, len: usize, cookie: u64, used: *mut usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_readdir(fd, buf, len, cookie, used) & 0xffff }
}

/// `fd_seek`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_seek(fd: u32, offset: i64, whence: u8, newoffset: *mut u64) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_seek(fd, offset, whence, newoffset) & 0xffff }
}

/// `fd_sync`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_sync(fd: u32) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_sync(fd) & 0xffff }
}

/// `fd_write`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn fd_write(fd: u32, iovs: *const Ciovec, n: usize, nwritten: *mut usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::fd_write(fd, iovs, n, nwritten) & 0xffff }
}

/// `path_create_directory`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_create_directory(fd: u32, path: *const u8, len: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_create_directory(fd, path, len) & 0xffff }
}

/// `path_filestat_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_filestat_get(
    fd: u32,
    flags: u32,
    path: *const u8,
    len: usize,
    stat: *mut Filestat,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe {
        (*stat).ctim = UNWRITTEN;
        let r = raw::path_filestat_get(fd, flags, path, len, stat) & 0xffff;
        if r == 0 {
            snapshot0_filestat(stat);
        }
        r
    }
}

/// `path_filestat_set_times`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_filestat_set_times(
    fd: u32,
    flags: u32,
    path: *const u8,
    len: usize,
    atim: u64,
    mtim: u64,
    fst: u16,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_filestat_set_times(fd, flags, path, len, atim, mtim, fst) & 0xffff }
}

/// `path_link`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_link(
    old_fd: u32,
    old_flags: u32,
    old_path: *const u8,
    old_len: usize,
    new_fd: u32,
    new_path: *const u8,
    new_len: usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe {
        raw::path_link(
            old_fd, old_flags, old_path, old_len, new_fd, new_path, new_len,
        ) & 0xffff
    }
}

/// `path_open`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub unsafe fn path_open(
    fd: u32,
    dirflags: u32,
    path: *const u8,
    len: usize,
    oflags: u16,
    rights_base: u64,
    rights_inheriting: u64,
    fdflags: u16,
    opened: *mut u32,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe {
        raw::path_open(
            fd,
            dirflags,
            path,
            len,
            oflags,
            rights_base,
            rights_inheriting,
            fdflags,
            opened,
        ) & 0xffff
    }
}

/// `path_readlink`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_readlink(
    fd: u32,
    path: *const u8,
    len: usize,
    buf: *mut u8,
    buf_len: usize,
    used: *mut usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_readlink(fd, path, len, buf, buf_len, used) & 0xffff }
}

/// `path_remove_directory`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_remove_directory(fd: u32, path: *const u8, len: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_remove_directory(fd, path, len) & 0xffff }
}

/// `path_rename`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_rename(
    fd: u32,
    old: *const u8,
    old_len: usize,
    new_fd: u32,
    new: *const u8,
    new_len: usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_rename(fd, old, old_len, new_fd, new, new_len) & 0xffff }
}

/// `path_symlink`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_symlink(
    old: *const u8,
    old_len: usize,
    fd: u32,
    new: *const u8,
    new_len: usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_symlink(old, old_len, fd, new, new_len) & 0xffff }
}

/// `path_unlink_file`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn path_unlink_file(fd: u32, path: *const u8, len: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::path_unlink_file(fd, path, len) & 0xffff }
}

/// `poll_oneoff`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn poll_oneoff(
    subs: *const Subscription,
    events: *mut Event,
    n: usize,
    nevents: *mut usize,
) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::poll_oneoff(subs, events, n, nevents) & 0xffff }
}

/// `proc_exit`.
///
/// # Safety
/// As the preview1 function.
#[inline(always)]
pub unsafe fn proc_exit(code: u32) -> ! {
    // SAFETY: the caller's contract.
    unsafe { raw::proc_exit(code) }
}

/// `random_get`, its errno masked to 16 bits.
///
/// # Safety
/// As the preview1 function: the pointers are valid for what it reads and writes.
#[inline(always)]
pub unsafe fn random_get(buf: *mut u8, len: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { raw::random_get(buf, len) & 0xffff }
}

const _: () = assert!(core::mem::size_of::<Subscription>() == 48);
const _: () = assert!(core::mem::size_of::<Event>() == 32);
const _: () = assert!(core::mem::size_of::<Filestat>() == 64);
const _: () = assert!(core::mem::size_of::<Fdstat>() == 24);
