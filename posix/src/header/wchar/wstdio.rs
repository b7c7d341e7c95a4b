//! Wide stdio: `fwide`, `fgetwc`/`fputwc` and friends, the wide printf and
//! scanf families, `open_wmemstream`.
//!
//! A stream carries bytes; wide characters are encoded and decoded in the
//! current locale's multibyte encoding at this layer (`mb.rs`: UTF-8 in
//! "C.UTF-8"; one byte per character in "C"). Only the wide functions
//! orient a stream (the byte functions leave it alone: no cost on their
//! paths).
//!
//! Wide printf walks the wide format itself and hands each numeric or
//! floating-point conversion, as a one-conversion narrow format, to the
//! narrow engine with the same arguments (its output is ASCII); `%s`,
//! `%ls`, `%c`, `%lc`, `%n` and `%%` are done here, so widths and
//! precisions count wide characters, as C says. Wide scanf converts the
//! format (and for `swscanf` the input) to UTF-8 (its internal form,
//! whatever the locale) and runs the narrow
//! engine in its character mode (widths and `%n` count characters; `%ls`,
//! `%lc`, `%l[` decode); a scanset matches a non-ASCII character by its
//! first UTF-8 byte.

use super::mb::{ILSEQ, INCOMPLETE, decode, encode};
use super::wint_t;
use crate::header::stdio::file::{F_BYTE, F_ERR, F_WIDE, UNGET};
use crate::header::stdio::memstream::open_growing;
use crate::header::stdio::printf::{self, Sink, float_conv};
use crate::header::stdio::scanf;
use crate::header::stdio::va::{Args, VaList};
use crate::header::stdio::{FILE, stdin, stdout, va_list};
use crate::platform::{c_int, size_t};

/// `wchar_t`: a 32-bit code point (wasi-libc: `int`).
#[allow(non_camel_case_types)]
type wchar_t = i32;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

const WEOF: wint_t = super::WEOF;

/// # Safety
/// `f` is a live stream (C contract).
unsafe fn file<'a>(f: *mut FILE) -> &'a mut FILE {
    // SAFETY: caller contract; single-threaded.
    unsafe { &mut *f }
}

/// Orients an unoriented stream wide (what every wide function does).
fn orient_wide(f: &mut FILE) {
    if f.flags & (F_WIDE | F_BYTE) == 0 {
        f.flags |= F_WIDE;
    }
}

/// UTF-8 of `c` (wide scanf's internal form, whatever the locale).
fn utf8_encode(c: u32, b: &mut [u8; 4]) -> Option<usize> {
    Some(char::from_u32(c)?.encode_utf8(b).len())
}

/// Length of a NUL-terminated wide string.
///
/// # Safety
/// `s` is NUL-terminated.
unsafe fn wlen(s: *const wchar_t) -> usize {
    let mut n = 0;
    // SAFETY: caller contract.
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

// ---- orientation ---------------------------------------------------------------

/// [fwide](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fwide.html)
///
/// `mode > 0` orients an unoriented stream wide, `mode < 0` byte; returns
/// the orientation (> 0 wide, < 0 byte, 0 none). The byte functions do not
/// orient a stream here (only `fwide(f, -1)` does).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwide(f: *mut FILE, mode: c_int) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    if fr.flags & (F_WIDE | F_BYTE) == 0 {
        if mode > 0 {
            fr.flags |= F_WIDE;
        } else if mode < 0 {
            fr.flags |= F_BYTE;
        }
    }
    if fr.flags & F_WIDE != 0 {
        1
    } else if fr.flags & F_BYTE != 0 {
        -1
    } else {
        0
    }
}

// ---- character input ---------------------------------------------------------

