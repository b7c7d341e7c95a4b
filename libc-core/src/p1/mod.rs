//! The WASI preview1 backend: direct `wasi_snapshot_preview1` imports.
//!
//! preview1 reads straight into caller-provided iovecs, so this backend needs
//! no caller-buffer slot: `read` is one `fd_read` into the caller's buffer.

mod env;
mod fs;
mod net;
mod wasi;

use crate::errno::Errno;
use crate::pal::{Pal, Result};
use crate::single::Single;
use crate::types::*;

/// The preview1 backend.
pub struct Sys;

/// The p2 backend's plain exit, for the Rust API's `main!` (which defines
/// the p2 exit hook on every target): on p1 it is `proc_exit`.
pub fn exit_result(status: i32) -> ! {
    <Sys as crate::Pal>::exit(status)
}

/// An import's errno as a result. Takes the import's raw `i32` return value
/// (or a `u16` errno read from memory) and looks at the low 16 bits only:
/// see the note on the imports in `wasi.rs`.
#[inline]
pub(crate) fn check(ret: impl Into<i32>) -> Result<()> {
    match ret.into() as u16 {
        0 => Ok(()),
        e => Err(Errno(e as i32)),
    }
}

/// preview1 rights bits (witx `rights`) that depend on the access mode.
const RIGHT_FD_READ: u64 = 1 << 1;
const RIGHT_FD_WRITE: u64 = 1 << 6;

/// Maps a host error of `fd_read`/`fd_write` (and their `p` variants, via
/// [`pos_io_error`]): preview1 reports a descriptor lacking the right for
/// the operation as `ENOTCAPABLE`, which POSIX spells `EBADF` (not open for
/// reading/writing). wasi-libc does the same.
fn io_error(e: Errno) -> Errno {
    if e == Errno::ENOTCAPABLE {
        Errno::EBADF
    } else {
        e
    }
}

/// `ENOTCAPABLE` from `fd_pread`/`fd_pwrite`: `EBADF` when `fd` lacks the
/// read (`right`) right, otherwise the descriptor cannot seek (a stream):
/// `ESPIPE`. wasi-libc's rule.
fn pos_io_error(fd: i32, e: Errno, right: u64) -> Errno {
    if e != Errno::ENOTCAPABLE {
        return e;
    }
    let mut st = wasi::Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    if unsafe { wasi::fd_fdstat_get(fd, &mut st) } == 0 && st.rights_base & right != 0 {
        Errno::ESPIPE
    } else {
        Errno::EBADF
    }
}

impl Pal for Sys {
    /// The hot path (a non-empty buffer filled by one `fd_read`) is inlined
    /// into the C `read`; an empty buffer, a short read and errors go out of
    /// line ([`read_nothing`], [`read_finish`]).
    #[inline(always)]
    fn read(fd: i32, buf: &mut [u8]) -> Result<usize> {
        let len = buf.len();
        if len == 0 {
            return crate::errno::unpack(read_nothing(fd));
        }
        // SAFETY: see `READ_AREA`: no other reference to it is live.
        let a = unsafe { &mut *READ_AREA.get() };
        a.iov = wasi::Iovec {
            buf: buf.as_mut_ptr(),
            len,
        };
        // SAFETY: one iovec over the caller's buffer; n is a valid out-pointer.
        let ret = unsafe { wasi::fd_read(fd, &a.iov, 1, &mut a.n) };
        // `ret == 0` rather than `check`: a result whose errno bits are 0
        // but whose upper bits are not (see `check`) takes the slow path,
        // which masks them.
        if ret == 0 && a.n == len {
            return Ok(len);
        }
        crate::errno::unpack(read_finish(fd, buf, ret))
    }

    fn pread(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
        let len = buf.len();
        let first = pread_once(fd, buf, offset)?;
        Ok(fill_regular_file(fd, len, first, |done| {
            pread_once(fd, &mut buf[done..], offset + done as u64)
        }))
    }

    /// The result comes back packed in registers from [`write_packed`]
    /// (a `Result` would go through memory).
    #[inline(always)]
    fn write(fd: i32, buf: &[u8]) -> Result<usize> {
        crate::errno::unpack(write_packed(fd, buf))
    }

    /// One loop around `fd_write` ([`write_all_errno`]), with the error
    /// number in a register.
    #[inline(always)]
    fn write_all(fd: i32, buf: &[u8]) -> Result<()> {
        match write_all_errno(fd, buf) {
            0 => Ok(()),
            e => Err(Errno(e)),
        }
    }

