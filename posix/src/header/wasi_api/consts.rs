//! The preview1 ABI's constants (WASI's own numbering).

use super::*;

pub const __WASI_DIRCOOKIE_START: __wasi_dircookie_t = 0;

pub const __WASI_CLOCKID_REALTIME: __wasi_clockid_t = 0;
pub const __WASI_CLOCKID_MONOTONIC: __wasi_clockid_t = 1;
pub const __WASI_CLOCKID_PROCESS_CPUTIME_ID: __wasi_clockid_t = 2;
pub const __WASI_CLOCKID_THREAD_CPUTIME_ID: __wasi_clockid_t = 3;

pub const __WASI_ERRNO_SUCCESS: __wasi_errno_t = 0;
pub const __WASI_ERRNO_2BIG: __wasi_errno_t = 1;
pub const __WASI_ERRNO_ACCES: __wasi_errno_t = 2;
pub const __WASI_ERRNO_ADDRINUSE: __wasi_errno_t = 3;
pub const __WASI_ERRNO_ADDRNOTAVAIL: __wasi_errno_t = 4;
pub const __WASI_ERRNO_AFNOSUPPORT: __wasi_errno_t = 5;
pub const __WASI_ERRNO_AGAIN: __wasi_errno_t = 6;
pub const __WASI_ERRNO_ALREADY: __wasi_errno_t = 7;
pub const __WASI_ERRNO_BADF: __wasi_errno_t = 8;
pub const __WASI_ERRNO_BADMSG: __wasi_errno_t = 9;
pub const __WASI_ERRNO_BUSY: __wasi_errno_t = 10;
pub const __WASI_ERRNO_CANCELED: __wasi_errno_t = 11;
pub const __WASI_ERRNO_CHILD: __wasi_errno_t = 12;
pub const __WASI_ERRNO_CONNABORTED: __wasi_errno_t = 13;
pub const __WASI_ERRNO_CONNREFUSED: __wasi_errno_t = 14;
pub const __WASI_ERRNO_CONNRESET: __wasi_errno_t = 15;
pub const __WASI_ERRNO_DEADLK: __wasi_errno_t = 16;
pub const __WASI_ERRNO_DESTADDRREQ: __wasi_errno_t = 17;
pub const __WASI_ERRNO_DOM: __wasi_errno_t = 18;
pub const __WASI_ERRNO_DQUOT: __wasi_errno_t = 19;
pub const __WASI_ERRNO_EXIST: __wasi_errno_t = 20;
pub const __WASI_ERRNO_FAULT: __wasi_errno_t = 21;
pub const __WASI_ERRNO_FBIG: __wasi_errno_t = 22;
pub const __WASI_ERRNO_HOSTUNREACH: __wasi_errno_t = 23;
pub const __WASI_ERRNO_IDRM: __wasi_errno_t = 24;
pub const __WASI_ERRNO_ILSEQ: __wasi_errno_t = 25;
pub const __WASI_ERRNO_INPROGRESS: __wasi_errno_t = 26;
pub const __WASI_ERRNO_INTR: __wasi_errno_t = 27;
pub const __WASI_ERRNO_INVAL: __wasi_errno_t = 28;
pub const __WASI_ERRNO_IO: __wasi_errno_t = 29;
pub const __WASI_ERRNO_ISCONN: __wasi_errno_t = 30;
pub const __WASI_ERRNO_ISDIR: __wasi_errno_t = 31;
pub const __WASI_ERRNO_LOOP: __wasi_errno_t = 32;
pub const __WASI_ERRNO_MFILE: __wasi_errno_t = 33;
pub const __WASI_ERRNO_MLINK: __wasi_errno_t = 34;
pub const __WASI_ERRNO_MSGSIZE: __wasi_errno_t = 35;
pub const __WASI_ERRNO_MULTIHOP: __wasi_errno_t = 36;
pub const __WASI_ERRNO_NAMETOOLONG: __wasi_errno_t = 37;
pub const __WASI_ERRNO_NETDOWN: __wasi_errno_t = 38;
pub const __WASI_ERRNO_NETRESET: __wasi_errno_t = 39;
pub const __WASI_ERRNO_NETUNREACH: __wasi_errno_t = 40;
pub const __WASI_ERRNO_NFILE: __wasi_errno_t = 41;
pub const __WASI_ERRNO_NOBUFS: __wasi_errno_t = 42;
pub const __WASI_ERRNO_NODEV: __wasi_errno_t = 43;
pub const __WASI_ERRNO_NOENT: __wasi_errno_t = 44;
pub const __WASI_ERRNO_NOEXEC: __wasi_errno_t = 45;
pub const __WASI_ERRNO_NOLCK: __wasi_errno_t = 46;
pub const __WASI_ERRNO_NOLINK: __wasi_errno_t = 47;
pub const __WASI_ERRNO_NOMEM: __wasi_errno_t = 48;
pub const __WASI_ERRNO_NOMSG: __wasi_errno_t = 49;
pub const __WASI_ERRNO_NOPROTOOPT: __wasi_errno_t = 50;
pub const __WASI_ERRNO_NOSPC: __wasi_errno_t = 51;
pub const __WASI_ERRNO_NOSYS: __wasi_errno_t = 52;
pub const __WASI_ERRNO_NOTCONN: __wasi_errno_t = 53;
pub const __WASI_ERRNO_NOTDIR: __wasi_errno_t = 54;
pub const __WASI_ERRNO_NOTEMPTY: __wasi_errno_t = 55;
pub const __WASI_ERRNO_NOTRECOVERABLE: __wasi_errno_t = 56;
pub const __WASI_ERRNO_NOTSOCK: __wasi_errno_t = 57;
pub const __WASI_ERRNO_NOTSUP: __wasi_errno_t = 58;
pub const __WASI_ERRNO_NOTTY: __wasi_errno_t = 59;
pub const __WASI_ERRNO_NXIO: __wasi_errno_t = 60;
pub const __WASI_ERRNO_OVERFLOW: __wasi_errno_t = 61;
pub const __WASI_ERRNO_OWNERDEAD: __wasi_errno_t = 62;
pub const __WASI_ERRNO_PERM: __wasi_errno_t = 63;
pub const __WASI_ERRNO_PIPE: __wasi_errno_t = 64;
pub const __WASI_ERRNO_PROTO: __wasi_errno_t = 65;
pub const __WASI_ERRNO_PROTONOSUPPORT: __wasi_errno_t = 66;
pub const __WASI_ERRNO_PROTOTYPE: __wasi_errno_t = 67;
pub const __WASI_ERRNO_RANGE: __wasi_errno_t = 68;
pub const __WASI_ERRNO_ROFS: __wasi_errno_t = 69;
pub const __WASI_ERRNO_SPIPE: __wasi_errno_t = 70;
pub const __WASI_ERRNO_SRCH: __wasi_errno_t = 71;
pub const __WASI_ERRNO_STALE: __wasi_errno_t = 72;
pub const __WASI_ERRNO_TIMEDOUT: __wasi_errno_t = 73;
pub const __WASI_ERRNO_TXTBSY: __wasi_errno_t = 74;
pub const __WASI_ERRNO_XDEV: __wasi_errno_t = 75;
pub const __WASI_ERRNO_NOTCAPABLE: __wasi_errno_t = 76;