/// Reads one character in the locale's encoding; `EILSEQ` for a malformed
/// one (the byte that broke the sequence is left for the next read).
fn get_wide(f: &mut FILE) -> wint_t {
    orient_wide(f);
    let mut st = 0u32;
    let mut wc = 0u32;
    let mut first = true;
    loop {
        let Some(b) = f.getc() else {
            if first {
                return WEOF;
            }
            break;
        };
        // SAFETY: one byte.
        match unsafe { decode(&mut st, &b, 1, &mut wc) } {
            INCOMPLETE => first = false,
            ILSEQ => {
                if !first {
                    // The byte came from the buffer: it is still there.
                    f.rpos -= 1;
                }
                break;
            }
            // 0 for a NUL (wc = 0), else 1.
            _ => return wc,
        }
    }
    f.flags |= F_ERR;
    Err::<(), Errno>(Errno::EILSEQ).or_minus_one_errno();
    WEOF
}

/// [fgetwc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetwc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetwc(f: *mut FILE) -> wint_t {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    get_wide(unsafe { file(f) })
}

/// [getwc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getwc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getwc(f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fgetwc(f) }
}

/// [getwchar](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getwchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn getwchar() -> wint_t {
    // SAFETY: stdin is a live static stream.
    unsafe { fgetwc(stdin.0) }
}

/// [fgetws](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetws.html)
///
/// # Safety
/// `s` is valid for `n` wide characters; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetws(s: *mut wchar_t, n: c_int, f: *mut FILE) -> *mut wchar_t {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    if n <= 0 {
        return Err::<*mut wchar_t, Errno>(Errno::EINVAL).or_null_errno();
    }
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let mut i = 0usize;
    while i + 1 < n as usize {
        let c = get_wide(fr);
        if c == WEOF {
            if fr.flags & F_ERR != 0 {
                return core::ptr::null_mut();
            }
            break;
        }
        // SAFETY: i < n - 1.
        unsafe { *s.add(i) = c as wchar_t };
        i += 1;
        if c == b'\n' as wint_t {
            break;
        }
    }
    if i == 0 && n > 1 {
        return core::ptr::null_mut();
    }
    // SAFETY: i < n.
    unsafe { *s.add(i) = 0 };
    s
}

/// [ungetwc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ungetwc.html)
///
/// One character of pushback is guaranteed (its UTF-8 bytes go back into
/// the stream's buffer).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ungetwc(c: wint_t, f: *mut FILE) -> wint_t {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    orient_wide(fr);
    let mut b = [0u8; 4];
    let Some(k) = (c != WEOF).then(|| encode(c, &mut b)).flatten() else {
        return WEOF;
    };
    if fr.enter_read().is_err() || fr.rpos < k {
        return WEOF;
    }
    for &x in b.iter().take(k).rev() {
        fr.ungetc(x);
    }
    const _: () = assert!(UNGET >= 4);
    c
}

// ---- character output ----------------------------------------------------------

/// Writes `c` UTF-8 encoded; `EILSEQ` for a value that is no character.
fn put_wide(f: &mut FILE, c: wint_t) -> wint_t {
    orient_wide(f);
    let mut b = [0u8; 4];
    let Some(k) = encode(c, &mut b) else {
        f.flags |= F_ERR;
        Err::<(), Errno>(Errno::EILSEQ).or_minus_one_errno();
        return WEOF;
    };
    match f.write_bytes(b.get(..k).unwrap_or(&b)) {
        Ok(()) => c,
        Err(e) => {
            Err::<(), Errno>(e.into()).or_minus_one_errno();
            WEOF
        }
    }
}

/// [fputwc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputwc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputwc(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    put_wide(unsafe { file(f) }, c as wint_t)
}

/// [putwc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putwc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putwc(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fputwc(c, f) }
}

/// [putwchar](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putwchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn putwchar(c: wchar_t) -> wint_t {
    // SAFETY: stdout is a live static stream.
    unsafe { fputwc(c, stdout.0) }
}

