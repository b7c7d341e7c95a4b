//! `stdio.h`: buffered streams, the printf family and the scanf family.
//!
//! `FILE` and its buffering live in [`file`], the printf engine in
//! [`printf`] (floats in [`float`] over the exact decimal arithmetic of
//! [`big`]), the scanf engine in [`scanf`]. Variadic functions take the
//! wasm32 va-buffer pointer as an explicit last parameter (see
//! `docs/design.md`); the header declares their real `...` prototypes, and
//! the `v` forms take the `va_list` (that same pointer).

mod big;
pub(crate) mod cookie;
mod ext;
pub(crate) mod file;
mod float;
mod fs;
pub(crate) mod memstream;
pub(crate) mod printf;
pub(crate) mod scanf;
mod strtod;
mod unlocked;
pub(crate) mod va;

pub use file::{_IO_FILE, FILE, FilePtr};

use crate::platform::{c_char, c_int, c_long, c_void, off_t, size_t, ssize_t};
use core::ffi::CStr;
use file::{F_EOF, F_ERR, F_LBF, F_NBF, F_TTYCHK, F_USERBUF, IoErr, Mode, UNGET};
use libc_core::types::Whence;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno, Pal, Sys};
use printf::{FloatConv, Sink, float_conv, no_float};
use va::{Args, VaList};

/// `va_list` on wasm32: a pointer into the caller's argument buffer.
pub type va_list = *mut c_char;

/// Size of the buffer `setbuf` expects.
pub const BUFSIZ: c_int = 1024;
/// `setvbuf` modes.
pub const _IOFBF: c_int = 0;
pub const _IOLBF: c_int = 1;
pub const _IONBF: c_int = 2;
pub const SEEK_SET: c_int = 0;
pub const SEEK_CUR: c_int = 1;
pub const SEEK_END: c_int = 2;
/// Longest path `fopen` accepts.
pub const FILENAME_MAX: c_int = 4096;
/// Streams that can be open at once (bounded by the descriptor table).
pub const FOPEN_MAX: c_int = 1000;
/// Size of a `tmpnam` buffer.
#[allow(non_upper_case_globals)]
pub const L_tmpnam: c_int = 20;
/// Distinct names `tmpnam` can produce.
pub const TMP_MAX: c_int = 10000;
/// Size of a `ctermid` buffer.
#[allow(non_upper_case_globals)]
pub const L_ctermid: c_int = 20;
const _: () = assert!(
    SEEK_SET == libc_core::types::SEEK_SET
        && SEEK_CUR == libc_core::types::SEEK_CUR
        && SEEK_END == libc_core::types::SEEK_END
);

/// The standard streams (C: `extern FILE *const stdin;` ...).
#[unsafe(no_mangle)]
pub static stdin: FilePtr = FilePtr(file::STDIN_FILE.get());
#[unsafe(no_mangle)]
pub static stdout: FilePtr = FilePtr(file::STDOUT_FILE.get());
#[unsafe(no_mangle)]
pub static stderr: FilePtr = FilePtr(file::STDERR_FILE.get());

/// File position for `fgetpos`/`fsetpos`.
#[repr(C)]
pub struct fpos_t {
    pub __pos: off_t,
}

const EOF: c_int = -1;

/// The stream behind a C `FILE *`.
///
/// # Safety
/// `f` is a live stream (C contract).
#[inline]
unsafe fn file<'a>(f: *mut FILE) -> &'a mut FILE {
    // SAFETY: caller contract; single-threaded.
    unsafe { &mut *f }
}

/// # Safety
/// `s` is NUL-terminated.
unsafe fn cstr<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { CStr::from_ptr(s) }.to_bytes()
}

// ---- opening and closing ------------------------------------------------

/// [fopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fopen.html)
///
/// Modes `r w a` with `+`, `b` (ignored), `x` (exclusive) and `e`
/// (ignored: no exec). Fully buffered (line-buffered on a terminal).
///
/// # Safety
/// `path` and `mode` are NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: NUL-terminated (caller contract).
    let (path, mode) = unsafe { (cstr(path), cstr(mode)) };
    open_file(path, mode).or_null_errno()
}

