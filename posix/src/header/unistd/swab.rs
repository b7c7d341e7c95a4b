//! `swab`.

use crate::platform::{c_void, ssize_t};

/// [swab](https://pubs.opengroup.org/onlinepubs/9799919799/functions/swab.html):
/// copies `n` bytes, exchanging adjacent even and odd bytes (an odd last
/// byte is not copied; nothing for `n <= 0`).
///
/// # Safety
/// `src` readable and `dest` writable for `n` bytes; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn swab(src: *const c_void, dest: *mut c_void, n: ssize_t) {
    let (s, d) = (src as *const u8, dest as *mut u8);
    let mut i = 0;
    while i + 1 < n.max(0) as usize {
        // SAFETY: i + 1 < n (caller contract).
        unsafe {
            *d.add(i) = *s.add(i + 1);
            *d.add(i + 1) = *s.add(i);
        }
        i += 2;
    }
}
