//! The complex algorithms, on `double` pairs `(re, im)`. Every public
//! function of `complex.h` reduces to one of these (the `float` forms
//! compute in `double` and round, the `long double` forms round to `double`
//! first). Special values follow C17 Annex G (G.6); where Annex G leaves a
//! sign unspecified, the choice is glibc's.

use core::f64::consts::{FRAC_PI_2, FRAC_PI_4, LN_2, PI};

pub(crate) type C = (f64, f64);

fn copysign(x: f64, y: f64) -> f64 {
    libm::copysign(x, y)
}

fn is_inf(x: f64) -> bool {
    x.is_infinite()
}

/// `sin(y)` and `cos(y)`.
fn sincos(y: f64) -> (f64, f64) {
    libm::sincos(y)
}

/// `x*x + y*y - 1` for `0.5 <= x*x + y*y <= 2`, without the rounding error
/// of the squares (each square is split exactly with `fma`).
fn x2y2m1(x: f64, y: f64) -> f64 {
    let (x, y) = if x.abs() >= y.abs() { (x, y) } else { (y, x) };
    let xh = x * x;
    let xl = libm::fma(x, x, -xh);
    let yh = y * y;
    let yl = libm::fma(y, y, -yh);
    // xh is in [0.25, 2]: xh - 1 is exact when xh >= 0.5.
    let (a, ae) = if xh >= 0.5 {
        (xh - 1.0, 0.0)
    } else {
        two_sum(xh, -1.0)
    };
    let (s, se) = two_sum(a, yh);
    s + (se + ae + xl + yl)
}

fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `cabs`: `hypot`, infinite if either part is infinite (even with a NaN).
pub(crate) fn cabs(x: f64, y: f64) -> f64 {
    if is_inf(x) || is_inf(y) {
        f64::INFINITY
    } else {
        libm::hypot(x, y)
    }
}

/// `exp(x) * c` without overflowing early for `x` up to about 1419: the
/// factor goes between two halves of the exponential. With `half`, the
/// result is halved (for `cosh`/`sinh` of large arguments) before it can
/// overflow or underflow.
fn exp_mul(x: f64, c: f64, half: bool) -> f64 {
    let h = if half { 0.5 } else { 1.0 };
    if x < 709.0 {
        (libm::exp(x) * c) * h
    } else {
        let t = libm::exp(x * 0.5);
        ((t * c) * h) * t
    }
}

pub(crate) fn cexp(x: f64, y: f64) -> C {
    if y == 0.0 {
        return (libm::exp(x), y);
    }
    if x.is_nan() {
        return (x, x);
    }
    if !y.is_finite() {
        if x == f64::INFINITY {
            return (x, f64::NAN);
        }
        if x == f64::NEG_INFINITY {
            return (0.0, copysign(0.0, y));
        }
        return (f64::NAN, f64::NAN);
    }
    let (s, c) = sincos(y);
    if is_inf(x) {
        if x > 0.0 {
            return (x * c, x * s);
        }
        return (copysign(0.0, c), copysign(0.0, s));
    }
    (exp_mul(x, c, false), exp_mul(x, s, false))
}

