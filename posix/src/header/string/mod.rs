//! `string.h` (the memory functions and string basics)
//!
//! The `mem*` functions are the ones the compiler itself calls. With the
//! `bulk-memory` feature (on by default for `wasm32-wasip1`/`-wasip2`) the
//! copies compile to `memory.copy`/`memory.fill`; without it (the MVP
//! flavour) they are byte loops, which LLVM does not turn back into calls to
//! themselves inside functions named `memcpy`/`memset`/`memmove`.

use crate::platform::{c_char, c_int, c_void, size_t};
use libc_core::Errno;

mod locale;
pub use locale::*;

/// [memcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcpy.html)
///
/// # Safety
/// Both ranges valid for `n` bytes and not overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: caller contract.
    unsafe { copy_forward(dst.cast(), src.cast(), n) };
    dst
}

/// [memmove](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memmove.html)
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract; `copy` handles overlap (memory.copy).
    unsafe {
        core::ptr::copy(src.cast::<u8>(), dst.cast::<u8>(), n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    {
        let (d, s) = (dst.cast::<u8>(), src.cast::<u8>());
        if (d as usize) <= (s as usize) {
            // SAFETY: caller contract; forward copy is safe when dst <= src.
            unsafe { copy_forward(d, s, n) };
        } else {
            let mut i = n;
            while i > 0 {
                i -= 1;
                // SAFETY: i < n; caller contract.
                unsafe { *d.add(i) = *s.add(i) };
            }
        }
    }
    dst
}

#[inline(always)]
unsafe fn copy_forward(d: *mut u8, s: *const u8, n: usize) {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract (memory.copy).
    unsafe {
        core::ptr::copy_nonoverlapping(s, d, n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        unsafe { *d.add(i) = *s.add(i) };
    }
}

/// [memset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memset.html)
///
/// # Safety
/// `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: size_t) -> *mut c_void {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract (memory.fill).
    unsafe {
        core::ptr::write_bytes(dst.cast::<u8>(), c as u8, n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        unsafe { *dst.cast::<u8>().add(i) = c as u8 };
    }
    dst
}

/// [memcmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memcmp.html)
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    let (a, b) = (a.cast::<u8>(), b.cast::<u8>());
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// `bcmp`: zero when equal (the compiler emits calls to it for `==` tests).
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { memcmp(a, b, n) }
}

/// [memchr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memchr.html)
///
/// # Safety
/// `s` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: size_t) -> *mut c_void {
    let s = s.cast::<u8>();
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        if unsafe { *s.add(i) } == c as u8 {
            // SAFETY: in bounds.
            return unsafe { s.add(i) } as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// [strlen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strlen.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> size_t {
    let mut n = 0;
    // SAFETY: caller contract: reads stop at the NUL.
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// [strnlen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strnlen.html)
///
/// # Safety
/// `s` valid up to its NUL or `max` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strnlen(s: *const c_char, max: size_t) -> size_t {
    let mut n = 0;
    // SAFETY: caller contract.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// [strcmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcmp.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: forwarded contract; strncmp stops at the first NUL.
    unsafe { strncmp(a, b, usize::MAX) }
}

/// [strncmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncmp.html)
///
/// # Safety
/// Both valid up to their NUL or `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: size_t) -> c_int {
    for i in 0..n {
        // SAFETY: caller contract; we stop at the first NUL.
        let (x, y) = unsafe { (*a.add(i) as u8, *b.add(i) as u8) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// [strcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcpy.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` large enough; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let n = strlen(src);
        memcpy(dst.cast(), src.cast(), n + 1);
    }
    dst
}

/// [strncpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncpy.html)
///
/// # Safety
/// `src` valid up to its NUL or `n` bytes; `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncpy(dst: *mut c_char, src: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let len = strnlen(src, n);
        memcpy(dst.cast(), src.cast(), len);
        memset(dst.add(len).cast(), 0, n - len);
    }
    dst
}

/// [strcat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcat.html)
///
/// # Safety
/// Both NUL-terminated; `dst` large enough.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcat(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe { strcpy(dst.add(strlen(dst)), src) };
    dst
}

