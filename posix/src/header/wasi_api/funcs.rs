//! The `__wasi_*` functions: each one preview1 host call (`libc_core::preview1`).
//! Paths are C strings here and pointer plus length for the host.

use super::*;

/// [`args_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads the command-line arguments into `argv` and `argv_buf`.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_args_get(argv: *mut *mut u8, argv_buf: *mut u8) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::args_get(argv, argv_buf) }
}

/// [`args_sizes_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): The number of arguments and the size of their strings.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_args_sizes_get(
    retptr0: *mut __wasi_size_t,
    retptr1: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::args_sizes_get(retptr0, retptr1) }
}

/// [`environ_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads the environment into `environ` and `environ_buf`.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_environ_get(
    environ: *mut *mut u8,
    environ_buf: *mut u8,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::environ_get(environ, environ_buf) }
}

/// [`environ_sizes_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): The number of environment variables and the size of their strings.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_environ_sizes_get(
    retptr0: *mut __wasi_size_t,
    retptr1: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::environ_sizes_get(retptr0, retptr1) }
}

/// [`clock_res_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): The resolution of a clock.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_clock_res_get(
    id: __wasi_clockid_t,
    retptr0: *mut __wasi_timestamp_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::clock_res_get(id, retptr0) }
}

/// [`clock_time_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): The time of a clock, in nanoseconds.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_clock_time_get(
    id: __wasi_clockid_t,
    precision: __wasi_timestamp_t,
    retptr0: *mut __wasi_timestamp_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::clock_time_get(id, precision, retptr0) }
}

/// [`fd_advise`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Advice about the use of a file region.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_advise(
    fd: __wasi_fd_t,
    offset: __wasi_filesize_t,
    len: __wasi_filesize_t,
    advice: __wasi_advice_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_advise(fd, offset, len, advice as i32) }
}

/// [`fd_allocate`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Allocates space in a file.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_allocate(
    fd: __wasi_fd_t,
    offset: __wasi_filesize_t,
    len: __wasi_filesize_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_allocate(fd, offset, len) }
}

/// [`fd_close`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Closes a descriptor.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_close(fd: __wasi_fd_t) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_close(fd) }
}

/// [`fd_datasync`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Synchronises a file's data.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_datasync(fd: __wasi_fd_t) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_datasync(fd) }
}

/// [`fd_fdstat_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): A descriptor's attributes.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_fdstat_get(
    fd: __wasi_fd_t,
    retptr0: *mut __wasi_fdstat_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_fdstat_get(fd, retptr0.cast()) }
}

/// [`fd_fdstat_set_flags`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Sets a descriptor's flags.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_fdstat_set_flags(
    fd: __wasi_fd_t,
    flags: __wasi_fdflags_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_fdstat_set_flags(fd, flags as i32) }
}

/// [`fd_fdstat_set_rights`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Drops rights of a descriptor.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_fdstat_set_rights(
    fd: __wasi_fd_t,
    fs_rights_base: __wasi_rights_t,
    fs_rights_inheriting: __wasi_rights_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_fdstat_set_rights(fd, fs_rights_base, fs_rights_inheriting) }
}

/// [`fd_filestat_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): An open file's attributes.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_filestat_get(
    fd: __wasi_fd_t,
    retptr0: *mut __wasi_filestat_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_filestat_get(fd, retptr0.cast()) }
}

/// [`fd_filestat_set_size`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Truncates or extends a file.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_filestat_set_size(
    fd: __wasi_fd_t,
    size: __wasi_filesize_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_filestat_set_size(fd, size) }
}

/// [`fd_filestat_set_times`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Sets an open file's times.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_filestat_set_times(
    fd: __wasi_fd_t,
    atim: __wasi_timestamp_t,
    mtim: __wasi_timestamp_t,
    fst_flags: __wasi_fstflags_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_filestat_set_times(fd, atim, mtim, fst_flags as i32) }
}

/// [`fd_pread`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads at an offset.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_pread(
    fd: __wasi_fd_t,
    iovs: *const __wasi_iovec_t,
    iovs_len: usize,
    offset: __wasi_filesize_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_pread(fd, iovs.cast(), iovs_len, offset, retptr0) }
}

