//! `fts.h`: the BSD file hierarchy traversal (as wasi-libc ships it from
//! musl-fts, NetBSD's). `FTS` and `FTSENT` are laid out as musl-fts lays
//! them out; the structures are written in `cbindgen.toml` (C needs the
//! `struct _ftsent` tag and the `fts_name[1]` tail).
//!
//! WASI has no `fchdir`: every walk behaves as `FTS_NOCHDIR` (the option
//! is always set), so `fts_accpath` is `fts_path`. All entries' `fts_path`
//! point into the stream's one path buffer, which holds the path of the
//! entry `fts_read` returned last (as in BSD: an entry's path is valid until
//! the next `fts_read`); the buffer grows as deeper paths need.
//!
//! `FTS_NOSTAT` (with `FTS_PHYSICAL`) skips `stat` for entries whose
//! `d_type` says they are not directories (`FTS_NSOK`); BSD's extra use of
//! the directory link count is not made (WASI hosts' `st_nlink` of a
//! directory need not count subdirectories). `FTS_XDEV` compares `st_dev`,
//! which on p2 comes from each file's metadata hash (WASI 0.2 has no device
//! numbers): there no directory below a starting path is entered.
//! `FTS_WHITEOUT` is accepted and has no effect (no whiteouts).
//!
//! As in BSD and glibc: `fts_set` returns 1 (not -1) on an unknown
//! instruction; a `fts_children` list leaves the buffer holding the
//! directory's path and a `/`. Unlike them, `FTS_SKIP` set on the first
//! entry of a `fts_children` list is honoured (they visit it anyway).

use crate::header::dirent::{DT_DIR, DT_UNKNOWN, closedir, opendir, readdir};
use crate::header::stdlib::{calloc, free, malloc, qsort_r, realloc, set_errno};
use crate::header::sys_stat::{S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, lstat, stat};
use crate::header::sys_types::{dev_t, ino_t, nlink_t};
use crate::platform::{c_char, c_int, c_uint, c_void};
use core::ptr::null_mut;
use libc_core::Errno;

/// Follow symbolic links named as starting paths.
pub const FTS_COMFOLLOW: c_int = 0x001;
/// Follow symbolic links.
pub const FTS_LOGICAL: c_int = 0x002;
/// Do not change directories (always in effect here).
pub const FTS_NOCHDIR: c_int = 0x004;
/// Do not `stat` entries that are known not to be directories.
pub const FTS_NOSTAT: c_int = 0x008;
/// Do not follow symbolic links.
pub const FTS_PHYSICAL: c_int = 0x010;
/// Return `.` and `..` entries.
pub const FTS_SEEDOT: c_int = 0x020;
/// Do not descend into directories on other devices.
pub const FTS_XDEV: c_int = 0x040;
/// Return whiteouts (there are none).
pub const FTS_WHITEOUT: c_int = 0x080;
/// The options `fts_open` accepts.
pub const FTS_OPTIONMASK: c_int = 0x0ff;
/// `fts_children`: names only (entries are `FTS_NSOK`).
pub const FTS_NAMEONLY: c_int = 0x100;
/// (Private) the walk hit an unrecoverable error.
pub const FTS_STOP: c_int = 0x200;

/// `fts_level` of the starting paths' parent.
pub const FTS_ROOTPARENTLEVEL: c_int = -1;
/// `fts_level` of the starting paths.
pub const FTS_ROOTLEVEL: c_int = 0;

/// A directory, before its contents.
pub const FTS_D: c_int = 1;
/// A directory that is one of its own ancestors (`fts_cycle` says which).
pub const FTS_DC: c_int = 2;
/// None of the other kinds.
pub const FTS_DEFAULT: c_int = 3;
/// A directory that cannot be read (`fts_errno` says why).
pub const FTS_DNR: c_int = 4;
/// `.` or `..` (with `FTS_SEEDOT`).
pub const FTS_DOT: c_int = 5;
/// A directory, after its contents.
pub const FTS_DP: c_int = 6;
/// An error (`fts_errno` says which).
pub const FTS_ERR: c_int = 7;
/// A regular file.
pub const FTS_F: c_int = 8;
/// Initialized only.
pub const FTS_INIT: c_int = 9;
/// `stat` failed (`fts_errno` says why).
pub const FTS_NS: c_int = 10;
/// Not `stat`ed (`FTS_NOSTAT`, `FTS_NAMEONLY`).
pub const FTS_NSOK: c_int = 11;
/// A symbolic link.
pub const FTS_SL: c_int = 12;
/// A symbolic link to nothing.
pub const FTS_SLNONE: c_int = 13;
/// A whiteout.
pub const FTS_W: c_int = 14;