    fn pwrite(fd: i32, buf: &[u8], offset: u64) -> Result<usize> {
        let iov = wasi::Ciovec {
            buf: buf.as_ptr(),
            len: buf.len(),
        };
        let mut n = 0;
        // SAFETY: as in `write`.
        check(unsafe { wasi::fd_pwrite(fd, &iov, 1, offset, &mut n) })
            .map_err(|e| pos_io_error(fd, e, RIGHT_FD_WRITE))?;
        Ok(n)
    }

    fn close(fd: i32) -> Result<()> {
        // SAFETY: plain value arguments.
        check(unsafe { wasi::fd_close(fd) })
    }

    fn lseek(fd: i32, offset: i64, whence: Whence) -> Result<u64> {
        let w = match whence {
            Whence::Set => 0,
            Whence::Cur => 1,
            Whence::End => 2,
        };
        let mut pos = 0u64;
        // SAFETY: pos is a valid out-pointer.
        // A stream lacks the seek right: ENOTCAPABLE, POSIX's ESPIPE.
        check(unsafe { wasi::fd_seek(fd, offset, w, &mut pos) }).map_err(|e| {
            if e == Errno::ENOTCAPABLE {
                Errno::ESPIPE
            } else {
                e
            }
        })?;
        Ok(pos)
    }

    /// Inlined: its `Result` would otherwise come back through memory
    /// (stdio asks once per stream, on its first write).
    #[inline]
    fn isatty(fd: i32) -> Result<()> {
        let st = ISATTY_AREA.get();
        // SAFETY: st is a valid out-pointer (see `ISATTY_AREA`).
        check(unsafe { wasi::fd_fdstat_get(fd, st) })?;
        // SAFETY: the host filled it in (it succeeded); nothing else
        // refers to it.
        let st = unsafe { &*st };
        // A terminal is a character device that cannot seek (wasi-libc's rule).
        const CHARACTER_DEVICE: u8 = 2;
        const SEEK_OR_TELL: u8 = 1 << 2 | 1 << 5;
        // Both rights are in the low byte; one test for both conditions.
        if (st.filetype ^ CHARACTER_DEVICE) | (st.rights_base as u8 & SEEK_OR_TELL) == 0 {
            Ok(())
        } else {
            Err(Errno::ENOTTY)
        }
    }

    fn clock_time(clock: Clock) -> Result<u64> {
        let mut t = 0u64;
        // SAFETY: t is a valid out-pointer.
        check(unsafe { wasi::clock_time_get(clock_id(clock), 1, &mut t) })?;
        Ok(t)
    }

    #[inline(always)]
    unsafe fn clock_time_to(clock: Clock, out: *mut u64) -> Result<()> {
        // SAFETY: `out` is valid for the host's 8-byte write (caller
        // contract); the host writes it only on success.
        check(unsafe { wasi::clock_time_get(clock_id(clock), 1, out) })
    }

    fn clock_res(clock: Clock) -> Result<u64> {
        let mut t = 0u64;
        // SAFETY: t is a valid out-pointer.
        check(unsafe { wasi::clock_res_get(clock_id(clock), &mut t) })?;
        Ok(t)
    }

    fn sleep(nanos: u64) -> Result<()> {
        // Hosts may wake up early (node's uvwasi counts whole milliseconds),
        // but the time asked for is a minimum: sleep again for what is left.
        let start = Self::clock_time(Clock::Monotonic)?;
        let mut left = nanos;
        loop {
            sleep_once(left)?;
            let elapsed = Self::clock_time(Clock::Monotonic)?.saturating_sub(start);
            if elapsed >= nanos {
                return Ok(());
            }
            left = nanos - elapsed;
        }
    }

    fn random(buf: &mut [u8]) -> Result<()> {
        // SAFETY: the caller's buffer.
        check(unsafe { wasi::random_get(buf.as_mut_ptr(), buf.len()) })
    }

    fn args() -> Result<(i32, *mut *mut u8)> {
        let (mut argc, mut size) = (0usize, 0usize);
        // SAFETY: valid out-pointers.
        check(unsafe { wasi::args_sizes_get(&mut argc, &mut size) })?;
        let argv = crate::heap_alloc((argc + 1) * core::mem::size_of::<usize>(), 4) as *mut *mut u8;
        let strs = crate::heap_alloc(size.max(1), 1);
        if argv.is_null() || strs.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: both buffers have the sizes the host asked for.
        check(unsafe { wasi::args_get(argv, strs) })?;
        // SAFETY: argv has argc + 1 slots.
        unsafe { *argv.add(argc) = core::ptr::null_mut() };
        Ok((argc as i32, argv))
    }

