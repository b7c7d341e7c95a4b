// fstream file I/O, std::regex and std::filesystem directory listing.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main() {
    fs::create_directory("out");
    for (int i = 0; i < 3; ++i) {
        std::ofstream f("out/file" + std::to_string(i) + ".txt");
        for (int j = 0; j <= i; ++j) f << "line " << j << " of file " << i << " id=" << (i * 100 + j) << "\n";
    }
    std::ifstream in("out/file2.txt");
    std::string line;
    std::regex re(R"(line (\d+) of file (\d+) id=(\d+))");
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, re))
            std::cout << "matched " << m[1] << "/" << m[2] << " id " << std::stoi(m[3]) * 2 << "\n";
    }
    std::cout << std::regex_replace(std::string("a1b22c333"), std::regex("[0-9]+"), "#") << "\n";
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator("out"))
        names.push_back(e.path().filename().string() + " " + std::to_string(e.file_size()));
    std::sort(names.begin(), names.end());
    for (auto &n : names) std::cout << n << "\n";
    std::cout << "exists " << fs::exists("out/file1.txt") << " removed " << fs::remove_all("out") << "\n";
    std::cout << "gone " << !fs::exists("out") << "\n";
    return 0;
}