/// `fts_flags`: do not change to the parent (unused).
pub const FTS_DONTCHDIR: c_int = 0x01;
/// `fts_flags`: reached through a followed symbolic link (unused).
pub const FTS_SYMFOLLOW: c_int = 0x02;
/// `fts_flags`: a whiteout (unused).
pub const FTS_ISW: c_int = 0x04;

/// `fts_set`: visit the entry again.
pub const FTS_AGAIN: c_int = 1;
/// `fts_set`: follow the symbolic link.
pub const FTS_FOLLOW: c_int = 2;
/// `fts_set`: no instruction.
pub const FTS_NOINSTR: c_int = 3;
/// `fts_set`: do not descend (or, for a listed child, do not visit).
pub const FTS_SKIP: c_int = 4;

/// One file of a walk (`FTSENT`), allocated with its name and `stat`.
#[repr(C)]
pub struct FTSENT {
    pub fts_cycle: *mut FTSENT,
    pub fts_parent: *mut FTSENT,
    pub fts_link: *mut FTSENT,
    pub fts_number: i64,
    pub fts_pointer: *mut c_void,
    pub fts_accpath: *mut c_char,
    pub fts_path: *mut c_char,
    pub fts_errno: c_int,
    pub fts_symfd: c_int,
    pub fts_pathlen: c_uint,
    pub fts_namelen: c_uint,
    pub fts_ino: ino_t,
    pub fts_dev: dev_t,
    pub fts_nlink: nlink_t,
    pub fts_level: c_int,
    pub fts_info: u16,
    pub fts_flags: u16,
    pub fts_instr: u16,
    pub fts_statp: *mut stat,
    pub fts_name: [c_char; 1],
}

/// The sibling order callback.
pub type FtsCompar = Option<unsafe extern "C" fn(*mut *const FTSENT, *mut *const FTSENT) -> c_int>;

/// A walk (`FTS`).
#[repr(C)]
pub struct FTS {
    pub fts_cur: *mut FTSENT,
    pub fts_child: *mut FTSENT,
    pub fts_array: *mut *mut FTSENT,
    pub fts_dev: dev_t,
    pub fts_path: *mut c_char,
    pub fts_rfd: c_int,
    pub fts_pathlen: c_uint,
    pub fts_nitems: c_uint,
    pub fts_compar: FtsCompar,
    pub fts_options: c_int,
}

#[cfg(target_arch = "wasm32")]
const _: () = assert!(
    core::mem::size_of::<FTSENT>() == 104
        && core::mem::offset_of!(FTSENT, fts_ino) == 56
        && core::mem::offset_of!(FTSENT, fts_level) == 80
        && core::mem::offset_of!(FTSENT, fts_name) == 96
        && core::mem::size_of::<FTS>() == 48
);

const NAME_OFF: usize = core::mem::offset_of!(FTSENT, fts_name);

/// `fts_build` modes: for `fts_read`, `fts_children`, `FTS_NAMEONLY`.
#[derive(Clone, Copy, PartialEq)]
enum Build {
    Read,
    Child,
    Names,
}

fn errno() -> Errno {
    libc_core::errno::get_errno()
}

fn isdot(name: &[u8]) -> bool {
    name == b"." || name == b".."
}

/// An entry's name.
///
/// # Safety
/// `p` a live entry.
unsafe fn name<'a>(p: *const FTSENT) -> &'a [u8] {
    // SAFETY: the name is NUL-terminated after fts_namelen bytes.
    unsafe {
        core::slice::from_raw_parts(
            (*p).fts_name.as_ptr() as *const u8,
            (*p).fts_namelen as usize,
        )
    }
}