    #[inline(always)]
    fn exit(status: i32) -> ! {
        // SAFETY: never returns.
        unsafe { wasi::proc_exit(status as u32) }
    }
}

/// `poll_oneoff` on one clock subscription: the call's error, else the
/// event's.
fn poll_one(sub: *const wasi::Subscription) -> Result<()> {
    let mut ev = wasi::Event::default();
    let mut n = 0usize;
    // SAFETY: `sub` points to a subscription (in either layout: the host
    // reads the one it knows); room for one event out.
    check(unsafe { wasi::poll_oneoff(sub, &mut ev, 1, &mut n) })?;
    check(ev.error)
}

/// One `poll_oneoff` clock sleep of `nanos`.
fn sleep_once(nanos: u64) -> Result<()> {
    // A host that reads the snapshot-0 subscription layout (the December
    // 2020 WAMR does, see `LegacySubscription`) takes the low half of our
    // `timeout` as its clock id. Keep that half out of 0..=3, the valid
    // ids, so such a host answers ENOTSUP rather than returning at once
    // (it would read its timeout from our `precision`, 0); the cost is at
    // most 4 ns more sleep. Then ask again in its layout.
    let timeout = if (nanos as u32) < 4 {
        nanos.saturating_add(4)
    } else {
        nanos
    };
    let sub = wasi::Subscription {
        userdata: 0,
        tag: 0,      // clock
        clock_id: 1, // monotonic
        timeout,
        precision: 0,
        flags: 0, // relative
        ..Default::default()
    };
    match poll_one(&sub) {
        Err(Errno::ENOTSUP) => {
            let legacy = wasi::LegacySubscription {
                tag: 0,
                clock_id: 1,
                timeout: nanos,
                ..Default::default()
            };
            poll_one((&raw const legacy).cast())
        }
        r => r,
    }
}

/// One `fd_read` into `buf`.
fn read_once(fd: i32, buf: &mut [u8]) -> Result<usize> {
    let iov = wasi::Iovec {
        buf: buf.as_mut_ptr(),
        len: buf.len(),
    };
    let mut n = 0;
    // SAFETY: one iovec over the caller's buffer; n is a valid out-pointer.
    check(unsafe { wasi::fd_read(fd, &iov, 1, &mut n) }).map_err(io_error)?;
    Ok(n)
}

/// `read` of zero bytes, out of line. Not every host takes a zero-length
/// read (wasmtime answers EINTR on stdin): check the descriptor, read
/// nothing. Returns a packed result ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn read_nothing(fd: i32) -> u64 {
    let mut st = wasi::Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    let r = match check(unsafe { wasi::fd_fdstat_get(fd, &mut st) }) {
        Err(e) => Err(e),
        Ok(()) if st.rights_base & RIGHT_FD_READ != 0 => Ok(0),
        Ok(()) => Err(Errno::EBADF),
    };
    crate::errno::pack(r)
}

/// `read` after its `fd_read` (result `ret`, count in [`READ_AREA`]) did
/// not fill the buffer at once: an error, end of file, or a short read,
/// which [`fill_regular_file`] continues on a regular file. Out of line so a
/// full read does not pay for it. Returns a packed result
/// ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn read_finish(fd: i32, buf: &mut [u8], ret: i32) -> u64 {
    let r = check(ret).map_err(io_error).map(|()| {
        // SAFETY: the host wrote the count on success; nothing ran since.
        let first = unsafe { (*READ_AREA.get()).n };
        let len = buf.len();
        fill_regular_file(fd, len, first, |done| read_once(fd, &mut buf[done..]))
    });
    crate::errno::pack(r)
}

/// The memory the inlined `read` hands `fd_read`: its iovec and the count
/// the host writes back.
#[repr(C)]
struct ReadArea {
    iov: wasi::Iovec,
    n: usize,
}

/// [`ReadArea`] as a static rather than a stack local, so the inlined `read`
/// needs no stack frame (and passes constant addresses).
///
/// Assumption (this is what makes it sound): nothing can use the area
/// between the `fd_read` call that fills it and the load of the count,
/// because an instance has one thread (see `Single`) and a preview1 import
/// never runs guest code (preview1 has no callbacks: no realloc, unlike the
/// component model), so no read can re-enter. If reads ever become
/// re-entrant (signal handlers, async callbacks), this must go back to a
/// stack local per call.
static READ_AREA: Single<ReadArea> = Single::new(ReadArea {
    iov: wasi::Iovec {
        buf: core::ptr::null_mut(),
        len: 0,
    },
    n: 0,
});

