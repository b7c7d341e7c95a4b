//! Files and directories on WASI 0.2: `wasi:filesystem/types` descriptors.
//!
//! Pre-opened directories (`wasi:filesystem/preopens.get-directories`) are
//! registered in the fd table on first use of this area, taking the lowest
//! free fds (3, 4, ... when nothing else was opened before), so fd numbers
//! match preview1's. List and string results use the caller-buffer slot
//! where a caller buffer exists (`readlink`, directory entry names); the rest
//! falls back to the allocator.

use super::{APPEND, Entry, READ, Ret, Sys, WRITE, alloc_fd, entry, fs_error};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::fs::*;
use crate::single::Single;
use crate::slot;
use crate::types::{
    O_APPEND, O_DIRECTORY, O_DSYNC, O_NOFOLLOW, O_RDONLY, O_RSYNC, O_SYNC, O_WRONLY,
};

use super::abi::clocks_wall_clock::datetime;
use super::abi::filesystem_types::{self as fst, descriptor_flags as df, ret as fr};

// descriptor-flags, as the flags argument of open-at
const F_READ: i32 = df::READ as i32;
const F_WRITE: i32 = df::WRITE as i32;
const F_FILE_INTEGRITY_SYNC: i32 = df::FILE_INTEGRITY_SYNC as i32;
const F_DATA_INTEGRITY_SYNC: i32 = df::DATA_INTEGRITY_SYNC as i32;
const F_REQUESTED_WRITE_SYNC: i32 = df::REQUESTED_WRITE_SYNC as i32;
const F_MUTATE_DIRECTORY: i32 = df::MUTATE_DIRECTORY as i32;

fn path_flags(follow: bool) -> i32 {
    if follow {
        fst::path_flags::SYMLINK_FOLLOW as i32
    } else {
        0
    }
}

fn file_type(t: u8) -> FileType {
    use fst::descriptor_type as t_;
    match t {
        t_::BLOCK_DEVICE => FileType::BlockDevice,
        t_::CHARACTER_DEVICE => FileType::CharacterDevice,
        t_::DIRECTORY => FileType::Directory,
        t_::FIFO => FileType::Fifo,
        t_::SYMBOLIC_LINK => FileType::SymbolicLink,
        t_::REGULAR_FILE => FileType::RegularFile,
        t_::SOCKET => FileType::Socket,
        _ => FileType::Unknown,
    }
}

/// The return area of every `result<_, error-code>` function used here.
type UnitRet = Ret<{ fr::descriptor_sync::BYTES }>;

// The functions read through [`UnitRet`] and [`unit`] share its layout.
macro_rules! unit_layout {
    ($($f:ident),*) => {
        const _: () = {
            $(assert!(
                fr::$f::BYTES == fr::descriptor_sync::BYTES
                    && fr::$f::ERR == fr::descriptor_sync::ERR
            );)*
        };
    };
}
unit_layout!(
    descriptor_sync_data,
    descriptor_create_directory_at,
    descriptor_unlink_file_at,
    descriptor_remove_directory_at,
    descriptor_rename_at,
    descriptor_link_at,
    descriptor_symlink_at,
    descriptor_set_times_at,
    descriptor_set_times,
    descriptor_set_size
);

/// Decodes a `result<_, error-code>` (the tag first, as every result).
fn unit(ret: &UnitRet) -> Result<()> {
    if ret.u8(0) == 0 {
        Ok(())
    } else {
        Err(fs_error(ret.u8(fr::descriptor_sync::ERR)))
    }
}

/// Pre-opened directories, registered as fds at first use.
const MAX_PREOPENS: usize = 32;
struct Preopens {
    loaded: bool,
    count: usize,
    /// (fd, name pointer, name length)
    list: [(i32, usize, usize); MAX_PREOPENS],
}
static PREOPENS: Single<Preopens> = Single::new(Preopens {
    loaded: false,
    count: 0,
    list: [(-1, 0, 0); MAX_PREOPENS],
});