/// [strchr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strchr.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    let mut p = s;
    loop {
        // SAFETY: caller contract; we stop at the NUL.
        let ch = unsafe { *p };
        if ch == c as c_char {
            return p as *mut c_char;
        }
        if ch == 0 {
            return core::ptr::null_mut();
        }
        // SAFETY: not past the NUL.
        p = unsafe { p.add(1) };
    }
}

/// [strrchr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strrchr.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    let mut found = core::ptr::null_mut();
    let mut p = s;
    loop {
        // SAFETY: caller contract; we stop at the NUL.
        let ch = unsafe { *p };
        if ch == c as c_char {
            found = p as *mut c_char;
        }
        if ch == 0 {
            return found;
        }
        // SAFETY: not past the NUL.
        p = unsafe { p.add(1) };
    }
}

/// [strdup](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strdup.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    let n = unsafe { strlen(s) } + 1;
    let p = crate::header::stdlib::malloc(n);
    if !p.is_null() {
        // SAFETY: p holds n bytes.
        unsafe { memcpy(p, s.cast(), n) };
    }
    p.cast()
}

/// [strerror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror.html)
///
/// Unknown numbers give `"Unknown error"` (the string is never NULL).
#[unsafe(no_mangle)]
pub extern "C" fn strerror(errnum: c_int) -> *mut c_char {
    Errno(errnum).message().unwrap_or(c"Unknown error").as_ptr() as *mut c_char
}

/// Byte at `p + i` (helper for the scanning loops below).
///
/// # Safety
/// `p + i` must be readable.
#[inline(always)]
unsafe fn at(p: *const c_char, i: usize) -> u8 {
    // SAFETY: caller contract.
    unsafe { *p.add(i) as u8 }
}

/// A 256-bit set of bytes, for `strspn`/`strcspn`/`strpbrk`/`strtok`.
struct ByteSet([u32; 8]);

impl ByteSet {
    /// The bytes of the NUL-terminated `set` (NUL itself is never a member).
    ///
    /// # Safety
    /// `set` NUL-terminated.
    unsafe fn new(set: *const c_char) -> ByteSet {
        let mut s = ByteSet([0; 8]);
        let mut i = 0;
        loop {
            // SAFETY: caller contract; stops at the NUL.
            let c = unsafe { at(set, i) };
            if c == 0 {
                return s;
            }
            s.0[(c >> 5) as usize] |= 1 << (c & 31);
            i += 1;
        }
    }

    fn has(&self, c: u8) -> bool {
        self.0[(c >> 5) as usize] & (1 << (c & 31)) != 0
    }
}

/// [strncat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncat.html)
///
/// # Safety
/// `dst` NUL-terminated with room for `strnlen(src, n) + 1` more bytes;
/// `src` valid up to its NUL or `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncat(dst: *mut c_char, src: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let d = dst.add(strlen(dst));
        let len = strnlen(src, n);
        memcpy(d.cast(), src.cast(), len);
        *d.add(len) = 0;
    }
    dst
}

/// [strspn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strspn.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strspn(s: *const c_char, accept: *const c_char) -> size_t {
    // SAFETY: caller contract.
    let set = unsafe { ByteSet::new(accept) };
    let mut i = 0;
    // SAFETY: caller contract; NUL is never in the set, so we stop there.
    while set.has(unsafe { at(s, i) }) {
        i += 1;
    }
    i
}

/// [strcspn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcspn.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcspn(s: *const c_char, reject: *const c_char) -> size_t {
    // SAFETY: caller contract.
    let set = unsafe { ByteSet::new(reject) };
    let mut i = 0;
    loop {
        // SAFETY: caller contract; stops at the NUL.
        let c = unsafe { at(s, i) };
        if c == 0 || set.has(c) {
            return i;
        }
        i += 1;
    }
}

/// [strpbrk](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strpbrk.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strpbrk(s: *const c_char, accept: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let i = strcspn(s, accept);
        if at(s, i) == 0 {
            core::ptr::null_mut()
        } else {
            s.add(i) as *mut c_char
        }
    }
}

