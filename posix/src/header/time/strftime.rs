//! `strftime` in the C locale, following glibc: C99's conversions with the
//! `E`/`O` modifiers (ignored: the C locale has no alternatives), POSIX's
//! `%s`, glibc's `%k %l %P`, glibc's (2.36) flags `_ - 0 ^ #` and field
//! widths, and POSIX's `+` flag (zero padding, and a `+` sign on `%C %F %G
//! %Y` for years wider than the default or than the field width allows).

use super::conv::{seconds, tm};
use crate::header::string::strlen;
use crate::platform::{c_char, c_int, size_t};

/// An output buffer that keeps room for the terminating NUL and remembers
/// whether anything did not fit.
pub(crate) struct Out {
    buf: *mut u8,
    cap: usize,
    pub(crate) len: usize,
    full: bool,
}

impl Out {
    /// # Safety
    /// `buf` valid for `cap` bytes of writes.
    pub(crate) unsafe fn new(buf: *mut u8, cap: usize) -> Out {
        Out {
            buf,
            cap,
            len: 0,
            full: false,
        }
    }

    pub(crate) fn byte(&mut self, b: u8) {
        if self.full || self.len + 1 >= self.cap {
            self.full = true;
            return;
        }
        // SAFETY: len + 1 < cap (see `new`).
        unsafe { *self.buf.add(self.len) = b };
        self.len += 1;
    }

    pub(crate) fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }

    fn fill(&mut self, n: usize, b: u8) {
        for _ in 0..n {
            self.byte(b);
        }
    }

    /// `printf("%*d")` (pad `b' '`) or `printf("%.*d")` (pad `b'0'`).
    pub(crate) fn int(&mut self, v: i64, width: usize, pad: u8) {
        let mut d = Digits::new(v.unsigned_abs());
        let neg = v < 0;
        if pad == b' ' {
            self.fill(width.saturating_sub(d.len() + neg as usize), b' ');
        }
        if neg {
            self.byte(b'-');
        }
        if pad == b'0' {
            self.fill(width.saturating_sub(d.len()), b'0');
        }
        self.bytes(d.get());
    }

    /// NUL-terminates; false if something did not fit.
    pub(crate) fn finish(&mut self) -> bool {
        if !self.full && self.cap > 0 {
            // SAFETY: len < cap.
            unsafe { *self.buf.add(self.len) = 0 };
        }
        !self.full
    }
}

/// Decimal digits of a number.
struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    fn new(mut u: u64) -> Digits {
        let mut d = Digits {
            buf: [0; 20],
            start: 20,
        };
        loop {
            d.start -= 1;
            d.buf[d.start] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                return d;
            }
        }
    }
    fn len(&self) -> usize {
        20 - self.start
    }
    fn get(&mut self) -> &[u8] {
        &self.buf[self.start..]
    }
}

const DAYS: [&[u8]; 7] = [
    b"Sunday",
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
];
const MONTHS: [&[u8]; 12] = [
    b"January",
    b"February",
    b"March",
    b"April",
    b"May",
    b"June",
    b"July",
    b"August",
    b"September",
    b"October",
    b"November",
    b"December",
];

/// Flags and width of one conversion.
#[derive(Clone, Copy)]
struct Spec {
    /// `0`, `_`, `-`, `+` or 0 (none).
    pad: u8,
    width: Option<usize>,
    upper: bool,
    lower: bool,
}

impl Spec {
    /// glibc's `add`: `s` right-aligned in the field width `width` (zeros
    /// for the `0` and `+` flags, else spaces), case-converted.
    fn add(&self, out: &mut Out, s: &[u8], width: usize) {
        let zero = matches!(self.pad, b'0' | b'+');
        out.fill(
            width.saturating_sub(s.len()),
            if zero { b'0' } else { b' ' },
        );
        for &b in s {
            out.byte(if self.lower {
                b.to_ascii_lowercase()
            } else if self.upper {
                b.to_ascii_uppercase()
            } else {
                b
            });
        }
    }

    /// Text in the field width.
    fn text(&self, out: &mut Out, s: &[u8]) {
        self.add(out, s, self.width.unwrap_or(0));
    }

    /// A number of at least `digits` digits (or the field width), padded
    /// with zeros, or spaces for `default_pad == b'_'` (`%e %k %l`), unless
    /// a flag says otherwise; `-` turns that padding off (the field width
    /// still pads with spaces, as in glibc). `force_digits` skips the
    /// field width in the digit count (glibc's `%s`).
    fn num(&self, out: &mut Out, v: i64, digits: usize, default_pad: u8, force_digits: bool) {
        let mut pad = self.pad;
        if default_pad == b'_' && !matches!(pad, b'0' | b'-' | b'+') {
            pad = b'_';
        }
        let mut width = self.width.unwrap_or(0);
        let digits = if force_digits {
            digits
        } else {
            digits.max(width)
        };
        let mut d = Digits::new(v.unsigned_abs());
        let neg = v < 0;
        let len = d.len() + neg as usize;
        let mut sign = neg;
        if pad != b'-' && digits > len {
            let padding = digits - len;
            if pad == b'_' {
                out.fill(padding, b' ');
                width = width.saturating_sub(padding);
            } else {
                if neg {
                    out.byte(b'-');
                    sign = false;
                }
                out.fill(padding, b'0');
                width = 0;
            }
        }
        let mut buf = [0u8; 21];
        let digits = d.get();
        let n = digits.len() + sign as usize;
        buf[0] = b'-';
        buf[sign as usize..n].copy_from_slice(digits);
        let s = Spec { pad, ..*self };
        s.add(out, &buf[..n], width);
    }

