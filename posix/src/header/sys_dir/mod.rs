//! `sys/dir.h`: the BSD name of `struct dirent`.
