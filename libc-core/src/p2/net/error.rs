//! `wasi:sockets/network.error-code` and `stream-error` to errno.

use super::super::Ret;
use super::super::abi;
use crate::errno::Errno;

use super::super::abi::io_streams::stream_error;
use super::super::abi::sockets_network::error_code as ec;
use super::super::abi::sockets_tcp::ret as tr;
use super::super::abi::sockets_udp::ret as ur;

/// Maps `wasi:sockets/network.error-code` to errno. Operations refine a few
/// codes where POSIX is more specific.
pub(super) fn error_code(code: u8) -> Errno {
    match code {
        ec::UNKNOWN => Errno::EIO,
        ec::ACCESS_DENIED => Errno::EACCES,
        ec::NOT_SUPPORTED => Errno::EOPNOTSUPP,
        ec::INVALID_ARGUMENT => Errno::EINVAL,
        ec::OUT_OF_MEMORY => Errno::ENOMEM,
        ec::TIMEOUT => Errno::ETIMEDOUT,
        ec::CONCURRENCY_CONFLICT => Errno::EALREADY,
        ec::NOT_IN_PROGRESS => Errno::EINVAL,
        ec::WOULD_BLOCK => Errno::EAGAIN,
        ec::INVALID_STATE => Errno::EINVAL,
        ec::NEW_SOCKET_LIMIT => Errno::EMFILE,
        ec::ADDRESS_NOT_BINDABLE => Errno::EADDRNOTAVAIL,
        ec::ADDRESS_IN_USE => Errno::EADDRINUSE,
        ec::REMOTE_UNREACHABLE => Errno::EHOSTUNREACH,
        ec::CONNECTION_REFUSED => Errno::ECONNREFUSED,
        ec::CONNECTION_RESET => Errno::ECONNRESET,
        ec::CONNECTION_ABORTED => Errno::ECONNABORTED,
        ec::DATAGRAM_TOO_LARGE => Errno::EMSGSIZE,
        ec::NAME_UNRESOLVABLE => Errno::ENOENT, // EAI_NONAME
        ec::TEMPORARY_RESOLVER_FAILURE => Errno::EAGAIN, // EAI_AGAIN
        ec::PERMANENT_RESOLVER_FAILURE => Errno::EIO, // EAI_FAIL
        _ => Errno::EIO,
    }
}

pub(super) const WOULD_BLOCK: u8 = ec::WOULD_BLOCK;
pub(super) const INVALID_STATE: u8 = ec::INVALID_STATE;

/// The return area of every `result<_, error-code>` import used here.
pub(super) type UnitRet = Ret<{ tr::tcp_socket_finish_bind::BYTES }>;

/// The functions read through [`UnitRet`] and [`unit_result`] share its
/// layout (checked against the WIT at compile time).
macro_rules! unit_layout {
    ($($m:ident :: $f:ident),*) => {
        const _: () = {
            $(assert!(
                $m::$f::BYTES == tr::tcp_socket_finish_bind::BYTES
                    && $m::$f::ERR == tr::tcp_socket_finish_bind::ERR
            );)*
        };
    };
}
unit_layout!(
    tr::tcp_socket_start_bind,
    tr::tcp_socket_start_connect,
    tr::tcp_socket_start_listen,
    tr::tcp_socket_finish_listen,
    tr::tcp_socket_set_listen_backlog_size,
    tr::tcp_socket_set_keep_alive_enabled,
    tr::tcp_socket_set_keep_alive_idle_time,
    tr::tcp_socket_set_keep_alive_interval,
    tr::tcp_socket_set_keep_alive_count,
    tr::tcp_socket_set_hop_limit,
    tr::tcp_socket_set_receive_buffer_size,
    tr::tcp_socket_set_send_buffer_size,
    tr::tcp_socket_shutdown,
    ur::udp_socket_start_bind,
    ur::udp_socket_finish_bind,
    ur::udp_socket_set_unicast_hop_limit,
    ur::udp_socket_set_receive_buffer_size,
    ur::udp_socket_set_send_buffer_size
);

/// The `error-code` of a failed result in an armed return area (`Ret::arm`,
/// rule 8 of `slot`), at `err`; `unknown` (which maps to `EIO`) when the
/// host wrote no result record. Every return area of this module is armed
/// before its import call, and every error path reads its code through
/// this: a tag still `0xFF` is neither `ok` (0) nor trusted as `err`.
pub(super) fn code_at<const N: usize>(ret: &Ret<N>, err: usize) -> u8 {
    if ret.unwritten() {
        ec::UNKNOWN
    } else {
        ret.u8(err)
    }
}

/// `result<_, error-code>` in `ret`: `Ok`, or the raw code (`unknown` if
/// the host wrote no record).
pub(super) fn unit_result(ret: &UnitRet) -> core::result::Result<(), u8> {
    if ret.u8(0) == 0 {
        Ok(())
    } else {
        Err(code_at(ret, tr::tcp_socket_finish_bind::ERR))
    }
}

/// Drops the `error` of a `stream-error` at `ret[err..]` (the `ERR` offset
/// of the function's return area) if there is one; `closed` is `EPIPE`, a
/// failure `ECONNRESET` (the only failures a connection's streams report).
pub(super) fn drop_stream_error<const N: usize>(ret: &Ret<N>, err: usize) -> Errno {
    if ret.u8(0) == 0 {
        return Errno::SUCCESS;
    }
    if ret.unwritten() {
        // No result record: no error handle to drop (rule 8 of `slot`).
        return Errno::EIO;
    }
    if ret.u8(err) == stream_error::LAST_OPERATION_FAILED {
        // SAFETY: an error handle the host just gave us.
        unsafe { abi::io_error::error_drop(ret.u32(err + stream_error::PAYLOAD) as i32) };
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
        for c in ec::UNKNOWN..=ec::PERMANENT_RESOLVER_FAILURE {
            let e = error_code(c);
            assert_ne!(e, Errno::SUCCESS, "code {c}");
            assert!(e.name().is_some(), "code {c}");
        }
        assert_eq!(error_code(ec::CONNECTION_REFUSED), Errno::ECONNREFUSED);
        assert_eq!(error_code(ec::ADDRESS_IN_USE), Errno::EADDRINUSE);
        assert_eq!(error_code(WOULD_BLOCK), Errno::EAGAIN);
        assert_eq!(error_code(200), Errno::EIO);
    }

    /// Bug 5 (issue 12) for sockets: an armed area the host did not write
    /// decodes as `EIO` (a zeroed one read as success, or as error code 0),
    /// and no `error` handle is dropped for it.
    #[test]
    fn an_unwritten_record_is_eio() {
        let mut ret = UnitRet::new();
        ret.arm();
        assert_eq!(unit_result(&ret), Err(ec::UNKNOWN));
        assert_eq!(error_code(ec::UNKNOWN), Errno::EIO);
        assert_eq!(code_at(&ret, tr::tcp_socket_finish_bind::ERR), ec::UNKNOWN);
        let mut ret =
            Ret::<{ super::super::super::abi::io_streams::ret::output_stream_write::BYTES }>::new();
        ret.arm();
        assert_eq!(drop_stream_error(&ret, 4), Errno::EIO);
        // A written record still decodes.
        let mut ret = UnitRet::new();
        ret.arm();
        ret.0[0] = 1;
        ret.0[tr::tcp_socket_finish_bind::ERR] = ec::WOULD_BLOCK;
        assert_eq!(unit_result(&ret), Err(ec::WOULD_BLOCK));
        ret.0[0] = 0;
        assert_eq!(unit_result(&ret), Ok(()));
    }
}