/// [`fd_prestat_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): A pre-open's description.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_prestat_get(
    fd: __wasi_fd_t,
    retptr0: *mut __wasi_prestat_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_prestat_get(fd, retptr0.cast()) }
}

/// [`fd_prestat_dir_name`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): A pre-opened directory's name.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_prestat_dir_name(
    fd: __wasi_fd_t,
    path: *mut u8,
    path_len: __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_prestat_dir_name(fd, path, path_len) }
}

/// [`fd_pwrite`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Writes at an offset.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_pwrite(
    fd: __wasi_fd_t,
    iovs: *const __wasi_ciovec_t,
    iovs_len: usize,
    offset: __wasi_filesize_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_pwrite(fd, iovs.cast(), iovs_len, offset, retptr0) }
}

/// [`fd_read`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_read(
    fd: __wasi_fd_t,
    iovs: *const __wasi_iovec_t,
    iovs_len: usize,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_read(fd, iovs.cast(), iovs_len, retptr0) }
}

/// [`fd_readdir`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads directory entries.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_readdir(
    fd: __wasi_fd_t,
    buf: *mut u8,
    buf_len: __wasi_size_t,
    cookie: __wasi_dircookie_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_readdir(fd, buf, buf_len, cookie, retptr0) }
}

/// [`fd_renumber`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Moves a descriptor onto another number.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_renumber(fd: __wasi_fd_t, to: __wasi_fd_t) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_renumber(fd, to) }
}

/// [`fd_seek`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Moves the file offset.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_seek(
    fd: __wasi_fd_t,
    offset: __wasi_filedelta_t,
    whence: __wasi_whence_t,
    retptr0: *mut __wasi_filesize_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_seek(fd, offset, whence as i32, retptr0) }
}

/// [`fd_sync`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Synchronises a file's data and metadata.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_sync(fd: __wasi_fd_t) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_sync(fd) }
}

/// [`fd_tell`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): The file offset.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_tell(
    fd: __wasi_fd_t,
    retptr0: *mut __wasi_filesize_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_tell(fd, retptr0) }
}

/// [`fd_write`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Writes.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_fd_write(
    fd: __wasi_fd_t,
    iovs: *const __wasi_ciovec_t,
    iovs_len: usize,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::fd_write(fd, iovs.cast(), iovs_len, retptr0) }
}

/// [`path_create_directory`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Creates a directory.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_create_directory(
    fd: __wasi_fd_t,
    path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::path_create_directory(fd, path.cast(), strlen(path)) }
}

/// [`path_filestat_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): A file's attributes.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_filestat_get(
    fd: __wasi_fd_t,
    flags: __wasi_lookupflags_t,
    path: *const c_char,
    retptr0: *mut __wasi_filestat_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::path_filestat_get(fd, flags as i32, path.cast(), strlen(path), retptr0.cast()) }
}

/// [`path_filestat_set_times`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Sets a file's times.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_filestat_set_times(
    fd: __wasi_fd_t,
    flags: __wasi_lookupflags_t,
    path: *const c_char,
    atim: __wasi_timestamp_t,
    mtim: __wasi_timestamp_t,
    fst_flags: __wasi_fstflags_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::path_filestat_set_times(
            fd,
            flags as i32,
            path.cast(),
            strlen(path),
            atim,
            mtim,
            fst_flags as i32,
        )
    }
}

/// [`path_link`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Creates a hard link.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_link(
    old_fd: __wasi_fd_t,
    old_flags: __wasi_lookupflags_t,
    old_path: *const c_char,
    new_fd: __wasi_fd_t,
    new_path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::path_link(
            old_fd,
            old_flags as i32,
            old_path.cast(),
            strlen(old_path),
            new_fd,
            new_path.cast(),
            strlen(new_path),
        )
    }
}

/// [`path_open`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Opens a file or directory.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_open(
    fd: __wasi_fd_t,
    dirflags: __wasi_lookupflags_t,
    path: *const c_char,
    oflags: __wasi_oflags_t,
    fs_rights_base: __wasi_rights_t,
    fs_rights_inheriting: __wasi_rights_t,
    fdflags: __wasi_fdflags_t,
    retptr0: *mut __wasi_fd_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::path_open(
            fd,
            dirflags as i32,
            path.cast(),
            strlen(path),
            oflags as i32,
            fs_rights_base,
            fs_rights_inheriting,
            fdflags as i32,
            retptr0,
        )
    }
}