/// A new entry named `nm` (zeroed fields, `FTS_NOINSTR`, its own `stat`).
fn alloc(sp: &FTS, nm: &[u8]) -> *mut FTSENT {
    let st_off = (NAME_OFF + nm.len() + 1 + 7) & !7;
    let p = malloc(st_off + core::mem::size_of::<stat>()) as *mut FTSENT;
    if p.is_null() {
        return p;
    }
    // SAFETY: a fresh block of st_off + sizeof(stat) bytes (malloc aligns
    // for FTSENT and stat); the name fits before st_off.
    unsafe {
        core::ptr::write_bytes(p as *mut u8, 0, NAME_OFF);
        let n = (*p).fts_name.as_mut_ptr() as *mut u8;
        core::ptr::copy_nonoverlapping(nm.as_ptr(), n, nm.len());
        *n.add(nm.len()) = 0;
        (*p).fts_namelen = nm.len() as c_uint;
        (*p).fts_instr = FTS_NOINSTR as u16;
        (*p).fts_symfd = -1;
        (*p).fts_path = sp.fts_path;
        (*p).fts_accpath = sp.fts_path;
        (*p).fts_statp = (p as *mut u8).add(st_off) as *mut stat;
        core::ptr::write_bytes((*p).fts_statp as *mut u8, 0, core::mem::size_of::<stat>());
    }
    p
}

/// Frees a `fts_link` list.
///
/// # Safety
/// `p` null or a list of live entries, not used afterwards.
unsafe fn lfree(mut p: *mut FTSENT) {
    while !p.is_null() {
        // SAFETY: live entry; its link read before it is freed.
        let next = unsafe { (*p).fts_link };
        // SAFETY: our allocation.
        unsafe { free(p.cast()) };
        p = next;
    }
}

/// Classifies `p` (`stat` of its `fts_accpath`; `follow` or `FTS_LOGICAL`
/// follows a symbolic link).
///
/// # Safety
/// `p` a live entry whose `fts_accpath` is NUL-terminated and whose parent
/// chain ends at the root parent.
unsafe fn fts_stat(sp: &FTS, p: *mut FTSENT, follow: bool) -> u16 {
    // SAFETY: p live (caller contract); statp its own block.
    unsafe {
        let sb = (*p).fts_statp;
        let path = (*p).fts_accpath;
        let failed = if follow || sp.fts_options & FTS_LOGICAL != 0 {
            if stat(path, sb) < 0 {
                let e = errno();
                if lstat(path, sb) == 0 {
                    set_errno(Errno(0));
                    (*p).fts_errno = 0;
                    return FTS_SLNONE as u16;
                }
                Some(e)
            } else {
                None
            }
        } else if lstat(path, sb) < 0 {
            Some(errno())
        } else {
            None
        };
        if let Some(e) = failed {
            (*p).fts_errno = e.0;
            core::ptr::write_bytes(sb as *mut u8, 0, core::mem::size_of::<stat>());
            return FTS_NS as u16;
        }
        let kind = match (*sb).st_mode & S_IFMT {
            S_IFDIR => {
                (*p).fts_dev = (*sb).st_dev;
                (*p).fts_ino = (*sb).st_ino;
                (*p).fts_nlink = (*sb).st_nlink;
                if isdot(name(p)) {
                    return if (*p).fts_level == FTS_ROOTLEVEL {
                        FTS_D
                    } else {
                        FTS_DOT
                    } as u16;
                }
                let mut t = (*p).fts_parent;
                while !t.is_null() && (*t).fts_level >= FTS_ROOTLEVEL {
                    if (*t).fts_dev == (*sb).st_dev && (*t).fts_ino == (*sb).st_ino {
                        (*p).fts_cycle = t;
                        return FTS_DC as u16;
                    }
                    t = (*t).fts_parent;
                }
                FTS_D
            }
            S_IFLNK => FTS_SL,
            S_IFREG => FTS_F,
            _ => FTS_DEFAULT,
        };
        kind as u16
    }
}

