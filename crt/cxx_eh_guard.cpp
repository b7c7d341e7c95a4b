// wasm-libc: the outermost handler of C++ programs built with
// -fwasm-exceptions (scripts/cxx.sh links this object with libunwind's
// Unwind-wasm.o, so every program that throws or catches has it).
//
// WebAssembly unwinding has no search phase: a throw nobody catches leaves
// the module as a runtime error instead of calling std::terminate, as C++
// requires ([except.handle]/9). crt1.o calls `main` through this function
// when it is linked (a weak reference, null otherwise). Destructors between
// the throw and here have already run, which the standard allows
// ("implementation-defined whether the stack is unwound").
//
// scripts/cxx.sh compiles it per flavour with WASM_LIBC_GUARDED naming what
// crt1.o would call otherwise: p1 `__main_void` (main), p2
// `__wasm_libc_start_returning` (main, then the exit handlers).
#include <exception>

extern "C" int WASM_LIBC_GUARDED(void);

extern "C" int __wasm_libc_cxx_guard(void) {
    try {
        return WASM_LIBC_GUARDED();
    } catch (...) {
        // libc++abi's handler reports the caught exception's type and
        // what(), then aborts.
        std::terminate();
    }
}
