//! The WASI 0.2 backend: component-model imports (`wasi:io/streams@0.2.0`,
//! `wasi:cli/*`, `wasi:clocks/*`, `wasi:random/random`, `wasi:filesystem/*`).
//!
//! Every import that returns a `list<u8>` is called with the caller's buffer
//! parked in the caller-buffer slot ([`crate::slot`]), so the host writes the
//! bytes straight into it: no malloc, no copy.

mod realloc;
mod wasi;

use crate::errno::Errno;
use crate::pal::{Pal, Result};
use crate::single::Single;
use crate::slot;
use crate::types::*;

/// The WASI 0.2 backend.
pub struct Sys;

/// What a C file descriptor stands for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Entry {
    Free,
    /// fd 0, 1 or 2 before first use: the stream handle is fetched lazily,
    /// so a program that never touches stdin never asks for it.
    StdUnopened,
    /// An `input-stream` handle (stdin).
    In(i32),
    /// An `output-stream` handle (stdout, stderr).
    Out(i32),
    /// A `descriptor` handle for a file, with our own file position.
    File {
        desc: i32,
        pos: u64,
        mode: u8,
    },
}

const READ: u8 = 1;
const WRITE: u8 = 2;
const APPEND: u8 = 4;

const MAX_FDS: usize = 64;

static FDS: Single<[Entry; MAX_FDS]> = Single::new({
    let mut t = [Entry::Free; MAX_FDS];
    t[0] = Entry::StdUnopened;
    t[1] = Entry::StdUnopened;
    t[2] = Entry::StdUnopened;
    t
});

#[inline(always)]
fn slot_of(fd: i32) -> Result<*mut Entry> {
    if fd as u32 as usize >= MAX_FDS {
        return Err(Errno::EBADF);
    }
    // SAFETY: in bounds; single-threaded (see `Single`).
    Ok(unsafe { (FDS.get() as *mut Entry).add(fd as usize) })
}

/// The entry for `fd`, opening stdio streams on first use.
#[inline]
fn entry(fd: i32) -> Result<Entry> {
    let p = slot_of(fd)?;
    // SAFETY: p points into the table.
    let e = unsafe { *p };
    match e {
        Entry::Free => Err(Errno::EBADF),
        Entry::StdUnopened => {
            // SAFETY: plain imports returning an owned handle.
            let opened = unsafe {
                match fd {
                    0 => Entry::In(wasi::stdio::get_stdin()),
                    1 => Entry::Out(wasi::stdio::get_stdout()),
                    _ => Entry::Out(wasi::stdio::get_stderr()),
                }
            };
            // SAFETY: as above.
            unsafe { *p = opened };
            Ok(opened)
        }
        e => Ok(e),
    }
}

fn set_entry(fd: i32, e: Entry) {
    if let Ok(p) = slot_of(fd) {
        // SAFETY: p points into the table.
        unsafe { *p = e };
    }
}

fn alloc_fd(e: Entry) -> Result<i32> {
    for fd in 3..MAX_FDS as i32 {
        let p = slot_of(fd)?;
        // SAFETY: p points into the table.
        if unsafe { *p } == Entry::Free {
            // SAFETY: as above.
            unsafe { *p = e };
            return Ok(fd);
        }
    }
    Err(Errno::EMFILE)
}

/// A return area for imports, aligned for any canonical-ABI result.
#[repr(C, align(8))]
struct Ret<const N: usize>([u8; N]);

impl<const N: usize> Ret<N> {
    #[inline(always)]
    const fn new() -> Self {
        Ret([0; N])
    }
    #[inline(always)]
    fn ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr()
    }
    #[inline(always)]
    fn u8(&self, off: usize) -> u8 {
        self.0[off]
    }
    #[inline(always)]
    fn u32(&self, off: usize) -> u32 {
        u32::from_le_bytes(self.0[off..off + 4].try_into().unwrap())
    }
    #[inline(always)]
    fn u64(&self, off: usize) -> u64 {
        u64::from_le_bytes(self.0[off..off + 8].try_into().unwrap())
    }
}

/// Maps a `stream-error` in a return area (tag at `off`, error handle at
/// `off + 4`): `closed` is end of file, anything else is `EIO`.
fn stream_error<const N: usize>(ret: &Ret<N>, off: usize) -> Errno {
    if ret.u8(off) == 0 {
        // last-operation-failed(own<error>): we own the error; drop it.
        // SAFETY: a handle the host just gave us.
        unsafe { wasi::error::drop_error(ret.u32(off + 4) as i32) };
        Errno::EIO
    } else {
        Errno::EPIPE
    }
}

