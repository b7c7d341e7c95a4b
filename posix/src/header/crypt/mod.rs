//! `crypt.h` (and `crypt`/`encrypt`/`setkey` of `unistd.h`): password
//! hashing with the `$1$` (MD5), `$5$` (SHA-256) and `$6$` (SHA-512)
//! methods, as glibc and wasi-libc compute them. The DES-based methods
//! (traditional and `_` salts, `encrypt`, `setkey`) and bcrypt (`$2*$`)
//! are not implemented: `crypt` fails with `ENOSYS` for their salts and
//! `encrypt`/`setkey` set `ENOSYS` (DES is broken, and glibc 2.28+ also
//! stopped providing `encrypt`/`setkey`).

mod hash;

use crate::platform::{c_char, c_int};
use hash::{Hash, Md5, Sha256, Sha512};
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

/// Scratch space of [`crypt_r`] (wasi-libc's layout).
#[repr(C)]
pub struct crypt_data {
    pub initialized: c_int,
    pub __buf: [c_char; 256],
}

const B64: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Output buffer for one hash string.
struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Out<'_> {
    fn push(&mut self, s: &[u8]) {
        for &b in s {
            if self.len + 1 < self.buf.len() {
                self.buf[self.len] = b;
                self.len += 1;
            }
        }
    }
    /// `n` radix-64 digits of the 24-bit value `b2:b1:b0`, low first.
    fn b64(&mut self, b2: u8, b1: u8, b0: u8, n: usize) {
        let mut w = ((b2 as u32) << 16) | ((b1 as u32) << 8) | b0 as u32;
        for _ in 0..n {
            self.push(&[B64[(w & 63) as usize]]);
            w >>= 6;
        }
    }
}

/// `data` repeated to `len` bytes, added to `h`.
fn add_repeated<H: Hash>(h: &mut H, data: &[u8], mut len: usize) {
    while len >= data.len() && !data.is_empty() {
        h.update(data);
        len -= data.len();
    }
    h.update(&data[..len.min(data.len())]);
}

/// The SHA-crypt algorithm (`$5$`, `$6$`; Drepper's specification).
fn sha_crypt<H: Hash>(
    key: &[u8],
    setting: &[u8],
    magic: &[u8],
    order: &[[usize; 3]],
    last: (usize, usize, usize),
    out: &mut Out,
) {
    let mut s = &setting[magic.len()..];
    let (mut rounds, mut custom) = (5000usize, false);
    if let Some(r) = s.strip_prefix(b"rounds=") {
        let n = r.iter().take_while(|b| b.is_ascii_digit()).count();
        if n > 0 && r.get(n) == Some(&b'$') {
            let v = r[..n].iter().fold(0u64, |v, &d| {
                (v * 10 + (d - b'0') as u64).min(u64::MAX / 20)
            });
            rounds = v.clamp(1000, 999_999_999) as usize;
            custom = true;
            s = &r[n + 1..];
        }
    }
    let salt_len = s.iter().take(16).take_while(|&&b| b != b'$').count();
    let salt = &s[..salt_len];
    let l = H::LEN;
    let mut b = [0u8; 64];
    let mut h = H::new();
    h.update(key);
    h.update(salt);
    h.update(key);
    h.finish(&mut b);
    let mut a = [0u8; 64];
    let mut h = H::new();
    h.update(key);
    h.update(salt);
    add_repeated(&mut h, &b[..l], key.len());
    let mut n = key.len();
    while n > 0 {
        if n & 1 != 0 {
            h.update(&b[..l]);
        } else {
            h.update(key);
        }
        n >>= 1;
    }
    h.finish(&mut a);
    let mut dp = [0u8; 64];
    let mut h = H::new();
    for _ in 0..key.len() {
        h.update(key);
    }
    h.finish(&mut dp);
    let mut ds = [0u8; 64];
    let mut h = H::new();
    for _ in 0..16 + a[0] as usize {
        h.update(salt);
    }
    h.finish(&mut ds);
    // P and S: DP and DS repeated to the key's and the salt's length.
    let p = |h: &mut H| add_repeated(h, &dp[..l], key.len());
    let sb = |h: &mut H| add_repeated(h, &ds[..l], salt.len());
    for i in 0..rounds {
        let mut h = H::new();
        if i & 1 != 0 {
            p(&mut h);
        } else {
            h.update(&a[..l]);
        }
        if i % 3 != 0 {
            sb(&mut h);
        }
        if i % 7 != 0 {
            p(&mut h);
        }
        if i & 1 != 0 {
            h.update(&a[..l]);
        } else {
            p(&mut h);
        }
        h.finish(&mut a);
    }
    out.push(magic);
    if custom {
        out.push(b"rounds=");
        let mut d = [0u8; 10];
        let mut k = d.len();
        let mut r = rounds;
        loop {
            k -= 1;
            d[k] = b'0' + (r % 10) as u8;
            r /= 10;
            if r == 0 {
                break;
            }
        }
        out.push(&d[k..]);
        out.push(b"$");
    }
    out.push(salt);
    out.push(b"$");
    for t in order {
        out.b64(a[t[0]], a[t[1]], a[t[2]], 4);
    }
    let (x, y, n) = last;
    out.b64(0, if n == 3 { a[x] } else { 0 }, a[y], n);
}

