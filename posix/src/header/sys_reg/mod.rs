//! `sys/reg.h`: register numbers of a machine's signal context. WebAssembly
//! has no registers a program can name; the header exists for portable code
//! that includes it unconditionally.