/// Maps `wasi:filesystem/types.error-code` to errno.
fn fs_error(code: u8) -> Errno {
    const MAP: [Errno; 37] = [
        Errno::EACCES,
        Errno::EAGAIN,
        Errno::EALREADY,
        Errno::EBADF,
        Errno::EBUSY,
        Errno::EDEADLK,
        Errno::EDQUOT,
        Errno::EEXIST,
        Errno::EFBIG,
        Errno::EILSEQ,
        Errno::EINPROGRESS,
        Errno::EINTR,
        Errno::EINVAL,
        Errno::EIO,
        Errno::EISDIR,
        Errno::ELOOP,
        Errno::EMLINK,
        Errno::EMSGSIZE,
        Errno::ENAMETOOLONG,
        Errno::ENODEV,
        Errno::ENOENT,
        Errno::ENOLCK,
        Errno::ENOMEM,
        Errno::ENOSPC,
        Errno::ENOTDIR,
        Errno::ENOTEMPTY,
        Errno::ENOTRECOVERABLE,
        Errno::ENOTSUP,
        Errno::ENOTTY,
        Errno::ENXIO,
        Errno::EOVERFLOW,
        Errno::EPERM,
        Errno::EPIPE,
        Errno::EROFS,
        Errno::ESPIPE,
        Errno::ETXTBSY,
        Errno::EXDEV,
    ];
    MAP.get(code as usize).copied().unwrap_or(Errno::EIO)
}

/// The return area of the two read imports. A static rather than a stack
/// local, so the inlined read path needs no stack frame and no zeroing.
/// Sound because an instance has one thread (see `Single`), a read never
/// runs inside another (the only guest code the host runs during the import
/// call is the realloc, which does not read), and the area is used only
/// between the import call and the decoding of its result.
static READ_RET: Single<Ret<16>> = Single::new(Ret::new());

/// Reads from an input stream into `buf` through the slot.
#[inline(always)]
fn stream_read(h: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: see `READ_RET`: no other reference to it is live.
    let ret = unsafe { &mut *READ_RET.get() };
    let (p, cap) = (buf.as_mut_ptr(), buf.len());
    // SAFETY: buf is valid for cap (> 0) bytes during the call; the host
    // writes the list through `cabi_import_realloc`, which hands out the
    // parked buffer for a fitting request (see `slot`).
    unsafe {
        slot::with_parked(p, cap, || {
            wasi::streams::blocking_read(h, cap as i64, ret.ptr())
        })
    };
    if ret.u8(0) == 0 {
        // SAFETY: the host wrote a list (ptr, len) allocated during the call.
        unsafe { slot::land(p, cap, ret.u32(4) as *mut u8, ret.u32(8) as usize) }
    } else if ret.u8(4) == 1 {
        Ok(0) // closed: end of file
    } else {
        Err(stream_error(ret, 4))
    }
}

/// Reads from a file at `offset` into `buf` through the slot.
#[inline(always)]
fn file_read(desc: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    // SAFETY: see `READ_RET`: no other reference to it is live.
    let ret = unsafe { &mut *READ_RET.get() };
    let (p, cap) = (buf.as_mut_ptr(), buf.len());
    // SAFETY: as in `stream_read`.
    unsafe {
        slot::with_parked(p, cap, || {
            wasi::filesystem::read(desc, cap as u64, offset, ret.ptr())
        })
    };
    if ret.u8(0) == 0 {
        // SAFETY: as in `stream_read`.
        unsafe { slot::land(p, cap, ret.u32(4) as *mut u8, ret.u32(8) as usize) }
    } else {
        Err(fs_error(ret.u8(4)))
    }
}

