//! `alloca.h`: stack allocation by the compiler (header only).
