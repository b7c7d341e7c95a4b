// std::regex: ECMAScript (the default), extended and basic grammars,
// capture groups, regex_search with iterators, back-references, icase,
// regex_replace format strings, and token iteration.
#include <iostream>
#include <regex>
#include <string>

int main() {
    const std::string log =
        "2026-12-03 08:01:17 ERROR disk /dev/sda1 at 97%\n"
        "2026-12-03 08:02:03 info  boot ok\n"
        "2026-12-04 23:59:59 Error net eth0 down\n";
    std::regex line(R"((\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) (\w+)\s+(.*))");
    for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it) {
        const std::smatch &m = *it;
        std::cout << "date " << m[1] << "/" << m[2] << "/" << m[3] << " time " << m.str(4) << m.str(5)
                  << m.str(6) << " level " << m[7] << " msg [" << m[8] << "] at " << m.position(0) << "\n";
    }
    std::regex error("error", std::regex::icase);
    int n = 0;
    for (std::sregex_iterator it(log.begin(), log.end(), error), end; it != end; ++it) ++n;
    std::cout << "icase error matches " << n << "\n";

    std::smatch m;
    std::string text = "say hello hello world world";
    if (std::regex_search(text, m, std::regex(R"(\b(\w+) \1\b)")))
        std::cout << "backreference '" << m[0] << "' prefix '" << m.prefix() << "' suffix '" << m.suffix()
                  << "'\n";
    std::cout << "ecma alternation " << std::regex_match("catdog", std::regex("(cat|dog)+")) << " "
              << std::regex_match("catdogx", std::regex("(cat|dog)+")) << "\n";
    std::cout << "lazy " << std::regex_replace(std::string("<a><b>"), std::regex("<.*?>"), "[$&]") << "\n";
    std::cout << "swap " << std::regex_replace(std::string("john smith, jane doe"), std::regex(R"((\w+) (\w+))"),
                                               "$2 $1")
              << "\n";
    std::cout << "first only "
              << std::regex_replace(std::string("a-b-c"), std::regex("-"), "+",
                                    std::regex_constants::format_first_only)
              << "\n";
    std::cout << "extended " << std::regex_match("aaab", std::regex("a+b", std::regex::extended)) << " basic "
              << std::regex_match("a+b", std::regex("a+b", std::regex::basic)) << " "
              << std::regex_match("aab", std::regex("a\\{2\\}b", std::regex::basic)) << "\n";
    std::string csv = "alpha, beta,gamma ,  delta";
    std::regex sep(R"(\s*,\s*)");
    std::cout << "tokens";
    for (std::sregex_token_iterator it(csv.begin(), csv.end(), sep, -1), end; it != end; ++it)
        std::cout << " <" << *it << ">";
    std::cout << "\n";
    std::cout << "classes " << std::regex_match("x_9", std::regex(R"([[:alpha:]]_[[:digit:]])")) << " "
              << std::regex_search("tab\there", std::regex(R"(\s)")) << "\n";
    std::wstring w = L"wide 123 chars";
    std::wsmatch wm;
    std::cout << "wregex " << std::regex_search(w, wm, std::wregex(L"\\d+")) << " at " << wm.position(0) << "\n";
    return 0;
}
