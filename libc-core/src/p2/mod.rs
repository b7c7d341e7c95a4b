//! The WASI 0.2 backend: component-model imports (`wasi:io/streams@0.2.0`,
//! `wasi:cli/*`, `wasi:clocks/*`, `wasi:random/random`, `wasi:filesystem/*`).
//!
//! Every import that returns a `list<u8>` is called with the caller's buffer
//! parked in the caller-buffer slot ([`crate::slot`]), so the host writes the
//! bytes straight into it: no malloc, no copy.

mod abi;
mod env;
mod fds;
mod fs;
mod grow;
mod net;
mod realloc;

use crate::errno::Errno;
use crate::pal::{Pal, Result};
use crate::single::Single;
use crate::slot;
use crate::types::*;
use fds::{alloc_fd, inline_slot, slot_of};

// Every import, return-area size, offset, case number and flag bit below
// comes from the generated `abi` (the WIT); layouts that hand-written code
// shares between imports are checked to agree at compile time.
use abi::clocks_wall_clock::{self as wall, datetime};
use abi::filesystem_types::{self as fst, error_code as ec, ret as fr};
use abi::io_streams::{self as ios, ret as sr, stream_error as se};
use abi::{clocks_monotonic_clock as mono, io_error, io_poll};

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
    /// A socket: index into `net`'s socket table.
    Socket(u16),
}

const READ: u8 = 1;
const WRITE: u8 = 2;
const APPEND: u8 = 4;

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
                    0 => Entry::In(abi::cli_stdin::get_stdin()),
                    1 => Entry::Out(abi::cli_stdout::get_stdout()),
                    _ => Entry::Out(abi::cli_stderr::get_stderr()),
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

/// A return area for imports, aligned for any canonical-ABI result (8, that
/// of `u64`, is the largest alignment a canonical-ABI type has). `N` is the
/// generated `BYTES` of the function's return area (`abi::*::ret::*`).
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
    /// Arms the area before an import call (rule 8 of `slot`): the tag byte
    /// at 0 gets [`Ret::UNWRITTEN`], which no `result`/`option` tag takes,
    /// so [`Ret::unwritten`] tells a host that wrote no record. Returns the
    /// area's pointer, for the call.
    #[inline(always)]
    fn arm(&mut self) -> *mut u8 {
        self.0[0] = Self::UNWRITTEN;
        self.ptr()
    }
    /// The sentinel tag of an armed area.
    const UNWRITTEN: u8 = 0xFF;
    /// Arms the area of a result that is a bare list, with no tag (rule 8
    /// of `slot`): its length at `len` gets `u32::MAX`, a length no list in
    /// a 32-bit memory has (our realloc never hands out a block that big),
    /// so [`Ret::list_unwritten`] tells a host that wrote no record.
    /// Returns the area's pointer, for the call.
    #[inline(always)]
    fn arm_list(&mut self, len: usize) -> *mut u8 {
        self.0[len..len + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        self.ptr()
    }
    /// Whether the host left the length of an area armed by
    /// [`Ret::arm_list`] unwritten: decode nothing, answer `EIO`.
    #[inline(always)]
    fn list_unwritten(&self, len: usize) -> bool {
        self.u32(len) == u32::MAX
    }
    /// Whether the host left an armed area's tag unwritten (or wrote a tag
    /// no result has): decode nothing, answer `EIO`.
    #[inline(always)]
    fn unwritten(&self) -> bool {
        self.0[0] > 1
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
    /// A pointer the host stored: a 32-bit wasm address ([`host_ptr`]).
    #[inline(always)]
    fn ptr_at(&self, off: usize) -> *mut u8 {
        host_ptr(self.u32(off))
    }
}

/// A pointer the host stored in guest memory (a return area or a list
/// element): a 32-bit wasm address.
#[cfg(any(target_arch = "wasm32", not(test)))]
#[inline(always)]
fn host_ptr(v: u32) -> *mut u8 {
    v as usize as *mut u8
}

/// Host unit tests only: a 64-bit pointer does not fit the 32-bit slot of
/// the canonical ABI, so the fake host stores an index into [`host_ptrs`]
/// instead.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn host_ptr(v: u32) -> *mut u8 {
    host_ptrs::get(v)
}

/// Pointer table standing in for 32-bit addresses in host unit tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod host_ptrs {
    static TABLE: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

    /// Registers `p`; the result goes where a wasm host would store `p`.
    pub fn put(p: *mut u8) -> u32 {
        let mut t = TABLE.lock().unwrap();
        t.push(p as usize);
        (t.len() - 1) as u32
    }

    pub fn get(i: u32) -> *mut u8 {
        TABLE.lock().unwrap()[i as usize] as *mut u8
    }
}

