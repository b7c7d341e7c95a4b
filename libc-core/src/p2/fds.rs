//! The p2 descriptor table: what each C fd stands for.
//!
//! Two tiers, both plain arrays indexed by the fd:
//!
//! - fds `0..INLINE` live in a static array, so the lookup on the hot path
//!   (`read`, `write`) is one bounds check against a constant and one index,
//!   exactly as with a fixed table; programs that stay below `INLINE` open
//!   descriptors never allocate.
//! - fds `INLINE..` live in a heap array (the library's C heap, see
//!   [`crate::heap_alloc`]) that doubles when full. It is reached through an
//!   out-of-line call only when the fd is past the static tier.
//!
//! Growth moves the heap tier, so no pointer into it may be kept across a
//! call that can allocate an fd ([`alloc_fd`]). Callers take a slot pointer,
//! read or write the entry, and drop it; the only long-lived use (the `read`
//! hot path, across the import calls) touches the static tier only
//! ([`inline_slot`]), and imports never open descriptors anyway.
//!
//! Limits: the fd is an `int`, so at most `i32::MAX` descriptors, and in
//! practice linear memory (16 bytes per descriptor). Sockets are limited
//! separately by their table index (`u16`): 65,536 sockets.

use super::Entry;
use super::grow::Grow;
use crate::errno::Errno;
use crate::pal::Result;
use crate::single::Single;

/// Descriptors in the static tier.
pub(super) const INLINE: usize = 64;

static FDS: Single<[Entry; INLINE]> = Single::new({
    let mut t = [Entry::Free; INLINE];
    t[0] = Entry::StdUnopened;
    t[1] = Entry::StdUnopened;
    t[2] = Entry::StdUnopened;
    t
});

/// The heap tier: fds `INLINE..`.
static EXTRA: Grow<Entry> = Grow::new();

/// The slot for `fd` if it is in the static tier (the hot path).
#[inline(always)]
pub(super) fn inline_slot(fd: i32) -> Option<*mut Entry> {
    if fd as u32 as usize >= INLINE {
        return None;
    }
    // SAFETY: in bounds; single-threaded (see `Single`).
    Some(unsafe { (FDS.get() as *mut Entry).add(fd as usize) })
}

/// The slot for `fd`, `EBADF` if it is outside the table. The pointer is
/// valid until the next [`alloc_fd`].
#[inline(always)]
pub(super) fn slot_of(fd: i32) -> Result<*mut Entry> {
    match inline_slot(fd) {
        Some(p) => Ok(p),
        None => extra_slot(fd),
    }
}

/// [`slot_of`] for the heap tier.
#[cold]
#[inline(never)]
fn extra_slot(fd: i32) -> Result<*mut Entry> {
    // Negative fds wrap to huge values and fail the check.
    EXTRA
        .slot((fd as u32 as usize).wrapping_sub(INLINE))
        .filter(|_| fd >= 0)
        .ok_or(Errno::EBADF)
}

/// Stores `e` in the lowest free descriptor (as POSIX requires of `open`,
/// `socket`, ...), growing the heap tier when every slot is taken.
pub(super) fn alloc_fd(e: Entry) -> Result<i32> {
    for fd in 3..INLINE {
        // SAFETY: in bounds; single-threaded.
        let p = unsafe { (FDS.get() as *mut Entry).add(fd) };
        // SAFETY: p points into the static tier.
        if unsafe { *p } == Entry::Free {
            // SAFETY: as above.
            unsafe { *p = e };
            return Ok(fd as i32);
        }
    }
    // Every fd must be a non-negative int.
    let i = EXTRA.take(
        |x| *x == Entry::Free,
        e,
        Entry::Free,
        i32::MAX as usize - INLINE,
    )?;
    Ok((INLINE + i) as i32)
}