    /// POSIX's `+` flag on `%C %F %G %Y`: zero-padded to the field width
    /// (default `min`), with a `+` when the value has more than `min`
    /// digits or the width is above `min`.
    fn plus_year(&self, out: &mut Out, v: i64, min: usize, width: usize) {
        let mut d = Digits::new(v.unsigned_abs());
        let sign = if v < 0 {
            Some(b'-')
        } else if d.len() > min || width > min {
            Some(b'+')
        } else {
            None
        };
        if let Some(c) = sign {
            out.byte(c);
        }
        out.fill(
            width.saturating_sub(d.len() + sign.is_some() as usize),
            b'0',
        );
        out.bytes(d.get());
    }
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days from the first day of ISO week 1 of the year of `yday` to `yday`
/// (negative: the date is in the previous year's last week).
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    let big = (366 / 7 + 2) * 7;
    yday - (yday - wday + 4 + big) % 7 + 4 - 1
}

/// (ISO 8601 week-based year, week number 1..=53).
fn iso_week(t: &tm) -> (i64, i64) {
    let mut year = t.tm_year as i64 + 1900;
    let (yday, wday) = (t.tm_yday as i64, t.tm_wday as i64);
    let mut days = iso_week_days(yday, wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(yday + 365 + is_leap(year) as i64, wday);
    } else {
        let d = iso_week_days(yday - (365 + is_leap(year) as i64), wday);
        if d >= 0 {
            year += 1;
            days = d;
        }
    }
    (year, days / 7 + 1)
}

