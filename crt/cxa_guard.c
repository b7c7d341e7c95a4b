/* `libc.a` member of the p1-threads flavour: the C++ ABI's guards for
 * function-local statics (Itanium C++ ABI 3.3.2), which clang calls in code
 * compiled with -pthread (thread-safe statics). libc++abi defines them when
 * it is linked; these weak definitions serve programs without it (C++
 * compiled with -fno-exceptions against this libc alone), and yield to it.
 * The guard is 64 bits: byte 0 is set once the object is initialised (the
 * ABI's rule: compilers test it inline), the second 32-bit word is the
 * state of the initialisation: 0 none, 1 running, 2 running with waiters. */

static int *state(long long *g) { return (int *)g + 1; }

__attribute__((weak)) int __cxa_guard_acquire(long long *g) {
    unsigned char *done = (unsigned char *)g;
    int *st = state(g);
    for (;;) {
        if (__atomic_load_n(done, __ATOMIC_ACQUIRE))
            return 0;
        int seen = 0;
        if (__atomic_compare_exchange_n(st, &seen, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
            if (__atomic_load_n(done, __ATOMIC_ACQUIRE)) {
                /* Finished between the two loads: nothing to do. */
                if (__atomic_exchange_n(st, 0, __ATOMIC_RELEASE) == 2)
                    __builtin_wasm_memory_atomic_notify(st, -1);
                return 0;
            }
            return 1;
        }
        if (seen == 1 &&
            !__atomic_compare_exchange_n(st, &seen, 2, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            continue;
        __builtin_wasm_memory_atomic_wait32(st, 2, -1);
    }
}

__attribute__((weak)) void __cxa_guard_release(long long *g) {
    __atomic_store_n((unsigned char *)g, 1, __ATOMIC_RELEASE);
    if (__atomic_exchange_n(state(g), 0, __ATOMIC_RELEASE) == 2)
        __builtin_wasm_memory_atomic_notify(state(g), -1);
}

__attribute__((weak)) void __cxa_guard_abort(long long *g) {
    if (__atomic_exchange_n(state(g), 0, __ATOMIC_RELEASE) == 2)
        __builtin_wasm_memory_atomic_notify(state(g), -1);
}
