//! `tgmath.h`: type-generic macros over `math.h` and `complex.h`, written
//! with C11 `_Generic` (in `cbindgen.toml`); no functions of its own.
//!
//! The argument types select the function as C11 7.25 says: a
//! `long double` argument selects the `l` form, else a `double` or
//! integer one the plain form, else `float`'s; any complex argument
//! selects the complex function. In C++ the header only includes
//! `math.h` and `complex.h` (C++ code uses `<cmath>`/`<complex>` overloads).