/// [`path_readlink`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Reads a symbolic link.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_readlink(
    fd: __wasi_fd_t,
    path: *const c_char,
    buf: *mut u8,
    buf_len: __wasi_size_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::path_readlink(fd, path.cast(), strlen(path), buf, buf_len, retptr0) }
}

/// [`path_remove_directory`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Removes an empty directory.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_remove_directory(
    fd: __wasi_fd_t,
    path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::path_remove_directory(fd, path.cast(), strlen(path)) }
}

/// [`path_rename`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Renames a file or directory.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_rename(
    fd: __wasi_fd_t,
    old_path: *const c_char,
    new_fd: __wasi_fd_t,
    new_path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::path_rename(
            fd,
            old_path.cast(),
            strlen(old_path),
            new_fd,
            new_path.cast(),
            strlen(new_path),
        )
    }
}

/// [`path_symlink`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Creates a symbolic link.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_symlink(
    old_path: *const c_char,
    fd: __wasi_fd_t,
    new_path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::path_symlink(
            old_path.cast(),
            strlen(old_path),
            fd,
            new_path.cast(),
            strlen(new_path),
        )
    }
}

/// [`path_unlink_file`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Removes a file.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_path_unlink_file(
    fd: __wasi_fd_t,
    path: *const c_char,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::path_unlink_file(fd, path.cast(), strlen(path)) }
}

/// [`poll_oneoff`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Waits for events.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_poll_oneoff(
    in_: *const __wasi_subscription_t,
    out: *mut __wasi_event_t,
    nsubscriptions: __wasi_size_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::poll_oneoff(in_.cast(), out.cast(), nsubscriptions, retptr0) }
}

/// [`random_get`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Fills a buffer with random bytes.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_random_get(buf: *mut u8, buf_len: __wasi_size_t) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::random_get(buf, buf_len) }
}

/// [`sched_yield`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Yields the CPU.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_sched_yield() -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::sched_yield() }
}

/// [`sock_accept`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Accepts a connection on a listening socket.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_sock_accept(
    fd: __wasi_fd_t,
    flags: __wasi_fdflags_t,
    retptr0: *mut __wasi_fd_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::sock_accept(fd, flags as i32, retptr0) }
}

/// [`sock_recv`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Receives from a socket.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_sock_recv(
    fd: __wasi_fd_t,
    ri_data: *const __wasi_iovec_t,
    ri_data_len: usize,
    ri_flags: __wasi_riflags_t,
    retptr0: *mut __wasi_size_t,
    retptr1: *mut __wasi_roflags_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe {
        raw::sock_recv(
            fd,
            ri_data.cast(),
            ri_data_len,
            ri_flags as i32,
            retptr0,
            retptr1,
        )
    }
}

/// [`sock_send`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Sends on a socket.
///
/// # Safety
/// Pointers valid as the preview1 ABI requires; paths NUL-terminated.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_sock_send(
    fd: __wasi_fd_t,
    si_data: *const __wasi_ciovec_t,
    si_data_len: usize,
    si_flags: __wasi_siflags_t,
    retptr0: *mut __wasi_size_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::sock_send(fd, si_data.cast(), si_data_len, si_flags as i32, retptr0) }
}

/// [`sock_shutdown`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md): Shuts a socket down.
///
/// # Safety
/// Any arguments.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasi_sock_shutdown(
    fd: __wasi_fd_t,
    how: __wasi_sdflags_t,
) -> __wasi_errno_t {
    // SAFETY: caller contract.
    unsafe { raw::sock_shutdown(fd, how as i32) }
}

/// [`proc_exit`](https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md):
/// ends the program at once (no `atexit` handlers, no stdio flush).
#[unsafe(no_mangle)]
pub extern "C" fn __wasi_proc_exit(rval: __wasi_exitcode_t) -> ! {
    raw::proc_exit(rval)
}
