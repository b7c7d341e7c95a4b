//! `stdio.h`: the printf family's entry points (stream, descriptor, string
//! and allocated-string sinks over the engine in [`super::printf`]) and the
//! integer-only forms the header selects at compile time.

use super::*;

/// printf into a stream: fully buffered for the length of the call, so a
/// line-buffered stream is flushed once at the end (when the call left a
/// newline in the buffer), and an unbuffered one gets its output in few
/// writes through its buffer (every stream has one: an unbuffered stream
/// keeps the buffer it had, and stderr's holds `STDERR_CAP` bytes). The
/// first error stops the output.
pub(super) struct FileSink<'a> {
    pub(super) f: &'a mut FILE,
    pub(super) err: Option<IoErr>,
}

impl Sink for FileSink<'_> {
    /// Not inlined: `_IO_FILE::put_full` calls it too.
    #[inline(never)]
    fn put(&mut self, s: &[u8]) {
        if self.err.is_none()
            && let Err(e) = self.f.put_buffered(s)
        {
            self.err = Some(e);
        }
    }
}

/// The printf family on a stream, with the C return value (and errno).
///
/// # Safety
/// `f` is a live stream; `fmt` and `ap` per the C contract.
#[inline(never)]
pub(super) unsafe fn vfprintf_impl(
    f: *mut FILE,
    fmt: *const c_char,
    ap: VaList,
    fp: FloatConv,
) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let (r, err) = match fr.enter_write() {
        Err(e) => (Ok(0), Some(e)),
        Ok(()) => {
            // An unbuffered stream has nothing buffered: `put_buffered`
            // buffers in its own buffer for the call.
            let mut sink = FileSink { f: fr, err: None };
            // SAFETY: caller contract.
            let r = unsafe { printf::format(&mut sink, fmt.cast(), &mut Args::new(ap), fp) };
            let mut err = sink.err;
            // A line-buffered stream holds no newline between calls, so a
            // newline in its buffer now came from this call.
            let fl = fr.flags;
            if fl & F_NBF != 0 || (fl & F_LBF != 0 && fr.newline_buffered()) {
                err = err.or(fr.flush_write().err());
            }
            (r, err)
        }
    };
    ret(match err {
        Some(e) => Err(e.into()),
        None => r,
    })
}

pub(super) fn ret(r: Result<usize, Errno>) -> c_int {
    r.map(|n| n as c_int).or_minus_one_errno()
}

/// [vfprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfprintf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfprintf(f: *mut FILE, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { vfprintf_impl(f, fmt, VaList(ap.cast()), float_conv) }
}

/// [vprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vprintf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    unsafe { vfprintf_impl(stdout.0, fmt, VaList(ap.cast()), float_conv) }
}

/// [printf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/printf.html)
///
/// C: `int printf(const char *, ...)`; `args` is the wasm32 va-buffer.
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn printf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    unsafe { vfprintf_impl(stdout.0, fmt, VaList(args), float_conv) }
}

/// [fprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fprintf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fprintf(f: *mut FILE, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vfprintf_impl(f, fmt, VaList(args), float_conv) }
}

/// Formats into a descriptor through a stack buffer.
pub(super) struct FdSink {
    fd: c_int,
    buf: [u8; 256],
    n: usize,
    err: Option<Errno>,
}

impl FdSink {
    /// Writes the buffered bytes out (nothing more after an error).
    fn flush(&mut self) {
        let data = self.buf.get(..self.n).unwrap_or(&self.buf);
        self.n = 0;
        if self.err.is_none()
            && let Err(e) = Sys::write_all(self.fd, data)
        {
            self.err = Some(e);
        }
    }
}

impl Sink for FdSink {
    fn put(&mut self, mut s: &[u8]) {
        while !s.is_empty() {
            if self.n == self.buf.len() {
                self.flush();
            }
            let k = file::copy_into(&mut self.buf, self.n, s);
            self.n += k;
            s = s.get(k..).unwrap_or(&[]);
        }
    }
}

/// # Safety
/// `fmt` and `ap` per the C contract.
pub(super) unsafe fn vdprintf_impl(
    fd: c_int,
    fmt: *const c_char,
    ap: VaList,
    fp: FloatConv,
) -> c_int {
    let mut sink = FdSink {
        fd,
        buf: [0; 256],
        n: 0,
        err: None,
    };
    // SAFETY: caller contract.
    let r = unsafe { printf::format(&mut sink, fmt.cast(), &mut Args::new(ap), fp) };
    sink.flush();
    ret(match sink.err {
        Some(e) => Err(e),
        None => r,
    })
}

/// [vdprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vdprintf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { vdprintf_impl(fd, fmt, VaList(ap.cast()), float_conv) }
}

/// [dprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dprintf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dprintf(fd: c_int, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vdprintf_impl(fd, fmt, VaList(args), float_conv) }
}

/// Formats into memory, keeping what fits (`snprintf`).
pub(super) struct StrSink {
    p: *mut u8,
    room: usize,
}

