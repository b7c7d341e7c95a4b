//! `sys/stropts.h`: the same as `stropts.h`.