/// Maps a `stream-error` at `off` in a return area (its tag, then the
/// error handle at [`se::PAYLOAD`]): `last-operation-failed` is `EIO` (its
/// error handle is dropped), `closed` is `EPIPE`, what POSIX `write` answers
/// when the reading end has gone. Reads never get here for `closed`: they
/// test for it first and report end of file (`read` returns 0), as POSIX
/// `read` does at the end of a stream.
fn stream_error<const N: usize>(ret: &Ret<N>, off: usize) -> Errno {
    if ret.u8(off) == se::LAST_OPERATION_FAILED {
        // last-operation-failed(own<error>): we own the error; drop it.
        // SAFETY: a handle the host just gave us.
        unsafe { io_error::error_drop(ret.u32(off + se::PAYLOAD) as i32) };
        Errno::EIO
    } else {
        Errno::EPIPE
    }
}

/// Maps `wasi:filesystem/types.error-code` to errno (a code the WIT does
/// not have is `EIO`). The table is indexed by the generated case numbers.
fn fs_error(code: u8) -> Errno {
    const MAP: [Errno; ec::CROSS_DEVICE as usize + 1] = {
        let pairs = [
            (ec::ACCESS, Errno::EACCES),
            (ec::WOULD_BLOCK, Errno::EAGAIN),
            (ec::ALREADY, Errno::EALREADY),
            (ec::BAD_DESCRIPTOR, Errno::EBADF),
            (ec::BUSY, Errno::EBUSY),
            (ec::DEADLOCK, Errno::EDEADLK),
            (ec::QUOTA, Errno::EDQUOT),
            (ec::EXIST, Errno::EEXIST),
            (ec::FILE_TOO_LARGE, Errno::EFBIG),
            (ec::ILLEGAL_BYTE_SEQUENCE, Errno::EILSEQ),
            (ec::IN_PROGRESS, Errno::EINPROGRESS),
            (ec::INTERRUPTED, Errno::EINTR),
            (ec::INVALID, Errno::EINVAL),
            (ec::IO, Errno::EIO),
            (ec::IS_DIRECTORY, Errno::EISDIR),
            (ec::LOOP, Errno::ELOOP),
            (ec::TOO_MANY_LINKS, Errno::EMLINK),
            (ec::MESSAGE_SIZE, Errno::EMSGSIZE),
            (ec::NAME_TOO_LONG, Errno::ENAMETOOLONG),
            (ec::NO_DEVICE, Errno::ENODEV),
            (ec::NO_ENTRY, Errno::ENOENT),
            (ec::NO_LOCK, Errno::ENOLCK),
            (ec::INSUFFICIENT_MEMORY, Errno::ENOMEM),
            (ec::INSUFFICIENT_SPACE, Errno::ENOSPC),
            (ec::NOT_DIRECTORY, Errno::ENOTDIR),
            (ec::NOT_EMPTY, Errno::ENOTEMPTY),
            (ec::NOT_RECOVERABLE, Errno::ENOTRECOVERABLE),
            (ec::UNSUPPORTED, Errno::ENOTSUP),
            (ec::NO_TTY, Errno::ENOTTY),
            (ec::NO_SUCH_DEVICE, Errno::ENXIO),
            (ec::OVERFLOW, Errno::EOVERFLOW),
            (ec::NOT_PERMITTED, Errno::EPERM),
            (ec::PIPE, Errno::EPIPE),
            (ec::READ_ONLY, Errno::EROFS),
            (ec::INVALID_SEEK, Errno::ESPIPE),
            (ec::TEXT_FILE_BUSY, Errno::ETXTBSY),
            (ec::CROSS_DEVICE, Errno::EXDEV),
        ];
        // Every case gets its own entry: none left at the filler, none twice.
        let mut map = [Errno(0); ec::CROSS_DEVICE as usize + 1];
        let mut i = 0;
        while i < pairs.len() {
            let (code, e) = pairs[i];
            assert!(map[code as usize].0 == 0);
            map[code as usize] = e;
            i += 1;
        }
        assert!(pairs.len() == map.len());
        map
    };
    MAP.get(code as usize).copied().unwrap_or(Errno::EIO)
}

