// std::atomic across threads on the threads flavour: fetch_add, a CAS loop,
// 64-bit atomics, atomic_flag as a spin lock, C++20 wait/notify on
// std::atomic and std::atomic_flag (a ping-pong), std::latch, std::barrier
// and std::counting_semaphore. Expected output: native build (gen.sh).
#include <atomic>
#include <barrier>
#include <cstdint>
#include <iostream>
#include <latch>
#include <semaphore>
#include <thread>
#include <vector>

constexpr int N = 4, ITER = 50000;

template <class F> static void run(int n, F f) {
  std::vector<std::thread> ts;
  for (int i = 0; i < n; i++) ts.emplace_back(f, i);
  for (auto &t : ts) t.join();
}

int main() {
  std::atomic<int> a{0};
  run(N, [&](int) {
    for (int i = 0; i < ITER; i++) a.fetch_add(1, std::memory_order_relaxed);
  });
  std::cout << "fetch_add: " << a.load() << "\n";

  std::atomic<std::uint64_t> big{0};
  run(N, [&](int id) {
    for (int i = 0; i < ITER; i++) big.fetch_add((std::uint64_t(1) << 33) + id);
  });
  std::cout << "64-bit fetch_add: " << big.load() << ", lock free: " << big.is_lock_free() << "\n";

  std::atomic<int> cas{0};
  run(N, [&](int) {
    for (int i = 0; i < ITER; i++) {
      int v = cas.load();
      while (!cas.compare_exchange_weak(v, v * 3 % 1000003 + 1)) {
      }
    }
  });
  std::cout << "CAS updates applied: ";
  // Every update is applied exactly once whatever the order: recompute.
  int expect = 0;
  for (int i = 0; i < N * ITER; i++) expect = expect * 3 % 1000003 + 1;
  std::cout << (cas.load() == expect) << "\n";

  std::atomic_flag spin = ATOMIC_FLAG_INIT;
  long plain = 0;
  run(N, [&](int) {
    for (int i = 0; i < ITER / 5; i++) {
      while (spin.test_and_set(std::memory_order_acquire)) {
      }
      plain++;
      spin.clear(std::memory_order_release);
    }
  });
  std::cout << "atomic_flag spin lock: " << plain << "\n";

  // wait/notify ping-pong: each side waits for the other's value.
  std::atomic<int> turn{0};
  const int ROUNDS = 2000;
  std::thread pong([&] {
    for (int i = 0; i < ROUNDS; i++) {
      turn.wait(2 * i);  // wait while turn == 2i
      turn.store(2 * i + 2);
      turn.notify_one();
    }
  });
  for (int i = 0; i < ROUNDS; i++) {
    turn.store(2 * i + 1);
    turn.notify_one();
    turn.wait(2 * i + 1);
  }
  pong.join();
  std::cout << "wait/notify rounds: " << turn.load() / 2 << "\n";

  std::atomic_flag f;
  std::thread setter([&] {
    f.test_and_set();
    f.notify_all();
  });
  f.wait(false);
  setter.join();
  std::cout << "atomic_flag wait: " << f.test() << "\n";

  std::latch start(N + 1), done(N);
  std::atomic<int> after{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < N; i++)
    ts.emplace_back([&] {
      start.arrive_and_wait();
      after++;
      done.count_down();
    });
  start.count_down();
  done.wait();
  std::cout << "latch: " << after.load() << " after start, try_wait " << done.try_wait() << "\n";
  for (auto &t : ts) t.join();

  // barrier: in each phase every thread adds, the completion function
  // records the phase total, the next phase sees the full total.
  std::atomic<long> phase_sum{0};
  std::vector<long> totals;
  std::barrier bar(N, [&]() noexcept { totals.push_back(phase_sum.load()); });
  run(N, [&](int id) {
    for (int ph = 0; ph < 5; ph++) {
      phase_sum += (id + 1) * (ph + 1);
      bar.arrive_and_wait();
    }
  });
  std::cout << "barrier phases:";
  for (long t : totals) std::cout << " " << t;
  std::cout << "\n";

  // counting_semaphore(2): never more than 2 inside.
  std::counting_semaphore<2> sem(2);
  std::atomic<int> inside{0}, max_inside{0};
  run(6, [&](int) {
    for (int i = 0; i < 500; i++) {
      sem.acquire();
      int now = ++inside;
      int m = max_inside.load();
      while (now > m && !max_inside.compare_exchange_weak(m, now)) {
      }
      --inside;
      sem.release();
    }
  });
  std::cout << "semaphore: at most 2 inside: " << (max_inside.load() <= 2) << "\n";
  std::binary_semaphore bs(0);
  std::thread rel([&] { bs.release(); });
  bs.acquire();
  rel.join();
  std::cout << "binary_semaphore try_acquire after acquire: " << bs.try_acquire() << "\n";
  return 0;
}
