//! Files: [`open`] and its [`OpenFlags`].
//!
//! Paths are resolved against the directories the host pre-opened (as with
//! the C library's `open`): `wasmtime run --dir .` makes `"a.txt"` and
//! `"./a.txt"` work. The rest of the file system (`stat`, directories,
//! `unlink`...) will wrap the file-system backend trait when it lands in
//! libc-core's `pal/`.
//!
//! ```no_run
//! use wasm_libc::fs::{self, OpenFlags};
//!
//! let f = fs::open("notes.txt", OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE)?;
//! f.write_all(b"first line\n")?;
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::io::OwnedFd;
use crate::{Errno, Result, Sys};
use core::ops::BitOr;
use libc_core::PalFs;
use libc_core::types as t;

/// How [`open`] opens a file: the C `O_*` flags, combined with `|`.
///
/// ```
/// use wasm_libc::fs::OpenFlags;
///
/// let f = OpenFlags::READ | OpenFlags::WRITE;
/// assert!(f.contains(OpenFlags::READ));
/// assert!(!f.contains(OpenFlags::APPEND));
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct OpenFlags(i32);

impl OpenFlags {
    /// Open for reading (`O_RDONLY`).
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("in.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const READ: OpenFlags = OpenFlags(t::O_RDONLY);
    /// Open for writing (`O_WRONLY`).
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("out.txt", wasm_libc::fs::OpenFlags::WRITE)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const WRITE: OpenFlags = OpenFlags(t::O_WRONLY);
    /// Create the file if missing (`O_CREAT`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let f = open("new.txt", OpenFlags::WRITE | OpenFlags::CREATE)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const CREATE: OpenFlags = OpenFlags(t::O_CREAT);
    /// With [`CREATE`](Self::CREATE): fail with `EEXIST` if the file exists
    /// (`O_EXCL`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let lock = open("lock", OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::EXCLUSIVE)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const EXCLUSIVE: OpenFlags = OpenFlags(t::O_EXCL);
    /// Truncate to length 0 (`O_TRUNC`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let f = open("out.txt", OpenFlags::WRITE | OpenFlags::TRUNCATE)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const TRUNCATE: OpenFlags = OpenFlags(t::O_TRUNC);
    /// Every write goes to the end of the file (`O_APPEND`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let log = open("log.txt", OpenFlags::WRITE | OpenFlags::APPEND)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const APPEND: OpenFlags = OpenFlags(t::O_APPEND);
    /// Fail with `ENOTDIR` unless the path is a directory (`O_DIRECTORY`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let dir = open(".", OpenFlags::READ | OpenFlags::DIRECTORY)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const DIRECTORY: OpenFlags = OpenFlags(t::O_DIRECTORY);
    /// Do not follow a symbolic link in the last component (`O_NOFOLLOW`).
    ///
    /// ```no_run
    /// use wasm_libc::fs::{open, OpenFlags};
    /// let f = open("maybe-link", OpenFlags::READ | OpenFlags::NOFOLLOW)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const NOFOLLOW: OpenFlags = OpenFlags(t::O_NOFOLLOW);

    /// Whether every flag of `other` is set in `self`.
    ///
    /// ```
    /// use wasm_libc::fs::OpenFlags;
    /// assert!((OpenFlags::WRITE | OpenFlags::CREATE).contains(OpenFlags::CREATE));
    /// ```
    pub const fn contains(self, other: OpenFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The C `O_*` bits (wasi-libc's values).
    ///
    /// ```
    /// use wasm_libc::fs::OpenFlags;
    /// assert_ne!(OpenFlags::READ.bits(), 0);
    /// ```
    pub const fn bits(self) -> i32 {
        self.0
    }
}

impl BitOr for OpenFlags {
    type Output = OpenFlags;
    fn bitor(self, rhs: OpenFlags) -> OpenFlags {
        OpenFlags(self.0 | rhs.0)
    }
}

/// Opens `path` relative to the pre-opened directories (like C `open`).
///
/// `EINVAL` if `path` contains a NUL byte; `ENOENT` when no pre-opened
/// directory holds it (or it does not exist and [`OpenFlags::CREATE`] is not
/// given).
///
/// ```no_run
/// use wasm_libc::fs::{open, OpenFlags};
///
/// let f = open("data/input.bin", OpenFlags::READ)?;
/// let mut buf = [0u8; 4096];
/// let n = f.read(&mut buf)?;
/// # let _ = n;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn open(path: &str, flags: OpenFlags) -> Result<OwnedFd> {
    if path.as_bytes().contains(&0) {
        return Err(Errno::EINVAL);
    }
    let at = libc_core::path::resolve(path.as_bytes())?;
    let fd = Sys::openat(at.fd(), at.rel(), flags.0)?;
    // SAFETY: the backend just allocated `fd` for us; nothing else has it.
    Ok(unsafe { OwnedFd::from_raw(fd) })
}
