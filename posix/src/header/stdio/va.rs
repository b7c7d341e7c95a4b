//! Reading C variadic arguments on wasm32.
//!
//! The caller spills the `...` arguments into a buffer in linear memory,
//! each at its own alignment (`int`/`long`/pointers 4, `long long`/`double`
//! 8, `long double` 16), and passes one pointer to it; a `va_list` is a
//! pointer into that buffer. [`VaList`] walks it sequentially; [`Args`] adds
//! POSIX positional access (`%2$d`) on top, by first recording the type of
//! every numbered argument and then computing where each one lives.

/// How an argument is laid out in the buffer. The order gives the size
/// (see [`Class::size`]).
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not (yet) seen in the format.
    None,
    /// 4 bytes: `int` (and promoted `char`/`short`), `long`, pointers, `size_t`.
    I32,
    /// 8 bytes: `long long`, `intmax_t`.
    I64,
    /// 8 bytes: `double` (and promoted `float`).
    F64,
    /// 16 bytes aligned to 16: `long double` (IEEE binary128).
    F128,
}

impl Class {
    /// Size and alignment, from the declaration order: 4 (`None`, `I32`),
    /// 8 (`I64`, `F64`) or 16 (`F128`).
    #[inline]
    fn size(self) -> usize {
        4 << (self as usize >> 1)
    }
}

/// A cursor over the variadic-argument buffer (a C `va_list`).
#[derive(Copy, Clone)]
pub(crate) struct VaList(pub *const u8);

impl VaList {
    /// The address of the next argument of class `c`, advancing past it.
    #[inline]
    fn take(&mut self, c: Class) -> *const u8 {
        let size = c.size();
        let p = (self.0 as usize + size - 1) & !(size - 1);
        self.0 = (p + size) as *const u8;
        p as *const u8
    }
}

/// Highest argument number usable in `%n$` conversions (`NL_ARGMAX`).
pub(crate) const NL_ARGMAX: usize = 32;

/// The arguments of one printf/scanf call, sequential or positional.
pub(crate) struct Args {
    seq: VaList,
    mode: Mode,
    /// The class of each numbered argument (1-based): recorded in collect
    /// mode, where positional mode finds each argument.
    types: [Class; NL_ARGMAX],
    /// Collect mode saw an argument number above `NL_ARGMAX`.
    pub(crate) too_many: bool,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    Sequential,
    /// Records argument classes, reads nothing (every read gives 0).
    Collect,
    Positional,
}

impl Args {
    pub(crate) fn new(ap: VaList) -> Self {
        Args {
            seq: ap,
            mode: Mode::Sequential,
            types: [Class::None; NL_ARGMAX],
            too_many: false,
        }
    }

    /// Still reading arguments in order (no `%n$` seen yet).
    pub(crate) fn sequential(&self) -> bool {
        self.mode == Mode::Sequential
    }

    /// Collect mode: reads record the class of the argument they name and
    /// return 0, until [`Args::positional`] turns what was recorded into
    /// addresses. (printf walks a positional format once in this mode.)
    pub(crate) fn collect(&mut self) {
        self.mode = Mode::Collect;
    }

    /// Switches to positional mode: `types[i]` is the class of argument
    /// `i + 1` (the recorded ones when `types` is `None`); gaps are read
    /// as `int`.
    pub(crate) fn positional(&mut self, types: Option<&[Class; NL_ARGMAX]>) {
        if let Some(t) = types {
            self.types = *t;
        }
        self.mode = Mode::Positional;
    }

    /// Address of the next argument (`n == 0`) or of argument `n`; null
    /// for an argument that cannot be read (0 is read instead).
    /// Positional mode walks the buffer from the start: the arguments
    /// before `n` are few, and this needs no table of addresses.
    #[inline(never)]
    fn addr(&mut self, c: Class, n: usize) -> *const u8 {
        let i = n.wrapping_sub(1);
        match self.mode {
            Mode::Sequential => self.seq.take(c),
            Mode::Collect => {
                match self.types.get_mut(i) {
                    Some(t) => *t = c,
                    None => self.too_many = true,
                }
                core::ptr::null()
            }
            Mode::Positional => {
                let mut cur = self.seq;
                let mut p = core::ptr::null();
                if n <= NL_ARGMAX {
                    for &t in self.types.iter().take(n) {
                        p = cur.take(t);
                        if t == Class::None {
                            // Never recorded: not read.
                            p = core::ptr::null();
                        }
                    }
                }
                p
            }
        }
    }

    /// Reads an integer argument: 8 bytes if `big`, else 4 (zero-extended).
    ///
    /// # Safety
    /// The call's arguments must match the format (the C contract).
    #[inline(never)]
    pub(crate) unsafe fn int(&mut self, n: usize, big: bool) -> u64 {
        let p = self.addr(if big { Class::I64 } else { Class::I32 }, n);
        // SAFETY: the caller passed an argument of that size here; a missing
        // positional argument reads as 0.
        unsafe {
            if big {
                read_or_zero(p)
            } else {
                read_or_zero::<u32>(p) as u64
            }
        }
    }

    /// Reads a `double` argument.
    ///
    /// # Safety
    /// As for [`Args::int`].
    pub(crate) unsafe fn f64(&mut self, n: usize) -> u64 {
        let p = self.addr(Class::F64, n);
        // SAFETY: as above.
        unsafe { read_or_zero(p) }
    }

    /// Reads a `long double` argument as its 128 bits.
    ///
    /// # Safety
    /// As for [`Args::int`].
    pub(crate) unsafe fn f128(&mut self, n: usize) -> u128 {
        let p = self.addr(Class::F128, n);
        // SAFETY: as above.
        unsafe { read_or_zero(p) }
    }

    /// Reads a pointer argument.
    ///
    /// # Safety
    /// As for [`Args::int`].
    pub(crate) unsafe fn ptr<T>(&mut self, n: usize) -> *mut T {
        // SAFETY: pointers are 4 bytes on wasm32.
        unsafe { self.int(n, false) as usize as *mut T }
    }
}

/// # Safety
/// `p` is null or valid for reading a `T` (any alignment).
#[inline]
unsafe fn read_or_zero<T: Default>(p: *const u8) -> T {
    if p.is_null() {
        T::default()
    } else {
        // SAFETY: caller contract.
        unsafe { core::ptr::read_unaligned(p.cast::<T>()) }
    }
}