impl Sink for StrSink {
    fn put(&mut self, s: &[u8]) {
        let k = s.len().min(self.room);
        if k > 0 {
            // SAFETY: `room` bytes after `p` are the caller's buffer.
            unsafe {
                core::ptr::copy_nonoverlapping(s.as_ptr(), self.p, k);
                self.p = self.p.add(k);
            }
            self.room -= k;
        }
    }
}

/// # Safety
/// `buf` valid for `size` bytes (any size when `size == usize::MAX`).
pub(super) unsafe fn vsnprintf_impl(
    buf: *mut c_char,
    size: size_t,
    fmt: *const c_char,
    ap: VaList,
    fp: FloatConv,
) -> c_int {
    let mut sink = StrSink {
        p: buf.cast(),
        room: size.saturating_sub(1),
    };
    // SAFETY: caller contract.
    let r = unsafe { printf::format(&mut sink, fmt.cast(), &mut Args::new(ap), fp) };
    if size > 0 {
        // SAFETY: the sink stopped one byte before the end of the buffer.
        unsafe { *sink.p = 0 };
    }
    ret(r)
}

/// [vsnprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsnprintf.html)
///
/// # Safety
/// `buf` is valid for `size` bytes; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsnprintf(
    buf: *mut c_char,
    size: size_t,
    fmt: *const c_char,
    ap: va_list,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, size, fmt, VaList(ap.cast()), float_conv) }
}

/// [snprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/snprintf.html)
///
/// # Safety
/// `buf` is valid for `size` bytes; `fmt` is NUL-terminated and the
/// arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn snprintf(
    buf: *mut c_char,
    size: size_t,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, size, fmt, VaList(args), float_conv) }
}

/// [vsprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsprintf.html)
///
/// # Safety
/// `buf` is large enough; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsprintf(buf: *mut c_char, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, usize::MAX, fmt, VaList(ap.cast()), float_conv) }
}

/// [sprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sprintf.html)
///
/// # Safety
/// `buf` is large enough; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sprintf(buf: *mut c_char, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, usize::MAX, fmt, VaList(args), float_conv) }
}

/// # Safety
/// `out` valid for a write; `fmt`/`ap` per the C contract.
pub(super) unsafe fn vasprintf_impl(
    out: *mut *mut c_char,
    fmt: *const c_char,
    ap: VaList,
    fp: FloatConv,
) -> c_int {
    // Measure, allocate, format again (the va-buffer can be read twice).
    // SAFETY: caller contract; a zero-size sink writes nothing.
    let n = unsafe { vsnprintf_impl(core::ptr::null_mut(), 0, fmt, ap, fp) };
    if n < 0 {
        return n;
    }
    let p = wasm_libc_alloc::malloc(n as usize + 1);
    if p.is_null() {
        return Err::<i32, Errno>(Errno::ENOMEM).or_minus_one_errno();
    }
    // SAFETY: p holds n + 1 bytes; `out` per caller contract.
    unsafe {
        vsnprintf_impl(p.cast(), n as usize + 1, fmt, ap, fp);
        *out = p.cast();
    }
    n
}

/// [vasprintf](https://man7.org/linux/man-pages/man3/asprintf.3.html) (POSIX 2024)
///
/// # Safety
/// `out` is valid for a write; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vasprintf(
    out: *mut *mut c_char,
    fmt: *const c_char,
    ap: va_list,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vasprintf_impl(out, fmt, VaList(ap.cast()), float_conv) }
}

/// [asprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asprintf.html)
///
/// # Safety
/// `out` is valid for a write; `fmt` is NUL-terminated and the arguments
/// match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asprintf(
    out: *mut *mut c_char,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vasprintf_impl(out, fmt, VaList(args), float_conv) }
}

// ---- integer-only printf entry points ------------------------------------
//
// `<stdio.h>` (C, clang) turns a printf-family call whose arguments include
// no `float`/`double`/`long double` and no `wchar_t *` into a call of one of
// these, chosen at compile time by `_Generic` over the arguments. They are
// the same engine without the float and wide-string formatter (such a
// conversion fails with `EINVAL`), so a program that never prints those
// does not link it. `&printf`, the `v` forms and C++ always get the full
// functions.

/// [printf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/printf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `printf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __iprintf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    unsafe { vfprintf_impl(stdout.0, fmt, VaList(args), no_float) }
}

/// [fprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fprintf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `fprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fiprintf(f: *mut FILE, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vfprintf_impl(f, fmt, VaList(args), no_float) }
}

/// [dprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dprintf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `dprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __diprintf(fd: c_int, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { vdprintf_impl(fd, fmt, VaList(args), no_float) }
}

/// [snprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/snprintf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `snprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __sniprintf(
    buf: *mut c_char,
    size: size_t,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, size, fmt, VaList(args), no_float) }
}

/// [sprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sprintf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `sprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __siprintf(
    buf: *mut c_char,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vsnprintf_impl(buf, usize::MAX, fmt, VaList(args), no_float) }
}

/// [asprintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asprintf.html)
/// without floating point and wide strings.
///
/// # Safety
/// As for `asprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __asiprintf(
    out: *mut *mut c_char,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { vasprintf_impl(out, fmt, VaList(args), no_float) }
}
