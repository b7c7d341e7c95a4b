// Mutexes on the threads flavour: std::mutex with lock_guard, unique_lock,
// recursive_mutex, timed_mutex, scoped_lock over two mutexes, try_lock, and
// std::shared_mutex readers and writers, 4 threads each, exact counts.
// Expected output: the same source built natively (gen.sh).
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

constexpr int N = 4, ITER = 20000;

template <class F> static void run(F f) {
  std::vector<std::thread> ts;
  for (int i = 0; i < N; i++) ts.emplace_back(f, i);
  for (auto &t : ts) t.join();
}

int main() {
  std::mutex m;
  long counter = 0;
  run([&](int) {
    for (int i = 0; i < ITER; i++) {
      std::lock_guard<std::mutex> g(m);
      counter++;
    }
  });
  std::cout << "lock_guard counter: " << counter << "\n";

  counter = 0;
  run([&](int) {
    for (int i = 0; i < ITER; i++) {
      std::unique_lock<std::mutex> l(m);
      counter += 2;
      l.unlock();
      l.lock();
      counter -= 1;
    }
  });
  std::cout << "unique_lock counter: " << counter << "\n";

  std::recursive_mutex rm;
  counter = 0;
  run([&](int) {
    for (int i = 0; i < ITER / 4; i++) {
      std::lock_guard<std::recursive_mutex> a(rm);
      std::lock_guard<std::recursive_mutex> b(rm);
      std::lock_guard<std::recursive_mutex> c(rm);
      counter++;
    }
  });
  std::cout << "recursive_mutex counter: " << counter << "\n";

  // scoped_lock over two mutexes taken in opposite orders: no deadlock.
  std::mutex m1, m2;
  long x = 0, y = 0;
  run([&](int id) {
    for (int i = 0; i < ITER / 4; i++) {
      if (id % 2) {
        std::scoped_lock l(m1, m2);
        x++, y += 2;
      } else {
        std::scoped_lock l(m2, m1);
        x++, y += 2;
      }
    }
  });
  std::cout << "scoped_lock x " << x << " y " << y << "\n";

  // try_lock loops.
  counter = 0;
  std::atomic<long> failed_tries{0};
  run([&](int) {
    for (int i = 0; i < ITER / 4; i++) {
      while (!m.try_lock()) {
        failed_tries++;
        std::this_thread::yield();
      }
      counter++;
      m.unlock();
    }
  });
  std::cout << "try_lock counter: " << counter << "\n";

  // try_lock on a mutex another thread holds fails; timed_mutex try_lock_for
  // times out while it is held and succeeds once it is released.
  std::timed_mutex tm;
  std::atomic<int> stage{0};
  std::thread holder([&] {
    std::lock_guard<std::mutex> g(m);
    std::lock_guard<std::timed_mutex> h(tm);
    stage = 1;
    while (stage.load() != 2) std::this_thread::yield();
  });
  while (stage.load() != 1) std::this_thread::yield();
  std::cout << "try_lock on a held mutex: " << m.try_lock() << "\n";
  auto t0 = std::chrono::steady_clock::now();
  bool got = tm.try_lock_for(std::chrono::milliseconds(50));
  auto waited = std::chrono::steady_clock::now() - t0;
  std::cout << "try_lock_for on a held timed_mutex: " << got
            << ", waited at least 50 ms: " << (waited >= std::chrono::milliseconds(50)) << "\n";
  stage = 2;
  holder.join();
  got = tm.try_lock_for(std::chrono::seconds(5));
  std::cout << "try_lock_for once released: " << got << "\n";
  tm.unlock();

  // shared_mutex: readers share, writers exclude; the readers check that no
  // writer is inside while they read.
  std::shared_mutex sm;
  long value = 0;
  std::atomic<int> writers_inside{0}, readers_inside{0}, max_readers{0};
  std::atomic<long> bad{0}, reads{0};
  std::vector<std::thread> ts;
  for (int w = 0; w < 2; w++)
    ts.emplace_back([&] {
      for (int i = 0; i < ITER / 4; i++) {
        std::unique_lock<std::shared_mutex> l(sm);
        if (writers_inside.fetch_add(1) != 0 || readers_inside.load() != 0) bad++;
        value++;
        writers_inside.fetch_sub(1);
      }
    });
  for (int r = 0; r < 4; r++)
    ts.emplace_back([&] {
      for (int i = 0; i < ITER / 4; i++) {
        std::shared_lock<std::shared_mutex> l(sm);
        int now = readers_inside.fetch_add(1) + 1;
        int prev = max_readers.load();
        while (now > prev && !max_readers.compare_exchange_weak(prev, now)) {
        }
        if (writers_inside.load() != 0) bad++;
        reads++;
        readers_inside.fetch_sub(1);
      }
    });
  for (auto &t : ts) t.join();
  std::cout << "shared_mutex value " << value << ", reads " << reads.load() << ", overlaps " << bad.load() << "\n";
  std::cout << "try_lock_shared while unlocked: " << sm.try_lock_shared() << "\n";
  std::cout << "try_lock while shared-locked: " << sm.try_lock() << "\n";
  sm.unlock_shared();
  std::shared_timed_mutex stm;
  stm.lock();
  std::thread other([&] {
    std::cout << "try_lock_shared_for while locked: " << stm.try_lock_shared_for(std::chrono::milliseconds(20)) << "\n";
  });
  other.join();
  stm.unlock();
  return 0;
}
