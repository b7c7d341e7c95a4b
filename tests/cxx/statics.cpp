// Static objects: constructors before main, destructors at exit in the
// reverse order (__cxa_atexit), function-local statics included.
#include <cstdio>
#include <cstdlib>

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) { std::printf("construct %s\n", name); }
    ~Noisy() { std::printf("destroy %s\n", name); }
};

Noisy first("global 1");
Noisy second("global 2");

static Noisy &local() {
    static Noisy l("function-local");
    return l;
}

static void at_exit() { std::printf("atexit handler\n"); }

int main() {
    std::printf("main starts\n");
    std::atexit(at_exit);
    local();
    std::printf("main returns\n");
    return 0;
}
