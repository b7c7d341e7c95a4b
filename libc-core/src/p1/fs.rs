//! Files and directories on preview1: `path_*` and `fd_*` calls, with the
//! rights wasi-libc asks for.

use super::{Sys, check, wasi};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::fs::*;
use crate::shared::Shared;
use crate::types::{O_NOFOLLOW, O_RDONLY, O_WRONLY};

/// `filestat` (64 bytes).
#[repr(C)]
struct Filestat {
    dev: u64,
    ino: u64,
    filetype: u8,
    nlink: u64,
    size: u64,
    atim: u64,
    mtim: u64,
    ctim: u64,
}
const _: () = assert!(core::mem::size_of::<Filestat>() == 64);

/// A `ctim` no host reports (the year 2554), stored before a `filestat`
/// call: still there after a successful call, the host wrote the 56-byte
/// `filestat` of `wasi_unstable` (snapshot 0: `nlink` is 32 bits) instead of
/// preview1's 64 bytes. The December 2020 WAMR does; read as preview1, its
/// size would be the access time.
const UNWRITTEN: u64 = u64::MAX;

/// The raw buffer a `filestat` call fills: eight little-endian words, read
/// as preview1's layout or, when word 7 is still [`UNWRITTEN`], as
/// snapshot 0's (`filetype` u8 at 16, `nlink` u32 at 20, size at 24, the
/// times at 32, 40, 48).
struct RawFilestat([u64; 8]);

impl RawFilestat {
    fn new() -> Self {
        let mut w = [0; 8];
        w[7] = UNWRITTEN;
        RawFilestat(w)
    }

    fn ptr(&mut self) -> *mut Filestat {
        self.0.as_mut_ptr().cast()
    }

    fn decode(&self) -> Filestat {
        let w = &self.0;
        let filetype = w[2] as u8;
        if w[7] == UNWRITTEN {
            Filestat {
                dev: w[0],
                ino: w[1],
                filetype,
                nlink: w[2] >> 32,
                size: w[3],
                atim: w[4],
                mtim: w[5],
                ctim: w[6],
            }
        } else {
            Filestat {
                dev: w[0],
                ino: w[1],
                filetype,
                nlink: w[3],
                size: w[4],
                atim: w[5],
                mtim: w[6],
                ctim: w[7],
            }
        }
    }
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn fd_filestat_get(fd: i32, buf: *mut Filestat) -> u16;
    fn path_filestat_get(
        fd: i32,
        flags: u32,
        path: *const u8,
        len: usize,
        buf: *mut Filestat,
    ) -> u16;
    fn path_create_directory(fd: i32, path: *const u8, len: usize) -> u16;
    fn path_unlink_file(fd: i32, path: *const u8, len: usize) -> u16;
    fn path_remove_directory(fd: i32, path: *const u8, len: usize) -> u16;
    fn path_rename(
        fd: i32,
        old: *const u8,
        old_len: usize,
        new_fd: i32,
        new: *const u8,
        new_len: usize,
    ) -> u16;
    fn path_link(
        old_fd: i32,
        old_flags: u32,
        old: *const u8,
        old_len: usize,
        new_fd: i32,
        new: *const u8,
        new_len: usize,
    ) -> u16;
    fn path_symlink(old: *const u8, old_len: usize, fd: i32, new: *const u8, new_len: usize)
    -> u16;
    fn path_readlink(
        fd: i32,
        path: *const u8,
        len: usize,
        buf: *mut u8,
        buf_len: usize,
        used: *mut usize,
    ) -> u16;
    fn path_filestat_set_times(
        fd: i32,
        flags: u32,
        path: *const u8,
        len: usize,
        atim: u64,
        mtim: u64,
        fst_flags: u16,
    ) -> u16;
    fn fd_filestat_set_times(fd: i32, atim: u64, mtim: u64, fst_flags: u16) -> u16;
    fn fd_filestat_set_size(fd: i32, size: u64) -> u16;
    fn fd_sync(fd: i32) -> u16;
    fn fd_datasync(fd: i32) -> u16;
    fn fd_readdir(fd: i32, buf: *mut u8, len: usize, cookie: u64, used: *mut usize) -> u16;
}