fn open_file(path: &[u8], mode: &[u8]) -> Result<*mut FILE, Errno> {
    let (oflags, flags) = file::parse_mode(mode).ok_or(Errno::EINVAL)?;
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    let fd = fs::open(path, oflags)?;
    file::alloc_file(fd, flags | F_TTYCHK).inspect_err(|_| {
        let _ = Sys::close(fd);
    })
}

/// [fdopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdopen.html)
///
/// # Safety
/// `mode` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut FILE {
    // SAFETY: NUL-terminated (caller contract).
    let mode = unsafe { cstr(mode) };
    let r = match file::parse_mode(mode) {
        None => Err(Errno::EINVAL),
        Some(_) if fd < 0 => Err(Errno::EBADF),
        Some((_, flags)) => file::alloc_file(fd, flags | F_TTYCHK),
    };
    r.or_null_errno()
}

/// [freopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freopen.html)
///
/// With a path, the old descriptor is closed and the new file gets the
/// lowest free descriptor (WASI has no `dup2`, so `fileno` may change).
/// With a NULL path the descriptor is kept and only the stream's mode
/// changes (WASI cannot change a descriptor's access rights).
///
/// # Safety
/// `path` is NULL or NUL-terminated; `mode` NUL-terminated; `f` a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen(
    path: *const c_char,
    mode: *const c_char,
    f: *mut FILE,
) -> *mut FILE {
    // SAFETY: caller contract.
    let (fr, mode) = unsafe { (file(f), cstr(mode)) };
    let _ = fr.flush();
    let r = (|| {
        let (oflags, flags) = file::parse_mode(mode).ok_or(Errno::EINVAL)?;
        if !path.is_null() {
            let _ = fr.dev_close();
            // SAFETY: NUL-terminated (caller contract).
            let p = unsafe { cstr(path) };
            if p.is_empty() {
                return Err(Errno::ENOENT);
            }
            fr.fd = fs::open(p, oflags)?;
        }
        let keep = fr.flags & (file::F_STATIC | file::F_LISTED | F_USERBUF);
        fr.flags = keep | flags | F_TTYCHK;
        fr.mode = Mode::Idle;
        fr.wpos = 0;
        fr.rpos = UNGET;
        fr.rend = UNGET;
        Ok(f)
    })();
    if r.is_err() {
        // The stream is closed on failure (ISO C).
        // SAFETY: f is live; after this it is gone.
        let _ = unsafe { close_stream(f) };
    }
    r.or_null_errno()
}

/// Flushes, unlists, closes and frees `f`.
///
/// # Safety
/// `f` is a live stream; it is dangling afterwards (unless static).
unsafe fn close_stream(f: *mut FILE) -> Result<(), Errno> {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let r = fr.flush();
    file::unlist(f);
    let c = fr.dev_close();
    fr.mode = Mode::Idle;
    // SAFETY: off the list; not used again.
    unsafe { file::free_file(f) };
    r.and(c)
}

/// [fclose](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fclose.html)
///
/// # Safety
/// `f` is a live stream; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fclose(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { close_stream(f) }.or_minus_one_errno()
}

/// [fflush](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fflush.html)
///
/// `fflush(NULL)` flushes every stream. On an input stream, unread
/// buffered input is dropped and the descriptor moved back over it.
///
/// # Safety
/// `f` is NULL or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush(f: *mut FILE) -> c_int {
    if f.is_null() {
        return file::flush_all().map_err(Errno::from).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    unsafe { file(f) }.flush().or_minus_one_errno()
}

/// [fileno](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fileno.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { file(f) }.fd
}

// ---- byte and line input ----------------------------------------------

/// [fgetc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    match unsafe { file(f) }.getc() {
        Some(c) => c as c_int,
        None => EOF,
    }
}

/// [getc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { fgetc(f) }
}

/// [getc_unlocked](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getc_unlocked.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { fgetc(f) }
}

/// [getchar](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn getchar() -> c_int {
    // SAFETY: stdin is a live static stream.
    unsafe { fgetc(stdin.0) }
}

/// [getchar_unlocked](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getchar_unlocked.html)
#[unsafe(no_mangle)]
pub extern "C" fn getchar_unlocked() -> c_int {
    getchar()
}