/// The return area of the two read imports (`blocking-read`, `read`), used
/// by [`read_via`] only. A static rather than a stack local, so the inlined
/// read path needs no stack frame and no zeroing: measured with
/// `bench/run.py --ci`, a stack local (zeroed by `Ret::new`) costs every
/// `read()` 15 more fuel from stdin and 17 more from a file (144 and 164
/// instead of 129 and 147, measured before the slot's three-word form).
///
/// Assumption (this is what makes it sound): nothing can use the area between
/// the import call that fills it and the decoding of its result, because
/// - an instance has one thread (see `Single`);
/// - the only guest code the host runs during the import call is the
///   realloc (`cabi_import_realloc`: [`slot::import_realloc`], i.e. the slot
///   and the allocator), and the realloc never calls an import nor reads
///   (the canonical ABI even traps an import call from inside a lowering's
///   realloc), so no read can re-enter;
/// - the result is decoded before any other read starts (the `drop-error`
///   call of the error path uses no return area), and [`read_via`] lends it
///   to the decoder for the decoding only.
///
/// If the realloc ever gains an import call or a read (a logging allocator,
/// say), or reads become re-entrant (signal handlers, async callbacks), this
/// must go back to a stack local per call (one line in [`read_via`]).
static READ_RET: Single<ReadRet> = Single::new(Ret::new());

/// [`READ_RET`]: room for the result of either read import.
type ReadRet = Ret<{ max(br::BYTES, dr::BYTES) }>;
use fr::descriptor_read as dr;
use sr::input_stream_blocking_read as br;

const fn max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

/// A read import with `buf` parked in the slot, its result then decoded:
/// `call(len, ret)` is the import after lowering for `buf.len()` bytes into
/// the return area `ret` (armed, rule 8 of `slot`); `decode` gets the area
/// once the call returned. The only user of [`READ_RET`].
#[inline(always)]
fn read_via<R>(
    buf: &mut [u8],
    call: impl FnOnce(u64, *mut u8),
    decode: impl FnOnce(&ReadRet, &mut [u8]) -> R,
) -> R {
    // SAFETY: see `READ_RET`: no other reference to it is live, and this
    // one ends with `decode`.
    let ret = unsafe { &mut *READ_RET.get() };
    let (p, cap) = (buf.as_mut_ptr(), buf.len());
    // SAFETY: buf is valid for cap (> 0) bytes during the call; the host
    // writes the list through `cabi_import_realloc`, which hands out the
    // parked buffer for a fitting request (see `slot`).
    unsafe { slot::with_parked(p, cap, || call(cap as u64, ret.arm())) };
    decode(ret, buf)
}

/// Reads from an input stream into `buf` through the slot.
#[inline(always)]
fn stream_read(h: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the import writes its result to the return area it is given.
    stream_read_via(h, buf, |h, len, ret| unsafe {
        ios::input_stream_blocking_read(h, len, ret)
    })
}

/// `stream_read` with the import as a parameter, so host tests can stand in
/// for the host (the call is inlined with the real import in the library).
///
/// `import` is a closure (not a function pointer, whose address would name a
/// symbol no object defines) with the shape of `blocking-read` after lowering.
#[inline(always)]
fn stream_read_via(
    h: i32,
    buf: &mut [u8],
    import: impl FnOnce(i32, u64, *mut u8),
) -> Result<usize> {
    read_via(
        buf,
        |len, ret| import(h, len, ret),
        |ret, buf| {
            // The usual outcome, decoded inline: bytes in the caller's
            // buffer (the slot only hands it out for requests of at most
            // `cap` bytes, but the host's length is checked all the same,
            // rule 5 of `slot`).
            let len = ret.u32(br::OK_LEN) as usize;
            if ret.u8(0) == 0 && ret.ptr_at(br::OK_PTR) == buf.as_mut_ptr() && len <= buf.len() {
                return Ok(len);
            }
            crate::errno::unpack(stream_read_finish(ret, buf))
        },
    )
}

/// The rest of [`stream_read_via`], out of line: decodes the result (a list
/// elsewhere or too long, end of file, an error). Returns a packed result
/// ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn stream_read_finish(ret: &ReadRet, buf: &mut [u8]) -> u64 {
    let r = if ret.unwritten() {
        // No result record (rule 8 of `slot`): nothing to decode or free.
        Err(Errno::EIO)
    } else if ret.u8(0) == 0 {
        // SAFETY: the host wrote a list (ptr, len) allocated during the call.
        unsafe {
            slot::land(
                buf.as_mut_ptr(),
                buf.len(),
                ret.ptr_at(br::OK_PTR),
                ret.u32(br::OK_LEN) as usize,
            )
        }
    } else if ret.u8(br::ERR) == se::CLOSED {
        Ok(0) // closed: end of file
    } else {
        Err(stream_error(ret, br::ERR))
    };
    slot::release();
    crate::errno::pack(r)
}

