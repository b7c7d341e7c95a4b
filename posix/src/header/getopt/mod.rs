//! `getopt.h`: command-line option parsing, `getopt` (also declared in
//! `unistd.h`), and the GNU/BSD `getopt_long` and `getopt_long_only`.
//!
//! Behaviour follows wasi-libc (musl): `getopt` never permutes and stops at
//! the first non-option; `getopt_long` moves the options it consumes in
//! front of the non-options it skipped (unless `optstring` starts with `+`
//! or `-`); `optind = 0` or `optreset = 1` restarts the scan. Diagnostics
//! go to stderr as `argv[0]: message: option` unless `opterr` is 0 or
//! `optstring` starts with `:`.

use crate::platform::{c_char, c_int};
use libc_core::{Pal, Sys};

/// The argument of the option just returned (or NULL).
#[unsafe(no_mangle)]
pub static mut optarg: *mut c_char = core::ptr::null_mut();
/// Index of the next element of `argv` to look at.
#[unsafe(no_mangle)]
pub static mut optind: c_int = 1;
/// Nonzero: print diagnostics to stderr.
#[unsafe(no_mangle)]
pub static mut opterr: c_int = 1;
/// The option character that caused the last error.
#[unsafe(no_mangle)]
pub static mut optopt: c_int = 0;
/// Set to 1 to restart scanning (BSD).
#[unsafe(no_mangle)]
pub static mut optreset: c_int = 0;

/// Position inside the current `argv` element (grouped short options).
static mut GETOPT_POS: usize = 0;

/// `no_argument`: the long option takes no argument.
#[allow(non_upper_case_globals)]
pub const no_argument: c_int = 0;
/// `required_argument`: `--name=value` or `--name value`.
#[allow(non_upper_case_globals)]
pub const required_argument: c_int = 1;
/// `optional_argument`: only `--name=value`.
#[allow(non_upper_case_globals)]
pub const optional_argument: c_int = 2;

/// A long option for [`getopt_long`].
#[repr(C)]
pub struct option {
    /// The name without the leading dashes.
    pub name: *const c_char,
    /// `no_argument`, `required_argument` or `optional_argument`.
    pub has_arg: c_int,
    /// If not NULL, `*flag = val` and `getopt_long` returns 0.
    pub flag: *mut c_int,
    /// What to return (or store in `*flag`).
    pub val: c_int,
}

/// Writes `argv0`, `msg`, the option text and a newline to stderr.
///
/// # Safety
/// `argv0` NULL or NUL-terminated; `opt` valid for `len` bytes.
unsafe fn complain(argv0: *const c_char, msg: &[u8], opt: *const c_char, len: usize) {
    if !argv0.is_null() {
        // SAFETY: NUL-terminated (caller contract).
        let a = unsafe { core::ffi::CStr::from_ptr(argv0) }.to_bytes();
        let _ = Sys::write(2, a);
    }
    let _ = Sys::write(2, msg);
    // SAFETY: caller contract.
    let _ = Sys::write(2, unsafe {
        core::slice::from_raw_parts(opt.cast::<u8>(), len)
    });
    let _ = Sys::write(2, b"\n");
}

/// Byte `i` of a C string.
///
/// # Safety
/// `s + i` readable.
#[inline]
unsafe fn at(s: *const c_char, i: usize) -> u8 {
    // SAFETY: caller contract.
    unsafe { *s.add(i) as u8 }
}

/// Restarts the scan on `optind == 0` or `optreset`; true when there is
/// nothing left (`optind >= argc` or `argv[optind]` NULL).
///
/// # Safety
/// `argv` has `argc` elements plus the NULL.
unsafe fn start(argc: c_int, argv: *const *mut c_char) -> bool {
    // SAFETY: single-threaded access to the getopt globals; argv per contract.
    unsafe {
        if optind == 0 || optreset != 0 {
            optreset = 0;
            GETOPT_POS = 0;
            optind = 1;
        }
        optind >= argc || (*argv.add(optind as usize)).is_null()
    }
}

