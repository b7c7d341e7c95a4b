//! Clocks and sleeping: [`Instant`] (monotonic), [`SystemTime`] (wall
//! clock), [`resolution`], [`sleep`].
//!
//! ```
//! use core::time::Duration;
//! use wasm_libc::time::{Instant, sleep};
//!
//! let start = Instant::now()?;
//! sleep(Duration::from_millis(1))?;
//! assert!(start.elapsed()? >= Duration::from_millis(1));
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::{Result, Sys};
use core::ops::{Add, Sub};
use core::time::Duration;
use libc_core::Pal;
pub use libc_core::types::Clock;

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// A reading of the monotonic clock: only differences mean something.
///
/// ```
/// use wasm_libc::time::Instant;
///
/// let a = Instant::now()?;
/// let b = Instant::now()?;
/// assert!(b >= a);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Instant(u64);

impl Instant {
    /// The current monotonic time (C `clock_gettime(CLOCK_MONOTONIC)`).
    ///
    /// ```
    /// let now = wasm_libc::time::Instant::now()?;
    /// # let _ = now;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn now() -> Result<Instant> {
        Sys::clock_time(Clock::Monotonic).map(Instant)
    }

    /// Time since `self` (zero if the clock reads earlier, which a monotonic
    /// clock never does).
    ///
    /// ```
    /// let t = wasm_libc::time::Instant::now()?;
    /// let spent = t.elapsed()?;
    /// # let _ = spent;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn elapsed(&self) -> Result<Duration> {
        Ok(Instant::now()?.duration_since(*self))
    }

    /// Time from `earlier` to `self`, or zero if `earlier` is later.
    ///
    /// ```
    /// use core::time::Duration;
    /// use wasm_libc::time::Instant;
    ///
    /// let a = Instant::now()?;
    /// let b = a + Duration::from_secs(2);
    /// assert_eq!(b.duration_since(a), Duration::from_secs(2));
    /// assert_eq!(a.duration_since(b), Duration::ZERO);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn duration_since(&self, earlier: Instant) -> Duration {
        Duration::from_nanos(self.0.saturating_sub(earlier.0))
    }

    /// `self + d`, or `None` past the clock's range.
    ///
    /// ```
    /// use core::time::Duration;
    /// let t = wasm_libc::time::Instant::now()?;
    /// assert!(t.checked_add(Duration::from_secs(1)).is_some());
    /// assert!(t.checked_add(Duration::MAX).is_none());
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn checked_add(&self, d: Duration) -> Option<Instant> {
        let n = u64::try_from(d.as_nanos()).ok()?;
        self.0.checked_add(n).map(Instant)
    }
}

impl Add<Duration> for Instant {
    type Output = Instant;
    /// Panics on overflow, like `std`'s `Instant`.
    fn add(self, d: Duration) -> Instant {
        self.checked_add(d)
            .expect("overflow when adding duration to instant")
    }
}

impl Sub<Instant> for Instant {
    type Output = Duration;
    /// Saturates at zero, like [`Instant::duration_since`].
    fn sub(self, earlier: Instant) -> Duration {
        self.duration_since(earlier)
    }
}

/// A reading of the wall clock: nanoseconds since 1970-01-01 00:00 UTC.
///
/// ```
/// use wasm_libc::time::SystemTime;
///
/// let now = SystemTime::now()?;
/// let since = now.duration_since(SystemTime::UNIX_EPOCH).unwrap();
/// assert!(since.as_secs() > 1_600_000_000); // after September 2020
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SystemTime(u64);

impl SystemTime {
    /// 1970-01-01 00:00:00 UTC.
    ///
    /// ```
    /// use wasm_libc::time::SystemTime;
    /// assert!(SystemTime::now()? > SystemTime::UNIX_EPOCH);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub const UNIX_EPOCH: SystemTime = SystemTime(0);

    /// The current wall-clock time (C `clock_gettime(CLOCK_REALTIME)`).
    ///
    /// ```
    /// let t = wasm_libc::time::SystemTime::now()?;
    /// # let _ = t;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn now() -> Result<SystemTime> {
        Sys::clock_time(Clock::Realtime).map(SystemTime)
    }

    /// Time from `earlier` to `self`; `None` if `earlier` is later (the wall
    /// clock can go backwards).
    ///
    /// ```
    /// use wasm_libc::time::SystemTime;
    ///
    /// let now = SystemTime::now()?;
    /// assert!(now.duration_since(SystemTime::UNIX_EPOCH).is_some());
    /// assert!(SystemTime::UNIX_EPOCH.duration_since(now).is_none());
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn duration_since(&self, earlier: SystemTime) -> Option<Duration> {
        self.0.checked_sub(earlier.0).map(Duration::from_nanos)
    }

    /// The time `d` after the epoch (`None` past year 2554).
    ///
    /// ```
    /// use core::time::Duration;
    /// use wasm_libc::time::SystemTime;
    ///
    /// let t = SystemTime::from_unix(Duration::from_secs(86_400)).unwrap();
    /// assert_eq!(t.duration_since(SystemTime::UNIX_EPOCH), Some(Duration::from_secs(86_400)));
    /// ```
    pub fn from_unix(d: Duration) -> Option<SystemTime> {
        u64::try_from(d.as_nanos()).ok().map(SystemTime)
    }
}

/// The resolution of `clock` (C `clock_getres`).
///
/// ```
/// use wasm_libc::time::{resolution, Clock};
///
/// let r = resolution(Clock::Monotonic)?;
/// assert!(r.as_nanos() > 0);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn resolution(clock: Clock) -> Result<Duration> {
    Sys::clock_res(clock).map(Duration::from_nanos)
}

/// Blocks for `d` of monotonic time (C `nanosleep`; never interrupted).
///
/// ```
/// wasm_libc::time::sleep(core::time::Duration::from_micros(500))?;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn sleep(d: Duration) -> Result<()> {
    Sys::sleep(nanos(d))
}
