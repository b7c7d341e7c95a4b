//! Memory streams: `fmemopen`, `open_memstream` (and the engine of
//! `open_wmemstream`), as cookie streams ([`super::cookie`]): the `FILE`
//! buffers as usual and hands its bytes to the functions here on a flush,
//! a full buffer, a seek or `fclose`.

use super::FILE;
use super::cookie::{cookie_io_functions_t, open_cookie};
use crate::platform::{c_char, c_int, c_void, off_t, size_t, ssize_t};
use core::ffi::CStr;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

/// Sets `errno` and returns -1 (for the cookie functions).
fn fail(e: Errno) -> c_int {
    Err::<c_int, Errno>(e).or_minus_one_errno()
}

/// The new position of a seek, or `EINVAL` outside `0..=max`.
fn new_pos(off: off_t, whence: c_int, cur: usize, end: usize, max: usize) -> Option<usize> {
    let base = match whence {
        super::SEEK_SET => 0,
        super::SEEK_CUR => cur as i64,
        super::SEEK_END => end as i64,
        _ => return None,
    };
    let p = base.checked_add(off)?;
    if p < 0 || p as u64 > max as u64 {
        return None;
    }
    Some(p as usize)
}

// ---- fmemopen -----------------------------------------------------------------

/// The state behind an `fmemopen` stream.
struct Fixed {
    buf: *mut u8,
    /// The buffer's size.
    size: usize,
    /// End of the contents (reads stop there, `SEEK_END` counts from it).
    len: usize,
    pos: usize,
    /// Mode `a`: every write goes to the end of the contents.
    append: bool,
    /// The buffer was allocated here (a NULL `buf`): freed by `fclose`.
    owned: bool,
}

unsafe extern "C" fn fixed_read(c: *mut c_void, dst: *mut c_char, n: size_t) -> ssize_t {
    // SAFETY: the cookie is our `Fixed`; `dst` holds `n` bytes.
    unsafe {
        let m = &mut *c.cast::<Fixed>();
        let k = m.len.saturating_sub(m.pos).min(n);
        core::ptr::copy_nonoverlapping(m.buf.add(m.pos), dst.cast::<u8>(), k);
        m.pos += k;
        k as ssize_t
    }
}

/// POSIX: the contents stay NUL-terminated where there is room. A write
/// is cut at the end of the buffer; when it grows the contents to the
/// whole buffer, the last byte becomes a NUL (except in append mode, or
/// when the data ends in one). A write with no room left (or only the NUL's)
/// fails with `ENOSPC`. glibc behaves the same.
unsafe extern "C" fn fixed_write(c: *mut c_void, src: *const c_char, n: size_t) -> ssize_t {
    // SAFETY: the cookie is our `Fixed`; `src` holds `n` bytes.
    unsafe {
        let m = &mut *c.cast::<Fixed>();
        if m.append {
            m.pos = m.len;
        }
        let nul = (n == 0 || *src.add(n - 1) != 0) as usize;
        let mut k = n;
        if m.pos + n > m.size {
            if m.pos + nul >= m.size {
                return fail(Errno::ENOSPC) as ssize_t;
            }
            k = m.size - m.pos;
        }
        core::ptr::copy_nonoverlapping(src.cast::<u8>(), m.buf.add(m.pos), k);
        m.pos += k;
        if m.pos > m.len {
            m.len = m.pos;
            if m.len < m.size && nul != 0 {
                *m.buf.add(m.len) = 0;
            } else if !m.append && nul != 0 {
                *m.buf.add(m.size - 1) = 0;
            }
        }
        k as ssize_t
    }
}

unsafe extern "C" fn fixed_seek(c: *mut c_void, off: *mut off_t, whence: c_int) -> c_int {
    // SAFETY: the cookie is our `Fixed`; `off` is valid.
    unsafe {
        let m = &mut *c.cast::<Fixed>();
        match new_pos(*off, whence, m.pos, m.len, m.size) {
            Some(p) => {
                m.pos = p;
                *off = p as off_t;
                0
            }
            None => fail(Errno::EINVAL),
        }
    }
}

unsafe extern "C" fn fixed_close(c: *mut c_void) -> c_int {
    // SAFETY: the cookie is our `Fixed`, not used again.
    unsafe {
        let m = c.cast::<Fixed>();
        if (*m).owned {
            wasm_libc_alloc::free((*m).buf);
        }
        wasm_libc_alloc::free(m.cast());
    }
    0
}

/// [fmemopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmemopen.html)
///
/// A stream over the `size` bytes at `buf` (allocated, zeroed and freed
/// by `fclose` when `buf` is NULL). Mode `r`: the contents are the whole
/// buffer; `w`: empty (`w+` makes `buf[0]` a NUL); `a`: up to the first NUL,
/// and writes go to the end. Fully buffered: writes reach `buf` on
/// `fflush`, `fseek` and `fclose`. `size` 0: `EINVAL`.
///
/// # Safety
/// `buf` is NULL or valid for `size` bytes while the stream is open;
/// `mode` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fmemopen(
    buf: *mut c_void,
    size: size_t,
    mode: *const c_char,
) -> *mut FILE {
    // SAFETY: caller contract.
    let mode = unsafe { CStr::from_ptr(mode) }.to_bytes();
    // SAFETY: caller contract for `buf`.
    unsafe { fmemopen_impl(buf.cast(), size, mode) }.or_null_errno()
}