// Rights (preview1 `rights` bits).
const FD_DATASYNC: u64 = 1 << 0;
const FD_READ: u64 = 1 << 1;
const FD_WRITE: u64 = 1 << 6;
const FD_ALLOCATE: u64 = 1 << 8;
const FD_READDIR: u64 = 1 << 14;
const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;

const LOOKUP_SYMLINK_FOLLOW: u32 = 1;
const DIRECTORY: u8 = 3;

fn lookup(follow: bool) -> u32 {
    if follow { LOOKUP_SYMLINK_FOLLOW } else { 0 }
}

fn file_type(t: u8) -> FileType {
    match t {
        1 => FileType::BlockDevice,
        2 => FileType::CharacterDevice,
        3 => FileType::Directory,
        4 => FileType::RegularFile,
        5 | 6 => FileType::Socket,
        7 => FileType::SymbolicLink,
        _ => FileType::Unknown,
    }
}

fn to_stat(s: &Filestat) -> Stat {
    Stat {
        dev: s.dev,
        ino: s.ino,
        kind: file_type(s.filetype),
        nlink: s.nlink,
        size: s.size,
        atim: Timestamp::from_nanos(s.atim),
        mtim: Timestamp::from_nanos(s.mtim),
        ctim: Timestamp::from_nanos(s.ctim),
    }
}

fn fdstat(fd: i32) -> Result<wasi::Fdstat> {
    let mut st = wasi::Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    check(unsafe { wasi::fd_fdstat_get(fd, &mut st) })?;
    Ok(st)
}

/// Timestamps and `fstflags` for `*_set_times`.
fn times(atim: SetTime, mtim: SetTime) -> Result<(u64, u64, u16)> {
    let one = |t: SetTime, set: u16, now: u16| -> Result<(u64, u16)> {
        match t {
            SetTime::Omit => Ok((0, 0)),
            SetTime::Now => Ok((0, now)),
            SetTime::At(ts) => {
                let ns = u64::try_from(ts.sec)
                    .ok()
                    .and_then(|s| s.checked_mul(1_000_000_000))
                    .and_then(|n| n.checked_add(ts.nsec as u64))
                    .ok_or(Errno::EINVAL)?;
                Ok((ns, set))
            }
        }
    };
    let (a, fa) = one(atim, 1, 2)?;
    let (m, fm) = one(mtim, 4, 8)?;
    Ok((a, m, fa | fm))
}

/// Pre-opened directories, found once at first use.
/// Assumption: the host hands pre-opens out as consecutive fds from 3 and
/// `fd_prestat_get` fails after the last one (wasmtime, WAMR, node).
const MAX_PREOPENS: usize = 32;
#[derive(Copy, Clone)]
struct Preopen {
    fd: i32,
    name: *const u8,
    len: usize,
}
struct Preopens {
    loaded: bool,
    count: usize,
    list: [Preopen; MAX_PREOPENS],
}
/// Shared by all threads; loaded once, under its lock, then only read.
static PREOPENS: Shared<Preopens> = Shared::new(Preopens {
    loaded: false,
    count: 0,
    list: [Preopen {
        fd: -1,
        name: core::ptr::null(),
        len: 0,
    }; MAX_PREOPENS],
});

fn preopens() -> &'static Preopens {
    let mut guard = PREOPENS.lock();
    let p = &mut *guard;
    if p.loaded {
        drop(guard);
        // SAFETY: loaded, and never written again.
        return unsafe { &*PREOPENS.as_ptr() };
    }
    {
        p.loaded = true;
        for fd in 3.. {
            if p.count == MAX_PREOPENS {
                break;
            }
            let mut st = wasi::Prestat {
                tag: 0,
                name_len: 0,
            };
            // SAFETY: st is a valid out-pointer.
            if unsafe { wasi::fd_prestat_get(fd, &mut st) } != 0 {
                break;
            }
            let len = st.name_len as usize;
            let name = crate::heap_alloc(len.max(1), 1);
            if st.tag != 0 || name.is_null() {
                continue;
            }
            // SAFETY: name has room for len bytes.
            if unsafe { wasi::fd_prestat_dir_name(fd, name, len) } == 0 {
                // Some hosts count a trailing NUL in the length.
                // SAFETY: name holds len bytes.
                let s = unsafe { core::slice::from_raw_parts(name, len) };
                let len = s.iter().position(|&c| c == 0).unwrap_or(len);
                p.list[p.count] = Preopen { fd, name, len };
                p.count += 1;
            }
        }
    }
    drop(guard);
    // SAFETY: loaded (just now), and never written again.
    unsafe { &*PREOPENS.as_ptr() }
}

