//! `wasi:io/streams` over fd_read/fd_pread and fd_write/fd_pwrite.

use crate::errors::put_stream_err;
use crate::mem::{alloc, check_list, put_u8, put_u32, put_u64, trap};
use crate::p1;
use crate::table::{self, APPEND, AT_POS, Kind, POLL_READ, POLL_WRITE, SOCK};

/// The most one read asks for (a p2 host returns short reads too).
const READ_MAX: u64 = 1 << 20;
/// What `check-write` allows (writes below block until done).
const WRITE_BUDGET: u64 = 1 << 20;

/// Reads up to `len` bytes of stream `h` into `buf`: `Ok(n)`, `Err(errno)`.
#[inline(always)]
fn read_into(e: &mut table::Entry, buf: *mut u8, len: usize) -> Result<usize, i32> {
    let (iov, count) = table::scratch();
    // SAFETY: `buf` is `len` writable bytes (checked by the callers); the
    // iovec and the count are the region's scratch (`table::scratch`).
    let (r, n) = unsafe {
        iov.write(p1::Iovec { buf, len });
        count.write(0);
        let r = if e.flags & AT_POS != 0 {
            p1::fd_pread(e.fd, iov, 1, e.pos, count)
        } else {
            p1::fd_read(e.fd, iov, 1, count)
        };
        (r, count.read())
    };
    if r != 0 {
        return Err(r);
    }
    if n > len {
        // The host claims more than it was given room for.
        trap();
    }
    e.pos = e.pos.wrapping_add(n as u64);
    Ok(n)
}

/// [`read_into`] for a socket's stream (a non-blocking fd): `EAGAIN` when
/// nothing has arrived and `!blocking`; with `blocking`, waits for data
/// (`poll_oneoff`) and reads again. A 0-byte read makes no host call (WAMR
/// refuses zero-length receives).
#[inline(always)]
fn read_sock(e: &mut table::Entry, buf: *mut u8, len: usize, blocking: bool) -> Result<usize, i32> {
    let r = read_sock_packed(e, buf, len, blocking);
    if r < 0 {
        Err(-r as i32)
    } else {
        Ok(r as usize)
    }
}

/// [`read_sock`]'s body, out of line, its result packed into one value (the
/// count, or minus the errno; reads are at most [`READ_MAX`]): a `Result`
/// would come back through memory, and that would give every caller, the
/// file and stdin reads among them, a stack frame.
#[cold]
#[inline(never)]
fn read_sock_packed(e: &mut table::Entry, buf: *mut u8, len: usize, blocking: bool) -> isize {
    if len == 0 {
        return 0;
    }
    loop {
        match read_into(e, buf, len) {
            Err(p1::EAGAIN) if blocking => {
                crate::poll::fd_ready(true, e.fd, true);
            }
            Ok(n) => return n as isize,
            Err(errno) => return -(errno as isize),
        }
    }
}

/// `read`/`blocking-read`: one realloc for the length to read, preview1
/// reads into it. Layout: [0] tag, ok [4] ptr [8] len, err [4] stream-error.
#[inline(always)]
fn read(h: i32, len: u64, ret: *mut u8, blocking: bool) {
    let e = table::get(h, Kind::Input);
    let n = if len > READ_MAX { READ_MAX } else { len } as usize;
    let buf = alloc(1, n);
    let got = if e.flags & SOCK != 0 {
        read_sock(e, buf, n, blocking)
    } else {
        read_into(e, buf, n)
    };
    match got {
        Ok(0) if n != 0 => put_stream_err(ret, 4, 0),
        Ok(got) => {
            put_u8(ret, 0, 0);
            put_u32(ret, 4, buf as u32);
            put_u32(ret, 8, got as u32);
        }
        Err(p1::EAGAIN) => {
            put_u8(ret, 0, 0);
            put_u32(ret, 4, buf as u32);
            put_u32(ret, 8, 0);
        }
        Err(errno) => put_stream_err(ret, 4, errno),
    }
}

#[unsafe(export_name = "wasi:io/streams#[method]input-stream.read")]
pub extern "C" fn input_read(h: i32, len: u64, ret: *mut u8) {
    read(h, len, ret, false)
}

