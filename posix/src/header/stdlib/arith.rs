//! `abs`/`div` families and the pseudo-random generators.

use super::set_errno;
use crate::platform::{c_char, c_int, c_long, c_longlong, c_uint, size_t};
use core::ffi::c_ushort;
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

/// glibc's `random()` generator, so seeded sequences match glibc's: an
/// additive feedback generator over the state array (by default "TYPE_3":
/// 31 words, separation 3; `initstate` picks the type from the size of the
/// caller's array: under 32 bytes a plain LCG, then 7/3, 15/1, 31/3, 63/1).
/// The word before the state holds its type and rear index for `setstate`,
/// as in glibc.
struct Random {
    /// The state words (`base[-1]` is the saved type/rear word).
    base: *mut i32,
    kind: usize,
    deg: usize,
    sep: usize,
    f: usize,
    r: usize,
}

/// Words per type, and the separation of the two taps.
const DEGREES: [usize; 5] = [0, 7, 15, 31, 63];
const SEPS: [usize; 5] = [0, 3, 1, 3, 1];

/// The default state array (type 3), seeded with 1 on first use.
static DEFAULT_STATE: Single<[i32; 32]> = Single::new([0; 32]);

impl Random {
    fn seed(&mut self, seed: c_uint) {
        let seed = if seed == 0 { 1 } else { seed };
        // SAFETY: base holds deg (at least 1) words.
        unsafe { *self.base = seed as i32 };
        if self.kind == 0 {
            return;
        }
        let mut word = seed as i32 as i64;
        for i in 1..self.deg {
            // state[i] = 16807 * state[i - 1] % 2147483647, Schrage's way.
            let (hi, lo) = (word / 127773, word % 127773);
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2147483647;
            }
            // SAFETY: i < deg.
            unsafe { *self.base.add(i) = word as i32 };
        }
        self.f = self.sep;
        self.r = 0;
        for _ in 0..10 * self.deg {
            self.next();
        }
    }

    fn next(&mut self) -> c_int {
        // SAFETY: f, r < deg (and 0 for type 0), inside the state array.
        unsafe {
            if self.kind == 0 {
                let v = (*self.base as u32)
                    .wrapping_mul(1103515245)
                    .wrapping_add(12345)
                    & 0x7fff_ffff;
                *self.base = v as i32;
                return v as c_int;
            }
            let v = (*self.base.add(self.f) as u32).wrapping_add(*self.base.add(self.r) as u32);
            *self.base.add(self.f) = v as i32;
            self.f = (self.f + 1) % self.deg;
            self.r = (self.r + 1) % self.deg;
            (v >> 1) as c_int
        }
    }

    /// Writes the type/rear word before the state; its address.
    fn save(&mut self) -> *mut i32 {
        // SAFETY: every state array has the word before `base`.
        unsafe {
            let info = self.base.sub(1);
            *info = if self.kind == 0 {
                0
            } else {
                (self.r * 5 + self.kind) as i32
            };
            info
        }
    }
}

/// The generator; `None` until first used (then the default array seeded
/// with 1).
static RANDOM: Single<Option<Random>> = Single::new(None);

fn with_random<T>(f: impl FnOnce(&mut Random) -> T) -> T {
    // SAFETY: one thread; the borrow ends before returning.
    let st = unsafe { &mut *RANDOM.get() };
    let r = st.get_or_insert_with(|| {
        let mut r = Random {
            // SAFETY: the static array, used only through this generator.
            base: unsafe { (*DEFAULT_STATE.get()).as_mut_ptr().add(1) },
            kind: 3,
            deg: 31,
            sep: 3,
            f: 3,
            r: 0,
        };
        r.seed(1);
        r
    });
    f(r)
}

/// [initstate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/initstate.html):
/// makes the `size` bytes at `state` (4-aligned) the generator's state,
/// seeded with `seed`; the previous state (for `setstate`), or NULL with
/// `EINVAL` when `size < 8`.
///
/// # Safety
/// `state` valid for `size` bytes and 4-aligned; it stays in use until the
/// next `initstate`/`setstate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn initstate(seed: c_uint, state: *mut c_char, size: size_t) -> *mut c_char {
    if size < 8 {
        set_errno(libc_core::Errno::EINVAL);
        return core::ptr::null_mut();
    }
    let kind = match size {
        8..32 => 0,
        32..64 => 1,
        64..128 => 2,
        128..256 => 3,
        _ => 4,
    };
    with_random(|r| {
        let old = r.save();
        // SAFETY: the caller's array (size >= 8: the info word and at
        // least one state word; deg + 1 words for the others).
        r.base = unsafe { (state as *mut i32).add(1) };
        r.kind = kind;
        r.deg = DEGREES[kind].max(1);
        r.sep = SEPS[kind];
        r.seed(seed);
        r.save();
        old.cast()
    })
}

/// [setstate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setstate.html):
/// continues from a state array made by [`initstate`] (as `setstate` or
/// `initstate` left it); the previous state, or NULL with `EINVAL` for a
/// state whose type word is invalid.
///
/// # Safety
/// `state` an array previously passed to [`initstate`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setstate(state: *mut c_char) -> *mut c_char {
    with_random(|r| {
        let old = r.save();
        // SAFETY: caller contract: the type word precedes the state.
        let info = unsafe { *(state as *const i32) };
        let kind = info.rem_euclid(5) as usize;
        if info < 0 {
            set_errno(libc_core::Errno::EINVAL);
            return core::ptr::null_mut();
        }
        // SAFETY: as above.
        r.base = unsafe { (state as *mut i32).add(1) };
        r.kind = kind;
        r.deg = DEGREES[kind].max(1);
        r.sep = SEPS[kind];
        if kind != 0 {
            let rear = info as usize / 5;
            r.r = rear % r.deg;
            r.f = (rear + r.sep) % r.deg;
        }
        old.cast()
    })
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