/// Longest symbolic link target `readlink` reads whole to truncate it.
const READLINK_MAX: usize = 1024;

impl PalFs for Sys {
    fn preopen(i: usize) -> Option<(i32, &'static [u8])> {
        let p = preopens();
        let e = p.list[..p.count].get(i)?;
        // SAFETY: the name block is kept for the program's life.
        Some((e.fd, unsafe { core::slice::from_raw_parts(e.name, e.len) }))
    }

    fn openat(dir: i32, path: &[u8], oflags: i32) -> Result<i32> {
        // wasi-libc's rights: everything except what contradicts the access
        // mode, limited to what the directory lets its children have.
        let mut max =
            !(FD_DATASYNC | FD_READ | FD_WRITE | FD_ALLOCATE | FD_READDIR | FD_FILESTAT_SET_SIZE);
        if oflags & O_RDONLY != 0 {
            max |= FD_READ | FD_READDIR;
        }
        if oflags & O_WRONLY != 0 {
            max |= FD_DATASYNC | FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE;
        }
        let inheriting = fdstat(dir)?.rights_inheriting;
        let mut fd = -1;
        // SAFETY: path is a valid byte range; fd is a valid out-pointer.
        check(unsafe {
            wasi::path_open(
                dir,
                lookup(oflags & O_NOFOLLOW == 0),
                path.as_ptr(),
                path.len(),
                ((oflags >> 12) & 0xf) as u16,
                max & inheriting,
                inheriting,
                (oflags & 0xfff) as u16,
                &mut fd,
            )
        })?;
        Ok(fd)
    }

    fn fstat(fd: i32) -> Result<Stat> {
        let mut st = RawFilestat::new();
        // SAFETY: st is a valid, aligned 64-byte out-pointer.
        check(unsafe { fd_filestat_get(fd, st.ptr()) })?;
        Ok(to_stat(&st.decode()))
    }

    fn statat(dir: i32, path: &[u8], follow: bool) -> Result<Stat> {
        let mut st = RawFilestat::new();
        // SAFETY: path is a valid byte range; st a valid, aligned 64-byte
        // out-pointer.
        check(unsafe {
            path_filestat_get(dir, lookup(follow), path.as_ptr(), path.len(), st.ptr())
        })?;
        Ok(to_stat(&st.decode()))
    }

    fn accessat(dir: i32, path: &[u8], amode: i32, follow: bool) -> Result<()> {
        let st = Self::statat(dir, path, follow)?;
        if amode & (R_OK | W_OK) == 0 {
            return Ok(());
        }
        // What a file opened under `dir` could get (wasi-libc's check).
        let inheriting = fdstat(dir)?.rights_inheriting;
        let mut min = 0;
        if amode & R_OK != 0 {
            min |= if st.kind == FileType::Directory {
                FD_READDIR
            } else {
                FD_READ
            };
        }
        if amode & W_OK != 0 {
            min |= FD_WRITE;
        }
        if inheriting & min == min {
            Ok(())
        } else {
            Err(Errno::EACCES)
        }
    }

    fn mkdirat(dir: i32, path: &[u8]) -> Result<()> {
        // SAFETY: path is a valid byte range.
        check(unsafe { path_create_directory(dir, path.as_ptr(), path.len()) })
    }

    fn unlinkat(dir: i32, path: &[u8]) -> Result<()> {
        // SAFETY: path is a valid byte range.
        check(unsafe { path_unlink_file(dir, path.as_ptr(), path.len()) })
    }

    fn rmdirat(dir: i32, path: &[u8]) -> Result<()> {
        // SAFETY: path is a valid byte range.
        check(unsafe { path_remove_directory(dir, path.as_ptr(), path.len()) })
    }

