//! The character sets `iconv` knows, their names, and one character's
//! decoding and encoding in each.

/// A character set (or encoding form).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(super) enum Charset {
    Utf8,
    /// UTF-16 with byte-order detection: a leading BOM chooses the order
    /// (and is dropped); without one the order is little-endian (glibc's
    /// choice, the host's order). Written with a BOM, little-endian.
    Utf16,
    Utf16Le,
    Utf16Be,
    /// Like `Utf16`, for UTF-32.
    Utf32,
    Utf32Le,
    Utf32Be,
    /// UCS-2: the BMP only, host (little-endian) order, no BOM handling.
    Ucs2Le,
    Ucs2Be,
    /// UCS-4: big-endian unless `-LE`, no BOM handling.
    Ucs4Le,
    Ucs4Be,
    /// `wchar_t`: UTF-32 in the host's (little-endian) order.
    Wchar,
    Ascii,
    Latin1,
}

use Charset::*;

/// Names and aliases (compared case-insensitively), as glibc spells them.
const NAMES: &[(&str, Charset)] = &[
    ("UTF-8", Utf8),
    ("UTF8", Utf8),
    ("ISO-10646/UTF8", Utf8),
    ("ISO-10646/UTF-8", Utf8),
    ("ISO-IR-193", Utf8),
    ("OSF05010001", Utf8),
    ("UTF-16", Utf16),
    ("UTF16", Utf16),
    ("UTF-16LE", Utf16Le),
    ("UTF16LE", Utf16Le),
    ("UTF-16BE", Utf16Be),
    ("UTF16BE", Utf16Be),
    ("UTF-32", Utf32),
    ("UTF32", Utf32),
    ("UTF-32LE", Utf32Le),
    ("UTF32LE", Utf32Le),
    ("UTF-32BE", Utf32Be),
    ("UTF32BE", Utf32Be),
    ("UCS-2", Ucs2Le),
    ("UCS2", Ucs2Le),
    ("ISO-10646-UCS-2", Ucs2Le),
    ("CSUNICODE", Ucs2Le),
    ("UCS-2LE", Ucs2Le),
    ("UNICODELITTLE", Ucs2Le),
    ("UCS-2BE", Ucs2Be),
    ("UNICODEBIG", Ucs2Be),
    ("UCS-4", Ucs4Be),
    ("UCS4", Ucs4Be),
    ("UCS-4BE", Ucs4Be),
    ("ISO-10646-UCS-4", Ucs4Be),
    ("ISO-10646/UCS4", Ucs4Be),
    ("10646-1:1993", Ucs4Be),
    ("10646-1:1993/UCS4", Ucs4Be),
    ("CSUCS4", Ucs4Be),
    ("UCS-4LE", Ucs4Le),
    ("WCHAR_T", Wchar),
    ("INTERNAL", Wchar),
    ("ASCII", Ascii),
    ("US-ASCII", Ascii),
    ("ANSI_X3.4-1968", Ascii),
    ("ANSI_X3.4-1986", Ascii),
    ("ISO-IR-6", Ascii),
    ("ISO_646.IRV:1991", Ascii),
    ("ISO646-US", Ascii),
    ("US", Ascii),
    ("IBM367", Ascii),
    ("CP367", Ascii),
    ("CSASCII", Ascii),
    ("646", Ascii),
    ("ISO-8859-1", Latin1),
    ("ISO8859-1", Latin1),
    ("ISO_8859-1", Latin1),
    ("ISO_8859-1:1987", Latin1),
    ("ISO88591", Latin1),
    ("8859_1", Latin1),
    ("LATIN1", Latin1),
    ("L1", Latin1),
    ("ISO-IR-100", Latin1),
    ("IBM819", Latin1),
    ("CP819", Latin1),
    ("CSISOLATIN1", Latin1),
];

