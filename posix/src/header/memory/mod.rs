//! `memory.h`: the historical name of `string.h`.
