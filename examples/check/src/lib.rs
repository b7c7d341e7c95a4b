//! Nothing here: see `tests/examples.rs`.
