// <chrono> (durations, casts, system_clock and time_t, the clocks' order)
// and <random> (the engines, whose outputs the standard fixes; the
// distributions differ between standard libraries, so only seed_seq, which
// is specified exactly, and properties of the others are printed).
#include <chrono>
#include <cstdint>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

using namespace std::chrono;
using namespace std::chrono_literals;

int main() {
    auto d = 1h + 30min + 15s + 250ms;
    std::cout << "ms " << duration_cast<milliseconds>(d).count() << " min " << duration_cast<minutes>(d).count()
              << " floor h " << floor<hours>(d).count() << " round min " << round<minutes>(d).count()
              << " ceil s " << ceil<seconds>(d).count() << "\n";
    duration<double> secs = d;
    std::cout << std::fixed << std::setprecision(3) << "double seconds " << secs.count() << "\n";
    std::cout << "ratio " << nanoseconds::period::den << " " << (microseconds(1500) < milliseconds(2)) << "\n";

    std::time_t t = 1764748800;  // 2025-12-03 08:00:00 UTC
    auto tp = system_clock::from_time_t(t) + 90min;
    std::time_t back = system_clock::to_time_t(tp);
    std::tm tm = *std::gmtime(&back);
    std::cout << "time_t " << back << " utc " << std::put_time(&tm, "%Y-%m-%d %H:%M:%S %a %j") << "\n";
    std::ostringstream os;
    os << std::put_time(&tm, "%c");
    std::cout << "put_time %c " << os.str() << "\n";
    auto now = system_clock::now();
    std::cout << "system_clock after 2024 " << (system_clock::to_time_t(now) > 1704067200) << "\n";
    auto s0 = steady_clock::now();
    volatile std::uint64_t spin = 0;
    for (int i = 0; i < 1000000; ++i) spin = spin + i;
    auto s1 = steady_clock::now();
    std::cout << "steady non-decreasing " << (s1 >= s0) << " high_resolution " << (high_resolution_clock::now() >= high_resolution_clock::time_point{}) << "\n";

    std::mt19937 mt;
    for (int i = 1; i < 10000; ++i) mt();
    std::mt19937_64 mt64;
    for (int i = 1; i < 10000; ++i) mt64();
    std::minstd_rand0 m0;
    for (int i = 1; i < 10000; ++i) m0();
    std::minstd_rand m1;
    for (int i = 1; i < 10000; ++i) m1();
    std::ranlux24 r24;
    for (int i = 1; i < 10000; ++i) r24();
    std::ranlux48 r48;
    for (int i = 1; i < 10000; ++i) r48();
    std::knuth_b kb;
    for (int i = 1; i < 10000; ++i) kb();
    // The 10000th values, as the standard lists them ([rand.predef]).
    std::cout << "mt19937 " << mt() << "\nmt19937_64 " << mt64() << "\nminstd_rand0 " << m0()
              << "\nminstd_rand " << m1() << "\nranlux24 " << r24() << "\nranlux48 " << r48() << "\nknuth_b "
              << kb() << "\n";
    std::seed_seq seq{1, 2, 3, 4, 5};
    std::vector<std::uint32_t> out(6);
    seq.generate(out.begin(), out.end());
    std::cout << "seed_seq";
    for (auto v : out) std::cout << " " << v;
    std::cout << "\n";
    std::mt19937 seeded(seq);
    std::cout << "mt19937(seed_seq) " << seeded() << "\n";

    std::mt19937 g(7);
    std::uniform_int_distribution<int> die(1, 6);
    std::normal_distribution<double> normal(10.0, 2.0);
    int counts[7] = {};
    double sum = 0;
    const int n = 60000;
    bool in_range = true;
    for (int i = 0; i < n; ++i) {
        int r = die(g);
        in_range = in_range && r >= 1 && r <= 6;
        counts[r]++;
        sum += normal(g);
    }
    bool fair = true;
    for (int f = 1; f <= 6; ++f) fair = fair && counts[f] > 9000 && counts[f] < 11000;
    double mean = sum / n;
    std::cout << "uniform_int in range " << in_range << " roughly fair " << fair << " normal mean ~10 "
              << (mean > 9.9 && mean < 10.1) << "\n";
    std::random_device rd;
    unsigned a = rd(), b = rd(), c = rd();
    std::cout << "random_device varies " << !(a == b && b == c) << "\n";
    return 0;
}
