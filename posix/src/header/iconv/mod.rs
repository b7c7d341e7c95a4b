//! `iconv.h`: character set conversion between UTF-8, UTF-16, UTF-32
//! (each with `LE`/`BE` forms), UCS-2, UCS-4, `WCHAR_T`, ASCII and
//! ISO-8859-1, under the names and aliases glibc accepts (case-insensitive).
//!
//! Behaviour follows glibc where POSIX leaves room: "UTF-16"/"UTF-32" input
//! honours and drops a leading byte-order mark and is little-endian without
//! one; their output starts with a BOM (again after a reset) in
//! little-endian order; UCS-2 is little-endian and UCS-4 big-endian, with no
//! BOM handling. A `//TRANSLIT` suffix on the target writes `?` for a
//! character it lacks (counted as an irreversible conversion); `//IGNORE`
//! skips such characters and invalid input, and the call then ends with
//! EILSEQ after converting the rest (as glibc). Unicode scalar values only:
//! surrogates and values above U+10FFFF are invalid input everywhere
//! (glibc lets UTF-8 and UCS-4 carry 31-bit values).

mod charsets;

use crate::header::stdlib::{free, malloc};
use crate::platform::{c_char, c_int, c_void, size_t};
use charsets::{Charset, Decoded, EncodeError, Order};
use libc_core::{Errno, OrMinusOneErrno};

/// `iconv_t`: a conversion descriptor.
pub type iconv_t = *mut c_void;

const MAGIC: u32 = 0x1c0f_c0de;

/// What an `iconv_t` points to.
struct State {
    magic: u32,
    from: Charset,
    to: Charset,
    translit: bool,
    ignore: bool,
    /// The byte order a UTF-16/UTF-32 decoder found.
    order: Order,
    /// A BOM is still to be written (UTF-16/UTF-32 output).
    bom: bool,
}

/// A name and its `//` suffixes (`//TRANSLIT`, `//IGNORE`, comma-separated
/// or repeated; others are ignored).
fn parse(name: &[u8]) -> Option<(Charset, bool, bool)> {
    let (base, rest) = match name.windows(2).position(|w| w == b"//") {
        Some(i) => (
            name.get(..i).unwrap_or_default(),
            name.get(i + 2..).unwrap_or_default(),
        ),
        None => (name, &b""[..]),
    };
    let cs = charsets::lookup(base)?;
    let (mut translit, mut ignore) = (false, false);
    for flag in rest.split(|&b| b == b'/' || b == b',') {
        translit |= flag.eq_ignore_ascii_case(b"TRANSLIT");
        ignore |= flag.eq_ignore_ascii_case(b"IGNORE");
    }
    Some((cs, translit, ignore))
}

/// [iconv_open](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iconv_open.html):
/// a descriptor converting from `fromcode` to `tocode`; `(iconv_t)-1` with
/// EINVAL for a name it does not know (ENOMEM when out of memory).
///
/// # Safety
/// Both NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv_open(tocode: *const c_char, fromcode: *const c_char) -> iconv_t {
    let fail = |e: Errno| {
        let _ = Err::<i32, Errno>(e).or_minus_one_errno();
        usize::MAX as iconv_t
    };
    if tocode.is_null() || fromcode.is_null() {
        return fail(Errno::EINVAL);
    }
    // SAFETY: caller contract: NUL-terminated.
    let (to, from) = unsafe {
        (
            core::ffi::CStr::from_ptr(tocode).to_bytes(),
            core::ffi::CStr::from_ptr(fromcode).to_bytes(),
        )
    };
    let (Some((to, translit, ignore)), Some((from, _, _))) = (parse(to), parse(from)) else {
        return fail(Errno::EINVAL);
    };
    let p = malloc(core::mem::size_of::<State>()).cast::<State>();
    if p.is_null() {
        return fail(Errno::ENOMEM);
    }
    // SAFETY: fresh allocation of the right size; malloc's alignment suffices.
    unsafe {
        p.write(State {
            magic: MAGIC,
            from,
            to,
            translit,
            ignore,
            order: None,
            bom: true,
        })
    };
    p.cast()
}

