//! `stropts.h`: the XSI STREAMS interface. WASI has no STREAMS devices; the
//! types and constants are defined for code that names them (POSIX.1-2008
//! marks the interface obsolescent).
