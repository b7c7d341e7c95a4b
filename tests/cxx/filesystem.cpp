// std::filesystem over our directory functions: create_directories,
// directory_iterator and recursive_directory_iterator listings, status
// queries, copy_file, rename, resize_file, path decomposition, and the
// error_code overloads on missing paths (messages from strerror).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

static void write(const fs::path &p, const std::string &text) {
    std::ofstream f(p);
    f << text;
}

static const char *kind(const fs::directory_entry &e) {
    if (e.is_directory()) return "dir";
    if (e.is_regular_file()) return "file";
    return "other";
}

int main() {
    std::error_code ec;
    std::cout << "create_directories " << fs::create_directories("tree/a/b/c", ec) << " " << !ec << "\n";
    std::cout << "again " << fs::create_directories("tree/a/b/c", ec) << " " << !ec << "\n";
    fs::create_directory("tree/empty");
    write("tree/top.txt", "top level\n");
    write("tree/a/one.dat", std::string(1000, 'x'));
    write("tree/a/b/two.log", "two\n");
    write("tree/a/b/c/three.txt", "");

    std::vector<std::string> flat;
    for (const auto &e : fs::directory_iterator("tree"))
        flat.push_back(e.path().filename().string() + " " + kind(e));
    std::sort(flat.begin(), flat.end());
    std::cout << "-- directory_iterator tree\n";
    for (auto &s : flat) std::cout << s << "\n";

    std::vector<std::string> deep;
    for (auto it = fs::recursive_directory_iterator("tree"); it != fs::recursive_directory_iterator(); ++it) {
        const auto &e = *it;
        std::string line = e.path().generic_string() + " " + kind(e) + " depth " + std::to_string(it.depth());
        if (e.is_regular_file()) line += " size " + std::to_string(e.file_size());
        deep.push_back(line);
    }
    std::sort(deep.begin(), deep.end());
    std::cout << "-- recursive_directory_iterator tree\n";
    for (auto &s : deep) std::cout << s << "\n";

    std::cout << "-- queries\n";
    std::cout << "is_directory tree/a " << fs::is_directory("tree/a") << " is_regular_file tree/top.txt "
              << fs::is_regular_file("tree/top.txt") << " is_empty tree/empty " << fs::is_empty("tree/empty")
              << " is_empty c/three.txt " << fs::is_empty("tree/a/b/c/three.txt") << "\n";
    std::cout << "file_size one.dat " << fs::file_size("tree/a/one.dat") << "\n";
    fs::copy_file("tree/a/one.dat", "tree/copy.dat", ec);
    std::cout << "copy_file " << !ec << " size " << fs::file_size("tree/copy.dat") << "\n";
    fs::resize_file("tree/copy.dat", 10, ec);
    std::cout << "resize_file " << !ec << " size " << fs::file_size("tree/copy.dat") << "\n";
    fs::rename("tree/copy.dat", "tree/a/moved.dat", ec);
    std::cout << "rename " << !ec << " old " << fs::exists("tree/copy.dat") << " new "
              << fs::exists("tree/a/moved.dat") << "\n";
    std::cout << "equivalent " << fs::equivalent("tree/a/../top.txt", "tree/top.txt") << "\n";

    std::cout << "-- paths\n";
    fs::path p = "tree/a/b/two.log";
    std::cout << "filename " << p.filename() << " stem " << p.stem() << " extension " << p.extension()
              << " parent " << p.parent_path() << " replace_extension "
              << fs::path(p).replace_extension(".txt") << "\n";
    std::cout << "join " << (fs::path("x") / "y" / "z.txt") << " lexically_normal "
              << fs::path("a/./b/../c//d").lexically_normal() << " relative "
              << fs::path("a/b/c").lexically_relative("a/d") << "\n";

    std::cout << "-- errors\n";
    auto size = fs::file_size("tree/missing", ec);
    std::cout << "file_size missing " << (size == static_cast<std::uintmax_t>(-1)) << " " << ec.message() << "\n";
    fs::directory_iterator bad("no/such/dir", ec);
    std::cout << "directory_iterator missing: " << ec.message() << "\n";
    std::cout << "remove non-empty: " << fs::remove("tree/a", ec) << " " << ec.message() << "\n";
    std::cout << "create_directory over a file: " << fs::create_directory("tree/top.txt", ec) << " "
              << (ec ? ec.message() : "no error") << "\n";

    std::cout << "-- cleanup\n";
    std::cout << "remove_all " << fs::remove_all("tree") << " exists " << fs::exists("tree") << "\n";
    return 0;
}
