//! The resource table: one array of entries in the region, handles are
//! index + 1 (0 is never a handle). A handle that is out of range, free or
//! of another resource type traps, as it would on a component host.

use crate::mem::{region, trap};

#[derive(Copy, Clone, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Free = 0,
    Input = 1,
    Output = 2,
    Descriptor = 3,
    Error = 4,
    Pollable = 5,
    DirStream = 6,
    TerminalInput = 7,
    TerminalOutput = 8,
    Network = 9,
    TcpSocket = 10,
    UdpSocket = 11,
    DatagramIn = 12,
    DatagramOut = 13,
    ResolveStream = 14,
}

/// `flags` bits.
/// The stream reads/writes at `pos` (fd_pread/fd_pwrite) and advances it.
pub const AT_POS: u8 = 1;
/// The output stream appends (seek to the end, then fd_write).
pub const APPEND: u8 = 2;
/// Dropping the descriptor does not close the preview1 fd (preopens).
pub const NO_CLOSE: u8 = 4;
/// A stream or pollable over a socket: the fd is non-blocking (reads,
/// writes and waits go through `poll_oneoff`), and a pollable's readiness
/// is tested for real.
pub const SOCK: u8 = 8;
/// Pollable kinds (in `sub`).
pub const POLL_READY: u8 = 0;
pub const POLL_CLOCK: u8 = 1;
pub const POLL_READ: u8 = 2;
pub const POLL_WRITE: u8 = 3;

#[repr(C)]
pub struct Entry {
    pub kind: Kind,
    pub flags: u8,
    /// Pollable kind.
    pub sub: u8,
    _pad: u8,
    /// The preview1 fd, or the errno of an `error`.
    pub fd: u32,
    /// Stream position, directory cookie or clock deadline (ns).
    pub pos: u64,
}

/// Handles available at once.
pub const ENTRIES: usize = 2048;

#[repr(C)]
pub struct State {
    /// Where the search for a free entry starts.
    hint: u32,
    /// The count a read returns (see [`scratch`]).
    count: usize,
    /// The iovec of a read.
    iov: crate::p1::Iovec,
    entries: [Entry; ENTRIES],
    /// Batches of directory entries (see [`dir_buf`]).
    dirs: [DirBuf; DIR_BUFS],
    /// Name lookups in progress (`wasi:sockets/ip-name-lookup`).
    pub lookups: crate::sockets::Lookups,
}

/// Directory streams read in batches at once (more read one entry per
/// `fd_readdir`).
pub const DIR_BUFS: usize = 6;
/// Bytes of a batch: a preview1 libc's `DIR` buffer (ours and wasi-libc's),
/// so a listing that a program changes as it reads it goes as it goes
/// there; at least one entry (a 24-byte header and a 1,024-byte name).
pub const DIR_BUF: usize = 4096;

/// One batch of `fd_readdir` output for the stream `owner`. Preview1
/// hosts resume a listing at a cookie that is an index (wasmtime) or a
/// `telldir` value (uvwasi); reading one entry per call from the cookie
/// skips entries when the program removes the ones it has read (libc++'s
/// `remove_all`, `rm -r`), so a stream reads a batch, as a preview1 libc
/// does with its `DIR` buffer.
#[repr(C)]
pub struct DirBuf {
    /// The stream's handle; 0: free.
    pub owner: i32,
    /// Bytes the last `fd_readdir` filled (`DIR_BUF` before the first).
    pub used: u16,
    /// Where the next entry starts.
    pub off: u16,
    pub buf: [u8; DIR_BUF],
}

/// The batch of the directory stream `handle`: its own, else a free one
/// (empty, so the next read fills it from the stream's cookie), else none.
pub fn dir_buf(handle: i32) -> Option<&'static mut DirBuf> {
    let st = region().cast::<State>();
    // SAFETY: a field of the reserved, zero-filled region (all free), one
    // thread; only the batches are borrowed, not the entries.
    let dirs = unsafe { &mut (*st).dirs };
    let i = match dirs.iter().position(|d| d.owner == handle) {
        Some(i) => i,
        None => {
            let i = dirs.iter().position(|d| d.owner == 0)?;
            let d = &mut dirs[i];
            d.owner = handle;
            d.used = DIR_BUF as u16;
            d.off = DIR_BUF as u16;
            i
        }
    };
    Some(&mut dirs[i])
}

/// Frees the batch of `handle`, if it has one.
pub fn dir_buf_release(handle: i32) {
    let st = region().cast::<State>();
    // SAFETY: as in `dir_buf`.
    let dirs = unsafe { &mut (*st).dirs };
    for d in dirs.iter_mut() {
        if d.owner == handle {
            d.owner = 0;
        }
    }
}

/// The read paths' iovec and count in the region rather than on the
/// adapter's stack (no stack frame on the hot path): raw pointers, only
/// used between the preview1 call and the decoding of its result.
#[inline(always)]
pub fn scratch() -> (*mut crate::p1::Iovec, *mut usize) {
    let st = region().cast::<State>();
    // SAFETY: field addresses inside the reserved region; no reference made.
    unsafe { (&raw mut (*st).iov, &raw mut (*st).count) }
}

/// The tool reserves two pages: the state at the start, the adapter's stack
/// above it (growing down from the end). The state must leave the stack at
/// least 64 KiB.
const _: () = assert!(core::mem::size_of::<State>() <= 65536);

#[inline(always)]
fn state() -> &'static mut State {
    // SAFETY: the region is reserved for the adapter, zero-filled (a valid
    // `State`: every entry free) and only ever accessed through here, by
    // one thread.
    unsafe { &mut *region().cast::<State>() }
}

/// The lookup slots (see [`crate::sockets`]).
#[inline(always)]
pub fn lookups() -> &'static mut crate::sockets::Lookups {
    &mut state().lookups
}

/// A new handle for an entry.
pub fn insert(kind: Kind, flags: u8, fd: u32, pos: u64) -> i32 {
    let st = state();
    let mut i = st.hint as usize;
    for _ in 0..ENTRIES {
        if i >= ENTRIES {
            i = 0;
        }
        let e = &mut st.entries[i];
        if e.kind == Kind::Free {
            e.kind = kind;
            e.flags = flags;
            e.sub = 0;
            e.fd = fd;
            e.pos = pos;
            st.hint = (i + 1) as u32;
            return (i + 1) as i32;
        }
        i += 1;
    }
    // Table full: a resource limit, as on a host.
    trap()
}

/// The entry of `handle`, which must be of `kind`.
#[inline(always)]
pub fn get(handle: i32, kind: Kind) -> &'static mut Entry {
    let i = (handle as u32).wrapping_sub(1) as usize;
    if i >= ENTRIES {
        trap();
    }
    let e = &mut state().entries[i];
    if e.kind != kind {
        trap();
    }
    e
}

/// Frees `handle` (of `kind`) and returns its entry's fd and flags.
pub fn remove(handle: i32, kind: Kind) -> (u32, u8) {
    let e = get(handle, kind);
    e.kind = Kind::Free;
    (e.fd, e.flags)
}
