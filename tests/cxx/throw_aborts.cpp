// Built with default flags (no -fwasm-exceptions): a throw links
// (crt/cxx_noeh.cpp) and ends the program like an uncaught exception.
#include <cstdio>
#include <stdexcept>

static void fail(int x) {
    if (x > 0) throw std::runtime_error("boom");
}

int main() {
    std::puts("before the throw");
    std::fflush(stdout);
    fail(1);
    std::puts("not reached");
    return 0;
}