/// The `read` import for `buf` at `offset` (see [`read_via`]).
#[inline(always)]
fn file_read_call(desc: i32, offset: u64) -> impl FnOnce(u64, *mut u8) {
    // SAFETY: the import writes its result to the return area it is given.
    move |len, ret| unsafe { fst::descriptor_read(desc, len, offset, ret) }
}

/// Reads from a file at `offset` into `buf` through the slot.
#[inline(always)]
fn file_read(desc: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    read_via(buf, file_read_call(desc, offset), file_read_result)
}

/// Decodes the result of the `read` import for `buf`.
#[inline(always)]
fn file_read_result(ret: &ReadRet, buf: &mut [u8]) -> Result<usize> {
    let r = if ret.unwritten() {
        // No result record (rule 8 of `slot`): nothing to decode or free.
        Err(Errno::EIO)
    } else if ret.u8(0) == 0 {
        // SAFETY: as in `stream_read`.
        unsafe {
            slot::land(
                buf.as_mut_ptr(),
                buf.len(),
                ret.ptr_at(dr::OK_T0_PTR),
                ret.u32(dr::OK_T0_LEN) as usize,
            )
        }
    } else {
        Err(fs_error(ret.u8(dr::ERR)))
    };
    slot::release();
    r
}

/// Reads a file at `offset` until `buf` is full or end of file: POSIX lets
/// a read of a regular file come back short only at end of file, but hosts
/// cap one call (wasmtime at 64 KiB). Every call receives in place through
/// the slot; an error after some bytes ends the read with those bytes.
fn file_read_full(desc: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    let first = file_read(desc, buf, offset)?;
    Ok(file_read_rest(desc, buf, offset, first))
}

/// [`file_read_full`] for `read`'s hot path, inlined: only the usual outcome,
/// the host filled the whole buffer in place, is decoded here (one test for
/// "in the slot" and "not short"). Anything else (an error, a list
/// elsewhere, a short read, end of file) is [`file_read_finish`]'s.
#[inline(always)]
fn file_read_full_inline(desc: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    read_via(buf, file_read_call(desc, offset), |ret, buf| {
        if ret.u8(0) == 0
            && ret.ptr_at(dr::OK_T0_PTR) == buf.as_mut_ptr()
            && ret.u32(dr::OK_T0_LEN) as usize == buf.len()
        {
            return Ok(buf.len());
        }
        crate::errno::unpack(file_read_finish(ret, desc, buf, offset))
    })
}

/// The rest of [`file_read_full_inline`], out of line: decodes the result
/// and continues a short read. Returns a packed result
/// ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn file_read_finish(ret: &ReadRet, desc: i32, buf: &mut [u8], offset: u64) -> u64 {
    let r = file_read_result(ret, buf).map(|first| file_read_rest(desc, buf, offset, first));
    crate::errno::pack(r)
}

/// [`file_read_full`] after a first read of `done` bytes: out of line, so a
/// read that fills the buffer at once (the inlined path of `read`) does not
/// pay for the loop.
#[cold]
#[inline(never)]
fn file_read_rest(desc: i32, buf: &mut [u8], offset: u64, mut done: usize) -> usize {
    while done > 0 && done < buf.len() {
        match file_read(desc, &mut buf[done..], offset + done as u64) {
            Ok(0) | Err(_) => break,
            Ok(n) => done += n,
        }
    }
    done
}

