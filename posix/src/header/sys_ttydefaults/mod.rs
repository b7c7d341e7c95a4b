//! `sys/ttydefaults.h`: the traditional default terminal settings and control characters.
