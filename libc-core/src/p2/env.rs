//! The environment and the arguments on WASI 0.2: `wasi:cli/environment`
//! `get-environment` and `get-arguments`.
//!
//! Both results are lists of strings that the host allocates through our
//! realloc with nothing parked: the call *collects* (rule 9 of
//! [`crate::slot`]), so only blocks handed out during the call are read,
//! and all of them are freed once the strings are copied out (a host that
//! points elsewhere gets `EIO`, and nothing it names is freed).

use super::abi::cli_environment::{self as env, ret};
use super::{Ret, Sys, host_ptr};
use crate::errno::Errno;
use crate::pal::{PalEnv, Result};
use crate::slot::{self, Collected};

impl PalEnv for Sys {
    fn environ() -> Result<(usize, *mut *mut u8)> {
        // SAFETY: the import writes its result to the area it is given.
        environ_via(|ret| unsafe { env::get_environment(ret) })
    }
}

/// [`PalEnv::environ`] with the import as a parameter (host tests stand in
/// for the host; inlined with the real import in the library).
#[inline(always)]
fn environ_via(import: impl FnOnce(*mut u8)) -> Result<(usize, *mut *mut u8)> {
    use ret::get_environment as r;
    let mut area = Ret::<{ r::BYTES }>::new();
    let c = slot::collect();
    // Nothing is parked, so the list and its strings come from the
    // allocator, recorded by `c`.
    import(area.arm_list(r::LEN));
    // Each tuple<string, string> becomes "KEY=value".
    let parts = [
        (r::ELEM_T0_PTR, r::ELEM_T0_LEN),
        (r::ELEM_T1_PTR, r::ELEM_T1_LEN),
    ];
    let list = List {
        bytes: r::ELEM_BYTES,
        align: r::ELEM_ALIGN,
        parts: &parts,
        sep: b'=',
    };
    list.decode(&c, &area, r::PTR, r::LEN)
}

/// `Pal::args`: `get-arguments`, as `(argc, argv)`.
pub(super) fn arguments() -> Result<(i32, *mut *mut u8)> {
    // SAFETY: the import writes its result to the area it is given.
    arguments_via(|ret| unsafe { env::get_arguments(ret) })
}

/// [`arguments`] with the import as a parameter, as [`environ_via`].
#[inline(always)]
fn arguments_via(import: impl FnOnce(*mut u8)) -> Result<(i32, *mut *mut u8)> {
    use ret::get_arguments as r;
    let mut area = Ret::<{ r::BYTES }>::new();
    let c = slot::collect();
    // As in `environ_via`.
    import(area.arm_list(r::LEN));
    let parts = [(r::ELEM_PTR, r::ELEM_LEN)];
    let list = List {
        bytes: r::ELEM_BYTES,
        align: r::ELEM_ALIGN,
        parts: &parts,
        sep: 0,
    };
    let (argc, argv) = list.decode(&c, &area, r::PTR, r::LEN)?;
    // A list in a 32-bit memory with 8-byte elements has fewer elements.
    Ok((i32::try_from(argc).map_err(|_| Errno::EIO)?, argv))
}

/// The layout of a list whose elements are made of strings, decoded into a
/// NULL-terminated array of C strings (one heap block for the array, one
/// for all the strings).
struct List<'a> {
    /// Size and alignment of one element.
    bytes: usize,
    align: usize,
    /// Each string of an element: offsets of its pointer and length.
    parts: &'a [(usize, usize)],
    /// What joins the parts of an element in its C string.
    sep: u8,
}

