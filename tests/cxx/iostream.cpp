// Reads numbers from stdin and prints them with <iomanip> formatting.
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

int main() {
    std::string word;
    double sum = 0;
    long count = 0;
    while (std::cin >> word) {
        std::istringstream in(word);
        double d;
        if (in >> d) {
            sum += d;
            ++count;
            std::cout << std::setw(12) << std::fixed << std::setprecision(3) << d << " | "
                      << std::scientific << std::setprecision(2) << d << " | " << std::hex
                      << static_cast<int>(d) << std::dec << "\n";
        } else {
            std::cout << "word: " << std::left << std::setw(8) << word << std::right << "|\n";
        }
    }
    std::cout << std::defaultfloat << std::setprecision(6) << "count " << count << " sum " << sum
              << " mean " << (count ? sum / count : 0.0) << '\n';
    std::cout << std::showbase << std::hex << 255 << ' ' << std::oct << 8 << std::dec << ' '
              << std::boolalpha << true << '\n';
    return 0;
}
