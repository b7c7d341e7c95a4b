//! The indirection that keeps `wasi:sockets` out of programs that never
//! call `socket`: `read`, `write`, `close` and `poll` reach sockets only
//! through [`Hooks`].

use super::poll::{Kind, poll_add, poll_ready};
use super::table::{FREE, fast_rx_of, load, release, store};
use super::tcp::recv_fast;
use super::{recv_sock, send_sock};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::types::IoSlice;

/// `poll_add`'s type: (socket, events, revents, add pollable).
pub(super) type PollAdd = fn(u16, i16, &mut i16, &mut dyn FnMut(i32, i16, Kind));

/// The socket operations the rest of the backend (`read`, `write`,
/// `close`, `poll`) reaches only through this table, which `socket` fills
/// in. A socket entry can only exist once `socket` ran, and a program that
/// never calls it links none of the `wasi:sockets` imports: its component
/// does not import `wasi:sockets/*` at all. The accesses are volatile so
/// that LTO cannot see the table's only value and call it directly (which
/// would pull everything back in).
#[derive(Copy, Clone)]
pub(super) struct Hooks {
    pub(super) read: fn(u16, &mut [u8]) -> Result<usize>,
    pub(super) write: fn(u16, &[u8]) -> Result<usize>,
    pub(super) close: fn(u16),
    pub(super) poll_add: PollAdd,
    pub(super) poll_ready: fn(Kind, i16) -> i16,
}

static HOOKS: Single<Option<Hooks>> = Single::new(None);

pub(super) fn hooks() -> Option<Hooks> {
    // SAFETY: single-threaded (see `Single`); a valid, initialised static.
    unsafe { core::ptr::read_volatile(HOOKS.get()) }
}

pub(super) fn set_hooks() {
    let h = Hooks {
        read: sock_read,
        write: sock_write,
        close: sock_close,
        poll_add,
        poll_ready,
    };
    // SAFETY: as in `hooks`.
    unsafe { core::ptr::write_volatile(HOOKS.get(), Some(h)) }
}

/// `close` of a socket descriptor (the fd entry is already free).
pub(in super::super) fn close(i: u16) {
    if let Some(h) = hooks() {
        (h.close)(i)
    }
}

/// `read` on a socket.
pub(in super::super) fn read(i: u16, buf: &mut [u8]) -> Result<usize> {
    hooks().ok_or(Errno::EBADF).and_then(|h| (h.read)(i, buf))
}

/// `write` on a socket.
pub(in super::super) fn write(i: u16, buf: &[u8]) -> Result<usize> {
    hooks().ok_or(Errno::EBADF).and_then(|h| (h.write)(i, buf))
}

fn sock_close(i: u16) {
    let s = load(i);
    store(i, FREE);
    release(&s);
}

fn sock_read(i: u16, buf: &mut [u8]) -> Result<usize> {
    let rx = fast_rx_of(i);
    if rx != 0 && !buf.is_empty() {
        // SAFETY: the caller's buffer, valid for its length.
        return unsafe { recv_fast(rx, buf.as_mut_ptr(), buf.len()) };
    }
    let bufs = [IoSlice {
        base: buf.as_mut_ptr(),
        len: buf.len(),
    }];
    recv_sock(i, load(i), &bufs, RecvFlags::default()).map(|r| r.len)
}

fn sock_write(i: u16, buf: &[u8]) -> Result<usize> {
    let bufs = [IoSlice {
        base: buf.as_ptr() as *mut u8,
        len: buf.len(),
    }];
    send_sock(i, load(i), &bufs, None, false)
}
