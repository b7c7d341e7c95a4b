//! `arpa/inet.h`: address text conversions (`htonl` & co. are in
//! `netinet/in.h`, which this header includes).

use crate::header::netinet_in::{in_addr, in_addr_t};
use crate::header::sys_socket::{AF_INET, AF_INET6, socklen_t};
use crate::platform::{c_char, c_int, c_void};
use libc_core::single::Single;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

mod classful;
pub use classful::*;

/// Parses strict dotted-decimal IPv4 (`inet_pton`'s form).
pub fn parse_v4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&c| c == b'.');
    for o in out.iter_mut() {
        let p = parts.next()?;
        if p.is_empty()
            || p.len() > 3
            || (p.len() > 1 && p[0] == b'0')
            || !p.iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        let v = p.iter().fold(0u32, |a, &c| a * 10 + (c - b'0') as u32);
        *o = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Parses IPv6 text (with `::` and an optional trailing dotted IPv4).
pub fn parse_v6(s: &[u8]) -> Option<[u16; 8]> {
    let (head, tail): (&[u8], Option<&[u8]>) = match s.windows(2).position(|w| w == b"::") {
        Some(i) => (&s[..i], Some(&s[i + 2..])),
        None => (s, None),
    };
    fn groups(part: &[u8], out: &mut [u16; 10], n: &mut usize, allow_v4: bool) -> Option<()> {
        if part.is_empty() {
            return Some(());
        }
        let fields: heapless_split::Split<'_> = heapless_split::Split::new(part);
        let count = fields.clone().count();
        for (k, f) in fields.enumerate() {
            if allow_v4 && k + 1 == count && f.contains(&b'.') {
                let v4 = parse_v4(f)?;
                if *n + 2 > 8 {
                    return None;
                }
                out[*n] = u16::from_be_bytes([v4[0], v4[1]]);
                out[*n + 1] = u16::from_be_bytes([v4[2], v4[3]]);
                *n += 2;
                continue;
            }
            if f.is_empty() || f.len() > 4 || *n >= 8 {
                return None;
            }
            let mut v = 0u16;
            for &c in f {
                v = v * 16 + (c as char).to_digit(16)? as u16;
            }
            out[*n] = v;
            *n += 1;
        }
        Some(())
    }
    let mut a = [0u16; 10];
    let mut na = 0;
    groups(head, &mut a, &mut na, tail.is_none())?;
    let mut out = [0u16; 8];
    match tail {
        None => {
            if na != 8 {
                return None;
            }
            out.copy_from_slice(&a[..8]);
        }
        Some(t) => {
            if t.windows(2).any(|w| w == b"::") {
                return None;
            }
            let mut b = [0u16; 10];
            let mut nb = 0;
            groups(t, &mut b, &mut nb, true)?;
            if na + nb > 7 {
                return None;
            }
            out[..na].copy_from_slice(&a[..na]);
            out[8 - nb..].copy_from_slice(&b[..nb]);
        }
    }
    Some(out)
}

/// Splitting on `:` without allocation (cloneable, for counting).
mod heapless_split {
    #[derive(Clone)]
    pub struct Split<'a> {
        rest: Option<&'a [u8]>,
    }
    impl<'a> Split<'a> {
        pub fn new(s: &'a [u8]) -> Self {
            Split { rest: Some(s) }
        }
    }
    impl<'a> Iterator for Split<'a> {
        type Item = &'a [u8];
        fn next(&mut self) -> Option<&'a [u8]> {
            let s = self.rest?;
            match s.iter().position(|&c| c == b':') {
                Some(i) => {
                    self.rest = Some(&s[i + 1..]);
                    Some(&s[..i])
                }
                None => {
                    self.rest = None;
                    Some(s)
                }
            }
        }
    }
}

/// A small text buffer.
pub struct Text {
    pub buf: [u8; 48],
    pub len: usize,
}