/// Where a child's name goes in the path buffer: after the parent's path,
/// less one trailing `/`.
///
/// # Safety
/// `p` live; the path buffer holds at least its `fts_pathlen` bytes.
unsafe fn nappend(sp: &FTS, p: *const FTSENT) -> usize {
    // SAFETY: as the caller promises.
    unsafe {
        let l = (*p).fts_pathlen as usize;
        if l > 0 && *sp.fts_path.add(l - 1) == b'/' as c_char {
            l - 1
        } else {
            l
        }
    }
}

/// Enlarges the path buffer to at least `need` bytes and points every live
/// entry at the new one: the `fts_children` list, the list being built
/// (`head`, children of `cur`), then, as `fts_close` walks them, later
/// siblings and ancestors up to the root parent. False if out of memory.
///
/// # Safety
/// `head` null or a list of live children of `cur`, the live current entry.
unsafe fn grow(sp: &mut FTS, need: usize, head: *mut FTSENT, cur: *mut FTSENT) -> bool {
    let cap = need.max(2 * sp.fts_pathlen as usize);
    // SAFETY: our own buffer.
    let np = unsafe { realloc(sp.fts_path.cast(), cap) } as *mut c_char;
    if np.is_null() {
        return false;
    }
    sp.fts_path = np;
    sp.fts_pathlen = cap as c_uint;
    // SAFETY: live entries (caller contract); a root not yet loaded keeps
    // its own name as fts_accpath.
    unsafe {
        let fix = |p: *mut FTSENT| {
            if (*p).fts_accpath != (*p).fts_name.as_mut_ptr() {
                (*p).fts_accpath = np;
            }
            (*p).fts_path = np;
        };
        let mut p = sp.fts_child;
        while !p.is_null() {
            fix(p);
            p = (*p).fts_link;
        }
        let mut p = if head.is_null() { cur } else { head };
        while (*p).fts_level >= FTS_ROOTLEVEL {
            fix(p);
            p = if (*p).fts_link.is_null() {
                (*p).fts_parent
            } else {
                (*p).fts_link
            };
        }
        fix(p);
    }
    true
}

/// Orders a list of `n` entries with the caller's `compar`.
///
/// # Safety
/// `head` a list of `n` live entries; `sp.fts_compar` set.
unsafe fn sort(sp: &mut FTS, head: *mut FTSENT, n: usize) -> *mut FTSENT {
    if n as c_uint > sp.fts_nitems {
        let want = n + 40;
        // SAFETY: our own array (or null).
        let a = unsafe {
            realloc(
                sp.fts_array.cast(),
                want * core::mem::size_of::<*mut FTSENT>(),
            )
        } as *mut *mut FTSENT;
        if a.is_null() {
            // Unsorted is better than nothing (BSD does the same).
            return head;
        }
        sp.fts_array = a;
        sp.fts_nitems = want as c_uint;
    }
    /// `qsort_r`'s callback: the caller's `compar` on two array slots.
    extern "C" fn tramp(a: *const c_void, b: *const c_void, arg: *mut c_void) -> c_int {
        // SAFETY: arg is the stream's live compar; a and b array slots.
        unsafe {
            match *(arg as *const FtsCompar) {
                Some(f) => f(a as *mut *const FTSENT, b as *mut *const FTSENT),
                None => 0,
            }
        }
    }
    // SAFETY: the array holds n slots; the list has n live entries.
    unsafe {
        let mut p = head;
        for i in 0..n {
            *sp.fts_array.add(i) = p;
            p = (*p).fts_link;
        }
        let mut cmp = sp.fts_compar;
        qsort_r(
            sp.fts_array.cast(),
            n,
            core::mem::size_of::<*mut FTSENT>(),
            tramp,
            (&raw mut cmp).cast(),
        );
        for i in 0..n - 1 {
            (**sp.fts_array.add(i)).fts_link = *sp.fts_array.add(i + 1);
        }
        (**sp.fts_array.add(n - 1)).fts_link = null_mut();
        *sp.fts_array
    }
}

