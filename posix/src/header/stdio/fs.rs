//! The file-system calls stdio needs beyond `open`: the one place to wire
//! them up.
//!
//! TODO(fs): libc-core's backend contract has no `unlink`/`rename` yet (the
//! files-and-directories work adds them). Until then these fail with
//! `ENOSYS`; afterwards: `remove` = unlink (or rmdir for a directory),
//! `rename` = the backend's rename, `tmpfile` = open a fresh name with
//! `O_CREAT | O_EXCL | O_RDWR` in a pre-opened directory, then unlink it.

use libc_core::Errno;

/// `remove(path)`.
pub(crate) fn remove(_path: &[u8]) -> Result<(), Errno> {
    Err(Errno::ENOSYS)
}

/// `rename(old, new)`.
pub(crate) fn rename(_old: &[u8], _new: &[u8]) -> Result<(), Errno> {
    Err(Errno::ENOSYS)
}

/// A descriptor for an anonymous read/write temporary file.
pub(crate) fn tmpfile_fd() -> Result<i32, Errno> {
    Err(Errno::ENOSYS)
}
