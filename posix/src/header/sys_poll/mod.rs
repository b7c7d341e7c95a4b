//! `sys/poll.h`: the same as `poll.h`.
