//! What this program knows about the sockets it created (family,
//! listening), for the checks WAMR's extension cannot answer.

use super::*;
use crate::shared::Shared;

/// What this program knows about the sockets it created: bits 0-1 the
/// family (1 IPv4, 2 IPv6; for `EAFNOSUPPORT` before the host is asked),
/// bit 2 listening (`SO_ACCEPTCONN`, which WAMR cannot report); 0 =
/// unknown (pre-opened or not a socket). Cleared by `socket` on reuse.
pub(super) const KNOWN_FDS: usize = 256;
/// Shared by all threads (a descriptor belongs to the process); a byte per
/// descriptor, written by the thread that creates the socket.
pub(super) static FAMILY: Shared<[u8; KNOWN_FDS]> = Shared::new([0; KNOWN_FDS]);

pub(super) fn remember(fd: i32, f: Family) {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.as_ptr())[fd as usize] = 1 + (f == Family::Inet6) as u8 };
    }
}

pub(super) const LISTENING: u8 = 4;

pub(super) fn mark_listening(fd: i32) {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.as_ptr())[fd as usize] |= LISTENING };
    }
}

pub(super) fn known(fd: i32) -> u8 {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.as_ptr())[fd as usize] }
    } else {
        0
    }
}

pub(super) fn check_family(fd: i32, a: &SockAddr) -> Result<()> {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        let k = unsafe { (*FAMILY.as_ptr())[fd as usize] } & 3;
        if k != 0 && k != 1 + (a.family() == Family::Inet6) as u8 {
            return Err(Errno::EAFNOSUPPORT);
        }
    }
    Ok(())
}

/// `fd` is a socket (the check a call that never reaches the host needs).
pub(super) fn is_socket(fd: i32) -> Result<SockType> {
    kind(fd)
}