fn preopens() -> &'static Preopens {
    // SAFETY: single-threaded; the one mutable borrow ends before the
    // shared one is handed out.
    let p = unsafe { &mut *PREOPENS.get() };
    if !p.loaded {
        p.loaded = true;
        use super::abi::filesystem_preopens::{get_directories, ret::get_directories as r};
        let mut ret = Ret::<{ r::BYTES }>::new();
        // Nothing is parked: the call collects (rule 9 of `slot`), so only
        // blocks handed out during it are read; the names are kept for the
        // program's life, the rest is freed when `c` is dropped.
        let c = slot::collect();
        // SAFETY: ret has room for the result.
        unsafe { get_directories(ret.arm_list(r::LEN)) };
        let n = ret.u32(r::LEN) as usize;
        // No result record, or a list that is not a block of this call: no
        // pre-opens.
        let (spine, n) = match c.list(ret.ptr_at(r::PTR), n, r::ELEM_BYTES, r::ELEM_ALIGN) {
            Some(spine) if !ret.list_unwritten(r::LEN) => (spine, n),
            _ => (core::ptr::null_mut(), 0),
        };
        for i in 0..n {
            // The element, tuple<own<descriptor>, string>.
            // SAFETY: `c.list` checked the spine holds n elements.
            let [h, name, len] = [r::ELEM_T0, r::ELEM_T1_PTR, r::ELEM_T1_LEN].map(|off| unsafe {
                (spine.add(i * r::ELEM_BYTES + off) as *const u32).read_unaligned()
            });
            // A name that is not a block of this call is a lying host: the
            // handle is dropped, the pre-open skipped.
            let name = c.list(super::host_ptr(name), len as usize, 1, 1);
            let fd = match name {
                Some(_) if p.count < MAX_PREOPENS => alloc_fd(Entry::File {
                    desc: h as i32,
                    pos: 0,
                    mode: READ,
                })
                .ok(),
                _ => None,
            };
            match (fd, name) {
                (Some(fd), Some(name)) => {
                    if len != 0 {
                        // Not freed with the rest (a name shared by two
                        // entries is kept once).
                        c.keep(name);
                    }
                    p.list[p.count] = (fd, name as usize, len as usize);
                    p.count += 1;
                }
                // SAFETY: a handle we own and do not keep.
                _ => unsafe { fst::descriptor_drop(h as i32) },
            }
        }
    }
    p
}

/// The descriptor handle behind `fd`.
fn desc(fd: i32) -> Result<i32> {
    preopens();
    match entry(fd)? {
        Entry::File { desc, .. } => Ok(desc),
        _ => Err(Errno::EBADF),
    }
}

/// The descriptor of a directory argument (`ENOTDIR` for a stream).
fn dir_desc(fd: i32) -> Result<i32> {
    desc(fd).map_err(|e| {
        if e == Errno::EBADF && entry(fd).is_ok() {
            Errno::ENOTDIR
        } else {
            e
        }
    })
}

/// The return area of `stat` and `stat-at`: `result<descriptor-stat,
/// error-code>`.
type StatRet = Ret<{ fr::descriptor_stat::BYTES }>;
const _: () = assert!(
    fr::descriptor_stat_at::BYTES == fr::descriptor_stat::BYTES
        && fr::descriptor_stat_at::OK == fr::descriptor_stat::OK
        && fr::descriptor_stat_at::ERR == fr::descriptor_stat::ERR
);

fn stat_from(ret: &StatRet) -> Result<Stat> {
    use fr::descriptor_stat::{ERR, OK};
    use fst::descriptor_stat as st;
    if ret.u8(0) != 0 {
        return Err(fs_error(ret.u8(ERR)));
    }
    // An option<datetime> at `tag`, its payload at `some`.
    let ts = |tag: usize, some: usize| {
        if ret.u8(OK + tag) == 0 {
            Timestamp::default()
        } else {
            Timestamp {
                sec: ret.u64(OK + some + datetime::SECONDS) as i64,
                nsec: ret.u32(OK + some + datetime::NANOSECONDS),
            }
        }
    };
    Ok(Stat {
        dev: 0,
        ino: 0,
        kind: file_type(ret.u8(OK + st::TYPE)),
        nlink: ret.u64(OK + st::LINK_COUNT),
        size: ret.u64(OK + st::SIZE),
        atim: ts(st::DATA_ACCESS_TIMESTAMP, st::DATA_ACCESS_TIMESTAMP_SOME),
        mtim: ts(
            st::DATA_MODIFICATION_TIMESTAMP,
            st::DATA_MODIFICATION_TIMESTAMP_SOME,
        ),
        ctim: ts(
            st::STATUS_CHANGE_TIMESTAMP,
            st::STATUS_CHANGE_TIMESTAMP_SOME,
        ),
    })
}

