//! Multibyte conversion: `mbrtowc`, `wcrtomb` and the functions built on
//! them. UTF-8 in "C.UTF-8"; in "C" (and "POSIX") each byte is one
//! character, bytes 0x80..=0xFF being the wide characters 0xDF80..=0xDFFF
//! (musl's choice, so wasi-libc programs see the same values).
//!
//! UTF-8 is decoded strictly (RFC 3629): no overlong forms, no surrogates,
//! nothing above U+10FFFF; the first byte that cannot continue a valid
//! sequence is `EILSEQ` (and the state returns to the initial one). A
//! partial character is kept in the `mbstate_t` (`__opaque1`: the bits so
//! far, the number of bytes still wanted in bits 24..26, the sequence
//! length in bits 28..30); `__opaque2` belongs to `uchar.h`'s surrogates.

use super::{WEOF, mbstate_t, wchar_t, wint_t};
use crate::header::locale::utf8;
use crate::platform::{c_char, c_int, size_t};
use libc_core::Errno;
use libc_core::single::Single;

/// `(size_t)-1`: an invalid sequence.
pub(crate) const ILSEQ: usize = usize::MAX;
/// `(size_t)-2`: an incomplete character (all `n` bytes consumed).
pub(crate) const INCOMPLETE: usize = usize::MAX - 1;

/// The wide character of a byte >= 0x80 in the C locale.
#[inline]
pub(crate) fn code_unit(b: u8) -> u32 {
    0xdf80 | (b as u32 & 0x7f)
}

/// Decodes one character from `s[..n]` after the partial state `*st`.
/// Returns the bytes used (0 for NUL), [`INCOMPLETE`] (state updated) or
/// [`ILSEQ`] (state reset; errno is the caller's). The character is in `*wc`.
///
/// # Safety
/// `s` valid for `n` bytes (only bytes up to the end of the character are
/// read).
pub(crate) unsafe fn decode(st: &mut u32, s: *const u8, n: usize, wc: &mut u32) -> usize {
    let (mut acc, mut need, len);
    let mut i = 0;
    if *st == 0 {
        if n == 0 {
            return INCOMPLETE;
        }
        // SAFETY: n >= 1.
        let b = unsafe { *s };
        i = 1;
        if b < 0x80 {
            *wc = b as u32;
            return (b != 0) as usize;
        }
        if !utf8() {
            *wc = code_unit(b);
            return 1;
        }
        (len, acc) = match b {
            0xc2..=0xdf => (2, b as u32 & 0x1f),
            0xe0..=0xef => (3, b as u32 & 0x0f),
            0xf0..=0xf4 => (4, b as u32 & 0x07),
            _ => return ILSEQ,
        };
        need = len - 1;
    } else {
        acc = *st & 0xff_ffff;
        need = (*st >> 24) & 3;
        len = (*st >> 28) & 7;
    }
    while need > 0 {
        if i == n {
            *st = acc | (need << 24) | (len << 28);
            return INCOMPLETE;
        }
        // SAFETY: i < n.
        let b = unsafe { *s.add(i) } as u32;
        // The first continuation byte decides overlong forms, surrogates
        // and values above U+10FFFF.
        let (lo, hi) = match (need == len - 1, len, acc) {
            (true, 3, 0) => (0xa0, 0xbf),
            (true, 3, 0xd) => (0x80, 0x9f),
            (true, 4, 0) => (0x90, 0xbf),
            (true, 4, 4) => (0x80, 0x8f),
            _ => (0x80, 0xbf),
        };
        if b < lo || b > hi {
            *st = 0;
            return ILSEQ;
        }
        acc = (acc << 6) | (b & 0x3f);
        need -= 1;
        i += 1;
    }
    *st = 0;
    *wc = acc;
    i
}

/// Encodes `wc` in the current locale into `out`; `None` if it has no
/// multibyte form there (`EILSEQ`).
pub(crate) fn encode(wc: u32, out: &mut [u8; 4]) -> Option<usize> {
    if wc < 0x80 {
        out[0] = wc as u8;
        return Some(1);
    }
    if !utf8() {
        if wc.wrapping_sub(0xdf80) < 0x80 {
            out[0] = wc as u8;
            return Some(1);
        }
        return None;
    }
    let c = char::from_u32(wc)?;
    Some(c.encode_utf8(out).len())
}

