// std::sort over 100,000 ints (a fixed linear congruential sequence), then
// a checksum of the sorted order, so the work cannot be dropped.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

int main() {
    std::vector<std::uint32_t> v(100000);
    std::uint32_t x = 12345;
    for (auto &e : v) e = x = x * 1103515245u + 12345u;
    std::sort(v.begin(), v.end());
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < v.size(); i++) sum = sum * 31 + v[i];
    std::printf("sorted %d checksum %llu\n", int(std::is_sorted(v.begin(), v.end())), (unsigned long long)sum);
    return 0;
}