/// The return area of `metadata-hash` and `metadata-hash-at`:
/// `result<metadata-hash-value, error-code>`.
type HashRet = Ret<{ fr::descriptor_metadata_hash::BYTES }>;
const _: () = assert!(
    fr::descriptor_metadata_hash_at::BYTES == fr::descriptor_metadata_hash::BYTES
        && fr::descriptor_metadata_hash_at::OK == fr::descriptor_metadata_hash::OK
        && fr::descriptor_metadata_hash_at::ERR == fr::descriptor_metadata_hash::ERR
);

fn hash_from(ret: &HashRet) -> Result<(u64, u64)> {
    use fr::descriptor_metadata_hash::{ERR, OK};
    use fst::metadata_hash_value as v;
    if ret.u8(0) == 0 {
        Ok((ret.u64(OK + v::LOWER), ret.u64(OK + v::UPPER)))
    } else {
        Err(fs_error(ret.u8(ERR)))
    }
}

fn hash(d: i32) -> Result<(u64, u64)> {
    let mut ret = HashRet::new();
    // SAFETY: ret has room for the result.
    unsafe { fst::descriptor_metadata_hash(d, ret.ptr()) };
    hash_from(&ret)
}

fn hash_at(d: i32, path: &[u8], follow: bool) -> Result<(u64, u64)> {
    let mut ret = HashRet::new();
    // SAFETY: path is a valid byte range; ret has room for the result.
    unsafe {
        fst::descriptor_metadata_hash_at(
            d,
            path_flags(follow),
            path.as_ptr(),
            path.len(),
            ret.ptr(),
        )
    };
    hash_from(&ret)
}

fn with_hash(mut st: Stat, h: Result<(u64, u64)>) -> Stat {
    if let Ok((lower, upper)) = h {
        st.ino = lower;
        st.dev = upper;
    }
    st
}

