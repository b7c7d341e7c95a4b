// wasm-libc: the outermost handler of C++ programs built with
// -fwasm-exceptions (scripts/cxx.sh links this object with libunwind's
// Unwind-wasm.o, so every program that throws or catches has it).
//
// WebAssembly unwinding has no search phase: a throw nobody catches leaves
// the module as a runtime error instead of calling std::terminate, as C++
// requires ([except.handle]/9). crt1.o's entry point is weak; this strong
// one replaces it and runs `main` inside a catch-all, so programs without
// exceptions pay nothing. Destructors between the throw and here have
// already run, which the standard allows ("implementation-defined whether
// the stack is unwound").
//
// scripts/cxx.sh compiles it per flavour: p1 (the default) replaces
// `_start` (crt/crt1-p1.ll), p2 (WASM_LIBC_P2) the `run` export
// (crt/crt1-p2.ll: main, then the exit handlers); p1-threads also guards
// every thread's start function (below).
#include <cstdlib>
#include <exception>

extern "C" void __wasm_call_ctors(void);

// What Unwind-wasm.o references so that this object is linked with it.
extern "C" void __wasm_libc_cxx_guard(void) {}

#ifdef WASM_LIBC_P2
extern "C" void __wasm_libc_component_type(void);
extern "C" int __wasm_libc_start_returning(void);

// `run: func() -> result`, as in crt1-p2.ll.
extern "C" __attribute__((export_name("wasi:cli/run@0.2.0#run"))) int __wasm_libc_run(void) {
    __wasm_libc_component_type();
    __wasm_call_ctors();
    try {
        return __wasm_libc_start_returning();
    } catch (...) {
        // libc++abi's handler reports the caught exception's type and
        // what(), then aborts.
        std::terminate();
    }
}
#else
extern "C" int __main_void(void);

extern "C" void _start(void) {
    __wasm_call_ctors();
    int status;
    try {
        status = __main_void();
    } catch (...) {
        std::terminate();
    }
    std::exit(status);
}
#endif

#ifdef _REENTRANT
// p1-threads (-pthread): a thread's start function runs inside a
// catch-all too (libc's thread entry calls it through this guard), so an
// exception leaving a std::thread's function ends in std::terminate, as
// C++ requires, instead of a runtime error of the whole module.
using wasm_libc_start = void *(*)(void *);
extern "C" void __wasm_libc_set_thread_guard(void *(*)(wasm_libc_start, void *));

static void *wasm_libc_thread_guard(wasm_libc_start start, void *arg) {
    try {
        return start(arg);
    } catch (...) {
        std::terminate();
    }
}

// Before main (crt1's _start and the one above run the constructors), so
// before any thread starts.
__attribute__((constructor)) static void wasm_libc_install_thread_guard(void) {
    __wasm_libc_set_thread_guard(wasm_libc_thread_guard);
}
#endif
