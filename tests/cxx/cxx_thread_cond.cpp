// std::condition_variable on the threads flavour: a bounded queue with 3
// producers and 3 consumers (exact sum), notify_all releasing every waiter,
// wait_for timing out, condition_variable_any with a recursive mutex, and
// std::notify_all_at_thread_exit. Expected output: native build (gen.sh).
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

int main() {
  std::mutex m;
  std::condition_variable not_full, not_empty;
  std::deque<int> q;
  const int PER = 10000, CAP = 8;
  long consumed = 0, count = 0;
  int done_producers = 0;
  std::vector<std::thread> ts;
  for (int p = 0; p < 3; p++)
    ts.emplace_back([&, p] {
      for (int i = 1; i <= PER; i++) {
        std::unique_lock<std::mutex> l(m);
        not_full.wait(l, [&] { return q.size() < CAP; });
        q.push_back(p * PER + i);
        not_empty.notify_one();
      }
      std::lock_guard<std::mutex> g(m);
      done_producers++;
      not_empty.notify_all();
    });
  for (int c = 0; c < 3; c++)
    ts.emplace_back([&] {
      for (;;) {
        std::unique_lock<std::mutex> l(m);
        not_empty.wait(l, [&] { return !q.empty() || done_producers == 3; });
        if (q.empty()) return;
        consumed += q.front();
        count++;
        q.pop_front();
        not_full.notify_one();
      }
    });
  for (auto &t : ts) t.join();
  std::cout << "consumed " << count << " items, sum " << consumed << "\n";

  // notify_all wakes every waiter.
  bool go = false;
  int woken = 0, waiting = 0;
  std::condition_variable cv;
  ts.clear();
  for (int i = 0; i < 5; i++)
    ts.emplace_back([&] {
      std::unique_lock<std::mutex> l(m);
      waiting++;
      cv.notify_all();
      cv.wait(l, [&] { return go; });
      woken++;
    });
  {
    std::unique_lock<std::mutex> l(m);
    cv.wait(l, [&] { return waiting == 5; });
    go = true;
  }
  cv.notify_all();
  for (auto &t : ts) t.join();
  std::cout << "notify_all woke " << woken << "\n";

  // wait_for with nobody notifying times out.
  {
    std::unique_lock<std::mutex> l(m);
    auto t0 = std::chrono::steady_clock::now();
    std::cv_status st = cv.wait_for(l, std::chrono::milliseconds(40));
    auto el = std::chrono::steady_clock::now() - t0;
    std::cout << "wait_for: " << (st == std::cv_status::timeout ? "timeout" : "no_timeout")
              << ", at least 40 ms: " << (el >= std::chrono::milliseconds(40)) << "\n";
    bool r = cv.wait_until(l, std::chrono::steady_clock::now() + std::chrono::milliseconds(10), [] { return false; });
    std::cout << "wait_until with a false predicate: " << r << "\n";
  }

  // condition_variable_any over a recursive mutex.
  std::recursive_mutex rm;
  std::condition_variable_any cva;
  int stage = 0;
  std::thread t([&] {
    std::unique_lock<std::recursive_mutex> l(rm);
    cva.wait(l, [&] { return stage == 1; });
    stage = 2;
    cva.notify_all();
  });
  {
    std::unique_lock<std::recursive_mutex> l(rm);
    stage = 1;
    cva.notify_all();
    cva.wait(l, [&] { return stage == 2; });
  }
  t.join();
  std::cout << "condition_variable_any stage " << stage << "\n";

  // notify_all_at_thread_exit: the waiter sees the value set before the
  // thread's end.
  int result = 0;
  bool ready = false;
  std::thread ex([&] {
    std::unique_lock<std::mutex> l(m);
    result = 99;
    ready = true;
    std::notify_all_at_thread_exit(cv, std::move(l));
  });
  {
    std::unique_lock<std::mutex> l(m);
    cv.wait(l, [&] { return ready; });
    std::cout << "notify_all_at_thread_exit result " << result << "\n";
  }
  ex.join();
  return 0;
}
