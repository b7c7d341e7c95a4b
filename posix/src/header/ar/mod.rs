//! `ar.h`: the header of a member of an `ar` archive (no functions).
