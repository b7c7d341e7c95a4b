//! Error numbers, errno storage and the one helper that writes errno.
//!
//! The values are WASI's own numbering (`wasi_snapshot_preview1` errno), the
//! same values wasi-libc exposes, so p1 errors pass through unchanged and C
//! code compiled against either libc sees the same numbers.

#[cfg(not(wasm_threads))]
use crate::single::Single;

/// A POSIX error number.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Errno(pub i32);

macro_rules! errnos {
    ($($name:ident = $val:expr, $msg:expr;)*) => {
        impl Errno {
            $(pub const $name: Errno = Errno($val);)*

            /// The message `strerror` prints for this error number, if known.
            pub fn message(self) -> Option<&'static core::ffi::CStr> {
                match self.0 {
                    $($val => Some($msg),)*
                    _ => None,
                }
            }

            /// The symbolic name (`"EBADF"`), if known.
            pub fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($val => Some(stringify!($name)),)*
                    _ => None,
                }
            }
        }
    };
}

errnos! {
    SUCCESS = 0, c"Success";
    E2BIG = 1, c"Argument list too long";
    EACCES = 2, c"Permission denied";
    EADDRINUSE = 3, c"Address in use";
    EADDRNOTAVAIL = 4, c"Address not available";
    EAFNOSUPPORT = 5, c"Address family not supported by protocol";
    EAGAIN = 6, c"Resource temporarily unavailable";
    EALREADY = 7, c"Operation already in progress";
    EBADF = 8, c"Bad file descriptor";
    EBADMSG = 9, c"Bad message";
    EBUSY = 10, c"Resource busy";
    ECANCELED = 11, c"Operation canceled";
    ECHILD = 12, c"No child process";
    ECONNABORTED = 13, c"Connection aborted";
    ECONNREFUSED = 14, c"Connection refused";
    ECONNRESET = 15, c"Connection reset by peer";
    EDEADLK = 16, c"Resource deadlock would occur";
    EDESTADDRREQ = 17, c"Destination address required";
    EDOM = 18, c"Domain error";
    EDQUOT = 19, c"Quota exceeded";
    EEXIST = 20, c"File exists";
    EFAULT = 21, c"Bad address";
    EFBIG = 22, c"File too large";
    EHOSTUNREACH = 23, c"Host is unreachable";
    EIDRM = 24, c"Identifier removed";
    EILSEQ = 25, c"Illegal byte sequence";
    EINPROGRESS = 26, c"Operation in progress";
    EINTR = 27, c"Interrupted system call";
    EINVAL = 28, c"Invalid argument";
    EIO = 29, c"I/O error";
    EISCONN = 30, c"Socket is connected";
    EISDIR = 31, c"Is a directory";
    ELOOP = 32, c"Symbolic link loop";
    EMFILE = 33, c"No file descriptors available";
    EMLINK = 34, c"Too many links";
    EMSGSIZE = 35, c"Message too large";
    EMULTIHOP = 36, c"Multihop attempted";
    ENAMETOOLONG = 37, c"Filename too long";
    ENETDOWN = 38, c"Network is down";
    ENETRESET = 39, c"Connection reset by network";
    ENETUNREACH = 40, c"Network unreachable";
    ENFILE = 41, c"Too many open files in system";
    ENOBUFS = 42, c"No buffer space available";
    ENODEV = 43, c"No such device";
    ENOENT = 44, c"No such file or directory";
    ENOEXEC = 45, c"Exec format error";
    ENOLCK = 46, c"No locks available";
    ENOLINK = 47, c"Link has been severed";
    ENOMEM = 48, c"Out of memory";
    ENOMSG = 49, c"No message of desired type";
    ENOPROTOOPT = 50, c"Protocol not available";
    ENOSPC = 51, c"No space left on device";
    ENOSYS = 52, c"Function not implemented";
    ENOTCONN = 53, c"Socket not connected";
    ENOTDIR = 54, c"Not a directory";
    ENOTEMPTY = 55, c"Directory not empty";
    ENOTRECOVERABLE = 56, c"State not recoverable";
    ENOTSOCK = 57, c"Not a socket";
    ENOTSUP = 58, c"Not supported";
    ENOTTY = 59, c"Not a tty";
    ENXIO = 60, c"No such device or address";
    EOVERFLOW = 61, c"Value too large for data type";
    EOWNERDEAD = 62, c"Previous owner died";
    EPERM = 63, c"Operation not permitted";
    EPIPE = 64, c"Broken pipe";
    EPROTO = 65, c"Protocol error";
    EPROTONOSUPPORT = 66, c"Protocol not supported";
    EPROTOTYPE = 67, c"Protocol wrong type for socket";
    ERANGE = 68, c"Result not representable";
    EROFS = 69, c"Read-only file system";
    ESPIPE = 70, c"Invalid seek";
    ESRCH = 71, c"No such process";
    ESTALE = 72, c"Stale file handle";
    ETIMEDOUT = 73, c"Operation timed out";
    ETXTBSY = 74, c"Text file busy";
    EXDEV = 75, c"Cross-device link";
    ENOTCAPABLE = 76, c"Capabilities insufficient";
}