/// The character set a name (without `//` suffixes) names. The empty name
/// is the locale's character set: UTF-8 here.
pub(super) fn lookup(name: &[u8]) -> Option<Charset> {
    if name.is_empty() {
        return Some(Utf8);
    }
    NAMES
        .iter()
        .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(name))
        .map(|&(_, c)| c)
}

/// What decoding one character gave.
pub(super) enum Decoded {
    /// A character and the bytes it took.
    Char(u32, usize),
    /// A byte-order mark consumed (the byte order is now known).
    Bom(usize),
    /// The input ends inside a character (EINVAL).
    Incomplete,
    /// Not a character of the set (EILSEQ).
    Invalid,
}

/// The byte order a UTF-16/UTF-32 decoder found (`None`: not yet).
pub(super) type Order = Option<bool>; // Some(true) = big-endian

// The decoders below index only through `get` and iterators: no bounds
// check that could panic (a panic would pull `core::fmt` into programs).

/// The first `N` bytes of `b`, if it has them.
fn first<const N: usize>(b: &[u8]) -> Option<[u8; N]> {
    b.get(..N)?.try_into().ok()
}

fn u16_at(b: &[u8], be: bool) -> Option<u32> {
    let v = first::<2>(b)?;
    Some(if be {
        u16::from_be_bytes(v)
    } else {
        u16::from_le_bytes(v)
    } as u32)
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

fn scalar(c: u32, n: usize) -> Decoded {
    if c > 0x10ffff || is_surrogate(c) {
        Decoded::Invalid
    } else {
        Decoded::Char(c, n)
    }
}

fn utf8(b0: u8, tail: &[u8]) -> Decoded {
    let (n, min) = match b0 {
        0..=0x7f => return Decoded::Char(b0 as u32, 1),
        0xc2..=0xdf => (2, 0x80),
        0xe0..=0xef => (3, 0x800),
        0xf0..=0xf7 => (4, 0x10000),
        _ => return Decoded::Invalid,
    };
    let cont = tail.iter().take(n - 1);
    if cont.clone().any(|&x| x & 0xc0 != 0x80) {
        return Decoded::Invalid;
    }
    if cont.len() < n - 1 {
        return Decoded::Incomplete;
    }
    let c = cont.fold(b0 as u32 & (0x7f >> n), |c, &x| {
        (c << 6) | (x as u32 & 0x3f)
    });
    if c < min {
        return Decoded::Invalid;
    }
    scalar(c, n)
}

fn utf16(b: &[u8], be: bool) -> Decoded {
    let Some(hi) = u16_at(b, be) else {
        return Decoded::Incomplete;
    };
    if (0xdc00..0xe000).contains(&hi) {
        return Decoded::Invalid;
    }
    if !(0xd800..0xdc00).contains(&hi) {
        return Decoded::Char(hi, 2);
    }
    let Some(lo) = u16_at(b.get(2..).unwrap_or_default(), be) else {
        return Decoded::Incomplete;
    };
    if !(0xdc00..0xe000).contains(&lo) {
        return Decoded::Invalid;
    }
    Decoded::Char(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), 4)
}