/// [ungetc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ungetc.html)
///
/// At least 8 bytes of pushback are guaranteed.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    if c == EOF || !unsafe { file(f) }.ungetc(c as u8) {
        return EOF;
    }
    c as u8 as c_int
}

/// [fgets](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgets.html)
///
/// # Safety
/// `s` is valid for `n` bytes; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets(s: *mut c_char, n: c_int, f: *mut FILE) -> *mut c_char {
    if n <= 0 {
        return Err::<*mut c_char, Errno>(Errno::EINVAL).or_null_errno();
    }
    // SAFETY: caller contract.
    let (fr, dst) = unsafe {
        (
            file(f),
            core::slice::from_raw_parts_mut(s.cast::<u8>(), n as usize),
        )
    };
    let max = n as usize - 1;
    let mut done = 0;
    while done < max {
        let avail = fr.unread();
        if avail.is_empty() {
            if !matches!(fr.refill(), Ok(true)) {
                break;
            }
            continue;
        }
        let want = avail.len().min(max - done);
        let (k, nl) = match avail.iter().take(want).position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (want, false),
        };
        let k = file::copy_into(dst, done, avail.get(..k).unwrap_or(avail));
        fr.rpos += k;
        done += k;
        if nl {
            break;
        }
    }
    if done == 0 && max > 0 {
        return core::ptr::null_mut();
    }
    file::copy_into(dst, done, &[0]);
    s
}

/// [getdelim](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getdelim.html)
///
/// # Safety
/// `line` and `cap` describe a malloc'd buffer (or NULL / 0); `f` is live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdelim(
    line: *mut *mut c_char,
    cap: *mut size_t,
    delim: c_int,
    f: *mut FILE,
) -> ssize_t {
    if line.is_null() || cap.is_null() {
        return Err::<usize, Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let delim = delim as u8;
    // SAFETY: caller contract (valid pointers to the buffer and its size).
    let (mut buf, mut size) =
        unsafe { (*line as *mut u8, if (*line).is_null() { 0 } else { *cap }) };
    let mut len = 0usize;
    let r = loop {
        let avail = fr.unread();
        if avail.is_empty() {
            match fr.refill() {
                Ok(true) => continue,
                Ok(false) if len > 0 => break Ok(len),
                Ok(false) => break Err(None),
                Err(e) => break Err(Some(e)),
            }
        }
        let (k, done) = match avail.iter().position(|&b| b == delim) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if len + k + 1 > size {
            let new = (len + k + 1).max(size.saturating_mul(2)).max(64);
            // SAFETY: buf is NULL or a malloc'd block (caller contract).
            let nb = unsafe { wasm_libc_alloc::realloc(buf, new) };
            if nb.is_null() {
                break Err(Some(fr.fail(Errno::ENOMEM)));
            }
            buf = nb;
            size = new;
            // SAFETY: valid out-pointers (caller contract).
            unsafe {
                *line = buf.cast();
                *cap = size;
            }
        }
        // SAFETY: buf has room for len + k + 1 bytes.
        unsafe { core::ptr::copy_nonoverlapping(avail.as_ptr(), buf.add(len), k) };
        fr.rpos += k;
        len += k;
        if done {
            break Ok(len);
        }
    };
    match r {
        Ok(n) => {
            // SAFETY: room for the NUL was reserved.
            unsafe { *buf.add(n) = 0 };
            n as ssize_t
        }
        Err(None) => -1,
        Err(Some(e)) => Err::<usize, Errno>(e).or_minus_one_errno(),
    }
}

/// [getline](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getline.html)
///
/// # Safety
/// As for [`getdelim`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getline(
    line: *mut *mut c_char,
    cap: *mut size_t,
    f: *mut FILE,
) -> ssize_t {
    // SAFETY: caller contract.
    unsafe { getdelim(line, cap, b'\n' as c_int, f) }
}

/// [fread](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fread.html)
///
/// A block at least as large as the stream's buffer is read straight into
/// `ptr` when nothing is buffered (zero-copy on p2).
///
/// # Safety
/// `ptr` is valid for `size * n` bytes; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread(ptr: *mut c_void, size: size_t, n: size_t, f: *mut FILE) -> size_t {
    let Some(total) = size.checked_mul(n) else {
        return 0;
    };
    if total == 0 {
        return 0;
    }
    // SAFETY: caller contract.
    let (fr, dst) = unsafe {
        (
            file(f),
            core::slice::from_raw_parts_mut(ptr.cast::<u8>(), total),
        )
    };
    fr.read_bytes(dst) / size
}

