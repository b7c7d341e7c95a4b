//! The environment table behind `environ`, `getenv`, `setenv`, `unsetenv`,
//! `putenv` and `clearenv`.
//!
//! Initialization is lazy: the host's environment is fetched on the first
//! call of any function here ([`PalEnv::environ`]), so a program that never
//! looks at its environment never asks the host for it. A program that
//! refers to the C variable `environ` links the sysroot's `environ.o`,
//! whose constructor calls [`register_c_environ`] before `main`: the table is
//! fetched then and `environ` always points at it afterwards.
//!
//! The C variable is the source of truth when it exists: a program may
//! assign `environ` itself, and every function here first adopts whatever
//! array it points at (copying it before any change).
//!
//! Ownership: the host's strings and `putenv`'s are never freed; strings
//! `setenv` made are freed when replaced or removed.

#[cfg(not(test))]
use crate::Sys;
use crate::errno::Errno;
#[cfg(not(test))]
use crate::pal::PalEnv;
use crate::pal::Result;
use crate::shared::Shared;
use crate::{heap_alloc, heap_free};
use core::ptr::null_mut;

type Str = *mut u8;
const PTR: usize = core::mem::size_of::<usize>();

struct Env {
    loaded: bool,
    /// Null-terminated array of `NAME=value` strings.
    array: *mut Str,
    count: usize,
    /// Capacity of `array` in entries (null included); 0 when the array is
    /// not ours (the program's own) and must be copied before a change.
    cap: usize,
    /// Address of the C variable `environ`, when the program links it.
    c_var: *mut *mut Str,
    /// Strings `setenv` allocated (a heap array of `owned_len` pointers).
    owned: *mut Str,
    owned_len: usize,
    owned_cap: usize,
}

/// Shared by all threads (behind its lock on p1-threads).
static ENV: Shared<Env> = Shared::new(Env {
    loaded: false,
    array: null_mut(),
    count: 0,
    cap: 0,
    c_var: null_mut(),
    owned: null_mut(),
    owned_len: 0,
    owned_cap: 0,
});

/// An empty environment for when the host's cannot be read.
static EMPTY: Shared<[Str; 1]> = Shared::new([null_mut()]);

/// Runs `f` on the table, loaded and in sync with the C variable.
fn with<R>(f: impl FnOnce(&mut Env) -> R) -> R {
    // The lock (p1-threads) is held until we return; `f` calls nothing that
    // comes back here.
    let mut guard = ENV.lock();
    let e = &mut *guard;
    if !e.loaded {
        e.loaded = true;
        match fetch() {
            Ok((count, array)) => {
                e.array = array;
                e.count = count;
                e.cap = count + 1;
            }
            Err(_) => {
                e.array = EMPTY.as_ptr().cast();
                e.count = 0;
                e.cap = 0;
            }
        }
        e.publish();
    }
    e.adopt();
    f(e)
}

/// The host's environment ([`PalEnv::environ`]; a fixed one in host tests,
/// see `tests::fetch`).
#[cfg(not(test))]
fn fetch() -> Result<(usize, *mut Str)> {
    Sys::environ()
}

/// Records the address of the C variable `environ` and fills it (called by
/// `environ.o`'s constructor).
///
/// # Safety
/// `var` is valid for reads and writes for the program's life.
pub unsafe fn register_c_environ(var: *mut *mut Str) {
    {
        let mut e = ENV.lock();
        e.c_var = var;
        if e.loaded {
            e.publish();
            return;
        }
    }
    with(|_| ());
}

/// The current array (null-terminated), for C's `environ`.
pub fn array() -> *mut Str {
    with(|e| e.array)
}

/// The entry `NAME=...` for `name`, as a pointer to the value.
pub fn get(name: &[u8]) -> Option<*mut u8> {
    with(|e| {
        let i = e.find(name)?;
        // SAFETY: entry i is a NUL-terminated string of at least
        // name.len() + 1 bytes (it matched `name=`).
        Some(unsafe { (*e.array.add(i)).add(name.len() + 1) })
    })
}

/// `setenv`: `name` is non-empty and holds no `=` (checked by the caller).
pub fn set(name: &[u8], value: &[u8], overwrite: bool) -> Result<()> {
    with(|e| {
        let found = e.find(name);
        if found.is_some() && !overwrite {
            return Ok(());
        }
        let len = name.len() + 1 + value.len() + 1;
        let s = heap_alloc(len, 1);
        if s.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: s holds len bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(name.as_ptr(), s, name.len());
            *s.add(name.len()) = b'=';
            core::ptr::copy_nonoverlapping(value.as_ptr(), s.add(name.len() + 1), value.len());
            *s.add(len - 1) = 0;
        }
        if let Err(err) = e.own(s) {
            // SAFETY: our block, referred to nowhere.
            unsafe { heap_free(s) };
            return Err(err);
        }
        e.put_at(found, s)
    })
}

