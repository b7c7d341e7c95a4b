//! The environment on WASI 0.2: `wasi:cli/environment.get-environment`.

use super::abi::cli_environment::{get_environment, ret::get_environment as r};
use super::{Ret, Sys};
use crate::errno::Errno;
use crate::pal::{PalEnv, Result};

impl PalEnv for Sys {
    fn environ() -> Result<(usize, *mut *mut u8)> {
        let mut ret = Ret::<{ r::BYTES }>::new();
        // SAFETY: nothing is parked: the list and strings come from the
        // allocator (the fallback of `cabi_import_realloc`).
        unsafe { get_environment(ret.ptr()) };
        let list = ret.u32(r::PTR) as *const [u32; 4];
        let n = ret.u32(r::LEN) as usize;
        // SAFETY: the host wrote n elements.
        let pairs = unsafe { core::slice::from_raw_parts(list, n) };
        // One block for all "KEY=value\0" strings, one for the array.
        let size: usize = pairs
            .iter()
            .map(|p| p[1] as usize + p[3] as usize + 2)
            .sum();
        let array = crate::heap_alloc((n + 1) * core::mem::size_of::<usize>(), 4) as *mut *mut u8;
        let strs = crate::heap_alloc(size.max(1), 1);
        let ok = !array.is_null() && !strs.is_null();
        let mut at = 0;
        for (i, &[k, klen, v, vlen]) in pairs.iter().enumerate() {
            let (klen, vlen) = (klen as usize, vlen as usize);
            // SAFETY: strs has room for every string; the host wrote klen
            // and vlen bytes at k and v, heap blocks when non-empty.
            unsafe {
                if ok {
                    let s = strs.add(at);
                    core::ptr::copy_nonoverlapping(k as *const u8, s, klen);
                    *s.add(klen) = b'=';
                    core::ptr::copy_nonoverlapping(v as *const u8, s.add(klen + 1), vlen);
                    *s.add(klen + 1 + vlen) = 0;
                    *array.add(i) = s;
                    at += klen + vlen + 2;
                }
                if klen > 0 {
                    crate::heap_free(k as *mut u8);
                }
                if vlen > 0 {
                    crate::heap_free(v as *mut u8);
                }
            }
        }
        if n > 0 {
            // SAFETY: the spine came from the allocator.
            unsafe { crate::heap_free(list as *mut u8) };
        }
        if !ok {
            // SAFETY: null or our blocks.
            unsafe {
                crate::heap_free(array.cast());
                crate::heap_free(strs);
            }
            return Err(Errno::ENOMEM);
        }
        // SAFETY: array has n + 1 slots.
        unsafe { *array.add(n) = core::ptr::null_mut() };
        Ok((n, array))
    }
}
