//! `sys/types.h`: see [`crate::platform`].
pub use crate::platform::{clockid_t, mode_t, off_t, size_t, ssize_t, suseconds_t, time_t};
