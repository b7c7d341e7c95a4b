//! The thread API of [`crate::thread`] on flavours without threads: one
//! thread, so creating another fails cleanly with `EAGAIN` (as
//! `pthread_create` does there) and no handle is ever valid.

use core::ffi::c_void;

use crate::errno::Errno;

/// A thread's start function, as `pthread_create` takes it.
pub type Start = unsafe extern "C" fn(*mut c_void) -> *mut c_void;

/// Never constructed: no thread but the main one exists.
pub enum Thread {}

/// Default stack size of a new thread (unused here).
pub const DEFAULT_STACK: usize = 128 * 1024;

/// The calling thread's descriptor: null, the main thread.
#[inline(always)]
pub fn current_or_null() -> *mut Thread {
    core::ptr::null_mut()
}

/// The calling thread's id: 1, the main thread.
#[inline(always)]
pub fn current_id() -> i32 {
    1
}

/// `EAGAIN`: this flavour cannot start threads.
pub fn spawn(
    _start: Start,
    _arg: *mut c_void,
    _stack: usize,
    _detached: bool,
) -> Result<*mut Thread, Errno> {
    Err(Errno::EAGAIN)
}

/// `ESRCH`: no handle is valid.
pub fn join(_t: *mut Thread) -> Result<*mut c_void, Errno> {
    Err(Errno::ESRCH)
}

/// `ESRCH`: no handle is valid.
pub fn detach(_t: *mut Thread) -> Result<(), Errno> {
    Err(Errno::ESRCH)
}
