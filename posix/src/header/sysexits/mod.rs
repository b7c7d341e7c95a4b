//! `sysexits.h` (BSD): exit statuses for programs (header only).

use crate::platform::c_int;

pub const EX_OK: c_int = 0;
pub const EX__BASE: c_int = 64;
pub const EX_USAGE: c_int = 64;
pub const EX_DATAERR: c_int = 65;
pub const EX_NOINPUT: c_int = 66;
pub const EX_NOUSER: c_int = 67;
pub const EX_NOHOST: c_int = 68;
pub const EX_UNAVAILABLE: c_int = 69;
pub const EX_SOFTWARE: c_int = 70;
pub const EX_OSERR: c_int = 71;
pub const EX_OSFILE: c_int = 72;
pub const EX_CANTCREAT: c_int = 73;
pub const EX_IOERR: c_int = 74;
pub const EX_TEMPFAIL: c_int = 75;
pub const EX_PROTOCOL: c_int = 76;
pub const EX_NOPERM: c_int = 77;
pub const EX_CONFIG: c_int = 78;
pub const EX__MAX: c_int = 78;