/// [fputws](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputws.html)
///
/// # Safety
/// `s` is NUL-terminated; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputws(s: *const wchar_t, f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    let (fr, n) = unsafe { (file(f), wlen(s)) };
    for i in 0..n {
        // SAFETY: i < n.
        if put_wide(fr, unsafe { *s.add(i) } as wint_t) == WEOF {
            return -1;
        }
    }
    1
}

// ---- the _unlocked forms ---------------------------------------------------------
// One thread per instance: each is its plain function (see stdio/unlocked.rs).

/// `fgetwc_unlocked` (glibc).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetwc_unlocked(f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fgetwc(f) }
}

/// `__fgetwc_unlocked` (musl's name).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fgetwc_unlocked(f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fgetwc(f) }
}

/// `getwc_unlocked` (glibc).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getwc_unlocked(f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fgetwc(f) }
}

/// `getwchar_unlocked` (glibc).
#[unsafe(no_mangle)]
pub extern "C" fn getwchar_unlocked() -> wint_t {
    getwchar()
}

/// `fgetws_unlocked` (glibc).
///
/// # Safety
/// As for `fgetws`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetws_unlocked(s: *mut wchar_t, n: c_int, f: *mut FILE) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { fgetws(s, n, f) }
}

/// `fputwc_unlocked` (glibc).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputwc_unlocked(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fputwc(c, f) }
}

/// `__fputwc_unlocked` (musl's name).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fputwc_unlocked(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fputwc(c, f) }
}

/// `putwc_unlocked` (glibc).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putwc_unlocked(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: caller contract.
    unsafe { fputwc(c, f) }
}

/// `putwchar_unlocked` (glibc).
#[unsafe(no_mangle)]
pub extern "C" fn putwchar_unlocked(c: wchar_t) -> wint_t {
    putwchar(c)
}

/// `fputws_unlocked` (glibc).
///
/// # Safety
/// As for `fputws`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputws_unlocked(s: *const wchar_t, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { fputws(s, f) }
}

// ---- wide printf -------------------------------------------------------------------

/// Where wide printf's characters go.
trait WSink {
    fn put(&mut self, c: u32);
}

/// The narrow engine's (ASCII) output, widened.
struct Widen<'a>(&'a mut dyn WSink);

impl Sink for Widen<'_> {
    fn put(&mut self, s: &[u8]) {
        for &b in s {
            self.0.put(b as u32);
        }
    }
}

/// Swallows everything (the walk that records positional argument types).
struct Null;

impl Sink for Null {
    fn put(&mut self, _s: &[u8]) {}
}

/// Characters counted into a sink.
struct WOut<'a> {
    sink: &'a mut dyn WSink,
    n: usize,
}

impl WOut<'_> {
    fn put(&mut self, c: u32) {
        self.n += 1;
        self.sink.put(c);
    }
    fn pad(&mut self, n: usize) {
        for _ in 0..n {
            self.put(b' ' as u32);
        }
    }
}

/// Reads digits at `fmt[*i..]` (saturated); with `dollar`, only an `n$`
/// counts (consumed), else 0 and `*i` unchanged.
///
/// # Safety
/// `fmt` is NUL-terminated from `*i`.
unsafe fn wnum(fmt: *const wchar_t, i: &mut usize, dollar: bool) -> usize {
    let mut j = *i;
    let mut n = 0usize;
    // SAFETY: stops at the first non-digit (at the latest the NUL).
    unsafe {
        while let Some(d) = (*fmt.add(j) as u32)
            .checked_sub(b'0' as u32)
            .filter(|&d| d < 10)
        {
            n = n
                .saturating_mul(10)
                .saturating_add(d as usize)
                .min(i32::MAX as usize);
            j += 1;
        }
        if dollar {
            if *fmt.add(j) != b'$' as wchar_t || n == 0 {
                return 0;
            }
            j += 1;
        }
    }
    *i = j;
    n
}