impl Text {
    fn new() -> Self {
        Text {
            buf: [0; 48],
            len: 0,
        }
    }
    fn push(&mut self, c: u8) {
        self.buf[self.len] = c;
        self.len += 1;
    }
    fn dec(&mut self, v: u32) {
        if v >= 10 {
            self.dec(v / 10);
        }
        self.push(b'0' + (v % 10) as u8);
    }
    fn hex(&mut self, v: u16) {
        let mut started = false;
        for sh in [12, 8, 4, 0] {
            let d = (v >> sh) & 0xf;
            if d != 0 || started || sh == 0 {
                started = true;
                self.push(b"0123456789abcdef"[d as usize]);
            }
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

pub fn fmt_v4(a: [u8; 4]) -> Text {
    let mut t = Text::new();
    for (k, o) in a.iter().enumerate() {
        if k > 0 {
            t.push(b'.');
        }
        t.dec(*o as u32);
    }
    t
}

/// RFC 5952 text: lowercase, the longest run (>= 2) of zero groups as `::`,
/// IPv4-mapped addresses as `::ffff:a.b.c.d`.
pub fn fmt_v6(g: [u16; 8]) -> Text {
    let mut t = Text::new();
    if g[..5] == [0; 5] && g[5] == 0xffff {
        for &c in b"::ffff:" {
            t.push(c);
        }
        let v = fmt_v4([(g[6] >> 8) as u8, g[6] as u8, (g[7] >> 8) as u8, g[7] as u8]);
        for &c in v.as_bytes() {
            t.push(c);
        }
        return t;
    }
    let (mut best, mut best_len) = (8, 0);
    let mut k = 0;
    while k < 8 {
        if g[k] == 0 {
            let start = k;
            while k < 8 && g[k] == 0 {
                k += 1;
            }
            if k - start > best_len && k - start >= 2 {
                best = start;
                best_len = k - start;
            }
        } else {
            k += 1;
        }
    }
    let mut k = 0;
    while k < 8 {
        if k == best {
            t.push(b':');
            if k == 0 {
                t.push(b':');
            }
            k += best_len;
            continue;
        }
        t.hex(g[k]);
        if k < 7 {
            t.push(b':');
        }
        k += 1;
    }
    t
}

/// Reads a NUL-terminated C string.
///
/// # Safety
/// `s` must be a valid NUL-terminated string.
unsafe fn cstr<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes()
}

/// [inet_pton](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_pton.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for 4 (`AF_INET`) or 16 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int {
    // The family first: an unknown one fails without touching the pointers.
    if af != AF_INET && af != AF_INET6 {
        return Err::<i32, _>(Errno::EAFNOSUPPORT).or_minus_one_errno();
    }
    if src.is_null() || dst.is_null() {
        return Err::<i32, _>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let s = unsafe { cstr(src) };
    match af {
        AF_INET => match parse_v4(s) {
            // SAFETY: dst has 4 bytes (caller contract).
            Some(a) => unsafe { core::ptr::copy_nonoverlapping(a.as_ptr(), dst as *mut u8, 4) },
            None => return 0,
        },
        AF_INET6 => match parse_v6(s) {
            Some(g) => {
                let mut b = [0u8; 16];
                for (k, v) in g.iter().enumerate() {
                    b[2 * k..2 * k + 2].copy_from_slice(&v.to_be_bytes());
                }
                // SAFETY: dst has 16 bytes (caller contract).
                unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), dst as *mut u8, 16) }
            }
            None => return 0,
        },
        _ => return Err::<i32, _>(Errno::EAFNOSUPPORT).or_minus_one_errno(),
    }
    1
}

