//! `math.h`: the C99 set (plus POSIX's Bessel functions and a few GNU
//! extensions) for `double` and `float` over the `libm` crate, and for
//! `long double`. `exp`, `exp2`, `exp10`, `expm1`, `log`, `log2`, `log10`,
//! `log1p`, `pow` and their float forms are this library's own, correctly
//! rounded on every tested argument (`explog.rs`, docs/math.md).
//!
//! `long double` is IEEE binary128 on wasm32. Stable Rust has no `f128`, so
//! it travels as its bits ([`long_double`]). `sqrtl` (correctly rounded)
//! and the operations that are exact (`fabsl`, `copysignl`, `floorl`/
//! `ceill`/`truncl`/`roundl`/`rintl`/`nearbyintl` and their integer forms,
//! `frexpl`, `ldexpl`, `scalbnl`, `ilogbl`, `logbl`, `modfl`, `fmaxl`,
//! `fminl`, `nextafterl`, `nanl`) are computed on the bits in binary128;
//! every other `long double` function rounds its arguments to `double`, calls the `double` function and
//! widens the result, so it has `double`'s precision and range only.
//! (`strtold` is correctly rounded to binary128; see `stdlib.h`.)
//!
//! Errors: WASI has no floating-point exception flags and these functions
//! do not set `errno`; `math_errhandling` is `MATH_ERREXCEPT` (as in
//! wasi-libc), whose flags are not observable.
//!
//! Generated files: `double.rs`, `float.rs` and `long.rs` come from
//! `gen_wrappers.py` (tables of the C wrappers: cbindgen, which writes
//! `math.h`, does not expand macros, so each function is written out), and
//! `explog_tables.rs` from `gen_explog.py`. `scripts/test.sh` runs both with
//! `--check`.

pub mod double;
mod explog;
mod explog_tables;
pub(crate) mod f128;
pub mod float;
mod legacy;
pub mod long;

pub use double::*;
pub use float::*;
pub use long::*;

use crate::header::stdlib::{Format, nan_with_payload};
use crate::platform::{c_char, c_int, c_long, c_longlong};

/// C's `long double`: IEEE binary128 on wasm32, passed like a 128-bit
/// integer (two `i64` halves; returned through a pointer). Stable Rust has
/// no `f128`, so it travels as its bits.
#[repr(transparent)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct long_double(pub u128);

/// The sign of the last `lgamma` result (XSI).
#[unsafe(no_mangle)]
pub static mut signgam: c_int = 0;

/// Stores `lgamma_r`'s sign in [`signgam`].
fn with_signgam<T>((v, s): (T, i32)) -> T {
    // SAFETY: one thread; a plain store to the library's own static.
    unsafe { core::ptr::addr_of_mut!(signgam).write(s) };
    v
}

/// `logb` on `double`: the exponent as a float, `-inf` for 0.
fn logb_f64(x: f64) -> f64 {
    if !x.is_finite() {
        x * x
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        libm::ilogb(x) as f64
    }
}

/// `logbl` on the bits.
fn logbl_bits(x: long_double) -> long_double {
    let b = x.0 & !f128::SIGN;
    long_double(if b > f128::INF {
        x.0
    } else if b == f128::INF {
        f128::INF
    } else if b == 0 {
        f128::INF | f128::SIGN
    } else {
        f128::from_f64(f128::ilogb(x.0) as f64)
    })
}

/// `fmax`/`fmin`: the other operand if one is NaN; otherwise the larger
/// (smaller) one, and `y` when they compare equal (`fmax(-0.0, 0.0)` is
/// `0.0`, `fmax(0.0, -0.0)` is `-0.0`), as glibc does on x86-64.
fn max_min<T: PartialOrd + Copy>(x: T, y: T, max: bool) -> T {
    #[allow(clippy::eq_op)]
    let nan = |v: T| v != v;
    if nan(x) {
        y
    } else if nan(y) || (if max { x > y } else { x < y }) {
        x
    } else {
        y
    }
}

/// Integer types `lrint` and friends return.
trait IntMin: TryFrom<i64> + Copy {
    const MIN: Self;
}
impl IntMin for c_long {
    const MIN: Self = c_long::MIN;
}
impl IntMin for c_longlong {
    const MIN: Self = c_longlong::MIN;
}

/// An integral `r` as `T`, or `T::MIN` when out of range or NaN (what x86's
/// conversion instructions give, so glibc's results).
fn to_int<T: IntMin>(r: f64) -> T {
    const LIM: f64 = 9_223_372_036_854_775_808.0; // 2^63
    if (-LIM..LIM).contains(&r) {
        T::try_from(r as i64).unwrap_or(T::MIN)
    } else {
        T::MIN
    }
}

/// The bits of `nan(tag)` in `fmt`: glibc's rule, the payload of
/// `strtod("NAN(tag)")` when `tag` is an n-char-sequence, else the
/// default NaN.
///
/// # Safety
/// `tag` NUL-terminated.
unsafe fn nan_bits(tag: *const c_char, fmt: Format) -> u128 {
    // SAFETY: caller contract.
    let s = unsafe {
        core::slice::from_raw_parts(tag.cast::<u8>(), crate::header::string::strlen(tag))
    };
    let seq: &[u8] = if s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        s
    } else {
        &[]
    };
    nan_with_payload(seq, fmt).0
}

/// `nexttoward`'s direction: `Some(true)` if `y > x`, `Some(false)` if
/// `y < x`, `None` if equal or unordered.
fn toward(x: f64, y: long_double) -> Option<bool> {
    match f128::cmp(f128::from_f64(x), y.0)? {
        core::cmp::Ordering::Less => Some(true),
        core::cmp::Ordering::Greater => Some(false),
        core::cmp::Ordering::Equal => None,
    }
}

/// `float_t`: `float` arithmetic is evaluated in `float` (`FLT_EVAL_METHOD` 0).
pub type float_t = f32;
/// `double_t`
pub type double_t = f64;
