//! `sys/fcntl.h`: the same as `fcntl.h`.
