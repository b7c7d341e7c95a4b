//! `endian.h` (POSIX 2024): byte-order conversions, macros over
//! `<byteswap.h>` (header only; wasm32 is little-endian).

use crate::platform::c_int;

pub const LITTLE_ENDIAN: c_int = 1234;
pub const BIG_ENDIAN: c_int = 4321;
pub const PDP_ENDIAN: c_int = 3412;
pub const BYTE_ORDER: c_int = 1234;
pub const __LITTLE_ENDIAN: c_int = 1234;
pub const __BIG_ENDIAN: c_int = 4321;
pub const __PDP_ENDIAN: c_int = 3412;
pub const __BYTE_ORDER: c_int = 1234;
