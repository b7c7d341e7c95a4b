//! `values.h`: the System V limits of the arithmetic types (use `limits.h`
//! and `float.h` in new code).
