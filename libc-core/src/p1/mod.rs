//! The WASI preview1 backend: direct `wasi_snapshot_preview1` imports.
//!
//! preview1 reads straight into caller-provided iovecs, so this backend needs
//! no caller-buffer slot: `read` is one `fd_read` into the caller's buffer.

mod wasi;

use crate::errno::Errno;
use crate::pal::{Pal, Result};
use crate::single::Single;
use crate::types::*;

/// The preview1 backend.
pub struct Sys;

#[inline]
fn check(ret: u16) -> Result<()> {
    if ret == 0 {
        Ok(())
    } else {
        Err(Errno(ret as i32))
    }
}

/// Rights wasi-libc asks for; the host intersects them with what the
/// pre-opened directory allows. Only the 29 rights preview1 defines (bits
/// 0..=28): wasmtime traps on `path_open` when any other bit is set
/// ("convert Rights: Int conversion error" for `!0`).
const RIGHTS_ALL: u64 = (1 << 29) - 1;

/// Pre-opened directory names, found once at first use.
/// Assumption: the host hands pre-opens out as consecutive fds from 3 and
/// `fd_prestat_get` answers `EBADF` after the last one (wasmtime, WAMR, node).
const MAX_PREOPENS: usize = 16;
const PREOPEN_NAME_MAX: usize = 128;
#[derive(Copy, Clone)]
struct Preopen {
    fd: i32,
    len: usize,
    name: [u8; PREOPEN_NAME_MAX],
}
struct Preopens {
    loaded: bool,
    count: usize,
    list: [Preopen; MAX_PREOPENS],
}
static PREOPENS: Single<Preopens> = Single::new(Preopens {
    loaded: false,
    count: 0,
    list: [Preopen {
        fd: -1,
        len: 0,
        name: [0; PREOPEN_NAME_MAX],
    }; MAX_PREOPENS],
});

fn preopens() -> &'static Preopens {
    // SAFETY: single-threaded (see `Single`); the one mutable borrow ends
    // before the shared one is handed out.
    let p = unsafe { &mut *PREOPENS.get() };
    if !p.loaded {
        p.loaded = true;
        for fd in 3..(3 + MAX_PREOPENS as i32) {
            let mut st = wasi::Prestat {
                tag: 0,
                name_len: 0,
            };
            // SAFETY: st is a valid out-pointer.
            if unsafe { wasi::fd_prestat_get(fd, &mut st) } != 0 {
                break;
            }
            if st.tag != 0 || st.name_len as usize > PREOPEN_NAME_MAX {
                continue;
            }
            let e = &mut p.list[p.count];
            // SAFETY: name has room for name_len bytes.
            if unsafe { wasi::fd_prestat_dir_name(fd, e.name.as_mut_ptr(), st.name_len as usize) }
                == 0
            {
                e.fd = fd;
                e.len = st.name_len as usize;
                p.count += 1;
            }
        }
    }
    p
}

impl Pal for Sys {
    #[inline(always)]
    fn read(fd: i32, buf: &mut [u8]) -> Result<usize> {
        let iov = wasi::Iovec {
            buf: buf.as_mut_ptr(),
            len: buf.len(),
        };
        let mut n = core::mem::MaybeUninit::<usize>::uninit();
        // SAFETY: one iovec over the caller's buffer; n is a valid out-pointer.
        // preview1 hosts accept a zero-length iovec (and still check the fd).
        check(unsafe { wasi::fd_read(fd, &iov, 1, n.as_mut_ptr()) })?;
        // SAFETY: on success the host wrote the count.
        Ok(unsafe { n.assume_init() })
    }

    fn pread(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
        let iov = wasi::Iovec {
            buf: buf.as_mut_ptr(),
            len: buf.len(),
        };
        let mut n = 0;
        // SAFETY: as in `read`.
        check(unsafe { wasi::fd_pread(fd, &iov, 1, offset, &mut n) })?;
        Ok(n)
    }

    fn write(fd: i32, buf: &[u8]) -> Result<usize> {
        let iov = wasi::Ciovec {
            buf: buf.as_ptr(),
            len: buf.len(),
        };
        let mut n = 0;
        // SAFETY: one iovec over the caller's buffer; n is a valid out-pointer.
        check(unsafe { wasi::fd_write(fd, &iov, 1, &mut n) })?;
        Ok(n)
    }

    fn pwrite(fd: i32, buf: &[u8], offset: u64) -> Result<usize> {
        let iov = wasi::Ciovec {
            buf: buf.as_ptr(),
            len: buf.len(),
        };
        let mut n = 0;
        // SAFETY: as in `write`.
        check(unsafe { wasi::fd_pwrite(fd, &iov, 1, offset, &mut n) })?;
        Ok(n)
    }

    fn close(fd: i32) -> Result<()> {
        // SAFETY: plain value arguments.
        check(unsafe { wasi::fd_close(fd) })
    }