/// The wide printf engine: the number of wide characters produced.
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it (C contract).
unsafe fn wformat(sink: &mut dyn WSink, fmt: *const wchar_t, ap: VaList) -> Result<usize, Errno> {
    let mut args = Args::new(ap);
    // SAFETY: NUL-terminated (caller contract).
    let flen = unsafe { wlen(fmt) };
    // A positional format: the narrow engine records every argument's
    // type from a narrow copy (non-ASCII characters are only literal text).
    let mut positional = false;
    for i in 0..flen {
        // SAFETY: i < flen.
        if unsafe { *fmt.add(i) } == b'%' as wchar_t {
            let mut j = i + 1;
            // SAFETY: NUL-terminated.
            if unsafe { wnum(fmt, &mut j, true) } != 0 {
                positional = true;
            }
        }
    }
    if positional {
        let narrow = wasm_libc_alloc::malloc(flen + 1);
        if narrow.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: `narrow` holds flen + 1 bytes; fmt holds flen + 1 units.
        let r = unsafe {
            for i in 0..=flen {
                let c = *fmt.add(i) as u32;
                *narrow.add(i) = if c < 0x80 { c as u8 } else { b'x' };
            }
            args.collect();
            let r = printf::format(&mut Null, narrow, &mut args, float_conv);
            wasm_libc_alloc::free(narrow);
            r
        };
        r?;
        if args.too_many {
            return Err(Errno::EINVAL);
        }
        args.positional(None);
    }
    let mut o = WOut { sink, n: 0 };
    let mut i = 0;
    // SAFETY: NUL-terminated format; arguments per format.
    unsafe {
        while i < flen {
            let c = *fmt.add(i) as u32;
            i += 1;
            if c != b'%' as u32 {
                o.put(c);
                continue;
            }
            // The spec as narrow text, for the narrow engine.
            let mut spec = [0u8; 48];
            spec[0] = b'%';
            let mut k = 1;
            let start = i;
            let mut argn = 0;
            let mut j = i;
            if wnum(fmt, &mut j, true) != 0 {
                j = i;
                argn = wnum(fmt, &mut j, true);
            }
            // Walk flags, width, precision, length up to the conversion.
            let mut left = false;
            let mut has = [false; 2];
            let mut stars = [usize::MAX; 2];
            let mut lits = [0usize; 2];
            let mut field = 0;
            let mut lmod = [0u8; 2];
            let mut nl = 0;
            j = start;
            let conv = loop {
                let ch = *fmt.add(j) as u32;
                if ch == 0 || ch >= 0x80 || k + 1 >= spec.len() {
                    break 0u8;
                }
                let b = ch as u8;
                spec[k] = b;
                k += 1;
                j += 1;
                match b {
                    b'0'..=b'9' | b'$' | b'-' | b'+' | b' ' | b'#' | b'\'' | b'I' => {}
                    b'.' => {
                        field = 1;
                        has[1] = true;
                    }
                    b'*' => {
                        has[field] = true;
                        let mut q = j;
                        let m = wnum(fmt, &mut q, true);
                        stars[field] = m;
                        while j < q {
                            spec[k] = *fmt.add(j) as u8;
                            k += 1;
                            j += 1;
                        }
                    }
                    b'h' | b'l' | b'L' | b'q' | b'j' | b'z' | b't' => {
                        if nl < 2 {
                            lmod[nl] = b;
                        }
                        nl += 1;
                    }
                    _ => break b,
                }
            };
            // Literal width/precision from the narrow text (simple reparse).
            {
                let body = spec.get(1..k).unwrap_or(&[]);
                let mut p = 0;
                let mut q = p;
                while body.get(q).is_some_and(|b| b.is_ascii_digit()) {
                    q += 1;
                }
                if body.get(q) == Some(&b'$') {
                    p = q + 1;
                }
                while let Some(&f) = body.get(p).filter(|b| b"-+ #0'I".contains(b)) {
                    left |= f == b'-';
                    p += 1;
                }
                let mut v = 0usize;
                while let Some(&d) = body.get(p).filter(|b| b.is_ascii_digit()) {
                    v = (v * 10 + (d - b'0') as usize).min(i32::MAX as usize);
                    p += 1;
                }
                lits[0] = v;
                if body.get(p) == Some(&b'*') {
                    p += 1;
                    while body
                        .get(p)
                        .is_some_and(|b| b.is_ascii_digit() || *b == b'$')
                    {
                        p += 1;
                    }
                }
                if body.get(p) == Some(&b'.') {
                    p += 1;
                    let mut v = 0usize;
                    while let Some(&d) = body.get(p).filter(|b| b.is_ascii_digit()) {
                        v = (v * 10 + (d - b'0') as usize).min(i32::MAX as usize);
                        p += 1;
                    }
                    lits[1] = v;
                }
            }
            let wide = lmod[0] == b'l' && nl == 1;
            match conv {
                b's' | b'S' | b'c' | b'C' | b'n' | b'%' => {}
                0 => {
                    // Malformed: printed as text, like the narrow engine.
                    o.put(b'%' as u32);
                    continue;
                }
                _ => {
                    // Numeric or floating point: the narrow engine.
                    i = j;
                    let n = printf::format(
                        &mut Widen(&mut *o.sink),
                        spec.as_ptr(),
                        &mut args,
                        float_conv,
                    )?;
                    o.n += n;
                    continue;
                }
            }
            i = j;
            if conv == b'%' {
                o.put(b'%' as u32);
                continue;
            }
            // Width and precision: literal, or `*` arguments (width first).
            let mut width = lits[0] as i64;
            let mut prec: Option<usize> = has[1].then_some(lits[1]);
            if stars[0] != usize::MAX {
                width = args.int(stars[0], false) as i32 as i64;
                if width < 0 {
                    left = true;
                    width = -width;
                }
            }
            if stars[1] != usize::MAX {
                let p = args.int(stars[1], false) as i32;
                prec = usize::try_from(p).ok();
            }
            let width = width as usize;
            match conv {
                b'n' => {
                    let p: *mut u8 = args.ptr(argn);
                    if !p.is_null() {
                        let size = match (lmod[0], nl) {
                            (b'h', 2) => 1,
                            (b'h', _) => 2,
                            (b'l', 2) | (b'q', _) | (b'j', _) | (b'L', _) => 8,
                            _ => 4,
                        };
                        let mut x = o.n as u64;
                        for b in 0..size {
                            *p.add(b) = x as u8;
                            x >>= 8;
                        }
                    }
                }
                b'c' | b'C' => {
                    let v = args.int(argn, false) as u32;
                    // `%c` takes a byte (`btowc`), `%lc` a wide character.
                    let mut ch = v;
                    if !(wide || conv == b'C') {
                        let b = v as u8;
                        let mut st = 0;
                        // SAFETY: one byte.
                        if decode(&mut st, &b, 1, &mut ch) > 1 {
                            return Err(Errno::EILSEQ);
                        }
                    }
                    if !left {
                        o.pad(width.saturating_sub(1));
                    }
                    o.put(ch);
                    if left {
                        o.pad(width.saturating_sub(1));
                    }
                }
                _ => {
                    let p: *const u8 = args.ptr(argn);
                    let max = prec.unwrap_or(usize::MAX);
                    if wide || conv == b'S' {
                        let ws = p.cast::<wchar_t>();
                        let n = if ws.is_null() {
                            if max >= 6 { 6 } else { 0 }
                        } else {
                            let mut n = 0;
                            while n < max && *ws.add(n) != 0 {
                                n += 1;
                            }
                            n
                        };
                        if !left {
                            o.pad(width.saturating_sub(n));
                        }
                        for x in 0..n {
                            let ch = if ws.is_null() {
                                b"(null)"[x] as u32
                            } else {
                                *ws.add(x) as u32
                            };
                            o.put(ch);
                        }
                        if left {
                            o.pad(width.saturating_sub(n));
                        }
                    } else {
                        // A multibyte string: decoded, then cut at the
                        // precision (in wide characters).
                        let s: &[u8] = if p.is_null() {
                            if max >= 6 { b"(null)" } else { b"" }
                        } else {
                            core::ffi::CStr::from_ptr(p.cast()).to_bytes()
                        };
                        // One character of `s` at `at`: its value and length.
                        let next = |at: usize| -> Result<(u32, usize), Errno> {
                            let (mut st, mut wc) = (0, 0);
                            let rest = s.get(at..).unwrap_or(&[]);
                            // SAFETY: `rest` holds its length.
                            match decode(&mut st, rest.as_ptr(), rest.len(), &mut wc) {
                                ILSEQ | INCOMPLETE | 0 => Err(Errno::EILSEQ),
                                l => Ok((wc, l)),
                            }
                        };
                        let mut count = 0;
                        let mut at = 0;
                        while count < max && at < s.len() {
                            at += next(at)?.1;
                            count += 1;
                        }
                        if !left {
                            o.pad(width.saturating_sub(count));
                        }
                        let mut at = 0;
                        for _ in 0..count {
                            let (v, l) = next(at)?;
                            o.put(v);
                            at += l;
                        }
                        if left {
                            o.pad(width.saturating_sub(count));
                        }
                    }
                }
            }
        }
    }
    if o.n > i32::MAX as usize {
        return Err(Errno::EOVERFLOW);
    }
    Ok(o.n)
}