/// The state behind a descriptor, or EBADF for `(iconv_t)-1`, NULL or one
/// that is not (or no longer) open.
///
/// # Safety
/// `cd` is `(iconv_t)-1`, NULL, or a pointer `iconv_open` returned.
unsafe fn state<'a>(cd: iconv_t) -> Result<&'a mut State, Errno> {
    if cd.is_null()
        || cd as usize == usize::MAX
        || cd as usize & (core::mem::align_of::<State>() - 1) != 0
    {
        return Err(Errno::EBADF);
    }
    // SAFETY: caller contract: an open descriptor points to a State.
    let s = unsafe { &mut *cd.cast::<State>() };
    if s.magic != MAGIC {
        return Err(Errno::EBADF);
    }
    Ok(s)
}

/// [iconv_close](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iconv_close.html)
///
/// # Safety
/// `cd` from `iconv_open` and not yet closed (or `(iconv_t)-1`: EBADF).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv_close(cd: iconv_t) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { state(cd) }.map(|s| {
        s.magic = 0;
        // SAFETY: allocated by iconv_open.
        unsafe { free(cd) };
    });
    r.or_minus_one_errno()
}

/// [iconv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iconv.html):
/// converts from `*inbuf` to `*outbuf`, advancing both and their counts;
/// returns the number of irreversible conversions, or `(size_t)-1` with
/// E2BIG (output full), EILSEQ (invalid input, or a character the target
/// lacks: `*inbuf` points at it), EINVAL (input ends inside a character) or
/// EBADF. With `inbuf` or `*inbuf` NULL it returns to the initial state
/// (none of these sets has shift sequences to write).
///
/// # Safety
/// `cd` from `iconv_open`; the buffers valid for their counts.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv(
    cd: iconv_t,
    inbuf: *mut *mut c_char,
    inbytesleft: *mut size_t,
    outbuf: *mut *mut c_char,
    outbytesleft: *mut size_t,
) -> size_t {
    // SAFETY: caller contract.
    let r = unsafe { state(cd) }.and_then(|s| {
        // SAFETY: caller contract: inbuf NULL or valid.
        if inbuf.is_null() || unsafe { (*inbuf).is_null() } {
            // Reset: the next output starts with a BOM again (glibc); a
            // decoder keeps the byte order it found.
            s.bom = true;
            return Ok(0);
        }
        // SAFETY: caller contract: the pointers and counts describe buffers.
        unsafe { convert(s, inbuf, inbytesleft, outbuf, outbytesleft) }
    });
    r.or_minus_one_errno() as size_t
}

/// Writes the byte-order mark `mark` at `*op` (E2BIG if it does not fit).
///
/// # Safety
/// `*op` valid for `*ol` bytes.
unsafe fn put_bom(
    s: &mut State,
    mark: &[u8],
    op: &mut *mut u8,
    ol: &mut usize,
) -> Result<(), Errno> {
    if *ol < mark.len() {
        return Err(Errno::E2BIG);
    }
    // SAFETY: caller contract; `*ol >= mark.len()`.
    unsafe {
        core::ptr::copy_nonoverlapping(mark.as_ptr(), *op, mark.len());
        *op = op.add(mark.len());
    }
    *ol -= mark.len();
    s.bom = false;
    Ok(())
}