/// # Safety
/// As for [`fmemopen`].
unsafe fn fmemopen_impl(buf: *mut u8, size: usize, mode: &[u8]) -> Result<*mut FILE, Errno> {
    let first = *mode.first().ok_or(Errno::EINVAL)?;
    if size == 0 || !matches!(first, b'r' | b'w' | b'a') {
        return Err(Errno::EINVAL);
    }
    let owned = buf.is_null();
    let buf = if owned {
        let p = wasm_libc_alloc::malloc(size);
        if p.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: p holds `size` bytes.
        unsafe { core::ptr::write_bytes(p, 0, size) };
        p
    } else {
        buf
    };
    // SAFETY: `buf` holds `size` bytes.
    let len = unsafe {
        match first {
            b'r' => size,
            b'w' => {
                // POSIX leaves the buffer alone; glibc and musl write a
                // NUL for `w+` only.
                if mode.contains(&b'+') {
                    *buf = 0;
                }
                0
            }
            _ => (0..size).find(|&i| *buf.add(i) == 0).unwrap_or(size),
        }
    };
    let st = wasm_libc_alloc::malloc(core::mem::size_of::<Fixed>()).cast::<Fixed>();
    let r = if st.is_null() {
        Err(Errno::ENOMEM)
    } else {
        // SAFETY: a fresh block for a Fixed.
        unsafe {
            st.write(Fixed {
                buf,
                size,
                len,
                pos: if first == b'a' { len } else { 0 },
                append: first == b'a',
                owned,
            })
        };
        let io = cookie_io_functions_t {
            read: Some(fixed_read),
            write: Some(fixed_write),
            seek: Some(fixed_seek),
            close: Some(fixed_close),
        };
        open_cookie(st.cast(), mode, io)
    };
    if r.is_err() {
        // SAFETY: ours (or null), unused.
        unsafe {
            wasm_libc_alloc::free(st.cast());
            if owned {
                wasm_libc_alloc::free(buf);
            }
        }
    }
    r
}

// ---- open_memstream, open_wmemstream -----------------------------------------

/// The state behind an `open_memstream` / `open_wmemstream` stream. Sizes
/// and positions count units: bytes, or `wchar_t`s for the wide one (whose
/// stream carries the locale's multibyte encoding, decoded here).
pub(crate) struct Growing {
    buf: *mut u8,
    /// Units allocated, not counting the terminating NUL's.
    cap: usize,
    /// Units written (the buffer's length).
    len: usize,
    pos: usize,
    bufp: *mut *mut u8,
    sizep: *mut size_t,
    wide: bool,
    /// The conversion state: a character split between writes (wide).
    st: u32,
}

impl Growing {
    fn unit(&self) -> usize {
        if self.wide { 4 } else { 1 }
    }

    /// Room for `want` units (and the NUL); false when out of memory.
    fn reserve(&mut self, want: usize) -> bool {
        if want <= self.cap {
            return true;
        }
        let cap = want.max(self.cap.saturating_mul(2)).max(64);
        let Some(bytes) = cap.checked_add(1).and_then(|c| c.checked_mul(self.unit())) else {
            return false;
        };
        // SAFETY: buf is our malloc'd block.
        let nb = unsafe { wasm_libc_alloc::realloc(self.buf, bytes) };
        if nb.is_null() {
            return false;
        }
        self.buf = nb;
        self.cap = cap;
        true
    }

    /// Stores unit `i` (within `cap + 1`).
    fn set(&mut self, i: usize, v: u32) {
        // SAFETY: i <= cap: inside the block.
        unsafe {
            if self.wide {
                self.buf.cast::<u32>().add(i).write(v);
            } else {
                *self.buf.add(i) = v as u8;
            }
        }
    }

    /// Writes one unit at the position, zero-filling a gap after a seek
    /// past the end.
    fn put(&mut self, v: u32) -> bool {
        if !self.reserve(self.pos + 1) {
            return false;
        }
        while self.len < self.pos {
            let l = self.len;
            self.set(l, 0);
            self.len += 1;
        }
        let p = self.pos;
        self.set(p, v);
        self.pos += 1;
        if self.pos > self.len {
            self.len = self.pos;
            // The NUL after the contents.
            self.set(self.len, 0);
        }
        true
    }

    /// What the program sees (POSIX): the buffer, and the smaller of its
    /// length and the position as the size.
    fn publish(&mut self) {
        // SAFETY: the program's variables, valid while the stream is open.
        unsafe {
            *self.bufp = self.buf;
            *self.sizep = self.len.min(self.pos);
        }
    }
}

