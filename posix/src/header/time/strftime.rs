//! `strftime` in the C locale, following glibc: C99's conversions with the
//! `E`/`O` modifiers (ignored: the C locale has no alternatives), POSIX's
//! `%s`, glibc's `%k %l %P`, and glibc's flags `_ - 0 ^ #` and field widths.

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
struct Spec {
    /// `0`, `_`, `-` or 0 (none).
    pad: u8,
    width: Option<usize>,
    upper: bool,
    lower: bool,
}

impl Spec {
    /// Text, right-aligned in the field width (the `-` flag does not turn
    /// padding off here, as in glibc), case-converted.
    fn text(&self, out: &mut Out, s: &[u8]) {
        let w = self.width.unwrap_or(0);
        out.fill(
            w.saturating_sub(s.len()),
            if self.pad == b'0' { b'0' } else { b' ' },
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

    /// A number of at least `digits` digits, padded with `default_pad`
    /// (`0` or `_`) unless a flag says otherwise.
    fn num(&self, out: &mut Out, v: i64, digits: usize, default_pad: u8, sign: bool) {
        let pad = if self.pad == 0 { default_pad } else { self.pad };
        let mut d = Digits::new(v.unsigned_abs());
        let mut width = self.width.unwrap_or(digits) as isize;
        let sign = if v < 0 {
            Some(b'-')
        } else if sign {
            Some(b'+')
        } else {
            None
        };
        if let Some(c) = sign {
            let shortage = width - 1 - d.len() as isize;
            let padding = if pad == b'-' || shortage <= 0 {
                0
            } else {
                shortage
            };
            if pad == b'_' {
                out.fill(padding as usize, b' ');
                width -= padding;
            }
            out.byte(c);
            width -= 1;
        }
        let w = if pad == b'-' || width < 0 {
            0
        } else {
            width as usize
        };
        out.fill(
            w.saturating_sub(d.len()),
            if pad == b'0' { b'0' } else { b' ' },
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
                b'_' | b'-' | b'0' => spec.pad = f[i],
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
            b's' => spec.num(out, seconds(t), 1, b'0', false),
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
                if t.tm_isdst >= 0 {
                    let off = t.tm_gmtoff as i64;
                    let v = off.abs() / 3600 * 100 + off.abs() / 60 % 60;
                    spec.num(out, if off < 0 { -v } else { v }, 5, b'0', true);
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
