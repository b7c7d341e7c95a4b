//! `wasi:sockets/network.error-code` and `stream-error` to errno.

use super::super::Ret;
use super::wasi;
use crate::errno::Errno;

/// Maps `wasi:sockets/network.error-code` (by its position) to errno.
/// Operations refine a few codes where POSIX is more specific.
pub(crate) fn error_code(code: u8) -> Errno {
    const MAP: [Errno; 21] = [
        Errno::EIO,           // unknown
        Errno::EACCES,        // access-denied
        Errno::EOPNOTSUPP,    // not-supported
        Errno::EINVAL,        // invalid-argument
        Errno::ENOMEM,        // out-of-memory
        Errno::ETIMEDOUT,     // timeout
        Errno::EALREADY,      // concurrency-conflict
        Errno::EINVAL,        // not-in-progress
        Errno::EAGAIN,        // would-block
        Errno::EINVAL,        // invalid-state
        Errno::EMFILE,        // new-socket-limit
        Errno::EADDRNOTAVAIL, // address-not-bindable
        Errno::EADDRINUSE,    // address-in-use
        Errno::EHOSTUNREACH,  // remote-unreachable
        Errno::ECONNREFUSED,  // connection-refused
        Errno::ECONNRESET,    // connection-reset
        Errno::ECONNABORTED,  // connection-aborted
        Errno::EMSGSIZE,      // datagram-too-large
        Errno::ENOENT,        // name-unresolvable (EAI_NONAME)
        Errno::EAGAIN,        // temporary-resolver-failure (EAI_AGAIN)
        Errno::EIO,           // permanent-resolver-failure (EAI_FAIL)
    ];
    MAP.get(code as usize).copied().unwrap_or(Errno::EIO)
}

pub(super) const WOULD_BLOCK: u8 = 8;
pub(super) const INVALID_STATE: u8 = 9;

/// `result<_, error-code>` in `ret`: `Ok`, or the raw code.
pub(super) fn unit_result<const N: usize>(ret: &Ret<N>) -> core::result::Result<(), u8> {
    if ret.u8(0) == 0 {
        Ok(())
    } else {
        Err(ret.u8(1))
    }
}

/// Drops the `error` of a `stream-error` at `ret[off..]` if there is one;
/// `closed` is `EPIPE`, a failure `ECONNRESET` (the only failures a
/// connection's streams report).
pub(super) fn drop_stream_error<const N: usize>(ret: &Ret<N>, off: usize) -> Errno {
    if ret.u8(0) == 0 {
        return Errno::SUCCESS;
    }
    if ret.u8(off) == 0 {
        // SAFETY: an error handle the host just gave us.
        unsafe { wasi::streams::drop_error(ret.u32(off + 4) as i32) };
        Errno::ECONNRESET
    } else {
        Errno::EPIPE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_maps_to_an_errno() {
        for c in 0..21u8 {
            let e = error_code(c);
            assert_ne!(e, Errno::SUCCESS, "code {c}");
            assert!(e.name().is_some(), "code {c}");
        }
        assert_eq!(error_code(14), Errno::ECONNREFUSED);
        assert_eq!(error_code(12), Errno::EADDRINUSE);
        assert_eq!(error_code(WOULD_BLOCK), Errno::EAGAIN);
        assert_eq!(error_code(200), Errno::EIO);
    }
}
