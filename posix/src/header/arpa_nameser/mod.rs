//! `arpa/nameser.h`: DNS message constants and types (RFC 1035 and successors).
//!
//! Only the data definitions: like wasi-libc's `libc.a`, this library
//! defines none of the `ns_*` parsing functions.
