//! `netinet/tcp.h`: TCP-level socket options (`IPPROTO_TCP`).

use crate::platform::c_int;

/// Accepted and remembered; WASI 0.2.0 has no such option (p2), WAMR's
/// `sock_set_tcp_no_delay` sets it (p1).
pub const TCP_NODELAY: c_int = 1;
pub const TCP_MAXSEG: c_int = 2;
/// Idle seconds before keep-alive probes.
pub const TCP_KEEPIDLE: c_int = 4;
/// Seconds between keep-alive probes.
pub const TCP_KEEPINTVL: c_int = 5;
/// Probes before the connection is dropped.
pub const TCP_KEEPCNT: c_int = 6;
