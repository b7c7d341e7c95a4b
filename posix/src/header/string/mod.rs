//! `string.h` (the memory functions and string basics)
//!
//! The `mem*` functions are the ones the compiler itself calls. With the
//! `bulk-memory` feature (on by default for `wasm32-wasip1`/`-wasip2`) the
//! copies compile to `memory.copy`/`memory.fill`; without it (the MVP
//! flavour) they are byte loops, which LLVM does not turn back into calls to
//! themselves inside functions named `memcpy`/`memset`/`memmove`.

use crate::platform::{c_char, c_int, c_void, size_t};
use libc_core::Errno;

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