fn flags(d: i32) -> Result<i32> {
    use fr::descriptor_get_flags as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: ret has room for result<descriptor-flags, error-code>.
    unsafe { fst::descriptor_get_flags(d, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok(ret.u8(r::OK) as i32)
    } else {
        Err(fs_error(ret.u8(r::ERR)))
    }
}

/// A `new-timestamp` flattened: (tag, seconds, nanoseconds).
fn new_timestamp(t: SetTime) -> Result<(i32, i64, i32)> {
    match t {
        SetTime::Omit => Ok((fst::new_timestamp::NO_CHANGE as i32, 0, 0)),
        SetTime::Now => Ok((fst::new_timestamp::NOW as i32, 0, 0)),
        SetTime::At(ts) if ts.sec < 0 => Err(Errno::EINVAL),
        SetTime::At(ts) => Ok((fst::new_timestamp::TIMESTAMP as i32, ts.sec, ts.nsec as i32)),
    }
}

/// Finishes a string result received with `buf` parked: the length now in
/// `buf`, truncated to its size (a longer string came from the allocator
/// and is copied, then freed). `EIO` when the pointer is neither `buf` nor
/// a block handed out during the call (rule 7 of `slot`).
///
/// # Safety
/// `(ptr, len)` is a string the host just wrote during a call that had
/// `buf` parked.
unsafe fn land_truncated(buf: &mut [u8], ptr: *mut u8, len: usize) -> Result<usize> {
    if ptr == buf.as_mut_ptr() {
        // The slot hands the buffer out only for requests that fit, so a
        // longer length there is a lying host (rule 5 of `slot`).
        return if len <= buf.len() {
            Ok(len)
        } else {
            Err(Errno::EIO)
        };
    }
    let n = len.min(buf.len());
    if len > 0 {
        if !slot::claim(buf.as_mut_ptr(), ptr, len) {
            return Err(Errno::EIO);
        }
        // SAFETY: a block of ours holding the len bytes the host wrote,
        // which nothing else refers to.
        unsafe {
            core::ptr::copy_nonoverlapping(ptr, buf.as_mut_ptr(), n);
            crate::heap_free(ptr);
        }
    }
    Ok(n)
}

impl crate::pal::PalFs for Sys {
    fn preopen(i: usize) -> Option<(i32, &'static [u8])> {
        let p = preopens();
        let &(fd, name, len) = p.list[..p.count].get(i)?;
        // SAFETY: the host wrote len bytes at name; kept forever.
        Some((fd, unsafe {
            core::slice::from_raw_parts(name as *const u8, len)
        }))
    }

    fn openat(dir: i32, path: &[u8], oflags: i32) -> Result<i32> {
        let d = dir_desc(dir)?;
        let mut flags = 0;
        let mut mode = 0;
        if oflags & O_RDONLY != 0 {
            flags |= F_READ;
            mode |= READ;
        }
        if oflags & O_WRONLY != 0 {
            flags |= F_WRITE;
            mode |= WRITE;
        }
        if oflags & O_APPEND != 0 {
            mode |= APPEND;
        }
        if oflags & O_SYNC != 0 {
            flags |= F_FILE_INTEGRITY_SYNC;
        }
        if oflags & O_DSYNC != 0 {
            flags |= F_DATA_INTEGRITY_SYNC;
        }
        if oflags & O_RSYNC != 0 {
            flags |= F_REQUESTED_WRITE_SYNC;
        }
        if oflags & O_DIRECTORY != 0 {
            flags &= !F_WRITE;
        }
        use fr::descriptor_open_at as r;
        let mut ret = Ret::<{ r::BYTES }>::new();
        // SAFETY: path is a valid byte range; ret has room for
        // result<own<descriptor>, error-code>.
        unsafe {
            fst::descriptor_open_at(
                d,
                path_flags(oflags & O_NOFOLLOW == 0),
                path.as_ptr(),
                path.len(),
                (oflags >> 12) & 0xf,
                flags,
                ret.ptr(),
            )
        };
        if ret.u8(0) != 0 {
            return Err(fs_error(ret.u8(r::ERR)));
        }
        let h = ret.u32(r::OK) as i32;
        alloc_fd(Entry::File {
            desc: h,
            pos: 0,
            mode,
        })
        .inspect_err(|_| {
            // SAFETY: we own the handle and nothing else refers to it.
            unsafe { fst::descriptor_drop(h) };
        })
    }

    fn fstat(fd: i32) -> Result<Stat> {
        preopens();
        match entry(fd)? {
            Entry::File { desc, .. } => {
                let mut ret = StatRet::new();
                // SAFETY: ret has room for result<descriptor-stat, error-code>.
                unsafe { fst::descriptor_stat(desc, ret.ptr()) };
                Ok(with_hash(stat_from(&ret)?, hash(desc)))
            }
            // Like preview1 hosts: a terminal is a character device, a
            // redirected stream has no known type.
            Entry::In(_) | Entry::Out(_) => Ok(Stat {
                dev: 0,
                ino: 0,
                kind: if <Sys as crate::Pal>::isatty(fd).is_ok() {
                    FileType::CharacterDevice
                } else {
                    FileType::Unknown
                },
                nlink: 1,
                size: 0,
                atim: Timestamp::default(),
                mtim: Timestamp::default(),
                ctim: Timestamp::default(),
            }),
            _ => Err(Errno::EBADF),
        }
    }

    fn statat(dir: i32, path: &[u8], follow: bool) -> Result<Stat> {
        let d = dir_desc(dir)?;
        let mut ret = StatRet::new();
        // SAFETY: path is a valid byte range; ret has room for the result.
        unsafe {
            fst::descriptor_stat_at(d, path_flags(follow), path.as_ptr(), path.len(), ret.ptr())
        };
        Ok(with_hash(stat_from(&ret)?, hash_at(d, path, follow)))
    }

    fn accessat(dir: i32, path: &[u8], amode: i32, follow: bool) -> Result<()> {
        let d = dir_desc(dir)?;
        let mut ret = StatRet::new();
        // SAFETY: as in `statat`.
        unsafe {
            fst::descriptor_stat_at(d, path_flags(follow), path.as_ptr(), path.len(), ret.ptr())
        };
        stat_from(&ret)?;
        if amode & (R_OK | W_OK) == 0 {
            return Ok(());
        }
        // What the directory lets the program do with what it holds.
        let f = flags(d)?;
        let mut need = 0;
        if amode & R_OK != 0 {
            need |= F_READ;
        }
        if amode & W_OK != 0 {
            need |= F_MUTATE_DIRECTORY;
        }
        if f & need == need {
            Ok(())
        } else {
            Err(Errno::EACCES)
        }
    }

    fn mkdirat(dir: i32, path: &[u8]) -> Result<()> {
        let d = dir_desc(dir)?;
        let mut ret = UnitRet::new();
        // SAFETY: path is a valid byte range; ret has room for the result.
        unsafe { fst::descriptor_create_directory_at(d, path.as_ptr(), path.len(), ret.ptr()) };
        unit(&ret)
    }

    fn unlinkat(dir: i32, path: &[u8]) -> Result<()> {
        let d = dir_desc(dir)?;
        let mut ret = UnitRet::new();
        // SAFETY: as in `mkdirat`.
        unsafe { fst::descriptor_unlink_file_at(d, path.as_ptr(), path.len(), ret.ptr()) };
        unit(&ret)
    }

    fn rmdirat(dir: i32, path: &[u8]) -> Result<()> {
        let d = dir_desc(dir)?;
        let mut ret = UnitRet::new();
        // SAFETY: as in `mkdirat`.
        unsafe { fst::descriptor_remove_directory_at(d, path.as_ptr(), path.len(), ret.ptr()) };
        unit(&ret)
    }

    fn renameat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8]) -> Result<()> {
        let (a, b) = (dir_desc(old_dir)?, dir_desc(new_dir)?);
        let mut ret = UnitRet::new();
        // SAFETY: both paths are valid byte ranges; ret has room.
        unsafe {
            fst::descriptor_rename_at(
                a,
                old.as_ptr(),
                old.len(),
                b,
                new.as_ptr(),
                new.len(),
                ret.ptr(),
            )
        };
        unit(&ret)
    }

    fn linkat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8], follow: bool) -> Result<()> {
        let (a, b) = (dir_desc(old_dir)?, dir_desc(new_dir)?);
        let mut ret = UnitRet::new();
        // SAFETY: both paths are valid byte ranges; ret has room.
        unsafe {
            fst::descriptor_link_at(
                a,
                path_flags(follow),
                old.as_ptr(),
                old.len(),
                b,
                new.as_ptr(),
                new.len(),
                ret.ptr(),
            )
        };
        unit(&ret)
    }

    fn symlinkat(target: &[u8], dir: i32, path: &[u8]) -> Result<()> {
        let d = dir_desc(dir)?;
        let mut ret = UnitRet::new();
        // SAFETY: both are valid byte ranges; ret has room.
        unsafe {
            fst::descriptor_symlink_at(
                d,
                target.as_ptr(),
                target.len(),
                path.as_ptr(),
                path.len(),
                ret.ptr(),
            )
        };
        unit(&ret)
    }

    fn readlinkat(dir: i32, path: &[u8], buf: &mut [u8]) -> Result<usize> {
        let d = dir_desc(dir)?;
        if buf.is_empty() {
            return Err(Errno::EINVAL);
        }
        use fr::descriptor_readlink_at as r;
        let mut ret = Ret::<{ r::BYTES }>::new();
        let (p, cap) = (buf.as_mut_ptr(), buf.len());
        // SAFETY: buf is valid for cap (> 0) bytes during the call; the
        // string lands in it when it fits (see `slot`).
        unsafe {
            slot::with_parked(p, cap, || {
                fst::descriptor_readlink_at(d, path.as_ptr(), path.len(), ret.arm())
            })
        };
        let r = if ret.unwritten() {
            // No result record (rule 8 of `slot`).
            Err(Errno::EIO)
        } else if ret.u8(0) != 0 {
            Err(fs_error(ret.u8(r::ERR)))
        } else {
            // SAFETY: the host wrote the string during the parked call.
            unsafe { land_truncated(buf, ret.ptr_at(r::OK_PTR), ret.u32(r::OK_LEN) as usize) }
        };
        slot::release();
        r
    }

    fn utimensat(dir: i32, path: &[u8], atim: SetTime, mtim: SetTime, follow: bool) -> Result<()> {
        let d = dir_desc(dir)?;
        let (a, m) = (new_timestamp(atim)?, new_timestamp(mtim)?);
        let mut ret = UnitRet::new();
        // SAFETY: path is a valid byte range; ret has room.
        unsafe {
            fst::descriptor_set_times_at(
                d,
                path_flags(follow),
                path.as_ptr(),
                path.len(),
                a.0,
                a.1,
                a.2,
                m.0,
                m.1,
                m.2,
                ret.ptr(),
            )
        };
        unit(&ret)
    }

    fn futimens(fd: i32, atim: SetTime, mtim: SetTime) -> Result<()> {
        let d = desc(fd)?;
        let (a, m) = (new_timestamp(atim)?, new_timestamp(mtim)?);
        let mut ret = UnitRet::new();
        // SAFETY: ret has room.
        unsafe { fst::descriptor_set_times(d, a.0, a.1, a.2, m.0, m.1, m.2, ret.ptr()) };
        unit(&ret)
    }

    fn ftruncate(fd: i32, len: u64) -> Result<()> {
        preopens();
        match entry(fd)? {
            Entry::File { mode, .. } if mode & WRITE == 0 => Err(Errno::EINVAL),
            Entry::File { desc, .. } => {
                let mut ret = UnitRet::new();
                // SAFETY: ret has room.
                unsafe { fst::descriptor_set_size(desc, len, ret.ptr()) };
                unit(&ret)
            }
            _ => Err(Errno::EINVAL),
        }
    }

    fn fsync(fd: i32) -> Result<()> {
        sync_with(fd, |d, r| unsafe { fst::descriptor_sync(d, r) })
    }

    fn fdatasync(fd: i32) -> Result<()> {
        sync_with(fd, |d, r| unsafe { fst::descriptor_sync_data(d, r) })
    }

    type Dir = Dir;

    fn dir_open(fd: i32) -> Result<Dir> {
        let d = desc(fd)?;
        use fr::descriptor_get_type as r;
        let mut t = Ret::<{ r::BYTES }>::new();
        // SAFETY: ret has room for result<descriptor-type, error-code>.
        unsafe { fst::descriptor_get_type(d, t.ptr()) };
        if t.u8(0) != 0 {
            return Err(fs_error(t.u8(r::ERR)));
        }
        if t.u8(r::OK) != fst::descriptor_type::DIRECTORY {
            return Err(Errno::ENOTDIR);
        }
        Ok(Dir {
            fd,
            desc: d,
            stream: -1,
            index: 0,
            done: false,
            name: [0; NAME_BUF],
            heap: core::ptr::null_mut(),
        })
    }

    fn dir_read(d: &mut Dir) -> Result<Option<DirEntry<'_>>> {
        let dot: &'static [u8] = match d.index {
            0 => b".",
            1 => b"..",
            _ => b"",
        };
        if !dot.is_empty() {
            // read-directory omits `.` and `..`; preview1 hosts list them.
            let ino = if d.index == 0 {
                hash(d.desc)
            } else {
                hash_at(d.desc, b"..", false).or_else(|_| hash(d.desc))
            };
            d.index += 1;
            return Ok(Some(DirEntry {
                ino: ino.map(|h| h.0).unwrap_or(1).max(1),
                kind: FileType::Directory,
                name: dot,
            }));
        }
        let Some((kind, len)) = d.next()? else {
            return Ok(None);
        };
        d.index += 1;
        let desc = d.desc;
        let name = d.name(len);
        let ino = hash_at(desc, name, false).map(|h| h.0).unwrap_or(1);
        Ok(Some(DirEntry {
            ino: ino.max(1),
            kind,
            name,
        }))
    }

    fn dir_tell(d: &Dir) -> u64 {
        d.index
    }

    fn dir_seek(d: &mut Dir, pos: u64) -> Result<()> {
        if pos < d.index || d.done {
            d.reset();
        }
        while d.index < pos {
            // `.` and `..` cost nothing to skip; real entries are read.
            if d.index >= 2 && d.next()?.is_none() {
                break;
            }
            d.index += 1;
        }
        Ok(())
    }

    fn dir_close(mut d: Dir) {
        d.reset();
    }
}