fn file_write(desc: i32, buf: &[u8], offset: u64) -> Result<usize> {
    let mut ret = Ret::<16>::new();
    // SAFETY: buf is valid for reads; ret has room for the result.
    unsafe { wasi::filesystem::write(desc, buf.as_ptr(), buf.len(), offset, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok(ret.u64(8) as usize)
    } else {
        Err(fs_error(ret.u8(8)))
    }
}

fn file_size(desc: i32) -> Result<u64> {
    let mut ret = Ret::<104>::new();
    // SAFETY: ret has room for result<descriptor-stat, error-code>.
    unsafe { wasi::filesystem::stat(desc, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok(ret.u64(24))
    } else {
        Err(fs_error(ret.u8(8)))
    }
}

/// `blocking-write-and-flush` takes at most this many bytes per call
/// (WASI 0.2 `output-stream` contract).
const MAX_WRITE_CHUNK: usize = 4096;

fn stream_write(h: i32, buf: &[u8]) -> Result<usize> {
    let mut done = 0;
    for chunk in buf.chunks(MAX_WRITE_CHUNK) {
        let mut ret = Ret::<12>::new();
        // SAFETY: chunk is valid for reads; ret has room for the result.
        unsafe {
            wasi::streams::blocking_write_and_flush(h, chunk.as_ptr(), chunk.len(), ret.ptr())
        };
        if ret.u8(0) != 0 {
            let e = stream_error(&ret, 4);
            return if done > 0 { Ok(done) } else { Err(e) };
        }
        done += chunk.len();
    }
    Ok(done)
}

/// Pre-opened directories from `get-directories`, fetched once.
struct Preopen {
    desc: i32,
    name: *const u8,
    len: usize,
}
struct Preopens {
    loaded: bool,
    list: *const [u32; 3],
    count: usize,
}
static PREOPENS: Single<Preopens> = Single::new(Preopens {
    loaded: false,
    list: core::ptr::null(),
    count: 0,
});

fn preopen(i: usize) -> Preopen {
    // SAFETY: i < count; the list stays allocated for the program's life.
    let e = unsafe { *PREOPENS.load_ref().list.add(i) };
    Preopen {
        desc: e[0] as i32,
        name: e[1] as *const u8,
        len: e[2] as usize,
    }
}

impl Single<Preopens> {
    fn load_ref(&self) -> &Preopens {
        // SAFETY: single-threaded; no mutable borrow is live.
        let p = unsafe { &mut *self.get() };
        if !p.loaded {
            p.loaded = true;
            let mut ret = Ret::<8>::new();
            // SAFETY: nothing is parked, so every list and string goes to the
            // allocator and is kept for the program's life.
            unsafe { wasi::preopens::get_directories(ret.ptr()) };
            p.list = ret.u32(0) as *const [u32; 3];
            p.count = ret.u32(4) as usize;
        }
        p
    }
}

impl Pal for Sys {
    /// The hot path (an open stream or a readable file, a non-empty buffer)
    /// is inlined into the C `read`; everything else is [`read_slow`].
    #[inline(always)]
    fn read(fd: i32, buf: &mut [u8]) -> Result<usize> {
        if let Ok(p) = slot_of(fd)
            && !buf.is_empty()
        {
            // SAFETY: p points into the table; nothing else touches the
            // table during the import call (realloc only uses the slot).
            match unsafe { &mut *p } {
                Entry::In(h) => return stream_read(*h, buf),
                Entry::File { desc, pos, mode } if *mode & READ != 0 => {
                    let n = file_read(*desc, buf, *pos)?;
                    *pos += n as u64;
                    return Ok(n);
                }
                _ => {}
            }
        }
        crate::errno::unpack(read_slow(fd, buf))
    }

    fn pread(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
        match entry(fd)? {
            Entry::File { mode, .. } if mode & READ == 0 => Err(Errno::EBADF),
            Entry::File { .. } if buf.is_empty() => Ok(0),
            Entry::File { desc, .. } => file_read(desc, buf, offset),
            Entry::In(_) | Entry::Out(_) => Err(Errno::ESPIPE),
            _ => Err(Errno::EBADF),
        }
    }

    fn write(fd: i32, buf: &[u8]) -> Result<usize> {
        match entry(fd)? {
            Entry::Out(h) => stream_write(h, buf),
            Entry::File { desc, pos, mode } if mode & WRITE != 0 => {
                let at = if mode & APPEND != 0 {
                    file_size(desc)?
                } else {
                    pos
                };
                let n = file_write(desc, buf, at)?;
                set_entry(
                    fd,
                    Entry::File {
                        desc,
                        pos: at + n as u64,
                        mode,
                    },
                );
                Ok(n)
            }
            _ => Err(Errno::EBADF),
        }
    }

    fn pwrite(fd: i32, buf: &[u8], offset: u64) -> Result<usize> {
        match entry(fd)? {
            Entry::File { desc, mode, .. } if mode & WRITE != 0 => file_write(desc, buf, offset),
            Entry::In(_) | Entry::Out(_) => Err(Errno::ESPIPE),
            _ => Err(Errno::EBADF),
        }
    }

    fn close(fd: i32) -> Result<()> {
        let p = slot_of(fd)?;
        // SAFETY: p points into the table.
        let e = unsafe { *p };
        // SAFETY: handles we own; the entry is freed before anything else.
        unsafe {
            *p = Entry::Free;
            match e {
                Entry::Free => return Err(Errno::EBADF),
                Entry::StdUnopened => {}
                Entry::In(h) => wasi::streams::drop_input_stream(h),
                Entry::Out(h) => wasi::streams::drop_output_stream(h),
                Entry::File { desc, .. } => wasi::filesystem::drop_descriptor(desc),
            }
        }
        Ok(())
    }

    fn lseek(fd: i32, offset: i64, whence: Whence) -> Result<u64> {
        match entry(fd)? {
            Entry::File { desc, pos, mode } => {
                let base = match whence {
                    Whence::Set => 0,
                    Whence::Cur => pos as i64,
                    Whence::End => file_size(desc)? as i64,
                };
                let new = base
                    .checked_add(offset)
                    .filter(|n| *n >= 0)
                    .ok_or(Errno::EINVAL)?;
                set_entry(
                    fd,
                    Entry::File {
                        desc,
                        pos: new as u64,
                        mode,
                    },
                );
                Ok(new as u64)
            }
            _ => Err(Errno::ESPIPE),
        }
    }

    fn open(path: &[u8], oflags: i32) -> Result<i32> {
        let pre = PREOPENS.load_ref();
        let mut names = (0..pre.count).map(|i| {
            let p = preopen(i);
            // SAFETY: the host wrote `len` bytes at `name`; kept forever.
            unsafe { core::slice::from_raw_parts(p.name, p.len) }
        });
        let (i, rel) = crate::preopen::resolve(path, &mut names).ok_or(Errno::ENOENT)?;
        let dir = preopen(i).desc;
        let path_flags = if oflags & O_NOFOLLOW != 0 { 0 } else { 1 };
        let open_flags = (oflags >> 12) & 0xf;
        let mut mode = 0;
        let mut flags = 0;
        if oflags & O_RDONLY != 0 {
            flags |= 1;
            mode |= READ;
        }
        if oflags & O_WRONLY != 0 {
            flags |= 2;
            mode |= WRITE;
        }
        if oflags & O_APPEND != 0 {
            mode |= APPEND;
        }
        if oflags & O_DIRECTORY != 0 {
            flags &= !2;
        }
        let mut ret = Ret::<8>::new();
        // SAFETY: rel is a valid byte range; ret has room for the result.
        unsafe {
            wasi::filesystem::open_at(
                dir,
                path_flags,
                rel.as_ptr(),
                rel.len(),
                open_flags,
                flags,
                ret.ptr(),
            )
        };
        if ret.u8(0) != 0 {
            return Err(fs_error(ret.u8(4)));
        }
        let desc = ret.u32(4) as i32;
        alloc_fd(Entry::File { desc, pos: 0, mode }).inspect_err(|_| {
            // SAFETY: we own the handle and nothing else refers to it.
            unsafe { wasi::filesystem::drop_descriptor(desc) };
        })
    }

    fn isatty(fd: i32) -> Result<()> {
        match entry(fd)? {
            Entry::In(_) | Entry::Out(_) if fd <= 2 => {
                let mut ret = Ret::<8>::new();
                // SAFETY: ret has room for option<own<terminal-*>>; we drop
                // the handle we get.
                unsafe {
                    match fd {
                        0 => wasi::terminal::get_terminal_stdin(ret.ptr()),
                        1 => wasi::terminal::get_terminal_stdout(ret.ptr()),
                        _ => wasi::terminal::get_terminal_stderr(ret.ptr()),
                    }
                    if ret.u8(0) == 0 {
                        return Err(Errno::ENOTTY);
                    }
                    let h = ret.u32(4) as i32;
                    if fd == 0 {
                        wasi::terminal::drop_terminal_input(h)
                    } else {
                        wasi::terminal::drop_terminal_output(h)
                    }
                }
                Ok(())
            }
            _ => Err(Errno::ENOTTY),
        }
    }

    fn clock_time(clock: Clock) -> Result<u64> {
        match clock {
            // SAFETY: plain import.
            Clock::Monotonic => Ok(unsafe { wasi::monotonic_clock::now() }),
            Clock::Realtime => {
                let mut ret = Ret::<16>::new();
                // SAFETY: ret has room for a datetime.
                unsafe { wasi::wall_clock::now(ret.ptr()) };
                datetime_ns(&ret)
            }
        }
    }

    fn clock_res(clock: Clock) -> Result<u64> {
        match clock {
            // SAFETY: plain import.
            Clock::Monotonic => Ok(unsafe { wasi::monotonic_clock::resolution() }),
            Clock::Realtime => {
                let mut ret = Ret::<16>::new();
                // SAFETY: ret has room for a datetime.
                unsafe { wasi::wall_clock::resolution(ret.ptr()) };
                datetime_ns(&ret)
            }
        }
    }

    fn sleep(nanos: u64) -> Result<()> {
        // SAFETY: we own the pollable and drop it after blocking on it.
        unsafe {
            let p = wasi::monotonic_clock::subscribe_duration(nanos);
            wasi::poll::block(p);
            wasi::poll::drop_pollable(p);
        }
        Ok(())
    }

    fn random(buf: &mut [u8]) -> Result<()> {
        let mut filled = 0;
        while filled < buf.len() {
            let rest = &mut buf[filled..];
            let mut ret = Ret::<8>::new();
            let (p, cap) = (rest.as_mut_ptr(), rest.len());
            // SAFETY: as in `stream_read`: the slot receives the list.
            unsafe {
                slot::with_parked(p, cap, || {
                    wasi::random::get_random_bytes(cap as u64, ret.ptr())
                })
            };
            // SAFETY: the host wrote a list allocated during the call.
            let n = unsafe { slot::land(p, cap, ret.u32(0) as *mut u8, ret.u32(4) as usize) }?;
            if n == 0 {
                return Err(Errno::EIO);
            }
            filled += n;
        }
        Ok(())
    }

    fn args() -> Result<(i32, *mut *mut u8)> {
        let mut ret = Ret::<8>::new();
        // SAFETY: nothing is parked: the list and strings come from the
        // allocator (fallback of `cabi_import_realloc`).
        unsafe { wasi::environment::get_arguments(ret.ptr()) };
        let list = ret.u32(0) as *const [u32; 2];
        let argc = ret.u32(4) as usize;
        let argv = crate::heap_alloc((argc + 1) * core::mem::size_of::<usize>(), 4) as *mut *mut u8;
        if argv.is_null() {
            return Err(Errno::ENOMEM);
        }
        for i in 0..argc {
            // SAFETY: the host wrote argc (ptr, len) pairs.
            let [ptr, len] = unsafe { *list.add(i) };
            // C wants NUL-terminated strings: copy into len + 1 bytes.
            let s = crate::heap_alloc(len as usize + 1, 1);
            if s.is_null() {
                return Err(Errno::ENOMEM);
            }
            // SAFETY: s has len + 1 bytes; the host wrote len bytes at ptr.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr as *const u8, s, len as usize);
                *s.add(len as usize) = 0;
                *argv.add(i) = s;
            }
        }
        // SAFETY: argv has argc + 1 slots.
        unsafe { *argv.add(argc) = core::ptr::null_mut() };
        Ok((argc as i32, argv))
    }

    fn exit(status: i32) -> ! {
        // WASI 0.2.0's `exit` carries only ok/err: any non-zero status is err
        // (the host reports exit code 1).
        // SAFETY: never returns.
        unsafe { wasi::exit::exit((status != 0) as i32) }
    }
}

/// `read` off the hot path: stdio not opened yet, an empty buffer, errors.
#[cold]
#[inline(never)]
fn read_slow(fd: i32, buf: &mut [u8]) -> u64 {
    crate::errno::pack(read_slow_inner(fd, buf))
}

fn read_slow_inner(fd: i32, buf: &mut [u8]) -> Result<usize> {
    let e = entry(fd)?;
    if buf.is_empty() {
        return match e {
            Entry::Out(_) => Err(Errno::EBADF),
            _ => Ok(0),
        };
    }
    match e {
        Entry::In(h) => stream_read(h, buf),
        Entry::File { desc, pos, mode } if mode & READ != 0 => {
            let n = file_read(desc, buf, pos)?;
            set_entry(
                fd,
                Entry::File {
                    desc,
                    pos: pos + n as u64,
                    mode,
                },
            );
            Ok(n)
        }
        _ => Err(Errno::EBADF),
    }
}

fn datetime_ns(ret: &Ret<16>) -> Result<u64> {
    ret.u64(0)
        .checked_mul(NANOS_PER_SEC)
        .and_then(|s| s.checked_add(ret.u32(8) as u64))
        .ok_or(Errno::EOVERFLOW)
}
