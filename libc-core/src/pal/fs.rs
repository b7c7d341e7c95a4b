//! The backend contract for files and directories.
//!
//! Path operations take a directory descriptor and a path relative to it,
//! exactly what WASI's `*_at` calls take. Turning a C path (absolute, or
//! relative to the emulated working directory, or `AT_FDCWD`) into such a
//! pair is backend-independent and lives in [`crate::path`]; the backends
//! only expose their pre-opened directories through [`PalFs::preopen`].
//!
//! Conventions (in addition to those of [`super::Pal`]):
//! - `dir` is a C file descriptor that refers to a directory (a pre-open or
//!   one the program opened); `EBADF` if closed, `ENOTDIR` if not a
//!   directory. `path` is non-empty and holds no NUL byte.
//! - `follow`: whether a symbolic link in the last component is followed.
//! - WASI errors map one to one onto errno (`ENOTCAPABLE` included on p1,
//!   where it means the path escaped the directory).

use super::Result;

/// The type of a file, as WASI reports it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FileType {
    Unknown,
    BlockDevice,
    CharacterDevice,
    Directory,
    RegularFile,
    SymbolicLink,
    Fifo,
    Socket,
}

/// A point in time: seconds and nanoseconds since the epoch.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub struct Timestamp {
    pub sec: i64,
    pub nsec: u32,
}

impl Timestamp {
    /// From nanoseconds since the epoch (preview1's `timestamp`).
    pub const fn from_nanos(ns: u64) -> Self {
        Timestamp {
            sec: (ns / 1_000_000_000) as i64,
            nsec: (ns % 1_000_000_000) as u32,
        }
    }
}

/// What `stat` knows about a file. Fields WASI does not report are 0
/// (p2 has no device or inode number: `dev`/`ino` are the two halves of the
/// descriptor's `metadata-hash`, which identifies the file the same way).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Stat {
    pub dev: u64,
    pub ino: u64,
    pub kind: FileType,
    pub nlink: u64,
    pub size: u64,
    pub atim: Timestamp,
    pub mtim: Timestamp,
    pub ctim: Timestamp,
}

/// A new value for one of a file's timestamps (`utimensat`).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SetTime {
    /// Leave it as it is (`UTIME_OMIT`).
    Omit,
    /// The host's current time (`UTIME_NOW`).
    Now,
    At(Timestamp),
}

/// One directory entry, borrowed from the stream that returned it (valid
/// until the next call on that stream).
#[derive(Copy, Clone, Debug)]
pub struct DirEntry<'a> {
    /// Inode number: the host's on p1; on p2 the low half of the entry's
    /// `metadata-hash` (as `Stat::ino`), never 0 (old C code takes 0 for a
    /// deleted entry).
    pub ino: u64,
    pub kind: FileType,
    pub name: &'a [u8],
}

/// `access` mode bits (`unistd.h` values).
pub const R_OK: i32 = 4;
pub const W_OK: i32 = 2;
pub const X_OK: i32 = 1;
pub const F_OK: i32 = 0;

pub trait PalFs {
    /// The `i`-th pre-opened directory: its C file descriptor and the name
    /// the host gave it; `None` past the last. Pre-opens are numbered from
    /// fd 3 up on both backends (p2: registered in the fd table on the first
    /// call of any function of this trait).
    fn preopen(i: usize) -> Option<(i32, &'static [u8])>;

    /// Opens `path` under `dir` with C `O_*` flags (the access mode, the
    /// `O_CREAT`/`O_EXCL`/`O_TRUNC`/`O_DIRECTORY`/`O_NOFOLLOW` open flags and
    /// the `O_APPEND`/sync descriptor flags); returns the new fd.
    fn openat(dir: i32, path: &[u8], oflags: i32) -> Result<i32>;

    /// The status of the file `fd` refers to.
    fn fstat(fd: i32) -> Result<Stat>;

    /// The status of `path` under `dir`.
    fn statat(dir: i32, path: &[u8], follow: bool) -> Result<Stat>;

    /// Checks that `path` exists and, for `R_OK`/`W_OK` in `amode`, that the
    /// host lets the program read or write it (WASI has no permission bits:
    /// this asks what the directory's capabilities allow). `X_OK` is granted
    /// when the file exists.
    fn accessat(dir: i32, path: &[u8], amode: i32, follow: bool) -> Result<()>;

    /// Creates a directory (no permission bits under WASI).
    fn mkdirat(dir: i32, path: &[u8]) -> Result<()>;

    /// Removes a non-directory.
    fn unlinkat(dir: i32, path: &[u8]) -> Result<()>;

    /// Removes an empty directory.
    fn rmdirat(dir: i32, path: &[u8]) -> Result<()>;

    /// Renames `old` under `old_dir` to `new` under `new_dir`.
    fn renameat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8]) -> Result<()>;

    /// Makes `new` a hard link to `old`.
    fn linkat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8], follow: bool) -> Result<()>;

    /// Creates a symbolic link `path` whose contents are `target`.
    fn symlinkat(target: &[u8], dir: i32, path: &[u8]) -> Result<()>;

    /// Reads the contents of the symbolic link `path` into `buf`; returns the
    /// length (truncated to `buf.len()`, like POSIX `readlink`).
    fn readlinkat(dir: i32, path: &[u8], buf: &mut [u8]) -> Result<usize>;

    /// Sets the access and modification times of `path`.
    fn utimensat(dir: i32, path: &[u8], atim: SetTime, mtim: SetTime, follow: bool) -> Result<()>;

    /// Sets the access and modification times of the file `fd` refers to.
    fn futimens(fd: i32, atim: SetTime, mtim: SetTime) -> Result<()>;

    /// Sets the size of the file (`EINVAL` for a non-file, `EBADF` when not
    /// open for writing).
    fn ftruncate(fd: i32, len: u64) -> Result<()>;

    /// Flushes data and metadata to storage (`EINVAL` for a stream).
    fn fsync(fd: i32) -> Result<()>;

    /// Flushes data to storage (`EINVAL` for a stream).
    fn fdatasync(fd: i32) -> Result<()>;

    /// An open directory stream (the state behind a C `DIR`).
    type Dir;

    /// Starts reading the directory `fd` (`ENOTDIR` if it is not one). The
    /// stream does not own `fd`: the caller closes it after [`dir_close`].
    ///
    /// [`dir_close`]: PalFs::dir_close
    fn dir_open(fd: i32) -> Result<Self::Dir>;

    /// The next entry, `None` at the end. `.` and `..` are returned first on
    /// both backends (p2's `read-directory` omits them; they are added).
    fn dir_read(d: &mut Self::Dir) -> Result<Option<DirEntry<'_>>>;

    /// A position to come back to with [`dir_seek`]: the position of the
    /// entry the next [`dir_read`] returns.
    ///
    /// [`dir_seek`]: PalFs::dir_seek
    /// [`dir_read`]: PalFs::dir_read
    fn dir_tell(d: &Self::Dir) -> u64;

    /// Goes back (or forward) to a position from [`dir_tell`]; 0 is the
    /// start (`rewinddir`).
    ///
    /// [`dir_tell`]: PalFs::dir_tell
    fn dir_seek(d: &mut Self::Dir, pos: u64) -> Result<()>;

    /// Releases the stream's resources (not the fd).
    fn dir_close(d: Self::Dir);
}