/// `f` is a closure, not a function pointer: taking the address of a wasm
/// import makes rustc reference a symbol no object defines.
fn sync_with(fd: i32, f: impl FnOnce(i32, *mut u8)) -> Result<()> {
    preopens();
    match entry(fd)? {
        Entry::File { desc, .. } => {
            let mut ret = UnitRet::new();
            f(desc, ret.ptr());
            unit(&ret)
        }
        _ => Err(Errno::EINVAL),
    }
}

/// Names up to this long are received in place; longer ones come from the
/// allocator.
const NAME_BUF: usize = 256;

/// A directory stream: `read-directory`'s stream (opened at the first entry
/// after `.` and `..`), the count of entries returned, and the last name.
pub struct Dir {
    fd: i32,
    desc: i32,
    /// The `directory-entry-stream` handle; -1 before the first real entry.
    stream: i32,
    /// Entries returned so far (`.` and `..` included): the position.
    index: u64,
    done: bool,
    name: [u8; NAME_BUF],
    /// The last name when it did not fit `name` (a heap block), or null.
    heap: *mut u8,
}

/// Where an entry's name `(ptr, len)` landed, with `buf` (`NAME_BUF` bytes)
/// parked during the call: null for `buf`, else the heap block (kept until
/// the next entry). A name in `buf` longer than `buf` is a lying host
/// (rule 5 of `slot`): `EIO`, never a read past the buffer.
fn entry_name(buf: *mut u8, ptr: *mut u8, len: usize) -> Result<*mut u8> {
    if len == 0 {
        // No file has an empty name: a host that says so is lying.
        return Err(Errno::EIO);
    }
    if ptr == buf {
        return if len <= NAME_BUF {
            Ok(core::ptr::null_mut())
        } else {
            Err(Errno::EIO)
        };
    }
    // Too long for the slot: keep the heap copy, if it is one of ours
    // handed out during the call (rule 7 of `slot`).
    if slot::claim(buf, ptr, len) {
        Ok(ptr)
    } else {
        Err(Errno::EIO)
    }
}