pub(crate) fn clog(x: f64, y: f64) -> C {
    let im = libm::atan2(y, x);
    if is_inf(x) || is_inf(y) {
        return (f64::INFINITY, im);
    }
    if x.is_nan() || y.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 && y == 0.0 {
        return (f64::NEG_INFINITY, im);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let (ax, ay) = if ax >= ay { (ax, ay) } else { (ay, ax) };
    let re = if ax > f64::MAX * 0.5 {
        libm::log(libm::hypot(ax * 0.5, ay * 0.5)) + LN_2
    } else if ax < 1e-300 {
        // hypot would lose precision in the subnormal range.
        let k = libm::ldexp(1.0, 600);
        libm::log(libm::hypot(ax * k, ay * k)) - 600.0 * LN_2
    } else if ax == 1.0 {
        0.5 * libm::log1p(ay * ay)
    } else if (0.5..=1.5).contains(&ax) && ay < 1.5 && {
        let h = ax * ax + ay * ay;
        (0.5..=2.0).contains(&h)
    } {
        0.5 * libm::log1p(x2y2m1(ax, ay))
    } else {
        libm::log(libm::hypot(ax, ay))
    };
    (re, im)
}

pub(crate) fn cproj(x: f64, y: f64) -> C {
    if is_inf(x) || is_inf(y) {
        (f64::INFINITY, copysign(0.0, y))
    } else {
        (x, y)
    }
}

pub(crate) fn csqrt(x: f64, y: f64) -> C {
    if is_inf(y) {
        return (f64::INFINITY, y);
    }
    if x.is_nan() {
        return (x, x);
    }
    if x == f64::INFINITY {
        return (x, if y.is_nan() { y } else { copysign(0.0, y) });
    }
    if x == f64::NEG_INFINITY {
        if y.is_nan() {
            return (y, f64::INFINITY);
        }
        return (0.0, copysign(f64::INFINITY, y));
    }
    if y.is_nan() {
        return (y, y);
    }
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    // Scale out of the overflow and subnormal ranges by even powers of 2.
    let m = x.abs().max(y.abs());
    let (sx, sy, back) = if m > f64::MAX / 4.0 {
        (x * 0.25, y * 0.25, 2.0)
    } else if m < f64::MIN_POSITIVE * 4.0 {
        let k = libm::ldexp(1.0, 108);
        (x * k, y * k, libm::ldexp(1.0, -54))
    } else {
        (x, y, 1.0)
    };
    let t = libm::sqrt((sx.abs() + libm::hypot(sx, sy)) * 0.5);
    if sx >= 0.0 {
        (t * back, sy / (2.0 * t) * back)
    } else {
        (sy.abs() / (2.0 * t) * back, copysign(t, sy) * back)
    }
}

pub(crate) fn csinh(x: f64, y: f64) -> C {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return (libm::sinh(x), y);
        }
        let (s, c) = sincos(y);
        if x.abs() < 20.0 {
            return (libm::sinh(x) * c, libm::cosh(x) * s);
        }
        let ax = x.abs();
        // cosh(x) = sinh(|x|) = exp(|x|)/2 to double precision here.
        return (
            exp_mul(ax, c, true) * copysign(1.0, x),
            exp_mul(ax, s, true),
        );
    }
    if x == 0.0 {
        return (x, f64::NAN);
    }
    if y == 0.0 {
        return (x, y);
    }
    if is_inf(x) {
        if y.is_finite() {
            let (s, c) = sincos(y);
            return (x * c, f64::INFINITY * s);
        }
        return (f64::INFINITY, f64::NAN);
    }
    (f64::NAN, f64::NAN)
}

pub(crate) fn ccosh(x: f64, y: f64) -> C {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return (libm::cosh(x), copysign(0.0, x) * y);
        }
        let (s, c) = sincos(y);
        if x.abs() < 20.0 {
            return (libm::cosh(x) * c, libm::sinh(x) * s);
        }
        let ax = x.abs();
        return (
            exp_mul(ax, c, true),
            exp_mul(ax, s, true) * copysign(1.0, x),
        );
    }
    if x == 0.0 {
        return (f64::NAN, copysign(0.0, x) * copysign(0.0, y));
    }
    if y == 0.0 {
        return (x * x, copysign(0.0, x) * y);
    }
    if is_inf(x) {
        if y.is_finite() {
            let (s, c) = sincos(y);
            return (f64::INFINITY * c, x * s);
        }
        return (f64::INFINITY, f64::NAN);
    }
    (f64::NAN, f64::NAN)
}

pub(crate) fn ctanh(x: f64, y: f64) -> C {
    if is_inf(x) {
        let im = if y.is_finite() {
            let (s, c) = sincos(y);
            copysign(0.0, s * c)
        } else {
            copysign(0.0, y)
        };
        return (copysign(1.0, x), im);
    }
    if x.is_nan() {
        return (x, if y == 0.0 { y } else { x });
    }
    if !y.is_finite() {
        if x == 0.0 {
            return (x, f64::NAN);
        }
        return (f64::NAN, f64::NAN);
    }
    let (s, c) = sincos(y);
    if x.abs() > 22.0 {
        // tanh(x) rounds to +-1; the imaginary part is 4 sin y cos y e^(-2|x|).
        let e = libm::exp(-2.0 * x.abs());
        return (copysign(1.0, x), 4.0 * s * c * e);
    }
    let sh = libm::sinh(x);
    let ch = libm::cosh(x);
    let den = sh * sh + c * c;
    (sh * ch / den, s * c / den)
}