/// The conversion loop of [`iconv`].
///
/// # Safety
/// As [`iconv`], with `*inbuf` non-NULL.
unsafe fn convert(
    s: &mut State,
    inbuf: *mut *mut c_char,
    inbytesleft: *mut size_t,
    outbuf: *mut *mut c_char,
    outbytesleft: *mut size_t,
) -> Result<isize, Errno> {
    // SAFETY: caller contract.
    let (mut ip, mut il) = unsafe { ((*inbuf).cast::<u8>(), *inbytesleft) };
    let (mut op, mut ol) = if outbuf.is_null() {
        (core::ptr::null_mut::<u8>(), 0)
    } else {
        // SAFETY: caller contract.
        unsafe { ((*outbuf).cast::<u8>(), *outbytesleft) }
    };
    if op.is_null() {
        ol = 0;
    }
    let mut irreversible = 0isize;
    let mut ignored = false;
    let mut result = Ok(());
    // glibc converts in one step when either side is WCHAR_T (its internal
    // form) and otherwise in two, through its internal form: the first
    // decodes as far as the input is valid, the second encodes what that
    // gave. That shows in which error comes first when the output fills up
    // just as the input goes wrong, and in whether a BOM is written before
    // invalid input. Both are mimicked here.
    let one_step = s.from == Charset::Wchar || s.to == Charset::Wchar;
    let mark = charsets::bom(s.to);
    let min_out = charsets::min_len(s.to);
    if one_step && s.bom && !mark.is_empty() {
        // (even for empty input, as glibc)
        // SAFETY: `op` valid for `ol` bytes (caller contract).
        if let Err(e) = unsafe { put_bom(s, mark, &mut op, &mut ol) } {
            result = Err(e);
        }
    }
    while result.is_ok() && il > 0 {
        if one_step {
            // glibc's loop: too little input for a character first, then
            // too little room, then the character itself (from UCS-4, and to
            // UCS-4 and UCS-4LE: the room first).
            let room_first =
                s.from == Charset::Ucs4Be || matches!(s.to, Charset::Ucs4Be | Charset::Ucs4Le);
            if room_first && ol < min_out {
                result = Err(Errno::E2BIG);
                break;
            }
            if il < charsets::min_len(s.from) {
                result = Err(Errno::EINVAL);
                break;
            }
            if ol < min_out {
                result = Err(Errno::E2BIG);
                break;
            }
        }
        // SAFETY: `ip` valid for `il` bytes (caller contract).
        let input = unsafe { core::slice::from_raw_parts(ip, il) };
        let (c, n) = match charsets::decode(s.from, input, &mut s.order) {
            Decoded::Char(c, n) => (c, n),
            Decoded::Bom(n) => {
                // SAFETY: n <= il.
                ip = unsafe { ip.add(n) };
                il -= n;
                continue;
            }
            Decoded::Incomplete => {
                result = Err(Errno::EINVAL);
                break;
            }
            Decoded::Invalid => {
                if s.ignore {
                    ignored = true;
                    // SAFETY: il >= 1.
                    ip = unsafe { ip.add(1) };
                    il -= 1;
                    continue;
                }
                result = Err(Errno::EILSEQ);
                break;
            }
        };
        if !one_step {
            if s.bom && !mark.is_empty() {
                // SAFETY: `op` valid for `ol` bytes (caller contract).
                if let Err(e) = unsafe { put_bom(s, mark, &mut op, &mut ol) } {
                    result = Err(e);
                    break;
                }
            }
            if ol < min_out {
                result = Err(Errno::E2BIG);
                break;
            }
        }
        // SAFETY: `op` valid for `ol` bytes, and ol > 0 (caller contract).
        let out = unsafe { core::slice::from_raw_parts_mut(op, ol) };
        let written = match charsets::encode(s.to, c, out) {
            Ok(m) => m,
            Err(EncodeError::Full) => {
                result = Err(Errno::E2BIG);
                break;
            }
            Err(EncodeError::Unrepresentable) if s.translit => {
                match charsets::encode(s.to, u32::from(b'?'), out) {
                    Ok(m) => {
                        irreversible += 1;
                        m
                    }
                    Err(_) => {
                        result = Err(Errno::E2BIG);
                        break;
                    }
                }
            }
            Err(EncodeError::Unrepresentable) if s.ignore => {
                ignored = true;
                0
            }
            Err(EncodeError::Unrepresentable) => {
                result = Err(Errno::EILSEQ);
                break;
            }
        };
        // SAFETY: n <= il and written <= ol.
        unsafe {
            ip = ip.add(n);
            op = op.add(written);
        }
        il -= n;
        ol -= written;
    }
    // SAFETY: caller contract: write back the advanced pointers and counts.
    unsafe {
        *inbuf = ip.cast();
        *inbytesleft = il;
        if !outbuf.is_null() && !(*outbuf).is_null() {
            *outbuf = op.cast();
            *outbytesleft = ol;
        }
    }
    result?;
    if ignored {
        return Err(Errno::EILSEQ);
    }
    Ok(irreversible)
}
