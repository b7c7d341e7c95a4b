//! `stdio.h`: byte and line input (`fgetc` and friends, `ungetc`, `fgets`,
//! `getdelim`/`getline`, `fread`).

use super::*;

/// [fgetc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetc.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc(f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
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
