// wasm-libc: the exception entry points for C++ built without
// -fwasm-exceptions (scripts/cxx.sh puts this in libc++abi.a).
//
// clang compiles `throw` into calls to these even when the target cannot
// unwind; with no exception support in the runtime a throw can only end the
// program, as std::terminate would for an uncaught exception.
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

extern "C" {
void *__cxa_allocate_exception(size_t size) noexcept {
    void *p = malloc(size ? size : 1);
    if (!p) abort();
    return p;
}
void __cxa_free_exception(void *p) noexcept { free(p); }
[[noreturn]] void __cxa_throw(void *, void *, void (*)(void *)) {
    fputs("terminate: exception thrown in a program without exception support\n", stderr);
    abort();
}
// std::make_exception_ptr (which <future> calls for a broken promise:
// a std::promise destroyed before it was satisfied) builds an exception
// object with this. Without exception support an exception_ptr cannot own
// one (libc++abi's no-exceptions refcount functions terminate on a
// non-null object), so the program ends here, as libc++'s own
// -fno-exceptions make_exception_ptr does.
[[noreturn]] void *__cxa_init_primary_exception(void *, void *, void *(*)(void *)) noexcept {
    fputs("terminate: exception object created in a program without exception support\n", stderr);
    abort();
}
}