/// [memmem](https://man7.org/linux/man-pages/man3/memmem.3.html) (GNU, POSIX 2024):
/// the first occurrence of `needle` in `hay`; an empty needle matches at `hay`.
///
/// Two-way string matching would bound the worst case; this is the plain
/// scan with a first-byte `memchr` skip, quadratic only on adversarial input.
///
/// # Safety
/// `hay` valid for `hlen` bytes, `needle` for `nlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmem(
    hay: *const c_void,
    hlen: size_t,
    needle: *const c_void,
    nlen: size_t,
) -> *mut c_void {
    if nlen == 0 {
        return hay as *mut c_void;
    }
    if nlen > hlen {
        return core::ptr::null_mut();
    }
    // SAFETY: caller contract: both ranges are readable.
    let (h, n) = unsafe {
        (
            crate::platform::slice(hay, hlen),
            crate::platform::slice(needle, nlen),
        )
    };
    let first = n[0];
    let last_start = hlen - nlen;
    let mut i = 0;
    while i <= last_start {
        match h[i..=last_start].iter().position(|&b| b == first) {
            None => break,
            Some(k) => {
                i += k;
                if h[i..i + nlen] == *n {
                    return h[i..].as_ptr() as *mut c_void;
                }
                i += 1;
            }
        }
    }
    core::ptr::null_mut()
}

/// [strstr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strstr.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strstr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let n = strlen(needle);
        if n == 0 {
            return hay as *mut c_char;
        }
        let mut p = hay;
        loop {
            // Next candidate: the needle's first byte (NULL at the end).
            p = strchr(p, *needle as c_int);
            if p.is_null() {
                return core::ptr::null_mut();
            }
            // strncmp stops at the haystack's NUL, so no over-read.
            if strncmp(p, needle, n) == 0 {
                return p as *mut c_char;
            }
            p = p.add(1);
        }
    }
}

/// [strcasestr](https://man7.org/linux/man-pages/man3/strstr.3.html) (GNU/BSD):
/// `strstr` ignoring ASCII case.
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasestr(hay: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let n = strlen(needle);
        let mut p = hay;
        loop {
            if crate::header::strings::strncasecmp(p, needle, n) == 0 {
                return p as *mut c_char;
            }
            if *p == 0 {
                return core::ptr::null_mut();
            }
            p = p.add(1);
        }
    }
}

/// Saved position of [`strtok`].
static STRTOK: libc_core::single::Single<*mut c_char> =
    libc_core::single::Single::new(core::ptr::null_mut());

/// [strtok](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtok.html)
///
/// # Safety
/// `s` NULL (continue) or NUL-terminated and writable; `delim` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok(s: *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: the saved pointer is only used by this function (one thread).
    unsafe { strtok_r(s, delim, STRTOK.get()) }
}

/// [strtok_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtok_r.html)
///
/// # Safety
/// `s` NULL or NUL-terminated and writable; `delim` NUL-terminated; `save`
/// valid, holding the previous call's state when `s` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok_r(
    s: *mut c_char,
    delim: *const c_char,
    save: *mut *mut c_char,
) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let mut p = if s.is_null() { *save } else { s };
        if p.is_null() {
            return p;
        }
        p = p.add(strspn(p, delim));
        if *p == 0 {
            *save = core::ptr::null_mut();
            return core::ptr::null_mut();
        }
        let end = p.add(strcspn(p, delim));
        if *end == 0 {
            *save = core::ptr::null_mut();
        } else {
            *end = 0;
            *save = end.add(1);
        }
        p
    }
}

/// [strsep](https://man7.org/linux/man-pages/man3/strsep.3.html) (BSD):
/// splits off the token before the first delimiter, empty tokens included.
///
/// # Safety
/// `sp` valid; `*sp` NULL or NUL-terminated and writable; `delim` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strsep(sp: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let s = *sp;
        if s.is_null() {
            return s;
        }
        let end = s.add(strcspn(s, delim));
        if *end == 0 {
            *sp = core::ptr::null_mut();
        } else {
            *end = 0;
            *sp = end.add(1);
        }
        s
    }
}

/// [strndup](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strndup.html)
///
/// # Safety
/// `s` valid up to its NUL or `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strndup(s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: caller contract.
    let len = unsafe { strnlen(s, n) };
    let p = crate::header::stdlib::malloc(len + 1).cast::<c_char>();
    if !p.is_null() {
        // SAFETY: p holds len + 1 bytes; s is readable for len bytes.
        unsafe {
            memcpy(p.cast(), s.cast(), len);
            *p.add(len) = 0;
        }
    }
    p
}