/// Reads the directory `cur` (whose path is in the buffer) into a list of
/// entries, classified (unless `Names`) and ordered. Null for an empty or
/// unreadable directory (`Read` marks `cur` `FTS_DP` or `FTS_DNR`) or on a
/// fatal error (`FTS_STOP`, `cur` `FTS_ERR`).
///
/// # Safety
/// `cur` the live current entry of `sp`.
unsafe fn build(sp: &mut FTS, cur: *mut FTSENT, kind: Build) -> *mut FTSENT {
    // SAFETY: cur live; its path in the buffer (accpath == the buffer).
    let d = unsafe { opendir((*cur).fts_accpath) };
    if d.is_null() {
        if kind == Build::Read {
            // SAFETY: cur live.
            unsafe {
                (*cur).fts_info = FTS_DNR as u16;
                (*cur).fts_errno = errno().0;
            }
        }
        return null_mut();
    }
    // SAFETY: cur live, its path in the buffer.
    let len = unsafe { nappend(sp, cur) };
    // SAFETY: len < cap (the buffer holds cur's path and its NUL).
    unsafe { *sp.fts_path.add(len) = b'/' as c_char };
    let base = len + 1;
    let nostat = sp.fts_options & FTS_NOSTAT != 0 && sp.fts_options & FTS_PHYSICAL != 0;
    let (mut head, mut tail, mut n) = (null_mut::<FTSENT>(), null_mut::<FTSENT>(), 0usize);
    let mut fatal = None;
    loop {
        // SAFETY: d is a live stream.
        let e = unsafe { readdir(d) };
        if e.is_null() {
            break;
        }
        // SAFETY: a live entry with a NUL-terminated name.
        let (nm, dtype) = unsafe {
            (
                core::ffi::CStr::from_ptr((*e).d_name.as_ptr()).to_bytes(),
                (*e).d_type,
            )
        };
        if sp.fts_options & FTS_SEEDOT == 0 && isdot(nm) {
            continue;
        }
        if base + nm.len() >= sp.fts_pathlen as usize {
            // SAFETY: head is the list built so far, its entries' parent cur.
            if unsafe { !grow(sp, base + nm.len() + 1, head, cur) } {
                fatal = Some(Errno::ENOMEM);
                break;
            }
        }
        let p = alloc(sp, nm);
        if p.is_null() {
            fatal = Some(Errno::ENOMEM);
            break;
        }
        // SAFETY: p fresh; the name fits in the buffer (checked above).
        unsafe {
            core::ptr::copy_nonoverlapping(nm.as_ptr(), sp.fts_path.add(base) as *mut u8, nm.len());
            *sp.fts_path.add(base + nm.len()) = 0;
            (*p).fts_level = (*cur).fts_level + 1;
            (*p).fts_parent = cur;
            (*p).fts_pathlen = (base + nm.len()) as c_uint;
            (*p).fts_info =
                if kind == Build::Names || (nostat && dtype != DT_UNKNOWN && dtype != DT_DIR) {
                    FTS_NSOK as u16
                } else {
                    fts_stat(sp, p, false)
                };
            if tail.is_null() {
                head = p;
            } else {
                (*tail).fts_link = p;
            }
        }
        tail = p;
        n += 1;
    }
    // SAFETY: d live, closed once.
    unsafe { closedir(d) };
    if let Some(e) = fatal {
        // SAFETY: our list; cur live.
        unsafe {
            lfree(head);
            (*cur).fts_info = FTS_ERR as u16;
            *sp.fts_path.add(len) = 0;
        }
        sp.fts_options |= FTS_STOP;
        set_errno(e);
        return null_mut();
    }
    // The buffer keeps "parent/" (or "parent" when there are no entries),
    // as BSD's does.
    // SAFETY: base <= cap - 1.
    unsafe { *sp.fts_path.add(if n == 0 { len } else { base }) = 0 };
    if n == 0 {
        if kind == Build::Read {
            // SAFETY: cur live.
            unsafe { (*cur).fts_info = FTS_DP as u16 };
        }
        return null_mut();
    }
    if sp.fts_compar.is_some() && n > 1 {
        // SAFETY: n live entries.
        head = unsafe { sort(sp, head, n) };
    }
    head
}