impl Dir {
    /// Reads the next real entry: (type, name length); the name is then in
    /// `self.name` or `self.heap`.
    fn next(&mut self) -> Result<Option<(FileType, usize)>> {
        if self.done {
            return Ok(None);
        }
        // The fd may have been closed (or reused) behind the stream's back:
        // using a dropped handle would trap, so say EBADF instead.
        if !matches!(entry(self.fd), Ok(Entry::File { desc, .. }) if desc == self.desc) {
            return Err(Errno::EBADF);
        }
        if self.stream < 0 {
            use fr::descriptor_read_directory as r;
            let mut ret = Ret::<{ r::BYTES }>::new();
            // SAFETY: ret has room for result<own<stream>, error-code>.
            unsafe { fst::descriptor_read_directory(self.desc, ret.ptr()) };
            if ret.u8(0) != 0 {
                return Err(fs_error(ret.u8(r::ERR)));
            }
            self.stream = ret.u32(r::OK) as i32;
        }
        // SAFETY: our block or null.
        unsafe { crate::heap_free(self.heap) };
        self.heap = core::ptr::null_mut();
        use fr::directory_entry_stream_read_directory_entry as r;
        let mut ret = Ret::<{ r::BYTES }>::new();
        let p = self.name.as_mut_ptr();
        let stream = self.stream;
        // SAFETY: name is valid for NAME_BUF bytes during the call; the
        // entry's name string lands there when it fits.
        unsafe {
            slot::with_parked(p, NAME_BUF, || {
                fst::directory_entry_stream_read_directory_entry(stream, ret.arm())
            })
        };
        let r = self.decode_entry(p, &ret);
        slot::release();
        r
    }

