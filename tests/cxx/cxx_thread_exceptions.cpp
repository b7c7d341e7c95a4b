// -fwasm-exceptions on the threads flavour (the eh libraries of
// lib/wasm32-wasip1-threads/eh, translated to exnref for wasmtime): eight
// threads throwing and catching at once (libc++abi's per-thread exception
// globals: std::uncaught_exceptions and nested handlers see only their own
// thread's exceptions), a lock_guard released by unwinding, a
// std::exception_ptr made on one thread and rethrown on another, exceptions
// carried by std::async/std::promise::set_exception/std::packaged_task, a
// broken promise (std::future_error), and std::system_error from join() of a
// thread that is not joinable.
// Expected output: native build (gen.sh).
#include <atomic>
#include <cstdio>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

struct Odd : std::runtime_error {
  int n;
  explicit Odd(int k) : std::runtime_error("odd " + std::to_string(k)), n(k) {}
};

static std::atomic<int> unwound{0};
struct Sentry {
  ~Sentry() {
    if (std::uncaught_exceptions() == 1) unwound++;
  }
};

static int check(int i) {
  Sentry s;
  if (i % 2) throw Odd(i);
  return i;
}

int main() {
  std::atomic<int> caught{0}, sum{0}, nested_ok{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 8; t++)
    ts.emplace_back([&, t] {
      for (int i = 0; i < 1000; i++) {
        try {
          sum += check(t * 1000 + i);
        } catch (const Odd &e) {
          caught++;
          // A second exception inside a handler, on this thread only.
          try {
            throw std::logic_error(e.what());
          } catch (const std::logic_error &inner) {
            if (std::string(inner.what()) == "odd " + std::to_string(e.n) && std::uncaught_exceptions() == 0)
              nested_ok++;
          }
        }
      }
    });
  for (auto &t : ts) t.join();
  std::printf("caught %d, sum %d, unwound %d, nested %d\n", caught.load(), sum.load(), unwound.load(), nested_ok.load());

  std::mutex m;
  std::thread locker([&m] {
    try {
      std::lock_guard<std::mutex> g(m);
      throw 42;
    } catch (int) {
    }
  });
  locker.join();
  std::printf("mutex free after unwinding: %d\n", m.try_lock());
  m.unlock();

  std::exception_ptr ep;
  std::thread maker([&ep] {
    try {
      throw Odd(7);
    } catch (...) {
      ep = std::current_exception();
    }
  });
  maker.join();
  std::thread rethrower([&ep] {
    try {
      std::rethrow_exception(ep);
    } catch (const Odd &e) {
      std::printf("rethrown on another thread: %s (%d)\n", e.what(), e.n);
    }
  });
  rethrower.join();

  auto fut = std::async(std::launch::async, [] { return check(3); });
  try {
    std::printf("not reached %d\n", fut.get());
  } catch (const Odd &e) {
    std::printf("std::async: %s\n", e.what());
  }

  std::promise<int> p;
  auto pf = p.get_future();
  std::thread setter([&p] { p.set_exception(std::make_exception_ptr(std::out_of_range("range"))); });
  setter.join();
  try {
    std::printf("not reached %d\n", pf.get());
  } catch (const std::out_of_range &e) {
    std::printf("set_exception: %s\n", e.what());
  }

  std::packaged_task<int()> task([] { return check(5); });
  auto tf = task.get_future();
  std::thread(std::move(task)).join();
  try {
    std::printf("not reached %d\n", tf.get());
  } catch (const Odd &e) {
    std::printf("packaged_task: %s\n", e.what());
  }

  std::future<int> broken;
  {
    std::promise<int> dropped;
    broken = dropped.get_future();
  }
  try {
    std::printf("not reached %d\n", broken.get());
  } catch (const std::future_error &e) {
    std::printf("broken promise: %d\n", e.code() == std::future_errc::broken_promise);
  }

  std::thread done([] {});
  done.join();
  try {
    done.join();
  } catch (const std::system_error &e) {
    std::printf("join twice: system_error, invalid_argument %d\n", e.code() == std::errc::invalid_argument);
  }
  return 0;
}
