// -fwasm-exceptions on the threads flavour: an exception leaving a
// std::thread's function ends the program through std::terminate (libc++abi
// prints the type and what() on stderr, then abort: a trap here, SIGABRT
// natively), as C++ requires; without the guard around the thread's start
// function it would leave the module as a runtime error ("thrown Wasm
// exception", exit 1). Stdout written before stays.
#include <cstdio>
#include <stdexcept>
#include <thread>

int main() {
  std::puts("before the thread");
  std::fflush(stdout);
  std::thread t([] { throw std::runtime_error("escaped a thread"); });
  t.join();
  std::puts("not reached");
  return 0;
}