    /// The rest of [`Dir::next`]: decodes the entry in `ret` (name buffer
    /// `p`).
    fn decode_entry(
        &mut self,
        p: *mut u8,
        ret: &Ret<{ fr::directory_entry_stream_read_directory_entry::BYTES }>,
    ) -> Result<Option<(FileType, usize)>> {
        use fr::directory_entry_stream_read_directory_entry as r;
        use fst::directory_entry as de;
        if ret.unwritten() {
            // No result record (rule 8 of `slot`).
            return Err(Errno::EIO);
        }
        if ret.u8(0) != 0 {
            return Err(fs_error(ret.u8(r::ERR)));
        }
        // ok: an option<directory-entry>, its tag at OK.
        if ret.u8(r::OK) == 0 {
            self.done = true;
            return Ok(None);
        }
        let (ptr, len) = (
            ret.ptr_at(r::OK_SOME + de::NAME_PTR),
            ret.u32(r::OK_SOME + de::NAME_LEN) as usize,
        );
        self.heap = entry_name(p, ptr, len)?;
        Ok(Some((file_type(ret.u8(r::OK_SOME + de::TYPE)), len)))
    }

    fn name(&self, len: usize) -> &[u8] {
        let p = if self.heap.is_null() {
            self.name.as_ptr()
        } else {
            self.heap
        };
        if len == 0 {
            return &[];
        }
        // SAFETY: `next` left len bytes at p.
        unsafe { core::slice::from_raw_parts(p, len) }
    }