/// The real and imaginary parts of `asin(x + iy)` for `x, y >= 0` finite
/// (Hull, Fairgrieve and Tang's algorithm), also giving `acos`'s real part.
/// Returns `(asin_re, acos_re, im)` where `im >= 0` is `asin`'s imaginary part.
fn asin_acos(x: f64, y: f64) -> (f64, f64, f64) {
    const BIG: f64 = 1e150;
    const TINY: f64 = 1e-150;
    if x > BIG || y > BIG {
        let im = if x > f64::MAX * 0.25 || y > f64::MAX * 0.25 {
            libm::log(libm::hypot(x * 0.5, y * 0.5)) + 2.0 * LN_2
        } else {
            libm::log(libm::hypot(x, y)) + LN_2
        };
        return (libm::atan2(x, y), libm::atan2(y, x), im);
    }
    if x < 1e-9 && y < 1e-9 {
        return (x, FRAC_PI_2 - x, y);
    }
    if y < TINY {
        // y*y would underflow: first-order forms in y.
        if x < 1.0 {
            let d = libm::sqrt((1.0 - x) * (1.0 + x));
            return (libm::asin(x), libm::acos(x), y / d);
        }
        if x == 1.0 {
            let r = libm::sqrt(y);
            return (FRAC_PI_2 - r, r, r);
        }
        let im = libm::log1p((x - 1.0) + libm::sqrt((x - 1.0) * (x + 1.0)));
        let d = libm::sqrt((x - 1.0) * (x + 1.0));
        return (FRAC_PI_2 - y / d, y / d, im);
    }
    let r = libm::hypot(x + 1.0, y);
    let s = libm::hypot(x - 1.0, y);
    let a = 0.5 * (r + s);
    let b = x / a;
    let y2 = y * y;
    const BCROSS: f64 = 0.6417;
    let (asin_re, acos_re) = if b <= BCROSS {
        (libm::asin(b), libm::acos(b))
    } else if x <= 1.0 {
        let d = libm::sqrt(0.5 * (a + x) * (y2 / (r + (x + 1.0)) + (s + (1.0 - x))));
        (libm::atan(x / d), libm::atan(d / x))
    } else {
        let ax = a + x;
        let d = y * libm::sqrt(0.5 * (ax / (r + (x + 1.0)) + ax / (s + (x - 1.0))));
        (libm::atan(x / d), libm::atan(d / x))
    };
    const ACROSS: f64 = 1.5;
    let im = if a <= ACROSS {
        let am1 = if x < 1.0 {
            0.5 * (y2 / (r + (x + 1.0)) + y2 / (s + (1.0 - x)))
        } else {
            0.5 * (y2 / (r + (x + 1.0)) + (s + (x - 1.0)))
        };
        libm::log1p(am1 + libm::sqrt(am1 * (a + 1.0)))
    } else {
        libm::log(a + libm::sqrt(a * a - 1.0))
    };
    (asin_re, acos_re, im)
}

pub(crate) fn casinh(x: f64, y: f64) -> C {
    // asinh(x + iy) = (asin_im(|y|, |x|)..., ) via asinh(z) = -i asin(iz).
    if x.is_nan() {
        if is_inf(y) {
            return (f64::INFINITY, x);
        }
        if y == 0.0 {
            return (x, y);
        }
        return (x, x);
    }
    if is_inf(x) {
        let im = if y.is_nan() {
            y
        } else if is_inf(y) {
            copysign(FRAC_PI_4, y)
        } else {
            copysign(0.0, y)
        };
        return (x, im);
    }
    if y.is_nan() {
        return (y, y);
    }
    if is_inf(y) {
        return (copysign(f64::INFINITY, x), copysign(FRAC_PI_2, y));
    }
    // asin(|y| + i|x|) = (a, b); asinh(|x| + i|y|) = (b, a).
    let (a, _, b) = asin_acos(y.abs(), x.abs());
    (copysign(b, x), copysign(a, y))
}

pub(crate) fn casin(x: f64, y: f64) -> C {
    if is_inf(x) && y.is_nan() {
        return (y, f64::INFINITY);
    }
    // asin(z) = -i asinh(iz).
    let (a, b) = casinh(-y, x);
    (b, -a)
}

pub(crate) fn cacos(x: f64, y: f64) -> C {
    if x.is_nan() {
        if is_inf(y) {
            return (x, -y);
        }
        return (x, x);
    }
    if is_inf(x) {
        if y.is_nan() {
            return (y, f64::NEG_INFINITY);
        }
        let re = if is_inf(y) {
            if x > 0.0 { FRAC_PI_4 } else { 3.0 * FRAC_PI_4 }
        } else if x > 0.0 {
            0.0
        } else {
            PI
        };
        return (re, copysign(f64::INFINITY, -y));
    }
    if is_inf(y) {
        return (FRAC_PI_2, -y);
    }
    if y.is_nan() {
        if x == 0.0 {
            return (FRAC_PI_2, y);
        }
        return (y, y);
    }
    let (_, a, b) = asin_acos(x.abs(), y.abs());
    let re = if x < 0.0 { PI - a } else { a };
    (re, copysign(b, -y))
}

