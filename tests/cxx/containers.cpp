// std::sort, std::map and std::unordered_map over 100,000 elements,
// std::string, std::function and smart pointers.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

static uint32_t next(uint32_t &s) {
    s = s * 1664525u + 1013904223u;
    return s >> 8;
}

int main() {
    const int n = 100000;
    uint32_t seed = 12345;
    std::vector<uint32_t> v(n);
    for (auto &x : v) x = next(seed) % 1000000;
    std::sort(v.begin(), v.end());
    std::cout << "sorted " << std::is_sorted(v.begin(), v.end()) << " min " << v.front() << " max "
              << v.back() << " median " << v[n / 2] << "\n";
    std::map<uint32_t, int> m;
    std::unordered_map<std::string, int> u;
    for (int i = 0; i < n; ++i) {
        ++m[v[i] % 5000];
        ++u["k" + std::to_string(v[i] % 7919)];
    }
    std::cout << "map " << m.size() << " first " << m.begin()->first << ":" << m.begin()->second
              << " last " << m.rbegin()->first << ":" << m.rbegin()->second << "\n";
    long total = 0;
    for (auto &kv : u) total += kv.second;
    std::cout << "unordered " << u.size() << " total " << total << " k42 " << u["k42"] << "\n";
    std::function<long(long)> fact = [&](long k) { return k <= 1 ? 1 : k * fact(k - 1); };
    auto p = std::make_unique<std::string>("unique");
    auto s = std::make_shared<std::vector<int>>(10);
    std::iota(s->begin(), s->end(), 1);
    std::cout << *p << " " << s.use_count() << " " << std::accumulate(s->begin(), s->end(), 0)
              << " 12!=" << fact(12) << "\n";
    std::string text = "the quick brown fox";
    std::reverse(text.begin(), text.end());
    std::cout << text << " " << text.find("kciuq") << "\n";
    return 0;
}
