//! Plain data shared by the backends and the C ABI layer.

/// Clock identifiers, numbered like wasi-libc's `CLOCK_*` constants.
pub const CLOCK_REALTIME: i32 = 0;
pub const CLOCK_MONOTONIC: i32 = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
pub const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// `lseek` origins.
pub const SEEK_SET: i32 = 0;
pub const SEEK_CUR: i32 = 1;
pub const SEEK_END: i32 = 2;

/// A clock the backend can read.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(i32)]
pub enum Clock {
    Realtime = CLOCK_REALTIME,
    Monotonic = CLOCK_MONOTONIC,
}

impl Clock {
    /// Maps a C clock id; `None` for ids WASI cannot serve (`EINVAL`).
    #[inline(always)]
    pub fn from_id(id: i32) -> Option<Clock> {
        match id {
            CLOCK_REALTIME => Some(Clock::Realtime),
            CLOCK_MONOTONIC => Some(Clock::Monotonic),
            _ => None,
        }
    }
}

/// A seek origin.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Whence {
    Set,
    Cur,
    End,
}

impl Whence {
    pub fn from_c(w: i32) -> Option<Whence> {
        match w {
            SEEK_SET => Some(Whence::Set),
            SEEK_CUR => Some(Whence::Cur),
            SEEK_END => Some(Whence::End),
            _ => None,
        }
    }
}

/// One `struct iovec`-like buffer.
#[derive(Copy, Clone, Debug)]
#[repr(C)]
pub struct IoSlice {
    pub base: *mut u8,
    pub len: usize,
}

pub const NANOS_PER_SEC: u64 = 1_000_000_000;

/// `open` flags, with wasi-libc's values so the same C source means the same
/// thing against either libc.
pub const O_APPEND: i32 = 1;
pub const O_DSYNC: i32 = 2;
pub const O_NONBLOCK: i32 = 4;
pub const O_RSYNC: i32 = 8;
pub const O_SYNC: i32 = 16;
pub const O_CREAT: i32 = 1 << 12;
pub const O_DIRECTORY: i32 = 2 << 12;
pub const O_EXCL: i32 = 4 << 12;
pub const O_TRUNC: i32 = 8 << 12;
pub const O_NOFOLLOW: i32 = 0x0100_0000;
pub const O_RDONLY: i32 = 0x0400_0000;
pub const O_WRONLY: i32 = 0x1000_0000;
pub const O_RDWR: i32 = O_RDONLY | O_WRONLY;
pub const O_ACCMODE: i32 = O_RDWR | 0x0200_0000 | 0x0800_0000;
