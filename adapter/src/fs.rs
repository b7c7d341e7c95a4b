//! `wasi:filesystem/preopens` and `wasi:filesystem/types` over preview1's
//! fd_* and path_* calls. Result layouts: `result<_, error-code>` is
//! [0] tag [1] code; records with u64 fields put the payload at 8.

use crate::errors::put_fs_err;
use crate::mem::{alloc, alloc_copy, check_list, put_u8, put_u32, put_u64, trap};
use crate::p1;
use crate::table::{self, APPEND, AT_POS, Kind, NO_CLOSE};

fn fd(h: i32) -> u32 {
    table::get(h, Kind::Descriptor).fd
}

/// `result<_, error-code>` from a preview1 return value.
fn unit(ret: *mut u8, r: i32) {
    if r == 0 {
        put_u8(ret, 0, 0);
    } else {
        put_fs_err(ret, 1, r);
    }
}

/// A guest string argument, checked in bounds.
fn path(ptr: *const u8, len: usize) -> (*const u8, usize) {
    check_list(ptr, len);
    (ptr, len)
}

/// `get-directories: func() -> list<tuple<own<descriptor>, string>>`:
/// the preopened directories (fd 3 upwards until fd_prestat_get fails).
#[unsafe(export_name = "wasi:filesystem/preopens#get-directories")]
pub extern "C" fn get_directories(ret: *mut u8) {
    let mut n = 0u32;
    loop {
        let mut pre = [0u32; 2];
        // SAFETY: the 8-byte prestat on our stack.
        if unsafe { p1::fd_prestat_get(3 + n, pre.as_mut_ptr()) } != 0 || pre[0] & 0xff != 0 {
            break;
        }
        n += 1;
    }
    let spine = alloc(4, 12 * n as usize);
    for i in 0..n {
        let mut pre = [0u32; 2];
        // SAFETY: as above.
        if unsafe { p1::fd_prestat_get(3 + i, pre.as_mut_ptr()) } != 0 {
            trap();
        }
        let len = pre[1] as usize;
        let name = alloc(1, len);
        // SAFETY: `name` is a fresh block of `len` bytes.
        if unsafe { p1::fd_prestat_dir_name(3 + i, name, len) } != 0 {
            trap();
        }
        // Some hosts count a trailing NUL in the length.
        let mut l = len;
        // SAFETY: `l - 1 < len` bytes of the block.
        while l > 0 && unsafe { *name.add(l - 1) } == 0 {
            l -= 1;
        }
        let h = table::insert(Kind::Descriptor, NO_CLOSE, 3 + i, 0);
        // SAFETY: entry `i` of the fresh spine of `n` 12-byte entries.
        let e = unsafe { spine.add(12 * i as usize) };
        put_u32(e, 0, h as u32);
        put_u32(e, 4, name as u32);
        put_u32(e, 8, l as u32);
    }
    put_u32(ret, 0, spine as u32);
    put_u32(ret, 4, n);
}