// ---- output -------------------------------------------------------------

/// [fwrite](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fwrite.html)
///
/// # Safety
/// `ptr` is valid for `size * n` bytes; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite(
    ptr: *const c_void,
    size: size_t,
    n: size_t,
    f: *mut FILE,
) -> size_t {
    let Some(total) = size.checked_mul(n) else {
        return 0;
    };
    if total == 0 {
        return 0;
    }
    // SAFETY: caller contract.
    let (fr, src) = unsafe {
        (
            file(f),
            core::slice::from_raw_parts(ptr.cast::<u8>(), total),
        )
    };
    match fr.write_bytes(src) {
        Ok(()) => n,
        Err(e) => {
            let _ = Err::<(), Errno>(e.into()).or_minus_one_errno();
            0
        }
    }
}

/// [fputc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let b = c as u8;
    // Fast path: room in a fully buffered stream.
    if fr.mode == Mode::Write && fr.wpos < fr.cap && fr.flags & (F_LBF | F_NBF) == 0 {
        // SAFETY: wpos < cap: inside the data area.
        unsafe { *fr.buf.add(UNGET + fr.wpos) = b };
        fr.wpos += 1;
        return b as c_int;
    }
    match fr.put_byte(b) {
        Ok(()) => b as c_int,
        Err(e) => Err::<i32, Errno>(e.into()).or_minus_one_errno(),
    }
}

/// [putc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { fputc(c, f) }
}

/// [putc_unlocked](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putc_unlocked.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { fputc(c, f) }
}

/// [putchar](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putchar.html)
#[unsafe(no_mangle)]
pub extern "C" fn putchar(c: c_int) -> c_int {
    // SAFETY: stdout is a live static stream.
    unsafe { fputc(c, stdout.0) }
}

/// [putchar_unlocked](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putchar_unlocked.html)
#[unsafe(no_mangle)]
pub extern "C" fn putchar_unlocked(c: c_int) -> c_int {
    putchar(c)
}

/// [fputs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fputs.html)
///
/// # Safety
/// `s` is NUL-terminated; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs(s: *const c_char, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    let (fr, s) = unsafe { (file(f), cstr(s)) };
    fr.write_bytes(s)
        .map(|()| 1)
        .map_err(Errno::from)
        .or_minus_one_errno()
}

/// [puts](https://pubs.opengroup.org/onlinepubs/9799919799/functions/puts.html)
///
/// # Safety
/// `s` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn puts(s: *const c_char) -> c_int {
    // SAFETY: caller contract; stdout is a live static stream.
    let (fr, s) = unsafe { (file(stdout.0), cstr(s)) };
    // One write_bytes call per piece: with line buffering the newline
    // flushes both.
    let r = fr
        .enter_write()
        .and_then(|()| fr.put_full(s))
        .and_then(|()| fr.write_bytes(b"\n"));
    r.map(|()| 1).map_err(Errno::from).or_minus_one_errno()
}

// ---- positioning --------------------------------------------------------

/// [fseeko](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseeko.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko(f: *mut FILE, off: off_t, whence: c_int) -> c_int {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    Whence::from_c(whence)
        .ok_or(Errno::EINVAL)
        .and_then(|w| fr.seek(off, w))
        .or_minus_one_errno()
}

/// [fseek](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseek.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseek(f: *mut FILE, off: c_long, whence: c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { fseeko(f, off as off_t, whence) }
}

/// [ftello](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftello.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello(f: *mut FILE) -> off_t {
    // SAFETY: caller contract.
    unsafe { file(f) }.tell().or_minus_one_errno()
}

/// [ftell](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftell.html)
///
/// `EOVERFLOW` past 2 GiB (`long` is 32-bit on wasm32): use `ftello`.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftell(f: *mut FILE) -> c_long {
    // SAFETY: caller contract.
    let r = unsafe { file(f) }
        .tell()
        .and_then(|p| c_long::try_from(p).map_err(|_| Errno::EOVERFLOW));
    r.or_minus_one_errno()
}