#[unsafe(export_name = "wasi:io/streams#[method]input-stream.blocking-read")]
pub extern "C" fn input_blocking_read(h: i32, len: u64, ret: *mut u8) {
    read(h, len, ret, true)
}

/// `skip`/`blocking-skip`: reads into a scratch buffer on the stack.
/// Layout: [0] tag, ok [8] u64, err [8] stream-error.
fn skip(h: i32, len: u64, ret: *mut u8, blocking: bool) {
    let e = table::get(h, Kind::Input);
    let mut scratch = [0u8; 1024];
    let n = if len > 1024 { 1024 } else { len as usize };
    let got = if e.flags & SOCK != 0 {
        read_sock(e, scratch.as_mut_ptr(), n, blocking)
    } else {
        read_into(e, scratch.as_mut_ptr(), n)
    };
    match got {
        Ok(0) if n != 0 => put_stream_err(ret, 8, 0),
        Ok(got) => {
            put_u8(ret, 0, 0);
            put_u64(ret, 8, got as u64);
        }
        Err(p1::EAGAIN) => {
            put_u8(ret, 0, 0);
            put_u64(ret, 8, 0);
        }
        Err(errno) => put_stream_err(ret, 8, errno),
    }
}

#[unsafe(export_name = "wasi:io/streams#[method]input-stream.skip")]
pub extern "C" fn input_skip(h: i32, len: u64, ret: *mut u8) {
    skip(h, len, ret, false)
}

#[unsafe(export_name = "wasi:io/streams#[method]input-stream.blocking-skip")]
pub extern "C" fn input_blocking_skip(h: i32, len: u64, ret: *mut u8) {
    skip(h, len, ret, true)
}

#[unsafe(export_name = "wasi:io/streams#[method]input-stream.subscribe")]
pub extern "C" fn input_subscribe(h: i32) -> i32 {
    let e = table::get(h, Kind::Input);
    if e.flags & SOCK != 0 {
        return crate::poll::new_sock(POLL_READ, e.fd);
    }
    crate::poll::new(POLL_READ, e.fd, 0)
}

#[unsafe(export_name = "wasi:io/streams#[resource-drop]input-stream")]
pub extern "C" fn drop_input(h: i32) {
    table::remove(h, Kind::Input);
}

/// Writes all of `[ptr, ptr + len)`: `Ok(())` or `Err(errno)`.
fn write_all(e: &mut table::Entry, mut ptr: *const u8, mut len: usize) -> Result<(), i32> {
    if e.flags & APPEND != 0 {
        let mut end = 0u64;
        // SAFETY: an out-parameter on our stack.
        let r = unsafe { p1::fd_seek(e.fd, 0, p1::WHENCE_END, &mut end) };
        if r != 0 {
            return Err(r);
        }
    }
    while len > 0 {
        let iov = p1::Ciovec { buf: ptr, len };
        let mut n = 0usize;
        // SAFETY: `[ptr, ptr + len)` is in memory (checked by the callers).
        let r = unsafe {
            if e.flags & AT_POS != 0 {
                p1::fd_pwrite(e.fd, &iov, 1, e.pos, &mut n)
            } else {
                p1::fd_write(e.fd, &iov, 1, &mut n)
            }
        };
        if r == p1::EAGAIN && e.flags & SOCK != 0 {
            // A socket's fd is non-blocking: wait until it takes more.
            crate::poll::fd_ready(false, e.fd, true);
            continue;
        }
        if r != 0 {
            return Err(r);
        }
        if n > len {
            trap();
        }
        if n == 0 {
            return Err(p1::EPIPE);
        }
        e.pos = e.pos.wrapping_add(n as u64);
        // SAFETY: `n <= len`.
        ptr = unsafe { ptr.add(n) };
        len -= n;
    }
    Ok(())
}