impl Errno {
    pub const EWOULDBLOCK: Errno = Errno::EAGAIN;
    pub const EOPNOTSUPP: Errno = Errno::ENOTSUP;
}

/// The `errno` of the (single) thread. See [`crate::single`].
///
/// With the `c-errno` feature (which the C library, `posix`, enables) also
/// the C symbol `errno` (wasi-libc defines it too): `<errno.h>` declares
/// `extern int errno`, so C code reads and writes this object directly, and
/// `__errno_location` returns its address. Without it (the Rust API) the
/// name stays private: rustc exports every symbol-named item of a wasm
/// program, and a command module that exports data fails to load in
/// wasmtime's command linker.
#[cfg(not(wasm_threads))]
#[cfg_attr(feature = "c-errno", unsafe(export_name = "errno"))]
static ERRNO: Single<i32> = Single::new(0);

/// On `p1-threads`, C's `_Thread_local int errno` (`crt/threads.c`).
#[cfg(wasm_threads)]
static ERRNO: crate::tls::ErrnoCell = crate::tls::ErrnoCell;

/// Address of errno, for C's `errno` macro (`*__errno_location()`).
pub fn errno_location() -> *mut i32 {
    ERRNO.get()
}

/// Reads errno.
pub fn get_errno() -> Errno {
    Errno(ERRNO.load())
}

/// Turns a backend result into the C convention: the value, or `-1` with
/// errno set. This trait and [`OrNullErrno`] are the only code that writes
/// errno (C code may of course write it through `__errno_location`).
pub trait OrMinusOneErrno {
    type Out;
    fn or_minus_one_errno(self) -> Self::Out;
}

macro_rules! or_minus_one {
    ($($t:ty),*) => {$(
        impl OrMinusOneErrno for Result<$t, Errno> {
            type Out = $t;
            #[inline]
            fn or_minus_one_errno(self) -> $t {
                match self {
                    Ok(v) => v,
                    Err(e) => {
                        ERRNO.store(e.0);
                        -1
                    }
                }
            }
        }
    )*};
}
or_minus_one!(i32, i64, isize);

impl OrMinusOneErrno for Result<(), Errno> {
    type Out = i32;
    #[inline]
    fn or_minus_one_errno(self) -> i32 {
        self.map(|()| 0).or_minus_one_errno()
    }
}

impl OrMinusOneErrno for Result<usize, Errno> {
    type Out = isize;
    #[inline]
    fn or_minus_one_errno(self) -> isize {
        self.map(|n| n as isize).or_minus_one_errno()
    }
}

/// The C convention of functions that report failure with a null pointer
/// and errno (`malloc`, `fopen`, ...): the pointer, or null with errno set.
pub trait OrNullErrno {
    type Out;
    fn or_null_errno(self) -> Self::Out;
}

impl<T> OrNullErrno for Result<*mut T, Errno> {
    type Out = *mut T;
    #[inline]
    fn or_null_errno(self) -> *mut T {
        match self {
            Ok(p) => p,
            Err(e) => {
                ERRNO.store(e.0);
                core::ptr::null_mut()
            }
        }
    }
}

