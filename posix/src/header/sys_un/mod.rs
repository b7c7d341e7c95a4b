//! `sys/un.h`: `struct sockaddr_un` (header only). WASI has no Unix-domain
//! sockets (`socket(AF_UNIX, ...)` fails), but programs name the type; it
//! has musl's `sun_path` (wasi-libc's placeholder has only `sun_family`).

use crate::header::sys_socket::sa_family_t;
use crate::platform::c_char;

/// A Unix-domain socket address.
#[repr(C)]
pub struct sockaddr_un {
    pub sun_family: sa_family_t,
    pub sun_path: [c_char; 108],
}