/// Wide characters UTF-8 encoded into a stream, through a small buffer.
struct FileW<'a> {
    f: &'a mut FILE,
    buf: [u8; 64],
    n: usize,
    err: Option<Errno>,
}

impl FileW<'_> {
    fn flush(&mut self) {
        let n = self.n;
        self.n = 0;
        if self.err.is_none()
            && let Err(e) = self.f.write_bytes(self.buf.get(..n).unwrap_or(&[]))
        {
            self.err = Some(e.into());
        }
    }
}

impl WSink for FileW<'_> {
    fn put(&mut self, c: u32) {
        if self.n + 4 > self.buf.len() {
            self.flush();
        }
        let mut b = [0u8; 4];
        match encode(c, &mut b) {
            Some(k) => {
                for &x in b.iter().take(k) {
                    self.buf[self.n & 63] = x;
                    self.n += 1;
                }
            }
            None => {
                if self.err.is_none() {
                    self.err = Some(Errno::EILSEQ);
                }
            }
        }
    }
}

/// # Safety
/// `f` is a live stream; `fmt`/`ap` per the C contract.
unsafe fn vfwprintf_impl(f: *mut FILE, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { crate::header::stdio::file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    orient_wide(fr);
    let mut w = FileW {
        f: fr,
        buf: [0; 64],
        n: 0,
        err: None,
    };
    // SAFETY: caller contract.
    let r = unsafe { wformat(&mut w, fmt, ap) };
    w.flush();
    let r = match (r, w.err) {
        (Err(e), _) | (Ok(_), Some(e)) => {
            w.f.flags |= F_ERR;
            Err(e)
        }
        (Ok(n), None) => Ok(n as c_int),
    };
    r.or_minus_one_errno()
}

/// [vfwprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfwprintf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfwprintf(f: *mut FILE, fmt: *const wchar_t, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { vfwprintf_impl(f, fmt, VaList(ap.cast())) }
}