/// Decodes the UTF-8 sequence at the start of `b`: the code point and
/// its length, or `None` when `b` ends inside a valid sequence. A byte that
/// starts no valid sequence decodes to itself. (Wide scanf's internal
/// UTF-8, whatever the locale: see `scanf.rs`.)
pub(crate) fn utf8_decode(b: &[u8]) -> Option<(u32, usize)> {
    let c0 = *b.first()? as u32;
    let (n, min) = match c0 {
        0..=0x7f => return Some((c0, 1)),
        0xc2..=0xdf => (2, 0x80),
        0xe0..=0xef => (3, 0x800),
        0xf0..=0xf4 => (4, 0x10000),
        _ => return Some((c0, 1)),
    };
    let mut v = c0 & (0x7f >> n);
    for i in 1..n {
        let &c = b.get(i)?;
        if c & 0xc0 != 0x80 {
            return Some((c0, 1));
        }
        v = (v << 6) | (c & 0x3f) as u32;
    }
    if v < min || v > 0x10ffff || (0xd800..0xe000).contains(&v) {
        return Some((c0, 1));
    }
    Some((v, n))
}

unsafe extern "C" fn grow_write(c: *mut c_void, src: *const c_char, n: size_t) -> ssize_t {
    // SAFETY: the cookie is our `Growing`; `src` holds `n` bytes.
    let (m, data) = unsafe {
        (
            &mut *c.cast::<Growing>(),
            core::slice::from_raw_parts(src.cast::<u8>(), n),
        )
    };
    if !m.wide {
        if !m.reserve(m.pos.saturating_add(n)) {
            return fail(Errno::ENOMEM) as ssize_t;
        }
        for &b in data {
            m.put(b as u32);
        }
    } else {
        use crate::header::wchar::{ILSEQ, INCOMPLETE, decode};
        for &b in data {
            let mut wc = 0;
            // SAFETY: one byte.
            let v = match unsafe { decode(&mut m.st, &b, 1, &mut wc) } {
                INCOMPLETE => continue,
                // (Not from the wide functions, which encode validly.)
                ILSEQ => b as u32,
                _ => wc,
            };
            if !m.put(v) {
                return fail(Errno::ENOMEM) as ssize_t;
            }
        }
    }
    m.publish();
    n as ssize_t
}

unsafe extern "C" fn grow_seek(c: *mut c_void, off: *mut off_t, whence: c_int) -> c_int {
    // SAFETY: the cookie is our `Growing`; `off` is valid.
    unsafe {
        let m = &mut *c.cast::<Growing>();
        match new_pos(*off, whence, m.pos, m.len, isize::MAX as usize / 4) {
            Some(p) => {
                m.pos = p;
                *off = p as off_t;
                m.publish();
                0
            }
            None => fail(Errno::EINVAL),
        }
    }
}

unsafe extern "C" fn grow_close(c: *mut c_void) -> c_int {
    // SAFETY: the cookie is our `Growing`, not used again; the buffer is
    // the program's now.
    unsafe {
        let m = c.cast::<Growing>();
        (*m).publish();
        wasm_libc_alloc::free(m.cast());
    }
    0
}

/// `open_memstream` and `open_wmemstream`.
///
/// # Safety
/// `bufp` and `sizep` are valid while the stream is open.
pub(crate) unsafe fn open_growing(
    bufp: *mut *mut u8,
    sizep: *mut size_t,
    wide: bool,
) -> Result<*mut FILE, Errno> {
    if bufp.is_null() || sizep.is_null() {
        return Err(Errno::EINVAL);
    }
    let st = wasm_libc_alloc::malloc(core::mem::size_of::<Growing>()).cast::<Growing>();
    if st.is_null() {
        return Err(Errno::ENOMEM);
    }
    let mut g = Growing {
        buf: core::ptr::null_mut(),
        cap: 0,
        len: 0,
        pos: 0,
        bufp,
        sizep,
        wide,
        st: 0,
    };
    if !g.reserve(1) {
        // SAFETY: ours, unused.
        unsafe { wasm_libc_alloc::free(st.cast()) };
        return Err(Errno::ENOMEM);
    }
    g.set(0, 0);
    g.publish();
    // SAFETY: a fresh block for a Growing.
    unsafe { st.write(g) };
    let io = cookie_io_functions_t {
        read: None,
        write: Some(grow_write),
        seek: Some(grow_seek),
        close: Some(grow_close),
    };
    open_cookie(st.cast(), b"w", io).inspect_err(|_| {
        // SAFETY: ours, unused.
        unsafe {
            wasm_libc_alloc::free((*st).buf);
            wasm_libc_alloc::free(st.cast());
        }
    })
}

/// [open_memstream](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open_memstream.html)
///
/// A write-only stream into a growing buffer. After `fflush`/`fseek` and at
/// `fclose`, `*bufp` is the buffer (always NUL-terminated after its
/// contents; the program frees it after `fclose`) and `*sizep` the
/// smaller of its length and the position. Seeking past the end and
/// writing fills the gap with zeros.
///
/// # Safety
/// `bufp` and `sizep` are valid while the stream is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_memstream(bufp: *mut *mut c_char, sizep: *mut size_t) -> *mut FILE {
    // SAFETY: caller contract.
    unsafe { open_growing(bufp.cast(), sizep, false) }.or_null_errno()
}
