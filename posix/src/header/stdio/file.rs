//! The `FILE` object and its buffering.
//!
//! A stream owns a buffer of `UNGET + cap` bytes: `UNGET` bytes of slack in
//! front (room for `ungetc` even right after a refill) and `cap` bytes of
//! data. A stream is idle, reading (`rpos..rend` holds unread input) or
//! writing (`UNGET..UNGET + wpos` holds unwritten output); switching
//! direction flushes or drops the buffer, like musl's `__toread` /
//! `__towrite`.
//!
//! Policy (POSIX/ISO C): stderr is unbuffered; stdout is line-buffered when
//! it is a terminal and fully buffered otherwise (decided on its first
//! write); everything else is fully buffered. Every stream that has done
//! I/O is on a list that `fflush(NULL)` and `exit` flush; the flush is
//! registered with `exit` the first time a stream is used, and replaced by
//! one that also gives back unread input the first time a stream reads (so
//! a program that only writes does not link `lseek`).
//!
//! Reads go through the backend's `read` (on p2 the caller-buffer slot): a
//! refill reads straight into the stream's buffer, and `fread` of a block at
//! least as large as the buffer, with the buffer empty, reads straight into
//! the caller's memory.

use crate::platform::c_int;
use core::num::NonZeroI32;
use libc_core::shared::Shared;
use libc_core::types::Whence;
use libc_core::{Errno, Pal, Sys};

/// An error of the write path: an error number other than 0, so that
/// [`Io`] fits in one `i32` (a `Result<(), Errno>` is returned through
/// memory on wasm32, which costs every caller a stack frame).
#[derive(Copy, Clone)]
pub(crate) struct IoErr(NonZeroI32);

impl IoErr {
    /// `EBADF`.
    const EBADF: IoErr = IoErr(NonZeroI32::new(Errno::EBADF.0).unwrap());
}

impl From<IoErr> for Errno {
    #[inline]
    fn from(e: IoErr) -> Errno {
        Errno(e.0.get())
    }
}

/// The outcome of a write-path operation.
pub(crate) type Io = Result<(), IoErr>;

/// Bytes of pushback room in front of every buffer.
pub(crate) const UNGET: usize = 8;
/// Data capacity of the buffers this library allocates.
pub(crate) const BUF_CAP: usize = 4096;

/// The stream flags (`F_*`): 16 bits, so that they and the mode share
/// one word of the `FILE`.
pub(crate) type Flags = u16;

pub(crate) const F_EOF: Flags = 1;
pub(crate) const F_ERR: Flags = 2;
/// Not opened for reading.
pub(crate) const F_NORD: Flags = 4;
/// Not opened for writing.
pub(crate) const F_NOWR: Flags = 8;
/// Line buffered.
pub(crate) const F_LBF: Flags = 16;
/// Unbuffered.
pub(crate) const F_NBF: Flags = 32;
/// The `FILE` is a static (stdin/stdout/stderr): never freed.
pub(crate) const F_STATIC: Flags = 64;
/// On the list of streams to flush.
pub(crate) const F_LISTED: Flags = 128;
/// Decide line/full buffering by `isatty` at the first write (stdout).
pub(crate) const F_TTYCHK: Flags = 256;
/// Opened in append mode.
pub(crate) const F_APP: Flags = 512;
/// The buffer was given by `setvbuf` (the user's memory).
pub(crate) const F_USERBUF: Flags = 1024;
/// Wide-oriented (`fwide`, the wide functions: wchar/wstdio.rs).
pub(crate) const F_WIDE: Flags = 2048;
/// Byte-oriented by `fwide(f, -1)` (the byte functions do not mark it).
pub(crate) const F_BYTE: Flags = 4096;

#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Mode {
    Idle,
    Read,
    Write,
}