/// The state `ps` names, or the function's own when `ps` is NULL.
///
/// # Safety
/// `ps` NULL or valid.
unsafe fn state<'a>(ps: *mut mbstate_t, own: &'static Single<mbstate_t>) -> &'a mut mbstate_t {
    // SAFETY: caller contract; single-threaded for `own`.
    unsafe { &mut *if ps.is_null() { own.get() } else { ps } }
}

fn ilseq() -> usize {
    crate::header::stdlib::set_errno(Errno::EILSEQ);
    ILSEQ
}

static MBRTOWC: Single<mbstate_t> = Single::new(mbstate_t::new());
static MBRLEN: Single<mbstate_t> = Single::new(mbstate_t::new());
static MBSRTOWCS: Single<mbstate_t> = Single::new(mbstate_t::new());

/// `mbrtowc` with an explicit state.
///
/// # Safety
/// As [`mbrtowc`], `st` valid.
pub(crate) unsafe fn mbrtowc_st(
    pwc: *mut wchar_t,
    s: *const c_char,
    n: size_t,
    st: &mut mbstate_t,
) -> size_t {
    let (s, n, pwc) = if s.is_null() {
        (c"".as_ptr(), 1, core::ptr::null_mut())
    } else {
        (s, n, pwc)
    };
    let mut wc = 0;
    // SAFETY: caller contract.
    let r = unsafe { decode(&mut st.__opaque1, s.cast(), n, &mut wc) };
    if r == ILSEQ {
        return ilseq();
    }
    if r != INCOMPLETE && !pwc.is_null() {
        // SAFETY: caller contract.
        unsafe { *pwc = wc as wchar_t };
    }
    r
}

/// [mbrtowc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbrtowc.html)
///
/// # Safety
/// `s` NULL or valid for `n` bytes (or up to the end of the character);
/// `pwc` NULL or valid; `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtowc(
    pwc: *mut wchar_t,
    s: *const c_char,
    n: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    // SAFETY: caller contract.
    unsafe { mbrtowc_st(pwc, s, n, state(ps, &MBRTOWC)) }
}

/// [mbrlen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbrlen.html)
///
/// # Safety
/// As [`mbrtowc`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: size_t, ps: *mut mbstate_t) -> size_t {
    // SAFETY: caller contract.
    unsafe { mbrtowc_st(core::ptr::null_mut(), s, n, state(ps, &MBRLEN)) }
}

/// [mbsinit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsinit.html)
///
/// # Safety
/// `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsinit(ps: *const mbstate_t) -> c_int {
    // SAFETY: caller contract.
    (ps.is_null() || unsafe { (*ps).__opaque1 == 0 && (*ps).__opaque2 == 0 }) as c_int
}

/// [wcrtomb](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcrtomb.html)
///
/// # Safety
/// `s` NULL or valid for `MB_CUR_MAX` bytes; `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t) -> size_t {
    // UTF-8 and the C locale are stateless in this direction.
    let _ = ps;
    if s.is_null() {
        return 1;
    }
    let mut b = [0; 4];
    match encode(wc as u32, &mut b) {
        Some(n) => {
            // SAFETY: caller contract: room for MB_CUR_MAX >= n bytes.
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), s.cast(), n) };
            n
        }
        None => ilseq(),
    }
}

/// [btowc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/btowc.html)
#[unsafe(no_mangle)]
pub extern "C" fn btowc(c: c_int) -> wint_t {
    if (0..0x80).contains(&c) {
        c as wint_t
    } else if (0x80..0x100).contains(&c) && !utf8() {
        code_unit(c as u8)
    } else {
        WEOF
    }
}

/// [wctob](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctob.html)
#[unsafe(no_mangle)]
pub extern "C" fn wctob(c: wint_t) -> c_int {
    if c < 0x80 {
        c as c_int
    } else if c.wrapping_sub(0xdf80) < 0x80 && !utf8() {
        (c & 0xff) as c_int
    } else {
        -1
    }
}

