//! `wasi:io/error` and the preview1 errno → WASI 0.2 `error-code` map.

use crate::mem::{alloc, put_u8, put_u32};
use crate::table::{self, Kind};

/// `wasi:filesystem/types` `error-code` for each preview1 errno (WASI's
/// numbering); errnos with no 0.2 counterpart become `io` (13).
const FS_CODES: [u8; 77] = {
    let mut t = [13u8; 77];
    let pairs: [(usize, u8); 40] = [
        (2, 0),   // acces -> access
        (6, 1),   // again -> would-block
        (7, 2),   // already
        (8, 3),   // badf -> bad-descriptor
        (10, 4),  // busy
        (16, 5),  // deadlk -> deadlock
        (19, 6),  // dquot -> quota
        (20, 7),  // exist
        (22, 8),  // fbig -> file-too-large
        (25, 9),  // ilseq
        (26, 10), // inprogress
        (27, 11), // intr
        (28, 12), // inval
        (29, 13), // io
        (31, 14), // isdir
        (32, 15), // loop
        (34, 16), // mlink -> too-many-links
        (35, 17), // msgsize
        (37, 18), // nametoolong
        (43, 19), // nodev
        (44, 20), // noent
        (46, 21), // nolck
        (48, 22), // nomem
        (51, 23), // nospc
        (54, 24), // notdir
        (55, 25), // notempty
        (56, 26), // notrecoverable
        (52, 27), // nosys -> unsupported
        (58, 27), // notsup -> unsupported
        (59, 28), // notty
        (60, 29), // nxio -> no-such-device
        (61, 30), // overflow
        (63, 31), // perm -> not-permitted
        (76, 31), // notcapable -> not-permitted
        (64, 32), // pipe
        (69, 33), // rofs -> read-only
        (70, 34), // spipe -> invalid-seek
        (74, 35), // txtbsy
        (75, 36), // xdev
        (33, 13), // mfile -> io (no counterpart)
    ];
    let mut i = 0;
    while i < pairs.len() {
        t[pairs[i].0] = pairs[i].1;
        i += 1;
    }
    t
};

/// 21 six-bit codes of `table[21 * word..]` packed in a `u128`.
const fn pack(table: &[u8; 77], word: usize) -> u128 {
    let mut v = 0u128;
    let mut i = 0;
    while i < 21 {
        let e = 21 * word + i;
        if e < 77 {
            v |= (table[e] as u128) << (6 * i);
        }
        i += 1;
    }
    v
}

/// The code for `errno` from four packed words (`default` past them).
/// Computed from immediate constants, not a table in memory: the adapter
/// has no data segment.
#[inline(always)]
fn lookup(w: (u128, u128, u128, u128), errno: i32, default: u8) -> u8 {
    let e = errno as u32;
    let (w, i) = if e < 21 {
        (w.0, e)
    } else if e < 42 {
        (w.1, e - 21)
    } else if e < 63 {
        (w.2, e - 42)
    } else if e < 77 {
        (w.3, e - 63)
    } else {
        return default;
    };
    ((w >> (6 * i)) & 63) as u8
}

const FS_W0: u128 = pack(&FS_CODES, 0);
const FS_W1: u128 = pack(&FS_CODES, 1);
const FS_W2: u128 = pack(&FS_CODES, 2);
const FS_W3: u128 = pack(&FS_CODES, 3);

/// The `error-code` for a preview1 errno.
pub fn fs_code(errno: i32) -> u8 {
    lookup((FS_W0, FS_W1, FS_W2, FS_W3), errno, 13)
}

