// C++ hello: the size of a std::cout program.
#include <iostream>

int main() {
    std::cout << "hello" << std::endl;
    return 0;
}