/// Makes the starting path `p` the current one: its path in the buffer,
/// its name the last component.
///
/// # Safety
/// `p` a live root entry; the buffer is longer than its name.
unsafe fn load(sp: &mut FTS, p: *mut FTSENT) {
    // SAFETY: p live; the buffer holds the longest starting path.
    unsafe {
        let len = (*p).fts_namelen as usize;
        let n = (*p).fts_name.as_mut_ptr();
        core::ptr::copy_nonoverlapping(n, sp.fts_path, len + 1);
        (*p).fts_pathlen = len as c_uint;
        let nm = name(p);
        if let Some(i) = nm.iter().rposition(|&b| b == b'/')
            && (i != 0 || len > 1)
        {
            let rest = len - i - 1;
            core::ptr::copy(n.add(i + 1), n, rest + 1);
            (*p).fts_namelen = rest as c_uint;
        }
        (*p).fts_accpath = sp.fts_path;
        (*p).fts_path = sp.fts_path;
        sp.fts_dev = (*p).fts_dev;
    }
}

/// Frees everything of a stream that `fts_open` failed to finish.
///
/// # Safety
/// `sp` our allocation; `roots` and `parent` ours or null.
unsafe fn open_fail(sp: *mut FTS, roots: *mut FTSENT, parent: *mut FTSENT, e: Errno) -> *mut FTS {
    // SAFETY: our allocations, not used afterwards.
    unsafe {
        lfree(roots);
        free(parent.cast());
        free((*sp).fts_path.cast());
        free(sp.cast());
    }
    set_errno(e);
    null_mut()
}

/// [fts_open](https://man.netbsd.org/fts.3): starts a walk of the
/// NULL-terminated `argv` paths with `options`; `compar` (if not null)
/// orders the starting paths and each directory's entries. Null with
/// errno on an error (`EINVAL` for unknown options, `ENOENT` for an empty
/// path).
///
/// # Safety
/// `argv` a NULL-terminated array of NUL-terminated strings; `compar`
/// callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_open(
    argv: *const *mut c_char,
    options: c_int,
    compar: FtsCompar,
) -> *mut FTS {
    if options & !FTS_OPTIONMASK != 0 || argv.is_null() {
        set_errno(Errno::EINVAL);
        return null_mut();
    }
    let sp = calloc(1, core::mem::size_of::<FTS>()) as *mut FTS;
    if sp.is_null() {
        return sp;
    }
    // SAFETY: sp is a fresh zeroed FTS (a valid value: null pointers, no
    // compar); argv per caller contract.
    unsafe {
        (*sp).fts_compar = compar;
        (*sp).fts_options = options | FTS_NOCHDIR;
        let mut longest = 0;
        let mut i = 0;
        while !(*argv.add(i)).is_null() {
            longest = longest.max(core::ffi::CStr::from_ptr(*argv.add(i)).count_bytes());
            i += 1;
        }
        // Just the starting paths: it grows (doubling) as the walk needs.
        let cap = longest + 1;
        (*sp).fts_path = malloc(cap) as *mut c_char;
        if (*sp).fts_path.is_null() {
            return open_fail(sp, null_mut(), null_mut(), Errno::ENOMEM);
        }
        *(*sp).fts_path = 0;
        (*sp).fts_pathlen = cap as c_uint;
        let parent = alloc(&*sp, b"");
        if parent.is_null() {
            return open_fail(sp, null_mut(), null_mut(), Errno::ENOMEM);
        }
        (*parent).fts_level = FTS_ROOTPARENTLEVEL;
        let (mut root, mut tail, mut n) = (null_mut::<FTSENT>(), null_mut::<FTSENT>(), 0usize);
        let mut i = 0;
        while !(*argv.add(i)).is_null() {
            let arg = core::ffi::CStr::from_ptr(*argv.add(i)).to_bytes();
            i += 1;
            if arg.is_empty() {
                return open_fail(sp, root, parent, Errno::ENOENT);
            }
            let p = alloc(&*sp, arg);
            if p.is_null() {
                return open_fail(sp, root, parent, Errno::ENOMEM);
            }
            (*p).fts_level = FTS_ROOTLEVEL;
            (*p).fts_parent = parent;
            (*p).fts_accpath = (*p).fts_name.as_mut_ptr();
            (*p).fts_info = fts_stat(&*sp, p, options & FTS_COMFOLLOW != 0);
            if tail.is_null() {
                root = p;
            } else {
                (*tail).fts_link = p;
            }
            tail = p;
            n += 1;
        }
        if compar.is_some() && n > 1 {
            root = sort(&mut *sp, root, n);
        }
        let init = alloc(&*sp, b"");
        if init.is_null() {
            return open_fail(sp, root, parent, Errno::ENOMEM);
        }
        (*init).fts_link = root;
        (*init).fts_parent = parent;
        (*init).fts_info = FTS_INIT as u16;
        (*sp).fts_cur = init;
    }
    sp
}

