//! `sys/errno.h`: the same as `errno.h`.
