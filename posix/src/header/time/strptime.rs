//! `strptime` in the C locale. POSIX's conversions as wasi-libc (musl)
//! parses them: numbers are not preceded by white space (white space in
//! the format matches any amount, also none), `%y` alone maps 69..99 to
//! 19xx and 00..68 to 20xx, `%C` combines with `%y`, `%U %W` are parsed and
//! ignored, a failed range check leaves the number in the field. glibc's
//! extensions, which wasi-libc lacks, as glibc parses them: `%F`
//! (`%Y-%m-%d`), `%s` (epoch seconds, broken down as UTC), `%u`, `%z`
//! (`Z`, `+hh`, `+hhmm`, `+hh:mm` into `tm_gmtoff`), `%Z` (a name,
//! ignored), `%V %g %G` (ignored), and the `E`/`O` modifiers POSIX
//! defines (wasi-libc rejects them). Fields are never derived from others.

use super::conv::{breakdown, tm};
use crate::platform::{c_char, c_int};

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

fn space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Which `tm` field a number goes to.
#[derive(Clone, Copy)]
enum Dest {
    Sec,
    Min,
    Hour,
    Mday,
    Mon,
    Year,
    Wday,
    Yday,
    Century,
    RelYear,
    Dummy,
}

/// The parse of one (possibly nested) format.
struct Parser<'a> {
    /// The input, NUL included (reads past it see 0).
    s: &'a [u8],
    tm: &'a mut tm,
    century: c_int,
    relyear: c_int,
    /// Bit 0: `%y` seen, bit 1: `%C` seen (cleared by `%Y`).
    want_century: u8,
}