pub(crate) fn cacosh(x: f64, y: f64) -> C {
    let (a, b) = cacos(x, y);
    if y.is_nan() && x.is_finite() && x != 0.0 {
        return (a, a);
    }
    (b.abs(), copysign(a, y))
}

pub(crate) fn catanh(x: f64, y: f64) -> C {
    if x.is_nan() {
        if is_inf(y) {
            return (copysign(0.0, x), copysign(FRAC_PI_2, y));
        }
        return (x, x);
    }
    if is_inf(x) || is_inf(y) {
        let im = if y.is_nan() {
            y
        } else {
            copysign(FRAC_PI_2, y)
        };
        return (copysign(0.0, x), im);
    }
    if y.is_nan() {
        if x == 0.0 {
            return (x, y);
        }
        return (y, y);
    }
    let (ax, ay) = (x.abs(), y.abs());
    if ax > 1e150 || ay > 1e150 {
        // atanh(z) = 1/z + O(1/z^3): the real part is x/|z|^2.
        let re = if ax >= ay {
            1.0 / (ax + ay * (ay / ax))
        } else {
            (ax / ay) / (ay + ax * (ax / ay))
        };
        return (copysign(re, x), copysign(FRAC_PI_2, y));
    }
    if ax < 1e-9 && ay < 1e-9 {
        return (x, y);
    }
    let t = 1.0 - ax;
    let den = t * t + ay * ay;
    let re = if den < 1e-200 {
        0.5 * (libm::log(libm::hypot(1.0 + ax, ay)) - libm::log(libm::hypot(t, ay)))
    } else {
        0.25 * libm::log1p(4.0 * ax / den)
    };
    let h = ax * ax + ay * ay;
    let d = if (0.5..=2.0).contains(&h) {
        -x2y2m1(ax, ay)
    } else {
        (1.0 - ax) * (1.0 + ax) - ay * ay
    };
    let d = if d == 0.0 { 0.0 } else { d };
    let im = 0.5 * libm::atan2(2.0 * ay, d);
    (copysign(re, x), copysign(im, y))
}

pub(crate) fn catan(x: f64, y: f64) -> C {
    // atan(z) = -i atanh(iz).
    let (a, b) = catanh(-y, x);
    (b, -a)
}

pub(crate) fn csin(x: f64, y: f64) -> C {
    if !x.is_finite() && is_inf(y) {
        return (f64::NAN, f64::INFINITY);
    }
    // sin(z) = -i sinh(iz).
    let (a, b) = csinh(-y, x);
    (b, -a)
}

pub(crate) fn ccos(x: f64, y: f64) -> C {
    // cos(z) = cosh(iz).
    ccosh(-y, x)
}

pub(crate) fn ctan(x: f64, y: f64) -> C {
    // tan(z) = -i tanh(iz).
    let (a, b) = ctanh(-y, x);
    (b, -a)
}

/// C's complex multiplication (Annex G.5.1): the textbook product, with
/// infinities recovered when it gives NaN in both parts.
pub(crate) fn cmul((a, b): C, (c, d): C) -> C {
    let (ac, bd, ad, bc) = (a * c, b * d, a * d, b * c);
    let (x, y) = (ac - bd, ad + bc);
    if !(x.is_nan() && y.is_nan()) {
        return (x, y);
    }
    let (mut a, mut b, mut c, mut d) = (a, b, c, d);
    let mut recalc = false;
    let box_ = |v: f64| copysign(if is_inf(v) { 1.0 } else { 0.0 }, v);
    let unnan = |v: f64| if v.is_nan() { copysign(0.0, v) } else { v };
    if is_inf(a) || is_inf(b) {
        a = box_(a);
        b = box_(b);
        c = unnan(c);
        d = unnan(d);
        recalc = true;
    }
    if is_inf(c) || is_inf(d) {
        c = box_(c);
        d = box_(d);
        a = unnan(a);
        b = unnan(b);
        recalc = true;
    }
    if !recalc && (is_inf(ac) || is_inf(bd) || is_inf(ad) || is_inf(bc)) {
        a = unnan(a);
        b = unnan(b);
        c = unnan(c);
        d = unnan(d);
        recalc = true;
    }
    if recalc {
        let inf = f64::INFINITY;
        return (inf * (a * c - b * d), inf * (a * d + b * c));
    }
    (x, y)
}

/// `cpow(x, y) = cexp(y * clog(x))`, as glibc computes it.
pub(crate) fn cpow(x: C, y: C) -> C {
    let l = clog(x.0, x.1);
    let (a, b) = cmul(y, l);
    cexp(a, b)
}
