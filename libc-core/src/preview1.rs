//! The raw `wasi_snapshot_preview1` calls behind `<wasi/api.h>`'s
//! `__wasi_*` functions: every function of the preview1 ABI with its core
//! wasm signature (pointers as addresses, flags widened to `i32`).
//!
//! On the p1 backend each is the host import, its errno masked to 16 bits
//! (see `p1/wasi.rs` on why). The p2 backend has no preview1 host: each
//! returns `ENOSYS` (52) there, and `<wasi/api.h>` marks the functions
//! unavailable in the p2 sysroot, so C code never reaches these stubs.

/// `ENOSYS` in WASI's numbering.
#[cfg(backend = "p2")]
const NOSYS: u16 = 52;

macro_rules! preview1 {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        #[cfg(backend = "p1")]
        #[allow(clashing_extern_declarations)]
        mod imports {
            #[link(wasm_import_module = "wasi_snapshot_preview1")]
            unsafe extern "C" {
                $(pub fn $name($($arg: $ty),*) -> i32;)*
            }
        }
        $(
            #[doc = concat!("`", stringify!($name), "`: the host's errno (0 on success).")]
            ///
            /// # Safety
            /// The pointers must be valid as the preview1 ABI requires.
            #[allow(clippy::too_many_arguments)]
            #[inline]
            pub unsafe fn $name($($arg: $ty),*) -> u16 {
                #[cfg(backend = "p1")]
                {
                    // SAFETY: caller contract.
                    unsafe { imports::$name($($arg),*) as u16 }
                }
                #[cfg(backend = "p2")]
                {
                    let _ = ($($arg,)*);
                    NOSYS
                }
            }
        )*
    };
}

preview1! {
    args_get(argv: *mut *mut u8, buf: *mut u8);
    args_sizes_get(argc: *mut usize, size: *mut usize);
    environ_get(env: *mut *mut u8, buf: *mut u8);
    environ_sizes_get(count: *mut usize, size: *mut usize);
    clock_res_get(id: u32, res: *mut u64);
    clock_time_get(id: u32, precision: u64, time: *mut u64);
    fd_advise(fd: i32, offset: u64, len: u64, advice: i32);
    fd_allocate(fd: i32, offset: u64, len: u64);
    fd_close(fd: i32);
    fd_datasync(fd: i32);
    fd_fdstat_get(fd: i32, stat: *mut u8);
    fd_fdstat_set_flags(fd: i32, flags: i32);
    fd_fdstat_set_rights(fd: i32, base: u64, inheriting: u64);
    fd_filestat_get(fd: i32, stat: *mut u8);
    fd_filestat_set_size(fd: i32, size: u64);
    fd_filestat_set_times(fd: i32, atim: u64, mtim: u64, flags: i32);
    fd_pread(fd: i32, iovs: *const u8, n: usize, offset: u64, nread: *mut usize);
    fd_prestat_get(fd: i32, prestat: *mut u8);
    fd_prestat_dir_name(fd: i32, path: *mut u8, len: usize);
    fd_pwrite(fd: i32, iovs: *const u8, n: usize, offset: u64, nwritten: *mut usize);
    fd_read(fd: i32, iovs: *const u8, n: usize, nread: *mut usize);
    fd_readdir(fd: i32, buf: *mut u8, len: usize, cookie: u64, used: *mut usize);
    fd_renumber(fd: i32, to: i32);
    fd_seek(fd: i32, offset: i64, whence: i32, newoffset: *mut u64);
    fd_sync(fd: i32);
    fd_tell(fd: i32, offset: *mut u64);
    fd_write(fd: i32, iovs: *const u8, n: usize, nwritten: *mut usize);
    path_create_directory(fd: i32, path: *const u8, len: usize);
    path_filestat_get(fd: i32, flags: i32, path: *const u8, len: usize, stat: *mut u8);
    path_filestat_set_times(fd: i32, flags: i32, path: *const u8, len: usize, atim: u64, mtim: u64, fst: i32);
    path_link(old_fd: i32, old_flags: i32, old: *const u8, old_len: usize, new_fd: i32, new: *const u8, new_len: usize);
    path_open(fd: i32, dirflags: i32, path: *const u8, len: usize, oflags: i32, base: u64, inheriting: u64, fdflags: i32, opened: *mut i32);
    path_readlink(fd: i32, path: *const u8, len: usize, buf: *mut u8, buf_len: usize, used: *mut usize);
    path_remove_directory(fd: i32, path: *const u8, len: usize);
    path_rename(fd: i32, old: *const u8, old_len: usize, new_fd: i32, new: *const u8, new_len: usize);
    path_symlink(old: *const u8, old_len: usize, fd: i32, new: *const u8, new_len: usize);
    path_unlink_file(fd: i32, path: *const u8, len: usize);
    poll_oneoff(subs: *const u8, events: *mut u8, n: usize, nevents: *mut usize);
    random_get(buf: *mut u8, len: usize);
    sched_yield();
    sock_accept(fd: i32, flags: i32, conn: *mut i32);
    sock_recv(fd: i32, iovs: *const u8, n: usize, flags: i32, nread: *mut usize, oflags: *mut u16);
    sock_send(fd: i32, iovs: *const u8, n: usize, flags: i32, nwritten: *mut usize);
    sock_shutdown(fd: i32, how: i32);
}

/// `proc_exit`: ends the instance with `code` (on p2 through the backend's
/// exit).
pub fn proc_exit(code: u32) -> ! {
    use crate::pal::Pal;
    crate::Sys::exit(code as i32)
}