/// Moves on from `tmp` (freed): its next sibling (skipping `FTS_SKIP`
/// ones), the next starting path, or its parent after its contents.
///
/// # Safety
/// `tmp` the live current entry of `sp`.
unsafe fn next(sp: &mut FTS, mut tmp: *mut FTSENT) -> *mut FTSENT {
    // SAFETY: entries of sp's tree, each freed once after its last use.
    unsafe {
        loop {
            let p = (*tmp).fts_link;
            if p.is_null() {
                break;
            }
            free(tmp.cast());
            if (*p).fts_level == FTS_ROOTLEVEL {
                load(sp, p);
                sp.fts_cur = p;
                return p;
            }
            if (*p).fts_instr == FTS_SKIP as u16 {
                tmp = p;
                continue;
            }
            return visit(sp, p);
        }
        let p = (*tmp).fts_parent;
        free(tmp.cast());
        if (*p).fts_level == FTS_ROOTPARENTLEVEL {
            free(p.cast());
            set_errno(Errno(0));
            sp.fts_cur = null_mut();
            return null_mut();
        }
        *sp.fts_path.add((*p).fts_pathlen as usize) = 0;
        (*p).fts_info = if (*p).fts_errno != 0 { FTS_ERR } else { FTS_DP } as u16;
        sp.fts_cur = p;
        p
    }
}

/// Returns the listed child `p`: its path into the buffer, `FTS_FOLLOW`
/// done.
///
/// # Safety
/// `p` a live child of the current directory.
unsafe fn visit(sp: &mut FTS, p: *mut FTSENT) -> *mut FTSENT {
    // SAFETY: p and its parent live; the name fits (checked in build).
    unsafe {
        let at = nappend(sp, (*p).fts_parent);
        *sp.fts_path.add(at) = b'/' as c_char;
        let n = (*p).fts_namelen as usize;
        core::ptr::copy_nonoverlapping((*p).fts_name.as_ptr(), sp.fts_path.add(at + 1), n + 1);
        if (*p).fts_instr == FTS_FOLLOW as u16 {
            (*p).fts_info = fts_stat(sp, p, true);
            (*p).fts_instr = FTS_NOINSTR as u16;
        }
        sp.fts_cur = p;
        p
    }
}

/// [fts_read](https://man.netbsd.org/fts.3): the next entry of the walk
/// (directories before and, as `FTS_DP`, after their contents); null at
/// the end (errno 0) or on an error.
///
/// # Safety
/// `sp` a stream from `fts_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_read(sp: *mut FTS) -> *mut FTSENT {
    // SAFETY: caller contract.
    let sp = unsafe { &mut *sp };
    let p = sp.fts_cur;
    if p.is_null() || sp.fts_options & FTS_STOP != 0 {
        return null_mut();
    }
    // SAFETY: p is the live current entry.
    unsafe {
        let instr = (*p).fts_instr as c_int;
        (*p).fts_instr = FTS_NOINSTR as u16;
        let info = (*p).fts_info as c_int;
        if instr == FTS_AGAIN {
            (*p).fts_info = fts_stat(sp, p, false);
            return p;
        }
        if instr == FTS_FOLLOW && (info == FTS_SL || info == FTS_SLNONE) {
            (*p).fts_info = fts_stat(sp, p, true);
            return p;
        }
        if info == FTS_D {
            if instr == FTS_SKIP || (sp.fts_options & FTS_XDEV != 0 && (*p).fts_dev != sp.fts_dev) {
                lfree(sp.fts_child);
                sp.fts_child = null_mut();
                (*p).fts_info = FTS_DP as u16;
                return p;
            }
            if !sp.fts_child.is_null() && sp.fts_options & FTS_NAMEONLY != 0 {
                lfree(sp.fts_child);
                sp.fts_child = null_mut();
            }
            sp.fts_options &= !FTS_NAMEONLY;
            let first = if sp.fts_child.is_null() {
                let c = build(sp, p, Build::Read);
                if c.is_null() {
                    return if sp.fts_options & FTS_STOP != 0 {
                        null_mut()
                    } else {
                        p
                    };
                }
                c
            } else {
                core::mem::replace(&mut sp.fts_child, null_mut())
            };
            // A child skipped through fts_children's list is not visited.
            if (*first).fts_instr == FTS_SKIP as u16 {
                return next(sp, first);
            }
            return visit(sp, first);
        }
        next(sp, p)
    }
}