fn name(table: &[&'static [u8]], i: c_int, abbr: bool) -> &'static [u8] {
    match usize::try_from(i).ok().and_then(|i| table.get(i)) {
        Some(n) if abbr => &n[..3],
        Some(n) => n,
        None => b"?",
    }
}

/// Formats `f` into `out`.
fn format(out: &mut Out, f: &[u8], t: &tm) {
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.byte(f[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut spec = Spec {
            pad: 0,
            width: None,
            upper: false,
            lower: false,
        };
        let mut swap = false;
        while i < f.len() {
            match f[i] {
                b'_' | b'-' | b'0' | b'+' => spec.pad = f[i],
                b'^' => spec.upper = true,
                b'#' => swap = true,
                _ => break,
            }
            i += 1;
        }
        while i < f.len() && f[i].is_ascii_digit() {
            let w = spec.width.unwrap_or(0);
            spec.width = Some(
                w.saturating_mul(10)
                    .saturating_add((f[i] - b'0') as usize)
                    .min(1 << 20),
            );
            i += 1;
        }
        let mut modifier = 0;
        if i < f.len() && (f[i] == b'E' || f[i] == b'O') {
            modifier = f[i];
            i += 1;
        }
        let conv = if i < f.len() { f[i] } else { 0 };
        let valid = match modifier {
            // glibc's sets (C99 defines cCxXyY and deHImMSuUVwWy).
            b'E' => b"cCnpPrRstTuxXyYzZ%".contains(&conv),
            b'O' => b"bBCdegGhHIjklmMnpPrRsStTuUVwWyzZ%".contains(&conv),
            _ => true,
        };
        if conv != 0 {
            i += 1;
        }
        let year = t.tm_year as i64 + 1900;
        let hour12 = match t.tm_hour % 12 {
            0 => 12,
            h => h,
        } as i64;
        let sub = |out: &mut Out, spec: &Spec, fmt: &[u8]| {
            let mut buf = [0u8; 256];
            // SAFETY: a local buffer of 256 bytes.
            let mut o = unsafe { Out::new(buf.as_mut_ptr(), buf.len()) };
            format(&mut o, fmt, t);
            let n = o.len;
            let s = Spec {
                pad: spec.pad,
                width: spec.width,
                upper: spec.upper,
                lower: false,
            };
            s.text(out, &buf[..n]);
        };
        match conv {
            _ if !valid => spec.text(out, &f[start..i]),
            b'a' | b'A' => {
                spec.upper |= swap;
                spec.text(out, name(&DAYS, t.tm_wday, conv == b'a'));
            }
            b'b' | b'h' | b'B' => {
                spec.upper |= swap;
                spec.text(out, name(&MONTHS, t.tm_mon, conv != b'B'));
            }
            b'c' => sub(out, &spec, b"%a %b %e %H:%M:%S %Y"),
            b'C' | b'G' | b'Y' if spec.pad == b'+' => {
                let (v, min) = match conv {
                    b'C' => (year.div_euclid(100), 2),
                    b'G' => (iso_week(t).0, 4),
                    _ => (year, 4),
                };
                spec.plus_year(out, v, min, spec.width.unwrap_or(min));
            }
            b'F' if spec.pad == b'+' => {
                // POSIX: the year as `%+{width - 6}Y` (`%+4Y` without a width).
                let w = spec.width.map_or(4, |w| w.max(6) - 6);
                spec.plus_year(out, year, 4, w);
                sub(
                    out,
                    &Spec {
                        pad: 0,
                        width: None,
                        upper: false,
                        lower: false,
                    },
                    b"-%m-%d",
                );
            }
            b'C' => spec.num(out, year.div_euclid(100), 1, b'0', false),
            b'd' => spec.num(out, t.tm_mday as i64, 2, b'0', false),
            b'e' => spec.num(out, t.tm_mday as i64, 2, b'_', false),
            b'D' | b'x' => sub(out, &spec, b"%m/%d/%y"),
            b'F' => sub(out, &spec, b"%Y-%m-%d"),
            b'g' => spec.num(out, iso_week(t).0.rem_euclid(100), 2, b'0', false),
            b'G' => spec.num(out, iso_week(t).0, 1, b'0', false),
            b'V' => spec.num(out, iso_week(t).1, 2, b'0', false),
            b'H' => spec.num(out, t.tm_hour as i64, 2, b'0', false),
            b'I' => spec.num(out, hour12, 2, b'0', false),
            b'k' => spec.num(out, t.tm_hour as i64, 2, b'_', false),
            b'l' => spec.num(out, hour12, 2, b'_', false),
            b'j' => spec.num(out, t.tm_yday as i64 + 1, 3, b'0', false),
            b'm' => spec.num(out, t.tm_mon as i64 + 1, 2, b'0', false),
            b'M' => spec.num(out, t.tm_min as i64, 2, b'0', false),
            b'S' => spec.num(out, t.tm_sec as i64, 2, b'0', false),
            b'n' => spec.text(out, b"\n"),
            b't' => spec.text(out, b"\t"),
            b'%' => spec.text(out, b"%"),
            b'p' | b'P' => {
                spec.lower = swap || conv == b'P';
                spec.text(out, if t.tm_hour < 12 { b"AM" } else { b"PM" });
            }
            b'r' => sub(out, &spec, b"%I:%M:%S %p"),
            b'R' => sub(out, &spec, b"%H:%M"),
            b'T' | b'X' => sub(out, &spec, b"%H:%M:%S"),
            b's' => spec.num(out, seconds(t), 1, b'0', true),
            b'u' => spec.num(
                out,
                (t.tm_wday as i64 + 6).rem_euclid(7) + 1,
                1,
                b'0',
                false,
            ),
            b'w' => spec.num(out, t.tm_wday as i64, 1, b'0', false),
            b'U' => spec.num(
                out,
                (t.tm_yday as i64 - t.tm_wday as i64 + 7) / 7,
                2,
                b'0',
                false,
            ),
            b'W' => {
                let w = (t.tm_yday as i64 - (t.tm_wday as i64 - 1 + 7) % 7 + 7) / 7;
                spec.num(out, w, 2, b'0', false)
            }
            b'y' => spec.num(out, year.rem_euclid(100), 2, b'0', false),
            b'Y' => spec.num(out, year, 1, b'0', false),
            b'z' => {
                // glibc: the sign and the number each padded to the width.
                if t.tm_isdst >= 0 {
                    let off = t.tm_gmtoff as i64;
                    spec.text(out, if off < 0 { b"-" } else { b"+" });
                    let m = off.abs() / 60;
                    spec.num(out, m / 60 * 100 + m % 60, 4, b'0', false);
                }
            }
            b'Z' => {
                spec.lower = swap;
                let z = if t.tm_zone.is_null() {
                    &b""[..]
                } else {
                    // SAFETY: a non-null tm_zone is a C string (POSIX).
                    unsafe {
                        core::slice::from_raw_parts(t.tm_zone.cast::<u8>(), strlen(t.tm_zone))
                    }
                };
                spec.text(out, z);
            }
            // Unknown conversions (and a lone `%` at the end) are copied.
            _ => spec.text(out, &f[start..i]),
        }
    }
}

/// [strftime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strftime.html)
///
/// C locale, glibc-compatible flags; `tm_zone` for `%Z` (empty if NULL);
/// `%s` treats the fields as UTC. Returns the length, or 0 (contents
/// unspecified) if the result and its NUL do not fit in `max` bytes.
///
/// # Safety
/// `s` valid for `max` bytes; `fmt` NUL-terminated; `t` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strftime(
    s: *mut c_char,
    max: size_t,
    fmt: *const c_char,
    t: *const tm,
) -> size_t {
    // SAFETY: caller contract.
    let (f, t, mut out) = unsafe {
        (
            core::slice::from_raw_parts(fmt.cast::<u8>(), strlen(fmt)),
            &*t,
            Out::new(s.cast(), max),
        )
    };
    format(&mut out, f, t);
    if out.finish() { out.len } else { 0 }
}
