//! Deterministic counters of the slow paths, for tests and the benchmark.
//!
//! Only the fallback paths touch these (an allocation made because the slot
//! could not serve a list, a copy out of such a list), so the zero-copy path
//! pays nothing for them.

use crate::single::Single;

/// Counters exposed to C as `__wasm_libc_stats`.
#[derive(Copy, Clone, Default, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct Stats {
    /// Allocations `cabi_realloc`/`cabi_import_realloc` sent to the allocator.
    pub fallback_allocs: u32,
    /// Bytes those allocations asked for.
    pub fallback_bytes: u32,
    /// Times a received list had to be copied into the caller's buffer.
    pub guest_copies: u32,
    /// Bytes copied by those copies.
    pub guest_copy_bytes: u32,
}

static STATS: Single<Stats> = Single::new(Stats {
    fallback_allocs: 0,
    fallback_bytes: 0,
    guest_copies: 0,
    guest_copy_bytes: 0,
});

/// A snapshot of the counters.
pub fn get() -> Stats {
    STATS.load()
}

/// Resets every counter to zero.
pub fn reset() {
    STATS.store(Stats::default());
}

pub(crate) fn update(f: impl FnOnce(&mut Stats)) {
    let mut s = STATS.load();
    f(&mut s);
    STATS.store(s);
}
