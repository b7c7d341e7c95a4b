// std::call_once, thread-safe function-local statics and thread_local
// objects with destructors on the threads flavour. A thread's thread_local
// objects are destroyed when it ends (before join returns), newest first;
// the main thread's at exit, before the static objects.
// Expected output: native build (gen.sh).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Tracer {
  std::string name;
  explicit Tracer(std::string n) : name(std::move(n)) { std::printf("construct %s\n", name.c_str()); }
  ~Tracer() { std::printf("destroy %s\n", name.c_str()); }
};

static Tracer global("global");
thread_local int tls_counter = 0;

static std::atomic<int> slow_constructions{0};
struct Slow {
  int value;
  Slow() {
    slow_constructions++;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    value = 42;
  }
};

static int use_local_static() {
  static Slow s;  // thread-safe initialisation (__cxa_guard_*)
  return s.value;
}

static void in_thread(const char *who) {
  thread_local Tracer a(std::string(who) + ".a");
  thread_local Tracer b(std::string(who) + ".b");
  tls_counter += 5;
  std::printf("%s: tls_counter %d, %s %s\n", who, tls_counter, a.name.c_str(), b.name.c_str());
}

int main() {
  std::once_flag once;
  std::atomic<int> calls{0}, ran{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; i++)
    ts.emplace_back([&] {
      for (int k = 0; k < 100; k++) {
        std::call_once(once, [&] { calls++; });
        ran++;
      }
    });
  for (auto &t : ts) t.join();
  std::printf("call_once: %d call, %d passes\n", calls.load(), ran.load());

  std::atomic<int> sum{0};
  ts.clear();
  for (int i = 0; i < 6; i++) ts.emplace_back([&] { sum += use_local_static(); });
  for (auto &t : ts) t.join();
  std::printf("local static: constructed %d time(s), sum %d\n", slow_constructions.load(), sum.load());

  // thread_local: each thread has its own counter; its objects die with it.
  tls_counter = 100;
  for (const char *who : {"t1", "t2"}) {
    std::thread t(in_thread, who);
    t.join();
    std::printf("joined %s\n", who);
  }
  std::printf("main tls_counter %d\n", tls_counter);

  // Four threads at once: each thread's destructors ran before its join.
  std::atomic<int> dtors{0};
  struct Counted {
    std::atomic<int> *n;
    ~Counted() { ++*n; }
  };
  ts.clear();
  for (int i = 0; i < 4; i++)
    ts.emplace_back([&] {
      thread_local Counted c{&dtors};
      (void)c;
    });
  for (auto &t : ts) t.join();
  std::printf("concurrent thread_local destructors: %d\n", dtors.load());

  in_thread("main");
  return 0;
}