/// [mbsnrtowcs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsrtowcs.html)
///
/// Converts at most `nms` bytes from `*src` (stopping after a NUL) into at
/// most `len` wide characters at `dst`. A partial character at the end of
/// the `nms` bytes is not consumed (like musl). With `dst` NULL, counts and
/// leaves `*src` alone.
///
/// # Safety
/// `*src` valid for `nms` bytes or up to its NUL; `dst` NULL or valid for
/// `len` wide characters; `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsnrtowcs(
    dst: *mut wchar_t,
    src: *mut *const c_char,
    nms: size_t,
    len: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    // SAFETY: caller contract.
    let st = unsafe { state(ps, &MBSRTOWCS) };
    // SAFETY: caller contract.
    let s: *const u8 = unsafe { *src }.cast();
    let mut pos = 0;
    let mut count = 0;
    let r = loop {
        if !dst.is_null() && count == len {
            break Some(pos);
        }
        let mut wc = 0;
        let mut tmp = st.__opaque1;
        // SAFETY: within nms bytes or the NUL.
        let r = unsafe { decode(&mut tmp, s.add(pos), nms - pos, &mut wc) };
        match r {
            ILSEQ => {
                st.__opaque1 = 0;
                if !dst.is_null() {
                    // SAFETY: caller contract.
                    unsafe { *src = s.add(pos).cast() };
                }
                return ilseq();
            }
            INCOMPLETE => break Some(pos),
            0 => {
                st.__opaque1 = 0;
                if !dst.is_null() {
                    // SAFETY: count < len.
                    unsafe { *dst.add(count) = 0 };
                }
                break None;
            }
            _ => {
                st.__opaque1 = tmp;
                if !dst.is_null() {
                    // SAFETY: count < len.
                    unsafe { *dst.add(count) = wc as wchar_t };
                }
                count += 1;
                pos += r;
            }
        }
    };
    if !dst.is_null() {
        // SAFETY: caller contract.
        unsafe { *src = r.map_or(core::ptr::null(), |p| s.add(p).cast()) };
    }
    count
}

/// [mbsrtowcs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbsrtowcs.html)
///
/// # Safety
/// As [`mbsnrtowcs`] without a byte limit.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsrtowcs(
    dst: *mut wchar_t,
    src: *mut *const c_char,
    len: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    // SAFETY: caller contract.
    unsafe {
        mbsnrtowcs(
            dst,
            src,
            usize::MAX,
            len,
            if ps.is_null() { MBSRTOWCS.get() } else { ps },
        )
    }
}

/// [wcsnrtombs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrtombs.html)
///
/// Converts at most `nwc` wide characters from `*src` (stopping after a
/// NUL) into at most `len` bytes at `dst` (a character that does not fit
/// whole is left). With `dst` NULL, counts and leaves `*src` alone.
///
/// # Safety
/// `*src` valid for `nwc` wide characters or up to its NUL; `dst` NULL or
/// valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnrtombs(
    dst: *mut c_char,
    src: *mut *const wchar_t,
    nwc: size_t,
    len: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    let _ = ps;
    // SAFETY: caller contract.
    let s = unsafe { *src };
    let mut count = 0;
    let mut i = 0;
    let stop = loop {
        if i == nwc || (!dst.is_null() && count == len) {
            break Some(i);
        }
        // SAFETY: i < nwc and not past the NUL.
        let wc = unsafe { *s.add(i) } as u32;
        let mut b = [0; 4];
        let Some(n) = encode(wc, &mut b) else {
            if !dst.is_null() {
                // SAFETY: caller contract.
                unsafe { *src = s.add(i) };
            }
            return ilseq();
        };
        if !dst.is_null() {
            if n > len - count {
                break Some(i);
            }
            // SAFETY: count + n <= len.
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), dst.add(count).cast(), n) };
        }
        if wc == 0 {
            break None;
        }
        count += n;
        i += 1;
    };
    if !dst.is_null() {
        // SAFETY: caller contract.
        unsafe { *src = stop.map_or(core::ptr::null(), |i| s.add(i)) };
    }
    count
}

/// [wcsrtombs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrtombs.html)
///
/// # Safety
/// As [`wcsnrtombs`] without a character limit.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrtombs(
    dst: *mut c_char,
    src: *mut *const wchar_t,
    len: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    // SAFETY: caller contract.
    unsafe { wcsnrtombs(dst, src, usize::MAX, len, ps) }
}
