// <charconv>: integers in every base, floating-point shortest round trip,
// fixed/scientific/hex/general with precision, and the errors (too small a
// buffer, out of range, no digits).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <system_error>

template <class T> static std::string str(T v) {
    char buf[128];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return r.ec == std::errc() ? std::string(buf, r.ptr) : "error";
}
template <class T> static std::string str(T v, std::chars_format f, int prec = -1) {
    char buf[512];
    auto r = prec < 0 ? std::to_chars(buf, buf + sizeof buf, v, f) : std::to_chars(buf, buf + sizeof buf, v, f, prec);
    return r.ec == std::errc() ? std::string(buf, r.ptr) : "error";
}

static const char *err(std::errc e) {
    if (e == std::errc()) return "ok";
    if (e == std::errc::invalid_argument) return "invalid_argument";
    if (e == std::errc::result_out_of_range) return "result_out_of_range";
    if (e == std::errc::value_too_large) return "value_too_large";
    return "other";
}

int main() {
    char buf[80];
    for (int base : {2, 8, 10, 16, 36}) {
        auto r = std::to_chars(buf, buf + sizeof buf, -123456789, base);
        std::printf("base %2d %.*s\n", base, int(r.ptr - buf), buf);
    }
    std::printf("int64 min %s uint64 max %s\n", str(std::numeric_limits<std::int64_t>::min()).c_str(),
                str(std::numeric_limits<std::uint64_t>::max()).c_str());
    for (double d : {0.1, 1.0 / 3, 1e23, 5e-324, 1.7976931348623157e308, -0.0, 123456789.125, 2.5e-5})
        std::printf("shortest %s\n", str(d).c_str());
    std::printf("float shortest %s %s\n", str(0.1f).c_str(), str(16777217.0f).c_str());
    double x = 3.14159265358979;
    std::printf("fixed %s | %s\n", str(x, std::chars_format::fixed, 4).c_str(),
                str(1e21, std::chars_format::fixed).c_str());
    std::printf("scientific %s | %s\n", str(x, std::chars_format::scientific, 3).c_str(),
                str(6.02214076e23, std::chars_format::scientific).c_str());
    std::printf("hex %s | %s\n", str(x, std::chars_format::hex).c_str(), str(1.0, std::chars_format::hex, 3).c_str());
    std::printf("general %s | %s | %s\n", str(x, std::chars_format::general, 10).c_str(),
                str(1e-7, std::chars_format::general).c_str(), str(123456.0, std::chars_format::general, 3).c_str());
    // A negative NaN is left out: libc++ (MSVC's formatter) writes "-nan(ind)", libstdc++ "-nan".
    std::printf("inf %s nan %s\n", str(-std::numeric_limits<double>::infinity()).c_str(),
                str(std::numeric_limits<double>::quiet_NaN()).c_str());

    auto small = std::to_chars(buf, buf + 3, 123456);
    std::printf("too small a buffer: %s at end %d\n", err(small.ec), small.ptr == buf + 3);

    int i = 0;
    const char *s = "  42";
    auto p = std::from_chars(s, s + 4, i);
    std::printf("leading spaces: %s consumed %d\n", err(p.ec), int(p.ptr - s));
    s = "-2147483648x";
    p = std::from_chars(s, s + 12, i);
    std::printf("int min %d %s rest '%s'\n", i, err(p.ec), p.ptr);
    s = "2147483648";
    i = 7;
    p = std::from_chars(s, s + 10, i);
    std::printf("int overflow %s value kept %d consumed %d\n", err(p.ec), i, int(p.ptr - s));
    unsigned u = 0;
    s = "ff7Z";
    p = std::from_chars(s, s + 4, u, 16);
    std::printf("hex %u rest '%s'\n", u, p.ptr);
    s = "zz";
    p = std::from_chars(s, s + 2, u, 36);
    std::printf("base 36 %u\n", u);
    for (const char *t : {"3.25", "-1e-3", "1e400", "0x1p3", "inf", "nan", "1.5e", ".5", "abc"}) {
        double d = -7;
        std::string in = t;
        auto q = std::from_chars(in.data(), in.data() + in.size(), d);
        // On result_out_of_range the standard keeps the value; libc++ 22 stores
        // inf there (libstdc++ keeps it): the value is printed only when not out of range.
        char val[32] = "-";
        if (q.ec != std::errc::result_out_of_range) std::snprintf(val, sizeof val, "%g", d);
        std::printf("from_chars(%s) %s %s consumed %d\n", t, err(q.ec), val, int(q.ptr - in.data()));
    }
    double h = 0;
    std::string hx = "1.8p1";
    std::from_chars(hx.data(), hx.data() + hx.size(), h, std::chars_format::hex);
    std::printf("hex float %g\n", h);
    double rt = 0;
    std::string r = str(0.1 + 0.2);
    std::from_chars(r.data(), r.data() + r.size(), rt);
    std::printf("round trip %s exact %d\n", r.c_str(), rt == 0.1 + 0.2);
    return 0;
}
