// Built with -fno-exceptions (noexceptions.flags): strings, vectors,
// <chrono>, <random> (the engine: distributions differ between standard
// libraries) and <charconv>.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

int main() {
    auto t0 = std::chrono::steady_clock::now();
    std::mt19937 gen(42);
    std::vector<int> rolls;
    for (int i = 0; i < 10; ++i) rolls.push_back(static_cast<int>(gen() % 6) + 1);
    std::string s;
    for (int r : rolls) s += std::to_string(r);
    std::printf("rolls %s first mt19937 %u\n", s.c_str(), (unsigned)std::mt19937(1)());
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, 3.0625);
    *res.ptr = 0;
    int parsed = 0;
    std::from_chars("12345", "12345" + 5, parsed);
    std::printf("to_chars %s from_chars %d\n", buf, parsed);
    auto t1 = std::chrono::steady_clock::now();
    std::printf("steady clock monotonic %d\n", t1 >= t0);
    return 0;
}