/// A stream over descriptor `h`: layout [0] tag [4] handle / code.
fn stream(h: i32, kind: Kind, flags: u8, offset: u64, ret: *mut u8) {
    let e = table::get(h, Kind::Descriptor);
    let fd = e.fd;
    let s = table::insert(kind, flags, fd, offset);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, s as u32);
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.read-via-stream")]
pub extern "C" fn read_via_stream(h: i32, offset: u64, ret: *mut u8) {
    stream(h, Kind::Input, AT_POS, offset, ret)
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.write-via-stream")]
pub extern "C" fn write_via_stream(h: i32, offset: u64, ret: *mut u8) {
    stream(h, Kind::Output, AT_POS, offset, ret)
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.append-via-stream")]
pub extern "C" fn append_via_stream(h: i32, ret: *mut u8) {
    stream(h, Kind::Output, APPEND, 0, ret)
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.advise")]
pub extern "C" fn advise(h: i32, offset: u64, len: u64, advice: i32, ret: *mut u8) {
    // SAFETY: plain values (the advice numbering is the same).
    unit(ret, unsafe {
        p1::fd_advise(fd(h), offset, len, advice as u8)
    })
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.sync-data")]
pub extern "C" fn sync_data(h: i32, ret: *mut u8) {
    // SAFETY: a plain value.
    unit(ret, unsafe { p1::fd_datasync(fd(h)) })
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.sync")]
pub extern "C" fn sync(h: i32, ret: *mut u8) {
    // SAFETY: a plain value.
    unit(ret, unsafe { p1::fd_sync(fd(h)) })
}

fn fdstat(fd: u32) -> Result<p1::Fdstat, i32> {
    let mut st = p1::Fdstat {
        filetype: 0,
        flags: 0,
        rights_base: 0,
        rights_inheriting: 0,
    };
    // SAFETY: an out-parameter on our stack.
    match unsafe { p1::fd_fdstat_get(fd, &mut st) } {
        0 => Ok(st),
        r => Err(r),
    }
}

/// `get-flags`: layout [0] tag [1] flags / code.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.get-flags")]
pub extern "C" fn get_flags(h: i32, ret: *mut u8) {
    match fdstat(fd(h)) {
        Ok(st) => {
            let mut f = 0u8;
            if st.rights_base & (p1::RIGHT_FD_READ | p1::RIGHT_FD_READDIR) != 0 {
                f |= 1;
            }
            if st.rights_base & p1::RIGHT_FD_WRITE != 0 {
                f |= 2;
            }
            if st.flags & p1::FDFLAGS_SYNC != 0 {
                f |= 4;
            }
            if st.flags & p1::FDFLAGS_DSYNC != 0 {
                f |= 8;
            }
            if st.flags & p1::FDFLAGS_RSYNC != 0 {
                f |= 16;
            }
            if st.filetype == p1::FILETYPE_DIRECTORY
                && st.rights_base & p1::RIGHT_PATH_CREATE_DIRECTORY != 0
            {
                f |= 32;
            }
            put_u8(ret, 0, 0);
            put_u8(ret, 1, f);
        }
        Err(r) => put_fs_err(ret, 1, r),
    }
}

/// preview1 `filetype` → WASI 0.2 `descriptor-type`, one nibble each
/// (0..=3 keep their numbers, regular file 4 → 6, sockets 5, 6 → 7,
/// symlink 7 → 5; anything else unknown): no table in memory.
fn file_type(t: u8) -> u8 {
    if t < 8 {
        ((0x5776_3210u32 >> (4 * t as u32)) & 0xf) as u8
    } else {
        0
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.get-type")]
pub extern "C" fn get_type(h: i32, ret: *mut u8) {
    match fdstat(fd(h)) {
        Ok(st) => {
            put_u8(ret, 0, 0);
            put_u8(ret, 1, file_type(st.filetype));
        }
        Err(r) => put_fs_err(ret, 1, r),
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.set-size")]
pub extern "C" fn set_size(h: i32, size: u64, ret: *mut u8) {
    // SAFETY: plain values.
    unit(ret, unsafe { p1::fd_filestat_set_size(fd(h), size) })
}

/// A `new-timestamp` (tag, seconds, nanoseconds) as preview1's time and
/// `fstflags` bits (`set`, `now`).
fn new_timestamp(tag: i32, s: i64, ns: i32, set: u16, now: u16) -> (u64, u16) {
    match tag {
        0 => (0, 0),
        1 => (0, now),
        2 => {
            let t = (s as u64)
                .checked_mul(1_000_000_000)
                .and_then(|t| t.checked_add(ns as u32 as u64));
            match t {
                Some(t) => (t, set),
                None => (u64::MAX, u16::MAX),
            }
        }
        _ => trap(),
    }
}

#[allow(clippy::too_many_arguments)]
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.set-times")]
pub extern "C" fn set_times(
    h: i32,
    a_tag: i32,
    a_s: i64,
    a_ns: i32,
    m_tag: i32,
    m_s: i64,
    m_ns: i32,
    ret: *mut u8,
) {
    let (a, af) = new_timestamp(a_tag, a_s, a_ns, p1::FSTFLAGS_ATIM, p1::FSTFLAGS_ATIM_NOW);
    let (m, mf) = new_timestamp(m_tag, m_s, m_ns, p1::FSTFLAGS_MTIM, p1::FSTFLAGS_MTIM_NOW);
    if af == u16::MAX || mf == u16::MAX {
        return put_fs_err(ret, 1, p1::EOVERFLOW);
    }
    // SAFETY: plain values.
    unit(ret, unsafe {
        p1::fd_filestat_set_times(fd(h), a, m, af | mf)
    })
}

#[allow(clippy::too_many_arguments)]
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.set-times-at")]
pub extern "C" fn set_times_at(
    h: i32,
    flags: i32,
    p: *const u8,
    l: usize,
    a_tag: i32,
    a_s: i64,
    a_ns: i32,
    m_tag: i32,
    m_s: i64,
    m_ns: i32,
    ret: *mut u8,
) {
    let (p, l) = path(p, l);
    let (a, af) = new_timestamp(a_tag, a_s, a_ns, p1::FSTFLAGS_ATIM, p1::FSTFLAGS_ATIM_NOW);
    let (m, mf) = new_timestamp(m_tag, m_s, m_ns, p1::FSTFLAGS_MTIM, p1::FSTFLAGS_MTIM_NOW);
    if af == u16::MAX || mf == u16::MAX {
        return put_fs_err(ret, 1, p1::EOVERFLOW);
    }
    // SAFETY: the path is in bounds.
    let r = unsafe { p1::path_filestat_set_times(fd(h), flags as u32 & 1, p, l, a, m, af | mf) };
    unit(ret, r)
}

/// `read: func(length, offset) -> result<tuple<list<u8>, bool>, error-code>`:
/// one realloc for the length, fd_pread into it (zero copy).
/// Layout: [0] tag, ok [4] ptr [8] len [12] end-of-file, err [4] code.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.read")]
pub extern "C" fn read(h: i32, len: u64, offset: u64, ret: *mut u8) {
    let fd = fd(h);
    let n = if len > 1 << 20 { 1 << 20 } else { len as usize };
    let buf = alloc(1, n);
    let (iov, count) = table::scratch();
    // SAFETY: `buf` is a fresh block of `n` bytes; the iovec and the count
    // are the region's scratch.
    let (r, got) = unsafe {
        iov.write(p1::Iovec { buf, len: n });
        count.write(0);
        let r = p1::fd_pread(fd, iov, 1, offset, count);
        (r, count.read())
    };
    if r != 0 {
        return put_fs_err(ret, 4, r);
    }
    if got > n {
        trap();
    }
    put_u8(ret, 0, 0);
    put_u32(ret, 4, buf as u32);
    put_u32(ret, 8, got as u32);
    put_u8(ret, 12, (got < n) as u8);
}

/// `write: func(buffer, offset) -> result<filesize, error-code>`:
/// layout [0] tag, ok [8] u64, err [8] code.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.write")]
pub extern "C" fn write(h: i32, ptr: *const u8, len: usize, offset: u64, ret: *mut u8) {
    let fd = fd(h);
    check_list(ptr, len);
    let iov = p1::Ciovec { buf: ptr, len };
    let mut n = 0usize;
    // SAFETY: the buffer is in bounds; iovec and count on our stack.
    let r = unsafe { p1::fd_pwrite(fd, &iov, 1, offset, &mut n) };
    if r != 0 {
        return put_fs_err(ret, 8, r);
    }
    put_u8(ret, 0, 0);
    put_u64(ret, 8, n as u64);
}

/// `read-directory`: a directory-entry stream from cookie 0.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.read-directory")]
pub extern "C" fn read_directory(h: i32, ret: *mut u8) {
    let fd = fd(h);
    let s = table::insert(Kind::DirStream, 0, fd, 0);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, s as u32);
}

/// Bytes of a preview1 `dirent` header.
const DIRENT: usize = 24;
/// The longest name `read-directory-entry` returns.
const NAME_MAX: usize = 1024;

/// A preview1 `dirent` header at `at` of `buf`: (next cookie, name
/// length, type), or none when it does not fit.
fn dirent(buf: &[u8], at: usize) -> Option<(u64, usize, u8)> {
    let h = buf.get(at..at.checked_add(DIRENT)?)?;
    let next = u64::from_le_bytes(h[0..8].try_into().ok()?);
    let namlen = u32::from_le_bytes(h[16..20].try_into().ok()?) as usize;
    Some((next, namlen, h[20]))
}

/// Stores `some(entry)` (a copy of the name from the program's realloc).
fn put_entry(ret: *mut u8, ty: u8, name: &[u8]) {
    let p = alloc_copy(name.as_ptr(), name.len());
    put_u8(ret, 0, 0);
    put_u8(ret, 4, 1);
    put_u8(ret, 8, file_type(ty));
    put_u32(ret, 12, p as u32);
    put_u32(ret, 16, name.len() as u32);
}

/// Stores `none` (the end of the directory).
fn put_end(ret: *mut u8) {
    put_u8(ret, 0, 0);
    put_u8(ret, 4, 0);
}

/// `read-directory-entry: func() -> result<option<directory-entry>, error-code>`:
/// the next entry of the stream's batch ([`table::dir_buf`]), refilled by
/// one `fd_readdir` from the stream's cookie when used up; `.` and `..`
/// skipped. Without a free batch (more than `DIR_BUFS` streams open) one
/// `fd_readdir` per entry.
/// Layout: [0] tag, ok [4] some [8] type [12] name ptr [16] name len, err [4] code.
#[unsafe(export_name = "wasi:filesystem/types#[method]directory-entry-stream.read-directory-entry")]
pub extern "C" fn read_directory_entry(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::DirStream);
    let Some(d) = table::dir_buf(h) else {
        return read_one_entry(e, ret);
    };
    loop {
        let (used, off) = (d.used as usize, d.off as usize);
        let entry = dirent(&d.buf[..used], off);
        let fits = entry.is_some_and(|(_, n, _)| n <= NAME_MAX && off + DIRENT + n <= used);
        if !fits {
            if entry.is_some_and(|(_, n, _)| n > NAME_MAX) {
                return put_fs_err(ret, 4, p1::ENAMETOOLONG);
            }
            if off == 0 && used >= DIRENT {
                // A fresh batch (room for the longest entry) whose first
                // entry is cut short: the host lies.
                return put_fs_err(ret, 4, p1::EINVAL);
            }
            // Used up (or a cut entry at the end): refill from the cookie.
            let mut n = 0usize;
            // SAFETY: the batch in the region, DIR_BUF bytes.
            let r =
                unsafe { p1::fd_readdir(e.fd, d.buf.as_mut_ptr(), table::DIR_BUF, e.pos, &mut n) };
            if r != 0 {
                return put_fs_err(ret, 4, r);
            }
            if n > table::DIR_BUF {
                trap();
            }
            d.used = n as u16;
            d.off = 0;
            if n < DIRENT {
                return put_end(ret);
            }
            continue;
        }
        let Some((next, namlen, ty)) = entry else {
            trap()
        };
        let name_at = off + DIRENT;
        d.off = (name_at + namlen) as u16;
        e.pos = next;
        let name = &d.buf[name_at..name_at + namlen];
        if name == b"." || name == b".." {
            continue;
        }
        return put_entry(ret, ty, name);
    }
}

/// [`read_directory_entry`] without a batch: one `fd_readdir` per entry.
fn read_one_entry(e: &mut table::Entry, ret: *mut u8) {
    let mut buf = [0u8; DIRENT + NAME_MAX];
    loop {
        let mut used = 0usize;
        // SAFETY: the buffer on our stack.
        let r = unsafe { p1::fd_readdir(e.fd, buf.as_mut_ptr(), buf.len(), e.pos, &mut used) };
        if r != 0 {
            return put_fs_err(ret, 4, r);
        }
        if used > buf.len() {
            trap();
        }
        let Some((next, namlen, ty)) = dirent(&buf[..used], 0) else {
            return put_end(ret);
        };
        if namlen > NAME_MAX {
            return put_fs_err(ret, 4, p1::ENAMETOOLONG);
        }
        if DIRENT + namlen > used {
            // Truncated although the whole buffer was offered.
            return put_fs_err(ret, 4, p1::EINVAL);
        }
        e.pos = next;
        let name = &buf[DIRENT..DIRENT + namlen];
        if name == b"." || name == b".." {
            continue;
        }
        return put_entry(ret, ty, name);
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.create-directory-at")]
pub extern "C" fn create_directory_at(h: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    // SAFETY: the path is in bounds.
    unit(ret, unsafe { p1::path_create_directory(fd(h), p, l) })
}

fn filestat_new() -> p1::Filestat {
    p1::Filestat {
        dev: 0,
        ino: 0,
        filetype: 0,
        nlink: 0,
        size: 0,
        atim: 0,
        mtim: 0,
        ctim: 0,
    }
}

/// A `descriptor-stat` at `ret + 8` (layout: type 0, link-count 8, size 16,
/// three `option<datetime>` at 24, 48, 72 with the payload 8 further).
fn put_stat(ret: *mut u8, st: &p1::Filestat) {
    // SAFETY: the stat record is inside the 104-byte return area.
    let s = unsafe { ret.add(8) };
    put_u8(s, 0, file_type(st.filetype));
    put_u64(s, 8, st.nlink);
    put_u64(s, 16, st.size);
    for (off, t) in [(24, st.atim), (48, st.mtim), (72, st.ctim)] {
        put_u8(s, off, 1);
        put_u64(s, off + 8, t / 1_000_000_000);
        put_u32(s, off + 16, (t % 1_000_000_000) as u32);
    }
    put_u8(ret, 0, 0);
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.stat")]
pub extern "C" fn stat(h: i32, ret: *mut u8) {
    let mut st = filestat_new();
    // SAFETY: an out-parameter on our stack.
    match unsafe { p1::fd_filestat_get(fd(h), &mut st) } {
        0 => put_stat(ret, &st),
        r => put_fs_err(ret, 8, r),
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.stat-at")]
pub extern "C" fn stat_at(h: i32, flags: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    let mut st = filestat_new();
    // SAFETY: the path is in bounds; an out-parameter on our stack.
    match unsafe { p1::path_filestat_get(fd(h), flags as u32 & 1, p, l, &mut st) } {
        0 => put_stat(ret, &st),
        r => put_fs_err(ret, 8, r),
    }
}

#[allow(clippy::too_many_arguments)]
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.link-at")]
pub extern "C" fn link_at(
    h: i32,
    flags: i32,
    op: *const u8,
    ol: usize,
    new: i32,
    np: *const u8,
    nl: usize,
    ret: *mut u8,
) {
    let (op, ol) = path(op, ol);
    let (np, nl) = path(np, nl);
    // SAFETY: both paths are in bounds.
    let r = unsafe { p1::path_link(fd(h), flags as u32 & 1, op, ol, fd(new), np, nl) };
    unit(ret, r)
}

/// `open-at`: rights from the descriptor flags (read, write) and every
/// other right, within what the directory passes on; `fdflags` from the
/// sync flags. Layout: [0] tag [4] handle / code.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.open-at")]
pub extern "C" fn open_at(
    h: i32,
    path_flags: i32,
    p: *const u8,
    l: usize,
    open_flags: i32,
    flags: i32,
    ret: *mut u8,
) {
    let (p, l) = path(p, l);
    let write_rights = p1::RIGHT_FD_WRITE
        | p1::RIGHT_FD_DATASYNC
        | p1::RIGHT_FD_SYNC
        | p1::RIGHT_FD_ALLOCATE
        | p1::RIGHT_FD_FILESTAT_SET_SIZE;
    let mut base = p1::RIGHTS_ALL & !write_rights & !p1::RIGHT_FD_READ;
    if flags & 1 != 0 {
        base |= p1::RIGHT_FD_READ;
    }
    if flags & 2 != 0 {
        base |= write_rights;
    }
    let mut fdflags = 0u16;
    if flags & 4 != 0 {
        fdflags |= p1::FDFLAGS_SYNC;
    }
    if flags & 8 != 0 {
        fdflags |= p1::FDFLAGS_DSYNC;
    }
    if flags & 16 != 0 {
        fdflags |= p1::FDFLAGS_RSYNC;
    }
    // Ask for no more than the directory passes on (uvwasi refuses more).
    let dir = fd(h);
    let inheriting = match fdstat(dir) {
        Ok(st) => st.rights_inheriting,
        Err(r) => return put_fs_err(ret, 4, r),
    };
    let mut opened = 0u32;
    // SAFETY: the path is in bounds; an out-parameter on our stack.
    let r = unsafe {
        p1::path_open(
            dir,
            path_flags as u32 & 1,
            p,
            l,
            (open_flags & 0xf) as u16,
            base & inheriting,
            inheriting,
            fdflags,
            &mut opened,
        )
    };
    if r != 0 {
        return put_fs_err(ret, 4, r);
    }
    put_u8(ret, 0, 0);
    put_u32(ret, 4, table::insert(Kind::Descriptor, 0, opened, 0) as u32);
}

/// `readlink-at: func(path) -> result<string, error-code>`:
/// layout [0] tag, ok [4] ptr [8] len, err [4] code.
#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.readlink-at")]
pub extern "C" fn readlink_at(h: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    let mut buf = [0u8; 4096];
    let mut used = 0usize;
    // SAFETY: the path is in bounds; the buffer and count on our stack.
    let r = unsafe { p1::path_readlink(fd(h), p, l, buf.as_mut_ptr(), buf.len(), &mut used) };
    if r != 0 {
        return put_fs_err(ret, 4, r);
    }
    if used > buf.len() {
        trap();
    }
    let s = alloc_copy(buf.as_ptr(), used);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, s as u32);
    put_u32(ret, 8, used as u32);
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.remove-directory-at")]
pub extern "C" fn remove_directory_at(h: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    // SAFETY: the path is in bounds.
    unit(ret, unsafe { p1::path_remove_directory(fd(h), p, l) })
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.unlink-file-at")]
pub extern "C" fn unlink_file_at(h: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    // SAFETY: the path is in bounds.
    unit(ret, unsafe { p1::path_unlink_file(fd(h), p, l) })
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.rename-at")]
pub extern "C" fn rename_at(
    h: i32,
    op: *const u8,
    ol: usize,
    new: i32,
    np: *const u8,
    nl: usize,
    ret: *mut u8,
) {
    let (op, ol) = path(op, ol);
    let (np, nl) = path(np, nl);
    // SAFETY: both paths are in bounds.
    unit(ret, unsafe {
        p1::path_rename(fd(h), op, ol, fd(new), np, nl)
    })
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.symlink-at")]
pub extern "C" fn symlink_at(
    h: i32,
    op: *const u8,
    ol: usize,
    np: *const u8,
    nl: usize,
    ret: *mut u8,
) {
    let (op, ol) = path(op, ol);
    let (np, nl) = path(np, nl);
    // SAFETY: both paths are in bounds.
    unit(ret, unsafe { p1::path_symlink(op, ol, fd(h), np, nl) })
}

fn filestat(fd: u32) -> Result<p1::Filestat, i32> {
    let mut st = filestat_new();
    // SAFETY: an out-parameter on our stack.
    match unsafe { p1::fd_filestat_get(fd, &mut st) } {
        0 => Ok(st),
        r => Err(r),
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.is-same-object")]
pub extern "C" fn is_same_object(a: i32, b: i32) -> i32 {
    match (filestat(fd(a)), filestat(fd(b))) {
        (Ok(x), Ok(y)) => (x.dev == y.dev && x.ino == y.ino) as i32,
        _ => 0,
    }
}

/// `metadata-hash-value` {lower: inode, upper: device} at 8.
fn put_hash(ret: *mut u8, st: &p1::Filestat) {
    put_u8(ret, 0, 0);
    put_u64(ret, 8, st.ino);
    put_u64(ret, 16, st.dev);
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.metadata-hash")]
pub extern "C" fn metadata_hash(h: i32, ret: *mut u8) {
    match filestat(fd(h)) {
        Ok(st) => put_hash(ret, &st),
        Err(r) => put_fs_err(ret, 8, r),
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[method]descriptor.metadata-hash-at")]
pub extern "C" fn metadata_hash_at(h: i32, flags: i32, p: *const u8, l: usize, ret: *mut u8) {
    let (p, l) = path(p, l);
    let mut st = filestat_new();
    // SAFETY: the path is in bounds; an out-parameter on our stack.
    match unsafe { p1::path_filestat_get(fd(h), flags as u32 & 1, p, l, &mut st) } {
        0 => put_hash(ret, &st),
        r => put_fs_err(ret, 8, r),
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[resource-drop]descriptor")]
pub extern "C" fn drop_descriptor(h: i32) {
    let (fd, flags) = table::remove(h, Kind::Descriptor);
    if flags & NO_CLOSE == 0 {
        // SAFETY: the descriptor owned this fd.
        unsafe { p1::fd_close(fd) };
    }
}

#[unsafe(export_name = "wasi:filesystem/types#[resource-drop]directory-entry-stream")]
pub extern "C" fn drop_dir_stream(h: i32) {
    table::remove(h, Kind::DirStream);
    table::dir_buf_release(h);
}

/// Unused preview1 errnos kept for the map's documentation.
const _: [i32; 2] = [p1::EBADF, p1::ENOMEM];