/// [vwprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vwprintf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwprintf(fmt: *const wchar_t, ap: va_list) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    unsafe { vfwprintf_impl(stdout.0, fmt, VaList(ap.cast())) }
}

/// [fwprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fwprintf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwprintf(f: *mut FILE, fmt: *const wchar_t, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vfwprintf_impl(f, fmt, VaList(args)) }
}

/// [wprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wprintf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wprintf(fmt: *const wchar_t, args: *const u8) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    unsafe { vfwprintf_impl(stdout.0, fmt, VaList(args)) }
}

/// Wide characters into a caller's array, keeping what fits.
struct StrW {
    p: *mut wchar_t,
    room: usize,
    over: bool,
}

impl WSink for StrW {
    fn put(&mut self, c: u32) {
        if self.room == 0 {
            self.over = true;
            return;
        }
        // SAFETY: `room` units after `p` are the caller's.
        unsafe {
            *self.p = c as wchar_t;
            self.p = self.p.add(1);
        }
        self.room -= 1;
    }
}

/// # Safety
/// `s` is valid for `n` wide characters; `fmt`/`ap` per the C contract.
unsafe fn vswprintf_impl(s: *mut wchar_t, n: size_t, fmt: *const wchar_t, ap: VaList) -> c_int {
    let mut w = StrW {
        p: s,
        room: n.saturating_sub(1),
        over: false,
    };
    // SAFETY: caller contract.
    let r = unsafe { wformat(&mut w, fmt, ap) };
    if n > 0 {
        // SAFETY: one unit was kept for the NUL.
        unsafe { *w.p = 0 };
    }
    let r = match r {
        // C: -1 when `n` or more wide characters were asked for.
        Ok(_) if w.over || n == 0 => Err(Errno::EOVERFLOW),
        Ok(k) => Ok(k as c_int),
        Err(e) => Err(e),
    };
    r.or_minus_one_errno()
}

