//! `cpio.h`: the mode bits and magic of the POSIX cpio format (no functions).
