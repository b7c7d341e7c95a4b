//! `math.h`

/// C's `long double`: IEEE binary128 on wasm32, passed like a 128-bit
/// integer (two `i64` halves; returned through a pointer). Stable Rust has
/// no `f128`, so it travels as its bits.
#[repr(transparent)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct long_double(pub u128);