/// [vswprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vswprintf.html)
///
/// -1 (`EOVERFLOW`) when the output does not fit in `n` wide characters
/// with the NUL (what fits is kept, NUL-terminated).
///
/// # Safety
/// `s` is valid for `n` wide characters; `fmt` is NUL-terminated and `ap`
/// matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vswprintf(
    s: *mut wchar_t,
    n: size_t,
    fmt: *const wchar_t,
    ap: va_list,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vswprintf_impl(s, n, fmt, VaList(ap.cast())) }
}

/// [swprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/swprintf.html)
///
/// # Safety
/// As for [`vswprintf`], with the arguments matching `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn swprintf(
    s: *mut wchar_t,
    n: size_t,
    fmt: *const wchar_t,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vswprintf_impl(s, n, fmt, VaList(args)) }
}

// ---- wide scanf -----------------------------------------------------------------------

/// A wide string UTF-8 encoded into a fresh NUL-terminated block (freed by
/// the caller); null when out of memory or for a value that is no
/// character.
///
/// # Safety
/// `s` is NUL-terminated.
unsafe fn to_utf8(s: *const wchar_t) -> *mut u8 {
    // SAFETY: caller contract.
    let n = unsafe { wlen(s) };
    let p = wasm_libc_alloc::malloc(n * 4 + 1);
    if p.is_null() {
        return p;
    }
    let mut at = 0;
    for i in 0..n {
        let mut b = [0u8; 4];
        // SAFETY: i < n.
        let Some(k) = utf8_encode(unsafe { *s.add(i) } as u32, &mut b) else {
            // SAFETY: ours.
            unsafe { wasm_libc_alloc::free(p) };
            return core::ptr::null_mut();
        };
        for &x in b.iter().take(k) {
            // SAFETY: at < 4 * n.
            unsafe { *p.add(at) = x };
            at += 1;
        }
    }
    // SAFETY: at <= 4 * n.
    unsafe { *p.add(at) = 0 };
    p
}