impl List<'_> {
    /// Decodes the list whose pointer and length the host wrote at `ptr`
    /// and `len` of `area` (armed with [`Ret::arm_list`]): `(count, array)`.
    fn decode<const N: usize>(
        &self,
        c: &Collected,
        area: &Ret<N>,
        ptr: usize,
        len: usize,
    ) -> Result<(usize, *mut *mut u8)> {
        if area.list_unwritten(len) {
            // No result record (rule 8 of `slot`).
            return Err(Errno::EIO);
        }
        let n = area.u32(len) as usize;
        let spine = c
            .list(area.ptr_at(ptr), n, self.bytes, self.align)
            .ok_or(Errno::EIO)?;
        // First pass: every string is a block of the call with room for
        // its length (else EIO), and the total size, checked.
        let mut size = 0usize;
        for i in 0..n {
            let mut one = self.parts.len(); // separators and the NUL
            for &part in self.parts {
                let (_, l) = self.string(c, spine, i, part)?;
                one = one.checked_add(l).ok_or(Errno::EIO)?;
            }
            size = size.checked_add(one).ok_or(Errno::EIO)?;
        }
        let slots = n
            .checked_add(1)
            .and_then(|m| m.checked_mul(core::mem::size_of::<usize>()))
            .ok_or(Errno::EIO)?;
        let array = crate::heap_alloc(slots, core::mem::align_of::<usize>()) as *mut *mut u8;
        let strs = if size == 0 {
            core::ptr::null_mut() // an empty list: no strings
        } else {
            crate::heap_alloc(size, 1)
        };
        if array.is_null() || (strs.is_null() && size != 0) {
            // SAFETY: null or our blocks.
            unsafe {
                crate::heap_free(array.cast());
                crate::heap_free(strs);
            }
            return Err(Errno::ENOMEM);
        }
        // Second pass: copy, as checked by the first (nothing ran in
        // between, so every lookup succeeds again and the lengths add up to
        // `size`).
        let mut at = 0;
        for i in 0..n {
            // SAFETY: strs has `size` bytes, the sum over all elements of
            // what is written here; array has n + 1 slots.
            unsafe {
                let s = strs.add(at);
                *array.add(i) = s;
                for (k, &part) in self.parts.iter().enumerate() {
                    let Ok((p, l)) = self.string(c, spine, i, part) else {
                        crate::trap() // unreachable: checked by the first pass
                    };
                    core::ptr::copy_nonoverlapping(p, strs.add(at), l);
                    at += l;
                    *strs.add(at) = if k + 1 < self.parts.len() {
                        self.sep
                    } else {
                        0
                    };
                    at += 1;
                }
            }
        }
        // SAFETY: array has n + 1 slots.
        unsafe { *array.add(n) = core::ptr::null_mut() };
        Ok((n, array))
    }

    /// String `part` of element `i` of the checked spine: where to read it
    /// and its length (`EIO` unless it is a block of this call).
    fn string(
        &self,
        c: &Collected,
        spine: *mut u8,
        i: usize,
        (ptr, len): (usize, usize),
    ) -> Result<(*const u8, usize)> {
        // SAFETY: `Collected::list` checked that the spine holds n elements
        // of `bytes`, i < n, and the offsets lie inside an element.
        let (p, l) = unsafe {
            let e = spine.add(i * self.bytes);
            (
                (e.add(ptr) as *const u32).read_unaligned(),
                (e.add(len) as *const u32).read_unaligned() as usize,
            )
        };
        let p = c.list(host_ptr(p), l, 1, 1).ok_or(Errno::EIO)?;
        Ok((p, l))
    }
}

// The element offsets read above lie inside their element.
const _: () = {
    use ret::{get_arguments as a, get_environment as e};
    assert!(e::ELEM_T0_LEN + 4 <= e::ELEM_BYTES && e::ELEM_T1_LEN + 4 <= e::ELEM_BYTES);
    assert!(e::ELEM_T0_PTR + 4 <= e::ELEM_BYTES && e::ELEM_T1_PTR + 4 <= e::ELEM_BYTES);
    assert!(a::ELEM_PTR + 4 <= a::ELEM_BYTES && a::ELEM_LEN + 4 <= a::ELEM_BYTES);
};

#[cfg(test)]
mod tests {
    //! The decoding of `get-environment` and `get-arguments` against fake
    //! hosts, honest and lying (issue 12, bug 3 for these imports).
    use super::super::host_ptrs;
    use super::*;
    use crate::slot::import_realloc;
    use crate::slot::tests::{COLLECTED_FREES, fresh};
    use std::sync::atomic::Ordering::SeqCst;

