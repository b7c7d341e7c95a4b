//! `features.h`: the feature-test macros (everything is visible by default, as in
//! wasi-libc) and the helper spellings other headers may use.
