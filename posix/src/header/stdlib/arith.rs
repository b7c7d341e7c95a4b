//! `abs`/`div` families and the pseudo-random generators.

use crate::platform::{c_int, c_long, c_longlong, c_uint};
use libc_core::single::Single;

/// The result of [`div`].
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct __wasm_libc_div {
    pub quot: c_int,
    pub rem: c_int,
}
/// The result of [`ldiv`].
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct __wasm_libc_ldiv {
    pub quot: c_long,
    pub rem: c_long,
}
/// The result of [`lldiv`].
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct __wasm_libc_lldiv {
    pub quot: c_longlong,
    pub rem: c_longlong,
}
/// `div_t`
pub type div_t = __wasm_libc_div;
/// `ldiv_t`
pub type ldiv_t = __wasm_libc_ldiv;
/// `lldiv_t`
pub type lldiv_t = __wasm_libc_lldiv;

/// [abs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abs.html)
/// (`abs(INT_MIN)` is undefined in C; it stays `INT_MIN` here).
#[unsafe(no_mangle)]
pub extern "C" fn abs(j: c_int) -> c_int {
    j.wrapping_abs()
}

/// [labs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/labs.html)
#[unsafe(no_mangle)]
pub extern "C" fn labs(j: c_long) -> c_long {
    j.wrapping_abs()
}

/// [llabs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llabs.html)
#[unsafe(no_mangle)]
pub extern "C" fn llabs(j: c_longlong) -> c_longlong {
    j.wrapping_abs()
}

/// [div](https://pubs.opengroup.org/onlinepubs/9799919799/functions/div.html):
/// quotient truncated toward zero. Division by zero traps.
#[unsafe(no_mangle)]
pub extern "C" fn div(n: c_int, d: c_int) -> div_t {
    div_t {
        quot: n.wrapping_div(d),
        rem: n.wrapping_rem(d),
    }
}

/// [ldiv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldiv.html)
#[unsafe(no_mangle)]
pub extern "C" fn ldiv(n: c_long, d: c_long) -> ldiv_t {
    ldiv_t {
        quot: n.wrapping_div(d),
        rem: n.wrapping_rem(d),
    }
}

/// [lldiv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lldiv.html)
#[unsafe(no_mangle)]
pub extern "C" fn lldiv(n: c_longlong, d: c_longlong) -> lldiv_t {
    lldiv_t {
        quot: n.wrapping_div(d),
        rem: n.wrapping_rem(d),
    }
}

/// Largest value of [`rand`] and [`random`].
pub const RAND_MAX: c_int = 2147483647;

/// glibc's `random()` generator (additive feedback, "TYPE_3": 31 words,
/// separation 3), so seeded sequences match glibc's.
struct Random {
    state: [i32; 31],
    f: usize,
    r: usize,
}

impl Random {
    const fn unseeded() -> Random {
        Random {
            state: [0; 31],
            f: 0,
            r: 0,
        }
    }

    fn seed(&mut self, seed: c_uint) {
        let seed = if seed == 0 { 1 } else { seed };
        self.state[0] = seed as i32;
        let mut word = seed as i32 as i64;
        for i in 1..31 {
            // state[i] = 16807 * state[i - 1] % 2147483647, Schrage's way.
            let (hi, lo) = (word / 127773, word % 127773);
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2147483647;
            }
            self.state[i] = word as i32;
        }
        self.f = 3;
        self.r = 0;
        for _ in 0..310 {
            self.next();
        }
    }

    fn next(&mut self) -> c_int {
        let v = (self.state[self.f] as u32).wrapping_add(self.state[self.r] as u32);
        self.state[self.f] = v as i32;
        self.f = (self.f + 1) % 31;
        self.r = (self.r + 1) % 31;
        (v >> 1) as c_int
    }
}

/// The generator state; `None` until seeded (the first use seeds with 1).
static RANDOM: Single<(bool, Random)> = Single::new((false, Random::unseeded()));

fn with_random<T>(f: impl FnOnce(&mut Random) -> T) -> T {
    // SAFETY: one thread; the borrow ends before returning.
    let st = unsafe { &mut *RANDOM.get() };
    if !st.0 {
        st.1.seed(1);
        st.0 = true;
    }
    f(&mut st.1)
}

/// [rand](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rand.html):
/// `0..=RAND_MAX`; the same sequence as glibc for the same seed.
#[unsafe(no_mangle)]
pub extern "C" fn rand() -> c_int {
    with_random(Random::next)
}

/// [srand](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srand.html)
#[unsafe(no_mangle)]
pub extern "C" fn srand(seed: c_uint) {
    with_random(|r| r.seed(seed))
}

/// [random](https://pubs.opengroup.org/onlinepubs/9799919799/functions/random.html):
/// the generator behind [`rand`].
#[unsafe(no_mangle)]
pub extern "C" fn random() -> c_long {
    with_random(Random::next) as c_long
}

/// [srandom](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srandom.html)
#[unsafe(no_mangle)]
pub extern "C" fn srandom(seed: c_uint) {
    with_random(|r| r.seed(seed))
}

/// [rand_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rand_r.html)
/// (obsolescent): glibc's algorithm, `0..=RAND_MAX` from 31 bits of three
/// steps of the C standard's LCG.
///
/// # Safety
/// `seed` valid for reads and writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rand_r(seed: *mut c_uint) -> c_int {
    // SAFETY: caller contract.
    let mut next = unsafe { *seed };
    let mut step = || {
        next = next.wrapping_mul(1103515245).wrapping_add(12345);
        next / 65536
    };
    let mut result = step() % 2048;
    result = (result << 10) ^ (step() % 1024);
    result = (result << 10) ^ (step() % 1024);
    // SAFETY: caller contract.
    unsafe { *seed = next };
    result as c_int
}
