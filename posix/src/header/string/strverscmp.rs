//! `strverscmp` (GNU): version-aware string comparison.

use crate::platform::{c_char, c_int};

/// [strverscmp](https://man7.org/linux/man-pages/man3/strverscmp.3.html):
/// like `strcmp`, but digit runs compare as numbers ("a9" < "a10"); runs
/// with leading zeros compare as fractions ("09" < "0" < "1"), as in
/// wasi-libc.
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strverscmp(a: *const c_char, b: *const c_char) -> c_int {
    let (l, r) = (a as *const u8, b as *const u8);
    // SAFETY: every index read is at most one past a position where both
    // strings had the same non-NUL byte, or stops at a NUL.
    unsafe {
        let at = |p: *const u8, i: usize| *p.add(i);
        let digit = |c: u8| c.is_ascii_digit();
        // The longest common prefix, where its trailing digit run starts
        // (`dp`), and whether that run is all zeros.
        let (mut i, mut dp, mut zeros) = (0, 0, true);
        while at(l, i) == at(r, i) {
            let c = at(l, i);
            if c == 0 {
                return 0;
            }
            if !digit(c) {
                dp = i + 1;
                zeros = true;
            } else if c != b'0' {
                zeros = false;
            }
            i += 1;
        }
        let (x, y) = (at(l, dp), at(r, dp));
        if (b'1'..=b'9').contains(&x) && (b'1'..=b'9').contains(&y) {
            // Numbers without leading zeros: the longer digit run is bigger.
            let mut j = i;
            while digit(at(l, j)) {
                if !digit(at(r, j)) {
                    return 1;
                }
                j += 1;
            }
            if digit(at(r, j)) {
                return -1;
            }
        } else if zeros && dp < i && (digit(at(l, i)) || digit(at(r, i))) {
            // A run of zeros so far: digits sort before other bytes.
            return at(l, i).wrapping_sub(b'0') as c_int - at(r, i).wrapping_sub(b'0') as c_int;
        }
        at(l, i) as c_int - at(r, i) as c_int
    }
}
