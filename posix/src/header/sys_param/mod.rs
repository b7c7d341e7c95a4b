//! `sys/param.h` (BSD): system parameters and small macros (header only),
//! with wasi-libc's values.

use crate::platform::c_int;

pub const MAXSYMLINKS: c_int = 20;
pub const MAXHOSTNAMELEN: c_int = 64;
pub const MAXNAMLEN: c_int = 255;
pub const MAXPATHLEN: c_int = 4096;
pub const NBBY: c_int = 8;
pub const NGROUPS: c_int = 32;
pub const CANBSIZ: c_int = 255;
pub const NOFILE: c_int = 256;
pub const NCARGS: c_int = 131072;
pub const DEV_BSIZE: c_int = 512;
pub const NOGROUP: c_int = -1;