/// `wasi:sockets/network` `error-code` for each preview1 errno (WASI's
/// numbering); errnos with no counterpart become `unknown` (0).
const SOCK_CODES: [u8; 77] = {
    let mut t = [0u8; 77];
    let pairs: [(usize, u8); 29] = [
        (2, 1),   // acces -> access-denied
        (63, 1),  // perm -> access-denied
        (76, 1),  // notcapable -> access-denied
        (5, 2),   // afnosupport -> not-supported
        (52, 2),  // nosys -> not-supported
        (58, 2),  // notsup -> not-supported
        (66, 2),  // protonosupport -> not-supported
        (50, 2),  // noprotoopt -> not-supported
        (28, 3),  // inval -> invalid-argument
        (48, 4),  // nomem -> out-of-memory
        (42, 4),  // nobufs -> out-of-memory
        (73, 5),  // timedout -> timeout
        (7, 6),   // already -> concurrency-conflict
        (6, 8),   // again -> would-block
        (26, 8),  // inprogress -> would-block
        (30, 9),  // isconn -> invalid-state
        (53, 9),  // notconn -> invalid-state
        (33, 10), // mfile -> new-socket-limit
        (41, 10), // nfile -> new-socket-limit
        (4, 11),  // addrnotavail -> address-not-bindable
        (3, 12),  // addrinuse -> address-in-use
        (23, 13), // hostunreach -> remote-unreachable
        (40, 13), // netunreach -> remote-unreachable
        (38, 13), // netdown -> remote-unreachable
        (14, 14), // connrefused -> connection-refused
        (15, 15), // connreset -> connection-reset
        (39, 15), // netreset -> connection-reset
        (13, 16), // connaborted -> connection-aborted
        (35, 17), // msgsize -> datagram-too-large
    ];
    let mut i = 0;
    while i < pairs.len() {
        t[pairs[i].0] = pairs[i].1;
        i += 1;
    }
    t
};

const SOCK_W0: u128 = pack(&SOCK_CODES, 0);
const SOCK_W1: u128 = pack(&SOCK_CODES, 1);
const SOCK_W2: u128 = pack(&SOCK_CODES, 2);
const SOCK_W3: u128 = pack(&SOCK_CODES, 3);

/// The `wasi:sockets` `error-code` for a preview1 errno.
pub fn sock_code(errno: i32) -> u8 {
    lookup((SOCK_W0, SOCK_W1, SOCK_W2, SOCK_W3), errno, 0)
}

/// Writes `result::err(error-code)` (tag 1 at 0, the code at `off`).
#[inline(always)]
pub fn put_fs_err(ret: *mut u8, off: usize, errno: i32) {
    put_u8(ret, 0, 1);
    put_u8(ret, off, fs_code(errno));
}

/// Writes `result::err(stream-error)` at `ret` with the payload at `off`:
/// `closed` for EPIPE or end of file (`errno == 0`), otherwise
/// `last-operation-failed(error)` carrying the errno.
pub fn put_stream_err(ret: *mut u8, off: usize, errno: i32) {
    put_u8(ret, 0, 1);
    if errno == 0 || errno == crate::p1::EPIPE {
        put_u8(ret, off, 1);
    } else {
        put_u8(ret, off, 0);
        put_u32(
            ret,
            off + 4,
            table::insert(Kind::Error, 0, errno as u32, 0) as u32,
        );
    }
}

/// `[resource-drop]error`
#[unsafe(export_name = "wasi:io/error#[resource-drop]error")]
pub extern "C" fn drop_error(h: i32) {
    table::remove(h, Kind::Error);
}

/// `[method]error.to-debug-string: func() -> string`: `errno N`.
#[unsafe(export_name = "wasi:io/error#[method]error.to-debug-string")]
pub extern "C" fn to_debug_string(h: i32, ret: *mut u8) {
    let mut n = table::get(h, Kind::Error).fd;
    let mut digits = [0u8; 16];
    let mut len = 0;
    for b in [b'e', b'r', b'r', b'n', b'o', b' '] {
        digits[len] = b;
        len += 1;
    }
    let start = len;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..len].reverse();
    let p = alloc(1, len);
    // SAFETY: `p` is a fresh block of `len` bytes.
    unsafe { core::ptr::copy_nonoverlapping(digits.as_ptr(), p, len) };
    put_u32(ret, 0, p as u32);
    put_u32(ret, 4, len as u32);
}

/// `filesystem-error-code: func(err: borrow<error>) -> option<error-code>`
#[unsafe(export_name = "wasi:filesystem/types#filesystem-error-code")]
pub extern "C" fn filesystem_error_code(h: i32, ret: *mut u8) {
    let errno = table::get(h, Kind::Error).fd as i32;
    put_u8(ret, 0, 1);
    put_u8(ret, 1, fs_code(errno));
}
