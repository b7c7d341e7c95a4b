//! `syscall.h`: the same as `sys/syscall.h`.
