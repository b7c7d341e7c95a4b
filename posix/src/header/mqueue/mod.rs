//! `mqueue.h`: POSIX message queues.
//!
//! WASI has no message queues (no IPC between instances): every function
//! fails with `ENOSYS`. The types are laid out as wasi-libc's.

use crate::header::time::timespec;
use crate::platform::{c_char, c_int, c_long, c_uint, size_t, ssize_t};
use libc_core::{Errno, OrMinusOneErrno};

/// A message queue descriptor.
pub type mqd_t = c_int;

/// The attributes of a queue.
#[repr(C)]
pub struct mq_attr {
    pub mq_flags: c_long,
    pub mq_maxmsg: c_long,
    pub mq_msgsize: c_long,
    pub mq_curmsgs: c_long,
    pub __unused: [c_long; 4],
}

fn enosys() -> c_int {
    Err::<c_int, Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [mq_open](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_open.html)
/// (variadic in C: `mode` and `attr` follow when `O_CREAT` is set): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_open(_name: *const c_char, _oflag: c_int, _va: *const u8) -> mqd_t {
    enosys()
}

/// [mq_close](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_close.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_close(_mq: mqd_t) -> c_int {
    enosys()
}

/// [mq_unlink](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_unlink.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_unlink(_name: *const c_char) -> c_int {
    enosys()
}

/// [mq_send](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_send.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_send(_mq: mqd_t, _msg: *const c_char, _len: size_t, _prio: c_uint) -> c_int {
    enosys()
}

/// [mq_timedsend](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_timedsend.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_timedsend(
    _mq: mqd_t,
    _msg: *const c_char,
    _len: size_t,
    _prio: c_uint,
    _abstime: *const timespec,
) -> c_int {
    enosys()
}

/// [mq_receive](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_receive.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_receive(
    _mq: mqd_t,
    _msg: *mut c_char,
    _len: size_t,
    _prio: *mut c_uint,
) -> ssize_t {
    enosys() as ssize_t
}

/// [mq_timedreceive](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_timedreceive.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_timedreceive(
    _mq: mqd_t,
    _msg: *mut c_char,
    _len: size_t,
    _prio: *mut c_uint,
    _abstime: *const timespec,
) -> ssize_t {
    enosys() as ssize_t
}

/// [mq_getattr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_getattr.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_getattr(_mq: mqd_t, _attr: *mut mq_attr) -> c_int {
    enosys()
}

/// [mq_setattr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_setattr.html): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_setattr(_mq: mqd_t, _new: *const mq_attr, _old: *mut mq_attr) -> c_int {
    enosys()
}

/// [mq_notify](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mq_notify.html)
/// (`struct sigevent *` in C): `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn mq_notify(_mq: mqd_t, _sevp: *const core::ffi::c_void) -> c_int {
    enosys()
}