/// Decodes the character at the start of `b` (empty: `Incomplete`).
pub(super) fn decode(cs: Charset, b: &[u8], order: &mut Order) -> Decoded {
    let Some((&b0, tail)) = b.split_first() else {
        return Decoded::Incomplete;
    };
    match cs {
        Utf8 => utf8(b0, tail),
        Ascii => {
            if b0 < 0x80 {
                Decoded::Char(b0 as u32, 1)
            } else {
                Decoded::Invalid
            }
        }
        Latin1 => Decoded::Char(b0 as u32, 1),
        Utf16Le => utf16(b, false),
        Utf16Be => utf16(b, true),
        Utf16 => match *order {
            Some(be) => utf16(b, be),
            None => match first::<2>(b) {
                None => Decoded::Incomplete,
                Some([0xfe, 0xff]) => {
                    *order = Some(true);
                    Decoded::Bom(2)
                }
                Some([0xff, 0xfe]) => {
                    *order = Some(false);
                    Decoded::Bom(2)
                }
                Some(_) => {
                    *order = Some(false);
                    utf16(b, false)
                }
            },
        },
        Ucs2Le | Ucs2Be => match u16_at(b, cs == Ucs2Be) {
            None => Decoded::Incomplete,
            Some(c) if is_surrogate(c) => Decoded::Invalid,
            Some(c) => Decoded::Char(c, 2),
        },
        Utf32 | Utf32Le | Utf32Be | Ucs4Le | Ucs4Be | Wchar => {
            let Some(w) = first::<4>(b) else {
                return Decoded::Incomplete;
            };
            let be = match cs {
                Utf32Be | Ucs4Be => true,
                Utf32 => match *order {
                    Some(be) => be,
                    None => {
                        let be = w == [0, 0, 0xfe, 0xff];
                        let le = w == [0xff, 0xfe, 0, 0];
                        *order = Some(be);
                        if be || le {
                            return Decoded::Bom(4);
                        }
                        false
                    }
                },
                _ => false,
            };
            scalar(
                if be {
                    u32::from_be_bytes(w)
                } else {
                    u32::from_le_bytes(w)
                },
                4,
            )
        }
    }
}

/// Why a character could not be written.
pub(super) enum EncodeError {
    /// No room in the output (E2BIG).
    Full,
    /// The set has no such character.
    Unrepresentable,
}

/// The byte-order mark an output in `cs` starts with (UTF-16, UTF-32).
pub(super) fn bom(cs: Charset) -> &'static [u8] {
    match cs {
        Utf16 => &[0xff, 0xfe],
        Utf32 => &[0xff, 0xfe, 0, 0],
        _ => &[],
    }
}

/// The fewest bytes a character takes in `cs` (glibc checks the room or
/// input left against this before it looks at a character).
pub(super) fn min_len(cs: Charset) -> usize {
    match cs {
        Utf8 | Ascii | Latin1 => 1,
        Utf16 | Utf16Le | Utf16Be | Ucs2Le | Ucs2Be => 2,
        _ => 4,
    }
}

/// Writes `c` in `cs` at the start of `out`; returns the bytes written.
pub(super) fn encode(cs: Charset, c: u32, out: &mut [u8]) -> Result<usize, EncodeError> {
    let mut buf = [0u8; 4];
    let bytes: &[u8] = match cs {
        Utf8 => {
            let ch = char::from_u32(c).ok_or(EncodeError::Unrepresentable)?;
            ch.encode_utf8(&mut buf).as_bytes()
        }
        Ascii | Latin1 => {
            if c > if cs == Ascii { 0x7f } else { 0xff } {
                return Err(EncodeError::Unrepresentable);
            }
            buf[0] = c as u8;
            &buf[..1]
        }
        Utf16 | Utf16Le | Utf16Be => {
            let be = cs == Utf16Be;
            let put = |v: u32| {
                let v = v as u16;
                if be { v.to_be_bytes() } else { v.to_le_bytes() }
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                let [a, b] = put(0xd800 + (v >> 10));
                let [x, y] = put(0xdc00 + (v & 0x3ff));
                buf = [a, b, x, y];
                &buf
            } else {
                let [a, b] = put(c);
                buf = [a, b, 0, 0];
                &buf[..2]
            }
        }
        Ucs2Le | Ucs2Be => {
            if c >= 0x10000 {
                return Err(EncodeError::Unrepresentable);
            }
            let v = c as u16;
            let [a, b] = if cs == Ucs2Be {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            };
            buf = [a, b, 0, 0];
            &buf[..2]
        }
        Utf32 | Utf32Le | Wchar | Ucs4Le => {
            buf = c.to_le_bytes();
            &buf
        }
        Utf32Be | Ucs4Be => {
            buf = c.to_be_bytes();
            &buf
        }
    };
    if out.len() < bytes.len() {
        return Err(EncodeError::Full);
    }
    for (d, &b) in out.iter_mut().zip(bytes) {
        *d = b;
    }
    Ok(bytes.len())
}
