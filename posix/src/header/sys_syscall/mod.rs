//! `sys/syscall.h`: system call numbers. WASI programs have no `syscall()`:
//! the host's functions are imports (see `wasi/api.h`); no `SYS_*` numbers are
//! defined.