    fn renameat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8]) -> Result<()> {
        // SAFETY: both paths are valid byte ranges.
        check(unsafe {
            path_rename(
                old_dir,
                old.as_ptr(),
                old.len(),
                new_dir,
                new.as_ptr(),
                new.len(),
            )
        })
    }

    fn linkat(old_dir: i32, old: &[u8], new_dir: i32, new: &[u8], follow: bool) -> Result<()> {
        // SAFETY: both paths are valid byte ranges.
        check(unsafe {
            path_link(
                old_dir,
                lookup(follow),
                old.as_ptr(),
                old.len(),
                new_dir,
                new.as_ptr(),
                new.len(),
            )
        })
    }

    fn symlinkat(target: &[u8], dir: i32, path: &[u8]) -> Result<()> {
        // SAFETY: both are valid byte ranges.
        check(unsafe {
            path_symlink(
                target.as_ptr(),
                target.len(),
                dir,
                path.as_ptr(),
                path.len(),
            )
        })
    }

    fn readlinkat(dir: i32, path: &[u8], buf: &mut [u8]) -> Result<usize> {
        let once = |buf: &mut [u8]| -> Result<usize> {
            let mut used = 0;
            // SAFETY: path and buf are valid ranges; used a valid out-pointer.
            check(unsafe {
                path_readlink(
                    dir,
                    path.as_ptr(),
                    path.len(),
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut used,
                )
            })?;
            Ok(used.min(buf.len()))
        };
        match once(buf) {
            // POSIX truncates a target longer than the buffer; some hosts
            // (node's uvwasi) refuse instead: read it whole, then truncate.
            Err(e) if buf.len() < READLINK_MAX && e != Errno::ENOENT && e != Errno::EINVAL => {
                let mut whole = [0u8; READLINK_MAX];
                let n = once(&mut whole)?;
                let n = n.min(buf.len());
                buf[..n].copy_from_slice(&whole[..n]);
                Ok(n)
            }
            r => r,
        }
    }

    fn utimensat(dir: i32, path: &[u8], atim: SetTime, mtim: SetTime, follow: bool) -> Result<()> {
        let (a, m, f) = times(atim, mtim)?;
        // SAFETY: path is a valid byte range.
        check(unsafe {
            path_filestat_set_times(dir, lookup(follow), path.as_ptr(), path.len(), a, m, f)
        })
    }

    fn futimens(fd: i32, atim: SetTime, mtim: SetTime) -> Result<()> {
        let (a, m, f) = times(atim, mtim)?;
        // SAFETY: plain values.
        check(unsafe { fd_filestat_set_times(fd, a, m, f) })
    }

    fn ftruncate(fd: i32, len: u64) -> Result<()> {
        // SAFETY: plain values.
        check(unsafe { fd_filestat_set_size(fd, len) }).map_err(|e| {
            // A descriptor without the right is one not open for writing:
            // POSIX's EINVAL (what wasmtime answers itself).
            if e == Errno::ENOTCAPABLE {
                Errno::EINVAL
            } else {
                e
            }
        })
    }

    fn fsync(fd: i32) -> Result<()> {
        // SAFETY: plain values.
        check(unsafe { fd_sync(fd) })
    }

    fn fdatasync(fd: i32) -> Result<()> {
        // SAFETY: plain values.
        check(unsafe { fd_datasync(fd) })
    }

    type Dir = Dir;

    fn dir_open(fd: i32) -> Result<Dir> {
        if fdstat(fd)?.filetype != DIRECTORY {
            return Err(Errno::ENOTDIR);
        }
        let buf = crate::heap_alloc(DIR_BUF, 8);
        if buf.is_null() {
            return Err(Errno::ENOMEM);
        }
        Ok(Dir {
            fd,
            buf,
            cap: DIR_BUF,
            used: DIR_BUF,
            pos: DIR_BUF,
            cookie: 0,
        })
    }

    fn dir_read(d: &mut Dir) -> Result<Option<DirEntry<'_>>> {
        loop {
            let left = d.used - d.pos;
            if left < DIRENT_SIZE {
                if d.used < d.cap {
                    return Ok(None); // the last fd_readdir came back short
                }
                d.refill()?;
                continue;
            }
            // SAFETY: the header lies within the used part of buf.
            let (next, ino, namlen, kind) = unsafe {
                let h = d.buf.add(d.pos);
                (
                    (h as *const u64).read_unaligned(),
                    (h.add(8) as *const u64).read_unaligned(),
                    (h.add(16) as *const u32).read_unaligned() as usize,
                    *h.add(20),
                )
            };
            let size = DIRENT_SIZE + namlen;
            if left < size {
                // Truncated: read again from this entry, with room for it.
                if size > d.cap {
                    d.grow(size.next_power_of_two())?;
                }
                d.refill()?;
                continue;
            }
            let name_at = d.pos + DIRENT_SIZE;
            d.pos += size;
            d.cookie = next;
            if namlen == 0 {
                continue;
            }
            // SAFETY: the name lies within the used part of buf, which is
            // not touched again until the next call on `d`.
            let name = unsafe { core::slice::from_raw_parts(d.buf.add(name_at), namlen) };
            return Ok(Some(DirEntry {
                ino,
                kind: file_type(kind),
                name,
            }));
        }
    }

    fn dir_tell(d: &Dir) -> u64 {
        d.cookie
    }

    fn dir_seek(d: &mut Dir, pos: u64) -> Result<()> {
        d.cookie = pos;
        d.used = d.cap;
        d.pos = d.cap;
        Ok(())
    }

    fn dir_close(d: Dir) {
        // SAFETY: our block.
        unsafe { crate::heap_free(d.buf) }
    }
}

