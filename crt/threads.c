/* `libc.a` member of the p1-threads flavour: what needs C's `_Thread_local`
 * or a WebAssembly atomics builtin, both out of reach of the pinned stable
 * Rust (`#[thread_local]` and `core::arch::wasm32::memory_atomic_wait32` are
 * unstable). Compiled by clang for wasm32-wasip1-threads (atomics, bulk
 * memory); the Rust side is libc-core/src/{tls,thread,futex}.rs. */

/* The calling thread's error number; <errno.h> declares it `_Thread_local`
 * when compiling with atomics (-pthread), as wasi-libc does. */
_Thread_local int errno;

int *__wasm_libc_errno_location(void) { return &errno; }

/* The calling thread's descriptor (libc-core/src/thread.rs); null on the
 * main thread, whose TLS wasm-ld sets up statically. */
static _Thread_local void *self;

void *__wasm_libc_thread_self(void) { return self; }
void __wasm_libc_thread_set_self(void *t) { self = t; }

/* wasm-ld's TLS globals and initialiser. */
unsigned long __wasm_libc_tls_size(void) { return __builtin_wasm_tls_size(); }
unsigned long __wasm_libc_tls_align(void) { return __builtin_wasm_tls_align(); }
extern void __wasm_init_tls(void *block);
void __wasm_libc_init_tls(void *block) { __wasm_init_tls(block); }

/* 0: woken, 1: the word did not hold `expected`, 2: timed out. A negative
 * timeout waits forever. */
int __wasm_libc_futex_wait(int *addr, int expected, long long timeout_ns) {
    return __builtin_wasm_memory_atomic_wait32(addr, expected, timeout_ns);
}

unsigned __wasm_libc_futex_wake(int *addr, unsigned count) {
    return __builtin_wasm_memory_atomic_notify(addr, count);
}

/* The wasi-threads import; crt/thread_start.s calls it. */
__attribute__((import_module("wasi"), import_name("thread-spawn")))
int __wasm_libc_wasi_thread_spawn(void *arg);

int __wasm_libc_thread_spawn_host(void *arg) { return __wasm_libc_wasi_thread_spawn(arg); }

/* The word parked threads wait on (crt/thread_start.s); never notified. */
int __wasm_libc_park_word;