    fn lseek(fd: i32, offset: i64, whence: Whence) -> Result<u64> {
        let w = match whence {
            Whence::Set => 0,
            Whence::Cur => 1,
            Whence::End => 2,
        };
        let mut pos = 0u64;
        // SAFETY: pos is a valid out-pointer.
        check(unsafe { wasi::fd_seek(fd, offset, w, &mut pos) })?;
        Ok(pos)
    }

    fn open(path: &[u8], oflags: i32) -> Result<i32> {
        let p = preopens();
        let mut names = p.list[..p.count].iter().map(|e| &e.name[..e.len]);
        let (i, rel) = crate::preopen::resolve(path, &mut names).ok_or(Errno::ENOENT)?;
        let dirfd = p.list[i].fd;
        let wasi_oflags = ((oflags >> 12) & 0xf) as u16;
        let fdflags = (oflags & 0x1f) as u16;
        let mut rights = RIGHTS_ALL;
        if oflags & O_WRONLY == 0 {
            // read-only: drop write-type rights (fd_datasync, fd_write,
            // fd_allocate, fd_filestat_set_size) like wasi-libc does.
            rights &= !(1 << 0 | 1 << 6 | 1 << 8 | 1 << 22);
        }
        if oflags & O_RDONLY == 0 {
            rights &= !(1 << 1); // fd_read
        }
        let lookup = if oflags & O_NOFOLLOW != 0 { 0 } else { 1 };
        let mut fd = -1;
        // SAFETY: rel is a valid byte range; fd is a valid out-pointer.
        check(unsafe {
            wasi::path_open(
                dirfd,
                lookup,
                rel.as_ptr(),
                rel.len(),
                wasi_oflags,
                rights,
                RIGHTS_ALL,
                fdflags,
                &mut fd,
            )
        })?;
        Ok(fd)
    }

    fn isatty(fd: i32) -> Result<()> {
        let mut st = wasi::Fdstat::default();
        // SAFETY: st is a valid out-pointer.
        check(unsafe { wasi::fd_fdstat_get(fd, &mut st) })?;
        // A terminal is a character device that cannot seek (wasi-libc's rule).
        const CHARACTER_DEVICE: u8 = 2;
        const SEEK_OR_TELL: u64 = 1 << 2 | 1 << 5;
        if st.filetype == CHARACTER_DEVICE && st.rights_base & SEEK_OR_TELL == 0 {
            Ok(())
        } else {
            Err(Errno::ENOTTY)
        }
    }

    fn clock_time(clock: Clock) -> Result<u64> {
        let mut t = 0u64;
        // SAFETY: t is a valid out-pointer.
        check(unsafe { wasi::clock_time_get(clock_id(clock), 1, &mut t) })?;
        Ok(t)
    }

    fn clock_res(clock: Clock) -> Result<u64> {
        let mut t = 0u64;
        // SAFETY: t is a valid out-pointer.
        check(unsafe { wasi::clock_res_get(clock_id(clock), &mut t) })?;
        Ok(t)
    }

    fn sleep(nanos: u64) -> Result<()> {
        let sub = wasi::Subscription {
            userdata: 0,
            tag: 0,      // clock
            clock_id: 1, // monotonic
            timeout: nanos,
            precision: 0,
            flags: 0, // relative
            ..Default::default()
        };
        let mut ev = wasi::Event::default();
        let mut n = 0usize;
        // SAFETY: one subscription in, room for one event out.
        check(unsafe { wasi::poll_oneoff(&sub, &mut ev, 1, &mut n) })?;
        check(ev.error)
    }

    fn random(buf: &mut [u8]) -> Result<()> {
        // SAFETY: the caller's buffer.
        check(unsafe { wasi::random_get(buf.as_mut_ptr(), buf.len()) })
    }

    fn args() -> Result<(i32, *mut *mut u8)> {
        let (mut argc, mut size) = (0usize, 0usize);
        // SAFETY: valid out-pointers.
        check(unsafe { wasi::args_sizes_get(&mut argc, &mut size) })?;
        let argv = crate::heap_alloc((argc + 1) * core::mem::size_of::<usize>(), 4) as *mut *mut u8;
        let strs = crate::heap_alloc(size.max(1), 1);
        if argv.is_null() || strs.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: both buffers have the sizes the host asked for.
        check(unsafe { wasi::args_get(argv, strs) })?;
        // SAFETY: argv has argc + 1 slots.
        unsafe { *argv.add(argc) = core::ptr::null_mut() };
        Ok((argc as i32, argv))
    }

    fn exit(status: i32) -> ! {
        // SAFETY: never returns.
        unsafe { wasi::proc_exit(status as u32) }
    }
}

fn clock_id(c: Clock) -> u32 {
    match c {
        Clock::Realtime => 0,
        Clock::Monotonic => 1,
    }
}
