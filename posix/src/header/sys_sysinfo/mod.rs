//! `sys/sysinfo.h` (Linux): what WebAssembly can tell about the "machine":
//! one processor, the 4 GiB address space as its memory.

use crate::platform::{c_char, c_int, c_long, c_uint, c_ulong, c_ushort};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

/// `struct sysinfo` (musl's layout).
#[repr(C)]
pub struct sysinfo {
    pub uptime: c_ulong,
    pub loads: [c_ulong; 3],
    pub totalram: c_ulong,
    pub freeram: c_ulong,
    pub sharedram: c_ulong,
    pub bufferram: c_ulong,
    pub totalswap: c_ulong,
    pub freeswap: c_ulong,
    pub procs: c_ushort,
    pub pad: c_ushort,
    pub totalhigh: c_ulong,
    pub freehigh: c_ulong,
    pub mem_unit: c_uint,
    pub __reserved: [c_char; 256],
}

/// Pages of 64 KiB: the address space, and what linear memory has not
/// grown into yet.
fn pages() -> (c_long, c_long) {
    const ALL: c_long = 65536;
    #[cfg(target_arch = "wasm32")]
    let used = core::arch::wasm32::memory_size(0) as c_long;
    #[cfg(not(target_arch = "wasm32"))]
    let used = 0;
    (ALL, ALL - used)
}

/// `sysinfo`: `uptime` is the host's monotonic clock in seconds; memory in
/// units of 64 KiB (`mem_unit`): `totalram` the 4 GiB address space,
/// `freeram` what linear memory has not grown into; no swap, no load
/// averages, one process.
///
/// # Safety
/// `info` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sysinfo(info: *mut sysinfo) -> c_int {
    if info.is_null() {
        return Err::<(), _>(Errno::EFAULT).or_minus_one_errno();
    }
    let up = Sys::clock_time(Clock::Monotonic).unwrap_or(0) / NANOS_PER_SEC;
    let (all, free) = pages();
    // SAFETY: valid for a write (caller contract); all-zero is a valid
    // `struct sysinfo`.
    let s = unsafe {
        info.write_bytes(0, 1);
        &mut *info
    };
    s.uptime = up as c_ulong;
    s.totalram = all as c_ulong;
    s.freeram = free as c_ulong;
    s.procs = 1;
    s.mem_unit = 65536;
    0
}

/// `get_nprocs` (glibc): 1.
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs() -> c_int {
    1
}

/// `get_nprocs_conf` (glibc): 1.
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs_conf() -> c_int {
    1
}

/// `get_phys_pages` (glibc): the address space in 64 KiB pages
/// (`sysconf(_SC_PHYS_PAGES)`).
#[unsafe(no_mangle)]
pub extern "C" fn get_phys_pages() -> c_long {
    pages().0
}

/// `get_avphys_pages` (glibc): pages linear memory can still grow by
/// (`sysconf(_SC_AVPHYS_PAGES)`).
#[unsafe(no_mangle)]
pub extern "C" fn get_avphys_pages() -> c_long {
    pages().1
}