/// `write`'s `fd_write`, with a packed result ([`crate::errno::pack`]).
#[inline(never)]
fn write_packed(fd: i32, buf: &[u8]) -> u64 {
    // SAFETY: see `WRITE_AREA`: no other reference to it is live.
    let a = unsafe { &mut *WRITE_AREA.get() };
    a.iov = wasi::Ciovec {
        buf: buf.as_ptr(),
        len: buf.len(),
    };
    // SAFETY: one iovec over the caller's buffer; n is a valid out-pointer.
    let r = check(unsafe { wasi::fd_write(fd, &a.iov, 1, &mut a.n) }).map_err(io_error);
    crate::errno::pack(r.map(|()| a.n))
}

/// The memory `isatty` hands `fd_fdstat_get`: a static, like
/// [`READ_AREA`] (and sound for the same reason), so that `isatty`, which
/// stdio inlines into its first write, needs no stack frame.
static ISATTY_AREA: Single<wasi::Fdstat> = Single::new(wasi::Fdstat {
    filetype: 0,
    flags: 0,
    rights_base: 0,
    rights_inheriting: 0,
});

/// `write_all`'s loop: 0, or the error number.
#[inline(never)]
fn write_all_errno(fd: i32, buf: &[u8]) -> i32 {
    // SAFETY: see `WRITE_AREA`: no other reference to it is live.
    let a = unsafe { &mut *WRITE_AREA.get() };
    let (mut p, mut len) = (buf.as_ptr(), buf.len());
    while len != 0 {
        a.iov = wasi::Ciovec { buf: p, len };
        // SAFETY: one iovec over the unwritten tail of `buf`; n is a valid
        // out-pointer.
        if let Err(e) = check(unsafe { wasi::fd_write(fd, &a.iov, 1, &mut a.n) }) {
            return io_error(e).0;
        }
        // The host writes at most `len` bytes (more counts as all).
        let n = a.n.min(len);
        if n == 0 {
            return Errno::EIO.0;
        }
        p = p.wrapping_add(n);
        len -= n;
    }
    0
}

/// The memory `write` hands `fd_write`, like [`READ_AREA`] (and sound for
/// the same reason: a preview1 import never runs guest code, so no write
/// can re-enter between the call and the load of the count). A static
/// spares `write_packed` a stack frame.
static WRITE_AREA: Single<WriteArea> = Single::new(WriteArea {
    iov: wasi::Ciovec {
        buf: core::ptr::null(),
        len: 0,
    },
    n: 0,
});

/// [`WRITE_AREA`]'s layout: the iovec and the count the host writes back.
#[repr(C)]
struct WriteArea {
    iov: wasi::Ciovec,
    n: usize,
}

/// One `fd_pread` into `buf`.
fn pread_once(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    let iov = wasi::Iovec {
        buf: buf.as_mut_ptr(),
        len: buf.len(),
    };
    let mut n = 0;
    // SAFETY: as in `read_once`.
    check(unsafe { wasi::fd_pread(fd, &iov, 1, offset, &mut n) })
        .map_err(|e| pos_io_error(fd, e, RIGHT_FD_READ))?;
    Ok(n)
}

/// POSIX lets a read of a regular file return fewer bytes than asked only
/// at end of file, but hosts cap one call (wasmtime at 64 KiB). So a short
/// read (`first` of `len` bytes) from a regular file is continued with
/// `next(bytes so far)` until the buffer is full or end of file; an error
/// after some bytes ends it with those bytes. Streams keep short reads.
fn fill_regular_file(
    fd: i32,
    len: usize,
    first: usize,
    mut next: impl FnMut(usize) -> Result<usize>,
) -> usize {
    const REGULAR_FILE: u8 = 4;
    if first == 0 || first >= len {
        return first;
    }
    let mut st = wasi::Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    if unsafe { wasi::fd_fdstat_get(fd, &mut st) } != 0 || st.filetype != REGULAR_FILE {
        return first;
    }
    let mut done = first;
    while done < len {
        match next(done) {
            Ok(0) | Err(_) => break,
            Ok(n) => done += n,
        }
    }
    done
}

#[inline(always)]
fn clock_id(c: Clock) -> u32 {
    match c {
        Clock::Realtime => 0,
        Clock::Monotonic => 1,
    }
}

/// `cabi_import_realloc` for Rust programs on p2 (see the p2 backend); p1
/// has no import realloc, so this defines nothing.
#[macro_export]
macro_rules! export_import_realloc {
    () => {};
}
