//! `stdio.h`: output (`fwrite`, `fputc` and friends, `fputs`, `puts`).

use super::*;

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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(stdout.0) };
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