/// `putenv`: `s` is `NAME=value` and becomes part of the environment.
///
/// # Safety
/// `s` is a NUL-terminated string that stays valid while in the table.
pub unsafe fn put(s: Str) -> Result<()> {
    // SAFETY: caller contract.
    let bytes = unsafe { core::ffi::CStr::from_ptr(s.cast()) }.to_bytes();
    match bytes.iter().position(|&c| c == b'=') {
        // A string without `=` removes the variable (glibc, musl).
        None => unset(bytes),
        Some(0) => Err(Errno::EINVAL),
        Some(n) => with(|e| {
            let found = e.find(&bytes[..n]);
            e.put_at(found, s)
        }),
    }
}

/// `unsetenv`: removes every `name=` entry.
pub fn unset(name: &[u8]) -> Result<()> {
    with(|e| {
        while let Some(i) = e.find(name) {
            e.make_ours(0)?;
            // SAFETY: i < count; the array is ours and null-terminated.
            unsafe {
                e.disown(*e.array.add(i));
                core::ptr::copy(e.array.add(i + 1), e.array.add(i), e.count - i);
            }
            e.count -= 1;
        }
        Ok(())
    })
}

/// `clearenv`: empties the environment.
pub fn clear() {
    with(|e| {
        for i in 0..e.count {
            // SAFETY: i < count.
            e.disown(unsafe { *e.array.add(i) });
        }
        if e.cap != 0 {
            // SAFETY: ours and null-terminated.
            unsafe { *e.array = null_mut() };
        } else {
            e.array = EMPTY.as_ptr().cast();
        }
        e.count = 0;
        e.publish();
    })
}

impl Env {
    fn publish(&mut self) {
        if !self.c_var.is_null() {
            // SAFETY: registered as valid for the program's life.
            unsafe { *self.c_var = self.array };
        }
    }

    /// Takes over the array the C variable points at, if the program
    /// changed it.
    fn adopt(&mut self) {
        if self.c_var.is_null() {
            return;
        }
        // SAFETY: registered as valid.
        let a = unsafe { *self.c_var };
        if a == self.array {
            return;
        }
        self.array = a;
        self.cap = 0;
        self.count = 0;
        if a.is_null() {
            self.array = EMPTY.as_ptr().cast();
            return;
        }
        // SAFETY: a C program's environ is a null-terminated array.
        while !unsafe { *a.add(self.count) }.is_null() {
            self.count += 1;
        }
    }

    fn find(&self, name: &[u8]) -> Option<usize> {
        (0..self.count).find(|&i| {
            // SAFETY: i < count; entries are NUL-terminated strings.
            let s = unsafe { *self.array.add(i) };
            // SAFETY: compare byte by byte, stopping at the first mismatch
            // (so never past the string's NUL).
            unsafe {
                name.iter().enumerate().all(|(k, &c)| *s.add(k) == c) && *s.add(name.len()) == b'='
            }
        })
    }

    /// Makes the array ours with room for `extra` more entries.
    fn make_ours(&mut self, extra: usize) -> Result<()> {
        let need = self.count + 1 + extra;
        if self.cap != 0 && need <= self.cap {
            return Ok(());
        }
        let cap = need.max(self.cap * 2).max(16);
        let new = heap_alloc(cap * PTR, PTR) as *mut Str;
        if new.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: both hold count + 1 entries at least.
        unsafe { core::ptr::copy_nonoverlapping(self.array, new, self.count + 1) };
        if self.cap != 0 {
            // SAFETY: ours, replaced.
            unsafe { heap_free(self.array.cast()) };
        }
        self.array = new;
        self.cap = cap;
        self.publish();
        Ok(())
    }

    /// Replaces entry `at` (or appends when `None`) with `s`.
    fn put_at(&mut self, at: Option<usize>, s: Str) -> Result<()> {
        self.make_ours(at.is_none() as usize)?;
        // SAFETY: the array is ours with room for one more entry.
        unsafe {
            match at {
                Some(i) => {
                    self.disown(*self.array.add(i));
                    *self.array.add(i) = s;
                }
                None => {
                    *self.array.add(self.count) = s;
                    self.count += 1;
                    *self.array.add(self.count) = null_mut();
                }
            }
        }
        Ok(())
    }

    /// Records `s` as allocated by `setenv`.
    fn own(&mut self, s: Str) -> Result<()> {
        if self.owned_len == self.owned_cap {
            let cap = (self.owned_cap * 2).max(8);
            let new = heap_alloc(cap * PTR, PTR) as *mut Str;
            if new.is_null() {
                return Err(Errno::ENOMEM);
            }
            // SAFETY: both hold owned_len entries; the old one is ours.
            unsafe {
                if self.owned_len > 0 {
                    core::ptr::copy_nonoverlapping(self.owned, new, self.owned_len);
                }
                heap_free(self.owned.cast());
            }
            self.owned = new;
            self.owned_cap = cap;
        }
        // SAFETY: owned_len < owned_cap.
        unsafe { *self.owned.add(self.owned_len) = s };
        self.owned_len += 1;
        Ok(())
    }