/// [rewind](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rewind.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewind(f: *mut FILE) {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let _ = fr.seek(0, Whence::Set);
    fr.flags &= !F_ERR;
}

/// [fgetpos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetpos.html)
///
/// # Safety
/// `f` is a live stream; `pos` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos(f: *mut FILE, pos: *mut fpos_t) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { file(f) }.tell().map(|p| {
        // SAFETY: caller contract.
        unsafe { (*pos).__pos = p };
    });
    r.or_minus_one_errno()
}

/// [fsetpos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fsetpos.html)
///
/// # Safety
/// `f` is a live stream; `pos` is from `fgetpos`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos(f: *mut FILE, pos: *const fpos_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { file(f).seek((*pos).__pos, Whence::Set) }.or_minus_one_errno()
}

// ---- status -------------------------------------------------------------

/// [feof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feof.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_EOF != 0) as c_int
}

/// [ferror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ferror.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_ERR != 0) as c_int
}

/// [clearerr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clearerr.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr(f: *mut FILE) {
    // SAFETY: caller contract.
    unsafe { file(f) }.flags &= !(F_EOF | F_ERR);
}

// ---- buffering ----------------------------------------------------------

/// [setvbuf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setvbuf.html)
///
/// A user buffer of more than 8 bytes is used (8 bytes of it are reserved
/// for `ungetc`); otherwise the stream keeps its own. Pending output is
/// written first if the stream was already used.
///
/// # Safety
/// `f` is a live stream; `buf` is NULL or valid for `size` bytes for the
/// stream's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setvbuf(
    f: *mut FILE,
    buf: *mut c_char,
    mode: c_int,
    size: size_t,
) -> c_int {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let flag = match mode {
        _IOFBF => 0,
        _IOLBF => F_LBF,
        _IONBF => F_NBF,
        _ => return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno(),
    };
    if fr.flush().is_err() {
        return EOF;
    }
    fr.mode = Mode::Idle;
    fr.flags = (fr.flags & !(F_LBF | F_NBF | F_TTYCHK)) | flag;
    if !buf.is_null() && size > UNGET && mode != _IONBF {
        fr.buf = buf.cast();
        fr.cap = size - UNGET;
        fr.flags |= F_USERBUF;
    } else if fr.flags & F_USERBUF != 0 {
        // A later call without a buffer: stop using the user's (which the
        // program may free) and take the stream's own back.
        (fr.buf, fr.cap) = file::own_buffer(f);
        fr.flags &= !F_USERBUF;
    }
    0
}

/// [setbuf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setbuf.html)
///
/// # Safety
/// `f` is a live stream; `buf` is NULL or `BUFSIZ` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuf(f: *mut FILE, buf: *mut c_char) {
    let mode = if buf.is_null() { _IONBF } else { _IOFBF };
    // SAFETY: caller contract.
    unsafe { setvbuf(f, buf, mode, BUFSIZ as size_t) };
}

/// `setbuffer` (BSD): `setvbuf` with an explicit size.
///
/// # Safety
/// As for [`setvbuf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuffer(f: *mut FILE, buf: *mut c_char, size: size_t) {
    let mode = if buf.is_null() { _IONBF } else { _IOFBF };
    // SAFETY: caller contract.
    unsafe { setvbuf(f, buf, mode, size) };
}

/// `setlinebuf` (BSD): makes `f` line-buffered.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlinebuf(f: *mut FILE) {
    // SAFETY: caller contract.
    unsafe { setvbuf(f, core::ptr::null_mut(), _IOLBF, 0) };
}

/// [flockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/flockfile.html)
///
/// No-op: one thread per instance.
#[unsafe(no_mangle)]
pub extern "C" fn flockfile(_f: *mut FILE) {}

/// [funlockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/funlockfile.html)
///
/// No-op: one thread per instance.
#[unsafe(no_mangle)]
pub extern "C" fn funlockfile(_f: *mut FILE) {}

/// [ftrylockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftrylockfile.html)
///
/// Always succeeds: one thread per instance.
#[unsafe(no_mangle)]
pub extern "C" fn ftrylockfile(_f: *mut FILE) -> c_int {
    0
}

// ---- errors and files ---------------------------------------------------

