// Built with plain `clang++-19 --target=wasm32-wasip1|wasm32-wasip2` by
// tests/sdk/check.sh (needs libc++ in the sysroot: scripts/cxx.sh). Sorts
// and counts its arguments with the standard library, prints through
// iostream.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    std::sort(words.begin(), words.end());
    std::map<std::string, int> count;
    for (const auto &w : words) count[w]++;
    for (const auto &[w, n] : count) std::cout << w << ' ' << n << '\n';
    std::cout << "total " << words.size() << std::endl;
    return 0;
}