pub const __WASI_RIGHTS_FD_DATASYNC: __wasi_rights_t = 1 << 0;
pub const __WASI_RIGHTS_FD_READ: __wasi_rights_t = 1 << 1;
pub const __WASI_RIGHTS_FD_SEEK: __wasi_rights_t = 1 << 2;
pub const __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS: __wasi_rights_t = 1 << 3;
pub const __WASI_RIGHTS_FD_SYNC: __wasi_rights_t = 1 << 4;
pub const __WASI_RIGHTS_FD_TELL: __wasi_rights_t = 1 << 5;
pub const __WASI_RIGHTS_FD_WRITE: __wasi_rights_t = 1 << 6;
pub const __WASI_RIGHTS_FD_ADVISE: __wasi_rights_t = 1 << 7;
pub const __WASI_RIGHTS_FD_ALLOCATE: __wasi_rights_t = 1 << 8;
pub const __WASI_RIGHTS_PATH_CREATE_DIRECTORY: __wasi_rights_t = 1 << 9;
pub const __WASI_RIGHTS_PATH_CREATE_FILE: __wasi_rights_t = 1 << 10;
pub const __WASI_RIGHTS_PATH_LINK_SOURCE: __wasi_rights_t = 1 << 11;
pub const __WASI_RIGHTS_PATH_LINK_TARGET: __wasi_rights_t = 1 << 12;
pub const __WASI_RIGHTS_PATH_OPEN: __wasi_rights_t = 1 << 13;
pub const __WASI_RIGHTS_FD_READDIR: __wasi_rights_t = 1 << 14;
pub const __WASI_RIGHTS_PATH_READLINK: __wasi_rights_t = 1 << 15;
pub const __WASI_RIGHTS_PATH_RENAME_SOURCE: __wasi_rights_t = 1 << 16;
pub const __WASI_RIGHTS_PATH_RENAME_TARGET: __wasi_rights_t = 1 << 17;
pub const __WASI_RIGHTS_PATH_FILESTAT_GET: __wasi_rights_t = 1 << 18;
pub const __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE: __wasi_rights_t = 1 << 19;
pub const __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES: __wasi_rights_t = 1 << 20;
pub const __WASI_RIGHTS_FD_FILESTAT_GET: __wasi_rights_t = 1 << 21;
pub const __WASI_RIGHTS_FD_FILESTAT_SET_SIZE: __wasi_rights_t = 1 << 22;
pub const __WASI_RIGHTS_FD_FILESTAT_SET_TIMES: __wasi_rights_t = 1 << 23;
pub const __WASI_RIGHTS_PATH_SYMLINK: __wasi_rights_t = 1 << 24;
pub const __WASI_RIGHTS_PATH_REMOVE_DIRECTORY: __wasi_rights_t = 1 << 25;
pub const __WASI_RIGHTS_PATH_UNLINK_FILE: __wasi_rights_t = 1 << 26;
pub const __WASI_RIGHTS_POLL_FD_READWRITE: __wasi_rights_t = 1 << 27;
pub const __WASI_RIGHTS_SOCK_SHUTDOWN: __wasi_rights_t = 1 << 28;
pub const __WASI_RIGHTS_SOCK_ACCEPT: __wasi_rights_t = 1 << 29;

