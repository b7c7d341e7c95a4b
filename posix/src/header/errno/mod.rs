//! `errno.h`

use crate::platform::c_int;

/// Address of the calling thread's `errno` (the `errno` macro).
#[unsafe(no_mangle)]
pub extern "C" fn __errno_location() -> *mut c_int {
    libc_core::errno::errno_location()
}

pub const E2BIG: c_int = 1;
pub const EACCES: c_int = 2;
pub const EADDRINUSE: c_int = 3;
pub const EADDRNOTAVAIL: c_int = 4;
pub const EAFNOSUPPORT: c_int = 5;
pub const EAGAIN: c_int = 6;
pub const EALREADY: c_int = 7;
pub const EBADF: c_int = 8;
pub const EBADMSG: c_int = 9;
pub const EBUSY: c_int = 10;
pub const ECANCELED: c_int = 11;
pub const ECHILD: c_int = 12;
pub const ECONNABORTED: c_int = 13;
pub const ECONNREFUSED: c_int = 14;
pub const ECONNRESET: c_int = 15;
pub const EDEADLK: c_int = 16;
pub const EDESTADDRREQ: c_int = 17;
pub const EDOM: c_int = 18;
pub const EDQUOT: c_int = 19;
pub const EEXIST: c_int = 20;
pub const EFAULT: c_int = 21;
pub const EFBIG: c_int = 22;
pub const EHOSTUNREACH: c_int = 23;
pub const EIDRM: c_int = 24;
pub const EILSEQ: c_int = 25;
pub const EINPROGRESS: c_int = 26;
pub const EINTR: c_int = 27;
pub const EINVAL: c_int = 28;
pub const EIO: c_int = 29;
pub const EISCONN: c_int = 30;
pub const EISDIR: c_int = 31;
pub const ELOOP: c_int = 32;
pub const EMFILE: c_int = 33;
pub const EMLINK: c_int = 34;
pub const EMSGSIZE: c_int = 35;
pub const EMULTIHOP: c_int = 36;
pub const ENAMETOOLONG: c_int = 37;
pub const ENETDOWN: c_int = 38;
pub const ENETRESET: c_int = 39;
pub const ENETUNREACH: c_int = 40;
pub const ENFILE: c_int = 41;
pub const ENOBUFS: c_int = 42;
pub const ENODEV: c_int = 43;
pub const ENOENT: c_int = 44;
pub const ENOEXEC: c_int = 45;
pub const ENOLCK: c_int = 46;
pub const ENOLINK: c_int = 47;
pub const ENOMEM: c_int = 48;
pub const ENOMSG: c_int = 49;
pub const ENOPROTOOPT: c_int = 50;
pub const ENOSPC: c_int = 51;
pub const ENOSYS: c_int = 52;
pub const ENOTCONN: c_int = 53;
pub const ENOTDIR: c_int = 54;
pub const ENOTEMPTY: c_int = 55;
pub const ENOTRECOVERABLE: c_int = 56;
pub const ENOTSOCK: c_int = 57;
pub const ENOTSUP: c_int = 58;
pub const ENOTTY: c_int = 59;
pub const ENXIO: c_int = 60;
pub const EOVERFLOW: c_int = 61;
pub const EOWNERDEAD: c_int = 62;
pub const EPERM: c_int = 63;
pub const EPIPE: c_int = 64;
pub const EPROTO: c_int = 65;
pub const EPROTONOSUPPORT: c_int = 66;
pub const EPROTOTYPE: c_int = 67;
pub const ERANGE: c_int = 68;
pub const EROFS: c_int = 69;
pub const ESPIPE: c_int = 70;
pub const ESRCH: c_int = 71;
pub const ESTALE: c_int = 72;
pub const ETIMEDOUT: c_int = 73;
pub const ETXTBSY: c_int = 74;
pub const EXDEV: c_int = 75;
pub const ENOTCAPABLE: c_int = 76;
pub const EWOULDBLOCK: c_int = EAGAIN;
pub const EOPNOTSUPP: c_int = ENOTSUP;

