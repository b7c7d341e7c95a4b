//! WAMR's address structures (`__wasi_addr_t` and its companions) and
//! their conversion from and to [`SockAddr`].

use super::*;

/// WAMR's `__wasi_addr_t` (24 bytes): [0] kind u32 (0 = IPv4, 1 = IPv6);
/// IPv4: [4..8] n0..n3, [8] port u16; IPv6: [4..20] eight u16 groups,
/// [20] port u16. Ports and groups in host (little-endian) order.
#[repr(C, align(4))]
#[derive(Copy, Clone)]
pub struct WasiAddr(pub(super) [u8; 24]);

/// WAMR's `__wasi_addr_info_t`: an address and a socket type (u32).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct AddrInfo {
    pub(super) addr: WasiAddr,
    pub(super) ty: u32,
}

/// WAMR's `__wasi_addr_info_hints_t`.
#[repr(C)]
pub struct AddrInfoHints {
    pub(super) ty: i32,
    pub(super) family: i32,
    pub(super) enabled: u8,
}

const _: () = assert!(core::mem::size_of::<WasiAddr>() == 24);
const _: () = assert!(core::mem::size_of::<AddrInfo>() == 28);
const _: () = assert!(core::mem::size_of::<AddrInfoHints>() == 12);

impl WasiAddr {
    pub(super) fn from(a: &SockAddr) -> WasiAddr {
        let mut b = [0u8; 24];
        match *a {
            SockAddr::V4 { addr, port } => {
                b[4..8].copy_from_slice(&addr);
                b[8..10].copy_from_slice(&port.to_le_bytes());
            }
            SockAddr::V6 { addr, port, .. } => {
                b[0] = 1;
                for (k, g) in addr.iter().enumerate() {
                    b[4 + 2 * k..6 + 2 * k].copy_from_slice(&g.to_le_bytes());
                }
                b[20..22].copy_from_slice(&port.to_le_bytes());
            }
        }
        WasiAddr(b)
    }

    pub(super) fn to_sockaddr(self) -> SockAddr {
        let b = &self.0;
        let u16_at = |o: usize| u16::from_le_bytes([b[o], b[o + 1]]);
        if b[0] == 0 {
            SockAddr::V4 {
                addr: [b[4], b[5], b[6], b[7]],
                port: u16_at(8),
            }
        } else {
            let mut g = [0u16; 8];
            for (k, v) in g.iter_mut().enumerate() {
                *v = u16_at(4 + 2 * k);
            }
            SockAddr::V6 {
                addr: g,
                port: u16_at(20),
                flow_info: 0,
                scope_id: 0,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn wamr_address_layout() {
        let a = SockAddr::V4 {
            addr: [127, 0, 0, 1],
            port: 0x1234,
        };
        let w = WasiAddr::from(&a);
        assert_eq!(&w.0[..10], &[0, 0, 0, 0, 127, 0, 0, 1, 0x34, 0x12]);
        assert_eq!(w.to_sockaddr(), a);
        let b = SockAddr::V6 {
            addr: [0xfe80, 0, 0, 0, 0x3ba2, 0x893b, 0x4be0, 0xe3dd],
            port: 80,
            flow_info: 0,
            scope_id: 0,
        };
        let w = WasiAddr::from(&b);
        assert_eq!(w.0[0], 1);
        assert_eq!(&w.0[4..6], &[0x80, 0xfe]);
        assert_eq!(&w.0[20..22], &[80, 0]);
        assert_eq!(w.to_sockaddr(), b);
    }
}