/// [strcoll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcoll.html):
/// `strcmp` (only the C locale exists).
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcoll(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { strcmp(a, b) }
}

/// [strxfrm](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strxfrm.html):
/// a copy in the C locale; returns `strlen(src)` (the copy is made only if
/// it fits in `n` bytes with its NUL).
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strxfrm(dst: *mut c_char, src: *const c_char, n: size_t) -> size_t {
    // SAFETY: caller contract.
    unsafe {
        let len = strlen(src);
        if len < n {
            memcpy(dst.cast(), src.cast(), len + 1);
        }
        len
    }
}

/// Copies `msg` into `buf` (size `len`), truncated and NUL-terminated;
/// `ERANGE` if it did not fit.
///
/// # Safety
/// `buf` valid for `len` bytes.
unsafe fn copy_msg(msg: &[u8], buf: *mut c_char, len: size_t) -> c_int {
    if len == 0 {
        return Errno::ERANGE.0;
    }
    let n = msg.len().min(len - 1);
    // SAFETY: n + 1 <= len bytes of buf.
    unsafe {
        memcpy(buf.cast(), msg.as_ptr().cast(), n);
        *buf.add(n) = 0;
    }
    if n < msg.len() { Errno::ERANGE.0 } else { 0 }
}

/// Formats `prefix` followed by the decimal `n` into `out`; returns the length.
fn fmt_num(prefix: &[u8], n: c_int, out: &mut [u8; 40]) -> usize {
    out[..prefix.len()].copy_from_slice(prefix);
    let mut len = prefix.len();
    if n < 0 {
        out[len] = b'-';
        len += 1;
    }
    let mut digits = [0u8; 10];
    let mut k = 0;
    let mut u = n.unsigned_abs();
    loop {
        digits[k] = b'0' + (u % 10) as u8;
        k += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        out[len] = digits[k];
        len += 1;
    }
    len
}

/// [strerror_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror_r.html)
/// (the XSI version returning an `int`): 0, `ERANGE` when `buf` is too
/// small (the message is truncated), or `EINVAL` for an unknown number
/// (`buf` then holds `"Unknown error N"`). errno is not changed.
///
/// # Safety
/// `buf` valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strerror_r(errnum: c_int, buf: *mut c_char, len: size_t) -> c_int {
    match Errno(errnum).message() {
        // SAFETY: caller contract.
        Some(m) => unsafe { copy_msg(m.to_bytes(), buf, len) },
        None => {
            let mut tmp = [0u8; 40];
            let n = fmt_num(b"Unknown error ", errnum, &mut tmp);
            // SAFETY: caller contract.
            let r = unsafe { copy_msg(&tmp[..n], buf, len) };
            if r == 0 { Errno::EINVAL.0 } else { r }
        }
    }
}

/// Signal descriptions, numbered like Linux (and wasi-libc's `signal.h`).
const SIGNALS: [&core::ffi::CStr; 32] = [
    c"Unknown signal 0",
    c"Hangup",
    c"Interrupt",
    c"Quit",
    c"Illegal instruction",
    c"Trace/breakpoint trap",
    c"Aborted",
    c"Bus error",
    c"Floating point exception",
    c"Killed",
    c"User defined signal 1",
    c"Segmentation fault",
    c"User defined signal 2",
    c"Broken pipe",
    c"Alarm clock",
    c"Terminated",
    c"Stack fault",
    c"Child exited",
    c"Continued",
    c"Stopped (signal)",
    c"Stopped",
    c"Stopped (tty input)",
    c"Stopped (tty output)",
    c"Urgent I/O condition",
    c"CPU time limit exceeded",
    c"File size limit exceeded",
    c"Virtual timer expired",
    c"Profiling timer expired",
    c"Window changed",
    c"I/O possible",
    c"Power failure",
    c"Bad system call",
];

/// Buffer for [`strsignal`]'s "Unknown signal N".
static SIGBUF: libc_core::single::Single<[u8; 40]> = libc_core::single::Single::new([0; 40]);