// Spelled out for cbindgen; checked against libc-core at compile time.
const _: () = assert!(
    E2BIG == libc_core::Errno::E2BIG.0
        && EACCES == libc_core::Errno::EACCES.0
        && EADDRINUSE == libc_core::Errno::EADDRINUSE.0
        && EADDRNOTAVAIL == libc_core::Errno::EADDRNOTAVAIL.0
        && EAFNOSUPPORT == libc_core::Errno::EAFNOSUPPORT.0
        && EAGAIN == libc_core::Errno::EAGAIN.0
        && EALREADY == libc_core::Errno::EALREADY.0
        && EBADF == libc_core::Errno::EBADF.0
        && EBADMSG == libc_core::Errno::EBADMSG.0
        && EBUSY == libc_core::Errno::EBUSY.0
        && ECANCELED == libc_core::Errno::ECANCELED.0
        && ECHILD == libc_core::Errno::ECHILD.0
        && ECONNABORTED == libc_core::Errno::ECONNABORTED.0
        && ECONNREFUSED == libc_core::Errno::ECONNREFUSED.0
        && ECONNRESET == libc_core::Errno::ECONNRESET.0
        && EDEADLK == libc_core::Errno::EDEADLK.0
        && EDESTADDRREQ == libc_core::Errno::EDESTADDRREQ.0
        && EDOM == libc_core::Errno::EDOM.0
        && EDQUOT == libc_core::Errno::EDQUOT.0
        && EEXIST == libc_core::Errno::EEXIST.0
        && EFAULT == libc_core::Errno::EFAULT.0
        && EFBIG == libc_core::Errno::EFBIG.0
        && EHOSTUNREACH == libc_core::Errno::EHOSTUNREACH.0
        && EIDRM == libc_core::Errno::EIDRM.0
        && EILSEQ == libc_core::Errno::EILSEQ.0
        && EINPROGRESS == libc_core::Errno::EINPROGRESS.0
        && EINTR == libc_core::Errno::EINTR.0
        && EINVAL == libc_core::Errno::EINVAL.0
        && EIO == libc_core::Errno::EIO.0
        && EISCONN == libc_core::Errno::EISCONN.0
        && EISDIR == libc_core::Errno::EISDIR.0
        && ELOOP == libc_core::Errno::ELOOP.0
        && EMFILE == libc_core::Errno::EMFILE.0
        && EMLINK == libc_core::Errno::EMLINK.0
        && EMSGSIZE == libc_core::Errno::EMSGSIZE.0
        && EMULTIHOP == libc_core::Errno::EMULTIHOP.0
        && ENAMETOOLONG == libc_core::Errno::ENAMETOOLONG.0
        && ENETDOWN == libc_core::Errno::ENETDOWN.0
        && ENETRESET == libc_core::Errno::ENETRESET.0
        && ENETUNREACH == libc_core::Errno::ENETUNREACH.0
        && ENFILE == libc_core::Errno::ENFILE.0
        && ENOBUFS == libc_core::Errno::ENOBUFS.0
        && ENODEV == libc_core::Errno::ENODEV.0
        && ENOENT == libc_core::Errno::ENOENT.0
        && ENOEXEC == libc_core::Errno::ENOEXEC.0
        && ENOLCK == libc_core::Errno::ENOLCK.0
        && ENOLINK == libc_core::Errno::ENOLINK.0
        && ENOMEM == libc_core::Errno::ENOMEM.0
        && ENOMSG == libc_core::Errno::ENOMSG.0
        && ENOPROTOOPT == libc_core::Errno::ENOPROTOOPT.0
        && ENOSPC == libc_core::Errno::ENOSPC.0
        && ENOSYS == libc_core::Errno::ENOSYS.0
        && ENOTCONN == libc_core::Errno::ENOTCONN.0
        && ENOTDIR == libc_core::Errno::ENOTDIR.0
        && ENOTEMPTY == libc_core::Errno::ENOTEMPTY.0
        && ENOTRECOVERABLE == libc_core::Errno::ENOTRECOVERABLE.0
        && ENOTSOCK == libc_core::Errno::ENOTSOCK.0
        && ENOTSUP == libc_core::Errno::ENOTSUP.0
        && ENOTTY == libc_core::Errno::ENOTTY.0
        && ENXIO == libc_core::Errno::ENXIO.0
        && EOVERFLOW == libc_core::Errno::EOVERFLOW.0
        && EOWNERDEAD == libc_core::Errno::EOWNERDEAD.0
        && EPERM == libc_core::Errno::EPERM.0
        && EPIPE == libc_core::Errno::EPIPE.0
        && EPROTO == libc_core::Errno::EPROTO.0
        && EPROTONOSUPPORT == libc_core::Errno::EPROTONOSUPPORT.0
        && EPROTOTYPE == libc_core::Errno::EPROTOTYPE.0
        && ERANGE == libc_core::Errno::ERANGE.0
        && EROFS == libc_core::Errno::EROFS.0
        && ESPIPE == libc_core::Errno::ESPIPE.0
        && ESRCH == libc_core::Errno::ESRCH.0
        && ESTALE == libc_core::Errno::ESTALE.0
        && ETIMEDOUT == libc_core::Errno::ETIMEDOUT.0
        && ETXTBSY == libc_core::Errno::ETXTBSY.0
        && EXDEV == libc_core::Errno::EXDEV.0
        && ENOTCAPABLE == libc_core::Errno::ENOTCAPABLE.0
);