impl Parser<'_> {
    fn at(&self, i: usize) -> u8 {
        self.s.get(i).copied().unwrap_or(0)
    }

    fn set(&mut self, d: Dest, v: c_int) {
        let t = &mut *self.tm;
        match d {
            Dest::Sec => t.tm_sec = v,
            Dest::Min => t.tm_min = v,
            Dest::Hour => t.tm_hour = v,
            Dest::Mday => t.tm_mday = v,
            Dest::Mon => t.tm_mon = v,
            Dest::Year => t.tm_year = v,
            Dest::Wday => t.tm_wday = v,
            Dest::Yday => t.tm_yday = v,
            Dest::Century => self.century = v,
            Dest::RelYear => self.relyear = v,
            Dest::Dummy => {}
        }
    }

    /// A number in `[min, min + range)` of at most as many digits as
    /// `min + range` has, stored minus `adj`.
    fn range(
        &mut self,
        p: &mut usize,
        d: Dest,
        min: c_int,
        range: c_int,
        adj: c_int,
    ) -> Option<()> {
        if !self.at(*p).is_ascii_digit() {
            return None;
        }
        let mut v: c_int = 0;
        let mut i = 1;
        while i <= min + range && self.at(*p).is_ascii_digit() {
            v = v * 10 + (self.at(*p) - b'0') as c_int;
            *p += 1;
            i *= 10;
        }
        // (wasi-libc stores the number before the range check.)
        self.set(d, v);
        if (v - min) as u32 >= range as u32 {
            return None;
        }
        self.set(d, v - adj);
        Some(())
    }

    /// An optionally signed number of at most `w` digits, minus `adj`.
    fn digits(&mut self, p: &mut usize, d: Dest, w: usize, adj: c_int) -> Option<()> {
        let mut neg = false;
        match self.at(*p) {
            b'+' => *p += 1,
            b'-' => {
                neg = true;
                *p += 1
            }
            _ => {}
        }
        if !self.at(*p).is_ascii_digit() {
            return None;
        }
        let mut v: c_int = 0;
        let mut i = 0;
        while i < w && self.at(*p).is_ascii_digit() {
            v = v
                .wrapping_mul(10)
                .wrapping_add((self.at(*p) - b'0') as c_int);
            *p += 1;
            i += 1;
        }
        if neg {
            v = v.wrapping_neg();
        }
        self.set(d, v.wrapping_sub(adj));
        Some(())
    }

    /// A day or month name, full or abbreviated, any case.
    fn name(&mut self, p: &mut usize, d: Dest, names: &[&[u8]]) -> Option<()> {
        let n = names.len();
        for i in (0..2 * n).rev() {
            let full = names[i % n];
            let ex = if i >= n { full } else { &full[..3] };
            let end = *p + ex.len();
            if end <= self.s.len() && self.s[*p..end].eq_ignore_ascii_case(ex) {
                *p = end;
                self.set(d, (i % n) as c_int);
                return Some(());
            }
        }
        None
    }

    fn skip_space(&self, p: &mut usize) {
        while space(self.at(*p)) {
            *p += 1;
        }
    }

    fn prefix_ci(&self, p: usize, ex: &[u8]) -> bool {
        let end = p + ex.len();
        end <= self.s.len() && self.s[p..end].eq_ignore_ascii_case(ex)
    }

    /// Parses the format `f` from input position `p`; the end position.
    fn run(&mut self, mut p: usize, f: &[u8]) -> Option<usize> {
        let mut k = 0;
        while k < f.len() {
            let fc = f[k];
            if fc != b'%' {
                if space(fc) {
                    while space(self.at(p)) {
                        p += 1;
                    }
                } else if self.at(p) != fc {
                    return None;
                } else {
                    p += 1;
                }
                k += 1;
                continue;
            }
            k += 1;
            if f.get(k) == Some(&b'+') {
                k += 1;
            }
            let mut w: Option<usize> = None;
            while let Some(&c) = f.get(k).filter(|c| c.is_ascii_digit()) {
                w = Some(
                    w.unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add((c - b'0') as usize),
                );
                k += 1;
            }
            // POSIX's E and O modifiers (no alternatives in the C locale;
            // wasi-libc rejects them all), on their conversions only.
            let modifier = match f.get(k) {
                Some(&m @ (b'E' | b'O')) => {
                    k += 1;
                    m
                }
                _ => 0,
            };
            let conv = f.get(k).copied().unwrap_or(0);
            k += 1;
            let ok = match modifier {
                b'E' => b"cCxXyY".contains(&conv),
                b'O' => b"deHImMSUVwWy".contains(&conv),
                _ => true,
            };
            if !ok {
                return None;
            }
            match conv {
                b'a' | b'A' => self.name(&mut p, Dest::Wday, &DAYS)?,
                b'b' | b'B' | b'h' => self.name(&mut p, Dest::Mon, &MONTHS)?,
                b'c' => p = nested(self.s, self.tm, p, b"%a %b %e %H:%M:%S %Y")?,
                b'C' => {
                    self.want_century |= 2;
                    self.digits(&mut p, Dest::Century, w.unwrap_or(2), 0)?
                }
                b'd' | b'e' => self.range(&mut p, Dest::Mday, 1, 31, 0)?,
                b'D' | b'x' => p = nested(self.s, self.tm, p, b"%m/%d/%y")?,
                b'F' => p = nested(self.s, self.tm, p, b"%Y-%m-%d")?,
                b'H' => self.range(&mut p, Dest::Hour, 0, 24, 0)?,
                b'I' => self.range(&mut p, Dest::Hour, 1, 12, 0)?,
                b'j' => self.range(&mut p, Dest::Yday, 1, 366, 1)?,
                b'm' => self.range(&mut p, Dest::Mon, 1, 12, 1)?,
                b'M' => self.range(&mut p, Dest::Min, 0, 60, 0)?,
                b'n' | b't' => {
                    while space(self.at(p)) {
                        p += 1;
                    }
                }
                b'p' => {
                    let h = self.tm.tm_hour % 12;
                    if self.prefix_ci(p, b"AM") {
                        self.tm.tm_hour = h;
                    } else if self.prefix_ci(p, b"PM") {
                        self.tm.tm_hour = h + 12;
                    } else {
                        return None;
                    }
                    p += 2;
                }
                b'r' => p = nested(self.s, self.tm, p, b"%I:%M:%S %p")?,
                b'R' => p = nested(self.s, self.tm, p, b"%H:%M")?,
                b's' => {
                    // glibc: seconds since the epoch (digits only), broken
                    // down as UTC.
                    if !self.at(p).is_ascii_digit() {
                        return None;
                    }
                    let mut v: i64 = 0;
                    while self.at(p).is_ascii_digit() {
                        v = v.checked_mul(10)?.checked_add((self.at(p) - b'0') as i64)?;
                        p += 1;
                    }
                    *self.tm = breakdown(v, c"UTC")?;
                }
                b'S' => self.range(&mut p, Dest::Sec, 0, 61, 0)?,
                b'T' | b'X' => p = nested(self.s, self.tm, p, b"%H:%M:%S")?,
                b'U' | b'W' => self.range(&mut p, Dest::Dummy, 0, 54, 0)?,
                // glibc's extensions (not in wasi-libc), with glibc's rules:
                // leading white space skipped, the value ignored.
                b'V' => {
                    self.skip_space(&mut p);
                    self.range(&mut p, Dest::Dummy, 0, 54, 0)?
                }
                b'g' => {
                    // Up to two digits.
                    self.skip_space(&mut p);
                    if !self.at(p).is_ascii_digit() {
                        return None;
                    }
                    p += 1 + self.at(p + 1).is_ascii_digit() as usize;
                }
                b'G' => {
                    self.skip_space(&mut p);
                    if !self.at(p).is_ascii_digit() {
                        return None;
                    }
                    while self.at(p).is_ascii_digit() {
                        p += 1;
                    }
                }
                b'u' => {
                    self.skip_space(&mut p);
                    self.range(&mut p, Dest::Wday, 1, 7, 0)?;
                    self.tm.tm_wday %= 7;
                }
                b'w' => self.range(&mut p, Dest::Wday, 0, 7, 0)?,
                b'y' => {
                    self.want_century |= 1;
                    self.digits(&mut p, Dest::RelYear, 2, 0)?
                }
                b'Y' => {
                    self.want_century = 0;
                    self.digits(&mut p, Dest::Year, w.unwrap_or(4), 1900)?
                }
                b'z' => {
                    // glibc: `Z`, `+hh`, `+hhmm` or `+hh:mm`.
                    self.skip_space(&mut p);
                    if self.at(p) == b'Z' {
                        p += 1;
                        self.tm.tm_gmtoff = 0;
                    } else {
                        let neg = match self.at(p) {
                            b'+' => false,
                            b'-' => true,
                            _ => return None,
                        };
                        p += 1;
                        let (mut v, mut n) = (0i32, 0);
                        while n < 4 && self.at(p).is_ascii_digit() {
                            v = v * 10 + (self.at(p) - b'0') as i32;
                            p += 1;
                            n += 1;
                            if n == 2 && self.at(p) == b':' && self.at(p + 1).is_ascii_digit() {
                                p += 1;
                            }
                        }
                        if n == 2 {
                            v *= 100;
                        } else if n != 4 || v % 100 >= 60 {
                            return None;
                        }
                        let off = v / 100 * 3600 + v % 100 * 60;
                        self.tm.tm_gmtoff = if neg { -off } else { off } as _;
                    }
                }
                b'Z' => {
                    // glibc: a zone name is read and ignored.
                    self.skip_space(&mut p);
                    while self.at(p) != 0 && !space(self.at(p)) {
                        p += 1;
                    }
                }
                b'%' => {
                    if self.at(p) != b'%' {
                        return None;
                    }
                    p += 1;
                }
                _ => return None,
            }
        }
        Some(p)
    }

    /// Applies `%y`/`%C`.
    fn finish(&mut self) {
        if self.want_century != 0 {
            let mut y = self.relyear;
            if self.want_century & 2 != 0 {
                y += self.century * 100 - 1900;
            } else if y <= 68 {
                y += 100;
            }
            self.tm.tm_year = y;
        }
    }
}

/// Parses `f` at `p` as a call of its own (its `%y`/`%C` apply at its end,
/// as when wasi-libc's strptime calls itself for `%c %D %F %r %R %T %x %X`).
fn nested(s: &[u8], t: &mut tm, p: usize, f: &[u8]) -> Option<usize> {
    let mut sub = Parser {
        s,
        tm: t,
        century: 0,
        relyear: 0,
        want_century: 0,
    };
    let end = sub.run(p, f)?;
    sub.finish();
    Some(end)
}

/// [strptime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strptime.html):
/// the first unparsed byte of `s`, or NULL if it does not match `format`.
/// Fields without a conversion are left as they were.
///
/// # Safety
/// `s` and `format` NUL-terminated; `t` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strptime(
    s: *const c_char,
    format: *const c_char,
    t: *mut tm,
) -> *mut c_char {
    // SAFETY: caller contract.
    let (input, f, t) = unsafe {
        (
            core::ffi::CStr::from_ptr(s).to_bytes(),
            core::ffi::CStr::from_ptr(format).to_bytes(),
            &mut *t,
        )
    };
    match nested(input, t, 0, f) {
        Some(end) => s.wrapping_add(end).cast_mut(),
        None => core::ptr::null_mut(),
    }
}