fn file_write(desc: i32, buf: &[u8], offset: u64) -> Result<usize> {
    use fr::descriptor_write as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: buf is valid for reads; ret has room for the result.
    unsafe { fst::descriptor_write(desc, buf.as_ptr(), buf.len(), offset, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok(ret.u64(r::OK) as usize)
    } else {
        Err(fs_error(ret.u8(r::ERR)))
    }
}

fn file_size(desc: i32) -> Result<u64> {
    use fr::descriptor_stat as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: ret has room for result<descriptor-stat, error-code>.
    unsafe { fst::descriptor_stat(desc, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok(ret.u64(r::OK + fst::descriptor_stat::SIZE))
    } else {
        Err(fs_error(ret.u8(r::ERR)))
    }
}

/// `blocking-write-and-flush` takes at most this many bytes per call
/// (WASI 0.2 `output-stream` contract).
const MAX_WRITE_CHUNK: usize = 4096;

fn stream_write(h: i32, buf: &[u8]) -> Result<usize> {
    let mut done = 0;
    for chunk in buf.chunks(MAX_WRITE_CHUNK) {
        use sr::output_stream_blocking_write_and_flush as r;
        let mut ret = Ret::<{ r::BYTES }>::new();
        // SAFETY: chunk is valid for reads; ret has room for the result.
        unsafe {
            ios::output_stream_blocking_write_and_flush(h, chunk.as_ptr(), chunk.len(), ret.ptr())
        };
        if ret.u8(0) != 0 {
            let e = stream_error(&ret, r::ERR);
            return if done > 0 { Ok(done) } else { Err(e) };
        }
        done += chunk.len();
    }
    Ok(done)
}

/// The wall clock into `*out` for [`Pal::clock_time_to`], out of line and
/// returning a bare errno (0 = success), so the monotonic path that
/// `clock_gettime` inlines needs no stack frame.
///
/// # Safety
/// `out` must be valid for an aligned 8-byte write.
#[inline(never)]
unsafe fn realtime_to(out: *mut u64) -> i32 {
    match Sys::clock_time(Clock::Realtime) {
        Ok(t) => {
            // SAFETY: caller contract.
            unsafe { *out = t };
            0
        }
        Err(e) => e.0,
    }
}

impl Pal for Sys {
    /// The hot path (an open stream or a readable file, a non-empty buffer)
    /// is inlined into the C `read`; everything else is [`read_slow`].
    #[inline(always)]
    fn read(fd: i32, buf: &mut [u8]) -> Result<usize> {
        if let Some(p) = inline_slot(fd)
            && !buf.is_empty()
        {
            // SAFETY: p points into the table; nothing else touches the
            // table during the import calls (realloc only uses the slot).
            match unsafe { &mut *p } {
                Entry::In(h) => return stream_read(*h, buf),
                Entry::File { desc, pos, mode } if *mode & READ != 0 => {
                    let at = *pos;
                    let n = file_read_full_inline(*desc, buf, at)?;
                    *pos = at + n as u64;
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
            Entry::File { desc, .. } => file_read_full(desc, buf, offset),
            Entry::In(_) | Entry::Out(_) | Entry::Socket(_) => Err(Errno::ESPIPE),
            _ => Err(Errno::EBADF),
        }
    }

    fn write(fd: i32, buf: &[u8]) -> Result<usize> {
        match entry(fd)? {
            Entry::Out(h) => stream_write(h, buf),
            Entry::Socket(i) => net::write(i, buf),
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
            Entry::In(_) | Entry::Out(_) | Entry::Socket(_) => Err(Errno::ESPIPE),
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
                Entry::In(h) => ios::input_stream_drop(h),
                Entry::Out(h) => ios::output_stream_drop(h),
                Entry::File { desc, .. } => fst::descriptor_drop(desc),
                Entry::Socket(i) => net::close(i),
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

    fn isatty(fd: i32) -> Result<()> {
        match entry(fd)? {
            Entry::In(_) | Entry::Out(_) if fd <= 2 => {
                use abi::cli_terminal_stdin::ret::get_terminal_stdin as r;
                const _: () = {
                    use abi::{cli_terminal_stderr as e, cli_terminal_stdout as o};
                    assert!(o::ret::get_terminal_stdout::BYTES == r::BYTES);
                    assert!(o::ret::get_terminal_stdout::SOME == r::SOME);
                    assert!(e::ret::get_terminal_stderr::BYTES == r::BYTES);
                    assert!(e::ret::get_terminal_stderr::SOME == r::SOME);
                };
                let mut ret = Ret::<{ r::BYTES }>::new();
                // SAFETY: ret has room for option<own<terminal-*>>; we drop
                // the handle we get.
                unsafe {
                    match fd {
                        0 => abi::cli_terminal_stdin::get_terminal_stdin(ret.ptr()),
                        1 => abi::cli_terminal_stdout::get_terminal_stdout(ret.ptr()),
                        _ => abi::cli_terminal_stderr::get_terminal_stderr(ret.ptr()),
                    }
                    if ret.u8(0) == 0 {
                        return Err(Errno::ENOTTY);
                    }
                    let h = ret.u32(r::SOME) as i32;
                    if fd == 0 {
                        abi::cli_terminal_input::terminal_input_drop(h)
                    } else {
                        abi::cli_terminal_output::terminal_output_drop(h)
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
            Clock::Monotonic => Ok(unsafe { mono::now() }),
            Clock::Realtime => {
                let mut ret = DatetimeRet::new();
                // SAFETY: ret has room for a datetime.
                unsafe { wall::now(ret.ptr()) };
                datetime_ns(&ret)
            }
        }
    }

    #[inline(always)]
    unsafe fn clock_time_to(clock: Clock, out: *mut u64) -> Result<()> {
        let t = match clock {
            // SAFETY: plain import.
            Clock::Monotonic => unsafe { mono::now() },
            Clock::Realtime => {
                // SAFETY: forwarded contract.
                return match unsafe { realtime_to(out) } {
                    0 => Ok(()),
                    e => Err(Errno(e)),
                };
            }
        };
        // SAFETY: valid for the write (caller contract).
        unsafe { *out = t };
        Ok(())
    }

    fn clock_res(clock: Clock) -> Result<u64> {
        match clock {
            // SAFETY: plain import.
            Clock::Monotonic => Ok(unsafe { mono::resolution() }),
            Clock::Realtime => {
                let mut ret = DatetimeRet::new();
                // SAFETY: ret has room for a datetime.
                unsafe { wall::resolution(ret.ptr()) };
                datetime_ns(&ret)
            }
        }
    }

    fn sleep(nanos: u64) -> Result<()> {
        // SAFETY: we own the pollable and drop it after blocking on it.
        unsafe {
            let p = mono::subscribe_duration(nanos);
            io_poll::pollable_block(p);
            io_poll::pollable_drop(p);
        }
        Ok(())
    }

    fn random(buf: &mut [u8]) -> Result<()> {
        // SAFETY: the import writes its result to the area it is given.
        random_via(buf, |len, ret| unsafe {
            abi::random_random::get_random_bytes(len, ret)
        })
    }

    fn args() -> Result<(i32, *mut *mut u8)> {
        env::arguments()
    }

    fn exit(status: i32) -> ! {
        // WASI 0.2.0's `exit` carries only ok/err (any non-zero status is
        // err: the host reports exit code 1) unless the program opted in to
        // `exit-with-code` (see `__wasm_libc_p2_exit`).
        // SAFETY: defined by a `libc.a` member or the opt-in object; takes
        // any status and never returns.
        unsafe { __wasm_libc_p2_exit(status) }
    }
}

/// What `libc.a`'s weak `exit_result.o` does (crt/exit_result.ll), for
/// programs that link no `libc.a`: the Rust API's [`main!`] defines
/// `__wasm_libc_p2_exit` with it. WASI 0.2.0's `exit` takes only ok/err.
pub fn exit_result(status: i32) -> ! {
    // SAFETY: the import takes any value and does not return.
    unsafe { abi::cli_exit::exit((status != 0) as i32) };
    crate::trap()
}

unsafe extern "C" {
    /// Ends the program with `status`. `libc.a`'s member `exit_result.o`
    /// (crt/exit_result.ll, weak) calls `wasi:cli/exit@0.2.0` `exit` with
    /// `err` for any non-zero status, all WASI 0.2.0 offers; a program
    /// linked with `exit-with-code.o` (crt/exit_with_code.ll) calls
    /// `exit-with-code` with `status & 0xff` instead, for hosts that offer
    /// it (docs/p2-exit.md).
    fn __wasm_libc_p2_exit(status: i32) -> !;
}

/// [`Pal::random`] with the import (`get-random-bytes` after lowering) as a
/// parameter, so host tests can stand in for the host.
#[inline(always)]
fn random_via(buf: &mut [u8], mut import: impl FnMut(u64, *mut u8)) -> Result<()> {
    use abi::random_random::ret::get_random_bytes as r;
    let mut filled = 0;
    while filled < buf.len() {
        let rest = &mut buf[filled..];
        let mut ret = Ret::<{ r::BYTES }>::new();
        let (p, cap) = (rest.as_mut_ptr(), rest.len());
        // SAFETY: as in `stream_read`: the slot receives the list.
        unsafe { slot::with_parked(p, cap, || import(cap as u64, ret.arm_list(r::LEN))) };
        if ret.list_unwritten(r::LEN) {
            // No result record (rule 8 of `slot`): nothing to decode.
            slot::release();
            return Err(Errno::EIO);
        }
        // SAFETY: the host wrote a list allocated during the call.
        let n = unsafe { slot::land(p, cap, ret.ptr_at(r::PTR), ret.u32(r::LEN) as usize) }?;
        if n == 0 {
            return Err(Errno::EIO);
        }
        filled += n;
    }
    Ok(())
}

/// `read` off the hot path: stdio not opened yet, an empty buffer, sockets,
/// descriptors not open for reading, bad descriptors. Returns a packed
/// result ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn read_slow(fd: i32, buf: &mut [u8]) -> u64 {
    crate::errno::pack(read_slow_inner(fd, buf))
}

/// `read` as a whole (the semantics; [`Sys::read`] inlines its hot part).
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
        Entry::Socket(i) => net::read(i, buf),
        Entry::File { desc, pos, mode } if mode & READ != 0 => {
            let n = file_read_full(desc, buf, pos)?;
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

/// The return area of `wall-clock.now` and `resolution`: a `datetime`.
type DatetimeRet = Ret<{ wall::ret::now::BYTES }>;
const _: () = assert!(
    wall::ret::now::BYTES == datetime::BYTES && wall::ret::resolution::BYTES == datetime::BYTES
);

fn datetime_ns(ret: &DatetimeRet) -> Result<u64> {
    ret.u64(datetime::SECONDS)
        .checked_mul(NANOS_PER_SEC)
        .and_then(|s| s.checked_add(ret.u32(datetime::NANOSECONDS) as u64))
        .ok_or(Errno::EOVERFLOW)
}

#[cfg(test)]
mod tests {
    //! The p2 read path on the host, with a stand-in for the host side of
    //! `blocking-read` that behaves like wasmtime: one realloc call
    //! `(0, 0, 1, n)` for the n bytes it returns, the bytes, then the result
    //! in the return area.
    use super::*;
    use crate::stats;
    use abi::random_random::ret::get_random_bytes as RB;

    /// What the fake host returns next: `Some(bytes)` or `None` (closed).
    /// It returns the bytes as given, even more than asked for.
    static NEXT: std::sync::Mutex<Option<Vec<u8>>> = std::sync::Mutex::new(None);

    unsafe extern "C" fn fake_blocking_read(_h: i32, _len: u64, ret: *mut u8) {
        let next = NEXT.lock().unwrap().clone();
        // SAFETY: ret is the 12-byte return area of `stream_read_via`; the
        // list memory comes from the guest's realloc, as with a real host.
        unsafe {
            match next {
                Some(bytes) => {
                    let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, bytes.len());
                    core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
                    *ret = 0;
                    (ret.add(br::OK_PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
                    (ret.add(br::OK_LEN) as *mut u32).write_unaligned(bytes.len() as u32);
                }
                None => {
                    *ret = 1;
                    *ret.add(br::ERR) = se::CLOSED;
                }
            }
        }
    }

    /// The host side of `[resource-drop]error`, which the error path calls
    /// (on the host the wasm import module is ignored; this definition
    /// satisfies the link of the test binary).
    static DROPPED_ERRORS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    #[unsafe(export_name = "[resource-drop]error")]
    extern "C" fn fake_drop_error(_h: i32) {
        DROPPED_ERRORS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    unsafe extern "C" fn failing_blocking_read(_h: i32, _len: u64, ret: *mut u8) {
        // SAFETY: ret is the 12-byte return area.
        unsafe {
            *ret = 1;
            *ret.add(br::ERR) = se::LAST_OPERATION_FAILED; // error handle 42
            (ret.add(br::ERR + se::PAYLOAD) as *mut u32).write_unaligned(42);
        }
    }

    #[test]
    fn failed_read_is_eio_and_drops_the_error_resource() {
        // The slot and the read return area are shared with the other tests.
        let _g = crate::slot::tests::fresh();
        let before = DROPPED_ERRORS.load(std::sync::atomic::Ordering::SeqCst);
        let mut buf = [0u8; 8];
        assert_eq!(
            stream_read_via(7, &mut buf, |h, l, r| unsafe {
                failing_blocking_read(h, l, r)
            }),
            Err(Errno::EIO)
        );
        assert_eq!(
            DROPPED_ERRORS.load(std::sync::atomic::Ordering::SeqCst),
            before + 1
        );
    }

    fn read_with(host_returns: Option<&[u8]>, buf: &mut [u8]) -> Result<usize> {
        *NEXT.lock().unwrap() = host_returns.map(|b| b.to_vec());
        stream_read_via(7, buf, |h, l, r| unsafe { fake_blocking_read(h, l, r) })
    }

    #[test]
    fn read_lands_in_the_callers_buffer_without_malloc_or_copy() {
        let _g = crate::slot::tests::fresh();
        stats::reset();
        let mut buf = [0u8; 64];
        assert_eq!(read_with(Some(b"hello"), &mut buf), Ok(5));
        assert_eq!(&buf[..5], b"hello");
        let big: Vec<u8> = (0..=255u8).cycle().take(64).collect();
        assert_eq!(read_with(Some(&big), &mut buf), Ok(64));
        assert_eq!(&buf[..], &big[..]);
        // An empty (non-EOF) read: wasmtime still calls realloc(0, 0, 1, 0).
        assert_eq!(read_with(Some(b""), &mut buf), Ok(0));
        let s = stats::get();
        assert_eq!(
            (s.fallback_allocs, s.guest_copies),
            (0, 0),
            "zero malloc, zero copy"
        );
    }

    /// A host that writes no result record at all.
    unsafe extern "C" fn silent_blocking_read(_h: i32, _len: u64, _ret: *mut u8) {}

    /// A host that hands out a block it never returns, then answers in the
    /// caller's buffer.
    unsafe extern "C" fn wasteful_blocking_read(_h: i32, _len: u64, ret: *mut u8) {
        // SAFETY: as in `fake_blocking_read`.
        unsafe {
            let _lost = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, 1000);
            let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, 3);
            p.copy_from(b"abc".as_ptr(), 3);
            *ret = 0;
            (ret.add(br::OK_PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
            (ret.add(br::OK_LEN) as *mut u32).write_unaligned(3);
        }
    }

    /// Bug 5 (issue 12): with no result record written, the previous call's
    /// record in the static return area was decoded again (here: 5 stale
    /// bytes reported as read; with a fallback block, freed twice). `EIO`.
    #[test]
    fn no_result_record_is_eio_not_the_previous_result() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 8];
        assert_eq!(read_with(Some(b"hello"), &mut buf), Ok(5));
        let silent = |h, l, r| unsafe { silent_blocking_read(h, l, r) };
        assert_eq!(stream_read_via(7, &mut buf, silent), Err(Errno::EIO));
        // After a list that came back elsewhere (freed by the first decode).
        assert_eq!(read_with(Some(b"0123456789"), &mut buf), Err(Errno::EIO));
        assert_eq!(stream_read_via(7, &mut buf, silent), Err(Errno::EIO));
        assert_eq!(crate::slot::tests::unclaimed(), 0);
    }

    /// Bug 6 (issue 12): a block the host got from realloc and did not
    /// return leaked until the next parking allocated.
    #[test]
    fn a_block_the_host_does_not_return_is_freed_by_the_read() {
        let _g = crate::slot::tests::fresh();
        stats::reset();
        let mut buf = [0u8; 8];
        let wasteful = |h, l, r| unsafe { wasteful_blocking_read(h, l, r) };
        assert_eq!(stream_read_via(7, &mut buf, wasteful), Ok(3));
        assert_eq!(&buf[..3], b"abc");
        assert_eq!(stats::get().fallback_allocs, 2);
        assert_eq!(crate::slot::tests::unclaimed(), 0, "no live block left");
    }

    /// `get-random-bytes` with no result record written (bug 5 for this
    /// import): `EIO`, nothing decoded; an honest host fills the buffer in
    /// place in as many calls as it likes.
    #[test]
    fn random_bytes_no_record_is_eio_and_honest_hosts_fill_in_place() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 10];
        assert_eq!(random_via(&mut buf, |_, _| {}), Err(Errno::EIO));
        // A previous honest answer left in the area is not decoded again:
        // each call arms it.
        let mut calls = 0;
        let honest = |len: u64, ret: *mut u8| {
            calls += 1;
            let n = (len as usize).min(4); // at most 4 bytes per call
            // SAFETY: as a host would: realloc, the bytes, the record.
            unsafe {
                let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, n);
                p.write_bytes(0xAB, n);
                (ret.add(RB::PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
                (ret.add(RB::LEN) as *mut u32).write_unaligned(n as u32);
            }
        };
        assert_eq!(random_via(&mut buf, honest), Ok(()));
        assert_eq!(calls, 3);
        assert_eq!(buf, [0xAB; 10]);
        assert_eq!(stats::get().fallback_allocs, 0, "every call in place");
        let mut first = true;
        let once = |len: u64, ret: *mut u8| {
            if std::mem::take(&mut first) {
                let n = (len as usize).min(4);
                // SAFETY: as above.
                unsafe {
                    let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, n);
                    (ret.add(RB::PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
                    (ret.add(RB::LEN) as *mut u32).write_unaligned(n as u32);
                }
            }
        };
        assert_eq!(random_via(&mut buf, once), Err(Errno::EIO));
    }

    #[test]
    fn closed_stream_is_end_of_file() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 8];
        assert_eq!(read_with(None, &mut buf), Ok(0));
    }

    #[test]
    fn host_returning_more_than_asked_is_eio_and_harmless() {
        let _g = crate::slot::tests::fresh();
        stats::reset();
        let mut buf = [7u8; 4];
        assert_eq!(read_with(Some(b"too long"), &mut buf), Err(Errno::EIO));
        assert_eq!(buf, [7u8; 4], "the caller's buffer is untouched");
        // The oversized list went to the allocator (and was freed).
        assert_eq!(stats::get().fallback_allocs, 1);
    }
}
