//! `arpa/nameser_compat.h`: the BIND 4 names, defined in `arpa/nameser.h` itself.
