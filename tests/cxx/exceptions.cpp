// -fwasm-exceptions (exceptions.flags): throw and catch through libc++abi's
// __cxa_throw/__cxa_begin_catch and libunwind's _Unwind_* (scripts/cxx.sh,
// lib/<triple>/eh/). Expected output: g++ natively (tests/cxx/gen.sh).
#include <cstddef>
#include <cstdio>
#include <exception>
#include <functional>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

struct Base : std::exception {
    int code;
    explicit Base(int c) : code(c) {}
    const char *what() const noexcept override { return "Base"; }
};
struct Derived : Base {
    explicit Derived(int c) : Base(c) {}
    const char *what() const noexcept override { return "Derived"; }
};

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) { std::printf("  ctor %s\n", name); }
    ~Noisy() { std::printf("  dtor %s (uncaught=%d)\n", name, std::uncaught_exceptions()); }
};

static int depth3(int x) {
    Noisy n("depth3");
    if (x == 1) throw Derived(7);
    if (x == 2) throw std::out_of_range("range " + std::to_string(x));
    if (x == 3) throw 42;
    if (x == 4) throw std::string("a string");
    return x;
}
static int depth2(int x) { Noisy n("depth2"); return depth3(x) + 1; }
static int depth1(int x) { Noisy n("depth1"); return depth2(x) + 1; }

static void by_type(int x) {
    try {
        std::printf("call %d -> %d\n", x, depth1(x));
    } catch (const Base &b) {
        std::printf("caught Base& what=%s code=%d\n", b.what(), b.code);
    } catch (const std::logic_error &e) {
        std::printf("caught logic_error: %s\n", e.what());
    } catch (int i) {
        std::printf("caught int %d\n", i);
    } catch (...) {
        std::printf("caught ... for %d\n", x);
    }
}

static void rethrow_inner() {
    try {
        throw std::runtime_error("first");
    } catch (std::exception &e) {
        std::printf("inner caught %s, rethrowing\n", e.what());
        throw;
    }
}

static void nested() {
    try {
        try {
            throw Derived(1);
        } catch (Base &b) {
            std::printf("nested inner caught %s\n", b.what());
            throw std::logic_error("replaced");
        }
    } catch (std::logic_error &e) {
        std::printf("nested outer caught %s\n", e.what());
    }
}

struct Member {
    int id;
    explicit Member(int i) : id(i) { std::printf("  Member %d built\n", id); }
    ~Member() { std::printf("  Member %d destroyed\n", id); }
};
struct Partial {
    Member a{1}, b{2};
    Partial() {
        std::printf("  Partial body throws\n");
        throw std::runtime_error("ctor failed");
    }
    ~Partial() { std::printf("  ~Partial (never)\n"); }
};

// A size no allocator can satisfy: std::bad_alloc, not a trap or an abort.
static volatile std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
static char *volatile keep;

int main() {
    std::printf("-- by type, with destructors during unwinding\n");
    for (int x = 0; x <= 4; x++) by_type(x);

    std::printf("-- rethrow\n");
    try {
        rethrow_inner();
    } catch (const std::runtime_error &e) {
        std::printf("outer caught %s\n", e.what());
    }
    nested();

    std::printf("-- constructor throws: built members are destroyed\n");
    try {
        Partial p;
    } catch (const std::exception &e) {
        std::printf("caught %s\n", e.what());
    }

    std::printf("-- exception_ptr\n");
    std::exception_ptr saved;
    try {
        throw Derived(9);
    } catch (...) {
        saved = std::current_exception();
    }
    try {
        std::rethrow_exception(saved);
    } catch (const Derived &d) {
        std::printf("rethrown from exception_ptr: %s %d\n", d.what(), d.code);
    }

    std::printf("-- thrown by the library\n");
    try {
        keep = new char[huge];
        std::printf("allocated?\n");
    } catch (const std::bad_alloc &) {
        std::printf("new char[SIZE_MAX/2]: std::bad_alloc\n");
    }
    try {
        keep = static_cast<char *>(::operator new(huge));
    } catch (const std::bad_alloc &) {
        std::printf("operator new(SIZE_MAX/2): std::bad_alloc\n");
    }
    std::vector<int> v(3);
    try {
        v.at(10) = 1;
    } catch (const std::out_of_range &) {
        std::printf("vector::at(10): out_of_range\n");
    }
    try {
        std::printf("%d\n", std::stoi("not a number"));
    } catch (const std::invalid_argument &) {
        std::printf("stoi(\"not a number\"): invalid_argument\n");
    }
    try {
        std::string s = "abc";
        std::printf("%c\n", s.at(5));
    } catch (const std::out_of_range &) {
        std::printf("string::at(5): out_of_range\n");
    }
    try {
        std::function<void()> empty;
        empty();
    } catch (const std::bad_function_call &) {
        std::printf("empty std::function: bad_function_call\n");
    }
    struct Poly { virtual ~Poly() {} } poly;
    struct Other : Poly {};
    try {
        Poly &p = poly;
        (void)dynamic_cast<Other &>(p);
    } catch (const std::bad_cast &) {
        std::printf("dynamic_cast<Other&>: bad_cast\n");
    }
    std::printf("done\n");
    return 0;
}
