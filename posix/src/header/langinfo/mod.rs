//! `langinfo.h`: `nl_langinfo` in the "C" and "C.UTF-8" locales. Items
//! are numbered as in wasi-libc (`category << 16 | index`), so programs
//! built against its headers ask for the same strings.

use crate::header::locale::{LC_CTYPE, is_utf8, locale_t};
use crate::platform::c_char;

/// An item number (`int`, defined in `nl_types.h`).
pub use crate::header::nl_types::nl_item;

pub const ABDAY_1: nl_item = 0x20000;
pub const ABDAY_2: nl_item = 0x20001;
pub const ABDAY_3: nl_item = 0x20002;
pub const ABDAY_4: nl_item = 0x20003;
pub const ABDAY_5: nl_item = 0x20004;
pub const ABDAY_6: nl_item = 0x20005;
pub const ABDAY_7: nl_item = 0x20006;
pub const DAY_1: nl_item = 0x20007;
pub const DAY_2: nl_item = 0x20008;
pub const DAY_3: nl_item = 0x20009;
pub const DAY_4: nl_item = 0x2000a;
pub const DAY_5: nl_item = 0x2000b;
pub const DAY_6: nl_item = 0x2000c;
pub const DAY_7: nl_item = 0x2000d;
pub const ABMON_1: nl_item = 0x2000e;
pub const ABMON_2: nl_item = 0x2000f;
pub const ABMON_3: nl_item = 0x20010;
pub const ABMON_4: nl_item = 0x20011;
pub const ABMON_5: nl_item = 0x20012;
pub const ABMON_6: nl_item = 0x20013;
pub const ABMON_7: nl_item = 0x20014;
pub const ABMON_8: nl_item = 0x20015;
pub const ABMON_9: nl_item = 0x20016;
pub const ABMON_10: nl_item = 0x20017;
pub const ABMON_11: nl_item = 0x20018;
pub const ABMON_12: nl_item = 0x20019;
pub const MON_1: nl_item = 0x2001a;
pub const MON_2: nl_item = 0x2001b;
pub const MON_3: nl_item = 0x2001c;
pub const MON_4: nl_item = 0x2001d;
pub const MON_5: nl_item = 0x2001e;
pub const MON_6: nl_item = 0x2001f;
pub const MON_7: nl_item = 0x20020;
pub const MON_8: nl_item = 0x20021;
pub const MON_9: nl_item = 0x20022;
pub const MON_10: nl_item = 0x20023;
pub const MON_11: nl_item = 0x20024;
pub const MON_12: nl_item = 0x20025;
pub const AM_STR: nl_item = 0x20026;
pub const PM_STR: nl_item = 0x20027;
pub const D_T_FMT: nl_item = 0x20028;
pub const D_FMT: nl_item = 0x20029;
pub const T_FMT: nl_item = 0x2002a;
pub const T_FMT_AMPM: nl_item = 0x2002b;
pub const ERA: nl_item = 0x2002c;
pub const ERA_D_FMT: nl_item = 0x2002e;
pub const ALT_DIGITS: nl_item = 0x2002f;
pub const ERA_D_T_FMT: nl_item = 0x20030;
pub const ERA_T_FMT: nl_item = 0x20031;
pub const CODESET: nl_item = 0xe;
pub const CRNCYSTR: nl_item = 0x4000f;
pub const RADIXCHAR: nl_item = 0x10000;
pub const THOUSEP: nl_item = 0x10001;
pub const YESEXPR: nl_item = 0x50000;
pub const NOEXPR: nl_item = 0x50001;
pub const YESSTR: nl_item = 0x50002;
pub const NOSTR: nl_item = 0x50003;

/// `LC_TIME`'s strings in item order (`ABDAY_1` ..= `ERA_T_FMT`). Like
/// wasi-libc, the era items hold the plain formats (so `%Ec` & co. work
/// from them) and `ALT_DIGITS` the ASCII digits.
const TIME: [&core::ffi::CStr; 50] = [
    c"Sun",
    c"Mon",
    c"Tue",
    c"Wed",
    c"Thu",
    c"Fri",
    c"Sat",
    c"Sunday",
    c"Monday",
    c"Tuesday",
    c"Wednesday",
    c"Thursday",
    c"Friday",
    c"Saturday",
    c"Jan",
    c"Feb",
    c"Mar",
    c"Apr",
    c"May",
    c"Jun",
    c"Jul",
    c"Aug",
    c"Sep",
    c"Oct",
    c"Nov",
    c"Dec",
    c"January",
    c"February",
    c"March",
    c"April",
    c"May",
    c"June",
    c"July",
    c"August",
    c"September",
    c"October",
    c"November",
    c"December",
    c"AM",
    c"PM",
    c"%a %b %e %T %Y",
    c"%m/%d/%y",
    c"%H:%M:%S",
    c"%I:%M:%S %p",
    c"",
    c"",
    c"%m/%d/%y",
    c"0123456789",
    c"%a %b %e %T %Y",
    c"%H:%M:%S",
];

/// The string of `item` when `LC_CTYPE` is UTF-8 or not.
fn lookup(item: nl_item, utf8: bool) -> &'static core::ffi::CStr {
    let (cat, idx) = (item >> 16, (item & 0xffff) as usize);
    if idx == 0xffff {
        return if cat == LC_CTYPE && utf8 {
            c"C.UTF-8"
        } else {
            c"C"
        };
    }
    match (cat, idx) {
        (0, 14) => {
            if utf8 {
                c"UTF-8"
            } else {
                c"ASCII"
            }
        }
        (1, 0) => c".",
        (2, i) if i < TIME.len() => TIME[i],
        (5, 0) => c"^[yY]",
        (5, 1) => c"^[nN]",
        (5, 2) => c"yes",
        (5, 3) => c"no",
        _ => c"",
    }
}

/// [nl_langinfo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nl_langinfo.html):
/// `""` for an unknown item.
#[unsafe(no_mangle)]
pub extern "C" fn nl_langinfo(item: nl_item) -> *mut c_char {
    lookup(item, crate::header::locale::utf8()).as_ptr() as *mut c_char
}

/// [nl_langinfo_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nl_langinfo.html)
///
/// # Safety
/// `l` a locale object or `LC_GLOBAL_LOCALE`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nl_langinfo_l(item: nl_item, l: locale_t) -> *mut c_char {
    lookup(item, is_utf8(l)).as_ptr() as *mut c_char
}
