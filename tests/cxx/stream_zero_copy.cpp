// Large reads through libc++'s streams reach the library's read(): on p2 the
// host writes into the caller's buffer with no allocation and no copy in
// the library (the slow-path counters of wasm_libc_get_stats stay 0; on p1
// fd_read takes the caller's buffer and they are 0 trivially).
// - std::ifstream over a 1,000,000-byte file written with std::ofstream:
//   read() in 256 KiB blocks, then again with std::getline, then through
//   rdbuf() into a std::ostringstream;
// - std::cin (stream_zero_copy.stdin, 100,000 bytes): read() in 64 KiB + 1
//   blocks (more than wasmtime's 64 KiB chunk) to the end.
// stdout (checksums) is compared with the native build; the counters go to
// stderr and a non-zero one fails the program (wasm only).
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
#ifdef __wasm__
#include <wasm_libc.h>
#endif

static std::uint32_t fnv(std::uint32_t h, const char *p, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) h = (h ^ static_cast<unsigned char>(p[i])) * 16777619u;
    return h;
}

static int check_counters(const char *what) {
#ifdef __wasm__
    wasm_libc_stats s;
    wasm_libc_get_stats(&s);
    std::cerr << what << ": fallback_allocs " << s.fallback_allocs << ", fallback_bytes " << s.fallback_bytes
              << ", guest_copies " << s.guest_copies << ", guest_copy_bytes " << s.guest_copy_bytes << "\n";
    return s.fallback_allocs || s.fallback_bytes || s.guest_copies || s.guest_copy_bytes;
#else
    (void)what;
    return 0;
#endif
}

int main() {
    const std::size_t size = 1000000;
    {
        std::ofstream out("big.txt", std::ios::binary);
        std::string line;
        for (std::size_t k = 0; out.tellp() < std::streamoff(size); k++) {
            line = "row " + std::to_string(k * 7919 % 100003) + " " + std::string(k % 61, char('A' + k % 26)) + "\n";
            out << line;
        }
    }
    std::ifstream probe("big.txt", std::ios::binary | std::ios::ate);
    std::cout << "file size " << probe.tellg() << "\n";
    probe.close();
#ifdef __wasm__
    wasm_libc_reset_stats();
#endif
    int bad = 0;

    std::vector<char> buf(256 * 1024);
    std::ifstream in("big.txt", std::ios::binary);
    std::uint32_t h = 2166136261u;
    std::size_t total = 0, blocks = 0;
    while (in.read(buf.data(), buf.size()) || in.gcount() > 0) {
        h = fnv(h, buf.data(), in.gcount());
        total += in.gcount();
        blocks++;
    }
    std::cout << "ifstream read: " << total << " bytes in " << blocks << " blocks, fnv " << h << "\n";
    bad |= check_counters("ifstream read");

    in.clear();
    in.seekg(0);
    std::string line;
    std::size_t lines = 0, chars = 0;
    h = 2166136261u;
    while (std::getline(in, line)) {
        lines++;
        chars += line.size();
        h = fnv(h, line.data(), line.size());
    }
    std::cout << "ifstream getline: " << lines << " lines, " << chars << " chars, fnv " << h << "\n";
    bad |= check_counters("ifstream getline");

    std::ifstream again("big.txt", std::ios::binary);
    std::ostringstream all;
    all << again.rdbuf();
    std::cout << "rdbuf: " << all.str().size() << " bytes, fnv " << fnv(2166136261u, all.str().data(), all.str().size())
              << "\n";
    bad |= check_counters("ifstream rdbuf");

    std::vector<char> cbuf(65537);
    total = 0;
    blocks = 0;
    h = 2166136261u;
    while (std::cin.read(cbuf.data(), cbuf.size()) || std::cin.gcount() > 0) {
        h = fnv(h, cbuf.data(), std::cin.gcount());
        total += std::cin.gcount();
        blocks++;
    }
    std::cout << "cin read: " << total << " bytes in " << blocks << " blocks, fnv " << h << "\n";
    bad |= check_counters("cin read");
    return bad;
}