/// `write`, `blocking-write-and-flush`: layout [0] tag, err [4] stream-error.
#[inline(always)]
fn write(h: i32, ptr: *const u8, len: usize, ret: *mut u8) {
    let e = table::get(h, Kind::Output);
    check_list(ptr, len);
    match write_all(e, ptr, len) {
        Ok(()) => put_u8(ret, 0, 0),
        Err(errno) => put_stream_err(ret, 4, errno),
    }
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.write")]
pub extern "C" fn output_write(h: i32, ptr: *const u8, len: usize, ret: *mut u8) {
    write(h, ptr, len, ret)
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.blocking-write-and-flush")]
pub extern "C" fn output_blocking_write_and_flush(
    h: i32,
    ptr: *const u8,
    len: usize,
    ret: *mut u8,
) {
    write(h, ptr, len, ret)
}

/// `check-write`: layout [0] tag, ok [8] u64.
#[unsafe(export_name = "wasi:io/streams#[method]output-stream.check-write")]
pub extern "C" fn output_check_write(h: i32, ret: *mut u8) {
    table::get(h, Kind::Output);
    put_u8(ret, 0, 0);
    put_u64(ret, 8, WRITE_BUDGET);
}

/// `flush`/`blocking-flush`: preview1 writes are not buffered here.
#[unsafe(export_name = "wasi:io/streams#[method]output-stream.flush")]
pub extern "C" fn output_flush(h: i32, ret: *mut u8) {
    table::get(h, Kind::Output);
    put_u8(ret, 0, 0);
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.blocking-flush")]
pub extern "C" fn output_blocking_flush(h: i32, ret: *mut u8) {
    output_flush(h, ret)
}

fn write_zeroes(h: i32, mut len: u64, ret: *mut u8) {
    let e = table::get(h, Kind::Output);
    let zeroes = [0u8; 512];
    while len > 0 {
        let n = if len > 512 { 512 } else { len as usize };
        if let Err(errno) = write_all(e, zeroes.as_ptr(), n) {
            return put_stream_err(ret, 4, errno);
        }
        len -= n as u64;
    }
    put_u8(ret, 0, 0);
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.write-zeroes")]
pub extern "C" fn output_write_zeroes(h: i32, len: u64, ret: *mut u8) {
    write_zeroes(h, len, ret)
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.blocking-write-zeroes-and-flush")]
pub extern "C" fn output_blocking_write_zeroes_and_flush(h: i32, len: u64, ret: *mut u8) {
    write_zeroes(h, len, ret)
}

/// `splice`/`blocking-splice`: one read (at most 4 KiB) then write it all.
/// Layout: [0] tag, ok [8] u64, err [8] stream-error.
fn splice(h: i32, src: i32, len: u64, ret: *mut u8) {
    table::get(h, Kind::Output);
    let mut scratch = [0u8; 4096];
    let n = if len > 4096 { 4096 } else { len as usize };
    let got = match read_into(table::get(src, Kind::Input), scratch.as_mut_ptr(), n) {
        Ok(0) if n != 0 => return put_stream_err(ret, 8, 0),
        Ok(got) => got,
        Err(errno) => return put_stream_err(ret, 8, errno),
    };
    if let Err(errno) = write_all(table::get(h, Kind::Output), scratch.as_ptr(), got) {
        return put_stream_err(ret, 8, errno);
    }
    put_u8(ret, 0, 0);
    put_u64(ret, 8, got as u64);
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.splice")]
pub extern "C" fn output_splice(h: i32, src: i32, len: u64, ret: *mut u8) {
    splice(h, src, len, ret)
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.blocking-splice")]
pub extern "C" fn output_blocking_splice(h: i32, src: i32, len: u64, ret: *mut u8) {
    splice(h, src, len, ret)
}

#[unsafe(export_name = "wasi:io/streams#[method]output-stream.subscribe")]
pub extern "C" fn output_subscribe(h: i32) -> i32 {
    let e = table::get(h, Kind::Output);
    if e.flags & SOCK != 0 {
        return crate::poll::new_sock(POLL_WRITE, e.fd);
    }
    crate::poll::new(POLL_WRITE, e.fd, 0)
}

#[unsafe(export_name = "wasi:io/streams#[resource-drop]output-stream")]
pub extern "C" fn drop_output(h: i32) {
    table::remove(h, Kind::Output);
}