/// [inet_ntop](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_ntop.html)
///
/// # Safety
/// `src` valid for 4 or 16 bytes; `dst` valid for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_ntop(
    af: c_int,
    src: *const c_void,
    dst: *mut c_char,
    size: socklen_t,
) -> *const c_char {
    let r = (|| {
        if af != AF_INET && af != AF_INET6 {
            return Err(Errno::EAFNOSUPPORT);
        }
        if src.is_null() || dst.is_null() {
            return Err(Errno::EFAULT);
        }
        let t = match af {
            // SAFETY: caller contract.
            AF_INET => fmt_v4(unsafe { *(src as *const [u8; 4]) }),
            AF_INET6 => {
                // SAFETY: caller contract.
                let b = unsafe { *(src as *const [u8; 16]) };
                let mut g = [0u16; 8];
                for (k, v) in g.iter_mut().enumerate() {
                    *v = u16::from_be_bytes([b[2 * k], b[2 * k + 1]]);
                }
                fmt_v6(g)
            }
            _ => return Err(Errno::EAFNOSUPPORT),
        };
        if t.len + 1 > size as usize {
            return Err(Errno::ENOSPC);
        }
        // SAFETY: dst has room for len + 1 bytes (checked).
        unsafe {
            core::ptr::copy_nonoverlapping(t.buf.as_ptr(), dst as *mut u8, t.len);
            *dst.add(t.len) = 0;
        }
        Ok(dst)
    })();
    r.or_null_errno() as *const c_char
}

/// Parses one number of the classic `inet_aton` forms (decimal, `0` octal,
/// `0x` hex).
fn aton_num(p: &[u8]) -> Option<u32> {
    let (digits, radix) = if p.len() > 2 && (p.starts_with(b"0x") || p.starts_with(b"0X")) {
        (&p[2..], 16)
    } else if p.len() > 1 && p[0] == b'0' {
        (&p[1..], 8)
    } else {
        (p, 10)
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &c in digits {
        v = v * radix + (c as char).to_digit(radix as u32)? as u64;
        if v > u32::MAX as u64 {
            return None;
        }
    }
    Some(v as u32)
}

/// `inet_aton`'s forms: `a`, `a.b`, `a.b.c`, `a.b.c.d`.
pub fn parse_aton(s: &[u8]) -> Option<u32> {
    let mut n = [0u32; 4];
    let mut count = 0;
    for p in s.split(|&c| c == b'.') {
        if count == 4 {
            return None;
        }
        n[count] = aton_num(p)?;
        count += 1;
    }
    let v = match count {
        1 => n[0],
        2 if n[0] < 256 && n[1] < 1 << 24 => n[0] << 24 | n[1],
        3 if n[0] < 256 && n[1] < 256 && n[2] < 1 << 16 => n[0] << 24 | n[1] << 16 | n[2],
        4 if n.iter().all(|&x| x < 256) => n[0] << 24 | n[1] << 16 | n[2] << 8 | n[3],
        _ => return None,
    };
    Some(v)
}

/// `inet_aton`: 1 and `*dst` set on success, 0 on a malformed address.
///
/// # Safety
/// `src` NUL-terminated; `dst` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_aton(src: *const c_char, dst: *mut in_addr) -> c_int {
    if src.is_null() {
        return 0;
    }
    // SAFETY: caller contract.
    match parse_aton(unsafe { cstr(src) }) {
        Some(v) => {
            if !dst.is_null() {
                // SAFETY: caller contract.
                unsafe { (*dst).s_addr = v.to_be() };
            }
            1
        }
        None => 0,
    }
}

/// [inet_addr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_addr.html)
///
/// # Safety
/// `src` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_addr(src: *const c_char) -> in_addr_t {
    if src.is_null() {
        return crate::header::netinet_in::INADDR_NONE;
    }
    // SAFETY: caller contract.
    parse_aton(unsafe { cstr(src) }).map_or(crate::header::netinet_in::INADDR_NONE, u32::to_be)
}

static NTOA: Single<[u8; 16]> = Single::new([0; 16]);

/// [inet_ntoa](https://pubs.opengroup.org/onlinepubs/9799919799/functions/inet_ntoa.html)
/// (the result is overwritten by the next call).
#[unsafe(no_mangle)]
pub extern "C" fn inet_ntoa(a: in_addr) -> *mut c_char {
    let t = fmt_v4(a.s_addr.to_ne_bytes());
    let mut b = [0u8; 16];
    b[..t.len].copy_from_slice(t.as_bytes());
    NTOA.store(b);
    NTOA.get() as *mut c_char
}