/// The MD5-crypt algorithm (`$1$`, Poul-Henning Kamp's).
fn md5_crypt(key: &[u8], setting: &[u8], out: &mut Out) {
    let s = &setting[3..];
    let salt = &s[..s.iter().take(8).take_while(|&&b| b != b'$').count()];
    let mut b = [0u8; 64];
    let mut h = Md5::new();
    h.update(key);
    h.update(salt);
    h.update(key);
    h.finish(&mut b);
    let mut h = Md5::new();
    h.update(key);
    h.update(b"$1$");
    h.update(salt);
    add_repeated(&mut h, &b[..16], key.len());
    let mut i = key.len();
    while i > 0 {
        if i & 1 != 0 {
            h.update(&[0]);
        } else {
            h.update(&key[..1]);
        }
        i >>= 1;
    }
    let mut f = [0u8; 64];
    h.finish(&mut f);
    for i in 0..1000 {
        let mut h = Md5::new();
        if i & 1 != 0 {
            h.update(key);
        } else {
            h.update(&f[..16]);
        }
        if i % 3 != 0 {
            h.update(salt);
        }
        if i % 7 != 0 {
            h.update(key);
        }
        if i & 1 != 0 {
            h.update(&f[..16]);
        } else {
            h.update(key);
        }
        h.finish(&mut f);
    }
    out.push(b"$1$");
    out.push(salt);
    out.push(b"$");
    for t in [[0, 6, 12], [1, 7, 13], [2, 8, 14], [3, 9, 15], [4, 10, 5]] {
        out.b64(f[t[0]], f[t[1]], f[t[2]], 4);
    }
    out.b64(0, 0, f[11], 2);
}

const SHA256_ORDER: [[usize; 3]; 10] = [
    [0, 10, 20],
    [21, 1, 11],
    [12, 22, 2],
    [3, 13, 23],
    [24, 4, 14],
    [15, 25, 5],
    [6, 16, 26],
    [27, 7, 17],
    [18, 28, 8],
    [9, 19, 29],
];

const SHA512_ORDER: [[usize; 3]; 21] = [
    [0, 21, 42],
    [22, 43, 1],
    [44, 2, 23],
    [3, 24, 45],
    [25, 46, 4],
    [47, 5, 26],
    [6, 27, 48],
    [28, 49, 7],
    [50, 8, 29],
    [9, 30, 51],
    [31, 52, 10],
    [53, 11, 32],
    [12, 33, 54],
    [34, 55, 13],
    [56, 14, 35],
    [15, 36, 57],
    [37, 58, 16],
    [59, 17, 38],
    [18, 39, 60],
    [40, 61, 19],
    [62, 20, 41],
];

/// Hashes into `buf` (NUL-terminated); `ENOSYS` for unsupported methods.
fn hash_into(key: &[u8], setting: &[u8], buf: &mut [u8]) -> Result<(), Errno> {
    let mut out = Out { buf, len: 0 };
    if setting.starts_with(b"$1$") {
        md5_crypt(key, setting, &mut out);
    } else if setting.starts_with(b"$5$") {
        sha_crypt::<Sha256>(key, setting, b"$5$", &SHA256_ORDER, (31, 30, 3), &mut out);
    } else if setting.starts_with(b"$6$") {
        sha_crypt::<Sha512>(key, setting, b"$6$", &SHA512_ORDER, (0, 63, 2), &mut out);
    } else {
        return Err(Errno::ENOSYS);
    }
    let n = out.len;
    out.buf[n] = 0;
    Ok(())
}

/// [crypt_r](https://man7.org/linux/man-pages/man3/crypt.3.html): as
/// [`crypt`], into `data`.
///
/// # Safety
/// `key` and `setting` NUL-terminated; `data` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn crypt_r(
    key: *const c_char,
    setting: *const c_char,
    data: *mut crypt_data,
) -> *mut c_char {
    // SAFETY: caller contract.
    let (k, s, buf) = unsafe {
        (
            core::ffi::CStr::from_ptr(key).to_bytes(),
            core::ffi::CStr::from_ptr(setting).to_bytes(),
            core::slice::from_raw_parts_mut((&raw mut (*data).__buf).cast::<u8>(), 256),
        )
    };
    match hash_into(k, s, buf) {
        Ok(()) => buf.as_mut_ptr().cast(),
        Err(e) => Err::<*mut c_char, _>(e).or_null_errno(),
    }
}

/// `crypt`'s result.
static mut CRYPT: crypt_data = crypt_data {
    initialized: 0,
    __buf: [0; 256],
};

/// [crypt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/crypt.html):
/// the hash of `key` with the method and salt of `setting` (`$1$salt`,
/// `$5$[rounds=N$]salt`, `$6$[rounds=N$]salt`, or a whole hash string of
/// those), in a static buffer; NULL with `ENOSYS` for other methods.
///
/// # Safety
/// `key` and `setting` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn crypt(key: *const c_char, setting: *const c_char) -> *mut c_char {
    // SAFETY: the static buffer (single-threaded); forwarded contract.
    unsafe { crypt_r(key, setting, &raw mut CRYPT) }
}

/// [encrypt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/encrypt.html):
/// DES block encryption, not provided: sets `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn encrypt(_block: *mut c_char, _edflag: c_int) {
    let _ = Err::<c_int, _>(Errno::ENOSYS).or_minus_one_errno();
}

/// [setkey](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setkey.html):
/// DES key setup, not provided: sets `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn setkey(_key: *const c_char) {
    let _ = Err::<c_int, _>(Errno::ENOSYS).or_minus_one_errno();
}