pub const __WASI_WHENCE_SET: __wasi_whence_t = 0;
pub const __WASI_WHENCE_CUR: __wasi_whence_t = 1;
pub const __WASI_WHENCE_END: __wasi_whence_t = 2;

pub const __WASI_FILETYPE_UNKNOWN: __wasi_filetype_t = 0;
pub const __WASI_FILETYPE_BLOCK_DEVICE: __wasi_filetype_t = 1;
pub const __WASI_FILETYPE_CHARACTER_DEVICE: __wasi_filetype_t = 2;
pub const __WASI_FILETYPE_DIRECTORY: __wasi_filetype_t = 3;
pub const __WASI_FILETYPE_REGULAR_FILE: __wasi_filetype_t = 4;
pub const __WASI_FILETYPE_SOCKET_DGRAM: __wasi_filetype_t = 5;
pub const __WASI_FILETYPE_SOCKET_STREAM: __wasi_filetype_t = 6;
pub const __WASI_FILETYPE_SYMBOLIC_LINK: __wasi_filetype_t = 7;

pub const __WASI_ADVICE_NORMAL: __wasi_advice_t = 0;
pub const __WASI_ADVICE_SEQUENTIAL: __wasi_advice_t = 1;
pub const __WASI_ADVICE_RANDOM: __wasi_advice_t = 2;
pub const __WASI_ADVICE_WILLNEED: __wasi_advice_t = 3;
pub const __WASI_ADVICE_DONTNEED: __wasi_advice_t = 4;
pub const __WASI_ADVICE_NOREUSE: __wasi_advice_t = 5;

pub const __WASI_FDFLAGS_APPEND: __wasi_fdflags_t = 1 << 0;
pub const __WASI_FDFLAGS_DSYNC: __wasi_fdflags_t = 1 << 1;
pub const __WASI_FDFLAGS_NONBLOCK: __wasi_fdflags_t = 1 << 2;
pub const __WASI_FDFLAGS_RSYNC: __wasi_fdflags_t = 1 << 3;
pub const __WASI_FDFLAGS_SYNC: __wasi_fdflags_t = 1 << 4;

pub const __WASI_FSTFLAGS_ATIM: __wasi_fstflags_t = 1 << 0;
pub const __WASI_FSTFLAGS_ATIM_NOW: __wasi_fstflags_t = 1 << 1;
pub const __WASI_FSTFLAGS_MTIM: __wasi_fstflags_t = 1 << 2;
pub const __WASI_FSTFLAGS_MTIM_NOW: __wasi_fstflags_t = 1 << 3;

pub const __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW: __wasi_lookupflags_t = 1 << 0;

pub const __WASI_OFLAGS_CREAT: __wasi_oflags_t = 1 << 0;
pub const __WASI_OFLAGS_DIRECTORY: __wasi_oflags_t = 1 << 1;
pub const __WASI_OFLAGS_EXCL: __wasi_oflags_t = 1 << 2;
pub const __WASI_OFLAGS_TRUNC: __wasi_oflags_t = 1 << 3;

pub const __WASI_EVENTTYPE_CLOCK: __wasi_eventtype_t = 0;
pub const __WASI_EVENTTYPE_FD_READ: __wasi_eventtype_t = 1;
pub const __WASI_EVENTTYPE_FD_WRITE: __wasi_eventtype_t = 2;

pub const __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP: __wasi_eventrwflags_t = 1 << 0;

pub const __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME: __wasi_subclockflags_t = 1 << 0;

pub const __WASI_RIFLAGS_RECV_PEEK: __wasi_riflags_t = 1 << 0;
pub const __WASI_RIFLAGS_RECV_WAITALL: __wasi_riflags_t = 1 << 1;

pub const __WASI_ROFLAGS_RECV_DATA_TRUNCATED: __wasi_roflags_t = 1 << 0;

pub const __WASI_SDFLAGS_RD: __wasi_sdflags_t = 1 << 0;
pub const __WASI_SDFLAGS_WR: __wasi_sdflags_t = 1 << 1;

pub const __WASI_PREOPENTYPE_DIR: __wasi_preopentype_t = 0;