/// [getopt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getopt.html)
///
/// # Safety
/// `argv` has `argc` NUL-terminated strings (then NULL); `optstring`
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
) -> c_int {
    // SAFETY: caller contract; the globals are only used single-threaded.
    unsafe {
        if start(argc, argv) {
            return -1;
        }
        let arg = *argv.add(optind as usize);
        if at(arg, 0) != b'-' {
            if at(optstring, 0) == b'-' {
                optarg = arg;
                optind += 1;
                return 1;
            }
            return -1;
        }
        if at(arg, 1) == 0 {
            return -1;
        }
        if at(arg, 1) == b'-' && at(arg, 2) == 0 {
            optind += 1;
            return -1;
        }
        if GETOPT_POS == 0 {
            GETOPT_POS = 1;
        }
        let optchar = arg.add(GETOPT_POS);
        let c = at(arg, GETOPT_POS);
        GETOPT_POS += 1;
        if at(arg, GETOPT_POS) == 0 {
            optind += 1;
            GETOPT_POS = 0;
        }
        let mut opts = optstring;
        if matches!(at(opts, 0), b'-' | b'+') {
            opts = opts.add(1);
        }
        let mut i = 0;
        while at(opts, i) != 0 && at(opts, i) != c {
            i += 1;
        }
        if at(opts, i) == 0 || c == b':' {
            optopt = c as c_int;
            if at(opts, 0) != b':' && opterr != 0 {
                complain(*argv, b": unrecognized option: ", optchar, 1);
            }
            return b'?' as c_int;
        }
        if at(opts, i + 1) == b':' {
            optarg = core::ptr::null_mut();
            if at(opts, i + 2) != b':' || GETOPT_POS != 0 {
                optarg = (*argv.add(optind as usize)).wrapping_add(GETOPT_POS);
                optind += 1;
                GETOPT_POS = 0;
            }
            if optind > argc {
                optopt = c as c_int;
                if at(opts, 0) == b':' {
                    return b':' as c_int;
                }
                if opterr != 0 {
                    complain(*argv, b": option requires an argument: ", optchar, 1);
                }
                return b'?' as c_int;
            }
        }
        c as c_int
    }
}

/// [getopt_long](https://man7.org/linux/man-pages/man3/getopt_long.3.html)
///
/// # Safety
/// As [`getopt`]; `longopts` NULL or an array ended by an all-zero entry;
/// `longindex` NULL or writable. The elements of `argv` may be reordered.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    longindex: *mut c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { long(argc, argv, optstring, longopts, longindex, false) }
}

/// [getopt_long_only](https://man7.org/linux/man-pages/man3/getopt_long.3.html):
/// also `-name` for long options (a single-character `-x` that is also a
/// short option stays the short option).
///
/// # Safety
/// As [`getopt_long`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long_only(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    longindex: *mut c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { long(argc, argv, optstring, longopts, longindex, true) }
}

/// Moves `argv[src]` to `argv[dest]`, shifting the elements between up.
///
/// # Safety
/// `dest <= src < argc`.
unsafe fn rotate(argv: *const *mut c_char, dest: usize, src: usize) {
    let av = argv as *mut *mut c_char;
    // SAFETY: caller contract (argv is writable for getopt_long callers).
    unsafe {
        let tmp = *av.add(src);
        let mut i = src;
        while i > dest {
            *av.add(i) = *av.add(i - 1);
            i -= 1;
        }
        *av.add(dest) = tmp;
    }
}

/// The permuting driver of `getopt_long` and `getopt_long_only`.
///
/// # Safety
/// As [`getopt_long`].
unsafe fn long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    idx: *mut c_int,
    longonly: bool,
) -> c_int {
    // SAFETY: forwarded contract; single-threaded globals.
    unsafe {
        if start(argc, argv) {
            return -1;
        }
        let skipped = optind;
        if !matches!(at(optstring, 0), b'+' | b'-') {
            let mut i = optind;
            loop {
                if i >= argc || (*argv.add(i as usize)).is_null() {
                    return -1;
                }
                let a = *argv.add(i as usize);
                if at(a, 0) == b'-' && at(a, 1) != 0 {
                    break;
                }
                i += 1;
            }
            optind = i;
        }
        let resumed = optind;
        let ret = long_core(argc, argv, optstring, longopts, idx, longonly);
        if resumed > skipped {
            let cnt = optind - resumed;
            for _ in 0..cnt {
                rotate(argv, skipped as usize, optind as usize - 1);
            }
            optind = skipped + cnt;
        }
        ret
    }
}

