// -fwasm-exceptions: an exception nobody catches ends the program through
// std::terminate (libc++abi prints the type and what() on stderr, then
// abort: a trap here, SIGABRT natively). Stdout written before stays.
// (Whether destructors run first is implementation-defined: natively they
// do not; WebAssembly unwinding has no search phase, so no object with a
// destructor is on the stack here.)
#include <cstdio>
#include <stdexcept>

static void fail() {
    throw std::runtime_error("nobody catches this");
}

int main() {
    std::puts("before the throw");
    std::fflush(stdout);
    fail();
    std::puts("not reached");
    return 0;
}