/// For functions that return the error number instead of setting errno
/// (`posix_memalign`, `clock_nanosleep`, ...): `0` or the error number.
pub fn as_return_code(r: Result<(), Errno>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => e.0,
    }
}

/// A `Result<usize, Errno>` packed into a `u64` (`Ok(n)` as `n`, `Err(e)` as
/// `1 << 32 | e`), for the return value of out-of-line slow paths called from
/// inlined fast paths: a `u64` comes back in a register, where a `Result`
/// would go through memory on wasm32 and give the caller a stack frame.
/// `n` must fit in 32 bits (it is at most `isize::MAX` on wasm32).
///
/// Measured worth (`bench/run.py --ci`, p2): returning `Result` instead from
/// the three out-of-line ends of the p2 read path (`read_slow`,
/// `stream_read_finish`, `file_read_finish`) costs every `read()` 18 more
/// fuel from stdin and 23 more from a file (147 and 170 instead of 129 and
/// 147, measured before the slot's three-word form), although those
/// functions do not run: the inlined caller gets a stack frame. So does
/// funnelling them through one generic out-of-line runner that takes the
/// slow path as a closure (`pack` and `unpack` in a single place): 12 more
/// from stdin, 20 more from a file (137 and 163 instead of 125 and 143; the
/// closure's captures go through memory); hence each out-of-line end packs
/// itself.
#[inline(always)]
pub(crate) fn pack(r: Result<usize, Errno>) -> u64 {
    debug_assert!(r.is_err() || r.is_ok_and(|n| n as u64 >> 32 == 0));
    match r {
        Ok(n) => n as u64,
        Err(e) => 1 << 32 | e.0 as u32 as u64,
    }
}

/// The inverse of [`pack`].
#[inline(always)]
pub(crate) fn unpack(v: u64) -> Result<usize, Errno> {
    if v >> 32 == 0 {
        Ok(v as usize)
    } else {
        Err(Errno(v as u32 as i32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasi_numbering_matches_preview1() {
        // Spot checks against wasi_snapshot_preview1's errno enum.
        assert_eq!(Errno::E2BIG.0, 1);
        assert_eq!(Errno::EBADF.0, 8);
        assert_eq!(Errno::EINVAL.0, 28);
        assert_eq!(Errno::ENOENT.0, 44);
        assert_eq!(Errno::ENOSYS.0, 52);
        assert_eq!(Errno::ESPIPE.0, 70);
        assert_eq!(Errno::ENOTCAPABLE.0, 76);
        assert_eq!(Errno::EWOULDBLOCK, Errno::EAGAIN);
    }

    #[test]
    fn every_number_has_a_message_and_name() {
        for n in 0..=76 {
            assert!(Errno(n).message().is_some(), "{n}");
            assert!(Errno(n).name().is_some(), "{n}");
        }
        assert_eq!(Errno(77).message(), None);
        assert_eq!(Errno(-1).name(), None);
        assert_eq!(Errno::EBADF.message(), Some(c"Bad file descriptor"));
    }

    #[test]
    fn or_minus_one_sets_errno_only_on_error() {
        let _g = crate::slot::tests::LOCK
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        ERRNO.store(0);
        assert_eq!(Ok::<i32, Errno>(5).or_minus_one_errno(), 5);
        assert_eq!(get_errno(), Errno(0));
        assert_eq!(Err::<usize, Errno>(Errno::EBADF).or_minus_one_errno(), -1);
        assert_eq!(get_errno(), Errno::EBADF);
        assert!(
            Err::<*mut u8, Errno>(Errno::ENOMEM)
                .or_null_errno()
                .is_null()
        );
        assert_eq!(get_errno(), Errno::ENOMEM);
        assert_eq!(as_return_code(Err(Errno::EINVAL)), 28);
    }

    #[test]
    fn pack_round_trips() {
        for r in [
            Ok(0),
            Ok(1),
            Ok(u32::MAX as usize),
            Err(Errno::EIO),
            Err(Errno(0)),
        ] {
            assert_eq!(unpack(pack(r)), r);
        }
    }
}