/// Parses one long option at `argv[optind]` or falls back to [`getopt`].
///
/// # Safety
/// As [`getopt_long`], with `argv[optind]` a string.
unsafe fn long_core(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    idx: *mut c_int,
    longonly: bool,
) -> c_int {
    // SAFETY: forwarded contract; single-threaded globals.
    unsafe {
        optarg = core::ptr::null_mut();
        let cur = *argv.add(optind as usize);
        let is_long = at(cur, 0) == b'-'
            && ((longonly && at(cur, 1) != 0 && at(cur, 1) != b'-')
                || (at(cur, 1) == b'-' && at(cur, 2) != 0));
        if longopts.is_null() || !is_long {
            return getopt(argc, argv, optstring);
        }
        let skip = matches!(at(optstring, 0), b'+' | b'-') as usize;
        let colon = at(optstring, skip) == b':';
        let start = cur.add(1);
        let (mut cnt, mut matched) = (0, 0usize);
        let mut arg = start;
        let mut i = 0usize;
        while !(*longopts.add(i)).name.is_null() {
            let mut name = (*longopts.add(i)).name;
            let mut opt = start;
            if *opt as u8 == b'-' {
                opt = opt.add(1);
            }
            while *opt != 0 && *opt as u8 != b'=' && *opt == *name {
                name = name.add(1);
                opt = opt.add(1);
            }
            if *opt != 0 && *opt as u8 != b'=' {
                i += 1;
                continue;
            }
            arg = opt;
            matched = i;
            if *name == 0 {
                cnt = 1;
                break;
            }
            cnt += 1;
            i += 1;
        }
        if cnt == 1 && longonly && arg.offset_from(start) == 1 {
            // `-x` that is also a short option: the short option wins.
            let c = at(start, 0);
            let mut j = 0;
            while at(optstring, j) != 0 {
                if at(optstring, j) == c {
                    cnt += 1;
                    break;
                }
                j += 1;
            }
        }
        if cnt == 1 {
            let o = &*longopts.add(matched);
            let name_len = core::ffi::CStr::from_ptr(o.name).to_bytes().len();
            optind += 1;
            if *arg as u8 == b'=' {
                if o.has_arg == no_argument {
                    optopt = o.val;
                    if colon || opterr == 0 {
                        return b'?' as c_int;
                    }
                    complain(
                        *argv,
                        b": option does not take an argument: ",
                        o.name,
                        name_len,
                    );
                    return b'?' as c_int;
                }
                optarg = arg.add(1);
            } else if o.has_arg == required_argument {
                optarg = *argv.add(optind as usize);
                if optarg.is_null() {
                    optopt = o.val;
                    if colon {
                        return b':' as c_int;
                    }
                    if opterr == 0 {
                        return b'?' as c_int;
                    }
                    complain(*argv, b": option requires an argument: ", o.name, name_len);
                    return b'?' as c_int;
                }
                optind += 1;
            }
            if !idx.is_null() {
                *idx = matched as c_int;
            }
            if !o.flag.is_null() {
                *o.flag = o.val;
                return 0;
            }
            return o.val;
        }
        if at(cur, 1) == b'-' {
            optopt = 0;
            if !colon && opterr != 0 {
                let rest = cur.add(2);
                let len = core::ffi::CStr::from_ptr(rest).to_bytes().len();
                let msg: &[u8] = if cnt != 0 {
                    b": option is ambiguous: "
                } else {
                    b": unrecognized option: "
                };
                complain(*argv, msg, rest, len);
            }
            optind += 1;
            return b'?' as c_int;
        }
        getopt(argc, argv, optstring)
    }
}
