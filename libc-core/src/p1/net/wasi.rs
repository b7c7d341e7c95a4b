//! The preview1 socket imports: the standard `sock_*` calls and WAMR's
//! extension, in module `wasi_snapshot_preview1`.

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    // Standard preview1.
    pub fn sock_accept(fd: i32, flags: i32, new_fd: *mut i32) -> u16;
    pub fn sock_recv(
        fd: i32,
        iovs: *const super::Iovec,
        iovs_len: usize,
        ri_flags: i32,
        ro_datalen: *mut usize,
        ro_flags: *mut u16,
    ) -> u16;
    pub fn sock_send(
        fd: i32,
        iovs: *const super::Ciovec,
        iovs_len: usize,
        si_flags: i32,
        so_datalen: *mut usize,
    ) -> u16;
    pub fn sock_shutdown(fd: i32, how: i32) -> u16;
    pub fn fd_fdstat_set_flags(fd: i32, flags: i32) -> u16;

    // WAMR's extension (`wasi_socket_ext.h`).
    pub fn sock_open(poolfd: i32, af: i32, socktype: i32, fd: *mut i32) -> u16;
    pub fn sock_bind(fd: i32, addr: *const super::WasiAddr) -> u16;
    pub fn sock_connect(fd: i32, addr: *const super::WasiAddr) -> u16;
    pub fn sock_listen(fd: i32, backlog: i32) -> u16;
    pub fn sock_recv_from(
        fd: i32,
        iovs: *const super::Iovec,
        iovs_len: usize,
        ri_flags: i32,
        src: *mut super::WasiAddr,
        ro_datalen: *mut usize,
    ) -> u16;
    pub fn sock_send_to(
        fd: i32,
        iovs: *const super::Ciovec,
        iovs_len: usize,
        si_flags: i32,
        dst: *const super::WasiAddr,
        so_datalen: *mut usize,
    ) -> u16;
    pub fn sock_addr_local(fd: i32, addr: *mut super::WasiAddr) -> u16;
    pub fn sock_addr_remote(fd: i32, addr: *mut super::WasiAddr) -> u16;
    pub fn sock_addr_resolve(
        host: *const u8,
        service: *const u8,
        hints: *const super::AddrInfoHints,
        info: *mut super::AddrInfo,
        info_len: usize,
        max_len: *mut usize,
    ) -> u16;
    pub fn sock_get_reuse_addr(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_reuse_addr(fd: i32, v: i32) -> u16;
    pub fn sock_get_keep_alive(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_keep_alive(fd: i32, v: i32) -> u16;
    pub fn sock_get_recv_buf_size(fd: i32, v: *mut usize) -> u16;
    pub fn sock_set_recv_buf_size(fd: i32, v: usize) -> u16;
    pub fn sock_get_send_buf_size(fd: i32, v: *mut usize) -> u16;
    pub fn sock_set_send_buf_size(fd: i32, v: usize) -> u16;
    pub fn sock_get_recv_timeout(fd: i32, us: *mut u64) -> u16;
    pub fn sock_set_recv_timeout(fd: i32, us: u64) -> u16;
    pub fn sock_get_send_timeout(fd: i32, us: *mut u64) -> u16;
    pub fn sock_set_send_timeout(fd: i32, us: u64) -> u16;
    pub fn sock_get_linger(fd: i32, on: *mut u8, secs: *mut i32) -> u16;
    pub fn sock_set_linger(fd: i32, on: i32, secs: i32) -> u16;
    pub fn sock_get_broadcast(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_broadcast(fd: i32, v: i32) -> u16;
    pub fn sock_get_tcp_no_delay(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_tcp_no_delay(fd: i32, v: i32) -> u16;
    pub fn sock_get_tcp_keep_idle(fd: i32, secs: *mut u32) -> u16;
    pub fn sock_set_tcp_keep_idle(fd: i32, secs: u32) -> u16;
    pub fn sock_get_tcp_keep_intvl(fd: i32, secs: *mut u32) -> u16;
    pub fn sock_set_tcp_keep_intvl(fd: i32, secs: u32) -> u16;
    pub fn sock_get_ip_ttl(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_ip_ttl(fd: i32, v: i32) -> u16;
    pub fn sock_get_ipv6_only(fd: i32, v: *mut u8) -> u16;
    pub fn sock_set_ipv6_only(fd: i32, v: i32) -> u16;
}
