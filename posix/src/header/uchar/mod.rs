//! `uchar.h`: UTF-16 and UTF-32 code units to and from multibyte strings
//! (C11), over `wchar.h`'s `mbrtowc`/`wcrtomb` (so in the locale's
//! encoding). `char32_t` is a code point like `wchar_t`. A character
//! outside the BMP is two `char16_t`: `mbrtoc16` returns the high
//! surrogate, then (`(size_t)-3`, no input used) the low one, which waits
//! in the state's second word; `c16rtomb` keeps a high surrogate there
//! until its low half comes.

use crate::header::wchar::{ILSEQ, mbrtowc, mbstate_t, wchar_t, wcrtomb};
use crate::platform::{c_char, size_t};
use libc_core::Errno;
use libc_core::single::Single;

/// A UTF-16 code unit.
pub type char16_t = u16;
/// A UTF-32 code unit.
pub type char32_t = u32;

static MBRTOC16: Single<mbstate_t> = Single::new(mbstate_t::new());
static MBRTOC32: Single<mbstate_t> = Single::new(mbstate_t::new());
static C16RTOMB: Single<mbstate_t> = Single::new(mbstate_t::new());
static C32RTOMB: Single<mbstate_t> = Single::new(mbstate_t::new());

/// Marks a pending surrogate in `__opaque2` (so 0 stays "none").
const PENDING: u32 = 0x1_0000;

fn own(ps: *mut mbstate_t, s: &'static Single<mbstate_t>) -> *mut mbstate_t {
    if ps.is_null() { s.get() } else { ps }
}

fn ilseq() -> size_t {
    crate::header::stdlib::set_errno(Errno::EILSEQ);
    ILSEQ
}

/// [mbrtoc16](https://en.cppreference.com/w/c/string/multibyte/mbrtoc16) (C11 7.28.1.1)
///
/// # Safety
/// As `mbrtowc`; `pc16` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtoc16(
    pc16: *mut char16_t,
    s: *const c_char,
    n: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    let ps = own(ps, &MBRTOC16);
    // SAFETY: caller contract (ps valid or our own).
    let st = unsafe { &mut *ps };
    if s.is_null() {
        // SAFETY: a one-byte string.
        return unsafe { mbrtoc16(core::ptr::null_mut(), c"".as_ptr(), 1, ps) };
    }
    if st.__opaque2 & PENDING != 0 {
        if !pc16.is_null() {
            // SAFETY: caller contract.
            unsafe { *pc16 = st.__opaque2 as char16_t };
        }
        st.__opaque2 = 0;
        return usize::MAX - 2;
    }
    let mut wc: wchar_t = 0;
    // SAFETY: caller contract.
    let r = unsafe { mbrtowc(&mut wc, s, n, ps) };
    if r <= 4 {
        let mut c = wc as u32;
        if c >= 0x1_0000 {
            st.__opaque2 = PENDING | (0xdc00 + (c & 0x3ff));
            c = 0xd7c0 + (c >> 10);
        }
        if !pc16.is_null() {
            // SAFETY: caller contract.
            unsafe { *pc16 = c as char16_t };
        }
    }
    r
}

/// [mbrtoc32](https://en.cppreference.com/w/c/string/multibyte/mbrtoc32) (C11 7.28.1.3):
/// `mbrtowc`.
///
/// # Safety
/// As `mbrtowc`; `pc32` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtoc32(
    pc32: *mut char32_t,
    s: *const c_char,
    n: size_t,
    ps: *mut mbstate_t,
) -> size_t {
    // SAFETY: caller contract; char32_t and wchar_t have one layout.
    unsafe { mbrtowc(pc32.cast(), s, n, own(ps, &MBRTOC32)) }
}

/// [c16rtomb](https://en.cppreference.com/w/c/string/multibyte/c16rtomb) (C11 7.28.1.2):
/// a high surrogate writes nothing (returns 0) and waits for its low half;
/// a lone low surrogate, or a high one followed by anything else, is
/// `EILSEQ`.
///
/// # Safety
/// `s` NULL or valid for `MB_CUR_MAX` bytes; `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn c16rtomb(s: *mut c_char, c16: char16_t, ps: *mut mbstate_t) -> size_t {
    // SAFETY: caller contract.
    let st = unsafe { &mut *own(ps, &C16RTOMB) };
    let high = st.__opaque2;
    let c = c16 as u32;
    if s.is_null() {
        st.__opaque2 = 0;
        return if high != 0 { ilseq() } else { 1 };
    }
    let wc = if high != 0 {
        st.__opaque2 = 0;
        if !(0xdc00..0xe000).contains(&c) {
            return ilseq();
        }
        ((high & 0x3ff) << 10) + (c - 0xdc00) + 0x1_0000
    } else if (0xd800..0xdc00).contains(&c) {
        st.__opaque2 = PENDING | c;
        return 0;
    } else if (0xdc00..0xe000).contains(&c) {
        return ilseq();
    } else {
        c
    };
    // SAFETY: caller contract.
    unsafe { wcrtomb(s, wc as wchar_t, core::ptr::null_mut()) }
}

/// [c32rtomb](https://en.cppreference.com/w/c/string/multibyte/c32rtomb) (C11 7.28.1.4):
/// `wcrtomb`.
///
/// # Safety
/// `s` NULL or valid for `MB_CUR_MAX` bytes; `ps` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn c32rtomb(s: *mut c_char, c32: char32_t, ps: *mut mbstate_t) -> size_t {
    // SAFETY: caller contract.
    unsafe { wcrtomb(s, c32 as wchar_t, own(ps, &C32RTOMB)) }
}
