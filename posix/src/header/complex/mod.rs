//! `complex.h`: the C99 complex functions for `double`, `float` and
//! `long double` (Annex G special values: infinities, NaNs, signed zeros,
//! branch cuts).
//!
//! On wasm32 (BasicCABI) a `_Complex` value is passed and returned like a
//! struct of its two parts: arguments by pointer, results through a hidden
//! pointer first argument (checked with `wasm-tools print` on clang's
//! output). A `#[repr(C)]` struct of two floats passed by value from an
//! `extern "C"` Rust function lowers to the same signature, so the Rust
//! functions below take and return such structs.
//!
//! The algorithms are in [`core`] on `double`; the `float` forms compute in
//! `double` and round the result; the `long double` (binary128) forms round
//! their arguments to `double`, like most of `math.h`'s `long double`
//! functions, so they have `double`'s precision and range only.
//!
//! The prototypes are written by hand in `cbindgen.toml` (cbindgen cannot
//! spell `double _Complex`); the functions are defined through macros,
//! which cbindgen does not expand.

mod core;

use crate::header::math::f128::{from_f64, to_f64};
use crate::header::math::long_double;

/// `double _Complex`.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// `float _Complex`.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct ComplexF {
    pub re: f32,
    pub im: f32,
}

/// `long double _Complex` (two IEEE binary128 values).
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct ComplexL {
    pub re: long_double,
    pub im: long_double,
}

fn d(z: Complex) -> core::C {
    (z.re, z.im)
}
fn f(z: ComplexF) -> core::C {
    (z.re as f64, z.im as f64)
}
fn l(z: ComplexL) -> core::C {
    (to_f64(z.re.0), to_f64(z.im.0))
}
fn to_d((re, im): core::C) -> Complex {
    Complex { re, im }
}
fn to_f((re, im): core::C) -> ComplexF {
    ComplexF {
        re: re as f32,
        im: im as f32,
    }
}
fn to_l((re, im): core::C) -> ComplexL {
    ComplexL {
        re: long_double(from_f64(re)),
        im: long_double(from_f64(im)),
    }
}

macro_rules! doc_link {
    ($name:ident) => {
        concat!(
            "[",
            stringify!($name),
            "](https://pubs.opengroup.org/onlinepubs/9799919799/functions/",
            stringify!($name),
            ".html)"
        )
    };
}

/// Complex-to-complex functions in their three forms.
macro_rules! complex_fns {
    ($($name:ident $namef:ident $namel:ident => $core:expr;)*) => {$(
        #[doc = doc_link!($name)]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(z: Complex) -> Complex {
            let (x, y) = d(z);
            to_d($core(x, y))
        }
        #[doc = doc_link!($namef)]
        /// (computed in `double` and rounded)
        #[unsafe(no_mangle)]
        pub extern "C" fn $namef(z: ComplexF) -> ComplexF {
            let (x, y) = f(z);
            to_f($core(x, y))
        }
        #[doc = doc_link!($namel)]
        /// (computed in `double` precision)
        #[unsafe(no_mangle)]
        pub extern "C" fn $namel(z: ComplexL) -> ComplexL {
            let (x, y) = l(z);
            to_l($core(x, y))
        }
    )*};
}

/// Complex-to-real functions in their three forms.
macro_rules! real_fns {
    ($($name:ident $namef:ident $namel:ident => $core:expr;)*) => {$(
        #[doc = doc_link!($name)]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(z: Complex) -> f64 {
            let (x, y) = d(z);
            $core(x, y)
        }
        #[doc = doc_link!($namef)]
        #[unsafe(no_mangle)]
        pub extern "C" fn $namef(z: ComplexF) -> f32 {
            let (x, y) = f(z);
            $core(x, y) as f32
        }
        #[doc = doc_link!($namel)]
        #[unsafe(no_mangle)]
        pub extern "C" fn $namel(z: ComplexL) -> long_double {
            let (x, y) = l(z);
            long_double(from_f64($core(x, y)))
        }
    )*};
}