/// The `drand48` family's state: `X`, the multiplier `a` and the addend
/// `c` of POSIX's 48-bit linear congruential generator.
struct Lcg48 {
    x: [u16; 3],
    a: u64,
    c: u16,
    /// `seed48`'s return buffer.
    old: [u16; 3],
}

const LCG48_A: u64 = 0x5_DEEC_E66D;
const LCG48_C: u16 = 0xB;

static LCG48: Single<Lcg48> = Single::new(Lcg48 {
    x: [0, 0, 0], // glibc: X = 0 until seeded
    a: LCG48_A,
    c: LCG48_C,
    old: [0; 3],
});

fn lcg48() -> &'static mut Lcg48 {
    // SAFETY: one thread; callers do not keep the reference across calls
    // that could create another one.
    unsafe { &mut *LCG48.get() }
}

/// One step on `xsubi` with the current `a` and `c`; returns the new X.
fn step48(xsubi: &mut [u16; 3]) -> u64 {
    let g = lcg48();
    let x = xsubi[0] as u64 | (xsubi[1] as u64) << 16 | (xsubi[2] as u64) << 32;
    let x = (g.a.wrapping_mul(x).wrapping_add(g.c as u64)) & ((1 << 48) - 1);
    *xsubi = [x as u16, (x >> 16) as u16, (x >> 32) as u16];
    x
}

/// Reads a caller's `unsigned short[3]`.
///
/// # Safety
/// `p` valid for reads and writes of three `unsigned short`.
unsafe fn xsubi<'a>(p: *mut c_ushort) -> &'a mut [u16; 3] {
    // SAFETY: caller contract.
    unsafe { &mut *p.cast::<[u16; 3]>() }
}

/// [drand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/drand48.html):
/// uniform in [0, 1) (X / 2^48).
#[unsafe(no_mangle)]
pub extern "C" fn drand48() -> f64 {
    let mut x = lcg48().x;
    let v = step48(&mut x);
    lcg48().x = x;
    v as f64 / (1u64 << 48) as f64
}

/// [erand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erand48.html)
///
/// # Safety
/// `xs` valid for three `unsigned short`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn erand48(xs: *mut c_ushort) -> f64 {
    // SAFETY: caller contract.
    step48(unsafe { xsubi(xs) }) as f64 / (1u64 << 48) as f64
}

/// [lrand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrand48.html):
/// uniform in [0, 2^31).
#[unsafe(no_mangle)]
pub extern "C" fn lrand48() -> c_long {
    let mut x = lcg48().x;
    let v = step48(&mut x);
    lcg48().x = x;
    (v >> 17) as c_long
}

/// [nrand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nrand48.html)
///
/// # Safety
/// `xs` valid for three `unsigned short`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nrand48(xs: *mut c_ushort) -> c_long {
    // SAFETY: caller contract.
    (step48(unsafe { xsubi(xs) }) >> 17) as c_long
}

/// [mrand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mrand48.html):
/// uniform in [-2^31, 2^31).
#[unsafe(no_mangle)]
pub extern "C" fn mrand48() -> c_long {
    let mut x = lcg48().x;
    let v = step48(&mut x);
    lcg48().x = x;
    (v >> 16) as u32 as i32 as c_long
}

/// [jrand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jrand48.html)
///
/// # Safety
/// `xs` valid for three `unsigned short`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jrand48(xs: *mut c_ushort) -> c_long {
    // SAFETY: caller contract.
    (step48(unsafe { xsubi(xs) }) >> 16) as u32 as i32 as c_long
}

/// [srand48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/srand48.html):
/// X = seed (low 32 bits) followed by 0x330E; default `a` and `c`.
#[unsafe(no_mangle)]
pub extern "C" fn srand48(seed: c_long) {
    let g = lcg48();
    g.x = [0x330E, seed as u16, (seed as u32 >> 16) as u16];
    g.a = LCG48_A;
    g.c = LCG48_C;
}

/// [seed48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/seed48.html):
/// sets X; returns the previous X (in a static buffer).
///
/// # Safety
/// `seed` valid for three `unsigned short`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seed48(seed: *mut c_ushort) -> *mut c_ushort {
    let g = lcg48();
    g.old = g.x;
    // SAFETY: caller contract.
    g.x = unsafe { *xsubi(seed) };
    g.a = LCG48_A;
    g.c = LCG48_C;
    g.old.as_mut_ptr()
}

/// [lcong48](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lcong48.html):
/// X from `param[0..3]`, `a` from `param[3..6]`, `c` from `param[6]`.
///
/// # Safety
/// `param` valid for seven `unsigned short`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lcong48(param: *mut c_ushort) {
    // SAFETY: caller contract.
    let p = unsafe { &*param.cast::<[u16; 7]>() };
    let g = lcg48();
    g.x = [p[0], p[1], p[2]];
    g.a = p[3] as u64 | (p[4] as u64) << 16 | (p[5] as u64) << 32;
    g.c = p[6];
}