/// Size of a preview1 `dirent` header.
const DIRENT_SIZE: usize = 24;
/// Initial `fd_readdir` buffer (wasi-libc's size).
const DIR_BUF: usize = 4096;

/// A directory stream: a buffer of `fd_readdir` output and the cookie of
/// the next entry.
pub struct Dir {
    fd: i32,
    buf: *mut u8,
    cap: usize,
    /// Bytes of `buf` the last `fd_readdir` filled.
    used: usize,
    /// Offset of the next entry in `buf`.
    pos: usize,
    /// Cookie of the next entry to return.
    cookie: u64,
}

impl Dir {
    fn refill(&mut self) -> Result<()> {
        let mut used = 0;
        // SAFETY: buf holds cap bytes; used is a valid out-pointer.
        let r = check(unsafe { fd_readdir(self.fd, self.buf, self.cap, self.cookie, &mut used) });
        if let Err(e) = r {
            // Leave the stream at its end rather than in a half state.
            self.used = 0;
            self.pos = 0;
            return Err(e);
        }
        self.used = used.min(self.cap);
        self.pos = 0;
        Ok(())
    }

    fn grow(&mut self, cap: usize) -> Result<()> {
        let new = crate::heap_alloc(cap, 8);
        if new.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: our block, about to be replaced.
        unsafe { crate::heap_free(self.buf) };
        self.buf = new;
        self.cap = cap;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two layouts, as bytes a host writes: preview1 (64 bytes) and the
    /// December 2020 WAMR's snapshot 0 (56 bytes, word 7 left alone).
    #[test]
    fn filestat_layouts() {
        let mut p1 = RawFilestat::new();
        p1.0 = [1, 2, 4, 3, 26, 1_000, 2_000, 3_000];
        let st = p1.decode();
        assert_eq!(
            (st.dev, st.ino, st.filetype, st.nlink, st.size),
            (1, 2, 4, 3, 26)
        );
        assert_eq!((st.atim, st.mtim, st.ctim), (1_000, 2_000, 3_000));

        let mut s0 = RawFilestat::new();
        // filetype 4 at byte 16, nlink 3 at byte 20.
        s0.0[..7].copy_from_slice(&[1, 2, 4 | (3 << 32), 26, 1_000, 2_000, 3_000]);
        let st = s0.decode();
        assert_eq!(
            (st.dev, st.ino, st.filetype, st.nlink, st.size),
            (1, 2, 4, 3, 26)
        );
        assert_eq!((st.atim, st.mtim, st.ctim), (1_000, 2_000, 3_000));
    }
}
