//! `wasi_snapshot_preview1` imports and the records they use (layouts from
//! the preview1 witx: all little-endian, natural alignment, wasm32 pointers).

#[repr(C)]
pub struct Iovec {
    pub buf: *mut u8,
    pub len: usize,
}

#[repr(C)]
pub struct Ciovec {
    pub buf: *const u8,
    pub len: usize,
}

#[repr(C)]
pub struct Prestat {
    /// 0 = directory.
    pub tag: u8,
    pub name_len: u32,
}

#[repr(C)]
#[derive(Default)]
pub struct Fdstat {
    pub filetype: u8,
    pub flags: u16,
    pub rights_base: u64,
    pub rights_inheriting: u64,
}

/// `subscription` with the clock variant (48 bytes).
#[repr(C)]
#[derive(Default)]
pub struct Subscription {
    pub userdata: u64,
    pub tag: u8,
    pub _pad: [u8; 7],
    pub clock_id: u32,
    pub _pad2: u32,
    pub timeout: u64,
    pub precision: u64,
    pub flags: u16,
    pub _pad3: [u8; 6],
}

/// The clock `subscription` of `wasi_unstable` (snapshot 0, 56 bytes): an
/// `identifier` before `clock_id`. The December 2020 WAMR (`wamr-sys` 0.1.1)
/// reads `poll_oneoff` subscriptions in this layout for
/// `wasi_snapshot_preview1` too; `sleep` falls back to it (see there).
#[repr(C)]
#[derive(Default)]
pub struct LegacySubscription {
    pub userdata: u64,
    pub tag: u8,
    pub _pad: [u8; 7],
    pub identifier: u64,
    pub clock_id: u32,
    pub _pad2: u32,
    pub timeout: u64,
    pub precision: u64,
    pub flags: u16,
    pub _pad3: [u8; 6],
}

/// `event` (32 bytes).
#[repr(C)]
#[derive(Default)]
pub struct Event {
    pub userdata: u64,
    pub error: u16,
    pub kind: u8,
    pub _pad: [u8; 5],
    pub nbytes: u64,
    pub flags: u16,
    pub _pad2: [u8; 6],
}

const _: () =
    assert!(core::mem::size_of::<Subscription>() == 48 || cfg!(not(target_arch = "wasm32")));
const _: () =
    assert!(core::mem::size_of::<LegacySubscription>() == 56 || cfg!(not(target_arch = "wasm32")));
const _: () = assert!(core::mem::size_of::<Event>() == 32);
const _: () = assert!(core::mem::size_of::<Fdstat>() == 24);

// Every function returns its `errno` (a 16-bit value) as an `i32` whose
// upper bits the caller masks off (`check` in `mod.rs`), like wasi-libc's
// generated bindings: some hosts leave garbage there (the December 2020 WAMR
// of `wamr-sys` 0.1.1 returns the C `uint16_t` of its native function as is),
// and a `-> u16` declaration would let the compiler trust the upper bits.
#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    pub fn fd_read(fd: i32, iovs: *const Iovec, iovs_len: usize, nread: *mut usize) -> i32;
    pub fn fd_pread(
        fd: i32,
        iovs: *const Iovec,
        iovs_len: usize,
        offset: u64,
        nread: *mut usize,
    ) -> i32;
    pub fn fd_write(fd: i32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> i32;
    pub fn fd_pwrite(
        fd: i32,
        iovs: *const Ciovec,
        iovs_len: usize,
        offset: u64,
        nwritten: *mut usize,
    ) -> i32;
    pub fn fd_close(fd: i32) -> i32;
    pub fn fd_seek(fd: i32, offset: i64, whence: u8, newoffset: *mut u64) -> i32;
    pub fn fd_fdstat_get(fd: i32, stat: *mut Fdstat) -> i32;
    pub fn fd_prestat_get(fd: i32, prestat: *mut Prestat) -> i32;
    pub fn fd_prestat_dir_name(fd: i32, path: *mut u8, len: usize) -> i32;
    #[allow(clippy::too_many_arguments)]
    pub fn path_open(
        dirfd: i32,
        dirflags: u32,
        path: *const u8,
        path_len: usize,
        oflags: u16,
        rights_base: u64,
        rights_inheriting: u64,
        fdflags: u16,
        fd: *mut i32,
    ) -> i32;
    pub fn clock_time_get(id: u32, precision: u64, time: *mut u64) -> i32;
    pub fn clock_res_get(id: u32, res: *mut u64) -> i32;
    pub fn poll_oneoff(
        subs: *const Subscription,
        events: *mut Event,
        nsubs: usize,
        nevents: *mut usize,
    ) -> i32;
    pub fn random_get(buf: *mut u8, len: usize) -> i32;
    pub fn args_sizes_get(argc: *mut usize, argv_buf_size: *mut usize) -> i32;
    pub fn args_get(argv: *mut *mut u8, argv_buf: *mut u8) -> i32;
    pub fn proc_exit(code: u32) -> !;
}