    /// Frees `s` if `setenv` allocated it.
    fn disown(&mut self, s: Str) {
        for i in 0..self.owned_len {
            // SAFETY: i < owned_len.
            unsafe {
                if *self.owned.add(i) == s {
                    self.owned_len -= 1;
                    *self.owned.add(i) = *self.owned.add(self.owned_len);
                    heap_free(s);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
use tests::fetch;

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    /// The host environment the tests start from: A=1, B=two.
    pub(super) fn fetch() -> Result<(usize, *mut Str)> {
        let array = heap_alloc(3 * PTR, PTR) as *mut Str;
        unsafe {
            *array = c"A=1".as_ptr() as Str;
            *array.add(1) = c"B=two".as_ptr() as Str;
            *array.add(2) = null_mut();
        }
        Ok((2, array))
    }

    /// Resets the table (leaking the old one) under the shared test lock.
    fn fresh() -> std::sync::MutexGuard<'static, ()> {
        let g = crate::slot::tests::LOCK
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        unsafe {
            *ENV.as_ptr() = Env {
                loaded: false,
                array: null_mut(),
                count: 0,
                cap: 0,
                c_var: null_mut(),
                owned: null_mut(),
                owned_len: 0,
                owned_cap: 0,
            }
        };
        g
    }

    fn value(name: &str) -> Option<String> {
        get(name.as_bytes()).map(|p| {
            unsafe { CStr::from_ptr(p.cast()) }
                .to_str()
                .unwrap()
                .to_string()
        })
    }

    fn entries() -> Vec<String> {
        let a = array();
        let mut v = Vec::new();
        let mut i = 0;
        while !unsafe { *a.add(i) }.is_null() {
            v.push(
                unsafe { CStr::from_ptr((*a.add(i)).cast()) }
                    .to_str()
                    .unwrap()
                    .to_string(),
            );
            i += 1;
        }
        v
    }

    #[test]
    fn get_set_unset() {
        let _g = fresh();
        assert_eq!(value("A").as_deref(), Some("1"));
        assert_eq!(value("B").as_deref(), Some("two"));
        assert_eq!(value("C"), None);
        set(b"C", b"3", false).unwrap();
        set(b"C", b"4", false).unwrap();
        assert_eq!(value("C").as_deref(), Some("3"));
        set(b"A", b"x", true).unwrap();
        assert_eq!(entries(), ["A=x", "B=two", "C=3"]);
        for i in 0..50 {
            set(b"LOOP", format!("{i}").as_bytes(), true).unwrap();
        }
        assert_eq!(value("LOOP").as_deref(), Some("49"));
        unset(b"A").unwrap();
        unset(b"A").unwrap();
        assert_eq!(entries(), ["B=two", "C=3", "LOOP=49"]);
        assert!(
            unsafe { (*ENV.as_ptr()).owned_len } == 2,
            "freed what it replaced"
        );
    }

    #[test]
    fn put_and_clear() {
        let _g = fresh();
        let s: &'static mut [u8; 4] = Box::leak(Box::new(*b"P=v\0"));
        unsafe { put(s.as_mut_ptr()) }.unwrap();
        assert_eq!(value("P").as_deref(), Some("v"));
        s[2] = b'w';
        assert_eq!(value("P").as_deref(), Some("w"));
        let mut noeq = *b"P\0";
        unsafe { put(noeq.as_mut_ptr()) }.unwrap();
        assert_eq!(value("P"), None);
        clear();
        assert!(entries().is_empty());
        set(b"Z", b"", true).unwrap();
        assert_eq!(entries(), ["Z="]);
    }

    #[test]
    fn follows_the_c_variable() {
        let _g = fresh();
        let mut var: *mut Str = null_mut();
        unsafe { register_c_environ(&mut var) };
        assert_eq!(var, array());
        set(b"N", b"1", true).unwrap();
        assert_eq!(var, array(), "a grown array is published");
        let mut mine = [c"M=yes".as_ptr() as Str, null_mut()];
        var = mine.as_mut_ptr();
        assert_eq!(value("M").as_deref(), Some("yes"));
        assert_eq!(value("N"), None);
        set(b"O", b"2", true).unwrap();
        assert_ne!(var, mine.as_mut_ptr(), "copied before the change");
        assert_eq!(entries(), ["M=yes", "O=2"]);
        assert!(mine[1].is_null());
    }
}