/// [fts_children](https://man.netbsd.org/fts.3): the entries of the
/// directory `fts_read` returned last (the starting paths before the first
/// `fts_read`), as a `fts_link` list valid until the next call; with
/// `FTS_NAMEONLY` only their names are filled in (`FTS_NSOK`). Null with
/// errno 0 when there are none (or the current entry is no directory).
///
/// # Safety
/// `sp` a stream from `fts_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_children(sp: *mut FTS, instr: c_int) -> *mut FTSENT {
    if instr != 0 && instr != FTS_NAMEONLY {
        set_errno(Errno::EINVAL);
        return null_mut();
    }
    // SAFETY: caller contract.
    let sp = unsafe { &mut *sp };
    let p = sp.fts_cur;
    set_errno(Errno(0));
    if p.is_null() || sp.fts_options & FTS_STOP != 0 {
        return null_mut();
    }
    // SAFETY: p is the live current entry; the old list is ours.
    unsafe {
        let info = (*p).fts_info as c_int;
        if info == FTS_INIT {
            return (*p).fts_link;
        }
        if info != FTS_D {
            return null_mut();
        }
        lfree(sp.fts_child);
        sp.fts_child = null_mut();
        let kind = if instr == FTS_NAMEONLY {
            sp.fts_options |= FTS_NAMEONLY;
            Build::Names
        } else {
            sp.fts_options &= !FTS_NAMEONLY;
            Build::Child
        };
        sp.fts_child = build(sp, p, kind);
        sp.fts_child
    }
}

/// [fts_set](https://man.netbsd.org/fts.3): what `fts_read` does next
/// with `p` (`FTS_AGAIN`, `FTS_FOLLOW`, `FTS_SKIP`, `FTS_NOINSTR` or 0);
/// 1 with `EINVAL` for anything else (as BSD and glibc return, not the -1
/// their manuals say).
///
/// # Safety
/// `p` an entry of the walk.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_set(sp: *mut FTS, p: *mut FTSENT, instr: c_int) -> c_int {
    let _ = sp;
    if !matches!(instr, 0 | FTS_AGAIN | FTS_FOLLOW | FTS_NOINSTR | FTS_SKIP) {
        set_errno(Errno::EINVAL);
        return 1;
    }
    // SAFETY: caller contract.
    unsafe { (*p).fts_instr = instr as u16 };
    0
}

/// [fts_close](https://man.netbsd.org/fts.3): ends a walk and frees its
/// entries; 0.
///
/// # Safety
/// `sp` a stream from `fts_open`, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_close(sp: *mut FTS) -> c_int {
    if sp.is_null() {
        return 0;
    }
    // SAFETY: the remaining entries: the current one, its later siblings,
    // then each ancestor and its later siblings, up to the root parent.
    unsafe {
        let mut p = (*sp).fts_cur;
        if !p.is_null() {
            while (*p).fts_level >= FTS_ROOTLEVEL {
                let f = p;
                p = if (*p).fts_link.is_null() {
                    (*p).fts_parent
                } else {
                    (*p).fts_link
                };
                free(f.cast());
            }
            free(p.cast());
        }
        lfree((*sp).fts_child);
        free((*sp).fts_array.cast());
        free((*sp).fts_path.cast());
        free(sp.cast());
    }
    0
}
