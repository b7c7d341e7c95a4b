//! `sys/signal.h`: the same as `signal.h`.
