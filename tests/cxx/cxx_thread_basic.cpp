// std::thread on the threads flavour: arguments and join, several threads
// each summing a part, ids, move, detach, sleep_for, std::jthread with a
// stop token. Expected output: the same source built natively (gen.sh).
#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

static void add(int a, int b, int &out) { out = a + b; }

static void append(std::string &s, const std::string &what, int times) {
  for (int i = 0; i < times; i++) s += what;
}

int main() {
  int sum = 0;
  std::thread t(add, 2, 40, std::ref(sum));
  std::cout << "joinable before join: " << t.joinable() << "\n";
  t.join();
  std::cout << "joinable after join: " << t.joinable() << "\n";
  std::cout << "sum: " << sum << "\n";

  std::string s;
  std::thread ts1(append, std::ref(s), std::string("ab"), 3);
  ts1.join();
  std::cout << "string: " << s << "\n";

  // 8 threads each sum 100,000 numbers.
  std::vector<long long> parts(8);
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; i++)
    ts.emplace_back([i, &parts] {
      long long acc = 0;
      for (int k = i * 100000; k < (i + 1) * 100000; k++) acc += k;
      parts[i] = acc;
    });
  for (auto &x : ts) x.join();
  long long total = 0;
  for (auto p : parts) total += p;
  std::cout << "total: " << total << "\n";

  // Ids: distinct, none is main's, the handle's id is the thread's own.
  std::thread::id main_id = std::this_thread::get_id();
  std::vector<std::thread::id> ids(4), handle_ids;
  ts.clear();
  for (int i = 0; i < 4; i++) ts.emplace_back([i, &ids] { ids[i] = std::this_thread::get_id(); });
  for (auto &x : ts) handle_ids.push_back(x.get_id());
  for (auto &x : ts) x.join();
  std::set<std::thread::id> uniq(ids.begin(), ids.end());
  bool match = true;
  for (int i = 0; i < 4; i++) match = match && ids[i] == handle_ids[i];
  std::cout << "distinct ids: " << uniq.size() << ", none is main's: " << !uniq.count(main_id)
            << ", handle ids match: " << match << "\n";
  std::cout << "joined handle has no id: " << (ts[0].get_id() == std::thread::id()) << "\n";

  // Moving a thread handle.
  std::thread a([] {});
  std::thread b = std::move(a);
  std::cout << "moved: a joinable " << a.joinable() << ", b joinable " << b.joinable() << "\n";
  b.join();
  std::thread c;
  std::cout << "default-constructed joinable: " << c.joinable() << "\n";

  // Detach: the thread sets a flag that main waits for.
  std::atomic<int> flag{0};
  std::thread d([&] { flag.store(7); });
  d.detach();
  while (flag.load() == 0) std::this_thread::yield();
  std::cout << "detached thread ran: " << flag.load() << ", joinable " << d.joinable() << "\n";

  // sleep_for in a thread: at least the duration passes.
  auto t0 = std::chrono::steady_clock::now();
  std::thread sl([] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); });
  sl.join();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "slept at least 30 ms: " << (ms >= 30) << "\n";
  std::cout << "hardware_concurrency >= 1: " << (std::thread::hardware_concurrency() >= 1) << "\n";

  // std::jthread: joins on destruction, stop requested on destruction.
  std::atomic<long> spins{0};
  {
    std::jthread j([&](std::stop_token st) {
      while (!st.stop_requested()) {
        spins.fetch_add(1);
        std::this_thread::yield();
      }
    });
    while (spins.load() < 10) std::this_thread::yield();
  }
  std::cout << "jthread stopped after spinning: " << (spins.load() >= 10) << "\n";
  std::jthread j2([](std::stop_token st, int x) { (void)st; std::cout << "jthread arg " << x << "\n"; }, 5);
  j2.join();
  std::stop_source src;
  std::atomic<int> cb{0};
  std::stop_callback call(src.get_token(), [&] { cb = 1; });
  std::thread stopper([&] { src.request_stop(); });
  stopper.join();
  std::cout << "stop_callback ran: " << cb.load() << "\n";
  return 0;
}