    /// Back to the start: the stream is dropped and reopened on demand.
    fn reset(&mut self) {
        if self.stream >= 0 {
            // SAFETY: our handle, not used again.
            unsafe { fst::directory_entry_stream_drop(self.stream) };
        }
        // SAFETY: our block or null.
        unsafe { crate::heap_free(self.heap) };
        self.heap = core::ptr::null_mut();
        self.stream = -1;
        self.index = 0;
        self.done = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bug 2 (issue 12): the host takes the 256-byte name buffer through the
    /// slot and reports a longer name; `readdir` returned a 257-byte `d_name`
    /// read past the buffer. Must be `EIO`.
    #[test]
    fn entry_name_in_the_buffer_longer_than_it_is_eio() {
        let _g = crate::slot::tests::fresh();
        let mut name = [0u8; NAME_BUF];
        let p = name.as_mut_ptr();
        let got = unsafe {
            slot::with_parked(p, NAME_BUF, || {
                slot::import_realloc(core::ptr::null_mut(), 0, 1, 5)
            })
        };
        assert_eq!(got, p);
        assert_eq!(entry_name(p, p, NAME_BUF + 1), Err(Errno::EIO));
        assert_eq!(entry_name(p, p, 5 << 10), Err(Errno::EIO));
        assert_eq!(entry_name(p, p, usize::MAX), Err(Errno::EIO));
        // Honest names: in the buffer (up to its size), or a heap block.
        assert_eq!(entry_name(p, p, 5), Ok(core::ptr::null_mut()));
        assert_eq!(entry_name(p, p, NAME_BUF), Ok(core::ptr::null_mut()));
        let h = unsafe {
            slot::with_parked(p, NAME_BUF, || {
                slot::import_realloc(core::ptr::null_mut(), 0, 1, 300)
            })
        };
        assert_eq!(entry_name(p, h, 300), Ok(h));
        // An empty name is no name: EIO wherever it landed.
        assert_eq!(entry_name(p, h, 0), Err(Errno::EIO));
        assert_eq!(entry_name(p, p, 0), Err(Errno::EIO));
        unsafe { crate::heap_free(h) };
        // Bug 3: a name pointer not handed out during the call is EIO.
        let mut other = [0u8; 300];
        assert_eq!(entry_name(p, other.as_mut_ptr(), 300), Err(Errno::EIO));
    }

    /// A link target reported in the caller's buffer with a length past the
    /// buffer: `readlink` returned the buffer's size as if the target had
    /// been truncated, though the host lied. Must be `EIO`.
    #[test]
    fn readlink_length_past_the_buffer_is_eio() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 16];
        let p = buf.as_mut_ptr();
        // SAFETY: the host's view: the buffer itself, with various lengths.
        unsafe {
            assert_eq!(land_truncated(&mut buf, p, 17), Err(Errno::EIO));
            assert_eq!(land_truncated(&mut buf, p, usize::MAX), Err(Errno::EIO));
            assert_eq!(land_truncated(&mut buf, p, 16), Ok(16));
            assert_eq!(land_truncated(&mut buf, p, 3), Ok(3));
        }
    }
}