/// [perror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/perror.html)
///
/// # Safety
/// `s` is NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn perror(s: *const c_char) {
    let e = libc_core::errno::get_errno();
    let msg = e.message().map_or(&b"Unknown error"[..], |m| m.to_bytes());
    // SAFETY: stderr is a live static stream; `s` per caller contract.
    let fr = unsafe { file(stderr.0) };
    // One write for the whole line (stderr is unbuffered).
    let mut line = [0u8; 256];
    let mut n = 0;
    let mut push = |b: &[u8]| n += file::copy_into(&mut line, n, b);
    if !s.is_null() {
        // SAFETY: NUL-terminated (caller contract).
        let s = unsafe { cstr(s) };
        if !s.is_empty() {
            push(s);
            push(b": ");
        }
    }
    push(msg);
    push(b"\n");
    let _ = fr.write_bytes(line.get(..n).unwrap_or(&line));
}

/// [remove](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remove.html)
///
/// A file is unlinked, an empty directory removed.
///
/// # Safety
/// `path` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    fs::remove(unsafe { cstr(path) }).or_minus_one_errno()
}

/// [tmpfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpfile.html)
///
/// A fresh file under `/tmp`, or in the working directory when `/tmp` is
/// not pre-opened, unlinked right away.
#[unsafe(no_mangle)]
pub extern "C" fn tmpfile() -> *mut FILE {
    fs::tmpfile_fd()
        .and_then(|fd| file::alloc_file(fd, 0))
        .or_null_errno()
}

/// [tmpnam](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpnam.html)
///
/// Always fails (NULL, `ENOSYS`): WASI has no shared temporary directory.
#[unsafe(no_mangle)]
pub extern "C" fn tmpnam(_s: *mut c_char) -> *mut c_char {
    Err::<*mut c_char, Errno>(Errno::ENOSYS).or_null_errno()
}

/// [popen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/popen.html)
///
/// Always fails (NULL, `ENOSYS`): WASI cannot start processes.
#[unsafe(no_mangle)]
pub extern "C" fn popen(_cmd: *const c_char, _mode: *const c_char) -> *mut FILE {
    Err::<*mut FILE, Errno>(Errno::ENOSYS).or_null_errno()
}

/// [pclose](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pclose.html)
///
/// Always fails (`ENOSYS`): WASI cannot start processes.
#[unsafe(no_mangle)]
pub extern "C" fn pclose(_f: *mut FILE) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}

// ---- printf family --------------------------------------------------------

/// printf into a stream: fully buffered for the length of the call, so a
/// line-buffered stream is flushed once at the end (when the call left a
/// newline in the buffer), and an unbuffered one gets its output in few
/// writes through its buffer (every stream has one: an unbuffered stream
/// keeps the buffer it had, and stderr's holds `STDERR_CAP` bytes). The
/// first error stops the output.
struct FileSink<'a> {
    f: &'a mut FILE,
    err: Option<IoErr>,
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
unsafe fn vfprintf_impl(f: *mut FILE, fmt: *const c_char, ap: VaList, fp: FloatConv) -> c_int {
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

fn ret(r: Result<usize, Errno>) -> c_int {
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
struct FdSink {
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
unsafe fn vdprintf_impl(fd: c_int, fmt: *const c_char, ap: VaList, fp: FloatConv) -> c_int {
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
struct StrSink {
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
unsafe fn vsnprintf_impl(
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
unsafe fn vasprintf_impl(
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

// ---- scanf family ---------------------------------------------------------

/// [vfscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfscanf(f: *mut FILE, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_file(file(f), fmt.cast(), VaList(ap.cast())) }
}

/// [vscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vscanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { scanf::scan_file(file(stdin.0), fmt.cast(), VaList(ap.cast())) }
}

/// [vsscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and `ap` matches `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_str(s.cast(), fmt.cast(), VaList(ap.cast())) }
}

/// [scanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scanf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { scanf::scan_file(file(stdin.0), fmt.cast(), VaList(args)) }
}

/// [fscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fscanf(f: *mut FILE, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_file(file(f), fmt.cast(), VaList(args)) }
}

/// [sscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sscanf(s: *const c_char, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_str(s.cast(), fmt.cast(), VaList(args)) }
}