/// A C stream. Opaque to C (`typedef struct _IO_FILE FILE;`).
pub struct _IO_FILE {
    /// Start of the storage; data starts at `buf + UNGET`.
    pub(crate) buf: *mut u8,
    /// Data capacity (at least 1).
    pub(crate) cap: usize,
    /// Reading: next unread byte and end of the unread bytes (offsets into
    /// the storage; `rpos` may go below `UNGET` after `ungetc`).
    pub(crate) rpos: usize,
    pub(crate) rend: usize,
    /// Writing: bytes waiting in the data area.
    pub(crate) wpos: usize,
    pub(crate) mode: Mode,
    pub(crate) fd: c_int,
    pub(crate) flags: Flags,
    /// Next stream on the flush list.
    pub(crate) next: *mut _IO_FILE,
    /// The functions of a stream that is no descriptor (`fopencookie`,
    /// the memory streams); null for a descriptor (see [`super::cookie`]).
    pub(crate) cookie: *mut super::cookie::Cookie,
    /// The stream's lock (`flockfile`; every stdio function holds it for
    /// its whole call on p1-threads, so one `printf`'s output is never
    /// interleaved with another thread's).
    #[cfg(wasm_threads)]
    pub(crate) lock: libc_core::futex::RecLock,
}

/// Holds a stream's lock for one stdio call on p1-threads (dropped at the
/// end of the call); without threads an empty value.
pub(crate) struct Guard(#[cfg(wasm_threads)] *mut FILE);

#[cfg(wasm_threads)]
impl Drop for Guard {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `guard` locked this live stream; it is still live (the
        // callers drop the guard before freeing a stream).
        unsafe { (*self.0).lock.unlock() };
    }
}

// Without threads nothing to release; an empty `Drop` lets callers end the
// guard explicitly the same way on every flavour.
#[cfg(not(wasm_threads))]
impl Drop for Guard {
    #[inline(always)]
    fn drop(&mut self) {}
}

/// [`guard`] if the stream's lock is free or the caller's; `None` when
/// another thread holds it.
///
/// # Safety
/// As for [`guard`].
#[inline]
pub(crate) unsafe fn try_guard(f: *mut FILE) -> Option<Guard> {
    #[cfg(wasm_threads)]
    {
        // SAFETY: caller contract.
        unsafe { (*f).lock.try_lock() }.then_some(Guard(f))
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = f;
        Some(Guard())
    }
}

/// Takes the lock of the stream `f` for the rest of the caller's call
/// (p1-threads); nothing without threads.
///
/// # Safety
/// `f` is a live stream, live until the guard drops.
#[inline(always)]
pub(crate) unsafe fn guard(f: *mut FILE) -> Guard {
    #[cfg(wasm_threads)]
    {
        // SAFETY: caller contract.
        unsafe { (*f).lock.lock() };
        Guard(f)
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = f;
        Guard()
    }
}

/// `FILE` as C sees it.
pub type FILE = _IO_FILE;

impl _IO_FILE {
    pub(crate) const fn new(fd: c_int, buf: *mut u8, cap: usize, flags: Flags) -> Self {
        _IO_FILE {
            buf,
            cap,
            rpos: 0,
            rend: 0,
            wpos: 0,
            mode: Mode::Idle,
            fd,
            flags,
            next: core::ptr::null_mut(),
            cookie: core::ptr::null_mut(),
            #[cfg(wasm_threads)]
            lock: libc_core::futex::RecLock::new(),
        }
    }

    /// Marks the stream as failed and hands the error on.
    #[cold]
    pub(crate) fn fail(&mut self, e: Errno) -> Errno {
        self.flags |= F_ERR;
        e
    }

    /// Puts the stream on the flush list (once). The first stream on the
    /// list registers the flush with `exit` (an empty list means no stream
    /// holds unread input, so `exit_flush_all` is not needed;
    /// `enter_read_slow` puts it back).
    #[inline]
    fn listed(&mut self) {
        if self.flags & F_LISTED == 0 {
            self.flags |= F_LISTED;
            let head = push_listed(self);
            if head.is_null() {
                crate::header::stdlib::set_exit_flush(exit_flush);
            }
        }
    }

    // ---- writing -------------------------------------------------------

    /// Enters write mode.
    #[inline]
    pub(crate) fn enter_write(&mut self) -> Io {
        if self.mode == Mode::Write {
            return Ok(());
        }
        self.enter_write_slow()
    }

    /// Unread input is dropped, not given back to the descriptor: ISO C
    /// (7.21.5.3) leaves output right after input undefined unless a file
    /// positioning call came between (`fseek`, `fsetpos`, `rewind`, which
    /// leave read mode themselves) or the input hit end of file (and then
    /// nothing is unread). musl does the same; it keeps `lseek` out of
    /// programs that only write.
    #[cold]
    #[inline(never)]
    fn enter_write_slow(&mut self) -> Io {
        // The flags in a local, stored before `listed`.
        let mut fl = self.flags;
        if fl & F_NOWR != 0 {
            self.flags = fl | F_ERR;
            return Err(IoErr::EBADF);
        }
        if fl & F_TTYCHK != 0 {
            fl &= !F_TTYCHK;
            if Sys::isatty(self.fd).is_ok() {
                fl |= F_LBF;
            }
        }
        self.flags = fl;
        self.listed();
        // `wpos` is already 0: every way out of write mode (`flush_write`)
        // and every reset (`freopen`) clears it.
        self.mode = Mode::Write;
        Ok(())
    }

    /// Writes `data` straight to the descriptor, looping over short writes.
    #[inline(never)]
    pub(crate) fn raw_write(&mut self, data: &[u8]) -> Io {
        match NonZeroI32::new(self.dev_write(data)) {
            None => Ok(()),
            Some(e) => {
                self.flags |= F_ERR;
                Err(IoErr(e))
            }
        }
    }

    /// Writes out the write buffer.
    #[inline(never)]
    pub(crate) fn flush_write(&mut self) -> Io {
        let n = self.wpos;
        self.wpos = 0;
        // SAFETY: the data area holds `n <= cap` buffered bytes.
        self.raw_write(unsafe { core::slice::from_raw_parts(self.buf.add(UNGET), n) })
    }

    /// Buffers (or writes) `data`, ignoring line buffering. The caller has
    /// called `enter_write`. An unbuffered stream has nothing buffered, so
    /// its data goes straight out.
    pub(crate) fn put_full(&mut self, data: &[u8]) -> Io {
        if self.flags & F_NBF != 0 {
            return self.raw_write(data);
        }
        // Through printf's sink: the one copy of `put_buffered`.
        let mut sink = super::print::FileSink { f: self, err: None };
        super::printf::Sink::put(&mut sink, data);
        match sink.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Buffers `data` whatever the stream's buffering (printf buffers an
    /// unbuffered stream for the length of a call): when it does not fit,
    /// the buffer is written out first, and data larger than the whole
    /// buffer goes straight to the descriptor. The caller has called
    /// `enter_write`.
    /// Inlined into its one caller, [`super::FileSink`]'s `put`.
    #[inline(always)]
    pub(crate) fn put_buffered(&mut self, data: &[u8]) -> Io {
        let (cap, mut wpos) = (self.cap, self.wpos);
        if data.len() > cap - wpos {
            self.flush_write()?;
            wpos = 0;
            if data.len() > cap {
                return self.raw_write(data);
            }
        }
        // SAFETY: data fits in the data area after `wpos`; the user's data
        // cannot overlap our buffer unless they alias it on purpose.
        unsafe {
            core::ptr::copy_nonoverlapping(data.as_ptr(), self.buf.add(UNGET + wpos), data.len())
        };
        self.wpos = wpos + data.len();
        Ok(())
    }

    /// The buffered bytes hold a newline.
    pub(crate) fn newline_buffered(&self) -> bool {
        // SAFETY: the data area holds `wpos <= cap` buffered bytes.
        let data = unsafe { core::slice::from_raw_parts(self.buf.add(UNGET), self.wpos) };
        // Not `contains`: that links core's 300-byte memchr.
        data.iter().rposition(|&b| b == b'\n').is_some()
    }

    /// `fwrite`'s core: writes `data` with the stream's buffering policy.
    pub(crate) fn write_bytes(&mut self, data: &[u8]) -> Io {
        self.enter_write()?;
        if self.flags & F_LBF != 0
            && let Some(i) = data.iter().rposition(|&b| b == b'\n')
        {
            let line = data.get(..=i).unwrap_or(data);
            let rest = data.get(i + 1..).unwrap_or(&[]);
            self.put_full(line)?;
            self.flush_write()?;
            return self.put_full(rest);
        }
        self.put_full(data)
    }

    /// One byte (`fputc`'s slow path).
    pub(crate) fn put_byte(&mut self, c: u8) -> Io {
        self.write_bytes(&[c])
    }

    // ---- reading -------------------------------------------------------

    /// Enters read mode: writes out pending output.
    #[inline]
    pub(crate) fn enter_read(&mut self) -> Result<(), Errno> {
        if self.mode == Mode::Read {
            return Ok(());
        }
        self.enter_read_slow()
    }

    #[cold]
    fn enter_read_slow(&mut self) -> Result<(), Errno> {
        if self.flags & F_NORD != 0 {
            return Err(self.fail(Errno::EBADF));
        }
        if self.mode == Mode::Write {
            self.flush_write()?;
        }
        self.listed();
        // From now on `exit` also gives back unread input.
        crate::header::stdlib::set_exit_flush(exit_flush_all);
        self.mode = Mode::Read;
        self.rpos = UNGET;
        self.rend = UNGET;
        Ok(())
    }

    /// Unread bytes in the buffer.
    #[inline]
    pub(crate) fn unread(&self) -> &[u8] {
        if self.mode != Mode::Read {
            return &[];
        }
        // SAFETY: rpos..rend lies within the storage while reading.
        unsafe { core::slice::from_raw_parts(self.buf.add(self.rpos), self.rend - self.rpos) }
    }

    /// Refills the read buffer. `Ok(false)` at end of file (and sets EOF).
    pub(crate) fn refill(&mut self) -> Result<bool, Errno> {
        self.enter_read()?;
        // ISO C: input that needs the host flushes line-buffered output.
        // Here: reading stdin flushes stdout when stdout is line-buffered.
        if self.fd == 0 {
            flush_line_buffered();
        }
        let want = if self.flags & F_NBF != 0 { 1 } else { self.cap };
        // SAFETY: the data area holds `cap >= want` bytes.
        let area = unsafe { core::slice::from_raw_parts_mut(self.buf.add(UNGET), want) };
        match self.dev_read(area) {
            Ok(0) => {
                self.flags |= F_EOF;
                self.rpos = UNGET;
                self.rend = UNGET;
                Ok(false)
            }
            Ok(n) => {
                self.rpos = UNGET;
                self.rend = UNGET + n.min(want);
                Ok(true)
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// `fgetc`'s slow path: the next byte or `None` (EOF or error).
    pub(crate) fn get_slow(&mut self) -> Option<u8> {
        if self.mode == Mode::Read && self.rpos < self.rend {
            return Some(self.take_byte());
        }
        match self.refill() {
            Ok(true) => Some(self.take_byte()),
            _ => None,
        }
    }

    /// The next byte of the buffer; the caller checked there is one.
    #[inline]
    pub(crate) fn take_byte(&mut self) -> u8 {
        // SAFETY: rpos < rend, inside the storage.
        let c = unsafe { *self.buf.add(self.rpos) };
        self.rpos += 1;
        c
    }

    /// Fast-path `getc`.
    #[inline]
    pub(crate) fn getc(&mut self) -> Option<u8> {
        if self.mode == Mode::Read && self.rpos < self.rend {
            Some(self.take_byte())
        } else {
            self.get_slow()
        }
    }

    /// Pushes `c` back; `false` when there is no room.
    pub(crate) fn ungetc(&mut self, c: u8) -> bool {
        if self.enter_read().is_err() || self.rpos == 0 {
            return false;
        }
        self.rpos -= 1;
        // SAFETY: rpos is inside the storage.
        unsafe { *self.buf.add(self.rpos) = c };
        self.flags &= !F_EOF;
        true
    }

    /// `fread`'s core: fills `dst` as far as possible; returns the count.
    pub(crate) fn read_bytes(&mut self, dst: &mut [u8]) -> usize {
        let mut done = 0;
        while done < dst.len() {
            let avail = self.unread();
            if !avail.is_empty() {
                let n = copy_into(dst, done, avail);
                self.rpos += n;
                done += n;
                continue;
            }
            let rest = dst.len() - done;
            if rest >= self.cap && self.flags & F_NBF == 0 {
                // Large block, empty buffer: read straight into the caller's
                // memory (zero-copy on p2).
                if self.enter_read().is_err() {
                    break;
                }
                if self.fd == 0 {
                    flush_line_buffered();
                }
                let Some(rest_buf) = dst.get_mut(done..) else {
                    break;
                };
                match self.dev_read(rest_buf) {
                    Ok(0) => {
                        self.flags |= F_EOF;
                        break;
                    }
                    Ok(n) => done += n.min(rest),
                    Err(e) => {
                        self.fail(e);
                        break;
                    }
                }
            } else if !matches!(self.refill(), Ok(true)) {
                break;
            }
        }
        done
    }

    // ---- positioning and flushing -----------------------------------------

    /// Leaves read mode, moving the descriptor back over unread input.
    fn drop_input(&mut self) {
        let unread = (self.rend - self.rpos) as i64;
        self.mode = Mode::Idle;
        self.rpos = UNGET;
        self.rend = UNGET;
        if unread != 0 {
            // Not seekable (a pipe): the input is lost, as in other libcs.
            let _ = self.dev_seek(-unread, Whence::Cur);
        }
    }

    /// `fflush` of one stream.
    pub(crate) fn flush(&mut self) -> Result<(), Errno> {
        match self.mode {
            Mode::Write => self.flush_write()?,
            Mode::Read => self.drop_input(),
            Mode::Idle => {}
        }
        Ok(())
    }

    /// `fseeko`.
    pub(crate) fn seek(&mut self, off: i64, whence: Whence) -> Result<(), Errno> {
        let off = if whence == Whence::Cur && self.mode == Mode::Read {
            off - (self.rend - self.rpos) as i64
        } else {
            off
        };
        if self.mode == Mode::Write {
            self.flush_write()?;
        }
        self.dev_seek(off, whence)?;
        self.mode = Mode::Idle;
        self.rpos = UNGET;
        self.rend = UNGET;
        self.flags &= !F_EOF;
        Ok(())
    }

    /// `ftello`.
    pub(crate) fn tell(&mut self) -> Result<i64, Errno> {
        let whence = if self.flags & F_APP != 0 && self.mode == Mode::Write && self.wpos != 0 {
            Whence::End
        } else {
            Whence::Cur
        };
        let pos = self.dev_seek(0, whence)? as i64;
        Ok(match self.mode {
            Mode::Read => pos - (self.rend - self.rpos) as i64,
            Mode::Write => pos + self.wpos as i64,
            Mode::Idle => pos,
        })
    }
}

/// Copies as much of `src` as fits into `dst[at..]`; the count. Written so
/// that no bounds check can fail (a panic path would link core's formatting
/// code into the program).
#[inline]
pub(crate) fn copy_into(dst: &mut [u8], at: usize, src: &[u8]) -> usize {
    match dst.get_mut(at..) {
        Some(d) => {
            let n = d.len().min(src.len());
            d[..n].copy_from_slice(&src[..n]);
            n
        }
        None => 0,
    }
}

/// Streams that have done I/O (newest first). Shared by all threads; the
/// head is read and written as a word (see `list_head`).
static LIST: Shared<*mut _IO_FILE> = Shared::new(core::ptr::null_mut());

/// The flush list's head.
#[inline(always)]
fn list_head() -> *mut _IO_FILE {
    // SAFETY: the static's own word, aligned and always initialised.
    unsafe { *LIST.as_ptr() }
}

/// The list head as an atomic (p1-threads: pushes are lock-free, because
/// a stream is listed while its own lock is held and the walkers below
/// take the stream locks while holding the list's).
#[cfg(wasm_threads)]
fn head_atomic() -> &'static core::sync::atomic::AtomicPtr<_IO_FILE> {
    // SAFETY: the static's own aligned word; every access on this flavour
    // goes through this atomic view or holds `LIST`'s lock to read.
    unsafe { core::sync::atomic::AtomicPtr::from_ptr(LIST.as_ptr()) }
}

/// Pushes `f` onto the flush list; the previous head.
#[inline]
fn push_listed(f: &mut _IO_FILE) -> *mut _IO_FILE {
    #[cfg(wasm_threads)]
    {
        use core::sync::atomic::Ordering::{AcqRel, Acquire};
        let me: *mut _IO_FILE = f;
        let mut head = head_atomic().load(Acquire);
        loop {
            f.next = head;
            match head_atomic().compare_exchange_weak(head, me, AcqRel, Acquire) {
                Ok(_) => return head,
                Err(h) => head = h,
            }
        }
    }
    #[cfg(not(wasm_threads))]
    {
        let head = list_head();
        f.next = head;
        // SAFETY: as in `list_head`.
        unsafe { *LIST.as_ptr() = f };
        head
    }
}

/// Takes `f` off the flush list (before it is freed).
pub(crate) fn unlist(f: *mut _IO_FILE) {
    // Walkers and unlinkers hold the list's lock (pushes do not need it).
    let _l = LIST.lock();
    #[cfg(wasm_threads)]
    {
        use core::sync::atomic::Ordering::{AcqRel, Acquire};
        // SAFETY: `f` is live and listed (caller contract).
        let next = unsafe { (*f).next };
        if head_atomic()
            .compare_exchange(f, next, AcqRel, Acquire)
            .is_ok()
        {
            // SAFETY: as above.
            unsafe { (*f).flags &= !F_LISTED };
            return;
        }
    }
    let mut link: *mut *mut _IO_FILE = LIST.as_ptr();
    // SAFETY: single-threaded; every pointer on the list is a live FILE.
    unsafe {
        while !(*link).is_null() {
            if *link == f {
                *link = (*f).next;
                (*f).flags &= !F_LISTED;
                return;
            }
            link = &mut (**link).next;
        }
    }
}

/// `fflush(NULL)`: flushes every stream; the first error is returned.
pub(crate) fn flush_all() -> Io {
    flush_writing(0, true)
}

/// Writes out every stream in write mode whose flags include all of
/// `flags`; the first error is returned.
///
/// `wait`: wait for a stream another thread holds locked (`fflush(NULL)`),
/// else skip it (the courtesy flush before reading stdin must not wait: it
/// runs with the reading stream's lock held, and two readers would lock
/// each other's streams).
fn flush_writing(flags: Flags, wait: bool) -> Io {
    let mut r = Ok(());
    let _l = LIST.lock();
    let mut p = list_head();
    while !p.is_null() {
        // SAFETY: every pointer on the list is a live FILE (none is freed
        // while the list's lock is held); the stream's lock for its flush.
        let Some(_g) = (unsafe { if wait { Some(guard(p)) } else { try_guard(p) } }) else {
            // SAFETY: as above.
            p = unsafe { (*p).next };
            continue;
        };
        // SAFETY: as above.
        let f = unsafe { &mut *p };
        if f.mode == Mode::Write && f.flags & flags == flags {
            r = r.and(f.flush_write());
        }
        p = f.next;
    }
    r
}

/// What `exit` does while no stream has read: every stream flushed. Its
/// own loop (without the flag test and the error): the one a program that
/// only writes links. No mode test either: a stream not in write mode has
/// `wpos == 0`, and `flush_write` of nothing makes no call.
extern "C" fn exit_flush() {
    let _l = LIST.lock();
    let mut p = list_head();
    while !p.is_null() {
        // SAFETY: as in `flush_writing`; a stream another thread holds
        // locked is skipped (exit must not wait for it, as with glibc).
        let Some(_g) = (unsafe { try_guard(p) }) else {
            // SAFETY: as above.
            p = unsafe { (*p).next };
            continue;
        };
        // SAFETY: as above.
        let f = unsafe { &mut *p };
        let _ = f.flush_write();
        p = f.next;
    }
}

/// What `exit` does once a stream has read: every stream flushed, and the
/// unread input of seekable ones given back (POSIX `exit`).
extern "C" fn exit_flush_all() {
    let _l = LIST.lock();
    let mut p = list_head();
    while !p.is_null() {
        // SAFETY: as in `flush_writing`; a stream another thread holds
        // locked is skipped (exit must not wait for it, as with glibc).
        let Some(_g) = (unsafe { try_guard(p) }) else {
            // SAFETY: as above.
            p = unsafe { (*p).next };
            continue;
        };
        // SAFETY: as above.
        let f = unsafe { &mut *p };
        let _ = f.flush();
        p = f.next;
    }
}

/// Flushes line-buffered output streams (before reading stdin).
pub(crate) fn flush_line_buffered() {
    let _ = flush_writing(F_LBF, false);
}

// ---- the standard streams --------------------------------------------------

static STDIN_BUF: Shared<[u8; UNGET + BUF_CAP]> = Shared::new([0; UNGET + BUF_CAP]);
static STDOUT_BUF: Shared<[u8; UNGET + BUF_CAP]> = Shared::new([0; UNGET + BUF_CAP]);
/// Data capacity of stderr's buffer: unbuffered, it buffers only for the
/// length of one printf call (see `vfprintf_impl`).
pub(crate) const STDERR_CAP: usize = 256;
static STDERR_BUF: Shared<[u8; UNGET + STDERR_CAP]> = Shared::new([0; UNGET + STDERR_CAP]);

pub(crate) static STDIN_FILE: Shared<FILE> = Shared::new(FILE::new(
    0,
    STDIN_BUF.as_ptr().cast(),
    BUF_CAP,
    F_STATIC | F_NOWR,
));
pub(crate) static STDOUT_FILE: Shared<FILE> = Shared::new(FILE::new(
    1,
    STDOUT_BUF.as_ptr().cast(),
    BUF_CAP,
    F_STATIC | F_NORD | F_TTYCHK,
));
pub(crate) static STDERR_FILE: Shared<FILE> = Shared::new(FILE::new(
    2,
    STDERR_BUF.as_ptr().cast(),
    STDERR_CAP,
    F_STATIC | F_NORD | F_NBF,
));

/// The buffer a stream had before `setvbuf` gave it the user's: the static
/// one of a standard stream, else the one allocated behind the `FILE`
/// ([`alloc_file`]). Its start and data capacity.
pub(crate) fn own_buffer(f: *mut FILE) -> (*mut u8, usize) {
    if f == STDIN_FILE.as_ptr() {
        (STDIN_BUF.as_ptr().cast(), BUF_CAP)
    } else if f == STDOUT_FILE.as_ptr() {
        (STDOUT_BUF.as_ptr().cast(), BUF_CAP)
    } else if f == STDERR_FILE.as_ptr() {
        (STDERR_BUF.as_ptr().cast(), STDERR_CAP)
    } else {
        // SAFETY: a stream that is not a static comes from `alloc_file`,
        // which put its buffer right after the `FILE`.
        (unsafe { f.add(1).cast() }, BUF_CAP)
    }
}

/// A `FILE *` that C sees as `FILE *const`.
#[repr(transparent)]
pub struct FilePtr(pub *mut FILE);
// SAFETY: the pointee is only touched by the single thread (see `Single`).
unsafe impl Sync for FilePtr {}

/// Parses an `fopen` mode string into `open` flags and stream flags.
pub(crate) fn parse_mode(mode: &[u8]) -> Option<(c_int, Flags)> {
    use libc_core::types::*;
    let (mut o, mut fl) = match mode.first()? {
        b'r' => (O_RDONLY, F_NOWR),
        b'w' => (O_WRONLY | O_CREAT | O_TRUNC, F_NORD),
        b'a' => (O_WRONLY | O_CREAT | O_APPEND, F_NORD | F_APP),
        _ => return None,
    };
    for &c in mode.iter().skip(1) {
        match c {
            b'+' => {
                o = (o & !(O_RDONLY | O_WRONLY)) | O_RDWR;
                fl &= !(F_NORD | F_NOWR);
            }
            b'x' => o |= O_EXCL,
            _ => {} // 'b', 'e' (close-on-exec: no exec in WASI), others ignored
        }
    }
    Some((o, fl))
}

/// Allocates a stream with its buffer for `fd` (one heap block).
pub(crate) fn alloc_file(fd: c_int, flags: Flags) -> Result<*mut FILE, Errno> {
    let size = core::mem::size_of::<FILE>() + UNGET + BUF_CAP;
    let p = wasm_libc_alloc::malloc(size);
    if p.is_null() {
        return Err(Errno::ENOMEM);
    }
    let f = p.cast::<FILE>();
    // SAFETY: p holds a FILE followed by the buffer (malloc aligns to 16).
    unsafe {
        let buf = p.add(core::mem::size_of::<FILE>());
        f.write(FILE::new(fd, buf, BUF_CAP, flags));
    }
    Ok(f)
}

/// Frees a stream from [`alloc_file`] (statics are left alone).
///
/// # Safety
/// `f` is a live stream no longer on the flush list.
pub(crate) unsafe fn free_file(f: *mut FILE) {
    // SAFETY: caller contract.
    if unsafe { (*f).flags } & F_STATIC == 0 {
        // SAFETY: allocated by `alloc_file`.
        unsafe { wasm_libc_alloc::free(f.cast()) }
    }
}