complex_fns! {
    cacos cacosf cacosl => core::cacos;
    casin casinf casinl => core::casin;
    catan catanf catanl => core::catan;
    ccos ccosf ccosl => core::ccos;
    csin csinf csinl => core::csin;
    ctan ctanf ctanl => core::ctan;
    cacosh cacoshf cacoshl => core::cacosh;
    casinh casinhf casinhl => core::casinh;
    catanh catanhf catanhl => core::catanh;
    ccosh ccoshf ccoshl => core::ccosh;
    csinh csinhf csinhl => core::csinh;
    ctanh ctanhf ctanhl => core::ctanh;
    cexp cexpf cexpl => core::cexp;
    clog clogf clogl => core::clog;
    csqrt csqrtf csqrtl => core::csqrt;
}

real_fns! {
    cabs cabsf cabsl => core::cabs;
    carg cargf cargl => |x: f64, y: f64| libm::atan2(y, x);
}

/// [cproj](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cproj.html)
#[unsafe(no_mangle)]
pub extern "C" fn cproj(z: Complex) -> Complex {
    to_d(core::cproj(z.re, z.im))
}

/// [cprojf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cprojf.html)
#[unsafe(no_mangle)]
pub extern "C" fn cprojf(z: ComplexF) -> ComplexF {
    to_f(core::cproj(z.re as f64, z.im as f64))
}

/// [cprojl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cprojl.html)
/// (exact on the binary128 bits)
#[unsafe(no_mangle)]
pub extern "C" fn cprojl(z: ComplexL) -> ComplexL {
    use crate::header::math::f128::{INF, SIGN};
    if z.re.0 & !SIGN == INF || z.im.0 & !SIGN == INF {
        ComplexL {
            re: long_double(INF),
            im: long_double(z.im.0 & SIGN),
        }
    } else {
        z
    }
}

/// [conj](https://pubs.opengroup.org/onlinepubs/9799919799/functions/conj.html)
#[unsafe(no_mangle)]
pub extern "C" fn conj(z: Complex) -> Complex {
    Complex {
        re: z.re,
        im: -z.im,
    }
}

/// [conjf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/conjf.html)
#[unsafe(no_mangle)]
pub extern "C" fn conjf(z: ComplexF) -> ComplexF {
    ComplexF {
        re: z.re,
        im: -z.im,
    }
}

/// [conjl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/conjl.html)
/// (exact on the binary128 bits)
#[unsafe(no_mangle)]
pub extern "C" fn conjl(z: ComplexL) -> ComplexL {
    ComplexL {
        re: z.re,
        im: long_double(z.im.0 ^ crate::header::math::f128::SIGN),
    }
}

/// [creal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creal.html)
#[unsafe(no_mangle)]
pub extern "C" fn creal(z: Complex) -> f64 {
    z.re
}

/// [crealf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/crealf.html)
#[unsafe(no_mangle)]
pub extern "C" fn crealf(z: ComplexF) -> f32 {
    z.re
}

/// [creall](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creall.html)
#[unsafe(no_mangle)]
pub extern "C" fn creall(z: ComplexL) -> long_double {
    z.re
}

/// [cimag](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cimag.html)
#[unsafe(no_mangle)]
pub extern "C" fn cimag(z: Complex) -> f64 {
    z.im
}

/// [cimagf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cimagf.html)
#[unsafe(no_mangle)]
pub extern "C" fn cimagf(z: ComplexF) -> f32 {
    z.im
}

/// [cimagl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cimagl.html)
#[unsafe(no_mangle)]
pub extern "C" fn cimagl(z: ComplexL) -> long_double {
    z.im
}

/// [cpow](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cpow.html):
/// `cexp(y * clog(x))`, as glibc computes it.
#[unsafe(no_mangle)]
pub extern "C" fn cpow(x: Complex, y: Complex) -> Complex {
    to_d(core::cpow(d(x), d(y)))
}

/// [cpowf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cpowf.html)
/// (computed in `double` and rounded)
#[unsafe(no_mangle)]
pub extern "C" fn cpowf(x: ComplexF, y: ComplexF) -> ComplexF {
    to_f(core::cpow(f(x), f(y)))
}

/// [cpowl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cpowl.html)
/// (computed in `double` precision)
#[unsafe(no_mangle)]
pub extern "C" fn cpowl(x: ComplexL, y: ComplexL) -> ComplexL {
    to_l(core::cpow(l(x), l(y)))
}
