//! `byteswap.h` (glibc): `bswap_16`, `bswap_32`, `bswap_64` as inline
//! functions over the compiler's builtins (header only).
