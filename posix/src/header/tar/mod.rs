//! `tar.h`: the constants of the POSIX ustar format (no functions).
