//! `sys/timex.h`: the kernel clock-discipline interface (`adjtimex`, RFC 1589).
//! WASI cannot adjust the host's clock: only the types and constants are
//! defined, for code that names them.
