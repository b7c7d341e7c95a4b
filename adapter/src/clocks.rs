//! `wasi:clocks/monotonic-clock` and `wall-clock` over clock_time_get.

use crate::mem::{put_u32, put_u64, trap};
use crate::p1;
use crate::poll::{monotonic_now, new};
use crate::table::POLL_CLOCK;

#[unsafe(export_name = "wasi:clocks/monotonic-clock#now")]
pub extern "C" fn monotonic_clock_now() -> u64 {
    monotonic_now()
}

fn res(id: u32) -> u64 {
    let mut r = 0u64;
    // SAFETY: an out-parameter on our stack.
    if unsafe { p1::clock_res_get(id, &mut r) } != 0 {
        trap();
    }
    r
}

#[unsafe(export_name = "wasi:clocks/monotonic-clock#resolution")]
pub extern "C" fn monotonic_clock_resolution() -> u64 {
    res(p1::CLOCK_MONOTONIC)
}

#[unsafe(export_name = "wasi:clocks/monotonic-clock#subscribe-instant")]
pub extern "C" fn subscribe_instant(when: u64) -> i32 {
    new(POLL_CLOCK, 0, when)
}

#[unsafe(export_name = "wasi:clocks/monotonic-clock#subscribe-duration")]
pub extern "C" fn subscribe_duration(d: u64) -> i32 {
    new(POLL_CLOCK, 0, monotonic_now().saturating_add(d))
}

/// A `datetime` record: [0] seconds u64, [8] nanoseconds u32.
fn datetime(ret: *mut u8, ns: u64) {
    put_u64(ret, 0, ns / 1_000_000_000);
    put_u32(ret, 8, (ns % 1_000_000_000) as u32);
}

#[unsafe(export_name = "wasi:clocks/wall-clock#now")]
pub extern "C" fn wall_clock_now(ret: *mut u8) {
    let mut t = 0u64;
    // SAFETY: an out-parameter on our stack.
    if unsafe { p1::clock_time_get(p1::CLOCK_REALTIME, 1, &mut t) } != 0 {
        trap();
    }
    datetime(ret, t);
}

#[unsafe(export_name = "wasi:clocks/wall-clock#resolution")]
pub extern "C" fn wall_clock_resolution(ret: *mut u8) {
    datetime(ret, res(p1::CLOCK_REALTIME));
}
