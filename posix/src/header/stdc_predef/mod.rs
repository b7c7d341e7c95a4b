//! `stdc-predef.h`: what the implementation promises before any header.