/// [strsignal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strsignal.html):
/// the description of signal `sig` (glibc's wording); for other numbers
/// `"Unknown signal N"` in a static buffer that the next call overwrites.
/// WASI delivers no signals; this only names them.
#[unsafe(no_mangle)]
pub extern "C" fn strsignal(sig: c_int) -> *mut c_char {
    if (1..32).contains(&sig) {
        return SIGNALS[sig as usize].as_ptr() as *mut c_char;
    }
    // SAFETY: one thread; the borrow ends before returning.
    let buf = unsafe { &mut *SIGBUF.get() };
    let n = fmt_num(b"Unknown signal ", sig, buf);
    buf[n] = 0;
    buf.as_mut_ptr().cast()
}

/// [memrchr](https://man7.org/linux/man-pages/man3/memchr.3.html) (GNU):
/// the last `c` in the first `n` bytes of `s`.
///
/// # Safety
/// `s` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: caller contract.
    let b = unsafe { crate::platform::slice(s, n) };
    match b.iter().rposition(|&x| x == c as u8) {
        Some(i) => b[i..].as_ptr() as *mut c_void,
        None => core::ptr::null_mut(),
    }
}

/// [memccpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/memccpy.html)
///
/// # Safety
/// `src` readable and `dst` writable for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memccpy(
    dst: *mut c_void,
    src: *const c_void,
    c: c_int,
    n: size_t,
) -> *mut c_void {
    // SAFETY: caller contract.
    unsafe {
        let found = memchr(src, c, n);
        if found.is_null() {
            memcpy(dst, src, n);
            core::ptr::null_mut()
        } else {
            let len = found as usize - src as usize + 1;
            memcpy(dst, src, len);
            dst.cast::<u8>().add(len).cast()
        }
    }
}

/// [mempcpy](https://man7.org/linux/man-pages/man3/mempcpy.3.html) (GNU):
/// `memcpy` returning the end of the copy.
///
/// # Safety
/// As [`memcpy`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mempcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: caller contract.
    unsafe { memcpy(dst, src, n).cast::<u8>().add(n).cast() }
}

/// [stpcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stpcpy.html)
///
/// # Safety
/// As [`strcpy`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let n = strlen(src);
        memcpy(dst.cast(), src.cast(), n + 1);
        dst.add(n)
    }
}

/// [stpncpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stpncpy.html):
/// returns the first NUL written, or `dst + n` if none was.
///
/// # Safety
/// As [`strncpy`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpncpy(dst: *mut c_char, src: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let len = strnlen(src, n);
        memcpy(dst.cast(), src.cast(), len);
        memset(dst.add(len).cast(), 0, n - len);
        dst.add(len)
    }
}

/// [strchrnul](https://man7.org/linux/man-pages/man3/strchr.3.html) (GNU):
/// like `strchr`, but the terminating NUL instead of NULL when not found.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    let mut p = s;
    // SAFETY: caller contract; we stop at the NUL.
    unsafe {
        while *p != 0 && *p != c as c_char {
            p = p.add(1);
        }
    }
    p as *mut c_char
}

/// [strlcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strlcpy.html):
/// copies at most `n - 1` bytes and NUL-terminates (if `n > 0`); returns `strlen(src)`.
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlcpy(dst: *mut c_char, src: *const c_char, n: size_t) -> size_t {
    // SAFETY: caller contract.
    unsafe {
        let len = strlen(src);
        if n > 0 {
            let k = len.min(n - 1);
            memcpy(dst.cast(), src.cast(), k);
            *dst.add(k) = 0;
        }
        len
    }
}

/// [strlcat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strlcat.html):
/// appends to the string in `dst` (size `n`), NUL-terminated when there was
/// a NUL in it; returns the length it tried to create.
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlcat(dst: *mut c_char, src: *const c_char, n: size_t) -> size_t {
    // SAFETY: caller contract.
    unsafe {
        let d = strnlen(dst, n);
        if d == n {
            return n + strlen(src);
        }
        d + strlcpy(dst.add(d), src, n - d)
    }
}

/// [explicit_bzero](https://man7.org/linux/man-pages/man3/bzero.3.html) (BSD/GNU):
/// zeroes memory with writes the compiler may not remove.
///
/// # Safety
/// `s` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn explicit_bzero(s: *mut c_void, n: size_t) {
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        unsafe { core::ptr::write_volatile(s.cast::<u8>().add(i), 0) };
    }
}