    /// What the host puts in one string slot of an element.
    #[derive(Clone, Copy)]
    enum S {
        /// An honest string: a fresh block from the realloc.
        Ok(&'static [u8]),
        /// A block from the realloc, reported `extra` bytes longer.
        Long(&'static [u8], u32),
        /// A block from the realloc, the pointer reported `by` bytes in.
        Inside(&'static [u8], usize),
        /// A pointer that is not the realloc's, with a length.
        Foreign(*mut u8, u32),
    }

    /// A block from the guest's realloc holding `bytes`.
    fn block(align: usize, bytes: &[u8]) -> *mut u8 {
        // SAFETY: as a host would: a fresh allocation, then the bytes.
        unsafe {
            let p = import_realloc(core::ptr::null_mut(), 0, align, bytes.len());
            p.copy_from(bytes.as_ptr(), bytes.len());
            p
        }
    }

    fn put(at: *mut u8, v: u32) {
        // SAFETY: `at` is inside a block the test allocated.
        unsafe { (at as *mut u32).write_unaligned(v) }
    }

    /// Stores string `s` at offsets `(ptr, len)` of the element at `e`.
    fn string(e: *mut u8, (ptr, len): (usize, usize), s: S) {
        let (p, l) = match s {
            S::Ok(b) => (block(1, b), b.len() as u32),
            S::Long(b, extra) => (block(1, b), b.len() as u32 + extra),
            // SAFETY: within the block (by <= len).
            S::Inside(b, by) => (unsafe { block(1, b).add(by) }, (b.len() - by) as u32),
            S::Foreign(p, l) => (p, l),
        };
        // SAFETY: the offsets lie inside the element.
        unsafe {
            put(e.add(ptr), host_ptrs::put(p));
            put(e.add(len), l);
        }
    }

    /// A fake `get-environment`: the spine (realloc `(0, 0, 4, 16 n)`,
    /// reported `n + spine_extra` long), then each key and value; `None`
    /// writes no result record.
    fn env_host(pairs: Vec<(S, S)>, spine_extra: u32) -> impl FnOnce(*mut u8) {
        use ret::get_environment as r;
        move |ret| {
            let n = pairs.len();
            let spine = block(r::ELEM_ALIGN, &vec![0u8; n * r::ELEM_BYTES]);
            for (i, (k, v)) in pairs.into_iter().enumerate() {
                // SAFETY: element i of the spine.
                let e = unsafe { spine.add(i * r::ELEM_BYTES) };
                string(e, (r::ELEM_T0_PTR, r::ELEM_T0_LEN), k);
                string(e, (r::ELEM_T1_PTR, r::ELEM_T1_LEN), v);
            }
            // SAFETY: ret is the area of `environ_via`.
            unsafe {
                put(ret.add(r::PTR), host_ptrs::put(spine));
                put(ret.add(r::LEN), n as u32 + spine_extra);
            }
        }
    }

    /// The C strings of a decoded array, and the blocks given back.
    fn strings(n: usize, array: *mut *mut u8) -> Vec<String> {
        // SAFETY: `decode` made n NUL-terminated strings in one block.
        unsafe {
            let v: Vec<String> = (0..n)
                .map(|i| {
                    let s = core::ffi::CStr::from_ptr(*array.add(i) as *const core::ffi::c_char);
                    s.to_str().unwrap().to_string()
                })
                .collect();
            assert!((*array.add(n)).is_null());
            if n > 0 {
                crate::heap_free(*array);
            }
            crate::heap_free(array.cast());
            v
        }
    }

    #[test]
    fn honest_environment_is_decoded_and_every_host_block_freed() {
        let _g = fresh();
        let before = COLLECTED_FREES.load(SeqCst);
        let host = env_host(
            vec![
                (S::Ok(b"HOME"), S::Ok(b"/root")),
                (S::Ok(b"EMPTY"), S::Ok(b"")),
            ],
            0,
        );
        let (n, array) = environ_via(host).unwrap();
        assert_eq!(strings(n, array), ["HOME=/root", "EMPTY="]);
        // The spine and three non-empty strings (the empty one has no block).
        assert_eq!(COLLECTED_FREES.load(SeqCst) - before, 4);
        let (n, array) = environ_via(env_host(vec![], 0)).unwrap();
        assert_eq!(strings(n, array), Vec::<String>::new());
    }

    /// Bug 3 (issue 12) for `get-environment`: the key, value and spine
    /// pointers the host wrote were read and freed unchecked. Each lie is
    /// `EIO`; what the host named is not freed (freeing the static or the
    /// stack buffer would corrupt the heap); the call's own blocks are.
    #[test]
    fn lying_environment_hosts_are_eio_and_nothing_foreign_is_freed() {
        let _g = fresh();
        static STATIC: [u8; 8] = *b"STATIC!!";
        let st = STATIC.as_ptr() as *mut u8;
        let mut stack = [7u8; 16];
        let sp = stack.as_mut_ptr();
        type Case = (&'static str, Vec<(S, S)>, u32);
        let cases: Vec<Case> = vec![
            ("static key", vec![(S::Foreign(st, 6), S::Ok(b"v"))], 0),
            ("stack value", vec![(S::Ok(b"K"), S::Foreign(sp, 4))], 0),
            (
                "null key",
                vec![(S::Foreign(core::ptr::null_mut(), 1), S::Ok(b"v"))],
                0,
            ),
            ("key too long", vec![(S::Long(b"KEY", 1), S::Ok(b"v"))], 0),
            (
                "value inside a block",
                vec![(S::Ok(b"K"), S::Inside(b"value", 1))],
                0,
            ),
            ("spine too short", vec![(S::Ok(b"K"), S::Ok(b"v"))], 1),
        ];
        for (what, pairs, extra) in cases {
            let before = COLLECTED_FREES.load(SeqCst);
            let allocs = crate::stats::get().fallback_allocs;
            assert_eq!(
                environ_via(env_host(pairs, extra)),
                Err(Errno::EIO),
                "{what}"
            );
            let made = crate::stats::get().fallback_allocs - allocs;
            assert_eq!(
                COLLECTED_FREES.load(SeqCst) - before,
                made as usize,
                "{what}"
            );
        }
        assert_eq!(STATIC, *b"STATIC!!");
        assert_eq!(stack, [7u8; 16]);
        // A spine that is not the realloc's.
        let foreign_spine = |ret: *mut u8| {
            put(ret, host_ptrs::put(st));
            // SAFETY: ret is the 8-byte area.
            put(unsafe { ret.add(4) }, 0);
        };
        // An empty list is never read, whatever its pointer.
        assert_eq!(environ_via(foreign_spine).map(|(n, _)| n), Ok(0));
        let foreign_spine = |ret: *mut u8| {
            put(ret, host_ptrs::put(st));
            // SAFETY: ret is the 8-byte area.
            put(unsafe { ret.add(4) }, 1);
        };
        assert_eq!(environ_via(foreign_spine), Err(Errno::EIO));
    }

    /// Bug 5 for these imports: no result record written is `EIO`.
    #[test]
    fn no_result_record_is_eio() {
        let _g = fresh();
        assert_eq!(environ_via(|_| {}), Err(Errno::EIO));
        assert_eq!(arguments_via(|_| {}), Err(Errno::EIO));
    }

    /// A fake `get-arguments`.
    fn args_host(args: Vec<S>) -> impl FnOnce(*mut u8) {
        use ret::get_arguments as r;
        move |ret| {
            let n = args.len();
            let spine = block(r::ELEM_ALIGN, &vec![0u8; n * r::ELEM_BYTES]);
            for (i, a) in args.into_iter().enumerate() {
                // SAFETY: element i of the spine.
                string(
                    unsafe { spine.add(i * r::ELEM_BYTES) },
                    (r::ELEM_PTR, r::ELEM_LEN),
                    a,
                );
            }
            // SAFETY: ret is the area of `arguments_via`.
            unsafe {
                put(ret.add(r::PTR), host_ptrs::put(spine));
                put(ret.add(r::LEN), n as u32);
            }
        }
    }

    #[test]
    fn arguments_honest_and_lying() {
        let _g = fresh();
        let before = COLLECTED_FREES.load(SeqCst);
        let (argc, argv) =
            arguments_via(args_host(vec![S::Ok(b"prog"), S::Ok(b""), S::Ok(b"x y")])).unwrap();
        assert_eq!(strings(argc as usize, argv), ["prog", "", "x y"]);
        assert_eq!(
            COLLECTED_FREES.load(SeqCst) - before,
            3,
            "spine and 2 strings"
        );
        static STATIC: [u8; 4] = *b"argv";
        let st = STATIC.as_ptr() as *mut u8;
        for args in [
            vec![S::Ok(b"prog"), S::Foreign(st, 4)],
            vec![S::Long(b"prog", 100)],
            vec![S::Inside(b"prog", 2)],
            vec![S::Foreign(core::ptr::null_mut(), 0x7FFF_FFFF)],
        ] {
            assert_eq!(arguments_via(args_host(args)), Err(Errno::EIO));
        }
    }

    /// A string the host grows during the call (as in transcoding) is
    /// moved, the old block freed once, the new one freed with the rest.
    #[test]
    fn a_string_resized_during_the_call_is_followed() {
        let _g = fresh();
        use ret::get_arguments as r;
        let before = COLLECTED_FREES.load(SeqCst);
        let (argc, argv) = arguments_via(|ret| {
            let spine = block(r::ELEM_ALIGN, &[0u8; 8]);
            let small = block(1, b"ab");
            // SAFETY: a grow of a block handed out during this call.
            let big = unsafe { import_realloc(small, 2, 1, 5) };
            // SAFETY: big has 5 bytes.
            unsafe { big.add(2).copy_from(b"cde".as_ptr(), 3) };
            string_at(spine, big, 5);
            // SAFETY: ret is the area.
            unsafe {
                put(ret.add(r::PTR), host_ptrs::put(spine));
                put(ret.add(r::LEN), 1);
            }
        })
        .unwrap();
        assert_eq!(strings(argc as usize, argv), ["abcde"]);
        assert_eq!(
            COLLECTED_FREES.load(SeqCst) - before,
            2,
            "spine and the moved string"
        );
    }

    fn string_at(e: *mut u8, p: *mut u8, len: u32) {
        use ret::get_arguments as r;
        // SAFETY: the offsets lie inside the element.
        unsafe {
            put(e.add(r::ELEM_PTR), host_ptrs::put(p));
            put(e.add(r::ELEM_LEN), len);
        }
    }
}