/// # Safety
/// `fmt`/`ap` per the C contract; `input` null (a stream) or UTF-8.
unsafe fn wscan(f: *mut FILE, input: *const wchar_t, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: caller contract.
    let nf = unsafe { to_utf8(fmt) };
    if nf.is_null() {
        return Err::<c_int, Errno>(Errno::EILSEQ).or_minus_one_errno();
    }
    let r = if input.is_null() {
        // SAFETY: a live stream (caller contract), for this call.
        let _g = unsafe { crate::header::stdio::file::guard(f) };
        // SAFETY: caller contract.
        let fr = unsafe { file(f) };
        orient_wide(fr);
        // SAFETY: as above.
        unsafe { scanf::scan_chars_of(Some(fr), core::ptr::null(), nf, ap) }
    } else {
        // SAFETY: caller contract.
        let ni = unsafe { to_utf8(input) };
        if ni.is_null() {
            Err::<c_int, Errno>(Errno::EILSEQ).or_minus_one_errno()
        } else {
            // SAFETY: both NUL-terminated.
            let r = unsafe { scanf::scan_chars_of(None, ni, nf, ap) };
            // SAFETY: ours.
            unsafe { wasm_libc_alloc::free(ni) };
            r
        }
    };
    // SAFETY: ours.
    unsafe { wasm_libc_alloc::free(nf) };
    r
}

/// [vfwscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfwscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfwscanf(f: *mut FILE, fmt: *const wchar_t, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { wscan(f, core::ptr::null(), fmt, VaList(ap.cast())) }
}

/// [vwscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vwscanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwscanf(fmt: *const wchar_t, ap: va_list) -> c_int {
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { wscan(stdin.0, core::ptr::null(), fmt, VaList(ap.cast())) }
}

/// [vswscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vswscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and `ap` matches `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vswscanf(s: *const wchar_t, fmt: *const wchar_t, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { wscan(core::ptr::null_mut(), s, fmt, VaList(ap.cast())) }
}

/// [fwscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fwscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwscanf(f: *mut FILE, fmt: *const wchar_t, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { wscan(f, core::ptr::null(), fmt, VaList(args)) }
}

/// [wscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wscanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wscanf(fmt: *const wchar_t, args: *const u8) -> c_int {
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { wscan(stdin.0, core::ptr::null(), fmt, VaList(args)) }
}

/// [swscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/swscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn swscanf(s: *const wchar_t, fmt: *const wchar_t, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { wscan(core::ptr::null_mut(), s, fmt, VaList(args)) }
}

macro_rules! isoc99 {
    ($($name:ident => $target:ident ($($a:ident: $t:ty),*);)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (glibc's C99 name): `", stringify!($target), "`.")]
        ///
        /// # Safety
        /// As for the function it forwards to.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> c_int {
            // SAFETY: caller contract.
            unsafe { $target($($a),*) }
        }
    )*};
}

isoc99! {
    __isoc99_fwscanf => fwscanf(f: *mut FILE, fmt: *const wchar_t, args: *const u8);
    __isoc99_wscanf => wscanf(fmt: *const wchar_t, args: *const u8);
    __isoc99_swscanf => swscanf(s: *const wchar_t, fmt: *const wchar_t, args: *const u8);
    __isoc99_vfwscanf => vfwscanf(f: *mut FILE, fmt: *const wchar_t, ap: va_list);
    __isoc99_vwscanf => vwscanf(fmt: *const wchar_t, ap: va_list);
    __isoc99_vswscanf => vswscanf(s: *const wchar_t, fmt: *const wchar_t, ap: va_list);
}

// ---- open_wmemstream ------------------------------------------------------------------

/// [open_wmemstream](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open_wmemstream.html)
///
/// `open_memstream` for wide characters: a wide-oriented stream whose
/// buffer holds `wchar_t`s (sizes count them), NUL-terminated.
///
/// # Safety
/// `bufp` and `sizep` are valid while the stream is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_wmemstream(bufp: *mut *mut wchar_t, sizep: *mut size_t) -> *mut FILE {
    // SAFETY: caller contract.
    let r = unsafe { open_growing(bufp.cast(), sizep, true) };
    if let Ok(f) = r {
        // SAFETY: a fresh stream.
        unsafe { (*f).flags |= F_WIDE };
    }
    r.or_null_errno()
}
